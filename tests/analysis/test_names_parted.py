"""Names parted by an apostrophe or a hyphen within a word, from session 32's errors: the
letters are compared run together, so a respelling shows ("al-Qa'ida" / "al-Qaeda") and
the mark alone does not ("al-Qa'ida" / "al-Qaida", "H-P" / "HP"). Copy of our own."""

from .reported import conflicts


def test_a_name_with_an_apostrophe_respelled_is_a_name_conflict():
    a = "The harbour guild is totally dependent on Dar al-Qa'ima for money, the report says."
    b = 'The report says the harbour guild "is now totally dependent on Dar al-Qaema for money."'
    assert conflicts(a, b, ("name",)) == [("name", "al-Qa'ima", "al-Qaema")]


def test_a_name_with_and_without_its_apostrophe_is_no_conflict():
    a = "The harbour guild is totally dependent on Dar al-Qa'ima for money, the report says."
    b = "The report says the harbour guild is totally dependent on Dar al-Qaima for money."
    assert conflicts(a, b, ("name",)) == []


def test_a_name_hyphenated_in_one_source_names_the_same_company_for_its_figures():
    a = "For the first quarter, K-V pulled in $2.94 billion and captured 27.9 percent of the harbour market."
    b = "KV came in second with nearly $3.32 billion in sales and 26 percent of the harbour market's revenue."
    assert ("number", "$2.94 billion", "$3.32 billion") in conflicts(a, b, ("number",))
