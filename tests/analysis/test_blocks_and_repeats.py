"""Blocks (kinds, line ranges, display text, sentences) and repeats inside one source."""
from stories.analysis import parse_source
from stories.analysis.sentences import split_sentences
from stories.analysis.text import display_text, fold

STORY = "\n".join([
    "A summary of the whole story in one sentence comes first.",
    "**Storm closes Lisbon port**",
    "",
    "**Storm closes Lisbon port**",
    "Ships wait offshore as winds reach 120 km an hour.",
    "By Ana Sousa",
    "LISBON (Newsroom) - A storm closed the port of Lisbon on Monday, officials said. Ships waited offshore.",
    "Harbour master João Pires said 14 ships were waiting. He expected the port to reopen on Wednesday.",
    "The storm also cut power to 30,000 homes in the region, the grid operator said.",
    "Harbour master João Pires said 14 ships were waiting. He expected the port to reopen on Wednesday.",
    "The storm also cut power to 30,000 homes in the region, the grid operator said.",
])


def test_it_gives_each_block_its_kind_and_lines():
    blocks = parse_source("A", "a.txt", STORY).blocks
    assert [(b.kind, b.lines) for b in blocks[:6]] == [
        ("standfirst", (1, 1)), ("headline", (2, 2)), ("headline", (4, 4)),
        ("dek", (5, 5)), ("byline", (6, 6)), ("body", (7, 7)),
    ]


def test_it_removes_markup_but_keeps_the_text_as_written():
    assert display_text("**Nicolás “Maduro”**") == "Nicolás “Maduro”"
    assert display_text("## A *Markdown* heading") == "A Markdown heading"
    assert display_text("snake_case and 5 * 3") == "snake_case and 5 * 3"


def test_it_folds_case_accents_quotes_and_dotted_abbreviations():
    assert fold("Nicolás “MADURO”, U.S.") == fold('nicolas "maduro" US')


def test_it_joins_hard_wrapped_paragraphs_and_keeps_their_line_ranges():
    text = ("Storm closes port\n\nLISBON (Newsroom) - A storm closed the port of\nLisbon on Monday, "
            "officials said, and ships\nwaited offshore.\n\nPower was cut to 30,000 homes in\nthe region.\n")
    blocks = parse_source("A", "a.txt", text).blocks
    assert [b.lines for b in blocks] == [(1, 1), (3, 5), (7, 8)]
    assert blocks[1].text.startswith("LISBON (Newsroom) - A storm closed the port of Lisbon on Monday")


def test_abbreviations_do_not_end_a_sentence():
    text = ("The U.S. Geological Survey said Mr. Smith of No. 10 Downing St. left on Jan. 5. "
            "John F. Kennedy arrived later. He left for the U.S. The next day was calm.")
    assert [s.text for s in split_sentences(text)] == [
        "The U.S. Geological Survey said Mr. Smith of No. 10 Downing St. left on Jan. 5.",
        "John F. Kennedy arrived later.", "He left for the U.S.", "The next day was calm.",
    ]


def test_a_company_s_ticker_after_its_name_does_not_open_a_sentence():
    text = ("Kestrel Air Inc. KEST.O , which flies the Varna route, fell 59 cents. Shares of Dorval Corp. <DORV.N> "
            "rose. The line was sold to Kestrel Air Inc. The deal closed on Friday.")
    assert [s.text for s in split_sentences(text)] == [
        "Kestrel Air Inc. KEST.O , which flies the Varna route, fell 59 cents.",
        "Shares of Dorval Corp. <DORV.N> rose.",
        "The line was sold to Kestrel Air Inc.",
        "The deal closed on Friday.",
    ]


def test_it_finds_a_repeated_headline_and_a_repeated_run():
    blocks = parse_source("A", "a.txt", STORY).blocks
    repeats = {b.lines[0]: b.repeat_of for b in blocks if b.repeat_of}
    assert repeats == {4: "A2", 10: "A7", 11: "A8"}


def test_it_finds_a_near_repeat_with_a_word_changed():
    text = "\n".join([
        "Officials said the bridge would reopen to traffic on Friday after repairs to its deck.",
        "Engineers found cracks in two of the supporting pillars last month.",
        "officials said the bridge would reopen to cars on Friday, after repairs to its deck",
    ])
    blocks = parse_source("A", "a.txt", text).blocks
    assert [b.repeat_of for b in blocks] == [None, None, "A1"]


def test_it_finds_a_sentence_repeated_inside_a_paragraph():
    text = "Headline here\nThe mayor resigned on Monday. Her deputy takes over. The mayor resigned on Monday."
    block = parse_source("A", "a.txt", text).blocks[1]
    assert block.repeated_sentences == ((2, 0),)
    assert block.repeat_of is None


def test_it_does_not_call_similar_but_different_paragraphs_repeats():
    text = "\n".join([
        "The council approved the budget by 54 votes to 31 on Friday.",
        "The council rejected the transport plan by 40 votes to 45 on Monday.",
        "By Ana Sousa", "By Ana Silva",
    ])
    assert all(b.repeat_of is None for b in parse_source("A", "a.txt", text).blocks)
