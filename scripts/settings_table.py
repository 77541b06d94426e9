"""The README's settings table, generated from the `Settings` model (`python scripts/settings_table.py --write`);
tests/test_settings_errors.py fails when the README and the model disagree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from pydantic import SecretStr

from services.settings import REPO_ROOT, Settings, Topics, env_name

README = REPO_ROOT / "README.md"
START, END = "<!-- settings table: scripts/settings_table.py -->", "<!-- end of settings table -->"


def _shown(value: Any) -> str:
    if isinstance(value, SecretStr):
        value = value.get_secret_value()
    if value is None or value == "":
        return "none"
    if isinstance(value, bool):
        return "`1`" if value else "`0`"
    if isinstance(value, Path):
        if value.is_relative_to(REPO_ROOT):
            return f"`{value.relative_to(REPO_ROOT)}`"
        if value.is_relative_to(Path.home()):
            return f"`~/{value.relative_to(Path.home())}`"
    if isinstance(value, frozenset):
        return f"`{','.join(sorted(value))}`"
    return f"`{value}`"


def render() -> str:
    rows = ["| variable | default | |", "|---|---|---|"]
    for name, info in Settings.model_fields.items():
        if name == "topics":
            for topic, tinfo in Topics.model_fields.items():
                rows.append(f"| `{env_name('topics', topic)}` | {_shown(tinfo.default)} | topic: {tinfo.description} |")
            continue
        rows.append(f"| `{env_name(name)}` | {_shown(info.default)} | {info.description} |")
    return "\n".join([START, *rows, END])


def in_readme(text: str) -> str:
    return text[text.index(START): text.index(END) + len(END)]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--write", action="store_true", help="replace the table in README.md")
    args = ap.parse_args()
    if not args.write:
        print(render())
        return 0
    text = README.read_text()
    README.write_text(text.replace(in_readme(text), render()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
