"""How many items a second the desk takes in, as a feed brings them and as a queued batch,
on PostgreSQL, with the archive at 1,000 and at 10,000 items.

    .venv/bin/python benchmarks/ingest_rate.py [--items 1000 10000] [--sample 400]
                                               [--workers 1 2] [--modes each now batch]
                                               [--profile DIR] [--keep] [--reuse] [--distinct-rounds]

For each `--items` size, a database `<name>_ingest_<items>_base` on the server of
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/newsroom) is filled with
load_archive's archive of real copy (Reuters and ECB+ from ../shared/corpus, read at run
time; other agencies' rewrites made from the Reuters stories), all received within the last
48 hours (inside grouping's window: every stored item may be a candidate), less its last
`--sample` items. Past 10,000 items (the corpus holds about 13,700), the archive is
grouping_lag's: load_archive's plan again for each further 10,000, each round's copies
marked as its own, as the same kind of news comes round again (`--items 100000 --modes
now`: the time an item, the revisit included, against 100,000; the archive's evidence is
computed and COPY-loaded in about 36 minutes on 2 busy cores, kept by `--keep`, used again by
`--reuse`; with `--distinct-rounds` each round past the first is respelled as other events
of the same kinds, benchmarks/distinct_rounds.py, in databases named `..._<items>d_...`).
Those are then taken in through the real services, each mode on its own
copy of that database (CREATE DATABASE ... TEMPLATE), so every mode meets the same archive:

- *item by item, analysed each time*: `ingest_files` for one item at a time (as a feed
  brings them, the item's agency named), then the story's analysis, as ingest did per call
  before issue 14: the baseline, measured in the same run;
- *item by item*: the same calls as the code now makes them (the analysis queued), then
  the analyses the burst queued, run once each and timed apart;
- *queued batch, N workers*: the items as one upload batch (grouped, no provider chosen),
  taken in by N `manage.py desk_worker` processes; items a second from the batch's start to
  its end (the stamps the workers write), worker start-up left out.

Prints items a second, the median milliseconds an item (item by item), the CPU an item
cost the Python processes (PostgreSQL's not counted), ratios against the baseline and
between worker counts, and beside each figure the machine's load average (os.getloadavg)
and how busy its cores were meanwhile (/proc/stat), since a second worker can only take in
more where a core is free for it.
"""

from __future__ import annotations

import argparse
import logging
import os
import resource
import statistics
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SERVER_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")

from benchmarks.inbox_scale import database_url, recreate_database  # noqa: E402

SEED = 11
SPAN = timedelta(hours=48)


def database_name(items: int, mode: str, distinct: bool = False) -> str:
    kind = "d" if distinct else ""
    return f"{urlsplit(SERVER_URL).path.lstrip('/') or 'newsroom'}_ingest_{items}{kind}_{mode}"


def load() -> str:
    one, five, _ = os.getloadavg()
    return f"load {one:.2f} (5 min {five:.2f})"


def cpu_ticks() -> tuple[int, int]:
    """The machine's CPU time so far, all of it and the idle part (/proc/stat), in ticks."""
    values = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return sum(values), values[3] + values[4]  # idle and iowait


def cores_busy(since: tuple[int, int]) -> str:
    """How busy the machine's cores were since `since`: whoever kept them busy."""
    total, idle = cpu_ticks()
    return f"cores {1 - (idle - since[1]) / max(total - since[0], 1):.0%} busy"


def set_up_django() -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=database_url(database_name(0, "setup")),
        DEBUG="0",
        SECRET_KEY="benchmark-only-" + "x" * 40,
    )
    import django

    django.setup()
    logging.getLogger("stories").setLevel(logging.WARNING)


def use_database(name: str) -> None:
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def copy_database(template: str, name: str) -> None:
    import psycopg
    from django.db import connection

    connection.close()
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    use_database(name)


def split_plan(items: int, sample: int, distinct: bool = False) -> tuple[list, list]:
    """load_archive's plan of `items` copies: the stories stored before (the archive), and the
    last `sample` copies in arrival order (some of them joining stories of the archive)."""
    from benchmarks import grouping_lag
    from benchmarks.load_archive import PlannedStory

    plan = grouping_lag.archive(items, distinct)  # load_archive.plan_archive(items, SEED) up to 10,000 items
    arrivals = [(n, copy) for n, story in enumerate(plan) for copy in story.copies]
    stored, sample_copies = arrivals[:-sample], [copy for _, copy in arrivals[-sample:]]
    archive: dict[int, PlannedStory] = {}
    for n, copy in stored:
        archive.setdefault(n, PlannedStory(plan[n].kind)).copies.append(copy)
    return list(archive.values()), sample_copies


def build_base(items: int, sample: int, reuse: bool = False, distinct: bool = False) -> list:
    """The archive's database, and the copies to take in on top of it; with `reuse`, the
    database an earlier `--keep` run left (its copy arrived then: within a day of it, all of
    it stays inside grouping's window)."""
    from django.core.management import call_command
    from django.db import connection
    from django.utils import timezone

    from benchmarks import load_archive

    name = database_name(items, "base", distinct)
    if reuse:
        print(f"\nthe archive kept in {name}; {sample} to take in")
        return split_plan(items, sample, distinct)[1]
    recreate_database(name)
    use_database(name)
    call_command("migrate", verbosity=0, interactive=False)
    archive, sample_copies = split_plan(items, sample, distinct)
    began = time.perf_counter()
    load_archive.store_archive(archive, now=timezone.now() - timedelta(minutes=5), span=SPAN)
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    stored = sum(len(story.copies) for story in archive)
    print(f"\n{stored:,} items stored in {time.perf_counter() - began:.0f} s; {len(sample_copies)} to take in")
    connection.close()
    return sample_copies


def item_by_item(copies: list, *, analyse_each: bool) -> tuple[list[float], float]:
    """Milliseconds of each item's ingest (and, with `analyse_each`, its story's analysis),
    and the CPU milliseconds of this process an item."""
    from stories.models import Provider
    from stories.services.analysis import refresh_story_analysis
    from stories.services.ingest import IncomingCopy, ingest_files

    providers = {copy.provider: Provider.objects.get_or_create(name=copy.provider)[0] for copy in copies}
    spent = []
    cpu = time.process_time()
    for copy in copies:
        began = time.perf_counter()
        report = ingest_files(
            files=[IncomingCopy(copy.name, copy.data, copy.item_id)],
            user=None,
            provider=providers[copy.provider],
            group=True,
        )
        if analyse_each and report.story is not None:
            refresh_story_analysis(report.story)
        spent.append((time.perf_counter() - began) * 1000)
    return spent, (time.process_time() - cpu) * 1000 / len(copies)


def forget_evidence() -> None:
    """Each mode starts as a fresh process would: the same items on a copy of the same
    database must not find their candidates' evidence kept from the mode before."""
    try:
        from stories.services.evidence_cache import STORED_EVIDENCE
    except ImportError:  # the code before issue 14 kept none
        return
    STORED_EVIDENCE.clear()


def analyse_the_burst() -> tuple[int, float]:
    """Run the analyses the burst queued (what the analyse_story tasks do): how many, and seconds."""
    from stories.models import Story

    try:
        from stories.services.analysis import analyse_new_copy
    except ImportError:  # the code before issue 14's bursts analysed during ingest
        return 0, 0.0
    due = list(Story.objects.filter(analysis_due_at__isnull=False).values_list("pk", flat=True))
    began = time.perf_counter()
    for pk in due:
        analyse_new_copy(pk)
    return len(due), time.perf_counter() - began


def print_item_by_item(label: str, copies: list, *, analyse_each: bool, baseline: float | None = None) -> float:
    forget_evidence()
    before, ticks = load(), cpu_ticks()
    spent, cpu_ms = item_by_item(copies, analyse_each=analyse_each)
    rate = len(spent) / (sum(spent) / 1000)
    ratio = f", {rate / baseline:.2f}x the baseline" if baseline else ""
    print(
        f"  {label:<34} {rate:6.1f} items/s, median {statistics.median(spent):5.1f} ms an item"
        f" ({cpu_ms:.0f} ms of Python's CPU){ratio}   [{before}; after {load()}; {cores_busy(ticks)}]"
    )
    return rate


def process_cpu(pid: int) -> float:
    """A running process's CPU seconds so far, user and system (/proc/PID/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def queued_batch(
    name: str, copies: list, workers: int, profile: Path | None = None
) -> tuple[float, float, float | None]:
    """Items a second of one batch of `copies` taken in by `workers` desk workers, the
    workers' CPU milliseconds an item from their start to their exit (their start, the batch,
    then the burst's analyses, which the workers run before they find the queue empty), and
    of that the CPU an item while the batch was being taken in (from its first file's start
    to its last file's end, read from /proc every 0.1 s; None when a worker exited meanwhile).
    With `profile`, each worker runs under cProfile and leaves its profile there."""
    from django.contrib.auth.models import User

    from stories.models import UploadBatch
    from stories.services import batches
    from stories.services.ingest import IncomingCopy

    files = [IncomingCopy(copy.name, copy.data, copy.item_id) for copy in copies]
    desk = User.objects.get_or_create(username="bench-desk")[0]
    batch = batches.queue_batch(files=files, user=desk, story=None, provider=None, group=True)
    env = {**os.environ, "DATABASE_URL": database_url(name)}
    command = ["manage.py", "desk_worker", "--batch", "--no-reload", "--no-startup-delay"]
    quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
    children = resource.getrusage(resource.RUSAGE_CHILDREN)

    def worker(n: int) -> list[str]:
        if profile is None:
            return [sys.executable, *command]
        profile.mkdir(parents=True, exist_ok=True)
        return [sys.executable, "-m", "cProfile", "-o", str(profile / f"{name}-worker{n}.prof"), *command]

    started = [subprocess.Popen(worker(n), cwd=ROOT, env=env, **quiet) for n in range(workers)]
    marks: dict[str, float] = {}
    while any(process.poll() is None for process in started):
        status = UploadBatch.objects.values_list("status", flat=True).get(pk=batch.pk)
        if status != "queued" and "began" not in marks:
            marks["began"] = sum(process_cpu(process.pid) for process in started)
        if status == "done" and "ended" not in marks:
            alive = all(process.poll() is None for process in started)
            marks["ended"] = sum(process_cpu(process.pid) for process in started) if alive else float("nan")
        time.sleep(0.1)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime + after.ru_stime - children.ru_utime - children.ru_stime
    batch = UploadBatch.objects.get(pk=batch.pk)
    assert batch.status == "done", f"the batch ended {batch.status}: {batch.error}"
    during = marks.get("ended", float("nan")) - marks.get("began", float("nan"))
    return (
        batch.total / (batch.finished_at - batch.started_at).total_seconds(),
        cpu * 1000 / batch.total,
        None if during != during else during * 1000 / batch.total,  # NaN: a worker had exited
    )


def run_size(items: int, args: argparse.Namespace) -> None:
    from django.db import connection

    distinct = args.distinct_rounds
    copies = build_base(items, args.sample, args.reuse, distinct)
    base = database_name(items, "base", distinct)
    print(f"archive of {items:,} items (sample arriving at the end):")
    baseline = None
    if "each" in args.modes:
        copy_database(base, database_name(items, "each", distinct))
        baseline = print_item_by_item("item by item, analysed each time", copies, analyse_each=True)
    if "now" in args.modes:
        copy_database(base, database_name(items, "now", distinct))
        print_item_by_item("item by item, analysis queued", copies, analyse_each=False, baseline=baseline)
        stories, seconds = analyse_the_burst()
        if stories:
            print(
                f"  {'':<34} then {stories} stories analysed once each in {seconds:.1f} s (the burst's queued analyses)"
            )
    rates = {}
    for workers in args.workers if "batch" in args.modes else []:
        name = database_name(items, f"batch{workers}", distinct)
        copy_database(base, name)
        before, ticks = load(), cpu_ticks()
        rates[workers], cpu_ms, during_ms = queued_batch(name, copies, workers, args.profile)
        than_one = f", {rates[workers] / rates[1]:.2f}x one worker" if workers != 1 and 1 in rates else ""
        label = f"queued batch, {workers} worker{'s' if workers > 1 else ''}"
        print(
            f"  {label:<34} {rates[workers]:6.1f} items/s ({cpu_ms:.0f} ms of the workers' CPU an item"
            f"{f', {during_ms:.0f} ms while the batch went in' if during_ms is not None else ''}){than_one}"
            f"   [{before}; after {load()}; {cores_busy(ticks)}]"
        )
    connection.close()
    if not args.keep and not args.reuse:
        for mode in ["each", "now", *(f"batch{n}" for n in args.workers), "base"]:  # those not made are skipped
            recreate_database(database_name(items, mode, distinct), create=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[1000, 10000], help="archive sizes (1000 10000)")
    parser.add_argument("--sample", type=int, default=400, help="items taken in at the end (400)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2], help="desk workers on the batch (1 2)")
    parser.add_argument(
        "--modes",
        nargs="+",
        choices=["each", "now", "batch"],
        default=["each", "now", "batch"],
        help="what to measure: item by item analysed each time, item by item now, queued batch (all three)",
    )
    parser.add_argument("--profile", type=Path, help="run each desk worker under cProfile, its profile left in DIR")
    parser.add_argument("--keep", action="store_true", help="keep the databases built")
    parser.add_argument("--reuse", action="store_true", help="take in on top of the archives an earlier --keep kept")
    parser.add_argument(
        "--distinct-rounds",
        action="store_true",
        help="past 10,000 items, each round respelled as other events (benchmarks/distinct_rounds.py)",
    )
    args = parser.parse_args()
    print(f"{os.cpu_count()} cores; {load()}")
    set_up_django()
    for items in args.items:
        run_size(items, args)


if __name__ == "__main__":
    main()
