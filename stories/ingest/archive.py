"""A zip batch of wire copy (a feed drop) to its files, each file refused on its own when unsafe.

Pure Python, no Django: the limits come in as arguments. Nothing is ever written to disk.
Everything an archive says about itself is a claim: the sizes in its directory are checked
before a file is read, and every file is read in chunks that stop as soon as a limit is
passed, so neither a zip bomb nor a header that lies about its size can make us inflate
more than the limits allow. A problem with the whole archive raises CopyRefused; a problem
with one file becomes an ArchiveRefusal and the other files still come through.
"""

from __future__ import annotations

import lzma
import re
import stat
import zipfile
import zlib
from dataclasses import dataclass
from io import BytesIO

from stories.ingest.decode import CopyRefused, readable_size

_MIB = 1024 * 1024
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")  # a file's local header; an empty archive's end record
_ENCRYPTED = 0x1
_JUNK_FOLDERS = frozenset({"__macosx"})
_JUNK_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})
_DRIVE_LETTER = re.compile(r"[A-Za-z]:")
_CENTRAL_ENTRY = b"PK\x01\x02"  # starts each entry of the directory at the archive's end
# Folders and clutter do not count as files, but zipfile reads every entry into memory before
# we see any: a 32 MB upload can hold 300,000 of them. A Mac's zip has about two entries a file.
_ENTRIES_PER_FILE = 4
_CHUNK = 64 * 1024
# Below this size a high ratio is no danger (the size limits bound it) and may be honest:
# a few kilobytes of blank padding compress several hundredfold.
_RATIO_FLOOR = _MIB
# What zipfile raises on a directory it cannot parse: besides BadZipFile, a ValueError for
# a name flagged UTF-8 that is not, NotImplementedError for an unknown zip version.
_UNREADABLE = (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError)
# What reading a damaged member can raise: zipfile's own checks (CRC, headers), a ValueError
# for an offset before the file's start or a garbled name, and the decompressors' errors,
# which zipfile lets through (zlib, lzma; bz2 raises OSError).
_DAMAGED = (zipfile.BadZipFile, EOFError, ValueError, zlib.error, lzma.LZMAError, OSError)


@dataclass(frozen=True, kw_only=True)
class ArchiveLimits:
    max_member_bytes: int  # one file, uncompressed
    max_members: int = 500  # files in one archive
    max_total_bytes: int = 64 * _MIB  # all its files together, uncompressed
    max_ratio: int = 100  # uncompressed / compressed size of a file, above which it is a zip bomb


@dataclass(frozen=True)
class ArchiveMember:
    name: str  # the archive's name, then the file's path inside it: "batch.zip/folder/file.txt"
    data: bytes


@dataclass(frozen=True)
class ArchiveRefusal:
    name: str  # named as a member is
    message: str  # starts with the name


@dataclass(frozen=True)
class ExpandedArchive:
    files: list[ArchiveMember | ArchiveRefusal]  # in the archive's order
    skipped: list[str]  # folders and operating-system clutter (.DS_Store, __MACOSX/), named as members are

    @property
    def members(self) -> list[ArchiveMember]:
        return [file for file in self.files if isinstance(file, ArchiveMember)]

    @property
    def refusals(self) -> list[ArchiveRefusal]:
        return [file for file in self.files if isinstance(file, ArchiveRefusal)]


def is_zip(name: str, data: bytes) -> bool:
    """Whether the bytes are a zip archive. Judged by content alone, the name is not
    consulted: a zip named .txt is a zip, a text file named .zip is not. Four bytes suffice."""
    return data.startswith(_ZIP_SIGNATURES)


def expand_zip(name: str, data: bytes, limits: ArchiveLimits) -> ExpandedArchive:
    """The files of a zip archive in the archive's order, or CopyRefused naming the archive."""
    _check_entry_count(name, data, limits)
    try:
        archive = zipfile.ZipFile(BytesIO(data))
    except _UNREADABLE:
        raise CopyRefused(f"{name}: the file is not a readable zip archive (it is damaged or incomplete).") from None
    with archive:
        _check_archive(name, archive, limits)
        return _expand(name, archive, limits)


def _check_entry_count(name: str, data: bytes, limits: ArchiveLimits) -> None:
    """Refuse an archive of too many entries before zipfile reads them. The count in the end
    record could lie (zipfile does not use it); each entry's signature cannot, since zipfile
    requires it, so counting signatures never counts too few."""
    entries = data.count(_CENTRAL_ENTRY)
    if entries > limits.max_members * _ENTRIES_PER_FILE:
        raise CopyRefused(
            f"{name}: the zip archive lists {entries:,} entries, over the limit of "
            f"{limits.max_members * _ENTRIES_PER_FILE:,} entries (files, folders and clutter) per archive."
        )


def _check_archive(name: str, archive: zipfile.ZipFile, limits: ArchiveLimits) -> None:
    files = [info for info in archive.infolist() if not _is_skipped(_path(info))]
    if not files:
        raise CopyRefused(f"{name}: the zip archive holds no files.")
    if len(files) > limits.max_members:
        raise CopyRefused(
            f"{name}: the zip archive holds {len(files):,} files, over the limit of "
            f"{limits.max_members:,} files per archive."
        )
    total = sum(info.file_size for info in files)
    if total > limits.max_total_bytes:
        raise CopyRefused(
            f"{name}: the zip archive's files come to {readable_size(total)} uncompressed, over the limit "
            f"of {readable_size(limits.max_total_bytes)} per archive."
        )
    if all(info.flag_bits & _ENCRYPTED for info in files):
        raise CopyRefused(f"{name}: the zip archive is password-protected; upload it without a password.")
    paths = [_path(info) for info in files]
    # Word, Excel and OpenDocument files are zip archives too; expanded, they are XML parts.
    if "[Content_Types].xml" in paths or paths[0] == "mimetype":
        raise CopyRefused(f"{name}: this is an office document (Word, Excel, OpenDocument), not text wire copy.")


def _expand(name: str, archive: zipfile.ZipFile, limits: ArchiveLimits) -> ExpandedArchive:
    expanded = ExpandedArchive(files=[], skipped=[])
    seen: set[str] = set()
    budget = _Budget(left=limits.max_total_bytes)
    for info in archive.infolist():
        path = _path(info)
        member_name = f"{name}/{path}"
        if _is_skipped(path):
            expanded.skipped.append(member_name)
            continue
        duplicate = path in seen
        seen.add(path)
        try:
            _check_member(info, member_name, duplicate, limits)
            data = _read_member(archive, info, member_name, limits, budget)
        except CopyRefused as refusal:
            expanded.files.append(ArchiveRefusal(member_name, str(refusal)))
        else:
            expanded.files.append(ArchiveMember(member_name, data))
    return expanded


def _path(info: zipfile.ZipInfo) -> str:
    """The member's path with Windows backslashes made slashes and empty and "." steps dropped;
    a folder keeps its trailing slash."""
    path = info.filename.replace("\\", "/")
    steps = [step for step in path.split("/") if step not in ("", ".")]
    return "/".join(steps) + ("/" if path.endswith("/") and steps else "")


def _is_skipped(path: str) -> bool:
    steps = path.lower().split("/")
    return not path or path.endswith("/") or steps[-1] in _JUNK_FILES or any(step in _JUNK_FOLDERS for step in steps)


def _check_member(info: zipfile.ZipInfo, member_name: str, duplicate: bool, limits: ArchiveLimits) -> None:
    """Refuse the member on what the archive's directory says, before reading a byte of it."""
    leaves = _leaves_archive(info.filename.replace("\\", "/"))
    if leaves:
        raise CopyRefused(f"{member_name}: refused, its path leaves the archive ({leaves}).")
    if info.create_system == 3 and stat.S_ISLNK(info.external_attr >> 16):
        raise CopyRefused(f"{member_name}: refused, it is a symbolic link, not a file.")
    if info.flag_bits & _ENCRYPTED:
        raise CopyRefused(f"{member_name}: refused, the file is password-protected.")
    if duplicate:
        raise CopyRefused(f"{member_name}: refused, the archive holds two files of this name.")
    if info.file_size > _RATIO_FLOOR and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        ratio = info.file_size / max(info.compress_size, 1)
        raise CopyRefused(
            f"{member_name}: refused as a zip bomb: it inflates {ratio:,.0f}-fold, to "
            f"{readable_size(info.file_size)}; the limit is {limits.max_ratio:,}-fold."
        )
    if info.file_size > limits.max_member_bytes:
        raise CopyRefused(
            f"{member_name}: the file is {readable_size(info.file_size)} uncompressed, over the limit of "
            f"{readable_size(limits.max_member_bytes)} per file."
        )


def _leaves_archive(path: str) -> str:
    """Why the path would lead out of the archive's folder if it were unpacked, or ""."""
    if path.startswith("/"):
        return "an absolute path"
    if _DRIVE_LETTER.match(path):
        return "a drive letter"
    if ".." in path.split("/"):
        return "a '..' step up"
    return ""


@dataclass
class _Budget:
    left: int  # bytes the archive may still inflate to


def _read_member(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, member_name: str, limits: ArchiveLimits, budget: _Budget
) -> bytes:
    """The member's bytes, read no further than the first limit it passes. zipfile itself stops
    at the size the directory declares; this does not rely on it."""
    limit, passed = _reading_limit(info, limits, budget)
    try:
        data = _read_at_most(archive, info, limit + 1)
    except (NotImplementedError, RuntimeError):
        raise CopyRefused(
            f"{member_name}: refused, it is compressed with a method this tool cannot read "
            f"(zip method {info.compress_type})."
        ) from None
    except _DAMAGED:
        raise CopyRefused(
            f"{member_name}: refused, the file's data in the archive is damaged (it fails its checksum or "
            "cannot be decompressed)."
        ) from None
    budget.left -= len(data)
    if len(data) > limit:
        raise CopyRefused(f"{member_name}: {passed}.")
    if is_zip(member_name, data):
        raise CopyRefused(f"{member_name}: refused, zip archives inside a zip are not expanded.")
    return data


def _reading_limit(info: zipfile.ZipInfo, limits: ArchiveLimits, budget: _Budget) -> tuple[int, str]:
    """The most bytes the member may inflate to, and what to say when it inflates to more."""
    member = limits.max_member_bytes
    ratio = limits.max_ratio
    total = limits.max_total_bytes
    return min(
        (member, f"the file is over the limit of {readable_size(member)} per file"),
        (
            max(_RATIO_FLOOR, ratio * max(info.compress_size, 1)),
            f"refused as a zip bomb: it inflates more than {ratio:,}-fold",
        ),
        (max(budget.left, 0), f"the archive's files together are over the limit of {readable_size(total)}"),
        key=lambda limit_and_message: limit_and_message[0],
    )


def _read_at_most(archive: zipfile.ZipFile, info: zipfile.ZipInfo, count: int) -> bytes:
    chunks: list[bytes] = []
    with archive.open(info) as stream:
        while count > 0:
            chunk = stream.read(min(_CHUNK, count))
            if not chunk:
                break
            chunks.append(chunk)
            count -= len(chunk)
    return b"".join(chunks)
