"""The coder's data files and their schemas: every file in `data/` is read through one of these, checked at load.

A YAML file is read with the project's safe loader (no aliases, bounded nesting), then validated by a pydantic
model that forbids unknown keys and does not coerce types ("12" is not a latitude, `no` is not the word "no"):
a misspelt key in a dictionary used to be ignored without a word. A refused file names itself, the line and
the field: `.../organisations.yaml:54: [46].kinds: Extra inputs are not permitted (got group)`. The line is
looked up only when there is an error, by composing the file again; validating all the dictionaries takes
~10 ms (and libyaml's parser, which the safe loader uses, reads them in 0.2 s where yaml.safe_load took 1.4).

The coder's rules read their word lists (words.yaml) and the codes they recode events by (codes.yaml) through
`words()` and `codes()`. Nothing here reads a file at import: those two and `lexicon.load()` are cached
loaders, run on first use.
"""

from __future__ import annotations

import csv
import functools
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, RootModel, Strict, ValidationError

from services import safe_yaml
from services.errors import DataFileError

DATA = Path(__file__).parent / "data"
MAX_ERRORS = 5  # errors listed for one file; the rest are counted


class _Strict(BaseModel):
    """A mapping of a data file: no unknown keys, no type coercion, immutable once loaded."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


# a YAML list of words read into a set or a tuple (strict mode accepts only the target type itself; the
# words inside stay strict: a number or a bare `no`, which YAML reads as false, is refused)
WordSet = Annotated[frozenset[str], Strict(False)]
WordSeq = Annotated[tuple[str, ...], Strict(False)]
CodeList = list[str]  # CAMEO codes: agents (GOV, MIL), states (ISO alpha-3), organisations (IGOUNO)


# --- the dictionaries ---------------------------------------------------------------------------------------

class Organisation(_Strict):
    """organisations.yaml: an international or non-state organisation."""

    code: str
    names: list[str] = Field(min_length=1)  # the first is its name in the output
    country: str | None = None
    agents: CodeList = []
    kind: Literal["organisation", "group"] = "organisation"  # for reading: the code decides how it is coded


class AgentWords(_Strict):
    """agents.yaml: words naming a part of a state or society."""

    agents: CodeList
    words: list[str]


class Titles(_Strict):
    """titles.yaml: person titles and the agents they carry."""

    agents: CodeList
    titles: list[str]
    country: str | None = None


class KnownPerson(_Strict):
    """people.yaml: a well-known person without dated offices."""

    name: str
    country: str | None = None
    org: str | None = None
    agents: CodeList = []
    aliases: list[str] = []


Day = date | int | str  # a YAML date, a year, "YYYY-MM"


class Office(_Strict):
    """officeholders.yaml: one office of a person, with its dates."""

    name: str
    country: str | None = None
    org: str | None = None
    agents: CodeList = []
    role: str | None = None  # for reading
    start: Day | None = Field(None, alias="from")
    end: Day | None = Field(None, alias="to")
    aliases: list[str] = []


class Place(_Strict):
    """places.yaml: a sea, strait, island group or region the city gazetteer lacks."""

    name: str
    kind: str
    country: str | None = None
    lat: float
    lon: float
    aliases: list[str] = []
    within: list[str] = []


class Source(_Strict):
    """sources.yaml: a publisher that speaks for a state or an organisation."""

    code: str
    agents: CodeList = []
    names: list[str]
    titles: list[str] = []


class References(_Strict):
    """references.yaml: phrases that refer back to actors named before."""

    pair: list[str]
    state: list[str]
    person: list[str]
    possessive: list[str]
    group: list[str]
    single: list[str]
    self: list[str]
    body: list[str]
    document: list[str]
    proposal: list[str]
    region_nouns: list[str]

    def kinds(self) -> dict[str, list[str]]:
        """The phrases of each kind of reference, by kind: every list but `region_nouns`, which refer back only
        after a region's name ("the Gulf state", "the Baltic nation") and are no reference on their own."""
        return {k: v for k, v in self.model_dump().items() if k != "region_nouns"}


class PatternSpec(_Strict):
    """An entry of verbs.yaml's or cameo_verbs.yaml's `patterns` (options explained at the top of verbs.yaml)."""

    code: str
    phrases: list[str] = Field(min_length=1)
    target: Literal["after", "end", "left", "none", "within"] = "after"
    passive: bool = False
    joint: bool = False
    intent: bool = False
    requires_target: bool = False
    mode: str | None = None
    commands: bool = False
    of_agent: bool = False
    from_agent: bool = False
    head_agent: bool = False
    destination: bool = False
    charge_after: bool = False
    alternative: bool = False
    speaker_source: bool = False
    speaker_only: bool = False
    compound_parties: bool = False
    venue_after: bool = False
    target_reach: int | None = Field(default=None, ge=0)


class Verbs(_Strict):
    """verbs.yaml: the hand-written event patterns and the mood words."""

    irregular: dict[str, list[str]]
    patterns: list[PatternSpec]
    negation: list[str]
    refusal: list[str]
    hypothetical: list[str]
    speculative: list[str]
    future: list[str]


class CameoVerbs(_Strict):
    """cameo_verbs.yaml (generated by scripts/convert_cameo_verbs.py)."""

    irregular: dict[str, list[str]]
    patterns: list[PatternSpec]


class Organisations(RootModel[list[Organisation]]):
    model_config = ConfigDict(strict=True)


class AgentFile(RootModel[list[AgentWords]]):
    model_config = ConfigDict(strict=True)


class TitleFile(RootModel[list[Titles]]):
    model_config = ConfigDict(strict=True)


class People(RootModel[list[KnownPerson]]):
    model_config = ConfigDict(strict=True)


class Offices(RootModel[list[Office]]):
    model_config = ConfigDict(strict=True)


class Places(RootModel[list[Place]]):
    model_config = ConfigDict(strict=True)


class Sources(RootModel[list[Source]]):
    model_config = ConfigDict(strict=True)


class Regions(RootModel[dict[str, list[str]]]):
    """regions.yaml: a regional adjective -> the ISO alpha-3 codes of its states."""

    model_config = ConfigDict(strict=True)


# --- loading, with the line of an error -------------------------------------------------------------------------

M = TypeVar("M", bound=BaseModel)


def load_yaml(path: Path, schema: type[M]) -> M:
    """`path` read and validated against `schema`; DataFileError naming the file, the line and the field."""
    return parse_yaml(path.read_text(encoding="utf-8"), schema, path)


def parse_yaml(text: str, schema: type[M], path: Path) -> M:
    """`text` (the contents of `path`, or what a converter is about to write there) validated against `schema`."""
    try:
        data = safe_yaml.load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        raise DataFileError(f"{where}: not valid YAML: {exc}") from exc
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        raise DataFileError(_describe(path, text, exc)) from None


def _describe(path: Path, text: str, exc: ValidationError) -> str:
    """One line an error (at most MAX_ERRORS), each `file:line: field: message (got value)`."""
    root = yaml.compose(text, Loader=safe_yaml.SafeLoader)
    lines: list[str] = []
    seen: set[tuple[int, str]] = set()
    errors = exc.errors()
    for err in errors:
        line, field = _locate(root, err["loc"])
        if (line, field) in seen:  # a union's members each fail: one line for the field
            continue
        seen.add((line, field))
        if len(lines) < MAX_ERRORS:
            lines.append(f"{path}:{line}: {field or '(file)'}: {err['msg']} (got {safe_yaml.excerpt(err['input'])})")
    more = len(seen) - len(lines)
    return "\n".join(lines) + (f"\n... and {more} more errors" if more else "")


def _locate(root: yaml.Node | None, loc: tuple[int | str, ...]) -> tuple[int, str]:
    """The line (1-based) and the path ("[43].kinds") of an error's location in the YAML node tree."""
    node = root
    line = node.start_mark.line + 1 if node is not None else 1
    field = ""
    for part in loc:
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            field += f".{part}" if field else part
            match = next(((k, v) for k, v in node.value if k.value == part), None)
            if match is None:  # a missing field: the mapping that lacks it
                break
            key, node = match
            line = key.start_mark.line + 1  # (a key's line: a multi-line value starts on it)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            field += f"[{part}]"
            node = node.value[part]
            line = node.start_mark.line + 1
        else:  # a scalar: what follows names a type of a union or an item of a set
            break
    return line, field


def read_tsv(path: Path, columns: tuple[int, int], skip_header: bool = False) -> list[list[str]]:
    """A tab-separated file's rows (comment lines and blank lines skipped), each of `columns` = (least, most)
    columns; DataFileError naming the file and the line of a row that has fewer or more."""
    least, most = columns
    rows: list[list[str]] = []
    with open(path, encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter="\t")
        for row in reader:
            if not row or row[0].startswith("#"):
                continue
            if skip_header:
                skip_header = False
                rows.append(row)
                continue
            if not least <= len(row) <= most:
                expected = str(least) if least == most else f"{least} to {most}"
                raise DataFileError(f"{path}:{reader.line_num}: {len(row)} columns, expected {expected} "
                                    f"(got {safe_yaml.excerpt(chr(9).join(row))})")
            rows.append(row)
    return rows


# --- the coder's word lists (words.yaml) and codes (codes.yaml) ---------------------------------------------------

def inflected(bases: tuple[str, ...]) -> frozenset[str]:
    """Regular verbs' forms: "urge" -> urge, urges, urged, urging; "ask" -> ask, asks, asked, asking."""
    out: set[str] = set()
    for b in bases:
        stem = b[:-1] if b.endswith("e") else b
        out |= {b, b + "s", stem + "ed", stem + "ing"}
    return frozenset(out)


class VerbForms(_Strict):
    """Verbs given by their base forms, inflected by rule, and the forms the rule misses."""

    regular: WordSeq
    also: WordSet = frozenset()

    @cached_property
    def forms(self) -> frozenset[str]:
        return inflected(self.regular) | self.also


class Words(_Strict):
    """words.yaml: the closed-class words and short word lists the coder's rules test tokens against (each
    explained in the file)."""

    # actors (services/coder/actors.py)
    locative: WordSet
    organisation_heads: dict[str, WordSet]
    organisation_name_links: WordSet
    subdivision_nouns: WordSeq
    settlement_nouns: WordSet
    role_nouns: WordSet
    relative_subject_quantifiers: WordSet
    subdivision_any_nouns: WordSeq
    dateline_marks: WordSet
    name_particles: WordSet
    compound_modifiers: WordSet
    attaching_participles: WordSet
    stance_prefixes: WordSet
    directions: WordSet
    not_after_place: WordSet
    not_names: WordSet
    representative_titles: WordSet
    person_possessives: WordSet
    quote_marks: WordSet
    leader_bodies: WordSet
    title_links: WordSet
    title_abbreviations: dict[str, str]
    first_person: WordSet
    appositive_name_openers: WordSet
    appositive_articles: WordSet
    courtesy_agents: WordSet
    destination_preps: WordSet
    pair_of_states: WordSet
    publisher_nouns: WordSet
    seat_participles: WordSet
    person_pronouns: WordSet
    any_body_nouns: WordSet
    charge_verbs: WordSet
    pronoun_adverbs: WordSet
    it_links: WordSet
    documents: WordSet
    proposal_verbs: WordSet
    proposal_backers: WordSet
    subject_auxiliaries: WordSet
    plural_heads: WordSet
    plural_titles: WordSet
    party_list_links: WordSet
    party_list_heads: WordSet
    region_determiners: WordSet
    list_links: WordSet
    # events (services/coder/coder.py)
    be_forms: WordSet
    passive_adverbs: WordSet
    passive_markers: WordSet
    passive_auxiliaries: WordSet
    participle_endings: WordSeq
    duty_speech: WordSet
    speech: WordSet
    speech_participles: WordSet
    not_a_verb_before: dict[str, WordSet]
    not_a_verb_after: dict[str, WordSet]
    press_objects: WordSet
    reception_nouns: WordSet
    reception_followers: WordSet
    meeting_topics: WordSet
    backing_participles: WordSet
    meeting_partners: WordSet
    party_openers: WordSet
    compound_joiners: WordSet
    unrealised_before: WordSet
    unrealised_after: WordSet
    venue_nouns: WordSet
    guest_stops: WordSet
    negated_objects: WordSet
    hypothetical_determiners: WordSet
    setting_nouns: WordSet
    setting_prepositions: WordSet
    fronting_prepositions: WordSet
    continuation: WordSet
    additive_negations: WordSet
    sequel_prepositions: WordSet
    setting_heads: WordSet
    label_determiners: WordSet
    judgement_nouns: WordSet
    judging_words: WordSet
    reference_modifiers: WordSet
    time_possessors: WordSet
    reference_heads: WordSet
    decision_nouns: WordSet
    deciding_nouns: WordSet
    protest_verbs: WordSet
    proposal_nouns: WordSet
    proposal_handling: WordSet
    cause_prepositions: WordSet
    threat_verbs: WordSet
    endangered_objects: WordSet
    casualty_verbs: VerbForms
    accident_words: WordSet
    cessation_verbs: WordSet
    since_times: WordSet
    condition_openers: WordSet
    status_verbs: WordSet
    status_auxiliaries: WordSet
    status_adverbs: WordSet
    participle_subordinators: WordSet
    possible_act_links: WordSet
    field_agents: WordSet
    agent_described_nouns: WordSet
    motion_prepositions: WordSet
    possible_act_modals: WordSet
    finite_clause_marks: WordSet
    inversion_marks: WordSet
    speech_fillers: WordSet
    speaker_pronouns: WordSet
    admission_objects: WordSet
    head_modifiers: WordSet
    head_prepositions: WordSet
    target_stop: WordSet
    conditions: WordSet
    gerund_clause: WordSet
    conjunct_words: WordSet
    inclusion_openers: WordSet
    situation_nouns: WordSet
    general_determiners: WordSet
    situation_modifiers: WordSet
    concern_prepositions: WordSet
    doer_links: WordSet
    companion_phrases: WordSet
    companion_relatives: WordSet
    call_nouns: WordSet
    call_determiners: WordSet
    list_closers: WordSet
    coordinators: WordSet
    not_verbs: WordSet
    adversary_agents: WordSet
    modifier_possessives: WordSet
    modal_non_subjects: WordSet
    thing_prepositions: WordSet
    chain_breaks: WordSet
    go_between_participles: WordSet
    complementizers: WordSet
    rule_verbs: WordSet
    phrase_prepositions: WordSet
    hypothetical_modals: WordSet
    light_verbs: WordSet
    determiners: WordSet
    indefinite_articles: WordSet
    object_starts: WordSet
    not_objects: WordSet
    # moods (services/coder/moods.py) and dates (services/coder/dates.py)
    use_marks: WordSet
    war_nouns: WordSet
    observer_nouns: WordSet
    observer_verbs: WordSet
    forecast_words: WordSet
    kin_nouns: WordSet
    kin_possessives: WordSet
    figurative_places: WordSet
    fight_words: WordSet
    clause_break: WordSet
    inserted_adverbs: WordSet
    weekdays: WordSeq
    months: WordSeq
    year_openers: WordSet
    news_days: WordSet
    # the dependency parse (services/coder/syntax.py)
    recipient_preps: WordSeq
    agent_preps: WordSet
    phrase_links: WordSet
    object_control: VerbForms
    request_verbs: VerbForms
    wish_verbs: WordSet
    wish_modals: WordSet
    staging_verbs: WordSet
    modals: WordSet
    setting_preps: WordSet
    reflexive: WordSet
    denial_verbs: WordSet
    accusation_nouns: WordSet
    offer_nouns: WordSet
    legal_words: WordSet
    object_pronouns: WordSet
    locative_heads: WordSet
    venue_marks: WordSet
    mission_buildings: WordSet
    closing_quotes: WordSet
    report_nouns: WordSet
    patient_nouns: WordSet
    by_agent_nouns: WordSet
    subject_modifiers: WordSet
    victim_agents: WordSet
    out_of_office: WordSet
    judged_participles: WordSet
    boycott_words: WordSet
    carried_out_by: WordSet
    victim_acts: WordSet
    victim_links: WordSet
    victim_of_acts: WordSet
    charge_clauses: WordSet
    other_possessives: WordSet
    adjectival_participles: WordSet
    standing_participles: WordSet
    verb_followers: WordSet
    personal: WordSet
    someone_words: WordSet

    @cached_property
    def weekday_index(self) -> dict[str, int]:
        """Weekday -> its number, Monday 0 (datetime's weekday())."""
        return {d: i for i, d in enumerate(self.weekdays)}

    @cached_property
    def month_index(self) -> dict[str, int]:
        """Month name -> its number, January 1."""
        return {m: i + 1 for i, m in enumerate(self.months)}


class Codes(_Strict):
    """codes.yaml: the CAMEO event codes the coder's rules recode events by and the actor-code prefixes they
    test (each explained in the file)."""

    intent: dict[str, str]
    threat: dict[str, str]
    refusal: dict[str, str]
    refusal_other: str
    refusal_roots: WordSet
    conditional_threat: str
    cooperation_roots: WordSet
    material_conflict_roots: WordSet
    violent_roots: WordSet
    domestic_roots: WordSet
    unplaced_roots: WordSet
    mutual_roots: WordSet
    relations_codes: WordSet
    hosted_modes: WordSet
    thing_object_roots: WordSet
    private_agents: WordSet
    armed_agents: WordSet
    arresting_agents: WordSet
    labour_strike: str
    military_strike: str
    field_cooperation: str
    official_agents: WordSet
    official_protest: str
    stance_roots: WordSet
    denial_roots: WordSet
    accusation_types: WordSet
    named_accusation: str
    named_offer: str
    named_call: str
    quoted_charge_roots: WordSet
    concern_roots: WordSet
    concern_codes: WordSet
    judging_roots: WordSet
    press_free_roots: WordSet
    judged_roots: WordSet
    request_roots: WordSet
    threat_root: str
    aid_root: str
    coercion_root: str
    outward_roots: WordSet
    organ_agents: WordSet
    outward_material_roots: WordSet
    custody_code: str
    protest_root: str
    organisation_prefixes: WordSeq
    publisher_non_states: WordSeq
    elite: str
    curated_states: WordSet
    state_codes: dict[str, str]


@functools.cache
def words() -> Words:
    """words.yaml, read and checked on first use."""
    return load_yaml(DATA / "words.yaml", Words)


@functools.cache
def codes() -> Codes:
    """codes.yaml, read and checked on first use."""
    return load_yaml(DATA / "codes.yaml", Codes)
