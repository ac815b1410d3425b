"""What harm a number counts: how many people were killed, injured or are missing ("40
dead", "30 people were killed", "killed at least 40 people"), or "" when it counts none."""

from __future__ import annotations

import functools
import re

from .number_fact import Number, start_in
from .number_words import HARMED_OTHER
from .text import STOPWORDS, fold, has_digit, stem

_HARMS = {
    "dead": "killed kill kills killing dead died die dies dying deaths death fatalities lives bodies",
    "injured": "injured injuring injuries injury wounded wounding hurt hurting",
    "missing": "missing",
}
HARM = {stem(word): kind for kind, words in _HARMS.items() for word in words.split()}
PEOPLE = frozenset(stem(word) for word in "people persons civilians others individuals victims".split())


def harm_of(number: Number) -> str:
    """The kind of harm a number is the toll of, or ""."""
    if number.ends or number.unit or number.measure or number.rate:
        return ""
    head = _head(number.text[len(number.raw) :])
    if head is None:
        return ""
    if head in HARM:  # "40 dead", "55 injured"
        return HARM[head]
    if head and head not in PEOPLE or number.partial and head != "other":
        return ""  # "six gunmen", "two relatives", "one of the"
    # The words before it say its harm unless another figure stands there, whose they are:
    # "30 people were killed and 55 others injured"; but "killing 10 people and wounding
    # another 70" names the second count's own harm.
    lead = number.lead
    if has_digit(lead):
        harmed = HARMED_OTHER.search(lead)
        lead = harmed.group() if harmed else ""
    words_before = [word for word in fold(lead).split() if word not in STOPWORDS][-WORDS_BEFORE:]
    before = {HARM[stem(word)] for word in words_before if stem(word) in HARM}
    if before:  # "killing at least three people and injuring dozens": the harm before it is its own
        if not head and (passive := _passive_harm(number)):
            return passive  # "four Iraqis were killed and four were injured": its own verb says
        return before.pop() if len(before) == 1 else ""
    after = {HARM[word] for word in number.counts if word in HARM} if head else set()
    return after.pop() if len(after) == 1 else ""  # "30 people were killed"; not "14 and injured dozens"


_PASSIVE = re.compile(r"\s+(?:were|was|are|is|have been|has been|had been)\s+(\w+)", re.I)


def _passive_harm(number: Number) -> str:
    """The harm a bare count's own verb after it names: "four were injured"."""
    at = start_in(number.sentence, number.lead, number.raw)
    verb = _PASSIVE.match(number.sentence, at + len(number.raw)) if at >= 0 else None
    return HARM.get(stem(verb.group(1)), "") if verb else ""


@functools.lru_cache(maxsize=4096)  # a number's harm is asked by several checks, and its words recur
def _head(after: str) -> str | None:
    """The stem of the word a number counts, from the words after it; "" when none says,
    None when they say it is no count of anyone's harm."""
    words = fold(after).split()
    if words and words[0] == "of":
        del words[0]  # "hundreds of buildings"
    first = words[0] if words else ""
    if first == "live":
        return None  # "All three live in the flat": the verb, not the stem of "lives" lost
    return stem(first) if first and first not in _JOINING else ""  # "injuring dozens and destroying"


def bare_toll(number: Number) -> bool:
    """A toll written with no word of what it counts ("killed more than 31,000 in the city",
    "killing 14"): its harm alone says what it is."""
    return bool(harm_of(number)) and not number.text[len(number.raw) :].strip()


_JOINING = frozenset({"and", "or", "but"})  # the number's phrase ends: what follows is another
WORDS_BEFORE = 3  # content words before a number, in its clause, that may say what harm it counts
