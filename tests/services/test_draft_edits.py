"""Changes to an editor's working draft (services.draft_edits): what was typed lands before
the change and nothing typed elsewhere is overwritten, each paragraph action's limits, what
Undo keeps, and where the analysis's passages stand for the draft (the others on offer for a
paragraph, those it leaves out, one brought back). The copy is our own."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from stories.analysis.model import Block, Cell, Comparison, Row, Source, passage_number
from stories.models import ArticleDraft
from stories.services.compose import article_for, draft_for
from stories.services.draft_edits import (
    MAX_HEADLINE_CHARS,
    MAX_PARAGRAPH_CHARS,
    MAX_STEPS,
    DraftEditError,
    DraftTexts,
    PassageIndex,
    TypedText,
    add_paragraph,
    change_draft,
    drop_paragraph,
    edit_paragraph,
    move_paragraph,
    paragraph_of,
    remember,
    replace_paragraph,
    set_headline,
    snapshot,
    text_digest,
)
from stories.services.drafting import SourceInfo, paragraph_from_cells
from tests.views.copy import harbour_story

STALE = "That paragraph is no longer in your draft; the page was out of date."
GONE = "A paragraph you typed in is no longer in your draft; what you typed there was not kept."


def ids(draft: ArticleDraft) -> list[str]:
    return [paragraph["id"] for paragraph in draft.paragraphs]


def texts(draft: ArticleDraft) -> list[str]:
    return [paragraph["text"] for paragraph in draft.paragraphs]


def texts_of(step: dict) -> list[str]:
    return [paragraph["text"] for paragraph in step["paragraphs"]]


def stored(draft: ArticleDraft) -> ArticleDraft:
    return ArticleDraft.objects.get(pk=draft.pk)


def page_of(draft: ArticleDraft, typed: dict[str, str] | None = None, *, headline: str | None = None) -> DraftTexts:
    """What a compose page drawn from `draft` sends with an action: every paragraph's box with
    the digest of the text it was drawn with, the boxes in `typed` typed in."""
    typed = typed or {}
    boxes = {p["id"]: TypedText(typed.get(p["id"], p["text"]), text_digest(p["text"])) for p in draft.paragraphs}
    return DraftTexts(headline=headline, paragraphs=boxes)


def draft_updates(queries: CaptureQueriesContext) -> int:
    return sum(query["sql"].startswith('UPDATE "stories_articledraft"') for query in queries.captured_queries)


@pytest.fixture
def draft(edith_editor) -> ArticleDraft:
    """Edith's automatic draft of the harbour story, as her compose page first opens it."""
    return draft_for(article=article_for(harbour_story()), editor=edith_editor)


@pytest.mark.django_db
class TestChangeDraft:
    def test_it_applies_what_was_typed_then_the_change_and_saves_once(self, draft):
        first, second = ids(draft)[:2]
        typed = page_of(draft, {first: "Typed just before the click."})
        with CaptureQueriesContext(connection) as queries:
            outcome = change_draft(draft, typed, lambda d: move_paragraph(d, first, 1), what="moving a paragraph")
        assert draft_updates(queries) == 1
        assert outcome.typed == [first] and outcome.errors == []
        now = stored(draft)
        assert ids(now)[:2] == [second, first]
        assert now.paragraphs[1]["text"] == "Typed just before the click." and now.paragraphs[1]["edited"]
        assert [step["what"] for step in now.undo] == ["typing", "moving a paragraph"]
        assert now.undo[1]["paragraphs"][0]["text"] == "Typed just before the click.", "undoing the move keeps it"

    def test_the_change_acts_on_the_draft_with_the_typed_text_in_it(self, draft):
        first = ids(draft)[0]
        seen = []
        change_draft(
            draft, page_of(draft, {first: "Typed first."}), lambda d: seen.append(paragraph_of(d, first)["text"])
        )
        assert seen == ["Typed first."]

    def test_a_draft_nothing_changed_in_is_not_saved(self, draft):
        with CaptureQueriesContext(connection) as queries:
            outcome = change_draft(draft, page_of(draft, headline=draft.headline))
        assert draft_updates(queries) == 0 and outcome.typed == [] and outcome.errors == []
        now = stored(draft)
        assert now.changed_since is None and now.undo == []

    def test_it_keeps_the_time_of_the_first_change_not_yet_saved(self, draft):
        first = ids(draft)[0]
        change_draft(draft, page_of(draft, {first: "A first change."}))
        since = stored(draft).changed_since
        assert since is not None
        change_draft(draft, page_of(stored(draft), {first: "A second change."}))
        assert stored(draft).changed_since == since

    def test_a_box_not_typed_in_on_this_page_leaves_another_tabs_change(self, draft):
        first, second = ids(draft)[:2]
        this_tab = page_of(draft, {first: "Typed in this tab."})
        change_draft(draft, page_of(draft, {second: "Typed in the other tab."}))
        outcome = change_draft(draft, this_tab)
        assert outcome.typed == [first]
        assert texts(stored(draft))[:2] == ["Typed in this tab.", "Typed in the other tab."]

    def test_line_endings_a_browser_sends_back_are_not_typing(self, draft):
        first = ids(draft)[0]
        change_draft(draft, page_of(draft, {first: "Line one.\nLine two."}))
        this_tab = page_of(stored(draft), {first: "Line one.\r\nLine two."})  # the box as a browser sends it
        change_draft(draft, page_of(stored(draft), {first: "Changed in the other tab."}))
        outcome = change_draft(draft, this_tab)
        assert outcome.typed == [] and texts(stored(draft))[0] == "Changed in the other tab."

    def test_text_typed_into_a_paragraph_no_longer_in_the_draft_is_not_kept_and_says_so(self, draft):
        first, second = ids(draft)[:2]
        this_tab = page_of(draft, {first: "Typed into a dropped paragraph.", second: "Typed into a kept one."})
        change_draft(draft, change=lambda d: drop_paragraph(d, first))
        outcome = change_draft(draft, this_tab)
        assert outcome.errors == [GONE] and outcome.typed == [second]
        now = stored(draft)
        assert first not in ids(now) and "Typed into a dropped paragraph." not in texts(now)
        assert texts(now)[0] == "Typed into a kept one."

    def test_a_refused_box_is_named_by_its_place_and_the_other_boxes_are_kept(self, draft):
        first, second = ids(draft)[:2]
        before = stored(draft)
        typed = page_of(draft, {first: "Kept.", second: " \r\n "}, headline="  ")
        outcome = change_draft(draft, typed)
        assert outcome.errors == [
            "The headline cannot be empty.",
            "Paragraph 2: A paragraph cannot be empty; drop it instead.",
        ]
        now = stored(draft)
        assert now.headline == before.headline and texts(now)[:2] == ["Kept.", before.paragraphs[1]["text"]]

    def test_a_change_that_cannot_be_made_keeps_the_typing_and_says_why(self, draft):
        last = ids(draft)[-1]
        outcome = change_draft(draft, page_of(draft, {last: "Typed at the end."}), lambda d: move_paragraph(d, last, 1))
        assert outcome.errors == ["The paragraph is already at the end of the article."]
        now = stored(draft)
        assert ids(now) == ids(draft) and texts(now)[-1] == "Typed at the end."
        assert [step["what"] for step in now.undo] == ["typing"], "no step for a change that was not made"

    def test_typing_on_in_the_same_box_is_one_step_and_another_box_is_the_next(self, draft):
        first, second = ids(draft)[:2]
        start = texts(draft)
        for typed in ("One.", "One. Two.", "One. Two. Three."):  # the box's timed saves as one types
            change_draft(draft, page_of(stored(draft), {first: typed}))
        change_draft(draft, page_of(stored(draft), {second: "Another box."}))
        change_draft(draft, page_of(stored(draft), {first: "Back in the first."}))
        undo = stored(draft).undo
        assert len(undo) == 3
        assert [texts_of(step)[:2] for step in undo] == [
            start[:2],
            ["One. Two. Three.", start[1]],
            ["One. Two. Three.", "Another box."],
        ]

    def test_a_change_made_without_remembering_it_leaves_the_undo_steps_alone(self, draft):
        """Undo and redo are changes too, and must not be steps of their own."""
        second = ids(draft)[1]
        change_draft(draft, change=lambda d: drop_paragraph(d, second), remember_it=False)
        now = stored(draft)
        assert second not in ids(now) and now.undo == [] and now.changed_since is not None


def unsaved(*paragraphs: str, headline: str = "Alder Bridge Shut") -> ArticleDraft:
    """A draft that is never saved, its paragraphs named r1, r2, ... as an automatic draft's."""
    return ArticleDraft(
        headline=headline,
        paragraphs=[
            {"id": f"r{n}", "text": text, "sources": [{"block": f"A{n}"}], "row": n, "edited": False}
            for n, text in enumerate(paragraphs, start=1)
        ],
    )


class TestHeadline:
    def test_it_collapses_whitespace(self):
        draft = unsaved()
        set_headline(draft, "  Alder Bridge\r\n  Shut \t for Repairs ")
        assert draft.headline == "Alder Bridge Shut for Repairs"

    def test_an_empty_headline_is_refused(self):
        draft = unsaved()
        for empty in ("", " \n\t "):
            with pytest.raises(DraftEditError, match="^The headline cannot be empty.$"):
                set_headline(draft, empty)
        assert draft.headline == "Alder Bridge Shut"

    def test_its_length_is_counted_once_whitespace_is_collapsed(self):
        draft = unsaved()
        set_headline(draft, "x" * MAX_HEADLINE_CHARS)
        set_headline(draft, "ab    " * 100)  # 600 characters typed, 299 once collapsed
        assert draft.headline == " ".join(["ab"] * 100)
        with pytest.raises(DraftEditError, match=f"at most {MAX_HEADLINE_CHARS} characters"):
            set_headline(draft, "y" * (MAX_HEADLINE_CHARS + 1))
        assert draft.headline == " ".join(["ab"] * 100)


class TestEditParagraph:
    def test_it_stores_the_text_trimmed_with_plain_newlines_and_marks_it_edited(self):
        draft = unsaved("The bridge was closed.", "Buses will run instead.")
        edit_paragraph(draft, "r2", "  Buses will run.\r\nTrams will not.\rFerries may.\n ")
        assert draft.paragraphs[1] == {
            "id": "r2",
            "text": "Buses will run.\nTrams will not.\nFerries may.",
            "sources": [{"block": "A2"}],
            "row": 2,
            "edited": True,
        }
        assert draft.paragraphs[0]["edited"] is False

    def test_the_same_text_sent_back_is_not_an_edit(self):
        draft = unsaved("Line one.\nLine two.")
        edit_paragraph(draft, "r1", " Line one.\r\nLine two. ")
        assert draft.paragraphs[0]["edited"] is False

    def test_an_empty_paragraph_is_refused(self):
        draft = unsaved("The bridge was closed.")
        with pytest.raises(DraftEditError, match="^A paragraph cannot be empty; drop it instead.$"):
            edit_paragraph(draft, "r1", " \r\n ")
        assert texts(draft) == ["The bridge was closed."]

    def test_a_paragraph_is_at_most_twenty_thousand_characters(self):
        draft = unsaved("The bridge was closed.")
        edit_paragraph(draft, "r1", "x" * MAX_PARAGRAPH_CHARS)
        with pytest.raises(DraftEditError, match="at most 20,000 characters long; it was not changed"):
            edit_paragraph(draft, "r1", "y" * (MAX_PARAGRAPH_CHARS + 1))
        assert texts(draft) == ["x" * MAX_PARAGRAPH_CHARS]

    def test_a_paragraph_no_longer_there_is_refused(self):
        draft = unsaved("The bridge was closed.")
        with pytest.raises(DraftEditError, match=f"^{STALE}$"):
            edit_paragraph(draft, "r9", "Typed into a paragraph another tab dropped.")
        assert texts(draft) == ["The bridge was closed."]


class TestAddParagraph:
    def test_it_goes_after_the_paragraph_chosen_or_first(self):
        draft = unsaved("One.", "Two.")
        add_paragraph(draft, "After one.", after="r1")
        add_paragraph(draft, "At the top.", after="")
        assert texts(draft) == ["At the top.", "One.", "After one.", "Two."]

    def test_it_is_the_desks_own_with_an_id_of_its_own(self):
        draft = unsaved("One.")
        add_paragraph(draft, " The harbour master spoke.\r\nShe was brief. ", after="r1")
        add_paragraph(draft, "And again.", after="r1")
        own = draft.paragraphs[2]
        assert own["text"] == "The harbour master spoke.\nShe was brief."
        assert own["sources"] == [] and own["row"] is None and own["edited"] is True
        assert own["id"].startswith("p") and len(set(ids(draft))) == 3

    def test_an_empty_or_over_long_paragraph_is_not_added(self):
        draft = unsaved("One.")
        with pytest.raises(DraftEditError, match="^Write the new paragraph first, then add it.$"):
            add_paragraph(draft, "\r\n  ", after="")
        with pytest.raises(DraftEditError, match="at most 20,000 characters long; it was not added"):
            add_paragraph(draft, "x" * (MAX_PARAGRAPH_CHARS + 1), after="")
        with pytest.raises(DraftEditError, match=f"^{STALE}$"):
            add_paragraph(draft, "After a paragraph another tab dropped.", after="r9")
        assert texts(draft) == ["One."]


class TestDropAndMove:
    def test_a_paragraph_is_dropped_by_its_id_wherever_it_moved(self):
        draft = unsaved("One.", "Two.", "Three.")
        move_paragraph(draft, "r3", -1)
        drop_paragraph(draft, "r2")
        assert ids(draft) == ["r1", "r3"]
        with pytest.raises(DraftEditError, match=f"^{STALE}$"):
            drop_paragraph(draft, "r2")
        assert ids(draft) == ["r1", "r3"]

    def test_a_paragraph_moves_one_place_up_or_down(self):
        draft = unsaved("One.", "Two.", "Three.")
        move_paragraph(draft, "r1", 1)
        assert ids(draft) == ["r2", "r1", "r3"]
        move_paragraph(draft, "r3", -1)
        assert ids(draft) == ["r2", "r3", "r1"]

    def test_moving_past_either_end_is_refused(self):
        draft = unsaved("One.", "Two.")
        for pid, step in (("r1", -1), ("r2", 1)):
            with pytest.raises(DraftEditError, match="^The paragraph is already at the end of the article.$"):
                move_paragraph(draft, pid, step)
        assert ids(draft) == ["r1", "r2"]


def state(headline: str) -> dict:
    """A draft's state before a change, told apart by its headline."""
    return snapshot(unsaved("One.", headline=headline))


class TestUndoMemory:
    def test_typing_on_in_the_same_boxes_is_one_step_kept_as_it_was_before_the_first(self):
        draft = unsaved()
        remember(draft, state("Before typing"), "typing", typing="r1")
        remember(draft, state("Typed a word"), "typing", typing="r1")
        assert [step["headline"] for step in draft.undo] == ["Before typing"]

    def test_typing_in_other_boxes_and_every_other_change_are_steps_of_their_own(self):
        draft = unsaved()
        remember(draft, state("1"), "typing", typing="r1")
        remember(draft, state("2"), "typing", typing="headline,r1")
        remember(draft, state("3"), "dropping a paragraph")
        remember(draft, state("4"), "dropping a paragraph")
        remember(draft, state("5"), "typing", typing="headline,r1")
        assert [step["headline"] for step in draft.undo] == ["1", "2", "3", "4", "5"]
        assert [step["what"] for step in draft.undo][2:4] == ["dropping a paragraph"] * 2

    def test_a_new_change_forgets_what_was_undone(self):
        draft = unsaved()
        remember(draft, state("1"), "typing", typing="r1")
        draft.redo = [state("undone")]
        remember(draft, state("2"), "typing", typing="r1")
        assert draft.redo == []
        draft.redo = [state("undone")]
        remember(draft, state("3"), "moving a paragraph")
        assert draft.redo == []

    def test_it_keeps_the_newest_steps_only(self):
        draft = unsaved()
        for n in range(MAX_STEPS + 5):
            remember(draft, state(str(n)), "moving a paragraph")
        assert [step["headline"] for step in draft.undo] == [str(n) for n in range(5, MAX_STEPS + 5)]


# A story of two agencies, analysed by hand: row 0 both have, row 1 and row 2 one each (row 1
# also holds Meridian's repeat of its first passage), row 3 both word for word.
COPY = {
    "A1": "PORT ALDER (Northwire) - The Alder Bridge was closed on Monday after inspectors found cracks in two piers.",
    "A2": "City engineer Marta Lindqvist said repairs would take at least three weeks.",
    "A3": "Buses will replace the tram line across the river until the bridge reopens.",
    "B1": "PORT ALDER (Meridian Press) - Inspectors shut the Alder Bridge on Monday when cracks showed in two piers.",
    "B2": "Repairs will cost about 4 million kroner, the council said.",
    "B3": "Buses will replace the tram line across the river until the bridge reopens.",
}
NORTHWIRE = SourceInfo("A", source_id=1, version_id=11, provider="Northwire", label="Northwire")
MERIDIAN = SourceInfo("B", source_id=2, version_id=22, provider="Meridian Press")  # no label: named by provider
INFO = {"A": NORTHWIRE, "B": MERIDIAN}


def blocks_of(key: str, **repeats: str) -> tuple[Block, ...]:
    texts = {block_id: text for block_id, text in COPY.items() if block_id.startswith(key)}
    texts.update({block_id: COPY[repeat_of] for block_id, repeat_of in repeats.items()})
    return tuple(
        Block(block_id, key, passage_number(block_id) - 1, "body", text, (n, n), repeat_of=repeats.get(block_id))
        for n, (block_id, text) in enumerate(texts.items(), start=1)
    )


BRIDGE = Comparison(
    sources=(Source("A", "northwire.txt", blocks_of("A")), Source("B", "meridian.txt", blocks_of("B", B4="B1"))),
    rows=(
        Row((Cell("A", ("A1",), "changed"), Cell("B", ("B1",), "changed"))),
        Row((Cell("A", ("A2",), "only-here"), Cell("B", ("B4",), "repeat"))),
        Row((Cell("B", ("B2",), "only-here"),)),
        Row((Cell("A", ("A3",), "same"), Cell("B", ("B3",), "same"))),
    ),
)


def taken(row: int, block: str, *, version: int | None = None) -> dict:
    """A paragraph of the draft made of one passage of `row` (of another version of its source, with `version`)."""
    info = dict(INFO)
    if version is not None:
        info[block[0]] = SourceInfo(block[0], INFO[block[0]].source_id, version, INFO[block[0]].provider)
    cell = Cell(block[0], (block,), "same")
    return paragraph_from_cells([cell], BRIDGE.blocks_by_id, info, row=row, pid=f"r{row}{block}")


def own(text: str) -> dict:
    return {"id": "p0own", "text": text, "sources": [], "row": None, "edited": True}


def offered(alternatives) -> list[tuple[str, bool]]:
    return [(alternative.label, alternative.in_place) for alternative in alternatives]


class TestAlternatives:
    def test_a_paragraph_is_offered_each_passage_of_its_row_and_all_of_them_together(self):
        alternatives = PassageIndex(BRIDGE, INFO).alternatives(taken(0, "A1"))
        assert offered(alternatives) == [
            ("Northwire ¶1", True),
            ("Meridian Press ¶1", False),
            ("All of them, one after another", False),
        ]
        assert [alternative.text for alternative in alternatives[:2]] == [COPY["A1"], COPY["B1"]]
        assert [cell.blocks for cell in alternatives[2].cells] == [("A1",), ("B1",)]

    def test_all_of_them_is_in_place_once_taken_and_the_paragraph_keeps_its_id_and_row(self):
        index = PassageIndex(BRIDGE, INFO)
        draft = ArticleDraft(headline="Alder Bridge Shut", paragraphs=[taken(0, "A1")])
        replace_paragraph(draft, "r0A1", index.alternatives(draft.paragraphs[0])[2], INFO, index.blocks)
        [paragraph] = draft.paragraphs
        assert paragraph["id"] == "r0A1" and paragraph["row"] == 0
        assert paragraph["text"] == f"{COPY['A1']} {COPY['B1']}"
        assert [(e["provider"], e["version"], e["block"]) for e in paragraph["sources"]] == [
            ("Northwire", 11, "A1"),
            ("Meridian Press", 22, "B1"),
        ]
        assert offered(index.alternatives(paragraph)) == [
            ("Northwire ¶1", False),
            ("Meridian Press ¶1", False),
            ("All of them, one after another", True),
        ]

    def test_a_row_of_one_passage_offers_only_that_passage_and_never_a_repeat(self):
        index = PassageIndex(BRIDGE, INFO)
        assert offered(index.alternatives(taken(2, "B2"))) == [("Meridian Press ¶2", True)]
        assert offered(index.alternatives(taken(1, "A2"))) == [("Northwire ¶2", True)]

    def test_nothing_is_offered_for_a_paragraph_of_the_desks_or_of_two_rows_or_of_an_older_version(self):
        index = PassageIndex(BRIDGE, INFO)
        two_rows = taken(0, "A1")
        two_rows["sources"] += taken(2, "B2")["sources"]
        for paragraph in (own("Written at the desk."), two_rows, taken(0, "A1", version=10)):
            assert index.alternatives(paragraph) == []


class TestLeftOut:
    def test_it_lists_each_passage_of_every_row_the_draft_takes_nothing_from(self):
        left_out = PassageIndex(BRIDGE, INFO).left_out([taken(0, "B1"), taken(3, "A3")])
        assert [(item.row, item.block, item.passage.label) for item in left_out] == [
            (1, "A2", "Northwire ¶2"),
            (2, "B2", "Meridian Press ¶2"),
        ]

    def test_a_paragraph_of_the_desks_or_of_an_older_version_takes_no_row(self):
        left_out = PassageIndex(BRIDGE, INFO).left_out([own("Written at the desk."), taken(0, "A1", version=10)])
        assert [(item.row, item.block) for item in left_out] == [
            (0, "A1"),
            (0, "B1"),
            (1, "A2"),
            (2, "B2"),
            (3, "A3"),
            (3, "B3"),
        ]

    def test_a_passage_whose_words_the_draft_has_already_is_said_already(self):
        paragraphs = [taken(0, "A1"), taken(3, "A3"), own("The council said repairs will cost 4 million kroner.")]
        left_out = PassageIndex(BRIDGE, INFO).left_out(paragraphs)
        assert [(item.block, item.said_already) for item in left_out] == [("A2", False), ("B2", True)]


class TestBringBack:
    def test_it_comes_back_after_the_last_paragraph_from_an_earlier_row(self):
        draft = ArticleDraft(paragraphs=[taken(3, "A3"), taken(0, "A1"), own("Written at the desk.")])
        PassageIndex(BRIDGE, INFO).bring_back(draft, 2, "B2")
        assert texts(draft) == [COPY["A3"], COPY["A1"], COPY["B2"], "Written at the desk."]
        back = draft.paragraphs[2]  # row 3 counted from 1, as the automatic draft counts (index row 2)
        assert back["row"] == 3 and back["edited"] is False and back["id"] not in ids(draft)[:2] + ids(draft)[3:]
        assert back["sources"] == [
            {"source": 2, "version": 22, "provider": "Meridian Press", "block": "B2", "paragraph": 2}
        ]

    def test_it_comes_first_when_no_paragraph_is_from_an_earlier_row(self):
        draft = ArticleDraft(paragraphs=[own("Written at the desk."), taken(0, "A1", version=10), taken(3, "A3")])
        PassageIndex(BRIDGE, INFO).bring_back(draft, 1, "A2")
        assert texts(draft)[0] == COPY["A2"] and len(draft.paragraphs) == 4

    def test_a_passage_not_in_that_row_of_the_analysis_is_refused(self):
        draft = ArticleDraft(paragraphs=[taken(0, "A1")])
        index = PassageIndex(BRIDGE, INFO)
        for row, block in ((4, "A3"), (-1, "A3"), (0, "A2"), (1, "B4"), (1, "")):
            with pytest.raises(DraftEditError, match="^That passage is no longer in the sources; the page was out"):
                index.bring_back(draft, row, block)
        assert ids(draft) == ["r0A1"]
