"""Conflict rules of issue 10's thirteenth round, on copy of our own: misses and false
alarms over the eighteen labelled sets that a rule of general form reaches (a population
given in a clause of "which", a population kept from other counts, a toll's part in a named
place, a line of results, a parent's children kept from other children, a title in a
possessive, a clinic and a center of one name, a vowel a romanisation adds, a figure in
whole thousands read to the thousand, a count around a wide place kept from one in a place)."""

from .reported import conflicts

QUAKE = "A strong earthquake shook the coast of Varna province on Monday, officials said.\n"


class TestPopulationsOfAWhichClause:
    """A population a clause of "which" gives is its antecedent's, not a place named inside it."""

    def test_the_islands_people_after_a_city_named_in_the_clause(self):
        a = QUAKE + "The island, which has about 90,000 residents, lies 40 miles off the coast.\n"
        b = QUAKE + (
            "Fishermen on the island, which is reached by ferry from the busy port city of Lomen and is home "
            "to about 60,000 people, slept outside.\n"
        )
        found = conflicts(a, b, ("number",))
        assert found == [("number", "90,000 residents", "60,000 people")]

    def test_a_city_of_so_many_is_the_citys(self):
        a = QUAKE + "The island, which has about 60,000 residents, lies 40 miles off the coast.\n"
        b = QUAKE + (
            "Fishermen on the island, which is reached by ferry from Lomen, a port city of 250,000 people, "
            "slept outside.\n"
        )
        assert conflicts(a, b, ("number",)) == []


PAST = "The last deadly quake in the region struck Dorval in March.\n"


class TestPopulationsKeptFromOtherCounts:
    """A town's people in one linked sentence and a toll in the other are two facts."""

    def test_a_towns_size_is_no_toll(self):
        a = QUAKE + "In March a quake of magnitude 6.2 rocked Dorval, a town of about 12,000 people in the hills.\n"
        b = QUAKE + "In March a quake of magnitude 6.2 rocked the hill town of Dorval, killing 310 people.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_two_tolls_in_linked_sentences_still_disagree(self):
        a = QUAKE + "In March a quake of magnitude 6.2 rocked Dorval, killing about 250 people in the hills.\n"
        b = QUAKE + "In March a quake of magnitude 6.2 rocked the hill town of Dorval, killing 310 people.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("number",))] == ["number"]


FLOOD = (
    "Heavy rain swelled rivers across the north on Tuesday, forecasters said.\n"
    "The army was sent to help farmers move their herds to higher ground.\n"
)


class TestPartsOfATollInANamedPlace:
    """ "N of them in Place" is Place's toll, which the other source may give otherwise."""

    def test_a_part_in_a_place_against_that_places_toll(self):
        a = FLOOD + "Floods in 1998 left more than 9,000 dead across the delta, over 4,000 of them in Tarsel.\n"
        b = (
            FLOOD
            + "Officials recalled that 2,700 people were killed in Tarsel province when its dams failed in 1998.\n"
        )
        assert conflicts(a, b, ("number",)) == [("number", "4,000", "2,700 people")]

    def test_a_part_in_another_place_is_another_toll(self):
        a = FLOOD + "Floods in 1998 left more than 9,000 dead across the delta, over 4,000 of them in Tarsel.\n"
        b = (
            FLOOD
            + "Officials recalled that 2,700 people were killed in Mirova province when its dams failed in 1998.\n"
        )
        assert conflicts(a, b, ("number",)) == []


GAME = "The top seed won its tournament opener on Friday night in front of a full arena.\n"


class TestLinesOfResults:
    """A result written team by team ("Halden 71, Brook 4") is the game's score."""

    def test_a_line_that_loses_a_figure_disagrees(self):
        a = "Halden 71, Brook 4\n" + GAME
        b = GAME + "Marco Ruiz scored 22 points as Halden beat Brook 71-64 in the quarterfinals.\n"
        assert conflicts(a, b, ("number",)) == [("number", "Halden 71, Brook 4", "71-64")]

    def test_a_line_with_seeds_that_agrees(self):
        a = "No. 1 Halden Hawks 71, No. 8 Brook Bears 64\n" + GAME
        b = GAME + "Marco Ruiz scored 22 points as Halden beat Brook 71-64 in the quarterfinals.\n"
        assert conflicts(a, b, ("number",)) == []


STRAY = "A stray bullet killed a woman outside a school in Eastfield on Thursday, police said.\n"


class TestFamiliesAndOtherChildren:
    """How many children a mother has is not how many children were on the street."""

    def test_a_mothers_children_are_not_the_children_there(self):
        a = STRAY + "Dana Wells was the mother of nine children.\n"
        b = STRAY + "In the video the two mothers and four children crouch by a shop door as shots ring out.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_her_children_against_a_mothers_count_still_disagree(self):
        a = STRAY + "Wells, 36, was walking with one of her nine children when Carl Dunn fired from a rooftop.\n"
        b = (
            STRAY
            + "Dunn told police he fired at rivals when a stray bullet hit the mother of 11 walking her kids home.\n"
        )
        assert [kind for kind, _, _ in conflicts(a, b, ("number",))] == ["number"]


TRIAL = "A jury on Tuesday convicted a man of killing a county officer during a traffic stop in 2009.\n"


class TestTitlesInAPossessive:
    """ "Marshal's Deputy" is the marshal's deputy: a "Deputy Marshal", not a name reordered."""

    def test_a_possessive_title_in_the_other_order_is_one_title(self):
        a = (
            "Deputy Marshal\n"
            + TRIAL
            + "The jury found that Lee shot Deputy Ann Cole, a Marshal of the county, at the stop.\n"
        )
        b = TRIAL + (
            "Marshal's Deputy Ben Ortega, her partner, said the verdict was fair. "
            "Lee shot Deputy Cole at a stop, said a county Marshal.\n"
        )
        assert conflicts(a, b, ("name",)) == []

    def test_a_name_in_the_other_order_is_still_reported(self):
        a = TRIAL + "The officer's widow thanked the Blue Valley Rescue Team and Judge Amos Reed.\n"
        b = TRIAL + "The officer's widow thanked the Valley Blue Rescue Team and Judge Amos Reed.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("name",))] == ["name"]


REHAB = "The singer has entered a treatment program in California, her publicist said on Monday.\n"


class TestKindsOfInstitution:
    """A clinic of one name in one source and a center of it in the other name one place two ways."""

    def test_a_clinic_and_a_center_of_one_name_disagree(self):
        a = REHAB + "She checked into the Mary Lane Clinic in Palm Springs on Sunday night.\n"
        b = REHAB + "The Mary Lane Center said it does not comment on its patients.\n"
        assert conflicts(a, b, ("name",)) == [("name", "Lane Clinic", "Lane Center")]

    def test_a_source_naming_both_tells_of_two_places(self):
        a = REHAB + "She left the Mary Lane Clinic for the Mary Lane Center on Sunday night.\n"
        b = REHAB + "The Mary Lane Center said it does not comment on its patients.\n"
        assert conflicts(a, b, ("name",)) == []


ISLAND = "A strong earthquake shook an island in the Gulf on Sunday, flattening several villages.\n"


class TestVowelsAdded:
    """A vowel a romanisation writes or leaves out: beside a vowel in a long name, between
    two consonants in a name of six letters or more."""

    def test_a_vowel_beside_a_vowel_in_a_long_name(self):
        a = ISLAND + "The head of Darbozgan province's emergency office said rescue teams had been sent.\n"
        b = ISLAND + "The governor of Darbouzgan province told state television that tents were on their way.\n"
        assert conflicts(a, b, ("name",)) == [("name", "Darbozgan", "Darbouzgan")]

    def test_a_vowel_between_consonants(self):
        a = ISLAND + "The report said the villages of Tabarak and Soleh were worst hit.\n"
        b = ISLAND + "The most affected villages were Gorin, Tabrak, Hezar and Moran, officials said.\n"
        assert conflicts(a, b, ("name",)) == [("name", "Tabarak", "Tabrak")]

    def test_two_people_a_vowel_apart_are_two_people(self):
        a = ISLAND + "Rescue chief Lorenzo Maravan said teams had reached every village by nightfall.\n"
        b = ISLAND + "The governor, Peter Marvan, said teams had reached every village by nightfall.\n"
        assert conflicts(a, b, ("name",)) == []


EVACUATION = "Floodwater kept rising in Lenova province on Wednesday, officials said.\n"


class TestFiguresInWholeThousands:
    """ "Some 46,000" is written to the thousand: its thousands end in 6, so it is no round figure."""

    def test_some_forty_six_thousand_is_not_over_forty_seven_thousand(self):
        a = EVACUATION + "Some 46,000 people have been evacuated from towns along the river, the army said.\n"
        b = EVACUATION + "More than 47,000 people have been evacuated from towns along the river, the army said.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("number",))] == ["number"]

    def test_about_fifty_thousand_is_a_round_figure(self):
        a = EVACUATION + "About 50,000 people have been evacuated from towns along the river, the army said.\n"
        b = EVACUATION + "In all 51,500 people have been evacuated from towns along the river, the army said.\n"
        assert conflicts(a, b, ("number",)) == []


CYCLONE = "A cyclone struck the coast of Varna province on Monday, officials said.\n"


class TestCountsAroundAWidePlace:
    """A count "around" or "across" a wide place is a whole; a count "in" one place is a part."""

    def test_a_provinces_dead_and_the_oceans_are_two_counts(self):
        a = CYCLONE + "In 1998 a cyclone killed 9,000 people in the province and thousands more in other lands.\n"
        b = CYCLONE + "In 1998 a cyclone killed some 14,000 people around the Bay of Lorn.\n"
        assert conflicts(a, b, ("number",)) == []

    def test_across_and_in_one_province_are_one_count(self):
        a = CYCLONE + "In 1998 a cyclone killed 9,000 people in the province, officials recalled.\n"
        b = CYCLONE + "In 1998 a cyclone killed some 14,000 people across the province, officials recalled.\n"
        assert [kind for kind, _, _ in conflicts(a, b, ("number",))] == ["number"]
