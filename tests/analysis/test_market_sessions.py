"""Market copy of two sessions (`sessions.of_other_sessions`): lines about one market on two
days, or read at two times of one day, give two readings, not one fact told two ways. Copy
of our own."""

from .reported import conflicts


def test_volumes_of_two_days_are_two_readings():
    a = "Varna bourse turnover was light at 212.4 million shares, down from 230.1 million at the same point Monday."
    b = "Turnover on the Varna bourse reached 305.7 million shares, above 290.2 million at the same point Thursday."
    assert conflicts(a, b) == []


def test_a_share_price_of_two_days_is_two_readings():
    a = "Kestrel Air's shares rose 4 cents to NZ$2.15 in Auckland on Tuesday."
    b = "Kestrel Air shares were up 9 cents at NZ$2.27 on the Auckland exchange late Thursday morning."
    assert conflicts(a, b) == []


def test_a_currency_read_at_two_times_is_two_readings():
    a = "The kiwi slipped to 61.20 U.S. cents from 61.85 on Monday, and traded at 61.31 at 9:40 a.m. in Wellington."
    b = "The kiwi fell to 61.12 U.S. cents at 8:05 a.m. in Wellington from 61.85 on Monday, the dollar's low."
    assert ("date", "9:40 a.m.", "8:05 a.m.") not in conflicts(a, b)


def test_a_price_of_one_day_told_two_ways_still_conflicts():
    a = "Kestrel Air's shares fell 12 cents to NZ$2.15 in Auckland on Tuesday."
    b = "Kestrel Air's shares fell 12 cents to NZ$2.51 in Auckland on Tuesday."
    assert conflicts(a, b, ("number",)) == [("number", "2.15", "2.51")]


def test_a_day_of_an_event_outside_the_market_still_conflicts():
    a = "The ferry Kestrel sank off Varna on Tuesday, the harbour master said."
    b = "The ferry Kestrel sank off Varna on Thursday, the harbour master said."
    assert conflicts(a, b, ("date",)) == [("date", "Tuesday", "Thursday")]


def test_a_price_read_by_two_times_in_gmt_is_two_readings():
    a = "Shares in Kestrel were down 1.5 percent at 212 pence by 1420 GMT, off a low of 208p."
    b = "Shares in Kestrel were down 3 percent at 209 pence by 0933 GMT, off a low of 208 pence."
    assert conflicts(a, b, ("number",)) == []


def test_a_council_session_is_no_market_and_its_day_still_conflicts():
    a = "Varna council approved a budget of 2.1 billion pounds early on Friday after a session of 13 hours."
    b = "Varna council approved a budget of 2.1 billion pounds early on Thursday after a session of 13 hours."
    assert conflicts(a, b, ("date",)) == [("date", "Friday", "Thursday")]


def test_an_index_at_the_close_and_in_the_morning_is_two_readings():
    a = "The Varna Nikkei-style average closed up 1.5 percent at 8,152.16, a one-month high."
    b = "The Varna Nikkei-style average ended the morning up half a percent at 8,071.00."
    assert conflicts(a, b, ("number",)) == []


def test_a_price_at_the_close_against_one_of_no_stated_part_still_conflicts():
    a = "Kestrel Air's shares closed down 12 cents at NZ$2.15 in Auckland on Tuesday."
    b = "Kestrel Air's shares fell 12 cents to NZ$2.51 in Auckland on Tuesday."
    assert conflicts(a, b, ("number",)) == [("number", "2.15", "2.51")]


def test_two_snaps_of_one_story_are_compared_however_few_words_they_share():
    a = "The tech-heavy Varna composite rose 20.96 points to 1595.91, its best level for a year."
    b = "The technology-laced Varna Composite Index <.VRN> climbed 19.11 points, or 1.2 percent, to 1,615.02."
    assert ("number", "20.96 points", "19.11 points") in conflicts(a, b, ("number",))


def test_a_snap_and_a_story_of_several_sentences_are_not_linked_for_want_of_words():
    a = "The tech-heavy Varna composite rose 20.96 points to 1595.91, its best level for a year."
    b = (
        "The technology-laced Varna Composite Index <.VRN> climbed 19.11 points, or 1.2 percent, to 1,615.02.\n\n"
        "Dealers said the harbour strike weighed on shipping stocks."
    )
    assert conflicts(a, b, ("number",)) == []


def test_rates_of_two_currencies_are_two_readings():
    a = "Against the Japanese currency, the euro was at 135.92 yen against the late Varna level of 136.03."
    b = "The dollar was at 117.85 yen against the Japanese currency, up 0.1 percent."
    assert conflicts(a, b, ("number",)) == []


def test_the_latest_reading_and_one_of_the_morning_are_two_readings():
    a = "The dollar was last at $1.1149 to the euro, close to its strongest level since April 30."
    b = "The dollar pushed as high as $1.1115 to the euro in early trade, to its strongest level since April 30."
    assert conflicts(a, b, ("number",)) == []
