"""Three-way merge of the article: the version a draft started from (the base), the newest
version someone else saved since (theirs) and the draft (mine).

Pure functions over plain data, no database. Paragraphs are matched by their `id`, which a
paragraph keeps from the draft it was made in through every version saved from it, so a
moved, edited or dropped paragraph is still the same paragraph. Changes to different
paragraphs, the headline, the order, additions and drops combine without asking; where
both sides changed the same thing differently (or one dropped what the other changed) the
merge holds a Clash, and it is complete only when each clash has a Choice.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from stories.credits import CREDIT_LINES

HEADLINE = "headline"
CREDIT = "credit-"  # a credit line's clash is keyed "credit-byline", "credit-dek", ...

ClashKind = Literal["both-changed", "they-dropped", "i-dropped"]


@dataclass(frozen=True)
class ArticleText:
    """One side of a merge: a headline, paragraphs (dicts with at least `id` and `text`) and
    the credit lines (stories.credits: dek, byline, dateline, credit)."""

    headline: str
    paragraphs: Sequence[Mapping]
    credits: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Choice:
    """How one clash is settled: `theirs`, `mine`, or `edit` with the text to keep."""

    take: Literal["theirs", "mine", "edit"]
    text: str = ""


@dataclass(frozen=True)
class Clash:
    """Both sides changed one thing differently. `key` is the paragraph's id, HEADLINE or a
    credit line's CREDIT + name; a side's text is None where that side dropped the paragraph."""

    key: str
    kind: ClashKind
    base: str | None
    theirs: str | None
    mine: str | None
    number: int  # the paragraph's place in the merged article, 1-based (0 for the headline)

    @property
    def what(self) -> str:
        """What clashed, in words: "The headline", "The byline", "Paragraph 3"."""
        if self.key == HEADLINE:
            return "The headline"
        if self.key.startswith(CREDIT):
            return f"The {CREDIT_LINES.get(self.key.removeprefix(CREDIT), 'line').lower()}"
        return f"Paragraph {self.number}"


@dataclass
class Merge:
    headline: str
    paragraphs: list[dict]
    credits: dict[str, str] = field(default_factory=dict)
    clashes: list[Clash] = field(default_factory=list)
    unsettled: list[Clash] = field(default_factory=list)
    from_theirs: int = 0  # how many of their changes came in

    @property
    def is_complete(self) -> bool:
        return not self.unsettled


def merge_article(
    base: ArticleText, theirs: ArticleText, mine: ArticleText, choices: Mapping[str, Choice] | None = None
) -> Merge:
    """Combine `theirs` and `mine`, both descended from `base`; settle clashes by `choices`.

    An unsettled clash keeps my side in the result, so the merged text is always whole;
    `Merge.unsettled` says which still need a choice before it may be saved.
    """
    choices = choices or {}
    base_by_id, theirs_by_id, mine_by_id = (_by_id(side.paragraphs) for side in (base, theirs, mine))
    headline, headline_clash, took = _merge_line(HEADLINE, base.headline, theirs.headline, mine.headline, choices)
    credits, credit_clashes, credit_took = _merge_credits(base, theirs, mine, choices)
    kept: dict[str, dict] = {}
    clashes: dict[str, tuple[ClashKind, str | None, str | None, str | None]] = {}
    from_theirs = took + credit_took
    for pid in _all_ids(base, theirs, mine):
        paragraph, clash, came_in = _merge_paragraph(pid, base_by_id, theirs_by_id, mine_by_id, choices)
        from_theirs += came_in
        if paragraph is not None:
            kept[pid] = paragraph
        if clash is not None:
            clashes[pid] = clash
    order = _merged_order(base, theirs, mine, kept)
    paragraphs = [kept[pid] for pid in order]
    merge = Merge(headline=headline, paragraphs=paragraphs, credits=credits, from_theirs=from_theirs)
    if headline_clash is not None:
        merge.clashes.append(headline_clash)
    merge.clashes += credit_clashes
    place = {pid: number for number, pid in enumerate(order, start=1)}
    for pid, (kind, base_text, their_text, my_text) in clashes.items():
        merge.clashes.append(Clash(pid, kind, base_text, their_text, my_text, place.get(pid, 0)))
    merge.clashes.sort(key=lambda clash: clash.number)
    merge.unsettled = [clash for clash in merge.clashes if clash.key not in choices]
    return merge


def _merge_line(
    key: str, base: str, theirs: str, mine: str, choices: Mapping[str, Choice], *, may_be_empty: bool = False
) -> tuple[str, Clash | None, int]:
    """A one-line field (the headline, a credit line): the merged line, its clash if both
    sides changed it differently, and 1 when their change came in."""
    merged = _three_way(base, theirs, mine)
    if merged is not None:
        return merged, None, int(merged != mine)
    clash = Clash(key, "both-changed", base, theirs, mine, 0)
    choice = choices.get(key)
    if choice is None:
        return mine, clash, 0
    text = " ".join({"theirs": theirs, "mine": mine}.get(choice.take, choice.text).split())
    return (text if text or may_be_empty else mine), clash, 0


def _merge_credits(
    base: ArticleText, theirs: ArticleText, mine: ArticleText, choices: Mapping[str, Choice]
) -> tuple[dict[str, str], list[Clash], int]:
    credits: dict[str, str] = {}
    clashes: list[Clash] = []
    took = 0
    for name in dict.fromkeys([*base.credits, *theirs.credits, *mine.credits]):
        was, theirs_now, mine_now = (side.credits.get(name, "") for side in (base, theirs, mine))
        line, clash, came_in = _merge_line(CREDIT + name, was, theirs_now, mine_now, choices, may_be_empty=True)
        credits[name], took = line, took + came_in
        if clash is not None:
            clashes.append(clash)
    return credits, clashes, took


def _merge_paragraph(
    pid: str, base: dict, theirs: dict, mine: dict, choices: Mapping[str, Choice]
) -> tuple[dict | None, tuple | None, int]:
    """The merged paragraph (None when dropped), the clash if any, and 1 when their side came in."""
    b, t, m = base.get(pid), theirs.get(pid), mine.get(pid)
    texts = tuple(p["text"] if p is not None else None for p in (b, t, m))
    if b is None:  # added since the base, by one side or (the same paragraph) by both
        if t is None or m is None or t["text"] == m["text"]:
            return (m or t), None, int(m is None)
        return _settle(pid, "both-changed", texts, t, m, choices)
    if t is None and m is None:
        return None, None, 0
    if t is None:  # they dropped it
        assert m is not None
        if m["text"] == b["text"]:
            return None, None, 1
        return _settle(pid, "they-dropped", texts, t, m, choices)
    if m is None:  # I dropped it
        if t["text"] == b["text"]:
            return None, None, 0
        return _settle(pid, "i-dropped", texts, t, m, choices)
    merged = _three_way(b["text"], t["text"], m["text"])
    if merged is None:
        return _settle(pid, "both-changed", texts, t, m, choices)
    if merged == m["text"]:
        return m, None, 0
    return t, None, 1


def _settle(
    pid: str, kind: ClashKind, texts: tuple, theirs: dict | None, mine: dict | None, choices: Mapping[str, Choice]
) -> tuple[dict | None, tuple, int]:
    clash = (kind, *texts)
    choice = choices.get(pid)
    if choice is None:
        return (mine or theirs), clash, 0
    if choice.take == "theirs":
        return theirs, clash, 1
    if choice.take == "mine":
        return mine, clash, 0
    text = choice.text.strip()
    if not text:  # an emptied box drops the paragraph
        return None, clash, 0
    kept = dict(mine or theirs or {"id": pid, "sources": []})
    kept.update(id=pid, text=text, edited=True)
    return kept, clash, 0


def _three_way(base: str, theirs: str, mine: str) -> str | None:
    """The merged value, or None when both sides changed it differently."""
    if theirs == mine or theirs == base:
        return mine
    if mine == base:
        return theirs
    return None


def _by_id(paragraphs: Sequence[Mapping]) -> dict:
    return {paragraph["id"]: paragraph for paragraph in paragraphs}


def _ids(side: ArticleText) -> list[str]:
    return [paragraph["id"] for paragraph in side.paragraphs]


def _all_ids(*sides: ArticleText) -> list[str]:
    seen: dict[str, None] = {}
    for side in sides:
        seen.update(dict.fromkeys(_ids(side)))
    return list(seen)


def _merged_order(base: ArticleText, theirs: ArticleText, mine: ArticleText, kept: Mapping[str, dict]) -> list[str]:
    """My order when I moved paragraphs, else theirs; the other side's paragraphs that are
    missing from it go in after the paragraph they follow on that side."""
    base_ids = _ids(base)
    skeleton, other = (mine, theirs) if _reordered(base_ids, _ids(mine)) else (theirs, mine)
    order = [pid for pid in _ids(skeleton) if pid in kept]
    for side in (other, base):  # base last: a paragraph kept by a choice after its side dropped it
        previous: str | None = None
        for pid in _ids(side):
            if pid in kept and pid not in order:
                order.insert(order.index(previous) + 1 if previous is not None else 0, pid)
            if pid in order:
                previous = pid
    return order


def _reordered(base_ids: list[str], side_ids: list[str]) -> bool:
    common = set(base_ids) & set(side_ids)
    return [pid for pid in base_ids if pid in common] != [pid for pid in side_ids if pid in common]
