"""The built lexicon is kept between processes, under a name that changes with what it is built from."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.coder import lexicon_cache


def _counting_build(calls: list[int]) -> lexicon_cache.Callable[[], dict[str, int]]:
    def build() -> dict[str, int]:
        calls.append(1)
        return {"built": len(calls)}
    return build


def test_the_second_start_reads_what_the_first_built(tmp_path: Path) -> None:
    calls: list[int] = []
    first = lexicon_cache.load_or_build(_counting_build(calls), tmp_path)
    second = lexicon_cache.load_or_build(_counting_build(calls), tmp_path)
    assert first == second == {"built": 1} and len(calls) == 1
    assert [p.name for p in tmp_path.iterdir()] == [f"lexicon-{lexicon_cache.fingerprint()}.pickle"]


def test_a_damaged_file_is_rebuilt_and_replaced(tmp_path: Path) -> None:
    (tmp_path / f"lexicon-{lexicon_cache.fingerprint()}.pickle").write_bytes(b"not a pickle")
    calls: list[int] = []
    assert lexicon_cache.load_or_build(_counting_build(calls), tmp_path) == {"built": 1}
    assert lexicon_cache.load_or_build(_counting_build(calls), tmp_path) == {"built": 1} and len(calls) == 1


def test_a_change_to_what_it_is_built_from_is_a_new_build(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    lexicon_cache.load_or_build(_counting_build(calls), tmp_path)
    monkeypatch.setattr(lexicon_cache, "fingerprint", lambda: "after-an-edit")
    assert lexicon_cache.load_or_build(_counting_build(calls), tmp_path) == {"built": 2}
    assert [p.name for p in tmp_path.iterdir()] == ["lexicon-after-an-edit.pickle"]  # the old build removed


def test_the_fingerprint_covers_the_data_files_and_the_builder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "data").mkdir()
    for name in lexicon_cache.BUILDERS:
        (tmp_path / name).write_text("code")
    (tmp_path / "data" / "verbs.yaml").write_text("patterns: []")
    monkeypatch.setattr(lexicon_cache, "CODER", tmp_path)
    before = lexicon_cache.fingerprint()
    (tmp_path / "data" / "verbs.yaml").write_text("patterns: [x]")
    after_data = lexicon_cache.fingerprint()
    (tmp_path / "lexicon.py").write_text("other code")
    assert len({before, after_data, lexicon_cache.fingerprint()}) == 3


def test_an_unwritable_directory_costs_a_build_and_nothing_else(tmp_path: Path) -> None:
    blocked = tmp_path / "file-not-dir"
    blocked.write_text("")
    calls: list[int] = []
    assert lexicon_cache.load_or_build(_counting_build(calls), blocked / "cache") == {"built": 1}


def test_the_lexicon_read_back_is_the_one_built() -> None:
    # its entries pickle as their constructor's arguments (faster to load): every field must come back
    import pickle

    from services.coder import lexicon

    built = lexicon.build()
    back = pickle.loads(pickle.dumps(built, protocol=pickle.HIGHEST_PROTOCOL))
    assert back.patterns == built.patterns and len(back.patterns) > 1000
    assert sorted(back.automaton.items()) == sorted(built.automaton.items())
    person = next(e for _, (_, entries) in built.automaton.items() for e in entries if e.terms)
    assert pickle.loads(pickle.dumps(person)) == person
