"""The compare page's markup, built from unsaved analyses: a chosen conflict's words marked
where they stand in each passage, and every piece of wire copy escaped around the marks."""

import re
from datetime import UTC, datetime

from stories.analysis import SourceText, compare_sources, from_json, to_json
from stories.views.compare_page import (
    REWRITE_MARKED,
    ColumnHead,
    Fold,
    build_compare_page,
    inline_diff,
    is_rewrite,
    marked_share,
    passage_html,
)
from tests.views.copy import HARBOUR_A, HARBOUR_B

MARK = '<mark class="conflict-words">'
PEOPLE = """Harbour Fire
PORT ALDER - A fire tore through Pier 9, injuring {people} people.
Police said the cause of the fire was not yet known.
"""
HOSTILE = 'A fire <script>alert("pier")</script> injured {people} <b>people</b>.'


def heads(count: int) -> list[ColumnHead]:
    return [ColumnHead(f"Agency {n}", "item", datetime(2025, 3, 4, tzinfo=UTC)) for n in range(count)]


def page_of(*texts: str, chosen: str | None = None):
    """The page of the engine's comparison of these texts."""
    result = to_json(compare_sources([SourceText(f"agency{n}.txt", text) for n, text in enumerate(texts)]))
    return build_compare_page(from_json(result), heads(len(texts)), chosen_conflict=chosen)


def hostile_page(*, choose: bool = False):
    """Three sources of one passage each, written by hand in the `compare --json` form, that
    disagree on a value holding markup: "12 <b>people</b>" / "14 …" / "15 …"; `choose`: with
    that conflict chosen."""
    keys, people = "ABC", (12, 14, 15)
    result = {
        "sources": [
            {
                "key": key,
                "name": key,
                "blocks": [
                    {
                        "id": f"{key}1",
                        "kind": "body",
                        "text": HOSTILE.format(people=n),
                        "lines": [1, 1],
                        "repeat_of": None,
                    }
                ],
            }
            for key, n in zip(keys, people)
        ],
        "rows": [{"cells": [{"source": key, "blocks": [f"{key}1"], "status": "changed"} for key in keys]}],
        "changes": [],
        "conflicts": [
            {
                "kind": "number",
                "note": "",
                "a": {"block": "A1", "text": "12 <b>people</b>"},
                "b": {"block": "B1", "text": "14 <b>people</b>"},
                "more": [{"block": "C1", "text": "15 <b>people</b>"}],
            }
        ],
    }
    stored = from_json(result)
    page = build_compare_page(stored, heads(3))
    return build_compare_page(stored, heads(3), chosen_conflict=page.conflicts[0].key) if choose else page


def passage(page, passage_id: str):
    return next(p for row in page.rows for p in row.passages if p.id == passage_id)


class TestConflictWords:
    def test_it_marks_the_words_and_escapes_the_copy_around_and_inside_the_mark(self):
        html = passage_html(
            [('Crowd <script>alert("x")</script> saw 12 <b>people</b> & more.', "")], ("12 <b>people</b>",)
        )
        assert html == (
            "Crowd &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; saw "
            f"{MARK}12 &lt;b&gt;people&lt;/b&gt;</mark> &amp; more."
        )

    def test_a_mark_holds_the_word_changes_inside_it_as_one_mark(self):
        pieces = [("injuring ", ""), ("14", "ins"), (" people <i>", "")]
        assert passage_html(pieces, ("14 people",)) == f"injuring {MARK}<ins>14</ins> people</mark> &lt;i&gt;"

    def test_it_marks_whole_words_else_the_words_in_another_case(self):
        assert passage_html([("In 2012, 12 died.", "")], ("12",)) == f"In 2012, {MARK}12</mark> died."
        assert passage_html([("Smith said.", "")], ("smith",)) == f"{MARK}Smith</mark> said."
        assert passage_html([("Nothing here.", "")], ("12",)) == "Nothing here."

    def test_a_chosen_conflict_marks_its_hostile_words_escaped_in_each_of_three_passages(self):
        page = hostile_page(choose=True)
        assert [(v.text, v.passage) for v in page.chosen_conflict.values] == [
            ("12 <b>people</b>", "A1"),
            ("14 <b>people</b>", "B1"),
            ("15 <b>people</b>", "C1"),
        ]
        for passage_id, people in (("A1", 12), ("B1", 14), ("C1", 15)):
            found = passage(page, passage_id)
            assert found.marked
            assert found.html == (
                "A fire &lt;script&gt;alert(&quot;pier&quot;)&lt;/script&gt; injured "
                f"{MARK}{people} &lt;b&gt;people&lt;/b&gt;</mark>."
            )

    def test_no_words_are_marked_until_a_conflict_is_chosen(self):
        page = hostile_page()
        assert not any(MARK in p.html or p.marked for row in page.rows for p in row.passages)
        assert (
            passage(page, "A1").html == "A fire &lt;script&gt;alert(&quot;pier&quot;)&lt;/script&gt; injured "
            "12 &lt;b&gt;people&lt;/b&gt;."
        )

    def test_the_marks_of_a_chosen_conflict_hold_the_word_changes_of_the_engines_comparison(self):
        texts = [PEOPLE.format(people=n) for n in (12, 14, 15)]
        page = page_of(*texts, chosen=page_of(*texts).fact_conflicts[0].key)
        assert [(v.text, v.passage) for v in page.chosen_conflict.values] == [
            ("12 people", "A2"),
            ("14 people", "B2"),
            ("15 people", "C2"),
        ]
        assert passage(page, "A2").html.endswith(f"injuring {MARK}<del>12 </del>people</mark>.")
        assert passage(page, "B2").html.endswith(f"injuring {MARK}<ins>14 </ins>people</mark>.")
        assert passage(page, "C2").html.endswith(f"injuring {MARK}<ins>15 </ins>people</mark>.")
        assert MARK not in passage(page, "A3").html

    def test_it_lists_one_conflict_for_the_fact_with_each_source_once(self):
        page = page_of(*[PEOPLE.format(people=n) for n in (12, 14, 14)])
        [fact] = page.fact_conflicts
        assert [(s.column.head.title, s.texts, s.places) for s in fact.by_source] == [
            ("Agency 0", ["12 people"], "¶2"),
            ("Agency 1", ["14 people"], "¶2"),
            ("Agency 2", ["14 people"], "¶2"),
        ]
        assert fact.passages == ["A2", "B2", "C2"]
        assert page.rows[1].conflicts == [fact.number]


REWRITE_A = """Harbour Fire
PORT ALDER - A fire tore through a cold-storage warehouse on Pier 9 late on Tuesday, injuring 12 people and closing \
the harbour.
Police said the cause of the fire was not yet known.
"""
REWRITE_B = """Blaze Hits Port
Twelve dock workers were hurt late on Tuesday when flames gutted a cold-storage <b>warehouse</b> at Port Alder's \
Pier 9, and the harbour was shut.
Police said the cause of the fire was not yet known, and an inquiry would follow.
"""


def test_a_rewritten_passage_reads_as_written_with_the_words_both_share_marked():
    """A row whose passages share few words is no wall of strike-through against a wall of
    underline: each reads plainly, the words both have marked, the copy still escaped."""
    page = page_of(REWRITE_A, REWRITE_B)
    rewritten = [p for row in page.rows for p in row.passages if p.rewritten]
    assert rewritten and all(p.label == "Rewritten" and p.status == "changed" for p in rewritten)
    html = "".join(str(p.html) for p in rewritten)
    assert "<ins>" not in html and "<del>" not in html
    assert '&lt;b&gt;<span class="shared">warehouse</span>&lt;/b&gt;' in html
    assert '<span class="shared">ALDER</span>' in html and '<span class="shared">Alder&#x27;s</span>' in html
    assert "&lt;b&gt;" in html and "<b>" not in html
    light = [p for row in page.rows for p in row.passages if p.status == "changed" and not p.rewritten]
    assert light and "<ins>" in "".join(str(p.html) for p in light), "a light edit keeps its word marks"


def test_what_changed_since_marks_the_word_changes_around_escaped_copy():
    """The version history's "what changed" is written by the same renderer as the grid."""
    before, after = "A fire injured 12 <b>people</b>.", 'A fire <script>alert("x")</script> injured 14 <b>people</b>.'
    html = inline_diff(before, after)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;people&lt;/b&gt;" in html
    assert re.search(r"<del>[^<]*\b12\b[^<]*</del>", html) and re.search(r"<ins>[^<]*\b14\b[^<]*</ins>", html)


def by_hand(*rows: str, conflicts=(), changes=(), texts: dict[str, str] | None = None):
    """The page of sources A and B analysed by hand (the `compare --json` form, read back): each
    row written as its passages and their status ("A3 B3 changed"), a repeat as "A6=A2"; each
    conflict as (kind, a's passage, b's passage); each change as (a's passage, b's, word diff)."""
    parsed = [(row.split()[:-1], row.split()[-1]) for row in rows]
    passages = [part.split("=") for parts, _status in parsed for part in parts]
    texts = texts or {}

    def block(n: int, passage: list[str]) -> dict:
        text = texts.get(passage[0], f"Passage {passage[0]} of the Alder Bridge story.")
        return {
            "id": passage[0],
            "kind": "body",
            "text": text,
            "lines": [n, n],
            "repeat_of": next(iter(passage[1:]), None),
        }

    result = {
        "sources": [
            {
                "key": key,
                "name": f"{key}.txt",
                "blocks": [block(n, p) for n, p in enumerate(passages, start=1) if p[0][0] == key],
            }
            for key in "AB"
        ],
        "rows": [
            {"cells": [{"source": part[0], "blocks": [part.split("=")[0]], "status": status} for part in parts]}
            for parts, status in parsed
        ],
        "changes": [{"a": [a], "b": [b], "ops": [list(op) for op in ops]} for a, b, ops in changes],
        "conflicts": [
            {"kind": kind, "a": {"block": a, "text": f"{kind} in {a}"}, "b": {"block": b, "text": f"{kind} in {b}"}}
            for kind, a, b in conflicts
        ],
    }
    return build_compare_page(from_json(result), heads(2))


def rows_shown(page) -> list:
    return [item if isinstance(item, Fold) else item.number for item in page.shown_rows(only_differences=True)]


# Rows 1-2 alike, 3-4 differ, 5-7 alike (6 is a repeat in both), 8 differs, 9 alike.
NINE_ROWS = (
    "A1 B1 same",
    "A2 B2 same",
    "A3 B3 changed",
    "B4 only-here",
    "A5 B5 same",
    "A6=A2 B6=B2 repeat",
    "A7 B7 same",
    "A8 B8 changed",
    "A9 B9 same",
)


class TestOnlyDifferences:
    def test_each_run_of_rows_alike_folds_into_one_and_every_row_that_differs_is_shown(self):
        page = by_hand(*NINE_ROWS)
        assert rows_shown(page) == [Fold(1, 2), 3, 4, Fold(5, 7), 8, Fold(9, 9)]
        assert [item.count for item in page.shown_rows(only_differences=True) if isinstance(item, Fold)] == [2, 3, 1]
        assert page.shown_rows(only_differences=False) == page.rows

    def test_a_row_stating_a_conflicting_fact_is_never_folded_away_a_style_difference_is(self):
        assert rows_shown(by_hand(*NINE_ROWS, conflicts=[("number", "A1", "B8")]))[:2] == [1, Fold(2, 2)]
        assert rows_shown(by_hand(*NINE_ROWS, conflicts=[("style", "A1", "B1")]))[0] == Fold(1, 2)

    def test_the_index_of_differences_names_the_rows_that_hold_a_conflicting_fact(self):
        page = by_hand(*NINE_ROWS, conflicts=[("style", "A3", "B3"), ("number", "A8", "B8")])
        assert page.difference_index == [(3, False), (4, False), (8, True)]


def test_each_row_lists_the_conflicting_facts_it_states_once_each_and_no_style_difference():
    facts = [("number", "A8", "B8"), ("style", "A3", "B3"), ("name", "A3", "B8"), ("date", "A8", "B8")]
    page = by_hand(*NINE_ROWS, conflicts=facts)
    assert [(row.number, row.conflicts) for row in page.rows if row.conflicts] == [(3, [3]), (8, [1, 3, 4])]
    assert [c.number for c in page.fact_conflicts] == [1, 3, 4] and [c.number for c in page.style_differences] == [2]


def test_a_repeat_is_labelled_with_the_paragraph_it_repeats_and_every_other_passage_by_its_status():
    page = page_of(HARBOUR_A, HARBOUR_B)
    labels = {p.id: p.label for row in page.rows for p in row.passages}
    assert {pid: label for pid, label in labels.items() if label.startswith("Repeat")} == {
        "A3": "Repeat of ¶2",
        "B3": "Repeat of ¶2",
        "A9": "Repeat of ¶6",
        "A10": "Repeat of ¶7",
    }
    assert (labels["A8"], labels["A4"], labels["A6"]) == ("Same", "Only here", "Changed")
    assert page.repeat_count == 4


AT_THRESHOLD = (("=", "The bridge "), ("-", "closed after cracks."), ("+", "shut when inspectors saw damage."))
OVER_THRESHOLD = (
    ("=", "The bridge "),
    ("-", "closed after cracks appeared."),
    ("+", "shut when inspectors saw damage."),
)


class TestRewrites:
    def test_a_sides_marked_share_is_of_the_words_it_has(self):
        ops = (("=", "The Alder Bridge "), ("-", "was closed"), ("+", "shut on Monday"))
        assert marked_share(ops, "-") == 2 / 5 and marked_share(ops, "+") == 3 / 6
        assert marked_share((), "-") == 0.0 and marked_share((("=", "All alike."),), "+") == 0.0

    def test_a_pair_is_a_rewrite_only_when_each_side_has_more_than_the_threshold_changed(self):
        assert marked_share(AT_THRESHOLD, "-") == REWRITE_MARKED and not is_rewrite(AT_THRESHOLD, "-", "+")
        assert is_rewrite(OVER_THRESHOLD, "-", "+") and is_rewrite(OVER_THRESHOLD, "+", "-")
        added = (("=", "The bridge closed "), ("+", "on Monday after inspectors found cracks in two of its piers."))
        assert marked_share(added, "+") > REWRITE_MARKED and not is_rewrite(added, "-", "+"), "one side is intact"

    def test_on_the_page_a_pair_at_the_threshold_keeps_its_word_marks(self):
        texts = {"A1": "The bridge closed after cracks.", "B1": "The bridge shut when inspectors saw damage."}
        page = by_hand("A1 B1 changed", changes=[("A1", "B1", AT_THRESHOLD)], texts=texts)
        assert [(p.html, p.label) for p in page.rows[0].passages] == [
            ("The bridge <del>closed after cracks.</del>", "Changed"),
            ("The bridge <ins>shut when inspectors saw damage.</ins>", "Changed"),
        ]

    def test_on_the_page_a_pair_over_the_threshold_reads_as_written_with_the_shared_words_marked(self):
        texts = {"A1": "The bridge closed after cracks appeared.", "B1": "The bridge shut when inspectors saw damage."}
        page = by_hand("A1 B1 changed", changes=[("A1", "B1", OVER_THRESHOLD)], texts=texts)
        assert [(p.html, p.label) for p in page.rows[0].passages] == [
            ('The <span class="shared">bridge</span> closed after cracks appeared.', "Rewritten"),
            ('The <span class="shared">bridge</span> shut when inspectors saw damage.', "Rewritten"),
        ]

    def test_the_first_sources_own_words_are_struck_through_whichever_way_the_change_was_stored(self):
        texts = {"A1": "The bridge closed after cracks.", "B1": "The bridge shut when inspectors saw damage."}
        b_to_a = tuple(({"-": "+", "+": "-"}.get(op, op), text) for op, text in AT_THRESHOLD)
        page = by_hand("A1 B1 changed", changes=[("B1", "A1", b_to_a)], texts=texts)
        assert [p.html for p in page.rows[0].passages] == [
            "The bridge <del>closed after cracks.</del>",
            "The bridge <ins>shut when inspectors saw damage.</ins>",
        ]
