"""Attributions: the same statement put in two different named mouths.

Two linked sentences that say the same thing, each giving it to one named person ("...,"
said spokesman John Smith / Mary Jones, director of the agency, urged users to ...),
give it to two people where the story's one statement has one speaker: an editor must
check which of them said it. The speaker is a person's name of two or three words set
beside a verb of saying: after it ("said agency spokesman John Smith."), before it ("John
Smith said", "John Smith, the agency's director, said"). A sentence naming two people, or
naming the other's speaker anywhere, is not read: both may have spoken, or one may report
the other. What the two say must be the same: most of the content words of the shorter,
other than the names, are in the longer too (a link the aligner is sure of, and five
content words or two in five of the shorter's in common).
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block
from .text import content_terms, fold

_VERB = r"(?:said|says|urged|warned|added|told|wrote|explained)"
_HINT = re.compile(rf"\b{_VERB}\b")
_PERSON = r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?){1,2}"
_SPEAKERS = (
    # "said Microsoft security communications head Christopher Budd." (not "told the
    # Timaru Herald", "urged John Smith to": whom the words went to)
    re.compile(rf"\b(?:said|says|added|wrote)\s(?:[\w'\u2019-]+\s){{0,6}}?(?P<name>{_PERSON})\s?[.,;]"),
    # "Christopher Budd said", "Mike Reavey, director of the centre, urged"
    re.compile(rf"(?P<name>{_PERSON})(?:\s?,\s[^,\"\u201c]{{3,90}},)?\s{_VERB}\b"),
)
# Last words of a capitalised run that name a body, not a person.
_BODIES = frozenset(
    "center centre agency department ministry survey service office news press inc corp company group "
    "association university council committee commission times post police house court church party "
    "bank institute foundation network county city state herald tribune journal".split()
)
_NOT_FIRST = frozenset("the a an this that in on at for writing when after before but and".split())
SAME_WORDS = 0.4  # the share of the shorter sentence's content words (names aside) the longer has


def speaker(sentence: str) -> str:
    """The one person a sentence gives its words to, or "" (none, or more than one)."""
    if not _HINT.search(sentence):
        return ""
    names = {match.group("name") for pattern in _SPEAKERS for match in pattern.finditer(sentence)}
    people = {name for name in names if _person(name)}
    return people.pop() if len(people) == 1 else ""


def _person(name: str) -> bool:
    words = name.split()
    return words[0].lower() not in _NOT_FIRST and words[-1].lower() not in _BODIES


def check_speakers(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    (block_a, text_a), (block_b, text_b) = a, b
    speaker_a, speaker_b = speaker(text_a), speaker(text_b)
    if not speaker_a or not speaker_b or _named_in(speaker_a, text_b) or _named_in(speaker_b, text_a):
        return
    if _same_words(text_a.replace(speaker_a, " "), text_b.replace(speaker_b, " ")):
        found.add("attribution", (block_a, speaker_a), (block_b, speaker_b), "the same words given to two people")


def _named_in(name: str, sentence: str) -> bool:
    """Any word of the name in the sentence ("Reavey" for "Mike Reavey")."""
    return any(re.search(rf"\b{re.escape(word)}\b", sentence) for word in name.split() if len(word) > 2)


def _same_words(text_a: str, text_b: str) -> bool:
    terms_a, terms_b = set(content_terms(fold(text_a))), set(content_terms(fold(text_b)))
    shared = len(terms_a & terms_b)
    return shared >= 5 and shared >= SAME_WORDS * min(len(terms_a), len(terms_b))
