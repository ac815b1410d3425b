"""Records: a team's or a fighter's wins and losses, compared wherever each source gives them.

Sports copy sets a record beside the name it belongs to: in brackets ("Indianapolis
(10-5)", "Bowe (45-1, 33 KOs)"), set off with the knockouts in boxing ("Bowe, 43-1, 33
KO's,"), or as the name's record ("Indianapolis' record rose to 9-5"). Such a record is
one fact of the story, whatever sentence states it; where each source gives a name one
record and the two differ, they disagree. A score ("a 20-13 lead", "beat the Chiefs
20-13") is set beside no name this way, and is not read. A name given two records (before
and after the game) says nothing.
"""

from __future__ import annotations

import re

from .dates import MONTHS_AND_WEEKDAYS
from .found import Found
from .model import Block
from .text import fold

Records = dict[str, list[tuple[Block, str, tuple[int, ...]]]]  # name -> (where, as written, wins-losses[-draws])

_NAME = r"(?P<name>[A-Z][\w'-]+)"
_RECORD = r"(?P<record>\d{1,3}\s?-\s?\d{1,3}(?:\s?-\s?\d{1,3})?)"
_PATTERNS = (
    re.compile(rf"{_NAME}\s\(\s?{_RECORD}\s?[,)]"),  # "Indianapolis (10 - 5)", "Bowe (45-1, 33 KOs)"
    re.compile(rf"{_NAME},\s{_RECORD},\s\d{{1,3}}\s?KO"),  # "Bowe, 43-1, 33 KO's"
    # "Indianapolis ’ record rose to 9 - 5", "the Colts' record is 10-5"
    re.compile(rf"{_NAME}\s?(?:['\u2019]\s?s?\s)?\s?record\s(?:\w+\s){{0,2}}(?:to|of|at|is|was)\s{_RECORD}(?!\s?-?\s?\d)"),
)
_NOT_NAMES = frozenset("The A An In On At By Of For From And But".split()) | {
    time.title() for time in MONTHS_AND_WEEKDAYS
}


def records_of(sentences: list[tuple[Block, str]]) -> Records:
    """A source's records, by the folded name they belong to."""
    records: Records = {}
    for block, text in sentences:
        if "-" not in text or not ("(" in text or "KO" in text or "record" in text):
            continue  # what every record's way of being written needs: most sentences have none
        for pattern in _PATTERNS:
            for match in pattern.finditer(text):
                name = match.group("name")
                if name in _NOT_NAMES:
                    continue
                written = match.group("record")
                value = tuple(int(part) for part in re.split(r"\s?-\s?", written))
                records.setdefault(fold(name), []).append((block, written, value))
    return records


def check_records(found: Found, records_a: Records, records_b: Records) -> None:
    """One record of a name in each source, and the two differ."""
    for name, given_a in records_a.items():
        given_b = records_b.get(name, [])
        values_a, values_b = {value for *_, value in given_a}, {value for *_, value in given_b}
        if len(values_a) == 1 and len(values_b) == 1 and values_a != values_b:
            (block_a, written_a, _), (block_b, written_b, _) = given_a[0], given_b[0]
            found.add("number", (block_a, written_a), (block_b, written_b), f"different records of {name.title()}")
