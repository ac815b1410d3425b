"""How the desk and the public pages hold up under load, on a realistic archive.

    .venv/bin/python benchmarks/load.py [--items 10000] [--editors 20] [--seconds 30] [--workers 4] [--keep]
                                        [--public-with wrk|locust]

The app runs as in production (newsroom.production: DEBUG off, a real SECRET_KEY, hashed
static files) under gunicorn (`--workers` sync workers) on a throwaway PostgreSQL database,
`newsroom_bench_load` on the server of DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/newsroom), dropped first and at the end (unless
`--keep`). The archive is built first: `--items` copies of real wire copy in stories, with
their analyses and a desk's worth of articles (benchmarks/load_archive.py says how, and
why its rows are what ingest stores): two to three minutes at 10,000 on a busy 2-core
machine; the whole run about six.

Then `--editors` editors log in, and each scenario runs for `--seconds`:

- desk scenarios (locust, benchmarks/load_users.py): every editor at once, each pausing
  0.5-2 s between requests as a person does: the inbox's first page; an inbox search
  (full-text, a term from SEARCHES); a warm compare page (the analysis stored) of a random
  story; composing a story of their own (the page, three box saves, the presence poll,
  Save version).
- public scenarios, flat out (no pause) from PUBLIC_CLIENTS clients: the public index, an
  article page (a random published article) and the Atom feed; with wrk when it is
  installed (`apt-get install wrk`: a C program that takes little of the CPU it measures),
  else with locust.

For each request it prints requests a second, p50 / p95 / p99 in ms, errors (any answer but
the one expected, a redirect to the login page included), and beside them the machine's
load average and the CPU seconds taken by gunicorn, by PostgreSQL's backends for this
database, and by the load generator itself, which runs on the same two cores: what the
load generator eats, the server does not get. The aims (issue 11): 20 editors with p95
under 300 ms on reads and under 500 ms on saves, no errors; the public pages over 300
requests a second.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import random
import resource
import secrets
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

try:
    import psutil
except ImportError:  # pragma: no cover - a benchmark's own install
    raise SystemExit(
        "benchmarks/load.py needs locust and psutil: .venv/bin/pip install -r requirements-bench.txt"
    ) from None

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.concurrent_saves import Browser, database_url, gunicorn, read_form  # noqa: E402

BENCH_DB = "newsroom_bench_load"
PASSWORD = "load-bench-editor-2025"
SEED = 11
PUBLIC_CLIENTS = 16
COMPARED_STORIES = 200
SEARCHES = ["oil prices", "central bank", "Tokyo", "dividend", "earthquake", "coffee", "interest rates",
            "takeover bid", "police", "trade deficit"]  # fmt: skip
READ_AIM_MS, SAVE_AIM_MS, PUBLIC_AIM_RPS = 300, 500, 300
SAVES = {"compose edit", "compose save"}


# ---- The database and the app ---------------------------------------------------------------------


def recreate_database(*, create: bool = True) -> None:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{BENCH_DB}"')


def app_environment(static_root: str) -> dict[str, str]:
    """The production settings on plain HTTP (no TLS proxy here)."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.production",
        "DATABASE_URL": database_url(BENCH_DB),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "STATIC_ROOT": static_root,
    }


def manage(env: dict[str, str], *command: str) -> None:
    subprocess.run([sys.executable, "manage.py", *command, "-v", "0"], cwd=REPO, env=env, check=True)


def set_up_django(env: dict[str, str]) -> None:
    """This process reads and writes the same database; approval here does not wait for
    conflicting facts to be settled (the archive's articles), the server's does."""
    os.environ.update(env, NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS="1")
    import django

    django.setup()


def build_archive(items: int) -> None:
    from django.utils import timezone

    from benchmarks import load_archive

    started = time.perf_counter()
    plan = load_archive.plan_archive(items, SEED)
    load_archive.store_archive(plan, now=timezone.now())
    stored = time.perf_counter()
    analysed = load_archive.analyse_stories()
    states = load_archive.make_articles(seed=SEED)
    public = sum(state in ("published", "corrected") for state in states)
    stored_items = sum(len(story.copies) for story in plan)
    print(f"archive: {stored_items:,} items in {len(plan):,} stories stored in {stored - started:.0f} s; {analysed:,} "
          f"analyses and {len(states)} articles ({public} public) in {time.perf_counter() - stored:.0f} s")  # fmt: skip


def make_editors(count: int) -> list[str]:
    """`count` editors with a password hash of few iterations, which the default hasher reads
    (and upgrades to its own count at the first login, before the scenarios)."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group, User

    from stories import roles

    hasher, editors = PBKDF2PasswordHasher(), Group.objects.get(name=roles.EDITOR)
    names = [f"editor{n:02d}" for n in range(1, count + 1)]
    for name in names:
        user = User.objects.create(username=name, password=hasher.encode(PASSWORD, hasher.salt(), iterations=1000))
        user.groups.add(editors)
    return names


def what_to_read(editors: int) -> dict[str, list]:
    """The stories the editors compose (one each, no article yet), compare and search, and the
    articles the public reads."""
    from django.db.models import Count

    from stories.models import Article, Story

    rng = random.Random(SEED)
    several = Story.objects.annotate(n=Count("sources")).filter(n__gte=2).order_by("pk")
    reuters = several.filter(article__isnull=True, sources__item_id__startswith="RTR-").distinct()
    free = list(reuters.values_list("pk", flat=True))
    compared = list(several.values_list("pk", flat=True))
    public = Article.objects.filter(published_version__isnull=False, withdrawn_at__isnull=True)
    return {
        "compose": rng.sample(free, editors),
        "compare": rng.sample(compared, min(COMPARED_STORIES, len(compared))),
        "searches": SEARCHES,
        "articles": sorted(public.values_list("pk", flat=True)),
    }


# ---- The editors' browsers ------------------------------------------------------------------------


def log_in(port: int, username: str) -> dict[str, str]:
    """The editor's browser's cookies: the session and the CSRF token."""
    browser = Browser(port)
    fields = read_form(browser.get("/accounts/login/").body, "action", "/accounts/login/")
    answer = browser.post("/accounts/login/", fields | {"username": username, "password": PASSWORD})
    if answer.status != 302 or "sessionid" not in browser.cookies:
        raise SystemExit(f"{username} could not log in: {answer.status}")
    return browser.cookies


def open_compose_pages(port: int, editors: list[dict]) -> None:
    """Each editor opens their story's compose page once: the article and the automatic
    draft are made then, as on a desk, not during the measured minutes."""

    def open_page(editor: dict) -> None:
        answer = Browser(port, editor["cookies"]).get(f"/stories/{editor['compose']}/compose/")
        if answer.status != 200:
            raise SystemExit(f"the compose page of story {editor['compose']} answered {answer.status}")

    with ThreadPoolExecutor(max_workers=4) as pool:
        list(pool.map(open_page, editors))


# ---- Measuring ------------------------------------------------------------------------------------


@dataclass
class Row:
    name: str
    requests: int
    rps: float
    p50: float
    p95: float
    p99: float
    errors: int


@dataclass
class Cost:
    """What one scenario cost the machine, in CPU seconds, and its load average after."""

    server: float
    database: float
    generator: float
    busy: float  # the whole machine's CPU in use, as a share of its cores
    load: tuple[float, float, float]
    seconds: float


def _gunicorn_cpu() -> float:
    me = psutil.Process()
    return sum(_cpu(p) for p in me.children(recursive=True) if "gunicorn" in " ".join(_cmdline(p)))


def _database_cpu() -> dict[int, float]:
    """CPU seconds of PostgreSQL's backends serving the benchmark's database, by process."""
    found = {}
    for process in psutil.process_iter(["name"]):
        if process.info["name"] == "postgres" and BENCH_DB in " ".join(_cmdline(process)):
            found[process.pid] = _cpu(process)
    return found


def _cpu(process: psutil.Process) -> float:
    try:
        times = process.cpu_times()
    except psutil.Error:
        return 0.0
    return times.user + times.system


def _cmdline(process: psutil.Process) -> list[str]:
    try:
        return process.cmdline()
    except psutil.Error:
        return []


@contextmanager
def costed() -> Iterator[list[Cost]]:
    """CPU taken while the block runs: gunicorn's processes, the database's backends (those
    alive at the end), this script's children (the load generator) and the whole machine."""
    out: list[Cost] = []
    server, database, machine = _gunicorn_cpu(), _database_cpu(), psutil.cpu_times()
    children, started = resource.getrusage(resource.RUSAGE_CHILDREN), time.monotonic()
    yield out
    elapsed, after = time.monotonic() - started, psutil.cpu_times()
    done = resource.getrusage(resource.RUSAGE_CHILDREN)
    idle = (after.idle + after.iowait) - (machine.idle + machine.iowait)
    busy = 1 - idle / (elapsed * (psutil.cpu_count() or 1))
    database_now = _database_cpu()
    out.append(Cost(
        server=_gunicorn_cpu() - server,
        database=sum(cpu - database.get(pid, 0.0) for pid, cpu in database_now.items()),
        generator=(done.ru_utime + done.ru_stime) - (children.ru_utime + children.ru_stime),
        busy=busy, load=os.getloadavg(), seconds=elapsed,
    ))  # fmt: skip


def run_locust(user_class: str, users: int, seconds: int, port: int, plan_file: str, out: str) -> list[Row]:
    """locust, headless, statistics from the moment every user is running."""
    prefix = os.path.join(out, user_class)
    command = [str(REPO / ".venv/bin/locust"), "-f", str(REPO / "benchmarks/load_users.py"), "--headless",
               "-u", str(users), "-r", str(users), "-t", f"{seconds}s", "--host", f"http://127.0.0.1:{port}",
               "--csv", prefix, "--only-summary", "--reset-stats", "--loglevel", "WARNING",
               "--exit-code-on-error", "0", user_class]  # fmt: skip
    env = {**os.environ, "LOAD_PLAN": plan_file, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"locust failed ({done.returncode}):\n{done.stderr[-3000:]}")
    with open(f"{prefix}_stats.csv", encoding="utf-8") as stats:
        rows = [_locust_row(line) for line in csv.DictReader(stats) if line["Name"] != "Aggregated"]
    with open(f"{prefix}_failures.csv", encoding="utf-8") as failures:
        for failure in list(csv.DictReader(failures))[:3]:
            print(f"    error: {failure['Name']}: {failure['Error']} ×{failure['Occurrences']}")
    return rows


def _locust_row(line: dict[str, str]) -> Row:
    return Row(line["Name"], int(line["Request Count"]), float(line["Requests/s"]), float(line["50%"]),
               float(line["95%"]), float(line["99%"]), int(line["Failure Count"]))  # fmt: skip


WRK_SCRIPT = """
paths = {%s}
request = function() return wrk.format("GET", paths[math.random(#paths)]) end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RESULT %%d %%d %%d %%d %%d %%d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(name: str, paths: list[str], seconds: int, port: int, out: str) -> list[Row]:
    """wrk: one thread, PUBLIC_CLIENTS connections; any answer but 2xx/3xx counts as an error."""
    script = os.path.join(out, "paths.lua")
    Path(script).write_text(WRK_SCRIPT % ", ".join(json.dumps(path) for path in paths))
    command = ["wrk", "-t", "1", "-c", str(PUBLIC_CLIENTS), "-d", f"{seconds}s", "--timeout", "10s", "-s", script,
               f"http://127.0.0.1:{port}"]  # fmt: skip
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    line = next(line for line in done.stdout.splitlines() if line.startswith("RESULT "))
    requests, duration, p50, p95, p99, errors = (int(figure) for figure in line.split()[1:])
    return [Row(name, requests, requests / (duration / 1e6), p50 / 1000, p95 / 1000, p99 / 1000, errors)]


# ---- Report ---------------------------------------------------------------------------------------

HEADER = (f"{'request':<18} {'requests':>8} {'req/s':>7} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'errors':>6}  "
          "| load 1/5 min, CPU s: gunicorn / PostgreSQL / load generator, machine busy")  # fmt: skip


def print_scenario(title: str, rows: list[Row], cost: Cost) -> None:
    print(f"\n{title}")
    print(HEADER)
    beside = (f"| {cost.load[0]:.2f} / {cost.load[1]:.2f}, {cost.server:.1f} / {cost.database:.1f} / "
              f"{cost.generator:.1f}, {cost.busy:.0%}")  # fmt: skip
    for row in rows:
        print(f"{row.name:<18} {row.requests:>8} {row.rps:>7.1f} {row.p50:>7.0f} {row.p95:>7.0f} {row.p99:>7.0f} "
              f"{row.errors:>6}  {beside}")  # fmt: skip
    requests = sum(row.requests for row in rows) or 1
    print(f"  server CPU a request: {1000 * cost.server / requests:.1f} ms in gunicorn, "
          f"{1000 * cost.database / requests:.1f} ms in PostgreSQL; the server used "
          f"{(cost.server + cost.database) / cost.seconds:.2f} of the {psutil.cpu_count()} cores")  # fmt: skip


def verdicts(rows: list[Row], public: set[str]) -> list[str]:
    said = []
    for row in rows:
        if row.name in public:
            aim, met = f"over {PUBLIC_AIM_RPS} req/s", row.rps > PUBLIC_AIM_RPS
        else:
            limit = SAVE_AIM_MS if row.name in SAVES else READ_AIM_MS
            aim, met = f"p95 under {limit} ms", row.p95 < limit
        met = met and row.errors == 0
        said.append(f"  {row.name:<18} {'met' if met else 'NOT MET'}: {aim}, no errors")
    return said


# ---- The run --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scenario:
    title: str
    run: Callable[[], list[Row]]


def scenarios(args: argparse.Namespace, port: int, plan: dict, plan_file: str, out: str) -> list[Scenario]:
    def desk(user_class: str) -> Callable[[], list[Row]]:
        return lambda: run_locust(user_class, args.editors, args.seconds, port, plan_file, out)

    def public(user_class: str, name: str, paths: list[str]) -> Callable[[], list[Row]]:
        if args.public_with == "wrk":
            return lambda: run_wrk(name, paths, args.seconds, port, out)
        return lambda: run_locust(user_class, PUBLIC_CLIENTS, args.seconds, port, plan_file, out)

    tool = f"{PUBLIC_CLIENTS} clients without pause ({args.public_with})"
    articles = [f"/news/{pk}/" for pk in plan["articles"]]
    return [
        Scenario(f"inbox: {args.editors} editors (locust)", desk("InboxEditor")),
        Scenario(f"inbox search: {args.editors} editors (locust)", desk("SearchEditor")),
        Scenario(f"compare page, warm: {args.editors} editors (locust)", desk("CompareEditor")),
        Scenario(f"compose, edits and saves: {args.editors} editors (locust)", desk("ComposeEditor")),
        Scenario(f"public index: {tool}", public("IndexReader", "public index", ["/news/"])),
        Scenario(f"public article: {tool}", public("ArticleReader", "public article", articles)),
        Scenario(f"Atom feed: {tool}", public("FeedReader", "Atom feed", ["/news/feed/"])),
    ]


def run_all(args: argparse.Namespace, env: dict[str, str], plan: dict) -> list[Row]:
    measured: list[Row] = []
    with tempfile.TemporaryDirectory() as out, gunicorn(env, args.workers) as port:
        with ThreadPoolExecutor(max_workers=4) as pool:
            cookies = list(pool.map(lambda name: log_in(port, name), plan.pop("editors")))
        plan["editors"] = [{"cookies": c, "compose": story} for c, story in zip(cookies, plan["compose"])]
        open_compose_pages(port, plan["editors"])
        plan_file = os.path.join(out, "plan.json")
        Path(plan_file).write_text(json.dumps(plan))
        for scenario in scenarios(args, port, plan, plan_file, out):
            with costed() as cost:
                rows = scenario.run()
            print_scenario(scenario.title, rows, cost[0])
            measured += rows
        check_publication_reaches_every_worker(port, plan["articles"][0], args.workers)
    return measured


def check_publication_reaches_every_worker(port: int, article_id: int, workers: int) -> None:
    """Every worker has the article's page and the index cached; a correction is published
    from this process; every answer after it must show the correction."""
    from benchmarks.load_archive import publish_correction

    pages = [f"/news/{article_id}/", "/news/", "/news/feed/"]
    for _ in range(4 * workers):
        for path in pages:
            Browser(port).get(path)
    headline = f"Corrected headline {secrets.token_hex(4)}"
    publish_correction(article_id, headline)
    answers = [Browser(port).get(path) for _ in range(10 * workers) for path in pages]
    shown = sum(answer.status == 200 and headline in answer.body for answer in answers)
    print(
        f"\npublication: after a correction published from outside the server, {shown} of {len(answers)} "
        f"answers (page, index, feed, {10 * workers} each) showed it at once"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--items", type=int, default=10_000, help="copies stored in the archive")
    parser.add_argument("--editors", type=int, default=20, help="editors at work at once")
    parser.add_argument("--seconds", type=int, default=30, help="each scenario's length")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument("--public-with", choices=["wrk", "locust"], default="wrk" if shutil.which("wrk") else "locust")
    args = parser.parse_args()

    static_root = os.path.join(tempfile.gettempdir(), f"{BENCH_DB}_static")
    env = app_environment(static_root)
    recreate_database()
    try:
        manage(env, "migrate", "--noinput")
        manage(env, "collectstatic", "--noinput")
        print(
            f"{os.cpu_count()} cores, load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}; "
            f"gunicorn with {args.workers} sync workers, {args.editors} editors, {args.seconds} s a scenario"
        )
        set_up_django(env)
        build_archive(args.items)
        plan = what_to_read(args.editors) | {"editors": make_editors(args.editors)}
        rows = run_all(args, env, plan)
    finally:
        if "django.db" in sys.modules:  # Django was set up: let go of its connection first
            from django.db import connections

            connections.close_all()
        if args.keep:
            print(f"\nkept: {database_url(BENCH_DB)}")
        else:
            recreate_database(create=False)
    print("\naims (issue 11)")
    print("\n".join(verdicts(rows, {"public index", "public article", "Atom feed"})))


if __name__ == "__main__":
    main()
