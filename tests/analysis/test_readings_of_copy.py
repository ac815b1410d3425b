"""Readings of copy from session 30's errors: a name with a letter added, a count whose noun
is left out, a body that speaks, a quotation that shares only names. Copy of our own."""

from stories.analysis import SourceText, compare_sources
from stories.analysis.spellings import derived, respelled

from .reported import conflicts


def test_a_name_with_a_letter_added_before_its_ending_is_respelled():
    assert respelled("griver", "grivner") and not derived("griver", "grivner")
    a = "The board wants the minutes of XO manager Tom Hulver, who once ran its Varna office."
    b = "The board wants the minutes of XO manager Tom Hulvner, who once ran its Varna office."
    assert conflicts(a, b, ("name",)) == [("name", "Tom Hulver", "Tom Hulvner")]


def test_derived_words_stay_derived():
    assert derived("christian", "christmas") and derived("africa", "african") and derived("germany", "germans")


def test_a_count_whose_noun_is_left_out_counts_the_noun_before_it():
    a = "Varna Mutual runs 14 branches in Ontario and six in northern Quebec, with 900 staff."
    b = "Varna Mutual runs 20 branches in three provinces, including two counties in northern Quebec."
    assert ("number", "six", "two counties") not in conflicts(a, b, ("number",))


def test_a_body_that_speaks_is_no_person():
    a = 'NHDO Spokesman, Maria Kestrel said: "The executive board decided to refer this question to capitals.'
    b = (
        '"The executive board decided to refer this to the capitals," '
        "the Northern Harbour Development Organization said."
    )
    assert conflicts(a, b, ("attribution",)) == []


def test_two_quotations_that_share_only_names_are_two_quotations():
    a = '"I am proud that I stood against Anna Varna, not with her," Kestrel said.'
    b = '"I marched in the streets against Anna Varna and the Harbour War," she said.'
    assert conflicts(a, b, ("quote", "style")) == []


def test_one_quotation_in_other_words_is_still_read_as_one():
    a = '"I stood with Anna Varna in every town of the north," Kestrel said.'
    b = '"I stood beside Anna Varna in each town of the north," Kestrel said.'
    assert [kind for kind, _, _ in conflicts(a, b, ("quote", "style"))] == ["style"]


def test_a_figure_is_reported_without_the_day_after_it():
    a = "Kestrel Air shares slipped nearly 4 percent Tuesday morning on the Varna exchange after the deal."
    b = "Kestrel Air shares fell 63 cents, or 4.6 percent, to $13.10 on the Varna exchange after the deal."
    assert conflicts(a, b, ("number",)) == [("number", "4 percent", "4.6 percent")]


def test_a_name_that_opens_its_sentence_is_respelled_against_one_written_mid_sentence():
    a = "Nikolas is the cousin of Varna, the ferry worker who was injured in the harbour in 2009."
    b = "Mr. Nicolas is a cousin of Anna Varna, who was injured in the harbour in 2009."
    assert conflicts(a, b, ("name",)) == [("name", "Nikolas", "Nicolas")]


def test_british_and_american_defence_is_house_style():
    a = "The Kestrel Defence Ministry faces a claim from hundreds of Varna fishermen."
    b = "Hundreds of Varna fishermen have a claim against the Kestrel Defense Ministry."
    assert conflicts(a, b, ("name",)) == []


def test_a_respelled_name_is_one_conflict_not_one_for_its_part_too():
    a = "Mr. Varn said Mr. Kestrel would be moved to the Ann Hollis Forensic Hospital just outside Dorval."
    b = "Kestrel was moved from the county jail to the Anne Hollis Forensic Center, a 90-bed unit in Dorval."
    assert conflicts(a, b, ("name",)) == [("name", "Ann Hollis Forensic Hospital", "Anne Hollis Forensic Center")]


def test_a_name_with_its_apostrophe_dropped_is_spelled_otherwise():
    a = "Also in the majority were Justices Anna Varna, Maeve O'Keane and Tom Kestrel."
    b = "Justices Anna Varna, Maeve OKeane and Tom Kestrel agreed with the chief justice."
    assert conflicts(a, b, ("name",)) == [("name", "Maeve O'Keane", "Maeve OKeane")]


def test_the_same_words_given_to_one_and_to_several_holders_of_a_post():
    a = '"These papers mean nothing to me, and the truth is that this inquiry has gone nowhere," the lawyer said.'
    b = '"These papers mean nothing to me," the lawyers said, "and the truth is that this inquiry has gone nowhere."'
    assert conflicts(a, b, ("attribution",)) == [("attribution", "the lawyer said", "the lawyers said")]


def test_a_word_misread_inside_one_quotation_changes_what_was_said():
    a = '"There is nothing Anna Varna did in any way that was not abetted and approved by the board."'
    b = '"There is nothing that Anna Varna did that was not vetted and approved by the board members."'
    assert [kind for kind, _, _ in conflicts(a, b, ("quote", "style"))] == ["quote"]


def test_a_word_spelled_with_a_hyphen_or_a_prefix_in_a_quotation_is_other_wording():
    a = '"The releases move Varna to multi-party rule and national conciliation," Kestrel said.'
    b = '"The releases move Varna closer to multiparty rule and national reconciliation," Kestrel said.'
    assert [kind for kind, _, _ in conflicts(a, b, ("quote", "style"))] == ["style"]


def test_a_quotation_of_no_named_speaker_says_the_speaker_in_lower_case():
    a = '"We will rebuild every house on the coast," the minister told local radio.'
    b = '"We are going to rebuild all the houses on the coast," the minister told local radio.'
    notes = [c.note for c in compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts]
    assert "The speaker quoted in other words that say the same" in notes
