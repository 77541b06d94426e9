"""Instructions per `evaluate()` at 10,000 selective rules, counted by valgrind's callgrind: the same figure
on a busy machine as on an idle one, where the wall-clock medians of `rules_speed.py` move by 50 % with the
neighbours' load. The baseline, counted the same way in the same run, is tokenizing the same article.

    python bench/rules_icount.py [--rules 10000] [--loose]      (needs valgrind; takes about two minutes)

--loose: the worst case of rules_speed.py, single common words or two within 10 words (hundreds of alerts).

Each count is (instructions of a process doing 2 passes over the 30 articles) - (the same process doing none),
divided by 60, so start-up and rule compiling cancel out. The rules are compiled once, outside valgrind.
"""

from __future__ import annotations

import argparse
import os
import pickle
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from rules_speed import bench_articles, rule_files, vocabulary

from services.coder.tokens import TokenText, tokenize
from services.enrich import enrich
from services.rules import compile_rules, evaluate


def prepare(path: Path, n_rules: int, loose: bool = False) -> None:
    items = bench_articles()
    vocab = vocabulary(items)
    rules = compile_rules(rule_files(n_rules, vocab if loose else vocab[300:], random.Random(7), loose))
    coded = [(it, enrich(it, compile_rules({}))) for it in items]
    sys.setrecursionlimit(100_000)
    path.write_bytes(pickle.dumps((rules, coded)))


def run(path: Path, what: str, passes: int) -> None:
    rules, coded = pickle.loads(path.read_bytes())
    tokens = [tokenize(it.body) for it, _ in coded]
    indexes = [TokenText(t) for t in tokens]
    for _ in range(passes + 1):  # one warm-up pass in both processes
        for k, (it, art) in enumerate(coded):
            if what == "evaluate":
                evaluate(rules, art, it.body, tokens=tokens[k], index=indexes[k])
            else:
                tokenize(it.body)


def count(path: Path, what: str, passes: int) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out",
                              sys.executable, __file__, "--run", str(path), what, str(passes)],
                             capture_output=True, text=True, env={**os.environ, "PYTHONHASHSEED": "0"}, check=True)
    found = re.search(r"Collected : (\d+)", out.stderr)
    if not found:
        raise SystemExit(f"callgrind printed no count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rules", type=int, default=10_000)
    ap.add_argument("--loose", action="store_true", help="common words, hundreds of alerts per article")
    ap.add_argument("--run", nargs=3, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.run:
        run(Path(args.run[0]), args.run[1], int(args.run[2]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "rules.pkl"
        prepare(path, args.rules, args.loose)
        per = {what: (count(path, what, 2) - count(path, what, 0)) / 60 for what in ("tokenize", "evaluate")}
    kind = "loose" if args.loose else "selective"
    print(f"30 articles of 490-706 words, {args.rules} {kind} rules; instructions per article (callgrind)\n")
    print(f"| {'what':34s} | {'instructions':>12s} | {'vs tokenize':>11s} |")
    print(f"|{'-' * 36}|{'-' * 14}|{'-' * 13}|")
    for what, label in (("tokenize", "baseline: tokenize the article"), ("evaluate", "evaluate() the rules")):
        print(f"| {label:34s} | {per[what]:12,.0f} | {per[what] / per['tokenize']:10.2f}x |")


if __name__ == "__main__":
    main()
