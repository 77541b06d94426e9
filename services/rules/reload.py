"""Hot reload: every worker applies the same rule-set version, published on a compacted `rules` topic.

Each worker watches the rules directory; when its content changes and compiles, the worker publishes it to
the topic (identical content gives the same version, so several publishers agree). Every worker reads the
topic and switches to the newest rule set. A file that does not compile is refused with its error and the
previous rule set stays active.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from services import metrics
from services.compacted import CompactedReader
from services.models import RuleSetMessage
from services.rules.engine import RuleError, RuleSet, compile_rules, read_rule_files
from services.settings import Settings

log = logging.getLogger("diplowatch.rules")
RULESET_KEY = b"ruleset"


class RuleBook:
    """Holds the active rule set; swaps it only for one that compiles."""

    def __init__(self) -> None:
        self.active: RuleSet = compile_rules({})
        self.rejected: str | None = None  # the digest of the last directory content refused
        self._reader: CompactedReader | None = None

    def use(self, ruleset: RuleSet, why: str) -> None:
        metrics.set_ruleset(ruleset.version, len(ruleset))
        if ruleset.version != self.active.version:
            self.active = ruleset
            log.warning("rule-set version %s active (%d rules, %s)", ruleset.version, len(ruleset), why)

    def apply_message(self, value: bytes) -> None:
        try:
            doc = RuleSetMessage.model_validate_json(value)
            self.use(compile_rules({name: text.encode() for name, text in doc.files.items()}), "from the rules topic")
        except (RuleError, ValidationError) as exc:  # cannot happen for sets we published, but topics are shared
            log.error("a rule set on the rules topic was refused: %s", exc)

    def poll_topic(self, settings: Settings, catch_up: bool = False) -> None:
        """Apply whatever the rules topic holds that this worker has not seen (all of it, with catch_up)."""
        if self._reader is None:
            self._reader = CompactedReader(settings, settings.topics.rules, "diplowatch-rules")
        last = (self._reader.catch_up() if catch_up else self._reader.poll()).get(RULESET_KEY)
        if last:
            self.apply_message(last)

    def check_directory(self, directory: Path, publish: Any) -> None:
        """Publish the directory's rules when they changed and compile; refuse them (once) when not."""
        try:
            files = read_rule_files(directory)
            ruleset = compile_rules(files)
        except RuleError as exc:
            if self.rejected != str(exc):
                self.rejected = str(exc)
                log.error("rules in %s refused, keeping version %s: %s", directory, self.active.version, exc)
            return
        self.rejected = None
        if ruleset.version != self.active.version:
            publish(ruleset)
            self.use(ruleset, f"from {directory}")


def ruleset_message(ruleset: RuleSet) -> bytes:
    files = {Path(n).name: raw.decode() for n, raw in ruleset.files.items()}
    return RuleSetMessage(version=ruleset.version, files=files).model_dump_json().encode()


rulebook = RuleBook()
