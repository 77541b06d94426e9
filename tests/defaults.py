"""What the pure-core tests pass in where the worker passes its own: the default rule pack."""

from __future__ import annotations

import functools

from services.rules import RuleSet, load_rules
from services.settings import REPO_ROOT


@functools.cache
def pack() -> RuleSet:
    """The default rule pack (deploy/rules), compiled once per test session."""
    return load_rules(REPO_ROOT / "deploy" / "rules")
