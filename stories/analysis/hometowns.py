"""Hometowns: where a named person is from, compared wherever each source says it.

"A Spiro man was found guilty ..." (the next sentence naming him: "... finding Christopher
Kenyon Simpson, 27, guilty") / "Christopher Kenyon Simpson of Fort Coffee is accused":
one man, two towns, and at most one is right. A source says it by "Name of Town" (an age
between them or not), or by the lede's "a Town man" whom its next sentence names first:
the way copy names its subject. A state or a people ("an Oklahoma man", "a British
woman") says less than a town and is not compared; nor is "of" before an organisation
("Smith of the FBI", "Jones of Acme Corp").
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .model import Block
from .text import fold

_TOWN = r"(?P<town>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
_NAME_WORD = r"[A-Z][\w'\u2019-]+"
# "Christopher Kenyon Simpson of Fort Coffee", "Herbert Flynn, 52, of Spiro": the town after
# " of ", and the whole name that ends where " of " begins (looked for only before it).
_OF = re.compile(rf" of {_TOWN}\b")
_NAME_BEFORE = re.compile(
    rf"\b(?P<first>{_NAME_WORD})(?:\s(?:[A-Z]\.|{_NAME_WORD}))*\s(?P<last>{_NAME_WORD})(?:,\s\d{{1,3}},)?,?$"
)
BEFORE = 60  # characters before " of " where the whole name stands
# "A Spiro man was found guilty", "convicted a Spiro man": in the lede, its first sentences.
_TOWN_PERSON = re.compile(rf"\b(?:[Aa]n?)\s{_TOWN}\s(?:man|woman|teen|teenager|boy|girl|resident)\b")
LEDE = 5  # sentences
# The whole name a sentence gives first: two to four capitalised words.
_WHOLE_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s(?:[A-Z]\.|{_NAME_WORD})){{1,3}}\b")
_NOT_PEOPLE = frozenset(
    """the a an in on at for and but after before when while as county city state university department
    police court office jury center centre news times post inc corp company group""".split()
)
_STATES = frozenset(
    """alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
    illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota
    mississippi missouri montana nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah
    vermont virginia washington wisconsin wyoming""".split()
) | {"new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island"}
_STATES |= {"south carolina", "south dakota", "west virginia"}
_PEOPLES = re.compile(r"(?:an|ese|ish|ch|qi|ni|li|di|ti)$")  # "American", "Chinese", "British", "French", "Iraqi"


def names_a_people(word: str) -> bool:
    """A word (folded) that may name a people or say whose: "american", "chinese", "iraqi"."""
    return _PEOPLES.search(word) is not None

Towns = list[tuple[Block, str, str]]  # (where, as written, the town folded)


@dataclass(frozen=True)
class Hometowns:
    """The towns a source says named people are from, by first and family name as written,
    and the source's text, to tell people from organisations by (`person`)."""

    towns: dict[tuple[str, str], Towns]
    story: str

    def person(self, last: str) -> bool:
        """A family name the source writes alone ("Prosecutors allege Simpson shot
        Flynn"), as copy names a person after the first time, and never in lower case
        ("the Board of Agriculture" is no one: the story writes "the board")."""
        return re.search(rf"\b{re.escape(last.lower())}\b", self.story) is None and _alone(last, self.story)


def hometowns_of(sentences: list[tuple[Block, str]]) -> Hometowns:
    """The towns a source says named people are from."""
    towns: dict[tuple[str, str], Towns] = {}
    for n, (block, text) in enumerate(sentences):
        if " of " in text:  # the cheap test first: most sentences have none
            for person, written, town in _of_towns(text):
                towns.setdefault(person, []).append((block, written, town))
        lede = _TOWN_PERSON.search(text) if n < LEDE and n + 1 < len(sentences) else None
        named = _first_person(sentences[n + 1][1]) if lede is not None and _a_town(lede.group("town")) else None
        if lede is not None and named is not None:
            towns.setdefault(named, []).append((block, lede.group(), fold(lede.group("town"))))
    return Hometowns(towns, "\n".join(text for _, text in sentences) if towns else "")


@functools.lru_cache(maxsize=4096)  # the versions of a story repeat most of their sentences
def _of_towns(text: str) -> tuple[tuple[tuple[str, str], str, str], ...]:
    """Each person named "Name of Town" in a sentence: (first and family name, as written, the town folded)."""
    found = []
    for town in _OF.finditer(text):
        name = _NAME_BEFORE.search(text, max(0, town.start() - BEFORE), town.start())
        if name is not None and _a_town(town.group("town")):
            written = text[name.start("last") : town.end()]
            found.append(((name.group("first"), name.group("last")), written, fold(town.group("town"))))
    return tuple(found)


def _alone(name: str, story: str) -> bool:
    """The name written without a capitalised word or an article before it, nor "of" after."""
    for match in re.finditer(rf"\b{re.escape(name)}\b", story):
        before = story[max(0, match.start() - 20) : match.start()].rpartition("\n")[2].split()  # in its sentence
        after = story[match.end() : match.end() + 4]
        if (
            not before or not before[-1][:1].isupper() and before[-1].lower() not in ("the", "a")
        ) and not after.startswith(" of "):
            return True
    return False


def _a_town(written: str) -> bool:
    words = fold(written).split()
    return not (
        words[0] in _STATES or " ".join(words) in _STATES or names_a_people(words[-1]) or set(words) & _NOT_PEOPLE
    )


def _first_person(text: str) -> tuple[str, str] | None:
    """The first and family name (as written) of the first whole name in a sentence."""
    for match in _WHOLE_NAME.finditer(text):
        words = [fold(word) for word in match.group().split()]
        if words[0] in _NOT_PEOPLE or set(words) & (_NOT_PEOPLE | MONTHS_AND_WEEKDAYS | _STATES):
            continue
        written = match.group().split()
        return written[0], written[-1]
    return None


def check_hometowns(found: Found, towns_a: Hometowns, towns_b: Hometowns) -> None:
    """One town in each source for a person, and the towns differ."""
    keys_b = {_folded(key): key for key in towns_b.towns}
    for key_a in sorted(towns_a.towns):
        key_b = keys_b.get(_folded(key_a))
        if key_b is None:
            continue
        given_a, given_b = towns_a.towns[key_a], towns_b.towns[key_b]
        places_a, places_b = {town for *_, town in given_a}, {town for *_, town in given_b}
        if len(places_a) != 1 or len(places_b) != 1 or _one_place(places_a.pop(), places_b.pop()):
            continue
        if towns_a.person(key_a[1]) and towns_b.person(key_b[1]):  # the slower test last
            (block_a, written_a, _), (block_b, written_b, _) = given_a[0], given_b[0]
            found.add("other", (block_a, written_a), (block_b, written_b), f"where {' '.join(key_a)} is from")


def _folded(key: tuple[str, str]) -> str:
    return fold(" ".join(key))


def _one_place(town_a: str, town_b: str) -> bool:
    """The same town, or one name inside the other ("Bedford" / "New Bedford"): not told
    apart without a map."""
    return f" {town_a} " in f" {town_b} " or f" {town_b} " in f" {town_a} "
