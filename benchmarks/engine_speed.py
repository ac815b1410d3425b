"""How fast the text engine compares versions, against difflib's HtmlDiff on the same text.

    .venv/bin/python benchmarks/engine_speed.py [--runs 7] [--long]

Versions are built from real Reuters paragraphs read from ../shared/corpus (never copied
into the repository): an article of N words, and an edited version of it (reworded
paragraphs, a changed number, a split, a moved and a dropped paragraph, a repeated run).
Prints medians over repeated runs; the difflib baseline runs in the same process, and the
machine's load beside the figures. `--long` adds one run on two files at the ingest limits:
2 MB each, in lines of 19,000 characters with no blank line between them (the second with
one word in a thousand changed), the case that once took a minute.
"""
from __future__ import annotations

import argparse
import difflib
import itertools
import os
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.reuters import load_articles, paragraphs_of_about  # noqa: E402
from stories.analysis import SourceText, compare_sources  # noqa: E402
from tests.analysis import variants  # noqa: E402

EDITS = ("rewritten", "changed number", "split", "moved", "dropped", "repeat run")


def paragraphs_of(words: int, rng: random.Random) -> list[str]:
    """A headline and body paragraphs of real copy, about `words` words long."""
    articles = load_articles()
    rng.shuffle(articles)
    return paragraphs_of_about(words, articles)


def edited(paragraphs: list[str], rng: random.Random) -> list[str]:
    draft = variants.start(tuple(paragraphs))
    for name in EDITS:
        draft = variants.OPERATIONS[name](draft, rng)
    return list(draft.paragraphs)


def median_ms(work: Callable[[], object], runs: int) -> float:
    work()  # warm caches and imports
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def pair_table(runs: int) -> None:
    print(f"{'words':>6} {'engine ms':>10} {'HtmlDiff ms':>12} {'HtmlDiff/engine':>16} {'ms/1k words':>12}")
    for words in (1000, 2000, 4000, 8000):
        rng = random.Random(words)
        a = paragraphs_of(words, rng)
        b = edited(a, rng)
        sources = [SourceText("a", "\n".join(a)), SourceText("b", "\n".join(b))]
        engine = median_ms(lambda s=sources: compare_sources(s), runs)
        html = median_ms(lambda a=a, b=b: difflib.HtmlDiff().make_table(a, b), runs)
        print(f"{words:>6} {engine:>10.1f} {html:>12.1f} {html / engine:>15.1f}x {engine / (words / 1000):>12.1f}")


def many_sources(runs: int, n: int = 10, words: int = 3000) -> None:
    rng = random.Random(n)
    base = paragraphs_of(words, rng)
    sources = [SourceText(f"v{k}", "\n".join(edited(base, random.Random(k)))) for k in range(n)]
    engine = median_ms(lambda: compare_sources(sources), max(3, runs // 2))
    print(f"{n} sources x {words} words: engine median {engine:.0f} ms")


LONG_BYTES, LONG_LINE = 2_000_000, 19_000


def long_lines() -> None:
    words = " ".join(p for article in load_articles() for p in article["paragraphs"]).split()
    lines, line, size = [], [], 0
    for word in itertools.cycle(words):
        line.append(word)
        if sum(map(len, line)) + len(line) >= LONG_LINE:
            lines.append(" ".join(line))
            size, line = size + len(lines[-1]) + 1, []
            if size >= LONG_BYTES:
                break
    first = "\n".join(lines)
    changed = first.split(" ")
    changed[::1000] = ["changed"] * len(changed[::1000])
    started = time.perf_counter()
    compare_sources([SourceText("a", first), SourceText("b", " ".join(changed))])
    print(f"2 x {len(first) / 1e6:.1f} MB in lines of {LONG_LINE:,} characters: "
          f"{time.perf_counter() - started:.1f} s (load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--long", action="store_true", help="also two 2 MB files of 19,000-character lines")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f}")
    pair_table(args.runs)
    many_sources(args.runs)
    if args.long:
        long_lines()


if __name__ == "__main__":
    main()
