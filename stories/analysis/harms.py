"""What harm a number counts: how many people were killed, injured or are missing ("40
dead", "30 people were killed", "killed at least 40 people"), or "" when it counts none."""

from __future__ import annotations

from .quantities import Number
from .text import STOPWORDS, fold, stem

_HARMS = {
    "dead": "killed kill kills dead died die dies deaths death fatalities lives bodies",
    "injured": "injured injuring injuries injury wounded wounding hurt",
    "missing": "missing",
}
HARM = {stem(word): kind for kind, words in _HARMS.items() for word in words.split()}
PEOPLE = frozenset(stem(word) for word in "people persons civilians others individuals victims".split())


def harm_of(number: Number) -> str:
    """The kind of harm a number is the toll of, or ""."""
    if number.ends or number.unit or number.measure or number.rate:
        return ""
    words = fold(number.text[len(number.raw) :]).split()
    head = stem(words[0]) if words else ""
    if head in HARM:  # "40 dead", "55 injured"
        return HARM[head]
    if head and head not in PEOPLE or number.partial and head != "other":
        return ""  # "six gunmen", "two relatives", "one of the"
    after = {HARM[word] for word in number.counts if word in HARM} if head else set()
    if after:  # "30 people were killed"; not "killed 14 and injured dozens"
        return after.pop() if len(after) == 1 else ""
    words_before = [word for word in fold(number.lead).split() if word not in STOPWORDS][-WORDS_BEFORE:]
    before = {HARM[stem(word)] for word in words_before if stem(word) in HARM}
    return before.pop() if len(before) == 1 else ""  # "killed at least 40 people"


WORDS_BEFORE = 3  # content words before a number, in its clause, that may say what harm it counts
