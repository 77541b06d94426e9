"""Coder behaviour on force and coercion wording (ASSAULT, COERCE, THREATEN, MOBILIZE, SANCTION, RETREAT), on
sentences written for these tests."""

from __future__ import annotations

from test_coder_cases import events, triples, types


def test_deaths_in_an_accident_are_no_assault() -> None:
    assert "ASSAULT" not in types("Five Kenyan soldiers were killed when their truck crashed near Garissa.")
    assert "ASSAULT" not in types("The Nigerian army said three officers were killed in a road accident in Kaduna.")
    assert "ASSAULT" not in types("A Pakistani army helicopter crashed in Balochistan, killing six crew.")
    # near miss: a killing with no accident told stays an attack
    assert ("NGA", "NGA", "ASSAULT") in triples("Boko Haram fighters killed five Nigerian soldiers in Borno state.")


def test_an_attack_with_no_attacker_named_is_coded_to_its_place() -> None:
    # CAMEO's convention: an unattributed attack is the country's where it happened
    assert ("PAK", "PAK", "ASSAULT") in triples(
        "The Pakistani army convoy came under attack near Quetta, resulting in injuries to eight soldiers.")
    assert ("AFG", "AFG", "ASSAULT") in triples("Ten Afghan police officers died in the attack in Kandahar.")


def test_an_attacker_named_in_the_phrase_or_after_by_is_the_source() -> None:
    assert ("PSE", "ISR", "ASSAULT") in triples("Ten Israeli soldiers died in a Hamas attack.")
    assert ("RUS", "UKR", "ASSAULT") in triples("A Ukrainian convoy came under fire from Russian forces near Kharkiv.")
    t = triples("Twelve Chadian soldiers were wounded in an ambush by Boko Haram fighters.")
    assert ("NGA", "TCD", "ASSAULT") in t and ("TCD", "NGA", "ASSAULT") not in t


def test_the_speaker_of_a_killing_is_not_its_victim() -> None:
    t = triples("The U.S. military said the militant commander was killed in a drone strike in Syria.")
    assert ("SYR", "USA", "ASSAULT") not in t and ("USA", "USA", "ASSAULT") not in t


def test_operations_against_an_armed_group_are_an_assault() -> None:
    assert ("KEN", "SOM", "ASSAULT") in triples("The Kenyan army launched an operation against al-Shabab militants.")
    assert ("NGA", "NGA", "ASSAULT") in triples(
        "Nigerian troops, backed by local vigilantes, are conducting operations against Boko Haram in Borno.")
    # near miss: relief operations are no force
    assert "ASSAULT" not in types("The Red Cross said relief operations in Malawi were hampered by floods.")


def test_the_alternative_a_demand_offers_is_a_threat_to_the_one_asked() -> None:
    t = triples("Kenya asked Somalia to withdraw its troops from the border or face consequences.")
    assert ("KEN", "SOM", "REQUEST") in t and ("KEN", "SOM", "THREATEN") in t
    assert ("DEU", "BLR", "THREATEN") in triples(
        "Germany said Belarus must free the opposition leaders or face further sanctions.")
    # near miss: an alternative no one is threatened with
    assert "THREATEN" not in types("Analysts say the French carmaker must change or face losing customers to China.")


def test_a_response_by_force_stated_for_the_future_is_a_threat() -> None:
    assert ("TUR", "USA", "THREATEN") in triples("Turkey will retaliate against the United States.")
    assert ("PRK", "USA", "THREATEN") in triples("North Korea said it would respond resolutely to U.S. drills.")
    assert ("IRN", "ISR", "THREATEN") in triples("Iran vowed revenge against Israel.")
    # near misses: a reaction nobody threatened, a retaliation ruled out
    assert "THREATEN" not in types("It is hard to predict how the Philippine president will react to the visit.")
    assert "THREATEN" not in types("Russia will not retaliate against NATO.")


def test_what_someone_should_do_is_not_done() -> None:
    assert "SANCTION" not in types("A senator said the U.S. government should use sanctions against Chinese officials.")
    assert "ASSAULT" not in types("A Kenyan lawmaker said the army should attack al-Shabab bases in Somalia.")
    # near miss: sanctions imposed
    assert ("USA", "CHN", "SANCTION") in triples("The U.S. government imposed sanctions on Chinese officials.")


def test_strained_relations_and_sanctions_bills_are_no_sanctions() -> None:
    assert "SANCTION" not in types("Egypt has been trying to repair strained relations with Turkey.")
    assert "SANCTION" not in types("Lawmakers introduced sanctions legislation targeting Turkey.")
    # near miss: sanctions imposed
    assert ("USA", "TUR", "SANCTION") in triples("The United States imposed sanctions on Turkey on Monday.")


def test_captives_freed_is_a_release_by_their_captors() -> None:
    assert ("PSE", "ISR", "RETREAT") in triples("Three Israeli hostages were freed by Hamas on Saturday.")
    t = triples("Two American journalists held in Iran were released, the State Department said.")
    assert ("IRN", "USA", "RETREAT") in t and ("USA", "USA", "RETREAT") not in t
    # the kidnapping named on the way is the background of the release, no new one
    t = triples("Nigerians cheered after 80 students kidnapped in Kaduna state were freed by their captors.")
    assert ("NGA", "NGA", "RETREAT") in t and "ASSAULT" not in {p for _, _, p in t}
    # near miss: a report released
    assert "RETREAT" not in types("The Nigerian government's report on the attack was released on Tuesday.")


def test_firing_bullets_or_tear_gas_at_people_is_an_assault() -> None:
    assert ("ISR", "PSE", "ASSAULT") in triples("Israeli police fired rubber bullets at Palestinian protesters.")
    assert ("KEN", "KEN", "ASSAULT") in triples("Kenyan police fired tear gas at opposition supporters in Nairobi.")
    # near miss: tear gas used to disperse a crowd stays repression
    assert "ASSAULT" not in types("Liberian riot police used tear gas to disperse demonstrators in Monrovia.")


def test_a_party_dissolved_is_banned() -> None:
    assert ("THA", "THA", "COERCE") in triples("A Thai court dissolved the opposition Move Forward party on Wednesday.")
    # near misses: a parliament dissolved for an election; a decision named, told elsewhere
    assert "COERCE" not in types("The Jordanian king dissolved parliament and called early elections.")
    assert "COERCE" not in types(
        "A Sudanese analyst says the decision to dissolve the National Congress Party is a strategic one.")


def test_people_detained_with_no_one_named_are_held_by_the_state_where_they_are() -> None:
    t = triples("Human Rights Watch says a million Uyghurs have been confined in internment camps in Xinjiang.")
    assert ("CHN", "CHN", "COERCE") in t
    # the one who reports the detention is not its author
    assert not any(s is None or s.startswith("NGO") for s, _, p in t if p == "COERCE")
    # near miss: confined to a stadium by the weather is no detention
    assert "COERCE" not in types("Thousands of Kenyan fans were stuck in the stadium by the storm.")


def test_buildings_occupied_are_seized_and_land_occupied_is_force() -> None:
    assert ("MMR", "MMR", "COERCE") in triples("Myanmar security forces have occupied at least 36 hospitals.")
    # near miss: territory occupied stays an ASSAULT (CAMEO 192)
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian troops occupied the village of Bakhmut in eastern Ukraine.")


def test_an_opening_participle_takes_the_main_clause_subject() -> None:
    t = triples("Threatening to kill the hostages, the Baloch Liberation Army demanded the release of prisoners.")
    assert ("PAK", "PAK", "THREATEN") in t
    assert ("RUS", "UKR", "ACCUSE") in triples("Accusing Kyiv of sabotage, Russia expelled two Ukrainian diplomats.")
    # near miss: a phrase after the opening clause keeps its own subject
    t = triples("Speaking in Tokyo, the Japanese foreign minister said China had attacked a Philippine vessel.")
    assert ("CHN", "PHL", "ASSAULT") in t and ("JPN", "PHL", "ASSAULT") not in t


def test_what_an_order_asks_for_is_done_only_when_it_is_force() -> None:
    t = triples("Malawi's High Court ordered all public schools to allow students with dreadlocks.")
    assert ("MWI", "MWI", "REQUEST") in t and "CONCEDE" not in {p for _, _, p in t}
    # near miss: a coercive act ordered is the one who ordered it's
    assert ("NIC", "NIC", "COERCE") in triples("The Nicaraguan government ordered La Prensa to suspend publication.")


def test_the_fight_against_a_group_named_as_a_thing_is_no_fighting() -> None:
    assert "ASSAULT" not in types("The fight against Boko Haram militants has forced many Nigerians to flee.")
    assert "ASSAULT" not in types("Kenya's fight against al-Shabab has cost billions.")
    # near miss: fighting told
    assert ("NGA", "NGA", "ASSAULT") in triples("Nigerian troops fought Boko Haram militants near Maiduguri.")


def test_an_act_named_as_the_cause_of_another_is_not_coded_again() -> None:
    t = triples("Turkey recalled its ambassador over Israel's crackdown on Palestinian protesters.")
    assert ("TUR", "ISR", "SANCTION") in t and "COERCE" not in {p for _, _, p in t}
    # near miss: a crackdown told
    assert ("ISR", "PSE", "COERCE") in triples("Israel launched a crackdown on Palestinian protesters in Jerusalem.")


def test_threatening_a_thing_is_endangering_it_not_a_threat() -> None:
    assert "THREATEN" not in types("Serbia said the Kosovo government is threatening regional stability.")
    assert "THREATEN" not in types("Dodik is accused of threatening the territorial integrity of Bosnia.")
    # near miss: a threat made to a state
    assert ("RUS", "UKR", "THREATEN") in triples("Russia threatened Ukraine with a new offensive.")


def test_an_ultimatum_worded_as_time_given_is_a_threat() -> None:
    assert ("PSE", "ISR", "THREATEN") in triples("Hamas gave Israel three days to withdraw its forces.")
    t = triples("The rebels gave the Malian government 48 hours to leave the town.")
    assert ("MLI", "MLI", "THREATEN") in t
    assert ("KEN", "SOM", "THREATEN") in triples("Kenya gave Somali diplomats a 72-hour deadline to leave.")
    # near miss: time given for cooperation
    assert "THREATEN" not in types("Japan gave Vietnam two weeks to review the draft agreement.")


def test_flights_reduced_are_reduced_relations() -> None:
    assert ("KEN", "SOM", "SANCTION") in triples("Kenya curtailed flights to Somalia on Tuesday.")
    # near miss: costs reduced are no relations cut
    assert "SANCTION" not in types("Kenya Airways reduced its costs in Somalia.")


def test_the_group_is_the_last_organisation_or_armed_group_named() -> None:
    t = triples("Al-Shabab attacked a Kenyan base. The group gave Kenyan authorities 48 hours to withdraw.")
    assert ("SOM", "KEN", "THREATEN") in t
    # near misses: a name and a noun with "of"
    t = triples("The Group of Seven urged Russia to accept the ceasefire.")
    assert ("RUS", "RUS", "REQUEST") not in t and "REQUEST" in {p for _, _, p in t}


def test_the_banned_group_is_no_ban_told() -> None:
    t = triples("Separatists belonging to the banned Baloch Liberation Army attacked a Pakistani train.")
    assert "COERCE" not in {p for _, _, p in t} and ("PAK", "PAK", "ASSAULT") in t
    # near miss: a ban told
    assert ("PAK", "PAK", "COERCE") in triples("Pakistan banned the Baloch Liberation Army in 2006.")


def test_who_claims_to_have_acted_is_the_actor() -> None:
    assert ("SOM", "KEN", "ASSAULT") in triples("Al-Shabab claimed to have killed 30 Kenyan soldiers.")
    assert ("PAK", "PAK", "ASSAULT") in triples(
        "The Baloch Liberation Army claimed to be holding more than 200 Pakistani hostages.")
    # near miss: what is said of someone is not their act ("were said to be")
    t = triples("Kenyan doctors were said to be struggling to save those wounded in the Somali attack.")
    assert ("KEN", "KEN", "ASSAULT") not in t


def test_attacks_not_made_are_no_assault() -> None:
    assert "ASSAULT" not in types("India said any attack on Pakistan would be a mistake.")
    assert "ASSAULT" not in types("The United States is worried about possible attacks on its embassy in Kenya.")
    # near miss: an attack made
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian missiles attacked Kyiv on Monday.")


def test_people_killed_are_the_victims_not_the_attackers() -> None:
    t = triples("Al-Shabab fighters attacked a base in Somalia. Three Americans were killed.")
    assert ("SOM", "USA", "ASSAULT") in t and ("USA", "SOM", "ASSAULT") not in t
    # near miss: the killers named after "by"
    t = triples("Two Nigerian soldiers were killed by Chadian troops.")
    assert ("TCD", "NGA", "ASSAULT") in t and ("NGA", "TCD", "ASSAULT") not in t


def test_contests_and_causes_named_as_fights_are_no_fighting() -> None:
    assert "ASSAULT" not in types("Trump has been waging a tariff fight with Canada and Mexico.")
    assert "ASSAULT" not in types("Washington will defend its ally in its battle against Beijing.")
    assert "ASSAULT" not in types("Ukrainians are fighting for their freedom, the Canadian minister said.")
    # near miss: fighting told
    assert ("SDN", "SDN", "ASSAULT") in triples("The Rapid Support Forces fought the Sudanese army near Khartoum.")


def test_hazards_fought_are_no_fighting() -> None:
    assert "ASSAULT" not in types("Canadian firefighters have battled blazes in Australia.")
    assert "ASSAULT" not in types("The U.S. administration wants to fight corruption in Albania.")
    # near miss: an enemy fought
    assert ("MLI", "MLI", "ASSAULT") in triples("Malian soldiers battled jihadist fighters near Timbuktu.")


def test_a_weapon_as_the_subject_strikes_for_the_actor_before_it() -> None:
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian drones hit Kharkiv overnight.")
    assert ("UKR", "RUS", "ASSAULT") in triples("Ukrainian missiles slammed into an airfield in Russia's Kursk region.")
    assert ("ISR", "LBN", "ASSAULT") in triples("Israeli warplanes pounded villages in southern Lebanon.")
    # "hit" with no weapon before it is as often an economy or a disaster
    assert triples("The sanctions hit Iran's oil exports hard.") == set()
    assert triples("Floods hit Bangladesh last week.") == set()


def test_a_warrant_issued_for_someone_is_coercion_of_them() -> None:
    icc = events("The International Criminal Court issued an arrest warrant for Russian President Vladimir Putin.")
    assert ("IGOICC", "RUS", "COERCE") in {(e.source.code, e.target.country if e.target else None, e.plover)
                                           for e in icc}
    assert ("UGA", "UGA", "COERCE") in triples("A Ugandan court issued arrest warrants for two opposition leaders.")
    assert not any(p == "COERCE" for _, _, p in triples("Iran issued a warning to Israel."))


def test_a_deal_undone_is_a_sanction_towards_the_other_party() -> None:
    assert ("BFA", "FRA", "SANCTION") in triples("Burkina Faso revoked its military agreements with France.")
    assert ("CHN", "USA", "SANCTION") in triples("China scrapped a climate cooperation deal with the United States.")
    assert ("RUS", "TUR", "SANCTION") in triples("Russia pulled out of the energy pact with Turkey.")
    # signing or keeping one is no sanction
    assert not any(p == "SANCTION" for _, _, p in triples("Ghana signed a trade agreement with Togo."))


def test_water_cannon_turned_on_people_or_ships_is_an_assault() -> None:
    assert ("CHN", "PHL", "ASSAULT") in triples(
        "China's coast guard used water cannon against a Philippine supply boat.")
    assert ("ZWE", "ZWE", "ASSAULT") in triples("Zimbabwean police fired water cannons at protesters in Harare.")


def test_an_offensive_launched_is_an_assault_and_a_launched_probe_or_relief_is_not() -> None:
    assert ("ISR", "PSE", "ASSAULT") in triples("Israel launched a ground operation in Rafah on Monday.")
    assert ("ETH", "ETH", "ASSAULT") in triples("Ethiopia began a military offensive in the Tigray region.")
    assert not any(p == "ASSAULT" for _, _, p in triples("Kenyan police launched a probe into the attacks in Lamu."))
    assert not any(p == "ASSAULT" for _, _, p in triples("The UN launched a relief operation in Sudan."))


def test_armed_forces_put_on_alert_are_mobilised_and_a_health_alert_is_not() -> None:
    assert ("SRB", None, "MOBILIZE") in triples("Serbia put its army on high alert.")
    assert any(p == "MOBILIZE" for _, _, p in triples("Iran placed its armed forces on full alert."))
    assert triples("Ghana went on high alert over the cholera outbreak.") == set()


def test_a_prisoner_swap_releases_on_both_sides() -> None:
    t = triples("Armenia and Azerbaijan exchanged 40 prisoners of war on Friday.")
    assert ("ARM", "AZE", "RETREAT") in t and ("AZE", "ARM", "RETREAT") in t


def test_broadcasters_taken_off_the_air_are_coerced() -> None:
    assert any(s == "MLI" and p == "COERCE" for s, _, p in triples(
        "Mali suspended broadcasts of Radio France Internationale and France 24."))


def test_a_list_of_riot_weapons_fired_at_people_is_an_assault() -> None:
    assert ("KEN", "KEN", "ASSAULT") in triples(
        "Kenyan police fired tear gas, rubber bullets and water cannon at protesters in Nairobi.")
    assert ("IRN", "IRN", "ASSAULT") in triples(
        "Iranian security forces fired tear gas, pellets, and live ammunition at demonstrators in Zahedan.")
    # tear gas used alone to disperse a crowd stays repression, not an assault
    assert not any(p == "ASSAULT" for _, _, p in triples("Kenyan police used tear gas to disperse the crowd."))


def test_missiles_fired_into_the_sea_show_force_and_strike_no_one() -> None:
    t = triples("North Korea fired two ballistic missiles into the sea off its east coast.")
    assert t == {("PRK", None, "MOBILIZE")}, "a launch into the sea is no assault on the launcher's own state"
    assert ("PRK", None, "MOBILIZE") in triples("North Korea launched a cruise missile into waters off its west coast.")
    # fired at or into a state, they strike it
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia fired missiles at Kyiv.")


def test_fire_exchanged_is_each_side_s_at_the_other() -> None:
    t = triples("India and Pakistan exchanged fire along the Line of Control.")
    assert ("IND", "PAK", "ASSAULT") in t and ("PAK", "IND", "ASSAULT") in t


def test_a_place_s_standing_state_named_by_a_participle_is_no_act() -> None:
    # "the occupied West Bank", "the besieged town", "the blockaded Gaza Strip": no one occupies it in the sentence
    t = triples("Israeli troops raided a refugee camp in the occupied West Bank.")
    assert ("ISR", "PSE", "ASSAULT") in t and len(t) == 1
    assert triples("Aid reached the blockaded Gaza Strip.") == set()
    assert not any(p == "ASSAULT" for _, _, p in triples(
        "U.N. helicopters evacuated the wounded from the besieged Bosnian town of Gorazde."))
    # the verb is still the act, a bare noun after it too ("occupied villages")
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia occupied Crimea in 2014.")
    assert ("SRB", "BIH", "ASSAULT") in triples("Serbian forces besieged Sarajevo.")
    assert ("RUS", "UKR", "ASSAULT") in triples("Russian troops occupied villages near Kharkiv.")
    assert ("NGA", "NGA", "ASSAULT") in triples("Gunmen kidnapped 50 schoolchildren in Kaduna.")
    # people in a standing state: no act
    assert not any(p == "ASSAULT" for _, _, p in triples("Nigerian troops rescued 50 kidnapped schoolchildren."))
    assert not any(p == "COERCE" for _, _, p in triples(
        "The party of jailed former Prime Minister Imran Khan alleged rigging."))


def test_the_attacker_named_inside_a_passive_casualty_phrase_comes_before_the_place_struck() -> None:
    # "killed in a Russian strike on Odesa": Russia struck, not Ukraine (the place after the phrase)
    assert ("RUS", "UKR", "ASSAULT") in triples("At least 12 people were killed in a Russian missile strike on Odesa.")
    assert ("UKR", "RUS", "ASSAULT") in triples("Three civilians died in a Ukrainian drone attack on Belgorod.")
    assert not any(s == "UKR" for s, _, _ in triples("At least 12 people were killed in a Russian strike on Odesa."))


def test_missiles_tested_and_jets_scrambled_show_force() -> None:
    assert triples("North Korea test-fired a new intercontinental ballistic missile.") == {("PRK", None, "MOBILIZE")}
    assert triples("Iran tested a new ballistic missile on Sunday.") == {("IRN", None, "MOBILIZE")}
    assert ("JPN", None, "MOBILIZE") in triples("Japan scrambled fighter jets after Chinese drones flew near Okinawa.")
    # the noun in a forecast is no test; nor other things tested
    assert triples("A nuclear test or ICBM launch could derail talks, analysts said.") == set()
    assert triples("Scientists in Kenya tested the vaccine on mice.") == set()


def test_force_vowed_is_a_threat_and_not_also_an_agreement() -> None:
    # the intent marker's own event goes when the act after it is recoded as intended force
    assert triples("The Houthis vowed to attack Israel-linked ships.") == {("YEM", "ISR", "THREATEN")}
    assert triples("Russia vowed to continue its offensive.") == {("RUS", None, "THREATEN")}
    # an intent to cooperate stays an agreement
    t = triples("Kenya and Uganda agreed to boost trade.")
    assert ("KEN", "UGA", "AGREE") in t and ("UGA", "KEN", "AGREE") in t


def test_rockets_launched_at_a_state_strike_it_and_accusations_traded_are_mutual() -> None:
    assert ("LBN", "ISR", "ASSAULT") in triples("Hezbollah launched rockets at northern Israel.")
    assert ("RUS", "UKR", "ASSAULT") in triples("Russia launched drones against Kyiv overnight.")
    t = triples("Thailand and Cambodia traded accusations over the border clashes.")
    assert ("THA", "KHM", "ACCUSE") in t and ("KHM", "THA", "ACCUSE") in t
