"""Coder behaviour on statements: criticism, accusations, denials, objections, rejections (sentences written for
these tests)."""

from __future__ import annotations

from test_coder_cases import events, parsed, triples, types


def test_un_ambassadors_and_spokesmen_named_without_title_keep_their_state() -> None:
    # office holders named bare, as news names them after the first mention
    assert ("CHN", "USA", "ACCUSE") in triples("Fu Cong blamed Washington for the deadlock in the council.")
    assert ("RUS", "GBR", "ACCUSE") in triples("Nebenzia criticized Britain over the new sanctions.")
    assert ("AFG", "PAK", "ACCUSE") in triples("Balkhi criticized Pakistan for the air raids.")


def test_a_coordinated_verb_after_an_object_with_words_after_it_keeps_the_first_subject() -> None:
    # the court sentences and bans; the one sentenced is no subject of "banned"
    text = ("A Serbian court sentenced Radomir Petrovic to one year in prison and banned him from politics "
            "for six years.")
    t = triples(text) | parsed(text)
    assert any(s == "SRB" and p == "COERCE" for s, _, p in t)
    # after "that" the name is a clause's subject, not an object: "China ... rejects"
    t = triples("A Chinese spokesman spoke to reporters, asserting that China abides by the rules and rejects "
                "Japan's claims.")
    assert ("CHN", "JPN", "REJECT") in t


def test_an_arrest_warrant_is_a_document_not_an_arrest() -> None:
    assert "COERCE" not in types("The Bosnian Serb leader rejected the arrest warrant on Wednesday.")
    assert "COERCE" in types("Bosnian police arrested the Serb leader on Wednesday.")


def test_a_rejected_accusation_with_its_author_named_is_also_the_authors_accusation() -> None:
    t = triples("India rejected Pakistan's allegation that the blast was planned on Indian soil.")
    assert ("IND", "PAK", "REJECT") in t and ("PAK", "IND", "ACCUSE") in t
    t = triples("Kenya dismissed accusations by Somalia that its troops shelled the border town.")
    assert ("KEN", "SOM", "REJECT") in t and ("SOM", "KEN", "ACCUSE") in t
    # a claim is not always an accusation ("China's claims to the sea"), and a denial of another's involvement
    # names no accuser
    assert "ACCUSE" not in types("Vietnam rejected China's claims to the islands.")
    assert "ACCUSE" not in types("Egypt denied Sudan's involvement in the talks.")


def test_the_one_accused_or_blamed_is_the_object_not_an_actor_in_the_charge() -> None:
    # what follows "of"/"for" is the charge, whoever it names
    t = triples("Exiled activists accused the Chinese blogger of spreading propaganda about Tibet and Taiwan.")
    assert not any(tg == "TWN" for _, tg, p in t if p == "ACCUSE")
    assert ("IRN", "USA", "ACCUSE") in triples("Iran blamed the United States for the collapse of talks with Europe.")
    # the object named, after "accused": still the one accused
    assert ("JPN", "CHN", "ACCUSE") in triples("Japan accused a Chinese warship of entering its waters.")


def test_a_participle_after_the_object_keeps_the_clauses_subject_and_it_is_the_one_accused() -> None:
    for text in ("Egypt condemned Israel, accusing it of blocking aid to Gaza.",
                 "Indian officials blamed neighbouring Pakistan, accusing it of arming the militants."):
        t = triples(text) | parsed(text)
        src, tgt = ("EGY", "ISR") if text.startswith("Egypt") else ("IND", "PAK")
        assert (src, tgt, "ACCUSE") in t
        assert not any(s == tgt for s, _, p in t if p == "ACCUSE")


def test_rebuttals_lawsuits_reaffirmed_concerns_and_reneging_on_commitments() -> None:
    assert ("NGA", "CMR", "REJECT") in triples("Nigeria rebutted Cameroon's accusations about the border raid.")
    assert "ACCUSE" in types("The Kenyan activist took the ministry to court over the eviction.")
    assert "ACCUSE" not in types("The Kenyan minister took reporters to the court building on Monday.")
    assert ("FRA", "CHN", "ACCUSE") in triples("France reaffirmed its concerns about China's military build-up.")
    assert "REJECT" in types("Venezuela stopped implementing its commitments under the deal with the United States.")
    assert "REJECT" not in types("Venezuela continued implementing its commitments under the oil deal.")


def test_alleged_before_a_noun_is_an_adjective_not_an_allegation() -> None:
    assert "ACCUSE" not in types("The prosecutor read out the charges, alleged plots and co-conspirators of Ukraine.")
    assert "ACCUSE" not in types("Brazil is the leader of this alleged Chinese bloc.")
    assert ("IND", "PAK", "ACCUSE") in triples("India alleged that Pakistan trained the attackers.")
    assert ("IND", "PAK", "ACCUSE") in triples("India alleged Pakistan trained the attackers.")


def test_an_unnamed_one_accused_is_the_storys_state_not_where_the_sentence_is_set() -> None:
    text = ("Sudan's army and the RSF met in Jeddah. The talks started in Jeddah in May, with both Sudanese "
            "rivals accusing the other of stalling.")
    assert not any(t == "SAU" for _, t, p in triples(text) if p == "ACCUSE")


def test_unnamed_insurgents_are_the_storys_state_not_the_foreign_accusers() -> None:
    text = ("Somali forces fought al-Shabab near Mogadishu on Monday. Somalia's president visited the troops. "
            "Washington also alleges the insurgent group has broken its promises.")
    assert ("USA", "SOM", "ACCUSE") in triples(text)
    # (not the accusing state's own insurgents)
    assert ("USA", "USA", "ACCUSE") not in triples(text)


def test_a_charge_verb_after_a_quotation_charges_the_quotations_actor() -> None:
    text = '"The Ethiopian army has shelled our villages again," Sudan\'s foreign minister alleged on Monday.'
    assert ("SDN", "ETH", "ACCUSE") in triples(text)
    text = ('"Our forces have shown restraint," the Sudanese foreign minister complained in a statement he issued '
            'on Monday.')
    assert not any(t is not None and t != "SDN" for _, t, p in triples(text) if p == "ACCUSE")


def test_a_possessive_after_a_rejection_is_the_earlier_subjects() -> None:
    text = ("North Korea held a parade. North Korea's leader spoke. Japan urged new talks on Monday, but North "
            "Korea rejected its offer within hours.")
    assert ("PRK", "JPN", "REJECT") in triples(text)


def test_a_state_whose_embassy_is_where_people_gather_is_no_protester() -> None:
    t = triples("Polish students gathered in front of Russia's embassy in Warsaw to protest the war.")
    assert any(s == "POL" for s, _, p in t if p == "PROTEST")
    assert not any(s == "RUS" for s, _, p in t if p == "PROTEST")
    t = triples("Hundreds of Poles gathered outside Russia's embassy in Warsaw on Sunday in protest of Russian "
                "police actions.")
    assert ("POL", "RUS", "PROTEST") in t


def test_the_high_representative_in_bosnia_is_an_international_body_not_a_us_lawmaker() -> None:
    t = triples("The Bosnian Serb parliament defied decisions by the international High Representative on Monday.")
    assert ("BIH", "USA", "REJECT") not in t
    assert any(p == "REJECT" for _, _, p in t)
    assert any(e.target is not None and e.target.code.startswith("IGO")
               for e in events("Bosnian Serb leaders defied the Office of the High Representative."))


def test_a_number_that_declined_to_a_figure_refused_nothing() -> None:
    assert "REJECT" not in types("The number of Somali refugees in Kenya declined to the current figure of 200,000.")
    assert "REJECT" not in types("Exports from Kenya to Somalia declined to 3 million dollars.")
    assert "REJECT" in types("Kenya declined to attend the hearing on its dispute with Somalia.")


def test_crowds_taking_to_or_flooding_the_streets_demonstrate() -> None:
    assert "PROTEST" in types("Thousands of Kenyans took to the streets of Nairobi on Tuesday.")
    assert "PROTEST" in types("Serbian students flooded the streets of Belgrade after the verdict.")
    assert "PROTEST" not in types("Kenyan police walked the streets of Nairobi on Tuesday.")


def test_the_author_of_a_report_is_not_whom_concern_is_aimed_at() -> None:
    t = triples("Germany is deeply concerned about the new WHO report on Brazil's handling of the outbreak.")
    assert ("DEU", "BRA", "ACCUSE") in t
    # no one else named: the report's author stays the one criticised
    assert any(e.target is not None and e.target.code.startswith("IGOUNOWHO")
               for e in events("Germany criticized the new WHO report on Monday."))


def test_a_criticism_naming_no_one_is_about_whom_the_saying_after_it_names() -> None:
    t = triples("Cuba's foreign ministry criticized the vote, saying Washington wants to strangle the island.")
    assert ("CUB", "USA", "ACCUSE") in t
    # one named in the clause itself stays the target
    t = triples("Cuba criticized Canada, saying Washington wants to strangle the island.")
    assert ("CUB", "CAN", "ACCUSE") in t and ("CUB", "USA", "ACCUSE") not in t


def test_a_possessive_before_an_arrest_noun_is_the_one_arrested() -> None:
    text = 'Yoon Suk Yeol spoke on Monday. "I do not believe there will be Yoon Suk Yeol\'s arrest," his lawyer said.'
    assert not any(s == "KOR" and p in ("COERCE", "THREATEN") for s, _, p in triples(text) | parsed(text))


def test_a_veto_in_a_body_the_subjects_modifier_names_is_aimed_at_that_body() -> None:
    t = {(s, e.target.code[:3] if e.target else None, e.plover)
         for e in events("China used its Security Council veto on Friday to block the draft resolution.")
         for s in [e.source.country]}
    assert ("CHN", "IGO", "REJECT") in t
