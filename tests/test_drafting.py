"""The automatic first draft: it follows one source, so a name keeps one spelling and a
figure one value, and it leaves out a passage that only says again what it says. The copy
is our own."""

from stories.analysis import Comparison, SourceText, compare_sources, from_json, to_json
from stories.services.drafting import Said, SourceInfo, automatic_draft, lead_source, restates, with_ids
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


# A story of two agencies analysed by hand, in the `compare --json` form: a summary printed
# before the headline (a standfirst), the headline, then the body. Each row is one paragraph.
BRIDGE_BLOCKS = {
    "A1": ("standfirst", "A bridge in Port Alder was shut on Monday."),
    "A2": ("headline", "Alder Bridge Shut"),
    "A3": ("body", "PORT ALDER (Northwire) - The Alder Bridge was closed on Monday after cracks were found."),
    "A4": ("body", "City engineer Marta Lindqvist said repairs would take at least three weeks."),
    "A5": ("body", "Buses will replace the tram line"),
    "A6": ("body", "across the river until the bridge reopens."),
    "A7": ("body", "Repairs will take at least three weeks, city engineer Marta Lindqvist said."),
    "B1": ("standfirst", "Cracks shut a Port Alder bridge on Monday."),
    "B2": ("headline", "Cracks Close Alder Bridge"),
    "B3": ("body", "PORT ALDER (Meridian Press) - Inspectors shut the Alder Bridge on Monday."),
    "B4": ("body", "Repairs will cost about 4 million kroner, the council said."),
    "B5": ("body", "PORT ALDER (Meridian Press) - Inspectors shut the Alder Bridge on Monday."),
    "B6": ("body", "Buses will run in place of the tram line across the river."),
    "B7": ("body", "City engineer Marta Lindqvist said repairs would take at least three weeks."),
}
BRIDGE_ROWS = [
    [("A", ["A1"], "changed"), ("B", ["B1"], "changed")],  # 1: the standfirsts
    [("A", ["A2"], "changed"), ("B", ["B2"], "changed")],  # 2: the headlines
    [("A", ["A3"], "changed"), ("B", ["B3"], "changed")],  # 3
    [("A", ["A4"], "only-here")],  # 4
    [("B", ["B4"], "only-here")],  # 5
    [("B", ["B5"], "repeat")],  # 6: Meridian's repeat of its first paragraph
    [("A", ["A5", "A6"], "changed"), ("B", ["B6"], "changed")],  # 7: Northwire's two lines are one passage
    [("A", ["A7"], "only-here")],  # 8: Northwire says again what row 4 says
    [("B", ["B7"], "only-here")],  # 9: so does Meridian, word for word
]
REPEATS = {"B5": "B3"}
NORTHWIRE, MERIDIAN = (1, 11, "Northwire"), (2, 22, "Meridian Press")


def bridge() -> Comparison:
    blocks = {
        key: [
            {"id": block_id, "kind": kind, "text": text, "lines": [n, n], "repeat_of": REPEATS.get(block_id)}
            for n, (block_id, (kind, text)) in enumerate(BRIDGE_BLOCKS.items(), start=1)
            if block_id.startswith(key)
        ]
        for key in "AB"
    }
    rows = [{"cells": [{"source": s, "blocks": b, "status": status} for s, b, status in row]} for row in BRIDGE_ROWS]
    return from_json(
        {
            "sources": [{"key": key, "name": f"{key}.txt", "blocks": blocks[key]} for key in "AB"],
            "rows": rows,
            "changes": [],
            "conflicts": [],
        }
    )


def bridge_sources(*, preferred: str = "") -> list[SourceInfo]:
    return [SourceInfo(key, *agency, preferred=key in preferred) for key, agency in zip("AB", (NORTHWIRE, MERIDIAN))]


class TestLeadSource:
    def test_it_is_the_first_source_received_when_no_provider_is_preferred(self):
        assert lead_source(bridge(), {info.key: info for info in bridge_sources()}) == "A"

    def test_it_is_the_preferred_providers_source_else_the_first_of_them(self):
        for preferred, lead in (("B", "B"), ("A", "A"), ("AB", "A")):
            assert lead_source(bridge(), {info.key: info for info in bridge_sources(preferred=preferred)}) == lead


class TestAutomaticDraftOfRows:
    def test_the_headline_is_the_leads_and_the_standfirst_is_left_out(self):
        for preferred, headline in (("", "Alder Bridge Shut"), ("B", "Cracks Close Alder Bridge")):
            found, paragraphs, _lines = automatic_draft(bridge(), bridge_sources(preferred=preferred))
            assert found == headline
            body = " ".join(paragraph["text"] for paragraph in paragraphs)
            assert "Port Alder was shut" not in body and "Cracks shut a Port Alder" not in body
            assert "Alder Bridge Shut" not in body and "Cracks Close Alder Bridge" not in body

    def test_each_paragraph_is_named_by_its_row_of_the_analysis(self):
        _headline, paragraphs, _lines = automatic_draft(bridge(), bridge_sources())
        assert [(p["id"], p["row"]) for p in paragraphs] == [("r3", 3), ("r4", 4), ("r5", 5), ("r7", 7), ("r8", 8)]
        assert [p["text"] for p in paragraphs] == [
            BRIDGE_BLOCKS["A3"][1],
            BRIDGE_BLOCKS["A4"][1],
            BRIDGE_BLOCKS["B4"][1],
            "Buses will replace the tram line across the river until the bridge reopens.",
            BRIDGE_BLOCKS["A7"][1],
        ], "the repeat (row 6) and the other's restatement (row 9) are left out"

    def test_the_leads_passage_stays_though_it_says_again_what_the_draft_says(self):
        _headline, paragraphs, _lines = automatic_draft(bridge(), bridge_sources(preferred="B"))
        assert [(p["id"], p["text"]) for p in paragraphs if p["id"] in ("r4", "r8", "r9")] == [
            ("r4", BRIDGE_BLOCKS["A4"][1]),
            ("r9", BRIDGE_BLOCKS["B7"][1]),
        ], "Meridian leads: its restatement stays, Northwire's goes"

    def test_each_paragraph_remembers_the_source_version_provider_and_passages_it_came_from(self):
        _headline, paragraphs, _lines = automatic_draft(bridge(), bridge_sources())
        by_id = {paragraph["id"]: paragraph for paragraph in paragraphs}
        assert by_id["r5"]["sources"] == [
            {"source": 2, "version": 22, "provider": "Meridian Press", "block": "B4", "paragraph": 4}
        ]
        assert by_id["r7"]["sources"] == [
            {"source": 1, "version": 11, "provider": "Northwire", "block": "A5", "paragraph": 5},
            {"source": 1, "version": 11, "provider": "Northwire", "block": "A6", "paragraph": 6},
        ]
        assert not any(paragraph["edited"] for paragraph in paragraphs)


def test_paragraphs_saved_before_ids_get_one_from_their_place_the_same_every_time():
    saved = [{"text": "One."}, {"id": "r2", "text": "Two."}, {"text": "Three."}]
    assert [p["id"] for p in with_ids(saved)] == ["n0", "r2", "n2"]
    assert with_ids(saved) == with_ids(saved) and "id" not in saved[0], "read, not changed"
    assert [p["text"] for p in with_ids(saved)] == ["One.", "Two.", "Three."]


class TestSaid:
    def test_four_words_in_five_said_already_is_a_restatement_three_in_four_is_not(self):
        said = Said.of(["Inspectors found cracks in two piers of the Alder Bridge."])
        assert said.restates("Inspectors found cracks near the bridge.")
        assert not said.restates("Inspectors found cracks yesterday.")

    def test_with_every_figure_stated_half_of_the_words_are_enough(self):
        said = Said.of(["Repairs will cost 4 million kroner."])
        assert said.restates("The council put the bill at 4 million kroner.")
        assert not said.restates("The council put the final bill at 4 million kroner."), "three words in seven"
        assert not said.restates("The council put the bill at 5 million kroner."), "a figure not stated"

    def test_a_passage_of_no_words_that_count_restates_nothing(self):
        assert not Said.of(["It was so."]).restates("It was so.")
        assert not Said().restates("Inspectors found cracks.")

    def test_what_is_said_grows_as_the_draft_is_written(self):
        said = Said.of(["Inspectors found cracks."])
        assert not said.restates("Inspectors found cracks in two piers.")
        said.add("The Alder Bridge has two piers.")
        assert said.restates("Inspectors found cracks in two piers.")


def test_a_passage_with_a_figure_the_draft_does_not_state_is_never_said_already():
    """Once "will cost 9 million" counted as said by "will cost 4 million": four words in five."""
    said = Said.of(["Repairs to the Alder Bridge will cost 4 million kroner, the council said."])
    assert not said.restates("Repairs to the Alder Bridge will cost 9 million kroner, the council said.")
    assert said.restates("The council said repairs to the Alder Bridge will cost 4 million kroner.")
