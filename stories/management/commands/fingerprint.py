"""`manage.py fingerprint [--all]`: give stored copy the fingerprints grouping looks up."""

from django.core.management.base import BaseCommand, CommandParser

from stories.models import SourceVersion
from stories.services.grouping import GROUPING_ENGINE, remember_fingerprint
from stories.services.ingest import stored_evidence


class Command(BaseCommand):
    help = (
        "Store the grouping fingerprint of every source version that has none, or was made by an "
        "older grouping engine (all of them with --all). Copy stored before grouping existed needs it."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--all", action="store_true", dest="every", help="remake every fingerprint")

    def handle(self, *args, every: bool, **options) -> None:
        versions = SourceVersion.objects.select_related("source__provider").order_by("pk")
        if not every:
            versions = versions.exclude(fingerprint__engine=GROUPING_ENGINE)
        count = 0
        for version in versions.iterator(chunk_size=200):
            remember_fingerprint(version, stored_evidence(version))  # as ingest made it
            count += 1
        self.stdout.write(f"{count} fingerprint{'s' if count != 1 else ''} stored.")
