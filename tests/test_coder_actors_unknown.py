"""Actors no dictionary names, in ordinary news wording: organisations known by the shape of their name ("the
Committee for Honest Elections in Togo", "the Sahel Democracy Foundation"); a province or district named with its
noun ("in Nangarhar province") that places an act in its state; collective actors of domestic politics ("the ruling
party", "Democrats and Republicans", "lawmakers in X", "the demonstrators" after a march in a city); people no
dictionary knows, described by their role in an appositive ("Kofi Boateng, the party's spokesperson"), by a role
before the name ("protest organizer X") or as kin of a known person ("her husband, Taghi Rahmani"), named again by
surname; the actor a relative clause's "some of whom" stands for; a leader's surname that names a town ("the towns of X
and Y") is the town. Sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_a_province_or_district_named_with_its_noun_places_the_act_in_its_state() -> None:
    assert ("AFG", "AFG", "ASSAULT") in triples("Insurgents ambushed an army convoy in Nangarhar province on Sunday.")
    assert ("UGA", "UGA", "ASSAULT") in triples(
        "Gunmen attacked a school in the Kiboga district, killing four pupils.")
    assert ("NGA", "NGA", "ASSAULT") in triples("Soldiers killed 12 villagers in Yobe State on Tuesday.")


def test_a_subdivision_name_two_states_share_or_without_its_noun_places_nothing() -> None:
    # (Misiones is a province of Argentina and a department of Paraguay; "Central" is a district's name in several
    # states)
    assert triples("Soldiers shot three protesters in the Misiones province.") == set()
    assert triples("A bomb exploded in the Central district, police said.") == set()
    assert triples("Gunmen attacked a school in Kiboga, killing four pupils.") != triples(
        "Gunmen attacked a school in the Kiboga district, killing four pupils.")


def test_the_ruling_party_is_the_stories_government() -> None:
    assert ("PER", "PER", "ACCUSE") in triples("Peru held elections. The ruling party accused the opposition of fraud.")
    assert ("MYS", "MYS", "REJECT") in triples("The governing coalition in Malaysia rejected the opposition's demands.")
    assert triples("Peru held elections. The party accused nobody.") == set()


def test_the_two_us_parties_named_by_their_members_are_us_lawmakers() -> None:
    assert ("USA", "SRB", "ACCUSE") in triples(
        "Serbia expelled a U.S. diplomat. Democrats and Republicans in Congress condemned Belgrade.")
    assert ("USA", "HUN", "ACCUSE") in triples("Hungary vetoed the aid. Senate Democrats condemned Budapest.")


def test_a_state_named_before_a_party_name_makes_the_party_its_own() -> None:
    assert triples("The Sweden Democrats criticized Finland.") == {("SWE", "FIN", "ACCUSE")}


def test_a_bare_actor_in_a_named_body_is_that_bodys_state() -> None:
    assert ("USA", "TUR", "ACCUSE") in triples("Turkey bought missiles. Democrats in Congress criticized Ankara.")
    # (a place before "in" is no holder: "the attack in Kharkiv" leaves the lawmakers the story's)
    assert ("UKR", "RUS", "ACCUSE") in triples(
        "Russian troops shelled Ukraine. After the attack in Kharkiv, lawmakers in Kyiv condemned Russia.")


def test_a_name_described_by_a_role_is_the_stories_person_and_so_is_its_surname_later() -> None:
    text = ("Ghana held elections. Kofi Boateng, the party's spokesperson, condemned the arrests. "
            "Boateng accused the police of brutality.")
    assert ("GHA", "GHA", "ACCUSE") in triples(text)
    assert len([e for e in events(text) if e.plover == "ACCUSE" and e.source.country == "GHA"]) == 2
    text = ("Peru held elections. Maria Quispe, a senior party official, accused the electoral board of fraud. "
            "Quispe urged the president to resign.")
    assert ("PER", "PER", "REQUEST") in triples(text)


def test_a_role_of_a_body_in_the_appositive_makes_no_official_of_the_state() -> None:
    # ("the leader of the Village gang": a gang's, not the government's; his surname later is no one known)
    text = ("Haiti's police raided a slum. Jean Pierre, the leader of the Village gang, attacked a police patrol. "
            "Pierre later met the prime minister.")
    assert not any(p == "CONSULT" for _, _, p in triples(text))


def test_an_organizer_or_campaigner_named_with_the_role_is_a_civilian_of_the_story() -> None:
    text = ("Kenya's police arrested dozens of protesters on Monday. Protest organizer Peter Otieno condemned the "
            "arrests. Otieno urged police to release them.")
    assert ("KEN", "KEN", "ACCUSE") in triples(text)
    assert ("KEN", "KEN", "REQUEST") in triples(text)
    assert ("GEO", "GEO", "ACCUSE") in triples("Rally organizers in Tbilisi accused Georgian police of brutality.")
    assert ("MMR", "MMR", "ACCUSE") in triples("Student leader Min Ko Thet condemned Myanmar's junta.")
    # (organizers who only speak do nothing)
    assert triples("Kenya's marathon drew thousands. Race organizers said the course was flat.") == set()


def test_a_name_whose_words_the_gazetteer_has_as_towns_is_still_a_described_person() -> None:
    # ("Masaka" is also a town's name: a name described in an appositive is a person's all the same)
    text = ("Uganda's courts are slow. Grace Masaka, a farmer, lost her land. "
            "So, Masaka took the council to court and won.")
    assert ("UGA", "UGA", "ACCUSE") in triples(text)
    # (a town alone before a comma is no person: "Masaka, a town" names no one who acts later)
    assert triples("Uganda's courts are slow. Masaka, a small town, lost its market. Masaka sued nobody.") == set()


def test_kin_named_after_a_persons_possessive_share_that_persons_state() -> None:
    assert any(s == "IRN" and p == "REQUEST" for s, _, p in triples(
        "Iranian activist Leila Karimi is in prison. Her husband, Reza Tavakoli, urged the U.N. to act."))
    text = ("Russian opposition leader Pavel Orlov died in prison. Orlov's widow Irina Orlova met French President "
            "Jean Moreau in Paris. Orlova urged France to sanction Moscow.")
    assert ("RUS", "FRA", "REQUEST") in triples(text)
    # (no one named before whose kin they are: nobody's)
    assert not any(s for s, _, _ in triples("Iran held elections. Her husband, Reza Tavakoli, urged the U.N. to act."))


def test_a_bare_crowd_with_no_state_named_yet_is_of_the_place_just_named() -> None:
    text = "Thousands of protesters marched in Dhaka. The demonstrators demanded that the prime minister resign."
    assert any(s == "BGD" and p == "REQUEST" for s, _, p in triples(text))
    text = ("Police in Nairobi fired tear gas at protesters on Monday. "
            "The protesters later accused the officers of abuse.")
    assert ("KEN", "KEN", "ACCUSE") in triples(text)
    # (a place three sentences back places no one)
    text = ("Thousands of protesters marched in Dhaka. It rained. The city was quiet. "
            "The demonstrators demanded that the prime minister resign.")
    assert not any(p == "REQUEST" for _, _, p in triples(text))


def test_an_organisation_known_by_its_name_is_the_state_named_after_it() -> None:
    text = ("Togo held elections on Saturday. The Committee for Honest Elections in Togo accused the government of "
            "rigging the vote.")
    assert ("TGO", "TGO", "ACCUSE") in triples(text)
    text = "Chad's army arrested opposition leaders. The Movement for Justice in Chad accused the army of abuses."
    assert ("TCD", "TCD", "ACCUSE") in triples(text)


def test_a_foundation_or_institute_of_no_state_is_an_ngo() -> None:
    text = "Chad's army arrested opposition leaders. The Sahel Democracy Foundation condemned the arrests."
    assert any(e.source.code.startswith("NGO") and e.plover == "ACCUSE" for e in events(text))


def test_a_name_of_no_organisation_shape_or_where_someone_works_is_no_actor() -> None:
    # (one capitalised word; a place of work after "at"; a name with no organisation noun)
    assert triples("Party leaders praised the plan.") == set()
    text = ("Chad's army arrested opposition leaders. Abdel Moussa, a researcher at the Sahel Democracy Foundation, "
            "praised the plan.")
    assert not any(e.source.code.startswith("NGO") for e in events(text))
    assert triples("The Sahel Democracy Review condemned the arrests.") == set()


def test_such_an_organisation_is_known_later_by_its_name_alone_or_its_acronym() -> None:
    text = ("Togo held elections on Saturday. The Committee for Honest Elections in Togo (CFHE) accused the government "
            "of fraud. On Monday, CFHE urged the president to resign. The Committee for Honest Elections also "
            "condemned the arrests of its members.")
    assert ("TGO", "TGO", "REQUEST") in triples(text)
    assert len([e for e in events(text) if e.plover == "ACCUSE" and e.source.country == "TGO"]) == 2
    # (an acronym no organisation was given is no one)
    assert not any(s for s, _, _ in triples("Togo held elections on Saturday. On Monday, CFHE urged the president "
                                            "to resign."))


def test_a_role_with_no_article_in_the_appositive_describes_the_name_too() -> None:
    text = ("Ghana's election commission declared the results. Ama Owusu, leader of the opposition, rejected the "
            "results. Owusu urged supporters to stay calm.")
    assert ("GHA", "GHA", "REQUEST") in triples(text)
    text = ("Chad's army seized power. Abakar Haroun, spokesman for the rebels, accused the junta of lying. "
            "Haroun later attacked the army.")
    assert any(e.plover == "ASSAULT" and e.source.code.startswith("TCDREB") for e in events(text))
    # (an appositive that is no role names no one: "X, where the vote was held")
    text = ("Ghana's election commission declared the results. Cape Coast, where the vote was calm, was quiet. "
            "Coast urged supporters to stay calm.")
    assert not any(p == "REQUEST" for _, _, p in triples(text))


def test_an_abbreviated_title_is_the_full_title_later() -> None:
    text = "Niger's army seized power. Gen. Abdou Tanko detained the president. The general accused France of meddling."
    assert ("NER", "FRA", "ACCUSE") in triples(text)
    # (no general named before: "the general" is no one)
    text = "Niger's army seized power. Abdou Tanko detained the president. The general accused France of meddling."
    assert ("NER", "FRA", "ACCUSE") not in triples(text)


def test_a_titled_name_of_no_known_state_is_the_stories_not_the_state_it_acts_on() -> None:
    text = "Brazil's senate voted on Tuesday. Sen. Maria Souza criticized Argentina."
    assert ("BRA", "ARG", "ACCUSE") in triples(text)
    text = "Peru's congress met on Monday. Foreign Minister Ana Rojas urged Chile to return the artifacts."
    assert ("PER", "CHL", "REQUEST") in triples(text)
    # (a state named before the title is still the person's)
    assert ("SVK", "HUN", "ACCUSE") in triples("Peru's congress met. In Slovakia, Prime Minister Jan Novak "
                                                "criticized Hungary.")


def test_some_of_whom_after_an_actor_is_that_actor() -> None:
    text = "Peruvian police fired at Bolivian protesters, some of whom threw rocks at the officers."
    assert any(s == "BOL" and p == "ASSAULT" for s, _, p in triples(text))
    text = "Police arrested 40 Kenyan protesters, many of whom had attacked police stations."
    assert ("KEN", "KEN", "ASSAULT") in triples(text)
    # ("none of whom" says no act; a bare "who" clause is left alone: often the actor's past)
    assert ("KEN", "KEN", "ASSAULT") not in triples(
        "Police arrested 40 Kenyan protesters, none of whom attacked police stations.")


def test_an_age_between_the_name_and_its_appositive_keeps_the_person() -> None:
    text = ("Uganda's schools reopened. Grace Nakato, 45, a teacher in Kampala, sued the school. "
            "Nakato also criticized the ministry.")
    assert len([e for e in events(text) if e.plover == "ACCUSE" and e.source.country == "UGA"]) == 2
    # (a number that is no age, in a list of names, makes no one)
    text = ("Uganda's schools reopened. Gulu, 12, Jinja, 4, a total of 16 schools, closed. "
            "Jinja also criticized the ministry.")
    assert not any(p == "ACCUSE" for _, _, p in triples(text))


def test_a_role_word_before_a_full_name_makes_the_person() -> None:
    text = ("Chinese police detained dissident Zhou Lipeng in Beijing on Monday. "
            "Zhou later accused the police of torture.")
    assert ("CHN", "CHN", "ACCUSE") in triples(text)
    text = ("Uganda's courts are slow. Farmer Grace Tembo lost her land. So, Tembo took the council to court.")
    assert ("UGA", "UGA", "ACCUSE") in triples(text)
    # (one capitalised word after the role is no name: "student Wednesday")
    assert not any(p == "ACCUSE" for _, _, p in triples(
        "Police detained a student Wednesday in Lagos. Wednesday later accused the police of torture."))


def test_a_known_surname_named_as_a_town_is_no_person() -> None:
    text = "Rebels attacked nearly 10 villages between the towns of Kadei and Macron in Chad."
    assert not any(s == "FRA" or t == "FRA" for s, t, _ in triples(text))
    assert ("FRA", "MLI", "ACCUSE") in triples("France held talks. Macron later criticized Mali.")


def test_forces_a_state_sends_to_a_place_are_the_sender_s() -> None:
    # bare "warships", "troops" take the place the sentence names, unless a state sends them there: Taiwan's military
    # is not the one China moves against
    assert _codes("China dispatched warships toward Taiwan.") == {("CHN", "TWN")}
    assert _codes("Russia on Monday sent troops into Belarus.") == {("RUS", "BLR")}
    # at the place, with no movement, they stay the place's
    assert ("KEN", "KEN", "COERCE") in triples("Police arrested protesters in Kenya.")


def test_an_agent_word_before_what_it_describes_is_no_actor() -> None:
    # "military aid", "military exercises": the kind of aid, not the recipient's forces
    assert _codes("Germany pledged 500 million euros in military aid to Ukraine.") == {("DEU", "UKR")}
    assert ("GBR", "JOR") in _codes("Britain and Jordan agreed to hold joint military exercises next month.")
    assert _codes("Canada and the Philippines signed a visiting forces agreement.") == {("PHL", "CAN"), ("CAN", "PHL")}
    assert ("CHNGOV", "USAGOV") in _codes("Biden and Xi agreed to resume military communications.")
    # standing alone, it is the forces
    assert ("NERMIL", "NER") in _codes("The military seized power in Niger.")


def test_a_state_s_verb_is_not_an_adjective_of_the_forces_after_it() -> None:
    # "The U.S. sent troops": "U.S." and "troops" are two actors, not "U.S. sent troops" one
    assert _codes("The U.S. sent military equipment to Taiwan.") == {("USA", "TWN")}
    assert _codes("The U.S. deployed troops to Poland.") == {("USA", "POL")}
    # adjectives between a state's adjective and its agent word are still skipped
    assert any(s.startswith("USAMIL") for s, _ in _codes("A senior U.S. military official criticized Iran."))


def _codes(text: str) -> set[tuple[str, str | None]]:
    """Full actor codes (agents included) of each event's source and target."""
    return {(e.source.code, e.target.code if e.target else None) for e in events(text)}
