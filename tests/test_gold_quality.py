"""The coder on the hand-coded gold, scored by the shared scorer: regression floors.

Each floor sits a few points under the figure reached (see `make quality`), so a change that loses recall or
precision fails: plover_gsr.jsonl (CAMEO-manual sentences, recall only) and voa_dev.jsonl (whole current
stories, every sentence annotated, so precision counts too).
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

from defaults import pack

from services.coder.syntax import DEFAULT_MODEL
from services.corpus import read_items
from services.enrich import enrich

RECALL_FLOOR = 0.80  # plover_gsr.jsonl: 0.823 reached; the coder issue's target is 0.80
TYPE_RECALL_FLOOR = 0.87
# voa_dev.jsonl on 2026-12-07 (seventh session): precision 0.873, recall 0.679 (F1 0.764) by word order (the
# default); with the dependency parse (DIPLOWATCH_SPACY_MODEL, opt-in) 0.773, 0.631 (F1 0.695). Precision
# counts each predicted event: a meeting of seven states is 42 dyads, all right against one gold event.
VOA_PRECISION_FLOOR = 0.85
VOA_RECALL_FLOOR = 0.65
VOA_PARSED_PRECISION_FLOOR = 0.75
VOA_PARSED_RECALL_FLOOR = 0.60


def _scorer(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("gold_score", shared / "gold" / "score.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _scored(shared: Path, tmp_path: Path, name: str, model: str | None = None) -> dict:
    gold = shared / "gold" / name
    out = tmp_path / f"{name}.out"
    with out.open("w") as fh:
        for item in read_items(gold):
            fh.write(enrich(item, pack(), model=model).model_dump_json() + "\n")
    result: dict = _scorer(shared).score(str(gold), str(out), "plover")
    print(json.dumps({k: v for k, v in result.items() if k not in ("by_type", "errors")}))
    assert result["missing_predictions"] == 0
    return result


def test_voa_dev_precision_and_recall_floors(shared: Path, tmp_path: Path) -> None:
    result = _scored(shared, tmp_path, "voa_dev.jsonl")
    assert result["precision"] >= VOA_PRECISION_FLOOR
    assert result["recall"] >= VOA_RECALL_FLOOR


def test_voa_dev_floors_with_the_parse(shared: Path, tmp_path: Path) -> None:
    result = _scored(shared, tmp_path, "voa_dev.jsonl", model=DEFAULT_MODEL)
    assert result["precision"] >= VOA_PARSED_PRECISION_FLOOR
    assert result["recall"] >= VOA_PARSED_RECALL_FLOOR


def test_gold_recall_floor(shared: Path, tmp_path: Path) -> None:
    result = _scored(shared, tmp_path, "plover_gsr.jsonl")
    assert result["recall"] >= RECALL_FLOOR
    assert result["type_recall"] >= TYPE_RECALL_FLOOR
