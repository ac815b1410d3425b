"""Children of two sexes: "the father of two boys, ages 6 and 16" / "two of the woman's
children - girls age 6 and 8 - looked on". Linked sentences that speak, one of boys or sons
only, the other of girls or daughters only, count different children: their ages and
numbers are not set against each other.
"""

from __future__ import annotations

import re

_BOYS = re.compile(r"\b(?:boys?|sons?)\b", re.I)
_GIRLS = re.compile(r"\b(?:girls?|daughters?)\b", re.I)


def of_other_children(text_a: str, text_b: str) -> bool:
    """One sentence speaks of boys only, the other of girls only."""
    return _sex(text_a) * _sex(text_b) < 0


def _sex(text: str) -> int:
    """1 for boys only, -1 for girls only, 0 for both, neither or no child named."""
    if "boy" not in text and "son" not in text and "girl" not in text and "daughter" not in text:
        return 0  # the cheap test: most sentences name no child
    return bool(_BOYS.search(text)) - bool(_GIRLS.search(text))
