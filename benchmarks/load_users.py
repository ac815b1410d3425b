"""The people `benchmarks/load.py` simulates, as locust users: one class a scenario.

Not run on its own: load.py logs the editors in, writes a plan (their session cookies, the
story each composes, the stories and articles to read) to the file named by LOAD_PLAN, and
runs `locust -f benchmarks/load_users.py --headless ... ClassName` for each scenario.

Editors pause between requests as a person does (EDITOR_THINK); the public's readers ask
again as soon as they have an answer, to find how many pages a second the server gives.
Every answer is checked: a redirect to the login page, a 500 or a missing form is an error.
"""

from __future__ import annotations

import itertools
import json
import os
import random
import re
from pathlib import Path
from urllib.parse import urlencode

from locust import FastHttpUser, between, constant, task

from benchmarks.concurrent_saves import read_form

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text()) if os.environ.get("LOAD_PLAN") else {}
EDITOR_THINK = between(0.5, 2.0)  # seconds between one editor's requests
EDITS_PER_SAVE = 3  # the compose page's box saves (500 ms after typing stops) before Save
_PRESENCE = re.compile(r"compose/presence/\?seen=(\d+)")
_editor_numbers = itertools.count()


class Editor(FastHttpUser):
    """A logged-in editor (the plan's session), each with a story of their own to compose."""

    abstract = True
    wait_time = EDITOR_THINK

    def on_start(self) -> None:
        editor = PLAN["editors"][next(_editor_numbers) % len(PLAN["editors"])]
        self.cookie = "; ".join(f"{name}={value}" for name, value in editor["cookies"].items())
        self.story = editor["compose"]

    def get(self, path: str, name: str, *, htmx: bool = False) -> str:
        headers = {"Cookie": self.cookie} | ({"HX-Request": "true"} if htmx else {})
        with self.client.get(path, name=name, headers=headers, allow_redirects=False, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code} {answer.headers.get('Location', '')}")
            return answer.text or ""

    def post(self, path: str, name: str, fields: dict[str, str], *, expect: int, htmx: bool = False) -> None:
        headers = {
            "Cookie": self.cookie,
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": self.host,
        } | ({"HX-Request": "true"} if htmx else {})
        with self.client.post(
            path, name=name, data=urlencode(fields), headers=headers, allow_redirects=False, catch_response=True
        ) as answer:
            if answer.status_code != expect:
                answer.failure(f"{answer.status_code}, expected {expect}")


class InboxEditor(Editor):
    @task
    def inbox(self) -> None:
        self.get("/", "inbox")


class SearchEditor(Editor):
    @task
    def search(self) -> None:
        self.get("/?" + urlencode({"text": random.choice(PLAN["searches"])}), "inbox search")


class CompareEditor(Editor):
    @task
    def compare(self) -> None:
        self.get(f"/stories/{random.choice(PLAN['compare'])}/compare/", "compare (warm)")


class ComposeEditor(Editor):
    """Opens the compose page, types in a few paragraphs (each pause posts the form, as the
    page's boxes do), is told who else is there, and saves a version."""

    @task
    def compose_and_save(self) -> None:
        compose = f"/stories/{self.story}/compose/"
        page = self.get(compose, "compose page")
        form = read_form(page, "id", "draft-form")
        boxes = [name for name in form if name.startswith("text-")]
        if not boxes:
            return  # the page's answer is already counted as an error
        for n in range(EDITS_PER_SAVE):
            self.wait()
            box = random.choice(boxes)
            form[box] = f"{form[box]} (desk edit {n + 1})"
            self.post(compose + "edit/", "compose edit", form, expect=200, htmx=True)
        seen = _PRESENCE.search(page)
        self.get(f"{compose}presence/?seen={seen.group(1) if seen else 0}", "compose presence", htmx=True)
        self.wait()
        self.post(compose + "save/", "compose save", form | {"reason": "Desk edit"}, expect=302)


class Reader(FastHttpUser):
    """Anyone on the internet: no cookie, no pause."""

    abstract = True
    wait_time = constant(0)

    def read(self, path: str, name: str) -> None:
        with self.client.get(path, name=name, allow_redirects=False, catch_response=True) as answer:
            if answer.status_code != 200:
                answer.failure(str(answer.status_code))


class IndexReader(Reader):
    @task
    def index(self) -> None:
        self.read("/news/", "public index")


class ArticleReader(Reader):
    @task
    def article(self) -> None:
        self.read(f"/news/{random.choice(PLAN['articles'])}/", "public article")


class FeedReader(Reader):
    @task
    def feed(self) -> None:
        self.read("/news/feed/", "Atom feed")
