"""Hot reload: every worker applies the same rule-set version, published on a compacted `rules` topic.

Each worker watches the rules directory; when its content changes (a hash of the files, so an unchanged
directory is not compiled again) and compiles, the worker publishes it to the topic (identical content gives
the same version, so several publishers agree). Every worker reads the topic and switches to the newest rule
set. Whatever is refused (a file that does not compile, an empty or missing directory, a bad message on the
topic) is logged with its reason and counted in `diplowatch_config_refused_total`; the previous set stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from services import metrics
from services.compacted import CompactedReader
from services.models import RuleSetMessage
from services.rules import message
from services.rules.engine import RuleError, RuleSet, compile_rules, content_digest, read_rule_files
from services.rules.message import CHUNK_PREFIX, RULESET_KEY, BadRuleSetMessage
from services.safe_yaml import excerpt
from services.settings import Settings

log = logging.getLogger("diplowatch.rules")
__all__ = ["RULESET_KEY", "DirectoryPolicy", "RuleBook"]


@dataclass(frozen=True)
class DirectoryPolicy:
    """What a rules directory may be: empty or missing only when allowed; at most max_bytes of files."""

    allow_empty: bool = False
    max_bytes: int = 16 << 20

    @classmethod
    def of(cls, settings: Settings) -> DirectoryPolicy:
        return cls(allow_empty=settings.rules_allow_empty, max_bytes=settings.rules_max_bytes)


class RuleBook:
    """Holds the active rule set; swaps it only for one that compiles."""

    def __init__(self) -> None:
        self.active: RuleSet = compile_rules({})
        self.has_set = False  # a set was adopted (from the directory or the topic), even an allowed empty one
        self._dir_digest: str | None = None  # the directory content last looked at, compiled or refused
        self._reader: CompactedReader | None = None
        self._pending: RuleSetMessage | None = None  # the topic's newest set, waiting for its parts
        self._parts: dict[bytes, bytes] = {}  # chunk key -> part, as the topic holds them

    def use(self, ruleset: RuleSet, why: str) -> None:
        metrics.set_ruleset(ruleset.version, len(ruleset))
        self.has_set = True
        if ruleset.version != self.active.version:
            self.active = ruleset
            log.warning("rule-set version %s active (%d rules, %s)", ruleset.version, len(ruleset), why)

    def apply_updates(self, updates: dict[bytes, bytes | None], max_bytes: int) -> None:
        """Records read from the rules topic (key -> newest value); a bad one is skipped, never fatal."""
        for key, value in updates.items():
            if key == RULESET_KEY:
                try:
                    self._pending = message.parse(value)
                except BadRuleSetMessage as exc:
                    _refused("rules_topic", "a message on the rules topic was refused, keeping version %s: %s",
                             self.active.version, exc)
            elif key.startswith(CHUNK_PREFIX):
                if value is None:
                    self._parts.pop(key, None)
                else:
                    self._parts[key] = value
            else:
                _refused("rules_topic", "a message on the rules topic with the unknown key %s was skipped",
                         excerpt(key))
        if self._pending is not None:
            self._apply_pending(max_bytes)

    def _apply_pending(self, max_bytes: int) -> None:
        msg = self._pending
        assert msg is not None
        if msg.version == self.active.version and self.has_set:  # e.g. the set this worker just published
            self._pending = None
            return
        try:
            files = message.assemble(msg, self._parts, max_bytes)
            if files is None:
                log.info("rule set %s: waiting for its %d parts", msg.version, msg.chunks)
                return
            ruleset = compile_rules(files)
        except (BadRuleSetMessage, RuleError) as exc:
            _refused("rules_topic", "rule set %s on the rules topic was refused, keeping version %s: %s",
                     excerpt(msg.version), self.active.version, exc)
        else:
            self.use(ruleset, "from the rules topic")
        self._pending = None
        # parts of other versions are no longer needed by this worker
        prefix = message.chunk_key(msg.version, 0)[:-1]
        self._parts = {k: v for k, v in self._parts.items() if k.startswith(prefix)}

    def poll_topic(self, settings: Settings, catch_up: bool = False) -> None:
        """Apply whatever the rules topic holds that this worker has not seen (all of it, with catch_up)."""
        if self._reader is None:
            self._reader = CompactedReader(settings, settings.topics.rules, "diplowatch-rules")
        self.apply_updates(self._reader.catch_up() if catch_up else self._reader.poll(), settings.rules_max_bytes)

    def check_directory(self, directory: Path, publish: Callable[[RuleSet], Mapping[bytes, int] | None],
                        policy: DirectoryPolicy | None = None) -> str:
        """Publish the directory's rules when they changed and compile; refuse them (once) when not.

        Returns what happened: "unchanged" (same content as last time: not compiled again), "refused",
        "published" or "current" (compiles to the active version)."""
        policy = policy or DirectoryPolicy()
        try:
            files = read_rule_files(directory, policy.max_bytes)
        except RuleError as exc:
            if not (policy.allow_empty and not directory.exists()):
                return self._refuse_directory(f"missing: {exc} {policy}", directory, str(exc))
            files = {}
        content = content_digest(files)
        digest = f"{content} {policy}"  # a policy change looks again
        if digest == self._dir_digest:
            return "unchanged"
        if content[:12] == self.active.version and self.has_set and (len(self.active) or policy.allow_empty):
            self._dir_digest = digest  # already active (e.g. read from the topic first): not compiled again
            return "current"
        try:
            ruleset = compile_rules(files)
        except RuleError as exc:
            return self._refuse_directory(digest, directory, str(exc))
        if not ruleset.rules and not policy.allow_empty:
            return self._refuse_directory(digest, directory, f"{directory}: no rules enabled (an empty set is "
                                          "refused unless DIPLOWATCH_RULES_ALLOW_EMPTY=1)")
        if ruleset.version == self.active.version and self.has_set:
            self._dir_digest = digest
            return "current"
        written = publish(ruleset)  # (if it fails, the digest is not kept: the next poll publishes again)
        if written and self._reader is not None:  # (no reader yet: its first read, a catch-up, ends on this set)
            self._reader.wrote(written)
        self._dir_digest = digest
        self.use(ruleset, f"from {directory}")
        return "published"

    def _refuse_directory(self, digest: str, directory: Path, why: str) -> str:
        if digest != self._dir_digest:  # said once per content, not at every poll
            self._dir_digest = digest
            _refused("rules_directory", "rules in %s refused, keeping version %s: %s", directory,
                     self.active.version, why)
        return "refused"

    def chunk_keys_except(self, version: str) -> list[bytes]:
        """Parts of other versions this worker has seen on the topic: a publisher removes them (tombstones)."""
        keep = message.chunk_key(version, 0)[:-1]
        return [k for k in self._parts if not k.startswith(keep)]


def _refused(source: str, fmt: str, *args: object) -> None:
    metrics.CONFIG_REFUSED.labels(source=source).inc()
    log.error(fmt, *args)


def ruleset_messages(ruleset: RuleSet, limit: int, stale_parts: Iterable[bytes] = ()) -> dict[bytes, bytes | None]:
    """What to send to publish a rule set (parts, then the `ruleset` message, then tombstones of old parts)."""
    out = message.encode(ruleset.files, ruleset.version, limit)
    out.update((k, None) for k in stale_parts if k not in out)
    return out

