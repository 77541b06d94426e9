"""The schema of one rule's top-level fields, so a wrong type is refused with its field instead of crashing.

`version: 2a`, `tags: 5`, `dedupe: 5`, `threshold: abc` or `id: [a, b]` each used to raise a TypeError or
ValueError out of the loader, which the hot reload did not catch: the worker stopped. The conditions under
`match` are checked by the loader (services/rules/load.py), which builds the typed condition tree.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError

from services.models import Severity
from services.safe_yaml import excerpt

# letters, digits, . _ - as for subscriptions: "|" separates rule id and group key in state keys, and ids
# end up in log lines, metric labels and message keys
RULE_ID_PATTERN = r"^[A-Za-z0-9_.-]{1,128}$"
_DURATION = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(value: Any) -> float:
    """Seconds from 90, "90s", "30m", "1h", "2d"."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
        return float(value)
    s = str(value).strip() if isinstance(value, str) else ""
    if s and s[-1] in _DURATION and s[:-1].replace(".", "", 1).isdigit():
        return float(s[:-1]) * _DURATION[s[-1]]
    raise ValueError(f"not a duration: {excerpt(value)} (use seconds or 30s, 15m, 1h, 1d)")


Duration = Annotated[float, BeforeValidator(parse_duration)]
Text = Annotated[str, Field(max_length=10_000)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", coerce_numbers_to_str=True)


class DedupeSpec(_Strict):
    key: Annotated[str, Field(min_length=1, max_length=500)] = "story"
    period: Duration


class RuleSpec(_Strict):
    """A rule as written in a rule file (see README.md, "Alert rules")."""

    id: Annotated[str, Field(pattern=RULE_ID_PATTERN)]
    version: Annotated[int, Field(ge=0, le=2**31)] = 1
    title: Annotated[str, Field(min_length=1, max_length=500)]
    description: Text = ""
    severity: Severity
    tags: list[Annotated[str, Field(max_length=200)]] = Field(default_factory=list, max_length=100)
    match: dict[Any, Any]
    text: Annotated[str, Field(max_length=2000)] = "{title}"
    kind: Literal["match", "frequency", "spike", "first_seen"] = "match"
    group_by: Literal["none", "story", "dyad", "place", "source_country", "target_country"] = "none"
    window: Duration = 0.0
    threshold: Annotated[float, Field(ge=0)] = 0.0
    baseline_windows: Annotated[int, Field(ge=1, le=10_000)] = 6
    min_count: Annotated[int, Field(ge=0)] = 3
    dedupe: DedupeSpec | None = None
    enabled: bool = True


def validate_rule(spec: dict[Any, Any]) -> RuleSpec:
    """The rule's fields checked and typed; ValueError naming each bad field (and a short excerpt of it)."""
    fields = {k: v for k, v in spec.items() if k != "__line__"}
    if isinstance(fields.get("dedupe"), dict):
        fields["dedupe"] = {k: v for k, v in fields["dedupe"].items() if k != "__line__"}
    try:
        return RuleSpec.model_validate(fields)
    except ValidationError as exc:
        raise ValueError("; ".join(
            f"{'.'.join(map(str, e['loc'])) or 'rule'}: {e['msg']}"
            + (f" (got {excerpt(e['input'])})" if e["type"] not in ("missing", "extra_forbidden") else "")
            for e in exc.errors(include_url=False))) from None
