"""The archive `benchmarks/load.py` runs on: real wire copy from ../shared/corpus, read at run
time (never copied into the repository), stored as the ingest service stores it.

- Reuters-21578 stories (`reuters/articles.json`): each a story whose first source is the
  Reuters original, joined by other agencies' rewrites made here from it (a provider's tag
  in the dateline, a paragraph dropped or two swapped, a number changed, the lead repeated
  at the end as scrapers do, a title-cased headline), a tenth of them re-filed once.
- Reuters re-filed versions (`reuters/versions/gNNN/`): one source a group, its versions in order.
- ECB+ (`ecbplus/`): one story a same-event cluster, one source an outlet's article.

The rows are bulk-created, not ingested one file at a time (a transaction, an audit event
and the story's analysis again for each file), but they are what ingest stores: each file
is decoded and parsed by the ingest code, its grouping evidence and LSH band keys computed
by the grouping code, its audit event written; each story's analysis is the engine's,
through the analysis service; a desk's worth of articles goes through the compose and
review services. The copy arrives over the last 30 days, the stories interleaved.

Import it once Django is set up (`benchmarks/load.py` does).
"""

from __future__ import annotations

import csv
import hashlib
import json
import random
import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlparse

from django.contrib.auth.models import Group, User
from django.db import transaction

from stories import roles
from stories.analysis.grouping import band_keys
from stories.ingest import ParsedCopy, decode_copy, parse_copy
from stories.ingest.names import printable, shown_name
from stories.models import Article, AuditAction, AuditEvent, ItemFingerprint, Provider, Source, SourceVersion, Story
from stories.services import review
from stories.services.analysis import refresh_story_analysis
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.grouping import GROUPING_ENGINE, evidence_for
from stories.services.ingest import copy_limits

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FULL_SIZE = 10_000  # items at which every story of the corpus is used
REWRITERS = ["Northwire", "Agence Meridian", "Pacific Press Service", "Baltic News Desk", "Andes Wire",
             "Hanseatic Press", "Kestrel Agency"]  # fmt: skip
FEED = "wire feed"  # who the audit trail says took the copy in
DESK_EDITOR = "desk"  # who made the articles
ARTICLE_SHARE = 0.2  # of the Reuters stories, those with an article
# The articles' states, in turn: most published, some corrected or withdrawn, some under way.
ARTICLE_STATES = ["published"] * 12 + ["corrected"] * 2 + ["withdrawn", "approved", "approved",
                  "in_review", "in_review", "draft"]  # fmt: skip
# The review steps each state took; the others took all three.
STEPS_TAKEN = {"draft": [], "in_review": ["submit"], "approved": ["submit", "approve"]}


@dataclass(frozen=True)
class Copy:
    """One file as the feed delivered it."""

    provider: str
    item_id: str
    name: str
    data: bytes


@dataclass
class PlannedStory:
    kind: str  # "reuters", "refiled" or "ecbplus"
    copies: list[Copy] = field(default_factory=list)  # in the order they arrive


# ---- The corpus --------------------------------------------------------------------------------


def _text(headline: str, paragraphs: list[str]) -> bytes:
    return (headline + "\n\n" + "\n".join(paragraphs) + "\n").encode()


def reuters_stories() -> list[tuple[str, str, list[str]]]:
    """(id, headline, paragraphs) of the articles that are not among the re-filed groups."""
    articles = json.loads((CORPUS / "reuters" / "articles.json").read_text(encoding="utf-8"))
    refiled = {path.stem.split("-", 1)[1] for path in (CORPUS / "reuters" / "versions").glob("g*/*.txt")}
    return [(str(a["id"]), a["headline"], a["paragraphs"]) for a in articles if str(a["id"]) not in refiled]


def refiled_stories() -> list[PlannedStory]:
    stories = []
    for group in sorted((CORPUS / "reuters" / "versions").glob("g*")):
        files = sorted(group.glob("v*.txt"), key=lambda path: int(path.stem[1:].split("-")[0]))
        copies = [Copy("Reuters", group.name, path.name, path.read_bytes()) for path in files]
        stories.append(PlannedStory("refiled", copies))
    return stories


def ecbplus_stories() -> list[PlannedStory]:
    with open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8") as index:
        rows = list(csv.DictReader(index))
    clusters: dict[str, PlannedStory] = {}
    for row in rows:
        outlet = urlparse(row["source_url"]).netloc.removeprefix("www.") or "Unattributed"
        data = (CORPUS / "ecbplus" / "text" / row["topic"] / f"{row['doc']}.txt").read_bytes()
        story = clusters.setdefault(row["cluster"], PlannedStory("ecbplus"))
        story.copies.append(Copy(outlet, row["doc"], f"{row['doc']}.txt", data))
    return list(clusters.values())


# ---- Other agencies' copy of a Reuters story -----------------------------------------------------

_NUMBER = re.compile(r"\b\d+\b")


def rewrite(headline: str, paragraphs: list[str], provider: str, rng: random.Random) -> bytes:
    """Another agency's copy of the story, with the differences a desk meets."""
    paragraphs = list(paragraphs)
    dateline, dash, rest = paragraphs[0].partition(" - ")
    paragraphs[0] = f"{dateline} ({provider}) - {rest}" if dash else f"({provider}) {paragraphs[0]}"
    if len(paragraphs) > 4 and rng.random() < 0.5:
        del paragraphs[rng.randrange(2, len(paragraphs))]
    if len(paragraphs) > 4 and rng.random() < 0.3:
        i = rng.randrange(1, len(paragraphs) - 1)
        paragraphs[i], paragraphs[i + 1] = paragraphs[i + 1], paragraphs[i]
    if rng.random() < 0.3:
        paragraphs = _number_changed(paragraphs, rng)
    if rng.random() < 0.15:
        paragraphs += paragraphs[:2]  # a scraper's repeated run
    return _text(headline.title() if rng.random() < 0.3 else headline, paragraphs)


def refile(data: bytes, rng: random.Random) -> bytes:
    """The same item sent again, corrected: a number changed, else a sentence added."""
    headline, _, body = data.decode().partition("\n\n")
    paragraphs = body.rstrip("\n").split("\n")
    changed = _number_changed(paragraphs, rng)
    if changed == paragraphs:
        changed = [*paragraphs, "The company did not immediately comment."]
    return _text(headline, changed)


def _number_changed(paragraphs: list[str], rng: random.Random) -> list[str]:
    stating = [i for i, paragraph in enumerate(paragraphs[1:], 1) if _NUMBER.search(paragraph)]
    if not stating:
        return paragraphs
    i = rng.choice(stating)
    found = rng.choice(list(_NUMBER.finditer(paragraphs[i])))
    new = str(int(found.group()) + rng.randint(1, 9))
    return [*paragraphs[:i], paragraphs[i][: found.start()] + new + paragraphs[i][found.end() :], *paragraphs[i + 1 :]]


def plan_archive(items: int, seed: int) -> list[PlannedStory]:
    """Stories holding `items` copies in all (fewer only past the corpus' ~13,700), in the
    order they arrive: a share of each corpus' stories, then rewrites of the Reuters ones.
    Copy the corpus holds twice (a few identical resends) is left out, as ingest would store
    it once."""
    rng = random.Random(seed)
    share = min(1.0, items / FULL_SIZE)
    reuters = _share(reuters_stories(), share)
    originals = [PlannedStory("reuters", [Copy("Reuters", f"RTR-{rid}", f"{rid}.txt", _text(h, ps))])
                 for rid, h, ps in reuters]  # fmt: skip
    stories = _without_resends(_share(ecbplus_stories(), share) + _share(refiled_stories(), share) + originals)
    budget = items - sum(len(story.copies) for story in stories)
    kept = {id(story) for story in stories}
    for provider in REWRITERS:
        for story, (rid, headline, paragraphs) in zip(originals, reuters):
            if budget <= 0 or id(story) not in kept:
                continue
            copy = Copy(provider, f"{provider[:3].upper()}-{rid}", f"{provider}-{rid}.txt",
                        rewrite(headline, paragraphs, provider, rng))  # fmt: skip
            story.copies.append(copy)
            budget -= 1
            if budget > 0 and rng.random() < 0.1:
                story.copies.append(Copy(copy.provider, copy.item_id, f"{copy.item_id}-v2.txt", refile(copy.data, rng)))
                budget -= 1
    rng.shuffle(stories)
    return stories


def _without_resends(stories: list[PlannedStory]) -> list[PlannedStory]:
    seen: set[bytes] = set()
    for story in stories:
        copies, story.copies = story.copies, []
        for copy in copies:
            if copy.data not in seen:
                seen.add(copy.data)
                story.copies.append(copy)
    return [story for story in stories if story.copies]


def _share(stories: list, share: float) -> list:
    return stories[: max(1, round(share * len(stories)))]


# ---- Storing it --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Received:
    """One copy as ingest reads it, and where and when it arrived."""

    story: int  # its planned story's place in the plan
    copy: Copy
    parsed: ParsedCopy
    encoding: str
    provider: Provider
    at: datetime


@contextmanager
def explicit_timestamps() -> Iterator[None]:
    """bulk_create keeps the times the copy arrived instead of the moment of the build: the
    fields' auto_now_add is off meanwhile, in this process only."""
    fields = [Story._meta.get_field("created_at"), Source._meta.get_field("created_at"),
              SourceVersion._meta.get_field("received_at"), AuditEvent._meta.get_field("created_at")]  # fmt: skip
    for timestamp in fields:
        timestamp.auto_now_add = False  # type: ignore[attr-defined]
    try:
        yield
    finally:
        for timestamp in fields:
            timestamp.auto_now_add = True  # type: ignore[attr-defined]


def store_archive(stories: list[PlannedStory], *, now: datetime, span: timedelta = timedelta(days=30)) -> None:
    """The stories' rows as ingest stores them, the copy arriving over the `span` (30 days)
    before `now`."""
    from django.db import connection

    names = {copy.provider for story in stories for copy in story.copies}
    providers = {name: Provider.objects.get_or_create(name=name)[0] for name in sorted(names)}
    step = span / max(len(stories), 1)
    received = []
    for n, planned in enumerate(stories):
        start = now - span + n * step
        for k, copy in enumerate(planned.copies):
            decoded = decode_copy(copy.name, copy.data, copy_limits())
            parsed = parse_copy(copy.name, decoded.text)
            received.append(_Received(n, copy, parsed, decoded.encoding, providers[copy.provider],
                                      start + timedelta(minutes=7 * k)))  # fmt: skip
    with explicit_timestamps(), transaction.atomic():
        versions = _versions(received, _sources(received, _stories(received)))
        _fingerprints(received, versions, connection)
        _audit(versions)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")  # as after any bulk ingest: the planner learns the tables' sizes


def _stories(received: list[_Received]) -> dict[int, Story]:
    first: dict[int, _Received] = {}
    last: dict[int, datetime] = {}
    for copy in received:
        first.setdefault(copy.story, copy)
        last[copy.story] = copy.at
    made = Story.objects.bulk_create(
        Story(headline=copy.parsed.headline[:300], created_at=copy.at, last_received_at=last[n])
        for n, copy in first.items()
    )
    return dict(zip(first, made))


def _sources(received: list[_Received], stories: dict[int, Story]) -> dict[tuple[int, str], Source]:
    sources: dict[tuple[int, str], Source] = {}
    for copy in received:
        sources.setdefault((copy.provider.pk, copy.copy.item_id), Source(
            story=stories[copy.story], provider=copy.provider, item_id=copy.copy.item_id,
            headline=copy.parsed.headline[:300], created_at=copy.at,
        ))  # fmt: skip
    Source.objects.bulk_create(sources.values(), batch_size=1000)
    return sources


def _versions(received: list[_Received], sources: dict[tuple[int, str], Source]) -> list[SourceVersion]:
    numbers: Counter[tuple[int, str]] = Counter()
    versions = []
    for copy in received:
        key = (copy.provider.pk, copy.copy.item_id)
        numbers[key] += 1
        data = copy.copy.data
        versions.append(SourceVersion(
            source=sources[key], number=numbers[key], original=data, original_name=copy.copy.name,
            sha256=hashlib.sha256(data).hexdigest(), size=len(data), encoding=copy.encoding,
            copy_format=copy.parsed.copy_format, text=copy.parsed.text, received_at=copy.at,
        ))  # fmt: skip
    return SourceVersion.objects.bulk_create(versions, batch_size=500)


def _fingerprints(received: list[_Received], versions: list[SourceVersion], connection) -> None:
    """Each version's grouping evidence and its band keys, one row a key (COPY: a million rows)."""
    evidence = [evidence_for(c.parsed.headline, c.parsed.text, c.at, c.provider) for c in received]
    prints = ItemFingerprint.objects.bulk_create(
        (ItemFingerprint(version=v, evidence=e.to_dict(), engine=GROUPING_ENGINE) for v, e in zip(versions, evidence)),
        batch_size=500,
    )
    with connection.cursor() as cursor:
        with cursor.cursor.copy("COPY stories_fingerprintband (fingerprint_id, key) FROM STDIN") as rows:
            for fingerprint, found in zip(prints, evidence):
                for key in sorted(set(band_keys(found))):
                    rows.write_row((fingerprint.pk, key))


def _audit(versions: list[SourceVersion]) -> None:
    AuditEvent.objects.bulk_create(
        (AuditEvent(
            action=AuditAction.INGEST, actor_name=FEED, story=v.source.story, subject=f"SourceVersion {v.pk}",
            summary=printable(f"Ingested {shown_name(v.original_name)} as {v}")[:500],
            detail={"sha256": v.sha256, "size": v.size, "encoding": v.encoding}, created_at=v.received_at,
        ) for v in versions),
        batch_size=1000,
    )  # fmt: skip


# ---- What the engine and the desk add -------------------------------------------------------------


def analyse_stories() -> int:
    """Each story's analysis, as ingest leaves it (the inbox's counts, the compare page warm)."""
    stories = list(Story.objects.order_by("pk"))
    for story in stories:
        refresh_story_analysis(story)
    return len(stories)


def make_articles(*, seed: int) -> list[str]:
    """Articles for a share of the Reuters stories, made and taken through review by the desk's
    editor with the compose and review services: published, corrected, withdrawn, under way."""
    rng = random.Random(seed)
    desk = User.objects.create_user(DESK_EDITOR, password=None)
    desk.groups.add(Group.objects.get(name=roles.EDITOR))
    candidates = list(Story.objects.filter(sources__item_id__startswith="RTR-").order_by("pk").distinct())
    chosen = rng.sample(candidates, round(len(candidates) * ARTICLE_SHARE))
    states = [ARTICLE_STATES[n % len(ARTICLE_STATES)] for n in range(len(chosen))]
    for story, state in zip(chosen, states):
        _take_through(article_for(story), desk, state)
    return states


def _take_through(article: Article, desk: User, state: str) -> None:
    save_draft(draft=draft_for(article=article, editor=desk), reason="First version")
    _steps(article, desk, STEPS_TAKEN.get(state, ["submit", "approve", "publish"]))
    if state == "corrected":
        publish_correction(article.pk, f"{draft_for(article=article, editor=desk).headline} (corrected)")
    elif state == "withdrawn":
        published = Article.objects.get(pk=article.pk).published_version
        review.withdraw(article=article, by=desk, seen=published.number, reason="The figures could not be confirmed.")


def _steps(article: Article, desk: User, steps: list[str]) -> None:
    for step in steps:
        fresh = Article.objects.select_related("approved_version").get(pk=article.pk)
        newest = fresh.latest_version()
        if step == "submit":
            review.submit_for_review(article=fresh, by=desk, seen=newest.number)
        elif step == "approve":
            review.approve(article=fresh, by=desk, seen=newest.number)
        else:
            review.publish(article=fresh, by=desk, seen=fresh.approved_version.number)


def publish_correction(article_id: int, headline: str) -> None:
    """The desk corrects a published article's headline and publishes the correction."""
    article = Article.objects.get(pk=article_id)
    desk = User.objects.get(username=DESK_EDITOR)
    draft = draft_for(article=article, editor=desk)
    draft.headline = headline
    draft.save()
    save_draft(draft=draft, reason="Correction", correction_note="The headline was wrong.")
    _steps(article, desk, ["submit", "approve", "publish"])
