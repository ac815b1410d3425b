"""What grouping redid of its own stories, in the inbox: listed for those who may regroup,
each change once with a link to the story its copy is in, and only for a day."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from stories.queries import grouping_changes
from tests.bridging import BRIDGE, PASS, POWER, take_in

pytestmark = pytest.mark.django_db
INBOX = reverse("stories:inbox")


def regrouped_by_grouping():
    """Two stories nobody opened, then an item that shows them one: grouping merges them."""
    pass_story = take_in("nw-brekke", PASS, "Northwire")
    take_in("mp-osterdal", POWER, "Meridian Press")
    assert take_in("cn-osterdal", BRIDGE, "Coastal News") == pass_story
    return pass_story


def changes_listed(page: str) -> str:
    assert 'class="grouping-changes"' in page, "the inbox lists grouping's changes"
    return page[page.index('class="grouping-changes"') : page.index("</details>")]


def test_an_editor_sees_each_change_once_with_a_link_to_the_story_the_copy_is_in(client, edith_editor):
    story = regrouped_by_grouping()
    client.force_login(edith_editor)
    listed = changes_listed(client.get(INBOX).content.decode())

    assert "2 changes in the last 24 hours" in listed  # a move and a merge, each recorded on both stories
    assert "Grouping merged “Storm Leaves Osterdal Without Power” into “Avalanche Closes Brekke Pass”" in listed
    assert "Grouping moved Meridian Press · mp-osterdal" in listed
    assert listed.count(f'href="{reverse("stories:story", args=[story.pk])}"') == 2


def test_a_copy_editor_who_may_not_regroup_is_not_shown_them(client, colin_copy_editor):
    regrouped_by_grouping()
    client.force_login(colin_copy_editor)
    assert 'class="grouping-changes"' not in client.get(INBOX).content.decode()


def test_changes_older_than_a_day_are_no_longer_listed():
    regrouped_by_grouping()  # the audit trail is append-only: the clock is moved on instead
    assert len(grouping_changes(now=timezone.now() + timedelta(hours=23))) == 2
    assert grouping_changes(now=timezone.now() + timedelta(hours=25)) == []
