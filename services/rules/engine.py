"""Loading, validating and evaluating alert rules.

All phrases of all rules go into one Aho-Corasick automaton over the article's tokens, so the cost per
article grows with the text, not with the number of rules. Regular expressions run on RE2 (linear time);
a pattern RE2 cannot compile is refused at load with its reason.
"""

from __future__ import annotations

import hashlib
import operator
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import ahocorasick
import re2
import yaml

from services import safe_yaml
from services.budget import MAX_RULE_HITS_PER_PHRASE
from services.coder.lexicon import key_of, places_within, pluralise
from services.coder.tokens import Token, TokenText, tokenize
from services.models import Alert, EnrichedArticle, MatchedSpan
from services.rules.schema import RuleSpec, validate_rule
from services.safe_yaml import excerpt

DEDUPE_KEYS = ("story", "dyad", "rule", "place")
CONDITION_KINDS = {"all", "any", "not", "phrase", "near", "regex", "actor", "event", "place", "field"}


class RuleError(ValueError):
    """A rule file that cannot be used; the message names file, line and rule id."""


@dataclass
class Rule:
    id: str
    version: int
    title: str
    severity: str
    match: dict[str, Any]
    description: str = ""
    tags: list[str] = field(default_factory=list)
    text: str = "{title}"
    dedupe: dict[str, Any] | None = None
    source: str = ""
    kind: str = "match"
    group_by: str = "none"
    window_s: float = 0.0
    threshold: float = 0.0
    baseline_windows: int = 6
    min_count: int = 3
    dedupe_key: str = ""
    dedupe_s: float = 0.0
    required: list[frozenset[int]] = field(default_factory=list)  # groups of automaton keys that must all hit
    plan: tuple[Any, ...] = ()  # `match` with phrases turned into automaton keys: the cheap yes/no check

    @property
    def stateful(self) -> bool:
        return self.kind != "match" or self.dedupe_s > 0


@dataclass
class RuleSet:
    rules: list[Rule]
    automaton: Any
    lengths: list[int]  # automaton payload (a key id) -> tokens in the key
    phrase_keys: dict[str, list[int]]  # phrase -> its automaton keys (its inflected forms)
    regexes: dict[str, Any]
    version: str
    files: dict[str, bytes] = field(default_factory=dict)  # what it was compiled from, for the rules topic
    # automaton key -> rules: (the one-group rules it can fire, the rules with it in their first group, in
    # their second group). Rules needing two or more groups are looked at only when hit in both of their
    # first two groups (a set intersection, not a loop over every rule of a common word). A list indexed by
    # key, not a dict: fewer cache misses when the rule set is large.
    route: tuple[list[frozenset[int]], ...] = ()  # (single, first, second), each indexed by key
    always: list[int] = field(default_factory=list)  # rules that can fire without any phrase hit

    def __len__(self) -> int:
        return len(self.rules)

    @property
    def by_id(self) -> dict[str, Rule]:
        return {r.id: r for r in self.rules}


class _Loader(safe_yaml.SafeLoader):
    """Keeps the line of every mapping so errors can point at it (aliases and deep nesting refused)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _strip_lines(obj: Any) -> Any:
    if isinstance(obj, dict):
        return {k: _strip_lines(v) for k, v in obj.items() if k != "__line__"}
    if isinstance(obj, list):
        return [_strip_lines(v) for v in obj]
    return obj


def _as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


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


def _strings(val: Any, here: str, what: str, numbers: bool = False) -> list[str]:
    """A string or a non-empty list of them (numbers too where a code may read as one: cameo_prefix: 19)."""
    items = _as_list(val)
    ok = (str, int) if numbers else (str,)
    if not items or any(isinstance(v, bool) or not isinstance(v, ok) or not str(v).strip() for v in items):
        raise RuleError(f"{here}: {what} must be a non-empty string or list of them, got {excerpt(val)}")
    return [str(v) for v in items]


def _fields(val: Any, here: str, kind: str, allowed: set[str]) -> dict[Any, Any]:
    if not isinstance(val, dict):
        raise RuleError(f"{here}: '{kind}' needs a mapping, got {excerpt(val)}")
    if unknown := {str(k) for k in val} - allowed - {"__line__"}:
        raise RuleError(f"{here}: {kind}: unknown keys {sorted(unknown)} (known: {sorted(allowed)})")
    return val


def _number(val: Any, here: str, what: str, integer: bool = False, low: float | None = None) -> None:
    kinds = (int,) if integer else (int, float)
    if isinstance(val, bool) or not isinstance(val, kinds) or (low is not None and val < low):
        raise RuleError(f"{here}: {what} must be {'a whole' if integer else 'a'} number"
                        f"{f' >= {low:g}' if low is not None else ''}, got {excerpt(val)}")


_ACTOR_KEYS = {"country", "agent"}
_EVENT_KEYS = {"plover", "cameo_prefix", "goldstein_max", "goldstein_min", "source", "target", "between_states"}


def _check_actor(val: Any, here: str, what: str, roles: bool) -> None:
    spec = _fields(val, here, what, _ACTOR_KEYS | ({"role"} if roles else set()))
    for key in _ACTOR_KEYS & set(spec):
        _strings(spec[key], here, f"{what}.{key}")
    if spec.get("role", "any") not in ("any", "source", "target"):
        raise RuleError(f"{here}: {what}.role must be any, source or target, got {excerpt(spec['role'])}")


def _check_condition(cond: Any, where: str, phrases: set[str], regexes: dict[str, Any]) -> None:
    """Every field of a condition checked, so evaluation can never meet a value it cannot use."""
    if not isinstance(cond, dict):
        raise RuleError(f"{where}: match: a condition must be a mapping, got {excerpt(cond)}")
    keys = [k for k in cond if k != "__line__"]
    if len(keys) != 1 or keys[0] not in CONDITION_KINDS:
        raise RuleError(f"{where}: match: a condition needs exactly one of {sorted(CONDITION_KINDS)}, "
                        f"got {excerpt(keys)}")
    kind = keys[0]
    val = cond[kind]
    line = cond.get("__line__")
    here = f"{where.split(':')[0]}:{line}" + (":" + where.split(":", 2)[2] if where.count(":") >= 2 else "")
    if kind in ("all", "any"):
        if not isinstance(val, list) or not val:
            raise RuleError(f"{here}: '{kind}' needs a non-empty list of conditions")
        for c in val:
            _check_condition(c, where, phrases, regexes)
    elif kind == "not":
        _check_condition(val, where, phrases, regexes)
    elif kind == "phrase":
        phrases.update(_strings(val, here, "phrase"))
    elif kind == "near":
        spec = _fields(val, here, "near", {"a", "b", "within"})
        if "a" not in spec or "b" not in spec:
            raise RuleError(f"{here}: near needs 'a', 'b' and optionally 'within' (words)")
        phrases.update(_strings(spec["a"], here, "near.a") + _strings(spec["b"], here, "near.b"))
        _number(spec.get("within", 10), here, "near.within", integer=True, low=0)
    elif kind == "regex":
        if not isinstance(val, str) or not val:
            raise RuleError(f"{here}: regex must be a non-empty string, got {excerpt(val)}")
        try:
            regexes[val] = re2.compile(val, options=_re2_options())
        except Exception as exc:  # re2 raises its own error type for unsupported syntax
            raise RuleError(f"{here}: regex {excerpt(val)} is refused by RE2 (linear-time engine): {exc}") from None
    elif kind == "actor":
        _check_actor(val, here, "actor", roles=True)
    elif kind == "event":
        spec = _fields(val, here, "event", _EVENT_KEYS)
        if "plover" in spec:
            _strings(spec["plover"], here, "event.plover")
        if "cameo_prefix" in spec:
            _strings(spec["cameo_prefix"], here, "event.cameo_prefix", numbers=True)
        for key in ("goldstein_max", "goldstein_min"):
            if key in spec:
                _number(spec[key], here, f"event.{key}")
        for key in ("source", "target"):
            if key in spec:
                _check_actor(spec[key], here, f"event.{key}", roles=False)
        if not isinstance(spec.get("between_states", False), bool):
            raise RuleError(f"{here}: event.between_states must be true or false")
    elif kind == "field":
        spec = _fields(val, here, "field", {"title", "source", "language", "url", "id"})
        for key, v in spec.items():
            if key != "__line__":
                _strings(v, here, f"field.{key}", numbers=True)
    elif kind == "place":
        spec = _fields(val, here, "place", {"name", "region"})
        if not set(spec) - {"__line__"}:
            raise RuleError(f"{here}: place needs 'name' (place names) and/or 'region' (a region of places.yaml)")
        if "name" in spec:
            _strings(spec["name"], here, "place.name")
        unknown = [r for r in _strings(spec.get("region", "-"), here, "place.region") if r not in places_within()]
        if "region" in spec and unknown:
            raise RuleError(f"{here}: unknown region {excerpt(unknown, 200)}; regions are the places.yaml entries "
                            f"other places are 'within': {sorted(r for r, m in places_within().items() if len(m) > 1)}")


def _re2_options() -> Any:
    opts = re2.Options()
    opts.case_sensitive = False
    opts.never_capture = True
    return opts


def _build(spec: RuleSpec, where: str, text: str, source: str) -> Rule:
    if spec.kind in ("frequency", "spike") and (spec.window <= 0 or spec.threshold <= 0):
        raise RuleError(f"{where}: a {spec.kind} rule needs a positive 'window' and 'threshold'")
    if spec.kind == "first_seen" and spec.group_by == "none":
        raise RuleError(f"{where}: a first_seen rule needs 'group_by' (dyad, place, ...)")
    dedupe = spec.dedupe
    if dedupe is not None and dedupe.key not in DEDUPE_KEYS and "{" not in dedupe.key:
        raise RuleError(f"{where}: dedupe.key must be one of {list(DEDUPE_KEYS)} or a template with {{fields}}")
    return Rule(
        id=spec.id, version=spec.version, title=spec.title, severity=spec.severity,
        match=_strip_lines(spec.match), description=spec.description, tags=list(spec.tags), text=text,
        dedupe=dedupe.model_dump() if dedupe else None, source=source, kind=spec.kind, group_by=spec.group_by,
        window_s=spec.window, threshold=spec.threshold, baseline_windows=spec.baseline_windows,
        min_count=spec.min_count, dedupe_key=dedupe.key if dedupe else "", dedupe_s=dedupe.period if dedupe else 0.0,
    )


TEMPLATE_FIELDS = {"title", "article_title", "matches", "actors", "severity", "rule_id", "key"}


def _rule(spec: Any, where: str, source: str, phrases: set[str], regexes: dict[str, Any]) -> Rule | None:
    """One rule checked against the schema and built (None: disabled); RuleError naming the field."""
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    try:
        checked = validate_rule(spec)
    except ValueError as exc:
        raise RuleError(f"{where}: {exc}") from None
    _check_condition(checked.match, where, phrases, regexes)
    try:
        parts = list(string.Formatter().parse(checked.text))
    except ValueError as exc:
        raise RuleError(f"{where}: text: bad template: {exc}") from None
    fields = {name for _, name, _, _ in parts if name is not None}
    if bad := fields - TEMPLATE_FIELDS:
        raise RuleError(f"{where}: text: unknown template fields {sorted(bad)}")
    if any(fmt or conv for _, name, fmt, conv in parts if name is not None):  # "{title:>999999999}": 1 GB
        raise RuleError(f"{where}: text: format specs and conversions are not accepted in templates")
    if not checked.enabled:
        return None
    return _build(checked, where, checked.text, source)


def read_rule_files(path: str | Path, max_bytes: int | None = None) -> dict[str, bytes]:
    """The rule files under path (a file or a directory), by name; RuleError if missing, unreadable or larger
    than max_bytes in all."""
    p = Path(path)
    if not p.exists():
        raise RuleError(f"{p}: no such file or directory")
    files = sorted(p.glob("*.yaml")) + sorted(p.glob("*.yml")) if p.is_dir() else [p]
    out: dict[str, bytes] = {}
    total = 0
    try:
        for f in files:
            total += f.stat().st_size
            if max_bytes is not None and total > max_bytes:
                raise RuleError(f"{p}: the rule files are larger than DIPLOWATCH_RULES_MAX_BYTES={max_bytes}")
            out[str(f)] = f.read_bytes()
    except OSError as exc:
        raise RuleError(f"{p}: {exc}") from None
    return out


def content_digest(sources: dict[str, bytes]) -> str:
    """SHA-256 over file names and contents; its first 12 hex digits are the rule-set version."""
    digest = hashlib.sha256()
    for f, raw in sorted(sources.items()):
        digest.update(Path(f).name.encode() + b"\0" + raw)
    return digest.hexdigest()


def load_rules(path: str | Path) -> RuleSet:
    """Load every *.yaml under path (a file or a directory); any error refuses the whole set."""
    return compile_rules(read_rule_files(path))


def compile_rules(sources: dict[str, bytes]) -> RuleSet:
    """Compile rule files given as {name: content}; any error refuses the whole set."""
    rules: list[Rule] = []
    phrases: set[str] = set()
    regexes: dict[str, Any] = {}
    seen: dict[str, str] = {}
    for f, raw in sorted(sources.items()):
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise RuleError(f"{f}: not UTF-8 text: {exc}") from None
        try:
            docs = safe_yaml.load(raw, _Loader)
        except yaml.YAMLError as exc:
            raise RuleError(f"{f}: not valid YAML: {excerpt(str(exc), 500)}") from None
        if docs is None:
            continue
        items = docs.get("rules") if isinstance(docs, dict) else docs
        if not isinstance(items, list):
            raise RuleError(f"{f}: expected a list of rules (or a mapping with 'rules:')")
        for spec in items:
            line = spec.get("__line__", "?") if isinstance(spec, dict) else "?"
            rid = spec.get("id") if isinstance(spec, dict) else None
            where = f"{f}:{line}:{rid if isinstance(rid, str) and rid.isprintable() else excerpt(rid, 40)}"
            try:
                rule = _rule(spec, where, str(f), phrases, regexes)
            except RuleError:
                raise
            except Exception as exc:  # whatever a rule does wrong refuses the set, never the worker
                raise RuleError(f"{where}: {type(exc).__name__}: {excerpt(str(exc), 200)}") from exc
            if rule is None:
                continue
            if rule.id in seen:
                raise RuleError(f"{where}: duplicate rule id (first in {seen[rule.id]})")
            seen[rule.id] = str(f)
            rules.append(rule)
    automaton = ahocorasick.Automaton()
    by_key: dict[str, list[str]] = defaultdict(list)
    for ph in phrases:
        for form in phrase_forms(ph):
            by_key[form].append(ph)
    lengths: list[int] = []
    phrase_keys: dict[str, list[int]] = defaultdict(list)
    for form, owners in by_key.items():
        automaton.add_word(form, len(lengths))  # the payload is an int: the hot loop only groups by it
        for ph in owners:
            phrase_keys[ph].append(len(lengths))
        lengths.append(len(form.split()))
    if by_key:
        automaton.make_automaton()
    routes: tuple[dict[int, set[int]], ...] = (defaultdict(set), defaultdict(set), defaultdict(set))
    always: list[int] = []
    for idx, rule in enumerate(rules):
        needed = _required_phrases(rule.match)
        # a phrase group becomes the automaton keys of all its forms: evaluation never goes through phrases
        rule.required = [frozenset(k for ph in g for k in phrase_keys.get(ph, ())) for g in needed or []]
        rule.plan = _plan(rule.match, phrase_keys)
        if needed is None:
            always.append(idx)
            continue
        for k in rule.required[0]:
            routes[0 if len(needed) == 1 else 1][k].add(idx)
        for k in rule.required[1] if len(needed) > 1 else ():
            routes[2][k].add(idx)
    route = tuple([frozenset(r.get(k, ())) for k in range(len(lengths))] for r in routes)
    return RuleSet(rules=rules, automaton=automaton if by_key else None, lengths=lengths,
                   phrase_keys=dict(phrase_keys), regexes=regexes,
                   version=content_digest(sources)[:12], files=dict(sources), route=route, always=always)


def _required_phrases(cond: dict[str, Any]) -> list[set[str]] | None:
    """Groups of phrases such that each group must have a hit for the condition to hold (None: no need).

    This keeps rule evaluation cheap as rule sets grow: a rule is looked at only when every group of its
    phrases occurs in the article ("near a b" needs both a and b).
    """
    kind, val = next(iter(cond.items()))
    if kind == "phrase":
        return [{str(p) for p in _as_list(val)}]
    if kind == "near":
        return [{str(p) for p in _as_list(val["a"])}, {str(p) for p in _as_list(val["b"])}]
    if kind == "all":
        groups = [g for r in (_required_phrases(c) for c in val) if r is not None for g in r]
        return groups or None
    if kind == "any":
        parts = [_required_phrases(c) for c in val]
        if any(p is None for p in parts):
            return None
        # any-of: at least one child's first group must hit
        return [set().union(*[p[0] for p in parts if p])]
    return None


def _plan(cond: dict[str, Any], phrase_keys: dict[str, list[int]]) -> tuple[Any, ...]:
    """A condition as nested tuples with automaton keys in place of phrases: most candidate rules do not
    hold, and answering that needs neither spans nor explanations."""
    kind, val = next(iter(cond.items()))

    def keys(phrases: Any) -> frozenset[int]:
        return frozenset(k for ph in _as_list(phrases) for k in phrase_keys.get(str(ph), ()))

    if kind in ("all", "any"):
        return (kind, tuple(_plan(c, phrase_keys) for c in val))
    if kind == "not":
        return (kind, _plan(val, phrase_keys))
    if kind == "phrase":
        return (kind, keys(val))
    if kind == "near":
        return (kind, tuple(map(str, _as_list(val["a"]))), tuple(map(str, _as_list(val["b"]))),
                int(val.get("within", 10)))
    return ("other", cond)


def _near_pairs(a_hits: list[tuple[int, int]], b_hits: list[tuple[int, int]], within: int,
                first_only: bool = False) -> list[tuple[int, int]]:
    """The (i, j) with a_hits[i] and b_hits[j] at most `within` words apart (not overlapping), in (i, j)
    order. Each a looks up the b's that start in the `within` words after it and those that end in the
    `within` words before it in two sorted lists: linear in the hits plus the pairs found (comparing every
    pair took 361 s for "arms " x 52,348 + "deal " x 52,348)."""
    by_first = sorted((bf, j) for j, (bf, _) in enumerate(b_hits))
    by_last = sorted((bl, j) for j, (_, bl) in enumerate(b_hits))
    firsts = [x for x, _ in by_first]
    lasts = [x for x, _ in by_last]
    pairs: list[tuple[int, int]] = []
    for i, (af, al) in enumerate(a_hits):
        # b after a: gap = bf - al in [0, within]; b before a: gap = af - bl in [0, within] (so bf < al)
        found = [j for _, j in by_first[bisect_left(firsts, al) : bisect_right(firsts, al + within)]]
        found += [j for _, j in by_last[bisect_left(lasts, af - within) : bisect_right(lasts, af)]]
        if found and first_only:
            return [(i, found[0])]
        pairs.extend((i, j) for j in sorted(found))
    return pairs


def _check(plan: tuple[Any, ...], doc: _Doc) -> bool:
    """Whether a planned condition holds; the same answer as `_holds`, without collecting spans."""
    op = plan[0]
    if op == "phrase":
        return not plan[1].isdisjoint(doc.hits.found)
    if op == "near":
        _, a_phrases, b_phrases, within = plan
        b_hits = [h for ph in b_phrases for h in doc.hits.get(ph, ())]
        if not b_hits:
            return False
        return bool(_near_pairs([h for ph in a_phrases for h in doc.hits.get(ph, ())], b_hits, within, True))
    if op == "all":
        return all(_check(p, doc) for p in plan[1])
    if op == "any":
        return any(_check(p, doc) for p in plan[1])
    if op == "not":
        return not _check(plan[1], doc)
    return _holds(plan[1], doc, [])


@dataclass
class _Doc:
    """What conditions look at: phrase hits by phrase, with token positions, and the enriched article."""

    text: str
    tokens: list[Token]
    hits: _Hits
    article: EnrichedArticle


_SECOND = operator.itemgetter(1)


class _Hits:
    """Phrase -> token spans, made only for the phrases a candidate rule asks about; which automaton keys
    occur at all is known from one pass without building any span."""

    __slots__ = ("_cache", "_ends", "_matches", "_rules", "_tok", "found")

    def __init__(self, rules: RuleSet, index: TokenText) -> None:
        self._rules = rules
        self._tok = index.end_to_tok
        self._cache: dict[str, list[tuple[int, int]]] = {}
        self._ends: dict[int, list[int]] | None = None
        # the hot path: the matches are listed and their keys collected in C; grouping waits for a candidate
        self._matches: list[tuple[int, int]] = (list(rules.automaton.iter(index.text))
                                                if rules.automaton is not None else [])
        self.found: set[int] = set(map(_SECOND, self._matches))

    def get(self, phrase: str, default: tuple[()] = ()) -> list[tuple[int, int]] | tuple[()]:
        spans = self._cache.get(phrase)
        if spans is None:  # the first MAX_RULE_HITS_PER_PHRASE in text order (services/budget.py)
            found = sorted(self.spans_of(self._rules.phrase_keys.get(phrase, ())))
            spans = self._cache[phrase] = found[:MAX_RULE_HITS_PER_PHRASE]
        return spans or default

    def spans_of(self, keys: Iterable[int]) -> list[tuple[int, int]]:
        """Token spans (first, last + 1) of the matches of these automaton keys, unsorted."""
        ends = self._ends
        if ends is None:  # each key's match ends, grouped once per article when a candidate first asks
            ends = self._ends = {}
            for end, k in self._matches:
                got = ends.get(k)
                if got is None:
                    ends[k] = [end]
                else:
                    got.append(end)
        tok, lengths = self._tok, self._rules.lengths
        spans: list[tuple[int, int]] = []
        for k in keys:
            got = ends.get(k)
            if got is not None:
                n = lengths[k] - 1
                for end in got:
                    t = tok[end]  # keys are padded with spaces, so every match ends right after a token
                    spans.append((t - n, t + 1))
        return spans


def _span(doc: _Doc, first: int, last: int, why: str) -> MatchedSpan:
    s, e = doc.tokens[first].start, doc.tokens[last - 1].end
    return MatchedSpan(start=s, end=e, text=doc.text[s:e], why=why)


def _holds(cond: dict[str, Any], doc: _Doc, out: list[MatchedSpan]) -> bool:
    kind, val = next(iter(cond.items()))
    if kind == "all":
        return all(_holds(c, doc, out) for c in val)
    if kind == "any":
        found = False
        for c in val:
            found = _holds(c, doc, out) or found
        return found
    if kind == "not":
        return not _holds(val, doc, [])
    if kind == "phrase":
        ok = False
        for ph in _as_list(val):
            for first, last in doc.hits.get(ph, ()):
                out.append(_span(doc, first, last, f"phrase {ph!r}"))
                ok = True
        return ok
    if kind == "near":
        within = int(val.get("within", 10))
        a_hits = [h for ph in _as_list(val["a"]) for h in doc.hits.get(str(ph), ())]
        b_hits = [h for ph in _as_list(val["b"]) for h in doc.hits.get(str(ph), ())]
        why = f"near {val['a']!r} ~{within} {val['b']!r}"
        pairs = _near_pairs(a_hits, b_hits, within)
        for i, j in pairs:
            (af, al), (bf, bl) = a_hits[i], b_hits[j]
            out.append(_span(doc, min(af, bf), max(al, bl), why))
        return bool(pairs)
    if kind == "regex":
        return _regex(val, doc, out)
    if kind == "actor":
        return _actor_holds(val, doc, out)
    if kind == "event":
        return _event_holds(val, doc, out)
    if kind == "place":
        names = {str(n).lower() for n in _as_list(val.get("name", []))}
        names.update(n.lower() for r in _as_list(val.get("region", [])) for n in places_within().get(str(r), ()))
        ok = False
        for loc in doc.article.locations:
            if loc.name.lower() in names and loc.span is not None:
                out.append(MatchedSpan(start=loc.span.start, end=loc.span.end, text=loc.text, why=f"place {loc.name}"))
                ok = True
        return ok
    if kind == "field":
        return all(str(getattr(doc.article, k, None) or "").lower() in {str(x).lower() for x in _as_list(v)}
                   for k, v in val.items())
    raise RuleError(f"unknown condition {kind}")


_REGEX_CACHE: dict[str, Any] = {}
# matched spans are listed most telling first: proximity and regex hits, places, phrases, then context
_SPECIFICITY = {"near": 0, "regex": 0, "place": 1, "phrase": 2}


def _regex(pattern: str, doc: _Doc, out: list[MatchedSpan]) -> bool:
    rx = _REGEX_CACHE.get(pattern)
    if rx is None:
        rx = _REGEX_CACHE[pattern] = re2.compile(pattern, options=_re2_options())
    ok = False
    for m in rx.finditer(doc.text):
        out.append(MatchedSpan(start=m.start(), end=m.end(), text=m.group(), why=f"regex {pattern!r}"))
        ok = True
    return ok


def _actor_ok(actor: Any, spec: dict[str, Any]) -> bool:
    if actor is None:
        return False
    countries = set(_as_list(spec.get("country", [])))
    agents = set(_as_list(spec.get("agent", [])))
    return (not countries or actor.country in countries or actor.code[:3] in countries) and (
        not agents or bool(agents & set(actor.agents)))


def _actor_holds(spec: dict[str, Any], doc: _Doc, out: list[MatchedSpan]) -> bool:
    role = spec.get("role", "any")
    ok = False
    if role == "any":
        for a in doc.article.actors:
            if _actor_ok(a, spec) and a.span is not None:
                out.append(MatchedSpan(start=a.span.start, end=a.span.end, text=a.text, why=f"actor {a.code}"))
                ok = True
        return ok
    for ev in doc.article.events:
        who = ev.source if role == "source" else ev.target
        if _actor_ok(who, spec):
            out.append(MatchedSpan(start=ev.sentence_span.start, end=ev.sentence_span.end, text=ev.sentence,
                                   why=f"{role} {who.code if who else ''} of {ev.plover or ev.cameo}"))
            ok = True
    return ok


def _event_holds(spec: dict[str, Any], doc: _Doc, out: list[MatchedSpan]) -> bool:
    ok = False
    for ev in doc.article.events:
        if _event_ok(spec, ev):
            out.append(MatchedSpan(start=ev.sentence_span.start, end=ev.sentence_span.end, text=ev.sentence,
                                   why=f"event {ev.plover} {ev.source.code}->{ev.target.code if ev.target else '-'}"))
            ok = True
    return ok


def _event_ok(spec: dict[str, Any], ev: Any) -> bool:
    types = _as_list(spec.get("plover", []))
    if types and ev.plover not in types:
        return False
    prefixes = tuple(str(p) for p in _as_list(spec.get("cameo_prefix", [])))
    if prefixes and not ev.cameo.startswith(prefixes):
        return False
    if "goldstein_max" in spec and ev.goldstein > float(spec["goldstein_max"]):
        return False
    if "goldstein_min" in spec and ev.goldstein < float(spec["goldstein_min"]):
        return False
    if "source" in spec and not _actor_ok(ev.source, spec["source"]):
        return False
    if "target" in spec and not _actor_ok(ev.target, spec["target"]):
        return False
    return not spec.get("between_states") or bool(
        ev.target is not None and ev.source.country and ev.target.country
        and ev.source.country != ev.target.country)


def _event_specs(cond: dict[str, Any]) -> list[dict[str, Any]]:
    """The event conditions a rule asks to hold (those under `not` ask the opposite and are left out)."""
    kind, val = next(iter(cond.items()))
    if kind in ("all", "any"):
        return [spec for c in val for spec in _event_specs(c)]
    return [val] if kind == "event" else []


def _involved(alert: Alert, article: EnrichedArticle) -> list[Any]:
    ids = set(alert.event_ids)
    return [ev for ev in article.events if ev.event_id in ids]


def _dyad(ev: Any) -> str:
    src = ev.source.country or ev.source.code[:3]
    tgt = (ev.target.country or ev.target.code[:3]) if ev.target else "-"
    return f"{src}|{tgt}"


def show_key(keys: list[str]) -> str:
    """How group keys read in an alert text: "IRQ -> USA" for a dyad, "*" (no grouping) as nothing."""
    return ", ".join(" -> ".join(k.split("|")) for k in keys if k != "*")


def group_keys(rule: Rule, alert: Alert, article: EnrichedArticle) -> list[str]:
    """The keys a rule's state is kept under for this article (one candidate per key)."""
    events = _involved(alert, article)
    if rule.group_by == "story":
        return [article.id]
    if rule.group_by == "dyad":
        # the pairs of the events the rule asked for, not of every event in the sentences that matched
        specs = _event_specs(rule.match)
        return sorted({_dyad(ev) for ev in events
                       if ev.target is not None and (not specs or any(_event_ok(sp, ev) for sp in specs))})
    if rule.group_by == "source_country":
        return sorted({ev.source.country for ev in events if ev.source.country})
    if rule.group_by == "target_country":
        return sorted({ev.target.country for ev in events if ev.target and ev.target.country})
    if rule.group_by == "place":
        named = {m.why.removeprefix("place ") for m in alert.matches if m.why.startswith("place ")}
        return sorted(named or {loc.name for loc in article.locations})
    return ["*"]


def evaluate(rules: RuleSet, article: EnrichedArticle, text: str, now: datetime | None = None,
             tokens: list[Token] | None = None, index: TokenText | None = None) -> list[Alert]:
    """The rules that match one enriched article, as alerts (windows and dedupe are the alerter's)."""
    tokens = tokens if tokens is not None else tokenize(text)
    index = index if index is not None else TokenText(tokens)
    doc = _Doc(text=text, tokens=tokens, hits=_Hits(rules, index), article=article)
    created = now or datetime.now(UTC)
    alerts = []
    found = doc.hits.found
    single, first, second = rules.route or ([], [], [])  # set operations and maps in C, no Python loop
    maybe = set(rules.always).union(*map(single.__getitem__, found))
    maybe |= set().union(*map(first.__getitem__, found)) & set().union(*map(second.__getitem__, found))
    for rule in (rules.rules[i] for i in sorted(maybe)):
        req = rule.required
        if len(req) > 2 and any(g.isdisjoint(found) for g in req[2:]):
            continue
        if not _check(rule.plan, doc):
            continue
        spans: list[MatchedSpan] = []
        _holds(rule.match, doc, spans)
        # the words that made the rule fire come first, actor and event context after them
        uniq = sorted({(s.start, s.end): s for s in spans}.values(), key=lambda s: (_SPECIFICITY.get(
            s.why.split(" ")[0], 3), s.start))[:20]
        event_ids = [ev.event_id for ev in article.events
                     if any(ev.sentence_span.start <= s.start < ev.sentence_span.end for s in uniq)][:20]
        involved = [ev for ev in article.events if ev.event_id in event_ids]
        actors = sorted({a for ev in involved for a in (ev.source.code, ev.target.code if ev.target else None) if a})
        plover_types = sorted({ev.plover for ev in involved if ev.plover})
        text_out = rule.text.format(title=rule.title, article_title=article.title or article.id,
                                    matches="; ".join(s.text for s in uniq[:3]), actors=", ".join(actors),
                                    severity=rule.severity, rule_id=rule.id, key="{key}")
        alert_id = hashlib.sha1(f"{rule.id}|{rule.version}|{article.id}".encode()).hexdigest()[:20]
        alert = Alert(
            alert_id=alert_id, rule_id=rule.id, rule_version=rule.version, severity=rule.severity,  # type: ignore[arg-type]
            title=rule.title, text=text_out, article_id=article.id, url=article.url, matches=uniq,
            tags=list(rule.tags), actors=actors, event_ids=event_ids, plover_types=plover_types, created_at=created,
        )
        if "{key}" in text_out:
            alert.text = text_out.replace("{key}", show_key(group_keys(rule, alert, article)))
        alerts.append(alert)
    return alerts
