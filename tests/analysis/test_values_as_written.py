"""A conflict's values are reported as their passages write them, marks and all, so that the
compare page can mark them where they stand and a reader of the JSON finds them there.
Copy of our own."""

from stories.analysis import SourceText, compare_sources


def _values(a: str, b: str) -> list[tuple[str, str, str]]:
    result = compare_sources([SourceText("a", a), SourceText("b", b)])
    texts = {block.id: block.text for source in result.sources for block in source.blocks}
    for conflict in result.conflicts:
        assert conflict.a.text in texts[conflict.a.block] and conflict.b.text in texts[conflict.b.block]
    return [(c.kind, c.a.text, c.b.text) for c in result.conflicts if c.kind != "style"]


def test_a_state_changed_after_a_bracket_is_reported_with_the_bracket():
    a = "The Northern Harbour Board (NHB) imposed a levy on Varna fish oils, the ministry said."
    b = "The Northern Harbour Board (NHB) proposed a levy on Varna fish oils, the ministry said."
    assert _values(a, b) == [("other", "(NHB) imposed a levy on", "(NHB) proposed a levy on")]


def test_a_respelled_name_before_a_possessive_is_reported_with_it():
    a = "Turkeminstan's CEC plans to hold the council elections on December 15, officials in the capital said."
    b = "Turkmenistan plans to hold the council elections on December 15, officials in the capital said."
    assert _values(a, b) == [("name", "Turkeminstan's CEC", "Turkmenistan")]
