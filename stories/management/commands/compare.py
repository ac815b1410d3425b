"""`manage.py compare FILE FILE [FILE ...] [--json]`: compare wire files, no database."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from stories.analysis import SourceText, compare_sources, to_json, to_text
from stories.ingest import CopyRefused, decode_copy, parse_copy
from stories.services.ingest import copy_limits


def decode(name: str, data: bytes) -> str:
    """Bytes of a wire file as the text ingest stores for it: decoded, and for HTML, NITF,
    NewsML-G2 and ninjs rendered to plain text (whose lines the line ranges then count).
    A bad file stops the command."""
    try:
        return parse_copy(name, decode_copy(name, data, copy_limits()).text).text
    except CopyRefused as refusal:
        raise CommandError(str(refusal)) from None


class Command(BaseCommand):
    help = "Compare wire files (repeats, aligned rows, word changes, conflicts); no database."
    requires_system_checks: list[str] = []
    requires_migrations_checks = False

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", metavar="FILE", help="wire files to compare")
        parser.add_argument("--json", action="store_true", dest="as_json", help="print JSON (compare.schema.json)")

    def handle(self, *args: Any, files: list[str], as_json: bool = False, **options: Any) -> None:
        sources = [SourceText(name, decode(name, _read(name))) for name in files]
        comparison = compare_sources(sources)
        if as_json:
            self.stdout.write(json.dumps(to_json(comparison), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(to_text(comparison))


def _read(name: str) -> bytes:
    try:
        with Path(name).open("rb") as handle:  # no more than the limit and a byte: decode says it is too big
            return handle.read(copy_limits().max_bytes + 1)
    except FileNotFoundError:
        raise CommandError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CommandError(f"{name}: is a folder, not a file") from None
    except OSError as error:
        raise CommandError(f"{name}: cannot be read ({error.strerror or error})") from None
