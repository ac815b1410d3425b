"""What the engine reports of two texts, as the rule tests compare it: (kind, a, b)."""

from stories.analysis import SourceText, compare_sources

KINDS = ("number", "name", "date", "quote", "attribution", "claim")


def conflicts(a: str, b: str, kinds: tuple[str, ...] = KINDS) -> list[tuple[str, str, str]]:
    """The conflicts reported between source a and source b, of these kinds, in order."""
    found = compare_sources([SourceText("a", a), SourceText("b", b)]).conflicts
    return [(c.kind, c.a.text, c.b.text) for c in found if c.kind in kinds]
