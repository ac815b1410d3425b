"""Drop folders: a folder on the server that an agency's FTP or SFTP server writes into.

One run (`take_in_drop_folder`) looks at the folder's files, takes in those whose upload is
complete through the same ingest as an upload, and moves each out of the way: to `done/`
when its copy was stored or recognised as a duplicate, to `refused/` when none of it could
be, with `<name>.why.txt` beside it saying why.

Which files are looked at: the regular files directly in the folder, and symbolic links to
files inside it. Left alone: folders (`done/`, `refused/` and any other), hidden names
(starting with "." — ProFTPD's HiddenStores uploads as `.in.NAME.`), names of uploads in
progress (`*.part`, `*.partial`, `*.tmp`, `*.filepart`, `*.crdownload`), and anything else
that is not a regular file (pipes, sockets, devices, links that lead nowhere).

When a file is complete: its size and modification time are the same at two looks
`NEWSROOM_DROP_FOLDER_SETTLE_SECONDS` apart within the run. A run decides on its own, so
there is nothing to remember between runs (no state to go stale when a file is removed or
the feed's folder changes), and copy goes in within one run, not two intervals; a run that
finds no file does not wait. An upload that stalls for longer than that is read half: an
agency that can should upload under a partial name and rename it when done.

Nothing half-done: a complete file is first moved into the folder's hidden `.taking-in/`
(a file that cannot be moved, for its permissions, is reported and not taken in at all,
so not again and again); it leaves `.taking-in/` for `done/` or `refused/` only after its
ingest committed. A run that stopped between the two leaves it there, and the next run
takes it in again (the same bytes are a duplicate, and change nothing) and moves it on.
Nothing there is overwritten: a name already taken gets a number (`ferry-2.nitf.xml`).
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
from stories.models import Feed
from stories.services.feeds import count_run
from stories.services.ingest import IncomingCopy, IngestReport, IngestResult, RefusedCopy, ingest_files, size_limit

log = logging.getLogger(__name__)

DONE = "done"
REFUSED = "refused"
TAKING_IN = ".taking-in"
PARTIAL_SUFFIXES = (".part", ".partial", ".tmp", ".filepart", ".crdownload")
WHY_SUFFIX = ".why.txt"


class FolderUnusable(Exception):
    """The feed's folder cannot be looked at: the message says why."""


@dataclass
class DropFolderReport:
    """What one run did."""

    results: list[IngestResult] = field(default_factory=list)  # each item's outcome (a zip's files one by one)
    moved: list[Path] = field(default_factory=list)  # where each file taken in now lies, in done/ or refused/
    waiting: list[str] = field(default_factory=list)  # still being written: looked at again next run
    unmoved: list[str] = field(default_factory=list)  # why a file could not be moved, and so was not taken in
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
    """Take in the complete files of the feed's drop folder, each new item joining the story
    it resembles, attributed to the feed and its provider, and note the run on the feed.
    `pause` waits between the two looks (the tests write a file's second half meanwhile)."""
    report = DropFolderReport()
    try:
        folder = _folder(feed.address)
        settled = _settled(folder, report, pause)
        claimed = _claim(folder, settled, report) if settled or _left_over(folder) else []
    except (FolderUnusable, OSError) as problem:
        report.error = str(problem) if isinstance(problem, FolderUnusable) else _folder_error(feed.address, problem)
        log.warning("Drop folder feed %s: %s", feed.pk, report.error)
    else:
        # Where each file of the folder now lies, for the links to it that come after it.
        whereabouts = {folder / claim.name: claim.staged for claim in claimed if claim.target is None}
        for claim in claimed:
            _take_in(feed, folder, claim, report, whereabouts)
    count_run(feed, IngestReport(results=report.results), error=report.problems)
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


def _left_over(folder: Path) -> bool:
    staging = folder / TAKING_IN
    return staging.is_dir() and any(staging.iterdir())


def _claim(folder: Path, settled: dict[str, _Look], report: DropFolderReport) -> list[_Claim]:
    """Move the complete files into `.taking-in/`, after what an earlier run left there."""
    for name in (TAKING_IN, DONE, REFUSED):
        _subfolder(folder, name)
    staging = folder / TAKING_IN
    claimed = [_Claim(path, path.name, _target_of(folder, path)) for path in sorted(staging.iterdir())]
    for name, seen in settled.items():
        try:
            claimed.append(_Claim(_move(folder / name, staging, name), name, seen.target))
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


def _take_in(feed: Feed, folder: Path, claim: _Claim, report: DropFolderReport, whereabouts: dict[Path, Path]) -> None:
    """Take in one claimed file, then move it on: to done/ when any of its copy went in."""
    name = claim.name
    target = whereabouts.get(claim.target, claim.target) if claim.target is not None else None
    copy = _read(folder, claim.staged, name, target)
    results = ingest_files(
        files=[copy], user=None, provider=feed.provider, group=True, actor_name=feed.actor_name, feed=feed
    ).results
    report.results.extend(results)
    refusals = [result.message for result in results if result.outcome == "refused"]
    went_in = len(refusals) < len(results)
    try:
        moved = _move(claim.staged, folder / (DONE if went_in else REFUSED), name)
        if claim.target is None:
            whereabouts[folder / name] = moved
        if refusals:
            _write_why(moved, refusals)
    except OSError as error:
        why = error.strerror or error
        report.unmoved.append(f"{shown_name(name)}: taken in, but it could not be moved out of {TAKING_IN}/ ({why}).")
        return
    report.moved.append(moved)


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


def _move(path: Path, into: Path, name: str) -> Path:
    """Move the file (or link) into the folder under its name, or the first numbered name
    free there (`ferry-2.nitf.xml`), its why-file's name too. Only one run looks at a feed
    at a time, and only the desk writes there, so a name free now is free at the rename."""
    stem, dot, suffixes = name.partition(".")
    number = 1
    while True:
        candidate = into / (name if number == 1 else f"{stem}-{number}{dot}{suffixes}")
        if not os.path.lexists(candidate) and not os.path.lexists(f"{candidate}{WHY_SUFFIX}"):
            os.rename(path, candidate)
            return candidate
        number += 1


def _write_why(moved: Path, refusals: list[str]) -> None:
    with open(f"{moved}{WHY_SUFFIX}", "x", encoding="utf-8") as why:
        why.write("\n".join(refusals) + "\n")
