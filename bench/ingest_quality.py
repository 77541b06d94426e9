"""Ingest quality on the fixture stories: where the near-duplicate threshold can sit, and how much of each
story the page extraction recovers. Quality, not timing: nothing here is asserted.

Near duplicates are made from each VOA story as the fixture server makes them (first paragraph rewritten) and
harder (the first two rewritten, the last one cut, both); the distinct pairs are every pair of different
stories. For each threshold: the share of near duplicates caught (MinHash estimate >= threshold) and of
distinct pairs wrongly merged. Extraction: each story served as an article page (services/ingest/
fixture_server.py) as a clean page and as a cluttered one (share bars, ads and related links between the
paragraphs, comments), extracted by trafilatura: the share of the story's sentences found in the extracted
text, and how often the extracted text has the story's exact fingerprint.

    python bench/ingest_quality.py [--corpus ../shared/corpus/voa_stories.jsonl] [--num-perm 128]
"""

from __future__ import annotations

import argparse
import itertools
import statistics
from pathlib import Path

from services.ingest.extract import extract_page
from services.ingest.fingerprint import content_hash, minhash, shingles, words
from services.ingest.fixture_server import NEAR_EDIT, corpus_path, edited, load_stories, page_html, paragraphs

THRESHOLDS = (0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)


def variants(text: str) -> dict[str, str]:
    paras = paragraphs(text)
    return {
        "first paragraph rewritten": edited(text),
        "first two rewritten": "\n".join([NEAR_EDIT, NEAR_EDIT.replace("first", "second"), *paras[2:]]),
        "last paragraph cut": "\n".join(paras[:-1]),
        "first rewritten, last cut": "\n".join([NEAR_EDIT, *paras[1:-1]]),
    }


def jaccard(a: str, b: str) -> float:
    x, y = shingles(a), shingles(b)
    return len(x & y) / max(1, len(x | y))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=corpus_path())
    ap.add_argument("--num-perm", type=int, default=128)
    args = ap.parse_args()
    stories = load_stories(args.corpus, limit=10_000)
    sigs = [minhash(s["text"], args.num_perm) for s in stories]
    print(f"{len(stories)} stories, MinHash {args.num_perm} permutations over 5-word shingles\n")

    near: dict[str, list[float]] = {}
    for s, sig in zip(stories, sigs, strict=True):
        for name, text in variants(s["text"]).items():
            near.setdefault(name, []).append(sig.jaccard(minhash(text, args.num_perm)))
    distinct = [a.jaccard(b) for a, b in itertools.combinations(sigs, 2)]
    exact_distinct = max(jaccard(a["text"], b["text"]) for a, b in itertools.combinations(stories, 2))

    print("estimated Jaccard          min     median  max")
    for name, values in near.items():
        print(f"{name:26s} {min(values):.3f}   {statistics.median(values):.3f}   {max(values):.3f}")
    print(f"{'distinct stories':26s} {min(distinct):.3f}   {statistics.median(distinct):.3f}   {max(distinct):.3f}"
          f"   ({len(distinct)} pairs; exact max {exact_distinct:.3f})\n")

    print("threshold  " + "  ".join(f"{n[:14]:>14s}" for n in near) + "  distinct merged")
    for t in THRESHOLDS:
        caught = "  ".join(f"{sum(v >= t for v in vals) / len(vals):>14.3f}" for vals in near.values())
        print(f"{t:9.2f}  {caught}  {sum(d >= t for d in distinct):>8d} of {len(distinct)}")

    print("\nextraction (trafilatura) of the fixture pages: share of the story's sentences recovered")
    for label, cluttered in (("clean page", False), ("cluttered page", True)):
        shares, exact = [], 0
        for s in stories:
            page = extract_page(page_html(s, cluttered=cluttered), f"http://127.0.0.1/a/{s['id']}.html")
            got = " ".join(words(page.text))
            sentences = [" ".join(words(x)) for p in paragraphs(s["text"], per=1) for x in [p] if words(x)]
            shares.append(sum(x in got for x in sentences) / max(1, len(sentences)))
            exact += content_hash(page.text) == content_hash(s["text"])
        print(f"  {label:14s} mean {statistics.mean(shares):.3f}  min {min(shares):.3f}  "
              f"all sentences {sum(x == 1.0 for x in shares)}/{len(shares)}  same exact fingerprint {exact}/"
              f"{len(stories)}")


if __name__ == "__main__":
    main()
