"""`manage.py load_demo`: the project's own demo stories and one demo user per role.

Safe to run again: copy already stored is recognised as a duplicate, and the users are
brought back to their demo passwords.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.utils import timezone

from stories import roles
from stories.models import Feed, FeedKind, Provider, Source
from stories.services.ingest import IncomingCopy, ingest_files

DEMO_COPY = Path(__file__).resolve().parents[2] / "demo" / "copy"
DEMO_USERS = [
    ("admin", "review-admin", roles.ADMIN),
    ("editor", "review-editor", roles.EDITOR),
    ("copyeditor", "review-copy", roles.COPY_EDITOR),
]


DEMO_FEED = "Demo Wire"


def subscribe_demo_feed(port: int) -> Feed:
    """The pulled feed of the demo copy the desk serves itself (stories/demo/feed.py), first
    looked at in half a minute, once `make run`'s server answers."""
    provider = Provider.objects.get_or_create(name=DEMO_FEED)[0]
    feed, _ = Feed.objects.update_or_create(
        name=DEMO_FEED,
        defaults={
            "kind": FeedKind.PULL_HTTP,
            "address": f"http://127.0.0.1:{port}/demo/feed.atom",
            "provider": provider,
            "interval": 15,
            "enabled": True,
            "next_run_at": timezone.now() + timedelta(seconds=30),
        },
    )
    return feed


class Command(BaseCommand):
    help = "Load the demo wire copy and create the demo users (one per role)."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--feed-port",
            type=int,
            help="Subscribe a pulled feed to the demo feed this server serves on 127.0.0.1:PORT (make run does).",
        )

    def handle(self, *args, **options) -> None:
        if options["feed_port"]:
            feed = subscribe_demo_feed(options["feed_port"])
            self.stdout.write(f"Demo feed: {feed.name} pulls {feed.address} every {feed.interval} s (run_feeds).")
        manifest = json.loads((DEMO_COPY / "manifest.json").read_text(encoding="utf-8"))
        for story in manifest["stories"]:
            self._load_story(story["sources"])
        self.stdout.write("\nDemo users (log in at http://127.0.0.1:8000/accounts/login/):")
        for username, password, role in DEMO_USERS:
            self._demo_user(username, password, role)
            self.stdout.write(f"  {role:<12} user {username:<11} password {password}")

    def _load_story(self, sources: list[dict]) -> None:
        existing = Source.objects.filter(item_id__in=[s["item_id"] for s in sources]).first()
        story = existing.story if existing else None
        for entry in sources:
            provider = Provider.objects.get_or_create(name=entry["provider"])[0]
            data = (DEMO_COPY / entry["file"]).read_bytes()
            copy = IncomingCopy(name=entry["file"], data=data, item_id=entry["item_id"])
            report = ingest_files(files=[copy], user=None, story=story, provider=provider, actor_name="demo loader")
            story = story or report.story
            for result in report.results:
                self.stdout.write(f"{result.outcome:<9} {result.message}")

    def _demo_user(self, username: str, password: str, role: str) -> None:
        user, _ = get_user_model().objects.get_or_create(username=username)
        user.set_password(password)
        user.is_staff = role == roles.ADMIN
        user.is_active = True
        user.save()
        user.groups.set([Group.objects.get(name=role)])
