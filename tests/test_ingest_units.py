"""The pure parts of the ingest service, without network or Kafka: canonical URLs, fingerprints, the dedupe
rule and its threshold, feed parsing, robots.txt, backoff, settings and the feeds file."""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import SHARED

from services.ingest.article import build_item
from services.ingest.canonical import NotAnArticleURL, article_id, canonical_url
from services.ingest.dedupe import Claim, SeenIndex
from services.ingest.extract import Page, html_to_text
from services.ingest.feedfile import FeedConfig, FeedFileError, load_feeds, parse_feeds
from services.ingest.feeds import Entry, FeedError, parse_feed
from services.ingest.fingerprint import content_hash, decode_signature, encode_signature, minhash
from services.ingest.fixture_server import Fixture, edited, load_stories
from services.ingest.fixture_server import atom as atom_document
from services.ingest.robots import parse_robots
from services.ingest.schedule import next_delay
from services.ingest.settings import IngestSettings, load_settings
from services.settings import REPO_ROOT, SettingError


@pytest.fixture(scope="module")
def stories() -> list[dict[str, object]]:
    return load_stories(SHARED / "corpus" / "voa_stories.jsonl", limit=20)


def test_canonical_url_drops_tracking_fragment_case_and_order() -> None:
    a = canonical_url("HTTPS://News.Example.COM:443/a/1.html?utm_source=x&utm_medium=rss&b=2&a=1#top")
    b = canonical_url("https://news.example.com/a/1.html?a=1&b=2&fbclid=abc")
    assert a == b == "https://news.example.com/a/1.html?a=1&b=2"
    assert article_id(a) == article_id(b) and len(article_id(a)) == 32
    assert article_id(canonical_url("https://news.example.com/amp/1.html")) != article_id(a)


@pytest.mark.parametrize("bad", ["javascript:alert(1)", "//host/x", "/relative", "http://", "ftp://h/x",
                                 "http://h/\nx"])
def test_canonical_url_refuses_what_is_not_an_article_link(bad: str) -> None:
    with pytest.raises(NotAnArticleURL):
        canonical_url(bad)


def test_content_hash_ignores_case_punctuation_and_spacing() -> None:
    assert content_hash("The  minister said: “Yes.”\n") == content_hash('the minister said "yes"')
    assert content_hash("the minister said yes") != content_hash("the minister said no")


def test_signature_survives_the_topic(stories: list[dict[str, str]]) -> None:
    m = minhash(stories[0]["text"], 128)
    back = decode_signature(encode_signature(m), 128)
    assert m.jaccard(back) == 1.0
    with pytest.raises(ValueError):
        decode_signature(encode_signature(m), 64)


def test_near_threshold_separates_edited_stories_from_distinct_ones(stories: list[dict[str, str]]) -> None:
    """The default threshold (measured in bench/ingest_quality.py on all 89 stories: edited >= 0.66, distinct
    <= 0.30) holds on these 20."""
    t = IngestSettings().near_threshold
    sigs = [minhash(s["text"], 128) for s in stories]
    for s, sig in zip(stories, sigs, strict=True):
        assert sig.jaccard(minhash(edited(s["text"]), 128)) >= t, s["id"]
    for i, a in enumerate(sigs):
        for b in sigs[i + 1:]:
            assert a.jaccard(b) < t


def _claim(index_id: str, text: str, owner: str, at: float) -> Claim:
    return Claim(id=index_id, content=content_hash(text), signature=encode_signature(minhash(text, 64)),
                 owner=owner, at=at)


def test_the_first_claim_in_log_order_wins_and_every_reader_agrees(stories: list[dict[str, str]]) -> None:
    text = stories[0]["text"]
    log = [_claim("u1", text, "a", 100.0), _claim("u1", text, "b", 100.1),          # same URL
           _claim("u2", text, "b", 100.2),                                          # same text
           _claim("u3", edited(text), "a", 100.3),                                  # near
           _claim("u4", stories[1]["text"], "b", 100.4)]                            # another story
    first, again = SeenIndex(3600, 0.5, 64), SeenIndex(3600, 0.5, 64)  # two processes reading one topic
    verdicts = [first.apply(c) for c in log]
    assert [again.apply(c) for c in log] == verdicts == ["new", "url", "content", "near", "new"]
    assert again.has_url("u2", 100.5)
    assert again.classify("u9", content_hash(text), minhash(text, 64), 100.5) == "content"


def test_a_claim_never_marked_done_is_taken_over_after_the_lease(stories: list[dict[str, str]]) -> None:
    """A process that died between its claim and producing: after the lease the next claim wins; a claim
    marked done holds for the whole ttl."""
    text, other = stories[0]["text"], stories[1]["text"]
    index = SeenIndex(ttl=3600, threshold=0.5, num_perm=64, lease=60)
    dead = _claim("u1", text, "dead", 100.0)
    assert index.apply(dead) == "new"
    assert index.apply(_claim("u2", text, "b", 150.0)) == "content"  # within the lease
    assert index.has_url("u1", 159.0) and not index.has_url("u1", 161.0)
    taker = _claim("u1", text, "b", 200.0)
    assert index.apply(taker) == "new"
    assert index.apply(taker.done()) is None
    assert index.apply(_claim("u1", text, "c", 3000.0)) == "url"  # done: no lease any more
    assert index.apply(_claim("u4", text, "c", 3001.0)) == "content"
    kept = _claim("u5", other, "a", 3002.0)
    assert index.apply(kept) == "new" and index.apply(kept.done()) is None
    assert index.apply(_claim("u6", other, "b", 3500.0)) == "content"
    assert Claim.decode(kept.done().encode()) == kept.done()


def test_entries_expire_on_the_claims_clock(stories: list[dict[str, str]]) -> None:
    index = SeenIndex(ttl=60, threshold=0.5, num_perm=64)
    assert index.apply(_claim("u1", stories[0]["text"], "a", 1000.0)) == "new"
    assert index.apply(_claim("u1", stories[0]["text"], "a", 1059.0)) == "url"
    assert index.apply(_claim("u2", stories[1]["text"], "a", 1061.0)) == "new"  # u1's first claim expired
    assert index.apply(_claim("u1", stories[0]["text"], "a", 1120.0)) == "new"  # and then the second
    assert len(index) == 2
    assert index.expire_idle(1061.0 + 60 + 300 - 1) == 0 and index.expire_idle(1120.0 + 60 + 300 + 1) == 2
    assert len(index) == 0


def test_feed_parsing_rss_atom_json_and_bad_documents(stories: list[dict[str, object]]) -> None:
    fx = Fixture(stories[:8])
    fx.base = {"news": "http://n", "wire": "http://w", "broken": "http://b", "slow": "http://s"}
    rss = parse_feed(fx.news_feed(), "application/rss+xml")
    assert len(rss) == 7 and rss[0].link == f"http://n/a/{stories[0]['id']}.html"
    assert len(rss[0].content) > 1000 and rss[0].published is not None
    assert rss[4].content == "" and rss[4].published is None and rss[4].summary
    atom = parse_feed(atom_document("w", "http://w", fx.wire_entries()))
    assert len(atom) == 4 and "utm_source" in (atom[0].link or "") and atom[1].content == ""
    js = parse_feed(fx.json_feed())
    assert [e.link for e in js] == [fx.story_url(stories[3]), f"http://w/wire/{stories[7]['id']}.html"]
    odd = parse_feed(fx.odd_feed())
    assert odd[0].link is None
    with pytest.raises(FeedError) as exc:
        parse_feed(b'<?xml version="1.0"?><rss><channel><<title>x&&</rss')
    assert exc.value.reason == "malformed"
    with pytest.raises(FeedError) as exc:
        parse_feed(b"<!doctype html><html><body>hello</body></html>", "text/html")
    assert exc.value.reason == "not_a_feed"
    with pytest.raises(FeedError):
        parse_feed(b'{"not": "a feed"}')


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>One <b>two</b>.</p><p>Three.</p><script>x()</script>") == "One two.\nThree."


def test_robots_rules() -> None:
    rp = parse_robots(200, b"User-agent: *\nDisallow: /private/\n")
    assert rp.can_fetch("diplowatch-ingest/0.1", "http://h/a/1.html")
    assert not rp.can_fetch("diplowatch-ingest/0.1", "http://h/private/1.html")
    assert parse_robots(404, b"").can_fetch("x", "http://h/private/1.html")  # missing: all allowed
    assert not parse_robots(503, b"").can_fetch("x", "http://h/a.html")  # unreachable: nothing allowed


def test_backoff_doubles_up_to_the_cap_and_jitter_stays_in_bounds() -> None:
    rng = random.Random(1)
    assert next_delay(60, 0, 0, 3600) == 60
    assert [next_delay(60, n, 0, 3600) for n in (1, 2, 3, 6, 50)] == [120, 240, 480, 3600, 3600]
    assert next_delay(7200, 3, 0, 3600) == 7200  # never below the interval
    spread = [next_delay(100, 0, 0.1, 3600, rng) for _ in range(500)]
    assert 90 <= min(spread) < 95 and 105 < max(spread) <= 110


def test_body_and_date_provenance() -> None:
    feed = FeedConfig(name="f", url="http://h/rss", source="Src")
    when = datetime(2026, 1, 2, tzinfo=UTC)
    entry = Entry(link="http://h/a", title="T", summary="Short summary.", content="", published=None)
    page = Page("A long body. " * 50, "Page title", datetime(2025, 5, 1, tzinfo=UTC), "en")
    item = build_item(feed, entry, "id1", "http://h/a", page, None, when, frozenset({"en"})).item
    assert item and item.body_from == "page" and item.published_from == "page" and item.source == "Src"
    item = build_item(feed, entry, "id1", "http://h/a", None, "fetch_failed: HTTP 404", when, frozenset()).item
    assert item and item.body_from == "summary" and item.extraction_error == "fetch_failed: HTTP 404"
    assert item.published_at == when and item.published_from == "fetched"
    french = Page("Un texte. " * 50, None, None, "fr")
    assert build_item(feed, entry, "id1", "http://h/a", french, None, when, frozenset({"en"})).skipped == "language"


def test_settings_errors_name_the_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOWATCH_INGEST_TIMEOUT_SECONDS", "soon")
    monkeypatch.setenv("DIPLOWATCH_INGEST_ALLOW_NETS", "127.0.0.0/8, nowhere")
    with pytest.raises(SettingError) as exc:
        load_settings()
    assert "DIPLOWATCH_INGEST_TIMEOUT_SECONDS" in str(exc.value) and "DIPLOWATCH_INGEST_ALLOW_NETS" in str(exc.value)


def test_feeds_file_errors_name_the_entry(tmp_path: Path) -> None:
    assert len(load_feeds(REPO_ROOT / "deploy" / "feeds.yaml")) >= 2
    with pytest.raises(FeedFileError, match=r"feed #2 \(b\).*interval_seconds"):
        parse_feeds("feeds:\n- {name: a, url: 'http://h/1'}\n- {name: b, url: 'http://h/2', interval_seconds: -1}\n")
    with pytest.raises(FeedFileError, match="unique"):
        parse_feeds("feeds:\n- {name: a, url: 'http://h/1'}\n- {name: a, url: 'http://h/2'}\n")
    with pytest.raises(FeedFileError, match=r"missing\.yaml"):
        load_feeds(tmp_path / "missing.yaml")
