"""Taking wire copy in: one file, one transaction, one outcome line.

Every upload path (the admin, `manage.py ingest`, the demo loader) calls `ingest_files`.
A refused file leaves nothing behind but its audit event; the good files of the same call
still go in. Identical bytes are recognised by their SHA-256, which the database keeps
unique, so two uploads racing each other store the copy once.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Protocol

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from stories.analysis.grouping import ItemEvidence
from stories.ingest import CopyLimits, CopyRefused, ParsedCopy, decode_copy, parse_copy
from stories.ingest.archive import ArchiveLimits, ArchiveRefusal, expand_zip, is_zip
from stories.ingest.decode import readable_size
from stories.ingest.names import printable, shown_name
from stories.models import UNATTRIBUTED, AuditAction, Feed, Provider, Source, SourceVersion, Story
from stories.services.analysis import queue_analysis
from stories.services.audit import record_event
from stories.services.grouping import StoryMatch, item_evidence, matching_story, remember_fingerprint
from stories.services.merge_offers import offer_merges
from stories.services.story_revisits import revisit_after_commit


@dataclass(frozen=True)
class IncomingCopy:
    """One file (or pasted text) as it arrived: its name and its bytes."""

    name: str
    data: bytes
    item_id: str = ""  # the provider's identifier; the file name's stem when empty


@dataclass(frozen=True)
class RefusedCopy:
    """Copy refused before it could be read: a file that cannot be opened, a zip archive
    or a file inside one that is not safe to unpack."""

    name: str
    message: str


@dataclass(frozen=True)
class IngestResult:
    name: str  # as it came
    outcome: str  # "stored", "duplicate" or "refused"
    message: str  # as shown: names in it written with their invisible characters spelled out
    version: SourceVersion | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "message", printable(self.message))


@dataclass
class IngestReport:
    results: list[IngestResult] = field(default_factory=list)
    story: Story | None = None

    @property
    def refused(self) -> list[IngestResult]:
        return [result for result in self.results if result.outcome == "refused"]

    def count(self, outcome: str) -> int:
        return sum(1 for result in self.results if result.outcome == outcome)


def copy_limits() -> CopyLimits:
    return CopyLimits(max_bytes=settings.NEWSROOM_MAX_COPY_BYTES, max_line_chars=settings.NEWSROOM_MAX_LINE_CHARS)


class ReadsBytes(Protocol):
    """Anything read like a binary file: an uploaded file, a file on disk, a request's body."""

    def read(self, size: int = -1, /) -> bytes: ...


def read_upload(stream: ReadsBytes) -> bytes:
    """An uploaded file's bytes, read no further than its limit and one byte: the copy limit,
    or the archive limit for a zip (so a refusal can still say the file was too big)."""
    head = stream.read(4)
    return head + stream.read(max(size_limit(head) + 1 - len(head), 0))


def size_limit(head: bytes) -> int:
    """How many bytes a file may have, judged by its first four: a zip archive's limit, or one file's."""
    return settings.NEWSROOM_MAX_ARCHIVE_BYTES if is_zip("", head) else settings.NEWSROOM_MAX_COPY_BYTES


def archive_limits() -> ArchiveLimits:
    return ArchiveLimits(
        max_members=settings.NEWSROOM_MAX_FILES_PER_ARCHIVE,
        max_member_bytes=settings.NEWSROOM_MAX_COPY_BYTES,
        max_total_bytes=settings.NEWSROOM_MAX_ARCHIVE_UNPACKED_BYTES,
    )


def unpack_archives(files: Iterable[IncomingCopy | RefusedCopy]) -> Iterator[IncomingCopy | RefusedCopy]:
    """Each file as it came, and each zip archive as the files inside it (or its refusal)."""
    for incoming in files:
        if isinstance(incoming, RefusedCopy) or not is_zip(incoming.name, incoming.data):
            yield incoming
            continue
        if len(incoming.data) > settings.NEWSROOM_MAX_ARCHIVE_BYTES:
            limit = readable_size(settings.NEWSROOM_MAX_ARCHIVE_BYTES)
            yield RefusedCopy(incoming.name, f"{incoming.name}: the zip archive is over the {limit} limit.")
            continue
        try:
            archive = expand_zip(incoming.name, incoming.data, archive_limits())
        except CopyRefused as refusal:
            yield RefusedCopy(incoming.name, str(refusal))
            continue
        for file in archive.files:
            if isinstance(file, ArchiveRefusal):
                yield RefusedCopy(file.name, file.message)
            else:
                yield IncomingCopy(file.name, file.data)


@dataclass
class _Upload:
    """What every file of one call shares."""

    user: User | None
    provider: Provider | None
    actor_name: str
    story: Story | None  # the story chosen for the copy, if one was
    group: bool
    report: IngestReport
    feed: Feed | None = None  # the feed the copy arrived by, when one brought it

    def chosen_story(self) -> Story | None:
        """Where a new source goes without asking grouping: the story chosen, or when the
        call's files form one new story, the story its first stored file started."""
        return self.story or (None if self.group else self.report.story)


def ingest_files(
    *,
    files: Iterable[IncomingCopy | RefusedCopy],
    user: User | None,
    story: Story | None = None,
    provider: Provider | None = None,
    group: bool = False,
    actor_name: str = "",
    feed: Feed | None = None,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestReport:
    """Ingest each file on its own, zip archives unpacked. A new item goes into `story`;
    without one, with `group`, into the story it resembles (or a new one), else the stored
    files form one new story. What a `feed` brings is marked as its. `on_result` hears of
    each file's outcome as soon as it is known. The stories the copy went into are
    analysed in the background, once for each burst (`queue_analysis`)."""
    report = IngestReport(story=story)
    upload = _Upload(user, provider, actor_name, story, group, report, feed)
    for incoming in unpack_archives(files):
        if isinstance(incoming, RefusedCopy):
            result = _refuse(incoming.name, incoming.message, b"", user=user, actor_name=actor_name)
        else:
            result = _ingest_one(incoming, upload)
        report.results.append(result)
        if on_result is not None:
            on_result(result)
    return report


def _ingest_one(incoming: IncomingCopy, upload: _Upload) -> IngestResult:
    user, actor_name = upload.user, upload.actor_name
    try:
        decoded = decode_copy(incoming.name, incoming.data, copy_limits())
        parsed = parse_copy(incoming.name, decoded.text)
    except CopyRefused as refusal:
        return _refuse(incoming.name, str(refusal), incoming.data, user=user, actor_name=actor_name)
    sha256 = hashlib.sha256(incoming.data).hexdigest()
    for attempt in range(STORE_ATTEMPTS):
        try:
            with transaction.atomic():
                duplicate = SourceVersion.objects.filter(sha256=sha256).select_related("source__story").first()
                if duplicate is not None:
                    return _duplicate(incoming, duplicate, user=user, actor_name=actor_name)
                version = _store(incoming, parsed, sha256, decoded.encoding, upload)
                _record_stored(version, user=user, actor_name=actor_name)
            break
        except IntegrityError:
            # Another upload committed first: the same bytes (a duplicate, said so), or
            # something else this one collided with (tried again, from the start).
            duplicate = SourceVersion.objects.select_related("source__story").filter(sha256=sha256).first()
            if duplicate is not None:
                return _duplicate(incoming, duplicate, user=user, actor_name=actor_name)
            if attempt + 1 == STORE_ATTEMPTS:
                message = (
                    f"{incoming.name}: not stored, because other copy arriving at the same moment "
                    "collided with it. Nothing of it was kept; send it again."
                )
                return _refuse(incoming.name, message, incoming.data, user=user, actor_name=actor_name)
    # read again: the story as the item's transaction left it (its arrival and analysis marks)
    upload.report.story = upload.report.story or Story.objects.get(pk=version.source.story_id)
    return IngestResult(incoming.name, "stored", _stored_message(shown_name(incoming.name), version), version)


STORE_ATTEMPTS = 3


def _store(incoming: IncomingCopy, parsed: ParsedCopy, sha256: str, encoding: str, upload: _Upload) -> SourceVersion:
    now = timezone.now()
    provider = upload.provider or _provider_named(parsed.provider)
    item_id = (incoming.item_id or parsed.item_id or PurePath(incoming.name).stem or incoming.name)[:255]
    evidence = item_evidence(parsed, now, provider)
    source, found, created = Source.objects.filter(provider=provider, item_id=item_id).first(), None, False
    if source is None:
        story, note, made, found = _story_for_new_item(parsed, evidence, upload, now)
        source, created = _new_source(provider, item_id, story, parsed.headline[:300], note)
        if made and not created:  # another upload of this item made its source first: no empty story
            story.delete()
    if created:  # made in this transaction: nobody else can add a version to it before it commits
        number = 1
    else:
        # The source's row alone: locked with its story joined, a source a revisit moved
        # meanwhile would not be found at all once the lock is granted (PostgreSQL checks
        # the join again against the story row it first read).
        source = Source.objects.select_for_update().get(pk=source.pk)
        source.provider = provider  # the provider it was found by
        number = (source.versions.aggregate(last=Max("number"))["last"] or 0) + 1
    version = SourceVersion.objects.create(
        source=source,
        number=number,
        original=incoming.data,
        original_name=incoming.name[:255],
        sha256=sha256,
        size=len(incoming.data),
        encoding=encoding,
        copy_format=parsed.copy_format,
        text=parsed.text,
        received_by=upload.user,
        feed=upload.feed,
    )
    stored = replace(evidence, received_at=version.received_at.timestamp())
    remember_fingerprint(version, stored, new=True)
    offer_merges(version=version, found=found)  # when the item matched other stories too
    if number == 1 and upload.group and upload.chosen_story() is None:
        # grouping's own stories around it, clustered again (unless it can change none)
        revisit_after_commit(stored, story_id=source.story_id, started=found is None)
    Story.objects.filter(pk=source.story_id).update(last_received_at=now)
    queue_analysis(source.story_id)  # after the update above, which holds the story's row
    return version


def _new_source(provider: Provider, item_id: str, story: Story, headline: str, note: str) -> tuple[Source, bool]:
    """The item's new source, or the one another upload of the same item made a moment
    earlier (get_or_create without its first lookup: the caller has just made it)."""
    try:
        with transaction.atomic():
            made = Source.objects.create(
                provider=provider, item_id=item_id, story=story, headline=headline, grouping_note=note
            )
            return made, True
    except IntegrityError:
        return Source.objects.get(provider=provider, item_id=item_id), False


def stored_evidence(version: SourceVersion) -> ItemEvidence:
    """The grouping evidence of a stored version, made again as ingest made it: its original
    bytes decoded and parsed the same way (`manage.py fingerprint`), with the version's own
    headline, not its source's first."""
    data = bytes(version.original)
    limits = CopyLimits(max_bytes=max(len(data), settings.NEWSROOM_MAX_COPY_BYTES), max_line_chars=len(data) + 1)
    parsed = parse_copy(version.original_name, decode_copy(version.original_name, data, limits).text)
    return item_evidence(parsed, version.received_at, version.source.provider)


def _story_for_new_item(
    parsed: ParsedCopy, evidence: ItemEvidence, upload: _Upload, now
) -> tuple[Story, str, bool, StoryMatch | None]:
    """The story a new item joins, why when grouping chose it, whether it was made for it,
    and grouping's match when grouping chose it."""
    chosen = upload.chosen_story()
    if chosen is not None:
        return chosen, "", False, None
    if upload.group:
        found = matching_story(evidence)
        if found is not None:
            return found.story, f"Grouped by similarity: {found.match.reason}"[:300], False, found
    story = Story.objects.create(headline=parsed.headline[:300], last_received_at=now, created_by=upload.user)
    return story, "", True, None


def _provider_named(name: str) -> Provider:
    """The provider a structured item names itself (NITF, NewsML-G2, ninjs), else Unattributed.
    The upload's own choice of provider, when there is one, wins over the document."""
    name = " ".join(name.split())[: Provider._meta.get_field("name").max_length] or UNATTRIBUTED
    return Provider.objects.get_or_create(name=name)[0]


def _stored_message(name: str, version: SourceVersion) -> str:
    source = version.source
    what = "new source" if version.number == 1 else f"version {version.number} of its source"
    grouped = f" {source.grouping_note.rstrip('.')}." if version.number == 1 and source.grouping_note else ""
    return (
        f"{name}: stored as {what} ({source.provider}, {shown_name(source.item_id)}) "
        f"in story “{source.story.headline}”; read as {version.encoding}.{grouped}"
    )


def _record_stored(version: SourceVersion, *, user: User | None, actor_name: str) -> None:
    record_event(
        action=AuditAction.INGEST,
        actor=user,
        actor_name=actor_name,
        story=version.source.story,
        subject=f"SourceVersion {version.pk}",
        summary=printable(f"Ingested {shown_name(version.original_name)} as {version}"),
        detail={
            "sha256": version.sha256,
            "size": version.size,
            "encoding": version.encoding,
            **({"feed": version.feed_id} if version.feed_id else {}),
        },
    )


def _duplicate(incoming: IncomingCopy, existing: SourceVersion, *, user: User | None, actor_name: str) -> IngestResult:
    message = (
        f"{shown_name(incoming.name)}: duplicate — identical to {shown_name(existing.original_name)}, already stored "
        f"in story “{existing.source.story.headline}”; nothing new was stored."
    )
    record_event(
        action=AuditAction.INGEST_DUPLICATE,
        actor=user,
        actor_name=actor_name,
        story=existing.source.story,
        subject=f"SourceVersion {existing.pk}",
        summary=message,
    )
    return IngestResult(incoming.name, "duplicate", message, existing)


def _refuse(name: str, message: str, data: bytes, *, user: User | None, actor_name: str) -> IngestResult:
    name, message = shown_name(name), printable(message)
    detail = {"size": len(data), "sha256": hashlib.sha256(data).hexdigest()} if data else {}
    record_event(
        action=AuditAction.INGEST_REFUSED,
        actor=user,
        actor_name=actor_name,
        subject=f"upload {name}"[:200],
        summary=message,
        detail=detail,
    )
    return IngestResult(name, "refused", message)
