"""Issue 12's points that no other browser test covers, in Chromium as the desk meets them:
sources of one provider told apart on every page, a rewritten paragraph read side by side,
the fifth source left out in words, the compare page's state kept by every control, the
first draft and the passages on offer in compose, where an upload leads, the lists that
name a provider once, and what a reader gets after a correction and a withdrawal.

The copy is our own: tests/views/copy.py's harbour fire, and the stories below.
"""

import re
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.management import call_command
from playwright.sync_api import Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from stories.models import Article, Provider, Source, SourceVersion, Story
from stories.public.ninjs import timestamp
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.ingest import IncomingCopy, ingest_files
from tests import desk as workflow
from tests.browser.conftest import log_in
from tests.browser.test_desk_day import settled, shoot
from tests.views.copy import HARBOUR_A, HARBOUR_C, harbour_story

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NORTHWIRE, MERIDIAN = "Unattributed · northwire", "Unattributed · meridian"  # harbour_story's two items

# A ferry strike told by two agencies: the opening lightly edited, the union's demands retold.
FERRY_TIDEWATER = """Ferry Strike Halts Crossings to Skarholm
SKARHOLM (Tidewater Press) - Ferry crews walked off the job at dawn on Friday, halting every crossing between the \
mainland and Skarholm island.
The union said its members wanted a pay rise of 6 percent and an end to split shifts.
Island shops reported bread and milk running low by the afternoon.
The ferry company said talks would resume on Monday.
"""
FERRY_LIGHTHOUSE = """Skarholm Cut Off as Ferry Crews Strike
SKARHOLM (Lighthouse Wire) - Ferry crews walked off the job at dawn on Friday, halting all crossings between the \
mainland and Skarholm island.
Demanding a 6 percent raise and no more split shifts, union members left the vessels tied up at the quay while \
commuters waited in the rain.
Island shops reported bread and milk running low by the afternoon.
The ferry company said talks would resume on Monday.
"""

# A burst water main: the agencies spell the engineer's name two ways and count the stalls
# differently, and Meridian ends by saying again what the repairs cost.
MAIN_NORTHWIRE = """Water Main Bursts Under Eastbay Market
EASTBAY (Northwire) - A water main burst under the covered market on Thursday morning, flooding 30 stalls.
City engineer Margit Løvaas said the cast-iron pipe had been laid in 1962.
Repairs will cost 2.5 million crowns and take three weeks, the city said.
"""
MAIN_MERIDIAN = """Burst Main Floods Eastbay Market
EASTBAY (Meridian Press) - A water main burst under the covered market on Thursday morning, flooding 32 stalls.
City engineer Margit Lovaas said the cast-iron pipe had been laid in 1962.
Repairs will cost 2.5 million crowns and take three weeks, the city said.
Traders asked the council for help with the stock they lost.
The city said repairs would cost 2.5 million crowns and take three weeks.
"""
SAID_AGAIN = "The city said repairs would cost 2.5 million crowns and take three weeks."
TRADERS = "Traders asked the council for help with the stock they lost."

# A lighthouse built in 1798, told twice, and a story of its own to upload beside it.
LIGHT_FIRST = """Skerry Point Lighthouse Shines Again
SKERRY POINT - The lighthouse built in 1798 on Skerry Point shone again on Saturday after a restoration that cost \
3,100,000 crowns.
Keeper Torvald Engebretsen-Holm said the old lens had been cleaned by hand.
"""
LIGHT_RETOLD = """Lighthouse From 1798 Relit at Skerry Point
The Skerry Point lighthouse, built in 1798, was relit on Saturday; the restoration cost 3,100,000 crowns.
The old lens was cleaned by hand, keeper Torvald Engebretsen-Holm said.
"""
LIGHT_UPDATE = """Skerry Point Light Draws Crowds
Hundreds of visitors climbed to the Skerry Point lighthouse on Sunday to see the restored lamp.
"""
CHOIR = """Eastbay Choir Wins National Title
The Eastbay youth choir won the national title in Lindholm on Saturday, its first in twenty years.
"""


@pytest.fixture
def desk(browser, live_server):
    """`desk("edith")`: a page at desk width logged in as that person, closed after the test
    (so that no page of it is still polling when the next test begins)."""
    contexts = []

    def open_as(username: str) -> Page:
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, live_server, username)
        return page

    yield open_as
    for context in contexts:
        context.close()


def whole(pattern: str) -> re.Pattern:
    """An element's whole text, the template's spaces around it aside."""
    return re.compile(rf"^\s*{pattern}\s*$")


def url_state(page: Page) -> dict[str, str]:
    """What the compare page's URL holds, but the sources ticked."""
    return {name: value for name, [value, *_] in parse_qs(urlsplit(page.url).query).items() if name != "sources"}


def expect_url_state(page: Page, expected: dict[str, str]) -> None:
    """Wait until htmx has pushed the URL holding `expected` (and nothing else but the
    sources), then say what it holds if it never did."""
    try:
        page.wait_for_function(
            """expected => {
                const query = new URLSearchParams(location.search);
                query.delete("sources");
                return JSON.stringify([...query].sort()) === JSON.stringify(expected);
            }""",
            arg=sorted([name, value] for name, value in expected.items()),
        )
    except PlaywrightTimeoutError:
        pass
    assert url_state(page) == expected


def story_of(*items: tuple[str, str, str]) -> Story:
    """One story of these (provider, file name, copy) items, in this order."""
    story = None
    for provider_name, name, copy in items:
        provider = Provider.objects.get_or_create(name=provider_name)[0]
        story = ingest_files(files=[IncomingCopy(name, copy.encode())], user=None, provider=provider, story=story).story
    assert story is not None
    return story


def compare(page: Page, live_server, story: Story) -> None:
    page.goto(f"{live_server.url}/stories/{story.pk}/compare/")  # its load event: htmx is a deferred script


def compose(page: Page, live_server, story: Story) -> None:
    page.goto(f"{live_server.url}/stories/{story.pk}/compose/")
    page.wait_for_url(re.compile(r"/compose/$"))
    settled(page)


def heads(page: Page) -> list[str]:
    return page.locator("table.grid thead th.source-head .provider").all_inner_texts()


def upload(page: Page, live_server, files: list[tuple[str, str]], *, provider: str = "", story: str = "") -> None:
    """Upload (name, copy) files through the admin's upload page, with a provider or a story chosen."""
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    page.get_by_label("Wire files").set_input_files(
        [{"name": name, "mimeType": "text/plain", "buffer": copy.encode()} for name, copy in files]
    )
    if provider:
        page.get_by_label("Provider").select_option(label=provider)
    if story:
        page.get_by_label(re.compile(r"^Story")).select_option(label=story)
    page.get_by_role("button", name="Upload").click()


def test_two_sources_of_one_provider_have_one_distinct_name_on_every_page(desk, live_server, edith_editor):
    """Two unattributed uploads once read "Unattributed ¶6 vs Unattributed ¶6" and compose
    offered "Take Unattributed ¶5" twice."""
    story = harbour_story()
    page = desk("edith")

    compare(page, live_server, story)
    assert heads(page) == [NORTHWIRE, MERIDIAN]
    name_conflict = page.locator(".facts .conflict-list a", has_text="Søren Holmgaard")
    expect(name_conflict.locator(".value").nth(0)).to_have_text(whole(rf"“?Søren Holmgaard”? {NORTHWIRE} ¶\d+"))
    expect(name_conflict.locator(".value").nth(1)).to_have_text(whole(rf"“?Soren Holmgaard”? {MERIDIAN} ¶\d+"))
    expect(page.locator("#comparison")).not_to_contain_text("Unattributed ¶")
    shoot(page, "desk-points-labels-compare")

    compose(page, live_server, story)
    holmgaard = page.locator(".draft-paragraph").filter(has=page.locator("textarea", has_text="Holmgaard"))
    expect(holmgaard.locator(".provenance")).to_have_text(whole(rf"From {NORTHWIRE} ¶\d+"))
    holmgaard.locator("summary", has_text="Take another passage").click()
    expect(holmgaard.get_by_role("button", name=re.compile(rf"^Take {MERIDIAN} ¶\d+$"))).to_have_count(1)
    conflicts = page.locator(".draft-conflicts")
    expect(conflicts.locator(".draft-conflict", has_text="Søren Holmgaard")).to_contain_text(NORTHWIRE)
    expect(conflicts.locator(".draft-conflict", has_text="Søren Holmgaard")).to_contain_text(MERIDIAN)
    expect(page.locator("#composer")).not_to_contain_text("Unattributed ¶")
    shoot(page, "desk-points-labels-compose")

    page.goto(f"{live_server.url}/stories/{story.pk}/")
    history = page.locator("section.history")
    expect(history).to_contain_text(f"as {NORTHWIRE} v1")
    expect(history).to_contain_text(f"as {MERIDIAN} v1")


def test_a_rewritten_paragraph_reads_side_by_side_and_a_light_edit_keeps_its_word_marks(
    desk, live_server, edith_editor
):
    story = story_of(
        ("Tidewater Press", "tidewater.txt", FERRY_TIDEWATER), ("Lighthouse Wire", "lw.txt", FERRY_LIGHTHOUSE)
    )
    page = desk("edith")
    page.set_viewport_size({"width": 1440, "height": 900})
    compare(page, live_server, story)

    demands = page.locator("table.grid tbody tr").filter(has_text="split shifts")
    rewritten = demands.locator(".passage")
    expect(rewritten).to_have_count(2)
    for n in range(2):
        passage = rewritten.nth(n)
        expect(passage).to_have_attribute("data-status", "changed")
        expect(passage.locator(".badge")).to_have_text("Rewritten")
        expect(passage.locator("ins, del")).to_have_count(0)
        shared = " ".join(passage.locator(".shared").all_inner_texts())
        assert {"union", "split", "shifts", "percent"} <= set(shared.split()), shared
        words = passage.locator(".passage-text").inner_text().split()
        assert len(shared.split()) <= 0.8 * len(words), "no wall: most of the passage reads unmarked"
    left, right = rewritten.nth(0).bounding_box(), rewritten.nth(1).bounding_box()
    assert right["x"] >= left["x"] + left["width"] and abs(right["y"] - left["y"]) < 2, "side by side"

    opening = page.locator("table.grid tbody tr").filter(has_text="walked off the job").locator(".passage")
    expect(opening.locator(".badge")).to_have_text(["Changed", "Changed"])
    expect(opening.nth(0).locator("del")).to_have_text(["Tidewater Press", "every crossing"])
    expect(opening.nth(1).locator("ins")).to_have_text(["Lighthouse Wire", "all crossings"])
    expect(opening.locator(".shared")).to_have_count(0)
    shoot(page, "desk-points-rewritten-row")


def test_five_sources_ticked_show_four_and_say_which_is_left_out(desk, live_server, edith_editor):
    extra = [
        (f"wire{n}.txt", HARBOUR_A.replace("Northwire", f"Wire {n}").replace("12 people", f"1{n} people"))
        for n in (3, 4)
    ]
    story = harbour_story(extra=[("coastal.txt", HARBOUR_C), *extra])
    page = desk("edith")
    compare(page, live_server, story)
    note = page.locator("p.left-out")
    expect(note).to_have_text(
        "Showing 4 of 5 sources: at most 4 fit side by side. Not shown: Unattributed · northwire. "
        "Tick the sources to compare above."
    )
    assert NORTHWIRE not in heads(page)

    page.get_by_label("Unattributed northwire").check()  # five ticked
    expect(page.locator("#comparison [role=alert]")).to_contain_text(
        "Choose 2 to 4 sources to compare; you chose 5. Showing the default choice."
    )
    expect(note).to_contain_text("Not shown: Unattributed · northwire.")
    expect(page.locator("table.grid thead th.source-head")).to_have_count(4)

    page.get_by_label("Unattributed coastal").uncheck()
    expect(note).to_contain_text("Not shown: Unattributed · northwire, Unattributed · coastal.")
    page.get_by_label("Unattributed northwire").check()
    expect(note).to_contain_text("Not shown: Unattributed · coastal.")
    assert heads(page) == [NORTHWIRE, MERIDIAN, "Unattributed · wire3", "Unattributed · wire4"]
    shoot(page, "desk-points-four-of-five")


def test_the_chosen_conflict_repeats_and_only_differences_survive_every_other_control(desk, live_server, edith_editor):
    """Ticking "Show repeats" once dropped the chosen conflict from the URL."""
    story = harbour_story(extra=[("coastal.txt", HARBOUR_C)])
    page = desk("edith")
    compare(page, live_server, story)
    chosen = page.locator(".conflict.chosen")
    marked = page.locator(".passage[data-marked]")

    page.locator(".facts .conflict-list a", has_text="38 million kroner").click()
    expect(chosen).to_have_count(1)
    expect(page).to_have_url(re.compile(r"[?&]conflict="))
    key = re.search(r"conflict=([\w-]+)", page.url).group(1)
    marks = marked.count()
    assert marks >= 2

    page.get_by_label("Show repeats").check()
    expect(page.locator('.passage[data-status="repeat"] .passage-text').first).to_be_visible()
    expect_url_state(page, {"conflict": key, "repeats": "on"})
    expect(marked).to_have_count(marks)

    page.get_by_label("Only differences").check()
    expect(page.locator("tr.fold").first).to_be_visible()
    expect_url_state(page, {"conflict": key, "repeats": "on", "only": "on"})
    expect(chosen).to_have_count(1)

    page.get_by_label("Unattributed coastal").uncheck()
    expect(page.locator("table.grid thead th.source-head")).to_have_count(2)
    expect_url_state(page, {"conflict": key, "repeats": "on", "only": "on"})
    expect(chosen).to_contain_text("38 million kroner")
    shoot(page, "desk-points-state-kept")

    page.locator("tr.fold a").first.click()
    expect(page.locator("tr.fold")).to_have_count(0)
    expect_url_state(page, {"conflict": key, "repeats": "on"})
    page.reload()
    expect(chosen).to_contain_text("38 million kroner")
    expect(page.get_by_label("Show repeats")).to_be_checked()
    expect(page.locator("table.grid thead th.source-head")).to_have_count(2)


def test_the_first_draft_states_each_fact_once_and_offers_only_real_alternatives(desk, live_server, edith_editor):
    """The first draft once mixed the agencies' spellings of one name and stated one fact
    twice; "Take another passage" offered a row's only passage again, and the one in place
    unmarked."""
    story = story_of(("Northwire", "main.txt", MAIN_NORTHWIRE), ("Meridian Press", "main.xml", MAIN_MERIDIAN))
    page = desk("edith")
    compose(page, live_server, story)
    boxes = page.locator(".draft-paragraph textarea")
    draft = "\n".join(boxes.nth(n).input_value() for n in range(boxes.count()))
    assert draft.count("2.5 million crowns") == 1, draft
    assert "Løvaas" in draft and "Lovaas" not in draft, "one spelling of the engineer's name"
    assert "30 stalls" in draft and "32 stalls" not in draft, "one count of the stalls"
    assert TRADERS in draft, "what only Meridian says is in the draft"
    expect(page.get_by_label("Dateline")).to_have_value("EASTBAY")
    expect(page.get_by_label("Credit line")).to_have_value("Northwire, Meridian Press")
    expect(page.locator("#preview")).not_to_contain_text(SAID_AGAIN)

    left_out = page.locator(".left-out-passages")
    left_out.locator("summary").click()
    said_again = left_out.locator("li", has_text=SAID_AGAIN)
    expect(said_again).to_contain_text("What it says, the draft says already.")
    expect(said_again.get_by_role("button")).to_have_text(whole(r"Bring back Meridian Press ¶\d+"))
    shoot(page, "desk-points-first-draft")

    def paragraph(words: str):
        return page.locator(".draft-paragraph").filter(has=page.locator("textarea", has_text=words))

    traders = paragraph("Traders asked")
    expect(traders.locator(".provenance")).to_have_text(whole(r"From Meridian Press ¶\d+"))
    expect(traders.locator("details.alternatives")).to_have_count(0)  # a row only one source has

    engineer = paragraph("City engineer")
    engineer.locator("summary", has_text="Take another passage").click()
    expect(engineer.locator("details.alternatives li")).to_have_count(3)
    expect(engineer.locator(".in-place-label")).to_have_text(whole(r"In place: Northwire ¶\d+"))
    expect(engineer.get_by_role("button", name=re.compile("^Take "))).to_have_text(
        [whole(r"Take Meridian Press ¶\d+"), whole("Take All of them, one after another")]
    )
    shoot(page, "desk-points-alternatives")

    engineer.get_by_role("button", name=re.compile(r"^Take Meridian Press")).click()
    engineer = paragraph("Margit Lovaas")
    expect(engineer.locator(".provenance")).to_have_text(whole(r"From Meridian Press ¶\d+"))
    engineer.locator("summary", has_text="Take another passage").click()
    expect(engineer.locator(".in-place-label")).to_have_text(whole(r"In place: Meridian Press ¶\d+"))
    expect(engineer.get_by_role("button", name=re.compile(r"^Take Northwire ¶\d+$"))).to_have_count(1)


def test_an_upload_lands_where_its_copy_is_read_with_each_files_outcome(desk, live_server, alice_admin):
    """Once the admin landed on the Django admin's "Change story" page; the provider list
    named Unattributed twice, the grouping reason printed "1,798" and "Engebretsenholm", and
    the inbox named a provider again when its sources were not neighbours."""
    Provider.objects.create(name="Lighthouse Wire")
    page = desk("alice")

    upload(page, live_server, [("skerry.txt", LIGHT_FIRST), ("choir.txt", CHOIR)])
    page.wait_for_url(f"{live_server.url}/")  # two stories: the inbox
    outcomes = page.locator(".messages .message-success")
    expect(outcomes).to_have_count(2)
    expect(outcomes.filter(has_text="skerry.txt: stored as new source")).to_have_count(1)
    expect(outcomes.filter(has_text="choir.txt: stored as new source")).to_have_count(1)

    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    providers = page.get_by_label("Provider").locator("option").all_inner_texts()
    assert [name for name in providers if "Unattributed" in name] == ["The one the copy names, else Unattributed"]

    upload(page, live_server, [("skerry-retold.txt", LIGHT_RETOLD)], provider="Lighthouse Wire")
    story = Source.objects.get(item_id="skerry").story
    page.wait_for_url(f"{live_server.url}/stories/{story.pk}/compare/")  # one story: its compare page
    outcome = page.locator(".messages .message-success")
    expect(outcome).to_contain_text("skerry-retold.txt: stored as new source (Lighthouse Wire, skerry-retold)")
    expect(outcome).to_contain_text("Grouped by similarity")
    expect(outcome).to_contain_text("1798")
    expect(outcome).not_to_contain_text("1,798")
    expect(page.locator("table.grid thead th.source-head")).to_have_count(2)
    shoot(page, "desk-points-upload-landed")

    page.goto(f"{live_server.url}/stories/{story.pk}/")
    note = page.locator(".grouping-note")
    expect(note).to_have_count(1)
    expect(note).to_contain_text("1798")
    expect(note).not_to_contain_text("1,798")
    expect(note).to_contain_text("Engebretsen-Holm")  # a name as the copy writes it, not "Engebretsenholm"

    upload(page, live_server, [("skerry-crowds.txt", LIGHT_UPDATE)], story=story.headline)
    page.wait_for_url(f"{live_server.url}/stories/{story.pk}/compare/")
    page.goto(f"{live_server.url}/")
    row = page.locator("table.stories tbody tr", has_text=story.headline)
    expect(row.locator('td[data-label="Sources"]')).to_have_text("3")
    expect(row.locator('td[data-label="Providers"]')).to_have_text(whole("Unattributed, Lighthouse Wire"))
    filter_names = page.get_by_label("Provider").locator("option").all_inner_texts()
    assert filter_names.count("Unattributed") == 1
    shoot(page, "desk-points-inbox-providers")

    choir = Source.objects.get(item_id="choir").story
    page.goto(f"{live_server.url}/stories/{choir.pk}/")
    offered = page.get_by_label("Merge this story into").locator("option").all_inner_texts()
    assert any(
        re.fullmatch(rf"#{story.pk} · {story.headline} — Unattributed, Lighthouse Wire · newest copy .+", choice)
        for choice in offered
    ), offered


def test_a_queued_upload_links_each_files_story_and_too_many_files_are_refused_with_the_limit(
    desk, live_server, alice_admin, settings
):
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 2
    page = desk("alice")
    upload(page, live_server, [("skerry.txt", LIGHT_FIRST), ("choir.txt", CHOIR), ("crowds.txt", LIGHT_UPDATE)])
    page.wait_for_url(re.compile(r"/upload/batch/\d+/$"))
    expect(page.get_by_role("heading", name="Queued")).to_be_visible()
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    expect(page.get_by_role("heading", name="Done")).to_be_visible()  # the page polls every second

    # The stories the copy is in now: grouping may have regrouped its own stories after each file.
    stories = Story.objects.filter(merged_into__isnull=True).order_by("pk")
    assert stories.count() >= 2
    expect(page.locator(".batch-stories a")).to_have_count(stories.count())
    for name in ("skerry.txt", "choir.txt", "crowds.txt"):
        story = SourceVersion.objects.get(original_name=name).source.story
        link = page.get_by_role("link", name=f"Compare the story of {name}")
        expect(link).to_have_attribute("href", f"/stories/{story.pk}/compare/")
    shoot(page, "desk-points-batch-links")
    page.get_by_role("link", name="Compare the story of choir.txt").click()
    expect(page.locator("h1")).to_have_text("Eastbay Choir Wins National Title")

    settings.NEWSROOM_MAX_FILES_PER_UPLOAD = settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    expect(page.locator("#id_files_helptext")).to_contain_text("At most 3 files at once")
    stored = SourceVersion.objects.count()
    four = [(f"item{n}.txt", f"Item {n}\n\nCopy number {n} of four.\n") for n in range(4)]
    with page.expect_response(lambda response: response.request.method == "POST") as answer:
        upload(page, live_server, four)
    assert answer.value.status == 400
    expect(page.get_by_role("heading", level=1)).to_have_text("Too many files in one upload")
    expect(page.get_by_role("alert")).to_have_text(
        "An upload takes at most 3 files at once, and this one had more: nothing was taken in."
    )
    shoot(page, "desk-points-too-many-files")
    page.get_by_role("link", name="Back to the upload page").click()
    expect(page.get_by_label("Wire files")).to_be_visible()
    assert SourceVersion.objects.count() == stored


def test_a_reader_gets_the_articles_lines_its_correction_and_its_withdrawal(
    browser, live_server, edith_editor, settings
):
    """The page and ninjs once carried no byline, dateline or credit; a correction hid when
    the article was first published; a withdrawn article vanished from the feed."""
    settings.NEWSROOM_ALLOW_SELF_APPROVAL = settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
    story = story_of(
        ("Tidewater Press", "tidewater.txt", FERRY_TIDEWATER), ("Lighthouse Wire", "lw.txt", FERRY_LIGHTHOUSE)
    )
    article = article_for(story)
    draft = draft_for(article=article, editor=edith_editor)
    draft.credits = {
        **draft.credits,  # the dateline its opening gives, SKARHOLM
        "dek": "Island shops run short as crews walk out",
        "byline": "By Ines Varga",
        "credit": "Tidewater Press, Lighthouse Wire",  # proposed: Tidewater Press, the one the draft takes from
    }
    draft.save()
    save_draft(draft=draft, reason="first version")
    workflow.publish(workflow.approve(workflow.submit(article, edith_editor), edith_editor), edith_editor)
    an_hour_ago = Article.objects.get(pk=article.pk).first_published_at - timedelta(hours=1)
    Article.objects.filter(pk=article.pk).update(first_published_at=an_hour_ago, published_at=an_hour_ago)
    draft = draft_for(article=article, editor=edith_editor)
    draft.headline = "Ferry Strike Cuts Off Skarholm"
    draft.save()
    save_draft(draft=draft, reason="headline", correction_note="An earlier headline said crossings were halted.")
    workflow.publish(workflow.approve(workflow.submit(article, edith_editor), edith_editor), edith_editor)

    reader = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    reader.goto(f"{live_server.url}/news/{article.pk}/")
    story_page = reader.locator("article.story")
    expect(story_page.locator("h1")).to_have_text("Ferry Strike Cuts Off Skarholm")
    expect(story_page.locator(".dek")).to_have_text("Island shops run short as crews walk out")
    expect(story_page.locator(".byline")).to_have_text("By Ines Varga")
    expect(story_page.locator(".dateline-place")).to_have_text("SKARHOLM")
    expect(story_page.locator(".credit-line")).to_have_text("Tidewater Press, Lighthouse Wire")
    expect(story_page.locator("p.dateline")).to_have_text(whole(r"Published .+\s+· Corrected .+"))
    expect(story_page.locator("aside.correction")).to_contain_text("An earlier headline said crossings were halted.")
    shoot(reader, "desk-points-public-article")
    item = reader.request.get(f"{live_server.url}/news/{article.pk}.json").json()
    assert (item["by"], item["located"]) == ("By Ines Varga", "SKARHOLM")
    assert [source["name"] for source in item["infosources"]] == ["Tidewater Press", "Lighthouse Wire"]
    assert item["firstcreated"] == timestamp(an_hour_ago) < item["versioncreated"], "both publications are kept"

    workflow.withdraw(Article.objects.get(pk=article.pk), edith_editor, "The strike was called off before dawn.")
    response = reader.goto(f"{live_server.url}/news/{article.pk}/")
    assert response.status == 410
    expect(reader.locator("h1")).to_have_text("Article withdrawn")
    expect(reader.locator(".withdrawn-notice")).to_contain_text("The strike was called off before dawn.")
    gone = reader.request.get(f"{live_server.url}/news/{article.pk}.json")
    assert (gone.status, gone.json()["pubstatus"]) == (410, "canceled")
    feed = reader.request.get(f"{live_server.url}/news/feed/").text()
    assert "<title>Withdrawn: Ferry Strike Cuts Off Skarholm</title>" in feed
    reader.context.close()
