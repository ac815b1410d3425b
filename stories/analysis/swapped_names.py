"""One name put for another in a sentence otherwise the same: a re-filed story that
corrects who did something ("a subsidiary of Reuters Inc <REUT>" / "a subsidiary of
Reuters Holdings Plc <RTRSY>"). Read only in closely linked sentences that differ in one
stretch of words, each side of it within a run of capitalised words; a name shortened or
filled out ("Barack Obama" / "Obama") is the same name, and a respelling is told by
`names`."""

from __future__ import annotations

import functools
import re

from rapidfuzz.distance import Levenshtein

from .found import Found
from .hometowns import names_a_people
from .links import Link
from .proper_names import name_runs
from .text import fold

SWAP_LINK = 0.7  # sentences this close say the same thing
MOST_CHANGED = 10  # words of the two sentences, each found in one only
_WORD = re.compile(r"\S+")


def check_swapped_names(found: Found, link: Link) -> None:
    """The names of two closely linked sentences that stand where the other has another."""
    if link.score < SWAP_LINK or link.a.block.kind == "headline" or link.b.block.kind == "headline":
        return
    names = swapped_names(link.a.text, link.b.text)
    if names:
        found.add("name", (link.a.block, names[0]), (link.b.block, names[1]), "another name in the same place")


@functools.lru_cache(maxsize=8192)  # the versions of a story pair the same sentences again and again
def swapped_names(sentence_a: str, sentence_b: str) -> tuple[str, str] | None:
    """The name of each sentence that stands where the other has another, if the two are
    otherwise the same."""
    plain_a, plain_b = sentence_a.split(), sentence_b.split()
    only_a, only_b = set(plain_a).difference(plain_b), set(plain_b).difference(plain_a)
    if not (_capitalised(only_a) and _capitalised(only_b)) or len(only_a) + len(only_b) > MOST_CHANGED:
        return None  # most linked sentences: no other name, or more than a name changed
    stretch = _one_stretch(plain_a, plain_b)
    if not stretch:
        return None
    start, end_a, end_b = stretch
    words_a, words_b = list(_WORD.finditer(sentence_a)), list(_WORD.finditer(sentence_b))
    name_a = _name_over(sentence_a, words_a[start:end_a], start == 0)
    name_b = _name_over(sentence_b, words_b[start:end_b], start == 0)
    return (name_a, name_b) if name_a and name_b and _other_names(name_a, name_b) else None


def _one_stretch(words_a: list[str], words_b: list[str]) -> tuple[int, int, int] | None:
    """Where two sentences' words differ, if they differ in one stretch with no word in
    common (the same words before and after it): where it starts in both and ends in each,
    else None."""
    start = 0
    while start < min(len(words_a), len(words_b)) and words_a[start] == words_b[start]:
        start += 1
    end_a, end_b = len(words_a), len(words_b)
    while end_a > start and end_b > start and words_a[end_a - 1] == words_b[end_b - 1]:
        end_a, end_b = end_a - 1, end_b - 1
    middle_a, middle_b = words_a[start:end_a], words_b[start:end_b]
    if not middle_a or not middle_b or set(middle_a) & set(middle_b):
        return None
    return start, end_a, end_b


def _capitalised(words: set[str]) -> bool:
    return any(word[:1].isupper() for word in words)


def _name_over(sentence: str, changed: list[re.Match[str]], opens: bool) -> str:
    """The run of name words, as written, that holds every changed word (but a ticker, as
    "<REUT>"); "" if there is none."""
    if opens:
        return ""  # a sentence's first word is capitalised whatever it is
    words = [word for word in changed if not _TICKER.fullmatch(word.group())]
    if not words:
        return ""
    start, end = words[0].start(), words[-1].end()
    for run in name_runs(sentence):
        written = " ".join(run)
        at = sentence.find(written)
        if at >= 0 and at <= start and end <= at + len(written) + 1:  # its full stop, if it ends the sentence
            return written
    return ""


_TICKER = re.compile(r"<[A-Z.]+>[.,;:]?")


def _other_names(name_a: str, name_b: str) -> bool:
    """Neither name's words all the other's (a name shortened), nor one the other's
    initials ("the United States" / "the U.S."), nor a people's name ("American"), nor the
    two a word apart that is spelled two ways ("Civic Centre" / "Civic Center", "Hanson" /
    "Manson")."""
    words_a, words_b = _letters(name_a).split(), _letters(name_b).split()
    if set(words_a) <= set(words_b) or set(words_b) <= set(words_a):
        return False
    if any(len(words) == 1 and names_a_people(words[0]) for words in (words_a, words_b)):
        return False  # "U.S. farmers" / "American farmers": a country's people for the country
    initials_a, initials_b = "".join(word[0] for word in words_a), "".join(word[0] for word in words_b)
    if "".join(words_a) == initials_b or "".join(words_b) == initials_a:
        return False
    only_a, only_b = set(words_a) - set(words_b), set(words_b) - set(words_a)
    if len(only_a) == len(only_b) == 1:  # a word spelled two ways is for `names` to tell
        return Levenshtein.distance(min(only_a), min(only_b), score_cutoff=2) > 2
    return True


def _letters(name: str) -> str:
    """A name folded, its dots and hyphens left out: "A.J." is "aj", "U.S." is "us"."""
    return "".join(char for char in fold(name.replace(".", "").replace("-", "")) if char.isalnum() or char == " ")
