"""Whether a number gives a change or a level: market copy sets them side by side ("eased
5.16 points, or 0.32 percent, at 1,590.75"; "shares rose $4 to $27.43"), and a change is
never the same fact as a level, whatever unit the two share.

A change follows a verb of movement ("eased", "was off", "up"); a level follows "at" or
"to". A figure that restates the one before it in another unit ("5.16 points, or 0.32
percent") is what that one is. Other numbers are neither, and are told apart as before.

Two figures of movement are one fact only
- of one span: a change over a span its sentence names ("fell 0.2 percent for the week")
  is not the day's ("dropped 1.94 percent");
- of one time, when both sentences say when theirs stands: a figure of midday or of
  Tuesday is not one of the close or of Wednesday (a running figure read at two times);
- of one mover: the names before them share a word, or one names none ("the Nasdaq
  composite index" / "the Nasdaq Composite Index .IXIC"; not "the Nasdaq Composite Index"
  / "the Standard & Poor's 500 Index"), words that name no one mover left out.

And the same change one way in one source and the other way in the other ("gained 17/32"
/ "was down 17/32") is a conflict of its own (`opposite_moves`).
"""

from __future__ import annotations

import functools
import re

from .number_fact import Number, words_before
from .proper_names import name_runs
from .text import fold

_UP = frozenset(
    """
rose rise rises rising gained gain gains gaining climbed climb climbs climbing advanced advance
advances advancing surged surge surges surging jumped jump jumps jumping soared soar soars added
add adds tacked up increased increase increasing leapt leaped rallied rally rallies rebounded
rebound firmed firm strengthened
""".split()
)
_DOWN = frozenset(
    """
fell fall falls falling lost lose loses losing eased ease eases easing dipped dip dips dipping
dropped drop drops dropping declined decline declines declining slipped slip slips slipping slid
slide slides sliding tumbled tumble tumbles plunged plunge plunges sank sink sinks shed sheds off
down decreased decrease decreasing retreated retreat slumped slump skidded sagged plummeted dove
dived back weakened softened
""".split()
)
WAYS = _UP | _DOWN
_CHANGE = WAYS | {"edged", "edges", "edging", "inched"}  # which way: the word after ("edged down")
_LEVEL = frozenset({"at", "to"})
# What may stand between a figure that restates another and the words before that one:
# "eased 5.16 points, or 0.32 percent": "or", the first figure and its unit.
_RESTATING = re.compile(
    r"(?:or|by|on|a|share|[\d$€£¥.,%]+|points?|percent|pct|cents?|per|cent|pence|dollars?"
    r"|nearly|almost|about|around|roughly|some|approximately|just|more|less|than|over|under|of)"
)
_LOOK_BACK = 6  # words
# The span a change is over, just after it and the figure restating it: "fell 2.95, or 0.2
# percent, for the week", "after gaining 5.7 percent last week".
_SPAN = re.compile(
    r"(?:\s*(?:points?|percent|pct|cents?)?,?\s*or\s+[\d$€£¥.,]+\s*(?:points?|percent|pct|cents?|%)?)?,?\s*"
    r"(?:(?:so\s+far\s+)?(?:(?:for|on|over|in)\s+the|this|last)\s+(?P<span>week|month|quarter|year|session)\b"
    r"|(?P<since>since)\b)"
    r"|(?P<to_date>\s*year[\s-]to[\s-]date)\b|\s*(?P<earlier>earlier)\b",
    re.I,
)


def movement(number: Number) -> str:
    """ "change", "level", or "" for a number that is neither, as far as its words say:
    those before it, or a comparative after it ("edging 7 cents lower")."""
    return _movement_of(number.sentence, number.lead, number.raw)


@functools.lru_cache(maxsize=8192)  # asked of each number once for every other it is set against
def _movement_of(sentence: str, lead: str, raw: str) -> str:
    before = words_before(sentence, lead, raw)
    moves = _movement(before)
    if not moves and sentence.startswith(before):
        moves = "change" if _LOWER_OR_HIGHER.match(sentence, len(before) + len(raw)) else ""
    return moves


_LOWER_OR_HIGHER = re.compile(r"\s*(?:points?|percent|pct|cents?|pence)?\s+(?:lower|higher)\b", re.I)


def one_mover(number_a: Number, number_b: Number) -> bool:
    """The names before two numbers share a word, or one has none before it to tell."""
    names_a, names_b = _movers(_before(number_a)), _movers(_before(number_b))
    return bool(names_a & names_b) or not (names_a and names_b)


def other_currencies(number_a: Number, number_b: Number) -> bool:
    """Each number is said of a currency, and not of the same one: "the euro was at 135.92
    yen" / "the dollar was at 117.85 yen", which no capital letter tells apart."""
    if not (_names_currencies(number_a.sentence) and _names_currencies(number_b.sentence)):
        return False  # most pairs of figures: no currency named in one sentence or the other
    named_a = _CURRENCY_NAMES.intersection(fold(_before(number_a)).split())
    named_b = _CURRENCY_NAMES.intersection(fold(_before(number_b)).split())
    return bool(named_a and named_b) and not named_a & named_b


@functools.lru_cache(maxsize=4096)  # asked of a sentence for each pair of its figures
def _names_currencies(sentence: str) -> bool:
    return not _CURRENCY_NAMES.isdisjoint(fold(sentence).split())


# Not "won" (the Korean currency, and the past of "win" far more often) nor "pound" (a weight too).
_CURRENCY_NAMES = frozenset("dollar euro yen sterling franc yuan rupee peso rouble ruble".split())


def _before(number: Number) -> str:
    """The words of a number's sentence before it (its clause's alone, if it is not found)."""
    return words_before(number.sentence, number.lead, number.raw)


@functools.lru_cache(maxsize=16384)
def _movers(before: str) -> frozenset[str]:
    return frozenset(fold(word) for run in name_runs(before) for word in run) - _NOT_MOVERS


_NOT_MOVERS = frozenset(
    """
index composite average stock stocks exchange market the shares share in of but and
financial group inc corp co holdings technologies bank international industries ltd plc
jp nyse amex lse
""".split()
)


@functools.lru_cache(maxsize=8192)  # a number is asked about once for every candidate rival
def _movement(before: str) -> str:
    words = before[-_LOOK_BACK * 24 :].split()  # the last dozen words or so; most numbers need one
    for at in range(len(words) - 1, max(-1, len(words) - 1 - _LOOK_BACK), -1):
        word = words[at].lower().strip(",;:()")
        if word in _LEVEL:  # a level of what moves or closes: "rose 5 cents to", "closed at"; not "priced at"
            earlier = (w.lower().strip(",;:()") for w in words[max(0, at - 2 * _LOOK_BACK) : at])
            return "level" if any(w in _CHANGE or w in _CLOSING for w in earlier) else ""
        if word in _CHANGE:
            return "change"
        if not _RESTATING.fullmatch(word):
            return ""
    return ""


_CLOSING = frozenset(
    "closed close closing end ended finished settled stood standing trading traded crest crested".split()
)


def other_movements(number_a: Number, number_b: Number) -> bool:
    """One number is a change and the other a level, or both are changes over spans they
    name differently, or both stand at days or times of the trading day their sentences
    name differently: two facts."""
    moves_a, moves_b = movement(number_a), movement(number_b)
    if not (moves_a and moves_b):
        return False
    if moves_a != moves_b or (moves_a == "change" and _span(number_a) != _span(number_b)):
        return True
    when_a, when_b = _when(number_a.sentence), _when(number_b.sentence)
    days_a, days_b = when_a & _WEEKDAYS, when_b & _WEEKDAYS
    if days_a and days_b and not days_a & days_b:
        return True  # "at Wednesday's close" / "at Tuesday's close": two days
    times_a, times_b = when_a - _WEEKDAYS, when_b - _WEEKDAYS
    return bool(times_a and times_b) and not times_a & times_b


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


@functools.lru_cache(maxsize=16384)
def _when(sentence: str) -> frozenset[str]:
    """When in the trading day or week a sentence's figures stand, as far as it says: a
    weekday, a time of day, a session ("in midday trading", "closed", "at 0335 GMT")."""
    found = (match.group().lower() for match in _WHEN.finditer(sentence))
    return frozenset(_WHEN_WORDS.get(word, " ".join(word.replace(":", "").split())) for word in found)


# A weekday, a session, or a time of day as written ("1420 GMT", "3:30 pm": two of them are
# two times).
_WHEN = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|midday|morning|afternoon|"
    r"(?i:close[ds]?|closing|settled|ended|end|opened|opening|early|late))\b|\b\d{1,2}:?\d\d\s?(?:GMT|[ap]\.?m\b)"
)
_WHEN_WORDS = {word: "close" for word in ("closed", "closes", "closing", "settled", "ended", "end")}
_WHEN_WORDS |= {"opened": "open", "opening": "open"}


def _span(number: Number) -> str:
    """The span a change is over, when the words after it name one: "week", "year", ..."""
    before = _before(number)
    after = number.sentence[len(before) + len(number.raw) :] if number.sentence.startswith(before) else ""
    match = _SPAN.match(after) or _SPAN_FIRST.match(before) or _SPAN_BEFORE.search(before)
    if match is None:
        return ""
    named = match.groupdict()
    if named.get("since") or named.get("earlier"):  # "after giving up 1 percent earlier": before the close
        return "since" if named.get("since") else "earlier"
    return (named["span"] or "year").lower()


# A span set at the head of the sentence: "For the week, the Russell 2000 advanced 11.92";
# "Since sinking to 2003 lows in early March, the Dow has rallied 13.8%".
_SPAN_FIRST = re.compile(
    r"\s*(?:(?:so\s+far\s+)?(?:for|over|on|in)\s+the\s+(?P<span>week|month|quarter|year|session)\b|(?P<since>since)\b)",
    re.I,
)


# A span named with the change, just before its figure: "a weekly gain of 17.27, or 1.2 percent".
_SPAN_BEFORE = re.compile(
    r"\b(?P<span>week|month|quarter|year)(?:ly)?\s+(?:gain|loss|rise|fall|drop|decline|advance|increase|decrease)"
    r"\s+of\s+(?:[\d$€£¥.,]+\s*(?:points?|percent|pct|cents?|%)?,?\s*or\s+)?$",
    re.I,
)


def opposite_moves(number_a: Number, number_b: Number) -> bool:
    """Two changes of one mover, over one span, one up and the other down ("gained 17/32" /
    "was down 17/32"): one of them has the market the wrong way."""
    way_a, way_b = direction(number_a), direction(number_b)
    if not (way_a and way_b) or way_a == way_b or not one_mover(number_a, number_b):
        return False
    return not other_movements(number_a, number_b)  # not at two times or over two spans


def direction(number: Number) -> str:
    """ "up" or "down" for a change whose words say which way, else ""."""
    if movement(number) != "change":  # most numbers: the cached reading says so at once
        return ""
    return _direction_of(number.sentence, number.lead, number.raw)


@functools.lru_cache(maxsize=16384)
def _direction_of(sentence: str, lead: str, raw: str) -> str:
    before = words_before(sentence, lead, raw)
    for word in reversed(before.split()[-_LOOK_BACK:]):
        word = word.lower().strip(",;:()")
        if word in WAYS:
            return "up" if word in _UP else "down"
    comparative = _LOWER_OR_HIGHER.match(sentence, len(before) + len(raw)) if sentence.startswith(before) else None
    return "" if comparative is None else ("up" if comparative.group().rstrip().endswith("higher") else "down")


def moved(number: Number) -> str:
    """A change as written from the word that says which way: "gained 17", "down 44 cents"."""
    before = _before(number)
    words = before.split()
    for at in range(len(words) - 1, max(-1, len(words) - 1 - _LOOK_BACK), -1):
        if words[at].lower().strip(",;:()") in WAYS:
            return " ".join(words[at:] + [number.text])
    return number.text


def changes_from(text: str, start: int) -> bool:
    """ "from" before `start` in `text`, after a verb that changes a figure within a few
    words ("increasing its loss from $11.4 million to $17.7 million", "rose from 5 to 7"):
    the "to" after its figure gives the new level, not a range's end."""
    match = _CHANGED_FROM.search(text, max(0, start - 80), start)
    return match is not None and match.end() == start


_CHANGED_FROM = re.compile(
    r"\b(?:increas|rais|cut|reduc|lift|boost|lower|revis|narrow|widen|expand|shrink|shrank|grew|grow|"
    r"rose|rise|fell|fall|climb|jump|drop|slash|trim|doubl|tripl)\w*\s+(?:[\w'\u2019-]+\s+){0,5}?from\s+[$€£¥]?\s?$",
    re.I,
)


def moves_to(text: str, start: int) -> bool:
    """A verb of movement before `start` in `text` ("rose 5 percent", "was down 44 cents",
    "jumped $1.63 or 8 percent"): the "to" after its figure gives the level reached, not a
    range's end."""
    return _movement(text[max(0, start - 80) : start]) == "change"
