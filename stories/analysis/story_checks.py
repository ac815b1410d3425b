"""The checks of facts each source states anywhere in the story, not only in the sentences
linked to the other source's: a toll, a quake's magnitude, a person's age, the number to
call. Each is a pair of functions: `read` takes what a source states of its kind from the
source's numbers and sentences (once, for all the pairs of sources it takes part in), and
`check` compares two sources' readings and reports what cannot both be true. A new check
is one more line of `STORY_CHECKS`; they run in its order.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from .aged import drop_aged, named_in_full
from .bearings import bearings_of, check_bearings
from .built import BUILT_WORDS, built_of, check_built
from .causes import DEATH_WORDS, check_causes, deaths_of
from .clock import check_clocks_anywhere, clocked_of
from .consent import answers_of, check_answers
from .copy_dates import CopyDate, aged_between
from .counts_anywhere import check_counts_anywhere, whole_counts
from .crowds import check_crowds, crowds_of
from .dates import Date
from .deals import check_deals, deal_of
from .event_days import check_days_anywhere, days_of
from .falls import check_falls, falls_of
from .final_scores import check_results, results_of
from .finders import FINDING_WORDS, check_findings, findings_of
from .found import Found
from .game_clocks import TIME_LEFT_WORDS, check_game_clocks, game_clocks_of
from .hometowns import check_hometowns, hometowns_of
from .magnitudes import check_magnitudes, magnitudes_of
from .married import WEDDING_WORDS, check_weddings, weddings_of
from .model import Block
from .number_fact import Number
from .numbers import Ages, ages_of, check_ages_anywhere
from .parents import check_parents, parents_of
from .past_quakes import check_past_quakes, past_quakes_of
from .phones import check_phones, phones_of
from .placed_parts import PlacedTolls, check_placed
from .populations import check_populations, populations_of
from .records import check_records, records_of
from .rounds import ROUND_WORDS, check_games, games_of
from .shaking import check_shaking, shaking_of
from .shares import check_named_shares, named_shares_of
from .targets import check_targets, targets_of
from .titles import HOLDER_WORDS, check_holders, check_served, holders_of, served_of
from .today import check_today, today_of
from .tolls import Tolls, check_tolls, drop_loose_tolls, tolls_of
from .totals import check_totals, totals_of
from .visits import check_visits, visits_of
from .weapons import GUN_WORDS, check_weapons, weapons_of
from .works import check_works, works_of


class StoryTexts:
    """The distinct sentences of all a story's sources, joined once, and which of them hold
    given words. Versions of a story repeat many of their sentences: a word is looked for
    once in each sentence, not once for every source that prints it."""

    def __init__(self, texts: Iterable[str]) -> None:
        distinct = list(dict.fromkeys(texts))
        # Joined by line breaks (no word looked for holds one), with where each begins.
        self._joined = "\n".join(distinct)
        self._texts = distinct
        self._starts = list(itertools.accumulate((len(text) + 1 for text in distinct[:-1]), initial=0))
        self._having: dict[tuple[str, ...], set[str]] = {}

    def having(self, words: tuple[str, ...]) -> set[str]:
        """The sentences that hold any of `words`: found in one text of them all, at C
        speed, rather than tried sentence by sentence (35 readers, each over every sentence)."""
        if words not in self._having:
            joined, starts = self._joined, self._starts
            hits: set[str] = set()
            for word in words:
                at = joined.find(word)
                while at >= 0:
                    n = bisect.bisect_right(starts, at) - 1
                    hits.add(self._texts[n])
                    at = joined.find(word, starts[n + 1]) if n + 1 < len(starts) else -1  # on to the next sentence
            self._having[words] = hits
        return self._having[words]


@dataclass
class SourceReading:
    """What the story-wide checks read of one source."""

    numbers: list[tuple[Block, tuple[Number, ...]]]  # each sentence's numbers, by its passage
    dated: list[tuple[Block, str, tuple[Date, ...]]]  # each sentence with its dates
    year: int | None  # the year its copy was written, when its stamp says
    day: int | None = None  # the day its copy was written (an ordinal), when its stamp says
    story: StoryTexts | None = None  # the sentences of all the story's sources (else this source's)

    @cached_property
    def sentences(self) -> list[tuple[Block, str]]:
        return [(block, text) for block, text, _ in self.dated]

    @cached_property
    def holding(self) -> list[tuple[Block, str]]:
        """The sentences that may name who holds a post."""
        return self.having(*HOLDER_WORDS)

    def having(self, *words: str) -> list[tuple[Block, str]]:
        """The sentences that hold any of `words`, in order. Most readers look for a few
        words that most sentences lack (`StoryTexts.having`)."""
        texts = self._story.having(words)
        if not texts:
            return []
        places = self._places
        return [self.sentences[n] for n in sorted(n for text in texts for n in places.get(text, ()))]

    @cached_property
    def _story(self) -> StoryTexts:
        return self.story if self.story is not None else StoryTexts(text for _, text in self.sentences)

    @cached_property
    def _places(self) -> dict[str, list[int]]:
        """Each sentence's text -> where it stands among the source's sentences."""
        places: dict[str, list[int]] = {}
        for n, (_, text) in enumerate(self.sentences):
            places.setdefault(text, []).append(n)
        return places


@dataclass(frozen=True)
class StoryCheck:
    read: Callable[[SourceReading], Any]
    check: Callable[[Found, Any, Any], None]


def _ages(reading: SourceReading) -> tuple[Ages, CopyDate]:
    ages = named_in_full(ages_of(reading.numbers), [text for _, text in reading.sentences])
    return ages, CopyDate(reading.year, reading.day)


def _check_ages(found: Found, ages_a: tuple[Ages, CopyDate], ages_b: tuple[Ages, CopyDate]) -> None:
    """Ages, in copy written when each source's stamp says."""
    (given_a, copy_a), (given_b, copy_b) = ages_a, ages_b

    def aged(older_by: float) -> bool:
        return aged_between(older_by, copy_a, copy_b)

    check_ages_anywhere(found, given_a, given_b, aged)
    drop_aged(found, given_a, given_b, aged)


def _check_tolls(found: Found, tolls_a: Tolls, tolls_b: Tolls) -> None:
    check_tolls(found, tolls_a, tolls_b)
    drop_loose_tolls(found, tolls_a, tolls_b)


STORY_CHECKS = (
    StoryCheck(lambda reading: whole_counts(reading.numbers), check_counts_anywhere),
    StoryCheck(_ages, _check_ages),
    StoryCheck(lambda reading: days_of(reading.dated), check_days_anywhere),
    StoryCheck(lambda reading: tolls_of(reading.numbers, reading.sentences), _check_tolls),
    StoryCheck(lambda reading: magnitudes_of(reading.numbers), check_magnitudes),
    StoryCheck(lambda reading: game_clocks_of(reading.having(*TIME_LEFT_WORDS)), check_game_clocks),
    StoryCheck(lambda reading: past_quakes_of(reading.numbers, reading.year), check_past_quakes),
    StoryCheck(lambda reading: shaking_of(reading.numbers), check_shaking),
    StoryCheck(lambda reading: populations_of(reading.numbers), check_populations),
    StoryCheck(lambda reading: crowds_of(reading.numbers), check_crowds),
    StoryCheck(lambda reading: deal_of(reading.numbers), check_deals),
    StoryCheck(lambda reading: bearings_of(reading.numbers), check_bearings),
    StoryCheck(lambda reading: named_shares_of(reading.numbers), check_named_shares),
    StoryCheck(lambda reading: deaths_of(reading.having(*DEATH_WORDS)), check_causes),
    StoryCheck(lambda reading: built_of(reading.numbers, reading.having(*BUILT_WORDS), reading.year), check_built),
    StoryCheck(lambda reading: falls_of(reading.numbers), check_falls),
    StoryCheck(lambda reading: weapons_of(reading.having(*GUN_WORDS)), check_weapons),
    StoryCheck(lambda reading: phones_of(reading.sentences), check_phones),
    StoryCheck(lambda reading: records_of(reading.having("-")), check_records),
    StoryCheck(lambda reading: totals_of(reading.numbers), check_totals),
    StoryCheck(lambda reading: today_of(reading.sentences), check_today),
    StoryCheck(lambda reading: clocked_of(reading.sentences), check_clocks_anywhere),
    StoryCheck(lambda reading: parents_of(reading.sentences), check_parents),
    StoryCheck(lambda reading: works_of(reading.sentences), check_works),
    StoryCheck(lambda reading: holders_of(reading.holding), check_holders),
    StoryCheck(lambda reading: served_of(reading.holding), check_served),
    StoryCheck(lambda reading: visits_of(reading.sentences), check_visits),
    StoryCheck(lambda reading: games_of(reading.having(*ROUND_WORDS)), check_games),
    StoryCheck(lambda reading: findings_of(reading.having(*FINDING_WORDS)), check_findings),
    StoryCheck(lambda reading: answers_of(reading.sentences), check_answers),
    StoryCheck(lambda reading: targets_of(reading.sentences), check_targets),
    StoryCheck(lambda reading: hometowns_of(reading.sentences), check_hometowns),
    StoryCheck(lambda reading: weddings_of(reading.having(*WEDDING_WORDS), reading.day), check_weddings),
    StoryCheck(lambda reading: PlacedTolls(reading.numbers), check_placed),
    StoryCheck(lambda reading: results_of(reading.sentences), check_results),
)


def read_for_checks(reading: SourceReading) -> tuple[Any, ...]:
    """A source's readings, one for each of STORY_CHECKS."""
    return tuple(check.read(reading) for check in STORY_CHECKS)


def check_anywhere(found: Found, read_a: tuple[Any, ...], read_b: tuple[Any, ...]) -> None:
    """Every story-wide check, on two sources' readings."""
    for check, given_a, given_b in zip(STORY_CHECKS, read_a, read_b, strict=True):
        check.check(found, given_a, given_b)
