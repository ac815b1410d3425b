"""Finders: who found something, compared wherever each source says it.

"The bodies ... were found by police and firefighters" / "The man discovered the bodies
and called 911": the police finding a thing and someone else finding it (a neighbour, a
relative, a passer-by) are two accounts of the discovery, and at most one is right. What
was found is the head word of the thing ("the bodies", "The victims' bodies"); who found
it, the words after "by" or the words that open the sentence. Only that divide is read:
two ways of naming one civilian ("the landlord's son" / "the man") or the responders
("police" / "officers") agree, and "he" or "they" name nobody.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .found import Found
from .model import Block

_FINDING = r"(?:found|discovered)"
_STOPS = (
    r"(?:yesterday|today|tonight|on|in|at|inside|outside|near|after|before|when|while|who|which|as|about|around"
    r"|early|late|last|this|shortly|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
)
# "The bodies of Robyn Mendes, 48, ... were found by police and firefighters yesterday"
_BY = re.compile(
    rf"^(?:The|A|An|His|Her|Their|Two|Three|Both)\s+(?P<thing>[^,.;]*?)(?:\s+of\b[^;]*?)?\s+"
    rf"(?:was|were|had\s+been|has\s+been|have\s+been)\s+(?P<written>{_FINDING}\s+by\s+"
    rf"(?P<agent>(?:(?!{_STOPS}\b)[\w'\u2019-]+\s?){{1,5}}?))(?=\s+{_STOPS}\b|\s*[,.;]|\s*$)"
)
# "The man discovered the bodies", "The son entered the apartment and found the bodies"
_ACTIVE = re.compile(
    r"^(?P<agent>(?:(?:The|A|An|His|Her|Their|Police|Officers)\s+)?[\w'\u2019-]+(?:\s[a-z][\w'\u2019-]+)?)\s+"
    rf"(?:[a-z]+ed\s+[^,.;]{{0,40}}?\s+and\s+)?{_FINDING}\s+"
    r"(?P<thing>(?:the|a|an|his|her|their|two|three|both)\s+(?:[\w'\u2019-]+\s+){0,2}?[\w'\u2019-]+)"
)
_RESPONDERS = frozenset(
    """police policeman policemen officer officers deputy deputies trooper troopers firefighter firefighters
    fireman firemen authorities investigator investigators detective detectives rescuer rescuers paramedics
    searchers divers soldiers troops agents guards""".split()
)
_NOBODY = frozenset("he she they it we who someone".split())
_THINGS_ENDING = re.compile(r"\W+$")


@dataclass(frozen=True)
class Finding:
    thing: str  # the head word of what was found, folded and singular
    by_responders: bool  # police, firefighters, rescuers...; else someone else
    written: str


Findings = list[tuple[Block, Finding]]


FINDING_WORDS = ("found", "discovered")  # in every finding read


def findings_of(sentences: list[tuple[Block, str]]) -> Findings:
    """Who a source says found each thing, in order."""
    findings: Findings = []
    for block, text in sentences:
        if not any(word in text for word in FINDING_WORDS):
            continue  # the cheap test: most sentences find nothing
        for pattern in (_BY, _ACTIVE):
            match = pattern.search(text)
            if match is None:
                continue
            agent = match.group("agent").lower().split()
            if not agent or agent[-1] in _NOBODY:
                continue
            written = match.group("written") if pattern is _BY else match.group()
            findings.append((block, Finding(_head(match.group("thing")), bool(_RESPONDERS & set(agent)), written)))
    return findings


def _head(thing: str) -> str:
    """The last word, singular: "victims ' bodies" -> "body"."""
    word = _THINGS_ENDING.sub("", thing.split()[-1].lower()) if thing.split() else ""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def check_findings(found: Found, findings_a: Findings, findings_b: Findings) -> None:
    """The same thing found by responders in one source and by someone else in the other,
    each source telling only one of the two."""
    for block_a, finding_a in findings_a:
        if _both_kinds(finding_a.thing, findings_a):
            continue
        for block_b, finding_b in findings_b:
            if (
                finding_b.thing == finding_a.thing
                and finding_b.by_responders != finding_a.by_responders
                and not _both_kinds(finding_b.thing, findings_b)
            ):
                note = f"who found the {finding_a.thing}"
                found.add("other", (block_a, finding_a.written), (block_b, finding_b.written), note)
                return


def _both_kinds(thing: str, findings: Findings) -> bool:
    return len({finding.by_responders for _, finding in findings if finding.thing == thing}) > 1
