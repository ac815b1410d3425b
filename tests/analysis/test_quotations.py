"""Quotations: one run on into the next paragraph, and other words that say the same."""

from stories.analysis import SourceText, compare_sources
from stories.analysis.facts import extract_passage
from stories.analysis.quote_changes import changes_meaning

LEAD = "Harbour pilot Jonas Ekdahl was questioned after the ferry Nordlys ran aground off Skarvik.\n"


def conflicts(a: str, b: str) -> list[tuple[str, str, str]]:
    found = compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts
    return [(c.kind, c.a.text, c.b.text) for c in found]


class TestAQuotationRunOnIntoTheNextParagraph:
    def test_a_paragraph_that_opens_a_quotation_and_does_not_close_it_quotes_to_its_end(self):
        quotes = extract_passage('"Yesterday I took the ferry out past the breakwater.').quotes
        assert [quote.text for quote in quotes] == ["Yesterday I took the ferry out past the breakwater."]

    def test_an_inch_mark_opens_no_quotation(self):
        assert extract_passage('The pilot kept a 13" chart of the fjord beside the wheel.').quotes == ()

    def test_a_closed_quotation_is_read_as_before(self):
        quotes = extract_passage('"We sail at dawn," Ekdahl said, "and not a minute later."').quotes
        assert [quote.text for quote in quotes] == ["We sail at dawn,", "and not a minute later."]

    def test_its_changed_day_is_a_quote_conflict(self):
        a = LEAD + '"This morning I took the ferry out past the breakwater," Ekdahl said.\n"Nobody was hurt."'
        b = LEAD + '"Yesterday I took the ferry out past the breakwater.\nNobody was hurt," Ekdahl said.'
        assert [kind for kind, *_ in conflicts(a, b)] == ["quote"]


class TestOtherWordsThatSayTheSame:
    def test_a_word_for_another_of_the_same_sense_changes_nothing_said(self):
        assert not changes_meaning("the hull was holed on the rocks", "the hull was pierced on the rocks")
        assert not changes_meaning("Help, help, I've been thrown off,", "' Help, Help, I got thrown off.")

    def test_a_denial_a_number_a_day_or_a_name_changes_what_was_said(self):
        assert changes_meaning("we will sail", "we will not sail")
        assert changes_meaning("we will sail with 30 crew", "we will sail with 20 crew")
        assert changes_meaning("we sail on Monday", "we sail on Tuesday")
        assert changes_meaning("I told Ekdahl to wait", "I told Lindqvist to wait")

    def test_a_number_or_a_name_one_wording_leaves_out_is_no_change(self):
        assert not changes_meaning("for more than three decades the quay has stood", "for decades the quay has stood")
        assert not changes_meaning("this pilot steered off", "the pilot, Jonas Ekdahl, steered away")

    def test_other_words_are_listed_to_check_not_as_a_conflict(self):
        a = LEAD + '"The pilot stayed on the bridge until every passenger was ashore," Ekdahl said.'
        b = LEAD + '"The pilot remained on the bridge until every passenger was ashore," Ekdahl said.'
        assert [kind for kind, *_ in conflicts(a, b)] == ["style"]

    def test_a_changed_number_in_a_quotation_is_one_conflict_the_numbers(self):
        a = LEAD + '"We sent 30 divers down to the hull before dark," Ekdahl said.'
        b = LEAD + '"We sent 20 divers down to the hull before dark," Ekdahl said.'
        assert conflicts(a, b) == [("number", "30 divers", "20 divers")]
