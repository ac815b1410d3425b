"""Changes and levels in market copy (`stories/analysis/movements.py`): a change is set
against the other source's change, a level against its level, of one mover, over one span.
Copy of our own, in the shape of the paraphrase corpus's market sentences."""

from stories.analysis.movements import movement
from stories.analysis.quantities import numbers_in

from .reported import conflicts

CLOSE = "The Varna Composite Index {a}, or {b}, {c}, its third fall in a row."


def test_a_change_a_figure_restated_and_a_level_are_read_as_such():
    sentence = "The Varna Composite Index eased 5.16 points, or 0.32 percent, at 1,590.75 in late trading."
    assert [(n.raw, movement(n)) for n in numbers_in(sentence)] == [
        ("5.16", "change"),
        ("0.32 percent", "change"),
        ("1,590.75", "level"),
    ]


def test_each_figure_is_set_against_its_like_and_not_the_other_figures():
    a = CLOSE.format(a="eased 5.16 points", b="0.32 percent", c="at 1,590.75")
    b = "The Varna Composite Index was off 0.11 percent, or 1.78 points, at 1,594.13 in thin trading."
    assert conflicts(a, b, ("number",)) == [
        ("number", "5.16 points", "1.78 points"),
        ("number", "0.32 percent", "0.11 percent"),
        ("number", "1,590.75", "1,594.13"),
    ]


def test_another_index_is_another_mover():
    a = "The Varna Composite Index shed 15 points, or 0.98 percent, to 1,492 in heavy trading."
    b = "The broader Dorval 300 Index edged down 9 points, or 0.98 percent, to 921 in heavy trading."
    assert conflicts(a, b, ("number",)) == []


def test_a_rise_is_no_price():
    a = "Kestrel Air shares rose $4, or 17 percent, to $27.43 in morning trading on the Varna exchange."
    b = "Kestrel Air stock closed at $23.40, up 64 cents, in trading on the Varna exchange."
    assert ("number", "$4", "$23.40") not in conflicts(a, b, ("number",))


def test_a_weeks_change_is_not_the_days():
    a = "The Varna Composite Index dropped 37.78 points, or 1.94 percent, to 1,912.36 on heavy selling."
    b = "The Varna composite index fell 2.95, or 0.2 percent, for the week to 1,912.36 after the selling."
    assert conflicts(a, b, ("number",)) == []


def test_figures_read_at_two_times_both_named_are_two_facts():
    a = "In midday trading, the Varna Composite Index lost 68.84 points, or 0.7 percent, to 9,248.80."
    b = "The Varna Composite Index closed up 22.81 points, or 0.2 percent, at 9,340.45 after a late rally."
    assert conflicts(a, b, ("number",)) == []
    a = "Kestrel Air shares gained $1.49, or 6.6 percent, to $23.99 early Wednesday on the Varna exchange."
    b = "Kestrel Air shares were off 30 cents, or 1.3 percent, at $22.58 on Tuesday on the Varna exchange."
    assert conflicts(a, b, ("number",)) == []


def test_a_figure_of_one_time_against_one_that_names_none_is_still_compared():
    a = "The Varna Composite Index closed up 22.81 points, or 0.2 percent, at 9,340.45 after a late rally."
    b = "The Varna Composite Index rose 18.20 points, or 0.2 percent, to 9,335.84 after a late rally."
    assert conflicts(a, b, ("number",)) == [
        ("number", "22.81 points", "18.20 points"),
        ("number", "9,340.45", "9,335.84"),
    ]


def test_a_figure_cut_to_its_whole_part_is_the_same_figure():
    a = "The Varna Composite Index ended up 56.79 points, or 0.67 percent, at 8,588.36, its best close in weeks."
    b = "The Varna Composite Index rose 56 points, or 0.7 percent, to 8,588, its best close in weeks."
    assert conflicts(a, b, ("number",)) == []
    a = "The Varna port handled 2.8 million containers last year, the authority said."
    assert conflicts(a, a.replace("2.8 million", "2 million"), ("number",)) == [
        ("number", "2.8 million containers last", "2 million containers last")
    ]


def test_a_span_belongs_to_the_change_it_follows_or_heads_the_sentence():
    a = "The Varna composite index advanced 20.59, or 1.3 percent, to 1,616.50, after gaining 5.7 percent last week."
    b = "The Varna Composite Index climbed 19.11 points, or 1.2 percent, to 1,615.02 in brisk trading."
    assert ("number", "1.3 percent", "1.2 percent") in conflicts(a, b, ("number",))
    a = "For the week, the Dorval 200 index of smaller companies advanced 11.92, or 2.5 percent, closing at 497.42."
    b = "The Dorval 200 index of smaller companies was up 1.02, or 0.21 percent, at 496.83 in brisk trading."
    assert conflicts(a, b, ("number",)) == []


def test_a_span_named_before_a_change_or_an_earlier_change_is_another_fact():
    a = "The Varna Composite Index added 30.46 points, or 2 percent, to 1,520.15 in brisk trading."
    b = "The Varna Composite had a weekly gain of 17.27, or 1.2 percent, closing at 1,520.15 on Friday."
    assert conflicts(a, b, ("number",)) == []
    a = "The Varna Composite Index was off 58.69 points, or 0.64 percent, at 9,137.86."
    b = "The Varna Composite fell 86.56 points, or 0.94 percent, to 9,109.99, after giving up 1.2 percent earlier."
    assert ("number", "0.64 percent", "0.94 percent") in conflicts(a, b, ("number",))


def test_a_price_is_set_against_the_other_price_whatever_words_follow_each():
    a = "Kestrel Air shares were down 44 cents, or 1.1 percent, at $41.19 on the Varna exchange after a slide."
    b = "Kestrel Air shares rose a penny to $41.64 at late afternoon on the Varna exchange after a slide."
    assert ("number", "$41.19", "$41.64") in conflicts(a, b, ("number",))


def test_a_price_asked_is_no_market_level():
    a = "Kestrel said its Harrier 7600 desktop uses the Varna 865 chip and is priced starting at $949."
    b = "The Varna 865 chip is priced at $44 with the graphics unit, $41 without it."
    assert [movement(n) for n in numbers_in(a)] == ["", "", ""]  # the model's and the chip's numbers, the price
    assert conflicts(a, b, ("number",)) == []


def test_a_figure_of_the_morning_and_one_of_the_close_are_two_readings():
    a = "Kestrel Air shares were up 37 cents to $28.56 in morning trade on the Varna exchange."
    b = "Investors shrugged, with Kestrel Air shares edging 7 cents lower to end at $28.12 on the Varna exchange."
    assert conflicts(a, b, ("number",)) == []


def test_the_same_change_one_way_and_the_other_is_a_conflict():
    a = "Benchmark Varna 10-year notes gained 17/32 in heavy trading, yielding 4.015 percent."
    b = "The benchmark Varna 10-year note was recently down 17/32 in heavy trading, to yield 4.067 percent."
    assert ("claim", "gained 17/32", "down 17/32") in conflicts(a, b, ("claim",))
    a = "Kestrel Air shares rose 5 percent to $20 in heavy trading on the Varna exchange."
    b = "Kestrel Air shares fell 5 percent to $19 in heavy trading on the Varna exchange."
    assert conflicts(a, b) == [("claim", "rose 5 percent", "fell 5 percent"), ("number", "$20", "$19")]


def test_a_change_then_the_level_it_reaches_is_no_range():
    found = numbers_in("Kestrel Air shares rose 5 percent to $20 in heavy trading.")
    assert [(n.raw, n.ends) for n in found] == [("5 percent", None), ("$20", None)]
    assert [n.ends for n in numbers_in("Temperatures ranged from 5 to 20 degrees.")] == [(5.0, 20.0), (5.0, 20.0)]


def test_a_change_since_a_point_in_time_is_not_the_days():
    a = "In early afternoon trading, the Varna Composite Index was down 18.42, or 0.2 percent, at 8,569.94."
    b = "Since sinking to its lows in early March, the Varna Composite Index has rallied 13.8%."
    assert conflicts(a, b, ("number",)) == []


def test_nearly_a_figure_is_not_more_than_it_however_near():
    a = "Kestrel Air shares slipped nearly 5 percent on the Varna exchange after the deal was announced."
    b = "Kestrel Air shares fell $1.86, or 5.4 percent, to $32.75 on the Varna exchange after the deal was announced."
    assert [(kind, b) for kind, _, b in conflicts(a, b, ("number",))] == [("number", "5.4 percent")]


def test_a_change_restated_in_percent_counts_nothing_more_and_reaches_a_level():
    found = numbers_in("Kestrel Air shares jumped $1.63 or 8 percent to $21.03 on the Varna exchange on Friday.")
    assert [(n.raw, n.measure, n.ends, movement(n)) for n in found] == [
        ("$1.63", "", None, "change"),
        ("8 percent", "", None, "change"),
        ("$21.03", "", None, "level"),
    ]
    a = "The stock rose $2.11, or about 11 percent, to close on Friday at $21.51 on the Varna exchange."
    b = "Kestrel Air shares jumped $1.63 or 8 percent to $21.03 on the Varna exchange on Friday."
    assert ("number", "$2.11", "$1.63") in conflicts(a, b, ("number",))


def test_closes_of_two_days_are_two_facts_whatever_else_both_say():
    a = "Its shares jumped to $54.50 in pre-open trading from $50.90 at Wednesday's close."
    b = "Shares jumped almost 7 percent in pre-open trading, rising to $18.26 from $17.05 at Tuesday's close."
    assert conflicts(a, b, ("number",)) == []


def test_an_index_pulled_back_by_nearly_a_figure_is_a_change_down():
    found = numbers_in("The Varna 500 stock index pulled back by nearly 4 points to 1,066.62.")
    assert [(n.raw, movement(n)) for n in found] == [("500", ""), ("4", "change"), ("1,066.62", "level")]


def test_a_change_one_way_and_the_other_is_one_conflict_however_often_restated():
    a = "Kestrel Air shares gained 17 cents, or 1.1 percent, to $15.19 after the carrier cut 400 jobs."
    b = "Kestrel Air shares were down 17 cents, or 1.1 percent, at $14.85 after the carrier cut 400 jobs."
    assert conflicts(a, b, ("claim",)) == [("claim", "gained 17 cents", "down 17 cents")]


def test_an_index_figure_with_its_points_left_out_is_set_against_one_in_points():
    a = "The Varna Composite Index slipped 4.77, or 0.5 percent, to 929.62."
    b = "The broad Varna Composite Index shed 0.17 of a point, or just 0.02 percent, to 934."
    assert ("number", "929.62", "934") in conflicts(a, b, ("number",))


def test_times_of_day_as_written_are_two_readings_and_bare_verbs_move():
    a = "Shares in Kestrel were down 1.5 percent at 168 pence by 1420 GMT in a slightly stronger market."
    b = "Shares in Kestrel were down three percent at 165 pence by 0933 GMT in a stronger market."
    assert conflicts(a, b, ("number",)) == []
    assert [movement(n) for n in numbers_in("The note will slip 5/32 in price.")][:1] == ["change"]
