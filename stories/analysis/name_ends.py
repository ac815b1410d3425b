"""A name word without its possessive or the marks a scraper leaves after it.

Every capitalised word of a story passes here ("Smith's" -> "Smith", "U.S." -> "U.S",
"Jones'" -> "Jones"), so the ending is told by the word's last characters rather than by a
search; the two patterns say what is taken off, and a test holds `without_end` to them.
"""

from __future__ import annotations

import re

POSSESSIVE_MARKS = "\u2019'-"  # `POSSESSIVE`: a possessive, or a run of these at the end
NAME_END_MARKS = ".\u2019'-"  # `NAME_END`: the same, a full stop too
POSSESSIVE = re.compile(r"[\u2019']s$|[\u2019'-]+$")
NAME_END = re.compile(r"[\u2019']s$|[.\u2019'-]+$")
NAME_END_CHARS = frozenset("s.\u2019'-")  # the last character of every NAME_END match


def without_end(word: str, marks: str) -> str:
    """`word` without a possessive ("'s", "\u2019s") or the run of `marks` it ends with."""
    if word[-1:] == "s":
        return word[:-2] if word[-2:-1] in ("'", "\u2019") else word
    return word.rstrip(marks) if word[-1:] in marks else word


def named_in_compound(text: str, token: str) -> str:
    """The name in a compound word `token` ("Chicago-based" -> "Chicago"), with the article
    that opens an Arabic name in lower case where `text` writes one before it
    ("al-Qa'eda-linked" -> "al-Qa'eda")."""
    compound = _COMPOUND_END.search(token)
    name = token[: compound.start()] if compound else token
    at = text.find(token)
    article = _ARTICLE.search(text, max(0, at - 4), at) if at > 0 else None
    return article.group() + name if article else name


_COMPOUND_END = re.compile(
    r"-(?:linked|based|led|backed|born|owned|run|style|made|controlled|affiliated|inspired|allied)$"
)
_ARTICLE = re.compile(r"\b(?:al|el|ad|an|ar|as|ash|at|az)-$")
