"""The reading of numbers tries its patterns only where they can find something: the places a
number can begin (`quantities._number_matches`), and the bound and the part written just
before it, asked only when the last words before it can end one (`number_words.last_words`).
On real copy each finds what the full search finds."""

import re

from stories.analysis import number_words, quantities

from .test_set_first_patterns import real_copy


def former_bound(head: str, start: int) -> str:
    head = " " + head
    if number_words._ANY_BOUND.search(head, start) is None:
        return ""
    return next((name for name, pattern in number_words._BOUNDS if pattern.search(head, start)), "")


def former_partial(head: str, words_at: int, text: str, end: int) -> bool:
    before, harmed = quantities._PARTS
    return bool(
        before.search(head, words_at)
        and not harmed.search(head, words_at)
        or quantities._part_after(head, text, end)  # "others" after a doing of its own is no part
    )


def test_numbers_are_found_where_the_full_search_finds_them_on_real_copy():
    for line in real_copy():
        spelled = quantities._spells_a_number(line)
        pattern = quantities._NUMBER if spelled else quantities._NUMBER_IN_DIGITS
        expected = [match.span() for match in pattern.finditer(line)]
        assert [match.span() for match in quantities._number_matches(line)] == expected, line


def test_bounds_and_parts_are_read_as_the_full_search_reads_them():
    heads = 0
    for line in real_copy():
        for word in re.finditer(r"\S+", line):
            at = word.start()
            head = line[max(0, at - 40) : at].lower()
            words_at = number_words.last_words_at(head)
            words = number_words.last_words(head, words_at)
            assert number_words.bound_of(head, words_at, words) == former_bound(head, words_at), head
            partial = quantities._partial(head, words_at, line, word.end(), words)
            assert partial == former_partial(head, words_at, line, word.end()), head
            heads += 1
    assert heads > 50_000
