"""Whether any edit is lost when many editors save the article at the same moment.

    .venv/bin/python benchmarks/concurrent_saves.py [--savers 20] [--workers 4] [--rounds 3]

The app runs under gunicorn (`--workers` sync workers, one thread each) on a throwaway
PostgreSQL database, `newsroom_bench_saves` on the server of DATABASE_URL (default
postgres://postgres@127.0.0.1:5432/newsroom), dropped first if it is there, migrated, and
dropped at the end. This script is the editors' browsers: plain HTTP, one cookie jar each,
the compose page's draft form read with html.parser and posted as a browser would.

Each round makes fresh stories from wire copy written here (a burst water main in a small
town, 27 paragraphs); one editor saves version 1 of each article through the service. Then:

- savers (the headline figure): `--savers` editors open the compose page (their drafts
  start from version 1), each changes its own paragraph (saver i, paragraph i), and all
  post the save form at the same instant. A LOST EDIT is a saver whose change is not in the
  newest version although it was not shown the merge prompt. Expected: every save answered
  302, no prompt, version 1 plus one version per saver.
- alone: the same editors and changes on another story, every page opened first, then the
  saves posted one after another, none waiting for another: the baseline for the save
  times. Quote the ratio (together / alone), not the milliseconds, which depend on the
  machine and on its load (printed beside them).
- double clicks: one editor's form, one change, posted `--savers` times at once with the same
  one-time token. Expected: exactly one new version, which holds the change.
- paragraph edits: one editor's form posted `--savers` times at once to the edit URL (what
  the boxes do as one types), each post with its own paragraph changed and the others as
  the page drew them. Expected: every change in the editor's draft.

Exits 1 when an edit was lost (in any scenario) or a double-click storm did not make
exactly one version.
"""

from __future__ import annotations

import argparse
import http.client
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from typing import IO, TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

if TYPE_CHECKING:
    from stories.models import ArticleVersion

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SERVER_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
BENCH_DB = "newsroom_bench_saves"
PASSWORD = "water-main-bench-2025"
HTTP_TIMEOUT = 120  # seconds; a hung request fails the run instead of hanging it

# ---- Wire copy of our own: a local story, one paragraph a line -------------------------------

HEADLINE = "Burst water main floods Alderbrook high street"
PARAGRAPHS = [
    "ALDERBROOK (Valley Courier) - A water main burst beneath Alderbrook's high street before dawn on "
    "Thursday, sending water into more than 30 shops and cutting supply to about 4,000 homes.",
    "The 24-inch pipe, laid in 1958, split at around 4.40 a.m. near the junction with Mill Lane, according "
    "to Brookside Water, which runs the town's supply network.",
    "Shopkeepers arriving for work found water up to their ankles; at the lower end of the street, by the "
    "old corn exchange, it had risen to knee height.",
    '"I opened the door and the floor was a lake," said Priya Lindqvist, who has run a stationery shop on '
    'the street for 17 years. "Every box of paper on the bottom shelf is ruined."',
    "Engineers shut off the main by 7.15 a.m., but pressure across the northern half of the town stayed low "
    "through the morning.",
    "Brookside Water said bottled water would be handed out from the leisure centre car park on Station "
    "Road from noon until supply was restored.",
    "The company's operations director, Gareth Mwangi, apologised to residents and said crews would work "
    "through the night to replace a 12-metre section of pipe.",
    '"This is an old main and it has failed in an awkward place," Mwangi said. "We expect most homes to '
    'have water again by Friday morning, but some may see discoloured water for a day or two."',
    "Alderbrook Primary School and St Cuthbert's nursery closed for the day because they had no running "
    "water, the county council said.",
    "The council shut the high street to traffic between the market cross and Mill Lane, and sent the "
    "number 14 and 22 buses along Tanners Way instead.",
    "Police asked drivers to keep away from the town centre and warned that the road surface near the "
    "burst had lifted in several places.",
    "A stretch of pavement about the size of a car collapsed outside the Royal Oak pub shortly after "
    "9 a.m.; nobody was hurt.",
    "Firefighters pumped water out of the basements of four buildings, including the public library, "
    "where staff carried the local history collection to an upper floor.",
    "Librarian Tomasz Achebe said the parish records had been stored in sealed boxes and appeared to have "
    "survived without damage.",
    "The Alderbrook Traders' Association said it would ask Brookside Water to compensate businesses for "
    "lost trade as well as for spoiled stock.",
    "Its chair, Helen Farrow, estimated that the closure could cost the street's shops up to £150,000 in "
    "takings by the end of the weekend.",
    "Under industry rules, households that lose supply for more than 12 hours are entitled to an automatic "
    "payment of £50, rising for longer interruptions.",
    "Residents of the Meadowbank estate, on higher ground north of the river, said their taps ran dry at "
    "about 6 a.m.",
    'Retired nurse Dorothy Kwame, 81, said a neighbour had brought her two packs of bottled water. '
    '"People have been very kind, but I am worried about washing," she said.',
    "Brookside Water said 340 of the affected customers were on its priority services register, among them "
    "people who rely on home dialysis, and that it would deliver water to their doors.",
    "It is the third burst on the same stretch of main in five years, according to figures the company "
    "published in its latest annual report.",
    'Local councillor Ravi O\'Donnell said he had asked the company in 2022 to bring forward plans to '
    'replace the pipe. "We were told it was not a priority," he said.',
    "Brookside Water said the main was due to be replaced in 2027 and that it would now review whether the "
    "work could start sooner.",
    "The Environment Agency said it was watching the River Alder after water from the burst drained into "
    "storm culverts, but that it had found no pollution so far.",
    "Saturday's farmers' market, normally held on the high street, will move to the cricket ground on "
    "Church Road this week.",
    "Updates on the repair are being posted on Brookside Water's website and on the council's social media "
    "pages.",
    "(Reporting by Nadia Brennan; editing by Colm Reyes; ref. ALD-{tag})",
]


def wire_copy(tag: str) -> bytes:
    """The story's copy; `tag` makes each story's bytes its own (identical bytes are one source)."""
    body = "\n".join(PARAGRAPHS).replace("{tag}", tag)
    return f"{HEADLINE}\n\n{body}\n".encode()


# ---- The database and the server --------------------------------------------------------------


def database_url(name: str) -> str:
    return urlsplit(SERVER_URL)._replace(path=f"/{name}").geturl()


def recreate_database(*, create: bool = True) -> None:
    """Drop the benchmark's database (connections and all), and create it again unless told not to."""
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{BENCH_DB}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{BENCH_DB}"')


def app_environment() -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.settings",
        "DATABASE_URL": database_url(BENCH_DB),
        "DEBUG": "0",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextmanager
def gunicorn(env: dict[str, str], workers: int) -> Iterator[int]:
    """gunicorn serving the app on a free port, stopped on the way out whatever happens."""
    port = free_port()
    command = [str(REPO / ".venv/bin/gunicorn"), "newsroom.wsgi:application", "-b", f"127.0.0.1:{port}",
               "-w", str(workers), "--threads", "1"]
    with tempfile.TemporaryFile("w+") as log:
        server = subprocess.Popen(command, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            wait_until_up(server, port, log)
            yield port
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
            report_server_errors(log)


def wait_until_up(server: subprocess.Popen, port: int, log: IO[str]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            log.seek(0)
            raise SystemExit(f"gunicorn stopped (exit {server.returncode}):\n{log.read()}")
        try:
            if Browser(port).get("/accounts/login/").status == 200:
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    raise SystemExit("gunicorn did not answer within 60 seconds")


def report_server_errors(log: IO[str]) -> None:
    log.seek(0)
    errors = [line.rstrip() for line in log if "Internal Server Error" in line or "Traceback" in line]
    if errors:
        print(f"\nThe server logged {len(errors)} errors, the first: {errors[0]}")


# ---- The app's side, read and set up in this process -------------------------------------------


def set_up_django(env: dict[str, str]) -> None:
    os.environ.update(env)  # this process reads the same database as the server
    import django

    django.setup()


def make_editors(count: int) -> list[str]:
    """`count` editors, and `first`, who saves each article's version 1."""
    from django.contrib.auth.hashers import PBKDF2PasswordHasher
    from django.contrib.auth.models import Group, User

    from stories import roles

    # A hash of few iterations, which the default hasher reads (and on the first login
    # upgrades to its own count, once per editor): no settings changed for speed.
    hasher = PBKDF2PasswordHasher()
    editors = Group.objects.get(name=roles.EDITOR)
    names = ["first", *(f"saver{n:02d}" for n in range(1, count + 1))]
    for name in names:
        user = User.objects.create(username=name, password=hasher.encode(PASSWORD, hasher.salt(), iterations=1000))
        user.groups.add(editors)
    return names[1:]


def make_story(tag: str) -> int:
    """A story of one source whose article's version 1 is saved; its id."""
    from django.contrib.auth.models import User

    from stories.services.compose import article_for, draft_for, save_draft
    from stories.services.ingest import IncomingCopy, ingest_files

    report = ingest_files(files=[IncomingCopy(f"alderbrook-{tag}.txt", wire_copy(tag))], user=None)
    story = report.story
    assert story is not None and report.count("stored") == 1, [result.message for result in report.results]
    first = User.objects.get(username="first")
    save_draft(draft=draft_for(article=article_for(story), editor=first), reason="First version")
    return story.pk


def versions(story_id: int) -> list[ArticleVersion]:
    """The article's versions, newest first."""
    from stories.models import ArticleVersion

    return list(ArticleVersion.objects.filter(article__story_id=story_id).order_by("-number"))


def draft_text(story_id: int, username: str) -> str:
    from stories.models import ArticleDraft

    draft = ArticleDraft.objects.get(article__story_id=story_id, editor__username=username)
    return "\n".join(paragraph["text"] for paragraph in draft.paragraphs)


# ---- A browser: cookies, forms, one request at a time ------------------------------------------


@dataclass(frozen=True)
class Answer:
    status: int
    location: str
    body: str
    ms: float

    def messages(self) -> list[str]:
        return re.findall(r'<li class="message message-\w+">(.*?)</li>', self.body, re.S)


class Browser:
    """One editor's browser: a cookie jar, and each request on its own connection (gunicorn's
    sync workers close it after every answer anyway). Redirects are not followed."""

    def __init__(self, port: int, cookies: dict[str, str] | None = None) -> None:
        self.port = port
        self.cookies = dict(cookies or {})

    def clone(self) -> Browser:
        """Another tab of the same browser, for a thread of its own."""
        return Browser(self.port, self.cookies)

    def get(self, path: str) -> Answer:
        return self.request("GET", path)

    def post(self, path: str, fields: dict[str, str]) -> Answer:
        return self.request("POST", path, urlencode(fields))

    def request(self, method: str, path: str, body: str | None = None) -> Answer:
        headers = {"Cookie": "; ".join(f"{name}={value}" for name, value in self.cookies.items())}
        if body is not None:
            headers |= {"Content-Type": "application/x-www-form-urlencoded", "Origin": f"http://127.0.0.1:{self.port}"}
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=HTTP_TIMEOUT)
        try:
            started = time.perf_counter()
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            content = response.read().decode()
            elapsed = (time.perf_counter() - started) * 1000
        finally:
            connection.close()
        self._keep_cookies(response.headers.get_all("Set-Cookie") or [])
        return Answer(response.status, response.getheader("Location", ""), content, elapsed)

    def _keep_cookies(self, headers: list[str]) -> None:
        for header in headers:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value


class FormReader(HTMLParser):
    """The named fields of one form, as a browser would post them (buttons left out)."""

    def __init__(self, attribute: str, value: str) -> None:
        super().__init__()
        self.wanted, self.inside = (attribute, value), False
        self.fields: dict[str, str] = {}
        self.textarea: str | None = None
        self.select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.inside = attributes.get(self.wanted[0]) == self.wanted[1]
        if not self.inside or tag == "form":
            return
        name = attributes.get("name")
        if tag == "input" and name and attributes.get("type", "text") not in ("submit", "button", "image", "reset"):
            if attributes.get("type") not in ("checkbox", "radio") or "checked" in attributes:
                self.fields[name] = attributes.get("value", "")
        elif tag == "textarea" and name:
            self.textarea, self.fields[name] = name, ""
        elif tag == "select" and name:
            self.select = name
        elif tag == "option" and self.select and (self.select not in self.fields or "selected" in attributes):
            self.fields[self.select] = attributes.get("value", "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea:
            self.fields[self.textarea] = self.fields[self.textarea].removeprefix("\n")
            self.textarea = None
        elif tag == "select":
            self.select = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.fields[self.textarea] += data


def read_form(html: str, attribute: str, value: str) -> dict[str, str]:
    reader = FormReader(attribute, value)
    reader.feed(html)
    return reader.fields


def log_in(port: int, username: str) -> Browser:
    browser = Browser(port)
    fields = read_form(browser.get("/accounts/login/").body, "action", "/accounts/login/")
    answer = browser.post("/accounts/login/", fields | {"username": username, "password": PASSWORD})
    assert answer.status == 302 and "sessionid" in browser.cookies, f"{username} could not log in: {answer.status}"
    return browser


# ---- The scenarios ------------------------------------------------------------------------------


def compose_path(story_id: int, action: str = "") -> str:
    return f"/stories/{story_id}/compose/{action + '/' if action else ''}"


def open_draft(browser: Browser, story_id: int) -> dict[str, str]:
    """The compose page's draft form, as the page drew it."""
    answer = browser.get(compose_path(story_id))
    assert answer.status == 200, f"the compose page answered {answer.status}"
    return read_form(answer.body, "id", "draft-form")


def changed(form: dict[str, str], index: int, marker: str) -> dict[str, str]:
    """The form with `marker` typed at the end of its `index`-th paragraph box."""
    boxes = [name for name in form if name.startswith("text-")]
    if index >= len(boxes):
        raise SystemExit(f"The draft has {len(boxes)} paragraphs; no paragraph {index + 1} to change.")
    return form | {boxes[index]: f"{form[boxes[index]]} {marker}"}


def all_at_once(requests: Sequence[Callable[[], Answer]]) -> list[Answer]:
    """Each request from a thread of its own, all released together by a barrier."""
    barrier = threading.Barrier(len(requests))

    def send(request: Callable[[], Answer]) -> Answer:
        barrier.wait(timeout=HTTP_TIMEOUT)
        return request()

    with ThreadPoolExecutor(max_workers=len(requests)) as pool:
        return list(pool.map(send, requests))


def outcome(answer: Answer, story_id: int) -> str:
    if answer.status == 302 and answer.location == compose_path(story_id):
        return "saved"
    if answer.status == 409 and '<section class="merge"' in answer.body:
        return "prompt"
    return "other"


def answer_counts(answers: list[Answer]) -> str:
    return ", ".join(f"{status}×{count}" for status, count in sorted(Counter(a.status for a in answers).items()))


@dataclass
class Saves:
    """What savers' posts did to one article (or, added up, to several)."""

    outcomes: list[str] = field(default_factory=list)  # saved, prompt or other, one a saver
    lost: list[str] = field(default_factory=list)
    versions: int = 0
    times: list[float] = field(default_factory=list)
    load: tuple[float, float, float] = (0.0, 0.0, 0.0)
    others: list[str] = field(default_factory=list)

    def __add__(self, other: Saves) -> Saves:
        return Saves(
            self.outcomes + other.outcomes, self.lost + other.lost, self.versions + other.versions,
            self.times + other.times, other.load, self.others + other.others,
        )


@dataclass(frozen=True)
class Round:
    together: Saves
    alone: Saves
    clicks_saved: int  # new versions the double-click storm made (0 when the change is not in them)
    edits_lost: int

    @property
    def ok(self) -> bool:
        return not self.together.lost and not self.alone.lost and self.clicks_saved == 1 and not self.edits_lost


def run_savers(browsers: list[Browser], names: list[str], *, together: bool) -> Saves:
    """Every saver opens the page, changes its own paragraph and saves: all at once, or one by one."""
    story_id = make_story(f"{'together' if together else 'alone'}-{secrets.token_hex(3)}")
    with ThreadPoolExecutor(max_workers=len(browsers)) as pool:
        forms = list(pool.map(lambda browser: open_draft(browser, story_id), browsers))
    path = compose_path(story_id, "save")
    posts = [
        partial(browser.post, path, changed(form, n, f"[edit by {name}]") | {"reason": f"{name}: own paragraph"})
        for n, (browser, form, name) in enumerate(zip(browsers, forms, names))
    ]
    answers = all_at_once(posts) if together else [post() for post in posts]
    load = os.getloadavg()
    outcomes = [outcome(answer, story_id) for answer in answers]
    saved = versions(story_id)
    newest = saved[0].body
    lost = [name for name, said in zip(names, outcomes) if said != "prompt" and f"[edit by {name}]" not in newest]
    others = [f"{a.status} {a.messages()[:1]}" for a, said in zip(answers, outcomes) if said == "other"]
    return Saves(outcomes, lost, len(saved), [answer.ms for answer in answers], load, others)


def double_clicks(browser: Browser, clicks: int) -> tuple[int, bool, str]:
    """One form, one change, posted `clicks` times at once: new versions, whether the newest
    holds the change, and the answers."""
    story_id = make_story(f"clicks-{secrets.token_hex(3)}")
    form = changed(open_draft(browser, story_id), 0, "[double click]") | {"reason": "one click too many"}
    path = compose_path(story_id, "save")
    answers = all_at_once([partial(browser.clone().post, path, form) for _ in range(clicks)])
    saved = versions(story_id)
    return len(saved) - 1, "[double click]" in saved[0].body, answer_counts(answers)


def paragraph_edits(browser: Browser, username: str, edits: int) -> tuple[int, str]:
    """`edits` posts of one page's form to the edit URL at once, each with its own paragraph
    changed: how many of the changes are in the draft, and the answers."""
    story_id = make_story(f"edits-{secrets.token_hex(3)}")
    form = open_draft(browser, story_id)
    path = compose_path(story_id, "edit")
    posts = [partial(browser.clone().post, path, changed(form, n, f"[typed in tab {n + 1:02d}]")) for n in range(edits)]
    answers = all_at_once(posts)
    text = draft_text(story_id, username)
    return sum(f"[typed in tab {n + 1:02d}]" in text for n in range(edits)), answer_counts(answers)


def run_round(number: int, browsers: list[Browser], names: list[str]) -> Round:
    print(f"\nround {number}")
    together = run_savers(browsers, names, together=True)
    print_saves("savers, all at once", together)
    alone = run_savers(browsers, names, together=False)
    print_saves("baseline, the same saves one after another", alone)
    print(f"  {ratio_line(together, alone)}")
    made, holds, answers = double_clicks(browsers[0], len(names))
    print(f"  double clicks: {len(names)} posts of one form ({answers}): {made} new version"
          f"{'' if made == 1 else 's'}{'' if holds else ', WITHOUT the change'}")
    kept, answers = paragraph_edits(browsers[0], names[0], len(names))
    print(f"  paragraph edits: {len(names)} posts at once ({answers}): {kept} of {len(names)} changes in the draft")
    return Round(together, alone, made if holds else 0, len(names) - kept)


# ---- Report ------------------------------------------------------------------------------------


def p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10, method="inclusive")[-1]


def load_text(load: tuple[float, float, float]) -> str:
    return "load average " + " ".join(f"{figure:.2f}" for figure in load)


def print_saves(title: str, saves: Saves) -> None:
    count = Counter(saves.outcomes)
    print(
        f"  {title}: {len(saves.outcomes)} savers, {count['saved']} saved, {count['prompt']} merge prompts, "
        f"{count['other']} other answers, {len(saves.lost)} lost edits, {saves.versions} versions in all"
    )
    print(f"    save requests: median {statistics.median(saves.times):.0f} ms, p90 {p90(saves.times):.0f} ms"
          f" ({load_text(saves.load)})")
    for other in saves.others[:3]:
        print(f"    other answer: {other}")
    if saves.lost:
        print(f"    LOST: {', '.join(saves.lost)}")


def ratio_line(together: Saves, alone: Saves) -> str:
    ratio = statistics.median(together.times) / statistics.median(alone.times)
    return f"median save time, together / alone: {ratio:.1f}x"


def print_totals(rounds: list[Round]) -> None:
    together, alone = sum((r.together for r in rounds), Saves()), sum((r.alone for r in rounds), Saves())
    print(f"\nall {len(rounds)} rounds")
    print_saves("savers, all at once", together)
    print_saves("baseline, the same saves one after another", alone)
    print(f"  {ratio_line(together, alone)}")
    print(f"  double clicks, new versions by round: {', '.join(str(r.clicks_saved) for r in rounds)}")
    print(f"  paragraph edits lost: {sum(r.edits_lost for r in rounds)}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--savers", type=int, default=20, help="editors saving at once (at most 26)")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn sync workers")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    if not 2 <= args.savers <= len(PARAGRAPHS) - 1:
        parser.error(f"--savers must be between 2 and {len(PARAGRAPHS) - 1}")

    env = app_environment()
    recreate_database()
    try:
        subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=REPO, env=env, check=True)
        set_up_django(env)
        names = make_editors(args.savers)
        print(f"{args.savers} savers, gunicorn with {args.workers} sync workers, {os.cpu_count()} cores, "
              f"{args.rounds} rounds ({load_text(os.getloadavg())})")
        with gunicorn(env, args.workers) as port:
            with ThreadPoolExecutor(max_workers=args.savers) as pool:
                browsers = list(pool.map(lambda name: log_in(port, name), names))
            rounds = [run_round(n, browsers, names) for n in range(1, args.rounds + 1)]
        print_totals(rounds)
    finally:
        if "django.db" in sys.modules:  # Django was set up: let go of its connection first
            from django.db import connections

            connections.close_all()
        recreate_database(create=False)
    ok = all(r.ok for r in rounds)
    print(f"\n{'ok: no edit lost' if ok else 'FAILED: an edit was lost, or a double click did not save exactly once'}")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
