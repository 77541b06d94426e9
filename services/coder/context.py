"""Whether an event phrase is told as an act where it stands, read from the words around it.

The coder finds a phrase ("attack", "meeting", "sanctions") and then asks these: a phrase can name an event told
elsewhere or long past ("Tuesday's attack", "the victims of the attack"), the setting of another ("at Friday's
meeting"), a condition or a question ("if hit by sanctions", "...?"), what stops or is to stop ("must stop
killing"), a cause ("over Israel's crackdown"), a standing status ("is designated as"), an adjective ("alleged
conspiracies"), a proposal turned down or backed ("rejected calls to sanction") or an accident ("killed in a road
accident"). Each takes the article's tokens, where the phrase starts and its sentence; the word lists are in
data/words.yaml.
"""

from __future__ import annotations

import itertools

from services.coder.datafiles import words
from services.coder.tokens import Sentence, Token


def in_possible_act(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether the hit is a participle spelling out an act the clause before only says may happen: "they may impose
    sanctions, cutting aid", "he may tease the U.S. by buying arms and defying it" (not "Russia, which could strike
    at any time, has been shelling Kharkiv, killing four": a finite verb between ends the possible act)."""
    w = words()
    if not tokens[first].norm.endswith("ing") or first - 1 <= sent.first:
        return False
    if tokens[first - 1].norm not in w.possible_act_links:
        return False
    for k in range(first - 2, max(sent.first, first - 16) - 1, -1):
        t = tokens[k]
        if t.norm in w.possible_act_modals:
            return True
        if t.norm in w.finite_clause_marks or t.text in w.quote_marks or (t.norm in w.clause_break and t.norm != ","):
            return False
    return False


def referenced_attack(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An attack noun naming attacks told elsewhere or long past: "past attacks", "several recent bombings",
    "Tuesday's attack", "last week's raids", or a label, "this dangerous abuse" (the attack is coded where a sentence
    asserts it; "the victims of the attack" is any event's `_of_reference_head`)."""
    w = words()
    if first <= sent.first:
        return False
    prev = tokens[first - 1].norm
    if prev in w.reference_modifiers:
        return True
    if tokens[first].norm in w.judgement_nouns:
        # "this dangerous abuse", "these human rights abuses": a label (the words between are lower-case words)
        for k in range(first - 1, max(sent.first, first - 4) - 1, -1):
            if tokens[k].norm in w.label_determiners:
                return True
            if not (tokens[k].text.isalpha() and tokens[k].text.islower()):
                break
        # "a vocal critic of Tehran's human rights abuses", "condemned Moscow's aggression": what is judged
        if any(tokens[k].norm in w.judging_words for k in range(max(sent.first, first - 6), first)):
            return True
    return prev == "'s" and first - 2 >= sent.first and tokens[first - 2].norm in w.time_possessors


def accident(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """A killing or an injury in a sentence telling of an accident or a disaster ("killed in a road accident", "the
    plane crashed in Ghazni province this morning, resulting in all crew killed"): no attack."""
    w = words()
    if tokens[first].norm not in w.casualty_verbs.forms:
        return False
    return any(tokens[k].norm in w.accident_words for k in range(sent.first, sent.last))


def adjectival(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """A participle used as an adjective before a noun: "this alleged consensus", "alleged conspiracies", "in the
    occupied West Bank" (words.yaml adjectival_participles, standing_participles)."""
    w = words()
    if tokens[first].norm in w.standing_participles:
        before = tokens[first - 1] if first > sent.first else None
        return before is not None and (before.norm in w.determiners or before.norm in w.locative or before.norm == "of"
                                       or before.text.replace(",", "").isdigit())
    if tokens[first].norm not in w.adjectival_participles:
        return False
    if first > sent.first and tokens[first - 1].norm in w.determiners:
        return True
    nxt = tokens[first + 1] if first + 1 < sent.last else None
    return (nxt is not None and nxt.text.isalpha() and nxt.text.islower() and nxt.norm not in w.verb_followers
            and not nxt.norm.endswith("ly"))


def standing_status(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """A listing verb after a perfect or a stative "be" ("have both designated BLA a terrorist group", "is
    designated as a terrorist organization by the United States"): a standing status, not a listing done now."""
    w = words()
    if tokens[first].norm not in w.status_verbs:
        return False
    k = first - 1
    while k >= sent.first and tokens[k].norm in w.status_adverbs:
        k -= 1
    return k >= sent.first and tokens[k].norm in w.status_auxiliaries


def of_reference_head(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event noun up to 4 words after "of" and a head naming what belongs to an event told elsewhere: "the
    victims of the Kabul attack", "the 20th anniversary of the terrorist strikes against the U.S."."""
    w = words()
    for k in range(first - 1, max(sent.first, first - 6), -1):
        if tokens[k].norm in w.clause_break:
            return False
        if tokens[k].norm == "of":
            return k - 1 >= sent.first and tokens[k - 1].norm in w.reference_heads
    return False


def cause_noun(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event noun after "over", "amid" or "despite" and an actor's possessive ("withdrew ambassadors
    over Israel's crackdown on protests"): the cause or setting of the sentence's act, told elsewhere."""
    if first - 2 < sent.first or tokens[first - 1].norm != "'s":
        return False
    for k in range(first - 2, max(sent.first - 1, first - 7), -1):
        if tokens[k].norm in words().cause_prepositions:
            return True
        if not (tokens[k].capitalised or tokens[k].norm in ("the", ".", "-")):
            return False
    return False


def named_decision(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event phrase after "the decision to" or "the move to" ("the decision to dissolve the party is a strategic
    one"): a decision the story told elsewhere, named as a thing."""
    return (first - 3 >= sent.first and tokens[first - 1].norm == "to"
            and tokens[first - 2].norm in words().decision_nouns and tokens[first - 3].norm == "the")


def refused_proposal(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """A proposal turned down, backed or talked about ("Iran rejected calls to sanction Syria", "vetoed a resolution
    to impose sanctions", "backed a proposal to sanction"): what it proposed is not done, and the plan is nobody's
    intent; the rejection or the backing is the event."""
    w = words()
    noun = first  # the proposal noun itself ("a plan"), or before "to" and one verb ("a plan to impose sanctions")
    for gap in (1, 2):
        if first - gap - 1 >= sent.first and tokens[first - gap].norm == "to":
            noun = first - gap - 1
            break
    if tokens[noun].norm not in w.proposal_nouns:
        return False
    for k in range(noun - 1, max(sent.first - 1, noun - 6), -1):
        if tokens[k].norm in w.proposal_backers or tokens[k].norm in w.proposal_handling:
            return True
        if tokens[k].norm in w.clause_break or tokens[k].norm in ("to", "that"):
            return False
    return False


def setting_noun(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """A meeting named as the setting of what the sentence tells ("speaking at a Security Council meeting",
    "at Friday's meeting", "ahead of a meeting of the Council") or by its day ("Wednesday's council meeting"): the
    meeting is not the sentence's event."""
    w = words()
    if tokens[first].norm not in w.setting_nouns:
        return False
    k = first - 1
    while k >= sent.first and first - k <= 7:
        t = tokens[k]
        if t.norm in w.setting_prepositions:
            if t.norm in w.sequel_prepositions and first + 1 < sent.last and tokens[first + 1].norm == "with":
                return False  # "after meetings with G7 ministers": held, and with whom is named
            return not (k == first - 1 and tokens[first].norm.endswith("ing"))  # "after meeting X": a verb
        if t.norm == "of" and k - 1 >= sent.first and tokens[k - 1].norm in w.setting_heads:
            return True
        if t.norm == "'s" and k - 1 >= sent.first and tokens[k - 1].norm in w.time_possessors:
            return True  # "not supportive of Wednesday's council meeting": a meeting the story told of elsewhere
        if t.norm in w.light_verbs or t.norm in w.speech or t.norm in (",", "and", "to"):
            return False  # "held a meeting", "said a meeting", "agreed to a meeting": on stage
        k -= 1
    return False


def _clause_opener(tokens: list[Token], first: int, sent: Sentence, openers: frozenset[str] | set[str],
                   reach: int) -> int | None:
    """Where the nearest of `openers` stands within `reach` words before an event phrase, if no clause break,
    target stop or speech verb comes between: the phrase is in the clause that word opens."""
    w = words()
    for k in range(first - 1, max(sent.first - 1, first - 1 - reach), -1):
        t = tokens[k].norm
        if t in openers:
            return k
        if t in w.clause_break or t in w.target_stop or t in w.speech:
            return None
    return None


def in_condition(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event phrase up to 12 words into a clause opened by "if", "unless" or "whether" ("threatening
    retaliation if hit by sanctions"): a condition or a question, not an act."""
    return _clause_opener(tokens, first, sent, words().condition_openers, 12) is not None


def since_clause(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event phrase up to 12 words into a clause opened by "since" ("since Kim and Putin held a summit in
    September, Pyongyang has shipped ..."): the time from which the sentence tells something else, background."""
    k = _clause_opener(tokens, first, sent, {"since"}, 12)
    if k is None:
        return False
    if k + 1 == first:  # "have since banned": an adverb; "since arresting them in 2014": a clause
        return tokens[first].norm.endswith("ing")
    nxt = tokens[k + 1].norm
    return nxt not in words().since_times and not nxt[:1].isdigit()


def ceased(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event phrase up to 6 words after a verb of stopping ("must stop killing civilians", "time to stop Israel's
    cruel attacks", "ended its support for"): what stops, or is to stop, is not an act told as done. A phrase right
    after "and" ("halted talks and attacked") is a verb of its own, and one past a subordinator ("it ended quickly
    because X's call for ...") is in a clause of its own. (A possessive's "'s" is a token of its own.)"""
    if first > sent.first and tokens[first - 1].norm == "and":
        return False
    return _clause_opener(tokens, first, sent, words().cessation_verbs, 6) is not None


def question(tokens: list[Token], sent: Sentence) -> bool:
    """Whether the sentence ends in a question mark (before any closing quotation marks): a question tells no
    event (the coding guide)."""
    k = sent.last - 1
    while k > sent.first and not tokens[k].text.isalnum() and tokens[k].text != "?":
        k -= 1
    return tokens[k].text == "?"


def described_use(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether the phrase tells what a thing is for or what was done as a habit: "a plane used to help troops
    communicate and share intelligence", "Moscow used to sell gas to Europe" (not "drones were used to attack
    Kyiv": a use made)."""
    w = words()
    for k in range(first - 2, max(sent.first, first - 10) - 1, -1):
        if tokens[k].norm in w.clause_break:
            return False
        if tokens[k].norm in w.use_marks and tokens[k + 1].norm == "to":
            j = k - 1
            while j >= sent.first and tokens[j].norm in w.passive_adverbs:
                j -= 1
            return not (j >= sent.first and tokens[j].norm in w.be_forms)
    return False


def war_toll(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether a killing is the toll a war's description gives: "a war that lasted three years and killed 100,000
    people", "the war in Bosnia, which killed 100,000" (history or a state of affairs, no attack told)."""
    w = words()
    if tokens[first].norm not in w.casualty_verbs.forms:
        return False
    for k in range(first - 1, max(sent.first, first - 12), -1):
        if tokens[k].norm in ("that", "which"):  # ("the war in Bosnia, which killed")
            return any(tokens[j].norm in w.war_nouns for j in range(max(sent.first, k - 4), k))
    return False


def private_act(tokens: list[Token], first: int, end: int, sent: Sentence, aid: bool) -> bool:
    """Whether the phrase tells a person's private life, not an act between actors: money sent "back to his
    mother" (`aid`: the phrase gives help; not "refused to enroll her daughter"), "occupied a gray area" (a
    figurative place), "he's still fighting" (his own struggle)."""
    w = words()
    after = [t.norm for t in tokens[end : min(end + 5, sent.last)]]
    if aid and any(a in w.kin_possessives and b in w.kin_nouns for a, b in itertools.pairwise(after)):
        return True
    if tokens[first].norm.startswith("occup") and any(a in w.figurative_places for a in after[:3]):
        return True
    if tokens[first].norm in w.fight_words and (not after or not after[0].isalpha() or after[0] == "for"):
        return any(tokens[k].norm in w.person_pronouns for k in range(max(sent.first, first - 4), first))
    return False


def observers_forecast(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether the sentence gives an observer's view ("analysts said", "according to experts", "experts think")
    and the phrase is a forecast in it, a wish, plan or possibility of an actor's ("Japan wants to strengthen
    ties", "it will likely add to calls to impose sanctions"): no act."""
    w = words()
    told = False
    for k in range(sent.first, sent.last):
        if tokens[k].norm not in w.observer_nouns:
            continue
        near = [t.norm for t in tokens[k + 1 : min(k + 3, sent.last)]]
        if any(x in w.speech or x in w.duty_speech or x in w.observer_verbs for x in near) or (
                k - 2 >= sent.first and tokens[k - 1].norm == "to" and tokens[k - 2].norm == "according"):
            told = True
            break
    if not told:
        return False
    for k in range(first - 1, max(sent.first, first - 8) - 1, -1):
        if tokens[k].norm in w.clause_break and tokens[k].norm != ",":
            return False
        if tokens[k].norm in w.forecast_words:
            return True
    return False
