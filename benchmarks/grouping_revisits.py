"""Grouping revisiting its own stories, simulated in `benchmarks/grouping.py`'s feed
(`--revisit`). In that feed no editor touches a story, so every story is grouping's own.

Two kinds of revisit, each after an item joins or starts its story, over its story and the
other stories among its candidates that it scores best (`linkage`):

- "recluster" (`story_revisits.regrouped`): those stories' newest items clustered again
  by average linkage, and the stories made to follow the clusters: merged, split, items
  moved. A story's older items stay in it.
- "merge": its story merged with the one reading best as one with it (the mean `linkage`
  of their items' pairs, newest `items` each) at `bar`, again until none does; with the
  variants tried: `young` (only while the smaller story has at most that many items),
  `single_bar` (another bar when the smaller has at most `small` items), `mutual` (only a
  merge that is also the other story's best, among the candidates' stories or, with
  `rivals`, every story), `confirm` (only a pair that read as one at that many different
  sizes) and `move` (an item matching several stories joins the one it matches best on
  average, not the one of its best single match).

As the service, "recluster" passes over an item that started a story of its own and links
below the bar to every candidate (`story_revisits.may_regroup`); `always` revisits after
every item, as before that rule.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from statistics import fmean

from stories.analysis.grouping import ItemEvidence, match
from stories.analysis.story_revisits import (
    REVISIT_APART,
    REVISIT_BAR,
    REVISIT_ITEMS,
    REVISIT_STORIES,
    linkage,
    may_regroup,
    regrouped,
)


@dataclass(frozen=True)
class Revisit:
    kind: str = "recluster"  # or "merge"
    bar: float = REVISIT_BAR
    items: int = REVISIT_ITEMS
    stories: int = REVISIT_STORIES
    young: int = 0
    single_bar: float | None = None
    small: int = 1
    mutual: bool = False
    rivals: bool = False
    confirm: int = 1
    move: bool = False
    apart: float = REVISIT_APART  # "recluster": two groups stay apart below this share of their own means
    always: bool = False  # "recluster": revisit after every item, even one that can change nothing


@dataclass
class Stories:
    """The feed's stories as revisits change them: each item's story, each story's items in
    the order they came, each item's place in the feed (a story's is its first item's)."""

    story: dict[int, int]
    members: dict[int, list[int]]
    arrived: dict[int, int]
    # Each merge made: the items of the two (or more) stories joined, as they were.
    merges: list[tuple[tuple[int, ...], ...]] = field(default_factory=list)
    splits: int = 0  # stories whose newest items went to two clusters or more
    moved: int = 0  # items that changed story
    passed_over: int = 0  # items not revisited: they could change nothing (`may_regroup`)
    passed: dict[frozenset[int], set[int]] = field(default_factory=dict)  # "merge" with `confirm`

    def join(self, into: int, items: list[int]) -> None:
        for j in items:
            self.story[j] = into
        self.members[into] = sorted(set(self.members.get(into, [])) | set(items), key=self.arrived.__getitem__)


def revisit_stories(rules: Revisit, evidence: list[ItemEvidence], stories: Stories, i: int,
                    candidates: list[int]) -> None:
    """After item `i` joined or started its story: revisit it and its neighbours."""
    started = stories.members[stories.story[i]] == [i]
    linkages = (linkage(evidence[i], evidence[j]) for j in candidates)
    if rules.kind == "recluster" and not rules.always and not may_regroup(linkages, started=started, bar=rules.bar):
        stories.passed_over += 1
        return
    near = neighbours(evidence, stories.story, i, candidates, rules.stories)
    if rules.kind == "recluster":
        recluster(rules, evidence, stories, near)
    else:
        merge_best(rules, evidence, stories, near)


def neighbours(evidence: list[ItemEvidence], story: dict[int, int], i: int, candidates: list[int],
               count: int) -> list[int]:
    """Item `i`'s story, then the `count` other stories among its candidates it scores best."""
    best: dict[int, float] = {}
    for j in candidates:
        score = linkage(evidence[i], evidence[j])
        if score > best.get(story[j], -1.0):
            best[story[j]] = score
    others = sorted((each for each in best if each != story[i]), key=lambda each: -best[each])
    return [story[i], *others[:count]]


def recluster(rules: Revisit, evidence: list[ItemEvidence], stories: Stories, near: list[int]) -> None:
    """The newest `rules.items` items of the `near` stories clustered again; each cluster
    goes to the oldest story among its items that no earlier cluster took, or starts one;
    a story's older items stay in it."""
    free = [j for each in near for j in stories.members[each][-rules.items:]]
    clusters = [[free[k] for k in cluster] for cluster in regrouped(
        [evidence[j] for j in free], [[k] for k in range(len(free))], bar=rules.bar, apart=rules.apart)]
    before = {j: stories.story[j] for j in free}
    for each in near:
        stories.members[each] = stories.members[each][: -rules.items]
    taken: set[int] = set()
    for items in sorted(clusters, key=lambda items: min(stories.arrived[j] for j in items)):
        parts = sorted({before[j] for j in items}, key=stories.arrived.__getitem__)
        into = next((each for each in parts if each not in taken), None)
        if into is None:  # a story of its own, numbered after every item and story
            into = max(len(evidence), *stories.arrived) + 1
            stories.arrived[into] = min(stories.arrived[j] for j in items)
        taken.add(into)
        if len(parts) > 1:
            stories.merges.append(tuple(tuple(j for j in items if before[j] == part) for part in parts))
        stories.moved += sum(before[j] != into for j in items)
        stories.join(into, items)
    stories.splits += sum(len({stories.story[j] for j in free if before[j] == each}) > 1 for each in near)
    for each in near:
        if not stories.members[each]:
            del stories.members[each]


def merge_best(rules: Revisit, evidence: list[ItemEvidence], stories: Stories, near: list[int]) -> None:
    """The first of `near` merged with the story of the rest reading best as one with it,
    into the older, again until none does (see the module's docstring for the variants)."""
    ours, others, members = near[0], near[1:], stories.members
    while others:
        size = len(members[ours])
        weighed = {other: [evidence[j] for j in members[other]] for other in others
                   if not rules.young or min(size, len(members[other])) <= rules.young}
        bars = {other: rules.bar if rules.single_bar is None or min(size, len(members[other])) > rules.small
                else rules.single_bar for other in weighed}
        rivals = {other: [evidence[j] for j in members[other]] for other in members if other != ours} \
            if rules.rivals else weighed
        found = best_merge([evidence[j] for j in members[ours]], weighed, bars, rules, rivals)
        if found is None:
            return
        others.remove(found)
        passed = stories.passed.setdefault(frozenset((ours, found)), set())
        passed.add(size + len(members[found]))
        if len(passed) < rules.confirm:
            continue
        stories.merges.append((tuple(members[ours]), tuple(members[found])))
        gone, into = sorted((ours, found), key=lambda each: -stories.arrived[each])  # the newer goes
        stories.join(into, members.pop(gone))
        ours = into


def best_merge(ours: Sequence[ItemEvidence], others: Mapping[int, Sequence[ItemEvidence]],
               bars: Mapping[int, float], rules: Revisit, rivals: Mapping[int, Sequence[ItemEvidence]]) -> int | None:
    """The story of `others` reading best as one with `ours`, at its bar or above; with
    `rules.mutual`, only when `ours` is also that story's best among `rivals`."""
    scored = {key: cohesion(ours, theirs, rules.items) for key, theirs in others.items()}
    passing = [key for key in scored if scored[key] >= bars[key]]
    if not passing:
        return None
    best = max(passing, key=scored.__getitem__)
    if rules.mutual and any(cohesion(others[best], rivals[rival], rules.items) > scored[best]
                            for rival in rivals if rival != best):
        return None
    return best


def cohesion(ours: Sequence[ItemEvidence], theirs: Sequence[ItemEvidence], items: int) -> float:
    """The mean `linkage` of every item of one story against every item of the other, their
    newest `items` each."""
    ours, theirs = ours[-items:], theirs[-items:]
    return fmean(linkage(mine, other) for mine in ours for other in theirs) if ours and theirs else 0.0


def best_on_average(evidence: list[ItemEvidence], stories: Stories, i: int, candidates: list[int], joined: int,
                    items: int) -> int:
    """`move`: of the stories item `i` matches (one item at least), the one whose newest
    `items` it matches best on average, the one joined on a tie."""
    matched = {stories.story[j] for j in candidates if match(evidence[i], evidence[j]).same_story} | {joined}
    mean = {each: cohesion([evidence[i]], [evidence[j] for j in stories.members[each]], items) for each in matched}
    return max(matched, key=lambda each: (mean[each], each == joined))
