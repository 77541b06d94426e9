"""One input message in, the output messages out: the whole job of the enricher agent, without Kafka.

Nothing is lost: a message that cannot be enriched becomes a dead letter carrying the reason, the original
bytes and where they came from. The agent only moves what this returns.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson
from pydantic import ValidationError

from services import steps
from services.enrich import enrich_steps
from services.errors import InputRejected, problems
from services.limits import Limits, bound
from services.models import DeadLetter, EnrichedArticle, EventMessage, NewsItem
from services.rules import RuleSet
from services.rules.state import candidates
from services.settings import Settings, Topics

MAX_JSON_DEPTH = 32
# C0/C1 control characters (but tab and newlines) and zero-width characters become spaces: one code point for
# one, so every character offset the coder reports still points into the original body
# (a character class, not str.translate with a table: translate looked every character of a story up in a dict,
# 0.39 ms of a worker's ~30 ms per story; the expression finds the rare ones in 0.04 ms)
_INVISIBLE = re.compile("[" + "".join(re.escape(chr(c)) for c in [
    *range(0, 9), 11, 12, *range(14, 32), 127, *range(128, 160), 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF]) + "]")


def sanitise(body: str) -> str:
    return _INVISIBLE.sub(" ", body)


@dataclass(frozen=True, slots=True)
class Output:
    topic: str
    key: bytes | None
    value: bytes
    labels: tuple[str, ...] = ()  # for metrics: (reason,) of a dead letter, (plover, quad, src, tgt) of an event


@dataclass(frozen=True, slots=True)
class Source:
    topic: str
    partition: int
    offset: int


def _depth(obj: object) -> int:
    deepest, stack = 0, [(obj, 1)]
    while stack:
        cur, d = stack.pop()
        deepest = max(deepest, d)
        if isinstance(cur, dict):
            stack.extend((v, d + 1) for v in cur.values())
        elif isinstance(cur, list):
            stack.extend((v, d + 1) for v in cur)
    return deepest


def parse(value: bytes | None, max_bytes: int) -> NewsItem:
    """Bytes to a NewsItem, or InputRejected with a reason a person can act on."""
    if value is None:
        raise InputRejected("invalid_json", "empty message (null value)")
    if len(value) > max_bytes:
        raise InputRejected("too_large", f"message is {len(value)} bytes, limit is {max_bytes}")
    try:
        value.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputRejected("invalid_utf8", f"not UTF-8 at byte {exc.start}: {exc.reason}") from exc
    try:
        data = orjson.loads(value)
    except orjson.JSONDecodeError as exc:
        reason = "too_deep" if "depth" in str(exc).lower() or "recursion" in str(exc).lower() else "invalid_json"
        raise InputRejected(reason, f"not JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise InputRejected("not_an_object", f"expected a JSON object, got {type(data).__name__}")
    if _depth(data) > MAX_JSON_DEPTH:
        raise InputRejected("too_deep", f"JSON nested deeper than {MAX_JSON_DEPTH} levels")
    try:
        item = NewsItem.model_validate(data)
        item.body = sanitise(item.body)
        return item
    except ValidationError as exc:
        raise InputRejected("invalid_news_item", problems(exc, root="(root)", limit=5)) from exc


def dead_letter(topics: Topics, src: Source, key: bytes | None, value: bytes | None, reason: str,
                detail: str, limits: Limits) -> Output:
    """The input with why it failed. An original too large to carry whole (a 950 KB input is 1.3 MB in
    base64) is carried as a prefix; topic/partition/offset say where the whole of it is."""
    raw = value or b""
    keep = limits.original_bytes
    letter = DeadLetter(
        reason=reason, detail=detail[:2000], topic=src.topic, partition=src.partition,  # type: ignore[arg-type]
        offset=src.offset, key_b64=base64.b64encode(key[:1024]).decode() if key else None,
        original_b64=base64.b64encode(raw[:keep]).decode(), original_size=len(raw),
        original_truncated=len(raw) > keep, received_at=datetime.now(UTC),
    )
    return Output(topics.deadletter, key, letter.model_dump_json().encode(), (reason,))


def dyad_key(ev: EventMessage) -> bytes:
    return f"{ev.source.code}|{ev.target.code if ev.target else '-'}".encode()


def outputs_for(article: EnrichedArticle, topics: Topics, rules: RuleSet, ingested: datetime) -> list[Output]:
    """The enriched article, one message per event, and one alert candidate per rule match and key.

    Alerts themselves are sent by the alerter, which owns the rules' state (windows, first-seen, dedupe).
    """
    published = article.published_at.timestamp() if article.published_at else None
    out = [Output(topics.enriched, article.id.encode(), article.model_dump_json().encode(),
                  (str(published) if published is not None else "",))]
    for ev in article.events:
        msg = EventMessage(**ev.model_dump(), article_id=article.id, url=article.url,
                           published_at=article.published_at)
        out.append(Output(topics.events, dyad_key(msg), msg.model_dump_json().encode(),
                          (ev.plover or "none", str(ev.quad_class), ev.source.country or "none",
                           ev.target.country if ev.target and ev.target.country else "none")))
    for c in candidates(rules.by_id, article.alerts, article, ingested):
        out.append(Output(topics.candidates, c.routing_key.encode(), c.model_dump_json().encode()))
    return out


def process(value: bytes | None, key: bytes | None, src: Source, settings: Settings,
            rules: RuleSet) -> list[Output]:
    """Every output fits `settings.limits` (services/limits.py): an article is cut to them, and anything that
    still would not fit turns the input into a dead letter rather than a send the broker refuses."""
    return steps.drain(process_steps(value, key, src, settings, rules))


def process_steps(value: bytes | None, key: bytes | None, src: Source, settings: Settings,
                  rules: RuleSet) -> steps.Steps[list[Output]]:
    """`process` in steps, for the enricher agent (services/steps.py)."""
    limits = settings.limits
    try:
        item = parse(value, settings.max_message_bytes)
    except InputRejected as r:
        return [dead_letter(settings.topics, src, key, value, r.reason, r.detail, limits)]
    yield
    now = datetime.now(UTC)
    try:
        article = yield from enrich_steps(item, rules, now=now, model=settings.parser_model)
    except Exception as exc:  # a coder bug must not stop the stream; the letter keeps the input
        return [dead_letter(settings.topics, src, key, value, "enrich_failed", f"{type(exc).__name__}: {exc}",
                            limits)]
    yield
    outputs = outputs_for(bound(article, limits), settings.topics, rules, now)
    big = next((o for o in outputs if len(o.value) > limits.max_output_bytes), None)
    if big is not None:
        return [dead_letter(settings.topics, src, key, value, "output_too_large",
                            f"a message to {big.topic} would be {len(big.value)} bytes, limit is "
                            f"{limits.max_output_bytes}", limits)]
    return outputs
