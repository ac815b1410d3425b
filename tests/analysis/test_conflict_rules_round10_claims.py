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


class TestRounds:
    """One game between the same two teams given another round of the tournament."""

    LEAD = "Carver State beat Milford 71-60 on Friday in the conference tournament.\n"

    def test_semifinal_against_quarterfinal(self):
        a = self.LEAD + "Carver State plays the winner of the second semifinal between Dalton Tech and North Ridge.\n"
        b = (
            self.LEAD
            + "Carver State meets the winner of the second quarterfinal between Dalton Tech and North Ridge.\n"
        )
        assert conflicts(a, b, CLAIMS) == [("other", "second semifinal", "second quarterfinal")]

    def test_teams_named_before_the_round(self):
        a = self.LEAD + "Carver State plays the winner of the second semifinal between Dalton Tech and North Ridge.\n"
        b = self.LEAD + "Carver State meets the winner of the Dalton Tech - North Ridge quarterfinal on Saturday.\n"
        assert conflicts(a, b, CLAIMS) == [("other", "second semifinal", "Dalton Tech - North Ridge quarterfinal")]

    def test_one_round_written_two_ways_agrees(self):
        a = self.LEAD + "Carver State plays the winner of the second semifinal between Dalton Tech and North Ridge.\n"
        b = self.LEAD + "Carver State meets the winner of the Dalton Tech - North Ridge semi-final on Saturday.\n"
        assert conflicts(a, b, CLAIMS) == []


class TestFinders:
    """The same thing found by responders in one source and by someone else in the other."""

    LEAD = "Two men were found dead in a flat on Mill Lane on Sunday.\n"

    def test_police_against_a_neighbour(self):
        a = self.LEAD + "The bodies of the two brothers were found by police officers early on Sunday.\n"
        b = self.LEAD + "A neighbour discovered the bodies and called for help.\n"
        assert conflicts(a, b, CLAIMS) == [("other", "found by police officers", "A neighbour discovered the bodies")]

    def test_two_names_for_the_responders_agree(self):
        a = self.LEAD + "The bodies of the two brothers were found by police officers early on Sunday.\n"
        b = self.LEAD + "Firefighters discovered the bodies and called for help.\n"
        assert conflicts(a, b, CLAIMS) == []

    def test_he_names_nobody(self):
        a = self.LEAD + "The bodies of the two brothers were found by police officers early on Sunday.\n"
        b = self.LEAD + "He discovered the bodies and called for help.\n"
        assert conflicts(a, b, CLAIMS) == []


class TestConsent:
    """One doing agreed to in one source and refused in the other."""

    LEAD = "The reclusive painter Oren Castell died on Monday aged 91.\n"

    def test_refused_against_agreed(self):
        a = self.LEAD + "In later life Castell refused to have his picture taken by the press.\n"
        b = self.LEAD + "In 2004 he agreed to be photographed for a museum catalogue.\n"
        assert conflicts(a, b, CLAIMS) == [
            (
                "other",
                "refused to have his picture taken by the press",
                "agreed to be photographed for a museum catalogue",
            )
        ]

    def test_never_agreed_is_a_refusal(self):
        a = self.LEAD + "In later life Castell refused to have his picture taken by the press.\n"
        b = self.LEAD + "In later life he never agreed to be photographed again.\n"
        assert conflicts(a, b, CLAIMS) == []

    def test_a_light_verb_is_read_with_its_object(self):
        a = self.LEAD + "His doctors said he agreed to take a new treatment last year.\n"
        b = self.LEAD + "He refused to take questions about his health last year.\n"
        assert conflicts(a, b, CLAIMS) == []

    def test_declining_to_speak_is_left_out(self):
        a = self.LEAD + "His gallery declined to comment on the sale of his last works.\n"
        b = self.LEAD + "His nephew agreed to comment on the sale of his last works.\n"
        assert conflicts(a, b, CLAIMS) == []


class TestTargets:
    """Whom the shots were meant for, named two ways that share no word."""

    LEAD = "A woman was shot dead outside a school in Eastfield on Friday.\n"

    def test_aiming_for_one_against_targeting_another(self):
        a = self.LEAD + "Police said the gunman was aiming for a teenage boy whom he had argued with.\n"
        b = self.LEAD + "The gunman fired from a roof, targeting members of a rival crew.\n"
        assert conflicts(a, b, CLAIMS) == [("other", "aiming for a teenage boy", "targeting members of a rival crew")]

    def test_one_target_in_other_words_agrees(self):
        a = self.LEAD + "Police said the gunman was aiming for rival crew members.\n"
        b = self.LEAD + "The gunman fired from a roof, targeting members of a rival crew.\n"
        assert conflicts(a, b, CLAIMS) == []

    def test_no_shooting_no_target(self):
        a = "The council approved its budget on Friday.\nThe plan is aiming for lower bills next year.\n"
        b = "The council approved its budget on Friday.\nThe plan is aiming for a new library next year.\n"
        assert conflicts(a, b, CLAIMS) == []


class TestHometowns:
    """One person from two towns: "Name of Town", or the lede's "a Town man" whom the next
    sentence names."""

    def story(self, lede: str, named: str) -> str:
        return (
            "Jury convicts man of arson\n"
            f"{lede} was convicted on Tuesday of setting fire to a warehouse.\n"
            f"The jury deliberated four hours before convicting {named}, 41.\n"
            "Prosecutors said Pelham set the fire to collect the insurance.\n"
        )

    def test_a_town_man_against_name_of_another_town(self):
        a = self.story("A Harwick man", "Daniel Pelham")
        b = self.story("Daniel Pelham of Dunmore", "Pelham")
        assert conflicts(a, b, CLAIMS) == [("other", "A Harwick man", "Pelham of Dunmore")]

    def test_the_same_town_agrees(self):
        a = self.story("A Harwick man", "Daniel Pelham")
        b = self.story("Daniel Pelham of Harwick", "Pelham")
        assert conflicts(a, b, CLAIMS) == []

    def test_a_state_says_less_than_a_town(self):
        a = self.story("An Ohio man", "Daniel Pelham")
        b = self.story("Daniel Pelham of Dunmore", "Pelham")
        assert conflicts(a, b, CLAIMS) == []


class TestSpeakersByInitials:
    """The same words given to two people whose first names are the same initials."""

    LEAD = "Rovers striker Dean Holt was arrested on Tuesday.\n"
    SAID = '"We are aware of the matter involving Dean and are looking into it," club chairman {} said on Tuesday.\n'

    def test_same_initials_two_family_names(self):
        a = self.LEAD + self.SAID.format("C.J. Maddox")
        b = self.LEAD + self.SAID.format("C.J. Rowan")
        assert conflicts(a, b, ("attribution",)) == [("attribution", "C.J. Maddox", "C.J. Rowan")]

    def test_one_speaker_agrees(self):
        a = self.LEAD + self.SAID.format("C.J. Maddox")
        b = self.LEAD + self.SAID.format("C. J. Maddox")
        assert conflicts(a, b, ("attribution",)) == []


class TestBearingSayers:
    """One bearing from one place given to two named bodies."""

    LEAD = "A strong earthquake shook the south of the country on Sunday.\n"

    def test_two_agencies(self):
        a = self.LEAD + "The USGS said the quake was 40 miles west of Port Aldin.\n"
        b = self.LEAD + "Chile's seismic institute said the epicentre was 40 miles west of Port Aldin.\n"
        assert conflicts(a, b, ("attribution",)) == [("attribution", "The USGS said", "Chile's seismic institute said")]

    def test_a_sayer_with_no_name_is_not_read(self):
        a = self.LEAD + "The USGS said the quake was 40 miles west of Port Aldin.\n"
        b = self.LEAD + "Officials said the epicentre was 40 miles west of Port Aldin.\n"
        assert conflicts(a, b, ("attribution",)) == []

    def test_one_agency_by_its_initials(self):
        a = self.LEAD + "The USGS said the quake was 40 miles west of Port Aldin.\n"
        b = self.LEAD + "The U.S. Geological Survey said the epicentre was 40 miles west of Port Aldin.\n"
        assert conflicts(a, b, ("attribution",)) == []


class TestFirstLetterInLikeCompany:
    """A long name with its first letter another, standing beside the same other names."""

    def test_one_village_in_two_lists(self):
        a = "The quake hit the island on Sunday.\nThe worst hit villages were Marlowe, Dunridge and Pelkirk.\n"
        b = "The quake hit the island on Sunday.\nThe worst hit villages were Telkirk, Dunridge and Marlowe.\n"
        assert conflicts(a, b, ("name",)) == [("name", "Pelkirk", "Telkirk")]

    def test_not_in_like_company(self):
        a = "The quake hit the island on Sunday.\nThe worst hit village was Pelkirk.\n"
        b = "The quake hit the island on Sunday.\nAid reached Telkirk by boat.\n"
        assert conflicts(a, b, ("name",)) == []

    def test_short_names_are_two_people(self):
        a = "The club signed three players.\nThey are Hanson, Dunridge and Marlowe.\n"
        b = "The club signed three players.\nThey are Manson, Dunridge and Marlowe.\n"
        assert conflicts(a, b, ("name",)) == []
