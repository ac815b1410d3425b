"""In a real Chromium, with a real task worker process: an admin uploads a zip batch too
large to take in during the request and watches its page count the files in."""

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
from django.db import connection
from playwright.sync_api import Page, expect

from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
PROJECT = Path(__file__).resolve().parents[2]
FILES = 12


def url_of_test_database() -> str:
    """DATABASE_URL for the test database this test's server writes to."""
    db = connection.settings_dict
    credentials = quote(db["USER"] or "") + (f":{quote(db['PASSWORD'])}" if db["PASSWORD"] else "")
    return f"postgres://{credentials}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


@pytest.fixture
def worker():
    """`manage.py desk_worker` in its own process, as `make run` and a deployment start it."""
    env = {**os.environ, "DATABASE_URL": url_of_test_database()}
    command = [sys.executable, "manage.py", "desk_worker", "--no-reload", "--no-startup-delay", "--interval", "0.2"]
    process = subprocess.Popen(command, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    yield process
    process.terminate()
    _, errors = process.communicate(timeout=20)
    assert b"Traceback" not in errors, errors.decode(errors="replace")


def depot_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for n in range(1, FILES + 1):
            text = f"Tram depot update {n}\n\nEngineers checked tram {n} at the depot overnight.\n"
            archive.writestr(f"depot/tram-{n:02}.txt", text)
        archive.writestr("../outside.txt", "Copy that tries to leave the archive.\n")
    return path


def test_an_admin_watches_a_zip_batch_go_in(
    page: Page, live_server, alice_admin, worker, settings, tmp_path, screenshot
):
    settings.NEWSROOM_INLINE_UPLOAD_FILES = 5
    log_in(page, live_server, "alice")
    page.goto(f"{live_server.url}/admin/stories/story/upload/")
    page.get_by_label("Wire files").set_input_files(str(depot_zip(tmp_path / "depot.zip")))
    page.get_by_role("button", name="Upload").click()

    page.wait_for_url(re.compile(r"/upload/batch/\d+/$"))
    expect(page.get_by_role("heading", name="Done")).to_be_visible(timeout=30_000)
    expect(page.locator("#batch-counts")).to_have_text(
        f"{FILES + 1} of {FILES + 1} files taken in: {FILES} stored, 1 refused."
    )
    expect(page.locator("progress")).to_have_attribute("value", str(FILES + 1))
    expect(page.locator('.batch-results tr[data-outcome="stored"]')).to_have_count(FILES)
    expect(page.locator('.batch-results tr[data-outcome="refused"]')).to_contain_text("depot.zip/../outside.txt")
    screenshot("admin-upload-batch")

    page.locator(".batch-stories a").first.click()
    page.wait_for_url(re.compile(r"/stories/\d+/compare/$"))
    expect(page.locator("h1")).to_contain_text("Tram depot update")
