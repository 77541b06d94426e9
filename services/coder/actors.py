"""Actor mentions in a sentence, and their resolution within the article.

A mention is assembled from dictionary spans: a country (name, adjective, possessive, capital or "its")
optionally followed by agent words or titles and a capitalised name ("the Japanese Defense Ministry",
"Chinese State Councilor and Foreign Minister Wang Yi"). References ("the two countries", "Kishi", "the
Southeast Asian country") resolve against what the article said before. The words these rules test
(locative prepositions, name particles, words that start no name...) are data/words.yaml's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from services.coder.datafiles import codes, words
from services.coder.lexicon import Entry, Lexicon, Publisher
from services.coder.spans import Span
from services.coder.tokens import Sentence, Token


@dataclass
class Mention:
    first: int
    last: int
    start: int
    end: int
    text: str
    country: str | None
    agents: tuple[str, ...] = ()
    kind: str = "state"  # state | organisation | person | group
    code_prefix: str | None = None  # IGO/NGO code of an organisation
    name: str | None = None
    locative: bool = False  # a state named as a place ("a law in China")
    members: list[Mention] = field(default_factory=list)  # a joint reference ("the two countries")
    guessed: bool = False  # a bare agent word ("diplomats") given the sentence's state for want of its own
    refers_to: Mention | None = None  # the mention a pronoun stands for ("militants said they ...")
    # a group of states listed by name ("Russian and Syrian jets"), not a reference to both sides of a pair ("the
    # two countries"), whose act with no one else named is towards each other
    listed: bool = False
    people: bool = False  # a bare adjective naming a state's people ("Palestinians", "thousands of Sudanese")

    @property
    def code(self) -> str:
        base = self.code_prefix or self.country or "---"
        extra = [a for a in self.agents if a not in base]
        return base + "".join(extra)


@dataclass
class Person:
    name: str
    country: str | None
    agents: tuple[str, ...]
    code_prefix: str | None = None  # an official of an organisation ("IGOUNO"): "he" later is the UN too


@dataclass
class ArticleMemory:
    """What earlier sentences established: states in order of mention, people by name."""

    states: list[str] = field(default_factory=list)
    people: dict[str, Person] = field(default_factory=dict)
    last_person: Person | None = None
    titled: list[tuple[str, Person]] = field(default_factory=list)  # (a word of the title, person)
    # the most recent organisation or armed group named (country, agents, organisation code): "the group" later
    last_body: tuple[str | None, tuple[str, ...], str | None] | None = None
    # an organisation no dictionary knows, by the name and the acronym it was given ("the Committee for Honest
    # Elections in Togo (CFHE)"): what the name alone or "CFHE" later stands for
    named_bodies: dict[str, tuple[str | None, tuple[str, ...], str | None]] = field(default_factory=dict)
    # every organisation or armed group named, in order: the lower-case words of its name, then as last_body
    # ("the Council" later is the last one with "council" in its name)
    bodies: list[tuple[frozenset[str], tuple[str | None, tuple[str, ...], str | None]]] = field(default_factory=list)
    subject: Mention | None = None  # the first actor of the last sentence that named one
    # a bare agent word ("diplomats") -> whose the last such mention was, where the text said it ("from the G7")
    bare: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    subject_sentence: int = -2  # that sentence's index
    subject_opening: bool = False  # whether that actor opens its sentence (after an opening phrase, maybe)
    # the two states of that sentence's subject when it is "A and B" ("The United States and Japan condemn ..."):
    # what "the two countries" in the sentence after it stand for
    subject_pair: list[str] = field(default_factory=list)
    # the state or organisation whose own release this is (sources.yaml), and its officials' agents
    publisher: Publisher | None = None
    # the state of each person named, with the index of the sentence that named him: "the two leaders" are the
    # states of the people the sentence before named, more than the last two states it named
    officials: list[tuple[str, int]] = field(default_factory=list)
    # the state of the place the last sentence set its action in ("attacked a train near Sibi"), and that sentence
    last_place: tuple[str, int] | None = None
    # the subject of a sentence that said it issued a statement ("X issued a statement"), and that sentence's index
    issuer: tuple[Mention, int] | None = None
    # the subject of a sentence that said it called for, proposed or asked something, and that sentence's index
    proposer: tuple[Mention, int] | None = None

    @property
    def home_state(self) -> str | None:
        """The publisher's state: an untitled official in its release is one of its own."""
        code = self.publisher.code if self.publisher else None
        return code if code and not code.startswith(codes().publisher_non_states) else None
    # mentions per state and the most mentioned (first mentioned among equals), kept as states are noted: a
    # Counter over all states at every call made an article of many short sentences quadratic
    _counts: dict[str, int] = field(default_factory=dict)
    _main: str | None = None

    def note_state(self, country: str | None) -> None:
        if country:
            self.states.append(country)
            n = self._counts[country] = self._counts.get(country, 0) + 1
            main = self._main
            # (dicts keep insertion order: a tie goes to the state whose first mention came first)
            if main is None or n > self._counts[main] or (
                    n == self._counts[main] and list(self._counts).index(country) < list(self._counts).index(main)):
                self._main = country

    def last_states(self, n: int, within: set[str] | None = None) -> list[str]:
        out: list[str] = []
        for c in reversed(self.states):
            if c not in out and (within is None or c in within):
                out.append(c)
                if len(out) == n:
                    break
        return out

    def main_state(self) -> str | None:
        return self._main

    def note_titled(self, title: list[Token], p: Person) -> None:
        """A person named with a title ("Defense Minister Nobuo Kishi", "Secretary of State Antony Blinken"):
        "the minister", "the Secretary" later is him."""
        abbreviations = words().title_abbreviations
        for t in title:
            if t.text.isalpha() and t.norm not in words().title_links:
                self.titled.append((abbreviations.get(t.norm, t.norm), p))  # ("Gen." is "the general" later)

    def titled_person(self, head: str, body: str | None = None) -> Person | None:
        """The last person named with a title holding `head` (of `body`, a state or an organisation code, if given)."""
        return next((p for h, p in reversed(self.titled)
                     if h == head and (body is None or (p.code_prefix or p.country) == body)), None)

    @property
    def publisher_body(self) -> str | None:
        """The state or the organisation whose release this is (an NGO's: none)."""
        if self.publisher is None:
            return None
        return self.home_state or _org_prefix(self.publisher.code)

    def note_person(self, p: Person) -> None:
        parts = [w for w in p.name.replace("-", " ").split() if len(w) > 2 and w[0].isupper()]
        for w in {*parts, p.name}:
            self.people[w] = p
        self.last_person = p


class _Noted(list[Mention]):
    """The sentence's mentions; each state is noted in the article memory as soon as it is found, so a
    reference later in the same sentence ("the two countries") sees it."""

    def __init__(self, memory: ArticleMemory, index: int) -> None:
        super().__init__()
        self.memory = memory
        self.sentence = index

    def append(self, m: Mention) -> None:
        super().append(m)
        if m.kind == "person" and m.country and not m.guessed and not m.code_prefix:
            self.memory.officials.append((m.country, self.sentence))
        for x in m.members or [m]:
            if not x.locative or x.agents:
                self.memory.note_state(x.country)
            if not x.guessed and (x.code_prefix or set(x.agents) & words().adversary_agents):
                self.memory.last_body = (x.country, x.agents, x.code_prefix)
                named = f"{x.text} {x.name or ''}".lower().replace("-", " ").split()
                self.memory.bodies.append((frozenset(named), self.memory.last_body))


def _body_referred(tokens: list[Token], i: int, j: int, sent: Sentence,
                   memory: ArticleMemory) -> tuple[str | None, tuple[str, ...], str | None] | None:
    """The organisation "the group", "the bloc", "the Council" at tokens[i:j] refers to (references.yaml body),
    if any: after "the", not a name's word ("the Group of Seven") nor a noun with "of" ("the group of experts",
    "the Council of Europe") unless a charge follows ("accused the group of"); "the group/bloc/alliance" any
    organisation named before, another noun ("the Council", "the agency") only the last one whose name holds it."""
    tok = tokens[i]
    if i - 1 < sent.first or tokens[i - 1].norm != "the":
        return None
    before = tokens[i - 2] if i - 2 >= sent.first else None
    if before is not None and before.capitalised and before.text.isalpha():
        return None
    if j < sent.last and tokens[j].norm == "of" and (before is None or before.norm not in words().charge_verbs):
        return None  # ("accused the group of abuses": what follows is the charge)
    if tok.norm in words().any_body_nouns:
        return memory.last_body if tok.text == tok.norm else None
    return next((body for named, body in reversed(memory.bodies) if tok.norm in named), None)


def _mention(tokens: list[Token], text: str, first: int, last: int, **kw: object) -> Mention:
    end_tok = last - 1 if last - first > 1 and tokens[last - 1].norm == "'s" else last
    start, end = tokens[first].start, tokens[end_tok - 1].end
    return Mention(first=first, last=last, start=start, end=end, text=text[start:end], **kw)  # type: ignore[arg-type]


def _standing_for(tokens: list[Token], text: str, first: int, last: int, actor: Mention, **kw: object) -> Mention:
    """A phrase that stands for an actor named before ("they", "it", "the statement", "the call"): that actor's
    codes at the phrase's place, and a link back to it."""
    fields: dict[str, object] = {"country": actor.country, "agents": actor.agents, "kind": actor.kind,
                                 "code_prefix": actor.code_prefix, **kw}
    m = _mention(tokens, text, first, last, **fields)
    m.refers_to = actor
    return m


def _titled_person(memory: ArticleMemory, tokens: list[Token], text: str, first: int, title: tuple[int, int],
                   name_end: int, country: str | None, agents: tuple[str, ...]) -> Mention:
    """A person named after a title ("Kharkiv governor Oleh Synehubov", "President X"): remembered by name and
    by the title's words, for "Synehubov" and "the governor" later; their mention."""
    pname = text[tokens[title[1]].start : tokens[name_end - 1].end]
    person = Person(pname, country, agents)
    memory.note_person(person)
    memory.note_titled(tokens[title[0] : title[1]], person)
    return _mention(tokens, text, first, name_end, country=country, agents=agents, kind="person", name=pname)


def _name_after(tokens: list[Token], i: int, stop: int, taken: dict[int, Span]) -> int:
    """Index after a capitalised personal name starting at i (i itself if there is none)."""
    w = words()
    j = i
    while j < stop and j - i < 5:
        t = tokens[j]
        if j in taken and taken[j].kinds() - {"place", "person"}:
            break
        nxt = tokens[j + 1] if j + 1 < stop else None
        particle = t.norm in w.name_particles and j > i and nxt is not None and (
            nxt.capitalised or (nxt.text == "-" and j + 2 < stop and tokens[j + 2].capitalised))
        if (t.capitalised and t.text.isalpha() and t.text not in w.not_names) or particle:
            j += 1
        elif t.text == "." and j > i and len(tokens[j - 1].text) == 1:
            j += 1  # an initial: "F. W. de Klerk"
        else:
            break
    while j > i and tokens[j - 1].norm in w.name_particles:
        j -= 1
    return j


def _unknown_person(tokens: list[Token], i: int, sent: Sentence, covered: dict[int, Span],
                    memory: ArticleMemory) -> bool:
    """Whether a capitalised name no dictionary knows starts at i and is a person's by its wording: the speaker
    before or after a speech verb ("Pedersen said", "said his daughter Linda Wu."), two names before a past verb
    ("Fu Cong blamed"), or a name opening an appositive ("Lai, a businessman"). A "he" after it is that person,
    whose state is unknown, not the person named before. (Seen only in sentences that name an actor: extending it to
    the others, '"Totally rubbish," Lai said.', was tried and lost a dev event right by accident; worth redoing.)"""
    w = words()

    def name_like(k: int) -> bool:
        t = tokens[k]
        return (t.capitalised and t.text.isalpha() and t.text not in w.not_names and k not in covered
                and t.text not in memory.people)

    if not name_like(i) or (i > sent.first and name_like(i - 1)):
        return False
    j = i
    while j < sent.last and j - i < 4 and name_like(j):
        j += 1
    n = j - i
    nxt = tokens[j] if j < sent.last else None
    if nxt is not None and nxt.norm in w.speech:
        return n >= 2 or not tokens[i].norm.endswith("s")  # "Pedersen said"; not "Witnesses said"
    # the inverted order: a speech verb, at most three lower-case words ("his daughter"), the name, the end
    k = i - 1
    while k >= sent.first and i - k <= 3 and tokens[k].text.isalpha() and tokens[k].text.islower() \
            and tokens[k].norm not in w.speech:
        k -= 1
    if k >= sent.first and tokens[k].norm in w.speech and (nxt is None or not nxt.text.isalnum()):
        return True
    if nxt is not None and n >= 2 and nxt.text.isalpha() and nxt.text.islower() and nxt.norm.endswith("ed"):
        return True
    after = tokens[j + 1] if j + 1 < sent.last else None
    return (nxt is not None and nxt.norm == "," and after is not None and after.norm in w.appositive_articles
            and (i == sent.first or tokens[i - 1].norm in w.appositive_name_openers))


def _office_titled(lex: Lexicon, tokens: list[Token], i: int, known: Entry, country: str | None,
                   agents: tuple[str, ...]) -> tuple[str, ...]:
    """The agents of the office a title opening a known person's name says he holds ("President Carter met Begin at
    Camp David" in an article published decades later: in government, not the elder he is on the article's date),
    when one of his terms in that state has them; else those the date gave."""
    found = lex.automaton.get(f" {tokens[i].norm} ", None)
    title = next((e for e in found[1] if e.kind == "title"), None) if found is not None else None
    if title is None or not title.agents or set(title.agents) <= set(agents):
        return agents
    held = [t for t in known.terms if t.country == country and set(title.agents) <= set(t.agents)]
    return max(held, key=lambda t: t.start or "").agents if held else agents


def on_date(entry: Entry, on: date | None) -> tuple[str | None, tuple[str, ...], str | None]:
    """A known person's (country, agents, organisation code) on a day: the office held then (the latest
    begun, if several); out of office, the last one held before it, or before any office the first; no
    day, the latest. An official who left office keeps the state he served ("Rubio" stays USA)."""
    if not entry.terms or on is None:
        return entry.country, entry.agents, entry.code
    day = on.isoformat()
    begun = [t for t in entry.terms if t.start is None or t.start <= day[: len(t.start)]]
    held = [t for t in begun if t.end is None or day[: len(t.end)] <= t.end]
    if held:
        t = max(held, key=lambda t: t.start or "")
    elif begun:
        t = max(begun, key=lambda t: t.end or "")
    else:
        t = entry.terms[0]
    return t.country, t.agents, t.code


def find_mentions(
    lex: Lexicon, text: str, tokens: list[Token], sent: Sentence, spans: list[Span], memory: ArticleMemory,
    on: date | None = None,
) -> list[Mention]:
    """The actor mentions of one sentence. `on`: the article's date, for people whose office changed."""
    w = words()
    at = {s.first: s for s in spans}
    covered: dict[int, Span] = {}
    for s in spans:
        for k in range(s.first, s.last):
            covered[k] = s
    out = _Noted(memory, sent.index)
    states_here: list[str] = []
    pending_bare: list[Mention] = []
    standing_for: list[tuple[Mention, Mention]] = []  # a pronoun and the mention it stands for
    presumed_home: list[Mention] = []  # people of no state said, taken as the publisher's
    i = sent.first
    stop = sent.last

    def prev_norm(k: int) -> str:
        return tokens[k - 1].norm if k - 1 >= sent.first else ""

    while i < stop:
        sp = at.get(i)
        tok = tokens[i]
        shaped = (_shaped_organisation(tokens, i, sent, at, covered)
                  if tok.capitalised and (sp is None or not sp.kinds() & {"org", "person", "title", "ref"}) else None)
        if shaped is not None:
            # an organisation named by the shape of its name: its state is the one named right after it ("the
            # Committee for Honest Elections in Togo"); with none, a "Foundation" or an "Institute" is an NGO (a think
            # tank, as the coding guide has it), another is left to what the sentence says
            j, org_agent, country = shaped
            org_name = text[tok.start : tokens[j - 1].end]
            org_body = ((country, (org_agent,), None) if country is not None
                        else (None, (org_agent,), org_agent) if org_agent == "NGO"
                        else memory.named_bodies.get(org_name))  # (named again without its state: as before)
            if org_body is not None:
                start = i - 1 if prev_norm(i) == "the" else i
                # ("a professor at the X Institute", "a rally in the Y Centre": where, not who)
                out.append(_mention(tokens, text, start, j, country=org_body[0], agents=org_body[1], kind="group",
                                    code_prefix=org_body[2], name=org_name,
                                    locative=after_locative(tokens, i, sent.first)))
                memory.bodies.append((frozenset(t.norm for t in tokens[i:j]), org_body))
                memory.last_body = memory.named_bodies[org_name] = org_body
                # "(CFE)" just after the name or its state: the acronym names it later
                for k in range(j, min(j + 4, stop - 2)):
                    acronym = tokens[k + 1].text
                    if tokens[k].text == "(" and tokens[k + 2].text == ")" and acronym.isalpha() and acronym.isupper():
                        memory.named_bodies[acronym] = org_body
                        break
                i = j
                continue
        if sp is not None and tok.text in memory.people and sp.kinds() <= {"place"}:
            sp = None  # "Kishi" after "Defense Minister Nobuo Kishi" is the minister, not Kishi in Nigeria
        if sp is None and (kin := _kin_named(tokens, i, sent, out, memory, covered)) is not None:
            (name_first, name_last), kin_of = kin
            pname = text[tokens[name_first].start : tokens[name_last - 1].end]
            memory.note_person(Person(pname, kin_of.country, kin_of.agents, kin_of.code_prefix))
            # (known by name later, "Rahmani said"; a "he" after it is no one known, as after an unknown speaker:
            # the kin's mention carries no name, so it does not become the sentence's first person)
            memory.last_person = None
            out.append(_mention(tokens, text, name_first, name_last, country=kin_of.country, agents=kin_of.agents,
                                kind="person", code_prefix=kin_of.code_prefix))
            i = name_last
            continue
        if sp is None and tok.text in memory.named_bodies and (tok.text.isupper() or prev_norm(i) != "the"):
            acr = memory.named_bodies[tok.text]  # an acronym given to an organisation named before: "CFE said"
            out.append(_mention(tokens, text, i, i + 1, country=acr[0], agents=acr[1], kind="group",
                                code_prefix=acr[2], name=tok.text))
            i += 1
            continue
        if (memory.publisher is not None and tok.text in w.publisher_nouns and (sp is None or sp.last == i + 1)
                and (i == sent.first or prev_norm(i) in ("the", ",")) and not _quote_open(tokens, sent.first, i)
                and (i + 1 >= stop or tokens[i + 1].norm != "of")):
            # "The Department condemns ...", "Treasury sanctioned ...", "The Ministry protests ..." in the body's own
            # release: the publisher, as "we" is
            pub_org = _org_prefix(memory.publisher.code)
            out.append(_mention(tokens, text, i, i + 1, country=None if pub_org else memory.publisher.code,
                                agents=memory.publisher.agents, code_prefix=pub_org,
                                kind="organisation" if pub_org else "state"))
            i += 1
            continue
        if sp is None:
            place_only = i in covered and covered[i].kinds() <= {"place"}
            person = (memory.people.get(tok.text) if tok.capitalised and (i not in covered or place_only)
                      else None)
            if person is None and _unknown_person(tokens, i, sent, covered, memory):
                memory.last_person = None  # "he" after "Pedersen said" is no one known, not a person named before
            if person is not None:
                j = _name_after(tokens, i, stop, covered)
                out.append(_mention(tokens, text, i, max(j, i + 1), country=person.country, agents=person.agents,
                                    kind="person", name=person.name, code_prefix=person.code_prefix))
                memory.last_person = person
                i = max(j, i + 1)
                continue
            i += 1
            continue
        kinds = sp.kinds()
        if ("ref" in kinds and len(kinds) > 1 and (r := sp.entry("ref")) is not None and r.ref == "body"
                and _body_referred(tokens, i, sp.last, sent, memory) is None):
            kinds = kinds - {"ref"}  # "the court" when no court was named: the state's court (agents.yaml)
        if "ref" in kinds:
            ref = sp.entry("ref")
            assert ref is not None
            j = sp.last
            if ref.ref == "pair":
                # ("the ceasefire between Thailand and Cambodia, and urged both countries to": the two states just
                # named, before the people of the readout)
                named = (_states_named(out) if " ".join(t.norm for t in tokens[i:j]) in w.pair_of_states else [])
                both = (named or _pair_before(memory, sent.index) or _officials_pair(memory, sent.index)
                        or memory.last_states(2)[::-1])
                if len(both) == 2:
                    m = _mention(tokens, text, i, j, country=None, kind="group")
                    m.members = [_mention(tokens, text, i, j, country=c) for c in both]
                    out.append(m)
            elif ref.ref == "state":
                # "the country": a state the sentence named as a place ("travel to Mauritius as chief guest on the
                # country's national day"), else the state the story is about, more often meant than the last one
                # named ("the withdrawal of U.S. troops from the country")
                place = next((m.country for m in reversed(out) if m.locative and m.country), None)
                main = place or memory.main_state() or next(iter(memory.last_states(1)), None)
                if main:
                    out.append(_mention(tokens, text, i, j, country=main))
            elif ref.ref == "self":
                if memory.publisher is not None and not _quote_open(tokens, sent.first, i):
                    body, body_agents = memory.publisher.code, memory.publisher.agents
                    body_org = _org_prefix(body)
                    out.append(_mention(tokens, text, i, j, country=None if body_org else body, agents=body_agents,
                                        code_prefix=body_org, kind="organisation" if body_org else "state"))
            elif ref.ref == "group":
                # "they": a plural actor named before it in the sentence ("militants said they released"), else
                # the subject of the sentence before when plural ("G7 ministers met. They called on China"), else
                # the people of the last state named
                plural = next((m for m in reversed(out) if not m.locative and _plural(m, tokens)), None)
                if plural is None and memory.subject is not None and (
                        _plural(memory.subject, tokens) or memory.subject.kind == "organisation"):
                    plural = memory.subject
                if plural is not None:
                    m = _standing_for(tokens, text, i, j, plural, kind="group")
                    m.listed = plural.listed
                    m.members = [_mention(tokens, text, i, j, country=x.country, agents=x.agents,
                                          code_prefix=x.code_prefix) for x in plural.members]
                    out.append(m)
                    standing_for.append((m, plural))
                elif len(pair := _officials_pair(memory, sent.index)) == 2 and not out:
                    # "Secretary X spoke with Foreign Minister Y. ... They also discussed": the two people just named
                    m = _mention(tokens, text, i, j, country=None, kind="group")
                    m.members = [_mention(tokens, text, i, j, country=c) for c in pair]
                    out.append(m)
                else:
                    last = memory.last_states(1)
                    if last:
                        out.append(_mention(tokens, text, i, j, country=last[0], kind="group"))
            elif ref.ref == "body":
                referred = _body_referred(tokens, i, j, sent, memory)
                if referred is None:
                    i += 1  # "the Group of Seven", "the group of experts": a name or a noun, not a reference
                    continue
                out.append(_mention(tokens, text, i, j, country=referred[0], agents=referred[1],
                                    code_prefix=referred[2], kind="organisation"))
            elif ref.ref == "document":
                # "The statement threatened sanctions": the one who issued a statement in the sentence just before
                issuer = memory.issuer
                if (i - 1 == sent.first and prev_norm(i) == "the" and _verb_follows(tokens, j, stop)
                        and issuer is not None and issuer[1] == sent.index - 1):
                    out.append(_standing_for(tokens, text, i - 1, j, issuer[0], name=issuer[0].name))
            elif ref.ref == "proposal":
                # "Greece also supported the call": the one who called for it in the sentence just before
                proposer = memory.proposer
                if (i - 2 > sent.first and prev_norm(i) == "the" and tokens[i - 2].norm in w.proposal_backers
                        and (j >= stop or tokens[j].norm not in ("for", "of", "by", "from"))
                        and proposer is not None and proposer[1] == sent.index - 1):
                    out.append(_standing_for(tokens, text, i - 1, j, proposer[0], name=proposer[0].name))
            elif ref.ref == "single":
                # "it" before a verb: a state or an organisation named before it in the sentence ("Russia's envoy
                # dismissed accusations it is getting weapons"), else the subject of the sentence just before ("Iran
                # ... In 2021, it stopped implementing its commitments"); not "it is time", "criticized it"
                if _verb_follows(tokens, j, stop):
                    # (in the sentence, after a word that opens the clause it is the subject of: "said (that) it",
                    # "accusations it", "and it"; before it in the sentence, at the clause's start: "In 2021, it")
                    linked = i > sent.first and (tokens[i - 1].norm in w.it_links or tokens[i - 1].norm in w.speech
                                                 or tokens[i - 1].norm in w.accusation_nouns)
                    single = (next((m for m in reversed(out) if _single(m, tokens)), None) if linked else None)
                    opening = i == sent.first or all(tokens[k].norm in w.coordinators or tokens[k].text in w.quote_marks
                                                     for k in range(sent.first, i)) or tokens[i - 1].norm == ","
                    if (single is None and opening and not any(not m.locative for m in out)
                            and memory.subject is not None and memory.subject_opening
                            and memory.subject_sentence == sent.index - 1 and _single(memory.subject, tokens)):
                        single = memory.subject
                    if single is not None:
                        m = _standing_for(tokens, text, i, j, single)
                        out.append(m)
                        standing_for.append((m, single))
            elif ref.ref == "person":
                if memory.last_person is not None and tok.norm in w.person_pronouns:
                    p = memory.last_person
                    out.append(_mention(tokens, text, i, j, country=p.country, agents=p.agents, kind="person",
                                        name=p.name, code_prefix=p.code_prefix))
            elif ref.ref == "possessive":
                j = _past_host_organisation(tokens, at, j, stop)  # "his U.N. mission"
                nxt = at.get(j)
                if nxt is not None and ("agent" in nxt.kinds() or "title" in nxt.kinds()):
                    recent = memory.last_states(1)
                    owner = states_here[-1] if states_here else (recent[0] if recent else None)
                    if (not states_here and tok.norm not in w.person_possessives and i == sent.first
                            and memory.subject is not None and memory.subject_opening
                            and memory.subject_sentence == sent.index - 1 and memory.subject.country is not None
                            and memory.subject.kind != "person" and not memory.subject.locative):
                        # "Hungary invaded Yugoslavia in 1941. Its forces occupied the city": a possessive opening
                        # the sentence is the previous one's subject's, not the last state it named
                        owner = memory.subject.country
                    if tok.norm in w.person_possessives and not states_here:
                        # ("the Afghan army chief said his forces": the sentence's own state comes first)
                        if memory.last_person is None or memory.last_person.code_prefix:
                            i = j
                            continue  # "her organisation's", or no one named yet: not a state's organ
                        owner = memory.last_person.country
                    ent = nxt.entry("agent", "title")
                    assert ent is not None
                    out.append(_mention(tokens, text, i, nxt.last, country=owner, agents=ent.agents))
                    j = nxt.last
            i = j
            continue
        if "region" in kinds:
            reg = sp.entry("region")
            assert reg is not None
            if sp.last < stop and tokens[sp.last].norm in lex.region_nouns and prev_norm(i) in w.region_determiners:
                last = memory.last_states(1, within=set(reg.members))
                if last:
                    out.append(_mention(tokens, text, i - 1, sp.last + 1, country=last[0]))
                i = sp.last + 1
                continue
        known = sp.entry("person")
        if known is not None and sp.last - sp.first == 1 and _settlement_named(tokens, i, sent):
            i = sp.last  # "between the towns of Bocaranga and Bazoum": a place that shares a leader's surname
            continue
        if known is not None:
            k_country, k_agents, k_code = on_date(known, on)
            if known.terms and k_code is None and prev_norm(i) not in w.out_of_office:
                k_agents = _office_titled(lex, tokens, i, known, k_country, k_agents)
            prefix = _org_prefix(k_code)
            person = Person(known.name or tok.text, k_country, k_agents, prefix)
            last_person = memory.last_person
            memory.note_person(person)
            gov = at.get(sp.last)
            gov_entry = gov.entry("agent") if gov is not None and not prefix else None
            if gov is not None and gov_entry is not None and tokens[sp.last].norm in w.leader_bodies:
                # "the Trump administration", "the Assad regime": the leader's government, not the person (nor
                # whom a "he" after it means: "Fu Cong blamed the Trump administration ..., but he said")
                memory.last_person = last_person
                out.append(_mention(tokens, text, i, gov.last, country=k_country, agents=gov_entry.agents))
                i = gov.last
                continue
            out.append(_mention(tokens, text, i, sp.last, country=k_country, agents=k_agents,
                                kind="person", name=known.name, code_prefix=prefix))
            i = sp.last
            continue
        org = sp.entry("org")
        if (org is not None and org.country is None and tokens[i].text[:1].islower()
                and out and out[-1].last == i):
            i = sp.last  # "American aid groups", "U.N. aid agencies": the state or body named just before is theirs
            continue
        if (org is not None and org.country and out and out[-1].last == i and out[-1].kind == "state"
                and not out[-1].agents and not out[-1].locative and out[-1].country not in (None, org.country)
                and tokens[i - 1].norm != "'s" and tokens[i].capitalised):
            # "the Sweden Democrats": a state's name at the head of a name the dictionary gives another state
            # ("Democrats": the U.S. party) makes it that state's own
            out[-1] = _mention(tokens, text, out[-1].first, sp.last, country=out[-1].country, agents=org.agents,
                               kind="group", name=text[tokens[out[-1].first].start : tokens[sp.last - 1].end])
            i = sp.last
            continue
        if org is not None:
            j = sp.last
            if j + 1 < stop and tokens[j].text == "-" and tokens[j + 1].norm in w.attaching_participles:
                j += 2  # "a United Nations-appointed special rapporteur, X", "the NATO-led force": the body's
            is_igo = _org_prefix(org.code) is not None
            t_agents, t_end, t_name = _agent_chain(tokens, at, j, stop, covered)
            if t_name > t_end:  # "Arab League Secretary General Chadli Klibi"
                pname = text[tokens[t_end].start : tokens[t_name - 1].end]
                person = Person(pname, org.country, t_agents, org.code if is_igo else None)
                memory.note_person(person)
                memory.note_titled(tokens[j:t_end], person)
                out.append(_mention(tokens, text, i, t_name, country=org.country, agents=t_agents, kind="person",
                                    name=pname, code_prefix=org.code if is_igo else None))
                i = t_name
                continue
            agents = org.agents
            if t_end > j:  # "the U.N. special envoy", "EU foreign ministers": the organisation's officials
                agents = agents + tuple(a for a in t_agents if a not in agents)
                j = t_end
            out.append(_mention(tokens, text, i, j, country=org.country, agents=agents,
                                kind="organisation" if is_igo else "group",
                                code_prefix=org.code if is_igo else None, name=org.name))
            i = j
            continue
        country_entry = sp.entry("adj", "state", "capital")
        if (country_entry is not None and i - 1 > sent.first and tokens[i - 1].text == "(" and sp.last < stop
                and tokens[sp.last].text == ")" and out and out[-1].last == i - 1
                and out[-1].country == country_entry.country):
            # "the Republic of Korea (ROK)": the abbreviation of the state just named, part of that mention, not a
            # second one (which would part it from a list: "The United States and the Republic of Korea (ROK) held
            # talks", "The Republic of Korea (ROK) and Japan held talks")
            out[-1].last, out[-1].end = sp.last + 1, tokens[sp.last].end
            i = sp.last + 1
            continue
        place_entry = sp.entry("place")
        locative = after_locative(tokens, i, sent.first) and not _seat_of(tokens, i, sent.first)
        if (not locative and prev_norm(i) in ("and", "or") and out and out[-1].locative and out[-1].last == i - 1
                and out[-1].country and not out[-1].agents and prev_norm(out[-1].first) in w.destination_preps):
            locative = True  # "traveled to Ghana and Namibia": the second destination as the first
        if (locative and prev_norm(i) == "to" and sp.last < stop and tokens[sp.last].text.isalpha()
                and tokens[sp.last].text.islower() and tokens[sp.last].norm not in w.not_after_place):
            locative = False  # "agreed to US mediation": the state qualifies a noun, it is not a destination
        if country_entry is not None and _currency(sp, tokens, stop):
            i = sp.last  # "US $50 million": a currency, not the state
            continue
        if country_entry is not None:
            j = sp.last
            # "Japanese-made equipment": a product's origin, not an actor
            if (j + 1 < stop and tokens[j].text == "-" and tokens[j + 1].norm in w.compound_modifiers):
                i = j + 2
                continue
            # "an anti-Syria journalist", "pro-Russian separatists": a stance, not a nationality
            if i - 2 >= sent.first and tokens[i - 1].text == "-" and tokens[i - 2].norm in w.stance_prefixes:
                i = j
                continue
            if country_entry.kind == "capital" and (locative or (place_entry is not None and locative)):
                i = j  # a capital as a place: the places pass records it
                continue
            if place_entry is not None and country_entry.kind != "adj" and locative and country_entry.kind != "state":
                i = j
                continue
            countries = [country_entry.country]
            if prev_norm(i) == "ethnic":
                # CAMEO codes an ethnic group by the state it lives in: the place named, else the other
                # state the sentence is about ("ethnic Turks ... protest against Sweden's decision")
                home = _locative_country(at, sent, tokens) or _first_state(at, sent, tokens,
                                                                           but=country_entry.country)
                if home is not None:
                    countries = [home]
            # "Bosnian Serbs", "Iraqi Kurds": a people named by the state it lives in, then its own name
            if (country_entry.kind == "adj" and (nsp := at.get(j)) is not None and nsp.entry("adj") is not None
                    and nsp.entry("agent", "title", "state") is None and tokens[j].text[-1:] == "s"):
                j = nsp.last
            # "Hungarian and Romanian officials": adjectives coordinated before one agent word
            while (j + 1 < stop and tokens[j].norm in w.list_links and (nsp := at.get(j + 1)) is not None
                   and (ne := nsp.entry("adj")) is not None and country_entry.kind == "adj"):
                countries.append(ne.country)
                j = nsp.last
            possessive = j < stop and tokens[j].norm == "'s"
            if possessive:
                j += 1
                # "in front of Israel's consulate", "outside Russia's embassy": a place (what is done there is
                # not the state's act), still a recipient after the actors of the clause
                locative = ((locative or _in_front_of(tokens, i, sent.first)) and j < stop
                            and tokens[j].norm in w.mission_buildings)
            if possessive or country_entry.kind == "adj":
                # "Lebanon's new President", "Algeria's leading activist", "Turkish presidential adviser X":
                # skip up to two plain adjectives (not an act and its preposition: "Belarus's arrest of opposition
                # activists" is Belarus's act on them)
                verb_like = not possessive and sp.entry("state") is not None  # "The U.S. sent troops"
                for skip in (1, 2):
                    if (j + skip < stop and all(not tokens[k].capitalised and tokens[k].text.isalpha()
                                                and k not in covered and tokens[k].norm not in w.chain_breaks
                                                and not (verb_like and (tokens[k].norm.endswith("ed")
                                                                        or tokens[k].norm in lex.verb_forms))
                                                for k in range(j, j + skip))
                            and (ts := at.get(j + skip)) is not None and ts.entry("title", "agent")):
                        j += skip
                        break
            if j < stop and tokens[j].text == "-" and j + 1 < stop and tokens[j + 1].norm in w.attaching_participles:
                j += 2  # "a U.S.-led coalition", "Russian-installed officials": theirs
            agents, j2, name_end = _agent_chain(tokens, at, j, stop, covered)
            if len(countries) > 1 and not agents:
                # "Japanese and Chinese ministers", "... foreign ministers": a plural title (up to two words before it)
                pt = next((k for k in range(j, min(j + 3, stop)) if tokens[k].norm in w.plural_titles), None)
                if pt is not None and all(not tokens[x].capitalised and tokens[x].text.isalpha() and x not in covered
                                          for x in range(j, pt)):
                    agents, j2 = ("GOV",), pt + 1
            if len(countries) > 1 and agents:
                group = _mention(tokens, text, i, j2, country=None, kind="group")
                group.listed = True
                for c in countries:
                    group.members.append(_mention(tokens, text, i, j2, country=c, agents=agents))
                out.append(group)
                states_here.extend(c for c in countries if c)
                i = j2
                continue
            country = countries[0]
            if name_end > j2:
                pname = text[tokens[j2].start : tokens[name_end - 1].end]
                person = Person(pname, country, agents)
                memory.note_person(person)
                memory.note_titled(tokens[j:j2], person)
                out.append(_mention(tokens, text, i, name_end, country=country, agents=agents, kind="person",
                                    name=pname))
                states_here.append(country or "")
                i = name_end
                continue
            if country_entry.kind == "adj" and not agents:
                # a bare adjective ("Vietnamese", "Palestinians") still names the state or its people
                out.append(_mention(tokens, text, i, j, country=country, people=True))
            else:
                # ("outside the Russian embassy": the embassy is where, its state no actor of the clause)
                building = j2 > i and tokens[j2 - 1].norm in w.mission_buildings and (
                    locative or _in_front_of(tokens, i - (prev_norm(i) == "the"), sent.first))
                out.append(_mention(tokens, text, i, j2, country=country, agents=agents,
                                    locative=building or (locative and not agents)))
            if country:
                states_here.append(country)
            i = j2
            continue
        if place_entry is not None:
            # "Karachi police", "Kharkiv officials", "Mosul residents": a city or region named right before agent words
            # says whose they are, as a state's adjective does
            # (and "Karachi's police": the place's possessive)
            k = sp.last + (sp.last < stop and tokens[sp.last].norm == "'s")
            agents, j2, name_end = _agent_chain(tokens, at, k, stop, covered)
            if agents and place_entry.country and not locative:
                country = place_entry.country
                states_here.append(country)
                if name_end > j2:  # "Kharkiv governor Oleh Synehubov": the person holds the place's office
                    out.append(_titled_person(memory, tokens, text, i, (k, j2), name_end, country, agents))
                    i = name_end
                    continue
                out.append(_mention(tokens, text, i, j2, country=country, agents=agents))
                i = j2
                continue
            i = sp.last
            continue
        title = sp.entry("title")
        agent = sp.entry("agent")
        if title is not None or agent is not None:
            # "of Morocco" after a title names its country; otherwise the name decides
            agents, j2, name_end = _agent_chain(tokens, at, i, stop, covered)
            country = None
            implied = title.country if title is not None else None  # "Secretary of State": the US
            # ("Secretary of Foreign Affairs of the Philippines")
            of_at = j2 + 2 if j2 + 2 < stop and tokens[j2 + 1].norm == "the" else j2 + 1
            if of_at < stop and tokens[j2].norm == "of" and (osp := at.get(of_at)) is not None:
                oe = osp.entry("state")
                if oe is not None:
                    country = oe.country
            if name_end > j2:
                pname = text[tokens[j2].start : tokens[name_end - 1].end]
                remembered = memory.people.get(pname)
                if remembered is not None and country is None and remembered.code_prefix:
                    # "Mr. Bennett" after "U.N. special rapporteur Richard Bennett": the organisation's, not a guess
                    out.append(_mention(tokens, text, i, name_end, country=None, agents=remembered.agents,
                                        kind="person", name=remembered.name, code_prefix=remembered.code_prefix))
                    memory.last_person = remembered
                    i = name_end
                    continue
                if remembered is not None and country is None:
                    country = remembered.country
                listed = next((e for k in range(j2, name_end) if (ps := at.get(k)) is not None
                               and (e := ps.entry("person")) is not None), None)
                if listed is not None and country is None:
                    l_country, _, l_code = on_date(listed, on)
                    if _org_prefix(l_code) is not None:
                        out.append(_mention(tokens, text, i, name_end, country=None, agents=agents,
                                            kind="person", name=listed.name, code_prefix=l_code))
                        memory.note_person(Person(pname, None, agents, l_code))
                        i = name_end
                        continue
                    country = l_country
                # ("Foreign Minister Y of Ecuador", "... of the Philippines": before a list's first person's state)
                of_at = name_end + 2 if name_end + 2 < stop and tokens[name_end + 1].norm == "the" else name_end + 1
                if (country is None and of_at < stop and tokens[name_end].norm == "of"
                        and (osp := at.get(of_at)) is not None and (oe := osp.entry("state")) is not None):
                    country = oe.country
                if country is None and out and out[-1].kind == "person" and prev_norm(i) in w.list_links:
                    country = out[-1].country  # "President X and Prime Minister Y"
                title_text = _title_text(tokens, text, i, j2)
                if country is None and implied is None and _counterpart(memory, out, title_text):
                    country = _counterpart_state(memory, at, sent, tokens)
                    if country is None:
                        # a foreign counterpart of no state said: an actor of no state (not the story's state as a
                        # stand-in for an object with no actor, nor the publisher's)
                        out.append(_mention(tokens, text, i, name_end, country=None, agents=agents, kind="person",
                                            name=pname))
                        i = name_end
                        continue
                pub_org = _org_prefix(memory.publisher_body) if country is None and implied is None else None
                if pub_org is not None and memory.publisher is not None and memory.publisher.titles:
                    # "High Representative X" in the EU's own release: its official, no state's
                    person = Person(pname, None, agents, pub_org)
                    memory.note_person(person)
                    memory.note_titled(tokens[i:j2], person)
                    out.append(_mention(tokens, text, i, name_end, country=None, agents=agents, kind="person",
                                        name=pname, code_prefix=pub_org))
                    i = name_end
                    continue
                if country is None:
                    # (a state named before the title, else the story's: one named after the name is more often
                    # whom the person acts on, "Sen. Maria Souza criticized Argentina"; not a state whose officials
                    # carry no such title: "Blinken met Foreign Minister Hayashi" names no U.S. foreign minister)
                    official = bool(set(agents) & codes().organ_agents)  # (not "dissident X", "farmer Y")
                    country = implied or next((c for c in (memory.home_state, _first_state(at, sent, tokens, before=i),
                                                           memory.main_state(), _first_state(at, sent, tokens))
                                               if c is not None and (not official or lex.may_hold(c, title_text))),
                                              None)
                    presumed = country is not None and country == memory.home_state and implied is None
                else:
                    presumed = False
                titled = _titled_person(memory, tokens, text, i, (i, j2), name_end, country, agents)
                out.append(titled)
                if presumed:
                    presumed_home.append(titled)
                i = name_end
                continue
            pub = memory.publisher_body
            # ("the Secretary", or a bare title opening a sentence of a release: "Prime Minister thanked ...")
            own = (pub is not None and memory.publisher is not None and bool(memory.publisher.titles)
                   and title is not None and country is None and (prev_norm(i) == "the" or (
                       i == sent.first and tokens[i].capitalised))
                   and memory.publisher.own_title(_title_text(tokens, text, i, j2)))
            earlier = (memory.titled_person(tokens[j2 - 1].norm, pub if own else None)
                       if title is not None and country is None and prev_norm(i) == "the" else None)
            if own and earlier is None:
                # "The Secretary reaffirmed ...", "the High Representative" in a release with no one of that title
                # named: the publisher's own official, not a counterpart named with the same word ("Foreign
                # Secretary X")
                pub_org = _org_prefix(pub)
                # ("He calls on ..." after it is the same official)
                memory.last_person = Person(text[tokens[i].start : tokens[j2 - 1].end], None if pub_org else pub,
                                            agents, pub_org)
                out.append(_mention(tokens, text, i, j2, country=None if pub_org else pub, agents=agents,
                                    kind="person", code_prefix=pub_org))
                i = max(j2, sp.last)
                continue
            if earlier is not None:  # "the minister", "the Secretary": the one named with that title before
                memory.last_person = earlier
                out.append(_mention(tokens, text, i, j2, country=earlier.country, agents=earlier.agents,
                                    kind="person", name=earlier.name, code_prefix=earlier.code_prefix))
                i = j2
                continue
            if (agent is not None and title is None and country is None and j2 < stop
                    and tokens[j2].norm in w.agent_described_nouns):
                i = max(j2, sp.last)  # "military aid to Ukraine", "security assistance": what kind of aid, no actor
                continue
            if (agent is not None and title is None) or (agent is not None and country is not None) or (
                    agent is not None and _in_appositive(tokens, i, sent)
                    and (j2 >= stop or tokens[j2].norm not in ("of", "for"))):
                # (not "X, the leader of the Village gang": the role is the body's, not the state's)
                m = _mention(tokens, text, i, j2, country=country, agents=agents)
                pending_bare.append(m)
                out.append(m)
            elif country is not None or implied is not None:
                out.append(_mention(tokens, text, i, j2, country=country or implied, agents=agents))
            i = max(j2, sp.last)
            continue
        i = sp.last
    _appositive_people(tokens, text, sent, covered, out, memory)
    _counterparts_before_own(memory, out, presumed_home, at, sent, tokens)
    subject = next((m for m in out if not m.locative), None)
    if subject is not None:
        memory.subject, memory.subject_sentence = subject, sent.index
        # (the sentence's subject, not an actor named inside an opening phrase or after a subject that is a thing:
        # "This event underscores the need for the Haitian government to ...")
        memory.subject_opening = subject.refers_to is not None or all(
            tokens[k].norm in w.determiners or tokens[k].norm in w.coordinators or tokens[k].text in w.quote_marks
            for k in range(sent.first, subject.first)) or (subject.first - 1 > sent.first
                                                           and tokens[subject.first - 1].norm == ",")
        second = next((m for m in out if m.first >= subject.last and not m.locative), None)
        memory.subject_pair = [c for c in (subject.country, second.country if second else None) if c] if (
            memory.subject_opening and second is not None and not subject.members and not second.members
            and second.first == subject.last + 1 and tokens[subject.last].norm == "and") else []
        # "X issued a statement", "X released a joint statement": what "The statement" in the next sentence stands for
        if memory.subject_opening and any(
                tokens[k].norm in w.documents and tokens[k - 1].norm in ("a", "an", "joint")
                for k in range(subject.last + 1, sent.last)):
            memory.issuer = (subject, sent.index)
        if memory.subject_opening and any(tokens[k].norm in w.proposal_verbs
                                          for k in range(subject.last, sent.last)):
            memory.proposer = (subject, sent.index)
    # "he" in the sentences that follow is the sentence's first person, its subject more often than not ("X met
    # Y on Monday. He said ..."), not the last one named
    first_person = next((m for m in out if m.kind == "person" and m.name), None)
    if first_person is not None:
        memory.last_person = memory.people.get(first_person.name or "") or memory.last_person
    # bare agent words ("police", "rebels") belong to the place or state the sentence is about
    place_country = _locative_country(at, sent, tokens)
    dateline = _dateline_country(at, sent, tokens)
    if dateline is not None:
        # ("BLANTYRE — The school refused ...": the story is reported from there; a city, not a state's name, is no
        # mention of the state, so the state is noted here for the sentences after it)
        place_country = place_country or dateline
        if dateline not in memory.states:
            memory.note_state(dateline)
    # (for troops, police and militants, a place named in the sentence or two just before: "Militants attacked a
    # train near Sibi. ... The military claimed the killing of 33": the troops there, not the most named state)
    place_before = memory.last_place[0] if memory.last_place and sent.index - memory.last_place[1] <= 2 else None
    if place_country:
        memory.last_place = (place_country, sent.index)
    if pending_bare:
        # (no state named yet, a place named in the sentence or two before: "Thousands of protesters marched in Dhaka.
        # The demonstrators demanded ...": the ones there)
        fallback = place_country or (states_here[0] if states_here else None) or memory.main_state() or place_before
        # ("Washington alleges the insurgent group has not ...": insurgents, rebels and the opposition are more often
        # the story's state's than the foreign state the sentence names)
        rebel_fallback = place_country or memory.main_state() or fallback
        regional: list[Mention] = []
        for m in pending_bare:
            if m.country is None and m.last + 1 < stop and tokens[m.last].norm in ("from", "of"):
                # "diplomats from the Group of Seven", "leaders of Puntland": whose they are follows
                # (a state after "from" is as often where they leave: "the withdrawal of forces from Panama"; nor is a
                # state naming a thing theirs: "bombers of the U.S. airliner")
                holder = next((x for x in out if m.last < x.first <= m.last + 2 and not x.members and x.kind != "person"
                               and (x.code_prefix or (x.country and tokens[m.last].norm == "of" and not (
                                   x.last < stop and tokens[x.last].text.isalpha() and tokens[x.last].text.islower())))
                               and not x.guessed and not x.locative), None)
                if holder is not None:
                    m.country, m.code_prefix = holder.country, holder.code_prefix
            if m.country is None and m.code_prefix is None and prev_norm(m.first) == "in" and (holder := next(
                    (x for x in out if x.last == m.first - 1 and x.country and not x.guessed and not x.locative
                     and not x.members), None)) is not None:
                m.country = holder.country  # "Republicans in Congress", "opposition members in parliament": theirs
            head = tokens[m.last - 1].norm
            if m.country is None and m.code_prefix is None and prev_norm(m.first) == "the" and head in memory.bare:
                # "the diplomats said" after "Top diplomats from the Group of Seven": the ones named so before
                m.country, m.code_prefix = memory.bare[head]
            if m.country is None and m.code_prefix is None and m.agents and m.agents[0] == "NGO":
                continue  # "the think tank said": a body of no state, not the sentence's state
            if (m.country is None and m.code_prefix is None and m.first > sent.first
                    and tokens[m.first - 1].capitalised and (tokens[m.first - 1].norm in lex.regions or (
                        m.first - 1 > sent.first and f"{tokens[m.first - 2].norm} {tokens[m.first - 1].norm}"
                        in lex.regions))):
                regional.append(m)  # "European leaders", "Arab foreign ministers": of a region, no state's actor
                continue
            if m.country is None and m.code_prefix is None:
                m.country = rebel_fallback if set(m.agents) & w.adversary_agents else fallback
                if (not place_country and memory.main_state() is not None and m.first == _clause_start(tokens, sent)
                        and all(x.first > m.first for x in out if x.country and x is not m and not x.guessed)):
                    # "The new government expelled American diplomats": the subject the sentence opens with is the
                    # story's state's, not that of the ones it acts on
                    m.country = memory.main_state()
                if set(m.agents) & w.victim_agents and not place_country:
                    # "Japanese troops captured Nanjing and massacred civilians": the people of the place taken,
                    # not of the attackers' state the sentence names
                    m.country = _place_named_country(at, sent, tokens) or m.country
                if (place_before and not place_country and not states_here and m.agents
                        and m.agents[0] in w.field_agents
                        and not any(x.country and not x.guessed for x in out if x is not m)):
                    m.country = place_before  # troops, police: the ones where the action just was
                if m.country == place_country and (sender := _sender(at, tokens, sent, out, m)) is not None:
                    m.country = sender  # "China dispatched warships toward Taiwan": the forces are the sender's
                m.guessed = True
        out[:] = [x for x in out if all(x is not r for r in regional)]
    for m in pending_bare:
        if not m.guessed and (m.country or m.code_prefix):
            memory.bare[tokens[m.last - 1].norm] = (m.country, m.code_prefix)
    # "Lai, a businessman and founder of a newspaper in Hong Kong, ...": a name described by agent words that the
    # place the sentence names gives a state is that state's person, as with a state named in the appositive
    # ... and, with a name of two words or more, the story's state for want of a place: "Kofi Boateng, the party's
    # spokesperson, ...", "Ama Mensah, an opposition lawmaker, ..." (a name no dictionary knows, of an ordinary
    # person in a story about one state, is more often that state's than another's)
    placed = [m for m in pending_bare if m.guessed and m.country and not (place_country and m.country != place_country)]
    if placed:
        _appositive_people(tokens, text, sent, covered, out, memory, among=placed, place=place_country)
    for pronoun, antecedent in standing_for:
        pronoun.country, pronoun.guessed = antecedent.country, antecedent.guessed
        pronoun.code_prefix = antecedent.code_prefix
    return out


def _plural(m: Mention, tokens: list[Token]) -> bool:
    """Whether a mention names several ("the two countries", "Chinese officials", "police"), whom a "they" may
    stand for; a state's or an organisation's name alone, a person, are one."""
    if m.members:
        return True
    if m.kind == "person" or not m.agents:
        return False
    head = tokens[m.last - 1].norm
    return head in words().plural_heads or (head.endswith("s") and not head.endswith("ss") and head != "'s")


def _single(m: Mention, tokens: list[Token]) -> bool:
    """Whether a mention is one state or organisation ("Russia", "the ministry", "the U.N."), whom an "it" may stand
    for: not a place, a person, several."""
    return (not m.locative and not m.members and m.kind != "person" and not _plural(m, tokens)
            and (m.country is not None or m.code_prefix is not None or bool(m.agents)))


def _verb_follows(tokens: list[Token], j: int, stop: int) -> bool:
    """Whether a pronoun ending at j is a verb's subject: an auxiliary, a modal or a finite verb follows ("it said",
    "it will", "it gradually stopped", "it is getting"), not a copula before a description ("it is time", "it's
    unacceptable") nor a word that ends the pronoun's clause ("criticized it, saying")."""
    w = words()
    k = j
    while k < stop and (tokens[k].norm in w.pronoun_adverbs or tokens[k].norm.endswith("ly")):
        k += 1
    if k >= stop or not tokens[k].text.replace("'", "").isalpha() or not tokens[k].text.islower():
        return False
    t = tokens[k].norm
    if t in w.be_forms or t == "'s":
        k += 1
        while k < stop and (tokens[k].norm in w.pronoun_adverbs or tokens[k].norm.endswith("ly")):
            k += 1
        return k < stop and tokens[k].text.isalpha() and tokens[k].norm.endswith(("ing", "ed"))
    if t in w.subject_auxiliaries or t in w.modals or t in w.speech:
        return True
    return t.endswith("ed") or (t.endswith("s") and not t.endswith(("ss", "us")) and len(t) > 3)


def _appositive_people(tokens: list[Token], text: str, sent: Sentence, covered: dict[int, Span],
                       out: list[Mention], memory: ArticleMemory, among: list[Mention] | None = None,
                       place: str | None = None) -> None:
    """A name no dictionary knows, described in an appositive by an actor: "Metin Topuz, a local U.S. consulate
    employee", "Nenad Stevandic, president of Republika Srpska's national assembly": the person is that actor's,
    here and when named again later in the article."""
    w = words()
    taken = {k for x in out for k in range(x.first, x.last)}
    # (a guessed actor: the last of the appositive first, whose the role is: "X, spokesman for the rebels")
    for m in list(reversed(among) if among is not None else out):
        if m.kind == "person" or m.locative or m.members or (m.country is None and m.code_prefix is None):
            continue
        # the comma that opens the appositive: only lower-case words (and "of") between it and the actor
        c = m.first - 1
        while c > sent.first and c > m.first - 5 and tokens[c].norm != "," and not tokens[c].capitalised:
            c -= 1
        if c <= sent.first or tokens[c].norm != ",":
            continue
        courtesy = next((x for x in out if x.kind == "person" and x.last == c and x.name and x.agents
                         and set(x.agents) <= w.courtesy_agents and m.agents and c == m.first - 1), None)
        if courtesy is not None:
            # "Mr. Taro Sato, Minister for Foreign Affairs of Japan, ...": a courtesy title told nothing of the
            # person the office after the comma places
            courtesy.country, courtesy.agents, courtesy.code_prefix = m.country, m.agents, m.code_prefix
            person = memory.people.get(courtesy.name or "")
            if person is not None:
                person.country, person.agents, person.code_prefix = m.country, m.agents, m.code_prefix
            continue
        end = c
        if end - 2 > sent.first and tokens[end - 1].text.isdigit() and tokens[end - 2].norm == ",":
            end -= 2  # "John Mwale, 45, a teacher": the age between the name and its appositive
        start = end
        while start > sent.first and end - start < 4:
            t = tokens[start - 1]
            # (a word the gazetteer has as a town may still be a name's: "Grace Masaka, a farmer")
            if not (t.capitalised and t.text.isalpha() and t.text not in w.not_names
                    and (start - 1 not in covered or covered[start - 1].kinds() <= {"place"})):
                break
            start -= 1
        # (one capitalised word is as often a place or a title as a name, unless it opens the sentence before "a"
        # and its appositive ends in a place: "Lai, a businessman in Hong Kong, ...")
        one_name = (among is not None and place is not None and end - start == 1 and start == sent.first
                    and end + 1 < sent.last
                    and tokens[end + 1].norm in ("a", "an") and tokens[start].text not in memory.people)
        if (end - start < 2 and not one_name) or (start > sent.first
                                                  and tokens[start - 1].norm not in w.appositive_name_openers):
            continue  # "X and Y, ..." too
        if any(k in taken for k in range(start, end)) or (
                among is not None and tokens[c + 1].norm not in w.appositive_articles
                and not (tokens[c + 1].norm == "the" and not one_name)
                and not (c + 1 in covered and covered[c + 1].kinds() & {"title", "agent"} and not one_name)):
            # (or a role with no article: "Ama Mensah, leader of the opposition, ...")
            continue  # (a guessed actor: only in an appositive proper, not "X, who became a media sensation")
        name = text[tokens[start].start : tokens[end - 1].end]
        person = Person(name, m.country, m.agents, m.code_prefix)
        memory.note_person(person)
        out.append(_mention(tokens, text, start, end, country=m.country, agents=m.agents, kind="person",
                            name=name, code_prefix=m.code_prefix))
    out.sort(key=lambda x: x.first)


def quoting(inside: bool, t: Token) -> bool:
    """Whether a quotation is open after token t: curly marks open and close it, a straight one toggles."""
    if t.text == "“":
        return True
    if t.text == "”":
        return False
    return not inside if t.text == '"' else inside


def _quote_open(tokens: list[Token], first: int, last: int, open_before: bool = False) -> bool:
    """Whether a quotation is open after tokens first..last-1."""
    inside = open_before
    for t in tokens[first:last]:
        inside = quoting(inside, t)
    return inside


def quote_open_after(tokens: list[Token], sent: Sentence, open_before: bool) -> bool:
    """Whether a quotation is still open at the end of the sentence."""
    return _quote_open(tokens, sent.first, sent.last, open_before)


def quote_closes(tokens: list[Token], sent: Sentence, open_before: bool) -> bool:
    """Whether a quotation closes inside the sentence."""
    inside = open_before
    for t in tokens[sent.first : sent.last]:
        was, inside = inside, quoting(inside, t)
        if was and not inside:
            return True
    return False


def wholly_quoted(tokens: list[Token], sent: Sentence, open_before: bool) -> bool:
    """Whether every word of the sentence is inside a quotation that goes on past it: its speaker is named
    elsewhere, in the sentence that closes the quotation or in one before it."""
    inside = open_before
    seen = False
    for t in tokens[sent.first : sent.last]:
        was, inside = inside, quoting(inside, t)
        if t.text.isalnum():
            if not (was and inside):
                return False
            seen = True
        elif was and not inside:
            return False
    return seen


def quoted_first_person(tokens: list[Token], text: str, sent: Sentence, mentions: list[Mention],
                        speaker: Mention, continuing: bool) -> list[Mention]:
    """The sentence's mentions with "we", "our" and "I" inside a quotation made its speaker's ("'We urge
    Afghanistan to act,' the ministry said"); `continuing`: the quotation opened in an earlier sentence."""
    w = words()
    taken = {k for m in mentions for k in range(m.first, m.last)}
    found = []
    inside = continuing
    for k in range(sent.first, sent.last):
        t = tokens[k]
        was, inside = inside, quoting(inside, t)
        if was and inside and t.norm in w.first_person and k not in taken and speaker.first != k:
            # ("we" is the speaker's side, a group, not the speaker as a person)
            found.append(_mention(tokens, text, k, k + 1, country=speaker.country, agents=speaker.agents,
                                  kind="group", code_prefix=speaker.code_prefix))
    return sorted([*mentions, *found], key=lambda m: m.first) if found else mentions


def _agent_chain(
    tokens: list[Token], at: dict[int, Span], j: int, stop: int, covered: dict[int, Span]
) -> tuple[tuple[str, ...], int, int]:
    """Agent words and titles from j on ("State Councilor and Foreign Minister"), then a personal name."""
    agents: list[str] = []
    has_title = False
    start = j
    while j < stop:
        j = _past_host_organisation(tokens, at, j, stop)
        sp = at.get(j)
        if sp is None:
            break
        ent = sp.entry("title", "agent")
        if ent is None:
            break
        has_title = has_title or ent.kind == "title"
        for a in ent.agents:
            if a not in agents:
                agents.append(a)
        j = sp.last
        if j + 1 < stop and tokens[j].norm == "and" and (n := at.get(j + 1)) is not None and n.entry("title"):
            j += 1
    name_end = _name_after(tokens, j, stop, covered) if has_title else j
    if not has_title and j - start == 1 and tokens[start].norm in words().role_nouns:
        # "farmer Grace Tembo": one role word before a name of two words or more (one capitalised word after a
        # role is as often a place or a body's: "student Wednesday", "journalist Reuters")
        after = _name_after(tokens, j, stop, covered)
        name_end = after if after - j >= 2 else j
    return tuple(agents), j, name_end


def _past_host_organisation(tokens: list[Token], at: dict[int, Span], j: int, stop: int) -> int:
    """After an organisation named between a state and its representative's title ("Iran's U.N. ambassador",
    "British Deputy U.N. Ambassador"): the title's index, so the envoy is the state's; else j."""
    sp = at.get(j)
    org = sp.entry("org") if sp is not None else None
    if org is None or _org_prefix(org.code) is None or sp is None or sp.last >= stop:
        return j
    nxt = at.get(sp.last)
    if nxt is not None and nxt.entry("title", "agent") and tokens[sp.last].norm in words().representative_titles:
        return sp.last
    return j


def _counterparts_before_own(memory: ArticleMemory, out: list[Mention], presumed: list[Mention],
                             at: dict[int, Span], sent: Sentence, tokens: list[Token]) -> None:
    """A person of no state said, taken as the publisher's, with one of its own officials named after him in the
    sentence ("President Y welcomed the Secretary to Nairobi", "Foreign Minister Y met with Secretary X"): the
    counterpart, of the state _counterpart_state finds (none: of no state)."""
    home = memory.home_state
    if not presumed or home is None:
        return
    for m in presumed:
        # (not one listed with him: "Ambassador X and Secretary Y met ...")
        if any(x.first > m.first and x.kind == "person" and x.country == home and all(x is not p for p in presumed)
               and not (x.first == m.last + 1 and tokens[m.last].norm in words().list_links) for x in out):
            m.country = _counterpart_state(memory, at, sent, tokens)
            person = memory.people.get(m.name or "")
            if person is not None:
                person.country = m.country


def _states_named(out: list[Mention]) -> list[str]:
    """The last two states named by the sentence's mentions so far, not its people's, in the order named (none if
    fewer than two)."""
    pair: list[str] = []
    for m in reversed(out):
        for x in reversed(m.members or [m]):
            if x.kind != "person" and x.country and x.country not in pair:
                pair.insert(0, x.country)
                if len(pair) == 2:
                    return pair
    return []


def _pair_before(memory: ArticleMemory, index: int) -> list[str]:
    """The two states "both sides", "the two" stand for when the sentence just before had two as its subject ("The
    two discussed ... They condemned ... Both sides agreed"): the same two, not a third state named in between (the
    one they condemned); else none."""
    prev = memory.subject
    if prev is None or memory.subject_sentence != index - 1:
        return []
    # ("The United States and Japan condemn ... The two countries call on")
    pair = memory.subject_pair if len(prev.members) != 2 else [x.country for x in prev.members if x.country]
    return pair if len(pair) == 2 and pair[0] != pair[1] else []


def _officials_pair(memory: ArticleMemory, index: int) -> list[str]:
    """The states of the last two people of two states named in this sentence or the two before ("X met Y in Doha
    to discuss Gaza. The two leaders ..."): the parties a pair reference means, in the order named; else none."""
    pair: list[str] = []
    for country, k in reversed(memory.officials):
        if k < index - 2:
            break
        if country not in pair:
            pair.insert(0, country)
            if len(pair) == 2:
                return pair
    return []


def _title_text(tokens: list[Token], text: str, first: int, last: int) -> str:
    """The words of a title as written, lower case ("chargé d'affaires", "deputy secretary")."""
    return text[tokens[first].start : tokens[last - 1].end].lower().replace("’", "'")


def _counterpart(memory: ArticleMemory, out: list[Mention], title: str) -> bool:
    """In a state's own release, whether a titled person named with no country is a foreign counterpart rather than
    one of the publisher's officials: a title the publisher's officials do not carry ("Foreign Minister Wang" in a
    State Department readout), or one named after the publisher's state or official in the sentence ("Secretary X
    met with President Y", "The United States thanks Prime Minister Z")."""
    body = memory.publisher_body
    if body is None or memory.publisher is None:
        return False
    return not memory.publisher.own_title(title) or any(
        (m.code_prefix or m.country) == body and not m.locative and not m.members for m in out)


def _counterpart_state(memory: ArticleMemory, at: dict[int, Span], sent: Sentence, tokens: list[Token]) -> str | None:
    """A counterpart's state: another state the sentence names, else the place the release's last few sentences set
    their action in ("Secretary X traveled to Ghana. ... met with President Y"), else the last other state named."""
    home = memory.home_state
    place = memory.last_place
    if place is not None and (place[0] == home or sent.index - place[1] > 3):
        place = None
    return _first_state(at, sent, tokens, but=home) or (place[0] if place else None) or next(
        (c for c in memory.last_states(3) if c != home), None)


def _shaped_organisation(tokens: list[Token], i: int, sent: Sentence, at: dict[int, Span],
                         covered: dict[int, Span]) -> tuple[int, str, str | None] | None:
    """An organisation no dictionary knows, told by the shape of its name: capitalised words (and links: "of",
    "for") ending in an organisation's noun ("the Committee for Honest Elections", "the Sahel Peace Foundation",
    "the Movement for Justice in Chad"): (the name's end, its agent code by that noun, the state the words right
    after it name, if any). Not a name a dictionary knows (an organisation, a person), one that names a state
    inside (that state is the actor already), nor one capitalised word ("Party leaders")."""
    w = words()
    heads = w.organisation_heads
    first = tokens[i]
    if not (first.capitalised and first.text.isalpha() and first.text not in w.not_names):
        return None
    if i > sent.first and tokens[i - 1].capitalised and tokens[i - 1].text.isalpha() \
            and tokens[i - 1].text not in w.not_names:
        return None  # (inside a run of capitalised words: the name starts at the run's start)
    j = i
    head: int | None = None
    capitals = 0
    while j < sent.last and j - i < 10:
        t = tokens[j]
        sp = covered.get(j)
        if sp is not None and sp.kinds() & {"org", "person", "title", "ref"} and (
                j == i or sp.kinds() & {"org", "person"}):
            return None  # (a reference or title word may be inside: "the Kenya Human Rights Commission", "the
            # Movement for Justice")
        if t.capitalised and t.text.replace("-", "").isalpha() and t.text not in w.not_names:
            capitals += 1
            if any(t.norm in nouns for nouns in heads.values()):
                head = j
            j += 1
        elif (t.norm in w.organisation_name_links and j > i and j + 1 < sent.last
              and (tokens[j + 1].capitalised or tokens[j + 1].norm in w.organisation_name_links)):
            j += 1
        else:
            break
    while j > i and not tokens[j - 1].capitalised:
        j -= 1
    if head is None or capitals < 2 or head >= j:
        return None
    agent = next(a for a, nouns in heads.items() if tokens[head].norm in nouns)
    country: str | None = None
    for k in range(i, j):
        e = at[k].entry("adj", "state", "place") if k in at else None
        if e is not None and e.country:
            return None  # ("the China Public Diplomacy Association", "the Kenya Teachers Union": the state named
            # in it is the actor already, with the agent words it has)
    if j + 1 < sent.last and tokens[j].norm in ("in", "of", "from"):
        e = at[j + 1].entry("state", "place", "capital") if j + 1 in at else None
        country = e.country if e is not None else None
    return j, agent, country


def _in_appositive(tokens: list[Token], k: int, sent: Sentence) -> bool:
    """Whether token k is the role word of an appositive after a capitalised name: "Kofi Boateng, the party's
    spokesperson", "Ama Mensah, a senior party official" (up to three lower-case or possessive words between the
    article and it)."""
    w = words()
    c = k - 1
    while c > sent.first and k - c <= 4 and tokens[c].norm not in w.appositive_articles and tokens[c].norm != "the":
        if tokens[c].capitalised and tokens[c].norm != "'s":
            return False
        c -= 1
    return (c - 2 >= sent.first and (tokens[c].norm in w.appositive_articles or tokens[c].norm == "the")
            and tokens[c - 1].norm == "," and tokens[c - 2].capitalised and tokens[c - 2].text.isalpha())


def _kin_named(tokens: list[Token], i: int, sent: Sentence, out: list[Mention], memory: ArticleMemory,
               covered: dict[int, Span]) -> tuple[tuple[int, int], Person] | None:
    """A kin word after a person's possessive, then a name ("his son Peter Wong", "Navalny's widow Yulia Navalnaya",
    "her husband, Taghi Rahmani"): the name's (first, last) and the one whose kin it is, whose state the kin
    shares (a family speaking for a prisoner is of the prisoner's side)."""
    w = words()
    if tokens[i].norm not in w.kin_nouns or i - 1 < sent.first:
        return None
    prev = tokens[i - 1].norm
    owner: Person | None = None
    if prev in w.person_possessives:
        owner = memory.last_person
    elif prev == "'s" and out and out[-1].kind == "person" and out[-1].last in (i - 1, i) and out[-1].name:
        owner = memory.people.get(out[-1].name)
    if owner is None or not (owner.country or owner.code_prefix):
        return None
    k = i + 1 + (i + 1 < sent.last and tokens[i + 1].norm == ",")
    end = _name_after(tokens, k, sent.last, covered)
    if end == k or any(k2 in covered and covered[k2].kinds() - {"place", "person"} for k2 in range(k, end)):
        return None
    return (k, end), owner


def _settlement_named(tokens: list[Token], i: int, sent: Sentence) -> bool:
    """Whether token i is a settlement's name after "the town(s) of", maybe second of two ("the towns of X and Y")."""
    w = words()
    k = i - 1
    if k - 1 > sent.first and tokens[k].norm in ("and", ",") and tokens[k - 1].capitalised:
        k -= 2
    return k - 1 >= sent.first and tokens[k].norm == "of" and tokens[k - 1].norm in w.settlement_nouns


def _first_state(at: dict[int, Span], sent: Sentence, tokens: list[Token], but: str | None = None,
                 before: int | None = None) -> str | None:
    for k in range(sent.first, sent.last if before is None else before):
        sp = at.get(k)
        if (sp is not None and (e := sp.entry("state", "adj")) is not None and e.country != but
                and not _currency(sp, tokens, sent.last)):
            return e.country
    return None


def _org_prefix(code: str | None) -> str | None:
    """The code of an international or non-governmental organisation (IGO/NGO/IMG...), else None."""
    return code if code and code[:3] in codes().organisation_prefixes else None


def _currency(sp: Span, tokens: list[Token], stop: int) -> bool:
    """A state's name before "$" is a currency: "US $50 million", "HK $2"."""
    return sp.last < stop and tokens[sp.last].text == "$"


def _in_front_of(tokens: list[Token], k: int, sent_first: int) -> bool:
    """Whether token k follows "in front of" (words.yaml locative_heads: a noun that with "of" makes a place)."""
    return (k - 2 >= sent_first and tokens[k - 1].norm == "of"
            and tokens[k - 2].norm in words().locative_heads)


def after_locative(tokens: list[Token], k: int, sent_first: int) -> bool:
    """Whether token k follows a locative preposition: "in Iraq", "in the Gulf", "in southeastern Serbia"."""
    w = words()
    j = k - 1
    while j >= sent_first and (tokens[j].norm == "the" or tokens[j].norm in w.directions):
        j -= 1
    return j >= sent_first and j < k and tokens[j].norm in w.locative


def _seat_of(tokens: list[Token], k: int, sent_first: int) -> bool:
    """Whether the place at token k is where something named before it is based ("three entities based in China",
    "a firm registered in the UAE"): whose they are, not where the act happened."""
    j = k - 1
    while j >= sent_first and tokens[j].norm == "the":
        j -= 1
    return j - 1 >= sent_first and tokens[j].norm == "in" and tokens[j - 1].norm in words().seat_participles


def _dateline_country(at: dict[int, Span], sent: Sentence, tokens: list[Token]) -> str | None:
    """The state of the place a story's dateline names: the article's first words, a place in capitals, up to a
    dash ("BLANTYRE —", "ISLAMABAD/PENTAGON —", "KABUL, Afghanistan (AP) —")."""
    if sent.first != 0 or sent.last - sent.first < 3:
        return None
    sp = at.get(sent.first)
    e = sp.entry("place", "capital", "state") if sp is not None else None
    first = tokens[sent.first].text
    if e is None or not e.country or not (len(first) > 1 and first.isalpha() and first.isupper()):
        return None
    marks = words().dateline_marks
    for k in range(sent.first + 1, min(sent.last - 1, sent.first + 8)):
        t = tokens[k].text
        if t in marks:
            return e.country
        if t.isalpha() and not t[0].isupper():
            return None
    return None


def _clause_start(tokens: list[Token], sent: Sentence) -> int:
    """Where a sentence's subject starts: past an opening "The", "A", "New"-like determiner or an opening date."""
    w = words()
    k = sent.first
    while k < sent.last and (tokens[k].norm in w.determiners or tokens[k].norm in w.subject_modifiers):
        k += 1
    return k


def _place_named_country(at: dict[int, Span], sent: Sentence, tokens: list[Token]) -> str | None:
    """The state of the first city or region the sentence names, as a place or not ("captured Nanjing"); not a
    word of a person's name that a town shares ("Grace Banda": a capitalised word before it)."""
    for k in range(sent.first, sent.last):
        sp = at.get(k)
        if k > sent.first and tokens[k - 1].capitalised and tokens[k - 1].text.isalpha():
            continue
        if sp is not None and sp.entry("state") is None:
            e = sp.entry("place", "capital")
            if e is not None and e.country:
                return e.country
    return None


def _sender(at: dict[int, Span], tokens: list[Token], sent: Sentence, out: list[Mention], m: Mention) -> str | None:
    """The state that sends bare forces `m` to a place: the state named just before them ("China dispatched
    warships toward Taiwan", "Russia on Monday sent troops into Belarus"), the place after a preposition of movement
    within three words."""
    w = words()
    if not (m.agents and m.agents[0] in w.field_agents and m.agents[0] not in w.adversary_agents):
        return None
    prep = next((k for k in range(m.last, min(m.last + 3, sent.last)) if tokens[k].norm in w.motion_prepositions), None)
    if prep is None:
        return None
    k = prep + 1
    while k < sent.last and (tokens[k].norm == "the" or tokens[k].norm in w.directions):
        k += 1
    sp = at.get(k)
    if sp is None or sp.entry("state", "place", "capital") is None:
        return None
    before = [x for x in out if x.last <= m.first and x.country and not x.guessed and not x.locative and not x.members]
    if not before or any(x.first < m.first and x.last > before[-1].last for x in out if x is not m):
        return None
    x = before[-1]
    if m.first - x.last > 4 or any(not t.text.isalnum() for t in tokens[x.last : m.first]):
        return None
    return x.country


def _locative_country(at: dict[int, Span], sent: Sentence, tokens: list[Token]) -> str | None:
    for k in range(sent.first + 1, sent.last):
        sp = at.get(k)
        if sp is None:
            continue
        if after_locative(tokens, k, sent.first):
            e = sp.entry("state", "place", "capital")
            if e is not None and e.country:
                return e.country
    return None
