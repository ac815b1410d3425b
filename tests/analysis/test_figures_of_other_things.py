"""Figures that look alike and are of other things, and figures that are of one thing though
their sentences differ (session 30's errors). Copy of our own."""

from stories.analysis.forecasts import forecast
from stories.analysis.quantities import numbers_of

from .reported import conflicts


def test_shares_of_two_years_are_two_facts_though_both_name_the_month():
    a = "By June 2004, 58 percent of Varna households paid by card, compared with 31 percent paying cash."
    b = "In June 2003, 52 percent of Varna households paid by card; 37 percent paid cash."
    assert conflicts(a, b, ("number",)) == []


def test_the_same_year_still_compares_its_shares():
    a = "By June 2004, 58 percent of Varna households paid by card."
    b = "In June 2004, 52 percent of Varna households paid by card."
    assert conflicts(a, b, ("number",)) == [("number", "58 percent", "52 percent")]


def test_two_ranges_of_costs_that_share_an_end_conflict():
    a = "The council plan gives no rebate for yearly fares between $1,250 and $2,400."
    b = "Riders would get no rebate on fares between $1,300 and $2,400."
    assert conflicts(a, b, ("number",)) != []


def test_a_toll_of_which_the_other_gives_a_part_is_no_rival():
    a = "The minister is flying to Varna, where 9 of the region's 14 deaths were recorded."
    b = "The minister is flying to Varna, where 9 people were killed."
    assert conflicts(a, b, ("number",)) == []


def test_the_worlds_toll_and_one_countrys_are_two_tolls():
    a = "Worldwide, 5,210 flu cases and 388 deaths have been reported in 24 countries."
    b = "Varna reported 17 new cases, for a total of 240 with 11 deaths."
    assert conflicts(a, b, ("number",)) == []


def test_a_large_count_both_give_is_one_group_under_two_words():
    a = "Ending the lockout at Kestrel frees about 12,000 union members."
    b = "About 45,000 union members are locked out, including about 12,000 Kestrel employees."
    assert conflicts(a, b, ("number",)) == []


def test_new_cases_are_not_the_whole_count():
    a = "On Friday, Varna reported 87 suspected cases of the disease, up 9 cases from a day earlier."
    b = "Varna reported 14 new cases, for a total of 240."
    assert conflicts(a, b, ("number",)) == []


def test_a_forecast_is_not_set_against_a_result():
    a = "The airline said that based on first-half results it expects to earn 60 cents per share for the year."
    b = "The airline, based in Varna, reported first-half profit of $9.2 million, or 14 cents per share."
    assert conflicts(a, b, ("number",)) == []
    assert [forecast(n) for n in numbers_of(a)] == [True]


def test_two_forecasts_are_still_compared():
    a = "Downstream at Varna, the river was expected to crest at 31 feet tonight, Kestrel said."
    b = "The river was expected to crest during the night at 34 feet at Varna, forecasters said."
    assert conflicts(a, b, ("number",)) == [("number", "31 feet", "34 feet")]


def test_one_said_with_a_against_a_count_of_them_as_subjects_conflicts():
    a = "Two armed robbers and another man escaped from the Varna depot on Tuesday by cutting through a gate."
    b = "An armed robber and two other men cut through two gates and escaped from the Varna depot."
    assert ("number", "Two armed robbers", "An armed robber") in conflicts(a, b, ("number",))


def test_one_play_said_with_a_against_a_count_of_plays_is_no_conflict():
    a = "After Kestrel blocked a shot at the Varna end, he turned the rebound into a layup."
    b = "Kestrel scored all 14 of his points and blocked two shots in the final run."
    assert conflicts(a, b, ("number",)) == []


def test_the_block_of_a_street_is_where_not_how_many():
    a = "Deputies said the shooting was about 10 blocks east of the harbour road in Varna."
    b = "Deputies said the shooting was in the 12500 block of East Quay Street in Varna."
    assert conflicts(a, b, ("number",)) == []
    c = "Deputies said the shooting was in the 12400 block of East Quay Street in Varna."
    assert conflicts(b, c, ("number",)) == [("number", "12500 block", "12400 block")]  # two places of one event


def test_a_players_average_a_game_is_not_one_games_count():
    a = "Coach Dale Varn said his son's 23 points and eight rebounds a game will come in handy next season."
    b = "Varn led all players with 23 points while also grabbing seven rebounds in the win on Thursday."
    assert conflicts(a, b, ("number",)) == []
    assert [n.rate for n in numbers_of("He scored 40 points in a game against Skarvik.")] == [""]


def test_a_whole_against_its_parts_by_kind_is_no_conflict():
    a = "Three people have died in a blaze at the Varna savings bank, the fire service said."
    b = "Police said two women and one man died in the blaze at the Varna savings bank."
    assert conflicts(a, b, ("number",)) == []
    c = "Four people have died in a blaze at the Varna savings bank, the fire service said."
    assert conflicts(c, b, ("number",)) != []  # the parts make three
