"""In a real Chromium: an admin uploads the samples through the admin, an editor reads the story."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def upload(page: Page, live_server, paths) -> None:
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    page.get_by_label("Wire files").set_input_files([str(path) for path in paths])
    page.get_by_role("button", name="Upload").click()


def test_an_admin_uploads_the_samples_and_an_editor_reads_them(
    page, live_server, alice_admin, edith_editor, sample_files, screenshot
):
    log_in(page, live_server, "alice")
    page.get_by_role("link", name="Admin").click()
    page.get_by_role("link", name="Stories", exact=True).first.click()
    page.get_by_role("link", name="Upload wire copy").click()
    expect(page).to_have_title(re.compile("Upload wire copy"))
    screenshot("admin-upload-form")
    upload(page, live_server, sample_files)
    for path in sample_files:
        expect(page.locator(".messages")).to_contain_text(f"{path.name}: stored as new source")
    screenshot("admin-upload-done")

    upload(page, live_server, sample_files[:1])
    expect(page.locator(".messages")).to_contain_text(f"{sample_files[0].name}: duplicate")

    page.context.clear_cookies()
    log_in(page, live_server, "edith")
    expect(page.locator("table.stories tbody tr")).to_have_count(1)
    page.locator("table.stories a").first.click()
    page.get_by_role("link", name="Sources and versions").click()
    expect(page.locator("article.source")).to_have_count(2)
    screenshot("story")


def test_wire_copy_with_script_in_it_never_runs(page, live_server, alice_admin, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "A summary sentence.\nPier Fire <script>window.pwned = 1</script>\n\n"
        '<img src="x" onerror="window.pwned = 2"> The body of the story.\n'
    )
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    log_in(page, live_server, "alice")
    upload(page, live_server, [hostile])
    page.goto(f"{live_server.url}/")
    page.locator("table.stories a").first.click()
    page.get_by_role("link", name="Sources and versions").click()
    expect(page.locator("article.source")).to_contain_text("<script>window.pwned = 1</script>")
    assert page.evaluate("window.pwned") is None
    assert page.locator("article.source script, article.source img").count() == 0
    assert dialogs == []


def test_a_bad_file_is_named_with_its_problem_in_the_admin(page, live_server, alice_admin, sample_files, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    log_in(page, live_server, "alice")
    upload(page, live_server, [empty, sample_files[0]])
    expect(page.locator(".messages .message-error")).to_contain_text("empty.txt: the file is empty")
    expect(page.locator(".messages .message-success")).to_contain_text(f"{sample_files[0].name}: stored")
