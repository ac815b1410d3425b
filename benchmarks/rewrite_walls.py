"""How often the compare page shows a changed row as a wall of marks, and how often now as
a rewrite (both passages as they read, the words they share marked).

    .venv/bin/python benchmarks/rewrite_walls.py [--pairs 200] [--seed 3]

On the samples (../shared/samples) and on pairs of real articles by different outlets about
one event (ECB+ same-cluster pairs from ../shared/corpus, read at run time, never copied into
the repository). Each pair goes through the engine and the compare page's builder
(`stories.views.compare_page`), as the page would show it. A row is a wall when more than 80% of
the words of both its first changed passages are struck or underlined: one long
strike-through against one long underline. Prints, per corpus: changed rows, walls as the
page drew them before rewrites were told apart (every changed row as a word diff), walls
now, rows shown as rewrites, and the share of a rewrite's words marked as shared (the
words that carry meaning both passages have, in any order).
"""

from __future__ import annotations

import argparse
import csv
import itertools
import random
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT))

from stories.analysis import SourceText, compare_sources, from_json, to_json  # noqa: E402
from stories.views.compare_page import ColumnHead, build_compare_page, marked_share  # noqa: E402

WALL = 0.8


def sample_pairs() -> list[tuple[str, str]]:
    files = sorted((SHARED / "samples").glob("*.txt"))
    return [tuple(f.read_text(encoding="utf-8") for f in files[:2])]  # type: ignore[list-item]


def ecb_pairs(count: int, seed: int) -> list[tuple[str, str]]:
    """Pairs of articles of one ECB+ cluster (one event, different outlets)."""
    clusters: dict[str, list[str]] = defaultdict(list)
    with (SHARED / "corpus" / "ecbplus" / "index.csv").open(encoding="utf-8") as index:
        for line in csv.DictReader(index):
            clusters[line["cluster"]].append(f"{line['topic']}/{line['doc']}.txt")
    pairs = [pair for docs in clusters.values() for pair in itertools.combinations(sorted(docs), 2)]
    random.Random(seed).shuffle(pairs)
    text = SHARED / "corpus" / "ecbplus" / "text"
    return [((text / a).read_text(encoding="utf-8"), (text / b).read_text(encoding="utf-8")) for a, b in pairs[:count]]


def walls(pairs: list[tuple[str, str]]) -> dict[str, float]:
    """The figures of one corpus: changed rows, walls in a plain word diff, walls and
    rewrites as the page draws them now."""
    figures = {"pairs": len(pairs), "changed rows": 0, "walls before": 0, "walls now": 0, "rewrites": 0}
    shared_shares: list[float] = []
    heads = [ColumnHead(name, "", datetime.now(UTC)) for name in ("a", "b")]
    for a, b in pairs:
        result = to_json(compare_sources([SourceText("a", a), SourceText("b", b)]))
        ops_of = {(tuple(c["a"]), tuple(c["b"])): c["ops"] for c in result["changes"]}
        page = build_compare_page(from_json(result), heads)
        for row, raw in zip(page.rows, result["rows"]):
            changed = [tuple(cell["blocks"]) for cell in raw["cells"] if cell["status"] == "changed"]
            if len(changed) < 2 or (changed[0], changed[1]) not in ops_of:
                continue
            ops = ops_of[(changed[0], changed[1])]
            figures["changed rows"] += 1
            if marked_share(ops, "-") > WALL and marked_share(ops, "+") > WALL:
                figures["walls before"] += 1
            passages = [p for p in row.passages if p.status == "changed"]
            if passages and passages[0].rewritten:
                figures["rewrites"] += 1
                shared_shares.append(_share(passages[0], ("shared",)))
            elif _marked_now(passages) > WALL:
                figures["walls now"] += 1
    figures["shared words in a rewrite"] = sum(shared_shares) / len(shared_shares) if shared_shares else 0.0
    return figures


def _marked_now(passages) -> float:
    """The smaller of the two first passages' shares of words in <ins> or <del>."""
    shares = [_share(passage, ("ins", "del")) for passage in passages[:2]]
    return min(shares) if len(shares) == 2 else 0.0


def _share(passage, tags: tuple[str, ...]) -> float:
    """The share of a passage's words drawn with one of `tags`."""
    words = [(len(text.split()), tag) for text, tag in passage.pieces]
    total = sum(n for n, _tag in words)
    return sum(n for n, tag in words if tag in tags) / total if total else 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=200, help="ECB+ same-event pairs (default 200)")
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()
    print(f"{'corpus':<34} {'pairs':>5} {'changed rows':>12} {'walls before':>12} {'walls now':>9} {'rewrites':>8}")
    for name, pairs in (("samples", sample_pairs()), ("ECB+ same-event pairs", ecb_pairs(args.pairs, args.seed))):
        f = walls(pairs)
        changed = f["changed rows"] or 1
        print(
            f"{name:<34} {f['pairs']:>5} {f['changed rows']:>12} "
            f"{f['walls before']:>5} ({f['walls before'] / changed:>4.0%}) "
            f"{f['walls now']:>3} ({f['walls now'] / changed:>3.0%})"
            f" {f['rewrites']:>8}   (a rewrite's words shared: {f['shared words in a rewrite']:.0%})"
        )


if __name__ == "__main__":
    main()
