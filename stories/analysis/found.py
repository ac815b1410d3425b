"""What collects the conflicts of one pair of sources while the checks run."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Hashable

from .model import Block, Conflict, FactRef
from .text import normalise


class Found:
    """Conflicts of one pair of sources, each reported once per pair of blocks."""

    def __init__(self) -> None:
        self.items: list[Conflict] = []
        self._seen: set[tuple[str, str, str, str, str]] = set()
        self.respelled: set[tuple[str, str]] = set()  # folded name tokens already reported

    def add(self, kind: str, a: tuple[Block, str], b: tuple[Block, str], note: str) -> None:
        key = (kind, a[0].id, b[0].id, normalise(a[1]).casefold(), normalise(b[1]).casefold())
        if key not in self._seen:
            self._seen.add(key)
            self.items.append(Conflict(kind, FactRef(a[0].id, a[1]), FactRef(b[0].id, b[1]), note))

    def reported(
        self, kind: str, values_in: Callable[[str], set[Hashable]], value_a: Hashable, value_b: Hashable
    ) -> bool:
        """A conflict of `kind` between these two values is reported already, in whatever
        passages and words (`values_in` reads the values a reported text states): a check
        over whole sources finds again what the sentence-by-sentence checks found, often at
        another place ("Fourteen people" in the dek, "14 people" in the body)."""
        return any(
            item.kind == kind and value_a in values_in(item.a.text) and value_b in values_in(item.b.text)
            for item in self.items
        )

    def add_unless_within(self, kind: str, a: tuple[Block, str], b: tuple[Block, str], note: str) -> None:
        """`add`, unless a conflict between values these two texts hold is reported already:
        "but only one seal had" / "but no seals were" says again "one seal" / "no seals"."""
        if not self.within(a, b):
            self.add(kind, a, b, note)

    def within(self, a: tuple[Block, str], b: tuple[Block, str]) -> bool:
        """A conflict is reported already between these two passages whose values stand in
        these two texts: a quotation with a changed number says again what the number's
        conflict says ("rebuild 30 houses" / "rebuild 20 houses")."""
        return any(
            item.a.block == a[0].id and item.b.block == b[0].id and item.a.text in a[1] and item.b.text in b[1]
            for item in self.items
        )

    def drop_names_within(self) -> None:
        """One conflict a name: a respelled part of a name ("Forensic Hospital" / "Forensic
        Center") goes when the whole name's conflict in the same passages holds it ("Ann
        Klein Forensic Hospital" / "Anne Klein Forensic Center")."""
        names = [item for item in self.items if item.kind == "name"]
        self.items = [
            item
            for item in self.items
            if item.kind != "name"
            or not any(
                other is not item
                and other.a.block == item.a.block
                and other.b.block == item.b.block
                and item.a.text in other.a.text
                and item.b.text in other.b.text
                and (item.a.text, item.b.text) != (other.a.text, other.b.text)
                for other in names
            )
        ]

    def as_written(self, blocks: dict[str, Block]) -> None:
        """Each conflict's values as their passages write them. A check reads words, not
        marks, and may report "EC imposed a levy" of "(EC) imposed a levy" or "Turkeminstan
        CEC" of "Turkeminstan's CEC": the compare page marks a value where it stands, and a
        reader of the JSON looks for it there."""
        self.items = [
            dataclasses.replace(item, a=_written(item.a, blocks), b=_written(item.b, blocks)) for item in self.items
        ]


def _written(ref: FactRef, blocks: dict[str, Block]) -> FactRef:
    """`ref` with its words as they stand in its passage, marks and a possessive "'s"
    between them, when its text does not stand there as it is."""
    text = blocks[ref.block].text
    if ref.text in text or not ref.text.strip():
        return ref
    pattern = _BETWEEN_WORDS.join(re.escape(word) for word in ref.text.split())
    found = re.search(rf"(?<!\w){pattern}(?!\w)", text, re.I)
    if found is None:
        return ref
    start, end = found.span()
    if text[start:end].count(")") > text[start:end].count("(") and text[start - 1 : start] == "(":
        start -= 1  # "(NHB) imposed", not "NHB) imposed"
    return FactRef(ref.block, text[start:end])


_BETWEEN_WORDS = r"(?:['’]s)?[^\w\s]*\s+[^\w\s]*"
