"""Appeals, demands and threats worded in statements (REQUEST, THREATEN), on sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import triples


def test_must_understand_is_a_warning_not_a_demand() -> None:
    assert not any(p == "REQUEST" for _, _, p in triples(
        "Brazil's foreign minister said Argentine lawmakers must understand that threats will get them nowhere."))
    assert not any(p == "REQUEST" for _, _, p in triples(
        "Kenya said the Ethiopian army should know that its raids will fail."))
    # an act asked of the other stays a demand
    assert ("BRA", "ARG", "REQUEST") in triples(
        "Brazil's foreign minister said Argentine lawmakers must withdraw the bill.")


def test_expecting_another_to_honour_a_duty_is_a_demand() -> None:
    assert ("JPN", "CHN", "REQUEST") in triples("Japan expects China to honor the fisheries agreement.")
    assert ("DEU", "SRB", "REQUEST") in triples("Germany expects Serbia to take concrete steps against the gangs.")
    # a forecast of what will happen is no demand
    assert not any(p == "REQUEST" for _, _, p in triples("Japan expects the talks with China to end next week."))
    assert not any(p == "REQUEST" for _, _, p in triples("Analysts expect Iran to uphold the deal."))


def test_resolve_to_take_measures_against_another_is_a_threat() -> None:
    assert ("CHN", "USA", "THREATEN") in triples(
        "China said it will take resolute countermeasures against the United States.")
    assert ("KOR", "PRK", "THREATEN") in triples("Seoul said it would take all necessary steps to deter North Korea.")
    assert ("CHN", "TWN", "THREATEN") in triples(
        "Beijing would take all necessary measures if Taiwan declared independence.")
    # measures to help someone, or measures taken, are no threat
    assert not any(p == "THREATEN" for _, _, p in triples(
        "Japan will take all measures to help flood victims in the Philippines."))
    assert not any(p == "THREATEN" for _, _, p in triples("Japan took all necessary measures against Chinese boats."))


def test_a_threat_after_its_condition_is_aimed_at_whom_the_condition_names() -> None:
    assert ("TUR", "USA", "THREATEN") in triples("If the United States imposes sanctions, Turkey will retaliate.")
    assert ("IRN", "ISR", "THREATEN") in triples(
        "Iran's foreign minister said: \"If Israel attacks us again, we will retaliate.\"")
    # the speaker's own side in the condition is no target
    assert not any(t == "IRN" and p == "THREATEN" for _, t, p in triples(
        "If Iran is attacked, Iran will retaliate."))


def test_a_quoted_resolve_to_respond_is_a_threat() -> None:
    assert ("KOR", "PRK", "THREATEN") in triples(
        "Seoul said it would \u201cresolutely respond\u201d to North Korean provocations.")
    assert ("IRN", "ISR", "THREATEN") in triples('Iran said it would "firmly respond" to Israel.')


def test_must_said_of_a_thing_or_of_no_one_is_no_demand() -> None:
    assert not any(p == "REQUEST" for _, _, p in triples(
        "The Austrian chancellor said trade talks with India must continue."))
    assert not any(p == "REQUEST" for _, _, p in triples(
        "Ghana argues its sea border with Togo should be moved east."))
    assert not any(p == "REQUEST" for _, _, p in triples(
        "The Austrian chancellor said migrants who must be sheltered will get help."))
    # an actor with its place or its "of" is still asked
    assert ("AUT", "POL", "REQUEST") in triples("Austria said the government of Poland must respect the court.")
    assert ("GBR", "SDN", "REQUEST") in triples(
        "Britain said the Sudanese government and the rebels in Darfur must reach an agreement.")


def test_stressing_the_need_is_an_appeal() -> None:
    assert ("FRA", "DZA", "REQUEST") in triples(
        "The French president stressed the urgency for Algeria to release the writer.")
    assert ("NGA", None, "REQUEST") in triples(
        "The Nigerian health minister stressed the urgency of vaccinating children.")
    # stressing what is, not what must be done, is no appeal
    assert not any(p == "REQUEST" for _, _, p in triples(
        "The Nigerian health minister stressed that the outbreak is over."))


def test_imposing_costs_on_another_is_a_sanction_and_weighed_or_promised_a_threat() -> None:
    assert ("GBR", "RUS", "THREATEN") in triples("Britain will impose severe costs on Russia if it invades.")
    assert ("CAN", "RUS", "THREATEN") in triples("Canadian ministers discussed imposing further costs on Russia.")
    assert ("JPN", "PRK", "SANCTION") in triples("Japan imposed heavy costs on North Korea last year.")
    # costs a rule puts on the people of a state are no sanction by anyone
    assert not any(p in ("SANCTION", "THREATEN") for _, _, p in triples(
        "The new rule imposes costs on American companies."))


def test_resolve_not_to_let_another_act_is_a_threat() -> None:
    assert ("ISR", "IRN", "THREATEN") in triples("Israel will not allow Iran to obtain nuclear weapons.")
    assert ("CHN", "TWN", "THREATEN") in triples("Beijing said it would never allow Taiwan to secede.")
    assert ("CHN", "USA", "THREATEN") in triples("China will not tolerate interference by the United States.")
    # aid kept out names no one threatened; a refusal told of the past is a rejection
    assert not any(p == "THREATEN" for _, _, p in triples("Israel will not allow aid to enter Gaza."))
    assert not any(p == "THREATEN" for _, _, p in triples(
        "The court would not allow the Kenyan government to appeal."))


def test_an_act_to_be_met_with_force_is_the_threatened_ones() -> None:
    assert ("PAK", "IND", "THREATEN") in triples(
        "\u201cAny aggression by India will be met with a befitting response,\u201d the Pakistani army said.")
    # "a firm response" is no business firm threatened
    assert not any(p == "THREATEN" for _, _, p in triples(
        "China said any foreign interference will be met with a firm response."))


def test_an_act_after_any_is_hypothetical() -> None:
    t = triples("Pakistan said any Indian attack would be met with force.")
    assert ("PAK", "IND", "THREATEN") in t and not any(p == "ASSAULT" for _, _, p in t)
    assert not any(p == "CONSULT" for _, _, p in triples("Iran ruled out any talks with the United States."))
    assert ("IND", "PAK", "ASSAULT") in triples("Indian jets attacked Pakistan on Monday.")


def test_reminding_another_of_its_duty_is_a_demand() -> None:
    assert ("FRA", "IRQ", "REQUEST") in triples("France reminded Iraq that it must cooperate with the inspectors.")
    assert ("DEU", "HUN", "REQUEST") in triples("Germany reminded Hungary of its obligations under the treaty.")
    # a duty of something else told to the press is no demand on the press
    assert not any(p == "REQUEST" for _, _, p in triples("Germany reminded reporters that the talks must continue."))


def test_a_vow_is_a_threat_only_when_force_is_vowed() -> None:
    assert ("NGA", "NGA", "THREATEN") in triples("The Nigerian president vowed to crush the rebels.")
    t = triples("The Spanish prime minister vowed to make Spain climate neutral by 2050.")
    assert not any(p == "THREATEN" for _, _, p in t)


def test_what_a_rule_lays_down_is_no_demand() -> None:
    assert not any(p == "REQUEST" for _, _, p in triples(
        "The new charter defines Libya as a republic and stipulates that the president must be elected."))
    assert ("DEU", "POL", "REQUEST") in triples("Germany said that the Polish government must respect the court.")


def test_must_have_done_is_an_inference_not_a_demand() -> None:
    assert not any(p == "REQUEST" for _, _, p in triples(
        "The lawyer suggested members of the Ivorian government must have given the orders."))
    assert not any(p == "REQUEST" for _, _, p in triples("Ghana said Togo should have acted sooner."))
    assert ("CIV", "FRA", "REQUEST") in triples("Ivory Coast said the French government must hand over the files.")


def test_a_state_s_appeal_to_no_one_named_is_not_to_itself() -> None:
    # "all sides", "all parties": no recipient, not the story's state when that is the one appealing
    assert triples("France urged all sides to show restraint.") == {("FRA", None, "REQUEST")}
    assert triples("The United States urges all parties to respect the ceasefire.") == {("USA", None, "REQUEST")}
    # a government asking one of its own, unnamed, stays at home (CAMEO codes domestic events X -> X)
    assert ("KEN", "KEN", "REQUEST") in triples("The Kenyan government urged the president to resign.")
