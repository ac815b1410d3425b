"""Readers that ask a sentence's words (`text.lower_words`) before they search it: where the
words say a pattern can find nothing, it finds nothing on real copy, and the answers that
replaced a search give what the search gave."""

import re

from stories.analysis import directions, facts, quantities, speakers, targets
from stories.analysis.text import lacks_words, lower_words

from .test_set_first_patterns import real_copy

_FORMER_CUE_HINT = re.compile(r"\b(?:no|not|never|none|nobody|neither|nor|without|cannot)\b|n't", re.ASCII)

GATES = [
    (targets._AIMING_WORDS, targets._AIMING),
    (directions._HINT_WORDS, directions._HINT),
    (speakers._VERBS, speakers._HINT),
    (facts._CUES, re.compile(r"\b(?:no|not|never|none|nobody|neither|nor|without|cannot)\b", re.I)),
]


def test_a_pattern_finds_nothing_where_its_words_are_lacking():
    for line in real_copy():
        for words, pattern in GATES:
            if lacks_words(line, words):
                assert pattern.search(line) is None, (pattern.pattern, line)


def test_it_reads_the_words_as_the_pattern_of_words_does():
    for line in real_copy():
        words = lower_words(line)
        if words is not None:
            assert list(words) == re.findall(r"\w+", line.lower()), line


def test_the_answers_from_words_are_those_of_the_searches():
    for line in real_copy():
        may_negate = not line.isascii() or _FORMER_CUE_HINT.search(line.lower()) is not None
        assert facts._may_negate(line) == may_negate, line
        assert quantities._spells_a_number(line) == (quantities._NUMBER_WORD.search(line) is not None), line


def test_a_digit_is_found_where_the_search_finds_one():
    from stories.analysis.text import has_digit

    for line in [*real_copy(), "", "x\u0663", "no digits here", "4"]:
        assert has_digit(line) == (re.search(r"\d", line) is not None), line


def test_a_pattern_finds_nothing_where_no_word_before_its_second_stands():
    from stories.analysis import parents, periods, shares
    from stories.analysis.text import lacks_word_before

    for line in real_copy():
        if lacks_word_before(line, facts._ends_a_verb, facts._CHANNEL_OPENERS):
            assert facts._ATTRIBUTION_HINT.search(line) is None, line
        if lacks_word_before(line, shares._FRACTION_WORDS.__contains__, shares._OF):
            assert shares._HINT.search(line) is None, line
        if lacks_words(line, parents._PARENT_WORDS):
            assert parents._PARENT.search(line) is None, line
        if lacks_words(line, periods._PERIOD_WORDS) and not ("19" in line or "20" in line):
            assert periods._PERIOD.search(line) is None, line


def test_no_post_is_read_where_no_office_word_stands():
    from stories.analysis import titles

    for line in real_copy():
        if lacks_words(line, titles._OFFICES):
            assert titles._ANY_POST.search(line) is None, line
        if lacks_words(line, titles._HOLDER_FIRST_WORDS):
            assert titles._HOLDER.search(line) is None and titles._HOLDER_OPENING.search(line) is None, line
        if lacks_words(line, titles._SERVED_FIRST_WORDS):
            assert not any(pattern.search(line) for pattern in titles._SERVED), line


def test_no_bearing_nor_game_clock_is_read_where_its_words_are_lacking():
    from stories.analysis import bearings, game_scores
    from stories.analysis.text import lacks_word_before

    for line in real_copy():
        if lacks_word_before(line, bearings._ends_a_bearing, bearings._OF):
            assert bearings._HINT.search(line) is None, line
        if ":" not in line:
            assert game_scores._GAME_CLOCK.search(line) is None, line


def test_no_round_is_read_where_no_round_word_stands():
    from stories.analysis import rounds

    for line in real_copy():
        if lacks_words(line, rounds._ROUND_FIRST_WORDS):
            assert rounds._ROUND.search(line) is None, line
