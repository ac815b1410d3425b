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


def find_repeats(blocks: list[Block]) -> dict[int, int]:
    """Map the index of every repeat block to the index of the earlier block it repeats
    (always an original, never another repeat)."""
    keys = [fold(b.norm) for b in blocks]
    tokens = [key.split() for key in keys]  # folded: words and single spaces
    pair_sets = [_word_pairs(toks) for toks in tokens]
    shared = _shared(pair_sets)
    found: dict[int, int] = {}
    first_seen: dict[str, int] = {}
    owners: dict[str, int] = {}  # folded sentence -> block where it first appeared
    index: dict[str, list[int]] = defaultdict(list)
    for i, toks in enumerate(tokens):
        key, pairs = keys[i], pair_sets[i]
        linked = pairs & shared  # the block's only pairs that can link it to another
        sentences = [fold(s.text) for s in blocks[i].sentences]
        earlier = first_seen.get(key) if key else None
        # A near repeat shares half its pairs with an earlier block: with fewer than
        # half of them linked, there is none to look for.
        if earlier is None and len(toks) >= MIN_NEAR_WORDS and len(linked) >= 0.5 * len(pairs):
            earlier = _near_earlier(toks, pairs, tokens, index)
        if earlier is None:
            earlier = _covered_by_earlier(sentences, owners, (i - 1) in found)
        if earlier is not None:
            found[i] = found.get(earlier, earlier)
            continue
        first_seen.setdefault(key, i)
        for pair in linked:
            index[pair].append(i)
        for sentence in sentences:
            owners.setdefault(sentence, i)
    return found


def _word_pairs(toks: list[str]) -> set[str]:
    """The distinct pairs of neighbouring words, as "first second". Strings rather than
    tuples: the garbage collector does not track them, and the tens of thousands of a
    long story once cost more in collections than the search itself."""
    return set(map(" ".join, zip(toks, toks[1:])))


def _shared(pair_sets: list[set[str]]) -> set[str]:
    """The word pairs of more than one block: the only ones worth an index entry (most pairs
    of a story stand in one block)."""
    seen: set[str] = set()
    shared: set[str] = set()
    for pairs in pair_sets:
        shared |= pairs & seen
        seen |= pairs
    return shared


def _near_earlier(toks: list[str], pairs: set[str], tokens: list[list[str]], index: dict[str, list[int]]) -> int | None:
    """An earlier original block with the same words but for one or two (`pairs` are
    the block's distinct word pairs)."""
    needed = 0.5 * len(pairs)
    postings = [p for p in filter(None, map(index.get, pairs)) if len(p) <= MAX_POSTINGS]
    if sum(map(len, postings)) < needed:  # no earlier block can share half the pairs
        return None
    shared = Counter(itertools.chain.from_iterable(postings))
    if max(shared.values()) < needed:
        return None
    candidates = sorted([j for j, count in shared.items() if count >= needed], key=shared.__getitem__, reverse=True)[
        :8
    ]  # most shared first
    best, best_distance = None, None
    for j in candidates:
        distance = Levenshtein.distance(toks, tokens[j])
        if distance <= _allowed_edits(max(len(toks), len(tokens[j]))):
            if best_distance is None or distance < best_distance:
                best, best_distance = j, distance
    return best


def _allowed_edits(n_words: int) -> int:
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
