"""Repeats inside one source: a headline printed twice, a paragraph or a run of paragraphs
repeated (exactly or with white space, punctuation, case or a word or two changed), a
sentence repeated inside its paragraph.

Exact repeats are found by hashing folded text. Near repeats only compare blocks that
share word pairs (an inverted index), so the work stays near-linear in the words.
"""

from __future__ import annotations

import itertools
from collections import Counter, defaultdict

from rapidfuzz.distance import Levenshtein

from .model import Block
from .text import fold

MIN_NEAR_WORDS = 6
MAX_POSTINGS = 40  # a word pair in more blocks than this says nothing about repeats


def find_repeats(blocks: list[Block], pairs_of: dict[str, frozenset[str]] | None = None) -> dict[int, int]:
    """Map the index of every repeat block to the index of the earlier block it repeats
    (always an original, never another repeat). `pairs_of` keeps folded passages' word
    pairs for the other sources of a comparison: versions repeat most of their passages."""
    keys = [fold(b.norm) for b in blocks]  # folded: words and single spaces
    pairs_of = {} if pairs_of is None else pairs_of
    pair_sets = []
    for key in keys:
        pairs = pairs_of.get(key)
        if pairs is None:
            pairs = pairs_of[key] = _word_pairs(key)
        pair_sets.append(pairs)
    wanted, may_repeat = _wanted(keys, pair_sets)
    found: dict[int, int] = {}
    first_seen: dict[str, int] = {}
    owners: dict[str, int] = {}  # folded sentence -> block where it first appeared
    index: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        pairs = pair_sets[i]
        sentences = [fold(s.text) for s in blocks[i].sentences]
        earlier = first_seen.get(key) if key else None
        if earlier is None and may_repeat[i]:
            earlier = _near_earlier(key, pairs, keys, index)
        if earlier is None:
            earlier = _covered_by_earlier(sentences, owners, (i - 1) in found)
        if earlier is not None:
            found[i] = found.get(earlier, earlier)
            continue
        first_seen.setdefault(key, i)
        for pair in pairs & wanted:
            index[pair].append(i)
        for sentence in sentences:
            owners.setdefault(sentence, i)
    return found


def _word_pairs(folded: str) -> frozenset[str]:
    """The distinct pairs of neighbouring words of a folded text, as "first second".
    Strings rather than tuples: the garbage collector does not track them, and the tens
    of thousands of a long story once cost more in collections than the search itself."""
    words = folded.split()
    return frozenset(map(" ".join, zip(words, words[1:])))


def _wanted(keys: list[str], pair_sets: list[frozenset[str]]) -> tuple[set[str], list[bool]]:
    """The word pairs worth an index entry, and whether each block may be a near repeat
    (`_may_repeat`). Only the pairs of a block that may be one are ever looked up, and
    only those it shares with earlier blocks have postings: most pairs of a story stand
    in one block, and most blocks repeat none."""
    seen: set[str] = set()
    wanted: set[str] = set()
    may = []
    for key, pairs in zip(keys, pair_sets):
        before = pairs & seen
        seen |= pairs
        may.append(_may_repeat(key, pairs, len(before)))
        if may[-1]:
            wanted |= before
    return wanted, may


def _may_repeat(key: str, pairs: frozenset[str], earlier_pairs: int) -> bool:
    """Whether a block (its folded text and word pairs) is long enough to be looked for as
    a near repeat and has enough of its pairs in earlier blocks (`earlier_pairs` of them):
    half, which `_near_earlier` asks of a candidate, and all but two for each word edit
    it may allow. An edit breaks at most two neighbouring pairs, so a block within d edits
    of an earlier one has all but 2d of its pairs there; the other block is at most d
    words longer, and d at most the edits allowed for a block of that length."""
    words = key.count(" ") + 1
    if words < MIN_NEAR_WORDS or earlier_pairs < 0.5 * len(pairs):  # most blocks
        return False
    longest = (words + 2) * 100 // 92 + 1  # n + d with d <= 2 + 0.08 (n + d): (n + 2) / 0.92
    return earlier_pairs >= len(pairs) - 2 * _allowed_edits(longest)


def _near_earlier(key: str, pairs: frozenset[str], keys: list[str], index: dict[str, list[int]]) -> int | None:
    """An earlier original block with the same words but for one or two (`key` is the
    block's folded text, `pairs` its distinct word pairs, `keys` every block's)."""
    needed = 0.5 * len(pairs)
    postings = [p for p in filter(None, map(index.get, pairs)) if len(p) <= MAX_POSTINGS]
    if len(postings) < needed:  # a block is in each posting once: none can share half the pairs
        return None
    shared = Counter(itertools.chain.from_iterable(postings))
    if max(shared.values()) < needed:
        return None
    candidates = sorted([j for j, count in shared.items() if count >= needed], key=shared.__getitem__, reverse=True)[
        :8
    ]  # most shared first
    toks = key.split()
    best, best_distance = None, None
    for j in candidates:
        other = keys[j].split()
        distance = Levenshtein.distance(toks, other)
        if distance <= _allowed_edits(max(len(toks), len(other))):
            if best_distance is None or distance < best_distance:
                best, best_distance = j, distance
    return best


def _allowed_edits(n_words: int) -> int:
    # `_may_repeat` counts on this never falling as n_words grows, and staying at most
    # 2 + 0.08 n_words.
    return 1 if n_words < 10 else max(2, int(0.08 * n_words))


def _covered_by_earlier(sentences: list[str], owners: dict[str, int], in_run: bool) -> int | None:
    """A block whose (folded) sentences all appeared earlier (a repeated run joined or
    split in other places): a repeat of the block where its first sentence first appeared.
    A lone sentence counts only inside a run of repeats: a dek may well echo the lede."""
    keys = [k for k in sentences if k.count(" ") >= 2]  # folded: one space between words
    if not keys or (len(keys) < 2 and not in_run):
        return None
    found = [owners.get(k) for k in keys]
    if any(o is None for o in found):
        return None
    return found[0]


def repeated_sentences(block: Block) -> tuple[tuple[int, int], ...]:
    """(sentence, earlier sentence) pairs repeated inside one block."""
    if len(block.sentences) < 2:  # most blocks
        return ()
    seen: dict[str, int] = {}
    pairs = []
    for k, sentence in enumerate(block.sentences):
        key = fold(sentence.text)
        if key.count(" ") < 3:  # fewer than four words (folded: one space between words)
            continue
        if key in seen:
            pairs.append((k, seen[key]))
        else:
            seen[key] = k
    return tuple(pairs)
