"""The compare page's markup, built from unsaved analyses: a chosen conflict's words marked
where they stand in each passage, and every piece of wire copy escaped around the marks."""

import re
from datetime import UTC, datetime

from stories.analysis import SourceText, compare_sources, from_json, to_json
from stories.views.compare_page import ColumnHead, build_compare_page, inline_diff, passage_html

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
