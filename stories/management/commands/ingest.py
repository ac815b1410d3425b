"""`manage.py ingest PATH... [--story ID] [--provider NAME]`: take in copy from disk."""

from collections.abc import Iterator
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from stories.models import Provider, Story
from stories.services.ingest import IncomingCopy, IngestResult, ingest_files

FEED_NAME = "ingest command"


class Command(BaseCommand):
    help = "Ingest wire copy from files and folders, as an automated feed drop would."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders (read recursively)")
        parser.add_argument("--story", type=int, help="id of the story to add the copy to")
        parser.add_argument("--provider", help="the provider's name (created when new)")

    def handle(self, *args, paths: list[str], story: int | None, provider: str | None, **options) -> None:
        target = self._story(story)
        source_provider = Provider.objects.get_or_create(name=provider.strip())[0] if provider else None
        entries = [_read(path) for path in _files_under(paths)]
        copies = [entry for entry in entries if isinstance(entry, IncomingCopy)]
        report = ingest_files(
            files=copies, user=None, story=target, provider=source_provider, actor_name=FEED_NAME
        )
        ingested = iter(report.results)
        results = [next(ingested) if isinstance(entry, IncomingCopy) else entry for entry in entries]
        for result in results:
            self.stdout.write(f"{result.outcome:<9} {result.message}")
        refused = sum(1 for result in results if result.outcome == "refused")
        if refused:
            raise CommandError(f"{refused} of {len(results)} files refused.")

    def _story(self, story_id: int | None) -> Story | None:
        if story_id is None:
            return None
        try:
            return Story.objects.get(pk=story_id)
        except Story.DoesNotExist:
            raise CommandError(f"There is no story with id {story_id}.") from None


def _read(path: Path) -> IncomingCopy | IngestResult:
    """The file's bytes (no more than the size limit and one byte), or why it cannot be read."""
    try:
        with path.open("rb") as handle:
            return IncomingCopy(name=str(path), data=handle.read(settings.NEWSROOM_MAX_COPY_BYTES + 1))
    except OSError as error:
        return IngestResult(str(path), "refused", f"{path}: cannot be read ({error.strerror}).")


def _files_under(paths: list[str]) -> Iterator[Path]:
    """Each named file, and every file below each named folder, hidden ones left out."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                relative = child.relative_to(path).parts
                if child.is_file() and not any(part.startswith(".") for part in relative):
                    yield child
        else:
            yield path
