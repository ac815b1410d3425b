"""Decoding wire copy: every encoding a desk receives, every way a file can be bad."""

import codecs

import pytest

from stories.ingest import CopyLimits, CopyRefused, decode_copy

LIMITS = CopyLimits(max_bytes=10_000, max_line_chars=500)
COPY = "Søren Holmgaard said the “fire” at Pier 9 was out — 12 injured.\nSecond paragraph.\n"


def decode(data: bytes, limits: CopyLimits = LIMITS):
    return decode_copy("copy.txt", data, limits)


def refusal(data: bytes, limits: CopyLimits = LIMITS) -> str:
    with pytest.raises(CopyRefused) as caught:
        decode(data, limits)
    message = str(caught.value)
    assert message.startswith("copy.txt: "), "every refusal names the file"
    return message


class TestEncodings:
    def test_it_reads_utf8(self):
        assert decode(COPY.encode("utf-8")).text == COPY

    def test_it_reads_utf8_with_a_bom_and_drops_the_bom(self):
        decoded = decode(codecs.BOM_UTF8 + COPY.encode("utf-8"))
        assert decoded.text == COPY and decoded.encoding == "utf-8"

    @pytest.mark.parametrize("codec", ["utf-16", "utf-16-be"])
    def test_it_reads_utf16_with_a_bom(self, codec):
        data = COPY.encode(codec)
        if codec == "utf-16-be":
            data = codecs.BOM_UTF16_BE + data
        decoded = decode(data)
        assert decoded.text == COPY and decoded.encoding.startswith("utf-16")

    def test_it_detects_windows_1252(self):
        text = "The “fire” at Pier 9 — 12 injured, €38m damage.\n"
        decoded = decode(text.encode("cp1252"))
        assert decoded.text == text and decoded.encoding == "windows-1252"

    def test_it_detects_latin1(self):
        text = "Søren Holmgaard in Århus, café owner.\n"
        decoded = decode(text.encode("latin-1"))
        assert decoded.text == text and decoded.encoding == "iso-8859-1"

    def test_it_makes_every_line_ending_a_newline(self):
        assert decode(b"one\r\ntwo\rthree\n").text == "one\ntwo\nthree\n"

    def test_it_drops_wire_framing_control_characters(self):
        assert decode(b"\x01\x02Headline\nBody text of the story.\x03\n").text == "Headline\nBody text of the story.\n"


class TestRefusals:
    def test_it_refuses_an_empty_file(self):
        assert "empty" in refusal(b"")

    def test_it_refuses_a_file_of_white_space(self):
        assert "empty" in refusal(b" \n\r\n\t \n")

    def test_it_refuses_a_file_over_the_size_limit_and_states_the_limit(self):
        message = refusal(b"a" * 10_001)
        assert "the file is more than 9.8 KB, over the limit of 9.8 KB" in message  # read no further
        assert "the file is 19.5 KB, over the limit of 9.8 KB" in refusal(b"a" * 20_000)

    def test_it_refuses_a_line_over_the_line_limit_and_states_the_limit(self):
        message = refusal(b"short\n" + b"w " * 300 + b"\n")
        assert "line 2" in message and "limit of 500 characters" in message

    def test_it_refuses_nul_bytes(self):
        message = refusal(b"Headline\nBody\x00 text\n")
        assert "NUL bytes" in message and "byte 14" in message

    @pytest.mark.parametrize(
        "data, what",
        [(b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"PK\x03\x04rest", "zip")],
    )
    def test_it_refuses_binary_files_by_what_they_are(self, data, what):
        assert what in refusal(data)

    def test_it_refuses_a_file_full_of_control_characters(self):
        assert "control characters" in refusal(bytes(range(1, 9)) * 20 + b"text")

    def test_it_refuses_mixed_encodings(self):
        data = "Søren said yes.\n".encode() + "Århus said no.\n".encode("latin-1")
        message = refusal(data)
        assert "mixes encodings" in message and "line 2" in message

    def test_it_refuses_mojibake_rather_than_storing_it(self):
        garbled = "The café’s owner".encode().decode("cp1252").encode("utf-8")
        assert "garbled" in refusal(garbled)

    def test_it_refuses_a_broken_utf16_file(self):
        assert "UTF-16" in refusal(codecs.BOM_UTF16_LE + b"a\x00\x00\xd8")
