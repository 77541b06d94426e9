"""Each condition kind on its own: the typed model the loader builds, check() and explain() on one article.

check() is the cheap answer every candidate rule is asked; explain() must give the same answer and the spans
that show it. Both are compared on every case.
"""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter

from services.coder.tokens import TokenText, tokenize
from services.enrich import enrich
from services.models import NewsItem
from services.rules import compile_rules
from services.rules.conditions import (
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
)
from services.rules.doc import Doc, Hits

BODY = ("Russian troops attacked Georgian positions. Chinese ships blocked a resupply mission to Second Thomas "
        "Shoal on Monday. The coast guard may now use its weapons.")


def _explained(match: str, body: str = BODY) -> tuple[Condition, bool, list[str], list[str]]:
    """The rule's condition, check(), and explain()'s whys and texts."""
    rules = compile_rules({"r.yaml": f"- {{id: r, title: t, severity: low, match: {match}}}\n".encode()})
    cond = rules.rules[0].match
    article = enrich(NewsItem(id="u", body=body, source="voa", language="en"), compile_rules({}))
    tokens = tokenize(body)
    doc = Doc(text=body, tokens=tokens, hits=Hits(rules, TokenText(tokens)), article=article)
    spans: list = []
    holds = cond.explain(doc, spans)
    assert cond.check(doc) == holds, "check() and explain() disagree"
    return cond, holds, [s.why for s in spans], [s.text for s in spans]


def test_phrase_finds_plurals_and_says_which_phrase() -> None:
    cond, holds, whys, texts = _explained("{phrase: [weapon, missile]}")
    assert isinstance(cond, Phrase) and cond.any_of == ("weapon", "missile") and cond.keys
    assert holds and whys == ["phrase 'weapon'"] and texts == ["weapons"]
    assert _explained("{phrase: missile}")[1:] == (False, [], [])


def test_near_counts_words_between_and_explains_as_written() -> None:
    cond, holds, whys, texts = _explained("{near: {a: weapon, b: [coast guard], within: 4}}")
    assert isinstance(cond, Near) and (cond.a, cond.b, cond.within) == (("weapon",), ("coast guard",), 4)
    assert holds and whys == ["near 'weapon' ~4 ['coast guard']"] and texts == ["coast guard may now use its weapons"]
    assert _explained("{near: {a: weapon, b: [coast guard], within: 3}}")[1:] == (False, [], [])  # 4 words apart
    assert cond.required() == [{"weapon"}, {"coast guard"}]


def test_regex_spans_are_the_matches() -> None:
    cond, holds, whys, texts = _explained("{regex: 'resupply\\s+\\w+'}")
    assert isinstance(cond, Regex) and holds and texts == ["resupply mission"]
    assert whys == ["regex 'resupply\\\\s+\\\\w+'"]
    assert cond.required() is None, "a regex needs no phrase: the rule is always looked at"


def test_actor_anywhere_or_in_a_role() -> None:
    cond, holds, whys, texts = _explained("{actor: {country: CHN, agent: GOV}}")
    assert isinstance(cond, ActorIs) and cond.role == "any"
    assert holds and whys == ["actor CHNGOV"] and texts == ["mission"]
    cond, holds, whys, _ = _explained("{actor: {country: GEO, role: target}}")
    assert holds and whys == ["target GEO of ASSAULT"]
    assert not _explained("{actor: {country: GEO, role: source}}")[1]


def test_event_types_goldstein_actors_and_states() -> None:
    cond, holds, whys, texts = _explained(
        "{event: {plover: ASSAULT, cameo_prefix: 18, goldstein_max: -5, source: {country: RUS}, "
        "between_states: true}}")
    assert isinstance(cond, EventIs) and cond.cameo_prefix == ("18",) and cond.goldstein_max == -5.0
    assert holds and whys == ["event ASSAULT RUSMIL->GEO"] and texts == ["Russian troops attacked Georgian positions."]
    assert not _explained("{event: {plover: ASSAULT, goldstein_min: 0}}")[1]
    assert not _explained("{event: {target: {country: RUS}}}")[1]
    assert cond.events() == [cond]


def test_place_by_region_covers_the_places_within() -> None:
    cond, holds, whys, texts = _explained("{place: {region: South China Sea}}")
    assert isinstance(cond, PlaceIs) and "second thomas shoal" in cond.names
    assert holds and whys == ["place Second Thomas Shoal"] and texts == ["Second Thomas Shoal"]
    assert not _explained("{place: {name: Woody Island}}")[1]


def test_field_compares_case_insensitively_and_shows_no_span() -> None:
    cond, holds, whys, _ = _explained("{field: {source: [VOA, bbc], language: en}}")
    assert isinstance(cond, FieldIs) and holds and whys == []
    assert not _explained("{field: {source: bbc}}")[1]


def test_any_explains_every_alternative_not_explains_nothing() -> None:
    cond, holds, whys, _ = _explained("{any: [{phrase: weapon}, {phrase: missile}, {actor: {country: GEO}}]}")
    assert isinstance(cond, AnyOf) and holds and sorted(whys) == ["actor GEO", "phrase 'weapon'"]
    cond, holds, whys, _ = _explained("{all: [{phrase: weapon}, {not: {phrase: missile}}]}")
    assert isinstance(cond, All) and isinstance(cond.conditions[1], Not) and holds and whys == ["phrase 'weapon'"]
    assert not _explained("{all: [{phrase: weapon}, {not: {phrase: coast guard}}]}")[1]


def test_routing_groups_of_composites() -> None:
    cond = _explained("{all: [{phrase: [a, b]}, {near: {a: c, b: d}}, {not: {phrase: e}}]}")[0]
    assert cond.required() == [{"a", "b"}, {"c"}, {"d"}], "what is under `not` is never required"
    assert _explained("{any: [{phrase: a}, {near: {a: c, b: d}}]}")[0].required() == [{"a", "c"}]
    assert _explained("{any: [{phrase: a}, {actor: {country: GEO}}]}")[0].required() is None
    assert sorted(_explained("{all: [{phrase: a}, {not: {phrase: e}}]}")[0].phrases()) == ["a", "e"]


def test_the_union_is_discriminated_by_kind() -> None:
    tree = TypeAdapter(Condition).validate_python(
        {"kind": "all", "conditions": [{"kind": "phrase", "any_of": ["x"]}, {"kind": "not", "condition": {
            "kind": "near", "a": ["y"], "b": ["z"]}}]})
    assert isinstance(tree, All) and isinstance(tree.conditions[0], Phrase)
    assert isinstance(tree.conditions[1], Not) and isinstance(tree.conditions[1].condition, Near)
    with pytest.raises(ValueError, match="kind"):
        TypeAdapter(Condition).validate_python({"kind": "nearby", "a": ["y"]})
