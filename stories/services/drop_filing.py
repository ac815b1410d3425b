"""Filing a drop folder's file away once its outcome is known: to `done/` when any of its
copy was stored or recognised as a duplicate, to `refused/` when none of it could be, with
`<name>.why.txt` beside it saying what was refused.

A drop folder's file waits in the folder's `.taking-in/` while the task workers take its
copy in (`DroppedFile`, the files of a batch). The worker that records the outcome of its
last file files it away, after that outcome is committed (`file_away`), in three steps each
of which can be done again: its place is reserved in the database (a name free on disk and
reserved by no other file waiting to be moved, under a unique index: two workers filing two
files of one name never pick one place), the why-file is written and the file renamed into
its place, and the move is noted. A worker that stops anywhere between leaves the file in
`.taking-in/` with its outcome known; the feed's next run finishes the move
(`file_away_finished`). Nothing in `done/` or `refused/` is overwritten: a name taken gets a
number (`ferry-2.nitf.xml`).

Kept apart from `drop_folders` (which queues) so that `batches` (which takes in) can file a
file away without the two importing each other.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from stories.models import BatchFile, DroppedFile, Feed

log = logging.getLogger(__name__)

DONE = "done"
REFUSED = "refused"
WHY_SUFFIX = ".why.txt"


class NotMoved(Exception):
    """A file whose outcome is known could not be moved out of `.taking-in/` (its
    permissions, say): it is tried again at the feed's next run."""


def file_away(dropped_id: int, *, finish: bool = False) -> Path | None:
    """Move the dropped file to `done/` or `refused/` when every one of its files has its
    outcome: where it now lies, or None when it is not this call's to move (files still
    waiting, or another worker moving it; with `finish`, the feed's run, a reserved move is
    finished whoever began it). Raises NotMoved when the filesystem refuses."""
    with transaction.atomic():
        dropped = DroppedFile.objects.select_for_update().get(pk=dropped_id)
        if dropped.moved_at is not None or dropped.files.filter(outcome="").exists():
            return None
        if dropped.moved_to and not finish:
            return None  # another worker filing it away, or stopped: the feed's next run finishes it
        if not dropped.moved_to:
            dropped.moved_to = str(_reserve(dropped, went_in=bool(_went_in(dropped))))
    return _carry_out(dropped)


def file_away_finished(feed: Feed) -> tuple[list[Path], list[str]]:
    """File away every file of the feed whose outcome is known and that is still waiting in
    `.taking-in/` (a worker stopped between the two): where each now lies, and why any could
    not be moved."""
    waiting = BatchFile.objects.filter(dropped=OuterRef("pk"), outcome="")
    finished = DroppedFile.objects.filter(feed=feed, moved_at__isnull=True).exclude(Exists(waiting)).order_by("pk")
    moved: list[Path] = []
    problems: list[str] = []
    for dropped_id, name in finished.values_list("pk", "name"):
        try:
            place = file_away(dropped_id, finish=True)
        except NotMoved as problem:
            problems.append(f"{name}: taken in, but it could not be moved out of .taking-in/ ({problem}).")
            continue
        if place is not None:
            moved.append(place)
    return moved, problems


def _went_in(dropped: DroppedFile) -> int:
    return dropped.files.exclude(outcome="refused").count()


def _reserve(dropped: DroppedFile, *, went_in: bool) -> Path:
    """In the transaction that locked the file: its place, free on disk and reserved by no
    other file, saved as its `moved_to`."""
    staged = Path(dropped.staged)
    into = staged.parent.parent / (DONE if went_in else REFUSED)
    for candidate in numbered(into, dropped.name):
        if os.path.lexists(candidate) or os.path.lexists(f"{candidate}{WHY_SUFFIX}"):
            continue
        try:
            with transaction.atomic():
                DroppedFile.objects.filter(pk=dropped.pk).update(moved_to=str(candidate))
        except IntegrityError:  # another file waiting to be moved has it
            continue
        return candidate
    raise AssertionError("unreachable")  # numbered() never ends


def numbered(into: Path, name: str):
    """The name in the folder, then numbered: `ferry.nitf.xml`, `ferry-2.nitf.xml`, …"""
    stem, dot, suffixes = name.partition(".")
    number = 1
    while True:
        yield into / (name if number == 1 else f"{stem}-{number}{dot}{suffixes}")
        number += 1


def _carry_out(dropped: DroppedFile) -> Path:
    """Write the why-file, move the file into its reserved place and note it; each step
    can be done again, so a move begun by a worker that stopped is finished by the next."""
    staged, place = Path(dropped.staged), Path(dropped.moved_to)
    if not staged.parent.is_dir():
        # A worker on another machine than the folder's: the copy is taken in all the same,
        # and the feed's next run, on the folder's machine, moves the file on.
        raise NotMoved("its drop folder is not on this machine")
    refusals = list(dropped.files.filter(outcome="refused").order_by("position").values_list("message", flat=True))
    try:
        place.parent.mkdir(exist_ok=True)  # the runner made it; someone may have removed it since
        if refusals:
            Path(f"{place}{WHY_SUFFIX}").write_text("\n".join(refusals) + "\n", encoding="utf-8")
        os.rename(staged, place)
    except FileNotFoundError:
        if not os.path.lexists(place):  # taken out of .taking-in/ by hand: nothing left to move
            log.warning("Drop folder file %s was gone from .taking-in/ before it could be moved", staged)
    except OSError as error:
        raise NotMoved(error.strerror or str(error)) from error
    DroppedFile.objects.filter(pk=dropped.pk).update(moved_at=timezone.now())
    return place
