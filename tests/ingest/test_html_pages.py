"""Web pages read as a browser reads them, and the article found among their boilerplate.

The copy is invented. harbour-dredging.html is a news page with the furniture real pages
carry around a story: cookie banner, masthead, navigation, breadcrumbs, share links, an
inline "read more" box, advertising slots, comments, a "most read" list, a newsletter form
and a footer.
"""

import time
from pathlib import Path

import pytest

from stories.ingest import CopyRefused, ParsedCopy, parse_copy

WIRE = Path(__file__).parent / "wire"

HARBOUR_HEADLINE = "Seal pups halt Port Ellery harbour dredging"
HARBOUR_BODY = [
    "Dredging of the inner harbour at Port Ellery was stopped on Monday after divers found three grey seal "
    "pups sheltering among the rocks beside the fish quay.",
    "The harbour board had hired a contractor to deepen the channel by two metres so that the new lifeboat, "
    "due in the spring, can leave at any state of the tide.",
    "“We will not move a single bucket of silt until the pups have gone back to sea,” said the harbourmaster, "
    "Jory Penhallow. “That could be three weeks or it could be six.”",
    "Wildlife officers visited the quay on Monday afternoon and marked off a zone of fifty metres around the "
    "rocks. Anglers have been asked to keep their dogs on leads.",
    "The contractor, Tamar Marine Works, said its barge would stay moored off the breakwater and that the "
    "delay would add about £40,000 to the cost of the job.",
    "Fishermen said they welcomed the pause but feared that the deeper channel would not be ready before the "
    "pilchard season opens in June.",
    "The board will meet on Thursday to decide whether to move the work to the outer harbour while the inner "
    "basin is left alone.",
]
HARBOUR_BOILERPLATE = [
    "cookies", "Search the Courier", "Sport", "Weather", "Home", "Coast", "Advertisement", "Share on social",
    "Email this story", "Read 14 comments", "Read more", "Lifeboat crew raises money", "Fish quay repairs",
    "were spotted by divers", "Topics", "Comments (14)", "saltyseadog", "seals were here first",
    "Who is paying", "Most read", "lido", "mackerel", "morning briefing", "Sign up", "All rights reserved",
    "About us", "Terms", "advertising script", "adSlots", "display: inline-block", "EC",
]  # fmt: skip


def read_wire(filename: str) -> ParsedCopy:
    return parse_copy(filename, (WIRE / filename).read_text(encoding="utf-8"))


def paragraphs(parsed: ParsedCopy) -> list[str]:
    """The rendered text's paragraphs: one a line, blank lines between them."""
    assert parsed.text.endswith("\n") and "\n\n\n" not in parsed.text
    return parsed.text.rstrip("\n").split("\n\n")


# The article among the boilerplate


def test_it_reads_the_article_of_a_news_page_with_its_headline_and_byline():
    parsed = read_wire("harbour-dredging.html")
    assert (parsed.copy_format, parsed.headline) == ("html", HARBOUR_HEADLINE)
    assert paragraphs(parsed) == [HARBOUR_HEADLINE, "By Morwenna Tregaskis", *HARBOUR_BODY]


@pytest.mark.parametrize("boilerplate", HARBOUR_BOILERPLATE)
def test_it_leaves_the_boilerplate_around_the_article_out(boilerplate):
    assert boilerplate not in read_wire("harbour-dredging.html").text


def test_a_fragment_keeps_every_paragraph_even_short_ones_and_lists_of_links():
    fragment = (
        "<h1>Quay Reopens</h1>\n<p>Updated 11:40.</p>\n<p>The fish quay reopened on Friday.</p>\n"
        '<ul><li><a href="/a">Tide times</a></li><li><a href="/b">Harbour dues</a></li></ul>'
    )
    parsed = parse_copy("quay.txt", fragment)
    assert paragraphs(parsed) == ["Quay Reopens", "Updated 11:40.", "The fish quay reopened on Friday.",
                                  "Tide times", "Harbour dues"]  # fmt: skip


# Markup that used to hide the rest of the page


AFTER = [
    "The lifeboat crew launched twice on Sunday, first to a yacht with a fouled propeller.",
    "Both of the people aboard were brought ashore at the slipway before dark.",
    "The station will be open to visitors on Saturday morning.",
]


def lifeboat_page(hostile: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>Lifeboat busy weekend</title></head><body>"
        "<h1>Lifeboat has its busiest weekend</h1><p>Crew members were paged at dawn.</p>"
        + hostile
        + "".join(f"<p>{paragraph}</p>" for paragraph in AFTER)
        + "</body></html>"
    )


@pytest.mark.parametrize(
    "hostile",
    [
        '<svg class="icon" viewBox="0 0 8 8"><path d="M0 0h8v8z">',  # an icon that is never closed
        "<math><mi>x</mi><style>",  # MathML's own <style>: markup inside it is markup, not CSS
        "<![CDATA[ a note the editing system left open",  # no CDATA in HTML: a comment up to the first ">"
    ],
    ids=["unclosed svg", "style inside math", "cdata"],
)
def test_every_paragraph_after_markup_a_browser_recovers_from_is_read(hostile):
    parsed = parse_copy("lifeboat.html", lifeboat_page(hostile))
    assert parsed.headline == "Lifeboat has its busiest weekend"
    assert paragraphs(parsed)[:2] == ["Lifeboat has its busiest weekend", "Crew members were paged at dawn."]
    assert paragraphs(parsed)[-3:] == AFTER


BOATS = ["Kittiwake", "Morvoren", "Sea Pink", "Gannet", "Lowen", "Curlew", "Brenda May", "Tern"]


def regatta_paragraph(number: int) -> str:
    boat, rival = BOATS[number % 8], BOATS[(number * 3 + 1) % 8]
    return (
        f"In heat {number + 1} the gig {boat} crossed the line {number % 17 + 2} seconds ahead of {rival}, "
        f"whose crew had led until the turn at the {['bell buoy', 'harbour light', 'wreck marker'][number % 3]}."
    )


def test_a_long_page_whose_head_is_never_closed_is_read_to_its_last_paragraph():
    # </head> and <body> are both optional in HTML: the first element that belongs in the
    # body opens it. Eighty paragraphs sit 30 divs deep, among navigation and a footer.
    body = [regatta_paragraph(number) for number in range(80)]
    page = (
        "<!DOCTYPE html><html><head><meta charset=utf-8><title>Gig regatta results</title>"
        '<nav><a href="/">Home</a> <a href="/sport">Sport</a></nav>'
        + '<div class="wrap">' * 30
        + "<h1>Gig regatta results</h1>"
        + "".join(f'<div class="para"><p>{paragraph}</p></div>' for paragraph in body)
        + "</div>" * 30
        + "<footer><p>All rights reserved.</p></footer></html>"
    )
    parsed = parse_copy("regatta.html", page)
    assert paragraphs(parsed) == ["Gig regatta results", *body]


def test_a_page_whose_first_h1_comes_after_the_story_keeps_the_story():
    page = (
        "<!DOCTYPE html><html><head><title>Quay reopens</title></head><body>"
        "<p>The fish quay reopened on Friday after six weeks of repairs.</p>"
        "<p>Boats landed crab and lobster there the same afternoon.</p>"
        '<div class="footer-brand"><h1>The Ellery Courier</h1></div></body></html>'
    )
    parsed = parse_copy("quay.html", page)
    assert paragraphs(parsed)[-2:] == [
        "The fish quay reopened on Friday after six weeks of repairs.",
        "Boats landed crab and lobster there the same afternoon.",
    ]


# Never more than text, never unbounded


def test_scripts_styles_templates_and_noscript_never_become_text_on_a_long_page():
    body = [regatta_paragraph(number) for number in range(12)]
    page = (
        "<!DOCTYPE html><html><head><title>Gig regatta results</title></head><body><article>"
        "<h1>Gig regatta results</h1>"
        + "".join(f"<p>{paragraph}</p>" for paragraph in body[:6])
        + "<script>document.write('<p>Written by a script in heat 99 of the regatta.</p>')</script>"
        + "<style>p::after { content: 'Added by a style sheet' }</style>"
        + "<template><p>A template paragraph about heat 98, never shown.</p></template>"
        + "<noscript><p>A noscript paragraph about heat 97 of the regatta.</p></noscript>"
        + '<img src="x" onerror="alert(1)">'
        + "".join(f"<p>{paragraph}</p>" for paragraph in body[6:])
        + "</article></body></html>"
    )
    parsed = parse_copy("regatta.html", page)
    assert paragraphs(parsed) == ["Gig regatta results", *body]


@pytest.mark.parametrize(
    "markup",
    [
        "<div>" * 380_000,  # nested blocks: each start scans the open elements in an HTML5 parser
        "<ul><li>" * 230_000,
        "<span>" * 150_000 + "</div>" * 150_000,  # end tags that match nothing, below a deep stack
        "".join(f"<b {n}>" for n in range(30_000)) + "".join(f"<i {n}>" for n in range(30_000)) + "x</b>" * 30_000,
        "<select>" + "<option>Harbour</option>" * 80_000,
    ],
    ids=["divs", "lists", "stray end tags", "formatting reconstruction", "options"],
)
def test_hostile_nesting_up_to_the_size_limit_is_read_in_bounded_time(markup):
    """Bounded against an ordinary page of the same size read in the same process (CPU
    time, so a busy machine does not fail it): a reader gone quadratic in the nesting takes
    minutes here, hundreds of times the ordinary page; the linear one takes about ten times."""
    page = "<!DOCTYPE html><html><body>" + markup + "<p>Water rose.</p>"
    assert len(page.encode()) <= 2 * 1024 * 1024  # NEWSROOM_MAX_COPY_BYTES
    paragraph = "<p>Water rose in the harbour overnight and the staff moved the books upstairs.</p>"
    ordinary = "<!DOCTYPE html><html><body>" + paragraph * (len(page) // len(paragraph))
    assert _cpu_seconds_to_read(page) < 40 * _cpu_seconds_to_read(ordinary) + 0.5


def _cpu_seconds_to_read(page: str) -> float:
    started = time.process_time()
    try:
        parse_copy("deep.html", page)
    except CopyRefused as refused:
        assert str(refused).startswith("deep.html: ")
    return time.process_time() - started


def test_navigation_nested_past_twice_the_depth_a_browser_builds_is_refused_in_words():
    # Past 512 elements an ordinary element's tags are renamed (its text kept); a <nav>'s
    # are not, or its links would be read as text, and past 1,024 the page is refused.
    page = "<!DOCTYPE html><html><body>" + "<div>" * 600 + "<nav><a href=/>Home</a>" * 600 + "<p>Water rose.</p>"
    with pytest.raises(CopyRefused) as refused:
        parse_copy("deep.html", page)
    assert str(refused.value) == (
        "deep.html: the HTML nests elements more than 1,024 deep, far deeper than a browser builds, so it was refused."
    )


def test_text_nested_past_the_depth_a_browser_builds_is_still_read_paragraph_by_paragraph():
    page = "<!DOCTYPE html><html><body>" + "<div>" * 700 + "<p>Water rose.</p><p>Staff moved books.</p>"
    assert paragraphs(parse_copy("deep.html", page))[-2:] == ["Water rose.", "Staff moved books."]
