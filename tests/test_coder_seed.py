"""The seed article against ../shared/seed/expected.json: events, actors, places, forbidden types."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from defaults import pack

from services.enrich import enrich
from services.models import EnrichedArticle, NewsItem


@pytest.fixture(scope="module")
def seed(shared: Path) -> tuple[EnrichedArticle, dict[str, Any]]:
    article = NewsItem.model_validate_json((shared / "seed" / "article.json").read_text())
    expected = json.loads((shared / "seed" / "expected.json").read_text())
    return enrich(article, pack()), expected


def test_required_events(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, expected = seed
    for req in expected["events_required"]:
        found = [e for e in art.events
                 if e.plover == req["plover"] and e.source.country in req["sources"]
                 and e.target is not None and e.target.country in req["targets"]
                 and e.target.country != e.source.country
                 and any(e.cameo.startswith(c) or e.cameo == c for c in req["cameo_any_of"])]
        assert found, f"missing: {req['what']}"
        assert all(e.sentence and art.id for e in found)


def test_joint_signing_is_coded_both_ways(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, _ = seed
    pairs = {(e.source.country, e.target.country) for e in art.events
             if e.plover == "SUPPORT" and e.target is not None and "signed" in e.trigger}
    assert {("JPN", "VNM"), ("VNM", "JPN")} <= pairs


def test_forbidden_event_types(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, expected = seed
    for forbidden in expected["events_forbidden_types"]:
        if forbidden == "MOBILIZE_by_JPN_or_VNM":
            assert not [e for e in art.events if e.plover == "MOBILIZE" and e.source.country in ("JPN", "VNM")]
        else:
            assert not [e for e in art.events if e.plover == forbidden], forbidden


def test_required_actors(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, expected = seed
    for req in expected["actors_required"]:
        matches = [a for a in art.actors if req["text"] in a.text or (a.text in req["text"] and len(a.text) > 3)]
        matches = [a for a in matches if req["text"].lower() in a.text.lower()]
        assert matches, f"actor not found: {req['text']}"
        a = matches[0]
        if "country" in req:
            assert a.country == req["country"], (req, a)
        if "agents_any_of" in req:
            assert set(a.agents) & set(req["agents_any_of"]), (req, a)
        if "code_prefix" in req:
            assert a.code.startswith(req["code_prefix"]), (req, a)


def test_later_mentions_resolve_within_the_article(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, _ = seed
    bare = [a for a in art.actors if a.text == "Kishi"]
    assert bare and bare[0].country == "JPN" and bare[0].name == "Nobuo Kishi"
    wang = [a for a in art.actors if a.text == "Wang"]
    assert wang and wang[0].country == "CHN"
    assert any(a.text == "the Southeast Asian country" and a.country == "VNM" for a in art.actors)


def test_required_places(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, expected = seed
    names = {loc.name for loc in art.locations}
    for place in expected["locations_required"]:
        assert place in names, place
    scs = next(loc for loc in art.locations if loc.name == "South China Sea")
    assert scs.lat is not None and scs.lon is not None


def test_event_dates_resolve_weekdays(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, _ = seed
    met = next(e for e in art.events if e.plover == "CONSULT" and e.target and e.target.name == "Phan Van Giang")
    assert met.date == "2021-09-11"  # "on Saturday", article dated Sunday 2021-09-12


def test_required_alerts(seed: tuple[EnrichedArticle, dict[str, Any]]) -> None:
    art, _ = seed
    by_rule = {a.rule_id: a for a in art.alerts}
    assert by_rule["cn-coast-guard-weapons-law"].severity in ("high", "critical")
    for rule in ("scs-territorial-dispute", "defense-equipment-transfer", "freedom-of-navigation"):
        assert rule in by_rule, rule
