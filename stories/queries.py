"""Read paths that take more than one line: the inbox's list of stories."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import (
    BooleanField,
    Count,
    Exists,
    ExpressionWrapper,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
)

from stories.models import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleVersion,
    Provider,
    Source,
    SourceVersion,
    Story,
    StoryReading,
)

NO_ARTICLE = "none"
AWAITING_ME = "awaiting_me"
SEARCH_CONFIG = "english"
# Copy arrived since the reader last opened the story, or they never have.
NEW_TO_READER = Q(read_at__isnull=True) | Q(read_at__lt=F("last_received_at"))


def inbox_stories(
    user: User, *, text: str = "", status: str = "", provider: Provider | None = None
) -> QuerySet[Story]:
    """The stories the inbox lists, newest copy first, with what each row shows."""
    readings = StoryReading.objects.filter(user=user, story=OuterRef("pk")).values("read_at")[:1]
    sources = Source.objects.select_related("provider").order_by("created_at")
    stories = (
        Story.objects.filter(merged_into__isnull=True)
        .select_related("analysis", "article")
        .annotate(source_count=Count("sources", distinct=True), read_at=Subquery(readings))
        .annotate(has_new_copy=ExpressionWrapper(NEW_TO_READER, output_field=BooleanField()))
        .prefetch_related(Prefetch("sources", queryset=sources))
        .order_by("-last_received_at", "-pk")
    )
    if status == NO_ARTICLE:
        stories = stories.filter(article__isnull=True)
    elif status == AWAITING_ME:
        stories = stories.filter(_awaiting_review_by(user))
    elif status == ArticleStatus.PUBLISHED:
        # Public now, a correction under way included: the public reads it.
        stories = stories.filter(article__published_version__isnull=False, article__withdrawn_at__isnull=True)
    elif status:
        stories = stories.filter(article__status=status)
    if provider is not None:
        stories = stories.filter(Exists(Source.objects.filter(story=OuterRef("pk"), provider=provider)))
    if text.strip():
        stories = stories.filter(Q(headline__icontains=text.strip()) | Exists(_versions_matching(text)))
    return stories


def _awaiting_review_by(user: User) -> Q:
    """Stories whose article is in review and that this user may approve: none for a user
    without the permission; without self-approval, not the versions they saved themselves."""
    if not user.has_perm("stories.approve_article"):
        return Q(pk__in=[])
    awaiting = Q(article__status=ArticleStatus.IN_REVIEW)
    if settings.NEWSROOM_ALLOW_SELF_APPROVAL:
        return awaiting
    newest_by_user = ArticleVersion.objects.filter(article__story=OuterRef("pk"), created_by=user).exclude(
        article__versions__number__gt=F("number")
    )
    return awaiting & ~Q(Exists(newest_by_user))


def _versions_matching(text: str) -> QuerySet[SourceVersion]:
    """Copy of the story that matches: full-text search on PostgreSQL (migration 0005 indexes
    it), a plain substring search elsewhere."""
    versions = SourceVersion.objects.filter(source__story=OuterRef("pk"))
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return versions.annotate(search=SearchVector("text", config=SEARCH_CONFIG)).filter(search=query)
    return versions.filter(text__icontains=text.strip())


def others_at_work(article: Article, user: User, *, seen: int | None) -> dict:
    """Who else is working on the article: other editors' drafts with changes not yet saved,
    and the versions saved since the page that asks was drawn (`seen`, its newest then)."""
    drafts = (
        ArticleDraft.objects.filter(article=article, changed_since__isnull=False)
        .exclude(editor=user)
        .select_related("editor", "based_on")
        .only("changed_since", "editor__username", "based_on__number")
        .order_by("changed_since")
    )
    newer = (
        article.versions.filter(number__gt=seen or 0)
        .select_related("created_by")
        .only("number", "created_at", "created_by__username")
        .order_by("number")
    )
    return {"drafts": list(drafts), "newer": list(newer) if seen is not None else []}
