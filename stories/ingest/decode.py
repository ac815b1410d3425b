"""Bytes of wire copy to text, or a refusal that says why.

Pure Python, no Django: the limits come in as arguments. The order of the checks matters:
size first (never read a huge file further), then byte-order marks (UTF-16 is full of NUL
bytes), then binary signatures and NUL bytes, then the encodings a desk really receives.
Nothing is ever decoded with errors="replace": a file we cannot read faithfully is refused,
never stored as mojibake.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

import charset_normalizer


class CopyRefused(Exception):
    """The copy cannot be taken in; the message says why in words an editor understands."""


@dataclass(frozen=True)
class DecodedCopy:
    text: str
    encoding: str


@dataclass(frozen=True)
class CopyLimits:
    max_bytes: int
    max_line_chars: int


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]

_BINARY_SIGNATURES = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"GIF8": "a GIF image",
    b"\xff\xd8\xff": "a JPEG image",
    b"PK\x03\x04": "a zip archive or office document",
    b"\x1f\x8b": "a gzip archive",
    b"\xd0\xcf\x11\xe0": "an old Microsoft Office document",
    b"\x7fELF": "a program",
}

# Bytes 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252.
_CP1252_UNDEFINED = frozenset(b"\x81\x8d\x8f\x90\x9d")
# UTF-8 read as Windows-1252: "Ã©" for "é", "â€™" for "’".
_MOJIBAKE = re.compile("[ÃÂ][\x80-\xbf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2122]|â€")
# Control characters other than tab, line feed, form feed and carriage return. Old wire
# feeds frame items with a few (SOH, STX, ETX): those are dropped from the text (the
# original bytes keep them); a file made mostly of them is binary.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f\x80-\x9f]")
_MAX_CONTROL_SHARE = 0.01


def decode_copy(name: str, data: bytes, limits: CopyLimits) -> DecodedCopy:
    """Decode one file of wire copy, or raise CopyRefused naming the file and the problem."""
    if len(data) > limits.max_bytes:
        # Uploads are read no further than the limit and one byte (services.ingest.read_upload):
        # a file cut there is "more than" the limit, whatever its size.
        size = (
            f"more than {readable_size(limits.max_bytes)}"
            if len(data) == limits.max_bytes + 1
            else readable_size(len(data))
        )
        raise CopyRefused(f"{name}: the file is {size}, over the limit of {readable_size(limits.max_bytes)}.")
    decoded = _decode(name, data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise CopyRefused(f"{name}: the file is empty (no text in it).")
    text = _drop_control_characters(name, text)
    _check_text(name, text, limits)
    return DecodedCopy(text=text, encoding=decoded.encoding)


def _decode(name: str, data: bytes) -> DecodedCopy:
    if not data:
        raise CopyRefused(f"{name}: the file is empty (0 bytes).")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(name, data[len(bom) :], encoding)
    for signature, what in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise CopyRefused(f"{name}: this is {what}, not text wire copy.")
    nul_at = data.find(b"\x00")
    if nul_at >= 0:
        raise CopyRefused(
            f"{name}: the file contains NUL bytes (first at byte {nul_at + 1}); it is binary data, "
            "or UTF-16 text without a byte-order mark. Save it as UTF-8 and upload it again."
        )
    try:
        return DecodedCopy(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as error:
        if _has_utf8_sequences(data):
            line = data.count(b"\n", 0, error.start) + 1
            raise CopyRefused(
                f"{name}: the file mixes encodings: it is mostly UTF-8, but line {line} has bytes "
                "that are not. Fix the encoding and upload it again."
            ) from None
    return _decode_legacy(name, data)


def _decode_with_bom(name: str, data: bytes, encoding: str) -> DecodedCopy:
    try:
        return DecodedCopy(data.decode(encoding), encoding)
    except UnicodeDecodeError as error:
        raise CopyRefused(
            f"{name}: the file starts with a {encoding.upper()} byte-order mark but byte "
            f"{error.start + 1} after it is not valid {encoding.upper()}."
        ) from None


def _has_utf8_sequences(data: bytes) -> bool:
    return re.search(rb"[\xc2-\xf4][\x80-\xbf]+", data) is not None


def _decode_legacy(name: str, data: bytes) -> DecodedCopy:
    """Windows-1252 and Latin-1 first (what Western desks send), then detection."""
    high = {byte for byte in data if byte >= 0x80}
    if high and not (high & _CP1252_UNDEFINED):
        if any(0x80 <= byte <= 0x9F for byte in high):
            return DecodedCopy(data.decode("cp1252"), "windows-1252")
        return DecodedCopy(data.decode("latin-1"), "iso-8859-1")
    best = charset_normalizer.from_bytes(data).best()
    if best is None or best.chaos > 0.2:
        raise CopyRefused(
            f"{name}: the file's text encoding could not be determined; save it as UTF-8 and upload it again."
        )
    return DecodedCopy(str(best), best.encoding)


def _drop_control_characters(name: str, text: str) -> str:
    count = len(_CONTROL_CHARS.findall(text))
    if count > max(8, len(text) * _MAX_CONTROL_SHARE):
        raise CopyRefused(
            f"{name}: the file is full of control characters ({count:,} of {len(text):,}); "
            "it looks like binary data, not text wire copy."
        )
    return _CONTROL_CHARS.sub("", text) if count else text


def _check_text(name: str, text: str, limits: CopyLimits) -> None:
    for number, line in enumerate(text.split("\n"), start=1):
        if len(line) > limits.max_line_chars:
            raise CopyRefused(
                f"{name}: line {number} is {len(line):,} characters long, over the limit of "
                f"{limits.max_line_chars:,} characters per line."
            )
    mojibake = _MOJIBAKE.search(text)
    if mojibake:
        line_number = text.count("\n", 0, mojibake.start()) + 1
        raise CopyRefused(
            f"{name}: line {line_number} shows garbled characters ({mojibake.group()!r}), the mark of text "
            "that was decoded with the wrong encoding before it reached us. Fix the copy and upload "
            "it again."
        )


def readable_size(count: int) -> str:
    if count >= 1024 * 1024:
        return f"{count / (1024 * 1024):.1f} MB"
    if count >= 1024:
        return f"{count / 1024:.1f} KB"
    return f"{count} bytes"
