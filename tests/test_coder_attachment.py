"""Who does what to whom: actor attachment across event types (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import events, triples


def test_quotation_over_sentences_is_the_speaker_named_where_it_closes() -> None:
    # the first sentence names no speaker; the quotation's speaker is named at its end, a sentence later
    text = ('"We strongly support Ukraine. It is a matter of principle," Polish Foreign Minister Jan Kowalski '
            'said on Monday.')
    assert ("POL", "UKR", "SUPPORT") in triples(text)
    curly = ("“We strongly support Ukraine. It is a matter of principle,” Polish Foreign Minister Jan Kowalski "
             "said on Monday.")
    assert ("POL", "UKR", "SUPPORT") in triples(curly)


def test_quotation_going_on_keeps_the_speaker_named_before() -> None:
    text = ('Polish Foreign Minister Jan Kowalski spoke on Monday. "We strongly support Ukraine. It is a matter of '
            'principle," he said.')
    assert ("POL", "UKR", "SUPPORT") in triples(text)


def test_speech_verb_inside_a_quotation_is_not_its_attribution() -> None:
    # "President Macron said" is what the quoted speaker is grateful for, not who speaks
    text = ('"We are grateful that President Emmanuel Macron said he will help us. It gives us hope," Polish Foreign '
            'Minister Jan Kowalski said.')
    t = triples(text)
    assert ("POL", "FRA", "SUPPORT") in t
    assert not any(s == "FRA" and p == "SUPPORT" for s, _, p in t)


def codes(text: str) -> set[tuple[str, str | None, str | None]]:
    """(source, target, type) by the codes' first three letters: an organisation's code, a state's country."""
    return {(e.source.code[:3], e.target.code[:3] if e.target else None, e.plover) for e in events(text)}


def test_they_is_the_plural_actor_named_before_it_in_the_sentence() -> None:
    # not the state named last ("the Somali border")
    t = codes("Kenyan police raided a camp near the Somali border, where they arrested three men.")
    assert any(s == "KEN" and p == "COERCE" for s, _, p in t)
    assert not any(s == "SOM" and p == "COERCE" for s, _, p in t)


def test_they_opening_a_sentence_is_the_plural_subject_of_the_one_before() -> None:
    t = codes("Russian lawmakers met on Friday in Moscow to discuss Ukraine. They called on Ukraine to withdraw its "
              "troops.")
    assert ("RUS", "UKR", "REQUEST") in t
    assert ("UKR", "UKR", "REQUEST") not in t
    t = codes("Indian officials met Chinese diplomats on Monday. They protested against the arrest of two Indian "
              "soldiers.")
    assert not any(s == "CHN" and p == "PROTEST" for s, _, p in t)


def test_they_after_a_sentence_whose_subject_is_an_organisation_is_that_organisation() -> None:
    t = codes("The European Union held a summit in Brussels on the war in Sudan. They called on the Sudanese army "
              "to agree to a ceasefire.")
    assert ("IGO", "SDN", "REQUEST") in t


def test_they_standing_for_the_source_is_not_its_target() -> None:
    # "what they call": the officials themselves, no one they sign with
    t = codes("Cameroonian officials signed an agreement on what they call border security.")
    assert ("CMR", "CMR", "SUPPORT") not in t


def test_it_opening_a_clause_is_the_state_that_opened_the_sentence_before() -> None:
    t = codes("Iran signed the nuclear deal in 2015. In 2019, it stopped implementing its commitments under the deal.")
    assert any(s == "IRN" and p == "REJECT" for s, _, p in t)


def test_it_after_a_thing_that_opened_the_sentence_before_is_no_actor() -> None:
    # "This report" opens the sentence before: "it" is the report, not the government named inside it
    t = codes("This report underscores the need for the Kenyan government to act. It also criticizes Somalia.")
    assert not any(s == "KEN" for s, _, _ in t)


def test_it_after_and_or_that_is_the_state_named_before_in_the_sentence() -> None:
    t = codes("Turkish officials condemned Israel, and it denied the accusations.")
    assert any(s == "ISR" and p == "REJECT" for s, _, p in t)
    t = codes("The Kenyan government said that it will expel two Somali diplomats.")
    assert ("KEN", "SOM", "THREATEN") in t


def test_what_it_must_do_is_no_request_of_its_own() -> None:
    # "it" stands for the government: no one asks anything of anyone
    t = codes("The burden of proof is on the Kenyan government; it must show the men violated the law.")
    assert not any(p == "REQUEST" for _, _, p in t)


def test_the_agents_named_again_are_those_named_before() -> None:
    # "the diplomats" are the ones "from the European Union", not of the state the sentence names
    t = codes("Diplomats from the European Union met in Kyiv on Monday. The diplomats called on Russia to withdraw its "
              "troops.")
    assert ("IGO", "RUS", "REQUEST") in t and ("RUS", "RUS", "REQUEST") not in t
    t = codes("Officials from the African Union arrived in Khartoum on Monday. On Tuesday the officials urged Sudan to "
              "agree to a ceasefire.")
    assert ("IGO", "SDN", "REQUEST") in t
    # without "the", new ones: no earlier reference (the word order's guess stands)
    t = codes("Diplomats from the European Union met in Kyiv on Monday. Diplomats called on Russia to withdraw its "
              "troops.")
    assert ("IGO", "RUS", "REQUEST") not in t


def test_a_state_after_from_is_where_troops_leave_not_whose_they_are() -> None:
    t = codes("The United States speeded up the withdrawal of some invasion forces from Panama on Wednesday.")
    assert not any(s == "PAN" and p == "RETREAT" for s, _, p in t)


def test_a_quotation_mark_left_unclosed_does_not_hide_the_speakers_after_it() -> None:
    text = ('The minister said "the talks were useful. The weather was fine. The hotel was full. The trains ran late. '
            'The food was good. We strongly support Ukraine, Polish Foreign Minister Jan Kowalski said.')
    assert ("POL", "UKR", "SUPPORT") in triples(text)
