"""A name the engine finds inside a compound word is reported as the name the passage
writes (`name_ends.named_in_compound`): "al-Qa'eda" of "the al-Qa'eda-linked group", not
"Qa'eda-linked". Copy of our own."""

from stories.analysis.name_ends import named_in_compound

from .reported import conflicts


def test_the_name_of_a_compound_is_reported_with_its_article_and_without_its_ending():
    a = "The ferry was run by the al-Qa'eda-linked Dorval Maritime group, the harbour master said."
    b = "The ferry was run by the al-Qaida-linked Dorval Maritime group, the harbour master said."
    assert conflicts(a, b, ("name",)) == [("name", "al-Qa'eda", "al-Qaida")]


def test_a_compound_keeps_its_name_and_a_name_with_a_hyphen_is_left_whole():
    assert named_in_compound("the Varna-based ferry line", "Varna-based") == "Varna"
    assert named_in_compound("the Dorval-Varna ferry", "Dorval-Varna") == "Dorval-Varna"
    assert named_in_compound("a Global-linked fund", "Global-linked") == "Global"
