"""Facts a sentence states, pulled out so that aligned sentences can be checked against
each other: numbers with what they count, names, dates and weekdays, quotations with
their speaker, attributions ("said on X"), negations, and house-style forms (U.S., %)."""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from .proper_names import NOT_NAMES
from .text import STOPWORDS, fold, stem, strip_accents

_NUMBER_WORDS = {
    w: n
    for n, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
}
_NUMBER_WORDS.update(
    {
        "thirty": 30,
        "forty": 40,
        "fifty": 50,
        "sixty": 60,
        "seventy": 70,
        "eighty": 80,
        "ninety": 90,
        "hundred": 100,
        "dozen": 12,
    }
)
_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "bn": 1e9,
    "mln": 1e6,
    "mn": 1e6,
    "bln": 1e9,
}
_SCALE = "|".join(_SCALES)
# Digits (thousands may be set off by ", " as some scrapers print them), not an ordinal
# ("12th"); or a number word; either with its scale.
_IN_DIGITS = (
    r"(?<![\w.,])(?P<cur>[$€£¥])?\s?(?P<num>\d{1,3}(?:,\s?\d{3}(?!\d))+|\d+)"
    r"(?:(?P<dec>\.\d+)|(?:\s?-\s?|\s)(?P<over>\d)\s?/\s?(?P<under>\d{1,2})(?!\d))?(?!\d|(?:st|nd|rd|th)\b)"
    rf"(?P<pct>\s?%|\s(?:per\s?cent|percent)\b)?(?:\s?(?P<scale>{_SCALE})\b)?"
)
_NUMBER = re.compile(
    _IN_DIGITS + r"|\b(?P<word>" + "|".join(_NUMBER_WORDS) + rf")\b(?=[\s-])(?:\s(?P<wscale>{_SCALE})\b)?", re.I
)
# The same for a text that spells no number out (most): looking for the words at every
# word costs three times the search for digits. Its word groups are kept, and never match.
_NUMBER_IN_DIGITS = re.compile(_IN_DIGITS + r"|(?P<word>(?!))(?P<wscale>(?!))", re.I)
_NUMBER_WORD = re.compile(r"\b(?:" + "|".join(_NUMBER_WORDS) + r")\b", re.I)
_WORD_RUN = re.compile(r"\w+")
MEASURES = frozenset(
    stem(w)
    for w in """
second minute hour day week month year decade century km kilometre kilometer mile metre
meter m cm mm kg kilogram gram g tonne ton pound lb ounce litre liter gallon barrel acre
hectare degree mph kph knot percent point storey story floor yard yd foot feet ft inch
gb mb tb kb ghz mhz mw kw gw watt volt
""".split()
)
_MONTHS = {
    m: n + 1
    for n, m in enumerate(
        "january february march april may june july august september october november december".split()
    )
}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH = (
    r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
    r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
)
_DATE = re.compile(
    rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year>\d{{4}})\b)?"
    rf"|\b(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<month2>January|February|March|April|May|June|"
    rf"July|August|September|October|November|December)\b(?:,?\s+(?P<year2>\d{{4}})\b)?"
)
_YEAR = re.compile(r"(?<![\w$€£.,])(?:19|20)\d\d(?![\w%]|,\d|[\u2019']s\b)")  # not "the 1930's"
_DECADE = re.compile(r"(?<![\w$€£.,])((?:19|20)\d0)[\u2019']?s\b")  # "the 1940s": ten years, not one
_MONTH_NAME = re.compile("Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")  # begins every _MONTH
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_QUOTE = re.compile(r"\u201c([^\u201c\u201d]{3,600})\u201d|\"([^\"]{3,600})\"")
_ATTRIBUTION = re.compile(
    r"\b(said|says|stated|states|wrote|writes|posted|posts|shared|shares|told|tweeted|"
    r"announced|added|declared|confirmed)\s+(on|in|via|through|during)\s+"
    r"((?:(?:a|an|the|his|her|their|its)\s+)?[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,2})"
)
_NAME_TOKEN = re.compile(r"[^\W\d_][\w\u2019'.-]*")
_NAME_END = re.compile(r"[\u2019']s$|[.\u2019'-]+$")  # a possessive or trailing marks
_NAME_END_CHARS = frozenset("s.\u2019'-")  # the last character of every _NAME_END match
_CONNECTORS = frozenset("de da del della di dos du van von der bin al la le y".split())
_NEGATION = re.compile(
    r"\b(no|not|never|none|nobody|neither|nor|without)\b(?!\s+(?:only|longer)\b)"
    r"|n[\u2019']t\b",
    re.I,
)
_NOT_A_DENIAL = frozenset({"only", "longer", "least", "just", "merely"})  # "not only", "no longer"
_WORDS = re.compile(r"[\w\u2019'%-]+(?:\.\w+)*")
_DIGIT = re.compile(r"\d")
_ACRONYM = re.compile(r"(?<![\w.])(?:[A-Z]\.){2,}(?!\w)|(?<![\w.])[A-Z]{2,3}(?![\w.])")
_ACRONYM_HINT = re.compile(r"[A-Z][A-Z.]")


@dataclass(frozen=True)
class Number:
    text: str  # the number and what it counts, as written ("250 prisoners")
    raw: str  # the number alone, as written ("250", "5 per cent")
    value: float
    unit: str  # "%", a currency sign, or ""
    counts: frozenset[str]  # stems of the two content words after it: what it counts
    measure: str  # the first of them when it is a unit of measure ("hour", "km")
    before: frozenset[str]  # stem of the content word before it ("aged", "killing")
    spelled: bool  # written as a word ("ten")
    rate: str = ""  # the time it is counted per ("day" in "46,000 barrels a day")
    rate_text: str = ""  # the number through its rate, as written
    precision: float = 1.0  # what its last written digit is worth (0.01 for "4.46")
    bound: str = ""  # "over", "under" or "about" ("more than 20", "nearly 50")
    partial: bool = False  # a part of a count: "the first 17", "one of the", "another 5"
    ends: tuple[float, float] | None = None  # a range it is one end of ("from 7 to 75 years")
    subject: str = ""  # the name it is said of, just before it in its clause ("Thomas has eight")


@dataclass(frozen=True)
class Date:
    group: str  # "day" (a date of the month), "year" or "weekday"
    value: str  # "5-14", "2013", "monday"
    text: str  # as written
    near: frozenset[str] = frozenset()  # stems of the content words around it, in its clause


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str


@dataclass(frozen=True)
class Attribution:
    text: str
    speaker: str
    channel: str


@dataclass(frozen=True)
class Facts:
    numbers: tuple[Number, ...]
    dates: tuple[Date, ...]
    names: tuple[tuple[str, ...], ...]  # runs of name tokens as written
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    negations: tuple[int, ...]  # word offsets of negation cues
    acronyms: tuple[str, ...]
    words: tuple[str, ...]  # the sentence's words as written
    content: frozenset[str] = frozenset()  # stems of its content words, negation cues left out


# What a publication stamp holds besides its dates and times: "Published: Tuesday, Aug. 2
# 2011 7:08 p.m. MDT", "Updated 14:02 GMT", "on April 24th, 2013".
_STAMP_WORDS = frozenset(
    """
published posted updated update last modified first on at am pm a p m est edt cst cdt mst mdt
pst pdt gmt utc bst cet cest et pt ct mt ist jst aest local time
""".split()
) | frozenset(_MONTHS)
_STAMP_MAX_WORDS = 14
# The date of a dateline ("FRANKFURT, February 27 -", "LIMA, March 3 (Reuters) -") says when
# the copy was filed, not what happened.
_AFTER_DATELINE_DATE = re.compile(r"\s*(?:\([^)]{1,40}\)\s*)?[-\u2013\u2014]\s")
_BEFORE_DATELINE_DATE = re.compile(r"[A-Z][^-\u2013\u2014.!?]{0,60},\s*")


def is_stamp(sentence: str) -> bool:
    """A publication stamp: a short line of dates, days and times that states nothing of
    the story. Its dates are the copy's, not the news's, and are never compared."""
    if len(sentence.split()) > _STAMP_MAX_WORDS:
        return False
    rest = _WEEKDAY.sub(" ", _DATE.sub(" ", sentence))
    has_date = rest != sentence or _YEAR.search(sentence) is not None
    return has_date and all(word in _STAMP_WORDS for word in re.findall(r"[^\W\d_]+", rest.lower()))


def extract(sentence: str) -> Facts:
    """Everything `conflicts` compares, from one sentence of display text. A publication
    stamp states no fact."""
    if is_stamp(sentence):
        sentence = ""
    dates, masked = _dates(sentence)
    words = tuple(_WORDS.findall(sentence))
    negations = tuple(i for i, w in enumerate(words) if _is_denial(words, i))
    return Facts(
        numbers=_numbers(masked),
        dates=dates,
        names=_names(sentence),
        quotes=_quotes(sentence),
        attributions=_attributions(sentence),
        negations=negations,
        acronyms=_acronyms(sentence),
        words=words,
        content=_content(words, negations),
    )


def numbers_in(sentence: str) -> tuple[Number, ...]:
    """Only the numbers of `extract`, read for less: what is compared across whole sources."""
    if not (_DIGIT.search(sentence) or _spells_a_number(sentence)) or is_stamp(sentence):
        return ()
    return _numbers(_dates(sentence)[1])


def _spells_a_number(text: str) -> bool:
    """A number word stands in `text` as a word of its own ("two", not "network"). In ASCII
    text, where ignoring case is lower-casing, a look-up per word is faster than the search."""
    if text.isascii():
        return not _NUMBER_WORDS.keys().isdisjoint(_WORD_RUN.findall(text.lower()))
    return _NUMBER_WORD.search(text) is not None


def _is_denial(words: tuple[str, ...], i: int) -> bool:
    word = words[i]
    if word[:1] not in "nNwW" and word[-1:] not in "tT":  # how every cue begins or ends, in any case
        return False
    cue = _NEGATION.fullmatch(word) is not None or word.lower().endswith(("n't", "n\u2019t"))
    return cue and (i + 1 == len(words) or words[i + 1].lower() not in _NOT_A_DENIAL)


def extract_passage(text: str) -> Facts:
    """What is compared over a whole passage rather than sentence by sentence: quotations
    (which can span sentences), attributions and abbreviations. The rest (numbers, names,
    dates) is read once per sentence by `extract`."""
    return Facts(
        numbers=(),
        dates=(),
        names=(),
        quotes=_quotes(text),
        attributions=_attributions(text),
        negations=(),
        acronyms=_acronyms(text),
        words=(),
    )


def _acronyms(text: str) -> tuple[str, ...]:
    if not _ACRONYM_HINT.search(text):  # in every acronym; a quick look rules out most texts
        return ()
    return tuple(m.group() for m in _ACRONYM.finditer(text))


def _content(words: tuple[str, ...], negations: tuple[int, ...]) -> frozenset[str]:
    kept = [word for n, word in enumerate(words) if n not in negations] if negations else words
    return frozenset(stem(word) for word in map(fold, kept) if word and word not in STOPWORDS)


def _dates(sentence: str) -> tuple[tuple[Date, ...], str]:
    """Dates found, and the sentence with them blanked out so they are not numbers too."""
    found: list[Date] = []
    if _DIGIT.search(sentence):  # every date but a weekday has a digit; most sentences none
        found, masked = _dates_in_digits(sentence)
    else:
        masked = sentence
    if "day" in sentence:  # in every weekday: the scan for them costs more than this test
        found.extend(
            Date("weekday", m.group().lower(), m.group(), _near(sentence, m)) for m in _WEEKDAY.finditer(sentence)
        )
    return tuple(found), masked


def _dates_in_digits(sentence: str) -> tuple[list[Date], str]:
    """The dates of the month and years of `_dates`, and the sentence with them blanked out."""
    found, masked = [], list(sentence)
    for m in _DATE.finditer(sentence) if _MONTH_NAME.search(sentence) else ():
        if _in_dateline(sentence, m):
            masked[m.start() : m.end()] = " " * (m.end() - m.start())
            continue
        month = (m.group("month") or m.group("month2")).lower().rstrip(".")
        day = m.group("day") or m.group("day2")
        found.append(Date("day", f"{_MONTHS.get(month, month)}-{int(day)}", m.group(), _near(sentence, m)))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    if "19" not in sentence and "20" not in sentence:  # in every year and decade
        return found, "".join(masked)
    for m in _YEAR.finditer("".join(masked)):
        found.append(Date("year", m.group(), m.group(), _near(sentence, m)))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    for m in _DECADE.finditer("".join(masked)):
        found.append(Date("year", m.group(1) + "s", m.group(), _near(sentence, m)))
        masked[m.start() : m.end()] = " " * (m.end() - m.start())
    return found, "".join(masked)


NEAR_BEFORE, NEAR_AFTER = 3, 1  # content words each side of a date that say what it dates


def _near(sentence: str, match: re.Match[str]) -> frozenset[str]:
    """Stems of the content words just before and after `match` in its clause, the date
    words of a stamp and names left out (a name stands beside every fact of its story):
    what it dates ("died on Thursday": "die")."""
    sentence = sentence[:1].lower() + sentence[1:]  # its first word is capitalised whatever it is
    before = _CLAUSE_END.split(sentence[max(0, match.start() - 80) : match.start()])[-1]
    after = _CLAUSE_END.split(sentence[match.end() : match.end() + 80], maxsplit=1)[0]

    def content(text: str) -> list[str]:
        return [
            fold(w)
            for w in text.split()
            if w[:1].islower()
            and fold(w) not in STOPWORDS
            and fold(w) not in _STAMP_WORDS
            and not any(c.isdigit() for c in w)
        ]

    return frozenset(stem(w) for w in content(before)[-NEAR_BEFORE:] + content(after)[:NEAR_AFTER])


_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())


def _in_dateline(sentence: str, match: re.Match[str]) -> bool:
    return bool(_BEFORE_DATELINE_DATE.fullmatch(sentence[: match.start()])) and bool(
        _AFTER_DATELINE_DATE.match(sentence, match.end())
    )


def _numbers(text: str) -> tuple[Number, ...]:
    matches = list((_NUMBER if _spells_a_number(text) else _NUMBER_IN_DIGITS).finditer(text))
    out = [_number(text, m) for m in matches]
    for n, (first, second) in enumerate(itertools.pairwise(matches)):
        if _RANGE_BETWEEN.fullmatch(text, first.end(), second.start()) and (
            text[first.end() : second.start()].strip() != "and" or _BETWEEN.search(text[: first.start()])
        ):
            out[n], out[n + 1] = _range(text, out[n], out[n + 1], first, second)
    return tuple(out)


def _number(text: str, m: re.Match[str]) -> Number:
    if m.group("word"):
        scale = _SCALES.get((m.group("wscale") or "").lower(), 1.0)
        value, unit, spelled, precision = _NUMBER_WORDS[m.group("word").lower()] * scale, "", True, scale
    else:
        scale = _SCALES.get((m.group("scale") or "").lower(), 1.0)
        value = float(_GROUPING.sub("", m.group("num")) + (m.group("dec") or "")) * scale
        if m.group("under") and int(m.group("under")):  # "4-1/2"
            value += int(m.group("over")) / int(m.group("under")) * scale
        precision = 10.0 ** -(len(m.group("dec") or ".") - 1) * scale
        unit = "%" if m.group("pct") else (m.group("cur") or "")
        spelled = False
    phrase = m.group().strip() + _following_words(text[m.end() :])
    counts, before, measure = _context(text, m.start(), m.end())
    rate, rate_end = _rate(text, m.end())
    rate_text = text[m.start() : rate_end].strip() if rate else ""
    head = text[max(0, m.start() - 40) : m.start()].lower()
    bound = "over" if _PLUS.match(text, m.end()) else _bound(head)
    return Number(
        phrase,
        m.group().strip(),
        value,
        unit,
        counts,
        measure,
        before,
        spelled,
        rate,
        rate_text,
        precision=precision,
        bound=bound,
        subject=_subject(text, m.start()),
        partial=bool(_PARTIAL_BEFORE.search(head) or _PARTIAL_AFTER.match(text, m.end())),
    )


_GROUPING = re.compile(r",\s?")


# A range: "from 7 to 75 years", "between six and 75", "$140-150 million", "24-14".
_RANGE_BETWEEN = re.compile(r"\s*(?:-|\u2013|to|and)\s*")
_BETWEEN = re.compile(r"\bbetween\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$", re.I)


def _range(text: str, low: Number, high: Number, first: re.Match[str], second: re.Match[str]) -> tuple[Number, Number]:
    """Both ends of a range, each knowing the other; the first end takes the second's scale,
    unit and counted words when it is written bare ("$140-150 million")."""
    if not first.group("scale") and second.group("scale") and not low.spelled:
        scale = _SCALES[second.group("scale").lower()]
        low = dataclasses.replace(low, value=low.value * scale, precision=low.precision * scale)
    unit = low.unit or high.unit
    ends = (low.value, high.value)
    whole = text[first.start() : second.end()].strip() + _following_words(text[second.end() :])
    low = dataclasses.replace(
        low, unit=unit, counts=low.counts or high.counts, measure=low.measure or high.measure, ends=ends, text=whole
    )
    high = dataclasses.replace(high, unit=unit, ends=ends, text=whole)
    return low, high


# "more than 20", "nearly 50", "about 250": values true within the bound they are written with.
_CURRENCY_TAIL = r"\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$"
_BOUNDS = tuple(
    (name, re.compile(rf"\b(?:{words}){_CURRENCY_TAIL}"))
    for name, words in (
        (
            "over",
            "more than|greater than|higher than|larger than|over|above|at least|upwards of|in excess of"
            "|exceeding|topping",
        ),
        (
            "under",
            "less than|fewer than|lower than|under|below|up to|at most|nearly|almost|just short of"
            "|as many as|as much as",
        ),
        ("about", "about|around|roughly|approximately|some|an estimated|estimated|close to|circa|nearly"),
    )
)
_PARTIAL_BEFORE = re.compile(
    r"\b(?:first|last|next|another|additional|further|other|top|final|remaining|latest|extra|previous|earlier|new)"
    + _CURRENCY_TAIL
)
_PARTIAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|them|those|these|his|her|their|its|our|whom|which)"
    r"|more|others?)\b",
    re.I,
)


SUBJECT_WORDS = 6  # words before a number in which the name it is said of stands


def _subject(text: str, start: int) -> str:
    """The folded last word of the name nearest before a number, in its clause and a few
    words away: "Thomas has eight touchdowns" -> "thomas"."""
    clause = _CLAUSE_END.split(text[max(0, start - 80) : start])[-1]
    words = " ".join(clause.split()[-SUBJECT_WORDS:])
    if words.islower() or not words:  # not a capital letter: no name
        return ""
    runs = _names(words)
    return fold(runs[-1][-1]) if runs else ""


_PLUS = re.compile(r"\s?(?:-\s?plus\b|\+)", re.I)  # "three-plus seasons", "20+ years"


def _bound(head: str) -> str:
    """How the words just before a number bound it: over, under, about, or exactly ("")."""
    head = " " + head
    return next((name for name, pattern in _BOUNDS if pattern.search(head)), "")


_RATE = re.compile(
    r"[^.;:!?\d]{0,50}?\b(?:(?:a|an|per|each|every)\s+(?P<unit>hour|day|week|month|quarter|year)"
    r"|(?P<adverb>hourly|daily|weekly|monthly|quarterly|yearly|annually))\b",
    re.I,
)
_RATE_ADVERBS = {
    "hourly": "hour",
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "quarterly": "quarter",
    "yearly": "year",
    "annually": "year",
}


def _rate(text: str, end: int) -> tuple[str, int]:
    """The time a number is counted per, within the words after it, and where it ends."""
    match = _RATE.match(text, end)
    if match is None:
        return "", end
    unit = match.group("unit") or _RATE_ADVERBS[match.group("adverb").lower()]
    return unit.lower(), match.end()


_FOLLOWING = re.compile(r"(?:[\s-]+[^\W\d_][\w\u2019'-]*){1,2}")
_BEFORE_SPACE_OR_HYPHEN = re.compile(r"(?=[\s-])")


def _following_words(text: str) -> str:
    """Up to two words after a number, to say what it counts ("250 prisoners")."""
    match = _FOLLOWING.match(text)
    if not match:
        return ""
    kept = []
    for word in _BEFORE_SPACE_OR_HYPHEN.split(match.group()):
        if word.strip(" -").lower() in STOPWORDS:
            break
        kept.append(word)
    return "".join(kept)


# What a number counts stands in its own clause: "Comeaux, 49, is serving" counts nothing.
_CLAUSE_END = re.compile(r"[,;:()\[\]\u201c\u201d\"\u2014]|\s[-\u2013]\s|\.(?:\s|$)")


_JOINING_HYPHEN = re.compile(r"^\s?-\s?")


def _context(text: str, start: int, end: int) -> tuple[frozenset[str], frozenset[str], str]:
    """Stems of the two content words after a number and of the one before it, and the
    unit of measure right after it, if any."""
    # "4-1/2-month", or "4 - 1 / 2 - month" as some scrapers print it: the hyphen joins.
    after_text = _CLAUSE_END.split(_JOINING_HYPHEN.sub(" ", text[end : end + 60]), maxsplit=1)[0]
    before_text = _CLAUSE_END.split(text[max(0, start - 30) : start])[-1]
    following = [w for w in fold(after_text).split() if w not in STOPWORDS]
    before = [w for w in fold(before_text).split() if w not in STOPWORDS][-1:]
    if following[:2] in (["year", "old"], ["years", "old"]):
        # An age: what it is the age of comes after ("a 10-year-old girl"), not "year old".
        return _stems(following[2:3]), _stems(before), "age"
    after = following[:2]
    measure = stem(after[0].rstrip("s")) if after and stem(after[0].rstrip("s")) in MEASURES else ""
    return _stems(after), _stems(before), measure


def _stems(words: list[str]) -> frozenset[str]:
    return frozenset(stem(w) for w in words if not any(c.isdigit() for c in w))


def _names(sentence: str) -> tuple[tuple[str, ...], ...]:
    """Runs of capitalised words that are not sentence openers, titles, months or days."""
    runs: list[list[str]] = []
    current: list[str] = []
    for n, token in enumerate(_NAME_TOKEN.findall(sentence)):
        word = _NAME_END.sub("", token) if token[-1] in _NAME_END_CHARS else token
        lower = word.lower()
        if word[:1].isupper() and lower not in NOT_NAMES and not (n == 0 and lower in STOPWORDS):
            current.append(word)
        elif current and lower in _CONNECTORS:
            current.append(word)
        else:
            if current:
                runs.append(current)
            current = []
        if token[-1:] in ".,;:" and current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return tuple(tuple(r[: max(i for i, w in enumerate(r) if w[:1].isupper()) + 1]) for r in runs)


def _quotes(sentence: str) -> tuple[Quote, ...]:
    out = []
    for m in _QUOTE.finditer(sentence):
        text = m.group(1) or m.group(2)
        if len(text.split()) >= 3:
            out.append(Quote(text, _speaker(sentence, m.start(), m.end())))
    return tuple(out)


_ALSO_NOUNS = frozenset({"states", "posts", "shares", "writes"})
_SUBJECT_BEFORE = re.compile(r"(?:\b(?:he|she|it|they|we|i|who|also)|[A-Z][\w\u2019'-]*)\s+$")


def _attributions(sentence: str) -> tuple[Attribution, ...]:
    out = []
    for m in _ATTRIBUTION.finditer(sentence):
        if m.group(1).lower() in _ALSO_NOUNS and not _SUBJECT_BEFORE.search(sentence[: m.start()]):
            continue  # "authoritarian states in the world", "the posts on X"
        channel_words = []
        for word in m.group(3).split():
            if word.lower() in STOPWORDS - {"a", "an", "the", "his", "her", "their", "its"}:
                break
            channel_words.append(word)
        if channel_words:
            text = f"{m.group(1)} {m.group(2)} {' '.join(channel_words)}"
            channel = fold(" ".join(w for w in channel_words if w.lower() not in STOPWORDS))
            out.append(Attribution(text, _speaker(sentence, m.start(), m.end()), channel))
    return tuple(out)


def _speaker(sentence: str, start: int, end: int) -> str:
    """The name nearest before `start` (or just after `end`): "Bukele said", "said Bukele"."""
    before = _names(sentence[max(0, start - 60) : start])
    after = _names(sentence[end : end + 40])
    run = before[-1] if before else (after[0] if after else ())
    return strip_accents(run[-1]).casefold() if run else ""
