import pytest

from stories.ingest import CopyRefused, parse_copy


def test_it_finds_the_headline_after_a_standfirst():
    parsed = parse_copy("a.txt", "A one-sentence summary of the story.\nPier Fire Injures 12\n\nBody.")
    assert parsed.headline == "Pier Fire Injures 12"
    assert parsed.copy_format == "text"


def test_it_recognises_markdown_markers_and_drops_them_from_the_headline():
    parsed = parse_copy("a.md", "**Summary sentence here.**\n**Pier Fire Injures 12**\n\nBody text.")
    assert parsed.copy_format == "markdown"
    assert parsed.headline == "Pier Fire Injures 12"


def test_it_keeps_the_text_as_written():
    text = "**Pier Fire**\n<script>alert(1)</script> was in the copy.\n"
    assert parse_copy("a.txt", text).text == text


@pytest.mark.parametrize(
    "text, copy_format",
    [
        ('<?xml version="1.0"?><nitf><body><body.content><p>y</p></body.content></body></nitf>', "nitf"),
        ("<!DOCTYPE html><html><body><h1>x</h1><p>y</p></body></html>", "html"),
        ('{"headline": "x", "body_text": "y"}', "ninjs"),
    ],
)
def test_it_reads_html_xml_and_json_wire_formats(text, copy_format):
    parsed = parse_copy("feed.dat", text)
    assert parsed.copy_format == copy_format
    assert parsed.text.endswith("y\n")


@pytest.mark.parametrize(
    "text, what",
    [
        ('<?xml version="1.0"?><nitf></nitf>', "NITF item has no body text"),
        ("<!DOCTYPE html><html><body>  </body></html>", "HTML item has no body text"),
        ('{"title": "x", "content": "y"}', "JSON that is not an IPTC ninjs item"),
    ],
)
def test_it_refuses_wire_formats_without_copy_by_name(text, what):
    with pytest.raises(CopyRefused, match=what):
        parse_copy("feed.dat", text)


def test_it_takes_prose_that_starts_with_a_bracket():
    assert parse_copy("a.txt", "[UPDATE 1] Pier Fire Injures 12\nBody.").headline == "[UPDATE 1] Pier Fire Injures 12"
