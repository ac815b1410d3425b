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
