"""Where the benchmarks find the shared data: $DIPLOWATCH_SHARED, else ../shared beside the repository."""

from __future__ import annotations

import os
from pathlib import Path

from services.settings import REPO_ROOT

SHARED = Path(os.environ.get("DIPLOWATCH_SHARED", REPO_ROOT.parent / "shared"))
