"""Who may do what, in one place. Each level of access is a check here that a view calls
first, where a reader of the view sees it (`get_story_for_composer(request.user, ...)`);
fetches that need a permission check it and fetch in one call. The services of steps that
change the article check again under their lock (`require_step_permission`), the admin's
upload pages call `require_ingester` and its feed pages `require_feed_manager`, a push
finds its token with `get_token_for_push`, and templates read `perms` for what they show.
Logging in is `decorators.desk_login_required`; following a merged story to the one that
holds its copy now is `decorators.follow_merged_story`, on each view it applies to."""

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from stories.models import Article, ArticleVersion, FeedKind, FeedToken, MergeOffer, Story

Someone = User | AnonymousUser

# Who may take each workflow step.
STEP_PERMISSIONS = {
    "submit": "stories.submit_article",
    "approve": "stories.approve_article",
    "reject": "stories.approve_article",
    "publish": "stories.publish_article",
    "withdraw": "stories.publish_article",
}


def may_review(user: Someone) -> bool:
    """Whether the user may read stories: the inbox, the story, compare, versions."""
    return user.has_perm("stories.review_story")


def may_regroup(user: Someone) -> bool:
    """Whether the user may move a source to another story or merge two stories."""
    return user.has_perm("stories.regroup_story")


def may_approve(user: Someone) -> bool:
    return user.has_perm("stories.approve_article")


def require_reviewer(user: Someone) -> None:
    if not may_review(user):
        raise PermissionDenied("You need the reviewer permission to see stories.")


def require_ingester(user: Someone) -> None:
    """Uploading copy and following an upload batch (the admin's upload pages)."""
    if not user.has_perm("stories.ingest_copy"):
        raise PermissionDenied("You need the ingest permission to upload copy.")


def may_manage_feeds(user: Someone) -> bool:
    """Whether the user may set up feeds and issue or revoke their push tokens: a feed
    takes copy in as an upload does, so it is the uploaders' permission."""
    return user.has_perm("stories.ingest_copy")


def require_feed_manager(user: Someone) -> None:
    if not may_manage_feeds(user):
        raise PermissionDenied("You need the ingest permission to manage feeds and their tokens.")


class PushDenied(PermissionDenied):
    """A push the desk does not take from this sender: `status` is 401 (no token, or one
    that is unknown or revoked) or 403 (the token's feed is switched off)."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status, self.message = status, message


def get_token_for_push(secret: str) -> FeedToken:
    """The live push token this secret is, with its feed and provider; else PushDenied.
    Found by its SHA-256, so the secret itself is never compared nor kept."""
    if not secret:
        raise PushDenied(401, "Send the feed's token: `Authorization: Bearer TOKEN`.")
    live = FeedToken.objects.filter(revoked_at__isnull=True, feed__kind=FeedKind.PUSH)
    token = live.select_related("feed__provider").filter(digest=FeedToken.digest_of(secret)).first()
    if token is None:
        raise PushDenied(401, "The token is not a push token of this desk, or it was revoked.")
    if not token.feed.enabled:
        raise PushDenied(403, f"The feed “{token.feed.name}” is switched off; the desk takes nothing from it.")
    return token


def require_step_permission(step: str, user: Someone) -> None:
    permission = STEP_PERMISSIONS[step]
    if not user.has_perm(permission):
        raise PermissionDenied(f"You may not do this: it needs the “{permission.split('.')[1]}” permission.")


def get_story_for_user(user: Someone, story_id: int) -> Story:
    """The story, or PermissionDenied for a user without the review permission, or 404."""
    require_reviewer(user)
    return get_object_or_404(Story, pk=story_id)


def get_story_for_composer(user: Someone, story_id: int) -> Story:
    """The story, for a user who may compose its article; else PermissionDenied or 404."""
    if not user.has_perm("stories.compose_article"):
        raise PermissionDenied("You need the compose permission to work on the article.")
    return get_object_or_404(Story, pk=story_id)


def require_regrouper(user: Someone) -> None:
    require_reviewer(user)
    if not may_regroup(user):
        raise PermissionDenied("You may not move sources or merge stories.")


def get_story_for_regrouper(user: Someone, story_id: int) -> Story:
    """The story, for a user who may move its sources or merge it; else PermissionDenied or 404."""
    require_regrouper(user)
    return get_object_or_404(Story, pk=story_id)


def get_offer_for_regrouper(user: Someone, offer_id: int) -> MergeOffer:
    """A merge grouping offered, with its two stories, for a user who may merge stories;
    else PermissionDenied or 404."""
    require_regrouper(user)
    return get_object_or_404(MergeOffer.objects.select_related("story", "other"), pk=offer_id)


def get_article_for_reviewer(user: Someone, story_id: int) -> Article:
    """The story's article, for a user who may review; 404 when it has none yet."""
    require_reviewer(user)
    return get_object_or_404(Article.objects.select_related("story"), story_id=story_id)


def get_article_version(article: Article, number: int) -> ArticleVersion:
    return get_object_or_404(ArticleVersion.objects.select_related("created_by"), article=article, number=number)
