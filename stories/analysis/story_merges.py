"""Are two stories one? The bar a merge offered to the desk must pass.

A new item that joins one story and matches another as well bridges them: the desk is
offered to merge the two. Alone, that bridge says little. Related events share much of
their words, places and people, so an item of one often matches an item of the other,
and on ECB+ a desk taking every such offer would have merged 93 pairs of stories (feed
seed 7), 29 of them wrong, and made pairwise precision 0.651 of 0.956. So a merge is
offered only when the two stories' items, taken together, match each other on average as
well as a rewrite must match to join a story (`grouping.THRESHOLD`), as average-linkage
clustering would merge them: `benchmarks/grouping.py` (feed seeds 7, 8, 9) then offers the
desk 17, 17 and 27 merges (one wrong), and taking every one gives pairwise precision
0.953, 0.946 and 0.964 and B-cubed F1 0.855, 0.860 and 0.885 (the feed alone 0.840, 0.837
and 0.845). Lower bars offer more and lose precision (README, *Grouping*).
"""

from __future__ import annotations

from collections.abc import Sequence
from statistics import fmean

from .grouping import THRESHOLD, ItemEvidence, match

MERGE_ITEMS = 10  # each story's newest items weighed: enough to speak for it, bounded work


def one_story(ours: Sequence[ItemEvidence], theirs: Sequence[ItemEvidence]) -> bool:
    """Whether two stories, each given by its items newest last, read as one story."""
    return alike(ours, theirs) >= THRESHOLD


def alike(ours: Sequence[ItemEvidence], theirs: Sequence[ItemEvidence]) -> float:
    """The mean `match` score of every item of one story against every item of the other,
    their newest MERGE_ITEMS each; 0 when either has none."""
    ours, theirs = ours[-MERGE_ITEMS:], theirs[-MERGE_ITEMS:]
    if not ours or not theirs:
        return 0.0
    return fmean(match(mine, other).score for mine in ours for other in theirs)
