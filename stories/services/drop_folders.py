"""Drop folders: a folder on the server that an agency's FTP or SFTP server writes into.

One run (`take_in_drop_folder`, in `manage.py run_feeds`) looks at the folder's files, moves
those whose upload is complete into the folder's hidden `.taking-in/`, and queues their copy
as a batch of the feed (`batches.queue_drop`): the task workers take it in through the same
ingest as an upload, any number of `desk_worker`s sharing one large drop, and the worker that
records the outcome of a file's last item moves the file on, to `done/` when its copy was
stored or recognised as a duplicate, to `refused/` when none of it could be, with
`<name>.why.txt` beside it saying why (`drop_filing`).

Which files are looked at: the regular files directly in the folder, and symbolic links to
files inside it. Left alone: folders (`done/`, `refused/` and any other), hidden names
(starting with "." — ProFTPD's HiddenStores uploads as `.in.NAME.`), names of uploads in
progress (`*.part`, `*.partial`, `*.tmp`, `*.filepart`, `*.crdownload`), and anything else
that is not a regular file (pipes, sockets, devices, links that lead nowhere).

When a file is complete: its size and modification time are the same at two looks
`NEWSROOM_DROP_FOLDER_SETTLE_SECONDS` apart within the run. A run decides on its own, so
there is nothing to remember between runs (no state to go stale when a file is removed or
the feed's folder changes), and copy is queued within one run, not two intervals; a run that
finds no file does not wait. An upload that stalls for longer than that is read half: an
agency that can should upload under a partial name and rename it when done.

Nothing half-done, nothing taken in twice: a complete file is first moved into
`.taking-in/` (a file that cannot be moved, for its permissions, is reported and not taken
in at all, so not again and again); its bytes are read there and queued, with a row that
says where it waits (`DroppedFile`), in one transaction; it leaves `.taking-in/` only once
every item of it has its outcome, committed. A file waiting there for the workers is left
alone by the next runs. One that a stopped run left there unqueued is queued by the next
(the same bytes are a duplicate, and change nothing); one whose outcome is known but that a
stopped worker did not move is moved by the next run.
"""

from __future__ import annotations

import logging
import os
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings

from stories.ingest.decode import readable_size
from stories.ingest.names import shown_name
from stories.models import BatchStatus, DroppedFile, Feed, UploadBatch
from stories.services.batches import Drop, queue_drop
from stories.services.drop_filing import DONE, REFUSED, file_away_finished, numbered
from stories.services.feeds import count_run
from stories.services.ingest import IncomingCopy, IngestReport, RefusedCopy, size_limit, unpack_archives

log = logging.getLogger(__name__)

TAKING_IN = ".taking-in"
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".filepart", ".crdownload")
# A run's files go into batches of at most this much copy: each batch is written in one
# transaction, its bytes held in memory until then.
BATCH_BYTES = 64 * 1024 * 1024


class FolderUnusable(Exception):
    """The feed's folder cannot be looked at: the message says why."""


@dataclass
class DropFolderReport:
    """What one run did."""

    queued: list[str] = field(default_factory=list)  # the files queued for the workers, by the names they came by
    batches: list[UploadBatch] = field(default_factory=list)  # the batches they are in
    moved: list[Path] = field(default_factory=list)  # files a stopped worker took in but left: moved on now
    waiting: list[str] = field(default_factory=list)  # still being written: looked at again next run
    unmoved: list[str] = field(default_factory=list)  # why a file could not be moved (or its batch stopped)
    error: str = ""  # why the folder could not be looked at, when it could not

    @property
    def problems(self) -> str:
        """What the feed's page shows as its last error: "" when the run went through."""
        return "\n".join(([self.error] if self.error else []) + self.unmoved)


@dataclass(frozen=True)
class _Claim:
    """A complete file moved into `.taking-in/`."""

    staged: Path  # where it lies there
    name: str  # the name it came by
    target: Path | None  # where a symbolic link leads, resolved; None for a plain file


@dataclass(frozen=True)
class _Look:
    """A file as one look saw it."""

    size: int
    mtime_ns: int
    target: Path | None  # where a symbolic link leads, resolved; None for a plain file


def take_in_drop_folder(feed: Feed, *, pause: Callable[[float], None] = time.sleep) -> DropFolderReport:
    """Queue the complete files of the feed's drop folder for the task workers (each new item
    will join the story it resembles, attributed to the feed and its provider), move on the
    files a stopped worker took in but left, and note the run on the feed (the workers count
    the items). `pause` waits between the two looks (the tests write a file's second half
    meanwhile)."""
    report = DropFolderReport()
    try:
        folder = _folder(feed.address)
        moved, unmoved = file_away_finished(feed)
        report.moved.extend(moved)
        report.unmoved.extend(unmoved)
        settled = _settled(folder, report, pause)
        queued = _queued_in(folder)
        claimed = _claim(folder, settled, queued, report) if settled or _left_over(folder, queued) else []
    except (FolderUnusable, OSError) as problem:
        report.error = str(problem) if isinstance(problem, FolderUnusable) else _folder_error(feed.address, problem)
        log.warning("Drop folder feed %s: %s", feed.pk, report.error)
    else:
        _queue(feed, folder, claimed, report)
    report.unmoved.extend(_stopped_batches(feed))
    count_run(feed, IngestReport(), error=report.problems)
    return report


def _folder(address: str) -> Path:
    path = Path(address)
    if not path.is_absolute():
        raise FolderUnusable(f"The drop folder “{address}” is not an absolute path (it starts with /).")
    if not path.exists():
        raise FolderUnusable(f"The drop folder {address} does not exist.")
    if not path.is_dir():
        raise FolderUnusable(f"The drop folder {address} is not a folder.")
    return Path(os.path.realpath(path))


def _folder_error(address: str, error: OSError) -> str:
    return f"The drop folder {address} could not be used: {error.strerror or error}."


def _settled(folder: Path, report: DropFolderReport, pause: Callable[[float], None]) -> dict[str, _Look]:
    """The files complete at this run: the same at two looks the settle time apart."""
    first = _look(folder)
    if not first:
        return {}
    pause(settings.NEWSROOM_DROP_FOLDER_SETTLE_SECONDS)
    second = _look(folder)
    report.waiting.extend(sorted(name for name, seen in second.items() if first.get(name) != seen))
    return {name: seen for name, seen in sorted(second.items()) if first.get(name) == seen}


def _look(folder: Path) -> dict[str, _Look]:
    seen: dict[str, _Look] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            if entry.name.startswith(".") or entry.name.lower().endswith(PARTIAL_SUFFIXES):
                continue
            try:
                info = entry.stat()  # a link's target's
            except OSError:  # a link that leads nowhere, or a file gone meanwhile
                continue
            if stat.S_ISREG(info.st_mode):
                target = _link_target(folder, Path(entry.path)) if entry.is_symlink() else None
                seen[entry.name] = _Look(info.st_size, info.st_mtime_ns, target)
    return seen


def _link_target(folder: Path, link: Path) -> Path:
    """Where a symbolic link of the folder leads, resolved: a relative link read from the
    folder itself, wherever the link has been moved since."""
    return Path(os.path.realpath(folder / os.readlink(link)))


def _queued_in(folder: Path) -> set[Path]:
    """The files of `.taking-in/` queued already, waiting for the workers (or to be moved on)."""
    staging = f"{folder / TAKING_IN}{os.sep}"
    waiting = DroppedFile.objects.filter(moved_at__isnull=True, staged__startswith=staging)
    return {Path(staged) for staged in waiting.values_list("staged", flat=True)}


def _left_over(folder: Path, queued: set[Path]) -> bool:
    """Whether a stopped run left a file in `.taking-in/` that it had not queued."""
    staging = folder / TAKING_IN
    return staging.is_dir() and any(path not in queued for path in staging.iterdir())


def _claim(folder: Path, settled: dict[str, _Look], queued: set[Path], report: DropFolderReport) -> list[_Claim]:
    """Move the complete files into `.taking-in/`, after what an earlier run left there
    without queueing it (a file queued already waits for the workers, and is left alone)."""
    for name in (TAKING_IN, DONE, REFUSED):
        _subfolder(folder, name)
    staging = folder / TAKING_IN
    left = sorted(path for path in staging.iterdir() if path not in queued)
    claimed = [_Claim(path, path.name, _target_of(folder, path)) for path in left]
    for name, seen in settled.items():
        try:
            claimed.append(_Claim(_move(folder / name, staging, name, taken=queued), name, seen.target))
        except FileNotFoundError:  # taken away meanwhile
            continue
        except OSError as error:
            why = error.strerror or error
            report.unmoved.append(f"{shown_name(name)}: not taken in, because it could not be moved ({why}).")
    return claimed


def _target_of(folder: Path, path: Path) -> Path | None:
    return _link_target(folder, path) if path.is_symlink() else None


def _subfolder(folder: Path, name: str) -> None:
    path = folder / name
    if path.exists() and not path.is_dir():
        raise FolderUnusable(f"The drop folder {folder} has a file named {name}, where its folder {name}/ belongs.")
    path.mkdir(exist_ok=True)


def _queue(feed: Feed, folder: Path, claimed: list[_Claim], report: DropFolderReport) -> None:
    """Read the claimed files where they wait and queue their copy (a zip archive's files one
    by one), in batches of at most BATCH_BYTES; a link to a file of the folder is read where
    that file now waits. A run that stops before a batch is committed leaves its files in
    `.taking-in/`, not queued: the next run queues them."""
    whereabouts = {folder / claim.name: claim.staged for claim in claimed if claim.target is None}
    drops: list[Drop] = []
    size = 0
    for claim in claimed:
        target = whereabouts.get(claim.target, claim.target) if claim.target is not None else None
        files = list(unpack_archives([_read(folder, claim.staged, claim.name, target)]))
        drops.append(Drop(claim.name, claim.staged, files))
        size += sum(len(copy.data) for copy in files if isinstance(copy, IncomingCopy))
        if size >= BATCH_BYTES:
            _queue_batch(feed, drops, report)
            drops, size = [], 0
    if drops:
        _queue_batch(feed, drops, report)


def _queue_batch(feed: Feed, drops: list[Drop], report: DropFolderReport) -> None:
    report.batches.append(queue_drop(feed, drops))
    report.queued.extend(drop.name for drop in drops)


def _stopped_batches(feed: Feed) -> list[str]:
    """What the feed's page says of its batches stopped by an error with files waiting."""
    stopped = UploadBatch.objects.filter(feed=feed, status=BatchStatus.FAILED, dropped_files__moved_at__isnull=True)
    return [
        f"Upload batch {pk} stopped on an error with files of the folder waiting in {TAKING_IN}/: "
        "resume it from its page (Admin → Upload batches)."
        for pk in stopped.order_by("pk").values_list("pk", flat=True).distinct()
    ]


def _read(folder: Path, staged: Path, name: str, target: Path | None) -> IncomingCopy | RefusedCopy:
    """The file's bytes, read no further than its limit and one byte; a file over its limit
    (a zip archive's, or one file's) refused unread."""
    if target is not None and not target.is_relative_to(folder):
        return RefusedCopy(name, f"{name}: a link that leads outside the drop folder; it was not read.")
    try:
        descriptor = os.open(target or staged, os.O_RDONLY | os.O_NOFOLLOW)
    except OSError as error:
        return RefusedCopy(name, f"{name}: the file could not be read ({error.strerror or error}).")
    with os.fdopen(descriptor, "rb") as stream:
        size = os.fstat(stream.fileno()).st_size
        head = stream.read(4)
        limit = size_limit(head)
        if size > limit:
            over = f"the file is {readable_size(size)}, over the limit of {readable_size(limit)}"
            return RefusedCopy(name, f"{name}: {over}; it was not read.")
        return IncomingCopy(name, head + stream.read(limit + 1 - len(head)))


def _move(path: Path, into: Path, name: str, *, taken: set[Path]) -> Path:
    """Move the file (or link) into `.taking-in/` under its name, or the first numbered name
    free there (`ferry-2.nitf.xml`) and not `taken` by a file queued (one a worker may be
    moving out at this moment): only one run looks at a feed at a time, and only the run
    moves files in, so a name free now is free at the rename."""
    for candidate in numbered(into, name):
        if not os.path.lexists(candidate) and candidate not in taken:
            os.rename(path, candidate)
            return candidate
    raise AssertionError("unreachable")  # numbered() never ends
