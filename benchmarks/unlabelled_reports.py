"""The conflicts the engine reports on unlabelled real pairs, with their sentences, to be
read by eye: a check of precision on copy nobody labelled (recall needs labels).

    .venv/bin/python benchmarks/unlabelled_reports.py [--seed 1] [--pairs 40] [--count]

Pairs of same-event ECB+ articles by different outlets from ../shared/corpus (read at run
time, never copied here), drawn with a fixed seed from the clusters the first held-out set
(tests/analysis/real_pairs/pairs_heldout.json) does not use. Prints each pair's reports
(house style left out) with the two sentences they stand in; `--count` prints the total only.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stories.analysis import SourceText, compare_sources  # noqa: E402
from stories.analysis.model import Comparison, Conflict  # noqa: E402
from tests.analysis.real_scoring import CORPUS, HERE  # noqa: E402


def draw(seed: int, count: int) -> list[tuple[str, str]]:
    held_out = json.loads((HERE / "pairs_heldout.json").read_text(encoding="utf-8"))
    topics = {pair["a"].split("/")[2] for pair in held_out if pair["kind"] == "outlets"}
    # Nor an article of the fourth or fifth held-out set, kept blind while rules are written.
    # (The sixth set was drawn from articles seeds 1 to 9 do not show; another seed may.)
    blind = {
        path
        for name in ("pairs_heldout4.json", "pairs_heldout5.json")
        for pair in json.loads((HERE / name).read_text(encoding="utf-8"))
        for path in (pair["a"], pair["b"])
    }
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        path = f"ecbplus/text/{row['topic']}/{row['doc']}.txt"
        if int(row["n_sentences"]) >= 8 and row["topic"] not in topics and path not in blind:
            clusters[row["cluster"]].append(row)
    rng = random.Random(seed)
    names = sorted(name for name, docs in clusters.items() if len(docs) >= 2)
    pairs = []
    for name in rng.sample(names, min(count, len(names))):
        first, second = rng.sample(sorted(clusters[name], key=lambda row: row["doc"]), 2)
        pairs.append(tuple(f"ecbplus/text/{row['topic']}/{row['doc']}.txt" for row in (first, second)))
    return pairs


def sentence_of(comparison: Comparison, block_id: str, value: str) -> str:
    block = comparison.block(block_id)
    return next((s.text for s in block.sentences if value in s.text), block.text)[:260]


def show(path_a: str, path_b: str, comparison: Comparison, reports: list[Conflict]) -> None:
    print(f"=== {path_a} / {path_b}: {len(reports)}")
    for conflict in reports:
        print(f"  [{conflict.kind}] {conflict.a.text!r} / {conflict.b.text!r}  ({conflict.note})")
        print(f"     A: {sentence_of(comparison, conflict.a.block, conflict.a.text)}")
        print(f"     B: {sentence_of(comparison, conflict.b.block, conflict.b.text)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--pairs", type=int, default=40)
    parser.add_argument("--count", action="store_true", help="print the number of reports only")
    args = parser.parse_args()
    total = 0
    for path_a, path_b in draw(args.seed, args.pairs):
        texts = [SourceText(path, (CORPUS / path).read_text(encoding="utf-8")) for path in (path_a, path_b)]
        comparison = compare_sources(texts)
        reports = [c for c in comparison.conflicts if c.kind != "style"]
        total += len(reports)
        if not args.count and reports:
            show(path_a, path_b, comparison, reports)
    print(f"{total} reports on {args.pairs} pairs (seed {args.seed})")


if __name__ == "__main__":
    main()
