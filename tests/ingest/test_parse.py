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
    "text, what",
    [
        ('<?xml version="1.0"?><nitf></nitf>', "XML"),
        ("<!DOCTYPE html><html><body>x</body></html>", "HTML"),
        ('{"headline": "x", "body_text": "y"}', "JSON"),
    ],
)
def test_it_refuses_formats_it_cannot_read_yet_by_name(text, what):
    with pytest.raises(CopyRefused, match=what):
        parse_copy("feed.dat", text)


def test_it_takes_prose_that_starts_with_a_bracket():
    assert parse_copy("a.txt", "[UPDATE 1] Pier Fire Injures 12\nBody.").headline == "[UPDATE 1] Pier Fire Injures 12"
