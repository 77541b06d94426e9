"""Every output fits what the broker accepts (services/limits.py): one message can no longer stop every worker.

Before: a 74 KB article of one repeated sentence gave a 1.07 MB enriched article, the broker refused it and the
worker crashed on the same offset at every restart; a 950 KB input's `too_large` dead letter (the original in
base64, 1.3x) was refused the same way.
"""

from __future__ import annotations

import base64
import json

import pytest
from conftest import Pipeline
from defaults import pack
from kafka_helpers import produce, read_until

from services.enrich import enrich
from services.limits import MAX_EVIDENCE_CHARS, Limits, bound, fit_limit
from services.models import DeadLetter, EnrichedArticle, NewsItem
from services.pipeline import Source, process
from services.settings import Settings

# several events a sentence (four sources); the coder's budget (services/budget.py) codes the first of them
SENTENCE = "Japan, Vietnam, Laos and Cambodia condemned China and Russia. "
REPEATED = {"id": "repeated", "body": SENTENCE * 1150}  # 72 KB
RAW = Source("news.raw", 0, 1)
SETTINGS = Settings()


def test_a_repeated_sentence_is_cut_to_the_event_limit_and_says_so() -> None:
    value = json.dumps(REPEATED).encode()
    assert 70_000 < len(value) < 75_000, len(value)
    outs = process(value, None, RAW, SETTINGS, pack())
    art = EnrichedArticle.model_validate_json(outs[0].value)
    assert art.truncated and len(art.events) == SETTINGS.max_events
    uncut = enrich(NewsItem(id="repeated", body=REPEATED["body"]), pack())
    assert len(uncut.events) > SETTINGS.max_events
    assert art.events_omitted == len(uncut.events) - SETTINGS.max_events
    assert all(len(o.value) <= SETTINGS.max_output_bytes for o in outs)


def test_the_size_limit_drops_events_from_the_end_until_the_article_fits() -> None:
    art = EnrichedArticle.model_validate_json(
        process(json.dumps(REPEATED).encode(), None, RAW, SETTINGS, pack())[0].value)
    small = bound(art, Limits(max_output_bytes=20_000, max_events=10_000))
    assert len(small.model_dump_json()) <= 20_000 < len(art.model_dump_json())
    assert small.truncated and len(small.events) + small.events_omitted == len(art.events) + art.events_omitted
    assert [e.event_id for e in small.events] == [e.event_id for e in art.events[: len(small.events)]]


def test_a_long_evidence_sentence_is_cut_and_flagged() -> None:
    body = "Japan condemned China over " + " ".join(["antidisestablishmentarianism"] * 100) + "."  # 100 long words
    art = EnrichedArticle.model_validate_json(
        process(json.dumps({"id": "long", "body": body}).encode(), None, RAW, SETTINGS, pack())[0].value)
    ev = art.events[0]
    assert ev.sentence_truncated and len(ev.sentence) == MAX_EVIDENCE_CHARS
    assert ev.sentence_span.end - ev.sentence_span.start == len(body)


def test_an_original_too_large_for_a_dead_letter_is_carried_as_a_prefix() -> None:
    value = json.dumps({"id": "huge", "body": "x" * 950_000}).encode()
    (out,) = process(value, b"huge", Source("news.raw", 3, 42), SETTINGS, pack())
    letter = DeadLetter.model_validate_json(out.value)
    assert letter.reason == "too_large" and letter.original_truncated and letter.original_size == len(value)
    assert (letter.partition, letter.offset) == (3, 42)
    assert value.startswith(base64.b64decode(letter.original_b64))
    assert len(out.value) <= SETTINGS.max_output_bytes


def test_the_limit_is_lowered_to_what_the_smallest_topic_accepts() -> None:
    assert fit_limit(1_000_000, []) == 1_000_000
    assert fit_limit(1_000_000, [1_048_588, 1_048_588]) == 1_000_000
    assert fit_limit(1_000_000, [1_048_588, 200_000]) < 200_000


def test_titles_longer_than_a_title_are_refused_with_a_reason() -> None:
    value = json.dumps({"id": "t", "body": "Japan met China.", "title": "x" * 5000}).encode()
    (out,) = process(value, None, RAW, SETTINGS, pack())
    letter = DeadLetter.model_validate_json(out.value)
    assert letter.reason == "invalid_news_item" and "title" in letter.detail


@pytest.mark.kafka
def test_oversized_outputs_come_out_and_the_next_article_is_processed(pipeline: Pipeline) -> None:
    """The 74 KB article is enriched (cut), the 950 KB input dead-lettered (by reference), and the article after
    them comes out: the worker neither crashes nor stops on them."""
    pipeline.start_worker()
    s = pipeline.settings
    huge = json.dumps({"id": "huge", "body": "Japan met China. " * 56_000}).encode()
    assert 900_000 < len(huge) < 1_000_000
    marker = {"id": "after", "body": "Chile and Peru signed a treaty."}
    produce(s, [(b"k", json.dumps(REPEATED).encode()), (b"k", huge), (b"k", json.dumps(marker).encode())])

    enriched = read_until(s, s.topics.enriched, lambda ms: "after" in {m["value"]["id"] for m in ms}, timeout=120)
    by_id = {m["value"]["id"]: m["value"] for m in enriched}
    assert by_id["repeated"]["truncated"] and len(by_id["repeated"]["events"]) == s.max_events
    letters = read_until(s, s.topics.deadletter, lambda ms: len(ms) >= 1, timeout=30)
    (letter,) = [m["value"] for m in letters]
    assert letter["reason"] == "too_large" and letter["original_truncated"]
    assert letter["original_size"] == len(huge)
    assert all(w.alive() for w in pipeline.workers)
