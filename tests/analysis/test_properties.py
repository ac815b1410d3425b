"""Properties that hold for any input: no crash on any Unicode, a source compared with
itself is all `same`, and the order of the files changes only the labels."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.analysis import Comparison, SourceText, compare_sources, to_json

WORDS = ["Maduro", "Nicolás", "said", "the", "U.S.", "US", "250", "prisoners", "on", "Friday",
         "“We", "will", "not", "go,”", "he", "10", "per", "cent", "No.", "Mr.", "**Breaking**",
         "#", "By", "CARACAS", "-", "Zoë", "ten", "March", "5,", "2024.", "released", "."]
sentence = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
paragraph = st.lists(sentence, min_size=1, max_size=4).map(" ".join)
story = st.lists(paragraph, min_size=0, max_size=8).map("\n".join)
any_text = st.text(max_size=400)
separator = st.sampled_from(["\n", "\n\n", "\r\n", " "])
mixed = st.lists(st.one_of(any_text, paragraph), max_size=6).flatmap(
    lambda parts: separator.map(lambda sep: sep.join(parts)))

SETTINGS = settings(max_examples=60, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.lists(st.one_of(any_text, mixed, story), min_size=1, max_size=4))
def test_it_never_crashes_on_any_unicode(texts):
    comparison = compare_sources([SourceText(f"s{n}", t) for n, t in enumerate(texts)])
    data = to_json(comparison)
    placed = sorted(b for row in data["rows"] for cell in row["cells"] for b in cell["blocks"])
    assert placed == sorted(b["id"] for s in data["sources"] for b in s["blocks"])


@SETTINGS
@given(st.one_of(story, mixed))
def test_a_source_compared_with_itself_is_all_same(text):
    comparison = compare_sources([SourceText("a", text), SourceText("b", text)])
    assert not comparison.conflicts
    assert not comparison.changes
    for row in comparison.rows:
        assert {c.source for c in row.cells} == {"A", "B"}
        assert {c.status for c in row.cells} <= {"same", "repeat"}
        assert len({c.status for c in row.cells}) == 1


def _shape(comparison: Comparison) -> tuple:
    """Everything the comparison says, with blocks named by (file name, block number)."""
    name = {s.key: s.name for s in comparison.sources}

    def ref(block_id: str) -> tuple[str, int]:
        return name[comparison.block(block_id).source], comparison.block(block_id).index

    rows = [frozenset((name[c.source], tuple(ref(b) for b in c.blocks), c.status) for c in row.cells)
            for row in comparison.rows]
    repeats = {(ref(b.id), ref(b.repeat_of)) for s in comparison.sources for b in s.blocks if b.repeat_of}
    changes = {frozenset({tuple(map(ref, ch.a)), tuple(map(ref, ch.b))}) for ch in comparison.changes}
    conflicts = {(c.kind, frozenset((ref(value.block), value.text) for value in (c.a, c.b, *c.more)))
                 for c in comparison.conflicts}
    return rows, repeats, changes, conflicts


@SETTINGS
@given(st.lists(st.one_of(story, mixed), min_size=2, max_size=4), st.randoms(use_true_random=False))
def test_the_order_of_the_files_changes_only_the_labels(texts, rnd):
    sources = [SourceText(f"file{n}.txt", t) for n, t in enumerate(texts)]
    shuffled = list(sources)
    rnd.shuffle(shuffled)
    assert _shape(compare_sources(sources)) == _shape(compare_sources(shuffled))


def test_a_number_written_both_ways_in_both_sources_is_no_style_difference():
    """Found by the property above: "10" and "ten" both in one passage, compared with itself."""
    text = "Maduro Maduro 10 10 ten No. Maduro Maduro 10 10 ten"
    comparison = compare_sources([SourceText("a", text), SourceText("b", text)])
    assert not comparison.conflicts
