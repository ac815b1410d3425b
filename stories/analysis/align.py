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
from .vectors import TermRows, cosines

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
    `space`); below, a new block is known by its place among them, which is its row in the
    score matrix, and a row by its place in `rows`, its column there."""
    key = space.blocks[new_blocks[0]].source
    if not rows:
        return [{key: [index]} for index in new_blocks]
    scores = _scores(space, rows, new_blocks)
    chain = _best_chain(scores, CHAIN_MIN)
    row_of = dict(chain)
    _attach_splits(scores, row_of)
    groups = _merged_row_groups(scores, row_of, len(rows))
    _attach_moves(scores, row_of, groups)
    return _rebuild(rows, new_blocks, key, row_of, dict(chain), groups)


def _scores(space: BlockSpace, rows: list[RowCells], new_blocks: list[int]) -> np.ndarray:
    """Score of every new block (rows of the result) against every row (columns)."""
    cells = [(number, cell) for number, row in enumerate(rows) for cell in row.values()]
    cell_vectors = space.vectors.sums([cell for _, cell in cells]).unit()
    by_cell = cosines(space.vectors.take(new_blocks).unit(), cell_vectors)
    _adjust_for_kinds(by_cell, space, new_blocks, [cell[0] for _, cell in cells])
    by_cell[_exact_matches(space, new_blocks, cells)] = 1.5
    if len(cells) == len(rows):  # one cell a row: the best cell of each row is that cell
        return by_cell
    starts = np.flatnonzero(np.r_[True, np.diff([number for number, _ in cells]) != 0])
    return np.maximum.reduceat(by_cell, starts, axis=1)


_KIND_CODE = {kind: code for code, kind in enumerate(FRONT + ("body", "other"))}
_KIND_ADJUST = np.full((7, 7), -0.1, dtype=np.float32)
np.fill_diagonal(_KIND_ADJUST, 0.35)
_KIND_ADJUST[5:, 5:] = 0.0


def _adjust_for_kinds(scores: np.ndarray, space: BlockSpace, new_blocks: list[int], firsts: list[int]) -> None:
    """Front matter aligns by kind: a standfirst with a standfirst, a dek with a dek.
    Body passages need no adjustment among themselves, so only the rows and columns of
    the few front-matter blocks are touched. `firsts` holds each cell's first block."""
    new_kinds = np.array([_KIND_CODE[space.blocks[index].kind] for index in new_blocks], dtype=np.int64)
    cell_kinds = np.array([_KIND_CODE[space.blocks[index].kind] for index in firsts], dtype=np.int64)
    front_new, body_new = np.flatnonzero(new_kinds < len(FRONT)), np.flatnonzero(new_kinds >= len(FRONT))
    front_cells = np.flatnonzero(cell_kinds < len(FRONT))
    scores[front_new] += _KIND_ADJUST[new_kinds[front_new, None], cell_kinds[None, :]]
    scores[np.ix_(body_new, front_cells)] += _KIND_ADJUST[new_kinds[body_new, None], cell_kinds[None, front_cells]]


def _exact_matches(
    space: BlockSpace, new_blocks: list[int], cells: list[tuple[int, list[int]]]
) -> tuple[list[int], list[int]]:
    """Block/cell pairs with the same normalised text: certain, whatever the vectors say.
    As the new blocks' places and the cells' places, to index the score matrix with."""
    by_text: dict[str, list[int]] = {}
    for place, (_, cell) in enumerate(cells):
        if len(cell) == 1:
            by_text.setdefault(space.blocks[cell[0]].norm, []).append(place)
    block_places, cell_places = [], []
    for block, index in enumerate(new_blocks):
        for place in by_text.get(space.blocks[index].norm, ()):
            block_places.append(block)
            cell_places.append(place)
    return block_places, cell_places


def _best_chain(scores: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """The order-preserving set of (block, row) matches with the largest total gain
    (score minus `minimum`): a weighted longest increasing subsequence with a Fenwick
    tree of prefix maxima."""
    hits = np.nonzero(scores > minimum)
    gains = (scores[hits] - minimum).tolist()
    blocks, rows = hits[0].tolist(), hits[1].tolist()  # the candidate matches
    tree = [(0.0, -1)] * (scores.shape[1] + 1)  # by row: the best chain ending before it
    best, previous = [0.0] * len(blocks), [-1] * len(blocks)  # by candidate: its chain's gain, its predecessor
    first = 0
    while first < len(blocks):  # candidates come grouped by block; one match per block
        end = first
        while end < len(blocks) and blocks[end] == blocks[first]:
            end += 1
        for candidate in range(first, end):
            value, previous[candidate] = _prefix_max(tree, rows[candidate])
            best[candidate] = value + gains[candidate]
        for candidate in range(first, end):
            _raise(tree, rows[candidate] + 1, (best[candidate], candidate))
        first = end
    candidate = max(range(len(blocks)), key=best.__getitem__, default=-1)
    chain = []
    while candidate >= 0:
        chain.append((blocks[candidate], rows[candidate]))
        candidate = previous[candidate]
    return chain[::-1]


def _prefix_max(tree: list[tuple[float, int]], position: int) -> tuple[float, int]:
    result = (0.0, -1)
    while position > 0:
        if tree[position][0] > result[0]:
            result = tree[position]
        position -= position & -position
    return result


def _raise(tree: list[tuple[float, int]], position: int, item: tuple[float, int]) -> None:
    while position < len(tree):
        if item[0] > tree[position][0]:
            tree[position] = item
        position += position & -position


def _attach_splits(scores: np.ndarray, row_of: dict[int, int]) -> None:
    """Unmatched blocks next to a match that carry more of the same row's passage."""
    best = scores.max(axis=1) if scores.size else np.zeros(0)
    for order, step in ((range(scores.shape[0]), -1), (range(scores.shape[0] - 1, -1, -1), 1)):
        for block in order:
            row = row_of.get(block + step)
            if block not in row_of and row is not None and _is_part(scores[block, row], best[block]):
                row_of[block] = row


def _is_part(score: float, best: float) -> bool:
    return score >= PART_MIN and score >= best - 0.05


def _merged_row_groups(scores: np.ndarray, row_of: dict[int, int], n_rows: int) -> list[int]:
    """Group number of every row: an unmatched row joins its matched neighbour when that
    neighbour's block also covers it (the new source merged two passages into one)."""
    groups = list(range(n_rows))
    matched = {row: block for block, row in row_of.items()}
    best = scores.max(axis=0) if scores.size else np.zeros(0)
    for order, step in ((range(n_rows), -1), (range(n_rows - 1, -1, -1), 1)):
        for row in order:
            neighbour = row + step
            block = matched.get(neighbour)
            if row in matched or block is None or not 0 <= neighbour < n_rows:
                continue
            if _is_part(scores[block, row], best[row]):
                groups[row] = groups[neighbour]
                matched[row] = block
    return groups


def _attach_moves(scores: np.ndarray, row_of: dict[int, int], groups: list[int]) -> None:
    """Out-of-order matches (a moved passage), clearest first."""
    taken = {groups[row] for row in row_of.values()}
    free_blocks = np.array([block for block in range(scores.shape[0]) if block not in row_of], dtype=np.int64)
    free_rows = np.array([row for row in range(scores.shape[1]) if groups[row] not in taken], dtype=np.int64)
    free = scores[np.ix_(free_blocks, free_rows)]
    at_block, at_row = np.nonzero(free >= MOVE_MIN)
    moves = zip(free[at_block, at_row].tolist(), free_blocks[at_block].tolist(), free_rows[at_row].tolist())
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
