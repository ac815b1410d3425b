"""Conflict rules of issue 10's eighth round, on copy of our own: a second route from a
sentence to its counterpart when the wording differs too much to link, and the mechanisms
behind the twelfth held-out set's errors."""

from stories.analysis import SourceText, compare_sources


def conflicts(a: str, b: str, kinds=("number", "name", "date", "quote", "attribution", "claim")):
    found = compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts
    return [(c.kind, c.a.text, c.b.text) for c in found if c.kind in kinds]


FLOOD = (
    "Floods swept through the river valley on Monday after three days of rain, officials said.\n"
    "Rescue boats were sent from the coast to help families trapped on rooftops.\n"
)


class TestCounterpartsWordedApart:
    """Two sentences, one of each source, alone in counting a thing beside one name."""

    TOWN = FLOOD + "Two bridges in Velmora, a market town of 52,000 people, were washed away overnight."
    SHOPS = "Shopkeepers in {} - long a crossing point for traders - {}, waited for the water to fall."

    def test_near_values_of_one_counted_thing_beside_one_name_disagree(self):
        a = self.TOWN
        b = FLOOD + self.SHOPS.format("Velmora", "home to 55,000 people")
        assert conflicts(a, b, ("number",)) == [("number", "52,000 people", "55,000 people")]

    def test_far_values_are_most_often_other_facts(self):
        a = self.TOWN
        b = FLOOD + self.SHOPS.format("Velmora", "sheltering 300 people")
        assert conflicts(a, b, ("number",)) == []

    def test_a_thing_counted_in_two_sentences_of_a_source_has_no_one_counterpart(self):
        a = (
            self.TOWN
            + "\nVolunteers in Velmora fed 54,000 people on Tuesday."
        )
        b = FLOOD + self.SHOPS.format("Velmora", "home to 55,000 people")
        assert conflicts(a, b, ("number",)) == []

    def test_other_names_are_no_counterparts(self):
        a = self.TOWN
        b = FLOOD + self.SHOPS.format("Dunstrand", "home to 55,000 people")
        assert conflicts(a, b, ("number",)) == []
