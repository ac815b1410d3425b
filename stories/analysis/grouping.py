"""Does a new wire item belong to a story already stored?

An item is reduced once, when it arrives, to `ItemEvidence`: the stems of its content
words, the same for its lead (headline and first sentences, where a news item says what
happened), the proper names and numbers it states, its provider and receive time, and a
MinHash signature of its words. The Django side stores the evidence as JSON and its band
keys in an indexed table; a new item's keys find the candidates, `best_story` confirms
them and names the story to join, or None for a new story. A story is joined when one of
its items matches the new one (`match`), or when several of its items from other
providers match it together (`_pooled`: each outlet's rewrite names part of what
happened, and the next shares a little with each).

`match` scores a pair from 0 to 1: the weighted mean of set cosines (|A & B| /
sqrt(|A| |B|), which forgives a short item beside a long one) of content words (3),
lead words (2), names (2) and numbers (3), each kind counting only where both items
state it: a short item giving no figures is silent on the other's, not at odds with
them (counted as no match, they cost ECB+'s tuning half 0.03 of B-cubed F1). Names and
numbers weigh as much as all the words because different events of one kind (two
earthquakes, two arrests of one player) share their vocabulary, not their places,
people, magnitudes and tolls. The same story is:

- `THRESHOLD` 0.30 and above for items of different (or unknown) providers: rewrites;
- `SAME_PROVIDER_THRESHOLD` 0.65 and above for two items of one provider: an agency's
  separate items on one beat within days are different stories (its own follow-ups
  share words, names and numbers as much as another agency's rewrite does), and its
  re-file of an item scores 0.65 and more;
- never when both receive times are known and more than `WINDOW_HOURS` (72) apart.

Measured with `benchmarks/grouping.py` (a feed in a fixed shuffled order, seed 7; seeds 8
and 9 in brackets), each item finding candidates by band key as the table does:

- ECB+, 982 articles of many outlets on 86 events, pairs of related events as hard
  negatives, no receive times: pairwise P 0.958 (0.943, 0.961), R 0.721 (0.718, 0.724);
  B-cubed F1 0.840 (0.837, 0.845); 206 stories for 86 (single items' matches alone: P
  0.959, R 0.705, B-cubed F1 0.831). On the half of the topics not looked at while
  choosing the rules, B-cubed F1 0.826 (0.798, 0.777), pairwise P 0.984 (0.861, 0.944).
  Related events share so much of their words, names and figures that a lower bar trades
  precision for recall along one curve (0.28 on the tuning half, means over seeds 7 to
  9: P 0.89, R 0.76), and so does weighing rare words more. Even a perfect veto of joins
  across events would leave the tuning half at B-cubed F1 0.85 (0.91 at a bar of 0.25).
- Reuters, 273 groups of re-filed versions among 1,405 other stories of the same weeks,
  one provider (so nothing is pooled): pairwise P 0.984, R 1.000; B-cubed P 0.998,
  R 1.000; 1,655 stories for 1,659. Without the provider rule, P falls to 0.30.
- Median time an item: 2 to 3 ms for the evidence, 1.5 to 2.5 ms to look up and match.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import combinations
from typing import Any, TypeVar

from .facts import Facts, extract
from .fingerprint import Fingerprint, minhash
from .match_reasons import duration, shared_words
from .sentences import split_sentences
from .text import STOPWORDS, clean_input, content_terms, fold

THRESHOLD = 0.30  # items from different (or unknown) providers: rewrites
SAME_PROVIDER_THRESHOLD = 0.65  # two items of one provider: only a re-file is the same story
WINDOW_HOURS = 72
# The stored items a new one is scored against: those sharing the most band keys with it.
# A re-file shares most of its original's keys and ranks first however much copy came
# between; a rewrite by another outlet may share one or two, as unrelated copy on the same
# day does. 100 gives ECB+ what every item sharing a key gives (at 50, a few joins fewer).
CANDIDATES = 100
# What the other candidates also state counts this much against a story's pooled evidence.
BACKGROUND = 0.5
POOLED_ITEMS = 8  # a story's items pooled at most: enough together, and bounded work
WEIGHTS = {"terms": 0.3, "lead": 0.2, "names": 0.2, "numbers": 0.3}  # divided by their sum
N_BANDS = 64  # bands of 2 values, in each of two pairings: 128 keys an item
NAME_BANDS = 16  # and bands of 2 values of the names' MinHash: 16 more for an item naming anyone
LEAD_TERMS = 50  # content words of the headline and first two or three sentences
MAX_CHARS = 30_000  # what an item is about is in its first pages; bounds the work

# Capitalised words that name no one in particular: agencies, time zones, company forms.
GENERIC_NAMES = frozenset(
    """
reuter reuters ap afp upi dpa efe ansa xinhua tass gmt utc est edt cst pst bst cet am pm
co corp inc ltd plc llc sa ag nv bv gmbh new mr mrs ms dr
""".split()
)
_LOWER_WORD = re.compile(r"(?<![\w'])[^\W\d_A-Z][\w'-]*")

StoryKey = TypeVar("StoryKey", bound=Hashable)


@dataclass(frozen=True)
class ItemEvidence:
    """What grouping keeps of one item. JSON-serialisable through `to_dict`/`from_dict`,
    because the Django side stores it."""

    signature: tuple[int, ...]  # MinHash of `terms`, for the band keys
    terms: frozenset[str]  # stems of the content words (text.content_terms)
    lead: frozenset[str]  # the same for the headline and the first LEAD_TERMS words
    names: frozenset[str]  # proper-name words, folded ("nicolas", "maduro", "us")
    numbers: frozenset[str]  # numbers with their unit ("4.4", "$1,500", "12%"); not 0-9
    received_at: float | None  # POSIX seconds; None when unknown (no window check)
    provider: str | None = None  # who sent it, folded; None when unknown
    # Each name as this item writes it ("engebretsenholm" -> "Engebretsen-Holm"), for the
    # reason an editor reads. Not stored: only a new item's reason prints its names.
    written: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "signature": list(self.signature),
            "terms": sorted(self.terms),
            "lead": sorted(self.lead),
            "names": sorted(self.names),
            "numbers": sorted(self.numbers),
            "received_at": self.received_at,
            "provider": self.provider,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ItemEvidence:
        received_at = data.get("received_at")
        return cls(
            signature=tuple(int(value) for value in data["signature"]),
            terms=frozenset(data["terms"]),
            lead=frozenset(data["lead"]),
            names=frozenset(data["names"]),
            numbers=frozenset(data["numbers"]),
            received_at=None if received_at is None else float(received_at),
            provider=data.get("provider"),
        )


@dataclass(frozen=True)
class Match:
    score: float  # 0..1
    same_story: bool
    reason: str  # for an editor, at most REASON_CHARS: "shares 62% of its words and the names Ortega, Managua"


def evidence_of(headline: str, text: str, received_at: float | None, provider: str | None = None) -> ItemEvidence:
    """The evidence of one item. Any text is accepted; text with no words gives evidence
    that matches nothing. `provider` names the agency (any stable name or id)."""
    full = clean_input(f"{headline}\n{text}")[:MAX_CHARS]
    terms = content_terms(fold(full))
    written, numbers = _facts_of(full)
    return ItemEvidence(
        signature=minhash(terms).values,
        terms=frozenset(terms),
        lead=frozenset(terms[:LEAD_TERMS]),
        names=frozenset(written),
        numbers=numbers,
        received_at=received_at,
        provider=(fold(clean_input(provider)) or None) if provider else None,
        written=written,
    )


def band_keys(evidence: ItemEvidence) -> list[str]:
    """LSH band keys, at most 20 characters ("12:9f0c3a5e1b2d4c6f", "x12:...", "n12:...").
    Two items share at least one key when they share enough of their words, or of their
    names, to be worth a `match`; evidence with no words has no keys.

    The signature is cut into bands of two values twice: neighbours (0, 1), (2, 3), ...
    and values half a signature apart (0, 64), (1, 65), ...: a rewrite sharing 12% of its
    words meets its original in some band 84% of the time, against 60% with one pairing
    (on ECB+, 86% of true pairs instead of 74%). A MinHash of the names gives NAME_BANDS
    more: a long item and a short rewrite of it share few of all their words but most of
    the short one's names (91% of true ECB+ pairs share some key)."""
    if not evidence.terms:
        return []
    values = evidence.signature
    half = len(values) // 2
    crossed = Fingerprint(tuple(value for pair in zip(values[:half], values[half:]) for value in pair))
    keys = Fingerprint(values).bands(N_BANDS) + [f"x{key}" for key in crossed.bands(N_BANDS)]
    if evidence.names:
        named = Fingerprint(minhash(evidence.names).values[: 2 * NAME_BANDS])
        keys += [f"n{key}" for key in named.bands(NAME_BANDS)]
    return keys


def match(new: ItemEvidence, stored: ItemEvidence, score: float | None = None) -> Match:
    """Whether `new` reports the same story as `stored`, with a score and the reason.
    `score`: their `pair_score`, when the caller has it already."""
    if not new.terms or not stored.terms:
        return Match(0.0, False, "no words to compare")
    score = pair_score(new, stored) if score is None else score
    hours = _hours_apart(new, stored)
    if hours is not None and hours > WINDOW_HOURS:
        return Match(score, False, f"received {duration(hours)} apart")
    shared = shared_words(new, stored)
    if joins(new, stored, score):
        return Match(score, True, shared)
    if new.provider is not None and new.provider == stored.provider and score >= THRESHOLD:
        return Match(score, False, f"another item of the same provider: {shared}")
    return Match(score, False, f"too little in common: {shared}")


def joins(new: ItemEvidence, stored: ItemEvidence, score: float) -> bool:
    """`match(new, stored).same_story`, given their `pair_score`, without the reason."""
    if not new.terms or not stored.terms:
        return False
    hours = _hours_apart(new, stored)
    if hours is not None and hours > WINDOW_HOURS:
        return False
    same_provider = new.provider is not None and new.provider == stored.provider
    return score >= (SAME_PROVIDER_THRESHOLD if same_provider else THRESHOLD)


def pair_score(new: ItemEvidence, stored: ItemEvidence) -> float:
    """The weighted mean of the set cosines of the kinds of evidence (words, lead, names,
    numbers) that both items state: a kind one of them does not state (a short item gives
    no figures) says nothing either way."""
    # Written out: grouping's hottest loop (100 candidates an item, a revisit's pairs).
    weighted = stated = 0.0
    for kind, weight in WEIGHTS.items():
        these, those = getattr(new, kind), getattr(stored, kind)
        if these and those:
            stated += weight
            weighted += weight * (len(these & those) / math.sqrt(len(these) * len(those)))
    return round(weighted / stated, 4) if stated else 0.0


def best_story(
    new: ItemEvidence, candidates: Iterable[tuple[StoryKey, ItemEvidence]], scores: Sequence[float] | None = None
) -> tuple[StoryKey, Match] | None:
    """The story `new` belongs to, and the match that says so; None for a new story.
    `scores`: the candidates' `pair_score`s with `new`, when the caller has them.

    A story is joined when one of its items matches `new` (`match`), or when several of
    its items match it together (`_pooled`): the highest score wins, the first story
    given on a tie."""
    given = list(candidates)
    joined: tuple[StoryKey, ItemEvidence, float] | None = None
    for n, (key, stored) in enumerate(given):
        score = pair_score(new, stored) if scores is None else scores[n]
        if joins(new, stored, score) and (joined is None or score > joined[2]):
            joined = (key, stored, score)
    best = None if joined is None else (joined[0], match(new, joined[1], joined[2]))
    pooled = _pooled(new, given)
    if pooled and (best is None or pooled[1] > best[1].score):
        key, score, members = pooled
        best = (
            key,
            Match(score, True, f"with {len(members)} items of the story: {shared_words(new, _union(members))}"),
        )
    return best


def _pooled(
    new: ItemEvidence, candidates: list[tuple[StoryKey, ItemEvidence]]
) -> tuple[StoryKey, float, list[ItemEvidence]] | None:
    """The story whose two or more candidates (of other providers, inside the window)
    match `new` best together, at THRESHOLD or above: its key, the score and those items.
    Rewrites by different outlets each name part of what happened, and a new one may
    share a little with each and enough only with all of them.

    Each word, name and number of `new` counts for the share of the story's items that
    state it, less BACKGROUND times the share of the other candidates stating it: the
    other candidates are the copy most like `new`, so what they state as well (the place
    and people of a related event, a beat's vocabulary) tells the story from them less.
    The kinds are weighed as in `pair_score`, each normalised as a cosine against the story's
    pooled counts; one item alone scores at most its `match` score."""
    if not new.terms:
        return None
    eligible = [(key, stored) for key, stored in candidates if _may_pool(new, stored)]
    stories: dict[StoryKey, list[ItemEvidence]] = {}
    for key, stored in eligible:
        stories.setdefault(key, [])
        if len(stories[key]) < POOLED_ITEMS:  # the best ranked: candidates come best first
            stories[key].append(stored)
    shown = {kind: Counter[str]() for kind in WEIGHTS}
    for _, stored in eligible:
        for kind, counts in shown.items():
            counts.update(getattr(stored, kind) & getattr(new, kind))
    best = None
    for key, members in stories.items():
        if len(members) >= 2:
            score = _pooled_score(new, members, shown, len(eligible) - len(members))
            if score >= THRESHOLD and (best is None or score > best[1]):
                best = (key, score, members)
    return best


def _union(members: list[ItemEvidence]) -> ItemEvidence:
    """The story's items as one, for the reason: what `new` shares with any of them."""

    def joined(kind: str) -> frozenset[str]:
        return frozenset().union(*(getattr(member, kind) for member in members))

    return replace(members[0], terms=joined("terms"), names=joined("names"), numbers=joined("numbers"))


def _may_pool(new: ItemEvidence, stored: ItemEvidence) -> bool:
    hours = _hours_apart(new, stored)
    same_provider = new.provider is not None and new.provider == stored.provider
    return bool(stored.terms) and not same_provider and (hours is None or hours <= WINDOW_HOURS)


def _pooled_score(new: ItemEvidence, members: list[ItemEvidence], shown: dict[str, Counter[str]], others: int) -> float:
    weighted = stated = 0.0  # each kind counting where `new` and an item state it, as in `pair_score`
    against = BACKGROUND / max(1, others)
    for kind, weight in WEIGHTS.items():
        mine = getattr(new, kind)
        sets = [getattr(member, kind) for member in members]
        if mine and any(sets):
            stated += weight
            weighted += weight * _pooled_cosine(mine, sets, shown[kind], against)
    return round(weighted / stated, 4) if stated else 0.0


def _pooled_cosine(mine: frozenset[str], sets: list[frozenset[str]], shown: Counter[str], against: float) -> float:
    """The cosine of `mine` against the pooled counts of `sets`, a shared word counting for
    the share of the items stating it less `against` times the other candidates stating it."""
    n = len(sets)
    pool: Counter[str] = Counter()
    for each in sets:
        pool.update(mine & each)
    support = sum(max(0.0, count / n - against * (shown[word] - count)) for word, count in pool.items())
    # The squared norm of the pooled counts, sum of count**2 over every word the items
    # state, is the sum of the sizes of all pairs' intersections.
    squares = sum(len(each) for each in sets) + 2 * sum(len(a & b) for a, b in combinations(sets, 2))
    return support * n / math.sqrt(len(mine) * squares)


def _facts_of(text: str) -> tuple[dict[str, str], frozenset[str]]:
    """Names (folded, each with the first way `text` writes it) and numbers stated in
    `text`, read with facts.extract sentence by sentence (line by line first: a headline
    has no full stop)."""
    lowercase = {fold(word) for word in _LOWER_WORD.findall(text)}
    names: dict[str, str] = {}
    numbers: set[str] = set()
    for line in text.splitlines():
        shouting = line.upper() == line  # an all-capitals headline: every word looks like a name
        for sentence in split_sentences(line):
            facts = extract(sentence.text)
            if not shouting:
                for folded, word in _names(facts, lowercase, opener=facts.words[0] if facts.words else ""):
                    names.setdefault(folded, word)
            numbers.update(_number(number.value, number.unit) for number in facts.numbers if not number.spelled)
    numbers.discard("")
    return names, frozenset(numbers)


def _names(facts: Facts, lowercase: set[str], opener: str) -> Iterable[tuple[str, str]]:
    """Name words, folded and as written, leaving out words the item also writes in lower
    case and a lone capitalised word opening the sentence ("Bankers said", "Currently,
    ..."): a name there is found again where it is not the first word. Also leaves out
    names of no one in particular."""
    for run in facts.names:
        if len(run) == 1 and opener.startswith(run[0]):
            continue
        for word in run:
            folded = fold(word).replace(" ", "")  # "U.S" -> "us"
            if (
                word[:1].isupper()
                and folded not in lowercase
                and folded not in STOPWORDS
                and folded not in GENERIC_NAMES
                and not folded.isdigit()
            ):
                yield folded, word


def _number(value: float, unit: str) -> str:
    """A number as a key: "4.4", "1,500", "12%", "$2,000,000"; "" for 0 to 9, which
    every story states (single digits name nothing in particular)."""
    if value < 10 and float(value).is_integer() and not unit:
        return ""
    shown = f"{value:,.12g}"
    return f"{shown}%" if unit == "%" else f"{unit}{shown}"


def _hours_apart(new: ItemEvidence, stored: ItemEvidence) -> float | None:
    if new.received_at is None or stored.received_at is None:
        return None
    return abs(new.received_at - stored.received_at) / 3600
