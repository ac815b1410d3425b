"""Permission-checked fetches: views never repeat who may see what."""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from stories.models import Story


def require_reviewer(user: AbstractBaseUser | AnonymousUser) -> None:
    if not user.has_perm("stories.review_story"):
        raise PermissionDenied("You need the reviewer permission to see stories.")


def get_story_for_user(user: AbstractBaseUser | AnonymousUser, story_id: int) -> Story:
    """The story, or PermissionDenied for a user without the review permission, or 404."""
    require_reviewer(user)
    return get_object_or_404(Story, pk=story_id)
