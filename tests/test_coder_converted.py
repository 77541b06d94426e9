"""The converted CAMEO dictionary (cameo_verbs.yaml): the patterns dropped by hand (cameo_dropped.tsv) and what
the coder does without them, on sentences written for these tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

from conftest import SHARED
from test_coder_cases import events, triples, types

from services.coder.datafiles import CameoVerbs, parse_yaml

REPO = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("convert_cameo_verbs", REPO / "scripts" / "convert_cameo_verbs.py")
assert _spec is not None and _spec.loader is not None
cv = importlib.util.module_from_spec(_spec)
sys.modules.setdefault("convert_cameo_verbs", cv)
_spec.loader.exec_module(cv)

GENERATED = REPO / "services" / "coder" / "data" / "cameo_verbs.yaml"


def _generated_phrases() -> set[str]:
    data = parse_yaml(GENERATED.read_text(encoding="utf-8"), CameoVerbs, GENERATED)
    return {p for spec in data.patterns for p in spec.phrases}


def test_every_dropped_pattern_is_in_the_source_and_out_of_the_generated_file() -> None:
    dropped = cv.read_dropped()
    assert dropped
    dic = cv.parse((SHARED / cv.SOURCE_REL).read_text(encoding="utf-8"))
    known = cv.known_codes()
    generated = _generated_phrases()
    for key in sorted(dropped):
        found = [(block, pat) for block in dic.blocks for pat in block.patterns
                 if any(cv.pattern_key(v, pat[0], pat[1]) == key for v in pat[2] or (block.name,))]
        assert found, f"cameo_dropped.tsv: {key} is not in the source (stale row)"
        for block, pat in found:
            alone = cv.Dictionary(dic.synsets, [cv.Block(block.name, block.code, block.verbs, [pat])])
            phrases = {p for e in cv.convert(alone, known).entries for p in e["phrases"]}  # type: ignore[attr-defined]
            assert phrases, f"{key}: the converter would not make it anyway"
            assert not phrases & generated, f"{key}: still in cameo_verbs.yaml (regenerate it)"


def test_dropped_rows_are_read_case_and_space_blind(tmp_path: Path) -> None:
    path = tmp_path / "dropped.tsv"
    path.write_text("# comment\nsuggest\t*   &dispute  [111]\ta reason\n", encoding="utf-8")
    assert cv.read_dropped(path) == {("suggest", "* &DISPUTE", "111")}
    text = ("---  PROPOSE   [030]  ---\nSUGGEST\nPROPOSE\n- * &DISPUTE   [111]   # SUGGEST\n"
            "- * PLAN   [027]  # PROPOSE\n")
    dic = cv.parse("&DISPUTE\n+DISPUTE\n\n####### VERB PATTERNS #######\n\n" + text)
    out = cv.convert(dic, cv.known_codes(), dropped=cv.read_dropped(path))
    assert [p for e in out.entries for p in e["phrases"]] == ["propose~ * plan"]
    assert out.stats["pattern skipped: dropped by hand (cameo_dropped.tsv)"] == 1


def test_suggesting_is_no_criticism() -> None:
    assert "ACCUSE" not in types("Officials in Norway suggest that the conflict between Chile and Peru could end soon.")
    assert "ACCUSE" not in types("Brazil suggested the dispute with Argentina be settled in court.")


def test_monitoring_the_situation_or_activity_is_no_accusation() -> None:
    assert "ACCUSE" not in types("Kenya's foreign ministry said it was closely monitoring the situation in Uganda.")
    assert "ACCUSE" not in types("The radar is essential to Norway's monitoring of Russian military activity.")


def test_reporting_an_attack_is_not_attacking() -> None:
    # (the attack itself may be coded from its own words; not from "reports ... attack")
    sent = "Kenyan police reports confirmed that the attack on the Somali convoy was carried out at night."
    assert not [e for e in events(sent) if e.trigger.lower().startswith("report")]


def test_monitoring_a_ceasefire_sanctions_or_an_election_is_no_event_of_itself() -> None:
    assert "AID" not in types("The Swedish minister stressed the need for monitors if a ceasefire is agreed.")
    assert "ACCUSE" not in types("Observers from Ghana will monitor the election in Togo.")
    assert "ACCUSE" not in types("A panel of the Security Council monitors sanctions on North Korea.")


def test_importing_weapons_is_no_joint_mobilisation() -> None:
    t = triples("Ecuador imported rifles from Brazil last year.")
    assert ("BRA", "ECU", "MOBILIZE") not in t and ("ECU", "BRA", "MOBILIZE") not in t


def test_dealing_a_blow_is_no_criticism() -> None:
    assert "ACCUSE" not in types("The Kenyan court ruling dealt a blow to the Ugandan opposition leader.")


def test_stated_aims_are_no_promise() -> None:
    assert "AGREE" not in types("The French minister said Paris was looking for a way to help Mali.")
    assert "AGREE" not in types("The Egyptian envoy said efforts to find solutions with Ethiopia continue.")
    assert "AGREE" not in types("Nigeria's army deployed the force to ensure the safety and security of villagers.")
    assert "AGREE" not in types("The German chancellor proposed increasing defense spending by 2 percent.")


def test_a_cell_dismantled_in_a_city_is_no_retreat() -> None:
    assert "RETREAT" not in types("A terrorist cell was dismantled in the Spanish cities of Seville and Malaga.")


def test_converted_patterns_still_code() -> None:
    # the near misses: what the converted dictionary keeps coding
    assert ("CHN", "IRN", "AGREE") in triples("China will convene a meeting with Iran on Friday.")
    assert "ASSAULT" in types("Nigerian police returned fire on the gunmen from Niger.")


# --- the doer named after "by" an act noun ----------------------------------------------------------------------


def test_sanctions_imposed_by_a_state_on_another_are_the_imposers() -> None:
    t = triples("Ecuador rejected the sanctions imposed by Washington on Caracas over the election.")
    assert ("USA", "VEN", "SANCTION") in t and ("ECU", "USA", "SANCTION") not in t
    # a passive verb keeps its own reading: the one before it is sanctioned
    assert ("USA", "VEN", "SANCTION") in triples("Venezuela was sanctioned by the United States in May.")


def test_strike_by_a_state_or_its_forces_is_an_attack_not_a_labour_strike() -> None:
    t = triples("The strike by Turkey on Kurdish positions in Iraq killed four fighters.")
    assert "PROTEST" not in {p for _, _, p in t} and ("TUR", "IRQ", "ASSAULT") in t
    assert "ASSAULT" in types("The strike by Indian troops destroyed a bunker in Pakistan.")
    # near miss: workers strike
    assert "ASSAULT" not in types("The strike by dock workers in Chile entered its third week.")


def test_airstrikes_by_a_state_on_a_place_the_right_way_round() -> None:
    t = triples("The airstrikes by Russia on Odesa destroyed a grain terminal.")
    assert ("RUS", "UKR", "ASSAULT") in t and ("UKR", "RUS", "ASSAULT") not in t
    t = triples("An air strike by Ethiopia on a market in Somalia wounded 30 people.")
    assert ("ETH", "SOM", "ASSAULT") in t and ("SOM", "ETH", "ASSAULT") not in t


def test_by_with_no_actor_after_it_names_no_doer() -> None:
    # "by" a means, a time, a gerund: the usual reading stays
    assert ("CHN", "LTU", "SANCTION") in triples("China retaliated by imposing sanctions on Lithuania.")


def test_protests_by_a_group_are_the_group_s() -> None:
    t = triples("Diplomats left over Egypt's crackdown on protests by Sudanese students.")
    assert ("SDN", "EGY", "PROTEST") in t and ("EGY", "SDN", "PROTEST") not in t
    assert ("IND", "IND", "PROTEST") in triples("Protests by Indian farmers blocked highways into New Delhi.")


def test_forces_backed_by_troops_are_backed_not_backing() -> None:
    # the converted joint pattern "back~ * by *3 troops": a participle's own "by" names who backs
    t = triples("Somali forces backed by Kenyan soldiers retook the town.")
    assert ("KEN", "SOM", "COOPERATE") in t and ("SOM", "KEN", "COOPERATE") not in t
    t = triples("Congolese rebels backed by Rwandan troops seized the airport.")
    assert ("RWA", "COD", "COOPERATE") in t and ("COD", "RWA", "COOPERATE") not in t


def test_a_state_s_strike_is_military_a_workers_strike_is_labour() -> None:
    t = triples("A Turkish strike killed four fighters in northern Iraq on Monday.")
    assert ("TUR", "IRQ", "ASSAULT") in t and "PROTEST" not in {p for _, _, p in t}
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian strikes hit Odesa overnight.")
    # near misses: workers on strike
    t = triples("French dock workers' strike halted ports.")
    assert "PROTEST" in {p for _, _, p in t} and "ASSAULT" not in {p for _, _, p in t}


def test_sanctions_imposed_on_one_by_another() -> None:
    t = triples("Sanctions imposed on Cuba by the United States have hurt its tourism.")
    assert ("USA", "CUB", "SANCTION") in t and ("CUB", "USA", "SANCTION") not in t
