"""Names parted by an apostrophe or a hyphen within a word, from session 32's errors: the
letters are compared run together, so a respelling shows ("al-Qa'ida" / "al-Qaeda") and
the mark alone does not ("al-Qa'ida" / "al-Qaida", "H-P" / "HP"). Copy of our own."""

from stories.analysis import SourceText, compare_sources

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


def test_a_slip_on_a_name_is_set_beside_the_other_source_s_spelling_where_it_says_the_same():
    a = (
        "Kestrel Gold said it will buy 5,456,000 Varnora shares from Varnora Mining Corp at 5.60 dlrs each.\n"
        "Kestrel said it will trade this interest for 1,234,042 Varnoira shares valued at 6.58 dlrs each."
    )
    b = (
        "Kestrel Gold said it will buy 5,456,000 Varnora shares from Varnora Mining Corp at 5.60 dlrs each.\n"
        "Kestrel said it will trade this interest for 1,234,042 Varnora shares valued at 6.58 dlrs each."
    )
    found = compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts
    assert [(c.kind, c.a.block, c.a.text, c.b.block, c.b.text) for c in found] == [
        ("name", "A2", "Varnoira", "B2", "Varnora")
    ]


def test_a_misspelt_word_of_a_name_is_shown_with_the_whole_name_of_the_other_s_counterpart():
    a = (
        "Dunmere Paper said 344 members of the United Millworkers International Union went on strike.\n"
        "Dunmere is still talking with the Internatinal Brotherhood of Crane Drivers, whose 65 members back the strike."
    )
    b = (
        "Dunmere Paper said 344 members of the United Millworkers International Union went on strike.\n"
        "Dunmere is talking with the International Brotherhood of Crane Drivers, whose 65 members back the strike."
    )
    assert conflicts(a, b, ("name",)) == [("name", "Internatinal Brotherhood", "International Brotherhood")]


def test_another_name_in_the_same_place_of_a_sentence_otherwise_the_same_is_a_name_conflict():
    a = "The desk was built by Rich Inc, a subsidiary of Kestrel Inc <KEST>."
    b = "The desk was built by Rich Inc, a subsidiary of Kestrel Holdings Plc <KSTLY>."
    assert conflicts(a, b, ("name",)) == [("name", "Kestrel Inc", "Kestrel Holdings Plc")]


def test_a_name_shortened_or_written_as_its_initials_in_the_same_place_is_the_same_name():
    a = "Varna and the United States agreed last December to the 15 pct charge on softwood."
    b = "Varna and the U.S. agreed last December to the 15 pct charge on softwood."
    c = "Varna and the States agreed last December to the 15 pct charge on softwood."
    assert conflicts(a, b, ("name",)) == []
    assert conflicts(a, c, ("name",)) == []


def test_a_changed_stretch_beyond_a_name_is_no_name_put_for_another():
    a = "Dennehy, who moved to the Varna harbour team last year, had begun to read the Bible daily."
    b = "Dennehy, who moved to the Varna harbour team last year, became a born-again Christian in June 2002."
    assert conflicts(a, b, ("name",)) == []


def test_a_country_s_people_for_the_country_in_the_same_place_is_house_style():
    a = "The Varna banks compete with beleaguered U.S. farmers and miners, the senators said."
    b = "The Varna banks compete with beleaguered American farmers and miners, the senators said."
    assert conflicts(a, b, ("name",)) == []
