"""JSON Schemas of every topic's messages, generated from the models; `check` finds drift."""

from __future__ import annotations

import json
from pathlib import Path

from services.models import TOPIC_MODELS
from services.settings import REPO_ROOT

SCHEMA_DIR = REPO_ROOT / "schemas"


def _render(model: type) -> str:
    schema = model.model_json_schema()  # type: ignore[attr-defined]
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def schema_path(topic: str) -> Path:
    return SCHEMA_DIR / f"{topic}.schema.json"


def example_path(topic: str) -> Path:
    return SCHEMA_DIR / "examples" / f"{topic}.json"


def write() -> list[Path]:
    out = []
    for topic, model in TOPIC_MODELS.items():
        p = schema_path(topic)
        p.write_text(_render(model))
        out.append(p)
    return out


def check() -> list[str]:
    """Problems: a schema file that differs from its model, or an example the model refuses."""
    problems = []
    for topic, model in TOPIC_MODELS.items():
        p = schema_path(topic)
        if not p.exists() or p.read_text() != _render(model):
            problems.append(f"{p}: out of date with {model.__name__}; run `diplowatch schemas write`")
        ex = example_path(topic)
        if not ex.exists():
            problems.append(f"{ex}: missing example message")
            continue
        try:
            model.model_validate_json(ex.read_text())
        except Exception as exc:
            problems.append(f"{ex}: does not validate as {model.__name__}: {exc}")
    return problems
