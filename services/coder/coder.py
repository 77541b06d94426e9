"""Event coding: who did what to whom, where and when, coded to CAMEO and PLOVER.

For each sentence: find event phrases (anchored by the automaton pass, verified on tokens), decide from the
words before them whether the action happened (negation, refusal, intent), then pick the source (the
subject: the nearest actor before the phrase outside a parenthetical, or the speaker of reported speech)
and the target (the first actor after the phrase in the same clause; "by X" in the passive).
Sentences without an actor mention and a phrase anchor are skipped before any of that work. The words these
rules test (speech and light verbs, clause stops, determiners...) are data/words.yaml's, the codes they recode
events to data/codes.yaml's.
"""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from services import steps
from services.budget import MAX_EVENT_SENTENCES, MAX_HITS_PER_SENTENCE, MAX_SENTENCE_TOKENS, Spent
from services.coder import context, moods, syntax
from services.coder.actors import (
    ArticleMemory,
    Mention,
    find_mentions,
    quote_closes,
    quote_open_after,
    quoted_first_person,
    quoting,
    wholly_quoted,
)
from services.coder.datafiles import codes, words
from services.coder.dates import Narrated, event_date, narrated_date, news_day
from services.coder.lexicon import Lexicon, Pattern, Slot, key_of, load
from services.coder.sentences import split_sentences
from services.coder.spans import Span, scan
from services.coder.syntax import ParsedSentence, Phrase, Roles
from services.coder.tokens import Sentence, Token, TokenText, tokenize
from services.models import Actor, Event, Location
from services.models import Span as CharSpan

CODER_VERSION = "diplowatch-coder/0.1"
TARGET_WINDOW = 12
# a sentence naming more actors than this is a list (a roll call, a table), not an action between them; and
# a coordination longer than MAX_CONJUNCTS is cut: both bound the work per sentence (hostile input)
MAX_MENTIONS_PER_SENTENCE = 40
MAX_CONJUNCTS = 8


@dataclass
class CodedArticle:
    actors: list[Actor] = field(default_factory=list)
    locations: list[Location] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    sentences: int = 0
    tokens: list[Token] = field(default_factory=list)  # kept so the rules need not tokenize again
    parsed: int = 0  # sentences that went through the parser
    index: TokenText | None = None
    spent: Spent = field(default_factory=Spent)  # what the work limits left out (services/budget.py)


@dataclass(frozen=True, slots=True)
class _Hit:
    pattern: Pattern
    first: int
    last: int


def _match_slots(slots: tuple[Slot, ...], tokens: list[Token], i: int, stop: int, inside: bool = False) -> int | None:
    """Token index after the match of `slots` starting at i, or None. Gaps are lazy, words exact; inside the
    phrase, a time or manner word in between ("spoke today with") is passed over when the words need it."""
    if not slots:
        return i
    slot, rest = slots[0], slots[1:]
    if inside and not slot.gap and (past := _past_adverbs(tokens, i, stop)) != i:
        end = _match_slots(slots, tokens, i, stop)
        return end if end is not None else _match_slots(slots, tokens, past, stop)
    if slot.gap:
        clause_break = words().clause_break
        k, skipped, resumed = i, 0, -1
        while k <= min(i + slot.gap + skipped, stop):
            if k > i and k != resumed and tokens[k - 1].norm in clause_break:
                close = _appositive_end(tokens, k - 1, stop)
                if close is None:
                    break
                skipped += close + 1 - k  # "forced the UN refugee agency, UNHCR, out": a name in commas
                k = resumed = close + 1
                continue
            end = _match_slots(rest, tokens, k, stop, True)
            if end is not None:
                return end
            k += 1
        return None
    if i < stop and tokens[i].norm in slot.words:
        end = _match_slots(rest, tokens, i + 1, stop, True)
        if end is not None:
            return end
    for form in slot.phrases:
        n = len(form)
        if i + n <= stop and all(tokens[i + k].norm == form[k] for k in range(n)):
            end = _match_slots(rest, tokens, i + n, stop, True)
            if end is not None:
                return end
    if slot.optional:
        return _match_slots(rest, tokens, i, stop, True)
    return None


def _past_adverbs(tokens: list[Token], i: int, stop: int) -> int:
    """The first index at or after i that is not an inserted time or manner word ("today", "on Tuesday")."""
    w = words()
    for _ in range(3):
        if i < stop and (tokens[i].norm in w.inserted_adverbs or tokens[i].norm in w.weekdays):
            i += 1
        elif i + 1 < stop and tokens[i].norm == "on" and tokens[i + 1].norm in w.weekdays:
            i += 2
        else:
            break
    return i


def _appositive_end(tokens: list[Token], comma: int, stop: int) -> int | None:
    """The closing comma of a short capitalised appositive opened at `comma` (", UNHCR,"), or None."""
    if tokens[comma].norm != ",":
        return None
    for k in range(comma + 1, min(comma + 5, stop)):
        if tokens[k].norm == ",":
            return k if k > comma + 1 and tokens[comma + 1].capitalised else None
        if tokens[k].norm in words().clause_break:
            return None
    return None


def _venue_after(tokens: list[Token], first: int, end: int, sent: Sentence, mentions: list[Mention],
                 places: list[Location]) -> bool:
    """Whether a guest and then where it is received follow a welcome ("welcomed Modi to the White House", "welcomed
    the Kenyan president at the State House", "welcomed Xi in Moscow"): a person or a state named right before the
    preposition, a place, a state, a venue word or a capitalised name (not an acronym: "welcomed Finland to NATO"
    is a membership) after it."""
    # (a name the mention leaves out may close it: "Ethiopian Prime Minister Abiy Ahmed")
    if not any(first < m.first and m.last <= end - 1 and all(tokens[j].capitalised for j in range(m.last, end - 1))
               and not m.locative and not m.guessed and not m.people and m.kind in ("person", "state")
               and m.code_prefix is None and not set(m.agents) & codes().private_agents
               and not any(tokens[j].norm in words().guest_stops for j in range(first + 1, m.first))
               for m in mentions):
        # "welcomed the vote in parliament", "welcomed the U.S. announcement in Geneva", "received Somali refugees in
        # Dadaab", "received a call from Putin in Delhi": no guest
        return False
    k = end
    if k < sent.last and tokens[k].norm in words().determiners:
        k += 1
    if k >= sent.last:
        return False
    t = tokens[k]
    if any(loc.span is not None and loc.span.start == t.start for loc in places):
        return True
    at = next((m for m in mentions if m.first == k), None)
    if at is not None:
        return at.code_prefix is None
    return t.norm in words().venue_nouns or (t.capitalised and not t.text.isupper())


def _hits(lex: Lexicon, tokens: list[Token], anchors: list[tuple[int, int]], sent: Sentence,
          mentions: list[Mention] | None = None, places: list[Location] | None = None) -> list[_Hit]:
    found = []
    w = words()
    for first, pidx in anchors:
        if first > sent.first and tokens[first - 1].text == "-":
            continue  # a compound adjective ("Israeli-occupied", "US-led"), not an action
        if (first > sent.first and tokens[first].capitalised and tokens[first - 1].capitalised
                and tokens[first - 1].text.isalpha() and tokens[first - 1].text not in w.not_names
                and not lex.patterns[pidx].compound_parties):
            # inside a name ("the African Union Support and Stabilization Mission", "TechMoat Consulting"); a meeting's
            # name after a compound of its parties is the meeting ("the U.S.-India Strategic Dialogue")
            continue
        if first + 1 < sent.last and tokens[first + 1].norm in w.not_a_verb_before.get(tokens[first].norm, ()):
            continue  # "close to the border": near, not shut
        if first > sent.first and tokens[first - 1].norm in w.not_a_verb_after.get(tokens[first].norm, ()):
            continue  # "the upper hand over the insurgents": no handing over
        p = lex.patterns[pidx]
        end = _match_slots(p.slots, tokens, first, sent.last)
        if end is None:
            continue
        if p.compound_parties and not _compound_parties(mentions or [], tokens, _Hit(p, first, end), sent):
            continue  # (a bare "relations", "prisoner swap": it gives way to any other phrase on the word)
        if p.venue_after and not _venue_after(tokens, first, end, sent, mentions or [], places or []):
            continue  # "welcomed the decision to lift sanctions": praise, no guest received
        # what the words around a matched phrase say of it (most anchors match no phrase: these walks come after)
        if context.setting_noun(tokens, first, sent):
            continue
        if context.adjectival(tokens, first, sent):
            continue  # "read out the charges, alleged conspiracies": no allegation made
        if tokens[first].norm in w.threat_verbs and any(
                tokens[k].norm in w.endangered_objects for k in range(first + 1, min(first + 5, sent.last))):
            continue  # "threatening the territorial integrity of the country": a thing endangered, no threat made
        if p.code[:2] in codes().violent_roots and (context.referenced_attack(tokens, first, sent)
                                                     or context.accident(tokens, first, sent)):
            continue
        if (context.standing_status(tokens, first, sent) or context.of_reference_head(tokens, first, sent)
                or context.named_decision(tokens, first, sent) or context.refused_proposal(tokens, first, sent)
                or context.cause_noun(tokens, first, sent)
                or context.ceased(tokens, first, sent) or context.since_clause(tokens, first, sent)
                or context.in_condition(tokens, first, sent) or context.described_use(tokens, first, sent)
                or context.war_toll(tokens, first, sent) or context.observers_forecast(tokens, first, sent)
                or context.private_act(tokens, first, end, sent, aid=p.code[:2] == codes().aid_root)):
            continue
        if (any(k >= sent.first and tokens[k].norm in w.hypothetical_determiners for k in (first - 1, first - 2))
                and not (first - 1 > sent.first and tokens[first - 1].norm in w.clause_break)):
            continue  # "any Indian attack would be met with force": a hypothetical act
        if end < sent.last and tokens[end].norm in w.negated_objects:
            continue  # "offered no evidence", "made no mention": nothing was offered
        if any(tokens[k].norm in w.press_objects for k in range(end, min(end + 2, sent.last))):
            continue  # "declined to comment", "requesting comment": the press's business
        if (p.code[:2] in codes().refusal_roots and tokens[end - 1].norm == "to" and end < sent.last
                and (tokens[end].norm in w.determiners or tokens[end].text[:1].isdigit())):
            continue  # "the number of refugees declined to the current figure", "declined to 230,000": a fall
        if p.code[:2] == "04" and _received(tokens, end, sent):
            continue  # "the offensive has met with surprising success", "met with resistance from": no meeting
        found.append(_Hit(p, first, end))
    # a phrase inside a longer one ("strike" in "hunger strike") gives way, and so does one overlapping an
    # earlier phrase of the same event type ("holding talks with": "hold~ * talks" and "talks with")
    # and a phrase starting inside another one ("visit to" in "cancelled a planned visit to Haiti")
    found.sort(key=lambda h: (h.first, -(h.last - h.first)))
    kept: list[_Hit] = []
    for h in found:
        if any((k.first <= h.first and h.last <= k.last and (k.last - k.first) > (h.last - h.first))
               or (h.first < k.last and k.pattern.code[:2] == h.pattern.code[:2])
               or (k.first < h.first < k.last) for k in kept):
            continue
        kept.append(h)
    return kept


def _received(tokens: list[Token], end: int, sent: Sentence) -> bool:
    """Whether a reception noun closes the words after a meeting phrase ending at `end` ("met with surprising
    success", "met with resistance from Kenya"; not "met with opposition leaders")."""
    w = words()
    start = end + 1 if end < sent.last and tokens[end].norm == "with" else end
    for k in range(start, min(start + 2, sent.last)):
        if tokens[k].norm in w.reception_nouns and (
                k + 1 == sent.last or not tokens[k + 1].text.isalpha() or tokens[k + 1].norm in w.reception_followers):
            return True
    return False


def _expand(m: Mention) -> list[Mention]:
    return m.members or [m]


def _conjuncts(mentions: list[Mention], m: Mention, tokens: list[Token], forward: bool) -> list[Mention]:
    """The mentions coordinated with m ("Japan and Vietnam", "Iran, Libya and Cuba").

    A comma alone does not coordinate ("Beyond Ukraine, G7 ministers"): a list needs an "and"/"or" link.
    """
    if m not in mentions:
        return [m]  # an actor made from a place: it coordinates with nothing
    w = words()
    ordered = mentions if forward else list(reversed(mentions))
    chain: list[Mention] = [m]
    links: list[list[str]] = []
    cur = m
    for nxt in ordered[ordered.index(m) + 1 :]:
        between = tokens[cur.last : nxt.first] if forward else tokens[nxt.last : cur.first]
        norms = [t.norm for t in between]
        if len(chain) >= MAX_CONJUNCTS:
            break
        opens_clause = forward and nxt.last < len(tokens) and tokens[nxt.last].norm in w.speech
        if (norms and all(n in w.conjunct_words for n in norms) and ("and" in norms or "," in norms)
                and not opens_clause):  # ", and the United Nations says": a new clause, not a second target
            chain.append(nxt)
            links.append(norms)
            cur = nxt
        else:
            break
    if not forward and links and ("and" in links[0] or "or" in links[0]):
        # "Greece, Panama and South Korea supported": read backwards the list's "and" comes first and commas
        # before it go on listing, up to an item after a preposition ("Beyond Ukraine, G7 ministers and ..."),
        # unless the preposition opens the list of the parties ("the ministers of Britain, France and Italy")
        for k in range(1, len(chain)):
            first = chain[k].first
            if (first > 0 and tokens[first - 1].norm in w.phrase_prepositions
                    and not (first > 1 and tokens[first - 1].norm in w.party_list_links
                             and (tokens[first - 2].norm in w.plural_titles
                                  or tokens[first - 2].norm in w.party_list_heads))):
                return chain[:k]
        return chain
    # keep the chain up to the last link that holds a conjunction
    last_and = max((k for k, link in enumerate(links) if "and" in link or "or" in link), default=-1)
    end = chain[-1].last
    if (forward and last_and < len(links) - 1 and end + 1 < len(tokens) and tokens[end].norm in ("and", "or")
            and tokens[end + 1].norm in w.list_closers):
        return chain  # "to Honduras, Venezuela or other countries": the list's "or" links what it does not name
    return chain[: last_and + 2]


def _companions(mentions: list[Mention], tokens: list[Token], src: Mention, first: int,
                sent: Sentence) -> list[Mention]:
    """The subject and the actors it acts with, when the subject names them after a companion phrase ("The United
    States, along with Britain and France, called for ...", "Brazil, joined by Chile, urged ..."); [] if none.

    The phrase must follow an actor and its list must end right before the act (closed by a comma when a comma
    opened it): "X met Y along with Z" names no companion of the subject."""
    w = words()
    before = [m for m in mentions if not m.locative and m.first >= sent.first and m.last <= first]
    for i, head in enumerate(before):
        for nxt in before[i + 1 :]:
            norms = [t.norm for t in tokens[head.last : nxt.first]]
            opened = bool(norms) and norms[0] == ","
            core = norms[1:] if opened else norms
            while core and core[-1] in w.determiners:
                core = core[:-1]
            if " ".join(core) not in w.companion_phrases:
                continue
            chain = _conjuncts(mentions, nxt, tokens, forward=True)
            end = chain[-1].last
            tail = [t.norm for t in tokens[end:first]]
            if opened and (not tail or tail[0] != ","):
                break
            relative = len(tail) > 2 and tail[1] in w.companion_relatives and tail[-1] == ","
            if not relative and (any(n not in (",", "on") and n not in w.status_adverbs and n not in w.weekdays
                                     for n in tail) or len(tail) > 4):  # (", on Monday called for")
                break
            group = [head, *chain]
            # (the relative clause's own actors are not the subject: "which the Trump administration left")
            return group if src in group or (relative and src.first >= end) else []
    return []


def _commas(tokens: list[Token], a: int, b: int) -> int:
    return sum(1 for t in tokens[a:b] if t.norm == ",")


def _subject(mentions: list[Mention], tokens: list[Token], first: int, sent: Sentence,
             speaker_ok: bool = True, victim_ok: bool = True) -> Mention | None:
    """Nearest actor before `first` that is not inside a parenthetical or an introductory clause. With
    `speaker_ok` False, an actor with a speech verb between it and `first` is passed over: "the United
    Nations says both sides committed abuses" does not make the UN the abuser. With `victim_ok` False, so is one
    an attack is on: "airstrikes by Russia on Ukrainian cities killed 12" (Russia killed them)."""
    fallback = None
    # ", holding talks with": a participle after a comma takes the subject of the clause before it
    # (", while condemning", ", after meeting": a subordinator may come between)
    k = first - 1
    if k - 1 >= sent.first and tokens[k].norm in words().participle_subordinators:
        k -= 1
    participle = k >= sent.first and tokens[k].norm == "," and tokens[first].norm.endswith("ing")
    before = [m for m in mentions if m.last <= first]
    for m in reversed(before):
        if m.locative:
            continue
        if m.last == first and m.first > sent.first and tokens[m.first - 1].norm in words().modifier_possessives:
            continue  # "Russia used its Security Council veto": the Council names the veto, Russia vetoes
        if not speaker_ok and _reports_another(tokens, m.last, first):
            continue
        if not victim_ok and m.first > sent.first and tokens[m.first - 1].norm in words().victim_links:
            continue
        if _backer(mentions, tokens, m, sent):
            continue  # "Houthi fighters backed by Iran attacked ships": Iran backs the subject
        n = _commas(tokens, m.last, first)
        if n == 0:
            return _head_of(before, m, tokens, sent)
        if n == 1 and _relative_subject(tokens, m.last, first):
            return m  # "protesters, some of whom threw rocks at police": they threw them
        if participle and n == 1:
            # "Pakistani officials blamed India, accusing it of ...": the participle's subject is the clause's, not
            # the object of its verb
            return _verb_subject(mentions, tokens, m, sent) or _head_of(before, m, tokens, sent)
        if n % 2 == 0 and fallback is None:
            fallback = m
    if fallback is None and first - 1 >= sent.first and tokens[first - 1].norm == ",":
        # "Kenzo Oshima, the United Nations relief coordinator, demanded": the appositive stands in
        fallback = next((m for m in reversed(mentions) if m.last <= first and not m.locative
                         and _commas(tokens, m.last, first) == 1), None)
    if fallback is None:
        # "Salaheddine Sidhoum, Algeria's leading activist, staged a hunger strike": an appositive right
        # after the sentence's first name, closed by the only comma before the verb
        fallback = next((m for m in mentions if m.last < first and not m.locative
                         and m.first - 1 > sent.first and tokens[m.first - 1].norm == ","
                         and tokens[m.last].norm == "," and _commas(tokens, sent.first, m.first) == 1
                         and _commas(tokens, m.last, first) == 1
                         and tokens[sent.first].capitalised), None)
    if fallback is None:
        fallback = _included_subject(mentions, tokens, first, sent)
    return fallback


def _relative_subject(tokens: list[Token], end: int, first: int) -> bool:
    """Whether the words from a mention's end to `first` are a comma, then a relative clause's opening with part of
    the mention as its subject ("some of whom", "many of whom"), then only auxiliaries and adverbs."""
    w = words()
    k = end + 1
    if not (k + 2 < first and tokens[end].norm == "," and tokens[k].norm in w.relative_subject_quantifiers
            and tokens[k + 1].norm == "of" and tokens[k + 2].norm == "whom"):
        return False
    k += 3
    return all(tokens[x].norm in w.subject_auxiliaries or tokens[x].norm in w.pronoun_adverbs
               or tokens[x].norm.endswith("ly") for x in range(k, first))


def _included_subject(mentions: list[Mention], tokens: list[Token], first: int, sent: Sentence) -> Mention | None:
    """The actor an inclusion names when the subject before it names none: "Immigration rights groups, including
    the American Civil Liberties Union, have filed lawsuits" (the ACLU); None unless the inclusion's closing comma
    is followed only by auxiliaries and adverbs up to `first`."""
    w = words()
    close = first - 1
    while close > sent.first and (tokens[close].norm in w.subject_auxiliaries or tokens[close].norm in w.pronoun_adverbs
                                  or tokens[close].norm in w.be_forms):
        close -= 1
    if close <= sent.first or tokens[close].norm != ",":
        return None
    opener = next((k for k in range(close - 1, sent.first, -1) if tokens[k].norm in w.clause_break
                   or tokens[k].norm in w.inclusion_openers), None)
    if opener is None or tokens[opener].norm not in w.inclusion_openers or tokens[opener - 1].norm != ",":
        return None
    if any(sent.first <= m.first and m.last <= opener - 1 and not m.locative for m in mentions):
        return None  # "Japan, including its coast guard, ...": the subject is an actor itself
    inside = [m for m in mentions if opener < m.first and m.last <= close and not m.locative]
    return inside[-1] if inside else None


def _backer(mentions: list[Mention], tokens: list[Token], m: Mention, sent: Sentence) -> bool:
    """Whether m (or the list it ends) is the agent of a backing participle: "fighters backed by Iran and Russia"."""
    w = words()
    inside = {k for x in mentions if x.first >= 0 and x.last <= m.first for k in range(x.first, x.last)}
    k = m.first - 1
    while k - 1 >= sent.first and m.first - k <= 12:
        if tokens[k].norm == "by":
            return tokens[k - 1].norm in w.backing_participles
        if not (k in inside or tokens[k].norm in w.conjunct_words or tokens[k].norm in w.determiners):
            return False
        k -= 1
    return False


def _modal_subject(mentions: list[Mention], tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether the subject of a "must", "should" or "needs to" at `first` may be an actor: not a word that names
    no one ("refugees who must be treated", "one should not read too much into it", "there will be a need to"),
    nor a thing the last actor named before it is the object of a preposition of ("talks with China must
    continue", "its border with Kenya should be extended"; "the government of Poland must" names the actor)."""
    w = words()
    if first > sent.first and tokens[first - 1].norm in w.modal_non_subjects:
        return False
    m = next((x for x in reversed(mentions) if x.last <= first and not x.locative), None)
    if (m is not None and tokens[first - 1].norm not in w.speaker_pronouns
            and any(tokens[k].norm in w.complementizers for k in range(m.last, first))):
        return False  # "reminded reporters that the talks must continue": the actor is not what "must" is said of
    if m is not None and any(tokens[k].norm == "that" and k - 1 >= sent.first and tokens[k - 1].norm in w.rule_verbs
                             for k in range(max(sent.first, m.first - 3), m.first)):
        return False  # "the constitution mandates that the president must be Muslim": what a rule lays down
    if m is None or m.first - 2 < sent.first or tokens[m.first - 1].norm not in w.thing_prepositions:
        return True
    k = m.first - 2  # the word the preposition hangs on: an actor ("the rebels in ...") or a thing
    return any(x.first <= k < x.last for x in mentions)


def _mentions_before(mentions: list[Mention], first: int) -> bool:
    """Whether an actor is named before token `first` (one not taken as the subject is still a suspect)."""
    return any(m.last <= first for m in mentions)


def _object_skipped(mentions: list[Mention], tokens: list[Token], first: int, sent: Sentence) -> Mention | None:
    """The subject of a verb coordinated with an earlier one that is no event phrase: "the military removed
    Bashir and jailed him": Bashir is the first verb's object, the military the subject of both."""
    m = _subject(mentions, tokens, first, sent)
    # (the object may have words after it: "a court sentenced Dodik to one year in prison and banned him")
    if m is None or m.last >= first or any(tokens[k].norm in words().clause_break for k in range(m.last, first)):
        return m
    return _verb_subject(mentions, tokens, m, sent) or m


def _verb_subject(mentions: list[Mention], tokens: list[Token], m: Mention, sent: Sentence) -> Mention | None:
    """The subject of the verb m is the object of ("removed Bashir", "blamed archrival India"), if a lower-case
    word that may be a verb stands before m (its determiners aside); None if none does."""
    w = words()
    k = m.first - 1
    while k >= sent.first and tokens[k].norm in w.determiners and tokens[k].norm not in w.not_verbs:
        k -= 1
    verb = tokens[k] if k >= sent.first else None
    if verb is None or not verb.text.isalpha() or not verb.text.islower() or verb.norm in w.not_verbs:
        return None
    return _subject(mentions, tokens, k, sent)


def _refer(m: Mention) -> Mention:
    """The mention a pronoun stands for, else the mention itself."""
    return m.refers_to or m


def _same_actor(a: Mention, b: Mention) -> bool:
    """Whether two mentions name one actor: the same person, or the same code and words."""
    return a is b or (a.code == b.code and ((a.name is not None and a.name == b.name) or a.text == b.text))


def _said_about(mentions: list[Mention], tokens: list[Token], h: _Hit, src: Mention,
                sent: Sentence) -> Mention | None:
    """The one a criticism with no one named in its clause is about, named in the saying that follows it: "his
    mission criticized it, saying that Washington openly seeks to weaponize the council": Washington."""
    w = words()
    for k in range(h.last, min(h.last + 4, sent.last - 1)):
        if tokens[k].norm == "," and tokens[k + 1].norm in w.charge_clauses:
            return next((m for m in mentions if m.first > k + 1 and not m.locative and m.country != src.country
                         and tokens[m.first].norm not in w.first_person), None)
    return None


def _quoted_accused(mentions: list[Mention], tokens: list[Token], h: _Hit, src: Mention,
                    sent: Sentence) -> Mention | None:
    """The one a quotation charges, when its speaker's verb of charging follows it: '"The American side has
    violated the agreement," Akhundzada alleged': the first actor of the quotation other than the speaker's side."""
    w = words()
    k = src.first - 1
    if not (src.last == h.first and k > sent.first and tokens[k].norm in w.closing_quotes
            and tokens[k - 1].norm == ","):
        return None
    return next((m for m in mentions if m.last <= k and not m.locative and m.country != src.country
                 and tokens[m.first].norm not in w.first_person), None)


def _reports_another(tokens: list[Token], a: int, b: int) -> bool:
    """Whether a speech verb between a and b introduces a clause about someone else: "the UN says both
    sides committed abuses" (yes), "the military said it killed 33 militants" (no: "it" is the speaker)."""
    w = words()
    for k in range(a, b):
        if tokens[k].norm in w.speech:
            if tokens[k].norm.startswith("claim") and k + 1 < b and tokens[k + 1].norm in w.admission_objects:
                return False  # "claimed responsibility for the attack", "claimed the killing": an admission
            if (k + 2 < b and tokens[k + 1].norm == "to" and tokens[k + 2].norm in ("be", "have")
                    and tokens[k - 1].norm not in w.be_forms):
                # "claimed to be holding 200 hostages", "claimed to have killed": the claimant acts ("doctors were
                # said to be struggling" is said of them)
                return False
            j = k + 1
            while j < b and (tokens[j].norm in w.speech_fillers or tokens[j].norm in w.weekday_index):
                j += 1
            return not (j < b and tokens[j].norm in w.speaker_pronouns)
    return False


def _head_of(mentions: list[Mention], m: Mention, tokens: list[Token], sent: Sentence) -> Mention:
    """The actor an "of" phrase hangs on: "supporters of former President Ben Bella blocked roads" -> the
    supporters, not Ben Bella; "the U.N. special envoy for Syria called for" -> the envoy."""
    k = m.first - 1
    while k >= sent.first and tokens[k].norm in words().head_modifiers:
        k -= 1
    if k > sent.first and tokens[k].norm in words().head_prepositions:
        head = next((h for h in mentions if h.last == k and not h.locative), None)
        if head is not None:
            return head
    return m


def _speaker(mentions: list[Mention], tokens: list[Token], sent: Sentence, quoted: bool = False) -> Mention | None:
    """Who the sentence reports. `quoted`: a quotation is open at its start. A speech verb inside a quotation is
    the quoted words' own, not the attribution ('"We are grateful that President Trump said he will help," Lai
    said': Lai speaks), when the sentence attributes the quotation outside it."""
    speech = words().speech
    inside, quoted_at = quoted, set()
    for k in range(sent.first, sent.last):
        was, inside = inside, quoting(inside, tokens[k])
        if was and inside:
            quoted_at.add(k)
    outside = any(tokens[k].norm in speech for k in range(sent.first, sent.last) if k not in quoted_at
                  and tokens[k].text.isalpha())
    for k in range(sent.first, sent.last):
        if outside and k in quoted_at:
            continue
        according = tokens[k].norm == "according" and k + 1 < sent.last
        if tokens[k].norm in speech or according:
            # the name after the verb speaks only in the inverted order ('..., said Lavrov', 'according to X');
            # in "says Washington needs to act" it is the reported clause's subject
            inverted = according or k == sent.first or tokens[k - 1].norm in words().inversion_marks
            for m in mentions:
                if m.last == k or m.last + 1 == k or (inverted and m.first in (k + 1, k + 2)):
                    return m
        elif tokens[k].norm in words().speech_participles and k - 1 > sent.first and tokens[k - 1].norm == ",":
            # "Lammy echoed this sentiment during interviews, saying, ...": the sentence's subject says it
            # (one that opens the sentence or follows its introductory phrase: no actor named inside an object)
            first = next((m for m in mentions if not m.locative), None)
            if first is not None and first.last < k and (tokens[first.first - 1].norm == "," or all(
                    tokens[j].norm in words().determiners for j in range(sent.first, first.first))):
                return first
    return None


def _owner_of_noun(tokens: list[Token], m: Mention, hit: _Hit) -> bool:
    """Whether an actor inside a phrase owns the noun after it ("reaffirmed U.S. support for", "expressed Japan's
    commitment to"): whose the support is, not the one it is for (unlike "protested to China over")."""
    if tokens[m.last - 1].norm == "'s":
        return True
    nxt = tokens[m.last] if m.last < hit.last else None
    return nxt is not None and nxt.text.isalpha() and nxt.text.islower() and nxt.norm not in words().phrase_links


def _self_addressed(home: Mention, source: Mention, code: str) -> bool:
    """Whether the story's state, standing in for a recipient the text does not name, is the source's own state for
    an act no state aims at itself: an appeal by the state named as a whole ("France urged all sides to show
    restraint"), a sanction ("Washington imposed new sanctions last week"). Accusations, rejections and threats with
    no one named stay at home: the gold codes them X -> X."""
    c = codes()
    if home.country != source.country:
        return False
    return code[:2] in c.outward_material_roots or (
        code[:2] in c.request_roots and source.kind == "state" and not source.agents)


def _target_after(mentions: list[Mention], tokens: list[Token], hit: _Hit, sent: Sentence,
                  source: Mention | None, threat: bool = False, addressed: bool = True) -> Mention | None:
    """The first actor after the phrase's first word in the same clause ("give Tanzania a grant" counts).

    Preference: another actor; then a state named as a place ("blocked streets in Hong Kong in defiance of
    Chinese authorities" -> the authorities); then the source's own country ("Britain mobilized army
    reservists for a war against Iraq" -> Iraq, not the reservists). A threat with no one in its own clause
    is aimed at whoever its condition names ("threatened to strike unless Israel rescinded ..."). `addressed`:
    a `target: end` phrase's own actor is the target when none follows (not for a phrase stretched over its
    agents: "the withdrawal of U.S. and NATO troops").
    """
    best: tuple[int, Mention] | None = None
    inside: Mention | None = None
    start = max(hit.last, hit.first + 1)
    for m in mentions:
        # (a speaker named after the phrase, "..., Benin police said", does not hide the actors before it;
        # a `target: end` phrase looks only past its last word: the actor inside it is the one addressed, the
        # target when none follows: "protested to China over the ship seizure")
        if (addressed and hit.pattern.target == "end" and hit.first < m.first and m.last <= hit.last and inside is None
                and m is not source and not m.locative and not (source is not None and _refer(m) is _refer(source))
                and tokens[m.first].norm not in words().first_person and not _owner_of_noun(tokens, m, hit)):
            inside = m
        if m.first <= hit.first or m is source or (hit.pattern.target == "end" and m.first < hit.last):
            continue
        if hit.pattern.target_reach is not None and m.first - hit.last > hit.pattern.target_reach:
            break  # "intervened in a case like Khalil's": what comes between is what the act is on
        if source is not None and _refer(m) is _refer(source):
            continue  # "warned that it will ...": the source itself
        if (source is not None and m.kind == "state" and source.kind == "state" and not m.agents and not m.members
                and m.code == source.code and hit.pattern.code[:2] in codes().outward_roots):
            # "Moscow called for Russia-Ukraine talks": a state named again is not the recipient of its own appeal
            # or offer (its material acts at home are: "a Pakistani operation in Pakistan's northwest")
            continue
        if m.first >= 0 and tokens[m.first].norm in words().first_person:
            continue  # "we are prepared to do our part": the speaker's own side is no recipient
        by = m.first - 1 - (m.first - 1 > start and tokens[m.first - 1].norm in words().determiners)
        if by - 1 >= start and tokens[by].norm == "by" and tokens[by - 1].norm in words().go_between_participles:
            break  # "agreed to a ceasefire brokered by the United States and France": a go-between, no recipient
        if hit.pattern.target == "within" and m.first >= hit.last:
            # "rejected Pakistan's allegation that ...", "dismissed accusations it is getting weapons from X":
            # the accuser is in the phrase or after "by"; what follows is the content of the accusation
            return _by_agent(mentions, tokens, hit.last, sent, reach=1)
        if hit.pattern.target == "object" and m.first >= hit.last:
            return None  # "accused YChina of supporting propaganda about Hong Kong": what follows is the charge
        allowed = words().conditions if threat and best is None else frozenset()
        if m.first > start and (m.first - start > TARGET_WINDOW or (
                _stops(tokens, start, m.first, allowed) and not _name_described(tokens, start, m))):
            break
        if hit.pattern.code[:2] == "04" and _meeting_topic(tokens, hit.last, m):
            continue  # "held talks on Ukraine": what the meeting is about, not who takes part
        # the source's own organs ("Britain mobilized army reservists for a war against Iraq") give way;
        # its state named as such ("French farmers would blockade Paris") does not
        # (rebels and the opposition of the source's state are its adversaries, not its organs: "Burmese troops
        # captured a Karen guerrilla stronghold on the Thai border" targets the guerrillas)
        own = (source is not None and source.country is not None and m.country == source.country
               and m.kind != "person" and not m.members and (bool(m.agents) or m.first != start)
               and not (set(m.agents) & words().adversary_agents and not m.guessed
                        and not set(source.agents) & words().adversary_agents))
        # ("concerned about the latest IAEA report about Iran's production": the reporter is no one disapproved of)
        reporter = (hit.pattern.code[:2] in codes().concern_roots and m.last < len(tokens)
                    and tokens[m.last].norm in words().report_nouns)
        rank = 2 if own else 1 if ((m.locative and m.kind == "state" and not m.agents) or reporter) else 0
        if rank == 0:
            return m
        if best is None or rank < best[0]:
            best = (rank, m)
    return best[1] if best else inside


def _name_described(tokens: list[Token], start: int, m: Mention) -> bool:
    """Whether actor `m` opens the appositive that describes a name no actor data holds, right after the phrase:
    "stormed the Mavi Marmara, a Turkish-owned ship", "detained John Smith, a British citizen", "to imprison X, a
    local U.S. consulate employee": whose the name is (not a place the appositive names: "shelled Rafah, a city
    near the Egyptian border")."""
    w = words()
    k = start
    if k < m.first and tokens[k].norm in ("the", "a", "an"):
        k += 1
    name = k
    while k < m.first and tokens[k].capitalised and tokens[k].text.isalpha():
        k += 1
    if not name < k <= name + 4 or k + 2 > m.first or tokens[k].norm != "," or tokens[k + 1].norm not in ("a", "an"):
        return False
    between = tokens[k + 2 : m.first]
    return (len(between) <= 2 and not m.locative and m.kind != "person"
            and all(t.text.isalpha() and t.text.islower() and t.norm not in w.thing_prepositions for t in between))


def _decider(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> Mention | None:
    """The actor whose decision an infinitive phrase at `h` spells out: "angered by a Turkish court ruling on
    Wednesday to continue to imprison X", "Russia's decision to expel ten diplomats" (words.yaml deciding_nouns)."""
    w = words()
    for m in mentions:
        k = m.last
        if m.locative or k >= h.first:
            continue
        if tokens[k].norm == "'s":
            k += 1
        if k < h.first and tokens[k].norm in w.deciding_nouns and h.first - 1 - k <= 5 and not _stops(
                tokens, k, h.first) and not any(k < x.first < h.first for x in mentions):
            return m
    return None


def _meeting_topic(tokens: list[Token], last: int, m: Mention) -> bool:
    """Whether actor m, after a meeting phrase ending at `last`, is in what the meeting is about ("held a session
    focused on challenges posed by China") rather than a party to it ("talks on trade with Japan")."""
    w = words()
    if m.first - 1 >= last and tokens[m.first - 1].norm in w.meeting_partners:
        return False
    return any(_topic_word(tokens, k) for k in range(last, m.first))


def _topic_word(tokens: list[Token], k: int) -> bool:
    """Whether token k opens a meeting's topic: "on" before a day or a date is a time ("on Saturday between")."""
    w = words()
    if tokens[k].norm not in w.meeting_topics:
        return False
    nxt = tokens[k + 1] if k + 1 < len(tokens) else None
    return not (nxt is not None and (nxt.norm in w.since_times or nxt.text[:1].isdigit()))


def _condition_named(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence,
                     source: Mention | None) -> Mention | None:
    """A threat with no one after it whose condition comes first: the actor that condition names ("If the United
    States imposes sanctions, Turkey will retaliate", "but if they turn against us, then we will retaliate")."""
    w = words()
    opener = None
    for k in range(h.first - 1, sent.first - 1, -1):
        if tokens[k].norm in w.conditions:
            opener = k
            break
        if tokens[k].norm in w.speech:
            return None  # (a condition of another clause, told before its speaker)
    if opener is None:
        return None
    for m in mentions:
        if not opener < m.first < h.first or m.locative or m is source:
            continue
        if tokens[m.first].norm in w.first_person or (source is not None and _refer(m) is _refer(source)):
            continue
        return m
    return None


def _stops(tokens: list[Token], a: int, b: int, allowed: frozenset[str] = frozenset()) -> bool:
    """Whether the clause ends between tokens a and b; a parenthesis ("Facilities (UCF) in Iran") does not
    end it, but an actor inside one is not the target."""
    w = words()
    depth = 0
    for k in range(a, b):
        t = tokens[k]
        if t.norm == "(":
            depth += 1
        elif t.norm == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and t.norm in w.target_stop and t.norm not in allowed:
            return True
        elif depth == 0 and t.norm in w.gerund_clause and k + 1 < b and tokens[k + 1].norm.endswith("ing"):
            return True  # "demanded a truce before allowing U.N. convoys": a clause of its own
    return depth > 0


def _by_agent(mentions: list[Mention], tokens: list[Token], last: int, sent: Sentence,
              reach: int = 4, from_ok: bool = False) -> Mention | None:
    """The actor of "by X" after a passive phrase; `reach` words on ("accused of misusing funds, much of it
    embezzled, by Haitian officials" needs a long reach; "by killing" is a means, not an agent). With `from_ok`
    (a phrase passive in itself) "from" right after the phrase names it too: "drew criticism from rights
    groups", "came under fire from rebels"."""
    for k in range(last, min(last + reach, sent.last)):
        far = k - last >= 4  # far from the phrase, only a "by" after a comma closes the passive's object
        agent_word = tokens[k].norm == "by" or (from_ok and k == last and tokens[k].norm == "from")
        if (agent_word and not (k + 1 < sent.last and tokens[k + 1].norm.endswith("ing"))
                and (not far or tokens[k - 1].norm == ",")):
            for m in mentions:
                if m.first > k and m.first - k <= 4:
                    return m
    return None


def _general_object(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence, concern: bool) -> bool:
    """Whether a concern (`concern`) is about a situation with no party to it, or a criticism about any act of a kind:
    "expressed concern about heightened tensions on the Korean Peninsula", "condemns any violence against
    civilians" (words.yaml situation_nouns, general_determiners, after a concern's preposition, determiners,
    participles and situation_modifiers); not when an actor is named as the doer ("any attempt by China",
    "tensions between Japan and China", "Israeli violence", "the violence of the militias"), nor after other
    words ("the recent violence", "opposition to any attempts": an act told elsewhere, or another word's object)."""
    w = words()
    starts = {m.first for m in mentions}
    k, skipped = h.last, 0
    while (k < sent.last and skipped < 3 and k not in starts and tokens[k].text.isalpha() and tokens[k].text.islower()
           and (tokens[k].norm in w.determiners or tokens[k].norm in w.situation_modifiers
                or (k == h.last and tokens[k].norm in w.concern_prepositions)
                or tokens[k].norm.endswith(("ed", "ing")))):
        k, skipped = k + 1, skipped + 1
    if k >= sent.last or not (tokens[k].norm in w.general_determiners
                              or (concern and tokens[k].norm in w.situation_nouns)):
        return False
    for j in range(k + 1, sent.last):
        if tokens[j].norm in w.clause_break:
            break
        if tokens[j].norm in w.doer_links and any(j < m.first <= j + 3 for m in mentions):
            return False
    return True


def _named_by(tokens: list[Token], h: _Hit, t: Mention, sent: Sentence, nouns: frozenset[str] | set[str]) -> bool:
    """Whether a rejection's target is named as the maker of what the rejection names, one of `nouns`: "rejected
    Washington's offer", "turned down its new offer" (the sentence's earlier subject's), "rejected an offer from
    Kenya", "continues to defy calls, including by the Security Council, to ..."."""
    w = words()
    if t.last <= h.first and h.last < sent.last and tokens[h.last].norm in w.other_possessives:
        k = h.last + 1  # "rejected its offer": the possessive stands for the target named before
    elif t.first >= h.last:
        if t.first - 2 > h.first and tokens[t.first - 1].norm in ("from", "by"):
            return tokens[t.first - 2].norm in nouns  # "rejected an offer from Kenya"
        # ("Washington's offer", "the U.S. offer": the name, its possessive if any, then the offer)
        k = t.last + 1 if t.last < sent.last and tokens[t.last].norm == "'s" else t.last
    else:
        return False
    # (an adjective or two between: "its latest offer", "Washington's new peace offer"; not "a U.S. plan to offer")
    for j in range(k, min(k + 3, sent.last)):
        if tokens[j].norm in nouns:
            return True
        if not tokens[j].text.isalpha() or tokens[j].norm in w.not_verbs:
            return False
    return False


def _maker_after(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence,
                 nouns: frozenset[str] | set[str]) -> Mention | None:
    """The maker a rejection names after the thing rejected, past the clause's comma: "continues to defy calls,
    including by the Security Council, to end ...", "ignored calls from Uganda to withdraw"."""
    for j in range(h.first + 1, min(h.last + 3, sent.last - 2)):
        if tokens[j].norm not in nouns:
            continue
        k = j + 1
        if tokens[k].norm == "," and k + 1 < sent.last and tokens[k + 1].norm == "including":
            k += 2  # "calls, including by the Security Council,"
        if k < sent.last and tokens[k].norm in ("by", "from"):
            k += 1 + (k + 1 < sent.last and tokens[k + 1].norm == "the")
            if k < sent.last and tokens[k].text == "[":
                k += 1  # an editor's bracket in a quotation: "by the [U.N.] Security Council"
            return next((m for m in mentions if m.first == k and not m.locative), None)
        return None
    return None


def _protest_told(code: str, h: _Hit) -> bool:
    """A protest told with its verb ("protests erupted in Yangon", "demonstrations spread"), which needs no named
    protester; not the bare noun ("despite protests by businesses")."""
    return code[:2] == codes().protest_root and h.last > h.first + 1


def _mentioned_noun(tokens: list[Token], first: int, sent: Sentence) -> bool:
    """An event noun after a determiner names an event told elsewhere ("during the meeting", "a request
    for comment"), unless a light verb puts it on stage ("staged a hunger strike", "held a rally")."""
    w = words()
    if first <= sent.first or tokens[first - 1].norm not in w.determiners:
        return False
    return not (tokens[first - 1].norm in w.indefinite_articles and first - 2 >= sent.first
                and tokens[first - 2].norm in w.light_verbs)


def _told_act_judged(tokens: list[Token], sent: Sentence) -> int | None:
    """Where the participle is when an act noun opening the sentence is the subject of a passive verb that judges or
    answers it ("The invasion was condemned by the Security Council", "The attack was widely denounced"): the act
    told before, not a new one (not "The attack was carried out by ...", "was blamed on ...": its doer is named)."""
    w = words()
    k = sent.first + 2
    if k >= sent.last or tokens[sent.first].norm not in w.determiners:
        return None
    if tokens[sent.first + 1].norm not in w.by_agent_nouns and tokens[sent.first + 1].norm not in w.victim_acts:
        return None
    if tokens[k].norm in w.subject_auxiliaries:
        k += 1  # "has been", "had been"
    if k >= sent.last or tokens[k].norm not in w.be_forms:
        return None
    k += 1
    while k < sent.last and tokens[k].norm in w.passive_adverbs:
        k += 1
    return k if k < sent.last and tokens[k].norm in w.judged_participles else None


def _of_agents(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> list[Mention]:
    """The actors an "of" or "by" right after an event noun names as its agents ("withdrawal of U.S. and NATO
    troops", "a visit by the Japanese prime minister"), listed forward; none when no actor follows there."""
    if h.last + 1 >= sent.last or tokens[h.last].norm not in ("of", "by"):
        return []
    m = next((m for m in mentions if h.last < m.first <= h.last + 3 and not m.locative), None)
    if m is None or m.guessed:
        return []  # ("the withdrawal of some invasion forces": forces whose country is a guess name no one)
    return _conjuncts(mentions, m, tokens, forward=True)


def _noun_by_agents(mentions: list[Mention], tokens: list[Token], h: _Hit,
                    sent: Sentence) -> tuple[list[Mention], Mention | None]:
    """The doers a "by" after an act noun names, maybe past a participle of carrying it out ("the strike by Israel
    on Gaza", "airstrikes by Russia", "sanctions imposed by Washington on Beijing", "the raid carried out by the
    army"): they act, not the sentence's subject nor the place; none unless an actor follows "by" there ("the
    attack by night", "sanctions imposed by decree", "responded by expelling Russian diplomats"). With them the one
    the participle names before "by" ("sanctions imposed on Iran by the United States"), if it does."""
    w = words()
    if tokens[h.last - 1].norm not in w.by_agent_nouns:
        return [], None
    k = h.last
    recipient: Mention | None = None
    for phrase in sorted((x.split() for x in w.carried_out_by), key=len, reverse=True):
        if [t.norm for t in tokens[k : k + len(phrase)]] == phrase:
            k += len(phrase)
            if k < sent.last and tokens[k].norm in w.victim_links:
                recipient = next((m for m in mentions if k < m.first <= k + 2 and not m.guessed), None)
                k = recipient.last if recipient is not None else k
            break
    if k + 1 >= sent.last or tokens[k].norm != "by":
        return [], None
    m = next((m for m in mentions if k < m.first <= k + 3 and not m.locative), None)
    if m is None or m.guessed or any(t.norm.endswith("ing") for t in tokens[k + 1 : m.first]):
        return [], None
    return _conjuncts(mentions, m, tokens, forward=True), recipient


def _between_parties(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> list[Mention]:
    """The parties "between" names at the end of a joint act ("talks between Russia and North Korea", "expanding
    military cooperation between Russia and North Korea"): they act, not the subject of the sentence that tells
    of it ("the United States warned that ..."); none unless two or more actors are named there."""
    openers = words().party_openers
    # (the opener may stand inside the phrase: "brought together foreign ministers")
    at = next((k for k in range(h.last - 1, h.first, -1) if tokens[k].norm in openers), h.last)
    if at >= sent.last or tokens[at].norm not in openers:
        return []
    # ("brought together foreign ministers from Britain, Canada and France": people from a state are of it; a bare
    # word for people with no state of its own, "leaders", names none)
    listed = tokens[at].norm != "between"
    m = next((m for m in mentions if at < m.first <= at + (5 if listed else 3) and not (
        m.locative and not (listed and tokens[m.first - 1].norm == "from"))
        and not (listed and (m.guessed or (m.country is None and not m.code_prefix and not m.members)))), None)
    if m is None:
        return []
    if listed and tokens[m.last].norm in words().party_list_links:
        # "the leaders of Kenya, Uganda and Tanzania": the states after "of" are the parties
        m = next((n for n in mentions if m.last < n.first <= m.last + 2), m)
    group = _conjuncts(mentions, m, tokens, forward=True)
    return group if len(group) > 1 or m.members else []


def _compound_before(by_last: dict[int, Mention], tokens: list[Token], noun: int, sent: Sentence) -> list[Mention]:
    """The actors joined by hyphens that end up to five modifier tokens before `noun` ("India-China border talks",
    "the Japan-Philippines Foreign Ministers' Meeting"), last named first."""
    k = noun
    while k not in by_last and noun - k < 5 and k - 1 > sent.first and (
            tokens[k - 1].text.isalpha() or tokens[k - 1].text in ("'", "'s", "-")):
        k -= 1  # ("border", "nuclear", "Foreign Ministers'", "High-Level Economic": what it is about, not a party)
    # (or the last party takes the noun's first word as its people: "Russia-Ukraine prisoner swap")
    m = by_last.get(k) or next((m for m in by_last.values() if m.first < noun < m.last), None)
    group: list[Mention] = []
    while m is not None:
        group.append(m)
        if m.first - 2 < sent.first or tokens[m.first - 1].text not in words().compound_joiners:
            break
        m = by_last.get(m.first - 1)
    return group


def _compound_parties(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> list[Mention]:
    """The parties a compound before a joint act's noun names ("the U.S.-Japan summit", "India-China border talks",
    "the Japan-Philippines Foreign Ministers' Meeting"): two or more actors of different codes joined by hyphens or
    dashes (`_compound_before`); none when the act is not held (yet): "a planned Russia-Ukraine summit", "the U.S.-Iran
    talks will resume", "since the 2019 U.S.-North Korea summit"."""
    w = words()
    by_last = {m.last: m for m in mentions if not m.guessed and (m.country is not None or m.code_prefix)}
    # (before the phrase, or before its last word, the noun: "held the Kenya-Uganda summit")
    group = _compound_before(by_last, tokens, h.first, sent)
    if len(group) < 2 and h.last - 1 > h.first and tokens[h.last - 1].text.isalpha():
        group = _compound_before(by_last, tokens, h.last - 1, sent)
    if len(group) < 2 or len({g.code for g in group}) < 2:
        return []
    before = group[-1].first - 1
    for j in range(before, max(sent.first - 1, before - 4), -1):
        if tokens[j].norm in w.unrealised_before:
            return []
        if tokens[j].norm in w.clause_break:
            break
    while before > sent.first and (tokens[before].norm in w.determiners or tokens[before].text.isdigit()):
        before -= 1
    if before >= sent.first and tokens[before].norm in w.setting_prepositions:
        return []  # "since the 2019 U.S.-North Korea summit", "after the Russia-Ukraine prisoner swap": a setting
    if any(tokens[j].norm in w.unrealised_after for j in range(h.last, min(h.last + 3, sent.last))):
        return []
    return group[::-1]


def _hosted_compound(mentions: list[Mention], tokens: list[Token], h: _Hit, m: Mention,
                     sent: Sentence) -> list[Mention]:
    """The guests a host receives when its object is a meeting named by a compound of its parties ("Oman hosted
    U.S.-Iran talks", "Turkey hosted the Russia-Ukraine border talks"): all of them, not only the first named."""
    k = m.last
    while k + 1 < sent.last and tokens[k].text in words().compound_joiners and any(n.first == k + 1 for n in mentions):
        k = next(n.last for n in mentions if n.first == k + 1)
    if k == m.last:
        return []
    noun = next((j for j in range(k, min(k + 4, sent.last)) if tokens[j].norm in words().setting_nouns), None)
    if noun is None:
        return []
    group = _compound_parties(mentions, tokens, _Hit(h.pattern, noun, noun + 1), sent)
    return group if group and group[0] is m else []


def _from_agents(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> list[Mention]:
    """The sender a "from" right after a thing sent names ("transfers of munitions from North Korea to Russia",
    "shipments of weapons from Iran to the Houthis"), listed forward; none when no actor follows there."""
    w = words()
    # (more things sent may be listed first: "transfers of military equipment and munitions from ...")
    at = next((k for k in range(h.last, min(h.last + 5, sent.last - 1)) if tokens[k].norm == "from"), None)
    if at is None or any(tokens[k].norm in w.clause_break for k in range(h.last, at)):
        return []
    m = next((m for m in mentions if at < m.first <= at + 2), None)
    if m is None or m.guessed:
        return []
    return _conjuncts(mentions, m, tokens, forward=True)


def _thing_relative(m: Mention | None, tokens: list[Token], first: int, sent: Sentence) -> bool:
    """Whether the phrase at `first` is in a relative clause ("that is supported by", "which was backed by") whose
    antecedent is a thing: not the actor `m` the word order found further back."""
    w = words()
    k = first - 1
    while k > sent.first and (tokens[k].norm in w.be_forms or tokens[k].norm in w.passive_adverbs
                              or tokens[k].norm in ("has", "have", "had")):
        k -= 1
    if k <= sent.first or tokens[k].norm not in ("that", "which"):
        return False
    before = k - 1 if tokens[k - 1].norm == "," else k
    return m is None or m.last != before


def _requested(tokens: list[Token], h: _Hit, request_ends: list[int], sent: Sentence) -> bool:
    """Without a parse: whether the phrase is what an earlier appeal or demand of the sentence asks for ("called
    on all parties to reduce hostilities and resume talks", "demanded the release of prisoners"): an infinitive
    after it in the same clause, or its object."""
    w = words()
    for end in request_ends:
        if (end <= h.first and h.first - end <= TARGET_WINDOW and tokens[end - 1].norm in w.wish_modals
                and not any(tokens[k].norm in w.clause_break or tokens[k].norm in w.speech
                            for k in range(end, h.first))):
            return True  # "hopes the two countries can coordinate and work together": what is hoped for
        if end <= h.first and all(tokens[k].norm in w.determiners for k in range(end, h.first)) and h.first - end <= 2:
            return True  # "demanded the release of political prisoners": the thing demanded
        if (end < h.first and tokens[end].norm == "that" and h.first - end <= TARGET_WINDOW
                and not any(tokens[k].norm in w.clause_break for k in range(end, h.first))):
            return True  # "demands that Ukraine withdraw its troops", "urged that the deal be implemented"
        # (an opening quotation mark may come before the words quoted: 'called on China "to engage in talks"')
        if end <= h.first and h.first - end <= TARGET_WINDOW and any(
                tokens[k].norm == "to" for k in range(end, h.first)) and not any(
                (tokens[k].norm in w.clause_break and tokens[k].text not in w.quote_marks)
                or tokens[k].norm in w.speech for k in range(end, h.first)):
            return True
    return False


def _fronted_subject(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence,
                    violent: bool) -> Mention | None:
    """The subject of the main clause for a phrase inside the clause that opens the sentence: a participle's
    ("Threatening to kill the hostages, the BLA demanded", "Accusing Kyiv of sabotage, Russia expelled") or, for
    an act that is no force, a fronted preposition's ("Following talks with the Mauritian prime minister, both
    leaders reaffirmed", "After meeting Putin, Modi said"; not "After the attack on the convoy, police said"): the
    actor right after the comma that closes the clause (up to 4 words on), if no comma and no actor come before
    the phrase."""
    w = words()
    k = sent.first
    while k < h.first and tokens[k].norm in w.quote_marks:
        k += 1
    participle = tokens[k].capitalised and tokens[k].norm.endswith("ing")
    fronted = not violent and tokens[k].norm in w.fronting_prepositions and h.first <= k + 2
    if not (participle or fronted) or _commas(tokens, k, h.first) or any(m.first < h.first for m in mentions):
        return None
    comma = next((j for j in range(h.last, sent.last) if tokens[j].norm == ","), None)
    if comma is None:
        return None
    return next((m for m in mentions if comma < m.first <= comma + 4 and not m.locative), None)


def _is_passive(tokens: list[Token], first: int, sent: Sentence) -> bool:
    if tokens[first].norm.endswith("ing"):
        return False  # "have been pressuring": progressive, not passive
    w = words()
    k = first - 1
    while k >= sent.first and tokens[k].norm in w.passive_adverbs:
        if tokens[k].norm in w.passive_markers:
            return True
        k -= 1
    return k >= sent.first and tokens[k].norm in w.be_forms and tokens[first].norm.endswith(w.participle_endings)


def _reduced_passive(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> bool:
    """A participle right after a noun and right before "by" and an actor: "a meeting of the Council requested
    by the United States", "Somali forces backed by Djiboutian soldiers", "government troops, supported by the
    U.S. military, ...": the actor after "by" acts."""
    first = tokens[h.first]
    # (after a comma, an appositive: "troops, supported by ..."; the "by" may be the phrase's own: "backed by
    # *3 troops")
    noun = h.first - 2 if h.first - 2 >= sent.first and tokens[h.first - 1].norm == "," else h.first - 1
    by = _inner_by(tokens, h)
    return (h.first > sent.first and (h.last == h.first + 1 or by < h.last)
            and first.norm.endswith(words().participle_endings)
            and by < sent.last
            and tokens[by].norm == "by" and tokens[noun].text.isalpha()
            and tokens[noun].norm not in words().be_forms
            and _by_agent(mentions, tokens, by, sent, reach=1) is not None)


def _inner_by(tokens: list[Token], h: _Hit) -> int:
    """Where the "by" of a participle's phrase is: its second word when words follow it ("backed by *3 troops"; not
    "disappointed by", whose object is no agent), else after the phrase."""
    return h.first + 1 if h.last > h.first + 2 and tokens[h.first + 1].norm == "by" else h.last


def _destination(mentions: list[Mention], tokens: list[Token], h: _Hit, sent: Sentence) -> Mention | None:
    """The state right after "to" following the phrase ("deported to Honduras", "expelled back to Mexico"), if
    one is named there."""
    for k in range(h.last, min(h.last + 3, sent.last - 1)):
        if tokens[k].norm == "to":
            return next((m for m in mentions if m.first in (k + 1, k + 2) and m.country), None)
    return None


def _place_actor(mentions: list[Mention], places: list[Location], agents: tuple[str, ...] = ()) -> Mention | None:
    """The state of the place an event happened in, as its actor: a state named as a place ("in Lebanon"),
    else the country of the first place with one ("near the town of Samarra")."""
    m = next((m for m in mentions if m.locative and m.country), None)
    if m is not None:
        return m
    loc = next((x for x in places if x.country and x.span), None)
    return _location_mention(loc, agents) if loc is not None else None


def _place_after(tokens: list[Token], loc: Location, sent: Sentence, marks: frozenset[str] | set[str]) -> bool:
    """Whether `loc` is named right after one of `marks`: a place preposition (words.yaml locative: "in Paris", "at
    the summit in Brussels") or where something is held (venue_marks: "met in Brussels", "talks at Geneva")."""
    k = next((k for k in range(sent.first + 1, sent.last) if loc.span and tokens[k].start == loc.span.start), None)
    return k is not None and tokens[k - 1].norm in marks


def _struck_country(mentions: list[Mention], places: list[Location], tokens: list[Token], sent: Sentence,
                    src: Mention) -> str | None:
    """The country of a state or place an attack is on ("strikes on Ukrainian cities", "attack on Kharkiv"), when it
    is not the attacker's."""
    victim_links = words().victim_links
    for k in range(sent.first + 1, sent.last):
        if tokens[k - 1].norm not in victim_links:
            continue
        m = next((m for m in mentions if m.first == k and m.country and m.kind != "person" and not m.guessed), None)
        country = m.country if m is not None else next(
            (x.country for x in places if x.country and x.span and x.span.start == tokens[k].start), None)
        if country is not None and country != src.country:
            return country
    return None


def _location_mention(loc: Location, agents: tuple[str, ...] = ()) -> Mention:
    """A place with a country standing in for an actor of that country (the mention has no tokens)."""
    assert loc.span is not None
    return Mention(first=-1, last=-1, start=loc.span.start, end=loc.span.end, text=loc.text, country=loc.country,
                   agents=agents, locative=True)


def _actor(m: Mention) -> Actor:
    return Actor(code=m.code, country=m.country, agents=list(m.agents), name=m.name,
                 kind=m.kind if m.kind in ("state", "organisation", "person", "group") else "state",  # type: ignore[arg-type]
                 text=m.text, span=CharSpan(start=m.start, end=m.end) if m.end > m.start else None)


def _cameo(lex: Lexicon, code: str) -> tuple[str, float, str | None]:
    c = code
    while c:
        if c in lex.cameo:
            return lex.cameo[c]
        c = c[:-1]
    return ("", 0.0, None)


def _quad(code: str) -> int:
    root = int(code[:2])
    return 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def _places(lex: Lexicon, tokens: list[Token], text: str, spans: list[Span], sent: Sentence,
            names: set[int]) -> list[Location]:
    w = words()
    out = []
    for sp in spans:
        if not (sent.first <= sp.first < sent.last) or sp.first in names:
            continue
        e = sp.entry("place")
        cap = sp.entry("capital")
        prev = tokens[sp.first - 1].norm if sp.first > sent.first else ""
        if e is None and cap is None:
            continue
        if prev not in w.locative and (e is None or cap is not None):
            continue  # a capital outside a place phrase is the government ("Beijing said")
        if e is not None and e.place_kind == "city" and sp.entry("state", "adj", "org") and prev not in w.locative:
            continue
        if (e is not None and cap is None and e.place_kind == "city" and sp.first > sent.first
                and tokens[sp.first - 1].capitalised and tokens[sp.first - 1].text.isalpha()
                and tokens[sp.first - 1].text not in w.not_names):
            continue  # "Mech Dara", "Jimmy Lai": a city's name inside a personal name
        if (e is not None and cap is None and e.place_kind == "city" and prev not in w.locative
                and sp.last == sp.first + 1 and sp.last < sent.last and tokens[sp.last].capitalised
                and tokens[sp.last].text.isalpha() and tokens[sp.last].text not in w.not_names
                and sp.last not in names and not any(x.first == sp.last for x in spans)):
            continue  # "David Gee was detained": a city's name that is a first name
        start, end = tokens[sp.first].start, tokens[sp.last - 1].end
        ent = e or cap
        assert ent is not None
        out.append(Location(name=ent.name or text[start:end], country=ent.country, kind=ent.place_kind or "city",
                            lat=ent.lat, lon=ent.lon, text=text[start:end], span=CharSpan(start=start, end=end)))
        # "the East and South China seas": the elided first place
        if prev == "and" and sp.first - 2 >= sent.first and e is not None:
            key = key_of([tokens[sp.first - 2].norm] + [t.norm for t in tokens[sp.first + 1 : sp.last]])
            other = lex.automaton.get(key, None)
            if other is not None:
                oe = next((x for x in other[1] if x.kind == "place"), None)
                if oe is not None:
                    s2 = tokens[sp.first - 2].start
                    out.append(Location(name=oe.name or "", country=oe.country, kind=oe.place_kind or "place",
                                        lat=oe.lat, lon=oe.lon, text=text[s2:end],
                                        span=CharSpan(start=s2, end=end)))
    return out


def code_article(article_id: str, body: str, published: date | None = None,
                 model: str | None = None, source: str | None = None) -> CodedArticle:
    """`model`: the spaCy pipeline that parses the sentences holding an actor and an event phrase (None, the
    default: no parse, the word-order heuristics alone; syntax.DEFAULT_MODEL: en_core_web_sm). `source`: the
    publisher; in a state's or an organisation's own release (sources.yaml) "we" and its untitled officials are
    that body."""
    return steps.drain(code_steps(article_id, body, published, model, source))


# the most words between a verb of judging and the act it judges ("condemns in the strongest possible terms the attack
# on"): the act is the object judged, not the judge's own
JUDGED_GAP = 7
# sentences of one quotation that wait for its speaker named where it closes
MAX_QUOTED_RUN = 4
# sentences parsed in one call to the parser between two steps (~5 ms each)
PARSE_CHUNK = 8


def code_steps(article_id: str, body: str, published: date | None = None, model: str | None = None,
               source: str | None = None) -> steps.Steps[CodedArticle]:
    """`code_article` in steps: it yields after every sentence and every few parsed sentences
    (services/steps.py)."""
    lex = load()
    tokens = tokenize(body)
    yield
    sentences = split_sentences(body, tokens)
    yield
    index = TokenText(tokens)
    spans, anchors = scan(lex, tokens, index)
    yield
    memory = ArticleMemory(publisher=lex.publisher(source))
    result = CodedArticle(sentences=len(sentences), tokens=tokens, index=index)
    seen_actor: set[tuple[str, str]] = set()
    seen_place: set[str] = set()
    spans_by_sent: list[list[Span]] = [[] for _ in sentences]
    anchors_by_sent: list[list[tuple[int, int]]] = [[] for _ in sentences]
    sent_of = [0] * len(tokens)
    for s in sentences:
        for k in range(s.first, s.last):
            sent_of[k] = s.index
    for sp in spans:
        spans_by_sent[sent_of[sp.first]].append(sp)
    for a in anchors:
        anchors_by_sent[sent_of[a[0]]].append(a)
    candidates: list[tuple[Sentence, list[Mention], list[Location], list[_Hit], Mention | None]] = []
    yield
    # "We urge ...," the minister said: first person inside a quotation is its speaker (named in the sentence, or
    # before it when the quotation goes on over several sentences)
    open_quote, quote_speaker = False, None
    quoted_run = 0  # sentences wholly inside one quotation so far
    # the sentences of a quotation that opens with no speaker named and goes on past them ('"We were grateful ...
    # It has given us hope," Lai said'): they wait for the speaker named where it closes
    waiting: list[tuple[Sentence, list[Mention], list[Location], bool, Mention | None]] = []

    def candidate(sent: Sentence, mentions: list[Mention], places: list[Location], speaker: Mention | None,
                  open_before: bool) -> None:
        if speaker is not None:
            mentions = quoted_first_person(tokens, body, sent, mentions, speaker, open_before)
        for m in mentions:
            for x in _expand(m):
                key = (x.code, x.text)
                if key not in seen_actor:
                    seen_actor.add(key)
                    result.actors.append(_actor(x))
        # the prefilter: no event phrase, no event; none with no actor either, but for a speaker's appeal, which
        # names none ('"Europe needs to fortify its security," the minister said'), and acts no one is named for
        # in a story that has a state to hold them
        appeal = speaker is not None and any(lex.patterns[k].speaker_only for _, k in anchors_by_sent[sent.index])
        unnamed = memory.main_state() is not None and not open_before
        if (not anchors_by_sent[sent.index] or len(mentions) > MAX_MENTIONS_PER_SENTENCE
                or not (mentions or appeal or unnamed)):
            return
        if context.question(tokens, sent):
            return  # "How concerned are you about the deepening ties between Russia and China?": asked, not told
        hits = _hits(lex, tokens, anchors_by_sent[sent.index], sent, mentions, places)
        if not mentions:
            # the speaker's appeal alone; "an eyewitness said there has been ongoing gunfire": violence told with no
            # actor named is, as CAMEO codes unattributed attacks, the place's state's, else the story's (not a noun
            # of an attack told elsewhere: "the attack was the deadliest in years"), nor of someone the coder cannot
            # place ("his client planned to kill"), nor a plural noun that counts or sums up ("deaths in attacks
            # surged", "human rights abuses"); protests told by what they do: "the protests continue", the noun
            # with its verb
            hits = [h for h in hits if (appeal and h.pattern.speaker_only) or (
                unnamed
                and ((h.pattern.code[:2] in codes().violent_roots and not _mentioned_noun(tokens, h.first, sent))
                     or _protest_told(h.pattern.code, h))
                and not any(tokens[k].norm in words().someone_words for k in range(sent.first, h.first))
                and not (h.last == h.first + 1 and tokens[h.first].norm.endswith("s")))]
        result.spent.hits_dropped += max(0, len(hits) - MAX_HITS_PER_SENTENCE)
        hits = hits[:MAX_HITS_PER_SENTENCE]
        if hits and len(candidates) >= MAX_EVENT_SENTENCES:
            result.spent.event_sentences_dropped += 1
        elif hits:  # (an anchor word whose phrase does not match in full is no event either)
            # (the sentence's speaker; a quotation going on from an earlier sentence is that one's speaker:
            # '"... must stop," the ACLU said. "The administration must end ..."')
            candidates.append((sent, mentions, places, hits, speaker))

    def release(speaker: Mention | None) -> None:
        for w_sent, w_mentions, w_places, w_open, fallback in waiting:
            candidate(w_sent, w_mentions, w_places, speaker or fallback, w_open)
        waiting.clear()

    # the past a narrative is in ("In 1979, ..."): it dates the acts of its sentence, and, until a sentence is set on
    # the story's own days again, who held which office ("President Carter" was in government then)
    narrated: Narrated | None = None
    dated_here: dict[int, Narrated] = {}
    for sent in sentences:
        here = narrated_date(tokens, sent.first, sent.last, published)
        if here is not None:
            narrated = dated_here[sent.index] = here
        elif narrated is not None and news_day(tokens, sent.first, sent.last):
            narrated = None
        # (a quotation opening a sentence right after a quoted speaker is, in news style, the same speaker's)
        open_before = open_quote
        continuing = open_quote or (sent.last > sent.first and tokens[sent.first].text in words().quote_marks)
        open_quote = quote_open_after(tokens, sent, open_quote)
        # (a quotation going on past a few sentences is more likely a quotation mark left unclosed)
        quoted_only = wholly_quoted(tokens, sent, open_before) and quoted_run < MAX_QUOTED_RUN
        quoted_run = quoted_run + 1 if quoted_only else 0
        sspans = spans_by_sent[sent.index]
        if not sspans:
            if not quoted_only:
                release(None)
                if anchors_by_sent[sent.index]:
                    candidate(sent, [], [], None, open_before)
            continue
        yield
        if sent.last - sent.first > MAX_SENTENCE_TOKENS:
            result.spent.sentences_skipped += 1  # a list or a flood of words, not a sentence: not coded
            release(None)
            continue
        mentions = find_mentions(lex, body, tokens, sent, sspans, memory,
                                 on=narrated.day if narrated is not None else published)
        in_names = {k for m in mentions if m.kind == "person" for k in range(m.first, m.last)}
        places = _places(lex, tokens, body, sspans, sent, in_names)
        for loc in places:
            if loc.name not in seen_place:
                seen_place.add(loc.name)
                result.locations.append(loc)
        if quoted_only:
            # (a speech verb inside the quotation is the quoted words', not its attribution)
            quote_speaker = quote_speaker if continuing else None
            if not open_before or quote_speaker is None or waiting:
                waiting.append((sent, mentions, places, open_before, quote_speaker))
                continue
            candidate(sent, mentions, places, quote_speaker, open_before)
            continue
        speaker = _speaker(mentions, tokens, sent, quoted=open_before)
        quote_speaker = speaker or (quote_speaker if continuing else None)
        release(speaker if quote_closes(tokens, sent, open_before) else None)
        candidate(sent, mentions, places, quote_speaker, open_before)
    release(None)
    candidates.sort(key=lambda c: c[0].index)
    # one batch through the parser for the sentences that may hold an event, none for the rest
    parsed: list[ParsedSentence | None] = [None] * len(candidates)
    if model is not None and candidates:
        texts = [body[sent.start : sent.end] for sent, *_ in candidates]
        docs: list[Any] = []
        for i in range(0, len(texts), PARSE_CHUNK):
            yield
            docs.extend(syntax.parse(model, texts[i : i + PARSE_CHUNK]))
        parsed = [ParsedSentence(doc, sent.start) for doc, (sent, *_) in zip(docs, candidates, strict=True)]
    result.parsed = sum(p is not None for p in parsed)
    event_ids: set[str] = set()
    accusers: dict[str, Actor] = {}
    callers: list[Actor] = []  # the makers of the last appeal told (REQUEST)
    last_attacks: tuple[int, list[Event]] = (-2, [])  # the attacks with a recipient told, and their sentence
    for (sent, mentions, places, hits, speaker), tree in zip(candidates, parsed, strict=True):
        yield
        prior = last_attacks[1] if last_attacks[0] == sent.index - 1 else []
        events = _code_sentence(lex, article_id, body, tokens, sent, mentions, hits, places, published, tree,
                                memory.main_state(), speaker, prior, dated_here.get(sent.index))
        attacks = [ev for ev in events if ev.cameo[:2] in codes().violent_roots and ev.target is not None
                   and ev.target.country and ev.source.country]
        if attacks:
            last_attacks = (sent.index, attacks)
        events = _answer_accusations(events, accusers)
        events = _back_calls(events, callers)
        for ev in events:
            if ev.event_id not in event_ids:
                event_ids.add(ev.event_id)
                result.events.append(ev)
    return result


LAST_ACCUSER = "*"  # the key of the last accusation's source among the accusers (no country code is "*")


def _answer_accusations(events: list[Event], accusers: dict[str, Actor]) -> list[Event]:
    """A denial with no recipient named answers the last accusation made against its source in the article:
    "Afghan officials accused the Taliban of plotting the attack. The group denied involvement."; with none made
    against it, the last accusation the article told, if another state than the denier's made it. Notes the
    sentence's accusations (ACCUSE, and COERCE: charges, arrests) in `accusers` for the denials that follow, in
    the sentence too: "Hamas accused Israel of breaking the truce, a charge Israel rejected" (the sentence's events
    come in the order of their phrases)."""
    c = codes()
    out = []
    # "denied the allegations while criticizing the groups bringing the lawsuits": whom the denier goes on to accuse
    # in the same sentence is, when no accusation was told before, the accuser it answers (not one it accused
    # before denying something else: "accused Israel of breaking the truce and rejected the allegations of ...")
    for i, ev in enumerate(events):
        accused = {later.source.code: later.target for later in reversed(events[i + 1 :])
                   if later.cameo[:2] in c.concern_roots and later.target is not None}
        # (none made against its source: the article's last accusation, of another state than the denier's, is
        # what it answers: "the United States called the cooperation illegal ... Russia dismissed accusations")
        last = accusers.get(LAST_ACCUSER)
        accuser = (accusers.get(ev.source.country) if ev.source.country else None) or accused.get(ev.source.code) or (
            last if last is not None and last.country != ev.source.country else None)
        # (a recipient the text does not name is the story's state, a stand-in the accuser replaces)
        unnamed = ev.target is None or not ev.target.text
        if unnamed and ev.cameo[:2] in c.denial_roots and accuser is not None:
            eid = hashlib.sha1(f"{ev.event_id}|{accuser.code}".encode()).hexdigest()[:20]
            ev = ev.model_copy(update={"target": accuser, "event_id": eid})
        out.append(ev)
        if ev.target is not None and ev.target.country and ev.plover in c.accusation_types:
            accusers[ev.target.country] = ev.source
            accusers[LAST_ACCUSER] = ev.source
    return out


def _victim(tokens: list[Token], m: Mention, sent: Sentence) -> bool:
    """Whether actor `m` is the one an act was done to, named after the act's noun: "the attack on (the) Chinese
    engineers", "violence against Afghan civilians", "the killing of the journalist"."""
    w = words()
    k = m.first - 1
    while k > sent.first and tokens[k].norm in w.determiners:
        k -= 1
    if k - 1 < sent.first:
        return False
    link, act = tokens[k].norm, tokens[k - 1].norm
    return (link in w.victim_links and act in w.victim_acts) or (link == "of" and act in w.victim_of_acts)


def _back_calls(events: list[Event], callers: list[Actor]) -> list[Event]:
    """Backing "the call" with no maker named backs the makers of the last appeal the article told: "The United
    States, Britain and France called a meeting. Greece and Panama also supported the call." Notes the sentence's
    appeals in `callers` for the sentences that follow."""
    w = words()
    out = []
    for ev in events:
        # (a recipient the text does not name: none, the story's state standing in, or one read into "the call")
        unnamed = ev.target is None or not ev.target.text or any(
            x in w.call_nouns for x in ev.target.text.lower().split())
        rest = ev.sentence[ev.sentence.find(ev.trigger) + len(ev.trigger):].split() if ev.trigger in ev.sentence else []
        called = (len(rest) >= 2 and rest[0].lower() in w.call_determiners
                  and rest[1].lower().strip(".,;") in w.call_nouns)
        backed = [a for a in callers if a.country != ev.source.country or a.code != ev.source.code]
        if ev.plover == "SUPPORT" and unnamed and called and backed:
            for a in backed:
                eid = hashlib.sha1(f"{ev.event_id}|{a.code}".encode()).hexdigest()[:20]
                out.append(ev.model_copy(update={"target": a, "event_id": eid}))
            continue
        out.append(ev)
    made = [ev.source for ev in events if ev.plover == "REQUEST"]
    if made:
        callers[:] = list({a.code: a for a in made}.values())
    return out


def _reflexive_follows(tokens: list[Token], h: _Hit, sent: Sentence) -> bool:
    """"defend itself against Russia": the act is done to the subject itself, Russia is not its target."""
    return h.last < sent.last and tokens[h.last].norm in words().reflexive


def _legal_charge(tokens: list[Token], sent: Sentence) -> bool:
    """Whether the sentence speaks of charges before a court ("on trial on espionage charges")."""
    legal = words().legal_words
    return any(tokens[k].norm in legal for k in range(sent.first, sent.last))


def _denied_before(tokens: list[Token], h: _Hit, sent: Sentence) -> bool:
    """"officials denied that Tehran planned to attack": what follows a denial is not asserted."""
    denial = words().denial_verbs
    return any(tokens[k].norm in denial and tokens[k + 1].norm == "that"
               for k in range(sent.first, h.first - 1))


def _object_follows(tokens: list[Token], h: _Hit, sent: Sentence) -> bool:
    """Without a parse: whether an object follows the phrase (a pronoun, a noun phrase, a name), the word-order
    stand-in for the parse's recipient (services/coder/syntax.py)."""
    k = h.last
    if k >= sent.last:
        return False
    t = tokens[k]
    w = words()
    return t.norm in w.object_starts or (t.text.isalpha() and t.norm not in w.not_objects and t.text not in w.not_names)


def _fronted_place(tokens: list[Token], m: Mention, sent: Sentence) -> bool:
    """Whether mention m is a place that opens the sentence: "In Malawi, the government ..."."""
    return (m.first == sent.first + 1 and tokens[sent.first].norm in words().locative and m.last < sent.last
            and tokens[m.last].norm == ",")


def _topic_follows(tokens: list[Token], h: _Hit, sent: Sentence) -> bool:
    """Whether what follows a meeting phrase is what it is about ("held a session focused on ..."): no object."""
    return h.pattern.code[:2] == "04" and h.last < sent.last and _topic_word(tokens, h.last)


def _home(src: Mention, places: list[Location], main_state: str | None) -> Mention | None:
    """The country an act with no placed recipient happens in, as an actor standing for its people: the
    sentence's place, else the state the article is about (measured better than the source's own country: a
    recipient named but not placed, "urged the president to", is more often of the story's state), else the
    source's country."""
    loc = next((x for x in places if x.country and x.span), None)
    country = (loc.country if loc is not None else None) or main_state or src.country
    return _stand_in(country, src.start) if country is not None else None


def _casualties_of(prior: list[Event] | None, victims: Mention | None, places: list[Location],
                   at: int) -> tuple[Mention | None, Mention | None]:
    """The attacker and the victims of an attack told right after others with no attacker named: "Russian missiles
    struck Kyiv overnight. Three people were killed." (the first attack's maker and the state it hit: not the story's
    state killing its own people), "Israeli commandos stormed a Turkish-owned ship. Nine activists aboard were
    killed."; victims given the story's state for want of their own keep it where an attack just told hit it; not
    where the victims or the place are another state's ("... In Gaza, five people were killed")."""
    told = [ev for ev in prior or [] if ev.target is not None and ev.target.country and ev.source.country]
    attack = next((ev for ev in told if victims is not None and ev.target is not None
                   and ev.target.country == victims.country), None) or next(iter(told), None)
    if attack is None or attack.target is None or attack.target.country is None or attack.source.country is None:
        return None, victims
    hit = attack.target.country
    if victims is not None and victims.country != hit and not victims.guessed:
        return None, victims
    if any(loc.country and loc.country != hit for loc in places):
        return None, victims
    if victims is None or victims.country != hit:
        victims = _stand_in(hit, at)
    return _stand_in(attack.source.country, at), victims


def _stand_in(country: str, at: int) -> Mention:
    """A state standing for its people where the text names no one (no tokens, no text): the story's state as
    the author of an unattributed attack, the home of a recipient the text does not place."""
    return Mention(first=-1, last=-1, start=at, end=at, text="", country=country, kind="group")


def _filler(phrases: list[Phrase], mentions: list[Mention], src: Mention | None = None,
            places: bool = True) -> Mention | None:
    """The actor that fills a role: the mention at the role's head word, else the first one inside it. For a
    target, the source's own people and organs ("offered its troops to Lebanon") come last. For a source, the
    last of joined subjects ("Chile and Peru signed"): the coder finds the others by coordination from it."""
    own: Mention | None = None
    for ph in (phrases if src is not None or places else list(reversed(phrases))):
        inside = [m for m in mentions if m is not src and ph.covers(m.start, m.end) and (places or not m.locative)]
        if not inside:
            continue
        at_head = next((m for m in inside if m.start <= ph.head[0] < m.end), None)
        ordered = [at_head, *inside] if at_head is not None else inside
        # "diplomats from the Group of Seven": a bare agent word whose country was a guess gives way to a named actor
        ordered = sorted(ordered, key=lambda m: m.guessed)
        for m in ordered:
            if src is not None and src.country is not None and m.country == src.country and not src.members:
                own = own or m
                continue
            return m
    return own


def _parse_roles(roles: Roles, mentions: list[Mention], src: Mention | None,
                 tgt: Mention | None, keep_src: bool, keep_tgt: bool) -> tuple[Mention | None, Mention | None]:
    """Source and target as the parse says, where it names them; the word-order guess where it does not."""
    if not keep_src:
        src = _filler(roles.agents, mentions, places=False) or src
    if not keep_tgt:
        patient = _filler(roles.patients, mentions, src=src)
        # (the source's own organ does not replace another state the word order found)
        if patient is not None and not (src is not None and patient.country == src.country and tgt is not None
                                        and tgt.country != src.country):
            tgt = patient
    return src, tgt


def _press(m: Mention) -> bool:
    """The press: a plain word for it ("reporters", "journalists") or an outlet ("the BBC", "VOA")."""
    return m.agents == ("MED",)


def _code_sentence(lex: Lexicon, article_id: str, body: str, tokens: list[Token], sent: Sentence,
                   mentions: list[Mention], hits: list[_Hit], places: list[Location],
                   published: date | None, tree: ParsedSentence | None = None,
                   main_state: str | None = None, speaker: Mention | None = None,
                   prior: list[Event] | None = None, narrated: Narrated | None = None) -> list[Event]:
    """`speaker`: who the sentence reports, named in it or, for a quotation going on, in an earlier one; `prior`: the
    attacks the sentence just before told; `narrated`: the past date the sentence gives its acts."""
    w, c = words(), codes()
    chosen: dict[tuple[str, str, str | None], tuple[bool, Event]] = {}
    # an intent marker ("vowed to") whose act after it was coded as another type (a threat, an appeal): the
    # marker's own event goes ("vowed to attack" is a threat, not also an agreement)
    marker_end: dict[str, tuple[int, str | None]] = {}
    consumed_ends: set[tuple[int, str | None]] = set()
    intent_ends = {h.last for h in hits if h.pattern.intent}
    last_subject: Mention | None = None
    last_target: Mention | None = None
    last_hit: _Hit | None = None
    request_ends: list[int] = []  # where each appeal or demand phrase of the sentence ends
    order_ends: list[int] = []  # where each order ("ordered X to") ends: force it orders is coded, cooperation not
    everyone = mentions
    judged_at = _told_act_judged(tokens, sent)
    # "Russia struck Kyiv. The attack was condemned by the U.N.": the attacks the sentence before told are judged
    judged_doer = next((ev.source.country for ev in prior or [] if ev.source.country), None) if judged_at else None
    for h in hits:
        p = h.pattern
        # "told reporters at a news conference with X", "a briefing with journalists", "spoke to the BBC", "assured
        # reporters that ...": the press a meeting is held or a promise made before is no party to it
        mentions = everyone if p.code[:2] not in c.press_free_roots else [m for m in everyone if not _press(m)]
        # "urged Russia to accept the ceasefire or face sanctions": the alternative a demand offers is its threat
        alternative = (p.alternative and last_hit is not None and last_hit.pattern.code[:2] in c.request_roots
                       and last_subject is not None)
        if tree is None and not alternative and _requested(tokens, h, request_ends, sent):
            continue  # "urged Somali leaders to agree to a way forward": what is asked for is not done
        if tree is None and p.code[:2] in c.cooperation_roots and _requested(tokens, h, order_ends, sent):
            continue  # "ordered all schools to allow students": what is ordered is not yet done
        if p.code[:2] in c.request_roots:
            (order_ends if p.commands else request_ends).append(h.last)
        window = moods.clause_window(tokens, h.first, sent.first)
        # (the intent marker right before, whose act this is)
        consumed = next((e for e in intent_ends if e <= h.first and h.first - e in (0, 1, 2)), None)
        code = moods.recode(lex, p.code, window, consumed is not None and not p.intent)
        if code is None or context.in_possible_act(tokens, h.first, sent):
            continue
        if h.first == sent.first + 1 and judged_at is not None:
            continue  # "The invasion was condemned by ...": the act told before, judged here
        # "Russia could attack Ukraine": force that may come is a threat only in the would-be actor's own words
        possible_force = code != p.code and code[:2] == c.threat_root and moods.guessed(lex, window)
        if code[:2] in c.concern_roots and _general_object(mentions, tokens, h, sent, code in c.concern_codes):
            continue  # "voiced concern over the violence in Israel", "condemns any violence": no party faulted
        if code != p.code and any(t.norm == "unless" for t in tokens[h.last : sent.last]):
            code = c.conditional_threat  # "will withdraw its force unless ...": a conditional promise of harm
        dest = _destination(mentions, tokens, h, sent) if p.destination else None
        passive = p.passive or (_is_passive(tokens, h.first, sent) and (
            _by_agent(mentions, tokens, h.last, sent) is not None
            or tokens[h.first - 1].norm in w.passive_auxiliaries
            or (h.last < sent.last and tokens[h.last].norm == "by")
            or dest is not None
            or code[:2] in c.violent_roots  # "nine Turkish activists were killed": the victims, not the attackers
            or code[:2] == c.coercion_root)  # "a Pakistani businessman was arrested": the one arrested
        ) or _reduced_passive(mentions, tokens, h, sent)
        src: Mention | None
        tgt: Mention | None
        patient: Mention | None = None
        victimised = False  # the actor after a criticism is the one an act it criticises was done to
        violent = code[:2] in c.violent_roots
        of_group = (_of_agents(mentions, tokens, h, sent) if p.of_agent
                    else _from_agents(mentions, tokens, h, sent) if p.from_agent
                    else _between_parties(mentions, tokens, h, sent) if p.joint else [])
        compound = _compound_parties(mentions, tokens, h, sent) if p.joint and not of_group else []
        if p.compound_parties and not compound:
            continue  # a bare "talks", "summit": only the parties a compound names make it an event here
        if of_group and violent and all(m.kind == "person" for m in of_group):
            continue  # "the Oval Office clash between Trump and Zelenskyy": a quarrel of two people, not combat
        recipient: Mention | None = None
        if not of_group and not passive and p.target != "left" and not p.speaker_only:
            of_group, recipient = _noun_by_agents(mentions, tokens, h, sent)
        if code == c.labour_strike and not passive and tokens[h.first].norm not in w.boycott_words:
            # "the strike by Israel", "an Israeli strike", "Russian strikes hit Kyiv": a state itself or its armed
            # force strikes militarily ("the strike by teachers", "French dock workers' strike": labour strikes)
            striker = (of_group[0] if of_group else
                       next((m for m in mentions if m.last == h.first and not m.locative
                             and h.last == h.first + 1), None))
            if striker is not None and (set(striker.agents) & c.armed_agents
                                        or (not striker.agents and striker.kind == "state")):
                code, violent = c.military_strike, True
        if p.speaker_only:
            # "a firm international response was urgently needed, he said", "Europe needs to fortify its defenses":
            # a need stated of no party that can be asked is the speaker's appeal; with no speaker named, no one's
            if speaker is None:
                continue
            src, tgt = speaker, None
        elif compound:
            src, tgt = compound[0], None
        elif of_group:
            # "the withdrawal of U.S. and NATO troops from the country": who withdraws, then from where
            src = of_group[0]
            tgt = recipient or _target_after(mentions, tokens, _Hit(dataclasses.replace(p, target="end"), h.first,
                                                                    of_group[-1].last), sent, src, addressed=False)
        elif p.target == "left":
            tgt = _subject(mentions, tokens, h.first, sent)
            src = None
            if (tgt is not None and p.code[:2] in c.request_roots
                    and not _modal_subject(mentions, tokens, h.first, sent)):
                tgt = None  # "talks with China must continue", "refugees who must be treated": no actor is asked
            if tgt is not None and tokens[tgt.first].norm in w.first_person:
                tgt = None  # "we must see ...": the speaker's own resolve, not a demand on another
            elif tgt is not None:
                group = _conjuncts(mentions, tgt, tokens, forward=False)
                tgt = group[-1]  # the first of "the Sudanese government and the rebels"; the rest follow
                # "X's envoy to the UN, Y, said Kabul was failing to": the one who says it, where the sentence
                # names a speaker, not an actor the word order finds before the target
                src = (speaker if speaker is not None and speaker not in group
                       else _subject(mentions, tokens, tgt.first, sent) or speaker)
                if (src is not None and speaker is None
                        and not any(tokens[k].norm in w.speech or tokens[k].norm in w.duty_speech
                                    for k in range(src.last, tgt.first))):
                    src = None  # "Modi's visit came amid a recognition that India needs to": no one asks it
                if src is not None and _refer(src) is _refer(tgt):
                    src = None  # "the burden is on the government; it must show ...": no one asks it
        elif passive:
            # "X must be condemned, Y said": without a "by" agent the speaker is the one who acts; a speaker reports
            # an attack or a release, it neither made it nor suffered it: "two soldiers were killed, the army said",
            # "two journalists held in Iran were released, the State Department said", "U.S. Central Command said
            # al-Rufay'i was killed"
            material = violent or code[:2] == c.coercion_root or (p.passive and code[:2] in c.domestic_roots)
            tgt = _subject(mentions, tokens, h.first, sent, speaker_ok=not material)
            if _thing_relative(tgt, tokens, h.first, sent):
                tgt = None  # "a ceasefire that is supported by Ukrainians": the ceasefire is supported, not the U.S.
            src = (_by_agent(mentions, tokens, h.last, sent, reach=4 if not p.passive else 30, from_ok=p.passive)
                   or (_by_agent(mentions, tokens, h.first + 1, sent, reach=1) if _inner_by(tokens, h) < h.last
                       else None)
                   or (None if material else speaker))
            if (src is None and code[:2] == c.coercion_root and speaker is not None and speaker is not tgt
                    and set(speaker.agents) & c.arresting_agents):
                src = speaker  # "two men were arrested, police said": the police arrested them
            if dest is not None and src is None:
                # "many of whom were deported to Honduras": the story's state sent them there, not Honduras
                src = (_stand_in(main_state, tokens[h.first].start)
                       if main_state is not None and main_state != dest.country else None)
                tgt = tgt or dest
            elif src is None and (violent or (material and p.passive)) and (inner := next(
                    (m for m in mentions if h.first < m.first and m.last <= h.last and not m.locative), None)):
                # "12 people were killed in a Russian strike on Odesa": the attacker named inside the phrase, before
                # the place struck after it
                src = inner
            elif src is None:  # "was arrested in Lebanon": the authorities of the place acted
                src = _place_actor([m for m in mentions if m.first >= h.last],
                                   [x for x in places if x.span and x.span.start >= tokens[h.first].start],
                                   agents=() if violent else ("GOV",))
                # (an attack on a state's own forces in its own land, "came under attack near Latakia", is
                # coded to that land as CAMEO codes unattributed attacks; an arrest there is no news of itself)
                if (src is not None and tgt is not None and src.country == tgt.country and not violent
                        and code != c.custody_code):
                    src = None
                if src is None and code[:2] == c.coercion_root:
                    # "a million Uyghurs have been confined in camps in Xinjiang": the authorities of the place;
                    # "dozens of activists have been arrested", no place named: the story's state's
                    src = _place_actor(mentions, places, agents=("GOV",)) or (
                        _stand_in(main_state, tokens[h.first].start)
                        if main_state is not None and tgt is not None and code == c.custody_code else None)
                if src is None and (violent or (material and p.passive)):
                    # "came under Russian fire", "died in a Taliban attack": the attacker named inside the phrase;
                    # "the train came under attack", "21 passengers died in the attack", "the girls were freed": none
                    # named, so CAMEO's convention codes the act to the place it happened, else to the story's state
                    src = next((m for m in mentions if h.first < m.first and m.last <= h.last and not m.locative),
                               None)
                    if src is None and violent:
                        src, tgt = _casualties_of(prior, tgt, places, tokens[h.first].start)
                    src = src or _place_actor(mentions, places) or (
                        _stand_in(main_state, tokens[h.first].start) if main_state is not None else None)
            if src is tgt:
                src = None
        else:
            # "Egypt condemned Israel and hosted ...": a coordinated verb keeps the first verb's subject
            coordinated = h.first > sent.first and tokens[h.first - 1].norm in w.coordinators
            # "Afghan security forces arrived", "Indian troops were deployed": a phrase marked so starts on the head
            # noun of an actor, which is its subject
            head_actor = (next((m for m in mentions
                                if not m.locative and m.first <= h.first and m.last == h.first + 1), None)
                          if p.head_agent else None)
            # "China's military drills", "Russian military exercises": an actor whose last word opens the phrase
            # carries it out
            head_actor = head_actor or next((m for m in mentions if not m.locative and not m.guessed
                                             and m.first < h.first < m.last), None)
            if p.speaker_source and speaker is not None:
                src = speaker  # "the attack was orchestrated by X, the army said": the army says so
            elif coordinated and last_subject is not None:
                src = last_subject
            elif head_actor is not None:
                src = head_actor
            else:
                src = (_object_skipped(mentions, tokens, h.first, sent) if coordinated
                       else _subject(mentions, tokens, h.first, sent, speaker_ok=not violent, victim_ok=not violent))
                # "a bombing killed a soldier, the military said": the speaker reports, it did not attack
                src = src or (None if violent else speaker)
            if src is None:
                # "Threatening to kill the hostages, the BLA demanded ...", "Following talks with X, both leaders ...":
                # the main clause's subject
                src = _fronted_subject(mentions, tokens, h, sent, violent)
            # "there will be Dodik's arrest", "Navalny's detention": the possessor of such a noun is the one it is
            # done to (not "China's detention of Uyghurs", where an "of" names them)
            if (src is not None and src.last in (h.first - 1, h.first) and h.first - 1 > sent.first
                    and tokens[h.first - 1].norm == "'s" and tokens[h.first].norm in w.patient_nouns
                    and not any(tokens[k].norm == "of" for k in (h.last - 1, h.last) if k < sent.last)):
                patient, src = src, (speaker if speaker is not None and not _same_actor(speaker, src) else None)
            # ("Russia, which annexed Crimea in 2014, denied ...": a relative clause's act is its antecedent's, told
            # in passing; with the antecedent unread, it is no one's, not the place's)
            relative = (h.first - 2 >= sent.first and tokens[h.first - 1].norm in w.companion_relatives
                        and tokens[h.first - 2].norm == ",")
            if src is None and (violent or _protest_told(code, h)) and not relative:
                # "a roadside bombing near Samarra killed ...": no one named, so CAMEO's convention codes
                # the attack to the country where it happened (and protests told with their verb: "protests erupted
                # in Yangon"; not "despite protests by businesses")
                src = _place_actor(mentions, places)
                if src is None and main_state is not None and not _mentions_before(mentions, h.first):
                    # "a roadside bomb killed 11 miners": no one and no place named, so the story's state
                    src = _stand_in(main_state, tokens[h.first].start)
            # "X summoned Y's ambassador to complain": an infinitive's subject is the clause's subject, or the
            # person asked ("urged the EC to support") when the verb before is a request
            if h.first > sent.first and tokens[h.first - 1].norm == "to" and src is not None:
                decider = _decider(mentions, tokens, h, sent)
                if decider is not None:
                    src = decider
                elif last_hit is None:
                    head = next((m for m in mentions if not m.locative and m.last <= h.first), None)
                    src = head if head is not None and _commas(tokens, head.last, h.first) % 2 == 0 else src
                elif not last_hit.pattern.intent and src is not last_subject:
                    asked = last_hit.pattern.code[:2] in c.request_roots
                    ordered = last_hit.pattern.commands and code[:2] in c.material_conflict_roots
                    src = (last_subject or src) if ordered or not (asked and last_target is not None) else last_target
            tgt = (None if p.target == "none"
                   else _target_after(mentions, tokens, h, sent, src, threat=code[:2] == c.threat_root))
            if tgt is None and code[:2] == c.threat_root:
                tgt = _condition_named(mentions, tokens, h, sent, src)
            if (p.target == "end" and tgt is not None and src is not None and tgt.first < h.last
                    and tgt.country == src.country):
                # "Canada recalled its ambassador from Moscow": the phrase's own actor is the source's; the place
                # after it names whom the act is towards
                after = tokens[h.last - 1].end
                away = next((loc for loc in places if loc.span and loc.span.start >= after and loc.country
                             and loc.country != src.country and loc.span.start - after <= 12), None)
                if away is not None:
                    tgt = _location_mention(away)
            if (tgt is not None and code[:2] in c.concern_roots and _victim(tokens, tgt, sent)
                    and not (tgt.first - 2 < h.last <= tgt.first)):  # ("launched a scathing attack on X": the phrase's)
                # "condemned the attack on Chinese engineers": whoever attacked them, if the text says ("by"); not
                # a recipient the text does not place either
                tgt, victimised = _by_agent(mentions, tokens, tgt.last, sent), True
            if (tgt is None and last_hit is not None and last_hit.pattern.commands and src is last_subject
                    and tokens[h.first - 1].norm == "to"):
                tgt = last_target  # "ordered La Prensa to suspend publication": the paper is suspended
            if tgt is None and patient is not None:
                tgt = patient
            if tgt is None:
                # "Russia used its Security Council veto": the body the subject's modifier names is what it acts in
                tgt = next((m for m in mentions if m.last == h.first and m.first > sent.first and not m.locative
                            and tokens[m.first - 1].norm in w.modifier_possessives and m is not src), None)
            if (tgt is None and p.target == "object" and last_target is not None and h.first + 1 < sent.last
                    and tokens[h.first + 1].norm in w.object_pronouns):
                tgt = last_target  # "Turkey condemned Israel, accusing it of ...": "it" is the one condemned
            if (tgt is None and src is not None and last_subject is not None and code[:2] in c.denial_roots
                    and last_subject.country != src.country and h.last + 1 < sent.last
                    and tokens[h.last].norm in w.other_possessives and tokens[h.last + 1].norm != "own"):
                tgt = last_subject  # "the United States warned ... as Tehran rejected its offer": the offer's maker
            if tgt is None and src is not None and code[:2] in c.concern_roots:
                tgt = _said_about(mentions, tokens, h, src, sent)
            if (src is not None and code[:2] in c.quoted_charge_roots
                    and (tgt is None or tgt.country == src.country)):
                # (not the speaker's own "he" of "... in a statement he issued")
                tgt = _quoted_accused(mentions, tokens, h, src, sent) or tgt
            if (code[:2] in c.judged_roots and src is not None and src is last_subject and last_hit is not None
                    and last_hit.pattern.code[:2] in c.judging_roots and 0 <= h.first - last_hit.last <= JUDGED_GAP
                    and not any(last_hit.last <= m.first < h.first for m in mentions)):
                # "Germany condemned the attack on Poland", "welcomed the release of the journalist": the act is not the
                # judge's; its doer is the one named by "by" ("the attack by Russia on Poland"), else it is told
                # elsewhere
                agent = _by_agent(mentions, tokens, h.last, sent)
                if agent is None:
                    continue
                src = agent
                tgt = _target_after(mentions, tokens, _Hit(dataclasses.replace(p, target="end"), h.first, agent.last),
                                    sent, src)
        if (tgt is None and src is not None and h.first == judged_at and judged_doer is not None
                and code[:2] in c.judging_roots and judged_doer != src.country):
            tgt = _stand_in(judged_doer, tokens[sent.first].start)
        if alternative:
            src, tgt = last_subject, last_target
        roles = tree.roles(tokens[h.first].start) if tree is not None and not alternative else None
        if roles is not None and roles.found:
            if roles.negated and code == p.code:
                continue  # (a refusal the words before it made a REJECT of stays one)
            if roles.background or roles.denied or roles.negated_object:
                continue  # the setting of another event, what someone denies happened, "offered no evidence"
            if roles.requested and not (last_hit is not None and last_hit.pattern.commands):
                continue  # "urged Somali leaders to agree": what is asked for is not done (the request is the event)
            if roles.modal in w.hypothetical_modals and code == p.code:
                continue  # "could meet", "can work together": a possibility, not an act
            # an infinitive after an order or a request keeps the word-order reading of who asked whom
            chained = (last_hit is not None and h.first > sent.first and tokens[h.first - 1].norm == "to")
            src, tgt = _parse_roles(roles, mentions, src, tgt, keep_src=chained,
                                    keep_tgt=p.target != "after" or chained)
            if roles.reflexive:
                tgt = None
        elif roles is None:  # the word-order stand-ins for the parse's denial and reflexive checks
            if _denied_before(tokens, h, sent):
                continue
            if _reflexive_follows(tokens, h, sent):
                tgt = None
        if patient is not None and src is patient:  # (the parse, too, takes the possessor for the agent)
            src = speaker if speaker is not None and not _same_actor(speaker, patient) else None
            tgt = tgt or patient
        if (violent and src is not None and tgt is not None and tgt.guessed and tgt.country == src.country
                and tgt.code_prefix is None):
            # "Russian airstrikes on Kharkiv killed 12 civilians": people no text makes anyone's are those of the
            # place struck, not the attacker's
            struck = _struck_country(mentions, places, tokens, sent, src)
            if struck is not None:
                tgt = dataclasses.replace(tgt, country=struck)
        if (code[:2] in c.cooperation_roots and src is not None and tgt is not None and tgt.guessed
                and tgt.agents and set(tgt.agents) <= c.official_agents and tgt.country == src.country
                and tgt.code_prefix is None):
            # "the Kenyan president met a delegation", "Brazil received a delegation": officials no text makes
            # anyone's are not the host's own (a stand-in of the sentence's state); the meeting names no party
            tgt = None
        if (code[:2] == c.coercion_root and src is not None and tgt is not None and tgt.guessed
                and tgt.code_prefix is None and src.country is not None and tgt.country != src.country):
            # "Poland condemned Belarus's arrest of opposition activists": people no text makes anyone's, arrested
            # or banned, are the coercer's own, not the state the sentence named first
            tgt = dataclasses.replace(tgt, country=src.country)
        if (src is not None and src.guessed and src.agents and set(src.agents) <= c.organ_agents
                and code[:2] in c.outward_roots and tgt is not None and not tgt.guessed and not tgt.locative
                and tgt.kind == "state" and not tgt.agents and tgt.code_prefix is None and tgt.country == src.country):
            continue  # "the lawmakers condemned Russia": whose lawmakers the sentence does not say, not Russia's
        if src is None:
            continue
        if possible_force and not src.code.startswith("IGO") and not (
                speaker is not None and speaker.country is not None and speaker.country == src.country):
            # "Iran could strike Israel, analysts said": a guess, not Iran's threat ("we could", Iran said; "the EU
            # may halt its mediation": an organisation's measures are weighed by its members, who tell of them)
            continue
        if (passive and code[:2] in c.stance_roots and tgt is not None and set(src.agents) & c.armed_agents
                and set(tgt.agents) & c.armed_agents):
            code = c.field_cooperation  # "Somali soldiers, supported by the U.S. military": backing in the field
        complaint = False
        if (code[:2] == c.protest_root and h.last == h.first + 1 and tokens[h.first].norm in w.protest_verbs
                and not (last_hit is not None and last_hit.pattern.code[:2] == c.protest_root)  # "a sit-in to protest"
                and (set(src.agents) <= c.official_agents if src.agents else src.kind == "state" and not src.people)):
            # "China protested the arms sale": a government objects, no one marches; and what it protests with no
            # one named ("summoned the envoy to protest the attack") is someone's the story names elsewhere, not
            # its own state's
            code, complaint = c.official_protest, True
        last_subject, last_hit, last_target = src, h, tgt
        tgt_mention: Mention | None = tgt
        # ("requested by the United States, Britain and France": a passive's agents are listed forward)
        group = _conjuncts(mentions, src, tokens, forward=False)
        if (passive or of_group) and len(group) == 1 and src.first > h.first:
            group = _conjuncts(mentions, src, tokens, forward=True)
        elif not passive and not of_group and src.last <= h.first:
            group = _companions(mentions, tokens, src, h.first, sent) or group
        if compound:
            group = compound  # "the U.S.-Japan summit": the parties meet each other, not anyone named around it
        sources = [x for m in group for x in _expand(m)]
        # (states listed by name that strike together strike someone else: "Russian and Syrian jets bombed Idlib")
        reciprocal = any(m.members and not (m.listed and violent) for m in group)
        tgroup = _conjuncts(mentions, tgt_mention, tokens, forward=True) if tgt_mention is not None else []
        if p.mode == "host" and tgt_mention is not None:
            tgroup = _hosted_compound(mentions, tokens, h, tgt_mention, sent) or tgroup
        targets = [x for m in tgroup for x in _expand(m)]
        # "defended Pyongyang and Moscow's treaty": the owners of a thing the source's state owns with another; the
        # source acts towards the other, not towards itself
        joint_owners = len(tgroup) > 1 and "'s" in (t.norm for t in tokens[tgroup[-1].last - 1 : tgroup[-1].last + 1])
        if not targets and not p.requires_target and len(sources) == 1 and p.target not in ("within", "object", "none"):
            # no actor after the phrase: the place it happened names the target ("a rally in Lagos"); not where a
            # statement or an appeal was made ("gathered in Paris, the minister stressed", codes.yaml unplaced_roots),
            # though a place of what it names after it may be ("agreed to set up a centre in Tokyo"), and a state
            # named before it but not as a place ("the Japan-Vietnam partnership will be expanded")
            after = tokens[h.last - 1].end
            # (not the place that already stands in for the source)
            free = [loc for loc in places if loc.span and loc.country and loc.span.start != src.start
                    and not (code[:2] in c.unplaced_roots and loc.span.start < after
                             and _place_after(tokens, loc, sent, w.locative))]
            if p.code[:2] == "04":  # (nor a place the meeting is about: "a session on threats posed by China")
                topic = next((tokens[k].start for k in range(h.last, sent.last) if _topic_word(tokens, k)), None)
                free = [loc for loc in free if topic is None or loc.span is None or loc.span.start < topic]
                if p.mode not in c.hosted_modes:  # (nor the city it was held in: "NATO ministers met in Brussels")
                    free = [loc for loc in free
                            if not (loc.kind == "city" and _place_after(tokens, loc, sent, w.venue_marks))]
            loc = next((loc for loc in free if loc.span and loc.span.start >= after), None) or next(iter(free), None)
            if loc is not None:
                targets = [_location_mention(loc)]
            else:  # "... for the peacekeeping force in Lebanon"; "In Malawi, the Red Cross started relief operations"
                targets = ([m for m in mentions if m.locative and m.first >= h.last][:1]
                           or [m for m in mentions if m.locative and m.country is not None
                               and _fronted_place(tokens, m, sent) and m.last <= src.first
                               and code[:2] not in c.unplaced_roots][:1])
        if not targets and len(sources) == 1 and (p.requires_target or (
                not p.head_agent and not p.speaker_only  # ("the world must act": no noun)
                and _mentioned_noun(tokens, h.first, sent))):
            continue  # "during the meeting": a noun naming an event told elsewhere, not a new one
        pairs: list[tuple[Mention, Mention | None]] = []
        for s in sources:
            ts = [tm for tm in targets if tm is not s and not (tm.start == s.start and tm.code == s.code)
                  and not (len(sources) > 1 and tm.country == s.country)
                  and not (joint_owners and tm.country == s.country and any(o.country != s.country for o in targets))]
            # each other's: a joint act, or any act of a reciprocal reference with no one else named ("both
            # countries withdrew ambassadors"); not "Greece, Panama and South Korea supported the call"
            # (in the passive, only a joint act marked so: "the treaty was signed by Egypt and Israel")
            if len(sources) > 1 and (p.joint or (not ts and (reciprocal or code in c.relations_codes))) and (
                    not passive or (p.joint and p.passive)):
                ts = ts or [o for o in sources if o is not s]
            if not ts and p.target == "within":
                # (an accusation's content is no recipient: the accuser, if the article named one, follows; else
                # charges before a court nobody is named for are the home state's, the denier's own included ("He
                # rejects the charges" of a man his own state's courts try; "Topuz is on trial on charges Washington
                # has dismissed as baseless" in a story on Turkey); allegations out of court have a speaker the story
                # names elsewhere)
                home = _home(s, places, main_state) if _legal_charge(tokens, sent) else None
                ts = [home] if home is not None else []
            elif not ts and code[:2] not in c.thing_object_roots and p.target != "none" and not victimised and (
                    not complaint) and (
                    not _topic_follows(tokens, h, sent)) and (
                    roles.unplaced_recipient() if roles is not None and roles.found
                    else _object_follows(tokens, h, sent)):
                # "the army jailed him", "urged the president to": a recipient the text does not place belongs
                # to the country the story is about (CAMEO codes domestic events X -> X); what is supported or
                # signed is mostly a thing ("supported the proposal"), not a recipient; the one accused of a charge
                # is no more of where the sentence is set than of the charge's places ("the process started in Doha,
                # with both rivals accusing the other of delaying it"): the story's state
                # (nor is it where an appeal was made: "the minister, speaking in Paris, called for more unity")
                home = _home(s, [] if p.target == "object" or code[:2] in c.unplaced_roots else places, main_state)
                ts = [home] if home is not None and not _self_addressed(home, s, code) else []
            elif not ts and code[:2] in c.domestic_roots:
                home = _home(s, places, main_state)  # "police opened fire", "protesters rallied"
                ts = [home] if home is not None and not _self_addressed(home, s, code) else []
            if len(sources) > 1:
                # "Kenya and Uganda agreed to ...": a stand-in for the story's state is none of the joint subjects
                ts = [tm for tm in ts if tm.first >= 0 or all(tm.country != o.country for o in sources)]
            if not ts:
                pairs.append((s, None))
            pairs.extend((s, tm) for tm in ts)
            if p.joint and len(sources) == 1 and not passive and code[:2] in c.mutual_roots:
                # "Kishi met Phan Van Giang": a meeting or a signing is both sides' act (CODING_GUIDE: two events)
                pairs.extend((tm, s) for tm in ts if tm.first >= 0)
        place = next((loc for loc in places if loc.country or loc.kind != "city"), None)
        # "rejected Pakistan's allegation that ...": the rejection names an accusation and its author, whose
        # accusation of the one rejecting it is told too
        named_accusation = (p.target == "within" and code[:2] in c.denial_roots
                            and any(tokens[k].norm in w.accusation_nouns for k in range(h.first, h.last)))
        coded: list[tuple[Mention, Mention | None, str, bool]] = []
        # "continues to defy calls, including by the Security Council, to ...": the maker named past the comma asked
        caller = (_maker_after(mentions, tokens, h, sent, w.call_nouns)
                  if code[:2] in c.denial_roots and len(pairs) == 1 else None)
        if caller is not None and not any(t is not None and _same_actor(t, caller) for _, t in pairs):
            coded.append((caller, pairs[0][0], c.named_call, False))
        for s, t_or_self in pairs:
            if (s.country is None and s.code.startswith("---")) or (t_or_self is None and p.requires_target):
                continue
            if p.mode == "visit" and s.agents and s.agents[0] in c.private_agents:
                continue  # "Chinese immigrants arrived in Houston", "refugees arrive at Dadaab": no state visit
            same = t_or_self is not None and t_or_self.code == s.code and (
                (t_or_self.text == s.text and s.text != "")
                or (t_or_self.kind == s.kind == "person" and t_or_self.name == s.name)
                or _refer(s) is _refer(t_or_self))  # ("the officials signed an agreement they ...": themselves)
            if same and p.requires_target:
                continue  # ("Barnier ... during Brexit negotiations he ...": no one else to negotiate with)
            t = None if same else t_or_self  # "Barnier ... he": one person, no target
            coded.append((s, t, code, p.intent))
            if named_accusation and t is not None and t.first >= 0:
                coded.append((t, s, c.named_accusation, False))
            if code[:2] in c.denial_roots and t is not None and t.first >= 0:
                if _named_by(tokens, h, t, sent, w.offer_nouns):
                    coded.append((t, s, c.named_offer, False))  # "Tehran rejected its offer for new talks": it offered
                elif _named_by(tokens, h, t, sent, w.call_nouns):
                    coded.append((t, s, c.named_call, False))  # "rejected Washington's demand": it asked
        for s, t, ecode, intent in coded:
            name, goldstein, plover = _cameo(lex, ecode)
            eid = hashlib.sha1(
                f"{article_id}|{sent.start}|{tokens[h.first].start}|{s.code}|{t.code if t else ''}|{ecode}".encode()
            ).hexdigest()[:20]
            ev = Event(
                event_id=eid, source=_actor(s), target=_actor(t) if t is not None else None, cameo=ecode,
                cameo_name=name, plover=plover, plover_mode=p.mode, quad_class=_quad(ecode), goldstein=goldstein,
                trigger=body[tokens[h.first].start : tokens[h.last - 1].end], sentence=body[sent.start : sent.end],
                sentence_span=CharSpan(start=sent.start, end=sent.end),
                date=narrated.iso if narrated is not None else event_date(tokens, sent.first, sent.last, published),
                place=place,
            )
            key = (s.code, t.code if t else "", plover)
            prev = chosen.get(key)
            # one event per actor pair and type in a sentence; a specific phrase beats an intent marker
            if prev is None or (prev[0] and not intent):
                chosen[key] = (intent, ev)
            if intent:
                marker_end[ev.event_id] = (h.last, plover)
            elif consumed is not None and not p.intent and plover is not None and ecode != p.code:
                consumed_ends.add((consumed, plover))  # "vowed to attack ...": the attack recoded as a threat
    # "Kenya and Uganda agreed to boost trade": an act of one type with no recipient adds nothing to the same
    # source's act of that type towards one in the same sentence
    return [ev for (src, tgt, plover), (_, ev) in chosen.items()
            if (tgt or not any(k[0] == src and k[1] and k[2] == plover for k in chosen))
            and not any(end == marker_end[ev.event_id][0] and kind != marker_end[ev.event_id][1]
                        for end, kind in consumed_ends if ev.event_id in marker_end)]
