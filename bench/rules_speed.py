"""Rule evaluation cost per article as rule sets grow: 10, 100, 1,000 and 10,000 phrase rules.

Each rule is a `near` or `phrase` condition over two words from the corpus vocabulary (so many rules do
fire). The article's coding is done once; what is timed is `evaluate()`, next to the same run's baseline
of tokenizing the article. Medians of several repeats, one core.

    python bench/rules_speed.py [--repeats 5]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import time
from collections import Counter

from paths import SHARED

from services.coder.tokens import TokenText, tokenize
from services.corpus import read_items
from services.enrich import enrich
from services.models import NewsItem
from services.rules import compile_rules, evaluate

CORPUS = SHARED / "corpus" / "voa_stories.jsonl"


def rule_files(n: int, vocab: list[str], rng: random.Random, loose: bool) -> dict[str, bytes]:
    """Selective rules: a two-word phrase, or two words within 3 words. Loose: a single word, or two words
    within 10 words, drawn from the commonest words (a worst case where hundreds of rules fire)."""
    lines = ["rules:"]
    for i in range(n):
        a, b = rng.sample(vocab, 2)
        if loose:
            cond = f"{{near: {{a: '{a}', b: '{b}', within: 10}}}}" if i % 2 else f"{{phrase: ['{a}']}}"
        else:
            cond = f"{{near: {{a: '{a}', b: '{b}', within: 3}}}}" if i % 2 else f"{{phrase: ['{a} {b}']}}"
        lines.append(f"  - {{id: r{i}, title: r{i}, severity: low, match: {cond}}}")
    return {"bench.yaml": "\n".join(lines).encode()}


def bench_articles() -> list[NewsItem]:
    """The 30 stories closest to 600 words: the target is stated per 600-word article."""
    return sorted(read_items(CORPUS), key=lambda it: abs(len(it.body.split()) - 600))[:30]


def vocabulary(items: list[NewsItem]) -> list[str]:
    """The 3,000 commonest words of four letters or more, commonest first: what the rules are made of."""
    words = Counter(t.norm for it in items for t in tokenize(it.body) if t.norm.isalpha() and len(t.norm) > 3)
    return [w for w, _ in words.most_common(3000)]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    items = bench_articles()
    vocab = vocabulary(items)
    rng = random.Random(7)
    coded = [(it, enrich(it, compile_rules({}))) for it in items]
    tokens = [tokenize(it.body) for it in items]
    indexes = [TokenText(t) for t in tokens]

    def per_article(fn) -> float:  # type: ignore[no-untyped-def]
        runs = []
        for _ in range(args.repeats):
            t0 = time.perf_counter()
            for k, (it, art) in enumerate(coded):
                fn(k, it, art)
            runs.append((time.perf_counter() - t0) / len(coded))
        return statistics.median(runs)

    base = per_article(lambda k, it, art: tokenize(it.body))
    print(f"{len(coded)} articles of {min(len(it.body.split()) for it in items)}-"
          f"{max(len(it.body.split()) for it in items)} words (median "
          f"{statistics.median(len(it.body.split()) for it in items):.0f}); median of {args.repeats} runs, one core")
    print(f"baseline, tokenizing one article: {base * 1000:.3f} ms (the token text is shared with the coder, "
          "so evaluate() is timed without it)\n")
    print(f"| {'rules':>6s} | {'kind':>9s} | {'compile s':>9s} | {'ms/article':>10s} | {'vs tokenize':>11s} "
          f"| {'alerts/article':>14s} |")
    print(f"|{'-' * 8}|{'-' * 11}|{'-' * 11}|{'-' * 12}|{'-' * 13}|{'-' * 16}|")
    for n, loose in [(n, loose) for loose in (False, True) for n in (10, 100, 1000, 10000)]:
        t0 = time.perf_counter()
        rules = compile_rules(rule_files(n, vocab if loose else vocab[300:], rng, loose))
        compile_s = time.perf_counter() - t0
        fired = sum(len(evaluate(rules, art, it.body, tokens=tokens[k], index=indexes[k]))
                    for k, (it, art) in enumerate(coded))
        cost = per_article(lambda k, it, art, rules=rules: evaluate(rules, art, it.body, tokens=tokens[k],
                                                                     index=indexes[k]))
        kind = "loose" if loose else "selective"
        print(f"| {n:6d} | {kind:>9s} | {compile_s:9.2f} | {cost * 1000:10.3f} | {cost / base:10.2f}x | "
              f"{fired / len(coded):14.1f} |")


if __name__ == "__main__":
    main()
