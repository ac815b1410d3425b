"""Conflicting facts between two sources, checked on linked sentences and aligned rows.

Rule-based on purpose: number and date mismatches, respelled names and negation are the
contradictions that rules find reliably; a paraphrase that keeps its facts is no
conflict. House-style differences (US / U.S., per cent / %, ten / 10) are kind `style`.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from typing import Any

from .anchors import check_counterparts
from .children import of_other_children
from .claims import NEGATION_SAME_SENTENCE, check_negations, check_states, shared_share
from .clock import check_day_times
from .confirmed import HeldSums, Stated
from .dates import copy_day, copy_year, same_time
from .directions import check_directions
from .facts import Facts, extract_passage
from .found import Found
from .game_scores import check_game_scores
from .links import Link, SentenceSpace
from .lone_figures import LONE_LINK, check_lone_figures
from .maturities import of_other_maturities
from .model import Block, Conflict, Row, Source
from .model_codes import check_model_codes
from .names import (
    about_others,
    check_first_names,
    check_name_spellings,
    check_respelled,
    check_respelled_anywhere,
    check_word_order,
)
from .number_fact import Number
from .numbers import check_numbers
from .populations import not_one_population
from .proper_names import NameWord, SourceNames
from .quote_changes import changes_meaning, reworded
from .sessions import of_other_sessions
from .shares import check_shares
from .singulars import check_singulars
from .speakers import check_speakers
from .story_checks import SourceReading, StoryTexts, check_anywhere, read_for_checks
from .swapped_names import check_swapped_names
from .text import normalise
from .titles import check_posts
from .ways import check_kinds_of_way


def find_conflicts(sources: list[Source], rows: tuple[Row, ...], space: SentenceSpace) -> list[Conflict]:
    """Conflicts for every pair of sources, in source-key order."""
    story = _Story.read(sources, rows, space)
    conflicts: list[Conflict] = []
    for source_a, source_b in itertools.combinations(sources, 2):
        conflicts.extend(_conflicts_between(source_a, source_b, story))
    return conflicts


_CellPairs = list[tuple[tuple[str, ...], tuple[str, ...]]]  # two sources' cells of each row, as block ids


@dataclass
class _Story:
    """What is read once of a story's sources, for all the pairs of sources they take part in."""

    space: SentenceSpace
    names: dict[str, SourceNames]  # by source key
    said: dict[str, set[str]]  # source key -> its sentences, normalised
    aligned: list[dict[str, tuple[str, ...]]]  # each row's compared cells: source key -> block ids
    years: dict[str, int | None]  # source key -> the year its copy was written, if it says
    days: dict[str, int | None]  # source key -> the day its copy was written (an ordinal), if it says
    # by source key, read on its first pair: what the story-wide checks compare (story_checks)
    readings: dict[str, tuple[Any, ...]] = field(default_factory=dict)
    passage_facts: dict[str, Facts] = field(default_factory=dict)  # by block id
    stated: dict[str, Stated] = field(default_factory=dict)  # by source key, read on its first pair
    texts: StoryTexts | None = None  # every source's sentences, for the story-wide checks' words

    def stated_by(self, key: str) -> Stated:
        """The numbers a source states anywhere, by value."""
        if key not in self.stated:
            # The reader holds the space, not the story that holds the reader: no reference
            # cycle, so a comparison's readings are freed as it ends, not by the collector.
            space, refs = self.space, self.space.refs.get(key, [])
            self.stated[key] = Stated(lambda: (number for ref in refs for number in space.numbers(ref)))
        return self.stated[key]

    @classmethod
    def read(cls, sources: list[Source], rows: tuple[Row, ...], space: SentenceSpace) -> _Story:
        passages: dict[str, list[NameWord]] = {}  # passage text -> its name words, shared by the sources
        return cls(
            space=space,
            names={source.key: SourceNames(source, passages) for source in sources},
            said={source.key: {normalise(ref.text) for ref in space.refs.get(source.key, [])} for source in sources},
            aligned=[
                {cell.source: cell.blocks for cell in row.cells if cell.status in ("same", "changed")} for row in rows
            ],
            years={source.key: copy_year(s.text for b in source.blocks for s in b.sentences) for source in sources},
            days={source.key: copy_day(s.text for b in source.blocks for s in b.sentences) for source in sources},
        )

    def read_for_checks(self, key: str) -> tuple[Any, ...]:
        """A source's readings for the story-wide checks, read after its first pair's links,
        whose facts hold most of its numbers."""
        if key not in self.readings:
            refs = self.space.refs.get(key, [])
            reading = SourceReading(
                numbers=[(ref.block, self.space.numbers(ref)) for ref in refs],
                dated=[(ref.block, ref.text, self.space.dates(ref)) for ref in refs],
                year=self.years[key],
                day=self.days[key],
                story=self._texts(),
            )
            self.readings[key] = read_for_checks(reading)
        return self.readings[key]

    def _texts(self) -> StoryTexts:
        if self.texts is None:
            self.texts = StoryTexts(ref.text for refs in self.space.refs.values() for ref in refs)
        return self.texts


def _conflicts_between(source_a: Source, source_b: Source, story: _Story) -> list[Conflict]:
    """The conflicts of two sources, in the order of the passages they stand in."""
    found = Found()
    key_a, key_b = source_a.key, source_b.key
    names_a, names_b = story.names[key_a], story.names[key_b]
    cells = [(row[key_a], row[key_b]) for row in story.aligned if key_a in row and key_b in row]
    links = _links_to_check(story, key_a, key_b, cells)
    known = (names_a, names_b)
    confident = _confident(links)
    held = HeldSums()
    for link in links:
        facts_a, facts_b = story.space.facts(link.a), story.space.facts(link.b)
        _check_sentences(found, link, facts_a, facts_b, (known, held), id(link) in confident)
    held.release(found, (story.stated_by(key_a), story.stated_by(key_b)))
    sayings = ((key_a, story.said[key_a]), (key_b, story.said[key_b]))
    check_counterparts(found, story.space, sayings, [link for link in links if id(link) in confident])
    check_anywhere(found, story.read_for_checks(key_a), story.read_for_checks(key_b))
    check_negations(found.add_unless_within, links, story.space)
    check_name_spellings(found, names_a, names_b, story.space)
    check_respelled_anywhere(found, names_a, names_b, story.space)
    check_first_names(found, names_a, names_b)
    check_word_order(found, names_a, names_b, story.space)
    check_kinds_of_way(found, names_a, names_b)
    blocks = {block.id: block for block in source_a.blocks + source_b.blocks}
    for ids_a, ids_b in cells:
        cell_a, cell_b = [blocks[block_id] for block_id in ids_a], [blocks[block_id] for block_id in ids_b]
        _check_cells(found, cell_a, cell_b, story.passage_facts)
    found.drop_names_within()
    found.as_written(blocks)
    place = {block.id: block.index for block in source_a.blocks + source_b.blocks}
    return sorted(found.items, key=lambda conflict: (place[conflict.a.block], place[conflict.b.block], conflict.kind))


def _links_to_check(story: _Story, key_a: str, key_b: str, cells: _CellPairs) -> list[Link]:
    """The linked sentences of two sources whose facts are compared.

    The same words state the same facts: neither two equal sentences nor any two
    sentences of two equal passages (a tie in scores can pair a passage's first
    sentence with its twin's second) can disagree.
    Nor does a sentence that the other source prints word for word elsewhere: its
    facts are confirmed there, whatever the sentence it was paired with says."""
    same_row = {(id_a, id_b) for ids_a, ids_b in cells for id_a in ids_a for id_b in ids_b}
    return [
        link
        for link in story.space.links(key_a, key_b, same_row)
        if normalise(link.a.text) != normalise(link.b.text)
        and link.a.block.norm != link.b.block.norm
        and normalise(link.a.text) not in story.said[key_b]
        and normalise(link.b.text) not in story.said[key_a]
    ]


def _confident(links: list[Link]) -> set[int]:
    """The links (by id) that pair two sentences each other's best partner, or pair them
    closely enough to be sure: the only pairs whose numbers and dates are compared. A
    sentence's second-best partner is most often another fact that looks alike."""
    best_a: dict[tuple[str, int], float] = {}
    best_b: dict[tuple[str, int], float] = {}
    for link in links:
        key_a, key_b = (link.a.block.id, link.a.index), (link.b.block.id, link.b.index)
        best_a[key_a] = max(best_a.get(key_a, 0.0), link.score)
        best_b[key_b] = max(best_b.get(key_b, 0.0), link.score)
    return {
        id(link)
        for link in links
        if link.score >= SURE_LINK
        or (
            link.score >= best_a[(link.a.block.id, link.a.index)]
            and link.score >= best_b[(link.b.block.id, link.b.index)]
        )
    }


SURE_LINK = 0.7
MOST_DATES = 30  # dates in one sentence compared at most: each is paired with each


def _check_sentences(
    found: Found,
    link: Link,
    facts_a: Facts,
    facts_b: Facts,
    sources: tuple[tuple[SourceNames, SourceNames], HeldSums],
    confident: bool,
) -> None:
    a, b = (link.a.block, facts_a), (link.b.block, facts_b)
    known, held = sources
    if confident and not about_others(facts_a, facts_b) and not _of_others(link.a.text, link.b.text):
        _check_numbers(found, a, b, held, link.score)
        _check_dates(found, a, b)
        check_day_times(found, (link.a.block, link.a.text), (link.b.block, link.b.text))
        check_directions(found, (link.a.block, link.a.text), (link.b.block, link.b.text))
        check_game_scores(found, (link.a.block, link.a.text), (link.b.block, link.b.text))
        check_model_codes(found, (link.a.block, link.a.text), (link.b.block, link.b.text))
        check_singulars(found, (link.a.block, facts_a, link.a.text), (link.b.block, facts_b, link.b.text))
        check_shares(found, (link.a.block, facts_a, link.a.text), (link.b.block, facts_b, link.b.text))
    _check_acronyms(found, a, b)
    _check_quotes_and_attributions(found, a, b)
    check_respelled(found, a, b, known)
    check_states(found.add, a, b)
    if confident:
        check_swapped_names(found, link)
        check_posts(found, (link.a.block, link.a.text), (link.b.block, link.b.text))
        check_speakers(found, (link.a.block, link.a.text), (link.b.block, link.b.text))


def _of_others(text_a: str, text_b: str) -> bool:
    """Linked sentences about other children, other securities or other market sessions:
    their figures are not set against each other."""
    return of_other_children(text_a, text_b) or of_other_maturities(text_a, text_b) or of_other_sessions(text_a, text_b)


def _check_numbers(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts], held: HeldSums, score: float) -> None:
    """`check_numbers` (and `check_lone_figures` on the closest links), the differences of
    two sums held until all links are read, when those the other source confirms elsewhere
    are left out (`confirmed`)."""
    trial = Found()
    check_numbers(trial, a, b)
    if score >= LONE_LINK:
        check_lone_figures(trial, a, b)
    for item in trial.items:
        numbers = (_number(a[1], item.a.text), _number(b[1], item.b.text))
        if not not_one_population(*numbers):
            held.add(found, item, (a[0], b[0]), numbers)


def _number(facts: Facts, text: str) -> Number | None:
    return next((number for number in facts.numbers if number.text == text), None)


def _check_dates(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same event on another day or in another year: a date of each sentence that the
    other does not have, said of the same thing (a content word around both in common) or
    in two sentences that say the same otherwise, unless one dates only the thing named
    after it ("the winner of Friday's semifinal" / "will play on Saturday")."""
    (block_a, facts_a), (block_b, facts_b) = a, b
    if not (facts_a.dates and facts_b.dates):
        return  # most sentences: no date on one side, nothing to tell apart
    if len(facts_a.dates) > MOST_DATES or len(facts_b.dates) > MOST_DATES:
        return  # a table's line (a calendar, a list of results): which date is whose cannot be told
    alike = shared_share(facts_a, facts_b) >= NEGATION_SAME_SENTENCE
    two_days = _two_days(facts_a) or _two_days(facts_b)
    for group in ("day", "year") if two_days else ("day", "year", "weekday"):
        dates_a = [date for date in facts_a.dates if date.group == group]
        dates_b = [date for date in facts_b.dates if date.group == group]
        only_a = [date for date in dates_a if not any(same_time(date, other) for other in dates_b)]
        only_b = [date for date in dates_b if not any(same_time(date, other) for other in dates_a)]
        pairs = [
            (date_a, date_b)
            for date_a in only_a
            for date_b in only_b
            if alike and not (date_a.possessive or date_b.possessive) or date_a.near & date_b.near
        ]
        if len(pairs) == 1 or (pairs and alike):
            date_a, date_b = pairs[0]
            found.add("date", (block_a, date_a.text), (block_b, date_b.text), f"different {group}")


def _two_days(facts: Facts) -> bool:
    """A sentence that dates one doing by its weekday and another a day from it ("the
    aftershock hit on Monday, a day after the quake"): there is no telling which its
    weekday dates."""
    return "day" in facts.words and _A_DAY_FROM.search(" ".join(facts.words)) is not None


_A_DAY_FROM = re.compile(r"\b(?:a|the|one)\s+day\s+(?:before|after|earlier|later)\b|\b(?:previous|next)\s+day\b", re.I)


def _check_acronyms(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    (block_a, facts_a), (block_b, facts_b) = a, b
    forms_a, forms_b = set(facts_a.acronyms), set(facts_b.acronyms)
    for form_a in sorted(forms_a - forms_b):
        for form_b in sorted(forms_b - forms_a):
            if form_a.replace(".", "") == form_b.replace(".", ""):
                found.add("style", (block_a, form_a), (block_b, form_b), "house style: the same abbreviation")


def _check_quotes_and_attributions(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    (block_a, facts_a), (block_b, facts_b) = a, b
    for quote_a, quote_b in itertools.product(facts_a.quotes, facts_b.quotes):
        if _same_speaker(quote_a.speaker, quote_b.speaker) and reworded(quote_a.text, quote_b.text):
            named = quote_a.speaker or quote_b.speaker
            who = named.title() if named else "The speaker"  # not "The Speaker", a post of its own
            quoted_a, quoted_b = (block_a, quote_a.text), (block_b, quote_b.text)
            if changes_meaning(quote_a.text, quote_b.text):
                if not found.within(quoted_a, quoted_b):  # one conflict a fact: the number's says it
                    found.add("quote", quoted_a, quoted_b, f"{who} quoted in different words")
            else:  # "the hull was holed" / "pierced": a wording to check, no fact to settle
                found.add("style", quoted_a, quoted_b, f"{who} quoted in other words that say the same")
    for said_a, said_b in itertools.product(facts_a.attributions, facts_b.attributions):
        if _same_speaker(said_a.speaker, said_b.speaker) and _other_channel(said_a.channel, said_b.channel):
            who = said_a.speaker or said_b.speaker or "the speaker"
            note = f"{who.title()}'s words attributed to different channels"
            found.add("attribution", (block_a, said_a.text), (block_b, said_b.text), note)


def _other_channel(channel_a: str, channel_b: str) -> bool:
    """Two channels, not one told more fully ("a television interview" / "a weekend
    television interview")."""
    words_a, words_b = set(channel_a.split()), set(channel_b.split())
    return not (words_a <= words_b or words_b <= words_a)


def _same_speaker(speaker_a: str, speaker_b: str) -> bool:
    return speaker_a == speaker_b or not speaker_a or not speaker_b


def _check_cells(found: Found, blocks_a: list[Block], blocks_b: list[Block], cache: dict[str, Facts]) -> None:
    """Quotes, attributions and abbreviations over whole aligned cells: a quotation can
    span sentences, and an attribution often sits in a neighbouring sentence."""
    for block_a, block_b in itertools.product(blocks_a, blocks_b):
        if block_a.norm == block_b.norm:
            continue
        facts_a = _block_facts(block_a, cache)
        if not (facts_a.quotes or facts_a.attributions or facts_a.acronyms):
            continue  # nothing to compare, and the other passage left unread: most quote no one, abbreviate nothing
        a, b = (block_a, facts_a), (block_b, _block_facts(block_b, cache))
        _check_quotes_and_attributions(found, a, b)
        _check_acronyms(found, a, b)


def _block_facts(block: Block, cache: dict[str, Facts]) -> Facts:
    if block.id not in cache:
        cache[block.id] = extract_passage(block.text)
    return cache[block.id]
