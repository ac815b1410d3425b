"""Weapons: the kind of gun a shooting story's gunman used, compared wherever each source
names it.

"The shooter ... brought a rifle into the building" / "A fired accountant bought a shotgun
the day after he lost his job": at most one is the gun. The kinds are rifles, shotguns and
handguns (a pistol or a revolver is a handgun). A source that names guns of two kinds (the
gunman's and the officers'), or that is unsure ("a shotgun or a rifle"), says nothing; a
gun named only to name something else ("a handgun permit") is no gun of the story.
"""

from __future__ import annotations

import re

from .found import Found
from .model import Block

_KINDS = {
    "rifle": "rifle",
    "rifles": "rifle",
    "shotgun": "shotgun",
    "shotguns": "shotgun",
    "handgun": "handgun",
    "handguns": "handgun",
    "pistol": "handgun",
    "pistols": "handgun",
    "revolver": "handgun",
    "revolvers": "handgun",
}
_GUN = re.compile(
    r"\b(?P<gun>rifles?|shotguns?|handguns?|pistols?|revolvers?)\b"
    r"(?!\s+(?:permits?|licen[cs]es?|owners?|control|laws?|shows?|shops?|stores?|ranges?|rounds?|shells?|ammunition)\b)",
    re.I,
)
_UNSURE = re.compile(
    r"\b(?:rifle|shotgun|handgun|pistol|revolver)\s+or\s+(?:an?\s+)?(?:rifle|shotgun|handgun|pistol)", re.I
)

Weapons = list[tuple[Block, str, str]]  # where, the gun as written, its kind
# In every gun's name (without the first letter, in either case): the cheap test, as most
# sentences name no gun.
GUN_WORDS = ("gun", "ifle", "istol", "evolver")


def weapons_of(sentences: list[tuple[Block, str]]) -> Weapons | None:
    """The guns a source names, in order; None when it is unsure which gun it was."""
    weapons: Weapons = []
    for block, text in sentences:
        if not any(word in text for word in GUN_WORDS):
            continue
        if _UNSURE.search(text):
            return None
        for match in _GUN.finditer(text):
            weapons.append((block, match.group(), _KINDS[match.group("gun").lower()]))
    return weapons


def check_weapons(found: Found, weapons_a: Weapons | None, weapons_b: Weapons | None) -> None:
    """Guns of one kind in each source, and the kinds differ."""
    if not weapons_a or not weapons_b:
        return
    kinds_a, kinds_b = {kind for *_, kind in weapons_a}, {kind for *_, kind in weapons_b}
    if len(kinds_a) == 1 and len(kinds_b) == 1 and kinds_a != kinds_b:
        (block_a, gun_a, _), (block_b, gun_b, _) = weapons_a[0], weapons_b[0]
        found.add("other", (block_a, gun_a), (block_b, gun_b), "different kinds of gun")
