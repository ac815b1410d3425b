"""File names as they came, made fit to show, print and download.

A file or zip member name is the sender's text: it can hold line breaks, terminal escape
codes and right-to-left overrides ("rtl\u202etxt.exe" shows as "rtlexe.txt"). The record
keeps the name as it came; every message, page and log shows it with those characters
written out, and a download is named with them replaced.
"""

from __future__ import annotations

import unicodedata

_INVISIBLE = frozenset({"Cc", "Cf", "Zl", "Zp"})  # controls, format marks (bidi overrides), line breaks
MAX_SHOWN = 200


def printable(text: str) -> str:
    """`text` with every control, format or line-break character written as an escape
    ("\\n", "\\u202e"), so that it shows as it is and cannot move what comes after it."""
    if text.isprintable():
        return text
    return "".join(_escape(char) if unicodedata.category(char) in _INVISIBLE else char for char in text)


def shown_name(name: str) -> str:
    """A name fit for a message: printable, and no longer than MAX_SHOWN characters."""
    name = printable(name)
    if len(name) <= MAX_SHOWN:
        return name
    keep = (MAX_SHOWN - 1) // 2
    return f"{name[:keep]}…{name[-keep:]}"


def download_name(name: str) -> str:
    """A name for a downloaded file: invisible characters and path separators replaced."""
    cleaned = "".join("_" if unicodedata.category(c) in _INVISIBLE or c in "/\\" else c for c in name)
    return cleaned.strip(" .") or "copy.txt"


def _escape(char: str) -> str:
    code = ord(char)
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
