"""Hostile and random input: every message is enriched or dead-lettered with a reason; nothing crashes.

The pure step gets hundreds of generated messages; the worker gets generated batches over the real broker,
interleaved with valid articles that must all come out.
"""

from __future__ import annotations

import json
import uuid

import pytest
from conftest import Pipeline
from defaults import pack
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kafka_helpers import produce, read_all, read_until

from services.models import DeadLetter, EnrichedArticle
from services.pipeline import Source, process
from services.settings import Settings

RAW = Source("news.raw", 0, 1)
SETTINGS = Settings(max_message_bytes=64 * 1024, max_events=500)
COUNTRIES = ["China", "Japan", "Vietnam", "Russia", "Iran", "Brazil", "Kenya", "France"]

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=20,
)
hostile = st.one_of(
    st.binary(max_size=300),
    json_values.map(lambda v: json.dumps(v).encode()),
    st.builds(lambda b: json.dumps({"id": "x", "body": b}).encode(), json_values),
    st.builds(lambda n: json.dumps({"id": "big", "body": "word " * n}).encode(), st.integers(10_000, 40_000)),
    st.builds(lambda d: (b'{"id": "deep", "body": "x", "n": ' + b"[" * d + b"]" * d + b"}"), st.integers(30, 3000)),
    st.builds(lambda n: json.dumps({"id": "many", "body": " and ".join(COUNTRIES * n) + " met."}).encode(),
              st.integers(1, 400)),
    st.builds(lambda parts: json.dumps({"id": "ctl", "body": "".join(parts)}).encode(),
              st.lists(st.sampled_from(["\x00", "\x07", "\u200b", "\ufeff", "\x1b", "Japan", " met ", "China",
                                        ".", "\n"]), max_size=60)),
    st.builds(lambda i: json.dumps({"id": i, "body": "text"}).encode(), st.integers() | st.lists(st.integers())),
)


@settings(max_examples=300, deadline=None)
@given(hostile)
def test_the_pure_step_never_raises_and_always_explains(value: bytes) -> None:
    outs = process(value, b"k", RAW, SETTINGS, pack())
    assert outs
    if outs[0].topic == SETTINGS.topics.deadletter:
        assert len(outs) == 1
        letter = DeadLetter.model_validate_json(outs[0].value)
        assert letter.reason and letter.detail
    else:
        assert outs[0].topic == SETTINGS.topics.enriched
        EnrichedArticle.model_validate_json(outs[0].value)


def test_thousands_of_country_names_are_bounded_work_and_no_events() -> None:
    body = " and ".join(COUNTRIES * 300) + " met in Geneva."
    out = process(json.dumps({"id": "many", "body": body}).encode(), None, RAW, SETTINGS, pack())[0]
    art = EnrichedArticle.model_validate_json(out.value)
    assert art.events == [], "a roll call of 2,400 names is not 2,400 x 2,400 meetings"


def test_more_actors_than_the_limit_are_cut_and_counted() -> None:
    names = [f"Ab{chr(97 + i % 26)}{chr(97 + i // 26 % 26)}" for i in range(600)]
    body = " ".join(f"President {n} of France spoke." for n in names)
    out = process(json.dumps({"id": "crowd", "body": body}).encode(), None, RAW, SETTINGS, pack())[0]
    art = EnrichedArticle.model_validate_json(out.value)
    assert art.truncated and len(art.actors) == 500 and art.actors_omitted >= 100


def test_control_and_zero_width_characters_keep_offsets() -> None:
    body = "Japan\u200b and Vietnam signed\x07 a treaty on Monday."
    outs = process(json.dumps({"id": "z", "body": body}).encode(), None, RAW, SETTINGS, pack())
    art = EnrichedArticle.model_validate_json(outs[0].value)
    assert any(e.plover == "SUPPORT" for e in art.events)
    for a in art.actors:
        assert a.span is not None and body[a.span.start:a.span.end].strip("\u200b") == a.text.strip()


@pytest.mark.kafka
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batch=st.lists(hostile, min_size=5, max_size=15))
def test_the_worker_survives_hostile_batches(pipeline: Pipeline, batch: list[bytes]) -> None:
    if not pipeline.workers:
        pipeline.env["DIPLOWATCH_MAX_MESSAGE_BYTES"] = str(SETTINGS.max_message_bytes)
        pipeline.env["DIPLOWATCH_MAX_EVENTS"] = str(SETTINGS.max_events)
        pipeline.start_worker()
    s = pipeline.settings
    tag = uuid.uuid4().hex[:8]
    messages: list[tuple[bytes | None, bytes]] = []
    valid = []
    for n, value in enumerate(batch):
        messages.append((f"{tag}-bad-{n}".encode(), value))
        good = f"{tag}-ok-{n}"
        valid.append(good)
        messages.append((good.encode(), json.dumps({"id": good, "body": "Chile and Peru signed a treaty."}).encode()))
    produce(s, messages)

    produced = getattr(pipeline, "produced", 0) + len(messages)
    pipeline.produced = produced  # type: ignore[attr-defined]

    def all_accounted(enriched: list[dict]) -> bool:
        ids = {m["value"]["id"] for m in enriched}
        if not set(valid) <= ids:
            return False
        letters = read_all(s, s.topics.deadletter)
        return len(enriched) + len(letters) >= produced  # every message came out one way or the other

    read_until(s, s.topics.enriched, all_accounted, timeout=120)
    ids = {m["value"]["id"] for m in read_all(s, s.topics.enriched)}
    assert set(valid) <= ids, "every valid article interleaved with the hostile ones comes out"
    assert all(w.alive() for w in pipeline.workers)


def test_invisible_characters_become_one_space_each_and_layout_stays() -> None:
    from services.pipeline import sanitise

    body = "a\x00b\x1bc\x7fd\x85e\u200bf\ufeffg\th\ni\rj\u00e9k\u2014l"
    clean = sanitise(body)
    assert len(clean) == len(body)
    assert clean == "a b c d e f g\th\ni\rj\u00e9k\u2014l"
