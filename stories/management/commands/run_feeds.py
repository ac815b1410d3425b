"""`manage.py run_feeds`: look at the pulled feeds and drop folders whose time has come, then
sleep, and again; `--once` looks at the feeds due now and exits (for cron, or a test).

A pulled feed's items are taken in here; a drop folder's complete files are queued for the
task workers (`manage.py desk_worker`), which share them. Any number of runners may run: each
feed is taken by one at a time (`services.feed_runs`).
Stopping: SIGTERM (or Ctrl+C) lets the feed in hand finish, then the runner exits."""

from __future__ import annotations

import signal
import threading

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from stories.models import Feed
from stories.services.feed_runs import run_due_feeds


class Command(BaseCommand):
    help = "Look at the pulled feeds and drop folders when their time comes (--once: those due now, then exit)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--once", action="store_true", help="Run the feeds due now, then exit.")

    def handle(self, *args, once: bool = False, **options) -> None:
        stop = threading.Event()
        if not once:
            for signum in (signal.SIGTERM, signal.SIGINT):
                signal.signal(signum, lambda *_: stop.set())
        while True:
            run_due_feeds(on_run=self._say)
            if once or stop.wait(settings.NEWSROOM_FEED_RUNNER_SLEEP_SECONDS):
                return
            close_old_connections()  # a connection the database dropped meanwhile is made again

    def _say(self, feed: Feed, summary: str) -> None:
        self.stdout.write(f"{feed.name}: {summary}")
