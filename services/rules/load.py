"""Reading and validating rule files into typed rules; every error names the file, line, rule id and field.

This is the only place that reads a rule's YAML mapping: it checks every field of every condition and
builds the condition tree (services/rules/conditions.py), so evaluation never meets a value it cannot use.
"""

from __future__ import annotations

import hashlib
import string
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from services import safe_yaml
from services.coder.lexicon import places_within
from services.errors import RuleError
from services.rules.conditions import (
    KINDS,
    ActorIs,
    All,
    AnyOf,
    Condition,
    EventIs,
    FieldIs,
    Near,
    Not,
    Phrase,
    PlaceIs,
    Regex,
    Who,
    compiled_regex,
)
from services.rules.plan import Plan
from services.rules.schema import RuleSpec, validate_rule
from services.safe_yaml import excerpt

DEDUPE_KEYS = ("story", "dyad", "rule", "place")
TEMPLATE_FIELDS = {"title", "article_title", "matches", "actors", "severity", "rule_id", "key"}


@dataclass
class Rule:
    """One enabled rule: its condition tree and what its state (windows, dedupe) and text need."""

    id: str
    version: int
    title: str
    severity: str
    match: Condition
    description: str = ""
    tags: list[str] = field(default_factory=list)
    text: str = "{title}"
    text_fields: frozenset[str] = frozenset({"title"})  # the template's fields: re-render per key only if "key"
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
    plan: Plan | None = field(default=None, repr=False)  # the bound `match` as evaluation runs it (compile_rules)

    @property
    def stateful(self) -> bool:
        return self.kind != "match" or self.dedupe_s > 0


class _Loader(safe_yaml.SafeLoader):
    """Keeps the line of every mapping so errors can point at it (aliases and deep nesting refused)."""


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _as_list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else [v]


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


def _who(val: Any, here: str, what: str, roles: bool) -> tuple[Who, str]:
    spec = _fields(val, here, what, _ACTOR_KEYS | ({"role"} if roles else set()))
    countries = _strings(spec["country"], here, f"{what}.country") if "country" in spec else []
    agents = _strings(spec["agent"], here, f"{what}.agent") if "agent" in spec else []
    role = spec.get("role", "any")
    if role not in ("any", "source", "target"):
        raise RuleError(f"{here}: {what}.role must be any, source or target, got {excerpt(spec['role'])}")
    return Who(countries=frozenset(countries), agents=frozenset(agents)), role


def parse_condition(cond: Any, where: str) -> Condition:
    """A condition from its YAML mapping, every field checked; RuleError naming file, line and field."""
    if not isinstance(cond, dict):
        raise RuleError(f"{where}: match: a condition must be a mapping, got {excerpt(cond)}")
    keys = [k for k in cond if k != "__line__"]
    if len(keys) != 1 or keys[0] not in KINDS:
        raise RuleError(f"{where}: match: a condition needs exactly one of {sorted(KINDS)}, got {excerpt(keys)}")
    kind = keys[0]
    val = cond[kind]
    line = cond.get("__line__")
    here = f"{where.split(':')[0]}:{line}" + (":" + where.split(":", 2)[2] if where.count(":") >= 2 else "")
    if kind in ("all", "any"):
        if not isinstance(val, list) or not val:
            raise RuleError(f"{here}: '{kind}' needs a non-empty list of conditions")
        children = tuple(parse_condition(c, where) for c in val)
        return All(conditions=children) if kind == "all" else AnyOf(conditions=children)
    if kind == "not":
        return Not(condition=parse_condition(val, where))
    if kind == "phrase":
        return Phrase(any_of=tuple(_strings(val, here, "phrase")))
    if kind == "near":
        spec = _fields(val, here, "near", {"a", "b", "within"})
        if "a" not in spec or "b" not in spec:
            raise RuleError(f"{here}: near needs 'a', 'b' and optionally 'within' (words)")
        a, b = _strings(spec["a"], here, "near.a"), _strings(spec["b"], here, "near.b")
        _number(spec.get("within", 10), here, "near.within", integer=True, low=0)
        within = int(spec.get("within", 10))
        return Near(a=tuple(a), b=tuple(b), within=within, why=f"near {spec['a']!r} ~{within} {spec['b']!r}")
    if kind == "regex":
        if not isinstance(val, str) or not val:
            raise RuleError(f"{here}: regex must be a non-empty string, got {excerpt(val)}")
        try:
            compiled_regex(val)
        except Exception as exc:  # re2 raises its own error type for unsupported syntax
            raise RuleError(f"{here}: regex {excerpt(val)} is refused by RE2 (linear-time engine): {exc}") from None
        return Regex(pattern=val)
    if kind == "actor":
        who, role = _who(val, here, "actor", roles=True)
        return ActorIs(who=who, role=role)  # type: ignore[arg-type]  # role checked by _who
    if kind == "event":
        return _event(val, here)
    if kind == "field":
        spec = _fields(val, here, "field", {"title", "source", "language", "url", "id"})
        values = {str(k): _strings(v, here, f"field.{k}", numbers=True) for k, v in spec.items() if k != "__line__"}
        return FieldIs(values=tuple((k, frozenset(s.lower() for s in v)) for k, v in values.items()))
    return _place(val, here)


def _event(val: Any, here: str) -> EventIs:
    spec = _fields(val, here, "event", _EVENT_KEYS)
    plover = _strings(spec["plover"], here, "event.plover") if "plover" in spec else []
    prefixes = (_strings(spec["cameo_prefix"], here, "event.cameo_prefix", numbers=True)
                if "cameo_prefix" in spec else [])
    for key in ("goldstein_max", "goldstein_min"):
        if key in spec:
            _number(spec[key], here, f"event.{key}")
    who = {key: _who(spec[key], here, f"event.{key}", roles=False)[0] for key in ("source", "target") if key in spec}
    if not isinstance(spec.get("between_states", False), bool):
        raise RuleError(f"{here}: event.between_states must be true or false")
    return EventIs(plover=tuple(plover), cameo_prefix=tuple(prefixes), goldstein_max=spec.get("goldstein_max"),
                   goldstein_min=spec.get("goldstein_min"), source=who.get("source"), target=who.get("target"),
                   between_states=spec.get("between_states", False))


def _place(val: Any, here: str) -> PlaceIs:
    spec = _fields(val, here, "place", {"name", "region"})
    if not set(spec) - {"__line__"}:
        raise RuleError(f"{here}: place needs 'name' (place names) and/or 'region' (a region of places.yaml)")
    names = _strings(spec["name"], here, "place.name") if "name" in spec else []
    regions = _strings(spec.get("region", "-"), here, "place.region")
    unknown = [r for r in regions if r not in places_within()]
    if "region" in spec and unknown:
        raise RuleError(f"{here}: unknown region {excerpt(unknown, 200)}; regions are the places.yaml entries "
                        f"other places are 'within': {sorted(r for r, m in places_within().items() if len(m) > 1)}")
    lower = {n.lower() for n in names}
    if "region" in spec:
        lower.update(n.lower() for r in regions for n in places_within()[r])
    return PlaceIs(names=frozenset(lower))


def _template_fields(text: str, where: str) -> frozenset[str]:
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError as exc:
        raise RuleError(f"{where}: text: bad template: {exc}") from None
    fields = {name for _, name, _, _ in parts if name is not None}
    if bad := fields - TEMPLATE_FIELDS:
        raise RuleError(f"{where}: text: unknown template fields {sorted(bad)}")
    if any(fmt or conv for _, name, fmt, conv in parts if name is not None):  # "{title:>999999999}": 1 GB
        raise RuleError(f"{where}: text: format specs and conversions are not accepted in templates")
    found = frozenset(fields)
    return _FIELD_SETS.setdefault(found, found)


# the few distinct sets of template fields, shared by the rules: fewer live objects for the garbage collector
# to walk at every full collection (10,000 rules are about 100,000 of them)
_FIELD_SETS: dict[frozenset[str], frozenset[str]] = {}


def _build(spec: RuleSpec, where: str, match: Condition, text_fields: frozenset[str], source: str) -> Rule:
    if spec.kind in ("frequency", "spike") and (spec.window <= 0 or spec.threshold <= 0):
        raise RuleError(f"{where}: a {spec.kind} rule needs a positive 'window' and 'threshold'")
    if spec.kind == "first_seen" and spec.group_by == "none":
        raise RuleError(f"{where}: a first_seen rule needs 'group_by' (dyad, place, ...)")
    dedupe = spec.dedupe
    if dedupe is not None and dedupe.key not in DEDUPE_KEYS and "{" not in dedupe.key:
        raise RuleError(f"{where}: dedupe.key must be one of {list(DEDUPE_KEYS)} or a template with {{fields}}")
    return Rule(
        id=spec.id, version=spec.version, title=spec.title, severity=spec.severity, match=match,
        description=spec.description, tags=list(spec.tags), text=spec.text, text_fields=text_fields,
        dedupe=dedupe.model_dump() if dedupe else None, source=source, kind=spec.kind, group_by=spec.group_by,
        window_s=spec.window, threshold=spec.threshold, baseline_windows=spec.baseline_windows,
        min_count=spec.min_count, dedupe_key=dedupe.key if dedupe else "", dedupe_s=dedupe.period if dedupe else 0.0,
    )


def _rule(spec: Any, where: str, source: str) -> Rule | None:
    """One rule checked against the schema and built (None: disabled); RuleError naming the field."""
    if not isinstance(spec, dict):
        raise RuleError(f"{where}: a rule must be a mapping")
    try:
        checked = validate_rule(spec)
    except ValueError as exc:
        raise RuleError(f"{where}: {exc}") from None
    match = parse_condition(checked.match, where)  # a disabled rule is checked too: enabling it must not fail
    text_fields = _template_fields(checked.text, where)
    if not checked.enabled:
        return None
    return _build(checked, where, match, text_fields, source)


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


def ruleset_version(sources: dict[str, bytes]) -> str:
    """The version a set of files compiles to, known without compiling them."""
    return content_digest(sources)[:12]


def parse_rules(sources: dict[str, bytes]) -> list[Rule]:
    """The enabled rules of the files given as {name: content}, in file order; any error refuses them all."""
    rules: list[Rule] = []
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
                rule = _rule(spec, where, str(f))
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
    return rules
