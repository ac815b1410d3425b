"""The engine's entry point: `compare_sources` turns texts into a `Comparison`."""

from __future__ import annotations

import contextlib
import dataclasses
import gc
import hashlib
import itertools
import string
import threading
from collections.abc import Iterator, Sequence

from .align import BlockSpace, align_rows
from .blocks import parse_blocks
from .conflicts import find_conflicts
from .diff import word_diff
from .fact_groups import group_conflicts
from .links import SentenceSpace
from .model import Block, Change, Comparison, Row, Source, SourceText
from .repeats import find_repeats, repeated_sentences
from .rows import finish_rows, place_repeats
from .text import content_terms_of
from .vectors import tfidf

PAIRWISE_CHANGES_UP_TO = 4  # beyond this many sources, changes are against one source


def compare_sources(sources: Sequence[SourceText]) -> Comparison:
    """Compare two or more sources (one works too): blocks, repeats, aligned rows,
    word-level changes and conflicting facts. Pure: no I/O, no Django."""
    with collector_paused():
        return _compare(sources)


def _compare(sources: Sequence[SourceText]) -> Comparison:
    pairs_of: dict[str, frozenset[str]] = {}  # word pairs of the passages, for all the sources
    parsed = [parse_source(key, s.name, s.text, pairs_of) for key, s in zip(source_keys(len(sources)), sources)]
    blocks = [b for s in parsed for b in s.blocks]
    index_of = {b.id: n for n, b in enumerate(blocks)}
    space = BlockSpace(blocks, tfidf(content_terms_of(b.norm for b in blocks)))
    order = canonical_order(parsed)
    aligned = align_rows(space, [[index_of[b.id] for b in s.blocks if b.repeat_of is None] for s in order])
    rows = finish_rows(place_repeats(aligned, order, index_of), blocks, [s.key for s in parsed])
    block_of = {b.id: b for b in blocks}
    sentences = SentenceSpace(blocks)
    return Comparison(
        sources=tuple(parsed),
        rows=rows,
        changes=tuple(changes(rows, block_of, order)),
        conflicts=tuple(group_conflicts(find_conflicts(parsed, rows, sentences))),
    )


_PAUSE = threading.Lock()
_paused = {"comparisons": 0, "restore": False}  # running with the collector paused, in any thread


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while a comparison runs. A comparison makes
    tens of thousands of small containers (blocks, sentences, facts) that all live until it
    ends; each automatic collection on the way walks them all, and every object the process
    holds besides (a web worker's whole heap), and frees nothing. Reference counting still
    frees what is dropped; cycles wait until the last comparison running in the process
    ends, when the collector is set back as it was."""
    with _PAUSE:
        if _paused["comparisons"] == 0:
            _paused["restore"] = gc.isenabled()
            gc.disable()
        _paused["comparisons"] += 1
    try:
        yield
    finally:
        with _PAUSE:
            _paused["comparisons"] -= 1
            if _paused["comparisons"] == 0 and _paused["restore"]:
                gc.enable()


def source_keys(n: int) -> list[str]:
    """A, B, ... Z, AA, AB, ... in the order the sources were given."""
    keys: list[str] = []
    for width in itertools.count(1):
        for letters in itertools.product(string.ascii_uppercase, repeat=width):
            if len(keys) == n:
                return keys
            keys.append("".join(letters))
    return keys


def parse_source(key: str, name: str, text: str, pairs_of: dict[str, frozenset[str]] | None = None) -> Source:
    """One source's blocks, with its repeats marked (`pairs_of`: see `find_repeats`)."""
    blocks = parse_blocks(key, text)
    repeats = find_repeats(blocks, pairs_of)
    marked = []
    for block in blocks:
        original = repeats.get(block.index)
        inside = repeated_sentences(block)
        if original is None and not inside:  # most blocks: nothing to mark, no copy to make
            marked.append(block)
            continue
        marked.append(
            dataclasses.replace(
                block,
                repeat_of=None if original is None else blocks[original].id,
                kind=block.kind if original is None or block.kind != "body" else blocks[original].kind,
                repeated_sentences=inside,
            )
        )
    return Source(key, name, tuple(marked))


def canonical_order(sources: list[Source]) -> list[Source]:
    """The order in which sources are merged into rows: longest first, ties by content.
    It does not depend on the order the files were given, so neither do the rows."""

    def weight(source: Source) -> tuple[int, str]:
        text = "\n".join(b.norm for b in source.blocks)
        # A normalised text is words and single spaces: its words, counted without a split.
        words = sum(b.norm.count(" ") + 1 for b in source.blocks if b.norm)
        return -words, hashlib.blake2b(text.encode("utf-8", "replace")).hexdigest()

    return sorted(sources, key=weight)


def changes(rows: tuple[Row, ...], block_of: dict[str, Block], order: list[Source]) -> list[Change]:
    """Word-level changes between the cells of every row that differ; between every pair
    of sources when there are few, else between each source and the row's first cell in
    merge order."""
    rank = {s.key: n for n, s in enumerate(order)}
    out = []
    for row in rows:
        cells = [c for c in row.cells if c.status == "changed"]
        if len(order) > PAIRWISE_CHANGES_UP_TO and cells:
            pivot = min(cells, key=lambda c: rank[c.source])
            pairs = [tuple(sorted((pivot, c), key=lambda x: x.source)) for c in cells if c is not pivot]
        else:
            pairs = list(itertools.combinations(cells, 2))
        for a, b in pairs:
            text_a = "\n".join(block_of[i].text for i in a.blocks)
            text_b = "\n".join(block_of[i].text for i in b.blocks)
            if _same(a.blocks, b.blocks, block_of):
                continue
            ops, complete = word_diff(text_a, text_b)
            out.append(Change(a.blocks, b.blocks, ops, complete))
    return out


def _same(a: tuple[str, ...], b: tuple[str, ...], block_of: dict[str, Block]) -> bool:
    return [block_of[i].norm for i in a] == [block_of[i].norm for i in b]
