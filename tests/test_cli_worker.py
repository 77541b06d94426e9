"""The worker refuses settings it cannot honour, before touching Kafka."""

from __future__ import annotations

import os
import subprocess
import sys

from services.settings import REPO_ROOT


def test_exactly_once_is_refused_with_the_reason() -> None:
    env = {**os.environ, "DIPLOWATCH_PROCESSING_GUARANTEE": "exactly_once",
           "DIPLOWATCH_BOOTSTRAP": "127.0.0.1:1"}  # nothing listens: the refusal must come first
    out = subprocess.run([sys.executable, "-m", "services.cli", "worker"], env=env, cwd=REPO_ROOT,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 2
    assert "DIPLOWATCH_PROCESSING_GUARANTEE='exactly_once': expected 'at_least_once'" in out.stderr
    assert "RELIABILITY.md" in out.stderr
