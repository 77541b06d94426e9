"""Convert PETRARCH-2's CAMEO verb dictionary into the coder's pattern format (services/coder/data/cameo_verbs.yaml).

    python scripts/convert_cameo_verbs.py [CAMEO.2.0.txt] [-o services/coder/data/cameo_verbs.yaml]

The source (openeventdata/petrarch2, MIT licence) is a list of verb blocks:

    ---  ACCELERATE   [---]  ---          the block and its default code ([---]: none)
    HURRY {HURRIES HURRYING HURRIED }      a verb, its forms when irregular, an optional code of its own
    +CALL_OFF [160]                        a multi-word verb; `+` marks the word that inflects
    - * {ARMS SHIPMENT} (TO +)  [072]      a pattern: `*` the verb, `+` the target, `$` the source, `^` any noun
                                           phrase, `%` a compound actor, {..} a noun phrase, (..) a prepositional
                                           phrase, &NAME a synonym set, A/B alternatives; [X:Y] a pair of
                                           codes (X for source->target, Y for the reverse), [:Y] the reverse only

Each pattern becomes one phrase of ours (services/coder/data/verbs.yaml's syntax): the words in order, starting
with the first literal (the verb or a word before it), the verb as the alternatives of all the block's verbs,
synonym sets as alternatives (nouns with their plural unless the set marks them `_`), a gap where the source
skips words (after the verb, inside a prepositional phrase, at `^`, `+` and `$`), none inside a noun phrase.
`+` before the verb makes the phrase passive, `+` after the last word makes the target `end`, [X:X] makes it
joint. A verb with a code of its own (or its block's) makes a bare-verb phrase (only with --all, see BARE_VERBS).

Patterns that cannot be expressed are skipped and counted; so are, by the selection rules below the imports
(measured on the gold files: all of the dictionary costs far more precision than it brings recall), bare verbs,
vague codes, patterns whose other words are function words, words before the verb and the most general verbs; a
pattern keeps to the verbs it was found with. (Phrases starting with a word verbs.yaml's own phrases start with
are left out when the coder loads them, so this file does not depend on verbs.yaml.) Patterns that code wrongly
in today's news are dropped by hand, each with its reason, in services/coder/data/cameo_dropped.tsv. `--all` turns
the selection off. The summary is printed to stderr. Same input, same output, byte for byte.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from services.coder.datafiles import CameoVerbs, parse_yaml, read_tsv  # noqa: E402
from services.coder.lexicon import inflect, pluralise  # noqa: E402

DEFAULT_OUT = ROOT / "services" / "coder" / "data" / "cameo_verbs.yaml"
CAMEO_TSV = ROOT / "services" / "coder" / "data" / "cameo.tsv"
# patterns left out by hand, each with its reason: those that code wrongly in today's news
DROPPED_TSV = ROOT / "services" / "coder" / "data" / "cameo_dropped.tsv"
SOURCE_REL = "lexicons/petrarch2/CAMEO.2.0.txt"
SOURCE_COMMIT = "676801c"

# --- selection: general rules for what is left out (precision on news text) -----------------------------------
# words that alone make no event phrase: function words and the most general verbs
STOP_WORDS = frozenset(
    "a an the to of in on at by for from with into onto over under up down out off about against between among "
    "after before during since until as than that this these those it its his her their them him he she they we "
    "is are was were be been being has have had do does did will would shall should can could may might must "
    "not no never and or but if so then there here back away forward ahead also again".split())
# codes too vague to say anything: generic statements, generic appeals, "make a comment"
EXCLUDE_CODES = frozenset({"010", "011", "012", "013", "014", "015", "016", "017", "018", "019", "020"})
# a verb alone: PETRARCH-2 knew from its parse that a word was a verb; a token matcher does not ("forces",
# "claims", "united", "deal" are nouns and adjectives more often than verbs in news), so no bare-verb phrases
BARE_VERBS = False
# a pattern keeps to the verbs it was found with (its comment) when the block has them: the blocks are WordNet
# synonym sets, and "- * (WITH STONES) [182] # PELT" said of every verb of its block ("match", "hit", "storm")
# codes far more than stones thrown
ORIGIN_VERBS_ONLY = True
# `convert(hand_written=...)`: verbs left out (the coder leaves out verbs.yaml's at load time instead)
LEAVE_HAND_WRITTEN_VERBS = True
# the most general verbs say nothing by themselves: "use weapons", "take steps", "make a deal" are coded by the
# hand-written phrases or not at all (PETRARCH-2 read the verb's object from the parse; here it is any word in a gap)
GENERAL_VERBS = frozenset("be have do make take get go come put set give use keep let see hold bring".split())
# words before the verb ("&MILITARY * [154]", "POLICE * [173]"): the phrase would start with the noun that
# names the actor, and the coder looks for the source before the phrase
WORDS_BEFORE_VERB = False
# words before the verb that are mood or tense, which the coder decides from the clause itself
MOOD_WORDS = frozenset({"will", "would", "not", "no", "never", "cannot", "n't", "may", "might", "could"})


@dataclass
class Verb:
    text: str  # lower-case, words joined by "_"
    marked: int  # index of the word that inflects
    forms: list[str] | None = None  # explicit forms from {..} (without the base); [] for "{}": no inflection
    code: str | None = None  # the verb's own code


@dataclass
class Block:
    name: str
    code: str | None
    verbs: dict[str, Verb] = field(default_factory=dict)
    # body, code text, the verbs the pattern was found with (its comment: "# RUSH", "# WIPE_OUT , WIPED_OUT")
    patterns: list[tuple[str, str, tuple[str, ...]]] = field(default_factory=list)


@dataclass
class Dictionary:
    synsets: dict[str, list[str]]
    blocks: list[Block]


@dataclass
class Result:
    entries: list[dict[str, object]]
    irregular: dict[str, list[str]]
    stats: Counter[str]
    unknown_codes: Counter[str]


_CODE = re.compile(r"\[([^\]]*)\]")
_HEADER = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]")


def _strip_comment(line: str) -> str:
    return re.split(r"[#;]", line, maxsplit=1)[0].rstrip()


def parse(text: str) -> Dictionary:
    """The synonym sets and verb blocks of a dictionary in PETRARCH-2's format."""
    synsets: dict[str, list[str]] = {}
    blocks: list[Block] = []
    current_set: str | None = None
    block: Block | None = None
    for raw in text.splitlines():
        if raw.startswith("####### VERB PATTERNS"):
            current_set = None
        if raw.startswith("######## TRANSFORMATIONS") or raw.startswith("~"):
            break
        line = _strip_comment(raw).replace("\t", " ")
        if not line.strip() and raw.strip():
            continue  # a comment line
        if not line.strip():
            current_set = None if block is None else current_set
            continue
        if line.startswith("&") and block is None:
            current_set = line.split()[0][1:]
            synsets[current_set] = []
            continue
        if line.startswith("+") and current_set is not None and block is None:
            synsets[current_set].append(line[1:].split()[0])
            continue
        header = _HEADER.match(line)
        if header:
            code = header.group(2).strip()
            block = Block(header.group(1).lower(), code)
            blocks.append(block)
            continue
        if block is None:
            continue
        if line.startswith("-"):
            m = _CODE.search(line)
            if m is None:
                continue
            note = raw.split("#", 1)[1] if "#" in raw else ""
            origin = tuple(sorted({w.strip().lower().replace(" ", "_") for w in note.split(",")} - {""}))
            block.patterns.append((line[1 : m.start()].strip(), m.group(1).strip(), origin))
            continue
        _add_verb(block, line)
    return Dictionary(synsets, blocks)


def _add_verb(block: Block, line: str) -> None:
    m = _CODE.search(line)
    code = m.group(1).strip() if m else None
    if m:
        line = line[: m.start()] + line[m.end() :]
    forms: list[str] | None = None
    brace = re.search(r"\{([^}]*)\}", line)
    if brace:
        forms = [f.lstrip("+").lower() for f in re.split(r"[\s,]+", brace.group(1)) if f.strip("+")]
        line = line[: brace.start()] + line[brace.end() :]
    words = line.split()
    if not words:
        return
    parts = words[0].lower().split("_")
    marked = next((i for i, w in enumerate(parts) if w.startswith("+")), 0)
    word = "_".join(parts).replace("+", "")
    verb = block.verbs.get(word)
    if verb is None:
        block.verbs[word] = Verb(word, marked, forms, code)
        return
    if forms is not None:
        verb.forms = sorted(set(verb.forms or []) | set(forms))
    if code is not None:
        verb.code = code


# --- conversion -------------------------------------------------------------------------------------------------


class Skip(Exception):
    """A pattern that cannot be expressed (or is left out by a rule); the message is the reason."""


def pattern_key(verb: str, body: str, code: str) -> tuple[str, str, str]:
    """How a source pattern is named in cameo_dropped.tsv: the verb of its comment, its body and its code,
    case and spacing aside ("SUGGEST", "* &DISPUTE", "111")."""
    return verb.strip().lower().replace(" ", "_"), " ".join(body.split()).upper(), code.strip()


def read_dropped(path: Path = DROPPED_TSV) -> frozenset[tuple[str, str, str]]:
    """The patterns dropped by hand: rows `VERB <tab> * PATTERN [CODE] <tab> reason`."""
    out: set[tuple[str, str, str]] = set()
    for verb, pattern, _reason in read_tsv(path, (3, 3)):
        m = _CODE.search(pattern)
        if m is None:
            raise ValueError(f"{path}: no [code] in {pattern!r}")
        out.add(pattern_key(verb, pattern[: m.start()].lstrip("- "), m.group(1)))
    return frozenset(out)


def known_codes(path: Path = CAMEO_TSV) -> frozenset[str]:
    with open(path, encoding="utf-8") as fh:
        return frozenset(line.split("\t")[0] for line in fh if line.strip() and not line.startswith("#"))


def parse_code(text: str, known: frozenset[str], select: bool = True) -> tuple[str, bool]:
    """The code of a pattern and whether it is symmetric ([062:062]); Skip if there is none to use."""
    text = text.strip()
    if not text or text.startswith("---"):
        raise Skip("no code ([---])")
    if not re.fullmatch(r"\d{3,4}(:\d{3,4})?|:\d{3,4}", text):
        raise Skip("unsupported code mark")
    if text.startswith(":"):
        raise Skip("reverse-direction code only ([:X])")
    code, _, back = text.partition(":")
    if not (code in known or code[:3] in known or code[:2] in known):
        raise Skip(f"code unknown to cameo.tsv: {code}")
    if select and code in EXCLUDE_CODES:
        raise Skip("vague code (generic statement or appeal)")
    return code, back == code


def verb_alternatives(verb: Verb) -> list[str]:
    """Our alternatives for one verb: `word~` for a single word (its irregular forms go to the table), the
    inflected forms written out for several words."""
    words = verb.text.split("_")
    if len(words) == 1:
        return [verb.text] if verb.forms == [] else [verb.text + "~"]
    if verb.forms is not None:
        return sorted({verb.text, *verb.forms})
    out = []
    for form in inflect(words[verb.marked], {}):
        out.append("_".join([*words[: verb.marked], form, *words[verb.marked + 1 :]]))
    return sorted(set(out))


def synset_members(name: str, synsets: dict[str, list[str]]) -> list[str]:
    if name not in synsets:
        raise Skip("unknown synonym set")
    out: set[str] = set()
    for member in synsets[name]:
        word = member.lower()
        if word.startswith("&"):
            raise Skip("nested synonym set")
        if word.endswith("_"):
            out.add(word.rstrip("_"))
        else:
            out.update(w.replace(" ", "_") for w in pluralise(word.replace("_", " ")))
    return sorted(out)


@dataclass
class _Item:
    kind: str  # verb | lit | target | source | skip | compound
    alts: list[str] = field(default_factory=list)
    group: int = 0  # the bracket it is in (0: none)
    nounphrase: bool = False  # inside {..}


def tokenize_pattern(body: str, synsets: dict[str, list[str]]) -> list[_Item]:
    items: list[_Item] = []
    group = 0
    in_np = False
    for tok in re.findall(r"[{}()]|[^\s{}()]+", body):
        if tok in "({":
            group += 1
            in_np = in_np or tok == "{"
            if tok == "{":
                items.append(_Item("np_open", group=group))
            continue
        if tok in ")}":
            if tok == "}":
                in_np = False
                items.append(_Item("np_close", group=group))
            continue
        if tok == "*":
            items.append(_Item("verb"))
        elif tok in ("+", "$", "^", "%"):
            items.append(_Item({"+": "target", "$": "source", "^": "skip", "%": "compound"}[tok], group=group))
        else:
            alts: list[str] = []
            for alt in tok.split("/"):
                if alt.startswith("&"):
                    alts.extend(synset_members(alt[1:], synsets))
                elif "&" in alt:
                    raise Skip("synonym set inside a word")
                elif not re.fullmatch(r"[a-z0-9'.\-_]+", alt.lower().strip("_")):
                    raise Skip("unsupported character")
                else:
                    alts.append(alt.lower().strip("_"))
            if not alts:
                raise Skip("empty synonym set")
            items.append(_Item("lit", sorted(set(alts)), group, in_np))
    # an empty noun phrase {} is any noun phrase
    out: list[_Item] = []
    for i, it in enumerate(items):
        if it.kind == "np_open" and i + 1 < len(items) and items[i + 1].kind == "np_close":
            out.append(_Item("skip", group=it.group))
        elif it.kind not in ("np_open", "np_close"):
            out.append(it)
    return out


def convert_pattern(body: str, verb_alts: list[str], synsets: dict[str, list[str]],
                    select: bool = True) -> tuple[str, dict[str, object]]:
    """Our phrase and its options for one pattern; Skip when it cannot be expressed or is left out."""
    items = tokenize_pattern(body, synsets)
    kinds = [it.kind for it in items]
    if kinds.count("verb") != 1:
        raise Skip("no verb position (or several)")
    if "compound" in kinds:
        raise Skip("compound actor (%)")
    v = kinds.index("verb")
    options: dict[str, object] = {}
    literal_pos = [i for i, it in enumerate(items) if it.kind in ("lit", "verb")]
    pre_words = {a for it in items[:v] if it.kind == "lit" for a in it.alts}
    if select and pre_words & MOOD_WORDS:
        raise Skip("mood or tense word before the verb")
    if select and not WORDS_BEFORE_VERB and any(it.kind == "lit" for it in items[:v]):
        raise Skip("words before the verb")
    targets = [i for i, k in enumerate(kinds) if k == "target"]
    sources = [i for i, k in enumerate(kinds) if k == "source"]
    if len(targets) > 1 or len(sources) > 1:
        raise Skip("several targets or sources")
    if targets and targets[0] < v:
        options["passive"] = True
        if sources and not (sources[0] > v and sources[0] > 0 and items[sources[0] - 1].alts == ["by"]):
            raise Skip("source position the coder cannot take")
    elif sources and sources[0] > v:
        raise Skip("source after the verb")
    elif targets and targets[0] > literal_pos[-1] and literal_pos[-1] != v:
        options["target"] = "end"
    # the words, with gaps where the source lets other words in
    parts: list[str] = []
    prev: _Item | None = None
    pending_gap = False
    for it in items:
        if it.kind in ("target", "source", "skip"):
            pending_gap = True
            continue
        if prev is not None:
            if pending_gap or prev.kind == "verb":
                parts.append("*")
            elif it.kind == "verb" or not (it.nounphrase and prev.nounphrase and it.group == prev.group):
                parts.append("*3")
        word = "|".join(verb_alts if it.kind == "verb" else it.alts)
        parts.append(word)
        prev, pending_gap = it, False
    return " ".join(parts), options


def _too_general(body: str, verb_alts: list[str], synsets: dict[str, list[str]]) -> bool:
    """A pattern whose only words besides the verb are function words ("- * (WITH)", "- * IF")."""
    items = tokenize_pattern(body, synsets)
    words = [a for it in items if it.kind == "lit" for a in it.alts]
    return all(w in STOP_WORDS for w in words)


def verb_forms(verb: Verb) -> set[str]:
    """Every form of a verb, as text ("call_off", "called_off")."""
    if "_" in verb.text:
        return set(verb_alternatives(verb))
    return {verb.text, *(verb.forms if verb.forms is not None else inflect(verb.text, {}))}


def convert(dic: Dictionary, known: frozenset[str], select: bool = True,
            hand_written: frozenset[str] = frozenset(),
            dropped: frozenset[tuple[str, str, str]] = frozenset()) -> Result:
    """Our entries for a parsed dictionary; `select=False` keeps the kinds of patterns the EXCLUDE rules leave
    out (to measure what they cost); `dropped` (read_dropped()) the patterns left out by hand (pattern_key)."""
    stats: Counter[str] = Counter()
    unknown: Counter[str] = Counter()
    irregular: dict[str, set[str]] = {}
    # (code, options) -> phrases, in the order first seen; a phrase keeps the first code it was given
    groups: dict[tuple[str, tuple[tuple[str, object], ...]], list[str]] = {}
    seen: set[str] = set()

    def add(code: str, options: dict[str, object], phrase: str, what: str) -> None:
        if phrase in seen:
            stats[f"{what} skipped: same phrase as an earlier one"] += 1
            return
        seen.add(phrase)
        groups.setdefault((code, tuple(sorted(options.items()))), []).append(phrase)
        stats[f"{what} converted"] += 1

    stats["blocks read"] = len(dic.blocks)
    for block in dic.blocks:
        alts: list[str] = []
        for verb in block.verbs.values():
            stats["verbs read"] += 1
            stats["bare verbs read"] += 1
            alts.extend(verb_alternatives(verb))
            if "_" not in verb.text and verb.forms:
                irregular.setdefault(verb.text, set()).update(f for f in verb.forms if f != verb.text)
        verb_alts = sorted(set(alts))
        own = {v.text: verb_forms(v) for v in block.verbs.values()}
        if select and LEAVE_HAND_WRITTEN_VERBS:
            own = {t: f for t, f in own.items() if not f & hand_written and t not in GENERAL_VERBS}
        # the bare verbs: their own code or their block's
        if select and not BARE_VERBS:
            stats["bare verb skipped: a verb alone (selection rule)"] += len(block.verbs)
        for verb in block.verbs.values() if BARE_VERBS or not select else ():
            code_text = verb.code if verb.code is not None else (block.code or "---")
            try:
                code, joint = parse_code(code_text, known, select)
                if select and "_" not in verb.text and verb.text in STOP_WORDS:
                    raise Skip("function word as verb")
            except Skip as why:
                _count_skip(stats, unknown, str(why), "bare verb")
                continue
            for phrase in verb_alternatives(verb):
                add(code, {"joint": True} if joint else {}, phrase, "bare verb")
        for body, code_text, origin in block.patterns:
            stats["patterns read"] += 1
            if any(pattern_key(v, body, code_text) in dropped for v in origin or (block.name,)):
                _count_skip(stats, unknown, "dropped by hand (cameo_dropped.tsv)", "pattern")
                continue
            verbs = list(own)
            if select and ORIGIN_VERBS_ONLY and origin:
                found = [t for t, f in own.items() if f & set(origin)]
                if not found and any(f & set(origin) for f in map(verb_forms, block.verbs.values())):
                    _count_skip(stats, unknown, "its verb is verbs.yaml's or too general", "pattern")
                    continue
                verbs = found or verbs
            verb_alts = sorted({a for t in verbs for a in verb_alternatives(block.verbs[t])})
            if not verb_alts:
                _count_skip(stats, unknown, "no verb left (all verbs.yaml's)", "pattern")
                continue
            try:
                code, joint = parse_code(code_text, known, select)
                phrase, options = convert_pattern(body, verb_alts, dic.synsets, select)
                if select and _too_general(body, verb_alts, dic.synsets):
                    raise Skip("only function words besides the verb")
            except Skip as why:
                _count_skip(stats, unknown, str(why), "pattern")
                continue
            if joint:
                options["joint"] = True
            add(code, options, phrase, "pattern")
    entries: list[dict[str, object]] = []
    for (code, opts), phrases in groups.items():
        entries.append({"code": code, **dict(opts), "phrases": phrases})
    return Result(entries, {k: sorted(v) for k, v in sorted(irregular.items())}, stats, unknown)


def _count_skip(stats: Counter[str], unknown: Counter[str], reason: str, what: str) -> None:
    if reason.startswith("code unknown to cameo.tsv: "):
        unknown[reason.rsplit(" ", 1)[1]] += 1
        reason = "code unknown to cameo.tsv"
    stats[f"{what} skipped: {reason}"] += 1


# --- output -----------------------------------------------------------------------------------------------------

HEADER = """\
# GENERATED FILE, DO NOT EDIT BY HAND: regenerate with
#   python scripts/convert_cameo_verbs.py   (reads $DIPLOWATCH_SHARED/{source})
# Source: the CAMEO verb dictionary CAMEO.2.0.txt of PETRARCH-2 (github.com/openeventdata/petrarch2, commit
# {commit}), Copyright (c) 2014-2015 Open Event Data Alliance, MIT licence: see NOTICE-petrarch2.txt.
# The phrase syntax and options are those of verbs.yaml; services/coder/lexicon.py loads these patterns after
# verbs.yaml's, whose phrases win where both have the same one. The irregular table below holds the verb
# forms the source lists; verbs.yaml's table takes precedence.
"""


def _q(s: str) -> str:
    return json.dumps(s, ensure_ascii=False)


def render(result: Result) -> str:
    out = [HEADER.format(source=SOURCE_REL, commit=SOURCE_COMMIT), "irregular:\n"]
    for base, forms in result.irregular.items():
        out.append(f"  {_q(base)}: [{', '.join(_q(f) for f in forms)}]\n")
    out.append("\npatterns:\n")
    for e in result.entries:
        opts = "".join(f"{k}: {json.dumps(v)}, " for k, v in e.items() if k not in ("code", "phrases"))
        phrases = e["phrases"]
        assert isinstance(phrases, list)
        body = ",\n      ".join(_q(p) for p in phrases)
        out.append(f"  - {{code: {_q(str(e['code']))}, {opts}phrases: [\n      {body}]}}\n")
    return "".join(out)


def summary(result: Result) -> str:
    order = ("blocks read", "verbs read", "patterns read", "pattern converted", "bare verbs read",
             "bare verb converted")
    lines = [f"{k}: {result.stats[k]}" for k in order]
    lines += [f"{k}: {v}" for k, v in sorted(result.stats.items()) if k not in order]
    if result.unknown_codes:
        lines.append("codes unknown to cameo.tsv: " + ", ".join(f"{c} ({n})" for c, n in
                                                              sorted(result.unknown_codes.items())))
    return "\n".join(lines)


def default_source() -> Path:
    shared = os.environ.get("DIPLOWATCH_SHARED", str(ROOT.parent / "shared"))
    return Path(shared) / SOURCE_REL


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("source", nargs="?", type=Path, default=None, help="CAMEO.2.0.txt")
    ap.add_argument("-o", "--output", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--all", action="store_true", help="keep what the selection rules leave out (to measure)")
    args = ap.parse_args(argv)
    source = args.source or default_source()
    result = convert(parse(source.read_text(encoding="utf-8")), known_codes(), select=not args.all,
                     dropped=read_dropped())
    text = render(result)
    parse_yaml(text, CameoVerbs, args.output)  # a file the coder would refuse is not written
    args.output.write_text(text, encoding="utf-8")
    print(summary(result), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
