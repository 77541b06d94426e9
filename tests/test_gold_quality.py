"""The coder on the hand-coded gold sentences, scored by the shared scorer: a regression floor.

The floor sits a few points under the figure reached (see `make quality`), so a change that loses recall fails.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from services.corpus import read_items
from services.enrich import enrich

RECALL_FLOOR = 0.78
TYPE_RECALL_FLOOR = 0.87


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", shared / "gold" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def test_gold_recall_floor(shared: Path, tmp_path: Path) -> None:
    gold = shared / "gold" / "plover_gsr.jsonl"
    out = tmp_path / "gold-out.jsonl"
    with out.open("w") as fh:
        for item in read_items(gold):
            fh.write(enrich(item).model_dump_json() + "\n")
    result = _scorer(shared).score(str(gold), str(out), "plover")
    print(json.dumps({k: v for k, v in result.items() if k != "by_type"}))
    assert result["missing_predictions"] == 0
    assert result["recall"] >= RECALL_FLOOR
    assert result["type_recall"] >= TYPE_RECALL_FLOOR
