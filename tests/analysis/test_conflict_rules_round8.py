"""Conflict rules of issue 10's eighth round, on copy of our own: a second route from a
sentence to its counterpart when the wording differs too much to link, and the mechanisms
behind the twelfth held-out set's errors."""

from stories.analysis.quantities import numbers_of

from .reported import conflicts

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
        a = FLOOD + "Two bridges in Velmora were washed away overnight, cutting off 52,000 people."
        a += "\nVolunteers in Velmora fed 54,000 people on Tuesday."
        b = FLOOD + self.SHOPS.format("Velmora", "cut off with 55,000 people")
        assert conflicts(a, b, ("number",)) == []

    def test_a_population_given_twice_of_one_named_place_is_set_against_the_other(self):
        a = self.TOWN + "\nVolunteers in Velmora fed 54,000 people on Tuesday."
        b = FLOOD + self.SHOPS.format("Velmora", "home to 55,000 people")
        assert conflicts(a, b, ("number",)) == [("number", "52,000 people", "55,000 people")]

    def test_other_names_are_no_counterparts(self):
        a = self.TOWN
        b = FLOOD + self.SHOPS.format("Dunstrand", "home to 55,000 people")
        assert conflicts(a, b, ("number",)) == []


DEAL = (
    "Harrowgate Foods agreed on Tuesday to buy the dairy group Milvane, the companies said.\n"
    "The boards of both companies backed the offer.\n"
)


class TestSumsTheOtherSourceGivesElsewhere:
    """A sum of money one source gives that the other gives too, in another sentence."""

    def test_a_sum_the_other_source_also_gives_is_no_disagreement(self):
        a = DEAL + "Analysts welcomed Harrowgate's $4.6 billion takeover of Milvane on Wednesday."
        b = (
            DEAL
            + "Analysts welcomed Harrowgate's $4.1 billion takeover of Milvane on Wednesday.\n"
            + "Counting Milvane's debt, the bid is worth $4.6 billion."
        )
        assert conflicts(a, b, ("number",)) == []

    def test_a_sum_the_other_source_does_not_give_still_disagrees(self):
        a = DEAL + "Analysts welcomed Harrowgate's $4.6 billion takeover of Milvane on Wednesday."
        b = DEAL + "Analysts welcomed Harrowgate's $4.1 billion takeover of Milvane on Wednesday."
        assert conflicts(a, b, ("number",)) == [("number", "$4.6 billion takeover", "$4.1 billion takeover")]

    def test_the_same_sum_of_another_thing_confirms_nothing(self):
        a = DEAL + "Analysts welcomed Harrowgate's $4.6 billion takeover of Milvane on Wednesday."
        b = (
            DEAL
            + "Analysts welcomed Harrowgate's $4.1 billion takeover of Milvane on Wednesday.\n"
            + "Milvane's farmers were paid $4.6 billion in subsidies last decade."
        )
        assert ("number", "$4.6 billion takeover", "$4.1 billion takeover") in conflicts(a, b, ("number",))

    def test_only_sums_a_count_given_twice_is_most_often_two_counts(self):
        a = DEAL + "The takeover puts 900 jobs at risk at Milvane's plants, the union said."
        b = (
            DEAL
            + "The takeover puts 600 jobs at risk at Milvane's plants, the union said.\n"
            + "Harrowgate itself cut 900 jobs across its mills last year."
        )
        assert ("number", "900 jobs", "600 jobs") in conflicts(a, b, ("number",))


ARREST = (
    "A county police officer stopped the Harriers' striker Tom Okafor on the coast road overnight.\n"
    "He was released after he posted bail, the county sheriff said.\n"
)


class TestTimesOfOtherDoings:
    """Two linked sentences' times of day are compared only when said of one doing."""

    def test_the_time_of_another_doing_is_not_compared(self):
        a = ARREST + "The Harriers travel on Friday to Dunmere, where they play the Rovers at 1:45 p.m. Sunday."
        b = ARREST + "Officers arrested Okafor at about 2:30 a.m., before Sunday's game against the Rovers in Dunmere."
        assert conflicts(a, b, ("date",)) == []

    def test_the_time_of_one_doing_is_still_compared(self):
        a = ARREST + "Officers arrested Okafor at 1:45 a.m. on the coast road, before Sunday's game in Dunmere."
        b = ARREST + "Officers arrested Okafor at about 2:30 a.m., before Sunday's game against the Rovers in Dunmere."
        assert conflicts(a, b, ("date",)) == [("date", "1:45 a.m.", "about 2:30 a.m.")]


GAME = (
    "The Harriers beat the Rovers 71-64 on Saturday to reach the county final.\n"
    "Okafor led the Harriers with 22 points.\n"
)


class TestANumberWordBeginsTheNextNumber:
    """What a number counts stops at the next number word: the words after it are that one's."""

    def test_a_number_word_after_a_number_is_not_what_it_counts(self):
        (number, *_) = numbers_of("Okafor scored two classic three-point plays in the run.")
        assert "three" not in number.counts

    def test_two_numbers_counting_only_a_number_word_in_common_are_not_compared(self):
        a = GAME + "In the closing run Okafor scored two classic three - point plays and blocked a shot."
        b = GAME + "In the closing run Okafor made 3 - of - 5 three attempts and blocked a shot."
        assert conflicts(a, b, ("number",)) == []


TREMOR = (
    "A strong earthquake shook the northern coast of Valdoria on Tuesday, the national survey said.\n"
    "Houses were damaged in several fishing villages and two people were missing.\n"
)


class TestClocksAnywhere:
    """One time's figures on two clocks, in sentences of the two sources that are not linked."""

    def test_a_short_sentence_giving_the_local_time_is_set_against_the_gmt_time(self):
        a = TREMOR + "The quake struck the coast of Valdoria at 07:37 a.m. UTC, the survey said, killing one man."
        b = TREMOR + "It took place at 7:37 AM local time."
        assert conflicts(a, b, ("date",)) == [("date", "07:37 a.m. UTC", "7:37 AM local time")]

    def test_a_source_giving_the_time_on_both_clocks_agrees(self):
        a = TREMOR + "The quake struck the coast of Valdoria at 7:37 a.m. local time (0037 GMT), killing one man."
        b = TREMOR + "It took place at 7:37 AM local time."
        assert conflicts(a, b, ("date",)) == []


class TestTwoRoundedTimes:
    """Two times each written "about": half an hour apart they only touch at their widest."""

    def test_about_one_and_around_half_past_one_disagree(self):
        a = ARREST + "Officers stopped Okafor's car at about 1:00 a.m. Sunday on the coast road, the sheriff said."
        b = ARREST + "Officers stopped Okafor's car on the coast road around 1:30 a.m. on Sunday, the sheriff said."
        assert conflicts(a, b, ("date",)) == [("date", "about 1:00 a.m.", "around 1:30 a.m.")]

    def test_times_that_can_meet_agree(self):
        a = ARREST + "Officers stopped Okafor's car at about 1:00 a.m. Sunday on the coast road, the sheriff said."
        b = ARREST + "Officers stopped Okafor's car on the coast road around 1:20 a.m. on Sunday, the sheriff said."
        assert conflicts(a, b, ("date",)) == []


class TestAnotherCountAfterAHarm:
    """ "killing 12 people and wounding another 60": the whole count of the second harm."""

    def test_the_count_after_a_second_doing_of_harm_is_its_toll(self):
        (_, wounded) = numbers_of("The blast went off at noon, killing 12 people and wounding another 60.")
        assert not wounded.partial

    def test_it_is_set_against_the_other_sources_toll_of_that_harm(self):
        a = TREMOR + "The quake destroyed four villages, killing 12 people and wounding other 60, officials said."
        b = TREMOR + "Twelve people died in the quake.\nAs many as 90 people were also wounded."
        assert ("number", "60", "90 people") in conflicts(a, b, ("number",))

    def test_another_count_after_no_harm_is_still_a_part(self):
        (_, others) = numbers_of("The crew freed 12 hostages, and another 60 were still held.")
        assert others.partial


class TestAPostThatOpensItsSentence:
    """ "General Manager J.T. Moss said": a post named without its organisation, the story's own."""

    def test_its_holder_is_set_against_the_other_sources_holder_of_the_post(self):
        a = ARREST + "General Manager J.T. Moss said the club was aware of the arrest."
        b = ARREST + '"We are aware of the matter," Harriers general manager J.T. Keane said in a statement.'
        assert conflicts(a, b, ("name",)) == [("name", "J.T. Moss", "J.T. Keane")]

    def test_a_post_inside_a_sentence_needs_its_organisation(self):
        a = ARREST + "The club's assistant general manager J.T. Moss said the club was aware of the arrest."
        b = ARREST + '"We are aware of the matter," Harriers general manager J.T. Keane said in a statement.'
        assert conflicts(a, b, ("name",)) == []
