"""Sayers: the body a sentence gives its fact to, and the same fact given to two bodies.

"The USGS said the quake was 35 miles southwest of Bandar Abbas" / "Iran's seismologic
center said the epicenter ... was 35 miles southwest of the port of Bandar Abbas": one
reading, two agencies, and at most one gave it. The sayer is the subject of "said" that
opens the sentence ("The USGS said", "Iran's seismologic center said") or the body after
"according to". Only a sayer with a name is read ("officials said" names no one); two
sayers are one when they share a word past "the" or their initials ("USGS" / "the U.S.
Geological Survey").
"""

from __future__ import annotations

import re

from .text import fold

_OPENING = re.compile(
    r"^(?P<sayer>(?:[Tt]he\s)?[\w.'\u2019-]+(?:\s[\w.'\u2019-]+){0,3})\s(?P<verb>said|says|reported|reports)\b"
)
_ACCORDING = re.compile(
    r"\baccording\sto\s(?P<sayer>(?:the\s)?[A-Z][\w.'\u2019-]*(?:\s[\w.'\u2019-]+){0,3}?)(?=[,.;]|$)"
)
# A name in the sayer: a capital past its first word ("the U.S. Geological Survey"), initials
# ("USGS"), or a possessive name ("Iran's seismologic center"); the first word's capital alone
# opens the sentence ("Officials said", "Police said").
_NAMED = re.compile(r"^(?:[Tt]he\s)?(?:[A-Z]{2,}\b|[A-Z][\w.-]*['\u2019]s\b)|\s[A-Z]")
_SMALL = frozenset("the a an of s".split())


def said_by(sentence: str) -> str:
    """The named body a sentence gives its words to, as written ("The USGS said"), or ""."""
    for pattern in (_OPENING, _ACCORDING):
        match = pattern.search(sentence)
        if match and _NAMED.search(match.group("sayer")):
            return match.group()
    return ""


def other_sayers(said_a: str, said_b: str) -> bool:
    """Two named sayers that share no word and not their initials."""
    if not said_a or not said_b:
        return False
    words_a, words_b = _words(said_a), _words(said_b)
    return not words_a & words_b and _initials(said_a) != _initials(said_b)


def _words(said: str) -> set[str]:
    words = fold(_sayer(said)).replace("'", " ").split()
    return {word for word in words if word not in _SMALL}


def _initials(said: str) -> str:
    sayer = re.sub(r"^[Tt]he\s", "", _sayer(said))
    if re.fullmatch(r"[A-Z]{3,6}", sayer):
        return sayer.lower()
    return "".join(word[0] for word in re.findall(r"[A-Z][a-z]*", sayer)).lower()


def _sayer(said: str) -> str:
    match = _OPENING.match(said) or _ACCORDING.search(said)
    return match.group("sayer") if match else said
