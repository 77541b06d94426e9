"""The cost of one article is bounded by design (services/budget.py): crafted worst cases under the size limit
that took minutes in `process()` finish, enriched partially and saying so; nothing a message carries can stop
the worker's event loop or grow /metrics without bound."""

from __future__ import annotations

import random
import time

import orjson
import pytest
from defaults import pack
from prometheus_client import REGISTRY

from services import metrics
from services.budget import MAX_CODED_CHARS, MAX_EVENT_SENTENCES, MAX_SENTENCE_TOKENS
from services.models import DeadLetter, EnrichedArticle
from services.pipeline import Source, process
from services.rules.conditions import near_pairs
from services.settings import Settings

SRC = Source("news.raw", 0, 1)

# (shape, body, seconds in process() before the limits: the figures, or measured here at 6a20098)
SHAPES = [
    ("near: 'arms' then 'deal', every pair compared", "arms " * 52_348 + "deal " * 52_348, 361),
    ("near: the pairs inside the coded prefix", "arms " * 4_000 + "deal " * 4_000 + "x " * 200_000, 3.5),
    ("one actor and 'condemned' repeated: hits x sentence", "China " + "condemned " * 4_000, 92),
    ("one word a line: a spaCy call per line", "word\n" * 80_000, 2.5),
    ("'coast guard law' repeated", "coast guard law " * 30_000, 213),
    ("short event sentences: one parse each", "China condemned Japan. " * 20_000, 217),
]


def _enriched(body: str) -> tuple[EnrichedArticle, float]:
    value = orjson.dumps({"id": "crafted", "body": body})
    assert len(value) <= Settings().max_message_bytes
    t0 = time.perf_counter()
    outputs = process(value, None, SRC, Settings(), pack())
    elapsed = time.perf_counter() - t0
    assert outputs[0].topic == Settings().topics.enriched, outputs[0].value[:300]
    return EnrichedArticle.model_validate_json(outputs[0].value), elapsed


@pytest.mark.parametrize(("body", "before"), [(b, s) for _, b, s in SHAPES], ids=[n for n, _, _ in SHAPES])
def test_crafted_worst_cases_finish_and_say_they_are_partial(body: str, before: float) -> None:
    article, elapsed = _enriched(body)
    # a generous bound (the machine is shared): these took minutes before; about 2 s or less now
    assert elapsed < 30, f"{elapsed:.1f} s (before the limits: {before} s)"
    if len(body) > MAX_CODED_CHARS:
        assert article.partial and article.uncoded_chars > 0


def test_a_normal_article_meets_no_limit() -> None:
    article, _ = _enriched("Japan condemned China on Monday. The two countries held talks in Tokyo.\n" * 20)
    assert not article.partial and article.events
    assert (article.uncoded_chars, article.sentences_skipped, article.hits_dropped,
            article.event_sentences_dropped) == (0, 0, 0, 0)


def test_overlong_sentence_is_skipped_and_counted() -> None:
    flood = "China condemned " + "and " * (MAX_SENTENCE_TOKENS + 10) + "Japan."
    article, _ = _enriched(flood + "\nRussia condemned Ukraine.")
    assert article.partial and article.sentences_skipped == 1
    assert [(e.source.code, e.target.code if e.target else None) for e in article.events] == [("RUS", "UKR")]


def test_event_sentences_past_the_limit_are_counted() -> None:
    article, _ = _enriched("China condemned Japan.\n" * (MAX_EVENT_SENTENCES + 50))
    assert article.partial and article.event_sentences_dropped > 0 and article.events


def test_near_pairs_are_the_pairs_of_the_quadratic_definition() -> None:
    rnd = random.Random(7)
    for _ in range(300):
        hits = [[(f, f + rnd.randint(1, 3)) for f in sorted(rnd.sample(range(80), rnd.randint(0, 12)))]
                for _ in range(2)]
        a, b = hits
        within = rnd.randint(0, 10)
        brute = [(i, j) for i, (af, al) in enumerate(a) for j, (bf, bl) in enumerate(b)
                 if 0 <= (bf - al if bf >= al else af - bl) <= within]
        assert near_pairs(a, b, within) == brute
        assert bool(near_pairs(a, b, within, first_only=True)) == bool(brute)


@pytest.mark.parametrize("published", ["0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z"])
def test_a_date_out_of_range_is_an_invalid_news_item_not_a_coder_failure(published: str) -> None:
    value = orjson.dumps({"id": "old", "body": "China condemned Japan yesterday.", "published_at": published})
    (out,) = process(value, None, SRC, Settings(), pack())
    letter = DeadLetter.model_validate_json(out.value)
    assert letter.reason == "invalid_news_item" and "published_at" in letter.detail  # was enrich_failed


def _dyad_series() -> int:
    return sum(len(m.samples) for m in REGISTRY.collect() if m.name == "diplowatch_dyad_events")


def test_dyad_series_are_bounded_by_the_watch_list() -> None:
    watched = Settings().metrics_countries
    codes = [f"X{i:02d}" for i in range(200)] + sorted(watched) + ["none"]
    for src in codes:
        for tgt in codes[::7]:
            metrics.observe_dyad(src, tgt, watched)
    assert _dyad_series() <= (len(watched) + 2) ** 2  # 27,883 series from 19 articles before
