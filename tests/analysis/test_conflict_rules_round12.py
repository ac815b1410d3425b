"""Conflict rules of issue 10's twelfth round, on copy of our own: misses over the
seventeen labelled sets that a rule of general form reaches (a parent called "mom", a
Greek first name romanised two ways, a street given another kind of way, a wedding's
time)."""

from .reported import conflicts

FIRE = "A fire gutted a bakery in Dunmore early on Sunday, the fire department said.\n"


class TestMomsAndDads:
    """A headline's "mom of 12" is the "mother of 13" of the other copy: one parent."""

    def test_a_mom_with_another_count_of_children_disagrees(self):
        a = "Dunmore mom of 7 hurt in bakery fire\n" + FIRE
        b = FIRE + "Lena Ortt, a mother of six, was taken to hospital with burns to her arms.\n"
        found = conflicts(a, b, ("number",))
        assert [(kind, "7" in a, "six" in b) for kind, a, b in found] == [("number", True, True)]

    def test_a_mom_with_the_same_count_agrees(self):
        a = "Dunmore mom of six hurt in bakery fire\n" + FIRE
        b = FIRE + "Lena Ortt, a mother of six, was taken to hospital with burns to her arms.\n"
        assert conflicts(a, b, ("number",)) == []


UNION = "Teachers walked out of schools across the country on Tuesday over pay.\n"


class TestFirstNamesOpeningWithEOrI:
    """E / I opening a first name beside one surname is one Greek name romanised two ways."""

    def test_e_and_i_before_one_surname_are_one_name(self):
        a = UNION + '"We will not go back for less," said Eirini Kostoula, who leads the teachers\' union.\n'
        b = UNION + "The union's leader, Irini Kostoula, said teachers would stay out until Friday.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("name",))] == ["name"]

    def test_e_and_i_before_two_surnames_are_two_people(self):
        a = UNION + '"We will not go back for less," said Eirini Kostoula, who leads the teachers\' union.\n'
        b = UNION + "The union's treasurer, Irini Maratou, said teachers would stay out until Friday.\n"
        assert conflicts(a, b, ("name",)) == []


CRASH = "Two cars collided in Marlow on Saturday night, injuring three people, police said.\n"


class TestKindsOfStreet:
    """One street's name given another kind of way by each source is at most once right."""

    def test_a_street_and_an_avenue_of_one_name_disagree(self):
        a = CRASH + "The crash happened at the corner of Fenwick Street near the station.\n"
        b = CRASH + "Witnesses said one car ran a red light on Fenwick Avenue before the crash.\n"
        found = conflicts(a, b, ("name",))
        assert found == [("name", "Fenwick Street", "Fenwick Avenue")]

    def test_a_source_naming_both_tells_of_two_streets(self):
        a = CRASH + "The crash happened where Fenwick Street meets Fenwick Avenue, near the station.\n"
        b = CRASH + "Witnesses said one car ran a red light on Fenwick Avenue before the crash.\n"
        assert conflicts(a, b, ("name",)) == []

    def test_a_square_of_the_same_name_is_another_place(self):
        a = CRASH + "The crash happened at the corner of Fenwick Street near the station.\n"
        b = CRASH + "Witnesses in Fenwick Square said one car ran a red light before the crash.\n"
        assert conflicts(a, b, ("name",)) == []


SHOT = "Officer Dan Reyes was shot dead on Friday while answering a call in Ridgeview.\n"


class TestWeddings:
    """How long before the story someone married is one span, whichever way it is counted."""

    def test_two_spans_since_one_wedding_disagree(self):
        a = SHOT + "He had married his longtime girlfriend about two weeks ago, a colleague said.\n"
        b = SHOT + "His widow, who married him three weeks before he was killed, sat in the front row.\n"
        found = conflicts(a, b, ("number",))
        assert found == [("number", "about two weeks ago", "three weeks before")]

    def test_a_span_within_the_others_about_agrees(self):
        a = SHOT + "He was wed about three weeks ago, a colleague said.\n"
        b = SHOT + "His widow, who married him three weeks before he was killed, sat in the front row.\n"
        assert conflicts(a, b, ("number",)) == []

    # Sentences naming no one in common: the linked sentences' number check leaves them be.
    def test_two_agos_in_copy_of_one_day_disagree(self):
        a = f"Published: June 3, 2011\n{SHOT}Friends of Reyes said he had married about two weeks ago.\n"
        b = f"Published: June 3, 2011\n{SHOT}Maria Lopez, his widow, said they wed seven weeks ago.\n"
        assert conflicts(a, b, ("number",)) == [("number", "about two weeks ago", "seven weeks ago")]

    def test_two_agos_in_copy_written_weeks_apart_are_not_compared(self):
        a = f"Published: June 3, 2011\n{SHOT}Friends of Reyes said he had married about two weeks ago.\n"
        b = f"Published: July 8, 2011\n{SHOT}Maria Lopez, his widow, said they wed seven weeks ago.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_one_span_is_reported_once(self):
        a = SHOT + "Friends said he had married about two weeks ago.\n"
        b = SHOT + "Neighbours said he had married five weeks before he was shot.\n"
        assert len(conflicts(a, b, ("number",))) == 1
