"""The rule engine looks only at rules whose phrases occur, and checks them without collecting spans.

Both shortcuts must give exactly the answer of checking every rule in full: a rule set of random phrase,
`near`, `all`, `any` and `not` conditions over real article words is evaluated both ways on corpus stories.
"""

from __future__ import annotations

import random
from collections import Counter

import pytest
from conftest import SHARED

from services.coder.tokens import TokenText, tokenize
from services.corpus import read_items
from services.enrich import enrich
from services.rules import compile_rules, evaluate
from services.rules.doc import Doc, Hits

CORPUS = SHARED / "corpus" / "voa_stories.jsonl"


def _condition(rng: random.Random, vocab: list[str], depth: int = 0) -> str:
    a, b, c = rng.sample(vocab, 3)
    kind = rng.choice(["phrase", "phrase2", "near", "near", "all", "any", "not"] if depth < 2 else ["phrase", "near"])
    if kind == "phrase":
        return f"{{phrase: ['{a}', '{b}']}}"
    if kind == "phrase2":
        return f"{{phrase: ['{a} {b}']}}"
    if kind == "near":
        return f"{{near: {{a: '{a}', b: ['{b}', '{c}'], within: {rng.choice([1, 3, 10])}}}}}"
    if kind == "not":
        return f"{{all: [{{phrase: ['{a}']}}, {{not: {_condition(rng, vocab, depth + 1)}}}]}}"
    parts = ", ".join(_condition(rng, vocab, depth + 1) for _ in range(rng.randint(2, 3)))
    return f"{{{kind}: [{parts}]}}"


def test_routing_and_quick_check_agree_with_checking_every_rule() -> None:
    if not CORPUS.exists():
        pytest.fail(f"{CORPUS} is missing: the tests read the shared corpus beside the repository")
    items = list(read_items(CORPUS, limit=12))
    words = Counter(t.norm for it in items for t in tokenize(it.body) if t.norm.isalpha() and len(t.norm) > 2)
    vocab = [w for w, _ in words.most_common(400)]
    rng = random.Random(11)
    lines = ["rules:"] + [f"  - {{id: r{i}, title: r{i}, severity: low, match: {_condition(rng, vocab)}}}"
                          for i in range(600)]
    rules = compile_rules({"random.yaml": "\n".join(lines).encode()})
    fired_total = 0
    for it in items:
        article = enrich(it, compile_rules({}))
        tokens = tokenize(it.body)
        index = TokenText(tokens)
        fast = {a.rule_id for a in evaluate(rules, article, it.body, tokens=tokens, index=index)}
        doc = Doc(text=it.body, tokens=tokens, hits=Hits(rules, index), article=article)
        full = {r.id for r in rules.rules if r.match.explain(doc, [])}
        assert fast == full, f"{it.id}: routing missed {sorted(full - fast)}, invented {sorted(fast - full)}"
        fired_total += len(full)
    # the comparison means something only if many rules fire and many do not
    assert 100 < fired_total < 600 * len(items) - 100
