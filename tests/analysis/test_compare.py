"""Alignment, word-level changes and conflicts between sources."""
import json
from pathlib import Path

import jsonschema

from stories.analysis import SourceText, compare_sources, fingerprint, to_json
from stories.analysis.diff import word_diff

SHARED = Path(__file__).resolve().parents[2] / ".." / "shared"
CORPUS = Path(__file__).resolve().parent / "corpus"


def compare(*texts: str):
    return compare_sources([SourceText(f"s{n}", t) for n, t in enumerate(texts)])


def corpus(name: str) -> str:
    return (CORPUS / name).read_text(encoding="utf-8")


def rows_of(comparison) -> list[dict[str, tuple[str, ...]]]:
    return [{c.source: c.blocks for c in row.cells} for row in comparison.rows]


def test_it_aligns_a_rewrite_split_and_passages_only_in_one_source():
    rows = rows_of(compare(corpus("rail_strike.txt"), corpus("rail_strike.rewrite.txt")))
    assert {"A": ("A4",), "B": ("B4", "B5")} in rows
    assert {"A": ("A8",)} in rows
    assert {"A": ("A9",), "B": ("B9",)} in rows


def test_it_aligns_a_moved_paragraph():
    a = corpus("chess.txt").splitlines()
    b = a[:4] + a[5:9] + [a[4]] + a[9:]
    rows = rows_of(compare("\n".join(a), "\n".join(b)))
    assert {"A": ("A5",), "B": ("B9",)} in rows


def test_it_aligns_three_sources_in_one_row():
    a = corpus("quake.txt")
    comparison = compare(a, corpus("quake.rewrite.txt"), a.replace("Sunday", "Saturday"))
    assert {"A": ("A3",), "B": ("B3",), "C": ("C3",)} in rows_of(comparison)


def test_it_marks_changes_word_by_word():
    ops, complete = word_diff("US Secretary of State Marc Rubio confirmed the transaction.",
                              "U.S. Secretary of State Marc Rubio confirmed the operation.")
    assert complete
    assert ops == (("-", "US "), ("+", "U.S. "), ("=", "Secretary of State Marc Rubio confirmed the "),
                   ("-", "transaction"), ("+", "operation"), ("=", "."))


def test_a_changed_figure_is_marked_whole():
    ops, _ = word_diff("The Varna note fell 9/32, taking its yield to 3.37 percent from 1,150.",
                       "The Varna note fell 5/32, taking its yield to 3.36 percent from 1,150.")
    assert ops == (("=", "The Varna note fell "), ("-", "9/32"), ("+", "5/32"), ("=", ", taking its yield to "),
                   ("-", "3.37 "), ("+", "3.36 "), ("=", "percent from 1,150."))


def test_word_changes_rebuild_both_texts():
    a, b = "Fire destroys a warehouse, officials said.", "A fire, officials said, destroyed the warehouse."
    ops, _ = word_diff(a, b)
    assert "".join(t for op, t in ops if op != "+") == a
    assert "".join(t for op, t in ops if op != "-") == b
    assert all(len(t.strip()) > 1 or not t.strip().isalpha() for _, t in ops)  # words, not letters


def test_it_reports_conflicting_numbers_names_dates_and_style():
    comparison = compare(corpus("rail_strike.txt"), corpus("rail_strike.rewrite.txt"))
    found = {(c.kind, c.a.text, c.b.text) for c in comparison.conflicts}
    assert ("number", "3,000 new staff", "3,500 additional staff") in found
    assert ("name", "Óscar Puente", "Oscar Puente") in found
    assert ("date", "2019", "2018") in found
    assert ("date", "Friday", "Thursday") in found
    assert ("style", "7 per cent", "7%") in found


def test_a_paraphrase_that_keeps_its_facts_is_no_conflict():
    comparison = compare(
        "Headline\nAbout 250 prisoners were sent home on Friday, Maduro said.",
        "Headline\nOn Friday around 250 prisoners were returned home, according to Maduro.",
    )
    assert comparison.conflicts == ()


def test_it_lists_a_quote_in_other_words_to_check_and_reports_a_different_channel():
    comparison = compare(
        'Headline\n"We will rebuild every house," Sánchez said on local radio.',
        'Headline\n"We are going to rebuild all the houses," Sánchez said in a statement.',
    )
    assert {c.kind for c in comparison.conflicts} == {"style", "attribution"}
    quoted = next(c for c in comparison.conflicts if c.kind == "style")
    assert quoted.note.endswith("quoted in other words that say the same")


def test_a_quote_whose_other_words_deny_it_or_change_its_day_or_number_is_a_conflict():
    said = 'Headline\n"{}," Sánchez said on local radio.'
    first = said.format("Tomorrow we will rebuild 30 houses on the coast")
    for other in (
        "Tomorrow we will not rebuild 30 houses on the coast",
        "On Friday we will rebuild 30 houses along the coast",
        "Tomorrow we will rebuild 20 houses on the coast",
    ):
        comparison = compare(first, said.format(other))
        kinds = [c.kind for c in comparison.conflicts]
        assert kinds in (["quote"], ["other"], ["number"]), other  # one conflict: a denial's claim, the number's


def test_the_samples_give_json_that_the_contract_accepts():
    files = sorted((SHARED / "samples").glob("*.txt"))
    comparison = compare_sources([SourceText(f.name, f.read_text(encoding="utf-8-sig")) for f in files])
    schema = json.loads((SHARED / "contracts" / "compare.schema.json").read_text())
    jsonschema.validate(to_json(comparison), schema)
    styles = {(c.a.text, c.b.text) for c in comparison.conflicts if c.kind == "style"}
    assert ("US", "U.S.") in styles


def test_it_handles_one_source_and_empty_sources():
    assert compare("").rows == ()
    single = compare("Headline\nOne paragraph.")
    assert [c.status for row in single.rows for c in row.cells] == ["only-here", "only-here"]
    assert compare("", "Headline").rows[0].cells[0].source == "B"


def test_fingerprints_of_a_rewrite_are_closer_than_of_another_story():
    quake, rewrite, chess = (fingerprint(corpus(n)) for n in ("quake.txt", "quake.rewrite.txt", "chess.txt"))
    assert quake.similarity(quake) == 1.0
    assert quake.similarity(rewrite) > 0.3 > quake.similarity(chess)
    assert len(quake.values) == 128 and len(quake.bands()) == 32
