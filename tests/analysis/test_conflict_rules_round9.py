"""Conflict rules of issue 10's ninth round, on copy of our own: the mechanisms behind the
thirteenth held-out set's misses."""

from .reported import conflicts

GAME = (
    "Lakeview beat Harmon State 78-70 on Saturday to reach the conference final.\n"
    "The Hawks trailed by six at the break before a run early in the second half.\n"
)


class TestScoresAtOneMoment:
    """Two scores given at the same time left on the game clock are one moment's score."""

    def test_two_scores_at_one_game_clock_disagree(self):
        a = GAME + "Ortiz hit two threes in a row to give Lakeview a 52-47 lead with 11:20 to play."
        b = GAME + "Lakeview went ahead 52 - 46 on a pair of Ortiz threes with 11: 20 to go."
        assert conflicts(a, b, ("number",)) == [("number", "52-47", "52 - 46")]

    def test_one_score_written_two_ways_agrees(self):
        a = GAME + "Ortiz hit two threes in a row to give Lakeview a 52-47 lead with 11:20 to play."
        b = GAME + "Lakeview went ahead 52 - 47 on a pair of Ortiz threes with 11: 20 to go."
        assert conflicts(a, b, ("number",)) == []

    def test_scores_at_other_moments_are_the_game_running_on(self):
        a = GAME + "Ortiz hit two threes in a row to give Lakeview a 52-47 lead with 11:20 to play."
        b = GAME + "Lakeview went ahead 58-49 on a pair of Ortiz threes with 8:02 to go."
        assert conflicts(a, b, ("number",)) == []
