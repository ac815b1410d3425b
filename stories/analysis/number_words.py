"""What the words around a number say of it: what it counts and its unit of measure
(`context_of`), the bound it is written with ("about 250", `bound_of`), whether it is a part
of a count ("the first 17"), the time it is counted per (`rate_of`), the name it is said of
(`subject_of`) and whose age it is (`age_of`). Read by `quantities` for each number found."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .dates import MONTHS_AND_WEEKDAYS
from .proper_names import NOT_NAMES, name_runs
from .sentences import CLAUSE_END
from .text import STOPWORDS, ascii_lower_words, ascii_twin, fold, fold_word, stem
from .units import QUALIFIERS

if TYPE_CHECKING:
    from .number_fact import Number

MEASURES = frozenset(
    stem(word)
    for word in """
second minute hour day week month year decade century km kilometre kilometer mile metre
meter m cm mm kg kilogram gram g tonne ton pound lb ounce litre liter gallon barrel acre
hectare degree mph kph knot percent point storey story floor yard yd foot feet ft inch
gb mb tb kb ghz mhz mw kw gw watt volt inches
""".split()
)


# "more than 20", "nearly 50", "about 250": values true within the bound they are written with.
_CURRENCY_TAIL = r"\s+(?:[$\u20ac\u00a3\u00a5]\s?)?$"
# A bound may stand before "a" and a number said as a word: "more than a hundred", "about a dozen".
_BOUND_TAIL = r"\s+(?:a\s+|[$\u20ac\u00a3\u00a5]\s?)?$"
_BOUND_PHRASES = (
    (
        "over",
        "more than|greater than|higher than|larger than|bigger than|stronger than|over|above|at least|upwards of"
        "|in excess of|exceeding|topping",
    ),
    (
        "under",
        "less than|fewer than|lower than|smaller than|weaker than|under|below|up to|at most|within",
    ),
    # A value just short of the figure, or reaching it: "nearly 50" is not 30, and "as
    # many as 80" is a claim that the count reached about 80, not that it stayed under.
    ("near", "nearly|almost|just short of|as many as|as much as"),
    (
        "about",
        "about|around|roughly|approximately|an approximate|approximate|some|an estimated|estimated|close to"
        "|circa|nearly",
    ),
    ("several", "several|a few|many"),  # "several dozen": some dozens, more than twelve
)
_BOUNDS = tuple((name, re.compile(rf"\b(?:{words}){_BOUND_TAIL}")) for name, words in _BOUND_PHRASES)
# The last word of every bound: a word of its own, which only white space, "a" or a currency
# sign follows to the number (`_BOUND_TAIL`).
_BOUND_LAST_WORDS = frozenset(phrase.split()[-1] for _, words in _BOUND_PHRASES for phrase in words.split("|"))


def _may_end_a_bound(words: list[str]) -> bool:
    """The last of the words before a number (`last_words`) is a bound's last word, or the
    one before an "a" that ends them is: no other text before a number ends with a bound."""
    if words[-1:] == ["a"]:
        words = words[:-1]
    return bool(words) and words[-1] in _BOUND_LAST_WORDS


def last_words(head: str, start: int) -> list[str] | None:
    """The words (`ascii_lower_words`) of `head` from `start` on (`last_words_at`: its last
    few words, where every bound and part written before a number stands); None for text
    that is not ASCII."""
    return ascii_lower_words(head[start:])


_PART_WORDS = "first last next another additional further other top final remaining latest extra previous earlier new"
PARTIAL_BEFORE = re.compile(r"\b(?:" + "|".join(_PART_WORDS.split()) + ")" + _CURRENCY_TAIL)
PART_WORDS = frozenset(_PART_WORDS.split())  # each the last word before the number it makes a part
# "killing 10 and wounding another 70": after a doing of harm, the whole count of that harm,
# not a part of one counted before.
HARMED_OTHER = re.compile(r"\b(?:wounding|injuring|hurting|killing)\s+(?:an)?other\s+$", re.I)
PARTIAL_AFTER = re.compile(
    r"\s+(?:of\s+(?:the|them|those|these|his|her|their|its|our|whom|which)"
    r"|more|others?)\b",
    re.I,
)


SUBJECT_WORDS = 6  # words before a number in which the name it is said of stands


def subject_of(clause: str) -> str:
    """The folded last word of the name nearest before a number, in its clause (80
    characters of it, `clauses_before`) and a few words away: "Thomas has eight
    touchdowns" -> "thomas". A clause with no capital letter (most) names no one in any of
    its words: it is not split."""
    if clause.islower():
        return ""
    pieces = clause.rsplit(None, SUBJECT_WORDS)  # the last words, each alone, after the rest
    words = " ".join(pieces[1:] if len(pieces) > SUBJECT_WORDS else pieces)
    if words.islower() or not words:  # not a capital letter: no name
        return ""
    runs = name_runs(words)
    return fold_word(runs[-1][-1]) if runs else ""


# The marks that end a clause alone (`CLAUSE_END`'s first part): none is white space or
# ".", one of which begins each of its other ends, so no other end takes one in.
_CLAUSE_MARKS = frozenset(',;:()[]\u201c\u201d"\u2014')


def clauses_before(text: str, start: int) -> tuple[str, str, str]:
    """A number's clause up to it, within 80, 50 and 30 characters before it: what
    `subject_of`, the number's lead ("israeli forces on tuesday killed at least" of "...
    killed at least 40 people") and `context_of` read; `CLAUSE_END.split(window)[-1]` of
    each window. One split tells all three when the longest window has no clause end (no
    shorter one, ending where it does, has any), or when its last is a mark within 30
    characters of the number (the clause after it is in each window, and no other end can
    take that mark in). Else the shorter two are split too."""
    clause_end = _CLAUSE_END_ASCII if text.isascii() else CLAUSE_END
    clause = clause_end.split(text[max(0, start - 80) : start])[-1]
    begins = start - len(clause)
    if begins == max(0, start - 80):
        return clause, text[max(0, start - 50) : start], text[max(0, start - 30) : start]
    if begins > start - 30 and text[begins - 1] in _CLAUSE_MARKS:
        return clause, clause, clause
    lead = clause_end.split(text[max(0, start - 50) : start])[-1]
    return clause, lead, clause_end.split(text[max(0, start - 30) : start])[-1]


_CLAUSE_END_ASCII = ascii_twin(CLAUSE_END)


# "Harlow, 32, was arrested", "Harlow, a 32-year-old driver": whose age a number is.
_APPOSITION = re.compile(r"((?:[A-Z][\w\u2019'-]+\s){0,2})([A-Z][\w\u2019'-]+),\s(?:(?:a|an|aged)\s)?$")
_AGE_THEN_NAME = re.compile(  # "31-year-old Robert Buckley", a whole name (not "36-year-old Australian man")
    r"\s?-?\s?years?\s?-?\s?old\s+([A-Z][\w\u2019'-]+(?:\s[A-Z][\w\u2019'-]+)+)(?![\w\u2019'-])"
)
_AGE_ENDS = re.compile(r"\s?[,)]|\.(?:\s|$)")


def age_of(text: str, match: re.Match[str], value: float, measure: str) -> tuple[str, str]:
    """The folded family name a number is the age of, set off beside it, and the given names
    written with it ("Gary Gomes, 35" -> "gomes", "gary"); "" for either it does not write.
    A family's members share the family name: the given name tells them apart."""
    if match.group("word") or not (measure == "age" or _AGE_ENDS.match(text, match.end())):
        return "", ""
    if not (0 < value < 120 and value == int(value)) or match.group("cur") or match.group("pct"):
        return "", ""
    name = _APPOSITION.search(text, max(0, match.start() - 40), match.start())
    if name and name.group(2) not in _NOT_NAMES:
        return fold(name.group(2)), _given(name.group(1).split())
    after = _AGE_THEN_NAME.match(text, match.end()) if measure == "age" else None
    if not after:
        return "", ""
    words = after.group(1).split()
    return fold(words[-1]), _given(words[:-1])


def _given(words: list[str]) -> str:
    """The folded words written before a family name, titles left out: "john", "mary ann"."""
    return fold(" ".join(word for word in words if word.lower() not in NOT_NAMES))


_NOT_NAMES = frozenset("In On At By Of For From The And But Since Until About".split()) | {
    time.title() for time in MONTHS_AND_WEEKDAYS
}


PLUS = re.compile(r"\s?(?:-\s?plus\b|\+)", re.I)  # "three-plus seasons", "20+ years"


# Any of the bounds, in one search: most numbers have none, which took five searches to tell.
_ANY_BOUND = re.compile("|".join(pattern.pattern for _, pattern in _BOUNDS))
_ANY_BOUND_ASCII = ascii_twin(_ANY_BOUND)


def bound_of(head: str, start: int = 0, words: list[str] | None = None) -> str:
    """How the words just before a number bound it: over, under, near, about, or exactly ("").
    `start`: where in `head` a bound may begin (`last_words_at`); `words`: the words that
    end `head` (`last_words`), when they have been read."""
    words = ascii_lower_words(head) if words is None else words
    if words is not None and not _may_end_a_bound(words):
        return ""  # most numbers: no bound's word just before them, nothing to search
    head = " " + head
    if (_ANY_BOUND_ASCII if head.isascii() else _ANY_BOUND).search(head, start) is None:
        return ""
    return next((name for name, pattern in _BOUNDS if pattern.search(head, start)), "")


BOUND_WORDS_MOST = 4  # "in excess of a", "just short of $": the most words of a bound, or of a part


def last_words_at(head: str) -> int:
    """Where the last `BOUND_WORDS_MOST` words of `head` begin (0 if it has no more): every
    bound (`bound_of`) and part (`PARTIAL_BEFORE`, `HARMED_OTHER`) written before a number
    ends where `head` does and stands in them, so the search for it starts there, not at
    each of forty characters."""
    pieces = head.rsplit(None, BOUND_WORDS_MOST)
    return len(pieces[0]) if len(pieces) > BOUND_WORDS_MOST else 0


# One or two words after a number, joined by spaces or a hyphen, not across a dash ("4.16
# percent -- another record low"), nor, after a first word set apart by a space, across a
# hyphen set apart by spaces as some scrapers print a dash ("home to 167,000 people -
# remained wary"; not "26 - year - old", a compound printed apart).
_FOLLOWING = re.compile(
    r"\s?-\s?[^\W\d_][\w\u2019'-]*(?:(?:\s?-\s?|\s+)[^\W\d_][\w\u2019'-]*)?"
    r"|\s+[^\W\d_][\w\u2019'-]*(?:\s+[^\W\d_][\w\u2019'-]*)?"
)
_FOLLOWING_ONE = re.compile(r"(?:\s?-\s?|\s+)[^\W\d_][\w\u2019'-]*")
_GLUED = re.compile(r"[^\W\d_]+(?=[\s,.;:!?)]|$)")
_BEFORE_SPACE_OR_HYPHEN = re.compile(r"(?=[\s-])")
_FOLLOWING_ASCII, _GLUED_ASCII = ascii_twin(_FOLLOWING), ascii_twin(_GLUED)


def following_words(text: str, start: int = 0) -> str:
    """Up to two words after a number, to say what it counts ("250 prisoners", "200ft drop"):
    those of `text[start:]`, read where they stand (not sliced off for each number)."""
    ascii = text.isascii()
    glued = (_GLUED_ASCII if ascii else _GLUED).match(text, start)  # a unit written onto the number: "200ft"
    if glued:
        after = _FOLLOWING_ONE.match(following_words(text, glued.end()))
        return glued.group() + (after.group() if after else "")
    match = (_FOLLOWING_ASCII if ascii else _FOLLOWING).match(text, start)
    if not match:
        return ""
    kept = []
    for word in _BEFORE_SPACE_OR_HYPHEN.split(match.group()):
        if word.strip(" -").lower() in STOPWORDS or word.strip(" -").lower() in _WHEN_WORDS:
            break  # "5 percent Tuesday morning": when it stood, not what it counts
        kept.append(word)
    return "".join(kept)


_WHEN_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday today yesterday tonight tomorrow "
    "late early overnight".split()
)


JOINING_HYPHEN = re.compile(r"^\s?-\s?")
_JOINED_THEN_NOUN = re.compile(r"\s?-\s?[^\W\d_]+\s+([^\W\d_]+)")
_JOINED_THEN_NOUN_ASCII = ascii_twin(_JOINED_THEN_NOUN)


def described(text: str, end: int, counts: frozenset[str]) -> str:
    """The noun a number joined to a word by a hyphen describes: "a 10-rack system" (a kind
    of system, not a count of racks); "" for a plain count. Measures ("a 4-1/2-month prison
    term") are left to their unit."""
    joined = (_JOINED_THEN_NOUN_ASCII if text.isascii() else _JOINED_THEN_NOUN).match(text, end)
    if joined is None:
        return ""
    noun = stem(fold(joined.group(1)))
    return noun if noun in counts and noun not in STOPWORDS else ""


_AND = re.compile(r"\s(?:and|or|but)\s", re.I)
# Participles that make the noun before them a modifier of the noun after: "rocket-propelled
# grenades", "state-owned companies", "Saudi-backed militias" (hyphenated or not).
_MODIFYING = frozenset("propelled powered owned backed funded sponsored controlled operated fuelled fueled".split())
_AND_A_NUMBER = re.compile(r"\s(?:and|or)\s[$€£¥]?\d+(?:[.,]\s?\d+)*", re.I)
_AND_ANY_TEXT = (_AND_A_NUMBER, _AND)
_AND_ASCII = (ascii_twin(_AND_A_NUMBER), ascii_twin(_AND))
_SPACED_AGE = re.compile(r"^\s?-\s?(years?)\s?-\s?old\b", re.I)


# Words that bound a number ("nearly 50", "at least 40"): how much, not what it is said of.
_NEXT_NUMBER = frozenset(
    "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen "
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety".split()
)
_BOUND_WORDS = frozenset("nearly almost roughly approximately around least upwards exceeding topping".split())


def context_of(text: str, end: int, clause: str) -> tuple[frozenset[str], frozenset[str], str]:
    """Stems of the two content words after a number and of the one before it in its
    `clause` (up to it, within 30 characters: `clauses_before`), and the unit of measure
    right after it, if any."""
    # "4-1/2-month", or "4 - 1 / 2 - month" and "32 - year - old" as some scrapers print
    # them: the hyphens join.
    after_text = text[end : end + 60]
    if "-" in after_text[:3]:
        after_text = _SPACED_AGE.sub(r" \1 old", after_text)
        if "-" in after_text[:2]:  # where a joining hyphen can stand (`JOINING_HYPHEN`)
            after_text = JOINING_HYPHEN.sub(" ", after_text)
    after_text = to_clause_end(after_text)
    another = _OR_A_FIGURE.match(after_text)  # "$1.63 or 8 percent": the figure restated, counting nothing more
    if another:
        after_text = after_text[: another.start(1)]
    and_a_number, and_ = _AND_ASCII if after_text.isascii() else _AND_ANY_TEXT
    coordinated = and_a_number.match(after_text)  # "7.6 and 7.5 magnitude quakes": what the second counts
    if coordinated:
        after_text = after_text[coordinated.end() :]
    joined = and_.search(after_text)  # "injuring dozens and destroying": not what it counts
    if joined:
        after_text = after_text[: joined.start()]
    next_figure = _NEXT_FIGURE.search(after_text)  # "to $17 million from $11 million": the next one's words
    if next_figure:
        after_text = after_text[: next_figure.start()]
    words = folded_words(after_text)
    # "two traditional three-point plays", "3-of-4 three attempts": a number word begins
    # the next number, and what follows it is what that one counts.
    for place, word in enumerate(words):
        if word in _NEXT_NUMBER:
            words = words[:place]
            break
    if len(words) > 2 and words[1] in _MODIFYING and words[0] not in STOPWORDS and words[2] not in STOPWORDS:
        words = words[2:]  # "one rocket-propelled grenade launcher" counts launchers, not rockets
    following = [word for word in words if word not in STOPWORDS]
    before = _last_content_word(clause)
    if following[:2] in (["year", "old"], ["years", "old"]):
        # An age: what it is the age of comes after ("a 10-year-old girl"), not "year old".
        return _stems(following[2:3]), _stems(before), "age"
    after = following[:1] if following[:1] == ["times"] else following[:2]  # "shot 11 times by police"
    return _stems(after), _stems(before), _measure(after)


_NEXT_FIGURE = re.compile(r"[$€£¥]?\d")
_OR_A_FIGURE = re.compile(r"\s+or\s+(?:about\s+|nearly\s+|almost\s+)?([$€£¥]?\d)")


def to_clause_end(text: str) -> str:
    """`text` up to the end of its clause: `CLAUSE_END.split(text, 1)[0]`, without the list."""
    end = (_CLAUSE_END_ASCII if text.isascii() else CLAUSE_END).search(text)
    return text if end is None else text[: end.start()]


# Each byte of ASCII text as `fold` reads it: a letter in lower case; a digit, "_", "%" or
# "$" as itself (word characters); anything else a space.
_FOLDED_BYTES = bytes(
    (code | 0x20 if chr(code).isupper() else code) if code < 128 and (chr(code).isalnum() or chr(code) in "_%$") else 32
    for code in range(256)
)


def folded_words(text: str) -> list[str]:
    """`fold(text).split()`, for less. Of ASCII text with no "." or "," (most of the words
    around a number up to its clause's end), `fold` keeps the words lower-cased and nothing
    else (no acronym's dots, no digits' grouping to drop): one `bytes.translate` reads them.
    Each number's surroundings are read once, so `fold`'s cache would only keep them."""
    if text.isascii() and "." not in text and "," not in text:
        return text.encode().translate(_FOLDED_BYTES).decode().split()
    return fold(text).split()


def _last_content_word(text: str) -> list[str]:
    """The last word of `text` (folded) that is neither a stop word nor a bound's, as a list of one or none."""
    for word in reversed(folded_words(text)):
        if word not in STOPWORDS and word not in _BOUND_WORDS and word not in _SCALE_WORDS:
            return [word]
    return []


# A figure's scale is no word it is said of: "from $11.4 million to $17.7 million" is a loss.
_SCALE_WORDS = frozenset("thousand million billion trillion mln bln bn mn".split())


def _measure(after: list[str]) -> str:
    """The unit of measure the words after a number begin with: "ft", "metre", "short ton"."""
    if not after:
        return ""
    if after[0] in QUALIFIERS and len(after) > 1 and stem(after[1].rstrip("s")) in MEASURES:
        return f"{after[0]} {stem(after[1].rstrip('s'))}"
    first = stem(after[0].rstrip("s"))
    return first if first in MEASURES else ""


_NO_STEMS: frozenset[str] = frozenset()


def _stems(words: list[str]) -> frozenset[str]:
    """Stems of the words without a digit in them (a word of letters has none: the quick test;
    no words, often before a number, make no set)."""
    if not words:
        return _NO_STEMS
    return frozenset([stem(word) for word in words if word.isalpha() or not any(map(str.isdigit, word))])


# A length that is a depth: "at a depth of just 10 kilometers", "10 km deep", "33 feet below
# the surface". A depth is not how far something stands from a place ("55 kilometers from
# the town"), though both are lengths.
# The same depth in other units, in brackets after it, is one too: "10 kilometres (6.2 miles)".
_DEPTH_BEFORE = re.compile(r"\bdepth\s+of\s+(?:[a-z]+\s+){0,2}(?:[\d.,\s]+[a-z]+\s*\(\s*)?$", re.I)
_DEPTH_AFTER = re.compile(r"\s*[a-z]*\s+(?:deep|below|beneath|underground|under\s+the)\b", re.I)


def is_depth(number: Number) -> bool:
    """`number` measures how deep something is."""
    at = number.sentence.find(number.raw)
    if at < 0 or not number.measure:
        return False
    end = at + len(number.raw)
    return bool(_DEPTH_BEFORE.search(number.sentence, max(0, at - 50), at)) or bool(
        _DEPTH_AFTER.match(number.sentence, end)
    )
