"""Conflict rules of issue 10's eleventh round, on copy of our own: the mechanisms behind
the fourteenth and fifteenth held-out sets' misses and false alarms."""

from .reported import conflicts

DEATH = "The singer died on Thursday in a Denver hospital, her manager said.\n"


class TestQuotedTimesOnOneClock:
    """A quotation that gives its time of day on a 12-hour clock in one copy and on a
    24-hour clock in the other is one quotation."""

    def test_a_time_on_two_clocks_is_one_quotation(self):
        a = DEATH + 'Her manager said: "She left us at 9:15pm MST tonight (0415 GMT Friday) surrounded by her family."'
        b = DEATH + 'Her manager said: "She left us at 21:15 tonight (04:15 GMT Friday) surrounded by her family."'
        assert conflicts(a, b, ("quote",)) == []

    def test_another_time_is_still_another_quotation(self):
        a = DEATH + 'Her manager said: "She left us at 9:15pm MST tonight (0415 GMT Friday) surrounded by her family."'
        b = DEATH + 'Her manager said: "She left us at 22:15 tonight (05:15 GMT Friday) surrounded by her family."'
        assert [kind for kind, _, _ in conflicts(a, b, ("quote",))] == ["quote"]


def _trial(stamp: str, age: int) -> str:
    return (
        f"Published: {stamp}\n"
        "A jury in Tulsa heard opening statements on Thursday in the killing of a store clerk.\n"
        f"Prosecutors say {age}-year-old Mark Dunn of Broken Arrow shot the clerk during a robbery last spring.\n"
    )


class TestAgesInCopyWrittenApart:
    """A person a year older in copy written months later may have had a birthday between:
    linked sentences' ages are not set against each other then."""

    def test_a_birthday_between_two_copies_is_no_conflict(self):
        assert conflicts(_trial("January 3, 2013", 26), _trial("September 27, 2013", 27), ("number",)) == []

    def test_ages_in_copy_of_one_day_still_disagree(self):
        found = conflicts(_trial("January 3, 2013", 26), _trial("January 3, 2013", 27), ("number",))
        assert [(kind, "26" in a, "27" in b) for kind, a, b in found] == [("number", True, True)]


SHOOTING = (
    "Sheriff's Deputy Sam Reyes was shot dead at a house in Bellflower on Friday afternoon.\n"
    "Reyes, 41, had gone to the house alone to question a man about a robbery.\n"
)
TRIAL = (
    "A jury on Tuesday sentenced the man who shot Sheriff's Deputy Sam Reyes to life in prison.\n"
    "The deputy's family sat behind the prosecutors through the whole trial.\n"
)


class TestAgesOfOneFamily:
    """An age beside a family name alone is the age of the one person of that name the
    source names in full, not of another of the family the other source names."""

    def test_another_of_the_family_is_another_person(self):
        b = TRIAL + '"We can rest now," said 15-year-old Tomas Reyes, one of the deputy\'s sons.\n'
        assert conflicts(SHOOTING, b, ("number",)) == []

    def test_the_person_named_in_full_is_still_compared(self):
        b = TRIAL + "The 44-year-old Sam Reyes had served with the department for fifteen years.\n"
        found = conflicts(SHOOTING, b, ("number",))
        assert [(kind, "41" in a, "44" in b) for kind, a, b in found] == [("number", True, True)]


STRAY = "A stray bullet killed a grandmother on her porch in Eastfield on Sunday night, police said.\n"


class TestShotsFiredAtSomeone:
    """Shots "fired at" someone name whom they were meant for, as "aiming for" does."""

    def test_two_targets_disagree(self):
        a = STRAY + "Police said Devon Hale was aiming for a teenager he had argued with over a bicycle.\n"
        b = STRAY + "Devon Hale is accused of firing at rival gang members from across the street.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("other",))] == ["other"]

    def test_one_target_in_other_words_agrees(self):
        a = STRAY + "Police said Devon Hale was aiming for members of a rival gang.\n"
        b = STRAY + "Devon Hale is accused of firing at rival gang members from across the street.\n"
        assert conflicts(a, b, ("other",)) == []

    def test_fired_on_in_the_passive_names_no_target(self):
        a = STRAY + "Police said Devon Hale was aiming for a teenager he had argued with over a bicycle.\n"
        b = STRAY + "Devon Hale told detectives he had been fired on first from a passing car.\n"
        assert conflicts(a, b, ("other",)) == []


RECORD = "Lakeview beat Harmon State 81-64 on Saturday as Dana Ortiz became the school's leading scorer.\n"


class TestRunningTotalsCountingNothing:
    """A running total that names nothing it counts ("Ortiz now has 1,844.") is of the one
    thing the other source totals for that name; "and now has" shares the clause's name."""

    def test_two_totals_told_bare_disagree(self):
        a = RECORD + "Ortiz finished with 22 points and now has 1,845 for her career.\n"
        b = RECORD + "Ortiz now has 1,844.\n"
        assert conflicts(a, b, ("number",)) == [("number", "1,845", "1,844")]

    def test_one_total_told_bare_agrees(self):
        a = RECORD + "Ortiz finished with 22 points and now has 1,845 for her career.\n"
        b = RECORD + "Ortiz now has 1,845.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_another_players_bare_total_is_not_compared(self):
        a = RECORD + "Ortiz finished with 22 points and now has 1,845 for her career.\n"
        b = RECORD + "Ramos, her teammate, now has 1,610.\n"
        assert conflicts(a, b, ("number",)) == []


class TestOnePlayAtTwoGameClocks:
    """The story's big play given at two readings of the game clock seconds apart is one
    moment written twice; readings further apart, or in another half, are other plays."""

    def test_one_play_at_two_readings_disagrees(self):
        a = RECORD + "Ortiz broke the record on a layup with 5:18 left in the second half.\n"
        b = RECORD + "The crowd stood as Ortiz drove past two defenders to score with 5 minutes 17 seconds to go.\n"
        assert conflicts(a, b, ("number",)) == [("number", "5:18 left", "5 minutes 17 seconds to go")]

    def test_one_reading_written_two_ways_agrees(self):
        a = RECORD + "Ortiz broke the record on a layup with 5:18 left in the second half.\n"
        b = RECORD + "The crowd stood as Ortiz drove past two defenders to score with 5 minutes 18 seconds to go.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_readings_in_two_halves_are_two_plays(self):
        a = RECORD + "Ortiz tied the record on a layup with 5:18 left in the first half.\n"
        b = RECORD + "Ortiz broke it on a jumper with 5:17 left in the second half.\n"
        assert conflicts(a, b, ("number",)) == []


MARCH = "Teachers marched on the state capitol on Monday against the pay freeze.\n"
WALKOUT = "Tens of thousands of people joined the walkout.\nPolice said {} people took to the streets of Salem.\n"
PUT_AT = "Schools across the state stayed shut.\nThe state patrol put the march, the largest in a decade, at 25,000.\n"


class TestCrowdsPutAtAFigure:
    """ "Police put the march at 30,000" sizes the crowd; a crowd in round words beside a
    source's own figure is that figure told loosely."""

    def test_a_figure_put_at_against_another_disagrees(self):
        found = conflicts(MARCH + WALKOUT.format("12,000"), MARCH + PUT_AT, ("number",))
        assert [(kind, "12,000" in a, "25,000" in b) for kind, a, b in found] == [("number", True, True)]

    def test_the_same_figure_put_at_agrees(self):
        assert conflicts(MARCH + WALKOUT.format("25,000"), MARCH + PUT_AT, ("number",)) == []


FIRE = "A fire gutted a house on Elm Street in Dayton early on Sunday, firefighters said.\n"


class TestChildrenOfTwoSexes:
    """Linked sentences about boys only and girls only count different children."""

    def test_boys_ages_and_girls_ages_are_of_other_children(self):
        a = FIRE + "The family's two boys, ages 5 and 12, escaped through a window with a neighbour's help.\n"
        b = FIRE + "The family's two girls, ages 5 and 9, escaped through a window with a neighbour's help.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_the_same_children_at_other_ages_disagree(self):
        a = FIRE + "The family's two boys, ages 5 and 12, escaped through a window with a neighbour's help.\n"
        b = FIRE + "The family's two sons, ages 5 and 9, escaped through a window with a neighbour's help.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("number",))] == ["number"]
