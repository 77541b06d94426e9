"""The coder's data files against their schemas: every shipped file loads; a wrong file fails with its name, the
line and the field. No Kafka."""

from __future__ import annotations

import subprocess
import sys
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
    "words.yaml": files.Words, "codes.yaml": files.Codes,
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
    assert f"{path}:5: patterns[0].target: Input should be 'after', 'end', 'left', 'none' or 'within'" in str(err.value)


def test_yaml_syntax_error_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "regions.yaml", "gulf: [BHR, KWT\narab: [DZA]\n")
    with pytest.raises(DataFileError, match=rf"^{path}:\d+: not valid YAML"):
        load_yaml(path, files.Regions)


def test_tsv_row_with_wrong_columns_names_its_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "capitals.tsv", "# comment\nUSA\tWashington\nRUS\n")
    with pytest.raises(DataFileError) as err:
        read_tsv(path, (2, 2))
    assert f"{path}:3: 1 columns, expected 2 (got RUS)" in str(err.value)


def test_unknown_word_list_names_file_and_line(tmp_path: Path) -> None:
    """A misspelt list name in words.yaml is an error, not a list the coder never reads."""
    text = (files.DATA / "words.yaml").read_text(encoding="utf-8").replace("\nspeech:", "\nspeach:")
    path = _write(tmp_path, "words.yaml", text)
    line = text.split("\n").index(next(x for x in text.split("\n") if x.startswith("speach:"))) + 1
    with pytest.raises(DataFileError) as err:
        load_yaml(path, files.Words)
    assert f"{path}:{line}: speach: Extra inputs are not permitted" in str(err.value)
    assert ": speech: Field required" in str(err.value)


def test_code_as_number_is_refused(tmp_path: Path) -> None:
    """An unquoted 04 is YAML's integer 4, not the CAMEO root "04"."""
    text = (files.DATA / "codes.yaml").read_text(encoding="utf-8").replace('refusal: {"04": "125"}',
                                                                             'refusal: {"04": 125}')
    path = _write(tmp_path, "codes.yaml", text)
    with pytest.raises(DataFileError, match=r"codes\.yaml:\d+: refusal\.04: Input should be a valid string"):
        load_yaml(path, files.Codes)


def test_verb_forms_are_inflected_by_rule() -> None:
    forms = files.VerbForms.model_validate({"regular": ["urge", "ask"], "also": ["told"]}).forms
    assert forms == {"urge", "urges", "urged", "urging", "ask", "asks", "asked", "asking", "told"}


def test_nothing_reads_the_data_files_at_import() -> None:
    """Importing the coder opens none of its data files: they are read on first use."""
    probe = (
        "import builtins, io, pathlib\n"
        "opened = []\n"
        "real_open = io.open\n"
        "def spy(file, *a, **k):\n"
        "    opened.append(str(file))\n"
        "    return real_open(file, *a, **k)\n"
        "builtins.open = spy\n"
        "pathlib.Path.read_text = lambda self, *a, **k: (opened.append(str(self)), real_open(self).read())[1]\n"
        "import services.coder.coder, services.coder.syntax, services.enrich\n"
        "print([f for f in opened if '/coder/data/' in f])\n"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                         cwd=Path(__file__).resolve().parent.parent)
    assert out.stdout.strip() == "[]"


def test_a_word_list_given_twice_is_an_error_not_a_silent_replacement(tmp_path: Path) -> None:
    """PyYAML keeps the second of two equal keys; a list written twice lost the first one's words unnoticed."""
    text = (files.DATA / "words.yaml").read_text(encoding="utf-8") + "\nspeech: [said]\n"
    path = _write(tmp_path, "words.yaml", text)
    with pytest.raises(DataFileError, match=r"key 'speech' given twice \(first on line \d+\)"):
        load_yaml(path, files.Words)
