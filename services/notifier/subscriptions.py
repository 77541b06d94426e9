"""Who gets which alert: subscriptions from a YAML file and the compacted `subscriptions` topic.

The file is the operator's; each worker publishes its content to the topic when it changes (entries marked
origin=file, removed entries as tombstones), and every worker applies the topic. `diplowatch subscriptions`
changes the topic directly at run time.
"""

from __future__ import annotations

import hashlib
import logging
import os
from collections.abc import Callable, Mapping
from pathlib import Path

import yaml
from pydantic import ValidationError

from services import metrics, safe_yaml
from services.compacted import CompactedReader
from services.errors import SubscriptionError, problems
from services.models import Alert, Subscription
from services.safe_yaml import excerpt
from services.settings import Settings

log = logging.getLogger("diplowatch.subscriptions")


def parse_file(path: Path, origin: str = "file") -> list[Subscription]:
    """Validate a subscriptions file. A secret written "env:NAME" is read from the environment variable NAME."""
    try:
        doc = safe_yaml.load(path.read_bytes()) or {}
    except (OSError, yaml.YAMLError) as exc:  # aliases refused: an 831-byte file made a 72 MB log line
        raise SubscriptionError(f"{path}: {excerpt(str(exc), 500)}") from None
    entries = doc.get("subscriptions", []) if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise SubscriptionError(f"{path}: expected a mapping with a 'subscriptions' list")
    out: list[Subscription] = []
    for n, entry in enumerate(entries):
        where = f"{path}: subscriptions[{n}]" + (f" (id {excerpt(entry.get('id'))})" if isinstance(entry, dict) else "")
        if not isinstance(entry, dict):
            raise SubscriptionError(f"{where}: expected a mapping")
        entry = {**entry, "origin": origin}
        secret = entry.get("secret")
        if isinstance(secret, str) and secret.startswith("env:"):
            entry["secret"] = os.environ.get(secret[4:], "")
            if not entry["secret"]:
                raise SubscriptionError(f"{where}: secret: environment variable {secret[4:]} is not set")
        try:
            out.append(Subscription.model_validate(entry))
        except ValidationError as exc:
            raise SubscriptionError(f"{where}: {problems(exc)}") from None
    ids = [s.id for s in out]
    if dups := sorted({i for i in ids if ids.count(i) > 1}):
        raise SubscriptionError(f"{path}: duplicate subscription ids: {', '.join(dups)}")
    return out


def wants(sub: Subscription, alert: Alert) -> bool:
    return sub.filters.matches(alert)


def encode(sub: Subscription) -> tuple[bytes, bytes]:
    return sub.id.encode(), sub.model_dump_json().encode()


class SubscriptionBook:
    """The subscriptions this worker knows, as the topic has them."""

    def __init__(self) -> None:
        self.current: dict[str, Subscription] = {}
        self._reader: CompactedReader | None = None
        self._file_digest: str | None = None

    def apply(self, updates: dict[bytes, bytes | None]) -> None:
        """Swaps in a new dict (never mutates the old one): the agent reads it from another thread."""
        current = dict(self.current)
        for key, value in updates.items():
            sid = key.decode(errors="replace")
            if len(key) > 64:  # ids are at most 64 characters: nothing to remove or add under a longer key
                _refused("subscriptions_topic", "a subscription key of %d bytes on the topic was skipped: %s",
                         len(key), excerpt(sid))
                continue
            if value is None:
                if current.pop(sid, None) is not None:
                    log.warning("subscription %s removed", sid)
                continue
            try:
                sub = Subscription.model_validate_json(value)
            except ValidationError as exc:  # topics are shared: say it, keep the rest
                _refused("subscriptions_topic", "subscription %s on the topic refused: %s", excerpt(sid),
                         exc.errors()[0]["msg"])
                continue
            if sub.id != sid:
                _refused("subscriptions_topic", "subscription %s on the topic refused: its id is %s",
                         excerpt(sid), sub.id)
                continue
            if current.get(sid) != sub:
                log.warning("subscription %s -> %s (%s)", sid, sub.url, sub.origin)
                current[sid] = sub
        self.current = current

    def poll_topic(self, settings: Settings, catch_up: bool = False) -> None:
        if self._reader is None:
            self._reader = CompactedReader(settings, settings.topics.subscriptions, "diplowatch-subscriptions")
        self.apply(self._reader.catch_up() if catch_up else self._reader.poll())

    def check_file(self, path: Path | None, publish: Callable[[dict[bytes, bytes | None]], Mapping[bytes, int] | None],
                   allow_empty: bool = False) -> None:
        """Publish what changed in the file; a broken file is refused (said once) and nothing changes.

        A file with no entries that would remove file subscriptions is refused unless allow_empty: a file
        emptied by mistake would delete every file subscription on every worker."""
        if path is None:
            return
        try:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        except OSError as exc:
            digest = f"unreadable: {exc}"
        if digest == self._file_digest:
            return
        self._file_digest = digest
        try:
            subs = parse_file(path)
        except SubscriptionError as exc:
            _refused("subscriptions_file", "subscriptions file refused, keeping the current subscriptions: %s", exc)
            return
        from_file = sorted(sid for sid, sub in self.current.items() if sub.origin == "file")
        if not subs and from_file and not allow_empty:
            _refused("subscriptions_file", "subscriptions file %s refused: it has no entries and would remove %d file "
                     "subscription(s) (%s); set DIPLOWATCH_SUBSCRIPTIONS_ALLOW_EMPTY=1 to allow it", path,
                     len(from_file), excerpt(", ".join(from_file), 200))
            return
        updates: dict[bytes, bytes | None] = {}
        for sub in subs:
            if self.current.get(sub.id) != sub:
                updates.update([encode(sub)])
        listed = {s.id for s in subs}
        for sid, sub in self.current.items():
            if sub.origin == "file" and sid not in listed:
                updates[sid.encode()] = None
        if updates:
            try:
                written = publish(updates)
            except Exception:
                self._file_digest = None  # not published: the next poll tries again
                raise
            if written and self._reader is not None:  # older values of these keys, read later, are stale
                self._reader.wrote(written)
            self.apply(updates)


def _refused(source: str, fmt: str, *args: object) -> None:
    metrics.CONFIG_REFUSED.labels(source=source).inc()
    log.error(fmt, *args)

