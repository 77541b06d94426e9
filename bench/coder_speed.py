"""Coder speed on full-length news articles, on one core, next to baselines measured in the same run.

Prints a table: articles/s and sentences/s for the full `enrich()` (coder + rules), the coder alone with and
without the dependency parse, and two baselines (tokenize + sentence split; the single automaton pass),
medians of several repeats; the share of sentences the parser sees and of the time it takes; peak RSS and a
profile of where the time goes.

    python bench/coder_speed.py [--corpus ../shared/corpus/voa_stories.jsonl] [--repeats 5] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import platform
import pstats
import resource
import statistics
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from paths import SHARED

from services.coder import syntax
from services.coder.coder import PARSE_CHUNK, code_article
from services.coder.lexicon import load
from services.coder.sentences import split_sentences
from services.coder.spans import scan
from services.coder.syntax import DEFAULT_MODEL
from services.coder.tokens import TokenText, tokenize
from services.corpus import read_items
from services.enrich import enrich
from services.models import NewsItem
from services.rules import load_rules
from services.settings import REPO_ROOT

DEFAULT_CORPUS = SHARED / "corpus" / "voa_stories.jsonl"
GOLD = SHARED / "gold" / "plover_gsr.jsonl"


def articles(corpus: Path) -> list[NewsItem]:
    if corpus.exists():
        return list(read_items(corpus))
    # no corpus: the gold sentences grouped into ~600-word articles
    items, body, n = [], [], 0
    for it in read_items(GOLD):
        body.append(it.body)
        if sum(len(b.split()) for b in body) >= 600:
            items.append(NewsItem(id=f"gold-{n}", body=" ".join(body)))
            body, n = [], n + 1
    return items


def timed(fn: Callable[[NewsItem], object], items: list[NewsItem], repeats: int) -> list[float]:
    out = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        for it in items:
            fn(it)
        out.append(time.perf_counter() - t0)
    return out


def parse_split(items: list[NewsItem], repeats: int) -> str:
    """Where the parse's time goes: spaCy's tokenizer and each component, over the sentences the coder parses,
    in the coder's chunks."""
    texts: list[str] = []
    parse = syntax.parse

    def record(model: str, batch: list[str]) -> Iterator[Any]:
        texts.extend(batch)
        return parse(model, batch)

    syntax.parse = record  # type: ignore[assignment]
    try:
        for it in items:
            code_article(it.id, it.body, None, model=DEFAULT_MODEL)
    finally:
        syntax.parse = parse
    nlp = syntax.pipeline(DEFAULT_MODEL)
    chunks = [texts[i : i + PARSE_CHUNK] for i in range(0, len(texts), PARSE_CHUNK)]
    secs: dict[str, list[float]] = {}
    for _ in range(repeats):
        t0 = time.perf_counter()
        docs = [[nlp.make_doc(t) for t in chunk] for chunk in chunks]
        secs.setdefault("tokenizer", []).append(time.perf_counter() - t0)
        for name, proc in nlp.pipeline:
            t0 = time.perf_counter()
            docs = [list(proc.pipe(chunk)) for chunk in docs]
            secs.setdefault(name, []).append(time.perf_counter() - t0)
    blas = "BLIS" if any(getattr(p.model.ops, "use_blis", True) for _, p in nlp.pipeline) else "numpy's BLAS"
    split = ", ".join(f"{name} {1000 * statistics.median(s) / max(len(texts), 1):.2f}" for name, s in secs.items())
    return f"the parse, ms per parsed sentence, in chunks of {PARSE_CHUNK} (matrix products on {blas}): {split}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--profile", action="store_true")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    t0 = time.perf_counter()
    lex = load()
    rules = load_rules(REPO_ROOT / "deploy" / "rules")
    load_s = time.perf_counter() - t0
    items = articles(args.corpus)
    n_sent = sum(len(split_sentences(it.body, tokenize(it.body))) for it in items)
    n_words = sum(len(it.body.split()) for it in items)
    enrich(items[0], rules)  # warm caches
    enrich(items[0], rules, model=DEFAULT_MODEL)

    def pub(it: NewsItem) -> object:
        return it.published_at.date() if it.published_at else None

    cases: list[tuple[str, Callable[[NewsItem], object]]] = [
        ("baseline: tokenize + split sentences", lambda it: split_sentences(it.body, tokenize(it.body))),
        ("baseline: tokenize + one automaton pass", lambda it: scan(lex, toks := tokenize(it.body), TokenText(toks))),
        ("coder, no parse: code_article()", lambda it: code_article(it.id, it.body, pub(it), model=None)),  # type: ignore[arg-type]
        ("coder, with the parse: code_article()",
         lambda it: code_article(it.id, it.body, pub(it), model=DEFAULT_MODEL)),  # type: ignore[arg-type]
        ("full: enrich() (coder + rules)", lambda it: enrich(it, rules)),
        ("full, with the parse", lambda it: enrich(it, rules, model=DEFAULT_MODEL)),
    ]
    print(f"corpus: {len(items)} articles, {n_sent} sentences, {n_words} words "
          f"(median {statistics.median(len(i.body.split()) for i in items):.0f} words/article); "
          f"dictionaries loaded in {load_s:.2f} s ({lex.stats})")
    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python "
          f"{platform.python_version()}; pinned to one core; median of {args.repeats} runs\n")
    print(f"| {'what':38s} | {'articles/s':>10s} | {'sentences/s':>11s} | {'ms/article':>10s} | {'vs full':>7s} |")
    print(f"|{'-' * 40}|{'-' * 12}|{'-' * 13}|{'-' * 12}|{'-' * 9}|")
    results = {name: statistics.median(timed(fn, items, args.repeats)) for name, fn in cases}
    full = results["full: enrich() (coder + rules)"]
    for name, secs in results.items():
        print(f"| {name:38s} | {len(items) / secs:10.0f} | {n_sent / secs:11.0f} | "
              f"{1000 * secs / len(items):10.2f} | {full / secs:6.2f}x |")
    parsed = sum(code_article(it.id, it.body, pub(it), model=DEFAULT_MODEL).parsed for it in items)  # type: ignore[arg-type,misc]
    parse_s = results["coder, with the parse: code_article()"] - results["coder, no parse: code_article()"]
    print(f"\nsentences parsed: {parsed} of {n_sent} ({100 * parsed / n_sent:.0f} %: those holding an actor and an "
          f"event phrase); with the parse on, it takes {100 * parse_s / (full + parse_s):.0f} % of enrich()'s time "
          f"({1000 * parse_s / max(parsed, 1):.2f} ms per parsed sentence)")
    print(parse_split(items, args.repeats))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS: {peak_mb:.0f} MB")
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for it in items:
            enrich(it, rules)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(12)
        print("\nwhere the time goes (enrich over the corpus once, by own time):")
        print("\n".join(buf.getvalue().splitlines()[6:22]))


if __name__ == "__main__":
    main()
