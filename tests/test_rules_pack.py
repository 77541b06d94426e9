"""The default rule pack (deploy/rules): each rule fires on a sentence written for it and not on a near miss."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.enrich import enrich
from services.models import NewsItem
from services.rules import load_rules
from services.rules.engine import RuleError
from services.settings import REPO_ROOT

PACK = load_rules(REPO_ROOT / "deploy" / "rules")

CASES = {
    "cn-coast-guard-weapons-law": (
        "Manila protested after Beijing said its coast guard may use weapons against foreign ships.",
        "The Philippine coast guard rescued twelve fishermen after a storm near Luzon.",
    ),
    "scs-territorial-dispute": (
        "Vietnam rejected new territorial claims around the Spratly Islands in the South China Sea.",
        "Tourism to the South China Sea coast of Vietnam rose by ten percent this summer.",
    ),
    "defense-equipment-transfer": (
        "India and the Philippines signed an agreement on the export of defense equipment.",
        "Officials discussed defense budgets at the annual conference.",
    ),
    "freedom-of-navigation": (
        "The ministers reaffirmed freedom of navigation in the region.",
        "The ministers reaffirmed their commitment to free trade in the region.",
    ),
    "foreign-interference-warning": (
        "Beijing warned against interference from forces outside the region.",
        "The region's forces held a joint parade.",
    ),
    "armed-clash": (
        "Syrian troops attacked Turkish positions near the border on Sunday.",
        "Syrian and Turkish officials discussed border security on Sunday.",
    ),
}


def fired(text: str) -> set[str]:
    return {a.rule_id for a in enrich(NewsItem(id="r", body=text), PACK).alerts}


STATEFUL = {
    # rule: (three sentences that fire on the third, a sentence that does not match)
    "scs-article-burst": (["Chinese ships gathered near the Spratly Islands in the South China Sea."] * 3,
                          "Chinese ships gathered near the coast of Fujian."),
    "new-dyad-hostile-event": (["Russian troops attacked Georgian positions."],
                               "Russian and Georgian diplomats met in Geneva."),
}


def test_every_rule_in_the_pack_has_a_case() -> None:
    assert {r.id for r in PACK.rules} == set(CASES) | set(STATEFUL)


@pytest.mark.parametrize("rule_id", sorted(STATEFUL))
def test_stateful_rule_fires_and_does_not_misfire(rule_id: str) -> None:
    from services.rules.state import apply, candidates

    firing, quiet = STATEFUL[rule_id]
    rule = PACK.by_id[rule_id]
    state: dict[str, object] = {}
    results = []
    for n, text in enumerate(firing):
        art = enrich(NewsItem(id=f"s{n}", body=text), PACK)
        results.append([apply(rule, c, state) for c in candidates(PACK.by_id, art.alerts, art)
                        if c.rule_id == rule_id])
    assert [any(r) for r in results] == [False] * (len(firing) - 1) + [True]
    art = enrich(NewsItem(id="quiet", body=quiet), PACK)
    assert rule_id not in {a.rule_id for a in art.alerts}


@pytest.mark.parametrize("rule_id", sorted(CASES))
def test_rule_fires_and_does_not_misfire(rule_id: str) -> None:
    firing, quiet = CASES[rule_id]
    assert rule_id in fired(firing)
    assert rule_id not in fired(quiet)


def test_alerts_carry_spans_and_deterministic_ids() -> None:
    text = "Beijing said its coast guard may use weapons against foreign ships."
    a1 = next(a for a in enrich(NewsItem(id="same", body=text), PACK).alerts if a.rule_id.startswith("cn-"))
    a2 = next(a for a in enrich(NewsItem(id="same", body=text), PACK).alerts if a.rule_id.startswith("cn-"))
    assert a1.alert_id == a2.alert_id
    assert any(text[m.start:m.end] == m.text and "coast guard" in m.text for m in a1.matches)


def _write(tmp_path: Path, body: str) -> Path:
    f = tmp_path / "r.yaml"
    f.write_text(body)
    return f


def test_errors_name_file_line_and_rule(tmp_path: Path) -> None:
    f = _write(tmp_path, "rules:\n  - id: ok\n    title: t\n    severity: low\n    match: {phrase: x}\n"
                         "  - id: broken\n    title: t\n    severity: urgent\n    match: {phrase: x}\n")
    with pytest.raises(RuleError) as e:
        load_rules(f)
    assert str(f) in str(e.value) and ":6:broken" in str(e.value) and "severity" in str(e.value)


def test_regex_re2_cannot_run_is_refused(tmp_path: Path) -> None:
    f = _write(tmp_path, "- id: backref\n  title: t\n  severity: low\n  match: {regex: '(a+)\\1'}\n")
    with pytest.raises(RuleError, match="RE2"):
        load_rules(f)


def test_inflection_and_proximity(tmp_path: Path) -> None:
    f = _write(tmp_path, "- id: near\n  title: t\n  severity: low\n"
                         "  match: {near: {a: weapon, b: coast guard, within: 10}}\n")
    rules = load_rules(f)
    assert [a.rule_id for a in enrich(NewsItem(id="n", body="The coast guard may now use its weapons."), rules).alerts]
    far = "The coast guard " + "did many things " * 10 + "with weapons."
    assert not enrich(NewsItem(id="n", body=far), rules).alerts


def test_region_condition_covers_the_features_within_it(tmp_path: Path) -> None:
    f = _write(tmp_path, "- id: scs\n  title: t\n  severity: low\n  match: {place: {region: South China Sea}}\n")
    rules = load_rules(f)

    def fired(body: str) -> list[str]:
        return [a.rule_id for a in enrich(NewsItem(id="r", body=body), rules).alerts]

    assert fired("Chinese ships blocked a resupply mission to Second Thomas Shoal on Monday.") == ["scs"]
    assert fired("Vietnam protested new buildings on Woody Island.") == ["scs"]
    assert fired("Japanese patrol boats shadowed Chinese ships near the Senkaku Islands.") == []


def test_unknown_region_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    f = _write(tmp_path, "- id: r\n  title: t\n  severity: low\n  match: {place: {region: South Chine Sea}}\n")
    with pytest.raises(RuleError, match=r"unknown region \['South Chine Sea'\].*South China Sea"):
        load_rules(f)
