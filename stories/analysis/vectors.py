"""TF-IDF vectors of passages and sentences, and the cosine similarities between them.

Rewrites share few word sequences but many content words, names and numbers; weighting
those by rarity within the story (IDF over all passages compared) scores a paraphrased
paragraph well above a merely related one.

The vectors are sparse (a passage uses a few dozen of the story's thousands of terms), and
so are the products: `cosines` only multiplies the weights of terms two rows share, found
through an index from each term to the rows that use it, and sums them into the result a
few hundred rows at a time. A dense passages x vocabulary matrix grew with the square of
the text (both dimensions grow with it) and its product with the cube; this work grows
with the number of pairs of rows that share a term, plus one pass over the result.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np

CHUNK_CELLS = 1 << 18  # cells of a dense result computed at once: 2 MB, stays in cache
DENSE_SHARE = 32  # a term that pairs 1/32 of all rows is cheaper in a dense product


@dataclass(frozen=True)
class TermRows:
    """Sparse rows of term weights (compressed sparse rows): row `r` has the terms
    `terms[starts[r]:starts[r + 1]]` (ascending) with the weights at the same places."""

    starts: np.ndarray  # int64, one more than there are rows
    terms: np.ndarray  # int64 term ids
    weights: np.ndarray  # float64
    width: int  # number of distinct terms

    def __len__(self) -> int:
        return len(self.starts) - 1

    def row_ids(self, first: int = 0, last: int | None = None) -> np.ndarray:
        """The row of every stored weight (of rows `first` to `last`)."""
        last = len(self) if last is None else last
        return np.repeat(np.arange(first, last), np.diff(self.starts[first : last + 1]))

    def keep(self, terms: np.ndarray) -> TermRows:
        """The rows with only the terms marked True in `terms` (one flag per term id)."""
        kept = terms[self.terms]
        starts = np.concatenate(([0], np.cumsum(kept)))[self.starts]
        return TermRows(starts, self.terms[kept], self.weights[kept], self.width)

    def take(self, rows: Sequence[int] | np.ndarray) -> TermRows:
        """The given rows, in the given order: their entries gathered as they stand (the
        `sums` of groups of one row each, without sorting the entries again)."""
        rows = np.asarray(rows, dtype=np.int64)
        lengths = np.diff(self.starts)[rows]
        picked = _expand(self.starts[rows], lengths)
        starts = np.concatenate(([0], np.cumsum(lengths))).astype(np.int64)
        return TermRows(starts, self.terms[picked], self.weights[picked], self.width)

    def sums(self, groups: Sequence[Sequence[int]]) -> TermRows:
        """One row per group: the sum of the group's rows (a cell of several blocks)."""
        members = np.array([row for group in groups for row in group], dtype=np.int64)
        group_of = np.repeat(np.arange(len(groups)), [len(group) for group in groups])
        lengths = np.diff(self.starts)[members]
        picked = _expand(self.starts[members], lengths)
        return _from_entries(
            np.repeat(group_of, lengths), self.terms[picked], self.weights[picked], len(groups), self.width
        )

    def unit(self) -> TermRows:
        """Rows scaled to length 1 (empty rows stay empty), so products give cosines."""
        norms = np.sqrt(np.bincount(self.row_ids(), self.weights**2, minlength=len(self)))
        scale = np.repeat(np.where(norms == 0, 1.0, norms), np.diff(self.starts))
        return TermRows(self.starts, self.terms, self.weights / scale, self.width)


def tfidf(term_lists: list[list[str]]) -> TermRows:
    """Raw (unnormalised) TF-IDF rows, one per term list: sublinear tf, smoothed idf."""
    every = list(itertools.chain.from_iterable(term_lists))
    vocab = dict(zip(dict.fromkeys(every), itertools.count()))  # term -> id, in order of first use
    ids = np.fromiter(map(vocab.__getitem__, every), dtype=np.int64, count=len(every))
    width = max(1, len(vocab))
    rows = np.repeat(np.arange(len(term_lists)), [len(terms) for terms in term_lists])
    keys, counts = np.unique(rows * width + ids, return_counts=True)
    row_of, term_of = np.divmod(keys, width)
    df = np.bincount(term_of, minlength=width)
    idf = np.log((1.0 + len(term_lists)) / (1.0 + df)) + 1.0
    weights = (1.0 + np.log(counts)) * idf[term_of]
    starts = np.searchsorted(row_of, np.arange(len(term_lists) + 1))
    return TermRows(starts.astype(np.int64), term_of, weights, width)


def cosines(a: TermRows, b: TermRows) -> np.ndarray:
    """The dense matrix of products of every row of `a` with every row of `b` (cosines
    when both are unit rows)."""
    out = np.zeros((len(a), len(b)))
    for first, chunk in cosine_chunks(a, b):
        out[first : first + len(chunk)] = chunk
    return out


def cosine_chunks(a: TermRows, b: TermRows) -> Iterator[tuple[int, np.ndarray]]:
    """The rows of `cosines(a, b)` a few hundred at a time, as (first row, block), so that
    memory stays bounded however long the texts.

    A term that most rows of both sides use (in a story of a few passages of thousands of
    words each) pairs nearly every row with every row; such terms are multiplied as small
    dense matrices instead, and the rest term by term."""
    common = _CommonTerms(a, b)
    rare = a.keep(~common.is_common)
    index = _by_term(b)
    dense_b = common.dense(b, 0, len(b))
    step = max(1, CHUNK_CELLS // max(1, len(b), common.count))
    for first in range(0, len(a), step):
        last = min(len(a), first + step)
        chunk = _product(rare, first, last, index, len(b))
        if common.count:
            chunk += common.dense(a, first, last) @ dense_b.T
        yield first, chunk


class _CommonTerms:
    """The terms whose pairs of rows cover more than 1/DENSE_SHARE of all pairs of rows
    (at most as many as keep a dense matrix of `b` within CHUNK_CELLS), numbered."""

    def __init__(self, a: TermRows, b: TermRows) -> None:
        pairs = np.bincount(a.terms, minlength=a.width) * np.bincount(b.terms, minlength=b.width)
        common = np.flatnonzero(pairs > len(a) * len(b) / DENSE_SHARE)
        common = common[np.argsort(-pairs[common], kind="stable")][: CHUNK_CELLS // max(1, len(b))]
        self.count = len(common)
        self.is_common = np.zeros(a.width, dtype=bool)
        self.is_common[common] = True
        self.column = np.full(a.width, -1)
        self.column[common] = np.arange(self.count)

    def dense(self, rows: TermRows, first: int, last: int) -> np.ndarray:
        """Rows `first` to `last` as a dense matrix over the common terms only."""
        lo, hi = rows.starts[first], rows.starts[last]
        columns = self.column[rows.terms[lo:hi]]
        kept = columns >= 0
        out = np.zeros((last - first, self.count))
        out[rows.row_ids(first, last)[kept] - first, columns[kept]] = rows.weights[lo:hi][kept]
        return out


@dataclass(frozen=True)
class _TermIndex:
    """For each term, the rows that use it (ascending) and their weights."""

    starts: np.ndarray
    rows: np.ndarray
    weights: np.ndarray


def _by_term(rows: TermRows) -> _TermIndex:
    order = np.argsort(rows.terms, kind="stable")
    starts = np.searchsorted(rows.terms[order], np.arange(rows.width + 1))
    return _TermIndex(starts, rows.row_ids()[order], rows.weights[order])


def _product(a: TermRows, first: int, last: int, index: _TermIndex, n_cols: int) -> np.ndarray:
    """Rows `first` to `last` of a x b: every weight of those rows meets the weights of
    the same term in b, and the products are summed per (row, column)."""
    lo, hi = a.starts[first], a.starts[last]
    terms = a.terms[lo:hi]
    begins = index.starts[terms]
    counts = index.starts[terms + 1] - begins
    picked = _expand(begins, counts)
    rows = np.repeat(a.row_ids(first, last) - first, counts)
    products = np.repeat(a.weights[lo:hi], counts) * index.weights[picked]
    cells = rows * n_cols + index.rows[picked]
    summed = np.bincount(cells, products, minlength=(last - first) * n_cols)
    return summed.astype(np.float64, copy=False).reshape(last - first, n_cols)  # int when empty


def _expand(begins: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Positions begins[k], begins[k] + 1, ... (counts[k] of them) for every k, joined."""
    total = int(counts.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int64)
    offsets = np.repeat(begins - np.cumsum(counts) + counts, counts)
    return offsets + np.arange(total)


def _from_entries(rows: np.ndarray, terms: np.ndarray, weights: np.ndarray, n_rows: int, width: int) -> TermRows:
    """Rows from (row, term, weight) entries; repeated (row, term) pairs are summed."""
    keys, inverse = np.unique(rows * width + terms, return_inverse=True)
    summed = np.bincount(inverse.ravel(), weights, minlength=len(keys)).astype(np.float64, copy=False)
    row_of, term_of = np.divmod(keys, width)
    starts = np.searchsorted(row_of, np.arange(n_rows + 1))
    return TermRows(starts.astype(np.int64), term_of, summed, width)
