"""The lines a wire article carries besides its headline and paragraphs: the dek (a summary
under the headline), the byline, the dateline (place and date, as "PORT ALDER, Nov. 29")
and the credit line naming the agencies whose copy went in. Pure: no database.

They travel with the draft and every version as one small dict (`credits`), which the
three-way merge merges line by line like the headline.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

# The lines, in the order the page shows them, with how an editor calls each.
CREDIT_LINES = {"dek": "Dek", "byline": "Byline", "dateline": "Dateline", "credit": "Credit line"}
MAX_CREDIT_CHARS = 300
UNATTRIBUTED = "Unattributed"

# "PORT ALDER (Northwire) - ..." or "ODELSTAD, Norland, Nov. 29 (Reuters) - ...": the place
# in capitals, and what follows it up to the agency or the dash.
_DATELINE = re.compile(r"^\s*([A-Z][A-Z .'’-]{1,40}?)(,[^()\n–—-]{1,40}?)?\s*(?:\([^)\n]{1,40}\)\s*)?[-–—]{1,2}\s")


def clean_credits(credits: Mapping[str, object] | None) -> dict[str, str]:
    """Every line, as one line of text (blanks made single spaces), none longer than the limit."""
    credits = credits or {}
    return {name: " ".join(str(credits.get(name) or "").split())[:MAX_CREDIT_CHARS] for name in CREDIT_LINES}


def proposed_credits(opening: Iterable[str], providers: Iterable[str]) -> dict[str, str]:
    """What a first draft proposes: the dateline the first of its `opening` paragraphs that
    has one opens with, and a credit line naming the agencies of its passages (Unattributed
    left out)."""
    dateline = next((_dateline_of(text) for text in opening if _dateline_of(text)), "")
    agencies = [name for name in dict.fromkeys(providers) if name and name != UNATTRIBUTED]
    return clean_credits({"dateline": dateline, "credit": ", ".join(agencies)})


def _dateline_of(paragraph: str) -> str:
    found = _DATELINE.match(paragraph)
    return "".join(part for part in found.groups() if part).strip() if found else ""
