"""Alert text is formatted once from what matched, group keys are found once, one candidate type end to end."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from services.enrich import enrich
from services.models import AlertCandidate, NewsItem
from services.rules import compile_rules, evaluate, groups
from services.rules import state as rule_state
from services.rules.state import candidates, decide

T0 = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
PAIRS = b"""
- id: pairs
  title: New pair
  severity: low
  kind: first_seen
  group_by: dyad
  match: {event: {plover: [ASSAULT, COERCE], between_states: true}}
  text: "{article_title} / {key}"
"""
TWO_PAIRS = "Russian troops attacked Georgian positions, and Armenian forces shelled Azerbaijani villages."


def test_group_keys_are_found_once_per_alert(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real = groups.group_keys

    def counting(rule, *args):  # type: ignore[no-untyped-def]
        calls.append(rule.id)
        return real(rule, *args)

    monkeypatch.setattr("services.rules.evaluation.group_keys", counting)
    monkeypatch.setattr(rule_state, "group_keys", counting)
    rules = compile_rules({"r.yaml": PAIRS})
    article = enrich(NewsItem(id="p1", title="Clashes", body=TWO_PAIRS, published_at=T0), rules)
    cands = candidates(rules.by_id, article.alerts, article)
    assert calls == ["pairs"], "before: once in evaluate() for the text, again in candidates()"
    assert [a.text for a in article.alerts] == ["Clashes / ARM -> AZE, RUS -> GEO"]
    assert [(c.key, c.alert.text) for c in cands] == [("ARM|AZE", "Clashes / ARM -> AZE"),
                                                      ("RUS|GEO", "Clashes / RUS -> GEO")]


def test_text_from_the_article_is_never_rewritten() -> None:
    """A '{key}' or the shown keys in the article's title stay as written (before: string-replaced)."""
    rules = compile_rules({"r.yaml": PAIRS})
    title = "ARM -> AZE, RUS -> GEO {key}"
    article = enrich(NewsItem(id="p2", title=title, body=TWO_PAIRS, published_at=T0), rules)
    assert [a.text for a in article.alerts] == [f"{title} / ARM -> AZE, RUS -> GEO"]
    assert [c.alert.text for c in candidates(rules.by_id, article.alerts, article)] == [
        f"{title} / ARM -> AZE", f"{title} / RUS -> GEO"]


def test_an_alert_from_elsewhere_still_gets_its_keys() -> None:
    """An alert that did not come from evaluate() (e.g. read back from JSON) has its keys found from it."""
    rules = compile_rules({"r.yaml": PAIRS})
    article = enrich(NewsItem(id="p3", body=TWO_PAIRS, published_at=T0), rules)
    article = type(article).model_validate_json(article.model_dump_json())
    assert [c.key for c in candidates(rules.by_id, article.alerts, article)] == ["ARM|AZE", "RUS|GEO"]


def test_one_candidate_type_from_the_pipeline_to_the_alerter() -> None:
    rules = compile_rules({"r.yaml": PAIRS})
    article = enrich(NewsItem(id="p4", body=TWO_PAIRS, published_at=T0), rules)
    cand = candidates(rules.by_id, article.alerts, article)[0]
    assert isinstance(cand, AlertCandidate) and cand.routing_key == "pairs|ARM|AZE"
    read = AlertCandidate.model_validate_json(cand.model_dump_json())  # what the alerter reads
    assert read.model_dump() == cand.model_dump()
    alert, why = decide(rules.by_id["pairs"], read, {})
    assert why == "fired" and alert is not None and alert.group_key == "ARM|AZE" and alert.window_count == 1


def test_by_id_is_built_once() -> None:
    rules = compile_rules({"r.yaml": PAIRS})
    assert rules.by_id is rules.by_id and list(rules.by_id) == ["pairs"]


def test_renderings_are_not_serialised_and_survive_the_output_limits() -> None:
    from services.limits import Limits, bound

    rules = compile_rules({"r.yaml": PAIRS})
    article = enrich(NewsItem(id="p5", body=TWO_PAIRS, published_at=T0), rules)
    assert "rendering" not in article.model_dump_json()
    (alert,) = evaluate(rules, article, TWO_PAIRS)
    assert set(alert.model_dump()) == set(type(alert).model_fields)
    # the pipeline's path; one event kept of two. Before, the keys were found again from the events left, so
    # the RUS -> GEO pair the alert's text names got no candidate: the rule's keys are now those it matched
    cut = bound(article, Limits(max_output_bytes=1 << 20, max_events=1))
    assert cut is not article and len(cut.events) == 1
    assert [c.alert.text for c in candidates(rules.by_id, cut.alerts, cut)] == ["p5 / ARM -> AZE", "p5 / RUS -> GEO"]


def test_a_rendering_kept_for_another_rule_set_is_not_used() -> None:
    """evaluate() replaces what it kept: the same alert id under a rule set with another text is rendered anew."""
    rules = compile_rules({"r.yaml": PAIRS})
    article = enrich(NewsItem(id="p6", body=TWO_PAIRS, published_at=T0), rules)
    other = compile_rules({"r.yaml": PAIRS.replace(b"{article_title} / {key}", b"{key}!")})
    article.alerts = evaluate(other, article, TWO_PAIRS)
    assert [c.alert.text for c in candidates(other.by_id, article.alerts, article)] == ["ARM -> AZE!", "RUS -> GEO!"]
