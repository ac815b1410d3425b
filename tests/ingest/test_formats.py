"""Structured wire formats (NITF, NewsML-G2, ninjs, HTML) read into the engine's plain text.

The fixtures in wire/ are invented copy about one invented story: a ferry strike in Orkney.
"""

import json
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stories.analysis import SourceText, compare_sources
from stories.ingest import CopyLimits, CopyRefused, ParsedCopy, decode_copy, parse_copy

WIRE = Path(__file__).parent / "wire"

STRIKE_HEAD = [
    "Ferry Crews Walk Out, Stranding Island Commuters",
    "No sailings to Hoy or Flotta before Friday as roster talks collapse",
    "By Mairi Flett",
    "KIRKWALL, Orkney",
]
STRIKE_BODY = [
    "Ferry crews across the northern isles walked out at dawn on Tuesday, cancelling all 38 scheduled "
    "crossings and leaving about 2,400 commuters with no way to the mainland.",
    "The strike, the first on the routes in 19 years, follows the collapse of 14 hours of talks between "
    "the Seafarers’ Union and Isles Ferry Services over rosters that would add a seventh working day "
    "every fortnight.",
    "“Nobody on these boats wanted to be standing on the pier this morning,” said union organiser "
    "Duncan Rendall. “But the company has put a roster in front of us that no family could live with.”",
    "Isles Ferry Services said it regretted the disruption and had offered a 4 per cent pay rise with "
    "the new rosters. A spokeswoman, Karen Isbister, said the company would return to talks “at any "
    "hour the union chooses.”",
    "The council opened the school hostel in Kirkwall to pupils from the outer islands and asked "
    "employers to let staff work from home until Friday.",
    "Fishing boats and a chartered catamaran carried 60 hospital patients and staff across the sound "
    "on Tuesday afternoon, the health board’s accident & emergency team said.",
]
NAR = "http://iptc.org/std/nar/2006-10-01/"


def read_wire(filename: str) -> ParsedCopy:
    return parse_copy(filename, (WIRE / filename).read_text(encoding="utf-8"))


def paragraphs(parsed: ParsedCopy) -> list[str]:
    """The rendered text's paragraphs: one a line, blank lines between them."""
    assert parsed.text.endswith("\n") and "\n\n\n" not in parsed.text
    return parsed.text.rstrip("\n").split("\n\n")


def nitf(content: str, head: str = "<hedline><hl1>Library Flood Closes Reading Room</hl1></hedline>") -> str:
    return f"<nitf><body><body.head>{head}</body.head><body.content>{content}</body.content></body></nitf>"


def refusal(name: str, text: str) -> str:
    with pytest.raises(CopyRefused) as refused:
        parse_copy(name, text)
    message = str(refused.value)
    assert message.startswith(f"{name}: ")
    return message


# NITF


def test_it_reads_nitf():
    parsed = read_wire("ferry-strike.nitf.xml")
    assert parsed.copy_format == "nitf"
    assert parsed.headline == "Ferry Crews Walk Out, Stranding Island Commuters"
    assert parsed.item_id == "HNA-20250311-0042"
    assert parsed.provider == "Harbour News Agency"
    assert paragraphs(parsed) == STRIKE_HEAD + STRIKE_BODY


def test_it_leaves_nitf_photo_captions_and_taglines_out():
    text = read_wire("ferry-strike.nitf.xml").text
    assert "Passengers wait" not in text
    assert "Reporting by" not in text


def test_it_takes_the_nitf_distributor_when_no_copyright_holder_is_named():
    parsed = parse_copy(
        "flood.xml",
        nitf("<p>Water reached the reading room.</p>", head="<distributor>Fen Valley Press</distributor>"),
    )
    assert (parsed.provider, parsed.item_id, parsed.headline) == (
        "Fen Valley Press",
        "",
        "Water reached the reading room.",
    )


def test_it_reads_namespaced_nitf_paragraphs_with_inline_markup_and_breaks():
    parsed = parse_copy(
        "flood.xml",
        '<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/">'
        + nitf("<p>Staff <em>moved</em> 4,000 books,<br/>said <person>Ann Lowe</person>.</p>")[6:],
    )
    assert paragraphs(parsed) == ["Library Flood Closes Reading Room", "Staff moved 4,000 books, said Ann Lowe."]


# NewsML-G2


def test_it_reads_a_newsml_g2_news_item():
    parsed = read_wire("ferry-strike.newsml.xml")
    assert parsed.copy_format == "newsml"
    assert parsed.headline == "Orkney Ferry Strike Halts Every Sailing"
    assert parsed.item_id == "urn:newsml:northernwire.example:20250311:ferry-strike"
    assert parsed.provider == "Northern Wire"
    assert paragraphs(parsed) == [
        "Orkney Ferry Strike Halts Every Sailing",
        "Union and operator blame each other for failed talks",
        "By Erlend Moar",
        "STROMNESS, Orkney",
        "Every ferry in Orkney stayed in harbour on Tuesday after crews walked out over new rosters, "
        "the first strike on the island routes in 19 years.",
        "About 2,400 people who cross to the mainland each day were stranded, and 38 sailings were cancelled.",
        "Talks broke down overnight",
        "The Seafarers’ Union said 14 hours of talks ended without a deal shortly after 3 a.m. "
        "Isles Ferry Services said it had offered a 4 per cent rise.",
        "The council has opened the Kirkwall school hostel to island pupils.",
        "The health board moved 60 patients and staff by fishing boat and catamaran.",
    ]
    assert "trackView" not in parsed.text


def test_it_takes_the_first_news_item_with_text_from_a_news_message():
    message = f"""<?xml version="1.0"?>
<newsMessage xmlns="{NAR}">
  <header><sent>2025-03-11T10:00:00Z</sent></header>
  <itemSet>
    <newsItem guid="urn:fvp:photo:1"><contentSet><remoteContent href="flood.jpg"/></contentSet></newsItem>
    <newsItem guid="urn:fvp:text:7">
      <itemMeta><provider literal="Fen Valley Press"/></itemMeta>
      <contentMeta><headline>Library Flood Closes Reading Room</headline></contentMeta>
      <contentSet><inlineData contenttype="text/plain">Water reached the reading room
on Sunday night.

Staff moved 4,000 books upstairs.</inlineData></contentSet>
    </newsItem>
  </itemSet>
</newsMessage>"""
    parsed = parse_copy("flood.xml", message)
    assert (parsed.copy_format, parsed.item_id, parsed.provider) == ("newsml", "urn:fvp:text:7", "Fen Valley Press")
    assert paragraphs(parsed) == [
        "Library Flood Closes Reading Room",
        "Water reached the reading room on Sunday night.",
        "Staff moved 4,000 books upstairs.",
    ]


def test_it_reads_nitf_inside_newsml_and_a_provider_by_its_qcode():
    item = f"""<newsItem xmlns="{NAR}" guid="urn:fvp:9">
  <itemMeta><provider qcode="nprov:FVP"/></itemMeta>
  <contentMeta><headline>Library Flood Closes Reading Room</headline></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml">{nitf("<p>Staff moved 4,000 books.</p>")}</inlineXML>
  </contentSet></newsItem>"""
    parsed = parse_copy("flood.xml", item)
    assert parsed.provider == "FVP"
    assert paragraphs(parsed) == ["Library Flood Closes Reading Room", "Staff moved 4,000 books."]


# ninjs


def test_it_reads_ninjs_2():
    parsed = read_wire("ferry-strike.ninjs.json")
    assert parsed.copy_format == "ninjs"
    assert parsed.headline == "Ferry Crews Walk Out, Stranding Island Commuters"
    assert parsed.item_id == "urn:hna:item:20250311-0042"
    assert parsed.provider == "Harbour News Agency"
    assert paragraphs(parsed) == STRIKE_HEAD + STRIKE_BODY


def test_it_reads_ninjs_1():
    parsed = read_wire("ferry-talks.ninjs-1.json")
    assert parsed.copy_format == "ninjs"
    assert parsed.headline == "Ferry Talks to Resume on Thursday"
    assert parsed.item_id == "https://northernwire.example/items/2025/03/12/ferry-talks"
    assert parsed.provider == "Northern Wire"
    assert paragraphs(parsed) == [
        "Ferry Talks to Resume on Thursday",
        "By Erlend Moar",
        "STROMNESS, Orkney",
        "The union and the operator behind Orkney's striking ferries will meet again on Thursday, "
        "the conciliation service said on Wednesday.",
        "Crews have kept all 38 daily crossings in harbour since Tuesday.",
        '"We are ready to sit at the table," said Duncan Rendall of the Seafarers\' Union.',
    ]


def test_it_reads_ninjs_1_body_html_and_an_infosource_as_provider():
    item = {
        "uri": "urn:fvp:3",
        "headline": "Library Flood Closes Reading Room",
        "body_html": "<p>Water reached the <b>reading room</b>.</p><p>Staff moved books.</p>",
        "infosources": [{"name": "Fen Valley Press"}],
    }
    parsed = parse_copy("flood.json", json.dumps(item))
    assert parsed.provider == "Fen Valley Press"
    assert paragraphs(parsed) == [
        "Library Flood Closes Reading Room",
        "Water reached the reading room.",
        "Staff moved books.",
    ]


@pytest.mark.parametrize(
    "field, value, says",
    [
        ("headline", 42, "“headline” should be text, but it is a number"),
        ("bodies", "Water rose.", "“bodies” should be a list, but it is text"),
        ("headlines", [{"role": "main"}], "“headlines” should hold objects with a text “value”, but its entry 1"),
        ("bodies", [["Water rose."]], "“bodies” should hold objects with a text “value”, but its entry 1 is a list"),
        ("body_text", ["Water rose."], "“body_text” should be text, but it is a list"),
        ("uri", {"id": 7}, "“uri” should be text, but it is an object"),
    ],
)
def test_it_refuses_ninjs_with_a_field_of_the_wrong_type(field, value, says):
    item = {"uri": "urn:fvp:3", "headline": "Library Flood", "body_text": "Water rose.", field: value}
    assert says in refusal("flood.json", json.dumps(item))


@pytest.mark.parametrize("text", ['{"title": "Library Flood", "content": "Water rose."}', "[1, 2]"])
def test_it_refuses_json_that_is_not_ninjs(text):
    assert "JSON that is not an IPTC ninjs item" in refusal("feed.json", text)


# HTML


def test_it_reads_an_html_page():
    parsed = read_wire("ferry-strike.html")
    assert parsed.copy_format == "html"
    assert parsed.headline == "Ferry strike strands 2,400 commuters"
    assert (parsed.item_id, parsed.provider) == ("", "")
    assert paragraphs(parsed) == [
        "Ferry strike strands 2,400 commuters",
        "By Ingrid Sinclair",
        "All 38 ferry crossings in the northern isles were cancelled on Tuesday as crews walked out in a "
        "dispute over rosters.",
        "It is the first strike on the routes in 19 years. Talks between the Seafarers’ Union and Isles Ferry "
        "Services broke down after 14 hours. The company said it had offered a 4 per cent pay rise.",
        "“No family could live with this roster,” said organiser Duncan Rendall.",
        "What it means for you",
        "School pupils from the outer islands can stay at the Kirkwall hostel.",
        "Hospital appointments go ahead & patients are taken by boat.",
        "Updated at 11:40.",
        "The union said it would meet the company on Thursday.",
    ]


def test_it_leaves_out_scripts_styles_navigation_and_event_handlers():
    text = read_wire("ferry-strike.html").text
    for absent in ["dataLayer", "console.log", "font-family", "Injected by script", "Home", "pwned", "onerror",
                   "Related", "newsletter", "© 2025", "<", ">"]:  # fmt: skip
        assert absent not in text


def test_it_strips_markup_from_hostile_html():
    page = """<html><head><title>Library Flood</title></head><body>
<h1>Library <script>stealCookies()</script>Flood</h1>
<p>Water <img src=x onerror="stealCookies()">rose.<style>p { color: red }</style></p>
<svg><script>stealCookies()</script><text>svg text</text></svg>
<noscript>Enable scripts</noscript><iframe src="https://evil.example/">frame text</iframe>
<template><p>template text</p></template><p>Staff <b onclick="stealCookies()">moved</b> books.</p>
</body></html>"""
    parsed = parse_copy("flood.html", page)
    assert paragraphs(parsed) == ["Library Flood", "Water rose.", "Staff moved books."]


def test_markup_written_as_text_in_html_copy_stays_the_copys_own_words():
    parsed = parse_copy(
        "flood.html", "<h1>Library Flood</h1>\n<p>The post read &lt;script&gt;alert(1)&lt;/script&gt;.</p>"
    )
    assert paragraphs(parsed)[1] == "The post read <script>alert(1)</script>."


def test_it_takes_the_title_as_headline_when_a_page_has_no_h1():
    parsed = parse_copy("flood.html", "<html><head><title>Library Flood</title><body><p>Water rose.</p></body></html>")
    assert parsed.headline == "Library Flood"
    assert paragraphs(parsed) == ["Library Flood", "Water rose."]


def test_it_recognises_an_html_fragment_by_its_tags():
    parsed = parse_copy("flood.txt", "<h1>Library Flood</h1>\n<p>Water rose.</p>\n<p>Staff moved books.</p>")
    assert parsed.copy_format == "html"
    assert paragraphs(parsed) == ["Library Flood", "Water rose.", "Staff moved books."]


@pytest.mark.parametrize(
    "text",
    [
        "<b>LIBRARY FLOOD</b>\nWater rose on Sunday.\nStaff moved books.\nThe room is shut.",
        "<UPDATE 1> Library flood\nWater rose.",
        "Library flood\n<script>alert(1)</script> was in the copy.",
    ],
)
def test_prose_with_a_stray_tag_stays_text(text):
    parsed = parse_copy("flood.txt", text)
    assert (parsed.copy_format, parsed.text) == ("text", text)


def test_html_that_never_closes_a_tag_is_read_in_linear_time():
    started = time.monotonic()
    with pytest.raises(CopyRefused, match="no body text"):
        parse_copy("flood.html", "<!DOCTYPE html><h1>Library Flood</h1>" + "<a \n" * 50_000)
    assert time.monotonic() - started < 5  # quadratic in html.parser's close(): minutes


# Refusals of hostile and broken XML


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<nitf><body><body.content><p>&lol3;</p></body.content></body></nitf>"""


def test_it_refuses_entity_expansion():
    message = refusal("laughs.xml", BILLION_LAUGHS)
    assert "declares entities, which wire copy never needs, so it was refused" in message
    assert "lol" not in message


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE nitf [<!ENTITY secret SYSTEM "{url}">]>',
        '<!DOCTYPE nitf [<!ENTITY % secret SYSTEM "{url}"> %secret;]>',
    ],
)
def test_it_refuses_external_entities_without_reading_them(tmp_path, doctype):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-PAYLOAD")
    text = '<?xml version="1.0"?>\n' + doctype.format(url=secret.as_uri()) + nitf("<p>&secret;</p>")
    message = refusal("steal.xml", text)
    assert "declares entities" in message
    assert "TOP-SECRET" not in message


def test_it_refuses_an_external_entity_naming_etc_passwd():
    text = '<?xml version="1.0"?><!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>' + nitf("<p>&x;</p>")
    message = refusal("passwd.xml", text)
    assert "declares entities" in message
    assert "root:" not in message


def test_it_refuses_malformed_xml_naming_line_and_column():
    text = '<?xml version="1.0"?>\n<nitf>\n<body><body.content><p>Water rose.</body.content></body></nitf>'
    assert refusal("broken.xml", text) == "broken.xml: malformed XML at line 3, column 37 (mismatched tag)."


@pytest.mark.parametrize(
    "text, root",
    [
        ('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed</title></channel></rss>', "rss"),
        ("<rss><channel><item>Water rose.</item></channel></rss>", "rss"),
        ('<?xml version="1.0"?><newsItem guid="x"><contentSet/></newsItem>', "newsItem"),
    ],
)
def test_it_refuses_other_xml_naming_its_root(text, root):
    assert f"XML with root <{root}>, which is neither NITF nor NewsML-G2" in refusal("feed.xml", text)


@pytest.mark.parametrize(
    "name, text, label",
    [
        ("a.xml", nitf(""), "NITF"),
        (
            "b.xml",
            f'<newsItem xmlns="{NAR}"><contentMeta><headline>Flood</headline></contentMeta></newsItem>',
            "NewsML-G2",
        ),
        ("c.json", '{"uri": "urn:fvp:1", "headline": "Library Flood"}', "ninjs"),
        ("d.json", '{"uri": "urn:fvp:1", "bodies": [{"value": " \\n "}]}', "ninjs"),
        ("e.html", "<html><body><h1>Library Flood</h1><script>x()</script></body></html>", "HTML"),
    ],
)
def test_it_refuses_an_item_with_no_body_text(name, text, label):
    assert refusal(name, text) == f"{name}: the {label} item has no body text."


# Encodings


def test_an_encoding_declaration_on_already_decoded_text_is_harmless():
    text = '<?xml version="1.0" encoding="ISO-8859-1"?>\n' + nitf("<p>The café by the library reopened.</p>")
    parsed = parse_copy("flood.xml", text)
    assert paragraphs(parsed)[1] == "The café by the library reopened."


def test_windows_1252_curly_quotes_survive():
    text = '<?xml version="1.0" encoding="windows-1252"?>\n' + nitf("<p>“It’s ruined,” said the librarian.</p>")
    decoded = decode_copy("flood.xml", text.encode("cp1252"), CopyLimits(max_bytes=100_000, max_line_chars=10_000))
    assert decoded.encoding == "windows-1252"
    assert paragraphs(parse_copy("flood.xml", decoded.text))[1] == "“It’s ruined,” said the librarian."


# The text engine reads what the formats render


def test_the_same_story_in_nitf_and_ninjs_aligns_paragraph_for_paragraph():
    nitf_copy, ninjs_copy = read_wire("ferry-strike.nitf.xml"), read_wire("ferry-strike.ninjs.json")
    comparison = compare_sources(
        [SourceText("strike.nitf.xml", nitf_copy.text), SourceText("strike.json", ninjs_copy.text)]
    )
    a, b = comparison.sources
    assert [block.kind for block in a.blocks] == ["headline", "dek", "byline", "dateline"] + ["body"] * 6
    assert [block.kind for block in b.blocks] == [block.kind for block in a.blocks]
    pairs = [tuple(cell.blocks for cell in row.cells) for row in comparison.rows]
    assert pairs == [((f"A{n}",), (f"B{n}",)) for n in range(1, 11)]
    assert all(cell.status == "same" for row in comparison.rows for cell in row.cells)


# Hostile input never crashes the parser

MARKUP_PIECES = [
    '<?xml version="1.0" encoding="ISO-8859-1"?>', "<!DOCTYPE nitf [", '<!ENTITY a "aa">', "]>", "&a;", "&amp;",
    "&#x0;", "&#99999999;", "<nitf>", "</nitf>", "<body.content>", "<hedline><hl1>", "</hl1>", "<p>", "</p>",
    "<p/>", f'<newsItem xmlns="{NAR}">', "<inlineXML>", "<html>", "<h1>", "</h1>", "<script>", "</script>",
    "<![CDATA[", "<![x", "]]>", "<!--", "-->", "<?pi ", "?>", "<a href='", "'>", "</", "<", ">", "{", "}", "[", "]",
    '"headlines": [{"value": ', '"body_html": "<p>', '"uri": 1', ",", ":", '"', "\n\n", "Water rose.", "é“”",
]  # fmt: skip


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(), st.lists(st.sampled_from(MARKUP_PIECES) | st.text(max_size=5), max_size=40).map("".join)))
def test_any_text_is_parsed_or_refused_never_crashes(text):
    try:
        parsed = parse_copy("fuzz.txt", text)
    except CopyRefused as refused:
        assert str(refused).startswith("fuzz.txt: ")
        return
    assert isinstance(parsed, ParsedCopy)
    assert parsed.copy_format in ("text", "markdown", "html", "nitf", "newsml", "ninjs")
    assert isinstance(parsed.headline, str) and isinstance(parsed.text, str)


def test_deeply_nested_markup_is_read_without_recursion():
    depth = 50_000
    assert parse_copy("deep.html", "<html><body>" + "<div>" * depth + "Water rose." + "</div>" * depth)
    deep_nitf = nitf("<block>" * depth + "<p>Water rose.</p>" + "</block>" * depth)
    assert paragraphs(parse_copy("deep.xml", deep_nitf))[-1] == "Water rose."
    with pytest.raises(CopyRefused, match="deep.json: the JSON is nested too deeply"):
        parse_copy("deep.json", '{"uri": "x", "bodies": ' + "[" * depth + "]" * depth + "}")
