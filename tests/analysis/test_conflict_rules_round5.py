"""Conflict rules of issue 10's fifth round, on copy of our own: which count a number is
set against, one name's figures, names romanised twice over."""

from stories.analysis.facts import extract
from stories.analysis.shares import _fractions
from stories.analysis.ties import one_name_measured, said_alike

from .reported import conflicts

LEAD = "The storm flooded the valley town of Brekka on Saturday, the regional rescue service said.\n"


class TestCountsSaidAlike:
    def test_a_toll_is_set_against_the_toll_not_against_the_people_who_fled(self):
        a = LEAD + (
            "The floods on Saturday forced over 3,000 people from their homes, swept away dozens of cars and "
            "killed one person, the rescue service said on Sunday."
        )
        b = LEAD + "Floods hit the valley on Saturday, killing three people and sweeping away dozens of cars."
        # A toll of another flood, so that the story-wide toll check cannot tell which is meant.
        b += "\nA flood in the valley in 1998 killed 11 people."
        assert conflicts(a, b, ("number",)) == [("number", "one person", "three people")]

    def test_the_one_count_said_alike_is_chosen(self):
        fled, killed = extract("Over 3,000 people fled and three people were killed.").numbers
        toll = extract("The floods killed one person.").numbers[0]
        assert said_alike(toll, [fled, killed]) == [killed]
        assert said_alike(toll, [fled]) == [fled]  # nothing to choose between

    def test_two_counts_that_nothing_tells_apart_stay_unreported(self):
        a = LEAD + "Over 3,000 people left the town and 200 people slept in the school, officials said."
        b = LEAD + "About 2,400 people left the town, officials said."
        assert conflicts(a, b, ("number",)) == []


class TestOneNamesFigures:
    A = "Tomas Lindqvist scored 21 points and Arvid Holm added 9 for the Harbourmen in the win."
    B = "The Harbourmen were led by Arvid Holm's 9 points, while Tomas Lindqvist had 18 points in the win."

    def test_one_player_s_points_in_two_copies_are_one_figure(self):
        assert conflicts(LEAD + self.A, LEAD + self.B, ("number",)) == [("number", "21 points", "18 points")]

    def test_points_of_two_players_are_two_figures(self):
        b = self.B.replace("Tomas Lindqvist had 18", "Jon Berg had 18")
        assert conflicts(LEAD + self.A, LEAD + b, ("number",)) == []

    def test_spans_of_time_said_of_one_name_are_not_one_figure(self):
        served = extract("Holm served 12 years in the navy.").numbers[0]
        sentenced = extract("Holm was sentenced to 5 years.").numbers[0]
        assert served.subject == sentenced.subject == "holm"
        assert not one_name_measured(served, sentenced)


class TestNamesRomanisedTwiceOver:
    A = LEAD + "Aleksei Olshevski, the mayor of Brekka, said five bridges were closed."

    def test_a_first_name_and_a_surname_both_respelled_are_one_person(self):
        b = LEAD + "Alexei Olshevsky, Brekka's mayor, told state radio that five bridges had closed."
        assert conflicts(self.A, b) == [("name", "Aleksei Olshevski", "Alexei Olshevsky")]

    def test_two_names_of_unlike_words_are_two_people(self):
        b = LEAD + "Sven Olshevsky, Brekka's mayor, told state radio that five bridges had closed."
        assert conflicts(self.A, b, ("name",)) == []
        assert conflicts(self.A, b, ("attribution",)) == [("attribution", "Aleksei Olshevski", "Sven Olshevsky")]

    def test_g_or_y_opening_one_first_name_is_a_respelling(self):
        a = LEAD + "Union leader Giorgos Markatis said the strike would go on."
        b = LEAD + "Yiorgos Markatis, the union leader, said the strike would continue."
        assert ("name", "Giorgos Markatis", "Yiorgos Markatis") in conflicts(a, b, ("name",))


class TestGoingTheOtherWay:
    A = LEAD + "Ingrid Sola, 58, was walking into the pharmacy on Harbour Road when the wall fell, police said."

    def test_one_going_into_and_out_of_the_same_place_is_a_conflict(self):
        b = LEAD + "Sola was walking out of the pharmacy on Harbour Road when the wall fell."
        assert conflicts(self.A, b) == [("claim", "walking into", "walking out of")]

    def test_the_same_way_or_another_place_is_none(self):
        assert conflicts(self.A, LEAD + "Sola was walking into the pharmacy on Harbour Road when the wall fell.") == []
        b = LEAD + "Sola was walking out of the bakery on Harbour Road when the wall fell."
        assert conflicts(self.A, b) == []


class TestShares:
    A = LEAD + "Tourism brought in 410 million crowns last year, about half of the town's income, the council said."

    def test_a_fraction_and_a_percentage_that_cannot_meet_are_a_conflict(self):
        b = LEAD + "The council said tourism accounts for about 70 percent of the town's income."
        assert conflicts(self.A, b, ("number",)) == [("number", "half", "70 percent")]

    def test_a_fraction_holds_for_a_percentage_near_it(self):
        b = LEAD + "The council said tourism accounts for 48 percent of the town's income."
        assert conflicts(self.A, b, ("number",)) == []

    def test_a_share_of_another_whole_is_another_fact(self):
        b = LEAD + "The council said tourism brought in 410 million crowns, 7 percent of the region's market."
        assert conflicts(self.A, b, ("number",)) == []
        c = LEAD + "The council said tourism brought in 410 million crowns, 70 percent of the town's revenue."
        assert conflicts(self.A, c, ("number",)) == [("number", "half", "70 percent")]  # income, revenue: one whole

    def test_a_rise_in_percent_is_no_share(self):
        b = LEAD + "The council said tourism income rose 70 percent last year."
        assert conflicts(self.A, b, ("number",)) == []

    def test_a_half_of_a_time_or_one_and_a_half_is_no_share(self):
        assert _fractions("in the first half of the season") == ()
        assert _fractions("one and a half of them") == ()
        assert [(n.value, n.bound) for n in _fractions("nearly three-quarters of homes")] == [(75.0, "near")]


class TestFiguresInTwoUnits:
    A = LEAD + "The gauge at Sorvik put the flood crest at about 58km (36 miles) downstream of Brekka."

    def test_a_figure_in_the_other_s_unit_is_set_against_it_not_its_conversion(self):
        b = LEAD + "The gauge at Sorvik said the crest was 35 miles downstream of Brekka."
        assert conflicts(self.A, b, ("number",)) == [("number", "36 miles", "35 miles downstream")]

    def test_a_conversion_alone_states_the_figure(self):
        a = self.A.replace(" (36 miles)", "")
        b = LEAD + "The gauge at Sorvik said the crest was 35 miles downstream of Brekka."
        assert conflicts(a, b, ("number",)) == []
