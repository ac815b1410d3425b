"""Aligning the blocks of several sources into rows of corresponding passages.

Sources are merged one at a time into a growing list of rows (progressive alignment).
Each merge scores every new block against every row (cosine of TF-IDF vectors, the best
over the row's cells, adjusted for block kinds), then:
1. keeps the heaviest order-preserving chain of matches (a weighted longest increasing
   subsequence, O(k log k) in the k candidate pairs);
2. attaches a block next to a match to the same row when it carries the rest of the
   passage (a split), and merges neighbouring rows that one block joins (a merge);
3. matches what is left out of order when both sides agree it is their best (a move);
4. gives every block still unmatched a row of its own, in its reading position.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

import numpy as np

from .model import Block
from .vectors import TermRows, cosine_chunks

CHAIN_MIN = 0.18  # a match worth keeping in the order-preserving chain
PART_MIN = 0.20  # the part of a split or merge must score this against the whole
MOVE_MIN = 0.35  # an out-of-order match must be this clear
FRONT = ("standfirst", "headline", "dek", "byline", "dateline")

RowCells = dict[str, list[int]]  # source key -> indices into BlockSpace.blocks


@dataclass(frozen=True)
class BlockSpace:
    """All blocks being aligned, with a raw TF-IDF vector per block (same order)."""

    blocks: list[Block]
    vectors: TermRows


def align_rows(space: BlockSpace, sources: list[list[int]]) -> list[RowCells]:
    """Rows of corresponding blocks; each source is a list of indices into `space`, and
    sources are merged in the order given."""
    rows: list[RowCells] = []
    for new_blocks in sources:
        if new_blocks:
            rows = merge_source(space, rows, new_blocks)
    return rows


def merge_source(space: BlockSpace, rows: list[RowCells], new_blocks: list[int]) -> list[RowCells]:
    """`rows` with one more source merged in. `new_blocks` are its blocks (indices into
    `space`); below, a new block is known by its place among them, and a row by its place
    in `rows`."""
    key = space.blocks[new_blocks[0]].source
    if not rows:
        return [{key: [index]} for index in new_blocks]
    scores = _scores(space, rows, new_blocks)
    chain = _best_chain(scores)
    row_of = dict(chain)
    _attach_splits(scores, row_of)
    groups = _merged_row_groups(scores, row_of, len(rows))
    _attach_moves(scores, row_of, groups)
    return _rebuild(rows, new_blocks, key, row_of, dict(chain), groups)


@dataclass(frozen=True)
class Scores:
    """What a merge reads of the scores of the new blocks against the rows: every score
    above CHAIN_MIN (the lowest that any step keeps: PART_MIN and MOVE_MIN stand above it)
    as (block, row, score) in order of block then row, and each block's and each row's
    best score among those (-inf when it has none: a best is only read beside a score
    above PART_MIN, which it is at least). The blocks x rows matrix is computed a slice of
    blocks at a time and never kept: whole, it grew with the square of the text."""

    blocks: list[int]
    rows: list[int]
    values: list[float]
    block_best: np.ndarray
    row_best: np.ndarray
    starts: np.ndarray  # each block's first entry, and one past the last

    def at(self, block: int, row: int) -> float:
        """The score of one block against one row; -inf when it is not above CHAIN_MIN."""
        lo, hi = int(self.starts[block]), int(self.starts[block + 1])
        k = bisect.bisect_left(self.rows, row, lo, hi)
        return self.values[k] if k < hi and self.rows[k] == row else -np.inf


def _scores(space: BlockSpace, rows: list[RowCells], new_blocks: list[int]) -> Scores:
    """Score of every new block against every row: the best over the row's cells of the
    cosine of their vectors, adjusted for block kinds; 1.5 for the same normalised text."""
    cells = [(number, cell) for number, row in enumerate(rows) for cell in row.values()]
    cell_vectors = space.vectors.sums([cell for _, cell in cells]).unit()
    kinds = _Kinds(space, new_blocks, [cell[0] for _, cell in cells])
    exact_blocks, exact_cells = _exact_matches(space, new_blocks, cells)
    starts = np.flatnonzero(np.r_[True, np.diff([number for number, _ in cells]) != 0])
    found = []
    for first, by_cell in cosine_chunks(space.vectors.take(new_blocks).unit(), cell_vectors):
        last = first + len(by_cell)
        kinds.adjust(by_cell, first, last)
        exact = (exact_blocks >= first) & (exact_blocks < last)
        by_cell[exact_blocks[exact] - first, exact_cells[exact]] = 1.5
        # One cell a row: the best cell of each row is that cell.
        chunk = by_cell if len(cells) == len(rows) else np.maximum.reduceat(by_cell, starts, axis=1)
        at_block, at_row = np.nonzero(chunk > CHAIN_MIN)
        found.append((at_block + first, at_row, chunk[at_block, at_row]))
    blocks, columns, values = (np.concatenate(part) for part in zip(*found))
    block_best, row_best = np.full(len(new_blocks), -np.inf), np.full(len(rows), -np.inf)
    np.maximum.at(block_best, blocks, values)
    np.maximum.at(row_best, columns, values)
    starts = np.searchsorted(blocks, np.arange(len(new_blocks) + 1))
    return Scores(blocks.tolist(), columns.tolist(), values.tolist(), block_best, row_best, starts)


_KIND_CODE = {kind: code for code, kind in enumerate(FRONT + ("body", "other"))}
_KIND_ADJUST = np.full((7, 7), -0.1, dtype=np.float32)
np.fill_diagonal(_KIND_ADJUST, 0.35)
_KIND_ADJUST[5:, 5:] = 0.0


class _Kinds:
    """Front matter aligns by kind: a standfirst with a standfirst, a dek with a dek.
    Body passages need no adjustment among themselves, so only the rows and columns of
    the few front-matter blocks are touched. `firsts` holds each cell's first block."""

    def __init__(self, space: BlockSpace, new_blocks: list[int], firsts: list[int]) -> None:
        self.new = np.array([_KIND_CODE[space.blocks[index].kind] for index in new_blocks], dtype=np.int64)
        self.cells = np.array([_KIND_CODE[space.blocks[index].kind] for index in firsts], dtype=np.int64)
        self.front_cells = np.flatnonzero(self.cells < len(FRONT))

    def adjust(self, scores: np.ndarray, first: int, last: int) -> None:
        """Adjust the scores of new blocks `first` to `last` (the rows of `scores`)."""
        new, front = self.new[first:last], self.front_cells
        front_new, body_new = np.flatnonzero(new < len(FRONT)), np.flatnonzero(new >= len(FRONT))
        scores[front_new] += _KIND_ADJUST[new[front_new, None], self.cells[None, :]]
        scores[np.ix_(body_new, front)] += _KIND_ADJUST[new[body_new, None], self.cells[None, front]]


def _exact_matches(
    space: BlockSpace, new_blocks: list[int], cells: list[tuple[int, list[int]]]
) -> tuple[np.ndarray, np.ndarray]:
    """Block/cell pairs with the same normalised text: certain, whatever the vectors say.
    As the new blocks' places and the cells' places, to index the scores with."""
    by_text: dict[str, list[int]] = {}
    for place, (_, cell) in enumerate(cells):
        if len(cell) == 1:
            by_text.setdefault(space.blocks[cell[0]].norm, []).append(place)
    block_places, cell_places = [], []
    for block, index in enumerate(new_blocks):
        for place in by_text.get(space.blocks[index].norm, ()):
            block_places.append(block)
            cell_places.append(place)
    return np.array(block_places, dtype=np.int64), np.array(cell_places, dtype=np.int64)


def _best_chain(scores: Scores) -> list[tuple[int, int]]:
    """The order-preserving set of (block, row) matches with the largest total gain
    (score minus CHAIN_MIN): a weighted longest increasing subsequence with a Fenwick
    tree of prefix maxima (its two walks written out: they run a few times per candidate,
    14,000 candidates at 2 x 64,000 words)."""
    blocks, rows = scores.blocks, scores.rows  # the candidate matches
    gains = [value - CHAIN_MIN for value in scores.values]
    size = len(scores.row_best) + 1
    tree_gain, tree_end = [0.0] * size, [-1] * size  # by row: the best chain ending before it
    best, previous = [0.0] * len(blocks), [-1] * len(blocks)  # by candidate: its chain's gain, its predecessor
    bounds = scores.starts.tolist()
    for first, last in zip(bounds, bounds[1:]):  # a block's candidates: one match per block
        for candidate in range(first, last):
            value, end, position = 0.0, -1, rows[candidate]
            while position > 0:  # the best chain ending before the candidate's row
                if tree_gain[position] > value:
                    value, end = tree_gain[position], tree_end[position]
                position &= position - 1
            best[candidate], previous[candidate] = value + gains[candidate], end
        for candidate in range(first, last):
            value, position = best[candidate], rows[candidate] + 1
            while position < size:  # raise the rows after it
                if value > tree_gain[position]:
                    tree_gain[position], tree_end[position] = value, candidate
                position += position & -position
    candidate = max(range(len(blocks)), key=best.__getitem__, default=-1)
    chain = []
    while candidate >= 0:
        chain.append((blocks[candidate], rows[candidate]))
        candidate = previous[candidate]
    return chain[::-1]


def _attach_splits(scores: Scores, row_of: dict[int, int]) -> None:
    """Unmatched blocks next to a match that carry more of the same row's passage."""
    n_blocks = len(scores.block_best)
    for order, step in ((range(n_blocks), -1), (range(n_blocks - 1, -1, -1), 1)):
        for block in order:
            row = row_of.get(block + step)
            if block not in row_of and row is not None and _is_part(scores.at(block, row), scores.block_best[block]):
                row_of[block] = row


def _is_part(score: float, best: float) -> bool:
    return score >= PART_MIN and score >= best - 0.05


def _merged_row_groups(scores: Scores, row_of: dict[int, int], n_rows: int) -> list[int]:
    """Group number of every row: an unmatched row joins its matched neighbour when that
    neighbour's block also covers it (the new source merged two passages into one)."""
    groups = list(range(n_rows))
    matched = {row: block for block, row in row_of.items()}
    for order, step in ((range(n_rows), -1), (range(n_rows - 1, -1, -1), 1)):
        for row in order:
            neighbour = row + step
            block = matched.get(neighbour)
            if row in matched or block is None or not 0 <= neighbour < n_rows:
                continue
            if _is_part(scores.at(block, row), scores.row_best[row]):
                groups[row] = groups[neighbour]
                matched[row] = block
    return groups


def _attach_moves(scores: Scores, row_of: dict[int, int], groups: list[int]) -> None:
    """Out-of-order matches (a moved passage), clearest first."""
    taken = {groups[row] for row in row_of.values()}
    moves = [
        (value, block, row)
        for block, row, value in zip(scores.blocks, scores.rows, scores.values)
        if value >= MOVE_MIN and block not in row_of and groups[row] not in taken
    ]
    for _, block, row in sorted(moves, reverse=True):
        if block not in row_of and groups[row] not in taken:
            row_of[block] = row
            taken.add(groups[row])


def _rebuild(
    rows: list[RowCells],
    new_blocks: list[int],
    key: str,
    row_of: dict[int, int],
    chain: dict[int, int],
    groups: list[int],
) -> list[RowCells]:
    """The new list of rows: merged groups with the new source's cells, and a row of its
    own for every unmatched block, placed before the next in-order match."""
    joined: dict[int, list[int]] = {}  # group -> the new source's blocks in it
    for block, row in sorted(row_of.items()):
        joined.setdefault(groups[row], []).append(new_blocks[block])
    before = _unmatched_before(new_blocks, row_of, chain, groups)
    out: list[RowCells] = []
    for number, cells in enumerate(rows):
        group = groups[number]
        if number > 0 and group == groups[number - 1]:
            for source, cell in cells.items():
                out[-1].setdefault(source, []).extend(cell)
            continue
        out.extend({key: [index]} for index in before.get(group, ()))
        out.append({source: list(cell) for source, cell in cells.items()})
        if group in joined:
            out[-1][key] = joined[group]
    out.extend({key: [index]} for index in before.get(-1, ()))
    return out


def _unmatched_before(
    new_blocks: list[int], row_of: dict[int, int], chain: dict[int, int], groups: list[int]
) -> dict[int, list[int]]:
    """The new source's unmatched blocks by the group of the next in-order match after
    them, the row they are placed before (-1: after the last row)."""
    before: dict[int, list[int]] = {}
    in_order = sorted(chain)
    for block, index in enumerate(new_blocks):
        if block not in row_of:
            at = bisect.bisect_right(in_order, block)
            anchor = groups[chain[in_order[at]]] if at < len(in_order) else -1
            before.setdefault(anchor, []).append(index)
    return before
