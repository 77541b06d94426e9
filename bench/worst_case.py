"""The worst cases we can craft under the input size limit, timed through `process()` (the enricher's whole
step: parse, code, rules, outputs) on one core, next to baselines measured in the same run.

Each shape is a body filling the 512 KiB limit (or the one from the issue that found it); the table gives the
median of a few runs, the input size, and what the work limits (services/budget.py) left out. Baselines: a
normal 600-word article, and tokenizing the same 512 KiB of text. The target is under 2 s for any input.
"longest step" is the longest the enricher holds the event loop for that input: the work runs in steps
(services/steps.py) and the loop runs its other tasks between two.

    python bench/worst_case.py [--repeats 3] [--only NAME]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import statistics
import time
from collections.abc import Callable

import orjson
from paths import SHARED

from services.coder.tokens import tokenize
from services.models import EnrichedArticle
from services.pipeline import Source, process, process_steps
from services.rules import RuleSet, load_rules
from services.settings import Settings

CORPUS = SHARED / "corpus" / "voa_stories.jsonl"
SRC = Source("news.raw", 0, 0)


def _fill(unit: str, limit: int, head: str = "") -> str:
    """`head` then `unit` repeated up to the size limit (JSON-escaped bytes counted)."""
    per = len(orjson.dumps(unit)) - 2
    return head + unit * ((limit - 200 - len(head)) // per)


def _news(limit: int) -> str:
    stories = [json.loads(line)["text"] for line in CORPUS.open()] if CORPUS.exists() else [
        "Japan condemned China on Monday after its coast guard entered disputed waters. " * 8]
    body, i = "", 0
    while len(orjson.dumps(body + stories[i % len(stories)])) < limit - 200:
        body += stories[i % len(stories)] + "\n\n"
        i += 1
    return body


def shapes(limit: int) -> dict[str, str]:
    return {
        "near: 'arms' x N then 'deal' x N": "arms " * (limit // 10) + "deal " * (limit // 10 - 40),
        "near: pairs inside the coded prefix": "arms deal " * 4_000 + "x " * ((limit - 40_200) // 2),
        "'China' + 'condemned' x N": _fill("condemned ", limit, "China "),
        "'coast guard law' x N": _fill("coast guard law ", limit),
        "one word a line": _fill("word\n", limit),
        "one full stop a line": _fill("w.\n", limit),
        "short event sentences": _fill("China condemned Japan. ", limit),
        "event sentences of 24 phrases": _fill(
            "China " + "condemned, accused, criticized and " * 6 + "Japan.\n", limit),
        "40 actors and phrases a sentence": _fill(
            "China met Japan, Russia urged India, " * 10 + "and Iran condemned Iraq.\n", limit),
        "people and pronouns": _fill("Mr. Xi told Putin he will visit Russia and meet its leaders on Monday. ", limit),
        "normal news, 512 KiB of stories": _news(limit),
    }


def longest_step(value: bytes, settings: Settings, rules: RuleSet) -> float:
    """The longest stretch of `process_steps` between two yields (the event loop's longest wait)."""
    work = process_steps(value, None, SRC, settings, rules)
    longest = 0.0
    while True:
        t0 = time.perf_counter()
        try:
            next(work)
        except StopIteration:
            return max(longest, time.perf_counter() - t0)
        longest = max(longest, time.perf_counter() - t0)


def median_time(fn: Callable[[], object], repeats: int) -> float:
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--only", default="")
    ap.add_argument("--no-freeze", action="store_true", help="leave the loaded dictionaries to the collector "
                    "(the worker freezes them: gc.freeze)")
    args = ap.parse_args()
    settings = Settings()
    rules = load_rules(settings.rules_dir)  # the default pack, as a worker runs it
    limit = settings.max_message_bytes
    process(orjson.dumps({"id": "warm", "body": "Japan condemned China."}), None, SRC, settings, rules)  # load models
    if not args.no_freeze:
        gc.freeze()  # as the worker does after its warm-up (services/cli.py)
    normal = _news(10_000)[:4_000]  # about 600 words

    def run(body: str) -> Callable[[], object]:
        value = orjson.dumps({"id": "bench", "body": body})
        return lambda: process(value, None, SRC, settings, rules)

    print(f"machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, load "
          f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}; median of {args.repeats} runs")
    print(f"| {'input':38s} | {'bytes':>7s} | {'seconds':>7s} | {'x 600 words':>11s} | {'longest step':>12s} "
          "| what the limits left out |")
    print(f"|{'-' * 40}|{'-' * 9}|{'-' * 9}|{'-' * 13}|{'-' * 14}|{'-' * 26}|")
    base = median_time(run(normal), args.repeats)
    base_step = statistics.median(longest_step(orjson.dumps({"id": "bench", "body": normal}), settings, rules)
                                  for _ in range(args.repeats))
    print(f"| {'baseline: a 600-word article':38s} | {len(normal):7d} | {base:7.3f} | {1:11.0f} | "
          f"{base_step:12.4f} | |")
    worst = worst_step = 0.0
    for name, body in shapes(limit).items():
        if args.only and args.only not in name:
            continue
        value = orjson.dumps({"id": "bench", "body": body})
        secs = median_time(run(body), args.repeats)
        tok = median_time(lambda b=body: tokenize(b), args.repeats)  # type: ignore[misc]
        out = process(value, None, SRC, settings, rules)[0]
        if out.topic == settings.topics.enriched:
            a = EnrichedArticle.model_validate_json(out.value)
            left = (f"uncoded {a.uncoded_chars}, long {a.sentences_skipped}, hits {a.hits_dropped}, "
                    f"sentences {a.event_sentences_dropped}; {len(a.events)} events")
        else:
            left = f"dead letter ({out.labels[0]})"
        step = statistics.median(longest_step(value, settings, rules) for _ in range(args.repeats))
        worst, worst_step = max(worst, secs), max(worst_step, step)
        print(f"| {name:38s} | {len(value):7d} | {secs:7.3f} | {secs / base:11.0f} | {step:12.4f} | {left} |")
        print(f"| {'  baseline: tokenize the same text':38s} | {len(value):7d} | {tok:7.3f} | {tok / base:11.0f} | "
              f"{'':12s} | |")
    print(f"\nworst: {worst:.2f} s (target < 2 s on one core); the longest the event loop waited: {worst_step:.3f} s")


if __name__ == "__main__":
    main()
