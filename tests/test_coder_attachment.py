"""Who does what to whom: actor attachment across event types (sentences written for these tests)."""

from __future__ import annotations

from test_coder_cases import triples


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
