"""Settings of the ingest service (environment, prefix DIPLOWATCH_INGEST_), parsed once by the CLI.

Kafka's bootstrap and the news.raw topic come from services.settings.Settings, passed in beside these.
"""

from __future__ import annotations

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from services import __version__
from services.errors import SettingError
from services.notifier.outbound import IPNetwork, allowed_networks
from services.settings import REPO_ROOT

PREFIX = "DIPLOWATCH_INGEST_"


class IngestSettings(BaseSettings):
    """Every knob of `diplowatch ingest`; each is the environment variable PREFIX + the upper-case name."""

    model_config = SettingsConfigDict(env_prefix=PREFIX, frozen=True, extra="ignore")

    feeds_file: str = Field(default=str(REPO_ROOT / "deploy" / "feeds.yaml"),
                            description="the YAML list of feeds (--feeds overrides)")
    topic_seen: str = Field(default="ingest.seen", min_length=1,
                            description="topic of claimed articles, deleted by age: the shared seen-set")
    topic_feeds: str = Field(default="ingest.feeds", min_length=1,
                             description="empty topic whose partitions the ingest group shares out: the feeds")
    feed_partitions: int = Field(default=12, ge=1, le=10_000, description="partitions of the feeds topic (the "
                                 "most ingest processes that get a share)")
    group: str = Field(default="diplowatch-ingest", min_length=1, description="consumer group of the processes")
    seen_ttl_seconds: float = Field(default=14 * 86_400, ge=60, le=400 * 86_400,
                                    description="how long a seen URL or text is remembered (topic and memory)")
    claim_lease_seconds: float = Field(default=600, gt=0, le=86_400,
                                       description="a claim not marked done this long after was abandoned")
    near_threshold: float = Field(default=0.5, gt=0, lt=1,
                                  description="estimated Jaccard of 5-word shingles from which texts are one story")
    num_perm: int = Field(default=128, ge=16, le=512, description="MinHash permutations")
    user_agent: str = Field(default=f"diplowatch-ingest/{__version__} (+https://github.com/diplowatch/diplowatch)",
                            min_length=1)
    timeout_seconds: float = Field(default=20, gt=0, le=600, description="whole request, body included")
    max_bytes: int = Field(default=5 * 1024 * 1024, ge=1024, le=1 << 30, description="largest body read")
    max_redirects: int = Field(default=5, ge=0, le=30)
    host_delay_seconds: float = Field(default=1.0, ge=0, le=3600,
                                      description="least time between two requests to one host")
    jitter: float = Field(default=0.1, ge=0, le=1, description="share of the interval added or taken at random")
    backoff_max_seconds: float = Field(default=3600, gt=0, le=86_400)
    robots_ttl_seconds: float = Field(default=3600, ge=0, le=86_400 * 7)
    full_text_min_chars: int = Field(default=600, ge=0,
                                     description="feed text this long is the article; shorter is a summary")
    languages: str = Field(default="en", description="comma list; items in other languages are skipped; empty: all")
    allow_nets: str = Field(default="", description="CIDRs that may be fetched although private/loopback")
    metrics_port: int = Field(default=6068, ge=0, le=65535, description="0: no /metrics server")
    metrics_host: str = "127.0.0.1"

    @field_validator("allow_nets")
    @classmethod
    def _nets(cls, v: str) -> str:
        try:
            allowed_networks(v)
        except ValueError as exc:
            raise ValueError(str(exc).replace("DIPLOWATCH_WEBHOOK_ALLOW_NETS", f"{PREFIX}ALLOW_NETS")) from None
        return v

    @property
    def networks(self) -> list[IPNetwork]:
        return allowed_networks(self.allow_nets)

    @property
    def language_set(self) -> frozenset[str]:
        return frozenset(x.strip().lower() for x in self.languages.split(",") if x.strip())


def load_settings() -> IngestSettings:
    """The settings from the environment, or SettingError naming the variable (the CLI prints one line)."""
    try:
        return IngestSettings()
    except ValidationError as exc:
        problems = "; ".join(f"{PREFIX}{'.'.join(str(p) for p in e['loc']).upper()}: {e['msg']}"
                             for e in exc.errors())
        raise SettingError(problems) from None
