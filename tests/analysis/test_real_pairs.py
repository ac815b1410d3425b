"""The real pairs' labels and how the engine is scored on them (real_pairs/GUIDELINES.md)."""

import json

from tests.analysis.real_scoring import CORPUS, HERE, SETS, Fact, matches, pairs, score, source_text


class TestScoringRules:
    def test_a_report_matches_a_label_when_their_values_hold_one_another_word_for_word(self):
        label = Fact("number", "12 people", "Fourteen people")
        assert matches(Fact("number", "12", "Fourteen people"), label)
        assert matches(Fact("number", "Fourteen people", "12"), label)
        assert matches(Fact("name", "Nicolas", "Nicolás"), Fact("name", "Nicolás Maduro", "Nicolas Maduro"))

    def test_a_number_spelled_out_matches_its_digits(self):  # "10 / ten" is house style
        assert matches(Fact("number", "7 Villages Damaged", "five villages"), Fact("number", "seven villages", "five"))
        assert not matches(Fact("number", "7 Villages", "5"), Fact("number", "seventeen villages", "five"))

    def test_part_of_a_word_or_a_number_is_no_match(self):
        assert not matches(Fact("number", "2", "14"), Fact("number", "12 people", "14 people"))
        assert not matches(Fact("number", "46", "5"), Fact("number", "4.46", "4.5"))

    def test_a_fact_reported_twice_counts_once_and_the_second_report_against_precision(self):
        twice = [Fact("number", "12", "14"), Fact("number", "12 people", "14 people")]
        tally, [detail] = score({"p": twice}, {"p": [Fact("number", "12 people", "14 people")]})
        assert (tally.hits, tally.found, tally.wanted) == (1, 2, 1) and len(detail.false_alarms) == 1


def label_files() -> list[dict]:
    return [json.loads(path.read_text(encoding="utf-8")) for path in sorted(HERE.glob("labels_*.json"))]


def test_every_label_stands_on_its_line_of_the_corpus():
    files = {pair["id"]: pair for which in SETS for pair in pairs(which)}
    assert CORPUS.is_dir(), f"the corpus is read from {CORPUS}"
    for labels in label_files():
        for pair in labels["pairs"]:
            for conflict in pair["conflicts"]:
                for side in "ab":
                    lines = source_text(files[pair["id"]], side).splitlines()
                    line = lines[conflict[f"{side}_line"] - 1]
                    assert conflict[side] in line, f"{pair['id']} {side}: {conflict[side]!r} not on its line"


def test_the_first_reader_read_every_pair_and_the_second_the_marked_third():
    read: dict[str, set[str]] = {}
    for labels in label_files():
        read.setdefault(labels["reader"], set()).update(pair["id"] for pair in labels["pairs"])
    every = [pair for which in SETS for pair in pairs(which)]
    assert read["first"] == {pair["id"] for pair in every}
    assert read["second"] == {pair["id"] for pair in every if pair["second_reader"]}
