"""Putting grouping right: moving a source, splitting it off, merging stories, audited."""

import pytest

from stories.models import Article, AuditAction, AuditEvent, Source, Story
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from stories.services.regroup import RegroupError, merge_stories, move_source

pytestmark = pytest.mark.django_db


def story_of(*items: tuple[str, str]) -> Story:
    files = [
        IncomingCopy(f"{name}.txt", f"{headline}\n\n{headline} was reported on Monday.\n".encode())
        for name, headline in items
    ]
    return ingest_files(files=files, user=None).story


@pytest.fixture
def mixed() -> Story:
    """A bridge story that wrongly took in a copy about a school."""
    return story_of(
        ("bridge-a", "Bridge Closed for Repairs"), ("bridge-b", "River Bridge Shut"), ("school", "School Roof Fixed")
    )


def test_a_source_moves_with_its_versions_and_both_stories_record_it(
    mixed, edith_editor, django_capture_on_commit_callbacks
):
    school = Source.objects.get(item_id="school")
    other = story_of(("roof", "Roof Repairs at Hill School"))
    with django_capture_on_commit_callbacks(execute=True):
        now_in = move_source(source=school, to_story=other, by=edith_editor)

    assert now_in == other and Source.objects.get(pk=school.pk).story == other
    assert school.versions.count() == 1
    for story in (mixed, other):
        event = AuditEvent.objects.get(story=story, action=AuditAction.MOVE_SOURCE)
        assert event.actor == edith_editor
        assert event.summary == (
            "Moved Unattributed · school from “Bridge Closed for Repairs” to “Roof Repairs at Hill School”"
        )
    mixed.refresh_from_db()
    assert mixed.analysis is not None and len(mixed.analysis.versions.all()) == 2, "analysed again without it"


def test_a_source_split_off_starts_a_story_of_its_own(mixed, edith_editor):
    school = Source.objects.get(item_id="school")
    new = move_source(source=school, to_story=None, by=edith_editor)
    assert new not in (mixed,) and new.headline == "School Roof Fixed" and new.created_by == edith_editor
    assert list(new.sources.all()) == [school] and mixed.sources.count() == 2


@pytest.mark.parametrize("case", ["same story", "only source", "merged target"])
def test_a_move_that_makes_no_sense_is_refused_and_changes_nothing(mixed, edith_editor, case):
    school = Source.objects.get(item_id="school")
    alone = story_of(("lone", "Lone Report"))
    target = {"same story": mixed, "only source": mixed, "merged target": alone}[case]
    source = alone.sources.get() if case == "only source" else school
    if case == "merged target":
        merge_stories(story=alone, into=story_of(("other", "Other Report")), by=edith_editor)
    messages = {
        "same story": "already in “Bridge Closed for Repairs”",
        "only source": "It is the only source of “Lone Report”",
        "merged target": "was merged into another story",
    }
    before = AuditEvent.objects.filter(action=AuditAction.MOVE_SOURCE).count()
    with pytest.raises(RegroupError, match=messages[case]):
        move_source(source=source, to_story=target, by=edith_editor)
    assert Source.objects.get(pk=source.pk).story_id == source.story_id
    assert AuditEvent.objects.filter(action=AuditAction.MOVE_SOURCE).count() == before


def test_merging_moves_every_source_and_the_merged_story_points_at_the_other(mixed, edith_editor):
    second = story_of(("bridge-c", "Bridge Work Starts"), ("bridge-d", "Crews at the Bridge"))
    draft = draft_for(article=article_for(second), editor=edith_editor)  # a draft, nothing saved

    into = merge_stories(story=second, into=mixed, by=edith_editor)

    second.refresh_from_db()
    assert into == mixed and second.merged_into == mixed and second.analysis is None
    assert mixed.sources.count() == 5 and not second.sources.exists()
    assert not Article.objects.filter(pk=draft.article_id).exists(), "an unsaved draft goes with the merge"
    assert AuditEvent.objects.filter(action=AuditAction.MERGE_STORY).count() == 2


def test_a_story_with_saved_article_versions_is_not_merged_away(mixed, edith_editor):
    second = story_of(("bridge-c", "Bridge Work Starts"), ("bridge-d", "Crews at the Bridge"))
    save_draft(draft=draft_for(article=article_for(second), editor=edith_editor), reason="first take")
    with pytest.raises(RegroupError, match="has an article with 1 saved version: merge the other story into it"):
        merge_stories(story=second, into=mixed, by=edith_editor)
    assert second.sources.count() == 2 and Story.objects.get(pk=second.pk).merged_into is None

    merge_stories(story=mixed, into=second, by=edith_editor)  # the other way round is fine
    assert second.sources.count() == 5


def test_a_story_is_not_merged_into_itself_or_twice(mixed, edith_editor):
    with pytest.raises(RegroupError, match="into itself"):
        merge_stories(story=mixed, into=mixed, by=edith_editor)
    other = story_of(("other", "Other Report"))
    merge_stories(story=other, into=mixed, by=edith_editor)
    with pytest.raises(RegroupError, match="already merged"):
        merge_stories(story=other, into=mixed, by=edith_editor)


def move_and_merge_at_once(source: Source, target: Story, story: Story, into: Story, by) -> list[str]:
    """One editor moves `source` to `target` while another merges `story` into `into`."""
    from tests.races import all_at_once

    def change(which: int) -> str:
        try:
            if which == 0:
                move_source(source=source, to_story=target, by=by)
            else:
                merge_stories(story=story, into=into, by=by)
        except RegroupError as refused:
            return f"refused: {refused}"
        except Exception as error:  # the test reports whatever else went wrong
            return f"failed: {type(error).__name__}: {error}"
        return "done"

    return [outcome or "" for outcome in all_at_once(2, change)]


@pytest.mark.django_db(transaction=True)
def test_moving_a_source_while_its_story_is_merged_never_deadlocks(edith_editor):
    """Twenty rounds of an editor moving a source out of a story while another merges that
    story: each change either happens or is refused in words; never a deadlock."""
    for n in range(20):
        mixed = story_of((f"a{n}", f"Bridge Closed {n}"), (f"b{n}", f"River Bridge Shut {n}"), (f"s{n}", f"Roof {n}"))
        target, into = story_of((f"t{n}", f"Roof Repairs {n}")), story_of((f"i{n}", f"Bridge News {n}"))
        school = Source.objects.get(item_id=f"s{n}")
        outcomes = move_and_merge_at_once(school, target, mixed, into, edith_editor)
        assert not [outcome for outcome in outcomes if outcome.startswith("failed")], (n, outcomes)
        assert outcomes[1] == "done"  # the merge always can
        school.refresh_from_db()
        assert school.story_id == (target.pk if outcomes[0] == "done" else into.pk)
