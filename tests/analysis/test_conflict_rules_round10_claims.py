"""Conflict rules of issue 10's tenth round (names and claims), on copy of our own: who
went into a place, which round a game is, who found something, what someone agreed to,
whom a gunman aimed at, where a person is from, and names and sayers given two ways."""

from .reported import conflicts

CLAIMS = ("other",)


class TestVisits:
    """A place one source says someone never went into, and the other tells of their
    leaving it or going in."""

    LEAD = "Singer Mara Vance was due in court on Friday over a driving case.\n"

    def test_never_entered_against_left_after_minutes(self):
        a = (
            self.LEAD
            + "On Thursday she checked out of Hollowbrook Clinic after only twenty minutes, her lawyer said.\n"
        )
        b = self.LEAD + "A celebrity website reported that she never entered Hollowbrook at all.\n"
        assert conflicts(a, b, CLAIMS) == [
            ("other", "checked out of Hollowbrook Clinic after only twenty minutes", "never entered Hollowbrook")
        ]

    def test_left_it_is_the_place_its_sentence_named(self):
        a = self.LEAD + "She never checked into Hollowbrook, the website said.\n"
        b = self.LEAD + "Her lawyer said she checked in to the Hollowbrook Clinic, but she left it after an hour.\n"
        assert conflicts(a, b, CLAIMS) == [("other", "never checked into Hollowbrook", "left it after an hour")]

    def test_another_place_is_no_denial_of_this_one(self):
        a = self.LEAD + "Her lawyer said she checked out of Hollowbrook Clinic after only twenty minutes.\n"
        b = self.LEAD + "A celebrity website reported that she never entered Stonegate at all.\n"
        assert conflicts(a, b, CLAIMS) == []
