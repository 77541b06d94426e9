"""schemas/ is generated from the models; drift or a broken example fails here."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from services import schemas
from services.models import TOPIC_MODELS
from services.settings import Settings


def test_schema_files_match_the_models_and_examples_validate() -> None:
    assert schemas.check() == []


def test_every_topic_has_a_model_schema_and_example() -> None:
    topics = Settings().topics
    assert set(TOPIC_MODELS) == set(topics.all()) | set(topics.compacted())
    for topic in TOPIC_MODELS:
        schema = json.loads(schemas.schema_path(topic).read_text())
        assert "schema_version" in schema["properties"]


def test_drift_is_detected(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy = tmp_path / "schemas"
    shutil.copytree(schemas.SCHEMA_DIR, copy)
    monkeypatch.setattr(schemas, "SCHEMA_DIR", copy)
    p = copy / "alerts.schema.json"
    doc = json.loads(p.read_text())
    doc["properties"].pop("severity")
    p.write_text(json.dumps(doc))
    ex = copy / "examples" / "news.raw.json"
    ex.write_text('{"id": "x"}')
    problems = schemas.check()
    assert any("alerts.schema.json" in x for x in problems)
    assert any("news.raw.json" in x for x in problems)


def test_examples_validate_against_the_json_schema_too() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    for topic in TOPIC_MODELS:
        schema = json.loads(schemas.schema_path(topic).read_text())
        example = json.loads(schemas.example_path(topic).read_text())
        jsonschema.validate(example, schema)
