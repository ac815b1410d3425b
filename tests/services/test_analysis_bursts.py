"""New copy is not analysed item by item: ingest marks the story, and one background task,
run by a real worker, analyses the whole burst of copy that came in meanwhile."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from stories.models import Analysis, Story
from stories.services.analysis import analyse_new_copy
from stories.services.ingest import IncomingCopy, ingest_files

# The worker closes its connection between tasks: the data must really be committed.
pytestmark = pytest.mark.django_db(transaction=True)
ANALYSE = "stories.services.analysis.analyse_story"


def bulletin(n: int) -> IncomingCopy:
    """The nth flood bulletin of a long night, each its own source."""
    text = (
        f"River level bulletin {n}\n\n"
        f"The river stood at {300 + n} centimetres at the town bridge at bulletin {n}, the flood office said.\n\n"
        "Sandbags were handed out at the fire station until midnight.\n"
    )
    return IncomingCopy(f"river-{n:02}.txt", text.encode())


def run_worker() -> None:
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)


@pytest.fixture
def river_story() -> Story:
    report = ingest_files(files=[bulletin(0)], user=None)
    return report.story


@pytest.fixture
def at_once(settings) -> None:
    """The story's analysis ready to run as soon as it is queued: each burst here is over
    before the worker looks."""
    settings.NEWSROOM_ANALYSIS_DELAY_SECONDS = 0


def test_a_burst_of_50_items_to_one_story_is_analysed_once_and_the_page_shows_the_newest(
    at_once, river_story, client, edith_editor
):
    for n in range(1, 51):  # as a feed brings them: one item at a time, each its own call
        ingest_files(files=[bulletin(n)], user=None, story=river_story)

    assert DBTaskResult.objects.filter(task_path=ANALYSE).count() == 1
    assert not Analysis.objects.exists()
    run_worker()

    assert Analysis.objects.count() == 1
    river_story.refresh_from_db()
    assert river_story.analysis is not None and river_story.analysis_due_at is None
    newest = {version.original_name for version in river_story.analysis.versions.all()}
    assert "river-50.txt" in newest and len(newest) == 4  # the newest four, as the page shows
    client.force_login(edith_editor)
    html = client.get(reverse("stories:compare", args=[river_story.pk])).content.decode()
    assert "River level bulletin <ins>50</ins>" in html, "the newest bulletin is in the comparison"
    assert Analysis.objects.count() == 1, "the page reads the burst's analysis"


def test_copy_arriving_after_the_analysis_queues_the_next_one(at_once, river_story):
    run_worker()
    first = Story.objects.get(pk=river_story.pk).analysis

    ingest_files(files=[bulletin(1)], user=None, story=river_story)
    ingest_files(files=[bulletin(2)], user=None, story=river_story)
    assert DBTaskResult.objects.filter(task_path=ANALYSE).count() == 2  # the first burst's, and this one's
    run_worker()

    river_story.refresh_from_db()
    assert river_story.analysis != first
    assert {v.original_name for v in river_story.analysis.versions.all()} >= {"river-01.txt", "river-02.txt"}


def test_the_analysis_waits_a_moment_for_the_rest_of_the_burst(river_story):
    task = DBTaskResult.objects.get(task_path=ANALYSE)
    assert (task.run_after - task.enqueued_at).total_seconds() >= 9  # NEWSROOM_ANALYSIS_DELAY_SECONDS, 10
    assert task.priority < 0, "copy waiting to be taken in goes first"
    run_worker()
    assert not Analysis.objects.exists(), "not yet: the burst may still be arriving"


def test_a_story_that_is_gone_is_not_analysed():
    assert analyse_new_copy(123456) is None
