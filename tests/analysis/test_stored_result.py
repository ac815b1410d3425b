"""The stored result read back, typed: `from_json` gives the `Comparison` that `to_json`
wrote, less what the JSON does not keep (each block's normalised text and sentences)."""

from dataclasses import replace
from pathlib import Path

import pytest

from stories.analysis import SourceText, compare_sources, from_json, to_json
from stories.analysis.model import passage_number, source_key

CORPUS = Path(__file__).parent / "corpus"
STORIES = [("harbour_fire.txt", "council_budget.txt"), ("quake.txt", "quake.rewrite.txt"), ("rail_strike.txt",)]


@pytest.mark.parametrize("names", STORIES, ids=lambda names: "+".join(names))
def test_a_stored_result_reads_back_as_the_comparison_it_was(names):
    texts = [SourceText(name, (CORPUS / name).read_text()) for name in names]
    comparison = compare_sources(texts + [SourceText("again", texts[0].text)])
    stored = from_json(to_json(comparison))
    kept = [replace(block, norm="", sentences=()) for source in comparison.sources for block in source.blocks]
    assert list(stored.blocks_by_id.values()) == kept
    assert (stored.rows, stored.conflicts) == (comparison.rows, comparison.conflicts)
    assert [(change.a, change.b, change.ops) for change in stored.changes] == [
        (change.a, change.b, change.ops) for change in comparison.changes
    ]
    assert to_json(stored) == to_json(comparison)


def test_a_block_id_names_its_source_and_its_number():
    assert (source_key("B17"), passage_number("B17")) == ("B", 17)
