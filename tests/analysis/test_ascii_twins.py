"""The engine reads ASCII text with twins of its hottest patterns (`text.ascii_twin`), which
skip the Unicode lookups of `\\w`, `\\d`, `\\b` and case: every twin must find in ASCII text
exactly what its pattern finds, or a conflict would be read differently for an ASCII story
than for the same story with one accented name."""

import importlib
import json
import pkgutil
from pathlib import Path

from stories import analysis
from stories.analysis import text

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / ".." / "shared" / "corpus"

# White space \s matches in ASCII (the ASCII flag's own \s leaves out \x1c-\x1f), digits in
# groups, abbreviations, quotes, and words at every edge.
EDGES = [
    "Fields\x1cfour\x1dfive\x1esix\x1fseven\x0beight\x0cnine\r\nten\tend",
    'He said: "It was 4.46 pct, not 4.5." U.S. officials, in Washington D.C., said 1,000.5 mln.',
    "on Friday, Jan. 3, 2026 at 8:12 p.m. - 250 killed, 12 hurt; 3,000 tonnes (8,462) a day",
    "A-B-C it's ISN'T don't 1990s 19th 2nd O'Neill McDonald mid-2025 5-4 3-2-1 ...",
]


def sample_texts() -> list[str]:
    texts = list(EDGES)
    for path in sorted((REPO / "tests" / "analysis" / "corpus").glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    for path in sorted((REPO / "stories" / "demo" / "copy").glob("**/*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
    articles = CORPUS / "reuters" / "articles.json"
    if articles.exists():  # beside the repository here and in CI; real wire copy, read only
        for article in json.loads(articles.read_text(encoding="utf-8"))[:150]:
            texts.append("\n".join([article["headline"], *article["paragraphs"]]))
    return [sample for sample in texts if sample.isascii()]


def twins() -> list[tuple[object, object]]:
    for info in pkgutil.iter_modules(analysis.__path__):
        importlib.import_module(f"stories.analysis.{info.name}")
    return list(text.TWINS)


def test_the_engine_reads_with_twins():
    assert len(twins()) >= 20


def test_every_twin_finds_in_ascii_text_what_its_pattern_finds():
    lines = [line for sample in sample_texts() for line in [sample, *sample.splitlines()]]
    for pattern, twin in twins():
        for line in lines:
            found = [(match.span(), match.groups()) for match in pattern.finditer(line)]
            assert [(match.span(), match.groups()) for match in twin.finditer(line)] == found, (pattern.pattern, line)
