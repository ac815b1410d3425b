"""A `Comparison` as the JSON of `compare.schema.json` (version 1), or as a terminal report."""

from __future__ import annotations

import textwrap
from typing import Any

from .model import Block, Cell, Change, Comparison, Conflict, FactRef, Row, Source

SCHEMA_VERSION = 1


def to_json(comparison: Comparison) -> dict[str, Any]:
    """A JSON-able dict in the shape `../shared/contracts/compare.schema.json` fixes.

    Blocks also carry `repeated_sentences` (pairs of 1-based sentence numbers, a sentence
    repeated inside its own block), and a conflict that three or more sources state carries
    `more`, the values of the sources after `a` and `b`; the schema allows the extra keys."""
    return {
        "version": SCHEMA_VERSION,
        "sources": [
            {
                "key": s.key,
                "name": s.name,
                "blocks": [
                    {
                        "id": b.id,
                        "kind": b.kind,
                        "text": b.text,
                        "lines": list(b.lines),
                        "repeat_of": b.repeat_of,
                        "repeated_sentences": [[k + 1, j + 1] for k, j in b.repeated_sentences],
                    }
                    for b in s.blocks
                ],
            }
            for s in comparison.sources
        ],
        "rows": [
            {"cells": [{"source": c.source, "blocks": list(c.blocks), "status": c.status} for c in row.cells]}
            for row in comparison.rows
        ],
        "changes": [
            {"a": list(ch.a), "b": list(ch.b), "ops": [list(op) for op in ch.ops]} for ch in comparison.changes
        ],
        "conflicts": [_conflict(c) for c in comparison.conflicts],
    }


def _conflict(conflict: Conflict) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "kind": conflict.kind,
        "a": _fact(conflict.a),
        "b": _fact(conflict.b),
        "note": conflict.note,
    }
    if conflict.more:  # left out between two sources: their JSON stays as it was
        entry["more"] = [_fact(ref) for ref in conflict.more]
    return entry


def _fact(ref: FactRef) -> dict[str, str]:
    return {"block": ref.block, "text": ref.text}


def from_json(data: dict[str, Any]) -> Comparison:
    """The `Comparison` a stored `to_json` result holds: what pages and drafts read, typed.
    Its blocks have no `norm` and no `sentences` (the JSON does not keep them)."""
    return Comparison(
        sources=tuple(_source(entry) for entry in data["sources"]),
        rows=tuple(
            Row(tuple(Cell(cell["source"], tuple(cell["blocks"]), cell["status"]) for cell in row["cells"]))
            for row in data["rows"]
        ),
        changes=tuple(
            Change(tuple(change["a"]), tuple(change["b"]), tuple((op, text) for op, text in change["ops"]))
            for change in data["changes"]
        ),
        conflicts=tuple(
            Conflict(
                kind=entry["kind"],
                a=_fact_ref(entry["a"]),
                b=_fact_ref(entry["b"]),
                note=entry.get("note", ""),
                more=tuple(_fact_ref(value) for value in entry.get("more", ())),
            )
            for entry in data["conflicts"]
        ),
    )


def _source(entry: dict[str, Any]) -> Source:
    blocks = tuple(
        Block(
            id=block["id"],
            source=entry["key"],
            index=index,
            kind=block["kind"],
            text=block["text"],
            lines=(block["lines"][0], block["lines"][1]),
            repeat_of=block["repeat_of"],
            repeated_sentences=tuple((k - 1, j - 1) for k, j in block.get("repeated_sentences", ())),
        )
        for index, block in enumerate(entry["blocks"])
    )
    return Source(key=entry["key"], name=entry["name"], blocks=blocks)


def _fact_ref(value: dict[str, str]) -> FactRef:
    return FactRef(block=value["block"], text=value["text"])


def to_text(comparison: Comparison, width: int = 100) -> str:
    """A readable report for a terminal: sources, rows with statuses, conflicts."""
    lines = [f"{s.key}: {s.name} ({len(s.blocks)} blocks)" for s in comparison.sources]
    lines.append("")
    for n, row in enumerate(comparison.rows, 1):
        lines.extend(_row_lines(comparison, n, row, width))
    lines.append("")
    lines.append(f"Conflicts ({len(comparison.conflicts)}):")
    for c in comparison.conflicts:
        note = f" - {c.note}" if c.note else ""
        values = " / ".join(f"{ref.block} \u201c{ref.text}\u201d" for ref in (c.a, c.b, *c.more))
        lines.append(f"  [{c.kind}] {values}{note}")
    changed = sum(1 for ch in comparison.changes for op, _ in ch.ops if op != "=")
    lines.append(f"Word-level changes: {changed} in {len(comparison.changes)} aligned pairs")
    return "\n".join(lines)


def _row_lines(comparison: Comparison, n: int, row: Row, width: int) -> list[str]:
    out = [f"Row {n}"]
    for cell in row.cells:
        first = comparison.block(cell.blocks[0])
        status = cell.status
        if status == "repeat" and first.repeat_of:
            status = f"repeat of {first.repeat_of}"
        text = " / ".join(comparison.block(b).text for b in cell.blocks)
        head = f"{'+'.join(cell.blocks)} [{first.kind}, {status}] "
        out.append("  " + textwrap.shorten(head + text, width=width - 2, placeholder=" \u2026"))
    return out
