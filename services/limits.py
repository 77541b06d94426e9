"""Bounds on what one article may emit, so that every output message fits what the broker accepts.

A message the broker refuses (`MESSAGE_SIZE_TOO_LARGE`) cannot be retried into success: before these bounds
a 74 KB article of one repeated sentence gave a 1.07 MB enriched article, the send failed, the worker crashed
without acknowledging, and every worker the partition moved to crashed on the same offset. So the output is
made to fit before it is sent, and how it was cut is said in the message itself:

* at most `max_events` events per article (and as many actors and places), in text order; the article
  counts what it left out (`events_omitted`, ...) and says `truncated: true`;
* an event's evidence sentence is cut at `MAX_EVIDENCE_CHARS` (`sentence_truncated: true`; its
  `sentence_span` still gives the whole sentence's place in the body);
* if the enriched article is still over the size limit, events (then alerts, places, actors) are dropped
  from the end until it fits;
* a dead letter carries the original bytes only while they fit; past that it carries a prefix
  (`original_truncated: true`) and the original stays where `topic`/`partition`/`offset` say.
"""

from __future__ import annotations

from dataclasses import dataclass

from services.models import EnrichedArticle, Event

MAX_EVIDENCE_CHARS = 2000
# what a record adds around its value (batch and record headers, key, timestamp): kept free under the limit
RECORD_OVERHEAD = 16 * 1024
# a dead letter's own fields (reason, detail, where it came from) without the original's bytes
DEAD_LETTER_ENVELOPE = 8 * 1024


@dataclass(frozen=True, slots=True)
class Limits:
    max_output_bytes: int  # the largest message value this worker sends
    max_events: int  # events (and actors, and places) kept per article

    @property
    def original_bytes(self) -> int:
        """How many bytes of an original input a dead letter can carry (base64: 4 characters per 3 bytes)."""
        return max(0, (self.max_output_bytes - DEAD_LETTER_ENVELOPE) * 3 // 4)


def fit_limit(configured: int, topic_limits: list[int]) -> int:
    """The value size to keep under: the setting, lowered to what the smallest output topic accepts."""
    if not topic_limits:
        return configured
    return min(configured, min(topic_limits) - RECORD_OVERHEAD)


def _evidence(ev: Event) -> Event:
    if len(ev.sentence) <= MAX_EVIDENCE_CHARS:
        return ev
    return ev.model_copy(update={"sentence": ev.sentence[: MAX_EVIDENCE_CHARS - 1] + "…", "sentence_truncated": True})


def bound(article: EnrichedArticle, limits: Limits) -> EnrichedArticle:
    """The article cut to the limits (a new object when anything was cut; the same one otherwise)."""
    n = limits.max_events
    events = [_evidence(ev) for ev in article.events[:n]]
    cut = {
        "events": events,
        "actors": article.actors[:n],
        "locations": article.locations[:n],
        "events_omitted": article.events_omitted + max(0, len(article.events) - n),
        "actors_omitted": article.actors_omitted + max(0, len(article.actors) - n),
        "locations_omitted": article.locations_omitted + max(0, len(article.locations) - n),
    }
    changed = (cut["events_omitted"], cut["actors_omitted"], cut["locations_omitted"]) != (
        article.events_omitted, article.actors_omitted, article.locations_omitted) or any(
        a is not b for a, b in zip(events, article.events, strict=False))
    out = article.model_copy(update={**cut, "truncated": article.truncated or changed}) if changed else article
    size = len(out.model_dump_json())
    # still too big: drop from the end of the longest-growing lists, events first, each item's serialised size
    # telling how many must go
    for name in ("events", "alerts", "locations", "actors"):
        if size <= limits.max_output_bytes:
            break
        items = getattr(out, name)
        sizes = [len(x.model_dump_json()) + 1 for x in items]
        keep = len(sizes)
        while keep and size > limits.max_output_bytes:
            keep -= 1
            size -= sizes[keep]
        out = out.model_copy(update={name: items[:keep], "truncated": True,
                                     f"{name}_omitted": getattr(out, f"{name}_omitted") + len(items) - keep})
    return out
