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
    for ys in sources:
        if ys:
            rows = merge_source(space, rows, ys)
    return rows


def merge_source(space: BlockSpace, rows: list[RowCells], ys: list[int]) -> list[RowCells]:
    key = space.blocks[ys[0]].source
    if not rows:
        return [{key: [y]} for y in ys]
    scores = _scores(space, rows, ys)
    chain = _best_chain(scores, CHAIN_MIN)
    row_of = dict(chain)
    _attach_splits(scores, row_of)
    groups = _merged_row_groups(scores, row_of, len(rows))
    _attach_moves(scores, row_of, groups)
    return _rebuild(rows, ys, key, row_of, dict(chain), groups)


def _scores(space: BlockSpace, rows: list[RowCells], ys: list[int]) -> np.ndarray:
    """Score of every new block (rows of the result) against every row (columns)."""
    cells = [(r, idx) for r, row in enumerate(rows) for idx in row.values()]
    cell_vectors = space.vectors.sums([idx for _, idx in cells]).unit()
    by_cell = cosines(space.vectors.take(ys).unit(), cell_vectors)
    _adjust_for_kinds(by_cell, space, ys, [idx[0] for _, idx in cells])
    by_cell[_exact_matches(space, ys, cells)] = 1.5
    if len(cells) == len(rows):  # one cell a row: the best cell of each row is that cell
        return by_cell
    starts = np.flatnonzero(np.r_[True, np.diff([r for r, _ in cells]) != 0])
    return np.maximum.reduceat(by_cell, starts, axis=1)


_KIND_CODE = {k: n for n, k in enumerate(FRONT + ("body", "other"))}
_KIND_ADJUST = np.full((7, 7), -0.1, dtype=np.float32)
np.fill_diagonal(_KIND_ADJUST, 0.35)
_KIND_ADJUST[5:, 5:] = 0.0


def _adjust_for_kinds(scores: np.ndarray, space: BlockSpace, ys: list[int], firsts: list[int]) -> None:
    """Front matter aligns by kind: a standfirst with a standfirst, a dek with a dek.
    Body passages need no adjustment among themselves, so only the rows and columns of
    the few front-matter blocks are touched."""
    ky = np.array([_KIND_CODE[space.blocks[y].kind] for y in ys], dtype=np.int64)
    kc = np.array([_KIND_CODE[space.blocks[c].kind] for c in firsts], dtype=np.int64)
    front_y, body_y = np.flatnonzero(ky < len(FRONT)), np.flatnonzero(ky >= len(FRONT))
    front_c = np.flatnonzero(kc < len(FRONT))
    scores[front_y] += _KIND_ADJUST[ky[front_y, None], kc[None, :]]
    scores[np.ix_(body_y, front_c)] += _KIND_ADJUST[ky[body_y, None], kc[None, front_c]]


def _exact_matches(space: BlockSpace, ys: list[int], cells: list[tuple[int, list[int]]]) -> tuple[list[int], list[int]]:
    """Block/cell pairs with the same normalised text: certain, whatever the vectors say."""
    by_text: dict[str, list[int]] = {}
    for c, (_, idx) in enumerate(cells):
        if len(idx) == 1:
            by_text.setdefault(space.blocks[idx[0]].norm, []).append(c)
    rows, cols = [], []
    for y, g in enumerate(ys):
        for c in by_text.get(space.blocks[g].norm, ()):
            rows.append(y)
            cols.append(c)
    return rows, cols


def _best_chain(scores: np.ndarray, minimum: float) -> list[tuple[int, int]]:
    """The order-preserving set of (block, row) matches with the largest total gain
    (score minus `minimum`): a weighted longest increasing subsequence with a Fenwick
    tree of prefix maxima."""
    hits = np.nonzero(scores > minimum)
    gains = (scores[hits] - minimum).tolist()
    ys, rs = hits[0].tolist(), hits[1].tolist()
    tree = [(0.0, -1)] * (scores.shape[1] + 1)
    best, prev = [0.0] * len(ys), [-1] * len(ys)
    k = 0
    while k < len(ys):  # candidates come grouped by block; one match per block
        end = k
        while end < len(ys) and ys[end] == ys[k]:
            end += 1
        for c in range(k, end):
            value, prev[c] = _prefix_max(tree, rs[c])
            best[c] = value + gains[c]
        for c in range(k, end):
            _raise(tree, rs[c] + 1, (best[c], c))
        k = end
    c = max(range(len(ys)), key=best.__getitem__, default=-1)
    chain = []
    while c >= 0:
        chain.append((ys[c], rs[c]))
        c = prev[c]
    return chain[::-1]


def _prefix_max(tree: list[tuple[float, int]], i: int) -> tuple[float, int]:
    result = (0.0, -1)
    while i > 0:
        if tree[i][0] > result[0]:
            result = tree[i]
        i -= i & -i
    return result


def _raise(tree: list[tuple[float, int]], i: int, item: tuple[float, int]) -> None:
    while i < len(tree):
        if item[0] > tree[i][0]:
            tree[i] = item
        i += i & -i


def _attach_splits(scores: np.ndarray, row_of: dict[int, int]) -> None:
    """Unmatched blocks next to a match that carry more of the same row's passage."""
    best = scores.max(axis=1) if scores.size else np.zeros(0)
    for order, step in ((range(scores.shape[0]), -1), (range(scores.shape[0] - 1, -1, -1), 1)):
        for y in order:
            r = row_of.get(y + step)
            if y not in row_of and r is not None and _is_part(scores[y, r], best[y]):
                row_of[y] = r


def _is_part(score: float, best: float) -> bool:
    return score >= PART_MIN and score >= best - 0.05


def _merged_row_groups(scores: np.ndarray, row_of: dict[int, int], n_rows: int) -> list[int]:
    """Group number of every row: an unmatched row joins its matched neighbour when that
    neighbour's block also covers it (the new source merged two passages into one)."""
    groups = list(range(n_rows))
    matched = {r: y for y, r in row_of.items()}
    best = scores.max(axis=0) if scores.size else np.zeros(0)
    for order, step in ((range(n_rows), -1), (range(n_rows - 1, -1, -1), 1)):
        for r in order:
            nb = r + step
            y = matched.get(nb)
            if r not in matched and y is not None and 0 <= nb < n_rows and _is_part(scores[y, r], best[r]):
                groups[r] = groups[nb]
                matched[r] = y
    return groups


def _attach_moves(scores: np.ndarray, row_of: dict[int, int], groups: list[int]) -> None:
    """Out-of-order matches (a moved passage), clearest first."""
    taken = {groups[r] for r in row_of.values()}
    free_y = np.array([y for y in range(scores.shape[0]) if y not in row_of], dtype=np.int64)
    free_r = np.array([r for r in range(scores.shape[1]) if groups[r] not in taken], dtype=np.int64)
    free = scores[np.ix_(free_y, free_r)]
    at_y, at_r = np.nonzero(free >= MOVE_MIN)
    pairs = sorted(zip(free[at_y, at_r].tolist(), free_y[at_y].tolist(), free_r[at_r].tolist()), reverse=True)
    for _, y, r in pairs:
        if y not in row_of and groups[r] not in taken:
            row_of[y] = r
            taken.add(groups[r])


def _rebuild(
    rows: list[RowCells], ys: list[int], key: str, row_of: dict[int, int], chain: dict[int, int], groups: list[int]
) -> list[RowCells]:
    """The new list of rows: merged groups with the new source's cells, and a row of its
    own for every unmatched block, placed before the next in-order match."""
    joined: dict[int, list[int]] = {}
    for y, r in sorted(row_of.items()):
        joined.setdefault(groups[r], []).append(ys[y])
    before: dict[int, list[int]] = {}
    in_order = sorted(chain)
    for y in range(len(ys)):
        if y not in row_of:
            at = bisect.bisect_right(in_order, y)
            anchor = groups[chain[in_order[at]]] if at < len(in_order) else -1
            before.setdefault(anchor, []).append(ys[y])
    out: list[RowCells] = []
    for r, row in enumerate(rows):
        if r > 0 and groups[r] == groups[r - 1]:
            for k, idx in row.items():
                out[-1].setdefault(k, []).extend(idx)
            continue
        out.extend({key: [g]} for g in before.get(groups[r], ()))
        out.append({k: list(v) for k, v in row.items()})
        if groups[r] in joined:
            out[-1][key] = joined[groups[r]]
    out.extend({key: [g]} for g in before.get(-1, ()))
    return out
