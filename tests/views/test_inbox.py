"""The inbox: stories newest first with their counts, filters, search, new copy marked."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from stories.models import Article, ArticleStatus, Provider, Story
from stories.services.analysis import analyse_new_copy
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from stories.services.reading import mark_read
from tests import desk
from tests.views.copy import harbour_story

# Approval does not wait for conflicting facts here: these tests are about other things
# (test_conflict_settlement.py holds approval to them).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("conflicts_do_not_hold_approval")]
INBOX = reverse("stories:inbox")


def story_of(name: str, body: str, provider: Provider | None = None) -> Story:
    text = f"Summary of {name}.\nHeadline of {name}\n\n{body}\n"
    return ingest_files(files=[IncomingCopy(f"{name}.txt", text.encode())], user=None, provider=provider).story


def headlines(response) -> list[str]:
    return [story.headline for story in response.context["page"]]


def test_it_lists_stories_newest_copy_first(client, edith_editor):
    story_of("first", "Quiet day.")
    story_of("second", "Busy day.")
    client.force_login(edith_editor)
    assert headlines(client.get(INBOX)) == ["Headline of second", "Headline of first"]


def test_it_shows_providers_sources_repeats_and_conflicts(client, edith_editor):
    harbour_story()
    analyse_new_copy(Story.objects.get().pk)  # what the background task does a moment after the copy came in
    client.force_login(edith_editor)
    html = client.get(INBOX).content.decode()
    story = Story.objects.get()
    assert story.analysis.repeat_count == 4 and story.analysis.conflict_count >= 2  # 3 in A, 1 in B
    row = html[html.index("Harbour Blaze Injures 12") :]
    assert "Unattributed" in row
    figures = {"Sources": 2, "Repeats": story.analysis.repeat_count, "Conflicts": story.analysis.conflict_count}
    assert f'<td class="num" data-label="Sources">{figures.pop("Sources")}</td>' in row
    for label, figure in figures.items():
        span = f'<span id="{label.lower()}-{story.pk}" class="analysis-count ready">{figure}</span>'
        assert f'<td class="num" data-label="{label}">{span}</td>' in row
    assert 'id="counts-poll"' not in html  # nothing waits: nothing asked again


def test_it_filters_by_provider(client, edith_editor):
    northwire = Provider.objects.create(name="Northwire")
    story_of("ours", "Copy.", provider=northwire)
    story_of("theirs", "Other copy.")
    client.force_login(edith_editor)
    response = client.get(INBOX, {"provider": northwire.pk})
    assert headlines(response) == ["Headline of ours"]
    assert f'<option value="{northwire.pk}" selected>Northwire</option>' in response.content.decode()


def test_it_filters_by_article_status(client, edith_editor):
    drafted = story_of("drafted", "Copy.")
    story_of("untouched", "Copy.")
    Article.objects.create(story=drafted, status=ArticleStatus.IN_REVIEW)
    client.force_login(edith_editor)
    assert headlines(client.get(INBOX, {"status": "in_review"})) == ["Headline of drafted"]
    assert headlines(client.get(INBOX, {"status": "none"})) == ["Headline of untouched"]


def test_a_published_article_under_correction_reads_as_published_with_its_correction(client, edith_editor):
    corrected = story_of("corrected", "The ferry sails at nine.")
    withdrawn = story_of("withdrawn", "The tram runs late.")
    for story in (corrected, withdrawn):
        article = article_for(story)
        save_draft(draft=draft_for(article=article, editor=edith_editor), reason="First take")
        desk.submit(article, edith_editor)
        desk.publish(desk.approve(article, edith_editor), edith_editor)
    desk.withdraw(Article.objects.get(story=withdrawn), edith_editor, "Legal")
    correction = draft_for(article=Article.objects.get(story=corrected), editor=edith_editor)
    correction.headline = "The Ferry Sails at Ten"
    correction.save()
    save_draft(draft=correction, reason="Time fixed", correction_note="The ferry sails at ten, not nine.")
    desk.submit(Article.objects.get(story=corrected), edith_editor)
    client.force_login(edith_editor)

    html = client.get(INBOX).content.decode()
    assert "Published · correction in review" in html
    assert headlines(client.get(INBOX, {"status": "published"})) == ["Headline of corrected"]
    assert headlines(client.get(INBOX, {"status": "in_review"})) == ["Headline of corrected"]
    assert headlines(client.get(INBOX, {"status": "withdrawn"})) == ["Headline of withdrawn"]


def test_it_searches_headlines_and_copy_with_full_text_search(client, edith_editor):
    story_of("fire", "Firefighters fought the blazes at the harbour.")
    story_of("rates", "The central bank cut interest rates.")
    client.force_login(edith_editor)
    assert headlines(client.get(INBOX, {"text": "blaze"})) == ["Headline of fire"]  # stemmed: blazes
    assert headlines(client.get(INBOX, {"text": "Headline of rates"})) == ["Headline of rates"]
    response = client.get(INBOX, {"text": "volcano"})
    assert headlines(response) == [] and "No story matches" in response.content.decode()


def test_it_names_a_bad_filter_and_leaves_it_out(client, edith_editor):
    story_of("fire", "Copy.")
    client.force_login(edith_editor)
    response = client.get(INBOX, {"status": "bogus"})
    assert "Status: Select a valid choice" in response.content.decode()
    assert headlines(response) == ["Headline of fire"]


def test_it_marks_stories_with_copy_new_to_the_reader(client, edith_editor):
    read = story_of("read", "Copy.")
    story_of("unread", "Copy.")
    mark_read(user=edith_editor, story=read)
    client.force_login(edith_editor)
    flags = {row.story.headline: row.new_copy for row in client.get(INBOX).context["rows"]}
    assert flags == {"Headline of read": False, "Headline of unread": True}
    Story.objects.filter(pk=read.pk).update(last_received_at=timezone.now())
    assert all(row.new_copy for row in client.get(INBOX).context["rows"])


def test_it_pages_through_many_stories(client, edith_editor):
    for n in range(27):
        story_of(f"story {n}", "Copy.")
    client.force_login(edith_editor)
    assert len(headlines(client.get(INBOX))) == 25
    second = client.get(INBOX, {"page": 2})
    assert len(headlines(second)) == 2 and "Page 2 of 2" in second.content.decode()


def test_an_htmx_request_gets_only_the_list(client, edith_editor):
    story_of("fire", "Copy.")
    client.force_login(edith_editor)
    response = client.get(INBOX, {"text": "fire"}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="story-list">') and "<html" not in html
    assert response["Vary"] and "HX-Request" in response["Vary"]


def test_a_page_costs_the_same_queries_however_many_stories_and_sources_it_shows(client, edith_editor):
    """What a row shows is read for the whole page at once: a query per story would make
    the inbox grow with the archive (benchmarks/inbox_scale.py measures it at 100,000)."""
    wires = [Provider.objects.create(name=f"Wire {n}") for n in range(3)]
    client.force_login(edith_editor)

    def queries_of_a_page() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(INBOX).status_code == 200
        listing = [q["sql"] for q in queries.captured_queries if q["sql"].startswith('SELECT "stories_story"."id"')]
        # The page's stories come off the inbox's index: no grouping over every story,
        # no reader's subquery evaluated for each, no engine result loaded to show counts.
        assert len(listing) == 1 and "GROUP BY" not in listing[0] and "storyreading" not in listing[0]
        assert '"stories_analysis"."result"' not in listing[0]
        return len(queries.captured_queries)

    story_of("alone", "Copy.")
    one_story = queries_of_a_page()
    for n in range(12):
        story = story_of(f"busy {n}", f"Copy {n}.", provider=wires[0])
        for wire in wires[1:]:
            ingest_files(
                files=[IncomingCopy(f"busy {n} {wire}.txt", f"Busy {n}\n\nMore {wire}.\n".encode())],
                user=None,
                provider=wire,
                story=story,
            )
        mark_read(user=edith_editor, story=story)
    assert queries_of_a_page() == one_story


def test_a_row_names_each_provider_once(client, edith_editor):
    wire = Provider.objects.create(name="Northwire")
    story = story_of("twice", "Copy.", provider=wire)
    ingest_files(files=[IncomingCopy("again.txt", b"Again\n\nOther copy.\n")], user=None, provider=wire, story=story)
    client.force_login(edith_editor)
    (row,) = client.get(INBOX).context["rows"]
    assert [p.name for p in row.providers] == ["Northwire"] and row.source_count == 2


class TestCountsWhileTheAnalysisWaits:
    """A story the feed just brought is analysed a few seconds later, by a task: the inbox
    says so in words, and asks for the counts again, once for the page, until they come."""

    COUNTS = reverse("stories:inbox_counts")

    def test_a_story_just_brought_says_it_is_being_analysed_and_the_page_asks_again_when_due(
        self, client, edith_editor, settings
    ):
        settings.NEWSROOM_ANALYSIS_DELAY_SECONDS = 10
        story = story_of("fresh", "Copy that just came.")
        client.force_login(edith_editor)
        html = client.get(INBOX).content.decode()
        assert f'<span id="repeats-{story.pk}" class="analysis-count analysing">' in html
        assert '<span class="hint" aria-hidden="true">analysing…</span>' in html
        assert "The story’s copy is being compared: the count follows in a few seconds." in html
        poll = html[html.index('<div id="counts-poll"') :].split(">", 1)[0]
        assert f'hx-get="{self.COUNTS}?story={story.pk}"' in poll
        assert 'hx-trigger="load delay:10s"' in poll or 'hx-trigger="load delay:11s"' in poll

    def test_the_ask_brings_the_counts_into_their_rows_and_stops_once_none_waits(self, client, edith_editor):
        story = story_of("fresh", "Copy that just came.")
        client.force_login(edith_editor)
        waiting = client.get(self.COUNTS, {"story": story.pk}).content.decode()
        assert 'id="counts-poll"' in waiting and "analysing…" in waiting  # asked again

        analyse_new_copy(story.pk)  # what the background task does
        story.refresh_from_db()
        with CaptureQueriesContext(connection) as queries:
            answer = client.get(self.COUNTS, {"story": [story.pk, "x", 999999]}).content.decode()
        assert f'<span id="repeats-{story.pk}" class="analysis-count ready" hx-swap-oob="true">' in answer
        assert f"{story.analysis.repeat_count}</span>" in answer and "analysing" not in answer
        assert 'id="counts-poll"' not in answer  # nothing waits: the page stops asking
        stories_read = [query for query in queries.captured_queries if '"stories_story"' in query["sql"]]
        assert len(stories_read) == 1 and "stories_analysis" in stories_read[0]["sql"]  # one query, no analysing

    def test_new_copy_in_an_analysed_story_shows_the_counts_so_far_as_updating(self, client, edith_editor):
        harbour_story()
        story = Story.objects.get()
        analyse_new_copy(story.pk)
        Story.objects.filter(pk=story.pk).update(analysis_due_at=timezone.now())  # as new copy marks it
        client.force_login(edith_editor)
        html = client.get(INBOX).content.decode()
        story.refresh_from_db()
        cell = f'<span id="conflicts-{story.pk}" class="analysis-count updating">{story.analysis.conflict_count} '
        assert cell + '<span class="hint" aria-hidden="true">updating…</span>' in html
        assert 'id="counts-poll"' in html

    def test_an_analysis_long_past_due_is_said_to_be_late_and_asked_for_seldom(self, client, edith_editor):
        story = story_of("stuck", "No worker runs.")
        Story.objects.filter(pk=story.pk).update(analysis_due_at=timezone.now() - timezone.timedelta(minutes=5))
        client.force_login(edith_editor)
        html = client.get(INBOX).content.decode()
        assert '<span class="hint" aria-hidden="true">delayed</span>' in html
        assert "The comparison is late: open the story to see the count now." in html
        assert 'hx-trigger="load delay:30s"' in html

    def test_a_story_with_no_analysis_on_its_way_says_opening_it_shows_the_counts(self, client, edith_editor):
        story = story_of("old", "Stored before analyses were queued.")
        Story.objects.filter(pk=story.pk).update(analysis_due_at=None)
        client.force_login(edith_editor)
        html = client.get(INBOX).content.decode()
        assert f'<span id="repeats-{story.pk}" class="analysis-count not_analysed">' in html
        assert "Not compared yet: open the story to see the count." in html
        assert 'id="counts-poll"' not in html

    def test_the_counts_are_for_the_desk_only(self, client):
        assert client.get(self.COUNTS, {"story": 1}).status_code == 302  # to the login page
