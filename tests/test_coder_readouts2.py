"""The wording of government readouts and press releases (a foreign ministry's, the State Department's, the
White House's): office titles, the publisher's own officials and their counterparts, and the readout verbs.
Invented sentences; an article with a `source` is that government's release."""

from __future__ import annotations

from test_coder_cases import events, triples

from services.coder.coder import code_article
from services.models import Event


def released(text: str, source: str) -> set[tuple[str | None, str | None, str | None]]:
    """The (source, target, type) triples of `text` published by `source` (sources.yaml)."""
    evs: list[Event] = code_article("t", text, source=source).events
    return {(e.source.country, e.target.country if e.target else None, e.plover) for e in evs}


def agents_of(text: str, source: str | None = None) -> set[tuple[str | None, tuple[str, ...]]]:
    """The (country, agents) of every event source in `text`."""
    evs = code_article("t", text, source=source).events if source else code_article("t", text).events
    return {(e.source.country, tuple(e.source.agents)) for e in evs}


def test_deputy_under_and_assistant_secretaries_are_government_officials() -> None:
    # "deputy" alone is a parliament's member; the longer office titles are a government's
    for text in ("Deputy Secretary Ellen Ward met with Kenyan Foreign Minister Paul Otieno in Nairobi.",
                 "Assistant Secretary Mark Hale traveled to Ghana.",
                 "Under Secretary Joan Pike spoke with Chile's foreign minister."):
        got = agents_of(text, "U.S. Department of State")
        assert ("USA", ("GOV",)) in got, text
        assert not any("LEG" in a for _, a in got), text
    # a country's own usage: the US office named in full gives its state with no publisher
    assert ("IND", "USA", "CONSULT") in triples(
        "Indian External Affairs Minister Ravi Rao met Deputy Secretary of State Tom Lane.")
    assert ("IND", "USA", "CONSULT") in triples(
        "External Affairs Minister Ravi Rao of India met U.S. Chargé d'Affaires Tom Lane.")
    # a parliament's deputy stays one
    assert ("FRA", ("LEG",)) in agents_of("French deputy Luc Morel criticized Germany's budget plan.")


STATE = "U.S. Department of State"


def test_a_counterpart_named_without_a_country_is_not_the_publishers_official() -> None:
    # a title the publisher's officials do not carry: the other state the release names, not the publisher's
    got = released("Secretary Ann Cole arrived in Hanoi, Vietnam. Secretary Cole thanked Foreign Minister Tran "
                   "for his hospitality.", STATE)
    assert ("USA", "VNM", "SUPPORT") in got
    assert ("USA", "USA", "SUPPORT") not in got
    # a title the publisher's officials carry too, named after its own official: the counterpart
    got = released("Secretary Ann Cole traveled to Ghana. Secretary Cole met with President Kofi Asante.", STATE)
    assert ("USA", "GHA", "CONSULT") in got and ("USA", "USA", "CONSULT") not in got
    # no other state named anywhere: a person of no state, neither the publisher's official nor the story's state
    got = released("Secretary Ann Cole thanked Foreign Minister Tran for his hospitality. Foreign Minister Tran "
                   "praised the Secretary.", STATE)
    assert ("USA", None, "SUPPORT") in got
    assert ("USA", "USA", "SUPPORT") not in got
    # the publisher's own officials, alone or listed together, stay its own
    assert ("USA", "PER", "REQUEST") in released("Deputy Secretary Ellen Ward urged Peru to release the activists.",
                                                 STATE)
    assert ("USA", "PER", "REQUEST") in released(
        "Ambassador Ellen Ward and Secretary Ann Cole urged Peru to release the activists.", STATE)


def test_the_secretary_in_a_release_is_the_publishers_own() -> None:
    # with no one of that title named: the publisher's official
    assert ("USA", "MDA", "SUPPORT") in released("The Secretary reaffirmed support for Moldova.", STATE)
    # with a counterpart carrying the word in a longer title: still the publisher's own
    got = released("Secretary Ann Cole spoke with Sri Lankan Foreign Secretary Nalin Perera. The Secretary "
                   "reaffirmed support for Sri Lanka's economic recovery.", STATE)
    assert ("USA", "LKA", "SUPPORT") in got and ("LKA", "LKA", "SUPPORT") not in got
    # "the Foreign Secretary" is the counterpart named so
    got = released("Secretary Ann Cole spoke with Sri Lankan Foreign Secretary Nalin Perera. The Foreign Secretary "
                   "thanked the United States for its assistance.", STATE)
    assert ("LKA", "USA", "SUPPORT") in got
    # no publisher: "the Secretary" is no one
    assert triples("The Secretary reaffirmed support for Moldova.") == set()


def test_the_two_and_both_sides_are_the_parties_of_the_readout() -> None:
    # "the two leaders": the states of the two people just named, not a state the meeting discussed
    got = triples("Prime Minister Anna Berg of Sweden met President Jan Novak of Czechia in Prague to discuss "
                  "Russia's attacks. The two leaders agreed to deepen defense cooperation.")
    assert {("SWE", "CZE", "AGREE"), ("CZE", "SWE", "AGREE")} <= got
    assert not any(p == "AGREE" and "RUS" in (s, t) for s, t, p in got)
    # "both sides" after "they": the same two, not the third state they condemned
    got = triples("Kenyan President Amos Kiptoo hosted Tanzanian President Neema Mushi in Nairobi. The two "
                  "discussed trade. They condemned the attacks by al-Shabab in Somalia. Both sides agreed to boost "
                  "cooperation.")
    assert {("KEN", "TZA", "AGREE"), ("TZA", "KEN", "AGREE")} <= got
    assert not any(p == "AGREE" and "SOM" in (s, t) for s, t, p in got)
    # two states named with no people: the last two states, as before
    assert ("PER", "CHL", "SUPPORT") in triples("Chile and Peru held talks in Lima. The two countries signed a "
                                                "fisheries treaty.")


def test_restated_commitment_to_a_party_is_support() -> None:
    assert ("USA", "PHL", "SUPPORT") in released(
        "Secretary Ann Cole reiterated the United States' ironclad commitment to the Philippines.", STATE)
    assert ("AUS", "PNG", "SUPPORT") in triples(
        "Australian Foreign Minister Kate Lowe reiterated Australia's commitment to Papua New Guinea.")
    # the other phrases on the same verb keep their codes
    assert ("DEU", "IRN", "ACCUSE") in triples("Germany reiterated its concerns about Iran's missile program.")
    # a commitment to a thing, not to a party: no support of anyone
    assert not any(p == "SUPPORT" for _, _, p in triples("Chile reiterated its commitment to the climate goals."))


def test_condolences_and_appreciation_voiced_to_a_party_are_support() -> None:
    assert ("USA", "NPL", "SUPPORT") in released(
        "The United States extends its deepest condolences to the people of Nepal.", STATE)
    got = triples("Indian Prime Minister Ravi Rao offered his condolences to Turkish President Emre Kaya.")
    assert ("IND", "TUR", "SUPPORT") in got
    assert not any(p == "AGREE" for _, _, p in got)  # condolences offered are no offer
    assert ("GBR", "EGY", "SUPPORT") in triples("British Foreign Secretary Tom Hale expressed appreciation for "
                                                "Egypt's role in the talks.")
    # sympathy for no party named: none
    assert triples("Canada expressed sympathy for the victims of the flood.") == set()


def test_a_sum_of_assistance_provided_to_a_recipient_is_aid() -> None:
    assert ("USA", "SDN", "AID") in released(
        "The United States is providing more than $40 million in humanitarian assistance to the people of Sudan.",
        STATE)
    assert ("JPN", "HTI", "AID") in triples("Japan pledged an additional $15 million in assistance for Haiti.")
    # a sum with no recipient named: no aid to anyone
    assert not any(p == "AID" and t for _, t, p in triples("Norway is providing $3 million in funding for research."))


def codes_of(text: str, source: str) -> set[tuple[str, str | None, str | None]]:
    """The (source code, target code, type) of every event in `text` published by `source`."""
    return {(e.source.code, e.target.code if e.target else None, e.plover)
            for e in code_article("t", text, source=source).events}


def test_an_organisations_own_officials_in_its_release() -> None:
    eeas = "European External Action Service"
    got = codes_of("The High Representative spoke with the Jordanian Prime Minister and expressed the EU's full "
                   "solidarity with Jordan.", eeas)
    assert any(s.startswith("IGOEU") and t and t.startswith("JOR") and p == "CONSULT" for s, t, p in got)
    assert any(s.startswith("IGOEU") and t == "JOR" and p == "SUPPORT" for s, t, p in got)
    # named, with no state: the organisation's, not the state the sentence names
    got = codes_of("High Representative Anna Berg met with Foreign Minister Amir Haddad of Jordan.", eeas)
    assert any(s.startswith("IGOEU") and t and t.startswith("JOR") for s, t, _ in got)
    assert not any(s.startswith("JOR") and t and t.startswith("JOR") for s, t, _ in got)
    # "he" after the unnamed official is that official
    got = codes_of("The Secretary-General condemns the attack on a school in Gaza. He calls on Israel to "
                   "investigate.", "United Nations")
    assert any(s.startswith("IGOUNO") and t == "ISR" and p == "REQUEST" for s, t, p in got)
    # a title the organisation's officials do not carry is no official of it
    assert not any(s.startswith("IGOEU") and p == "SUPPORT" for s, _, p in codes_of(
        "Foreign Minister Amir Haddad praised Jordan's partners.", eeas))


def test_an_act_judged_after_a_manner_phrase_is_not_the_judges() -> None:
    got = triples("The European Union condemns in the strongest terms the attack on the UN peacekeepers in Lebanon.")
    assert not any(p == "ASSAULT" for _, _, p in got)
    assert ("JPN", "PRK", "ACCUSE") in triples(
        "Japan strongly condemned in the clearest possible terms the missile attack by North Korea.")
    assert not any(s == "JPN" and p == "ASSAULT" for s, _, p in triples(
        "Japan strongly condemned in the clearest possible terms the missile attack by North Korea."))


def test_a_formal_readouts_office_after_the_name_places_the_person() -> None:
    # "Name, Office of State," with a courtesy title or an honorific before the name, and "of the <state>"
    got = triples("Mr. Ken Sato, Minister for Foreign Affairs of Japan, met with Ms. Maria Reyes, Secretary of "
                  "Foreign Affairs of the Philippines.")
    assert {("JPN", "PHL", "CONSULT"), ("PHL", "JPN", "CONSULT")} <= got
    got = triples("Ken Sato, Minister for Foreign Affairs of Japan, met with H.E. Maria Reyes, Secretary of "
                  "Foreign Affairs of the Philippines.")
    assert ("JPN", "PHL", "CONSULT") in got
    # a courtesy title described by no office stays a private person of the sentence's state
    assert ("NGA", ("CVL",)) in agents_of("Dr. Amina Bello, a physician in Lagos, criticized Nigeria's government.")


def test_both_ministers_and_gratitude_for_a_party() -> None:
    got = triples("Foreign Minister Ken Sato of Japan met with Foreign Minister Maria Reyes of the Philippines in "
                  "Tokyo. Both ministers agreed to strengthen maritime cooperation.")
    assert {("JPN", "PHL", "AGREE"), ("PHL", "JPN", "AGREE")} <= got
    assert ("JPN", "PHL", "SUPPORT") in triples(
        "Foreign Minister Ken Sato of Japan expressed his gratitude for the Philippines' cooperation.")
    # "the leaders" is no pair: the bloc's leaders named before stay the bloc's
    got = triples("Leaders of the G7 met in Italy. The leaders agreed to extend sanctions on Russia.")
    assert not any(p == "AGREE" and s == "ITA" for s, _, p in got)


def test_exchanges_between_two_parties() -> None:
    # views exchanged are a consultation; prisoners exchanged a release by each; accusations each other's
    got = triples("Chinese Foreign Minister Wang Lei met Norway's foreign minister. The two sides exchanged views "
                  "on the Ukraine crisis.")
    assert {("CHN", "NOR", "CONSULT"), ("NOR", "CHN", "CONSULT")} <= got
    got = triples("Armenia and Azerbaijan exchanged 30 prisoners of war on Friday.")
    assert {("ARM", "AZE", "RETREAT"), ("AZE", "ARM", "RETREAT")} <= got
    assert ("PAK", "IND", "ACCUSE") in triples("India and Pakistan exchanged accusations over the attack.")
    # intelligence shared stays cooperation; an exchange rate is none
    assert ("FRA", "BEL", "COOPERATE") in triples("France exchanged intelligence with Belgium.")
    assert triples("The exchange rate of the rupee fell against the dollar.") == set()


def test_what_is_extended_to_a_party_and_disappointment_voiced() -> None:
    # the converted phrases on "extend~", which a hand-written curfew phrase shadowed
    assert ("DEU", "POL", "AGREE") in triples("Germany extended an invitation to the Polish president.")
    assert ("CHN", "PAK", "AID") in triples("China extended a $2 billion loan to Pakistan.")
    assert any(s.startswith("IGOEU") and t == "RUS" and p == "SANCTION" for s, t, p in codes_of(
        "The EU extended sanctions against Russia for six months.", "Reuters"))
    assert ("JPN", "CHN", "ACCUSE") in triples("Japan expressed strong disappointment with China's decision.")
    # the curfew phrase keeps its code; an invitation in the passive to no one is none
    assert ("MLI", "MLI", "COERCE") in triples("Mali's junta extended the curfew in Bamako.")
    assert triples("Reporters were invited to the event.") == set()


def test_leaving_a_deal_or_talks_and_closing_a_mission_reduce_relations() -> None:
    assert ("TUR", "SDN", "SANCTION") in triples("Turkey closed its embassy in Sudan.")
    assert ("RUS", "UKR", "SANCTION") in triples("Russia withdrew from the grain deal with Ukraine.")
    assert ("ECU", "COL", "SANCTION") in triples("Ecuador withdrew its delegation from the talks with Colombia.")
    # troops withdrawn stay a retreat; a border closed stays what it was
    got = triples("Russian troops withdrew from Kherson.")
    assert any(s == "RUS" and p == "RETREAT" for s, _, p in got) and not any(p == "SANCTION" for _, _, p in got)
    assert not any(p == "SANCTION" for _, _, p in triples("Kenya closed its border with Somalia."))


def test_a_bare_title_opening_a_release_sentence_is_the_publishers_own() -> None:
    mea = "Ministry of External Affairs"
    got = released("Prime Minister Ravi Rao held a telephone conversation with Prime Minister of Japan Ken Sato "
                   "today. Prime Minister thanked Prime Minister Sato for his condolences.", mea)
    assert ("IND", "JPN", "SUPPORT") in got and ("JPN", "JPN", "SUPPORT") not in got
    assert ("IND", "BRA", "SUPPORT") in released("Prime Minister thanked Brazil for its support.", mea)
    # no publisher: no one
    assert not any(s == "IND" for s, _, _ in triples("Prime Minister thanked Brazil for its support."))


def test_condolences_on_an_attack_do_not_make_the_condoler_its_attacker() -> None:
    got = triples("Japan's prime minister offered his condolences on the loss of lives in the terror attack in "
                  "Kashmir.")
    assert not any(s == "JPN" and p == "ASSAULT" for s, _, p in got)


def test_they_after_a_readouts_two_parties_is_both() -> None:
    got = released("Secretary Ann Cole spoke with Saudi Foreign Minister Omar Aziz today. The Secretary expressed "
                   "appreciation for Saudi Arabia's leadership. They also discussed regional security.", STATE)
    assert {("USA", "SAU", "CONSULT"), ("SAU", "USA", "CONSULT")} <= got
    # a plural subject of the sentence before still comes first
    got = triples("Kenyan President Amos Kiptoo met Ugandan President Joseph Okello. Protesters marched in Nairobi "
                  "on Monday. They demanded lower taxes.")
    assert not any(p == "REQUEST" and s == "UGA" for s, _, p in got)


def test_designated_bodies_based_in_a_state_are_that_states() -> None:
    got = released("The United States is designating three entities based in China for supporting Russia's war.",
                   "U.S. Department of the Treasury")
    assert ("USA", "CHN", "SANCTION") in got
    assert ("USA", "RUS", "SANCTION") not in got and ("USA", "RUS", "SUPPORT") not in got
    assert ("GBR", "ARE", "SANCTION") in triples(
        "Britain sanctioned two companies registered in the United Arab Emirates for shipping Iranian oil.")
    # a place where an act happened stays a place
    assert ("FRA", "NER", "CONSULT") in triples("French officials based in Paris traveled to Niger.")


def test_a_joint_statements_two_countries_and_a_listed_counterparts_state() -> None:
    # "A and B" as the subject of the sentence before: "the two countries" are those two, not the third named
    got = triples("Chile and Peru condemned Venezuela's election fraud. The two countries urged Caracas to release "
                  "the tallies.")
    assert {("CHL", "VEN", "REQUEST"), ("PER", "VEN", "REQUEST")} <= got
    assert ("VEN", "CHL", "REQUEST") not in got and ("VEN", "PER", "REQUEST") not in got
    # "of <state>" after a listed person's name is his state, before the list's first person's
    got = triples("Secretary of State Ann Cole and Foreign Minister Luis Vera of Ecuador signed a memorandum of "
                  "understanding on security cooperation.")
    assert {("USA", "ECU", "SUPPORT"), ("ECU", "USA", "SUPPORT")} <= got
    assert ("USA", "USA", "SUPPORT") not in got


def test_the_minister_in_a_foreign_ministrys_release_is_its_own() -> None:
    got = released("Minister of Foreign Affairs of Ukraine Ivan Hrytsenko met with the Foreign Minister of Poland "
                   "Jan Nowak. The Minister thanked Poland for its steadfast support.",
                   "Ministry of Foreign Affairs of Ukraine")
    assert ("UKR", "POL", "SUPPORT") in got and ("POL", "POL", "SUPPORT") not in got
    # in a news story, "the Minister" is still the last minister named
    got = triples("Ukraine's foreign minister Ivan Hrytsenko met Polish Foreign Minister Jan Nowak. The Minister "
                  "thanked Ukraine for its gratitude.")
    assert ("POL", "UKR", "SUPPORT") in got


def test_a_sum_given_to_a_recipient_is_aid() -> None:
    assert ("DEU", "SDN", "AID") in triples("Germany pledged 50 million euros for Sudan.")
    assert ("JPN", "PSE", "AID") in triples("Japan provided $5 million for the reconstruction of Gaza.")
    assert triples("The bank gave 3 million to its shareholders.") == set()


def test_the_department_in_its_own_release_is_the_publisher() -> None:
    assert ("USA", "GEO", "SANCTION") in released("The Department is also designating two Georgian officials.",
                                                  STATE)
    assert ("USA", "ARE", "SANCTION") in released(
        "Today, Treasury sanctioned two companies based in the United Arab Emirates.",
        "U.S. Department of the Treasury")
    # another department named with "of", or no publisher: not the publisher
    assert not any(s == "USA" for s, _, _ in released(
        "The Department of Health of Kenya criticized Uganda.", STATE))
    assert not any(s == "USA" for s, _, _ in triples("The Department is also designating two Georgian officials."))
    # a noun the lexicon knows otherwise (an agent, a body) too, in the body's own release
    assert any(s == "JPNGOV" and t == "CHN" for s, t, _ in codes_of(
        "The Ministry strongly protests China's violation of Japan's airspace.",
        "Ministry of Foreign Affairs of Japan"))
    assert any(s.startswith("IGOEU") and t == "RUS" and p == "ACCUSE" for s, t, p in codes_of(
        "The Commission condemns Russia's attacks on Ukraine.", "European Commission"))


def test_a_person_before_the_publishers_own_official_is_the_counterpart() -> None:
    got = released("Secretary Ann Cole traveled to Kenya. President Paul Mwangi welcomed the Secretary to Nairobi.",
                   STATE)
    # (a guest welcomed to a place is a visit hosted, CONSULT, not praise: CODING_GUIDE "host")
    assert ("KEN", "USA", "CONSULT") in got and ("USA", "USA", "CONSULT") not in got
    got = released("Secretary Ann Cole traveled to Kenya. President Paul Mwangi met with Secretary Cole.", STATE)
    assert ("KEN", "USA", "CONSULT") in got
    # listed with the publisher's official: one of its own
    assert agents_of("Ambassador Tom Lee and Secretary Ann Cole met Kenyan officials.", STATE) == {("USA", ("GOV",))}


def test_both_countries_are_the_two_states_just_named_in_the_sentence() -> None:
    got = released("Secretary Ann Cole met with Thai Foreign Minister Anan Chai. He welcomed the ceasefire between "
                   "Thailand and Cambodia and urged both countries to fully implement it.", STATE)
    assert {("USA", "THA", "REQUEST"), ("USA", "KHM", "REQUEST")} <= got
    assert ("USA", "USA", "REQUEST") not in got
    # "the two leaders" are still the people of the readout
    got = triples("Prime Minister Anna Berg of Sweden met President Jan Novak of Czechia to discuss Russia's "
                  "attacks on Ukraine, and the two leaders agreed to deepen defense cooperation.")
    assert {("SWE", "CZE", "AGREE"), ("CZE", "SWE", "AGREE")} <= got


def test_support_restated_is_for_the_party_after_it_not_its_owner() -> None:
    assert ("USA", "UKR", "SUPPORT") in released("Secretary Ann Cole reaffirmed U.S. support for Ukraine.", STATE)
    # support for a thing: none, not the owner supporting itself
    assert ("USA", "USA", "SUPPORT") not in released(
        "Secretary Ann Cole reaffirmed U.S. support for a durable peace.", STATE)
    assert ("DEU", "MDA", "SUPPORT") in triples("Germany pledged Berlin's support for Moldova's EU bid.")
    # an actor addressed inside a phrase stays its target
    assert ("CHN", "JPN", "ACCUSE") in triples("China protested to Japan over the ship seizure.")


def test_a_readouts_opening_call_or_meeting_is_the_main_subjects() -> None:
    got = triples("In a call with Kenyan President Paul Mwangi, the Dutch prime minister stressed the need for a "
                  "ceasefire.")
    assert {("NLD", "KEN", "CONSULT"), ("KEN", "NLD", "CONSULT")} <= got
    got = triples("During a meeting with Kenyan President Paul Mwangi, the Dutch prime minister praised Kenya's "
                  "leadership.")
    assert ("NLD", "KEN", "CONSULT") in got and ("NLD", "KEN", "SUPPORT") in got
    # a meeting that only sets the scene, with no one named as met: none
    assert not any(p == "CONSULT" for _, _, p in triples(
        "During a meeting of the Security Council, the Dutch prime minister criticized Russia."))
    # violence fronted so is not the main subject's
    assert triples("In an attack on a village, gunmen killed 12 people.") == set()


def test_a_states_abbreviation_in_brackets_is_no_second_mention() -> None:
    got = triples("The United States and the Republic of Korea (ROK) held talks on extended deterrence.")
    assert {("USA", "KOR", "CONSULT"), ("KOR", "USA", "CONSULT")} <= got
    got = triples("The Republic of Korea (ROK) and Japan held talks in Seoul.")
    assert {("KOR", "JPN", "CONSULT"), ("JPN", "KOR", "CONSULT")} <= got
    assert ("KOR", "KOR", "CONSULT") not in got


def test_a_trip_to_two_states_visits_both() -> None:
    got = released("Secretary Ann Cole will travel to Israel and Qatar next week.", STATE)
    assert {("USA", "ISR", "AGREE"), ("USA", "QAT", "AGREE")} <= got
    got = triples("Indian Prime Minister Ravi Rao traveled to Ghana and Namibia.")
    assert {("IND", "GHA", "CONSULT"), ("IND", "NAM", "CONSULT")} <= got
    # a state listed after a place is not made a traveller
    assert not any(s in ("GHA", "NAM") for s, _, _ in got)


def test_a_title_a_state_s_officials_do_not_carry_does_not_make_its_official() -> None:
    # no release here: "Foreign Minister Hayashi", named with no state, is no U.S. official (the U.S. has none)
    t = {(e.source.code, e.target.code if e.target else None) for e in events(
        "Secretary of State Antony Blinken met Foreign Minister Hayashi.")}
    assert ("USAGOV", "USAGOV") not in t
    # a title it does carry still gives the story's state
    assert ("USA", "ARG", "ACCUSE") in triples("Secretary of State Antony Blinken met Ambassador Jane Roe in "
                                                "Washington. Roe criticized Argentina.")
