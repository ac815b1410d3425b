"""Grouping's own stories clustered again: two stories of one event come together, two
events of one kind and an unrelated story stay apart, and an agency's own items count
only as a re-file would. The copy is the project's own (tests/analysis/test_grouping.py)."""

from stories.analysis.grouping import SAME_PROVIDER_THRESHOLD
from stories.analysis.story_revisits import REVISIT_BAR, linkage, may_regroup, regrouped
from tests.analysis.test_grouping import (
    FERRY_STRIKE,
    HOUR,
    NOON,
    OTHER_FERRY_STRIKE,
    REFILE,
    REWRITE,
    UNRELATED,
    evidence,
)

STRIKE = evidence(FERRY_STRIKE, NOON, "Harbour Wire")
STRIKE_REWRITE = evidence(REWRITE, NOON + HOUR, "Continental Press")
STRIKE_RETOLD = evidence(REFILE, NOON + 2 * HOUR, "Aegean News")
CORSICA = evidence(OTHER_FERRY_STRIKE, NOON + HOUR, "Rhone Press")
BUDGET = evidence(UNRELATED, NOON, "Lyon Daily")


def test_it_puts_each_event_s_items_together_and_keeps_the_others_apart():
    items = [STRIKE, CORSICA, STRIKE_REWRITE, BUDGET, STRIKE_RETOLD]
    assert regrouped(items, [[k] for k in range(len(items))]) == [[0, 4, 2], [1], [3]]


def test_a_group_given_whole_stays_whole_and_is_weighed_by_all_its_items():
    """A story an editor holds is one group: its items are never parted, and an item joins
    it when it matches the group's items on average, not one of them."""
    items = [STRIKE, CORSICA, STRIKE_REWRITE, BUDGET]
    assert regrouped(items, [[0, 1], [2], [3]]) == [[0, 1, 2], [3]]
    assert regrouped(items, [[0, 1, 3], [2]]) == [[0, 1, 3], [2]]


def test_a_higher_bar_keeps_more_apart_and_one_group_is_left_as_it_is():
    items = [STRIKE, STRIKE_REWRITE]
    assert regrouped(items, [[0], [1]], bar=0.6) == [[0], [1]]
    assert regrouped(items, [[0, 1]]) == [[0, 1]]
    assert regrouped([], []) == []


def test_two_items_of_one_agency_link_as_well_as_a_refile_would_join():
    """An agency's separate items on one beat share as much as another agency's rewrite:
    they reach the bar only where the pair would join, as a re-file."""
    refiled = evidence(REFILE, NOON + HOUR, "Harbour Wire")
    rewritten_by_itself = evidence(REWRITE, NOON + HOUR, "Harbour Wire")
    assert linkage(STRIKE, refiled) >= REVISIT_BAR
    assert linkage(STRIKE, rewritten_by_itself) < REVISIT_BAR <= linkage(STRIKE, STRIKE_REWRITE)
    assert linkage(STRIKE, refiled) == linkage(refiled, STRIKE)
    assert SAME_PROVIDER_THRESHOLD > REVISIT_BAR


def test_items_received_outside_the_window_do_not_link():
    assert linkage(STRIKE, evidence(REWRITE, NOON + 100 * HOUR, "Continental Press")) == 0.0
    assert linkage(STRIKE, evidence(("", ""), NOON, "Continental Press")) == 0.0


def test_two_stories_each_told_over_and_over_stay_apart_where_they_share_less_than_their_own():
    """Two groups of near-copies: their mean is below a share (`apart`) of their own means."""
    strike_twice = [STRIKE, STRIKE_RETOLD]
    rewrite_twice = [STRIKE_REWRITE, evidence(REWRITE, NOON + 3 * HOUR, "Valley Press")]
    items = strike_twice + rewrite_twice
    assert regrouped(items, [[0, 1], [2, 3]]) == [[0, 1, 2, 3]]
    assert regrouped(items, [[0, 1], [2, 3]], apart=0.6) == [[0, 1], [2, 3]]
    assert regrouped(items, [[0], [1], [2], [3]], apart=0.6) == [[0, 1], [2, 3]]


def test_an_item_that_started_its_own_story_and_links_to_nothing_is_not_revisited():
    """It could change no cluster: it stays alone in any clustering of its neighbours."""
    below = [linkage(BUDGET, other) for other in (STRIKE, CORSICA, STRIKE_REWRITE)]
    assert max(below) < REVISIT_BAR
    assert not may_regroup(below, started=True)
    assert not may_regroup([], started=True), "no candidate at all"


def test_an_item_that_joined_a_story_or_links_to_a_candidate_is_revisited():
    """Joined, it may be parted from its story again; linked, it may bring stories together."""
    assert may_regroup([0.1], started=False)
    assert may_regroup([], started=False)
    assert may_regroup([0.1, REVISIT_BAR], started=True)


def test_an_item_below_the_bar_to_all_stays_alone_and_the_others_cluster_as_without_it():
    """Why `may_regroup` may pass such an item over: clustering with it is clustering
    without it, and it alone."""
    without = [STRIKE, CORSICA, STRIKE_REWRITE, STRIKE_RETOLD]
    assert regrouped([*without, BUDGET], [[k] for k in range(5)]) == [
        *regrouped(without, [[k] for k in range(4)]),
        [4],
    ]
