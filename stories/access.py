"""Permission-checked fetches: views never repeat who may see what."""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from stories.models import Article, ArticleVersion, Story


def require_reviewer(user: User | AnonymousUser) -> None:
    if not user.has_perm("stories.review_story"):
        raise PermissionDenied("You need the reviewer permission to see stories.")


def get_story_for_user(user: User | AnonymousUser, story_id: int) -> Story:
    """The story, or PermissionDenied for a user without the review permission, or 404."""
    require_reviewer(user)
    return get_object_or_404(Story, pk=story_id)


def get_story_for_composer(user: User | AnonymousUser, story_id: int) -> Story:
    """The story, for a user who may compose its article; else PermissionDenied or 404."""
    if not user.has_perm("stories.compose_article"):
        raise PermissionDenied("You need the compose permission to work on the article.")
    return get_object_or_404(Story, pk=story_id)


def get_article_for_reviewer(user: User | AnonymousUser, story_id: int) -> Article:
    """The story's article, for a user who may review; 404 when it has none yet."""
    require_reviewer(user)
    return get_object_or_404(Article.objects.select_related("story"), story_id=story_id)


def get_article_version(article: Article, number: int) -> ArticleVersion:
    return get_object_or_404(ArticleVersion.objects.select_related("created_by"), article=article, number=number)
