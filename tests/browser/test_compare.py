"""In a real Chromium: an editor compares the two sample rewrites side by side.

The samples go in as a desk's admin would put them in, through the admin's upload page;
the editor then reaches the compare page from the inbox. Each test checks one promise of
the page: repeats labelled and collapsed, the conflicting facts, the keys, wire copy never
run as markup, the page without JavaScript, the narrow layout, and axe-core's verdict.
"""

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
REPEATS_PER_SOURCE = 5  # each sample prints its headline twice and its last four body paragraphs again
HOSTILE_COPY = (
    "Pier fire closes the harbour road for a second day\n"
    "Firefighters damped down the old fish market on Tuesday <script>window.pwned=1</script> all day.\n"
    'The council said 40 stalls were lost. <img src=x onerror="window.pwned=2"> Traders met the mayor.\n'
)


def sample_headline(path: Path) -> str:
    """The sample's headline, read from the file (its second line, bold markers removed)."""
    return path.read_text(encoding="utf-8").splitlines()[1].strip("*")


def upload(page: Page, live_server, paths, story: str | None = None) -> None:
    """Upload files through the admin's upload page, into `story` (its headline) or a new one."""
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    page.get_by_label("Wire files").set_input_files([str(path) for path in paths])
    if story:
        page.get_by_label(re.compile(r"^Story")).select_option(label=story)
    page.get_by_role("button", name="Upload").click()
    for path in paths:
        expect(page.locator(".messages")).to_contain_text(f"{path.name}: stored as new source")


def open_story_from_inbox(page: Page, live_server) -> str:
    page.goto(f"{live_server.url}/")
    page.locator("table.stories a").first.click()
    # wait_for_url waits for the load event too: the keys and htmx are deferred scripts,
    # and a key pressed or a box ticked before they run would do nothing.
    page.wait_for_url(re.compile(r"/stories/\d+/compare/$"))
    return page.url


@pytest.fixture
def compare_url(page: Page, live_server, alice_admin, edith_editor, sample_files) -> str:
    """The samples uploaded by the admin; the editor logged in; the story's compare page's URL."""
    log_in(page, live_server, "alice")
    upload(page, live_server, sample_files)
    page.context.clear_cookies()
    log_in(page, live_server, "edith")
    return open_story_from_inbox(page, live_server)


def url_with(name: str, value: str) -> re.Pattern:
    """A compare page URL whose query string holds `name=value` as a parameter of its own."""
    return re.compile(rf"/compare/\?(?:[^?#]*&)?{re.escape(name)}={re.escape(value)}(?:[&#]|$)")


def query(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def conflict_key(link) -> str:
    """The key a conflict link puts in the URL (conflict=KEY)."""
    return re.search(r"conflict=([0-9a-f-]+)", link.get_attribute("href")).group(1)


def repeats_of(page: Page, column: int):
    """The repeat passages in the `column`th source (1-based) of the grid."""
    return page.locator(f'table.grid tbody td:nth-of-type({column}) .passage[data-status="repeat"]')


def headline_repeat(page: Page, column: int):
    """The repeat of the headline in the `column`th source: its meta line names its kind."""
    return repeats_of(page, column).filter(has=page.locator(".passage-meta .hint", has_text="· headline"))


def axe_violations(page: Page, impacts=("serious", "critical")) -> list[str]:
    """axe-core's violations of these impacts in the page as it is now, one line each."""
    assert AXE.exists(), f"axe-core is missing at {AXE}: run `npm ci` (make test does)"
    # Evaluated by the test tool, not as an inline <script>: the page's Content-Security-Policy
    # (rightly) refuses that.
    page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} at "
        + "; ".join(" ".join(node["target"]) for node in violation["nodes"])
        for violation in result["violations"]
        if violation["impact"] in impacts
    ]


def test_it_opens_the_compare_page_from_the_inbox(page, live_server, compare_url, screenshot):
    page.goto(f"{live_server.url}/")
    expect(page.locator("table.stories tbody tr")).to_have_count(1)
    screenshot("inbox")
    page.locator("table.stories a").first.click()
    expect(page).to_have_url(compare_url)
    expect(page.locator("table.grid thead th.source-head")).to_have_count(2)
    expect(page.locator("table.grid tbody tr")).not_to_have_count(0)
    screenshot("compare")


def test_it_labels_the_repeats_and_collapses_them(page, compare_url, sample_files):
    expect(page.locator('.passage[data-status="repeat"]')).to_have_count(2 * REPEATS_PER_SOURCE)
    for column in (1, 2):
        repeats = repeats_of(page, column)
        expect(repeats).to_have_count(REPEATS_PER_SOURCE)
        for n in range(REPEATS_PER_SOURCE):
            expect(repeats.nth(n).locator(".badge")).to_have_text(re.compile(r"^Repeat of ¶\d+$"))
        expect(headline_repeat(page, column).locator(".badge")).to_have_text("Repeat of ¶2")
    expect(page.locator('.passage[data-status="repeat"] .passage-text')).to_have_count(0)
    expect(headline_repeat(page, 1)).not_to_contain_text(sample_headline(sample_files[0]))
    expect(page.get_by_label("Show repeats")).not_to_be_checked()


def test_it_shows_the_repeats_when_ticked_and_keeps_them_shown_on_reload(page, compare_url, sample_files):
    page.get_by_label("Show repeats").check()
    expect(page).to_have_url(url_with("repeats", "on"))
    repeat_texts = page.locator('.passage[data-status="repeat"] .passage-text')
    expect(repeat_texts).to_have_count(2 * REPEATS_PER_SOURCE)
    expect(headline_repeat(page, 1)).to_contain_text(sample_headline(sample_files[0]))
    expect(headline_repeat(page, 2)).to_contain_text(sample_headline(sample_files[1]))

    page.reload()
    expect(page.get_by_label("Show repeats")).to_be_checked()
    expect(repeat_texts).to_have_count(2 * REPEATS_PER_SOURCE)


def test_it_shows_the_repeats_from_the_link_in_a_collapsed_repeat(page, compare_url):
    headline_repeat(page, 1).get_by_role("link", name="Show repeats").click()
    expect(page).to_have_url(url_with("repeats", "on"))
    expect(page.locator('.passage[data-status="repeat"] .passage-text')).to_have_count(2 * REPEATS_PER_SOURCE)


def test_it_lists_the_spelling_conflict_and_marks_both_passages_when_chosen(page, compare_url, screenshot):
    link = page.locator(".facts .conflict-list a", has_text="Nicolás")
    expect(link).to_have_count(1)
    expect(link).to_contain_text("Nicolas Maduro")
    passages = link.get_attribute("data-passages").split()
    number = conflict_key(link)
    assert len(passages) == 2

    link.click()
    expect(page).to_have_url(url_with("conflict", number))
    expect(page.locator(".passage[data-marked]")).to_have_count(2)
    for passage_id in passages:
        expect(page.locator(f"#{passage_id}")).to_have_attribute("data-marked", "")
    expect(page.locator(".conflict.chosen a")).to_contain_text("Nicolás")
    screenshot("compare-conflict-chosen")


def test_it_walks_the_differences_with_j_and_k_and_shows_the_keys_with_a_question_mark(page, compare_url):
    differences = page.locator("tr[data-difference]")
    expect(differences.nth(1)).to_be_attached()  # two at least, to walk between
    current = re.compile(r"\bcurrent\b")

    page.keyboard.press("j")
    expect(differences.nth(0)).to_have_class(current)
    expect(differences.nth(0)).to_be_focused()
    page.keyboard.press("j")
    expect(differences.nth(1)).to_have_class(current)
    expect(differences.nth(1)).to_be_focused()
    expect(differences.nth(0)).not_to_have_class(current)
    page.keyboard.press("k")
    expect(differences.nth(0)).to_have_class(current)
    expect(differences.nth(0)).to_be_focused()
    expect(page.locator("tr.current")).to_have_count(1)

    page.keyboard.press("?")
    expect(page.locator("dialog#keys")).to_have_attribute("open", "")
    expect(page.get_by_role("dialog", name="Keyboard")).to_be_visible()


def test_it_never_runs_markup_from_wire_copy(page, live_server, compare_url, tmp_path):
    hostile = tmp_path / "pier-fire-hostile.txt"
    hostile.write_text(HOSTILE_COPY, encoding="utf-8")
    headline = page.locator("h1").inner_text()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.context.clear_cookies()
    log_in(page, live_server, "alice")
    upload(page, live_server, [hostile], story=headline)
    page.context.clear_cookies()
    log_in(page, live_server, "edith")

    page.goto(compare_url)
    expect(page.locator("table.grid thead th.source-head")).to_have_count(3)
    comparison = page.locator("#comparison")
    expect(comparison).to_contain_text("<script>window.pwned=1</script>")
    expect(comparison).to_contain_text('<img src=x onerror="window.pwned=2">')
    expect(page.locator("#comparison script, #comparison img")).to_have_count(0)
    assert page.evaluate("typeof window.pwned") == "undefined"
    assert dialogs == []


@pytest.fixture
def page_without_javascript(browser: Browser, live_server, compare_url) -> Page:
    """The editor, logged in, on the compare page in a browser that runs no script."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    log_in(page, live_server, "edith")
    page.goto(compare_url)
    yield page
    context.close()


def test_it_shows_the_repeats_with_the_update_button_without_javascript(page_without_javascript):
    page = page_without_javascript
    sources = page.locator('input[name="sources"]:checked').evaluate_all("els => els.map(e => e.value)")
    page.get_by_label("Show repeats").check()
    page.get_by_role("button", name="Update").click()
    expect(page).to_have_url(url_with("repeats", "on"))
    assert query(page) == {"sources": sources, "repeats": ["on"]}
    expect(page.locator('.passage[data-status="repeat"] .passage-text')).to_have_count(2 * REPEATS_PER_SOURCE)
    expect(page.locator('input[name="sources"]:checked')).to_have_count(len(sources))


def test_it_marks_a_chosen_conflict_without_javascript_and_keeps_the_rest_of_the_state(
    page_without_javascript, compare_url
):
    page = page_without_javascript
    page.goto(f"{compare_url}?repeats=on")
    link = page.locator(".facts .conflict-list a", has_text="Nicolás")
    passages = link.get_attribute("data-passages").split()
    number = conflict_key(link)
    link.click()
    expect(page).to_have_url(re.compile(rf"conflict={number}#{passages[0]}$"))
    assert query(page) == {"repeats": ["on"], "conflict": [number]}, page.url
    expect(page.locator(".passage[data-marked]")).to_have_count(2)
    for passage_id in passages:
        expect(page.locator(f"#{passage_id}")).to_have_attribute("data-marked", "")
    expect(page.locator('.passage[data-status="repeat"] .passage-text')).to_have_count(2 * REPEATS_PER_SOURCE)
    expect(page.locator(".message")).to_have_count(0)


def test_it_stacks_the_sources_on_a_narrow_screen(page, compare_url, screenshot):
    page.set_viewport_size({"width": 600, "height": 900})
    first_row = page.locator("table.grid tbody tr").first
    first = first_row.locator("td").nth(0).locator(".passage").first.bounding_box()
    second = first_row.locator("td").nth(1).locator(".passage").first.bounding_box()
    assert second["y"] >= first["y"] + first["height"], (first, second)
    assert abs(second["x"] - first["x"]) < 2, (first, second)
    assert page.evaluate("document.documentElement.scrollWidth") <= 600
    screenshot("compare-narrow")


def test_it_has_no_serious_accessibility_violations(page, live_server, compare_url):
    assert axe_violations(page) == []
    number = conflict_key(page.locator(".facts .conflict-list a", has_text="Nicolás"))
    page.goto(f"{compare_url}?repeats=on&conflict={number}")
    expect(page.locator(".passage[data-marked]")).to_have_count(2)
    assert axe_violations(page) == []
    page.goto(f"{live_server.url}/")
    assert axe_violations(page) == []
    page.goto(compare_url.replace("/compare/", "/"))  # the story page, with its move and merge forms
    expect(page.get_by_role("button", name=re.compile("^Move "))).to_have_count(2)
    assert axe_violations(page) == []


def test_it_warns_once_and_accessibly_about_a_bad_choice_of_sources(page, compare_url):
    one_source = page.locator('input[name="sources"]').first.get_attribute("value")
    page.goto(f"{compare_url}?sources={one_source}")
    messages = page.locator(".message")
    expect(messages.first).to_contain_text("Choose 2 to 4 sources to compare; you chose 1.")
    assert (messages.count(), axe_violations(page)) == (1, [])
