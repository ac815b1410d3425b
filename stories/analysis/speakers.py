"""Attributions: the same statement put in two different mouths.

Two linked sentences that say the same thing, each giving it to one person ("...," said
spokesman John Smith / Mary Jones, director of the agency, urged users to ...), give it
to two people where the story's one statement has one speaker: an editor must check which
of them said it. The speaker is a person's name of two or three words set beside a verb of
saying: after it ("said agency spokesman John Smith."), before it ("John Smith said",
"John Smith, the agency's director, said"). A sentence naming two people, or naming the
other's speaker anywhere, is not read: both may have spoken, or one may report the other.
One person by post alone ("..., the governor said.") is another than one named with
another post ("John Smith, head of the rescue unit, said"), not than one named with no
post, who may hold it; "officials said" names no one person.

What the two say must be the same: the aligner is sure of the link, and once who said it
is left out the two share five content words, and two in five of the shorter's (a third
when a count in words is among them: "two helicopters" / "Two helicopters").
"""

from __future__ import annotations

import functools
import re

from .found import Found
from .model import Block
from .spellings import respelled
from .text import ascii_twin, content_terms, fold, lacks_words

_VERB = r"(?:said|says|urged|warned|added|told|wrote|explained)"
_HINT = re.compile(rf"\b{_VERB}\b")
_VERBS = frozenset(_VERB[3:-1].split("|"))  # looked up among a sentence's words before the search
# A first name or its initials ("A.J. Smith", "J. R. Ewing"), then one or two more names. Its
# capital is written once, before the rest of either: a pattern that begins with one set of
# characters is searched for at C speed, not tried at every place.
_FIRST = r"[A-Z](?:[a-z]+(?:-[A-Z][a-z]+)?|\.\s?(?:[A-Z]\.\s?)?(?<!\s))"
_PERSON = rf"{_FIRST}(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?){{1,2}}"
_SPEAKERS = (
    # "said Microsoft security communications head Christopher Budd." (not "told the
    # Timaru Herald", "urged John Smith to": whom the words went to)
    re.compile(rf"\b(?:said|says|added|wrote)\s(?P<post>(?:[\w'\u2019-]+\s){{0,6}}?)(?P<name>{_PERSON})\s?[.,;]"),
    # "Christopher Budd said", "Mike Reavey, director of the centre, urged"
    re.compile(rf"(?P<name>{_PERSON})(?:\s?,\s(?P<post>[^,\"\u201c]{{3,90}}),)?\s{_VERB}\b"),
)
# One person by post alone: "..., the governor said.", "The minister said" (not "The
# officials said": a plural post is no one person)
_UNNAMED = re.compile(r"(?:^|,\s)[Tt]he\s(?P<post>[a-z]+(?:\s[a-z]+)?)\s(?:said|says)\b")
# The patterns, and their twins for ASCII text (`text.ascii_twin`).
_ANY_TEXT = (_HINT, _SPEAKERS, _UNNAMED)
_ASCII = (ascii_twin(_HINT), tuple(map(ascii_twin, _SPEAKERS)), ascii_twin(_UNNAMED))
# Last words of a capitalised run that name a body, not a person.
_BODIES = frozenset(
    "center centre agency department ministry survey service office news press inc corp company group "
    "association university council committee commission times post police house court church party "
    "bank institute foundation network county city state herald tribune journal organization organisation "
    "authority union federation board fund exchange administration bureau society corporation alliance league "
    "coalition government embassy".split()
)
_NOT_FIRST = frozenset("the a an this that in on at for writing when after before but and".split())
SAME_WORDS = 0.4  # the share of the shorter sentence's content words (names aside) the longer has
SAME_WORDS_WITH_A_COUNT = 1 / 3  # when a count in words is among them


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def speaker(sentence: str) -> tuple[str, str]:
    """The one person a sentence gives its words to, by name and post ("" for what it does
    not give), or ("", "") (none, or more than one)."""
    hint, speakers, by_post = _ASCII if sentence.isascii() else _ANY_TEXT
    if lacks_words(sentence, _VERBS) or not hint.search(sentence):
        return "", ""
    people = {
        match.group("name"): (match.group("post") or "").strip()
        for pattern in speakers
        for match in pattern.finditer(sentence)
        if _person(match.group("name"))
    }
    unnamed = [match.group("post") for match in by_post.finditer(sentence) if not match.group("post").endswith("s")]
    if len(people) + len(unnamed) != 1:
        return "", ""
    return people.popitem() if people else ("", unnamed[0])


def _person(name: str) -> bool:
    words = name.split()
    return words[0].lower() not in _NOT_FIRST and words[-1].lower() not in _BODIES


def check_speakers(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    (block_a, text_a), (block_b, text_b) = a, b
    _check_one_or_many(found, a, b)
    name_a, post_a = speaker(text_a)
    if not (name_a or post_a):
        return  # most sentences: no one speaks, and the other's speaker says nothing alone
    name_b, post_b = speaker(text_b)
    if name_a and name_b:
        two = not (_named_in(name_a, text_b) or _named_in(name_b, text_a) or _respelled_name(name_a, name_b))
        said_a, said_b = name_a, name_b
        text_a, text_b = text_a.replace(name_a, " "), text_b.replace(name_b, " ")
    elif post_a and post_b and (name_a or name_b):  # one named with a post, the other by another post alone
        unnamed_post, named_text = (post_b, text_a) if name_a else (post_a, text_b)
        two = not _named_in(unnamed_post, named_text)
        said_a, said_b = name_a or f"the {post_a}", name_b or f"the {post_b}"
        text_a, text_b = _without(text_a, name_a, post_a), _without(text_b, name_b, post_b)
    else:
        return
    if two and _same_words(text_a, text_b):
        found.add("attribution", (block_a, said_a), (block_b, said_b), "the same words given to two people")


def _check_one_or_many(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """The same words given to one holder of a post and to several: "the lawyer said" /
    "the lawyers said"."""
    said_a, said_b = _BY_POST.search(a[1]), _BY_POST.search(b[1])
    if said_a is None or said_b is None:
        return
    post_a, post_b = said_a.group("post").lower(), said_b.group("post").lower()
    if post_a != post_b and post_a.rstrip("s") == post_b.rstrip("s") and "s" in (post_a[-1], post_b[-1]):
        if _same_words(a[1].replace(said_a.group(), " "), b[1].replace(said_b.group(), " ")):
            note = "the same words given to one and to several"
            found.add("attribution", (a[0], said_a.group()), (b[0], said_b.group()), note)


# "the lawyer said", "the lawyers said": a post with no name, and a verb of saying.
_BY_POST = re.compile(r"\b[Tt]he\s(?P<post>[a-z]{4,})\s(?:said|says)\b")


def _without(text: str, *words: str) -> str:
    for said in words:
        text = text.replace(said, " ") if said else text
    return text


def _named_in(name: str, sentence: str) -> bool:
    """Any word of the name in the sentence ("Reavey" for "Mike Reavey"); initials ("A.J.")
    name no one."""
    return any(
        re.search(rf"\b{re.escape(word)}\b", sentence) for word in name.split() if len(word) > 2 and "." not in word
    )


def _respelled_name(name_a: str, name_b: str) -> bool:
    """One person's name spelled two ways, word by word ("Aleksei Olshevski" / "Alexei
    Olshevsky"): the names check's find, not two people."""
    words_a, words_b = fold(name_a).split(), fold(name_b).split()
    return len(words_a) == len(words_b) and all(
        word_a == word_b or respelled(word_a, word_b) for word_a, word_b in zip(words_a, words_b, strict=True)
    )


def _same_words(text_a: str, text_b: str) -> bool:
    terms_a, terms_b = set(content_terms(fold(text_a))), set(content_terms(fold(text_b)))
    shared = terms_a & terms_b
    share = SAME_WORDS if not shared & _COUNTS else SAME_WORDS_WITH_A_COUNT
    return len(shared) >= 5 and len(shared) >= share * min(len(terms_a), len(terms_b))


# A count both sentences give ("two helicopters" / "Two helicopters") marks one statement.
_COUNTS = frozenset("two three four five six seven eight nine ten eleven twelve".split())
