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


@pytest.fixture
def conflicts_do_not_hold_approval(settings):
    """Approval does not wait for the conflicts a version touches (NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS)."""
    settings.NEWSROOM_APPROVE_WITH_OPEN_CONFLICTS = True
