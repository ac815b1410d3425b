"""Records: a team's or a fighter's wins and losses, compared wherever each source gives them.

Sports copy sets a record beside the name it belongs to: in brackets ("Indianapolis
(10-5)", "Bowe (45-1, 33 KOs)"), set off with the knockouts in boxing ("Bowe, 43-1, 33
KO's,"), as the name's record ("Indianapolis' record rose to 9-5"), or as where a result
took it ("Creighton improved to 25-7", "the win improved the champion to 52-3" in a
sentence naming no one else). Such a record is one fact of the story, whatever sentence
states it; where each source gives a name one record and the two differ, they disagree,
and so do a fighter's knockouts given with it ("33 KOs", "46 knockouts", "with a remarkable
46 wins by knockout"). A score ("a 20-13 lead", "beat the Chiefs 20-13") is set beside no
name this way, and is not read. A name given two records (before
and after the game) says nothing, nor does a record of part of the games ("2-6 at home",
"41-20 all-time in tournament play").
"""

from __future__ import annotations

import re

from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .model import Block
from .name_ends import POSSESSIVE_MARKS, without_end
from .proper_names import name_runs
from .spellings import respelled
from .text import fold

Records = dict[str, list[tuple[Block, str, tuple[int, ...]]]]  # name -> (where, as written, wins-losses[-draws])

_NAME = r"(?P<name>[A-Z][\w'-]+)"
_RECORD = r"(?P<record>\d{1,3}\s?-\s?\d{1,3}(?:\s?-\s?\d{1,3})?)(?!\s?-?\s?\d)"
# "33 KOs", "47 KO's", "46 knockouts", "46 wins by knockout"
_KOS = r"(?P<kos>\d{1,3}\s?KO(?:['\u2019]?s)?\b|\d{1,3}\s(?:knockouts|wins\sby\sknockout)\b)"
_KNOCKOUTS = rf"(?:(?:\s?\(|,\s|\swith\s(?:an?\s)?(?:[a-z]+\s)?){_KOS})?"  # "with a remarkable 46 wins by knockout"
_TO = r"(?:improved|fell|dropped|slipped|moved|climbed|rose|evened)\s"
_PATTERNS = (
    re.compile(rf"{_NAME}\s\(\s?{_RECORD}\s?[,)](?:\s{_KOS})?"),  # "Bowe (45-1, 33 KOs)"
    re.compile(rf"{_NAME},\s{_RECORD},\s{_KOS}"),  # "Bowe, 43-1, 33 KO's"
    # "Indianapolis ’ record rose to 9 - 5", "the Colts' record is 10-5"
    re.compile(
        rf"{_NAME}\s?(?:['\u2019]\s?s?\s)?\s?record\s(?:\w+\s){{0,2}}(?:to|of|at|is|was)\s{_RECORD}{_KNOCKOUTS}"
    ),
    # "Creighton improved to 25-7", "Klitschko improved his record to 52-3"
    re.compile(rf"{_NAME}\s{_TO}(?:(?:his|her|their|its)\srecord\s)?(?:to|at)\s{_RECORD}{_KNOCKOUTS}"),
)
# "improved the Ukrainian-born fighter to 52-3": the record of the one name its sentence gives.
_WHOSE = re.compile(rf"\b{_TO}(?:the\s|his\s|her\s|their\s|its\s)?(?:[\w-]+\s){{0,3}}?to\s{_RECORD}{_KNOCKOUTS}")
# A record of part of the games: at home, away, all-time, in one competition's games.
_PART = re.compile(r"\s(?:at home|on the road|away|all\s?-\s?time|in\s[\w\s-]{0,30}?(?:play|games?)|against)\b")
_WINS_LOSSES = re.compile(r"\d\s?-\s?\d")  # in every record
_NOT_NAMES = frozenset("The A An In On At By Of For From And But".split()) | {
    time.title() for time in MONTHS_AND_WEEKDAYS
}


def records_of(sentences: list[tuple[Block, str]]) -> Records:
    """A source's records, by the folded name they belong to, and its fighters' knockouts
    (by the name and " knockouts")."""
    records: Records = {}
    for block, text in sentences:
        if "-" not in text or not ("(" in text or "KO" in text or "record" in text or " to " in text):
            continue  # what every record's way of being written needs: most sentences have none
        if not _WINS_LOSSES.search(text):
            continue
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                if match.group("name") not in _NOT_NAMES:
                    # "Klitschko's record": the name's word takes in the possessive
                    _add(records, block, fold(without_end(match.group("name"), POSSESSIVE_MARKS)), match)
        for match in _WHOSE.finditer(text):
            owner = _only_name(text)
            if owner:
                _add(records, block, owner, match)
    return records


def _add(records: Records, block: Block, name: str, match: re.Match[str]) -> None:
    if _PART.match(match.string, match.end()):
        return
    written = match.group("record")
    value = tuple(int(part) for part in re.split(r"\s?-\s?", written))
    given = records.setdefault(name, [])
    if all(place is not block or seen != written for place, seen, _ in given):
        given.append((block, written, value))
    knockouts = match.group("kos")
    if knockouts:
        count = (int(knockouts.split()[0].split("K")[0]),)  # "47 KO's", "33KOs", "46 wins by knockout"
        records.setdefault(f"{name} knockouts", []).append((block, knockouts, count))


def _only_name(text: str) -> str:
    """The folded last word of the one name a sentence gives, if it gives one: abbreviations
    ("IBF", "KOs") and adjectives ("Ukrainian-born") are no names."""
    names = {
        fold(run[-1])
        for run in name_runs(text)
        if not any(char.isupper() for char in run[-1][1:]) and "-" not in run[-1]
    }
    return names.pop() if len(names) == 1 else ""


def check_records(found: Found, records_a: Records, records_b: Records) -> None:
    """One record of a name in each source, and the two differ. The name may be spelled
    otherwise in the other source ("Klitschko" / "Klitchsko")."""
    for name, given_a in records_a.items():
        given_b = records_b.get(name) or _respelled_in(name, records_a, records_b)
        values_a, values_b = {value for *_, value in given_a}, {value for *_, value in given_b}
        if len(values_a) == 1 and len(values_b) == 1 and values_a != values_b:
            (block_a, written_a, _), (block_b, written_b, _) = given_a[0], given_b[0]
            whose = name.removesuffix(" knockouts").title()
            what = "knockouts" if name.endswith(" knockouts") else "records"
            found.add("number", (block_a, written_a), (block_b, written_b), f"different {what} of {whose}")


def _respelled_in(name: str, records_a: Records, records_b: Records) -> list[tuple[Block, str, tuple[int, ...]]]:
    """The records of the one name of `records_b` that is `name` spelled otherwise."""
    whose, _, what = name.partition(" ")
    others = [
        other
        for other in records_b
        if other not in records_a and other.partition(" ")[2] == what and respelled(whose, other.partition(" ")[0])
    ]
    return records_b[others[0]] if len(others) == 1 else []
