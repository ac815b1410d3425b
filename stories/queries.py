"""Read paths that take more than one line: the inbox's list of stories, and the merges
grouping offers it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchVector
from django.db import connection
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, prefetch_related_objects
from django.utils import timezone

from stories.access import may_approve
from stories.inbox_counts import Counts, counts_of
from stories.models import (
    Article,
    ArticleDraft,
    ArticleStatus,
    ArticleVersion,
    AuditAction,
    AuditEvent,
    MergeOffer,
    MergeOfferOutcome,
    Provider,
    Source,
    SourceVersion,
    Story,
    StoryReading,
)
from stories.services.refiles import refiled_since
from stories.services.story_revisits import ACTOR as GROUPING

NO_ARTICLE = "none"
AWAITING_ME = "awaiting_me"
SEARCH_CONFIG = "english"


@dataclass(frozen=True)
class OfferedStory:
    """One of the two stories of a merge offer, as its card shows it, with why the bridging
    item matched it (and which of its items it matched, when known)."""

    story: Story
    providers: list[Provider]
    reason: str
    matched: SourceVersion | None


@dataclass(frozen=True)
class MergeOfferCard:
    offer: MergeOffer
    sides: tuple[OfferedStory, OfferedStory]  # the story the item joined, then the other


OFFERS_SHOWN = 10


@dataclass(frozen=True)
class GroupingChange:
    """A change grouping made to its own stories (services.story_revisits), as the inbox lists it."""

    summary: str
    at: datetime
    story_id: int  # the story the copy is in after it


GROUPING_CHANGES_SHOWN, GROUPING_CHANGES_HOURS = 10, 24


def grouping_changes(now: datetime | None = None) -> list[GroupingChange]:
    """What grouping redid of the stories nobody had touched, in the last GROUPING_CHANGES_HOURS,
    newest first, each change once (it is recorded on every story it changed)."""
    since = (now or timezone.now()) - timedelta(hours=GROUPING_CHANGES_HOURS)
    events = AuditEvent.objects.filter(
        actor__isnull=True,
        actor_name=GROUPING,
        action__in=(AuditAction.MOVE_SOURCE, AuditAction.MERGE_STORY),
        created_at__gte=since,
    ).values_list("subject", "summary", "created_at", "detail")
    changes: dict[tuple[str, str], GroupingChange] = {}
    for subject, summary, at, detail in events.order_by("-created_at", "-id")[: 2 * GROUPING_CHANGES_SHOWN]:
        changes.setdefault((subject, summary), GroupingChange(summary, at, detail["to_story"]))
    return list(changes.values())[:GROUPING_CHANGES_SHOWN]


@dataclass(frozen=True)
class InboxRow:
    """One line of the inbox: the story and what the line says of it."""

    story: Story
    providers: list[Provider]
    source_count: int
    new_copy: bool  # copy arrived since the reader last opened the story, or they never have
    refiled_since: int | None  # the article version whose copy was re-filed since
    counts: Counts  # its repeats and conflicts, or why they are not there yet


def inbox_stories(user: User, *, text: str = "", status: str = "", provider: Provider | None = None) -> QuerySet[Story]:
    """The stories the inbox lists, newest copy first.

    Only the stories themselves: what a row shows is read for the page's 25 rows alone
    (inbox_rows), so the query and its count stay an index scan however large the archive
    grows (migration 0012's partial index; `benchmarks/inbox_scale.py` measures it).
    """
    stories = (
        Story.objects.filter(merged_into__isnull=True)
        .select_related("analysis", "article")
        .defer("analysis__result")  # the engine's whole comparison; the row shows two counts
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
        stories = stories.filter(pk__in=Source.objects.filter(provider=provider).values("story_id"))
    if text.strip():
        # An IN over the matching copy's stories, not a correlated EXISTS: beside the
        # headline's OR, PostgreSQL runs it once (a hashed subplan) instead of once a story.
        stories = stories.filter(Q(headline__icontains=text.strip()) | Q(pk__in=_stories_with_copy_matching(text)))
    return stories


def inbox_rows(stories: list[Story], user: User) -> list[InboxRow]:
    """What the inbox says of each story of a page: four small queries for the page, none
    per story."""
    prefetch_related_objects(stories, Prefetch("sources", queryset=Source.objects.select_related("provider")))
    read = dict(StoryReading.objects.filter(user=user, story__in=stories).values_list("story_id", "read_at"))
    refiled = refiled_since(stories)
    now = timezone.now()
    rows = []
    for story in stories:
        read_at = read.get(story.pk)
        new_copy = read_at is None or read_at < story.last_received_at
        sources, counts = len(story.sources.all()), counts_of(story, now)
        rows.append(InboxRow(story, _providers(story), sources, new_copy, refiled.get(story.pk), counts))
    return rows


def open_merge_offers() -> tuple[list[MergeOfferCard], int]:
    """The merges grouping offers, newest first (at most OFFERS_SHOWN), and how many there
    are: an offer whose stories are both still open and nobody has decided."""
    offers = MergeOffer.objects.filter(
        outcome=MergeOfferOutcome.OPEN, story__merged_into__isnull=True, other__merged_into__isnull=True
    )
    cards = merge_offer_cards(offers.order_by("-created_at", "-pk")[:OFFERS_SHOWN])
    return cards, offers.count() if len(cards) == OFFERS_SHOWN else len(cards)


def merge_offer_cards(offers: QuerySet[MergeOffer]) -> list[MergeOfferCard]:
    """What the offers' cards show: three queries however many offers."""
    shown = list(
        offers.select_related("story", "other", "bridge__source__provider", "other_match__source__provider").defer(
            "bridge__original", "bridge__text", "other_match__original", "other_match__text"
        )
    )
    stories = [offer.story for offer in shown] + [offer.other for offer in shown]
    prefetch_related_objects(stories, Prefetch("sources", queryset=Source.objects.select_related("provider")))
    return [
        MergeOfferCard(
            offer,
            (
                OfferedStory(offer.story, _providers(offer.story), offer.story_reason, None),
                OfferedStory(offer.other, _providers(offer.other), offer.other_reason, offer.other_match),
            ),
        )
        for offer in shown
    ]


def _providers(story: Story) -> list[Provider]:
    """The story's providers, each once, in the order their copy came (sources prefetched)."""
    sources = sorted(story.sources.all(), key=lambda source: (source.created_at, source.pk))
    return list({source.provider_id: source.provider for source in sources}.values())


def _awaiting_review_by(user: User) -> Q:
    """Stories whose article is in review and that this user may approve: none for a user
    without the permission; without self-approval, not the versions they saved themselves."""
    if not may_approve(user):
        return Q(pk__in=[])
    awaiting = Q(article__status=ArticleStatus.IN_REVIEW)
    if settings.NEWSROOM_ALLOW_SELF_APPROVAL:
        return awaiting
    newest_by_user = ArticleVersion.objects.filter(article__story=OuterRef("pk"), created_by=user).exclude(
        article__versions__number__gt=F("number")
    )
    return awaiting & ~Q(Exists(newest_by_user))


def _stories_with_copy_matching(text: str) -> QuerySet[SourceVersion, Any]:
    """The stories of the copy that matches: full-text search on PostgreSQL (migration 0005
    indexes it), a plain substring search elsewhere."""
    versions = SourceVersion.objects.all()
    if connection.vendor == "postgresql":
        query = SearchQuery(text, search_type="websearch", config=SEARCH_CONFIG)
        versions = versions.annotate(search=SearchVector("text", config=SEARCH_CONFIG)).filter(search=query)
    else:
        versions = versions.filter(text__icontains=text.strip())
    return versions.values("source__story_id")


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
