"""Stateful rules over a plain dict (the alerter uses a changelog-backed Faust table the same way)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from services.enrich import enrich
from services.models import NewsItem
from services.rules import load_rules
from services.rules.engine import RuleSet
from services.rules.state import apply, candidates

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _rules(tmp_path: Path, body: str) -> RuleSet:
    f = tmp_path / "r.yaml"
    f.write_text(body)
    return load_rules(f)


def _fire(rules: RuleSet, state: dict, text: str, when: datetime, art_id: str) -> list[str]:
    article = enrich(NewsItem(id=art_id, body=text, published_at=when), rules)
    fired = []
    for c in candidates(rules.by_id, article.alerts, article):
        alert = apply(rules.by_id[c.rule_id], c, state)
        if alert is not None:
            fired.append(f"{alert.rule_id}:{c.key}:{alert.window_count}")
    return fired


FREQ = """
- id: burst
  title: burst
  severity: low
  kind: frequency
  window: 1h
  threshold: 3
  match: {phrase: South China Sea}
"""


def test_frequency_fires_once_on_the_nth_article_within_the_window(tmp_path: Path) -> None:
    rules, state = _rules(tmp_path, FREQ), {}
    text = "Ships gathered in the South China Sea."
    assert _fire(rules, state, text, T0, "a1") == []
    assert _fire(rules, state, text, T0 + timedelta(minutes=10), "a2") == []
    assert _fire(rules, state, text, T0 + timedelta(minutes=20), "a3") == ["burst:*:3"]
    assert _fire(rules, state, text, T0 + timedelta(minutes=25), "a4") == []


def test_frequency_forgets_articles_outside_the_window(tmp_path: Path) -> None:
    rules, state = _rules(tmp_path, FREQ), {}
    text = "Ships gathered in the South China Sea."
    for i, minutes in enumerate([0, 10, 90]):
        assert _fire(rules, state, text, T0 + timedelta(minutes=minutes), f"b{i}") == []


def test_first_seen_fires_once_per_dyad(tmp_path: Path) -> None:
    rules, state = _rules(tmp_path, """
- id: new-pair
  title: new pair
  severity: medium
  kind: first_seen
  group_by: dyad
  match: {event: {plover: [ASSAULT, THREATEN]}}
"""), {}
    assert _fire(rules, state, "Iran threatened Iraq.", T0, "c1") == ["new-pair:IRN|IRQ:1"]
    assert _fire(rules, state, "Iran threatened Iraq again.", T0, "c2") == []
    assert _fire(rules, state, "Iran threatened Kuwait.", T0, "c3") == ["new-pair:IRN|KWT:1"]


def test_dedupe_suppresses_within_the_period_and_counts_repeats(tmp_path: Path) -> None:
    rules, state = _rules(tmp_path, """
- id: law
  title: law
  severity: high
  match: {phrase: coast guard law}
  dedupe: {key: rule, period: 6h}
"""), {}
    text = "The coast guard law was debated."
    assert _fire(rules, state, text, T0, "d1") == ["law:*:None"]
    assert _fire(rules, state, text, T0 + timedelta(hours=1), "d2") == []
    assert _fire(rules, state, text, T0 + timedelta(hours=2), "d3") == []
    assert state["law|dedupe|*"]["repeats"] == 2
    assert _fire(rules, state, text, T0 + timedelta(hours=7), "d4") == ["law:*:None"]


def test_spike_fires_when_the_window_exceeds_k_times_the_average(tmp_path: Path) -> None:
    rules, state = _rules(tmp_path, """
- id: spike
  title: spike
  severity: low
  kind: spike
  window: 1h
  threshold: 2
  baseline_windows: 3
  min_count: 3
  match: {phrase: Taiwan Strait}
"""), {}
    text = "Warships sailed through the Taiwan Strait."
    fired = []
    for hour, n in [(0, 1), (1, 1), (2, 1)]:
        for k in range(n):
            fired += _fire(rules, state, text, T0 + timedelta(hours=hour, minutes=k), f"s{hour}{k}")
    assert fired == []
    for k in range(4):
        fired += _fire(rules, state, text, T0 + timedelta(hours=3, minutes=k), f"t{k}")
    assert fired == ["spike:*:3"], "3 articles > 2 x average 1, fired once in the window"


def test_rule_file_errors_for_stateful_options(tmp_path: Path) -> None:
    import pytest

    from services.rules.engine import RuleError
    with pytest.raises(RuleError, match="window"):
        _rules(tmp_path, "- {id: x, title: t, severity: low, kind: frequency, match: {phrase: a}}\n")
    with pytest.raises(RuleError, match="duration"):
        _rules(tmp_path, "- {id: x, title: t, severity: low, kind: frequency, window: soon, threshold: 2,"
                         " match: {phrase: a}}\n")
    with pytest.raises(RuleError, match="group_by"):
        _rules(tmp_path, "- {id: x, title: t, severity: low, kind: first_seen, match: {phrase: a}}\n")


PAIRS = """
- id: pairs
  title: New pair
  severity: low
  kind: first_seen
  group_by: dyad
  match: {event: {plover: [ASSAULT, COERCE], between_states: true}}
  text: "{title}: {key}"
"""


def test_each_new_pair_gets_an_alert_that_names_it(tmp_path: Path) -> None:
    rules = _rules(tmp_path, PAIRS)
    text = "Russian troops attacked Georgian positions, and Armenian forces shelled Azerbaijani villages."
    article = enrich(NewsItem(id="p1", body=text, published_at=T0), rules)
    assert [a.text for a in article.alerts] == ["New pair: ARM -> AZE, RUS -> GEO"]
    state: dict = {}
    fired = [apply(rules.by_id[c.rule_id], c, state) for c in candidates(rules.by_id, article.alerts, article)]
    assert sorted(a.text for a in fired if a is not None) == ["New pair: ARM -> AZE", "New pair: RUS -> GEO"]


def test_pairs_come_only_from_the_events_the_rule_asked_for(tmp_path: Path) -> None:
    """A domestic event in the same sentence as the cross-border one is no new pair of states."""
    rules = _rules(tmp_path, PAIRS)
    text = "Turkish forces shelled Syrian villages, and Syrian police arrested Syrian protesters."
    article = enrich(NewsItem(id="p2", body=text, published_at=T0), rules)
    assert {(e.source.country, e.target.country) for e in article.events if e.target} == {("TUR", "SYR"),
                                                                                          ("SYR", "SYR")}
    assert [a.text for a in article.alerts] == ["New pair: TUR -> SYR"]
    assert [c.key for c in candidates(rules.by_id, article.alerts, article)] == ["TUR|SYR"]
