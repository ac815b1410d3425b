"""Normalising text for comparison, while the display text stays as the source wrote it.

Three levels:
- `display_text`: what a reader sees; only markup markers (Markdown emphasis, heading
  hashes) and control characters are removed.
- `normalise`: display text with Unicode (NFKC), quotes, dashes and white space made
  uniform. Two passages whose normalised forms are equal are "the same".
- `fold`: normalise, then case, accents, punctuation and dotted acronyms folded away, and
  digits grouping removed: the form for similarity and repeat detection.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache

_SURROGATES = re.compile("[\ud800-\udfff]")
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_ASCII_CONTROLS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), 0x7F])
_EMPHASIS = re.compile(r"(?<![\w*_])(\*{1,3}|_{2,3})(?=\S)(.+?)(?<=\S)\1(?![\w*_])")
_LONE_MARKERS = re.compile(r"(?<!\S)\*\*|\*\*(?!\S)")
_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$")

_QUOTES = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "`": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2039": "'",
        "\u203a": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00ad": None,
        "\u200b": None,
        "\ufeff": None,
    }
)
_ACRONYM = re.compile(r"\b(?:[^\W\d_]\.){2,}")
_ACRONYM_HINT = re.compile(r"\.[^\W\d_]\.")  # in every acronym _ACRONYM matches
_DIGIT_GROUP = re.compile(r"[,.](?<=\d[,.])(?=\d{3}\b)")  # a mark first: scans 2-3x faster
_WORD = re.compile(r"[\w%$€£¥]+")

STOPWORDS = frozenset(
    """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers herself him himself his how i if in into is it
its itself just me more most my myself no nor not now of off on once only or other our ours
out over own same she should so some such than that the their theirs them then there these
they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours s t said says say told according also its
""".split()
)


# The ASCII characters Unicode counts as white space: what `\s` matches of ASCII text.
_ASCII_SPACE = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f "


# Every pattern and its twin: tests/analysis/test_ascii_twins.py checks each finds the same.
TWINS: list[tuple[re.Pattern[str], re.Pattern[str]]] = []


def ascii_twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """`pattern` for ASCII text: it finds there what `pattern` finds, and asks the Unicode
    database nothing of each character it tries (`\\w`, `\\d`, `\\b`, case), which made the
    search of a sentence up to a third dearer. Its `\\s` is spelled out as the white space
    Unicode counts among ASCII characters (the ASCII flag's own leaves some out)."""
    source, out, inside, at = pattern.pattern, [], False, 0
    while at < len(source):
        char = source[at]
        if char == "\\":
            escaped = source[at : at + 2]
            if escaped == "\\S":
                raise ValueError("no twin of \\S")  # not written in any pattern twinned
            out.append((_ASCII_SPACE if inside else f"[{_ASCII_SPACE}]") if escaped == "\\s" else escaped)
            at += 2
            continue
        if char == "[" and not inside:
            # a "]" just after "[" or "[^" is one of the set's characters
            opening = next(head for head in ("[^]", "[]", "[^", "[") if source.startswith(head, at))
            inside = True
            out.append(opening)
            at += len(opening)
            continue
        inside = inside and char != "]"
        out.append(char)
        at += 1
    twin = re.compile("".join(out), (pattern.flags & ~re.UNICODE) | re.ASCII)
    TWINS.append((pattern, twin))
    return twin


# Each byte of ASCII text as its `\w+` words in lower case read it: a letter in lower case, a
# digit or "_" as itself, anything else a space.
_ASCII_LOWER_WORDS = bytes(
    (code | 0x20 if chr(code).isupper() else code) if code < 128 and (chr(code).isalnum() or chr(code) == "_") else 32
    for code in range(256)
)


def ascii_lower_words(text: str) -> list[str] | None:
    """The words of an ASCII text (its runs of `\\w`) in lower case; None for other text,
    where ignoring case is more than lower-casing. One `bytes.translate` lower-cases the
    words and makes every other character a space, which `split` then drops."""
    if not text.isascii():
        return None
    return text.encode().translate(_ASCII_LOWER_WORDS).decode().split()


@lru_cache(maxsize=4096)  # a sentence's words are asked for by several readers
def lower_words(text: str) -> tuple[str, ...] | None:
    """`ascii_lower_words` of a sentence, kept. A reader that looks for a few words (or a
    pattern that begins with one of them as a whole word) asks here first: most sentences
    hold none, and are not searched. A tuple, not a set: the cache keeps thousands, and the
    collector soon stops tracking a tuple of strings, where it walks every set it holds at
    each collection."""
    words = ascii_lower_words(text)
    return None if words is None else tuple(words)


def lacks_words(text: str, wanted: frozenset[str]) -> bool:
    """`text` is ASCII and holds none of the lower-case words `wanted` as a word of its own
    (in any case): a pattern that needs one as a whole word finds nothing in it."""
    words = lower_words(text)
    return words is not None and wanted.isdisjoint(words)


def lacks_word_before(text: str, first: Callable[[str], bool], second: frozenset[str]) -> bool:
    """`text` is ASCII and no word of it (`lower_words`) for which `first` holds is followed by
    one of the words `second`: a pattern that needs such a word, white space, then one of
    those as a whole word, finds nothing in it."""
    words = lower_words(text)
    return words is not None and not any(after in second and first(word) for word, after in zip(words, words[1:]))


_DIGIT = re.compile(r"\d")


@lru_cache(maxsize=1 << 14)  # asked of a sentence by the readers of its numbers, dates, scores and phones
def has_digit(text: str) -> bool:
    """`\\d` somewhere in `text`: in ASCII text, whether deleting 0-9 from its bytes
    leaves fewer (a `bytes.translate` at C speed, faster than the search for them)."""
    if text.isascii():
        return len(text.encode().translate(None, _ASCII_DIGITS)) != len(text)
    return _DIGIT.search(text) is not None


_ASCII_DIGITS = b"0123456789"


def clean_input(text: str) -> str:
    """Drop what no comparison or display should see: lone surrogates, control characters.
    An ASCII text has no surrogate, and `str.translate` clears its controls several times
    faster than the pattern (which is faster on other texts)."""
    text = text.replace("\t", " ")
    if text.isascii():
        return text.translate(_ASCII_CONTROLS)
    return _CONTROLS.sub("", _SURROGATES.sub("\ufffd", text))


def strip_markup(line: str) -> str:
    """Remove Markdown heading hashes and emphasis markers (`**bold**`, `*em*`, `__x__`)."""
    heading = _HEADING.match(line) if "#" in line[:4] else None  # a heading's hash opens it: most lines have none
    if heading:
        line = heading.group(1)
    if "*" not in line and "_" not in line:
        return line
    for _ in range(3):  # nested emphasis, e.g. ***x*** or **_x_**
        stripped = _EMPHASIS.sub(r"\2", line)
        if stripped == line:
            break
        line = stripped
    return _LONE_MARKERS.sub("", line)


def is_heading(line: str) -> bool:
    return "#" in line[:4] and bool(_HEADING.match(line))  # the hash within white space of 3, or no heading


@lru_cache(maxsize=1 << 14)  # the versions of a story repeat most of their passages word for word
def display_text(line: str) -> str:
    """The block text for display: as written, markup removed, outer white space trimmed."""
    return strip_markup(line).strip()


@lru_cache(maxsize=1 << 15)  # as `fold`: every passage and sentence of a long story is normalised several times
def normalise(text: str) -> str:
    if not text.isascii() or "`" in text:  # the only ASCII character the table changes
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    elif text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # most passages: no white space but single spaces between words (and none printable is any other)
    return " ".join(text.split())  # str.split and re's \s agree on white space; 3x faster


def strip_accents(text: str) -> str:
    """The text decomposed (NFD) without its combining marks. Removing the few distinct
    marks with `str.translate` keeps this at C speed on a 2 MB source, where a loop over
    every character took seconds."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text)
    marks = {ord(ch): None for ch in set(decomposed) if unicodedata.combining(ch)}
    return decomposed.translate(marks)


@lru_cache(maxsize=1 << 15)  # a 2 MB source has some 20,000 sentences, each folded 3-4 times
def fold(text: str) -> str:
    """Case-, accent- and punctuation-blind form: words separated by single spaces."""
    given, ascii_only = text, text.isascii()
    # An ASCII text has nothing for `normalise` to change that the words below keep: it
    # only turns "`" into "'" and evens out white space, both of which fall between words.
    text = text.lower() if ascii_only else strip_accents(normalise(text).casefold())
    if _ACRONYM_HINT.search(text):  # scanning for a "." is cheap; most texts have no acronym
        text = _ACRONYM.sub(lambda m: m.group().replace(".", ""), text)
    # Where a digits' grouping stands, not in every text: after a digit, which an ASCII text
    # holds where its lower-cased form does (asked of the text as given, kept per text).
    if ("," in text or "." in text) and has_digit(given if ascii_only else text):
        text = _DIGIT_GROUP.sub("", text)
    if ascii_only:  # every character but a word's made a space, at C speed: 3x faster than finding the words
        return " ".join(text.encode().translate(_ASCII_WORD_CHARS).decode().split())
    return " ".join(_WORD.findall(text))


# The characters of _WORD's words in an ASCII text kept, every other byte a space.
_ASCII_WORD_CHARS = bytes(c if chr(c).isascii() and (chr(c).isalnum() or chr(c) in "_%$") else 32 for c in range(256))


def fold_word(word: str) -> str:
    """`fold` of one word. A word of ASCII letters only loses its capitals (there is nothing
    else to fold in it), which skips `fold`'s work on the words of a text not read before."""
    return word.lower() if word.isalpha() and word.isascii() else fold(word)


def words(folded: str) -> list[str]:
    return _WORD.findall(folded)


# Stems of the words seen lately: every passage and sentence is reduced to stems, and a
# story uses a few thousand distinct words, so looking one up is several times faster
# than stemming it again.
_STEMS: dict[str, str] = {}
MAX_STEMS = 50_000


def stem(word: str) -> str:
    """A crude stem: a plural "s" dropped, then the first six characters ("houses" ->
    "house", "prisoners" -> "prison")."""
    return _STEMS.get(word) or _new_stem(word)


def _new_stem(word: str) -> str:
    if len(_STEMS) >= MAX_STEMS:
        _STEMS.clear()
    plural = len(word) > 3 and word.endswith("s") and not word.endswith("ss")
    stemmed = _STEMS[word] = (word[:-1] if plural else word)[:6]
    return stemmed


def content_terms(folded: str) -> list[str]:
    """Stems of the words that carry meaning (stop words dropped). `folded` is what `fold`
    returns, words and single spaces: splitting it gives its words, faster than finding them."""
    return [_STEMS.get(w) or _new_stem(w) for w in folded.split() if w not in STOPWORDS]


def content_terms_of(texts: Iterable[str]) -> list[list[str]]:
    """`content_terms` of every text, folded first. Versions of a story repeat most of their
    passages and sentences word for word: a text that comes again is read once (the lists
    are shared, and only read)."""
    seen: dict[str, list[str]] = {}
    out = []
    for text in texts:
        terms = seen.get(text)
        if terms is None:
            terms = seen[text] = _shared_content_terms(fold(text))
        out.append(terms)
    return out


@lru_cache(maxsize=1 << 15)  # a passage of one sentence folds as that sentence does
def _shared_content_terms(folded: str) -> list[str]:
    """`content_terms`, for `content_terms_of` only: its lists are shared, and only read."""
    return content_terms(folded)


def word_starts(text: str, words: frozenset[str]) -> list[int]:
    """Where each of `words` (in lower case) that an ASCII text holds as a word of its own
    begins. Those the text holds (`lower_words`) are found with `str.find`, each where no
    word character stands on either side of it, not by reading every word of the text."""
    lower, at = text.lower(), []
    for word in words.intersection(lower_words(text) or ()):
        start = lower.find(word)
        while start >= 0:
            end = start + len(word)
            after = lower[end : end + 1]
            if not (start and _is_word_character(lower[start - 1]) or after and _is_word_character(after)):
                at.append(start)
            start = lower.find(word, end)
    return at


def _is_word_character(char: str) -> bool:
    return char.isalnum() or char == "_"  # `\w` of an ASCII character


@lru_cache(maxsize=4096)
def lower_case_terms(text: str) -> frozenset[str]:
    """Stems of a text's content words written in lower case: what it says beside whom it
    names ("Gray's gun was loaded with four bullets" / "officers fired 11 shots, hitting
    Gray"; "I stood against Richard Nixon" / "I marched against Richard Nixon")."""
    return frozenset(content_terms(fold(" ".join(_LOWER_CASE_WORD.findall(text)))))


_LOWER_CASE_WORD = re.compile(r"(?<![\w'\u2019])[a-z][\w'\u2019-]*")
