"""Readings from session 32's errors: one thing moving one way in one source and the other
way in the other by figures that differ, the level a change reached set against the other
level where its value stands in the other sentence as another figure, and the words of a
figure not read across a dash. Copy of our own."""

from .reported import KINDS, conflicts


def test_one_thing_moving_each_way_by_different_figures_is_a_claim():
    a = "Average harbour wages declined 1.2 percent between 2021 and 2022 to $41,300, after inflation."
    b = "The same survey found average harbour wages rose by $60, after inflation, to $42,110."
    assert ("claim", "declined 1.2 percent", "rose by $60") in conflicts(a, b, ("claim",))


def test_a_range_of_change_is_named_whole():
    a = "Varna was flat, Dunmere, Hallvik and Morstad lost 0.3-0.5 percent."
    b = "Dunmere was flat, Hallvik was down 0.4 percent by midday and Morstad added 0.3 percent."
    assert ("claim", "lost 0.3-0.5 percent", "added 0.3 percent") in conflicts(a, b, ("claim",))


def test_two_movers_each_way_are_no_claim():
    a = "The port's operating loss rose 59 percent to $73 million, from $46 million a year earlier."
    b = "The port's operating revenue fell 4.5 percent to $2.3 billion from a year earlier."
    assert conflicts(a, b, ("claim",)) == []


def test_a_market_moving_each_way_is_two_readings_not_a_claim():
    a = "The Varna index rose 3.42 points to 1,590.75 as shares of shipping firms gained."
    b = "The Varna index was down 1.55 points at 1,585.80 as shares of shipping firms slipped."
    assert conflicts(a, b, ("claim",)) == []


def test_the_level_reached_is_set_against_the_other_though_its_value_stands_there_otherwise():
    a = "The 30-year Varna bond firmed 31/32, taking its yield to 4.16 percent -- a record low -- from 4.22 percent."
    b = "The 30-year Varna bond firmed 24/32, taking its yield to 4.18 percent, after a record low of 4.16 percent."
    assert ("number", "4.16 percent", "4.18 percent") in conflicts(a, b, ("number",))


def test_a_level_the_other_starts_from_is_an_earlier_reading():
    a = "The 10-year Varna note shed 25/32 in price, taking its yield to 3.26 percent from 3.17 percent."
    b = "Early Wednesday, the 10-year Varna note lost 16/32, driving its yield up to 3.33 percent from 3.26 percent."
    assert [c for c in conflicts(a, b, ("number",)) if "percent" in c[1]] == []


def test_the_words_of_a_figure_stop_at_a_dash():
    a = "The harbour fee rose to 16 percent -- another record -- this spring, the port said."
    b = "The harbour fee rose to 18 percent this spring, the port said."
    assert conflicts(a, b, ("number",)) == [("number", "16 percent", "18 percent")]


def test_a_population_is_set_against_the_other_by_the_place_it_names_when_it_names_no_kind_of_place():
    a = (
        "A strong quake shook Varna on Sunday.\n"
        "Residents in Varna - a jumble of low brick and cement houses home to 167,000 people - stayed outdoors."
    )
    b = "A strong quake shook Varna on Sunday.\nTremors kept shaking Varna city which is home to over 170,000 people."
    assert ("number", "167,000 people", "170,000 people") in conflicts(a, b, ("number",))


def test_a_population_in_a_clause_of_which_is_not_the_named_place_before_it():
    a = "A strong quake shook the island on Sunday.\nHelicopters took the injured to Dunmere, a city of 500,000 people."
    b = (
        "A strong quake shook the island on Sunday.\n"
        "Residents of the island, which lies off the port city of Dunmere and is home to about 100,000 people, "
        "slept outside."
    )
    assert conflicts(a, b, ("number",)) == []


def test_a_compound_printed_apart_keeps_its_words():
    a = "Police said the 26 - year - old driver was arrested at the Varna harbour gate."
    b = "Police said the 27 year old driver was arrested at the Varna harbour gate."
    assert conflicts(a, b, ("number",)) == [("number", "26 - year - old", "27 year old")]


def test_none_against_a_count_of_the_same_thing_done_to_is_a_number_conflict():
    a = "Several shots rang out in the harbour, but only one seal had been killed by 11 p.m."
    b = "Several shots rang out in the harbour Wednesday night, but no seals were killed then."
    assert conflicts(a, b, (*KINDS, "other")) == [("number", "one seal", "no seals")]  # not again as a negation


def test_none_done_to_in_another_way_is_another_fact():
    a = "The crane fell on the Varna quay on Friday and two dockers were injured, police said."
    b = "The crane fell on the Varna quay on Friday and no dockers were arrested, police said."
    assert conflicts(a, b, ("number",)) == []
