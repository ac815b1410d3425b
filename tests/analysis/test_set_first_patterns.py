"""Patterns the search skips through at C speed: written to begin with one set of characters
(or a literal), where they began with a repeat, a branch of sets or a `\\b`, which the search
tries at every place. Each must find on real copy exactly what the pattern it replaced found
(or, for a hint that is only asked whether it finds anything, find wherever that one did)."""

import json
import re

from stories.analysis import final_scores, quantities, sentences, speakers, text

from .test_ascii_twins import CORPUS, EDGES, REPO

_VERB = r"(?:said|says|urged|warned|added|told|wrote|explained)"
_FORMER_FIRST = r"(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?|(?:[A-Z]\.\s?){1,2}(?<!\s))"
_FORMER_PERSON = rf"{_FORMER_FIRST}(?:\s[A-Z]\.)?(?:\s[A-Z][a-z'\u2019]+(?:-[A-Z][a-z]+)?){{1,2}}"

# (the former pattern, the pattern now)
FORMER = [
    (re.compile(r"\d+", re.ASCII), quantities._DIGIT_RUN),
    (re.compile(r"[,;:()\[\]\u201c\u201d\"\u2014]|\s[-\u2013]\s|\.(?:\s|$)"), sentences.CLAUSE_END),
    (
        re.compile(rf"(?P<name>{_FORMER_PERSON})(?:\s?,\s(?P<post>[^,\"\u201c]{{3,90}}),)?\s{_VERB}\b"),
        speakers._SPEAKERS[1],
    ),
    (
        re.compile(
            rf"\b(?:said|says|added|wrote)\s(?P<post>(?:[\w'\u2019-]+\s){{0,6}}?)(?P<name>{_FORMER_PERSON})\s?[.,;]"
        ),
        speakers._SPEAKERS[0],
    ),
    (
        re.compile(r"(?<![\w.,:/-])(\d{1,3})\s?[-\u2013]\s?(\d{1,3})(?![\w.,:/]?\d)(?!\s?[-\u2013]\s?\d)"),
        final_scores._SCORE,
    ),
]


def real_copy() -> list[str]:
    """Lines and whole texts of the project's copy and of real wire and web copy, accented or not."""
    texts = list(EDGES) + ["J. R. Ewing said. A.J. Smith, the director, said", "Café owner José Núñez said,"]
    for path in sorted((REPO / "tests" / "analysis" / "corpus").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "stories" / "demo" / "copy").glob("**/*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((CORPUS / "ecbplus" / "text").glob("1*/*.txt"))[:300]:  # beside the repository
        texts.append(path.read_text(encoding="utf-8"))
    articles = CORPUS / "reuters" / "articles.json"
    if articles.exists():
        for article in json.loads(articles.read_text(encoding="utf-8"))[:150]:
            texts.append("\n".join([article["headline"], *article["paragraphs"]]))
    return [line for sample in texts for line in [sample, *sample.splitlines()]]


def found(pattern: re.Pattern[str], line: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(match.span(), match.groups()) for match in pattern.finditer(line)]


def test_it_finds_what_each_former_pattern_found():
    lines = real_copy()
    assert len(lines) > 1000
    for former, pattern in FORMER:
        for line in lines:
            assert found(pattern, line) == found(former, line), (former.pattern, line)
            assert pattern.split(line) == former.split(line), (former.pattern, line)


def test_its_ascii_twins_find_what_the_former_patterns_found():
    twins = dict(text.TWINS)
    for former, pattern in FORMER:
        twin = twins.get(pattern)
        for line in real_copy() if twin is not None else ():
            if line.isascii():
                assert found(twin, line) == found(former, line), (former.pattern, line)


def test_a_words_end_is_taken_off_as_its_pattern_takes_it_off():
    """`name_ends.without_end` does what `POSSESSIVE` and `NAME_END` do by a search."""
    from stories.analysis import name_ends

    tokens = {token for line in real_copy() for token in line.split()}
    tokens |= {"x-'s", "'s", "Smith\u2019s", "Jones'", "U.S.", "A-", "O'Neill's'", "s"}
    for pattern, marks in (
        (name_ends.POSSESSIVE, name_ends.POSSESSIVE_MARKS),
        (name_ends.NAME_END, name_ends.NAME_END_MARKS),
    ):
        for token in tokens:
            assert name_ends.without_end(token, marks) == pattern.sub("", token), (pattern.pattern, token)


def test_a_heading_is_told_as_its_pattern_tells_it():
    """`text.is_heading` asks for the hash within the first four characters before the pattern."""
    from stories.analysis import text as text_module

    for line in [*real_copy(), "# A", "   ## B", "    # not", "#", "\t# tab", " #x", "  ### C ###"]:
        assert text_module.is_heading(line) == bool(text_module._HEADING.match(line)), line
