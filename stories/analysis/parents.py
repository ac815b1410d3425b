"""Parents: how many children a mother or father of the story has, compared wherever each
source says it.

Copy sets the count beside the word in passing ("Zara Holt, 34, a mother of five",
"the mother-of-three was collecting her children", "a father of two children", a headline's
"mom of 12"). How many children someone has does not change between two reports of one
event, so where one source gives a mother (or father) one count and the other gives her a
count it does not, they disagree, even where the other gives the first's count too at
another place: one of its two counts is wrong. A source that gives two counts for mothers, and another that
gives two, say nothing: there may be two mothers in the story.
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block, FactRef
from .text import lacks_words

Parents = dict[str, list[tuple[Block, str, int]]]  # "mother" -> (where, as written, children)

_COUNTS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen".split()
    )
}
_COUNT = r"\d{1,2}|" + "|".join(_COUNTS)
_JOIN = r"(?:\s|\s?-\s?)"  # "mother of five", "mother-of-five"
# Not "the father of 3-year-old Ana": an age, not a count. "Mom" and "dad", as headlines
# write them, are the same parent: "mom of 12" is the "mother of 13" of the other copy.
_PARENT = re.compile(
    rf"\b(?P<parent>mother|father|mom|mum|dad){_JOIN}of{_JOIN}(?P<count>{_COUNT})\b(?!\s?-?\s?year)", re.I
)
_PARENT_WORD = {"mom": "mother", "mum": "mother", "dad": "father"}
_PARENT_WORDS = frozenset({"mother", "father", "mom", "mum", "dad"})  # each a word of its own in `_PARENT`


# "one of her 12 children": a count of someone's own children, whoever the parent is. Kept
# apart (OWN): told of no parent word, it is compared with no count of a parent's.
_OWN_CHILDREN = re.compile(rf"\b(?:her|his|their)\s(?P<count>{_COUNT})\s(?:children|kids|sons|daughters)\b", re.I)
OWN = "own"


def parents_of(sentences: list[tuple[Block, str]]) -> Parents:
    """A source's counts of children, by the parent word they follow."""
    parents: Parents = {}
    for block, text in sentences:
        for parent, written, value in _counts_in(text):
            parents.setdefault(parent, []).append((block, written, value))
    return parents


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _counts_in(text: str) -> tuple[tuple[str, str, int], ...]:
    """A sentence's counts of children: (the parent word, or OWN; as written; the count)."""
    counts: list[tuple[str, str, int]] = []
    if "children" in text or "kids" in text:
        counts.extend((OWN, match.group(), 0) for match in _OWN_CHILDREN.finditer(text))
    if "of" not in text or not _may_name_a_parent(text) or lacks_words(text, _PARENT_WORDS):
        return tuple(counts)  # most sentences count no children
    for match in _PARENT.finditer(text):
        count = match.group("count").lower()
        value = int(count) if count.isdigit() else _COUNTS[count]
        parent = match.group("parent").lower()
        counts.append((_PARENT_WORD.get(parent, parent), match.group(), value))
    return tuple(counts)


def _may_name_a_parent(text: str) -> bool:
    """A parent word may stand in the sentence: the cheap test before the expression."""
    lower = text.lower()
    return "ther" in lower or "mom" in lower or "mum" in lower or "dad" in lower


def check_parents(found: Found, parents_a: Parents, parents_b: Parents) -> None:
    """One count of a parent's children in one source, and another count in the other."""
    if parents_a or parents_b:
        _drop_family_sizes(found, parents_a, parents_b)
    for parent in sorted(parents_a.keys() & parents_b.keys() - {OWN}):
        given_a, given_b = parents_a[parent], parents_b[parent]
        values_a, values_b = {value for *_, value in given_a}, {value for *_, value in given_b}
        if values_a == values_b or (len(values_a) > 1 and len(values_b) > 1):
            continue
        if len(values_a) == 1:
            other = next(place for place in given_b if place[2] not in values_a)
            (block_a, written_a, _), (block_b, written_b, _) = given_a[0], other
        else:
            other = next(place for place in given_a if place[2] not in values_b)
            (block_a, written_a, _), (block_b, written_b, _) = other, given_b[0]
        found.add("number", (block_a, written_a), (block_b, written_b), f"children of the {parent}")


def _drop_family_sizes(found: Found, parents_a: Parents, parents_b: Parents) -> None:
    """A parent's count of children ("the mother of 12 children") set by another check
    against a count of children that is no parent's ("two children pressed against a
    wall"): how many children she has is not how many were there. The count goes; two
    parents' counts are this check's."""
    kept = []
    for item in found.items:
        family_a, family_b = _family(item.a, parents_a), _family(item.b, parents_b)
        if item.kind != "number" or family_a == family_b or "children of the" in item.note:
            kept.append(item)
    found.items[:] = kept


def _family(value: FactRef, parents: Parents) -> bool:
    """The value is a count of someone's children ("mother of 12", "her 12 children")."""
    first = f" {value.text.split(' ', 1)[0].casefold()} "
    return any(
        block.id == value.block and first in f" {written.casefold()} "
        for given in parents.values()
        for block, written, _ in given
    )
