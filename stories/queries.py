"""Read paths that take more than one line: the inbox's list of stories."""

from __future__ import annotations

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

from stories.models import ArticleStatus, Provider, Source, SourceVersion, Story, StoryReading

NO_ARTICLE = "none"
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


def _versions_matching(text: str) -> QuerySet[SourceVersion]:
    """Copy of the story that matches: full-text search on PostgreSQL (migration 0005 indexes
    it), a plain substring search elsewhere."""
    versions = SourceVersion.objects.filter(source__story=OuterRef("pk"))
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        return versions.annotate(search=SearchVector("text", config=SEARCH_CONFIG)).filter(search=query)
    return versions.filter(text__icontains=text.strip())
