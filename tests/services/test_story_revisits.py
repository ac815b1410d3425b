"""Grouping revisits its own stories: two stories no one has touched that a new item shows
to be one are merged by grouping, audited as its own, and the desk can undo it; a story
someone has opened, composed or regrouped is left as it is, and the merge offered."""

import threading
import time

import pytest
from django.db import connection, transaction
from django.test import TestCase

from stories.models import AuditAction, AuditEvent, MergeOffer, MergeOfferOutcome, Provider, Source, Story
from stories.services import story_revisits
from stories.services.audit import record_event
from stories.services.compose import article_for
from stories.services.ingest import IncomingCopy, ingest_files
from stories.services.regroup import move_source
from stories.services.story_revisits import revisit_stories, touched
from tests.bridging import BRIDGE, PASS, POWER, opened, take_in
from tests.conftest import ensure_roles

pytestmark = pytest.mark.django_db


def pass_and_power_untouched() -> tuple[Story, Story]:
    return take_in("nw-brekke", PASS, "Northwire"), take_in("mp-osterdal", POWER, "Meridian Press")


def test_two_untouched_stories_an_item_shows_to_be_one_are_merged_by_grouping():
    pass_story, power_story = pass_and_power_untouched()
    assert pass_story != power_story, "apart until the bridge comes"

    assert take_in("cn-osterdal", BRIDGE, "Coastal News") == pass_story
    power_story.refresh_from_db()
    assert power_story.merged_into == pass_story, "into the older story"
    assert Story.objects.filter(merged_into__isnull=True).get() == pass_story
    assert set(pass_story.sources.values_list("item_id", flat=True)) == {"nw-brekke", "mp-osterdal", "cn-osterdal"}
    merged = AuditEvent.objects.filter(action=AuditAction.MERGE_STORY)
    assert {event.story_id for event in merged} == {pass_story.pk, power_story.pk}
    assert all(event.actor is None and event.actor_name == "grouping" for event in merged)
    assert "Grouping merged “Storm Leaves Osterdal Without Power” into “Avalanche Closes Brekke Pass”" in (
        merged.first().summary
    )
    moved = AuditEvent.objects.filter(action=AuditAction.MOVE_SOURCE, subject__startswith="Source").get(
        story=power_story
    )
    assert moved.detail == {"from_story": power_story.pk, "to_story": pass_story.pk, "by": "grouping"}
    assert "Meridian Press · mp-osterdal" in moved.summary
    offer = MergeOffer.objects.get()
    assert offer.outcome == MergeOfferOutcome.MERGED and offer.decided_by is None, "the offer closed with the merge"


def test_only_an_item_that_could_change_a_story_is_revisited(monkeypatch):
    """The avalanche and the power cuts each start a story of their own, linking to
    nothing above the bar: nothing to revisit. The item that joins one and bridges both is."""
    revisited = []
    monkeypatch.setattr(story_revisits, "revisit_around", lambda story, neighbours: revisited.append(story) or [])
    pass_story, power_story = pass_and_power_untouched()
    assert revisited == []

    take_in("cn-osterdal", BRIDGE, "Coastal News")
    assert revisited == [pass_story.pk]


def test_a_story_merged_away_before_its_revisit_runs_is_left_alone():
    pass_story, power_story = pass_and_power_untouched()
    take_in("cn-osterdal", BRIDGE, "Coastal News")  # grouping merges the power cuts into the pass
    events = AuditEvent.objects.count()

    assert story_revisits.revisit_around(power_story.pk, [pass_story.pk]) == []
    assert AuditEvent.objects.count() == events


def test_a_story_someone_has_opened_is_left_as_it_is_and_the_merge_offered():
    pass_story, power_story = pass_and_power_untouched()
    opened(power_story)

    take_in("cn-osterdal", BRIDGE, "Coastal News")
    assert Story.objects.filter(merged_into__isnull=True).count() == 2
    assert MergeOffer.objects.get().outcome == MergeOfferOutcome.OPEN
    assert not AuditEvent.objects.filter(actor_name="grouping").exists()


def test_the_desk_undoes_it_with_the_regroup_tools_and_grouping_leaves_its_choice_alone(edith_editor):
    pass_story, power_story = pass_and_power_untouched()
    take_in("cn-osterdal", BRIDGE, "Coastal News")

    power = Source.objects.get(item_id="mp-osterdal")
    apart = move_source(source=power, to_story=None, by=edith_editor)
    assert touched([pass_story.pk, apart.pk]) == {pass_story.pk, apart.pk}
    take_in("ap-osterdal", BRIDGE.replace("Coastal News", "Alpine Post"), "Alpine Post")
    assert Source.objects.get(item_id="mp-osterdal").story == apart, "the editor's split stands"


def test_touched_is_opened_composed_or_acted_on_by_a_person_not_sent_copy(alice_admin, edith_editor):
    """Story 0 only had copy sent into it by an admin: still grouping's own."""
    stories = [Story.objects.create(headline=f"Story {n}", last_received_at="2024-06-03T12:00Z") for n in range(4)]
    with TestCase.captureOnCommitCallbacks(execute=True):
        ingest_files(
            files=[IncomingCopy("pass.txt", PASS.encode())],
            user=alice_admin,
            story=stories[0],
            provider=Provider.objects.create(name="Northwire"),
        )
    opened(stories[1])
    article_for(stories[2])
    record_event(action=AuditAction.KEEP_APART, actor=edith_editor, story=stories[3], subject="-", summary="-")
    assert touched([story.pk for story in stories]) == {stories[1].pk, stories[2].pk, stories[3].pk}
    assert touched([Story.objects.create(headline="New", last_received_at="2024-06-03T12:00Z").pk]) == set()


def test_an_uploaded_item_into_an_uploader_s_sent_copy_is_still_grouping_s(alice_admin):
    """An admin's upload is sending copy: the story stays grouping's own."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        report = ingest_files(
            files=[IncomingCopy("pass.txt", PASS.encode())],
            user=alice_admin,
            provider=Provider.objects.create(name="Northwire"),
            group=True,
        )
    assert touched([report.results[0].version.source.story_id]) == set()


def test_nothing_is_changed_when_a_source_moved_while_grouping_weighed_the_stories(monkeypatch, edith_editor):
    pass_story, power_story = pass_and_power_untouched()
    weighed = story_revisits.regrouped

    def an_editor_moves_a_source_meanwhile(*args, **kwargs):
        Source.objects.filter(item_id="mp-osterdal").update(story=pass_story)
        return weighed(*args, **kwargs)

    monkeypatch.setattr(story_revisits, "regrouped", an_editor_moves_a_source_meanwhile)
    with TestCase.captureOnCommitCallbacks(execute=False):
        bridge = ingest_files(
            files=[IncomingCopy("cn-osterdal.txt", BRIDGE.encode())],
            user=None,
            provider=Provider.objects.create(name="Coastal News"),
            group=True,
        )
    assert revisit_stories(version_id=bridge.results[0].version.pk) == []
    assert not AuditEvent.objects.filter(actor_name="grouping").exists()
    assert Story.objects.get(pk=power_story.pk).merged_into is None


def test_an_item_put_in_a_story_chosen_at_upload_revisits_nothing(alice_admin):
    pass_story, power_story = pass_and_power_untouched()
    with TestCase.captureOnCommitCallbacks(execute=True):
        ingest_files(
            files=[IncomingCopy("cn-osterdal.txt", BRIDGE.encode())],
            user=None,
            story=power_story,
            provider=Provider.objects.create(name="Coastal News"),
        )
    assert Story.objects.filter(merged_into__isnull=True).count() == 2
    assert not AuditEvent.objects.filter(actor_name="grouping").exists()


def test_a_story_the_clusters_part_is_split_and_the_part_starts_a_story_audited(monkeypatch):
    pass_story, _ = pass_and_power_untouched()
    bridge = take_in("cn-osterdal", BRIDGE, "Coastal News")
    assert bridge == pass_story and pass_story.sources.count() == 3
    # As though later copy showed the avalanche and the power cuts to be two stories after all.
    monkeypatch.setattr(story_revisits, "regrouped", lambda evidence, groups, **_: [[0], [1, 2]])

    version = Source.objects.get(item_id="cn-osterdal").versions.get()
    [changed] = revisit_stories(version_id=version.pk)
    part = Story.objects.get(pk=changed.story_id)
    assert set(part.sources.values_list("item_id", flat=True)) == {"mp-osterdal", "cn-osterdal"}
    assert list(pass_story.sources.values_list("item_id", flat=True)) == ["nw-brekke"]
    assert part.headline == "Storm Leaves Osterdal Without Power" and part.analysis_due_at is not None
    moves = AuditEvent.objects.filter(action=AuditAction.MOVE_SOURCE, actor_name="grouping", story=part)
    assert moves.count() == 2


@pytest.mark.django_db(transaction=True)
def test_a_revisit_never_waits_for_a_story_someone_holds_and_changes_nothing():
    """Someone at work on one of the stories holds its row: the revisit after the bridge
    gives up at once (the next item revisits them) rather than wait, and so never
    deadlocks with an ingest or an editor."""
    ensure_roles()
    pass_story, power_story = pass_and_power_untouched()
    holding, done = threading.Event(), threading.Event()

    def hold_the_power_story() -> None:
        try:
            with transaction.atomic():  # as an update of the story's row holds it
                Story.objects.select_for_update(no_key=True).get(pk=power_story.pk)
                holding.set()
                done.wait(30)
        finally:
            connection.close()

    holder = threading.Thread(target=hold_the_power_story)
    holder.start()
    try:
        assert holding.wait(30)
        started = time.monotonic()
        bridge = take_in("cn-osterdal", BRIDGE, "Coastal News")  # its revisit runs once it commits
        assert time.monotonic() - started < 10
        assert Story.objects.get(pk=power_story.pk).merged_into is None
    finally:
        done.set()
        holder.join()
    version = Source.objects.get(item_id="cn-osterdal").versions.get()
    assert len(revisit_stories(version_id=version.pk)) == 1 and bridge == pass_story, "let go, a revisit acts"


def test_the_kept_pair_scores_are_each_pairs_linkage_however_often_the_older_ones_are_dropped():
    """A revisit reads each pair's score from what the process kept: whatever was dropped
    to keep it bounded, every pair asked for scores as `linkage` scores it."""
    from itertools import combinations

    from stories.analysis.grouping import evidence_of
    from stories.analysis.story_revisits import linkage
    from stories.services.story_revisits import Item, PairScores

    texts = [PASS, POWER, BRIDGE, PASS + "\nMore to come.", POWER + "\nUpdated.", BRIDGE + "\nCorrected."]
    items = [
        Item(n, n, n, evidence_of(text.split("\n", 1)[0], text, 1_800_000_000.0 + n, str(n % 3)))
        for n, text in enumerate(texts)
    ]
    pair = PairScores(4).of(items)  # room for two pairs a generation: most are dropped again
    for _ in range(2):
        for i, j in combinations(range(len(items)), 2):
            assert pair(i, j) == pair(j, i) == linkage(items[i].evidence, items[j].evidence)
