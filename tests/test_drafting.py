"""The automatic first draft: it follows one source, so a name keeps one spelling and a
figure one value, and it leaves out a passage that only says again what it says. The copy
is our own."""

from stories.analysis import SourceText, compare_sources, from_json, to_json
from stories.services.drafting import SourceInfo, automatic_draft, restates
from tests.views.copy import HARBOUR_A, HARBOUR_B

FIRST = """Harbour Fire

A fire injured 12 people at Pier 9 on Tuesday.
The damage was put at 38 million kroner.
"""
SECOND = """Harbour Fire

A fire injured 12 people at Pier 9 on Tuesday.
The damage was put at 38 million kroner.
The dock workers' union called for safety inspections of every pier.
Officials put the damage at 38 million kroner after the fire at Pier 9.
"""


def draft(*texts: str, preferred: int | None = None) -> tuple[str, list[str]]:
    result = from_json(to_json(compare_sources([SourceText(f"s{n}.txt", text) for n, text in enumerate(texts)])))
    infos = [
        SourceInfo(source.key, n, n, f"Agency {n}", preferred=n == preferred) for n, source in enumerate(result.sources)
    ]
    headline, paragraphs, _lines = automatic_draft(result, infos)
    return headline, [paragraph["text"] for paragraph in paragraphs]


def test_it_follows_the_first_source_so_a_name_keeps_one_spelling_and_a_figure_one_value():
    headline, paragraphs = draft(HARBOUR_A, HARBOUR_B)
    body = " ".join(paragraphs)
    assert "Søren Holmgaard" in body and "Soren" not in body
    assert "12 people" in body and "14 people" not in body and "43 million" not in body
    assert "The dock workers' union called for safety inspections of every pier." in paragraphs, "what only B has"


def test_it_follows_the_preferred_providers_source_wherever_it_has_a_passage():
    _headline, paragraphs = draft(HARBOUR_A, HARBOUR_B, preferred=1)
    body = " ".join(paragraphs)
    assert "Soren Holmgaard" in body and "Søren" not in body and "14 people" in body and "12 people" not in body


def test_a_passage_that_only_says_again_what_the_draft_says_is_left_out():
    result = compare_sources([SourceText("first.txt", FIRST), SourceText("second.txt", SECOND)])
    alone = [row.cells for row in result.rows if len(row.cells) == 1]
    assert len(alone) == 2, "the union's call and the officials' figure are rows only the second source has"
    _headline, paragraphs = draft(FIRST, SECOND)
    assert not any(text.startswith("Officials put the damage") for text in paragraphs)
    assert "The dock workers' union called for safety inspections of every pier." in paragraphs


def test_restating_needs_the_same_figures_and_most_of_the_words():
    stated = ["A fire injured 12 people at Pier 9 on Tuesday.", "The damage was put at 38 million kroner."]
    assert restates("Officials put the damage at 38 million kroner after the fire at Pier 9.", stated)
    assert not restates("Officials put the damage at 40 million kroner after the fire at Pier 9.", stated)
    assert not restates("The union called for inspections of every pier.", stated)


WITH_LINES = """Fire Shuts Port Alder Pier

Twelve hurt as flames gut a cold store, and the pier stays shut for a week

By Ines Varga

PORT ALDER (Northwire) - A fire tore through a cold-storage warehouse on Pier 9 on Tuesday, injuring 12 people.
Police said the cause of the fire was not yet known.
"""


def test_a_byline_becomes_the_articles_byline_not_a_paragraph_of_its_body():
    result = from_json(to_json(compare_sources([SourceText("a.txt", WITH_LINES)])))
    headline, paragraphs, lines = automatic_draft(result, [SourceInfo("A", 1, 1, "Northwire")])
    assert headline == "Fire Shuts Port Alder Pier"
    assert lines == {"byline": "By Ines Varga"}
    assert [p["text"][:10] for p in paragraphs] == ["Twelve hur", "PORT ALDER", "Police sai"], "the dek stays"
