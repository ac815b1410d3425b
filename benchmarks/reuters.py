"""Real wire copy for the benchmarks, read from ../shared/corpus at run time (never copied
into the repository): Reuters-21578 stories of 1987, a JSON list of
{"id", "date", "headline", "paragraphs"}."""

from __future__ import annotations

import json
from pathlib import Path

ARTICLES = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "reuters" / "articles.json"


def load_articles() -> list[dict]:
    return json.loads(ARTICLES.read_text(encoding="utf-8"))


def paragraphs_of_about(words: int, articles: list[dict]) -> list[str]:
    """The first article's headline, then paragraphs of the articles in the order given,
    until about `words` words."""
    out, count = [articles[0]["headline"]], 0
    for article in articles:
        for paragraph in article["paragraphs"]:
            if count >= words:
                return out
            out.append(paragraph)
            count += len(paragraph.split())
    return out
