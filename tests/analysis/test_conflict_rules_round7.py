"""Conflict rules of issue 10's seventh round, on copy of our own: general mechanisms mended
where they failed on real copy (a sentence's opening word read into a name, ...)."""

from stories.analysis.proper_names import name_runs
from stories.analysis.quantities import numbers_of
from stories.analysis.spellings import derived

from .reported import conflicts

LEAD = "A landslide buried part of the hill village of Oskarby on Tuesday, the county rescue service said.\n"


class TestSentenceOpeners:
    def test_a_capitalised_opening_word_is_no_part_of_the_name_after_it(self):
        assert name_runs("Despite Marlowe's defeat, the club kept its coach.") == (("Marlowe",),)
        assert name_runs("Unlike Petersfield, the town had no siren.") == (("Petersfield",),)

    def test_a_name_that_opens_the_sentence_is_still_read(self):
        assert name_runs("Marlowe lost to the club on Friday.") == (("Marlowe",),)

    def test_the_respelled_name_is_reported_alone(self):
        a = LEAD + "Rescuers from Brockhampton reached the village by noon."
        b = LEAD + "Despite Brokhampton's losses, its rescuers reached the village by noon."
        assert conflicts(a, b, ("name",)) == [("name", "Brockhampton", "Brokhampton")]


class TestAgesOfOneFamily:
    def test_two_given_names_of_one_family_are_two_people(self):
        a = LEAD + "Among the missing is 72-year-old Margit Hallberg, the farmer's mother."
        b = LEAD + "The farmer, Stig Hallberg, 44, led the search himself."
        assert conflicts(a, b, ("number",)) == []

    def test_one_given_name_written_twice_is_one_person(self):
        a = LEAD + "Among the missing is 72-year-old Margit Hallberg, a retired teacher."
        b = LEAD + "The search is for Margit Hallberg, 74, a retired teacher."
        assert ("number", "72-year-old Margit", "74") in conflicts(a, b, ("number",))

    def test_a_title_or_a_middle_name_does_not_make_another_person(self):
        a = LEAD + "Among the missing is 72-year-old Margit Hallberg, a retired teacher."
        b = LEAD + "The search is for teacher Margit Anna Hallberg, 74, who lives alone."
        assert ("number", "72-year-old Margit", "74") in conflicts(a, b, ("number",))

    def test_a_family_name_alone_is_still_compared(self):
        a = LEAD + "Among the missing is 72-year-old Margit Hallberg, a retired teacher."
        b = LEAD + "The search is for Hallberg, 74, who lives alone."
        assert ("number", "72-year-old Margit", "74") in conflicts(a, b, ("number",))


QUAKE = "A magnitude 4.2 earthquake shook the valley before dawn on Sunday, the survey said.\n"


class TestDistancesFromTwoPlaces:
    def test_distances_from_two_named_places_are_not_set_against_each_other(self):
        a = QUAKE + "The Geological Survey said the quake was centred about 4 miles east of Harwick, near the dam."
        b = QUAKE + "It was centred in Lowmoor, about 18 miles north of Stanbury, the Geological Survey said."
        assert conflicts(a, b, ("number",)) == []

    def test_distances_from_one_place_still_disagree(self):
        a = QUAKE + "The Geological Survey said the quake was centred about 4 miles east of Harwick, near the dam."
        b = QUAKE + "It was centred in Lowmoor, about 18 miles east of Harwick, the Geological Survey said."
        assert conflicts(a, b, ("number",)) == [("number", "4 miles east", "18 miles east")]


class TestAPlaceInYAndItsPeople:
    def test_a_place_in_y_and_its_people_are_derived_not_respelled(self):
        assert derived("normany", "normans")
        assert derived("normany", "norman")

    def test_a_plural_is_still_no_derivation(self):
        assert not derived("kennedy", "kennedys")

    def test_the_two_words_are_not_reported(self):
        a = LEAD + "Rescue teams from Normany arrived on Wednesday with dogs."
        b = LEAD + "The Normans sent rescue teams on Wednesday with dogs."
        assert conflicts(a, b, ("name",)) == []


DEAL = "Harbour Foods agreed on Monday to buy the grocer Kestrel, the companies said.\n"


class TestBareSums:
    def test_a_sum_that_names_nothing_is_the_sum_of_the_linked_sentence_s_deal(self):
        a = DEAL + "Harbour Foods will buy Kestrel Stores for about $4 billion, the companies said."
        b = DEAL + "Harbour Foods will pay $5 billion in cash to buy Kestrel Stores, the companies said."
        assert conflicts(a, b, ("number",)) == [("number", "$4 billion", "$5 billion")]

    def test_a_conversion_in_brackets_names_nothing_either(self):
        a = DEAL + "Harbour Foods will buy Kestrel Stores in a £3 billion ($4 billion) deal, the companies said."
        b = DEAL + "Harbour Foods will buy Kestrel Stores in a $5 billion takeover, the companies said."
        assert ("number", "$4 billion", "$5 billion takeover") in conflicts(a, b, ("number",))

    def test_a_sum_said_of_a_thing_before_it_is_that_thing_s(self):
        a = DEAL + "With a market value of about $40 billion, Harbour Foods can pay for Kestrel Stores in shares."
        b = DEAL + "The deal is a fifth of the $9 billion rise in Harbour Foods' market value this year."
        assert conflicts(a, b, ("number",)) == []


GAME = "The Otters beat the Herons 71-64 on Saturday to reach the league final.\n"


class TestElidedUnits:
    def test_a_bare_number_after_a_measured_one_takes_its_unit(self):
        numbers = numbers_of("Dale Brisco scored 18 points and Ian Marsh added 11 for the Herons.")
        assert [(n.value, n.measure) for n in numbers] == [(18, "point"), (11, "point")]

    def test_not_a_part_nor_after_a_span_of_time(self):
        numbers = numbers_of("Brisco scored 18 points on 7 of 12 shooting.")
        assert numbers[1].measure == ""
        numbers = numbers_of("He served 12 years and was freed at 47, his lawyer said.")
        assert numbers[1].measure == ""

    def test_the_one_player_s_points_are_set_against_each_other(self):
        a = GAME + "Dale Brisco scored 18 points and Ian Marsh added 11 for the Herons."
        b = GAME + "Ian Marsh led the Herons with 11 points, while Dale Brisco had 16 for the visitors."
        assert conflicts(a, b, ("number",)) == [("number", "18 points", "16")]


class TestBoundWordsBeforeANumber:
    def test_a_bound_word_is_not_what_the_number_is_said_of(self):
        assert numbers_of("By nightfall the slide had buried nearly 50.")[0].before == {"buried"}

    def test_two_bare_counts_of_one_doing_disagree(self):
        a = LEAD + "By nightfall the slide was known to have buried nearly 50."
        b = LEAD + "By nightfall the slide was known to have buried 30."
        assert conflicts(a, b, ("number",)) == [("number", "50", "30")]
