"""Readings of counts from session 31's errors: a bare count whose own verb names its harm,
a count of people that a verb before it says what of, and the lone figures of two sentences
that say nearly the same thing. Copy of our own."""

from .reported import conflicts


def test_a_bare_count_takes_the_harm_of_its_own_verb_not_the_one_before_it():
    a = "Harbour officials say three dockers were killed and two were injured in the Varna crane collapse."
    b = "Witnesses said three dockers were killed and 12 injured when the crane fell in the Varna harbour."
    assert conflicts(a, b, ("number",)) == [("number", "two", "12 injured")]


def test_people_counted_by_a_verb_are_counted_with_the_noun_of_that_verb():
    a = "Tear gas and five arrests marked a Friday march by about 300 dockers against the Varna harbour plan."
    b = "Police using tear gas arrested 14 people Friday at a march by about 300 dockers against the Varna harbour plan"
    b += "."
    assert conflicts(a, b, ("number",)) == [("number", "five arrests marked", "14 people")]


def test_a_toll_is_not_set_against_a_count_the_verb_before_it_harms():
    a = "The storm killed 900 people in 12 provinces, the ministry said."
    b = "The storm of 1998 killed 700 people in the north, with 200 bodies never found."
    assert ("number", "900 people", "200 bodies never") not in conflicts(a, b, ("number",))


def test_the_lone_figures_of_two_closely_worded_sentences_count_one_thing():
    a = (
        "While there were about 400 Danish harbour guards in Varna, they were "
        '"neither trained nor equipped" to deal with the dock riots, Kestrel said.'
    )
    b = (
        "The alliance has approximately 250 soldiers in Varna, but they were "
        '"neither trained nor equipped" to deal with the dock riots, Kestrel said.'
    )
    assert conflicts(a, b, ("number",)) == [("number", "400 Danish harbour", "250 soldiers")]


def test_lone_figures_within_their_precision_or_in_a_decade_agree():
    a = "Even after he turned 84, Kestrel kept sailing the Varna coast every summer with his crew."
    b = "Even into his 80s, Kestrel kept sailing the Varna coast every summer with his old crew."
    assert conflicts(a, b, ("number",)) == []
    a = "About 400 harbour guards were in Varna when the riots began, but they were not trained for them."
    b = "There were 410 harbour guards in Varna when the riots began, but they were not trained for them."
    assert conflicts(a, b, ("number",)) == []
