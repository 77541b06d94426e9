"""Runtime settings, read from the environment so the same names work locally and in docker-compose."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from services.limits import Limits

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_METRICS_COUNTRIES = ("USA,CHN,RUS,UKR,ISR,PSE,IRN,IND,PAK,JPN,KOR,PRK,TWN,PHL,VNM,GBR,FRA,DEU,TUR,SAU")


def _env(name: str, default: str) -> str:
    return os.environ.get(name, default)


class SettingError(ValueError):
    """A setting with a value diplowatch cannot use; the message names the variable and what is accepted."""


def _number(name: str, default: str, kind: type[int] | type[float], low: float, high: float) -> float:
    raw = _env(name, default).strip()
    try:
        value = kind(raw)
    except ValueError:
        raise SettingError(f"{name}={raw!r}: expected {'an integer' if kind is int else 'a number'} from {low:g} to "
                           f"{high:g}") from None
    if not low <= value <= high:
        raise SettingError(f"{name}={raw!r}: expected a value from {low:g} to {high:g}")
    return value


def _int(name: str, default: str, low: int = 1, high: int = 2**31 - 1) -> int:
    return int(_number(name, default, int, low, high))


def _float(name: str, default: str, low: float, high: float) -> float:
    return float(_number(name, default, float, low, high))


def _flag(name: str) -> bool:
    """1/true/yes (any case) is on; unset, empty, 0/false/no is off."""
    value = _env(name, "").strip().lower()
    if value in ("", "0", "false", "no"):
        return False
    if value in ("1", "true", "yes"):
        return True
    raise SettingError(f"{name}={value!r}: use 1/true/yes or 0/false/no")


@dataclass(frozen=True)
class Topics:
    raw: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_RAW", "news.raw"))
    enriched: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_ENRICHED", "news.enriched"))
    events: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_EVENTS", "events.diplomatic"))
    alerts: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_ALERTS", "alerts"))
    deadletter: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_DEADLETTER", "news.deadletter"))
    candidates: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_CANDIDATES", "alerts.candidates"))
    rules: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_RULES", "rules"))
    subscriptions: str = field(default_factory=lambda: _env("DIPLOWATCH_TOPIC_SUBSCRIPTIONS", "subscriptions"))
    undeliverable: str = field(
        default_factory=lambda: _env("DIPLOWATCH_TOPIC_UNDELIVERABLE", "alerts.undeliverable"))

    def all(self) -> list[str]:
        """The partitioned topics; `rules` and `subscriptions` are compacted single-partition ones."""
        return [self.raw, self.enriched, self.events, self.alerts, self.deadletter, self.candidates,
                self.undeliverable]

    def compacted(self) -> list[str]:
        return [self.rules, self.subscriptions]


@dataclass(frozen=True)
class Settings:
    """Every knob diplowatch reads; `ENV_VARS` below lists their names for docs and the compose test."""

    bootstrap: str = field(default_factory=lambda: _env("DIPLOWATCH_BOOTSTRAP", "127.0.0.1:9092"))
    app_id: str = field(default_factory=lambda: _env("DIPLOWATCH_APP_ID", "diplowatch"))
    partitions: int = field(default_factory=lambda: _int("DIPLOWATCH_PARTITIONS", "4", 1, 10_000))
    replication: int = field(default_factory=lambda: _int("DIPLOWATCH_REPLICATION", "1", 1, 32))
    max_message_bytes: int = field(
        default_factory=lambda: _int("DIPLOWATCH_MAX_MESSAGE_BYTES", str(512 * 1024), 1024, 64 << 20)
    )
    # the largest message value sent (lowered at start to what the output topics accept) and the events (and
    # actors, and places) kept per article: services/limits.py
    max_output_bytes: int = field(
        default_factory=lambda: _int("DIPLOWATCH_MAX_OUTPUT_BYTES", "1000000", 64 * 1024, 64 << 20))
    max_events: int = field(default_factory=lambda: _int("DIPLOWATCH_MAX_EVENTS", "500", 1, 100_000))
    web_port: int = field(default_factory=lambda: _int("DIPLOWATCH_WEB_PORT", "6066", 1, 65535))
    web_host: str = field(default_factory=lambda: _env("DIPLOWATCH_WEB_HOST", "127.0.0.1"))
    data_dir: Path = field(
        default_factory=lambda: Path(_env("DIPLOWATCH_DATA_DIR", str(Path.home() / ".cache/diplowatch/worker")))
    )
    rules_dir: Path = field(
        default_factory=lambda: Path(_env("DIPLOWATCH_RULES_DIR", str(REPO_ROOT / "deploy" / "rules")))
    )
    processing_guarantee: str = field(
        default_factory=lambda: _env("DIPLOWATCH_PROCESSING_GUARANTEE", "at_least_once"))
    rules_poll_s: float = field(default_factory=lambda: _float("DIPLOWATCH_RULES_POLL_SECONDS", "2", 0.1, 86_400))
    # an empty or missing rules directory (no rule enabled) is refused unless this is set: by mistake it
    # would silently switch every alert off on every worker
    rules_allow_empty: bool = field(default_factory=lambda: _flag("DIPLOWATCH_RULES_ALLOW_EMPTY"))
    # the largest rule set (all files, uncompressed) read from the directory or assembled from the topic
    rules_max_bytes: int = field(
        default_factory=lambda: _int("DIPLOWATCH_RULES_MAX_BYTES", str(16 << 20), 1024, 1 << 30))
    subscriptions_file: Path | None = field(
        default_factory=lambda: Path(p) if (p := _env("DIPLOWATCH_SUBSCRIPTIONS_FILE", "")) else None)
    # a subscriptions file with no entries (which would delete every file subscription) is refused unless set
    subscriptions_allow_empty: bool = field(
        default_factory=lambda: _flag("DIPLOWATCH_SUBSCRIPTIONS_ALLOW_EMPTY"))
    # CIDRs webhook URLs may resolve into although private/loopback (e.g. "127.0.0.0/8" for local tests)
    webhook_allow_nets: str = field(default_factory=lambda: _env("DIPLOWATCH_WEBHOOK_ALLOW_NETS", ""))
    feed_token: str = field(default_factory=lambda: _env("DIPLOWATCH_FEED_TOKEN", ""))
    # SSE clients per worker (more get 503) and the frames one client may have waiting before it is dropped
    feed_max_clients: int = field(default_factory=lambda: _int("DIPLOWATCH_FEED_MAX_CLIENTS", "256", 0, 100_000))
    feed_client_buffer_bytes: int = field(
        default_factory=lambda: _int("DIPLOWATCH_FEED_CLIENT_BUFFER_BYTES", str(4 * 1024 * 1024), 4096, 1 << 30))
    # the spaCy pipeline the coder parses with: a package name or a path; "none" (the default): no parse, word
    # order only (measured on voa_dev.jsonl the parse buys +0.03 F1 at 7x the CPU: docs/BENCHMARKS.md)
    spacy_model: str = field(default_factory=lambda: _env("DIPLOWATCH_SPACY_MODEL", "none"))
    # the countries /metrics counts dyads of by name; events of any other country count as "other", so the
    # number of series stays bounded ((n + 2)^2 with "none" and "other") whatever the articles name
    metrics_countries: frozenset[str] = field(default_factory=lambda: frozenset(
        c.strip().upper() for c in _env("DIPLOWATCH_METRICS_COUNTRIES", DEFAULT_METRICS_COUNTRIES).split(",")
        if c.strip()))
    topics: Topics = field(default_factory=Topics)

    @property
    def parser_model(self) -> str | None:
        return None if self.spacy_model.lower() == "none" else self.spacy_model

    @property
    def limits(self) -> Limits:
        return Limits(max_output_bytes=self.max_output_bytes, max_events=self.max_events)


ENV_VARS = (
    "DIPLOWATCH_BOOTSTRAP",
    "DIPLOWATCH_APP_ID",
    "DIPLOWATCH_PARTITIONS",
    "DIPLOWATCH_REPLICATION",
    "DIPLOWATCH_MAX_MESSAGE_BYTES",
    "DIPLOWATCH_WEB_PORT",
    "DIPLOWATCH_WEB_HOST",
    "DIPLOWATCH_DATA_DIR",
    "DIPLOWATCH_RULES_DIR",
    "DIPLOWATCH_TOPIC_RAW",
    "DIPLOWATCH_TOPIC_ENRICHED",
    "DIPLOWATCH_TOPIC_EVENTS",
    "DIPLOWATCH_TOPIC_ALERTS",
    "DIPLOWATCH_TOPIC_DEADLETTER",
    "DIPLOWATCH_TOPIC_CANDIDATES",
    "DIPLOWATCH_TOPIC_RULES",
    "DIPLOWATCH_RULES_POLL_SECONDS",
    "DIPLOWATCH_PROCESSING_GUARANTEE",
    "DIPLOWATCH_MAX_EVENTS",
    "DIPLOWATCH_MAX_OUTPUT_BYTES",
    "DIPLOWATCH_TOPIC_SUBSCRIPTIONS",
    "DIPLOWATCH_TOPIC_UNDELIVERABLE",
    "DIPLOWATCH_SUBSCRIPTIONS_FILE",
    "DIPLOWATCH_WEBHOOK_ALLOW_NETS",
    "DIPLOWATCH_FEED_TOKEN",
    "DIPLOWATCH_FEED_MAX_CLIENTS",
    "DIPLOWATCH_FEED_CLIENT_BUFFER_BYTES",
    "DIPLOWATCH_SPACY_MODEL",
    "DIPLOWATCH_RULES_ALLOW_EMPTY",
    "DIPLOWATCH_RULES_MAX_BYTES",
    "DIPLOWATCH_SUBSCRIPTIONS_ALLOW_EMPTY",
    "DIPLOWATCH_METRICS_COUNTRIES",
)

# the NAME in every DIPLOWATCH_TOPIC_<NAME> variable (tests and benchmarks give each run its own topics)
TOPIC_NAMES = ("RAW", "ENRICHED", "EVENTS", "ALERTS", "DEADLETTER", "CANDIDATES", "RULES", "SUBSCRIPTIONS",
               "UNDELIVERABLE")
