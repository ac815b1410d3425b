"""Splitting a source into blocks (standfirst, headline, dek, byline, dateline, body).

Two shapes of copy are common: one paragraph a line (blank lines optional), and
paragraphs separated by blank lines with hard-wrapped lines. `paragraphs` tells them
apart and returns each paragraph with the 1-based line range it came from.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .model import Block, Sentence
from .sentences import split_sentences
from .text import clean_input, display_text, fold, is_heading, normalise

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_TERMINAL = re.compile(r"[.!?:;\"'\u201d\u2019)]\s*$")
_BYLINE = re.compile(r"^(?:by|from)\s+[^\W\d_][\w.'\u2019-]*(?:[\s,]+[\w.'\u2019&-]+){0,8}$", re.I)
_DATELINE_ALONE = re.compile(
    r"^[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE .'\u2019-]{1,40}(?:,\s*[\w .'\u2019-]{1,40})?"
    r"\s*(?:\([^)]{1,40}\))?\s*(?:[-\u2013\u2014]+|:)?\s*$"
)
DATELINE_OPENING = re.compile(
    r"^[A-Z\u00C0-\u00DE][A-Z\u00C0-\u00DE .'\u2019-]{1,40}(?:,\s*[\w .'\u2019-]{1,40})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s"
)
MAX_BLOCKS = 5000


def split_lines(text: str) -> list[str]:
    return _LINE_BREAK.split(text) if "\r" in text else text.split("\n")


def paragraphs(text: str) -> list[tuple[str, int, int]]:
    """(raw paragraph text, first line, last line) for every paragraph of `text`."""
    lines = split_lines(clean_input(text))
    runs = _runs(lines)
    if not _is_wrapped(lines, runs):
        return [(lines[i], i + 1, i + 1) for first, last in runs for i in range(first, last + 1)]
    out = []
    for first, last in runs:
        start = first
        for i in range(first, last + 1):  # headings and bylines stay lines of their own
            if i > start and (is_heading(lines[i]) or is_heading(lines[i - 1])):
                out.append((" ".join(s.strip() for s in lines[start:i]), start + 1, i))
                start = i
        out.append((" ".join(s.strip() for s in lines[start : last + 1]), start + 1, last + 1))
    return out


def _runs(lines: list[str]) -> list[tuple[int, int]]:
    runs, start = [], None
    for i, line in enumerate(lines + [""]):
        if line.strip() and start is None:
            start = i
        elif not line.strip() and start is not None:
            runs.append((start, i - 1))
            start = None
    return runs


def _is_wrapped(lines: list[str], runs: list[tuple[int, int]]) -> bool:
    """Hard-wrapped copy: blank lines between paragraphs, and inside a paragraph most lines
    stop mid-sentence and none is long."""
    inner = [lines[i] for a, z in runs for i in range(a, z) if z > a]
    if len(runs) < 2 or not inner or max(len(line) for line in lines) > 120:
        return False
    open_ended = sum(1 for line in inner if not _TERMINAL.search(line))
    return open_ended >= 0.6 * len(inner)


def parse_blocks(key: str, text: str) -> list[Block]:
    """Blocks of one source, kinds assigned, repeats not yet marked."""
    paras = [(p, shown) for p in paragraphs(text) if (shown := display_text(p[0]))][:MAX_BLOCKS]
    kinds = classify([raw for (raw, _, _), _ in paras], [shown for _, shown in paras])
    blocks = []
    for n, (((_, first, last), shown), kind) in enumerate(zip(paras, kinds)):
        norm, sentences = _read(shown)
        blocks.append(
            Block(
                id=f"{key}{n + 1}",
                source=key,
                index=n,
                kind=kind,
                text=shown,
                norm=norm,
                lines=(first, last),
                sentences=sentences,
            )
        )
    return blocks


@lru_cache(maxsize=1 << 14)  # the versions of a story repeat most of their passages word for word
def _read(shown: str) -> tuple[str, tuple[Sentence, ...]]:
    """A passage's normalised form and its sentences, from its display text."""
    return normalise(shown), split_sentences(shown)


def classify(raws: list[str], shown: list[str] | None = None) -> list[str]:
    """Kinds of the blocks, from their position and shape (see `_front_matter`); `shown`
    are their display texts when the caller has them."""
    kinds = ["body"] * len(raws)
    shown = [display_text(r) for r in raws] if shown is None else shown
    for i, raw in enumerate(raws):
        kind = _kind_alone(raw, shown[i])
        if kind != "heading":
            kinds[i] = kind
        elif i > 3:
            kinds[i] = "other"
    _front_matter(raws, shown, kinds)
    return kinds


@lru_cache(maxsize=1 << 14)  # the versions of a story repeat most of their passages word for word
def _kind_alone(raw: str, shown: str) -> str:
    """A passage's kind from its own shape: "byline", "dateline", "heading" (a Markdown
    heading: "other" after the first few passages) or "body"."""
    if len(shown) < 80 and _BYLINE.match(shown):  # the length first: most passages are longer
        return "byline"
    if len(shown.split(None, 6)) <= 6 and _DATELINE_ALONE.match(shown):  # the count first: most are longer
        return "dateline"
    return "heading" if is_heading(raw) else "body"


def _front_matter(raws: list[str], shown: list[str], kinds: list[str]) -> None:
    """Standfirst (summary before the headline), headline (and its repeats), dek."""
    head = next(
        (i for i in range(min(4, len(raws))) if kinds[i] == "body" and _looks_like_headline(raws[i], shown[i])), None
    )
    if head is None or (head > 0 and not all(kinds[j] == "body" for j in range(head))):
        return
    for j in range(head):
        kinds[j] = "standfirst"
    kinds[head] = "headline"
    key, i = fold(shown[head]), head + 1
    while i < len(raws) and (fold(shown[i]) == key or kinds[i] in ("byline", "dateline")):
        if fold(shown[i]) == key:
            kinds[i] = "headline"
        i += 1
    if i < len(raws) - 1 and kinds[i] == "body" and _looks_like_dek(shown[i]):
        kinds[i] = "dek"


def _looks_like_headline(raw: str, shown: str) -> bool:
    n = len(shown.split())
    if is_heading(raw):
        return True
    return 0 < n <= 20 and len(shown) <= 160 and not shown.endswith((".", ":", ";"))


def _looks_like_dek(shown: str) -> bool:
    return len(shown.split()) <= 30 and len(split_sentences(shown)) == 1 and not DATELINE_OPENING.match(shown)
