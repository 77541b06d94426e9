"""Message models of every topic. They are the contract with consumers: `schemas/` is generated from them.

Bump a model's SCHEMA_VERSION on any change a consumer would notice (a field removed, renamed or retyped).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

from services.urls import url_problem

SCHEMA_VERSION = 1

Severity = Literal["info", "low", "medium", "high", "critical"]
SEVERITIES: tuple[Severity, ...] = ("info", "low", "medium", "high", "critical")
# the publication years accepted: date arithmetic near year 1 or 9999 overflows (a year-1 `published_at` raised
# OverflowError inside the coder), and no news item is dated outside these
PUBLISHED_YEARS = (1900, 2200)


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class NewsItem(BaseModel):
    """An article on `news.raw`. Only `id` and `body` are required; unknown fields are kept, not refused."""

    model_config = ConfigDict(extra="allow", str_max_length=10_000_000)

    schema_version: int = SCHEMA_VERSION
    id: str = Field(min_length=1, max_length=512)
    body: str
    # bounded so that what is copied into every output (the enriched article, each event) stays small
    title: str | None = Field(default=None, max_length=2000)
    url: str | None = Field(default=None, max_length=4096)
    source: str | None = Field(default=None, max_length=512)
    language: str | None = Field(default=None, max_length=64)
    published_at: datetime | None = None
    # how the ingest service (services/ingest) obtained the body and the date; None from other producers
    body_from: Literal["feed", "page", "summary"] | None = Field(
        default=None, description="feed: the feed's full text; page: extracted from the article page; summary: "
        "only the feed's summary (extraction_error says why)")
    extraction_error: str | None = Field(
        default=None, max_length=500, description="why the page text was not used (robots, fetch or extraction)")
    published_from: Literal["feed", "page", "fetched"] | None = Field(
        default=None, description="where published_at came from; fetched: the feed gave none and neither did the "
        "page, so it is the time the item was fetched")
    fetched_at: datetime | None = None
    # why `url` was dropped (not an absolute http(s) URL: services/urls.py); copied to the enriched article
    _url_rejected: str | None = PrivateAttr(default=None)

    def model_post_init(self, context: Any) -> None:
        if self.url is not None and (problem := url_problem(self.url)) is not None:
            self.url = None
            self._url_rejected = problem

    @property
    def url_rejected(self) -> str | None:
        return self._url_rejected

    @field_validator("published_at")
    @classmethod
    def _plausible_date(cls, v: datetime | None) -> datetime | None:
        lo, hi = PUBLISHED_YEARS
        if v is not None and not lo <= v.year <= hi:
            raise ValueError(f"year {v.year} is outside {lo}..{hi}")
        return v


class Span(_Model):
    start: int
    end: int


class Actor(_Model):
    """A CAMEO-style actor: `code` is country (or IGO/NGO prefix) then agent codes, e.g. JPNGOV."""

    code: str
    country: str | None = None
    agents: list[str] = []
    name: str | None = None
    kind: Literal["state", "organisation", "person", "group"] = "state"
    text: str = ""
    span: Span | None = None


class Location(_Model):
    name: str
    country: str | None = None
    kind: str = "place"
    lat: float | None = None
    lon: float | None = None
    text: str = ""
    span: Span | None = None


class Event(_Model):
    event_id: str
    source: Actor
    target: Actor | None = None
    cameo: str
    cameo_name: str = ""
    plover: str | None = None
    plover_mode: str | None = None
    quad_class: int
    goldstein: float
    trigger: str = ""
    sentence: str
    sentence_truncated: bool = Field(default=False, description="the evidence sentence was cut (services/limits.py)")
    sentence_span: Span
    date: str | None = None
    place: Location | None = None


class MatchedSpan(_Model):
    start: int
    end: int
    text: str
    why: str = ""


class Alert(_Model):
    schema_version: int = SCHEMA_VERSION
    alert_id: str
    rule_id: str
    rule_version: int = 1
    severity: Severity
    title: str
    text: str
    article_id: str
    url: str | None = None
    matches: list[MatchedSpan] = []
    tags: list[str] = []
    actors: list[str] = []
    event_ids: list[str] = []
    plover_types: list[str] = []
    window_count: int | None = None
    group_key: str | None = None
    created_at: datetime


class AlertCandidate(_Model):
    """On `alerts.candidates`: a rule matched an article; the alerter decides (windows, dedupe) what fires.

    Keyed by "rule_id|key" so one rule's state for one key lives on one partition.
    """

    # the one candidate type: the rules' state (services/rules/state.py) reads it as the alerter does

    schema_version: int = SCHEMA_VERSION
    rule_id: str
    key: str
    event_time: float
    alert: Alert

    @property
    def routing_key(self) -> str:
        """Kafka key: every candidate of one rule and key lands on one partition, with its state."""
        return f"{self.rule_id}|{self.key}"


class EnrichedArticle(_Model):
    schema_version: int = SCHEMA_VERSION
    id: str
    title: str | None = None
    url: str | None = None
    url_rejected: str | None = Field(
        default=None, description="the input's url was dropped, and why: only absolute http(s) URLs are kept")
    source: str | None = None
    language: str | None = None
    published_at: datetime | None = None
    actors: list[Actor] = []
    locations: list[Location] = []
    events: list[Event] = []
    alerts: list[Alert] = []
    # alert id -> services.rules.render.Rendering: the group keys and template inputs evaluate() found, so
    # candidates are keyed and their text formatted without looking again. Not serialised; kept here, once
    # per article, not on each Alert: a private attribute costs every model construction (+17 us an alert).
    # (Any: the rules import this module.)
    _renderings: Any = PrivateAttr(default=None)
    sentences: int = 0
    coder_version: str = ""
    # cut to fit the output limits (services/limits.py): what was left out, counted
    truncated: bool = False
    events_omitted: int = 0
    actors_omitted: int = 0
    locations_omitted: int = 0
    alerts_omitted: int = 0
    # the work limits of services/budget.py: what was not coded, counted (all zero for a normal article)
    partial: bool = Field(default=False, description="a work limit left part of the article uncoded")
    uncoded_chars: int = Field(default=0, description="characters past the coded prefix of the body")
    sentences_skipped: int = Field(default=0, description="sentences over the token limit, not coded")
    hits_dropped: int = Field(default=0, description="event phrases past the per-sentence limit")
    event_sentences_dropped: int = Field(
        default=0, description="sentences that may hold an event past the per-article limit, not coded for events")


class EventMessage(Event):
    """One message per event on `events.diplomatic`, keyed by the actor pair."""

    schema_version: int = SCHEMA_VERSION
    article_id: str
    url: str | None = None
    published_at: datetime | None = None


# too_many_entities is no longer produced (articles are cut to the limits instead); kept so old letters validate
DeadLetterReason = Literal[
    "invalid_utf8", "invalid_json", "not_an_object", "invalid_news_item", "too_large", "too_deep",
    "too_many_entities", "enrich_failed", "output_too_large", "send_failed",
]


class DeadLetter(_Model):
    """A message that could not be enriched, with why and where it came from; nothing is dropped."""

    schema_version: int = SCHEMA_VERSION
    reason: DeadLetterReason
    detail: str
    topic: str
    partition: int
    offset: int
    key_b64: str | None = None
    original_b64: str
    original_size: int
    original_truncated: bool = Field(
        default=False, description="only a prefix of the original is here; the whole is at topic/partition/offset")
    received_at: datetime


class SubscriptionFilters(_Model):
    """All given filters must pass; inside one list, any entry passes."""

    min_severity: Severity = "info"
    rules: list[str] = []
    tags: list[str] = []
    countries: list[str] = Field(default=[], description="ISO alpha-3 codes; any actor of the alert")
    plover_types: list[str] = []

    def matches(self, alert: Alert) -> bool:
        """Used by webhook subscriptions and by the alerts feed's query filters alike."""
        if SEVERITIES.index(alert.severity) < SEVERITIES.index(self.min_severity):
            return False
        if self.rules and alert.rule_id not in self.rules:
            return False
        if self.tags and not set(self.tags) & set(alert.tags):
            return False
        if self.countries and not {a[:3] for a in alert.actors} & set(self.countries):
            return False
        return not (self.plover_types and not set(self.plover_types) & set(alert.plover_types))


class Subscription(_Model):
    """A webhook subscriber on the compacted `subscriptions` topic, keyed by id (a null value removes it)."""

    schema_version: int = SCHEMA_VERSION
    id: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    url: str = Field(pattern=r"^https?://[^\s/]+", max_length=2048)
    secret: str = Field(min_length=16, description="HMAC-SHA256 key for X-Diplowatch-Signature")
    format: Literal["json", "slack"] = "json"
    filters: SubscriptionFilters = SubscriptionFilters()
    batch_seconds: float = Field(default=0, ge=0, le=3600, description="0: one POST per alert; else a digest")
    batch_max: int = Field(default=100, ge=1, le=1000)
    timeout_seconds: float = Field(default=5, gt=0, le=60)
    max_attempts: int = Field(default=8, ge=1, le=50)
    backoff_initial_seconds: float = Field(default=0.5, gt=0, le=600)
    backoff_max_seconds: float = Field(default=60, gt=0, le=3600)
    origin: str = Field(default="topic", description="'file' when published from the subscriptions file")


class Undeliverable(_Model):
    """On `alerts.undeliverable`: an alert a subscriber did not get after the last attempt, and why."""

    schema_version: int = SCHEMA_VERSION
    subscription_id: str
    reason: str
    attempts: int
    alert: Alert
    first_attempt_at: datetime
    parked_at: datetime


class RuleSetMessage(_Model):
    """On the compacted `rules` topic, key "ruleset": the rule files every worker applies. A set too large
    for one message comes gzipped in `chunks` parts under keys "ruleset.<version>.<n>" (sent before this)."""

    schema_version: int = SCHEMA_VERSION
    version: str = Field(max_length=64)
    files: dict[str, str] = Field(default_factory=dict, description="file name -> YAML text (empty when chunked)")
    chunks: int = Field(default=0, ge=0, le=10_000, description="0: the files are here; n: gzip of the files' "
                        "JSON in n parts")
    sha256: str = Field(default="", max_length=64, description="of the gzip body, when chunked")
    size: int = Field(default=0, ge=0, description="bytes of the files' JSON, uncompressed, when chunked")


TOPIC_MODELS: dict[str, type[BaseModel]] = {
    "news.raw": NewsItem,
    "news.enriched": EnrichedArticle,
    "events.diplomatic": EventMessage,
    "alerts": Alert,
    "news.deadletter": DeadLetter,
    "alerts.candidates": AlertCandidate,
    "alerts.undeliverable": Undeliverable,
    "subscriptions": Subscription,
    "rules": RuleSetMessage,
}
