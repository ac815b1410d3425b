"""How figures are read before they are compared (`quantities`, `maturities`, `periods`,
`numbers.counts_same`): bond lines (a price moves in 32nds of a point, a yield rises "up
to" a level from another, securities of two terms are two securities), a quote's bid and
offer, a change from one level to another, a year a figure is given for, a speed. Copy of
our own, in the shape of the wires'."""

from stories.analysis.maturities import of_other_maturities
from stories.analysis.quantities import numbers_in

from .reported import conflicts

LINE = "The Varna {term} note fell {move} in price, taking its yield to {level} from {before} late on Monday."


def test_a_price_in_32nds_is_one_number():
    numbers = numbers_in("The Varna 10-year note rose 6/32 to 98-16/32, and the bill 3/64.")
    assert [(n.raw, n.value) for n in numbers] == [
        ("10", 10.0),
        ("6/32", 6 / 32),
        ("98-16/32", 98.5),
        ("3/64", 3 / 64),
    ]


def test_moves_in_32nds_and_yields_of_one_note_are_set_against_each_other():
    a = LINE.format(term="10-year", move="9/32", level="3.37 percent", before="3.34 percent")
    b = LINE.format(term="10-year", move="5/32", level="3.36 percent", before="3.30 percent")
    assert conflicts(a, b, ("number",)) == [
        ("number", "9/32", "5/32"),
        ("number", "3.37 percent", "3.36 percent"),
        ("number", "3.34 percent", "3.30 percent"),
    ]


def test_notes_of_two_terms_are_two_securities():
    a = LINE.format(term="two-year", move="5/32", level="1.23 percent", before="1.16 percent")
    b = LINE.format(term="10-year", move="11/32", level="3.21 percent", before="3.17 percent")
    assert of_other_maturities(a, b)
    assert conflicts(a, b) == []
    assert not of_other_maturities(a, a.replace("two-year", "2-year"))


def test_a_change_that_says_in_what_is_the_change_that_does_not():
    a = "That took the Varna 10-year note down 9/32, its yield rising to 3.37 percent."
    b = "That saw the Varna 10-year note slip 5/32 in price, taking its yield to 3.37 percent."
    assert conflicts(a, b, ("number",)) == [("number", "9/32", "5/32")]


def test_up_to_a_level_from_another_is_where_it_rose_not_a_ceiling():
    a = "The Varna 10-year note lost 16/32, driving its yield up to 3.33 percent from 3.26 percent."
    b = "The Varna 10-year note lost 16/32, taking its yield to 3.27 percent from 3.26 percent."
    assert conflicts(a, b, ("number",)) == [("number", "3.33 percent", "3.27 percent")]
    c = "Up to 30 ferries may sail, the harbour master said."
    assert [n.bound for n in numbers_in(c)] == ["under"]


def test_cannot_denies_as_not_does():
    a = "The Dorval ferry cannot sail today, the harbour master said."
    b = "The Dorval ferry can sail today, the harbour master said."
    assert [kind for kind, _, _ in conflicts(a, b, ("other",))] == ["other"]
    both = "The Dorval ferry isn't sailing today, the harbour master said."
    assert conflicts(a.replace("cannot sail", "is not sailing"), both, ("other",)) == []


def test_a_quote_of_bid_and_offer_is_one_figure_its_bid():
    numbers = numbers_in("Silver went to $4.83/85 an ounce, and the Varna crown to 135.92/6.04 per euro.")
    assert [(n.raw, n.value) for n in numbers] == [("$4.83/85", 4.83), ("135.92/6.04", 135.92)]
    a = "Gold's rise sent silver to $4.81/83 an ounce from $4.77/79 last quoted in Varna."
    b = "Gold's rise sent silver to $4.83/85 an ounce from $4.77/79 last quoted in Varna."
    assert conflicts(a, b, ("number",)) == [("number", "$4.81/83", "$4.83/85")]


def test_a_figure_changed_from_one_level_to_another_is_no_range():
    sentence = "The line raised its loss from $11.4 million to $17.7 million and raised fares from 5 to 7 percent."
    numbers = numbers_in(sentence)
    assert [(n.raw, n.value, n.unit, n.ends) for n in numbers] == [
        ("$11.4 million", 11.4e6, "$", None),
        ("$17.7 million", 17.7e6, "$", None),
        ("5", 5.0, "%", None),
        ("7 percent", 7.0, "%", None),
    ]
    assert [n.ends for n in numbers_in("The ferry's passengers ranged from 7 to 75 years old.")] == [(7.0, 75.0)] * 2


def test_what_a_figure_counts_stops_at_the_next_figure():
    first, _ = numbers_in("The Dorval line cut its loss to $17 million from $11 million.")
    assert first.counts == frozenset()
    first, _ = numbers_in("The Dorval line cut its loss to $17 million from the $11 million feared.")
    assert first.counts == frozenset()


def test_a_yield_said_yielding_is_the_yield_said_to_yield():
    a = "Varna 10-year notes gained 17/32 in heavy trading, yielding 4.015 percent."
    b = "The Varna 10-year note was recently up 17/32 in heavy trading, to yield 4.067 percent."
    assert conflicts(a, b, ("number",)) == [("number", "4.015 percent", "4.067 percent")]


def test_a_share_given_for_a_year_is_set_against_the_share_given_for_that_year():
    a = "The share of ferries on time dropped from 62.3 percent in 2001 to 61.3 percent last year."
    b = "The share of ferries on time declined to 61.3 percent, from 62.6 percent in 2001 and 63.6 percent in 2000."
    assert conflicts(a, b, ("number",)) == [("number", "62.3 percent", "62.6 percent")]
    c = "The share of ferries on time dropped from 63.1 percent in 2000 to 61.3 percent last year."
    assert conflicts(c, b, ("number",)) == [("number", "63.1 percent", "63.6 percent")]


def test_miles_an_hour_are_mph():
    assert [(n.measure, n.rate) for n in numbers_in("Winds of 105 miles an hour, or 169 kilometres per hour.")] == [
        ("mph", ""),
        ("kph", ""),
    ]
    a = "The Varna weather service reported sustained winds of nearly 105 miles an hour with stronger gusts."
    b = "Sustained winds at Varna were around 40 mph, with stronger gusts, the weather service reported."
    assert [(kind, x, y) for kind, x, y in conflicts(a, b, ("number",))] == [("number", "105 miles", "40 mph")]


def test_cents_are_set_against_dollars():
    (cents,) = numbers_in("Kestrel Air shares rose 22 cents.")
    assert (cents.value, cents.unit, cents.precision) == (0.22, "$", 0.01)
    a = "Kestrel Air shares rose 22 cents to $14.69 on the Varna exchange."
    b = "Kestrel Air shares rose $6.03, or 41 percent, to close at $20.72 on the Varna exchange."
    assert conflicts(a, b, ("number",)) == [("number", "22 cents", "$6.03"), ("number", "$14.69", "$20.72")]


def test_a_poll_s_shares_the_leader_s_first_are_one_fact():
    a = "The same survey a month ago had Dorval leading Varna 42 percent to 34 percent, with 21 percent undecided."
    b = "One month ago in the same poll, Dorval was leading Varna 46 to 40 percent."
    assert conflicts(a, b, ("number",)) == [("number", "42 percent to 34 percent", "46 to 40 percent")]
    a = "Ferry fares rose between 5 and 7 percent this year, the Varna line said."
    assert conflicts(a, a.replace("5 and 7", "6 and 8"), ("number",)) == []  # ranges sharing no end: two facts
