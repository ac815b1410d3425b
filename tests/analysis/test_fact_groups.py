"""One conflict per fact: the pairwise conflicts of three or four sources joined into one
listing every source's value, and the conflicts of two sources exactly as they were."""
import json
from pathlib import Path

import jsonschema

from stories.analysis import Conflict, FactRef, SourceText, compare_sources, to_json, to_text
from stories.analysis.fact_groups import group_conflicts

SCHEMA = Path(__file__).resolve().parents[2] / ".." / "shared" / "contracts" / "compare.schema.json"
HARBOUR = """Harbour Fire
PORT ALDER - A fire tore through a warehouse on Pier 9 late on Tuesday, injuring {people} people.
The damage was put at {kroner} million kroner by the harbour authority.
Police said the cause of the fire was not yet known.
"""


def harbour(people: int, kroner: int = 38) -> str:
    return HARBOUR.format(people=people, kroner=kroner)


def compare(*texts: str):
    return compare_sources([SourceText(f"agency{n}.txt", text) for n, text in enumerate(texts)])


def facts(comparison, kind: str = "number") -> list[list[tuple[str, str]]]:
    """Each conflict of `kind` as its values: (block, text) of a, b, then more."""
    return [[(ref.block, ref.text) for ref in (c.a, c.b, *c.more)] for c in comparison.conflicts if c.kind == kind]


def conflict(a: tuple[str, str], b: tuple[str, str], kind: str = "number", note: str = "") -> Conflict:
    return Conflict(kind, FactRef(*a), FactRef(*b), note)


class TestThreeSources:
    def test_it_lists_one_disagreement_once_with_every_sources_value(self):
        comparison = compare(harbour(12), harbour(14), harbour(14))
        assert facts(comparison) == [[("A2", "12 people"), ("B2", "14 people"), ("C2", "14 people")]]

    def test_three_different_values_are_one_fact(self):
        comparison = compare(harbour(12), harbour(14), harbour(15))
        assert facts(comparison) == [[("A2", "12 people"), ("B2", "14 people"), ("C2", "15 people")]]
        [fact] = [c for c in comparison.conflicts if c.kind == "number"]
        assert fact.note == "different numbers for the same thing"

    def test_two_facts_of_one_passage_stay_two(self):
        comparison = compare(harbour(12, 38), harbour(14, 43), harbour(14, 38))
        assert facts(comparison) == [
            [("A2", "12 people"), ("B2", "14 people"), ("C2", "14 people")],
            [("A3", "38 million kroner"), ("B3", "43 million kroner"), ("C3", "38 million kroner")],
        ]

    def test_a_fact_only_two_of_the_sources_state_stays_as_the_pair_reported_it(self):
        without_the_fire = "\n".join(line for line in harbour(12).splitlines() if "injuring" not in line)
        comparison = compare(harbour(12), harbour(14), without_the_fire)
        assert facts(comparison) == [[("A2", "12 people"), ("B2", "14 people")]]
        assert all(not c.more for c in comparison.conflicts)


class TestFourSources:
    def test_it_lists_four_values_each_source_once(self):
        comparison = compare(harbour(12), harbour(14), harbour(15), harbour(14))
        assert facts(comparison) == [
            [("A2", "12 people"), ("B2", "14 people"), ("C2", "15 people"), ("D2", "14 people")]
        ]

    def test_the_json_carries_the_further_values_in_more_and_the_contract_accepts_it(self):
        data = to_json(compare(harbour(12), harbour(14), harbour(15), harbour(14)))
        jsonschema.validate(data, json.loads(SCHEMA.read_text()))
        [fact] = [entry for entry in data["conflicts"] if entry["kind"] == "number"]
        assert fact["a"] == {"block": "A2", "text": "12 people"}
        assert fact["b"] == {"block": "B2", "text": "14 people"}
        assert fact["more"] == [{"block": "C2", "text": "15 people"}, {"block": "D2", "text": "14 people"}]

    def test_the_terminal_report_names_every_value(self):
        report = to_text(compare(harbour(12), harbour(14), harbour(15), harbour(14)))
        assert "[number] A2 “12 people” / B2 “14 people” / C2 “15 people” / D2 “14 people”" in report


class TestTwoSources:
    def test_the_conflicts_and_their_json_are_as_before(self):
        comparison = compare(harbour(12, 38), harbour(14, 43))
        assert facts(comparison) == [[("A2", "12 people"), ("B2", "14 people")],
                                     [("A3", "38 million kroner"), ("B3", "43 million kroner")]]
        entries = to_json(comparison)["conflicts"]
        assert all(list(entry) == ["kind", "a", "b", "note"] for entry in entries)

    def test_grouping_leaves_pairwise_conflicts_of_two_sources_alone_even_when_they_share_a_value(self):
        pairwise = [
            conflict(("A2", "12 people"), ("B2", "14 people")),
            conflict(("A3", "Tuesday"), ("B3", "Wednesday"), kind="date"),
            conflict(("A2", "12 people"), ("B2", "15 people")),
        ]
        assert group_conflicts(pairwise) == pairwise


class TestJoining:
    def test_pairs_sharing_a_value_at_a_place_join_at_the_place_of_the_first(self):
        pairwise = [
            conflict(("A1", "Tuesday"), ("B1", "Wednesday"), kind="date"),
            conflict(("A2", "12 people"), ("B2", "14 people"), note="different numbers"),
            conflict(("A2", "12 People"), ("C4", "15 people"), note="different numbers"),
            conflict(("B2", "14 people"), ("C4", "15 people"), note="different numbers"),
        ]
        assert group_conflicts(pairwise) == [
            pairwise[0],
            Conflict("number", FactRef("A2", "12 people"), FactRef("B2", "14 people"), "different numbers",
                     more=(FactRef("C4", "15 people"),)),
        ]

    def test_values_of_another_kind_or_another_place_do_not_join(self):
        pairwise = [
            conflict(("A2", "12 people"), ("B2", "14 people")),
            conflict(("A2", "12 people"), ("C2", "14 people"), kind="other"),
            conflict(("A5", "12 people"), ("C5", "14 people")),
        ]
        assert group_conflicts(pairwise) == pairwise

    def test_the_same_note_of_two_pairs_taken_the_other_way_round_is_given_once(self):
        pairwise = [
            conflict(("A2", "Søren"), ("B2", "Soren"), kind="name", note="spelled Søren / Soren"),
            conflict(("B2", "Soren"), ("C2", "Søren"), kind="name", note="spelled Soren / Søren"),
            conflict(("B2", "Soren"), ("D2", "Sören"), kind="name", note="spelled Soren / Sören"),
        ]
        [fact] = group_conflicts(pairwise)
        assert fact.note == "spelled Søren / Soren; spelled Soren / Sören"
        assert [(ref.block, ref.text) for ref in (fact.a, fact.b, *fact.more)] == [
            ("A2", "Søren"), ("B2", "Soren"), ("C2", "Søren"), ("D2", "Sören")
        ]
