"""Compiling rules: all phrases of all rules in one Aho-Corasick automaton, and the routes from its keys to rules.

The cost per article grows with the text, not with the number of rules: one automaton pass finds every
phrase, and a rule is looked at only when the groups of phrases it needs occur (`Condition.required`).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import ahocorasick

from services.coder.lexicon import key_of, pluralise
from services.coder.tokens import tokenize
from services.rules.load import Rule, parse_rules, read_rule_files, ruleset_version
from services.rules.plan import plan_of


@dataclass
class RuleSet:
    rules: list[Rule]
    automaton: Any
    lengths: list[int]  # automaton payload (a key id) -> tokens in the key
    phrase_keys: dict[str, list[int]]  # phrase -> its automaton keys (its inflected forms)
    version: str
    files: dict[str, bytes] = field(default_factory=dict)  # what it was compiled from, for the rules topic
    # automaton key -> rules: (the one-group rules it can fire, the rules with it in their first group, in
    # their second group). Rules needing two or more groups are looked at only when hit in both of their
    # first two groups (a set intersection, not a loop over every rule of a common word). A list indexed by
    # key, not a dict: fewer cache misses when the rule set is large.
    route: tuple[list[frozenset[int]], ...] = ()  # (single, first, second), each indexed by key
    always: list[int] = field(default_factory=list)  # rules that can fire without any phrase hit
    # rule id -> rule, built once: the alerter looks a rule up per candidate (rebuilding it took 1.24 ms at
    # 10,000 rules, more than evaluating an article)
    by_id: dict[str, Rule] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.by_id = {r.id: r for r in self.rules}

    def __len__(self) -> int:
        return len(self.rules)


def phrase_forms(phrase: str) -> list[str]:
    """A phrase and its inflected forms, as automaton keys: "weapon" also finds "weapons"."""
    words = [t.norm for t in tokenize(phrase)]
    if not words:
        return []
    last = words[-1]
    forms = {last}
    if last.isalpha() and len(last) > 2:
        forms.update(pluralise(last))
        if last.endswith("s") and not last.endswith("ss"):
            forms.add(last[:-1])
    return [key_of([*words[:-1], f]) for f in sorted(forms)]


# The automaton finds a node's child by a linear scan of its children in the order they were added: adding
# the keys in this order puts the commoner letters first at every node, so the scan per character of text
# is shorter (which keys match, and so every alert, does not depend on the order)
_COMMON_FIRST = str.maketrans({c: chr(1 + i) for i, c in enumerate(" etaoinshrdlcumwfgypbvkjxqz")})


def _common_first(item: tuple[str, list[str]]) -> str:
    return item[0].translate(_COMMON_FIRST)


def load_rules(path: str | Path) -> RuleSet:
    """Load every *.yaml under path (a file or a directory); any error refuses the whole set."""
    return compile_rules(read_rule_files(path))


def compile_rules(sources: dict[str, bytes]) -> RuleSet:
    """Compile rule files given as {name: content}; any error refuses the whole set (RuleError)."""
    rules = parse_rules(sources)
    automaton = ahocorasick.Automaton()
    by_key: dict[str, list[str]] = defaultdict(list)
    for ph in sorted({ph for rule in rules for ph in rule.match.phrases()}):
        for form in phrase_forms(ph):
            by_key[form].append(ph)
    lengths: list[int] = []
    phrase_keys: dict[str, list[int]] = defaultdict(list)
    for form, owners in sorted(by_key.items(), key=_common_first):
        automaton.add_word(form, len(lengths))  # the payload is an int: the hot loop only groups by it
        for ph in owners:
            phrase_keys[ph].append(len(lengths))
        lengths.append(len(form.split()))
    if by_key:
        automaton.make_automaton()
    routes: tuple[dict[int, set[int]], ...] = (defaultdict(set), defaultdict(set), defaultdict(set))
    always: list[int] = []
    for idx, rule in enumerate(rules):
        needed = rule.match.required()
        # a phrase group becomes the automaton keys of all its forms: evaluation never goes through phrases
        rule.required = [frozenset(k for ph in g for k in phrase_keys.get(ph, ())) for g in needed or []]
        rule.match = rule.match.bind(phrase_keys)
        rule.plan = plan_of(rule.match)
        if needed is None:
            always.append(idx)
            continue
        for k in rule.required[0]:
            routes[0 if len(needed) == 1 else 1][k].add(idx)
        for k in rule.required[1] if len(needed) > 1 else ():
            routes[2][k].add(idx)
    route = tuple([frozenset(r.get(k, ())) for k in range(len(lengths))] for r in routes)
    return RuleSet(rules=rules, automaton=automaton if by_key else None, lengths=lengths,
                   phrase_keys=dict(phrase_keys), version=ruleset_version(sources), files=dict(sources),
                   route=route, always=always)
