"""`manage.py desk_worker`: the task worker (`db_worker`), which also takes over the batches
a killed worker left half-done.

Every NEWSROOM_BATCH_REVIVE_SECONDS a thread beside the worker queues again the batches with
no progress for NEWSROOM_BATCH_STALL_SECONDS, and those queued that long ago with no task
waiting for them (`services.batches.revive_stalled_batches`); the worker, or another, then
goes on from each one's first file not taken in. The batches are uploads, pushed zips and
drop folders' files: the worker that takes in a drop folder's file moves it on. Any number of
desk workers may run: a batch is revived once, and each run of it is claimed.

Stopping: one SIGTERM (or Ctrl+C) lets the batch in hand finish; a second stops the worker at
once, and the batch is queued again on its way out (`run_batch`) for the next worker to go on
with. A worker killed outright (SIGKILL) leaves its batch to the watcher.
"""

from __future__ import annotations

import logging
import threading

from django.conf import settings
from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as DbWorkerCommand

from stories.services.batches import revive_stalled_batches

log = logging.getLogger(__name__)


class Command(DbWorkerCommand):
    help = "Run the task worker, and take over upload batches a killed worker left half-done."

    def handle(self, *args, **options) -> None:
        stop = threading.Event()
        watcher = threading.Thread(target=_watch, args=(stop,), name="batch-watcher", daemon=True)
        watcher.start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()


def _watch(stop: threading.Event) -> None:
    while not stop.wait(settings.NEWSROOM_BATCH_REVIVE_SECONDS):
        try:
            revived = revive_stalled_batches()
            if revived:
                log.warning("Took over stalled upload batches %s: queued again", revived)
        except Exception:  # a lost connection, say: try again next time
            log.exception("Could not look for stalled upload batches")
        finally:
            connection.close()
