"""Does a rewrite still find its original when much copy arrived between them? And what
does grouping one item cost as the archive grows? Through the real ingest service, on
PostgreSQL.

    .venv/bin/python benchmarks/grouping_lag.py [--items 3000] [--lags 250 750 1250 2000]
                                                [--probes 20] [--span-hours 48] [--candidates N ...]
                                                [--key-rows N ...] [--explain] [--keep] [--reuse]

For each `--items` size, a throwaway database `<name>_lag_<items>` on the server of
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/newsroom, so newsroom_lag_3000) is dropped, migrated
and filled with the archive of benchmarks/load_archive.py (real Reuters and ECB+ copy read
from ../shared/corpus at run time, never copied into the repository; other agencies'
rewrites of the Reuters stories made from it), all of it received within the last
`--span-hours` (48: inside grouping's 72-hour window, the hardest case), bulk-stored as
ingest stores it. Among it, at a chosen lag before the end, sit the originals of the
probes, held out of the archive:

- re-file: the first version of a group of real Reuters re-filed versions
  (reuters/versions/gNNN/), later met by the group's second version (another item id of
  the same provider: the engine's same-provider bar);
- rewrite: a Reuters story, later met by another agency's rewrite of it (made as
  load_archive.rewrite makes them: the cross-agency bar).

The lag of a probe is the number of items stored after its original. Each probe's second
item is then ingested with `ingest_files(group=True)`, the ingest service an upload calls,
and rolled back, so that every probe meets the same archive. Prints, per lag band and
kind, the share that joined its original's story; and over all probes the median
milliseconds of the whole ingest and of finding the story (lookup and match), and the
candidates the engine scored, with the machine's load; with `--candidates 30 100`, for
each number of candidates in turn, on the same archive, and likewise with `--key-rows 25
50` for the rows read of each band key (the service's KEY_ROWS). `--explain` prints
EXPLAIN ANALYZE of the candidate query of one probe.
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")

from benchmarks.inbox_scale import database_url, recreate_database  # noqa: E402

SEED = 11
ROUND = 10_000  # items of the corpus' copy in one round of the archive
REWRITER = "Kestrel Agency"  # the agency whose rewrites the probes are (one of load_archive's)


def database_name(items: int) -> str:
    """`<the database of DATABASE_URL>_lag_<items>`: newsroom_lag_3000 by default."""
    return f"{urlsplit(SERVER_URL).path.lstrip('/') or 'newsroom'}_lag_{items}"


def set_up_django(name: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=database_url(name),
        DEBUG="0",
        SECRET_KEY="benchmark-only-" + "x" * 40,
    )
    import django

    django.setup()
    logging.getLogger("stories").setLevel(logging.WARNING)


@dataclass
class Probe:
    kind: str  # "re-file" or "rewrite"
    original: object  # load_archive.Copy
    later: object  # load_archive.Copy, ingested at the end
    story: str  # what the archive must not hold: the re-filed group, or the Reuters story's id
    lag: int = 0  # items stored after the original (measured once stored)
    joined: bool = False


def make_probes(count: int, rng: random.Random) -> list[Probe]:
    """`count` probes of each kind, from the end of the corpus (the archive takes its start)."""
    from benchmarks import load_archive
    from benchmarks.load_archive import Copy

    probes = []
    groups = [group for group in load_archive.refiled_stories() if len({c.data for c in group.copies}) > 1]
    for group in groups[-count:]:
        first = group.copies[0]
        second = next(c for c in group.copies if c.data != first.data)  # some groups send one item twice
        original = Copy("Reuters", Path(first.name).stem, first.name, first.data)
        later = Copy("Reuters", Path(second.name).stem, second.name, second.data)
        probes.append(Probe("re-file", original, later, group.copies[0].item_id))
    for rid, headline, paragraphs in load_archive.reuters_stories()[-count:]:
        original = Copy("Reuters", f"RTR-{rid}", f"{rid}.txt", load_archive._text(headline, paragraphs))
        rewritten = load_archive.rewrite(headline, paragraphs, REWRITER, rng)
        later = Copy(REWRITER, f"KES-P-{rid}", f"probe-{rid}.txt", rewritten)
        probes.append(Probe("rewrite", original, later, rid))
    return probes


def plan_with_probes(items: int, probes: list[Probe], lags: list[int], rng: random.Random) -> list:
    """The archive's stories in arrival order, the probes' data left out of it, and each
    probe's original as a story of its own placed about its lag before the end."""
    from benchmarks.load_archive import PlannedStory

    held = {probe.story for probe in probes}
    plan = []
    for story in archive(items):
        # every copy of a probe's story, the other agencies' rewrites ("NOR-123") included
        story.copies = [c for c in story.copies if c.item_id not in held and c.item_id.rpartition("-")[2] not in held]
        if story.copies:
            plan.append(story)
    for n, probe in enumerate(probes):
        lag = lags[n % len(lags)]
        place, after = len(plan), 0
        while place > 0 and after < lag:
            place -= 1
            after += len(plan[place].copies)
        plan.insert(place, PlannedStory("probe", [probe.original]))
    return plan


def archive(items: int, distinct: bool = False) -> list:
    """load_archive's plan of `items` copies. Past ROUND items (the corpus holds about
    13,700), the plan again for each further ROUND, with other rewrites (another seed) and
    every copy marked as that round's (an item id and a last line of its own), as the same
    kind of news comes round again on later days; with `distinct`, each later round's
    copy respelled as other events of the same kinds (benchmarks/distinct_rounds.py)."""
    from benchmarks import load_archive
    from benchmarks.distinct_rounds import common_words, respelled
    from benchmarks.load_archive import Copy

    rounds = -(-items // ROUND)
    plan = load_archive.plan_archive(items // rounds, SEED)
    common = common_words(copy.data for story in plan for copy in story.copies) if distinct else frozenset()
    for n in range(1, rounds):
        for story in load_archive.plan_archive(items // rounds, SEED + n):
            for k, c in enumerate(story.copies):
                data = c.data + f"\n(Round {n}.)\n".encode()
                data = respelled(data, n, common) if distinct else data
                story.copies[k] = Copy(c.provider, f"r{n}-{c.item_id}", f"r{n}-{c.name}", data)
            plan.append(story)
    return plan


def measure_lags(probes: list[Probe]) -> None:
    from stories.models import ItemFingerprint

    for probe in probes:
        original = ItemFingerprint.objects.get(version__source__item_id=probe.original.item_id)
        probe.lag = ItemFingerprint.objects.filter(pk__gt=original.pk).count()


class Timed:
    """Wraps the grouping service's lookup to time it, and its ranking query, and to count
    what the engine scored."""

    def __init__(self) -> None:
        from stories.services import grouping, ingest

        self.grouping, self.ingest = grouping, ingest
        self.ms: list[float] = []
        self.ranking_ms: list[float] = []
        self.scored: list[int] = []
        self._matching, self._best = grouping.matching_story, grouping.best_story

        def matching_story(evidence):
            began = time.perf_counter()
            found = self._matching(evidence)
            self.ms.append((time.perf_counter() - began) * 1000)
            return found

        def best_story(new, candidates):
            candidates = list(candidates)
            self.scored.append(len(candidates))
            return self._best(new, candidates)

        ingest.matching_story = matching_story
        grouping.best_story = best_story

    def restore(self) -> None:
        self.ingest.matching_story, self.grouping.best_story = self._matching, self._best

    def ranking(self, execute, sql, params, many, context):
        """A `connection.execute_wrapper`: times the query that ranks the band keys' items."""
        if "stories_fingerprintband" not in sql or not sql.lstrip().startswith("SELECT"):
            return execute(sql, params, many, context)
        began = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.ranking_ms.append((time.perf_counter() - began) * 1000)


def run_probes(probes: list[Probe], timed: Timed) -> list[float]:
    """Ingest each probe's second item, and roll it back. The evidence this process kept is
    dropped before each: at 1,000 items the probes' candidates overlap, so later probes
    would find most of theirs kept, as they seldom do in a larger archive, and the time
    would grow with the archive for that alone."""
    from django.db import connection, transaction

    from stories.models import Provider, Source
    from stories.services.evidence_cache import STORED_EVIDENCE
    from stories.services.ingest import IncomingCopy, ingest_files

    ingest_ms = []
    for probe in probes:
        original = Source.objects.get(item_id=probe.original.item_id)
        provider = Provider.objects.get_or_create(name=probe.later.provider)[0]
        STORED_EVIDENCE.clear()
        with transaction.atomic(), connection.execute_wrapper(timed.ranking):
            began = time.perf_counter()
            report = ingest_files(
                files=[IncomingCopy(probe.later.name, probe.later.data, probe.later.item_id)],
                user=None,
                provider=provider,
                group=True,
            )
            ingest_ms.append((time.perf_counter() - began) * 1000)
            [result] = report.results
            assert result.outcome == "stored", result.message
            probe.joined = result.version.source.story_id == original.story_id
            transaction.set_rollback(True)
    return ingest_ms


def print_joined(probes: list[Probe], lags: list[int]) -> None:
    bands = sorted(set(lags))
    by_band: dict[tuple[str, int], list[bool]] = defaultdict(list)
    for probe in probes:
        band = max([b for b in bands if probe.lag >= b * 0.9] or [bands[0]])
        by_band[probe.kind, band].append(probe.joined)
    print(f"  {'kind':<9}" + "".join(f"{'lag ~' + format(b, ','):>14}" for b in bands))
    for kind in ("re-file", "rewrite"):
        cells = []
        for band in bands:
            found = by_band.get((kind, band), [])
            cells.append(f"{sum(found)}/{len(found)} {sum(found) / len(found):.0%}" if found else "-")
        print(f"  {kind:<9}" + "".join(f"{cell:>14}" for cell in cells))
    lags_seen = sorted(probe.lag for probe in probes)
    print(f"  (lags measured: {lags_seen[0]:,} to {lags_seen[-1]:,} items)")


def explain_one(probe: Probe) -> None:
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext

    from stories.services.ingest import IncomingCopy, ingest_files

    with transaction.atomic(), CaptureQueriesContext(connection) as queries:
        ingest_files(files=[IncomingCopy(probe.later.name, probe.later.data)], user=None, group=True)
        transaction.set_rollback(True)
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            sql = query["sql"]
            if "stories_fingerprintband" in sql and sql.lstrip().upper().startswith(("SELECT", "WITH")):
                cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
                print("\n  " + sql[:400] + ("…" if len(sql) > 400 else ""))
                print("\n".join("    " + _shortened(row[0]) for row in cursor.fetchall()))


def _shortened(line: str, most: int = 160) -> str:
    return line if len(line) <= most else line[: most - 1] + "…"  # the key lists run to 3,000 characters


def run_size(items: int, args: argparse.Namespace) -> None:
    from django.db import connection
    from django.utils import timezone

    from benchmarks import load_archive
    from stories.models import ItemFingerprint
    from stories.services import grouping

    name = database_name(items)
    if not args.reuse:
        recreate_database(name)
    connection.settings_dict["NAME"] = name
    connection.close()
    from django.core.management import call_command

    rng = random.Random(SEED)
    probes = make_probes(args.probes, rng)
    began = time.perf_counter()
    if not args.reuse:
        call_command("migrate", verbosity=0, interactive=False)
        plan = plan_with_probes(items, probes, args.lags, rng)
        load_archive.store_archive(plan, now=timezone.now(), span=timedelta(hours=args.span_hours))
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    measure_lags(probes)
    stored = ItemFingerprint.objects.count()
    print(
        f"\n{stored:,} items stored, received over {args.span_hours} h, in {time.perf_counter() - began:.0f} s; "
        f"{len(probes)} probes"
    )
    for candidates in args.candidates or [None]:
        for key_rows in args.key_rows or [None]:
            if candidates:
                grouping.CANDIDATES = candidates  # the service's, read at each lookup
            if key_rows:
                grouping.KEY_ROWS = key_rows  # likewise
            probe_all(probes, args.lags)
    if args.explain:
        explain_one(max(probes, key=lambda probe: probe.lag))
    connection.close()
    if not args.keep and not args.reuse:
        recreate_database(name, create=False)


def probe_all(probes: list[Probe], lags: list[int]) -> None:
    """Ingest every probe's second item, and print what joined and what it cost."""
    from stories.services import grouping

    # before issue 14's ranking, the service kept the newest MAX_CANDIDATES; before its
    # bound on the rows read of a key, there was no KEY_ROWS
    candidates = getattr(grouping, "CANDIDATES", None) or getattr(grouping, "MAX_CANDIDATES", "?")
    print(f"candidates: {candidates}; rows read of a key: {getattr(grouping, 'KEY_ROWS', 'all')}")
    timed = Timed()
    load = os.getloadavg()
    ingest_ms = run_probes(probes, timed)
    timed.restore()
    print_joined(probes, lags)
    print(
        f"  ms an item (median): ingest {statistics.median(ingest_ms):.0f}, "
        f"finding the story {statistics.median(timed.ms):.1f}, of which the ranking query "
        f"{statistics.median(timed.ranking_ms):.1f}; candidates scored: median "
        f"{statistics.median(timed.scored):.0f}, max {max(timed.scored)}"
    )
    print(f"  load average before {load[0]:.2f} {load[1]:.2f}, after {os.getloadavg()[0]:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[3000], help="archive sizes (default 3000)")
    parser.add_argument("--lags", type=int, nargs="+", default=[250, 750, 1250, 2000])
    parser.add_argument("--probes", type=int, default=20, help="probes of each kind (default 20)")
    parser.add_argument("--span-hours", type=float, default=48, help="the archive arrives over these hours")
    parser.add_argument(
        "--candidates", type=int, nargs="*", help="the candidates scored, each in turn (default: the service's)"
    )
    parser.add_argument(
        "--key-rows", type=int, nargs="*", help="the rows read of each band key, each in turn (default: the service's)"
    )
    parser.add_argument("--explain", action="store_true", help="EXPLAIN ANALYZE the candidate query")
    parser.add_argument("--keep", action="store_true", help="keep the databases built")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="probe the databases kept by an earlier --keep run (same --probes and --lags), within a day of it",
    )
    args = parser.parse_args()
    set_up_django(database_name(args.items[0]))
    for items in args.items:
        run_size(items, args)


if __name__ == "__main__":
    main()
