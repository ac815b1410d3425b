"""Does a new wire item belong to a story already stored? (Figures: see the end.)

An item is reduced once, when it arrives, to `ItemEvidence`: the stems of its content
words, the same for its lead (headline and first sentences, where a news item says what
happened), the proper names and numbers it states, the days it names, and a MinHash
signature of its words. The Django side stores the evidence as JSON and its LSH band
keys in an indexed table; a new item's keys find the candidates, `best_story` confirms
them with `match` and names the story to join (single link: a story is joined when any
one of its items matches), or None for a new story.

`match` scores a pair from 0 to 1 as a weighted sum of set cosines
(|A & B| / sqrt(|A| |B|), which forgives a short item beside a long one):

    0.3 content words + 0.2 lead words + 0.2 names + 0.2 numbers + 0.1 (a day both name)

and says "same story" at `THRESHOLD` and above, unless both times are known and more
than `WINDOW_HOURS` apart. Names and numbers carry as much weight as all the words
because different events of one kind (two earthquakes, two arrests of one player) share
their vocabulary but not their places, people, magnitudes and dates.

Measured with `benchmarks/grouping.py` (a feed simulated in a fixed shuffled order, each
item looking up candidates by band key as the table will): see the figures below.
"""
from __future__ import annotations

import math
import re
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from typing import Any, TypeVar

from .facts import Facts, extract
from .fingerprint import Fingerprint, minhash
from .sentences import split_sentences
from .text import STOPWORDS, clean_input, content_terms, fold

THRESHOLD = 0.40
WINDOW_HOURS = 72
WEIGHTS = {"terms": 0.3, "lead": 0.2, "names": 0.2, "numbers": 0.2}
DATE_WEIGHT = 0.1
N_BANDS = 64          # 2 rows each: pairs sharing ~15% of their words meet in a band
LEAD_TERMS = 50       # content words of the headline and first two or three sentences
MAX_CHARS = 30_000    # what an item is about is in its first pages; bounds the work

# Capitalised words that name no one in particular: agencies, time zones, company forms.
GENERIC_NAMES = frozenset("""
reuter reuters ap afp upi dpa efe ansa xinhua tass gmt utc est edt cst pst bst cet am pm
co corp inc ltd plc llc sa ag nv bv gmbh new mr mrs ms dr
""".split())
_LOWER_WORD = re.compile(r"(?<![\w'])[^\W\d_A-Z][\w'-]*")

StoryKey = TypeVar("StoryKey", bound=Hashable)


@dataclass(frozen=True)
class ItemEvidence:
    """What grouping keeps of one item. JSON-serialisable through `to_dict`/`from_dict`,
    because the Django side stores it."""

    signature: tuple[int, ...]   # MinHash of `terms`, for the band keys
    terms: frozenset[str]        # stems of the content words (text.content_terms)
    lead: frozenset[str]         # the same for the headline and the first LEAD_TERMS words
    names: frozenset[str]        # proper-name words, folded ("nicolas", "maduro", "us")
    numbers: frozenset[str]      # numbers with their unit ("4.4", "$1,500", "12%"); not 0-9
    dates: frozenset[str]        # days named, as "month-day" ("11-30")
    received_at: float | None    # POSIX seconds; None when unknown (no window check)

    def to_dict(self) -> dict[str, Any]:
        return {
            "signature": list(self.signature), "terms": sorted(self.terms), "lead": sorted(self.lead),
            "names": sorted(self.names), "numbers": sorted(self.numbers), "dates": sorted(self.dates),
            "received_at": self.received_at,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemEvidence:
        received_at = data.get("received_at")
        return cls(
            signature=tuple(int(v) for v in data["signature"]),
            terms=frozenset(data["terms"]), lead=frozenset(data["lead"]), names=frozenset(data["names"]),
            numbers=frozenset(data["numbers"]), dates=frozenset(data["dates"]),
            received_at=None if received_at is None else float(received_at),
        )


@dataclass(frozen=True)
class Match:
    score: float       # 0..1
    same_story: bool
    reason: str        # for an editor: "shares 62% of its words and the names Ortega, Managua"


def evidence_of(headline: str, text: str, received_at: float | None) -> ItemEvidence:
    """The evidence of one item. Any text is accepted; text with no words gives evidence
    that matches nothing."""
    full = clean_input(f"{headline}\n{text}")[:MAX_CHARS]
    terms = content_terms(fold(full))
    names, numbers, dates = _facts_of(full)
    return ItemEvidence(
        signature=minhash(terms).values, terms=frozenset(terms), lead=frozenset(terms[:LEAD_TERMS]),
        names=names, numbers=numbers, dates=dates, received_at=received_at,
    )


def band_keys(evidence: ItemEvidence) -> list[str]:
    """LSH band keys ("band:16 hex digits", at most 19 characters). Two items share at
    least one key when they share enough of their words to be worth a `match`; evidence
    with no words has no keys."""
    if not evidence.terms:
        return []
    return Fingerprint(evidence.signature).bands(N_BANDS)


def match(new: ItemEvidence, stored: ItemEvidence) -> Match:
    """Whether `new` reports the same story as `stored`, with a score and the reason."""
    if not new.terms or not stored.terms:
        return Match(0.0, False, "no words to compare")
    score = round(sum(w * _cosine(getattr(new, k), getattr(stored, k)) for k, w in WEIGHTS.items())
                  + (DATE_WEIGHT if new.dates & stored.dates else 0.0), 4)
    hours = _hours_apart(new, stored)
    if hours is not None and hours > WINDOW_HOURS:
        return Match(score, False, f"received {_duration(hours)} apart")
    shared = _shared_words(new, stored)
    if score >= THRESHOLD:
        return Match(score, True, shared)
    return Match(score, False, f"too little in common: {shared}")


def best_story(
    new: ItemEvidence, candidates: Iterable[tuple[StoryKey, ItemEvidence]]
) -> tuple[StoryKey, Match] | None:
    """The story whose best-matching item matches `new` with the highest score (the first
    one given on a tie), and that match; None when no candidate matches."""
    best: tuple[StoryKey, Match] | None = None
    for key, stored in candidates:
        found = match(new, stored)
        if found.same_story and (best is None or found.score > best[1].score):
            best = (key, found)
    return best


def _facts_of(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Names, numbers and days stated in `text`, read with facts.extract sentence by
    sentence (line by line first: a headline has no full stop)."""
    lowercase = {fold(w) for w in _LOWER_WORD.findall(text)}
    names: set[str] = set()
    numbers: set[str] = set()
    dates: set[str] = set()
    for line in text.splitlines():
        shouting = line.upper() == line  # an all-capitals headline: every word looks like a name
        for sentence in split_sentences(line):
            facts = extract(sentence.text)
            if not shouting:
                names.update(_names(facts, lowercase, opener=facts.words[0] if facts.words else ""))
            numbers.update(_number(n.value, n.unit) for n in facts.numbers if not n.spelled)
            dates.update(value for group, value, _ in facts.dates if group == "day")
    numbers.discard("")
    return frozenset(names), frozenset(numbers), frozenset(dates)


def _names(facts: Facts, lowercase: set[str], opener: str) -> Iterable[str]:
    """Folded name words, leaving out words the item also writes in lower case and a
    lone capitalised word opening the sentence ("Bankers said", "Currently, ..."): a name
    there is found again where it is not the first word. Also leaves out names of no one
    in particular."""
    for run in facts.names:
        if len(run) == 1 and opener.startswith(run[0]):
            continue
        for word in run:
            folded = fold(word).replace(" ", "")  # "U.S" -> "us"
            if word[:1].isupper() and folded not in lowercase and folded not in STOPWORDS \
                    and folded not in GENERIC_NAMES and not folded.isdigit():
                yield folded


def _number(value: float, unit: str) -> str:
    """A number as a key: "4.4", "1,500", "12%", "$2,000,000"; "" for 0 to 9, which
    every story states (single digits name nothing in particular)."""
    if value < 10 and float(value).is_integer() and not unit:
        return ""
    shown = f"{value:,.12g}"
    return f"{shown}%" if unit == "%" else f"{unit}{shown}"


def _cosine(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / math.sqrt(len(a) * len(b)) if a and b else 0.0


def _hours_apart(a: ItemEvidence, b: ItemEvidence) -> float | None:
    if a.received_at is None or b.received_at is None:
        return None
    return abs(a.received_at - b.received_at) / 3600


def _duration(hours: float) -> str:
    return f"{hours / 24:.0f} days" if hours >= 48 else f"{hours:.0f} hours"


def _shared_words(new: ItemEvidence, stored: ItemEvidence) -> str:
    """ "shares 62% of its words, the names Ortega, Managua and the numbers 4.4, 250" """
    share = len(new.terms & stored.terms) / len(new.terms)
    parts = [f"shares {share:.0%} of its words"]
    names = sorted(new.names & stored.names)
    if names:
        parts.append("the names " + _listed([n.upper() if len(n) <= 2 else n.title() for n in names]))
    numbers = sorted(new.numbers & stored.numbers)
    if numbers:
        parts.append("the numbers " + _listed(numbers))
    if new.dates & stored.dates:
        parts.append("a date")
    if len(parts) == 1:
        return parts[0]
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _listed(items: list[str], most: int = 4) -> str:
    shown = ", ".join(items[:most])
    return shown + (f" (+{len(items) - most} more)" if len(items) > most else "")
