"""Variants of the evaluation stories in `corpus/`, each with its known truth.

Every story is one paragraph a line. An operation takes a `Draft` (the paragraphs, where
each came from in the original, the repeats and the conflicts injected so far) and
returns a new one, so operations compose. The truth is in paragraph indices (0-based),
which are block indices because the files have no blank lines.
"""
from __future__ import annotations

import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

CORPUS = Path(__file__).resolve().parent / "corpus"
_SENTENCE_END = re.compile(r"(?<=[.!?\"”])\s+(?=[A-Z\"“])")
_WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_NOT_NAMES = set(_WEEKDAYS) | set(
    "January February March April May June July August September October November December "
    "The A An In On At But He She It They We Its His Her Their President Minister Transport "
    "Business Union Opposition Council Port Prosecutors Investigators Auditors Photographs "
    "Seismologists Schools Commuter Shipping Firefighters Swedish Spanish European Women's "
    "Candidates Fire Ring Pacific Four Thick None People Our Had Her Lindqvist's".split())
_SYNONYMS = {
    "about": "around", "began": "started", "more than": "over",
    "killing": "leaving dead", "damaging": "wrecking", "forcing": "prompting",
    "warned": "cautioned", "largest": "biggest", "approved": "passed", "raises": "lifts",
    "remain": "stay", "closed": "shut", "demanding": "seeking", "scheduled": "planned",
    "cancelled": "called off", "arranged": "organised", "injuring": "hurting",
    "residents": "locals", "officials": "authorities", "company": "firm", "struck": "hit",
    "recorded": "registered", "strongest": "largest", "took part": "competed",
    "lasted": "went on for", "inquiry": "investigation", "estimated": "put",
}


@dataclass(frozen=True)
class Draft:
    paragraphs: tuple[str, ...]
    origin: tuple[frozenset[int], ...]          # original paragraphs each one carries
    repeats: frozenset[tuple[int, int]] = frozenset()   # (repeat, earlier paragraph)
    inner: frozenset[int] = frozenset()         # paragraphs with a sentence repeated inside
    conflicts: tuple[tuple[str, int], ...] = ()  # (kind, paragraph) where a fact was changed


@dataclass(frozen=True)
class Variant:
    story: str
    operation: str
    original: tuple[str, ...]
    draft: Draft = field(repr=False)

    @property
    def pairs(self) -> set[tuple[int, int]]:
        return {(o, j) for j, origins in enumerate(self.draft.origin) for o in origins}

    @property
    def conflicts(self) -> set[tuple[str, frozenset[tuple[int, int]]]]:
        """(kind, acceptable (original, version) block pairs) per injected conflict."""
        return {(kind, frozenset((o, j) for o in self.draft.origin[j])) for kind, j in self.draft.conflicts}


def load_stories() -> dict[str, tuple[str, ...]]:
    """The original stories (not the hand-written rewrites), by file stem."""
    return {p.stem: tuple(p.read_text(encoding="utf-8").splitlines())
            for p in sorted(CORPUS.glob("*.txt")) if ".rewrite" not in p.name}


def start(paragraphs: tuple[str, ...]) -> Draft:
    return Draft(paragraphs, tuple(frozenset({i}) for i in range(len(paragraphs))))


def _body(draft: Draft) -> list[int]:
    """Body paragraphs: from the dateline-opened lede on, never repeats."""
    first = next((i for i, p in enumerate(draft.paragraphs) if " - " in p[:60]), 2)
    repeated = {r for r, _ in draft.repeats}
    return [i for i in range(first, len(draft.paragraphs)) if i not in repeated and draft.origin[i]]


def _insert(draft: Draft, at: int, text: str, origin: frozenset[int]) -> Draft:
    """Insert a paragraph, shifting every index at or after `at`."""
    def shift(i: int) -> int:
        return i + 1 if i >= at else i
    return Draft(
        draft.paragraphs[:at] + (text,) + draft.paragraphs[at:],
        draft.origin[:at] + (origin,) + draft.origin[at:],
        frozenset((shift(r), shift(e)) for r, e in draft.repeats),
        frozenset(shift(i) for i in draft.inner),
        tuple((k, shift(i)) for k, i in draft.conflicts),
    )


def _remove(draft: Draft, at: int) -> Draft:
    def shift(i: int) -> int:
        return i - 1 if i > at else i
    return Draft(
        draft.paragraphs[:at] + draft.paragraphs[at + 1:],
        draft.origin[:at] + draft.origin[at + 1:],
        frozenset((shift(r), shift(e)) for r, e in draft.repeats if at not in (r, e)),
        frozenset(shift(i) for i in draft.inner if i != at),
        tuple((k, shift(i)) for k, i in draft.conflicts if i != at),
    )


def _set(draft: Draft, at: int, text: str, conflict: str | None = None) -> Draft:
    paragraphs = draft.paragraphs[:at] + (text,) + draft.paragraphs[at + 1:]
    conflicts = draft.conflicts + (((conflict, at),) if conflict else ())
    return replace(draft, paragraphs=paragraphs, conflicts=conflicts)


def repeat_run(draft: Draft, rng: random.Random) -> Draft:
    body = _body(draft)
    length = rng.randint(1, min(4, len(body)))
    first = rng.randint(0, len(body) - length)
    run = body[first:first + length]
    for i in run:
        at = len(draft.paragraphs)
        draft = _insert(draft, at, draft.paragraphs[i], frozenset())
        draft = replace(draft, repeats=draft.repeats | {(at, i)})
    return draft


def repeat_headline(draft: Draft, rng: random.Random) -> Draft:
    draft = _insert(draft, 1, draft.paragraphs[0], frozenset())
    return replace(draft, repeats=draft.repeats | {(1, 0)})


def near_repeat(draft: Draft, rng: random.Random) -> Draft:
    """A paragraph repeated a little later with a word dropped and its case changed."""
    i = rng.choice(_body(draft)[:-1])
    words = draft.paragraphs[i].split()
    del words[rng.randrange(1, len(words))]
    text = " ".join(words).replace(",", "", 1)
    at = min(len(draft.paragraphs), i + rng.randint(2, 4))
    draft = _insert(draft, at, text, frozenset())
    return replace(draft, repeats=draft.repeats | {(at, i)})


def repeat_sentence_inside(draft: Draft, rng: random.Random) -> Draft:
    candidates = [i for i in _body(draft) if len(_sentences(draft.paragraphs[i])) >= 2]
    i = rng.choice(candidates)
    sentences = _sentences(draft.paragraphs[i])
    k = rng.randrange(len(sentences))
    sentences.insert(k + 1, sentences[k])
    return replace(_set(draft, i, " ".join(sentences)), inner=draft.inner | {i})


def _sentences(paragraph: str) -> list[str]:
    return _SENTENCE_END.split(paragraph)


def respell_name(draft: Draft, rng: random.Random) -> Draft:
    """A name spelled differently everywhere: accents dropped, or one letter changed."""
    found = [(i, m) for i in _body(draft) for m in
             re.finditer(r"(?<=[a-z,] )[A-ZÀ-Þ][a-zà-ÿ]{4,}", draft.paragraphs[i])
             if m.group() not in _NOT_NAMES]
    i, m = rng.choice(found)
    name = m.group()
    plain = "".join(c for c in unicodedata.normalize("NFD", name) if not unicodedata.combining(c))
    if plain == name:
        k = rng.randrange(2, len(name) - 1)
        plain = name[:k] + ("e" if name[k] != "e" else "a") + name[k + 1:]
    for j in range(len(draft.paragraphs)):
        if name in draft.paragraphs[j] and draft.origin[j]:
            draft = _set(draft, j, draft.paragraphs[j].replace(name, plain), "name")
    return draft


def change_number(draft: Draft, rng: random.Random) -> Draft:
    found = [(i, m) for i in _body(draft) for m in
             re.finditer(r"(?<![\w.,:])\d{1,3}(?:,\d{3})*(?![\w:]|\.\d|,\d)", draft.paragraphs[i])
             if not re.fullmatch(r"(19|20)\d\d", m.group())]
    i, m = rng.choice(found)
    value = int(m.group().replace(",", ""))
    new = f"{value + max(1, round(value * rng.choice([0.1, 0.25, 0.5]))):,}"
    text = draft.paragraphs[i][:m.start()] + new + draft.paragraphs[i][m.end():]
    return _set(draft, i, text, "number")


def change_date(draft: Draft, rng: random.Random) -> Draft:
    found = [(i, m) for i in _body(draft) for m in
             re.finditer(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", draft.paragraphs[i])]
    i, m = rng.choice(found)
    new = rng.choice([d for d in _WEEKDAYS if d != m.group()])
    text = draft.paragraphs[i][:m.start()] + new + draft.paragraphs[i][m.end():]
    return _set(draft, i, text, "date")


def split_paragraph(draft: Draft, rng: random.Random) -> Draft:
    candidates = [i for i in _body(draft) if len(_sentences(draft.paragraphs[i])) >= 2]
    i = rng.choice(candidates)
    sentences = _sentences(draft.paragraphs[i])
    cut = rng.randint(1, len(sentences) - 1)
    draft = _set(draft, i, " ".join(sentences[:cut]))
    return _insert(draft, i + 1, " ".join(sentences[cut:]), draft.origin[i])


def merge_paragraphs(draft: Draft, rng: random.Random) -> Draft:
    body = _body(draft)
    pairs = [i for i in body if i + 1 in body]
    i = rng.choice(pairs)
    joined = draft.paragraphs[i] + " " + draft.paragraphs[i + 1]
    origin = draft.origin[i] | draft.origin[i + 1]
    draft = _remove(draft, i + 1)
    return replace(_set(draft, i, joined), origin=draft.origin[:i] + (origin,) + draft.origin[i + 1:])


def move_paragraph(draft: Draft, rng: random.Random) -> Draft:
    body = _body(draft)
    i = rng.choice(body[1:])
    text, origin = draft.paragraphs[i], draft.origin[i]
    draft = _remove(draft, i)
    at = rng.choice([j for j in _body(draft) if abs(j - i) > 1] or [_body(draft)[0]])
    return _insert(draft, at, text, origin)


def drop_paragraph(draft: Draft, rng: random.Random) -> Draft:
    return _remove(draft, rng.choice(_body(draft)))


def add_paragraph(draft: Draft, rng: random.Random) -> Draft:
    stories = load_stories()
    others = [p for name, ps in stories.items() for p in ps[3:] if p not in draft.paragraphs]
    at = rng.choice(_body(draft))
    return _insert(draft, at, rng.choice(others), frozenset())


def rewrite_sentences(draft: Draft, rng: random.Random) -> Draft:
    """Reword paragraphs: synonyms, and a sentence's clauses around a comma swapped."""
    for i in rng.sample(_body(draft), k=max(1, len(_body(draft)) // 2)):
        text = draft.paragraphs[i]
        for word, other in _SYNONYMS.items():
            text = re.sub(rf"\b{word}\b", other, text)
        sentences = _sentences(text)
        k = rng.randrange(len(sentences))
        head, sep, tail = sentences[k].partition(", ")
        if sep and tail.endswith(".") and '"' not in sentences[k] and "“" not in sentences[k]:
            sentences[k] = tail[:1].upper() + tail[1:-1] + ", " + head[:1].lower() + head[1:] + "."
        draft = _set(draft, i, " ".join(sentences))
    return draft


OPERATIONS: dict[str, Callable[[Draft, random.Random], Draft]] = {
    "repeat run": repeat_run, "repeat headline": repeat_headline, "near repeat": near_repeat,
    "sentence repeated inside": repeat_sentence_inside, "respelled name": respell_name,
    "changed number": change_number, "changed date": change_date, "split": split_paragraph,
    "merged": merge_paragraphs, "moved": move_paragraph, "dropped": drop_paragraph,
    "added": add_paragraph, "rewritten": rewrite_sentences,
}
MIXES = {
    "rewritten + split + moved": ("rewritten", "split", "moved"),
    "merged + dropped + changed number": ("merged", "dropped", "changed number"),
    "repeat run + respelled name + changed date": ("repeat run", "respelled name", "changed date"),
    "added + rewritten + changed number": ("added", "rewritten", "changed number"),
}


def make_variants(seeds: int = 3) -> list[Variant]:
    """Every operation and mix, on every story, with `seeds` random choices each."""
    out = []
    for story, paragraphs in load_stories().items():
        for name, ops in [*((n, (n,)) for n in OPERATIONS), *MIXES.items()]:
            for seed in range(seeds):
                rng = random.Random(f"{story}/{name}/{seed}")
                draft = start(paragraphs)
                for op in ops:
                    draft = OPERATIONS[op](draft, rng)
                out.append(Variant(story, name, paragraphs, draft))
    return out
