"""Conflict rules of issue 10's tenth round, numbers, dates and times, on copy of our own:
the mechanisms behind the fifteen sets' remaining misses and false alarms of those kinds."""

from stories.analysis.quantities import numbers_of

from .reported import conflicts

FIRE = (
    "Fire crews fought a blaze at a timber yard in Dunmere overnight.\n"
    "No one was hurt, the county fire service said.\n"
)


class TestTimesWrittenWithAPoint:
    """A time of day written with a point ("8.40am", "8. 40am" as scrapers print it) is one
    time, in one sentence, not a sentence's end and a number."""

    def test_a_time_with_a_spaced_point_is_compared(self):
        a = FIRE + "Firefighters were called to the timber yard at 6. 10am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 6:55am on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date", "number")) == [("date", "6. 10am", "6:55am")]

    def test_the_hour_of_a_time_is_no_number(self):
        a = FIRE + "Firefighters were called to the timber yard at 6. 10am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 7. 10am on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date", "number")) == [("date", "6. 10am", "7. 10am")]

    def test_the_same_time_written_with_a_point_agrees(self):
        a = FIRE + "Firefighters were called to the timber yard at 6. 10am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 6:10 a.m. on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date", "number")) == []


class TestTimesToTheMinute:
    """A time written to the minute is that minute: "6:10am" and "6:09am" cannot both be
    right. Rounded ("about 6:10am") or written to the hour ("6am") it allows a few minutes."""

    def test_times_a_minute_apart_disagree(self):
        a = FIRE + "Firefighters were called to the timber yard at 6:10am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 6:09am on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date",)) == [("date", "6:10am", "6:09am")]

    def test_a_rounded_time_holds_the_minute_beside_it(self):
        a = FIRE + "Firefighters were called to the timber yard at about 6:10am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 6:09am on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date",)) == []

    def test_a_time_to_the_hour_holds_a_few_minutes(self):
        a = FIRE + "Firefighters were called to the timber yard at 6am on Sunday after a neighbour saw smoke."
        b = FIRE + "Firefighters were called to the timber yard at 6:03am on Sunday after a neighbour saw smoke."
        assert conflicts(a, b, ("date",)) == []


class TestTimesSetOffByACommaTimeWhatComesBefore:
    """A time set off after a comma, with no words of its own clause before it ("were
    called to the yard in Dunmere, Kent, at 6.10am"), is the time of what comes before."""

    def test_a_set_off_time_is_compared_with_the_same_doing(self):
        a = FIRE + "Firefighters were called to the timber yard in Dunmere, Kent, at 6:10am and found the sheds alight."
        b = FIRE + "On Sunday 4 May, at 6:40am firefighters were called to a timber yard on Mill Lane in Dunmere."
        assert conflicts(a, b, ("date",)) == [("date", "6:10am", "6:40am")]

    def test_a_time_of_its_own_clause_is_not_moved(self):
        a = FIRE + "Firefighters were called to the timber yard in Dunmere, where the owner arrived at 6:10am."
        b = FIRE + "On Sunday 4 May, at 6:40am firefighters were called to a timber yard on Mill Lane in Dunmere."
        assert conflicts(a, b, ("date",)) == []


class TestNumberWordsOfTensAndOnes:
    """"twenty-six", "twenty - six" (as some scrapers print it) and "twenty six" are one
    number, 26: not a twenty that confirms the other source's 20; so are "two hundred" and
    "two dozen", 200 and 24."""

    def test_twenty_six_is_not_twenty(self):
        a = FIRE + "The blaze destroyed twenty - six sheds and a workshop at the yard, the owner said."
        b = FIRE + "The blaze destroyed 20 sheds and a workshop at the yard, the owner said."
        assert conflicts(a, b, ("number",)) == [("number", "twenty - six sheds", "20 sheds")]

    def test_two_hundred_is_not_a_hundred(self):
        a = FIRE + "The blaze destroyed two hundred sheds and a workshop at the yard, the owner said."
        b = FIRE + "The blaze destroyed 100 sheds and a workshop at the yard, the owner said."
        assert conflicts(a, b, ("number",)) == [("number", "two hundred sheds", "100 sheds")]

    def test_two_dozen_is_24(self):
        a = FIRE + "The blaze destroyed about two dozen sheds and a workshop at the yard, the owner said."
        b = FIRE + "The blaze destroyed 24 sheds and a workshop at the yard, the owner said."
        assert conflicts(a, b, ("number",)) == []

    def test_twenty_six_is_26(self):
        a = FIRE + "The blaze destroyed twenty-six sheds and a workshop at the yard, the owner said."
        b = FIRE + "The blaze destroyed 26 sheds and a workshop at the yard, the owner said."
        assert conflicts(a, b, ("number",)) == []


OUTAGE = (
    "A cut undersea cable slowed the internet across the region on Friday.\n"
    "Repairs could take two weeks, the cable's operator said.\n"
)


class TestPlacesAfterANamedThing:
    """What a count counts may hold a name ("of Internet services and call centers in
    Egypt"); the place after it still says whose count it is: one country's share is not
    another's."""

    def test_shares_of_two_countries_are_two_facts(self):
        a = OUTAGE + "Up to 70 percent of Internet services and call centers in Norland have been cut, officials said."
        b = OUTAGE + "At one point 40 percent of voice traffic in Norland and 72 percent in Sarland was out of service."
        assert conflicts(a, b, ("number",)) == []

    def test_shares_of_one_country_are_still_compared(self):
        a = OUTAGE + "Up to 70 percent of Internet services and call centers in Norland have been cut, officials said."
        b = OUTAGE + "At one point 82 percent of Internet services in Norland were out of service, it said."
        assert conflicts(a, b, ("number",)) == [("number", "70 percent", "82 percent")]


TAKEOVER = (
    "Shares of Harrow Mills rose 9 percent on Monday after the news broke.\n"
    "The textile maker employs 40,000 people in nine countries.\n"
)


class TestThePriceOfTheDeal:
    """The price of the story's takeover is one fact, wherever each source gives it: after a
    word of buying ("acquire ... for", "will pay", "a bid of ... to buy") or before one ("a
    $13.2 billion acquisition")."""

    def test_two_prices_of_one_takeover_disagree(self):
        a = TAKEOVER + "Industry sources say Corvel will acquire Harrow Mills for about $13 billion."
        b = TAKEOVER + "Earlier this month the conglomerate unveiled a bid of nearly $14 billion to buy the company."
        assert conflicts(a, b, ("number",)) == [("number", "$13 billion", "$14 billion")]

    def test_a_range_of_prices_is_set_against_the_other(self):
        a = TAKEOVER + "Citing people close to the talks, the paper said Corvel will pay $12 billion to $13 billion."
        b = TAKEOVER + "Earlier this month the conglomerate unveiled a bid of nearly $14 billion to buy the company."
        assert conflicts(a, b, ("number",)) == [("number", "$12 billion to $13 billion", "$14 billion")]

    def test_a_range_holds_the_prices_inside_it(self):
        a = TAKEOVER + "Citing people close to the talks, the paper said Corvel will pay $12 billion to $13 billion."
        b = TAKEOVER + "Analysts welcomed the $12.6 billion acquisition of the textile group by the conglomerate."
        assert conflicts(a, b, ("number",)) == []

    def test_prices_true_within_their_rounding_agree(self):
        a = TAKEOVER + "Industry sources say Corvel will acquire Harrow Mills for about $13 billion."
        b = TAKEOVER + "Analysts welcomed the $13.2 billion acquisition of the textile group by the conglomerate."
        assert conflicts(a, b, ("number",)) == []

    def test_a_source_giving_two_prices_says_nothing(self):
        a = TAKEOVER + "Industry sources say Corvel will acquire Harrow Mills for $13.9 billion."
        b = TAKEOVER + (
            "Analysts welcomed the $13.2 billion acquisition of the textile group by the conglomerate.\n"
            "Including its debt, Corvel values the acquisition at $13.9 billion."
        )
        assert conflicts(a, b, ("number",)) == []

    def test_a_part_of_the_price_is_not_the_price(self):
        a = TAKEOVER + "Analysts welcomed Corvel's $334 million acquisition of the textile group."
        b = TAKEOVER + "Corvel is paying $281 million in cash and $53 million in stock for the mills."
        assert conflicts(a, b, ("number",)) == []

    def test_a_player_s_contract_offers_are_no_takeover(self):
        a = TAKEOVER + "Last week the Rovers tabled a four-year, $60 million offer to sign the striker."
        b = TAKEOVER + "The Harriers, who finished third, are said to have countered with a $45 million offer."
        assert conflicts(a, b, ("number",)) == []


OBITUARY = (
    "Mara Quinlan, the singer whose voice defined a decade of radio, has died aged 84.\n"
    "She retired from the stage in 1990 and lived quietly in Dorset.\n"
)


class TestTheYearOfAWork:
    """A film, book or album of one title came out once: the year each source sets before
    it ("the 2006 HBO movie, The Long Road Home" / "the 2005 film The Long Road Home")."""

    def test_two_years_of_one_title_disagree(self):
        a = OBITUARY + "Her life was told in the 2006 HBO movie, The Long Road Home, starring Ellen Vance."
        b = OBITUARY + "Quinlan, long out of the public eye, inspired the 2005 film The Long Road Home."
        assert conflicts(a, b, ("date",)) == [("date", "2006 HBO movie", "2005 film")]

    def test_a_year_that_opens_the_release_of_a_quoted_title_dates_it(self):
        a = OBITUARY + "Her life was told in the 2006 HBO movie, The Long Road Home, starring Ellen Vance."
        b = OBITUARY + 'In 2005, Pell Pictures Inc. and HBO Films released "The Long Road Home," a feature film.'
        assert conflicts(a, b, ("date",)) == [("date", "2006 HBO movie", "In 2005")]

    def test_two_works_of_two_titles_are_two_facts(self):
        a = OBITUARY + "Her life was told in the 2006 HBO movie, The Long Road Home, starring Ellen Vance."
        b = OBITUARY + "Quinlan, long out of the public eye, wrote the 2005 memoir Quiet Harbour."
        assert conflicts(a, b, ("date",)) == []


MATCH = "Harriers beat Rovers 3-1 on Saturday to go top of the league.\n"
SCORED_A = (
    "Okafor has nine goals this season, three of them from free kicks.\n"
    "Play was halted when Okafor, who now has 212 goals, curled in the winner from a free kick.\n"
)
SCORED_B = (
    "Okafor has scored nine goals this season.\n"
    "Okafor curled in the winner from a free kick, and play was halted for a minute.\n"
)


class TestRunningTotals:
    """What a named player "now has" is a total as of the story, one fact wherever each
    source gives it ("Okafor, who now has 212 goals" / "Okafor now has 211 career goals"),
    in sentences too unlike to link."""

    def test_two_totals_of_one_player_disagree(self):
        a = MATCH + SCORED_A + "Okafor scored his first goal for the club as a teenager in 2011."
        b = MATCH + SCORED_B + "Okafor now has 211 career goals, the first scored for the club as a teenager in 2011."
        assert conflicts(a, b, ("number",)) == [("number", "212 goals", "211 career goals")]

    def test_a_total_after_a_few_words_set_off_between_commas_is_the_names(self):
        a = MATCH + SCORED_B + "Okafor, the club captain, now has 211 goals, the first scored as a teenager in 2011."
        b = MATCH + SCORED_A + "Okafor scored his first goal for the club as a teenager in 2011."
        assert conflicts(a, b, ("number",)) == [("number", "211 goals", "212 goals")]

    def test_totals_of_two_players_are_two_facts(self):
        a = MATCH + SCORED_A + "Okafor scored his first goal for the club as a teenager in 2011."
        b = MATCH + SCORED_B + "Mensah now has 211 career goals, the first scored for the club as a teenager in 2011."
        assert conflicts(a, b, ("number",)) == []

    def test_a_source_giving_two_totals_says_nothing(self):
        a = MATCH + SCORED_A + "Okafor scored his first goal for the club as a teenager in 2011."
        b = MATCH + SCORED_B + (
            "Okafor now has 211 career goals, the first scored for the club as a teenager in 2011.\n"
            "Counting his spell abroad, Okafor now has 240 goals."
        )
        assert conflicts(a, b, ("number",)) == []


BOUT = (
    "Vasquez stopped Adeyemi in the sixth round on Saturday to keep his title.\n"
    "The challenger had been down once before, in the third.\n"
)


class TestAPairOf:
    """"a pair of left hooks" counts two hooks; "a pair of sunglasses" is one thing."""

    def test_a_pair_is_two(self):
        a = BOUT + "In the sixth Vasquez landed a pair of left hooks to floor Adeyemi against the ropes."
        b = BOUT + "Adeyemi, 33, fell against the ropes from three left hooks in the sixth."
        assert conflicts(a, b, ("number",)) == [("number", "pair of left hooks", "three left hooks")]

    def test_a_pair_agrees_with_two(self):
        a = BOUT + "In the sixth Vasquez landed a pair of left hooks to floor Adeyemi against the ropes."
        b = BOUT + "Adeyemi, 33, fell against the ropes from two left hooks in the sixth."
        assert conflicts(a, b, ("number",)) == []

    def test_a_pair_of_sunglasses_is_one_thing(self):
        read = numbers_of("Vasquez, in a pair of sunglasses, landed a pair of hooks")
        assert [number.text for number in read] == ["pair of hooks"]


TRIAL = "A Dunmere man has been charged over the death of his neighbour.\n"


class TestAgesInCopyWrittenMonthsApart:
    """A person's age in copy written months apart in one year may differ by one, older in
    the later copy: his birthday may have fallen between. Not in copy of the same day."""

    def test_a_year_older_in_later_copy_agrees(self):
        a = "Published: January 3, 2013\n" + TRIAL + "Trial is set for June for 26-year-old Tom Okafor, of Dunmere."
        b = "Posted: September 27, 2013\n" + TRIAL + "The jury took six hours to convict Tom Okafor, 27, of murder."
        assert conflicts(a, b, ("number",)) == []

    def test_two_ages_in_copy_of_one_day_disagree(self):
        a = "Published: January 3, 2013\n" + TRIAL + "Trial is set for June for 26-year-old Tom Okafor, of Dunmere."
        b = "Posted: January 3, 2013\n" + TRIAL + "The jury took six hours to convict Tom Okafor, 27, of murder."
        assert conflicts(a, b, ("number",)) == [("number", "26-year-old Tom", "27")]

    def test_a_year_younger_in_later_copy_disagrees(self):
        a = "Published: January 3, 2013\n" + TRIAL + "Trial is set for June for 27-year-old Tom Okafor, of Dunmere."
        b = "Posted: September 27, 2013\n" + TRIAL + "The jury took six hours to convict Tom Okafor, 26, of murder."
        assert conflicts(a, b, ("number",)) == [("number", "27-year-old Tom", "26")]


QUAKE = (
    "A strong earthquake shook the coast of Norland on Sunday, bringing down walls in the port.\n"
    "Power was cut across the province for several hours.\n"
)


class TestADeathOfOneSetAgainstTheOthers:
    """"A young boy was killed and dozens of others were hurt": the one is the whole count
    of the dead, as "one person was killed" is. A death said alone says no toll."""

    def test_one_death_against_the_others_is_a_toll(self):
        a = QUAKE + "A young boy was killed and dozens of others were hurt when a school wall fell."
        b = QUAKE + "Officials said the quake killed four people and injured more than 40."
        assert conflicts(a, b, ("number",)) == [("number", "A young boy was killed", "four people")]

    def test_a_death_said_alone_is_no_toll(self):
        a = QUAKE + "A young boy was killed when a school wall fell on the playground."
        b = QUAKE + "Officials said the quake killed four people and injured more than 40."
        assert conflicts(a, b, ("number",)) == []

    def test_a_past_event_s_toll_is_not_the_story_s(self):
        a = QUAKE + (
            "A young boy was killed and dozens of others were hurt when a school wall fell.\n"
            "In 2004 a quake off the same coast left 1,200 people dead."
        )
        b = QUAKE + "Officials said the quake killed four people and injured more than 40."
        assert ("number", "A young boy was killed", "four people") in conflicts(a, b, ("number",))
