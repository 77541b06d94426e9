"""Coder behaviour on cooperative wording (appeals, support, aid, agreement, consultation), on sentences written
for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples, types


# --- AID
def test_relief_distributed_is_aid() -> None:
    assert ("IGOUNOWFP", "MWI", "AID") in {(e.source.code, e.target.country if e.target else None, e.plover)
                                           for e in events("The World Food Program distributed relief supplies "
                                                           "to families in Malawi on Thursday.")}


def test_peacekeepers_arriving_or_sent_is_aid() -> None:
    assert ("KEN", "HTI", "AID") in triples("Kenya sent peacekeepers to Haiti.")
    assert "AID" in types("NATO peacekeeping troops have arrived in Bosnia.")


def test_peacekeeping_force_only_named_is_no_aid() -> None:
    assert "AID" not in types("Serbia asked for an extension of the NATO peacekeeping force's mandate.")
    assert "AID" not in types("Some said they hope to see a U.N. peacekeeping mission in Myanmar.")


# --- CONSULT
def test_meetings_with_after_which_one_speaks_are_consult() -> None:
    assert ("IND", "JPN", "CONSULT") in triples(
        "The Indian foreign minister said after meetings with Japanese officials that ties were strong.")
    assert ("MUS", "IND", "CONSULT") in triples(
        "Following talks with the Indian prime minister, the Mauritian leader announced a new airport.")


def test_the_meeting_as_a_setting_is_no_consult() -> None:
    assert "CONSULT" not in types("The Indian foreign minister told reporters after the meeting that ties were strong.")
    assert "CONSULT" not in types("Speaking at a meeting of the Security Council, the French envoy urged calm.")


# --- SUPPORT
def test_gratitude_voiced_is_support() -> None:
    assert ("UKR", "GBR", "SUPPORT") in triples("Zelensky said Ukraine was grateful to Britain for its support.")
    assert ("UKR", "USA", "SUPPORT") in triples(
        "Zelensky said he was grateful that President Biden had approved the aid.")
    assert "SUPPORT" not in types("Officials in Kenya said they were grateful for the rain.")


def test_standing_with_another_is_support() -> None:
    assert ("USA", "UKR", "SUPPORT") in triples("The United States stands with Ukraine, Blinken said.")
    assert "SUPPORT" not in types("Kenyan police stood with their backs to the crowd.")


def test_an_honour_conferred_is_support() -> None:
    assert ("EGY", "IND", "SUPPORT") in triples("Egypt conferred its highest honor on the Indian prime minister.")


def test_pacts_signed_are_support() -> None:
    assert ("IND", "MUS", "SUPPORT") in triples("India and Mauritius signed eight pacts on Tuesday.")


def test_support_said_to_go_on_is_support_not_a_promise() -> None:
    assert ("DEU", "ISR", "SUPPORT") in triples("Germany will continue to stand with Israel.")
    assert ("DEU", "ISR", "SUPPORT") in triples("Germany will continue to support Israel.")
    assert ("DEU", "ISR", "AGREE") in triples("Germany will support Israel.")
    assert "SUPPORT" not in types("Germany will not continue to support Israel.")


# --- REQUEST
def test_pleading_is_request() -> None:
    assert ("CMR", "NGA", "REQUEST") in triples(
        "Cameroonian traders are pleading with the Nigerian government to reopen the border.")
    assert "REQUEST" in types("Mexico's president pleaded for calm after the attack.")
    assert "REQUEST" not in types("The Kenyan opposition leader pleaded not guilty to the charges.")


# --- what is asked for or ordered is not done
def test_cooperation_ordered_is_not_done() -> None:
    assert "CONCEDE" not in types("Kenya's High Court ordered all public schools to allow students with dreadlocks.")
    assert "RETREAT" not in types("Kenya's president ordered the army to withdraw from the border.")
    # force ordered is coded to the one who ordered it (test_coder_cases)
    assert ("KEN", "KEN", "COERCE") in triples("Kenya's president ordered the army to arrest the protesters.")


def test_a_request_quoted_after_its_verb_is_not_done() -> None:
    assert "CONSULT" not in types('Japanese ministers called on China "to engage in talks with Taiwan."')
    assert ("JPN", "CHN", "REQUEST") in triples('Japanese ministers called on China "to engage in talks with Taiwan."')


# --- nouns that are no cooperative act
def test_a_show_host_hosts_no_one() -> None:
    assert "CONSULT" not in types(
        "Trump said in an interview with conservative podcast host Hugh Hewitt that China must pay.")
    assert ("CHN", "IND", "AGREE") in triples("China will host the Indian prime minister next week.")


def test_support_from_another_is_not_the_subjects_support() -> None:
    assert "SUPPORT" not in types("With support from the British government, Kenya built new schools.")
    assert ("KEN", "UKR", "SUPPORT") in triples("Kenya voiced support for Ukraine.")


def test_a_meeting_named_by_its_day_is_told_elsewhere() -> None:
    assert "CONSULT" not in types(
        "China's ambassador said Beijing was not supportive of Wednesday's council meeting with Japan.")
    assert ("CHN", "JPN", "CONSULT") in triples("China's ambassador held talks with Japan on Wednesday.")


# --- who acts in a joint act
def test_the_parties_between_whom_a_joint_act_is_are_its_sources() -> None:
    found = triples("Japan said the talks between Russia and North Korea were held in Moscow.")
    assert ("RUS", "PRK", "CONSULT") in found and ("PRK", "RUS", "CONSULT") in found
    assert not any(s == "JPN" for s, _, _ in found)
    found = triples("Qatar hosted talks between Israel and Hamas.")
    assert ("QAT", "ISR", "CONSULT") in found and ("ISR", "PSE", "CONSULT") in found


def test_a_question_tells_no_event() -> None:
    assert not triples("How concerned are you about the deepening ties between Russia and China?")
    assert not triples('The Polish minister asked: "Will Russia attack Ukraine again?"')
    assert ("RUS", "CHN", "SUPPORT") in triples("Russia and China deepened ties on Monday.")
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia attacked Ukraine.")


# --- office holders
def test_taliban_officials_and_un_envoys_are_known() -> None:
    assert ("AFG", "PAK", "REQUEST") in triples("Abdul Qahar Balkhi said Pakistan must stop the raids.")
    found = {(e.source.code, e.plover) for e in events("Geir Pedersen urged Syria's leaders to hold elections.")}
    assert ("IGOUNO", "REQUEST") in found


def test_negotiations_with_no_one_named_are_no_consult() -> None:
    assert "CONSULT" not in types("We prioritize negotiations, the Taliban leader said.")
    assert "CONSULT" not in types(
        "Barnier was a strong advocate of Schengen and during Brexit negotiations he emphasized the EU's unity.")
    assert "CONSULT" not in types("Republican lawmakers praised Trump for his strong negotiating stance.")
    assert ("DEU", "CHN", "CONSULT") in triples(
        "Germany said negotiations with China on electric vehicles were under way.")
    assert ("RUS", "UKR", "CONSULT") in triples("Russia and Ukraine held negotiations in Istanbul.")
    assert ("IRN", "USA", "CONSULT") in triples("Iran said it was negotiating with the United States.")


# --- who speaks
def test_a_speech_participle_after_a_comma_makes_the_sentences_subject_the_speaker() -> None:
    found = triples("British foreign minister David Lammy echoed this sentiment during interviews with the media, "
                    "saying, \u201cThere is unity. It is now for Russia to accept it.\u201d")
    assert ("GBR", "RUS", "REQUEST") in found
    assert ("KEN", "UGA", "REQUEST") in triples(
        'The Kenyan government rejected the report, saying, "We urge Uganda to withdraw its claims."')
    # an actor named inside the object is no speaker
    assert not triples('He urged an end to the tariff fight between the U.S. and Europe, saying, "We want toasts."')


def test_helping_another_build_is_aid() -> None:
    assert ("IND", "MUS", "AID") in triples("Last year, India helped Mauritius build an airstrip and a jetty.")
    assert ("CHN", "PAK", "AID") in triples("China helped Pakistan develop its nuclear program.")
    assert not triples("The new money will help build schools in Kenya.")
    # the converted dictionary's phrases on this word kept
    assert ("QAT", "ISR", "CONSULT") in triples("Qatar helped negotiate the ceasefire between Israel and Hamas.")


def test_arms_sent_from_one_to_another_are_the_senders_aid() -> None:
    assert ("PRK", "RUS", "AID") in triples(
        "U.N. experts detailed transfers of military equipment and munitions from North Korea to Russia in a report.")
    assert ("IRN", "LBN", "AID") in triples("Israel said shipments of weapons from Iran to Hezbollah continued.")
    assert ("PRK", "RUS", "AID") in triples("The envoy discussed North Korea's transfer of arms to Russia.")


def test_mosques_and_churches_are_religious_actors() -> None:
    assert ("TUR", "PSE", "SUPPORT") in triples(
        "Mosques across Turkey broadcast prayers Monday in support of Palestinians injured in Jerusalem.")
    assert ("KEN", "KEN", "REQUEST") in triples("Churches in Kenya called for calm.")


def test_support_looked_for_is_not_given() -> None:
    assert "SUPPORT" not in types(
        "Analysts say Taiwan and the Philippines look to Washington for support against China.")
    assert ("KEN", "JPN", "SUPPORT") in triples("Kenya thanked Japan for support.")


def test_a_thing_supported_in_a_relative_clause_is_no_actor_supported() -> None:
    found = triples("All G7 ministers agree with the U.S. proposal of a ceasefire that is supported by Ukrainians.")
    assert ("UKR", "USA", "SUPPORT") not in found
    assert ("FRA", "KEN", "SUPPORT") in triples("Kenya is supported by France.")


def test_a_fronted_meeting_is_the_main_clauses_subjects() -> None:
    assert ("IND", "RUS", "CONSULT") in triples("After meeting Putin, Modi said ties were strong.")
    assert ("MUS", "IND", "CONSULT") in triples(
        "Following talks with the Indian prime minister, the Mauritian leader announced a new airport.")
    assert "CONSULT" not in types("After the meeting, Kenya closed the border.")


def test_private_people_arriving_make_no_visit() -> None:
    assert "CONSULT" not in types("The first large group of Chinese immigrants arrived in Houston in the 1940s.")
    assert "CONSULT" not in types("Kenyan refugees arrived in Uganda on Monday.")
    assert ("CHN", "USA", "CONSULT") in triples("The Chinese foreign minister arrived in Houston on Monday.")


def test_a_visit_or_meeting_scheduled_is_intent() -> None:
    assert ("RUS", "TUR", "AGREE") in triples("Putin is due to meet Erdogan in Turkey in January.")
    assert ("IND", "MUS", "AGREE") in triples("India's prime minister is scheduled to travel to Mauritius on Tuesday.")
    assert "CONSULT" not in types("India's prime minister is scheduled to travel to Mauritius on Tuesday.")


def test_tourists_make_no_visit_of_state() -> None:
    assert "CONSULT" not in types("More than 2.8 million Chinese tourists visited Vietnam this year.")


def test_met_with_a_reception_is_no_meeting() -> None:
    assert not triples("An offensive launched by forces in Somalia's Puntland region has met with surprising success.")
    assert not triples("The Kenyan plan met with fierce resistance from Uganda.")
    assert ("UGA", "KEN", "CONSULT") in triples("Museveni met with opposition leaders from Kenya.")


def test_thanks_to_is_because_of() -> None:
    assert "SUPPORT" not in types("Thanks to the vigilance of the Haitian police, that did not happen.")
    assert ("KEN", "JPN", "SUPPORT") in triples("Kenya thanks Japan for its support.")


def test_the_bare_noun_demand_needs_a_recipient() -> None:
    assert not triples("Pakistan's military said so, repeating an increasingly frequent demand.")
    assert not triples("Officials in Pakistan have not responded to the BLA's demands.")
    assert ("RUS", "UKR", "REQUEST") in triples("Russia demands that Ukraine withdraw its troops.")
    assert ("KEN", "KEN", "REQUEST") in triples("Kenya demanded the release of the prisoners.")


def test_what_a_that_clause_demands_is_not_done() -> None:
    assert "RETREAT" not in types("Russia demands that Ukraine withdraw its troops.")
    assert "SUPPORT" not in types("Kenya urged that the two sides sign the agreement.")
    assert ("UGA", "UGA", "RETREAT") in triples("Kenya said that Uganda withdrew its troops.")
