"""What is and is not a conflicting fact (tests/analysis/real_pairs/GUIDELINES.md), on copy of our own."""

from stories.analysis import SourceText, compare_sources
from stories.analysis.facts import extract, is_stamp

BODY = (
    "The ferry Nordlys ran aground off Skarvik on Monday with 212 passengers aboard.\n"
    "Coastguard officer Maren Ekdahl said the hull had been checked for damage.\n"
    "The operator said the ship would return to service within a week."
)


def conflicts(a: str, b: str, kinds=("number", "name", "date", "quote", "attribution", "other")):
    found = compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts
    return [(c.kind, c.a.text, c.b.text) for c in found if c.kind in kinds]


class TestMetadataIsNotNews:
    def test_a_publication_stamp_states_no_fact(self):
        assert is_stamp("Published: Tuesday, Aug. 2 2011 7:08 p.m. MDT") and is_stamp("on April 24th, 2013")
        assert not is_stamp("The ferry ran aground on Monday, May 3.")
        assert extract("Updated: May 14, 2013").dates == ()

    def test_stamps_of_different_days_are_no_conflict(self):
        assert conflicts("Posted May 3, 2014\n" + BODY, "Updated: May 4, 2014 09:12 GMT\n" + BODY) == []

    def test_the_date_of_a_dateline_is_no_conflict_but_the_story_s_dates_are(self):
        a = "SKARVIK, May 3 - " + BODY
        assert conflicts(a, "SKARVIK, May 4 - " + BODY) == []
        assert conflicts(a, a.replace("on Monday", "on Tuesday"), ("date",)) == [("date", "Monday", "Tuesday")]


class TestNames:
    def test_a_respelling_or_a_dropped_accent_is_a_name_conflict(self):
        assert conflicts(BODY, BODY.replace("Ekdahl", "Ekdal"), ("name",))
        accented = BODY.replace("Skarvik", "Skårvik")
        assert conflicts(accented, BODY, ("name",))

    def test_letter_case_or_hyphens_only_are_house_style(self):
        a = BODY + "\nPassengers were offered free Wi-Fi aboard the NordLink shuttle."
        b = BODY + "\nPassengers were offered free WiFi aboard the Nordlink shuttle."
        assert conflicts(a, b) == []
        assert {c.kind for c in compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts} == {"style"}


class TestNumbers:
    def test_a_different_count_of_the_same_thing_is_a_conflict(self):
        assert conflicts(BODY, BODY.replace("212 passengers", "221 passengers"), ("number",))

    def test_numbers_sharing_only_a_unit_of_time_are_different_facts(self):
        a = BODY + "\nEkdahl, who joined the coastguard four years ago, led the search."
        b = BODY + "\nEkdahl, a 28-year veteran of the coastguard, led the search."
        assert conflicts(a, b, ("number",)) == []


class TestClaims:
    def test_a_sentence_that_denies_its_counterpart_is_flagged(self):
        denied = BODY.replace("the hull had been checked", "the hull had not been checked")
        assert [kind for kind, *_ in conflicts(BODY, denied)] == ["other"]

    def test_a_not_in_a_sentence_about_something_else_is_no_conflict(self):
        a = BODY + "\nThe names of the crew were not released."
        b = BODY + "\nTwo crew members were treated in hospital and released on Tuesday evening."
        assert conflicts(a, b, ("other",)) == []

    def test_a_word_that_gives_the_fact_another_state_is_a_conflict(self):
        a = BODY + "\nThe council imposed a mooring fee on the operator after the grounding."
        b = BODY + "\nThe council proposed a mooring fee on the operator after the grounding."
        [(kind, value_a, value_b)] = conflicts(a, b)
        assert kind == "other" and "imposed a mooring fee" in value_a and "proposed a mooring fee" in value_b


class TestNumbersInContext:
    def test_the_same_number_per_another_time_is_a_conflict(self):
        a = BODY + "\nThe yard can repair 4,000 tonnes of hull plating a year, the operator said."
        b = BODY + "\nThe yard can repair 4,000 tonnes of hull plating a day, the operator said."
        assert conflicts(a, b, ("number",)) == [
            ("number", "4,000 tonnes of hull plating a year", "4,000 tonnes of hull plating a day")
        ]

    def test_ages_of_different_people_are_different_facts(self):
        a = BODY + "\nA 2-year-old boy was carried ashore by his father."
        b = BODY + "\nThe 12-year-old girl who raised the alarm was praised by the captain."
        assert conflicts(a, b, ("number",)) == []

    def test_a_sentence_the_other_source_prints_word_for_word_conflicts_with_nothing(self):
        shared = "The company said the crossing to Lundholm would cost 14 crowns a ticket."
        a = BODY + "\n" + shared
        b = BODY + "\nFares on the Lundholm crossing will rise to 16 crowns.\n" + shared
        assert conflicts(a, b, ("number",)) == []
