"""What most view tests start from: the harbour story of two agencies, and an editor's browser."""

import pytest

from tests.views.copy import harbour_story


@pytest.fixture
def story():
    return harbour_story()


@pytest.fixture
def editor(client, edith_editor):
    """The test client, logged in as the editor."""
    client.force_login(edith_editor)
    return client
