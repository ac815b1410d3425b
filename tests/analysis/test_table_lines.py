"""Copy is untrusted: a table run into one line (results, prices, a scraper's agate) must
cost about what its length does. Its numbers and dates are not compared one by one (which
of them counts what cannot be told), and a source listing more quakes than a story
measures gives none of them as the story's. The copy is the project's own."""

from stories.analysis import SourceText, compare_sources
from stories.analysis.conflicts import MOST_DATES
from stories.analysis.magnitudes import MOST_MAGNITUDES, magnitudes_of
from stories.analysis.numbers import MOST_NUMBERS
from stories.analysis.proper_names import name_runs
from stories.analysis.quantities import numbers_of

BODY = "Harbour Results\n\nThe harbour board met on Tuesday in Skarvik.\n\n"


def reported(a: str, b: str) -> list[tuple[str, str, str]]:
    found = compare_sources([SourceText("a", BODY + a), SourceText("b", BODY + b)]).conflicts
    return [(c.kind, c.a.text, c.b.text) for c in found if c.kind != "style"]


def test_a_line_of_more_numbers_than_a_sentence_holds_is_not_compared_number_by_number():
    row = "Pier {0}: 12 ships, 340 tonnes, 7 cranes; "
    table = "".join(row.format(n) for n in range(MOST_NUMBERS))
    assert len(numbers_of(table)) > MOST_NUMBERS
    assert reported(table, table.replace("340 tonnes", "360 tonnes", 1)) == []
    # A sentence with a few numbers still is.
    assert reported("Pier 4 handled 12 ships.", "Pier 4 handled 14 ships.") == [("number", "12 ships", "14 ships")]


def test_a_list_of_quakes_gives_no_magnitude_of_the_story():
    listing = "; ".join(f"a magnitude 4.{n % 10} quake on day {n}" for n in range(MOST_MAGNITUDES + 1))
    numbers = [(None, tuple(numbers_of(listing)))]
    assert magnitudes_of(numbers) == []  # type: ignore[arg-type]
    assert len(magnitudes_of([(None, tuple(numbers_of("a magnitude 6.1 quake")))])) == 1  # type: ignore[arg-type]


def test_a_line_of_dates_is_not_compared_date_by_date():
    calendar = " ".join(f"May {day % 28 + 1}, {2000 + day % 20};" for day in range(MOST_DATES + 1))
    assert reported(calendar, calendar.replace("May 3,", "May 4,", 1)) == []


def test_names_before_a_long_run_of_figures_are_found():
    assert name_runs("Jonas Vik read out " + "0845 125 2222 " * 2000) == (("Jonas", "Vik"),)
