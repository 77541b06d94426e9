"""Convert the Phoenix (PETRARCH2) actor dictionaries into services/coder/data/phoenix_actors.tsv.

    .venv/bin/python scripts/convert_phoenix_actors.py [SOURCE_DIR] [OUTPUT]

SOURCE_DIR defaults to $DIPLOWATCH_SHARED/lexicons/petrarch2 (MIT licence, see NOTICE-petrarch2.txt). The
dictionaries' format: an entry line `NAME_ [CODE]` (words joined by `_`), `+SYNONYM` lines, and code lines
`[CODE]`, `[CODE >YYMMDD]` (from), `[CODE <YYMMDD]` (until), `[CODE YYMMDD-YYMMDD]`; `#` starts a comment.
Kept: people and organisations/groups. Left out, by general rules:
- plain country codes (`[AFG]`: country names, adjectives and cities; the coder has its own; `UNR`, a state
  not recognised, likewise) and codes whose
  first three letters are neither a state (ISO alpha-3, after mapping the few CAMEO-only codes) nor IGO, NGO
  or IMG;
- names that would match ordinary text: a name whose every word is a common English word (a word of the
  CAMEO verb and Phoenix agent dictionaries beside the actor files: "National Assembly", "Bush"), a single
  word that is not a person's surname given as their synonym nor an acronym of one of the entry's longer
  names, a single word that starts another person's multi-word name (a first name), and one of 1-3 letters
  unless it is such an acronym of 3 letters.
The output is sorted, one row a name and code: name, code, from, to (ISO dates, empty when open).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pycountry

SOURCES = ("Phoenix.Countries.actors.txt", "Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt")
VOCABULARY = ("CAMEO.2.0.txt", "Phoenix.agents.txt")
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "services" / "coder" / "data" / "phoenix_actors.tsv"
# CAMEO country codes that differ from ISO 3166 alpha-3
CAMEO_TO_ISO = {"ROM": "ROU", "ZAR": "COD", "TMP": "TLS", "KOS": "KSV", "SRB": "SRB", "MNE": "MNE"}
ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG"})
STOPWORDS = frozenset({"of", "the", "and", "for", "in", "de", "la", "du", "des", "al", "el"})
_CODE = re.compile(r"\[([^\]]*)\]")
_NAME_OK = re.compile(r"[A-Za-z][A-Za-z .'\-]*")


@dataclass
class Actor:
    names: list[str] = field(default_factory=list)
    codes: list[tuple[str, str, str]] = field(default_factory=list)  # code, from, to


def _date(raw: str) -> str | None:
    """YYMMDD (two-digit years up to 30 are 20YY) or YYYYMMDD as ISO; None if malformed."""
    if len(raw) == 6 and raw.isdigit():
        yy = int(raw[:2])
        year, rest = (2000 + yy if yy <= 30 else 1900 + yy), raw[2:]
    elif len(raw) == 8 and raw.isdigit():
        year, rest = int(raw[:4]), raw[4:]
    else:
        return None
    try:
        return date(year, int(rest[:2]), int(rest[2:])).isoformat()
    except ValueError:
        return None


def _states() -> frozenset[str]:
    return frozenset(c.alpha_3 for c in pycountry.countries) | {"KSV"}


def parse_code(body: str, states: frozenset[str]) -> tuple[str, str, str] | None:
    """`USAGOV >130201` -> ("USAGOV", "2013-02-01", ""); None for codes the coder cannot use."""
    parts = body.split()
    if not parts or not re.fullmatch(r"[A-Z]{3,}", parts[0]):
        return None
    code = parts[0]
    prefix = CAMEO_TO_ISO.get(code[:3], code[:3])
    if len(code) == 3 or code.endswith("UNR") or (prefix not in states and prefix not in ORG_PREFIXES):
        return None
    code = prefix + code[3:]
    start = end = ""
    if len(parts) > 1:
        spec = parts[1]
        if spec.startswith(">"):
            start = _date(spec[1:]) or "?"
        elif spec.startswith("<"):
            end = _date(spec[1:]) or "?"
        elif "-" in spec:
            a, _, b = spec.partition("-")
            start, end = _date(a) or "?", _date(b) or "?"
        else:
            return None
        if "?" in (start, end):
            return None
    return code, start, end


def _clean_name(raw: str) -> str | None:
    name = raw.strip().replace("_", " ")
    name = re.sub(r"\([^)]*\)", " ", name)
    name = " ".join(name.split()).strip(" -")
    name = re.sub(r"^(?i:the) ", "", name)  # the coder reads "the" itself: "The White House" is "White House"
    return name if name and _NAME_OK.fullmatch(name) else None


def parse(lines: Iterable[str], states: frozenset[str]) -> list[Actor]:
    actors: list[Actor] = []
    current: Actor | None = None
    for line in lines:
        text = line.split("#", 1)[0].rstrip()
        if not text.strip():
            continue
        codes = [c for c in (parse_code(m, states) for m in _CODE.findall(text)) if c is not None]
        head = _CODE.sub(" ", text)
        if text[0] in " \t[":
            if current is not None:
                current.codes.extend(codes)
            continue
        if text.startswith("+"):
            if current is not None and (name := _clean_name(head[1:])):
                current.names.append(name)
            continue
        current = Actor()
        actors.append(current)
        if name := _clean_name(head):
            current.names.append(name)
        current.codes.extend(codes)
    return actors


def vocabulary(lines: Iterable[str]) -> frozenset[str]:
    """Common English words: every word of the verb and agent dictionaries (comments and codes aside)."""
    words: set[str] = set()
    for line in lines:
        text = _CODE.sub(" ", line.split("#", 1)[0])
        words.update(w.lower() for w in re.findall(r"[A-Za-z]+", text) if len(w) > 1)
    return frozenset(words)


def _initials(name: str) -> set[str]:
    words = name.split()
    return {"".join(w[0] for w in words).upper(),
            "".join(w[0] for w in words if w.lower() not in STOPWORDS).upper()}


def convert(texts: dict[str, list[str]], vocab: frozenset[str], states: frozenset[str]) -> list[tuple[str, ...]]:
    actors = [a for lines in texts.values() for a in parse(lines, states) if a.codes and a.names]
    people = {id(a) for a in actors if any(s or e or "ELI" in c for c, s, e in a.codes)}
    first_names = {n.split()[0].lower() for a in actors if id(a) in people for n in a.names if len(n.split()) > 1}
    rows: set[tuple[str, ...]] = set()
    for a in actors:
        long_names = [n for n in a.names if len(n.split()) > 1]
        surnames = {n.split()[-1].lower() for n in long_names} if id(a) in people else set()
        acronyms = set().union(*(_initials(n) for n in long_names)) if long_names else set()
        for name in a.names:
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
            if not words or all(w in vocab for w in words):
                continue
            if len(name.split()) == 1:
                acronym = name.upper() in acronyms and len(name) >= 3
                surname = name.lower() in surnames and len(name) > 3 and name.lower() not in first_names
                if not (acronym or surname):
                    continue
            for code, start, end in a.codes:
                rows.add((name, code, start, end))
    # a name claimed by different organisations or states is ambiguous
    owners: dict[str, set[str]] = {}
    for name, code, _, _ in rows:
        owners.setdefault(name.lower(), set()).add(code[:3])
    return sorted(r for r in rows if len(owners[r[0].lower()]) == 1)


def main(argv: list[str]) -> int:
    shared = Path(os.environ.get("DIPLOWATCH_SHARED", ROOT.parent / "shared"))
    src = Path(argv[1]) if len(argv) > 1 else shared / "lexicons" / "petrarch2"
    out = Path(argv[2]) if len(argv) > 2 else OUTPUT
    out.write_text(render(src), encoding="utf-8")
    return 0


def render(src: Path) -> str:
    def read(name: str) -> list[str]:
        return (src / name).read_text(encoding="utf-8", errors="replace").splitlines()

    states = _states()
    rows = convert({n: read(n) for n in SOURCES}, vocabulary(line for n in VOCABULARY for line in read(n)), states)
    header = [
        "# GENERATED by `.venv/bin/python scripts/convert_phoenix_actors.py` from the Phoenix actor dictionaries of",
        "# PETRARCH2 (" + ", ".join(SOURCES) + "; MIT licence, Open Event Data Alliance,",
        "# see NOTICE-petrarch2.txt). Do not edit: change the converter's rules and run it again.",
        "# Columns: name, code (CAMEO-style, states as ISO alpha-3), from, to (ISO dates; empty: open).",
    ]
    return "\n".join(header + ["\t".join(r) for r in rows]) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
