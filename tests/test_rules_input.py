"""Rules input that used to crash or freeze the worker: every one is refused with file, line and field, and the
active set stays. No Kafka: the directory check and the topic records go through RuleBook directly."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from services import metrics
from services.rules.engine import RuleError, RuleSet, compile_rules, load_rules
from services.rules.message import RULESET_KEY, assemble, encode, parse
from services.rules.reload import DirectoryPolicy, RuleBook, ruleset_messages
from services.settings import REPO_ROOT

GOOD = "- {id: alpha, title: alpha, severity: low, match: {phrase: alpha event}}\n"
ALIAS_BOMB = "".join(  # 831 bytes that expand to 10^9 strings when built
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(8)]
    + ["rules: *i\n"])


def _rule(extra: str = "", match: str = "{phrase: x}", rid: str = "r") -> str:
    return f"rules:\n  - id: {rid}\n    title: t\n    severity: low\n    match: {match}\n{extra}"


@pytest.mark.parametrize(("text", "field", "line"), [
    (_rule("    version: 2a\n"), "version", 2),
    (_rule("    tags: 5\n"), "tags", 2),
    (_rule("    dedupe: 5\n"), "dedupe", 2),
    (_rule("    kind: frequency\n    window: 1h\n    threshold: abc\n"), "threshold", 2),
    (_rule(match="{near: {a: x, b: y, within: abc}}"), "near.within", 5),
    (_rule(rid="[a, b]"), "id", 2),
    (_rule(rid="'a|b'"), "id", 2),  # "|" separates rule id and group key in state keys
    (_rule(rid='"a\\nb"'), "id", 2),
    (_rule(rid='"a\\x07b"'), "id", 2),
    (_rule(match="{event: {goldstein_max: high}}"), "event.goldstein_max", 5),
    (_rule(match="{actor: {country: CHN, role: victim}}"), "actor.role", 5),
    (_rule("    text: '{title:>999999999}'\n"), "text", 2),
    (_rule("    dedupe: {key: rule, period: soon}\n"), "dedupe.period", 2),
])
def test_wrong_types_are_refused_with_file_line_and_field(tmp_path: Path, text: str, field: str, line: int) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text(text)
    with pytest.raises(RuleError) as e:  # before: ValueError / TypeError out of the loader
        load_rules(f)
    assert f"{f}:{line}:" in str(e.value) and f"{field}" in str(e.value), str(e.value)  # the rule's or condition's


def test_an_alias_bomb_is_refused_at_once_with_a_short_error() -> None:
    assert len(ALIAS_BOMB) < 900
    started = time.monotonic()
    with pytest.raises(RuleError, match="aliases") as e:
        compile_rules({"bomb.yaml": ALIAS_BOMB.encode()})
    assert time.monotonic() - started < 1 and len(str(e.value)) < 300  # before: 17 s and 575 MB


def test_a_key_given_twice_is_refused_with_its_line() -> None:
    """PyYAML keeps the later of two equal keys: the operator's first `severity:` would be dropped unnoticed."""
    rule = ("- id: twice\n  version: 1\n  title: T\n  severity: critical\n  match: {any_text: [coast guard]}\n"
            "  severity: info\n")
    with pytest.raises(RuleError, match=r"line 6: key 'severity' given twice \(first on line 4\)"):
        compile_rules({"twice.yaml": rule.encode()})


def test_deep_nesting_is_refused() -> None:
    deep = "rules: " + "[" * 100 + "]" * 100  # libyaml stops at 1,000 levels; Python's stack at fewer
    with pytest.raises(RuleError, match="deeper than"):
        compile_rules({"deep.yaml": deep.encode()})


def _refused(source: str) -> float:
    return metrics.CONFIG_REFUSED.labels(source=source)._value.get()  # type: ignore[no-any-return]


def _book(tmp_path: Path) -> tuple[RuleBook, Path, list[RuleSet]]:
    d = tmp_path / "rules"
    d.mkdir()
    (d / "a.yaml").write_text(GOOD)
    book, published = RuleBook(), []
    assert book.check_directory(d, published.append) == "published"
    return book, d, published


def test_an_unchanged_directory_is_not_compiled_again(tmp_path: Path) -> None:
    book, d, published = _book(tmp_path)
    assert book.check_directory(d, published.append) == "unchanged"  # before: compiled at every poll
    (d / "b.yaml").write_text(GOOD.replace("alpha", "beta"))
    assert book.check_directory(d, published.append) == "published"
    assert [len(r) for r in published] == [1, 2]


def test_a_broken_file_keeps_the_set_and_is_said_once(tmp_path: Path) -> None:
    book, d, published = _book(tmp_path)
    before = _refused("rules_directory")
    (d / "b.yaml").write_text(_rule("    version: 2a\n"))
    assert book.check_directory(d, published.append) == "refused"
    assert book.check_directory(d, published.append) == "unchanged"
    assert _refused("rules_directory") == before + 1 and [r.id for r in book.active.rules] == ["alpha"]


@pytest.mark.parametrize("how", ["emptied", "removed", "all disabled"])
def test_an_empty_or_missing_directory_is_refused_unless_allowed(tmp_path: Path, how: str) -> None:
    book, d, published = _book(tmp_path)
    if how == "all disabled":
        (d / "a.yaml").write_text(GOOD.replace("}}", "}, enabled: false}"))
    else:
        (d / "a.yaml").unlink()
        if how == "removed":
            d.rmdir()
    assert book.check_directory(d, published.append) == "refused"  # before: 0 rules active, a warning
    assert len(book.active) == 1
    assert book.check_directory(d, published.append, DirectoryPolicy(allow_empty=True)) == "published"
    assert len(book.active) == 0


def test_a_directory_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    book, d, published = _book(tmp_path)
    assert book.check_directory(d, published.append, DirectoryPolicy(max_bytes=10)) == "refused"
    assert len(book.active) == 1


def test_bad_topic_messages_are_skipped_and_counted(tmp_path: Path) -> None:
    book, _, _ = _book(tmp_path)
    before = _refused("rules_topic")
    broken = encode({"x.yaml": _rule("    version: 2a\n").encode()}, "v2a", 1_000_000)
    for updates in ({RULESET_KEY: b"\xff not json"}, broken, {RULESET_KEY: None}, {b"other": b"x"},
                    encode({"bomb.yaml": ALIAS_BOMB.encode()}, "bomb", 1_000_000)):
        book.apply_updates(updates, 1 << 20)  # before: the 2a set raised ValueError out of the reload
    assert _refused("rules_topic") == before + 5 and [r.id for r in book.active.rules] == ["alpha"]


def big_rule_set(n: int = 10_000) -> dict[str, bytes]:
    lines = ["rules:"] + [f"  - id: rule-{i}\n    title: Rule {i}\n    severity: low\n    tags: [generated]\n"
                          f"    description: {'a generated rule to make the set large ' * 6}\n"
                          f"    match: {{phrase: ['word{i} other{i}']}}" for i in range(n)]
    return {"big.yaml": "\n".join(lines).encode()}


def test_a_large_set_is_sent_in_parts_within_the_limit_and_assembled() -> None:
    files = big_rule_set()
    assert len(files["big.yaml"]) > 3_000_000
    limit = 100_000
    ruleset = compile_rules(files)
    out = ruleset_messages(ruleset, limit, [b"ruleset.old.0"])
    assert all(v is None or len(v) <= limit for v in out.values())  # before: one 3.3 MB message
    assert list(out)[-2:] == [RULESET_KEY, b"ruleset.old.0"] and out[b"ruleset.old.0"] is None
    book = RuleBook()
    parts = {k: v for k, v in out.items() if k != RULESET_KEY}
    book.apply_updates({RULESET_KEY: out[RULESET_KEY]}, 16 << 20)
    assert not book.has_set, "waits for its parts"
    book.apply_updates(parts, 16 << 20)
    assert book.active.version == ruleset.version and len(book.active) == 10_000


def test_parts_that_do_not_match_or_inflate_too_far_are_refused() -> None:
    out = encode(big_rule_set(2_000), "v1", 50_000)
    msg = parse(out[RULESET_KEY])
    parts = {k: v for k, v in out.items() if k != RULESET_KEY and v is not None}
    assert assemble(msg, parts, 16 << 20) is not None
    with pytest.raises(ValueError, match="larger than"):
        assemble(msg, parts, 1000)
    first = next(iter(parts))
    with pytest.raises(ValueError, match="digest"):
        assemble(msg, {**parts, first: b"x" + parts[first][1:]}, 16 << 20)
    bomb = encode({"z.yaml": b"#" * 20_000_000}, "z", 50_000)  # 20 MB of one byte: about 20 KB of gzip
    assert max(len(v or b"") for v in bomb.values()) < 50_000
    with pytest.raises(ValueError, match="larger than"):
        assemble(parse(bomb[RULESET_KEY]), {k: v for k, v in bomb.items() if v is not None}, 16 << 20)


def test_rules_validate_prints_the_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(_rule("    tags: 5\n"))
    env = {**os.environ, "PYTHONPATH": str(REPO_ROOT)}
    done = subprocess.run([sys.executable, "-m", "services.cli", "rules", "validate", str(tmp_path)], env=env,
                          capture_output=True, text=True, timeout=120, cwd=REPO_ROOT)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert f"{tmp_path / 'bad.yaml'}:2:r: tags:" in done.stderr


def test_a_set_read_from_the_topic_is_not_compiled_again_for_the_directory(tmp_path: Path,
                                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """The usual hot reload: another worker published the directory's new content, this worker read it from
    the topic, then its own poll of the directory finds the same files (before: compiled a second time)."""
    from services.rules import reload

    compiled: list[int] = []

    def counting(files: dict[str, bytes]) -> RuleSet:
        compiled.append(len(files))
        return compile_rules(files)

    book, published = RuleBook(), []
    monkeypatch.setattr(reload, "compile_rules", counting)
    d = tmp_path / "rules"
    d.mkdir()
    (d / "a.yaml").write_text(GOOD)
    book.apply_updates(encode({"a.yaml": GOOD.encode()}, "from-the-topic", 1_000_000), 1 << 20)
    assert [r.id for r in book.active.rules] == ["alpha"] and compiled == [1]
    assert book.check_directory(d, published.append) == "current"
    assert compiled == [1] and published == []
    (d / "a.yaml").write_text(GOOD.replace("alpha", "beta"))
    assert book.check_directory(d, published.append) == "published"
    assert compiled == [1, 1] and [r.id for r in book.active.rules] == ["beta"]


def test_an_empty_set_from_the_topic_does_not_make_an_empty_directory_current(tmp_path: Path) -> None:
    d = tmp_path / "rules"
    d.mkdir()
    book = RuleBook()
    book.apply_updates(encode({}, "empty", 1_000_000), 1 << 20)
    assert book.has_set and len(book.active) == 0
    assert book.check_directory(d, lambda _: None) == "refused"  # still refused unless an empty set is allowed
