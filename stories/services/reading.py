"""Remembering what each user has read, so new copy stands out in the inbox."""

from django.contrib.auth.models import User
from django.utils import timezone

from stories.models import Story, StoryReading


def mark_read(*, user: User, story: Story) -> None:
    StoryReading.objects.update_or_create(user=user, story=story, defaults={"read_at": timezone.now()})
