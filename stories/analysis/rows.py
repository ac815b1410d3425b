"""From aligned blocks to the rows the editor sees: repeats placed where they stand in
reading order (with the matching repeats of other sources beside them), and a status for
every cell."""

from __future__ import annotations

from .align import RowCells
from .model import Block, Cell, Row, Source


def place_repeats(
    aligned: list[RowCells], sources: list[Source], index_of: dict[str, int]
) -> list[tuple[RowCells, bool]]:
    """All rows as (cells, is_repeat_row). A repeat block gets a row right after the row
    of the block before it; a repeat of another source whose original sits in the same
    row as this one's original shares that row (both scrapers repeated the same run)."""
    row_of = {g: r for r, row in enumerate(aligned) for idx in row.values() for g in idx}
    after: dict[int, list[RowCells]] = {}
    shareable: dict[tuple[int, int], list[RowCells]] = {}  # (anchor, original's row)
    for source in sources:
        anchor = -1
        for block in source.blocks:
            g = index_of[block.id]
            if block.repeat_of is None:
                anchor = row_of.get(g, anchor)
                continue
            place = (anchor, row_of.get(index_of[block.repeat_of], -1))
            shared = next((cells for cells in shareable.get(place, ()) if block.source not in cells), None)
            if shared is not None:
                shared[block.source] = [g]
                continue
            cells = {block.source: [g]}
            after.setdefault(anchor, []).append(cells)
            shareable.setdefault(place, []).append(cells)
    out = [(cells, True) for cells in after.get(-1, ())]
    for r, row in enumerate(aligned):
        out.append((row, False))
        out.extend((cells, True) for cells in after.get(r, ()))
    return out


def finish_rows(placed: list[tuple[RowCells, bool]], blocks: list[Block], keys: list[str]) -> tuple[Row, ...]:
    """Rows with cells in source-key order and a status for every cell."""
    rows = []
    for cells, is_repeat in placed:
        present = [(k, [blocks[g] for g in sorted(cells[k])]) for k in keys if k in cells]
        if is_repeat:
            status = "repeat"
        elif len(present) == 1:
            status = "only-here"
        else:
            texts = {" ".join([block.norm for block in cell]) for _, cell in present}
            status = "same" if len(texts) == 1 else "changed"
        rows.append(Row(tuple([Cell(k, tuple([block.id for block in cell]), status) for k, cell in present])))
    return tuple(rows)
