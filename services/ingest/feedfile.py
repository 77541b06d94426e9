"""The operator's list of feeds (deploy/feeds.yaml): validated at start, errors name the entry."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from services import safe_yaml
from services.errors import ConfigError, problems


class FeedFileError(ConfigError):
    """A feeds file diplowatch cannot use; the message names the file and the entry."""


class FeedConfig(BaseModel):
    """One feed: where, how often, and the labels its articles carry."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=r"^[A-Za-z0-9_.-]{1,64}$", description="metric label and log name")
    url: str = Field(pattern=r"^https?://[^\s/]+", max_length=2048)
    publisher: str | None = Field(default=None, max_length=200)
    language: str = Field(default="en", pattern=r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$")
    interval_seconds: float = Field(default=600, gt=0, le=7 * 86_400)
    source: str | None = Field(default=None, max_length=200, description="NewsItem.source (default: publisher)")

    @property
    def source_label(self) -> str:
        return self.source or self.publisher or self.name


def parse_feeds(text: str, where: str = "feeds") -> list[FeedConfig]:
    try:
        doc = safe_yaml.load(text)
    except Exception as exc:
        raise FeedFileError(f"{where}: not valid YAML: {exc}") from None
    entries = doc.get("feeds") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not entries:
        raise FeedFileError(f"{where}: expected a mapping with a non-empty `feeds:` list")
    feeds: list[FeedConfig] = []
    for n, raw in enumerate(entries, 1):
        try:
            feeds.append(FeedConfig.model_validate(raw))
        except ValidationError as exc:
            name = raw.get("name") if isinstance(raw, dict) else None
            raise FeedFileError(f"{where}: feed #{n}{f' ({name})' if name else ''}: {problems(exc)}") from None
    names = [f.name for f in feeds]
    if dupes := sorted({x for x in names if names.count(x) > 1}):
        raise FeedFileError(f"{where}: feed names must be unique: {', '.join(dupes)}")
    return feeds


def load_feeds(path: Path) -> list[FeedConfig]:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise FeedFileError(f"{path}: {exc.strerror or exc}") from None
    return parse_feeds(text, str(path))
