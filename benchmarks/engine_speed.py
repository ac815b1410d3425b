"""How fast the text engine compares versions, against difflib's HtmlDiff on the same text.

    .venv/bin/python benchmarks/engine_speed.py [--runs 7] [--long] [--parts]

Versions are built from real Reuters paragraphs read from ../shared/corpus (never copied
into the repository): an article of N words, and an edited version of it (reworded
paragraphs, a changed number, a split, a moved and a dropped paragraph, a repeated run).
Prints medians over repeated runs of wall time and of CPU time (`time.process_time`: the
work done, whatever else the machine is running); the difflib baseline runs in the same
process, and the machine's load beside the figures. The engine runs cold: before each run
it forgets every text it has read (its caches of sentences' readings and words' stems),
as when a story is first analysed; run after run on the same versions it would otherwise
measure its caches (the pair table gives that warm ratio too, as for a story analysed
again). Three tables: pairs of versions
against HtmlDiff (the ratio of wall times and of CPU times); how the time grows with the
text (2 x 16,000 to 2 x 64,000 words: the cost per 1,000 words should stay about flat);
and with the number of sources (2 to 10 of 3,000 words). `--long` adds one run on two
files at the ingest limits: 2 MB each, in lines of 19,000 characters with no blank line
between them (the second with one word in a thousand changed), the case that once took a
minute. `--parts` adds what the conflict checks cost at 8,000 words: the engine run in turns
with itself with `find_conflicts` left out, and each beside HtmlDiff.
"""
from __future__ import annotations

import os

# One numpy thread, set before numpy is imported (see manage.py): a second BLAS thread
# only spins against the other processes on a busy machine.
for _variable in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_variable, "1")

import argparse  # noqa: E402
import difflib  # noqa: E402
import functools  # noqa: E402
import importlib  # noqa: E402
import itertools  # noqa: E402
import pkgutil  # noqa: E402
import random  # noqa: E402
import statistics  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from collections.abc import Callable  # noqa: E402
from pathlib import Path  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.reuters import load_articles, paragraphs_of_about  # noqa: E402
from stories import analysis  # noqa: E402
from stories.analysis import SourceText, compare, compare_sources, text  # noqa: E402
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


def median_ms(work: Callable[[], object], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of `work` over `runs` runs, after one to warm up."""
    work()  # warm caches and imports
    walls, cpus = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.process_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def paired_ms(first: Callable[[], object], second: Callable[[], object], runs: int) -> tuple[list[float], float]:
    """Medians of wall and CPU milliseconds of `first` and of `second`, run in turns (one of
    each, `runs` times, after one of each to warm up), and the median of the ratios of
    their CPU times turn by turn. Taking turns puts the load of the moment on both sides:
    measured one after the other, a load that rose between them moved the ratio."""
    first(), second()
    times: list[list[float]] = [[], [], [], []]  # first wall, first CPU, second wall, second CPU
    for _ in range(runs):
        for side, work in ((0, first), (2, second)):
            wall, cpu = time.perf_counter(), time.process_time()
            work()
            times[side].append((time.perf_counter() - wall) * 1000)
            times[side + 1].append((time.process_time() - cpu) * 1000)
    ratio = statistics.median(a / b for a, b in zip(times[1], times[3]))
    return [statistics.median(column) for column in times], ratio


def version_pair(words: int) -> tuple[list[str], list[str]]:
    """An article of about `words` words and an edited version of it."""
    rng = random.Random(words)
    a = paragraphs_of(words, rng)
    return a, edited(a, rng)


def engine_ms(versions: list[list[str]], runs: int) -> tuple[float, float]:
    """Median wall and CPU milliseconds of one comparison of these versions, cold."""
    sources = [SourceText(f"v{n}", "\n".join(v)) for n, v in enumerate(versions)]
    return median_ms(cold(lambda: compare_sources(sources)), runs)


# What the engine remembers between comparisons: the readings of texts it has read (each
# module's lru_caches, keyed by a sentence or a word) and the stems of words. A worker
# analysing a story again finds them there; run after run on the same versions, a benchmark
# would measure little else. Emptied before each run unless said otherwise.
ENGINE_MODULES = [
    importlib.import_module(f"stories.analysis.{info.name}") for info in pkgutil.iter_modules(analysis.__path__)
]
ENGINE_CACHES = [
    value
    for module in ENGINE_MODULES
    for value in vars(module).values()
    if isinstance(value, functools._lru_cache_wrapper)
]


def forget_readings() -> None:
    for cache in ENGINE_CACHES:
        cache.cache_clear()
    text._STEMS.clear()


def cold(work: Callable[[], object]) -> Callable[[], object]:
    """`work`, run after the engine has forgotten every text it read."""
    def run() -> object:
        forget_readings()
        return work()
    return run


def pair_table(runs: int) -> None:
    """The ratio on wall time and on CPU time: on a busy machine wall time also counts the
    waits for a core, which fall on either side at random; CPU time counts the work only.
    The two run in turns (`paired_ms`); the CPU ratio is the median of the turns' ratios.
    The engine runs cold (`forget_readings` before each run), and then warm, as the same
    versions analysed again: the last column."""
    print(f"{'words':>6} {'engine ms':>10} {'CPU ms':>7} {'HtmlDiff ms':>12} {'CPU ms':>7} {'engine/HtmlDiff':>16} "
          f"{'CPU ratio':>10} {'warm ratio':>11} {'ms/1k words':>12}")
    for words in (1000, 2000, 4000, 8000):
        a, b = version_pair(words)
        sources = [SourceText("v0", "\n".join(a)), SourceText("v1", "\n".join(b))]
        html_table = lambda a=a, b=b: difflib.HtmlDiff().make_table(a, b)  # noqa: E731
        (engine, cpu, html, html_cpu), ratio = paired_ms(cold(lambda sources=sources: compare_sources(sources)),
                                                         html_table, runs)
        _, warm_ratio = paired_ms(lambda sources=sources: compare_sources(sources), html_table, runs)
        print(f"{words:>6} {engine:>10.1f} {cpu:>7.1f} {html:>12.1f} {html_cpu:>7.1f} {engine / html:>15.2f}x "
              f"{ratio:>9.2f}x {warm_ratio:>10.2f}x {engine / (words / 1000):>12.1f}")


def scaling_table(runs: int) -> None:
    """Two versions of 16,000 to 64,000 words each: time per 1,000 words should hold."""
    print(f"\n{'words':>11} {'engine ms':>10} {'CPU ms':>7} {'ms/1k words':>12}  (two versions of N words)")
    for words in (16_000, 32_000, 64_000):
        engine, cpu = engine_ms(list(version_pair(words)), max(3, runs // 2))
        print(f"{'2 x ' + format(words, ','):>11} {engine:>10.1f} {cpu:>7.1f} {engine / (words / 1000):>12.1f}")


def sources_table(runs: int, words: int = 3000) -> None:
    """2, 4 and 10 edited versions of one 3,000-word article."""
    print(f"\n{'sources':>7} {'engine ms':>10} {'CPU ms':>7} {'ms/source':>10}  ({words:,} words each)")
    base = paragraphs_of(words, random.Random(10))
    for n in (2, 4, 10):
        engine, cpu = engine_ms([edited(base, random.Random(k)) for k in range(n)], max(3, runs // 2))
        print(f"{n:>7} {engine:>10.1f} {cpu:>7.1f} {engine / n:>10.1f}")


def parts_table(runs: int, words: int = 8000) -> None:
    """The engine without its conflict checks (rows, repeats and word changes only), in
    turns with the whole engine: what the checks of facts cost, against HtmlDiff's time."""
    a, b = version_pair(words)
    sources = [SourceText("v0", "\n".join(a)), SourceText("v1", "\n".join(b))]
    checks = compare.find_conflicts
    ratios: dict[str, list[float]] = {"whole": [], "without conflicts": []}
    for _ in range(runs):
        for name, finder in (("whole", checks), ("without conflicts", lambda *_: [])):
            compare.find_conflicts = finder
            (_, cpu, _, html_cpu), _ = paired_ms(
                cold(lambda: compare_sources(sources)), lambda: difflib.HtmlDiff().make_table(a, b), 1
            )
            ratios[name].append(cpu / html_cpu)
    compare.find_conflicts = checks
    print(f"\n{words:,} words, engine CPU / HtmlDiff CPU (median of {runs} turns):")
    for name, values in ratios.items():
        print(f"  {name:<18} {statistics.median(values):.2f}x")


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
    forget_readings()
    wall, cpu = time.perf_counter(), time.process_time()
    compare_sources([SourceText("a", first), SourceText("b", " ".join(changed))])
    print(f"\n2 x {len(first) / 1e6:.1f} MB in lines of {LONG_LINE:,} characters: "
          f"{time.perf_counter() - wall:.1f} s, CPU {time.process_time() - cpu:.1f} s "
          f"(load average {os.getloadavg()[0]:.1f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--long", action="store_true", help="also two 2 MB files of 19,000-character lines")
    parser.add_argument("--parts", action="store_true", help="also the engine without its conflict checks")
    args = parser.parse_args()
    threads = os.environ["OPENBLAS_NUM_THREADS"]
    print(f"load average {os.getloadavg()[0]:.1f}; numpy threads (OPENBLAS_NUM_THREADS) {threads}")
    pair_table(args.runs)
    scaling_table(args.runs)
    sources_table(args.runs)
    if args.parts:
        parts_table(args.runs)
    if args.long:
        long_lines()
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
