"""Streets: one street's name given another kind of way by each source ("on Stadiou
Street" / "on central Stadiou Avenue").

A street's kind is part of its name: an address on "Lincoln Street" is not on "Lincoln
Avenue", and a reader sent to one does not find the other. Where one source writes a
name word only before one kind of way and the other source only before another, the two
name one street two ways, and at most one is right. A source that writes both ("Main
Street at Main Avenue") tells of two streets, and the pair is left alone; so is a kind
written short ("St.", "Ave."), which is no name word (`proper_names.NOT_NAMES`).
"""

from __future__ import annotations

from .found import Found
from .proper_names import SourceNames

# Kinds of way that name a street, not a square or a court (which are often another place
# of the same name: "Tahrir Square" / "Tahrir Street").
KINDS_OF_STREET = ("street", "avenue", "road", "boulevard", "lane", "drive")


# The same holds of a place of care or study named for someone: "the Betty Ford Clinic" /
# "the Betty Ford Center" name one place two ways. ("Centre" / "Center" is house style.)
KINDS_OF_INSTITUTION = ("clinic", "center", "hospital", "institute")


def check_kinds_of_way(found: Found, a: SourceNames, b: SourceNames) -> None:
    """A name word before one kind of way (or of institution) in one source only, before
    another in the other only."""
    for kinds, what in ((KINDS_OF_STREET, "street"), (KINDS_OF_INSTITUTION, "institution")):
        for kind_a in kinds:
            for name, (written_a, block_a) in sorted(a.before.get(kind_a, {}).items()):
                kinds_b = [kind for kind in kinds if name in b.before.get(kind, {})]
                kinds_a = [kind for kind in kinds if name in a.before.get(kind, {})]
                if len(kinds_a) != 1 or len(kinds_b) != 1 or kinds_b == kinds_a:
                    continue
                written_b, block_b = b.before[kinds_b[0]][name]
                note = f"another kind of {what}: {written_a} / {written_b}"
                found.add("name", (block_a, written_a), (block_b, written_b), note)
