"""`manage.py ingest PATH... [--story ID] [--provider NAME] [--one-story]`: take in copy from disk."""

from collections.abc import Iterator
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stories.models import Provider, Story
from stories.services.ingest import IncomingCopy, IngestResult, RefusedCopy, ingest_files, read_upload

FEED_NAME = "ingest command"


class Command(BaseCommand):
    help = "Ingest wire copy from files, folders and zip archives, as an automated feed drop would."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "paths", nargs="+", metavar="PATH", help="files, folders (read recursively) or zip archives"
        )
        parser.add_argument("--story", type=int, help="id of the story to add the copy to")
        parser.add_argument("--provider", help="the provider's name (created when new)")
        parser.add_argument(
            "--one-story",
            action="store_true",
            help="without --story, put the new items in one new story instead of grouping each by similarity",
        )

    def handle(
        self, *args, paths: list[str], story: int | None, provider: str | None, one_story: bool, **options
    ) -> None:
        target = self._story(story)
        source_provider = self._provider(provider) if provider is not None else None
        report = ingest_files(
            files=(_read(path) for path in _files_under(paths)),
            user=None,
            story=target,
            provider=source_provider,
            group=target is None and not one_story,
            actor_name=FEED_NAME,
            on_result=self._print,
        )
        if report.refused:
            raise CommandError(f"{len(report.refused)} of {len(report.results)} files refused.")

    def _provider(self, name: str) -> Provider:
        """The provider named, created when new; a name of blanks or control characters alone
        is refused rather than made a provider nobody can tell apart."""
        name = " ".join("".join(char for char in " ".join(name.split()) if char.isprintable()).split())
        if not name:
            raise CommandError("--provider needs a name: it is empty.")
        limit = Provider._meta.get_field("name").max_length or 120
        if len(name) > limit:
            raise CommandError(f"--provider names a provider in at most {limit} characters; this one has {len(name)}.")
        return Provider.objects.get_or_create(name=name)[0]

    def _print(self, result: IngestResult) -> None:
        """Each file's line as soon as it is taken in: a long feed drop shows its progress."""
        self.stdout.write(f"{result.outcome:<9} {result.message}")
        self.stdout.flush()

    def _story(self, story_id: int | None) -> Story | None:
        if story_id is None:
            return None
        try:
            return Story.objects.get(pk=story_id)
        except Story.DoesNotExist:
            raise CommandError(f"There is no story with id {story_id}.") from None


def _read(path: Path) -> IncomingCopy | RefusedCopy:
    """The file's bytes (no further than its size limit), or why it cannot be read."""
    try:
        with path.open("rb") as handle:
            return IncomingCopy(name=str(path), data=read_upload(handle))
    except OSError as error:
        return RefusedCopy(str(path), f"{path}: cannot be read ({error.strerror}).")


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
