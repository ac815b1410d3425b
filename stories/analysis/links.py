"""Links between corresponding sentences of two sources, the places where facts are
compared. A rewrite moves a sentence into another paragraph as often as not, so links may
cross rows; a link inside one row needs less evidence than one across rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .dates import Date
from .facts import Facts, extract
from .model import Block
from .number_fact import Number
from .proper_names import name_runs
from .quantities import figures_in
from .text import content_terms_of
from .vectors import TermRows, cosine_chunks, tfidf

LINK_MIN = 0.2
SAME_ROW_BONUS = 0.15
MAX_SENTENCES = 4000  # per source; the rest of an enormous source is not linked


@dataclass(frozen=True)
class SentenceRef:
    block: Block
    index: int
    # The sentence's text, looked up once: it is asked for many times in every pair of sources.
    text: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "text", self.block.sentences[self.index].text)


@dataclass(frozen=True)
class Link:
    a: SentenceRef
    b: SentenceRef
    score: float


# A frozen dataclass's __init__ sets each field through object.__setattr__; the refs of every
# sentence and the links of every pair of sources are made without it (as `number_fact.made`).
_NEW = object.__new__


def _ref(block: Block, index: int) -> SentenceRef:
    ref = _NEW(SentenceRef)
    ref.__dict__.update(block=block, index=index, text=block.sentences[index].text)
    return ref


def _link(a: SentenceRef, b: SentenceRef, score: float) -> Link:
    link = _NEW(Link)
    link.__dict__.update(a=a, b=b, score=score)
    return link


class SentenceSpace:
    """Sentence vectors and facts of all original (non-repeat) blocks, computed once."""

    def __init__(self, blocks: list[Block]) -> None:
        self.refs: dict[str, list[SentenceRef]] = {}
        for block in blocks:
            if block.repeat_of is None:
                refs = self.refs.setdefault(block.source, [])
                if len(refs) < MAX_SENTENCES:
                    refs.extend(_ref(block, i) for i in range(len(block.sentences)))
        flat = [r for refs in self.refs.values() for r in refs]
        self.vectors = tfidf(content_terms_of(r.text for r in flat)).unit()
        self._by_source: dict[str, TermRows] = {}
        start = 0
        for key, refs in self.refs.items():
            self._by_source[key] = self.vectors.take(np.arange(start, start + len(refs)))
            start += len(refs)
        self._facts: dict[str, Facts] = {}
        self._figures: dict[str, tuple[tuple[Number, ...], tuple[Date, ...]]] = {}
        self._names: dict[str, tuple[tuple[str, ...], ...]] = {}

    def facts(self, ref: SentenceRef) -> Facts:
        """The facts a sentence states; read once per distinct sentence, as versions of one
        story repeat most of their sentences word for word. Its numbers and dates, when
        they have been read on their own (`numbers`), are not read again."""
        text = ref.text
        facts = self._facts.get(text)
        if facts is None:
            facts = self._facts[text] = extract(text, self._figures.get(text))
        return facts

    def numbers(self, ref: SentenceRef) -> tuple[Number, ...]:
        """The numbers a sentence states: from its facts when they have been read, else read
        on their own (cheaper: most sentences are compared for their numbers only)."""
        text = ref.text
        if text in self._facts:
            return self._facts[text].numbers
        return self._figures_of(text)[0]

    def dates(self, ref: SentenceRef) -> tuple[Date, ...]:
        """The dates a sentence states, read with its numbers (`numbers`)."""
        text = ref.text
        if text in self._facts:
            return self._facts[text].dates
        return self._figures_of(text)[1]

    def names(self, ref: SentenceRef) -> tuple[tuple[str, ...], ...]:
        """The runs of names a sentence gives, from its facts when they have been read."""
        text = ref.text
        if text in self._facts:
            return self._facts[text].names
        names = self._names.get(text)
        if names is None:
            names = self._names[text] = name_runs(text)
        return names

    def _figures_of(self, text: str) -> tuple[tuple[Number, ...], tuple[Date, ...]]:
        figures = self._figures.get(text)
        if figures is None:
            figures = self._figures[text] = figures_in(text)
        return figures

    def links(self, a: str, b: str, same_row: set[tuple[str, str]]) -> list[Link]:
        """Each sentence's best partner in the other source, when it is good enough; and
        the one sentence of each of two sources of one sentence, however few words they
        share: two snaps of one story (a wire's one-line flash) say one thing, and with two
        sentences the TF-IDF weight of a shared word is the least there is.

        The score is the cosine of the two sentences' TF-IDF vectors, plus a bonus when
        their blocks share a row. Only sentences that share a term are multiplied (see
        `vectors.cosines`); the best partners are kept a slice of rows at a time."""
        ra, rb = self.refs.get(a, []), self.refs.get(b, [])
        if not ra or not rb:
            return []
        bonus = _SameRow(ra, rb, same_row)
        best: dict[tuple[int, int], float] = {}
        column_best = np.full(len(rb), -np.inf)
        column_row = np.zeros(len(rb), dtype=np.int64)
        for first, scores in cosine_chunks(self._by_source[a], self._by_source[b]):
            bonus.add_to(scores, first)
            in_row = scores.argmax(axis=1)
            row_best = scores[np.arange(len(scores)), in_row]
            best.update(zip(zip(range(first, first + len(scores)), in_row.tolist()), row_best.tolist()))
            in_column = scores.argmax(axis=0)
            values = scores[in_column, np.arange(len(rb))]
            better = values > column_best  # ties keep the earlier row, as argmax does
            column_best[better], column_row[better] = values[better], in_column[better] + first
        best.update(zip(zip(column_row.tolist(), range(len(rb))), column_best.tolist()))
        links = [_link(ra[i], rb[j], score) for (i, j), score in sorted(best.items()) if score >= LINK_MIN]
        if not links and len(ra) == len(rb) == 1:  # two snaps of one story: each the other's counterpart
            links = [_link(ra[0], rb[0], LINK_MIN)]
        return links


class _SameRow:
    """The pairs of sentences of two sources whose blocks share a row (a few per sentence:
    a list of pairs, not a sentences x sentences matrix)."""

    def __init__(self, ra: list[SentenceRef], rb: list[SentenceRef], same_row: set[tuple[str, str]]) -> None:
        span_a, span_b = _spans(ra), _spans(rb)
        rows: list[int] = []
        columns: list[int] = []
        for x, y in same_row:
            if x in span_a and y in span_b:
                (first_a, end_a), (first_b, end_b) = span_a[x], span_b[y]
                for i in range(first_a, end_a):
                    rows.extend([i] * (end_b - first_b))
                    columns.extend(range(first_b, end_b))
        # By row (`add_to` takes a slice of rows): each pair stands once, so the order of
        # the columns within a row changes no sum.
        order = np.argsort(np.array(rows, dtype=np.int64), kind="stable")
        self.rows = np.array(rows, dtype=np.int64)[order]
        self.columns = np.array(columns, dtype=np.int64)[order]

    def add_to(self, scores: np.ndarray, first: int) -> None:
        """The bonus added to rows `first`, `first + 1`... of a's sentences x b's."""
        lo, hi = np.searchsorted(self.rows, [first, first + len(scores)])
        scores[self.rows[lo:hi] - first, self.columns[lo:hi]] += SAME_ROW_BONUS


def _spans(refs: list[SentenceRef]) -> dict[str, tuple[int, int]]:
    """Block id -> (first, last + 1) of its sentences in `refs` (they stand together)."""
    spans: dict[str, tuple[int, int]] = {}
    for n, ref in enumerate(refs):
        first, _ = spans.get(ref.block.id, (n, n))
        spans[ref.block.id] = (first, n + 1)
    return spans
