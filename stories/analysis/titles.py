"""A post held in an organisation, given another rank by each source: "the associate
director of the FBI" / "deputy associate director of the FBI", "assistant secretary of
State" / "secretary of State". A rank word (deputy, assistant, associate, acting, vice)
makes another post: at most one of two linked sentences can be right about it. "Former" or
"senior" says when or how, not which post, and is left alone.
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block
from .text import fold

_RANKS = frozenset("deputy assistant associate acting vice".split())
_POST = (
    r"(?P<post>(?i:(?:(?:deputy|assistant|associate|acting|vice)[\s-]+)*"
    r"(?:director|president|secretary|chairman|chairwoman|chair|commissioner|minister|manager|editor|governor"
    r"|administrator|superintendent|treasurer|counsel|chief|head|principal|coach|attorney general)))\b"
)
_TITLE = re.compile(rf"\b{_POST}\s+of\s+(?:the\s+)?(?P<org>[A-Z][\w.&'-]*(?:\s+(?:of\s+)?[A-Z][\w.&'-]*)*)")
_ANY_POST = re.compile(rf"\b{_POST}")


def posts_of(sentence: str) -> dict[tuple[str, str], tuple[frozenset[str], str, str]]:
    """The posts a sentence names, by office and organisation (folded): their ranks and the
    post and organisation as written. An office the sentence names with two ranks (two people) is left out."""
    if " of " not in sentence:
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
