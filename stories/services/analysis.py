"""Running the text engine on stored copy, and keeping its result as a cache.

An analysis is keyed by the engine's version and the exact source versions compared, so a
page view reads the stored result and only a new version (or a new engine) computes again.

New copy does not wait for its story's analysis: ingest marks the story (`queue_analysis`)
and one background task analyses it a few seconds later (`analyse_story`), once for a
whole burst of copy however many items it holds; the compare page analyses what it shows
when it is opened first.
"""

from __future__ import annotations

import hashlib
import logging
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import timedelta
from functools import partial
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Max, Prefetch
from django.utils import timezone
from django_tasks import task

from stories.analysis import SourceText, compare_sources, to_json
from stories.ingest.names import shown_name
from stories.models import Analysis, Source, SourceVersion, Story

# Bump when the engine's output changes, so stored analyses are computed afresh.
ENGINE_VERSION = "81"  # 81: a whole against its parts by kind ("three people" / "two women and one man")
# 48: a change one way and the other is one claim, not one for each restatement
# 47: "arresting 21 others" a whole count; "pulled back", "firmed" as changes
# 46: figures over two named scopes ("nationally" / "statewide") are two facts
# 45: figures read at two stated times ("At midnight" / "Late Friday evening") agree
# 44: "$1.63 or 8 percent" counts nothing more; two days' closes; skips to a change
# 43: a figure half-way between two roundings agrees with either ("1.25" / "1.2")
# 42: the same change one way and the other; "rose 5% to $20" no range; "since"
# 41: near lower bounds, totals by two stated times, morning / close readings agree
# 40: a level is of what moves or closes ("closed at"), not "priced at"
# 39: two counts of what was added ("five more", "a further 159") are compared
# 38: times of day in named zones compared on one clock; zones are no names
# 37: a change's span is its own; prices compared as levels; hash-seed independent
# 36: a figure to the hundredth cut to its whole part agrees ("56.79" / "56")
# 35: a change is set against a change, a level against a level (movements)
# 34: a bare "ton" agrees with the short, long or metric ton of one figure
# 33: a quotation whose changed number is reported is not reported again
# 32: a quotation run on into the next paragraph is read; one in other
# words that change nothing said is wording to check (kind "style"), not a quote conflict
# 31: a quotation with an abbreviation spelled out is one quotation
# 30: round 13: a population said of a "which" clause's place and kept
# from other counts, a toll's part in a named place, a line of results' score, a parent's
# children kept from others, a possessive title's word order, a clinic / center of one name,
# a vowel added by a romanisation, "some 168,000" written to the thousand, a count around a
# wide place kept from a count in one place
# 29: round 12: a "mom of N" is a mother, E / I opening a first name
# beside one surname, one street given two kinds of way, how long before the story someone married
# 28: round 11: quoted times on one clock, ages by copy day and by the one
# person named in full, shots fired at someone, bare running totals, a play at two game clocks, crowds
# put at a figure, boys and girls counted apart
# 27: round 10, both halves: times to the minute, deals, works, totals, one death
# against others, ages by copy day; visits, rounds, finders, consent, targets, hometowns, speakers by
# initials, bearings given to two bodies, a first letter changed in like company
# 25: two scores at one time left on the game clock
# 24: counterparts, confirmed sums, clocks anywhere, harms, posts that open a sentence
MAX_COMPARED = 4
# Below the upload batches' tasks (priority 0): a worker takes the copy in first and
# analyses the stories it changed when the burst is in.
ANALYSIS_PRIORITY = -10

logger = logging.getLogger(__name__)

if TYPE_CHECKING:  # django-stubs-ext is a development dependency: the type exists for mypy only
    from datetime import datetime
    from typing import TypedDict

    from django_stubs_ext import WithAnnotations

    class _StorySourceExtras(TypedDict):
        newest_first: list[SourceVersion]  # Prefetch(to_attr=): the source's versions, newest first
        last_received: datetime  # annotate(): when its newest version arrived

    StorySource = WithAnnotations[Source, _StorySourceExtras]


def story_sources(story: Story) -> list[StorySource]:
    """The story's sources in the order they arrived, each with its newest version at hand."""
    newest_first = SourceVersion.objects.defer("original").order_by("-number")
    sources = story.sources.select_related("provider").prefetch_related(
        Prefetch("versions", queryset=newest_first, to_attr="newest_first")
    )
    return list(sources.annotate(last_received=Max("versions__received_at")).order_by("created_at", "pk"))


def default_selection(sources: Sequence[StorySource]) -> list[StorySource]:
    """The sources shown until the editor chooses: the newest four, in the order they arrived."""
    if len(sources) <= MAX_COMPARED:
        return list(sources)
    newest = sorted(sources, key=lambda source: (source.last_received, source.pk))[-MAX_COMPARED:]
    return [source for source in sources if source in newest]


def analyse(*, story: Story, sources: Sequence[StorySource]) -> Analysis:
    """The stored analysis of these sources' newest versions, computed when there is none."""
    versions = [source.newest_first[0] for source in sources]
    return analyse_versions(story=story, versions=versions, labels=[source_label(source) for source in sources])


def analyse_versions(*, story: Story, versions: Sequence[SourceVersion], labels: Sequence[str]) -> Analysis:
    """The stored analysis of exactly these source versions, in this order (two versions of
    one source, say), computed when there is none."""
    key = _key(version.pk for version in versions)
    stored = Analysis.objects.filter(key=key).first()
    if stored is not None:
        return stored
    texts = [SourceText(name=label, text=version.text) for label, version in zip(labels, versions)]
    comparison = compare_sources(texts)
    result = to_json(comparison)
    try:
        with transaction.atomic():
            analysis = Analysis.objects.create(
                key=key,
                story=story,
                result=result,
                repeat_count=sum(1 for block in comparison.blocks_by_id.values() if block.repeat_of),
                conflict_count=sum(1 for conflict in comparison.conflicts if conflict.kind != "style"),
            )
            analysis.versions.set(versions)
    except IntegrityError:  # computed at the same moment by another request
        return Analysis.objects.get(key=key)
    return analysis


def refresh_story_analysis(story: Story) -> Analysis | None:
    """Analyse the story's default sources and point the inbox's counts at the result.

    An engine failure is logged, not raised: copy that was stored stays stored, and the
    compare page tries again when it is opened.
    """
    try:
        analysis = analyse(story=story, sources=default_selection(story_sources(story)))
    except Exception:
        logger.exception("analysing story %s failed", story.pk)
        return None
    Story.objects.filter(pk=story.pk).update(analysis=analysis)
    return analysis


def queue_analysis(story_id: int) -> None:
    """Have the story analysed a little later, with the rest of the burst of copy it is
    receiving. Called in the transaction that stores new copy in the story, after it has
    updated the story's row: that row lock orders it with `analyse_story`'s clearing of the
    mark, so copy committed after the analysis read the story always queues another."""
    waiting = Story.objects.filter(pk=story_id, analysis_due_at__isnull=True).update(analysis_due_at=timezone.now())
    if waiting:
        transaction.on_commit(partial(_enqueue_analysis, story_id))


def _enqueue_analysis(story_id: int) -> None:
    delay = settings.NEWSROOM_ANALYSIS_DELAY_SECONDS
    queued = analyse_story.using(priority=ANALYSIS_PRIORITY)
    if delay > 0 and queued.get_backend().supports_defer:
        queued = queued.using(run_after=timezone.now() + timedelta(seconds=delay))
    queued.enqueue(story_id)


@task()
def analyse_story(story_id: int) -> None:
    """The background task that analyses a story new copy came into (`analyse_new_copy`)."""
    analyse_new_copy(story_id)


def analyse_new_copy(story_id: int) -> Analysis | None:
    """Analyse the story as it is stored now, after clearing its mark: the clearing waits for
    any transaction storing copy in it to commit (each holds the story's row), and copy
    stored after it marks the story again and queues another analysis."""
    Story.objects.filter(pk=story_id).update(analysis_due_at=None)
    story = Story.objects.filter(pk=story_id).first()
    return refresh_story_analysis(story) if story is not None else None


def keep_for_inbox(
    story: Story, analysis: Analysis, *, shown: Sequence[Source], sources: Sequence[StorySource]
) -> None:
    """When a page has analysed the story's default sources, the inbox counts from that
    analysis from now on (new copy may have come in since the last one)."""
    if story.analysis_id != analysis.pk and list(shown) == default_selection(sources):
        Story.objects.filter(pk=story.pk).update(analysis=analysis)


def source_label(source: Source) -> str:
    return f"{source.provider} · {source.item_id}"


def short_labels(sources: Iterable[Source]) -> dict[int, str]:
    """What tells each of a story's sources apart in a line, by source id: its provider's
    name, and where the story has more than one source of that provider (two agencies'
    copy uploaded unattributed, say), the item's name too: "Unattributed · 000_b9cb".
    Given all the story's sources, every page names a source the same way."""
    sources = list(sources)
    per_provider = Counter(source.provider_id for source in sources)
    labels = {}
    for source in sources:
        shared = per_provider[source.provider_id] > 1
        labels[source.pk] = f"{source.provider} · {_short_item(source.item_id)}" if shared else str(source.provider)
    if len(set(labels.values())) < len(labels):  # two items shortened alike: their whole names
        return {
            s.pk: f"{s.provider} · {shown_name(s.item_id)}" if per_provider[s.provider_id] > 1 else labels[s.pk]
            for s in sources
        }
    return labels


def _short_item(item_id: str) -> str:
    """An item's name fit for a label: without a file's extension, at most 20 characters."""
    name = shown_name(item_id)
    stem, dot, extension = name.rpartition(".")
    if dot and stem and extension.lower() in {"txt", "xml", "html", "htm", "json", "md"}:
        name = stem
    return name if len(name) <= 20 else f"{name[:9]}…{name[-10:]}"


def _key(version_ids: Iterable[int]) -> str:
    text = f"engine {ENGINE_VERSION}: " + ",".join(str(pk) for pk in version_ids)
    return hashlib.sha256(text.encode()).hexdigest()
