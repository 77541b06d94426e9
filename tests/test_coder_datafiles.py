"""The coder's data files against their schemas: every shipped file loads; a wrong file fails with its name, the
line and the field. No Kafka."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import BaseModel

from services.coder import datafiles as files
from services.coder.datafiles import DataFileError, load_yaml, read_tsv
from services.coder.lexicon import TSV_COLUMNS

SCHEMAS: dict[str, type[BaseModel]] = {
    "organisations.yaml": files.Organisations, "agents.yaml": files.AgentFile, "titles.yaml": files.TitleFile,
    "people.yaml": files.People, "officeholders.yaml": files.Offices, "places.yaml": files.Places,
    "sources.yaml": files.Sources, "references.yaml": files.References, "regions.yaml": files.Regions,
    "verbs.yaml": files.Verbs, "cameo_verbs.yaml": files.CameoVerbs,
}


def test_every_data_file_has_a_schema_and_follows_it() -> None:
    shipped = {p.name for p in files.DATA.iterdir() if p.suffix in (".yaml", ".tsv")}
    assert shipped == set(SCHEMAS) | set(TSV_COLUMNS)
    for name, schema in SCHEMAS.items():
        load_yaml(files.DATA / name, schema)
    for name, columns in TSV_COLUMNS.items():
        assert read_tsv(files.DATA / name, columns, skip_header=name == "cameo.tsv")


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_unknown_key_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "organisations.yaml", "# header\n- {code: IGOUNO, names: [United Nations]}\n"
                  "- {code: IMGX, agents: [REB], kinds: group, names: [X]}\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.Organisations)
    assert f"{path}:3: [1].kinds: Extra inputs are not permitted (got group)" in str(err.value)


def test_wrong_type_names_file_line_and_field(tmp_path: Path) -> None:
    path = _write(tmp_path, "places.yaml", "- name: Red Sea\n  kind: sea\n  lat: '20.0'\n  lon: 38.0\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.Places)
    assert f"{path}:3: [0].lat: Input should be a valid number" in str(err.value)


def test_yaml_boolean_is_not_a_word(tmp_path: Path) -> None:
    """An unquoted `no` is YAML's false: refused where a word is expected, at its line."""
    path = _write(tmp_path, "verbs.yaml", "irregular: {}\npatterns: []\nnegation: [not,\n  no]\nrefusal: []\n"
                  "hypothetical: []\nfuture: []\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.Verbs)
    assert f"{path}:4: negation[1]: Input should be a valid string (got False)" in str(err.value)


def test_missing_field_names_the_entry(tmp_path: Path) -> None:
    path = _write(tmp_path, "sources.yaml", "- {code: USA, names: [White House]}\n- {code: GBR}\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.Sources)
    assert f"{path}:2: [1].names: Field required" in str(err.value)


def test_bad_option_value_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "cameo_verbs.yaml", "irregular: {}\npatterns:\n  - code: '042'\n    phrases: [visit~]\n"
                  "    target: before\n")
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.CameoVerbs)
    assert f"{path}:5: patterns[0].target: Input should be 'after', 'end', 'left' or 'none'" in str(err.value)


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions.yaml", "gulf: [BHR, KWT\narab: [DZA]\n")
    with pytest.raises(DataFileError, match=rf"^{path}:\d+: not valid YAML"):
        load_yaml(path, files.Regions)


def test_tsv_row_with_wrong_columns_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "capitals.tsv", "# comment\nUSA\tWashington\nRUS\n")
    with pytest.raises(DataFileError) as err:
        read_tsv(path, (2, 2))
    assert f"{path}:3: 1 columns, expected 2 (got RUS)" in str(err.value)
