"""A post held in an organisation, given another rank by each source: "the associate
director of the FBI" / "deputy associate director of the FBI", "assistant secretary of
State" / "secretary of State". A rank word (deputy, assistant, associate, acting, vice)
makes another post: at most one of two linked sentences can be right about it. "Former" or
"senior" says when or how, not which post, and is left alone.

And one post held by two people: "Chargers general manager AJ Butler" / "Chargers General
Manager A.J. Smith", the first names the same and the family names two others, wherever
each source names the holder; and one person's post in an organisation named two ways, one
word of its name another ("Microsoft Security Response Alliance director Mike Reavey" /
"Mike Reavey, director of the Microsoft Security Response Center").
"""

from __future__ import annotations

import functools
import itertools
import re

from .found import Found
from .model import Block
from .proper_names import NOT_NAMES
from .spellings import respelled, swapped
from .text import fold, lacks_words

_RANKS = frozenset("deputy assistant associate acting vice".split())
_POST = (
    r"(?P<post>(?i:(?:(?:deputy|assistant|associate|acting|vice)[\s-]+)*"
    r"(?:director|president|secretary|chairman|chairwoman|chair|commissioner|minister|manager|editor|governor"
    r"|administrator|superintendent|treasurer|counsel|chief|head|principal|coach|attorney general)))\b"
)
# The first word of each office, a word of its own wherever `_POST` reads it.
_OFFICES = frozenset(
    "director president secretary chairman chairwoman chair commissioner minister manager editor governor"
    " administrator superintendent treasurer counsel chief head principal coach attorney".split()
)
_TITLE = re.compile(rf"\b{_POST}\s+of\s+(?:the\s+)?(?P<org>[A-Z][\w.&'-]*(?:\s+(?:of\s+)?[A-Z][\w.&'-]*)*)")
_ANY_POST = re.compile(rf"\b{_POST}")
# Every office's word but its first letter (in either case), looked for before the slower
# patterns that read a post and its holder: most sentences hold none.
_OFFICE_WORDS = tuple(
    """irector resident ecretary hair ommissioner inister anager ditor overnor dministrator
    uperintendent reasurer ounsel hief ead rincipal oach ttorney pokes xecutive""".split()
)
# In every sentence that may name who holds a post (`holders_of`, `served_of`).
HOLDER_WORDS = ("irector", "resident", "hairm", "hairw", "pokes", "anager", "oach", "xecutive", "hief")


def _names_an_office(text: str, words: tuple[str, ...] = _OFFICE_WORDS) -> bool:
    """Whether the text holds one of the words. A substring search a word is a third
    faster than one pattern of them all: the words open with some of the commonest
    letters, at each of which the pattern tries every word."""
    return any(word in text for word in words)


@functools.lru_cache(maxsize=4096)
def posts_of(sentence: str) -> dict[tuple[str, str], tuple[frozenset[str], str, str]]:
    """The posts a sentence names, by office and organisation (folded): their ranks and the
    post and organisation as written. An office the sentence names with two ranks (two people) is left out.
    Kept for the sentences met last: with several sources each sentence is checked against
    its links in every other source. The dict returned is shared: read it, never change it."""
    if " of " not in sentence or not _names_an_office(sentence) or lacks_words(sentence, _OFFICES):
        return {}
    ranks_of: dict[str, set[frozenset[str]]] = {}  # office -> its ranks anywhere in the sentence
    for match in _ANY_POST.finditer(sentence):
        office, ranks = _office(match.group("post"))
        ranks_of.setdefault(office, set()).add(ranks)
    posts: dict[tuple[str, str], tuple[frozenset[str], str, str]] = {}
    for match in _TITLE.finditer(sentence):
        office, ranks = _office(match.group("post"))
        if len(ranks_of[office]) == 1:  # "the director of the agency, and its deputy director": two posts
            posts.setdefault((office, fold(match.group("org"))), (ranks, match.group("post"), match.group("org")))
    return posts


def _office(post: str) -> tuple[str, frozenset[str]]:
    """A post's office and its ranks: "deputy associate director" -> "director", {deputy, associate}."""
    words = fold(post).replace("-", " ").split()
    return " ".join(word for word in words if word not in _RANKS), frozenset(word for word in words if word in _RANKS)


def check_posts(found: Found, a: tuple[Block, str], b: tuple[Block, str]) -> None:
    """The same office of the same organisation, with other ranks, in two linked sentences."""
    (block_a, text_a), (block_b, text_b) = a, b
    posts_a = posts_of(text_a)
    if not posts_a:
        return
    posts_b = posts_of(text_b)
    for key in sorted(set(posts_a) & set(posts_b)):
        (ranks_a, post_a, org), (ranks_b, post_b, _) = posts_a[key], posts_b[key]
        if ranks_a != ranks_b:
            found.add("claim", (block_a, post_a), (block_b, post_b), f"another rank of the {key[0]} of the {org}")


# "Chargers general manager AJ Butler", "Troy Police Chief Charles Craft": an organisation,
# a post, and the whole name of who holds it.
_HOLDER_POST = (
    r"(?P<post>(?i:general\s+manager|head\s+coach|chief\s+executive|police\s+chief"
    r"|fire\s+chief|spokesman|spokeswoman|spokesperson|chairman|chairwoman))\s+"
    r"(?P<first>[A-Z][\w.]*)\s(?P<last>[A-Z][\w'\u2019-]+)"
)
_HOLDER = re.compile(r"\b(?P<org>[A-Z][\w'-]+)\s+" + _HOLDER_POST)
_HOLDER_FIRST_WORDS = frozenset(  # of each post of `_HOLDER_POST`, a word of its own
    "general head chief police fire spokesman spokeswoman spokesperson chairman chairwoman".split()
)
# "General Manager A.J. Smith said": a post that opens its sentence, its organisation the
# story's own (compared with the one holder of the post the other source names).
_HOLDER_OPENING = re.compile(r"^(?P<org>)" + _HOLDER_POST)
_NOT_ORGS = frozenset("the a an its his her their assistant deputy acting associate vice former".split())
Holders = dict[tuple[str, str], list[tuple[Block, str, str, str]]]  # (org, post) -> (where, first, last, as written)


def holders_of(sentences: list[tuple[Block, str]]) -> Holders:
    """Who a source says holds each post of an organisation, by organisation and post (of
    its sentences holding one of HOLDER_WORDS)."""
    holders: Holders = {}
    for block, text in sentences:
        if lacks_words(text, _HOLDER_FIRST_WORDS):
            continue  # no post's first word: no holder named
        for match in itertools.chain(_HOLDER.finditer(text), _HOLDER_OPENING.finditer(text)):
            org = fold(match.group("org"))
            if org in _NOT_ORGS:
                continue
            first, last = fold(match.group("first")).replace(".", ""), fold(match.group("last"))
            if first in NOT_NAMES:
                continue  # "Committee chairman Rep. Nick Rahall": a title, not a first name
            written = f"{match.group('first')} {match.group('last')}"
            post = " ".join(fold(match.group("post")).split())
            holders.setdefault((org, post), []).append((block, first, last, written))
    return holders


def check_holders(found: Found, holders_a: Holders, holders_b: Holders) -> None:
    """One post of one organisation held by one person in each source, the first names the
    same ("AJ" / "A.J.") and the family names two others: "Chargers general manager AJ
    Butler" / "Chargers General Manager A.J. Smith". (A family name spelled a letter
    apart is the name checks' find.)"""
    for key, given_a in holders_a.items():
        given_b = holders_b.get(key, []) or _of_any_org(holders_b, key)
        people_a = {(first, last) for _, first, last, _ in given_a}
        people_b = {(first, last) for _, first, last, _ in given_b}
        if len(people_a) != 1 or len(people_b) != 1 or people_a == people_b:
            continue
        (block_a, first_a, last_a, written_a), (block_b, first_b, last_b, written_b) = given_a[0], given_b[0]
        if first_a == first_b and not respelled(last_a, last_b) and not swapped(last_a, last_b):
            note = f"another name for the {key[0].title()} {key[1]}"
            found.add("name", (block_a, written_a), (block_b, written_b), note)


def _of_any_org(holders: Holders, key: tuple[str, str]) -> list[tuple[Block, str, str, str]]:
    """The holders of a post in any organisation, for a post named without one (and for a
    post of an organisation, the holders named without one): one story's organisation."""
    org, post = key
    return [
        given
        for (other, other_post), held in holders.items()
        if other_post == post and not (org and other)
        for given in held
    ]


# "Microsoft Security Response Center director Mike Reavey" and "Mike Reavey, director of
# the Microsoft Security Response Center": a person, a post and the organisation's whole name.
_OFFICE = r"(?P<post>(?i:director|president|chairman|chairwoman|spokesman|spokeswoman|general\s+manager|head\s+coach))"
_PERSON = r"(?P<first>[A-Z][\w.]*)\s(?P<last>[A-Z][\w'\u2019-]+)"
_ORG_NAME = r"(?P<org>[A-Z][\w'&-]*(?:\s[A-Z][\w'&-]*){1,5})"
_SERVED_FIRST_WORDS = frozenset(  # of each office of `_OFFICE`, a word of its own
    "director president chairman chairwoman spokesman spokeswoman general head".split()
)
_SERVED = (
    re.compile(rf"\b{_ORG_NAME}\s{_OFFICE}\s{_PERSON}"),
    re.compile(rf"\b{_PERSON},\s(?:the\s)?{_OFFICE}\sof\s(?:the\s)?{_ORG_NAME}"),
)
Served = dict[tuple[str, str, str], list[tuple[Block, str]]]  # (first, last, post) -> (where, organisation)


def served_of(sentences: list[tuple[Block, str]]) -> Served:
    """The organisations of two words or more a source says each named person serves, by
    the person and the post (of its sentences holding one of HOLDER_WORDS)."""
    served: Served = {}
    for block, text in sentences:
        if lacks_words(text, _SERVED_FIRST_WORDS):
            continue  # no office's first word: no one serves
        for pattern in _SERVED:
            for match in pattern.finditer(text):
                org = match.group("org").removeprefix("The ")
                if " " in org and fold(match.group("first")).replace(".", "") not in NOT_NAMES:
                    post = " ".join(fold(match.group("post")).split())
                    key = (fold(match.group("first")).replace(".", ""), fold(match.group("last")), post)
                    served.setdefault(key, []).append((block, org))
    return served


def check_served(found: Found, served_a: Served, served_b: Served) -> None:
    """One person in one post of an organisation named two ways, a word of its name
    another: "Microsoft Security Response Alliance director Mike Reavey" / "Mike Reavey,
    director of the Microsoft Security Response Center"."""
    for key, given_a in served_a.items():
        orgs_a, orgs_b = {org for _, org in given_a}, {org for _, org in served_b.get(key, [])}
        if len(orgs_a) != 1 or len(orgs_b) != 1 or orgs_a == orgs_b:
            continue
        (block_a, org_a), (block_b, org_b) = given_a[0], served_b[key][0]
        words_a, words_b = fold(org_a).split(), fold(org_b).split()
        if len(words_a) == len(words_b) and sum(x != y for x, y in zip(words_a, words_b, strict=True)) == 1:
            found.add("name", (block_a, org_a), (block_b, org_b), f"another name for what {key[1].title()} serves")
