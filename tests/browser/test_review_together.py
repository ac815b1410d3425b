"""Two people on one article at the same time, each in a browser of their own: what one
saves, submits, settles or re-files never silently undoes or slips past the other.

The copy is our own: two agencies' versions of one small story that disagree on one fact
(40 or 60 residents), Northwire preferred, so the automatic draft is Northwire's but for
one passage only Meridian Press has.
"""

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect

from stories.models import Article, ArticleDraft, ArticleVersion, Provider, Story
from stories.services.compose import article_for, draft_for, save_draft
from stories.services.conflicts import settle_conflict, story_conflicts
from stories.services.draft_edits import change_draft, edit_paragraph
from stories.services.ingest import IncomingCopy, ingest_files
from tests import desk as workflow
from tests.browser.conftest import log_in
from tests.browser.test_compare import axe_violations
from tests.browser.test_desk_day import settled, shoot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DESKTOP: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}

NORTHWIRE = """Storm Tears Roof Off Eastmere Library
EASTMERE (Northwire) - A storm tore the roof off the library on Monday night, forcing 40 residents from nearby homes.
Mayor Ilse Brandvold said no one had been inside the building when the roof came down.
Crews worked through the night to cover the rare map collection with tarpaulins.
The library will stay closed until the end of the month, the council said.
"""

MERIDIAN = """Storm Rips Roof From Eastmere Library
EASTMERE (Meridian Press) - A storm ripped the roof from the library on Monday, forcing 60 residents from nearby homes.
Mayor Ilse Brandvold said nobody had been inside when the roof came down.
Volunteers carried boxes of books to the school gym across the road.
The library will stay closed until the end of the month, the council said.
"""

# Typed key by key, so every word must survive the click that follows at once.
TYPED = " Librarians counted seventeen soaked atlases, two ruined globes and one dry cat."
# How long after the last keystroke a button was clicked, kept across the click's page load.
TIMING = """
let lastKey = 0;
addEventListener("keydown", () => { lastKey = performance.now(); }, true);
addEventListener("click", (event) => {
  if (lastKey && event.target.closest("button")) sessionStorage.setItem("gap", String(performance.now() - lastKey));
}, true);
"""


@pytest.fixture
def story() -> Story:
    northwire = Provider.objects.create(name="Northwire", preferred=True)
    meridian = Provider.objects.create(name="Meridian Press")
    story = ingest_files(files=[IncomingCopy("northwire.txt", NORTHWIRE.encode())], user=None, provider=northwire).story
    assert story is not None
    ingest_files(files=[IncomingCopy("meridian.txt", MERIDIAN.encode())], user=None, provider=meridian, story=story)
    return story


@pytest.fixture
def desk(browser: Browser, live_server):
    """`desk("edith")`: a page logged in as that person, in a browser context of their own."""
    contexts = []

    def open_as(username: str) -> Page:
        context = browser.new_context(viewport=DESKTOP)
        context.add_init_script(TIMING)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        log_in(page, live_server, username)
        return page

    yield open_as
    for context in contexts:
        context.close()


def compose(page: Page, live_server, story: Story) -> Page:
    page.goto(f"{live_server.url}/stories/{story.pk}/compose/")
    settled(page)
    return page


def first_version(story: Story, by) -> Article:
    """Version 1, saved from `by`'s automatic draft, as the compose page would."""
    article = article_for(story)
    save_draft(draft=draft_for(article=article, editor=by), reason="first draft")
    return article


def save(page: Page, reason: str) -> None:
    page.get_by_label("Why this version").fill(reason)
    page.get_by_role("button", name="Save version").click()


def type_at_end(page: Page, number: int, words: str) -> str:
    """Type `words` key by key at the end of paragraph `number`; the text it should then hold."""
    box = page.locator(f"#text-{number}")
    before = box.input_value()
    box.click()
    box.press("Control+End")
    box.press_sequentially(words)
    return before + words


def click_at_once(button) -> None:
    """Click without Playwright's wait for the button to be stable: ~20 ms after the last key."""
    button.click(force=True)


def typed_to_click_ms(page: Page) -> float:
    return float(page.evaluate("sessionStorage.getItem('gap')"))


def posts(page: Page) -> list[str]:
    """The addresses of the page's POST requests from now on, as they are sent."""
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    return sent


def status(page: Page):
    return page.locator("main [role=status]")


def newest(story: Story) -> ArticleVersion:
    return ArticleVersion.objects.filter(article__story=story).latest("number")


def approved_number(story: Story) -> int | None:
    article = Article.objects.select_related("approved_version").get(story=story)
    return article.approved_version.number if article.approved_version else None


def texts(paragraphs: list[dict]) -> list[str]:
    return [paragraph["text"] for paragraph in paragraphs]


def draft_texts(story: Story, user) -> list[str]:
    return texts(ArticleDraft.objects.get(article__story=story, editor=user).paragraphs)


def shoot_both(page: Page, name: str) -> None:
    """The page at desk width and at phone width, with no serious accessibility fault
    (axe-core) and, on the phone, nothing that scrolls the page sideways."""
    assert axe_violations(page) == []
    shoot(page, f"together-{name}-1280")
    page.set_viewport_size(PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], f"{name} is wider than a phone"
    shoot(page, f"together-{name}-390")
    page.set_viewport_size(DESKTOP)


def test_an_editor_approves_only_the_version_they_read(desk, live_server, story, edith_editor, colin_copy_editor):
    article = first_version(story, colin_copy_editor)
    [conflict] = story_conflicts(story)  # settled earlier by the desk: this test is about versions
    settle_conflict(story=story, key=conflict.key, stands="a", note="police figure", by=edith_editor)
    workflow.submit(article, colin_copy_editor)
    editor = compose(desk("edith"), live_server, story)
    approve_first = editor.get_by_role("button", name="Approve version 1")
    expect(approve_first).to_be_visible()

    copy_editor = compose(desk("colin"), live_server, story)
    added = " Engineers will inspect the walls before anyone goes back in."
    copy_editor.locator("#text-3").fill(copy_editor.locator("#text-3").input_value() + added)
    save(copy_editor, "the engineers")
    expect(status(copy_editor)).to_contain_text("Saved as version 2.")
    copy_editor.get_by_role("button", name="Submit version 2 for review").click()
    expect(copy_editor.locator(".status-badge")).to_have_text("In review")

    approve_first.click()
    stale = editor.locator("section.stale")
    expect(stale).to_contain_text("you were shown version 1")
    expect(stale).to_contain_text("moved on to version 2")
    expect(stale).to_contain_text("between version 1, which you were shown, and version 2")
    inserted = " ".join(" ".join(stale.locator("ins").all_inner_texts()).split())
    assert added.strip() in inserted
    shoot_both(editor, "approval-moved-on")
    article.refresh_from_db()
    assert (article.status, approved_number(story)) == ("in_review", None)

    compose(editor, live_server, story).get_by_role("button", name="Approve version 2").click()
    expect(editor.locator(".status-badge")).to_have_text("Approved")
    article.refresh_from_db()
    assert (article.status, approved_number(story)) == ("approved", 2)


def test_words_typed_just_before_save_are_saved(desk, live_server, story, colin_copy_editor):
    page = compose(desk("colin"), live_server, story)
    page.get_by_label("Why this version").fill("first draft")
    sent = posts(page)
    expected = type_at_end(page, 2, TYPED)
    click_at_once(page.get_by_role("button", name="Save version"))
    expect(status(page)).to_contain_text("Saved as version 1.")
    assert "/compose/save/" in sent[0], f"the click was not the first request after typing: {sent}"
    assert typed_to_click_ms(page) < 500, "not clicked before the box's own timed save (500 ms)"
    assert texts(newest(story).paragraphs)[1] == expected
    assert draft_texts(story, colin_copy_editor)[1] == expected


def test_words_typed_just_before_moving_a_paragraph_move_with_it(desk, live_server, story, colin_copy_editor):
    page = compose(desk("colin"), live_server, story)
    second = page.locator("#text-2").input_value()
    sent = posts(page)
    expected = type_at_end(page, 1, TYPED)
    click_at_once(page.get_by_role("button", name="Move paragraph 1 down"))
    expect(page.locator("#text-2")).to_have_value(expected)
    expect(page.locator("#text-1")).to_have_value(second)
    settled(page)
    assert typed_to_click_ms(page) < 500, "not clicked before the box's own timed save (500 ms)"
    assert "/move/" in sent[0], f"the click was not the first request after typing: {sent}"
    assert draft_texts(story, colin_copy_editor)[:2] == [second, expected]

    save(page, "lede moved down")
    expect(status(page)).to_contain_text("Saved as version 1.")
    assert texts(newest(story).paragraphs)[:2] == [second, expected]
    assert draft_texts(story, colin_copy_editor)[:2] == [second, expected]


def test_two_people_changing_different_paragraphs_both_keep_their_change(
    desk, live_server, story, edith_editor, colin_copy_editor
):
    first_version(story, colin_copy_editor)
    editor = compose(desk("edith"), live_server, story)
    copy_editor = compose(desk("colin"), live_server, story)
    lede = "EASTMERE (Northwire) - A storm tore the roof off the town library on Monday night."
    quote = "Mayor Ilse Brandvold said the building had been empty when the roof fell in."

    editor.locator("#text-1").fill(lede)
    copy_editor.locator("#text-2").fill(quote)
    save(editor, "shorter lede")
    expect(status(editor)).to_contain_text("Saved as version 2.")
    save(copy_editor, "tighter quote")
    expect(status(copy_editor)).to_contain_text("Saved as version 3. It combines your changes with version 2 by edith")
    expect(copy_editor.locator("section.merge")).to_have_count(0)
    assert texts(newest(story).paragraphs)[:2] == [lede, quote]


def test_two_people_changing_one_paragraph_choose_together_what_it_says(
    desk, live_server, story, edith_editor, colin_copy_editor
):
    first_version(story, colin_copy_editor)
    editor = compose(desk("edith"), live_server, story)
    copy_editor = compose(desk("colin"), live_server, story)
    theirs = "A storm tore the roof off Eastmere's library on Monday night, forcing 40 residents out."
    mine = "A Monday night storm tore the roof off the town library in Eastmere, emptying nearby homes."
    written = "A Monday night storm tore the roof off Eastmere's library, forcing 40 residents from their homes."
    crews = "Crews worked all night to cover the rare map collection."
    volunteers = "Volunteers carried boxes of books to the school gym."

    editor.locator("#text-1").fill(theirs)
    editor.locator("#text-3").fill(crews)
    copy_editor.locator("#text-1").fill(mine)
    copy_editor.locator("#text-4").fill(volunteers)
    save(editor, "edith's lede")
    expect(status(editor)).to_contain_text("Saved as version 2.")
    save(copy_editor, "colin's lede")

    merge = copy_editor.locator("section.merge")
    expect(merge).to_contain_text("Paragraph 1")
    expect(merge.locator(".clash-side").nth(0)).to_contain_text(theirs)
    expect(merge.locator(".clash-side").nth(1)).to_contain_text(mine)
    shoot_both(copy_editor, "merge-prompt")
    merge.get_by_role("radio", name="Write it as it should read").check()
    merge.get_by_label("Paragraph 1 as it should read").fill(written)
    copy_editor.locator("section.merge").get_by_role("button", name="Save the merged version").click()
    expect(status(copy_editor)).to_contain_text("Saved as version 3. It combines your changes with version 2")

    version = newest(story)
    assert version.number == 3 and version.reason == "colin's lede"
    assert texts(version.paragraphs)[0] == written
    assert texts(version.paragraphs)[2:4] == [crews, volunteers]


def test_a_refiled_number_is_marked_and_taken_into_the_draft(desk, live_server, story, edith_editor, colin_copy_editor):
    first_version(story, edith_editor)
    copy_editor = compose(desk("colin"), live_server, story)
    expect(copy_editor.locator("li.draft-paragraph.refiled")).to_have_count(0)
    northwire = Provider.objects.get(name="Northwire")
    refiled = NORTHWIRE.replace("40 residents", "45 residents").encode()
    ingest_files(files=[IncomingCopy("northwire.txt", refiled)], user=None, provider=northwire, story=story)

    compose(copy_editor, live_server, story)
    marked = copy_editor.locator("li.draft-paragraph.refiled")
    expect(marked).to_have_count(1)
    expect(marked).to_have_id("paragraph-1")
    expect(marked.locator("div.refile")).to_contain_text("Re-filed: Northwire")
    expect(marked.locator("div.refile")).to_contain_text("version 1 → 2")
    expect(marked.locator("div.refile del")).to_contain_text("40")
    expect(marked.locator("div.refile ins")).to_contain_text("45")
    shoot_both(copy_editor, "refiled-paragraph")

    marked.get_by_role("button", name="Take the new wording", exact=True).click()
    expect(copy_editor.locator("#text-1")).to_have_value(NORTHWIRE.splitlines()[1].replace("40 ", "45 "))
    expect(copy_editor.locator("li.draft-paragraph.refiled")).to_have_count(0)
    settled(copy_editor)
    assert "45 residents" in draft_texts(story, colin_copy_editor)[0]


def test_approval_waits_until_the_conflict_the_version_states_is_settled(
    desk, live_server, story, settings, edith_editor, colin_copy_editor
):
    settings.NEWSROOM_ALLOW_SELF_APPROVAL = True  # the editor approves the version her settling made
    workflow.submit(first_version(story, colin_copy_editor), colin_copy_editor)
    editor = compose(desk("edith"), live_server, story)
    expect(editor.locator("#review .blockers")).to_contain_text("“40 residents” / “60 residents”")

    editor.get_by_role("button", name="Approve version 1").click()
    expect(status(editor)).to_contain_text("Not approved: settle the conflicting facts version 1 touches first")
    expect(status(editor)).to_contain_text("“40 residents” / “60 residents”")
    conflicts = editor.locator(".draft-conflicts")
    expect(conflicts.locator("li.draft-conflict[data-open=true]")).to_have_count(1)
    shoot_both(editor, "approval-waits-for-conflict")
    assert Article.objects.get(story=story).status == "in_review"

    conflicts.get_by_role("button", name="“60 residents” stands").click()
    expect(conflicts).to_contain_text("Settled: “60 residents” stands · edith")
    expect(editor.locator("#text-1")).to_have_value(NORTHWIRE.splitlines()[1].replace("40 residents", "60 residents"))
    settled(editor)
    editor.goto(f"{live_server.url}/stories/{story.pk}/")
    expect(editor.locator("section.history")).to_contain_text(
        "Settled “40 residents” / “60 residents”: “60 residents” stands"
    )

    compose(editor, live_server, story)
    save(editor, "60 residents, as settled")
    editor.get_by_role("button", name="Submit version 2 for review").click()
    expect(editor.locator("#review .blockers")).to_have_count(0)
    editor.get_by_role("button", name="Approve version 2").click()
    expect(editor.locator(".status-badge")).to_have_text("Approved")
    assert approved_number(story) == 2
    assert "60 residents" in newest(story).body and "40 residents" not in newest(story).body


def test_with_the_setting_approval_does_not_wait_for_conflicts(
    desk, live_server, story, settings, edith_editor, colin_copy_editor
):
    settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
    workflow.submit(first_version(story, colin_copy_editor), colin_copy_editor)
    editor = compose(desk("edith"), live_server, story)
    expect(editor.locator("#review .blockers")).to_have_count(0)
    editor.get_by_role("button", name="Approve version 1").click()
    expect(editor.locator(".status-badge")).to_have_text("Approved")
    assert approved_number(story) == 1


def test_a_conflict_chosen_in_the_version_diff_swaps_only_the_comparison(
    desk, live_server, story, edith_editor, colin_copy_editor
):
    first_version(story, colin_copy_editor)
    draft = draft_for(article=article_for(story), editor=colin_copy_editor)
    lede = draft.paragraphs[0]
    recount = lede["text"].replace("40 residents", "60 residents")
    change_draft(draft, change=lambda locked: edit_paragraph(locked, lede["id"], recount))
    save_draft(draft=draft, reason="Meridian's count")

    page = desk("edith")
    page.goto(f"{live_server.url}/stories/{story.pk}/versions/compare/?a=1&b=2")
    expect(page.locator("[data-marked]")).to_have_count(0)
    link = page.locator("aside.facts a", has_text="40 residents")
    passages = link.get_attribute("data-passages").split()
    link.click()
    expect(page.locator("aside.facts a[aria-current=true]")).to_contain_text("60 residents")
    settled(page)
    expect(page.locator("header.site-header")).to_have_count(1)
    expect(page.locator("#comparison")).to_have_count(1)
    expect(page.locator("#comparison #comparison")).to_have_count(0)
    for passage in passages:
        expect(page.locator(f"#{passage}")).to_have_attribute("data-marked", "")
    assert "conflict=" in page.url
