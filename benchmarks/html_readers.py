"""The HTML reader before and after issue 11, on web pages made of real article text.

    .venv/bin/python benchmarks/html_readers.py [--docs 200] [--seed 11] [--corpus DIR]

The pages are synthetic: there are no real web pages in the shared corpus. The article text
is real (ECB+ news articles, /work/shared/corpus/ecbplus/text/, one sentence a line, read
at run time and never stored in the repository): its first line is the headline, the
other sentences are grouped one to three to a paragraph. Each article is wrapped in five
page templates written for this script, with navigation menus, related-links lists, share
buttons, comments, cookie banners, advertising and footers:

- semantic: the article in <article>, the furniture in <nav>, <header>, <aside>, <footer>;
- div soup: the same furniture and story in nested <div>s with class names only;
- hostile: div soup with an <svg> icon left open, a "<![CDATA[" and a <style> inside <math>
  above the story, and no </head> or <body> tag;
- inline: a semantic page with "read more" boxes, advertising and a newsletter sign-up
  between the article's paragraphs;
- plain: headline and paragraphs, no furniture at all.

Readers:
- old: the html.parser reader as it was before issue 11 (read from git, commit 159b850);
- lexbor: the new reader without trafilatura (HTML5 parse, our own skipping rules);
- new: what the desk runs now (lexbor, then trafilatura choosing the article's paragraphs);
- html5lib: the same reading as "lexbor" on html5lib's HTML5 tree, when html5lib is
  installed (it is not a dependency: `.venv/bin/pip install html5lib==1.1`);
- trafilatura alone: trafilatura on the raw page, its own text, one paragraph a line.

Printed per template and reader: recall (share of the article's paragraphs, byline
included, found whole in the output), boilerplate (share of output paragraphs that are not
the article's), pages refused (no paragraphs), and the median time per page, beside the
machine's load average. Then the time each parser takes on deeply nested markup.
"""

from __future__ import annotations

import argparse
import html
import os
import random
import statistics
import subprocess
import sys
import time
import types
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import trafilatura  # noqa: E402

from stories.ingest.decode import CopyRefused  # noqa: E402
from stories.ingest.formats import html as new_html  # noqa: E402
from stories.ingest.formats.render import Paragraphs, collapse  # noqa: E402

OLD_COMMIT = "159b8507bd25b1517d62f261b1e34cfd7fa7118a"  # the last html.parser reader
CORPUS = Path("/work/shared/corpus/ecbplus/text")
BYLINES = ["Morwenna Tregaskis", "Jory Penhallow", "Ingrid Sinclair", "Ailsa Rendall", "Tomas Quiller"]

Reader = Callable[[str, str], list[str]]


@dataclass(frozen=True)
class Article:
    headline: str
    byline: str
    paragraphs: tuple[str, ...]


# Articles from the corpus


def articles(corpus: Path, count: int, seed: int) -> list[Article]:
    files = sorted(corpus.glob("*/*.txt"))
    chooser = random.Random(seed)
    chosen: list[Article] = []
    for path in chooser.sample(files, len(files)):
        lines = [collapse(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        if len(lines) < 4 or len(lines[0]) > 150:
            continue
        paragraphs, rest = [], lines[1:]
        while rest:
            size = chooser.choice([1, 1, 2, 3])
            paragraphs.append(" ".join(rest[:size]))
            rest = rest[size:]
        chosen.append(Article(lines[0], f"By {chooser.choice(BYLINES)}", tuple(paragraphs)))
        if len(chosen) == count:
            break
    return chosen


# Page templates (the furniture is this script's own writing)

NAV = ["Home", "News", "Politics", "Business", "Sport", "Culture", "Weather", "Opinion", "Podcasts"]
RELATED = [
    "Harbour board approves new berth for visiting yachts",
    "Ten walks along the coast path this autumn",
    "What the council's new budget means for bus routes",
    "Local bakery wins national award for its sourdough",
    "Lifeboat volunteers share their busiest summer",
]
COMMENTS = [
    ("rockpool_rita", "I have been saying this for years and nobody listens."),
    (
        "ferryman63",
        "Typical. Who is going to pay for all of this in the end? The people who live here, as usual, "
        "while the decisions are made by people who have never set foot in the place and never will.",
    ),
    (
        "quietreader",
        "Thanks for covering this, it is hard to find anywhere else. I would like to know what the "
        "council said when it was asked about it last spring, because I remember a very different answer.",
    ),
]
TEASERS = [
    "The board says the new berth will bring in more visiting yachts and their crews, who spend money in the "
    "town's cafes and shops, but residents worry about parking.",
    "From the headland to the old quarry, these routes take between one and four hours and suit most walkers, "
    "though some stretches are steep after rain.",
]
BIO = (
    "Ailsa Rendall covers transport and the coast for the Gazette. She joined the paper in 2015 after ten years "
    "at a regional daily, and can be reached through the newsroom's contact page."
)
COOKIES = (
    "We and our partners use cookies to personalise content and advertising, to provide social media "
    "features and to analyse our traffic. You can change your choices at any time."
)
FOOTER = ["About us", "Contact", "Advertise with us", "Terms of use", "Privacy policy", "Cookie settings"]


def _links(items: list[str], tag: str = "ul") -> str:
    rows = "".join(f'<li><a href="/{n}">{html.escape(item)}</a></li>' for n, item in enumerate(items))
    return f"<{tag}>{rows}</{tag}>"


def _paragraphs(article: Article) -> list[str]:
    return [f"<p>{html.escape(paragraph)}</p>" for paragraph in article.paragraphs]


def _comments() -> str:
    return "".join(
        f'<div class="comment"><span class="comment-author">{name}</span><p>{html.escape(text)}</p></div>'
        for name, text in COMMENTS
    )


def _head(article: Article) -> str:
    return (
        f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>{html.escape(article.headline)}"
        " | The Coastal Gazette</title><script>window.dataLayer=[{section:'news'}];</script>"
        "<style>.menu li{display:inline}</style></head>"
    )


def semantic_page(article: Article) -> str:
    return (
        _head(article) + "<body>"
        f'<div class="cookie-banner"><p>{COOKIES}</p><button>Accept all</button><button>Reject</button></div>'
        '<header><a class="logo" href="/">The Coastal Gazette</a><form><input name=q></form></header>'
        f"<nav>{_links(NAV)}</nav><main><article>"
        f"<h1>{html.escape(article.headline)}</h1><p class=byline>{article.byline}</p>"
        '<div class="share"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email</a></div>'
        + "".join(_paragraphs(article))
        + f'</article><section class="comments"><h2>Comments</h2>{_comments()}</section></main>'
        f'<aside class="related"><h2>Related stories</h2>{_links(RELATED)}</aside>'
        f"<footer>{_links(FOOTER)}<p>© 2024 The Coastal Gazette</p></footer></body></html>"
    )


def div_page(article: Article, hostile: bool = False) -> str:
    head = _head(article).replace("</head>", "") if hostile else _head(article) + "<body>"
    trap = (
        '<div class="icon-row"><svg class="icon" viewBox="0 0 24 24"><path d="M3 3h18v18H3z">'
        "<![CDATA[ share-icon v2 ]]> <math><mi>π</mi><style>"
        if hostile
        else ""
    )
    return (
        head + f'<div id="cookie-consent" class="cookie-notice"><div class="cookie-text">{COOKIES}</div>'
        '<div class="cookie-buttons"><a href="#">Accept</a> <a href="#">Settings</a></div></div>'
        '<div class="site-header"><div class="logo">The Coastal Gazette</div>'
        f'<div class="menu">{_links(NAV)}</div></div>'
        '<div id="wrapper"><div class="container"><div class="row"><div class="col-8"><div class="story">'
        f'<div class="story-header"><h1 class="headline">{html.escape(article.headline)}</h1>'
        f'<div class="author-line">{article.byline}</div></div>'
        f'<div class="share-tools"><a href="#">Facebook</a><a href="#">Twitter</a><a href="#">WhatsApp</a></div>'
        + trap
        + '<div class="story-body"><div class="text">'
        + "".join(_paragraphs(article))
        + f'</div></div><div class="author-bio"><p>{BIO}</p></div></div>'
        '<div class="related-links"><div class="title">More from News</div>'
        + "".join(f'<div class="teaser"><a href="/t">{RELATED[n]}</a><p>{t}</p></div>' for n, t in enumerate(TEASERS))
        + f"{_links(RELATED)}</div>"
        f'<div class="comments-section"><div class="title">Join the conversation</div>{_comments()}</div></div>'
        f'<div class="col-4"><div class="sidebar"><div class="most-read"><div class="title">Most read</div>'
        f'{_links(RELATED[::-1], "ol")}</div><div class="ad">Advertisement</div></div></div></div></div></div>'
        f'<div class="site-footer"><div class="links">{_links(FOOTER)}</div>'
        "<div class=copy>© 2024 The Coastal Gazette. All rights reserved.</div></div></body></html>"
    )


def hostile_page(article: Article) -> str:
    return div_page(article, hostile=True)


def inline_page(article: Article) -> str:
    paragraphs = _paragraphs(article)
    inserts = [
        f'<div class="read-more"><strong>Read more:</strong> <a href="/r">{RELATED[0]}</a></div>',
        '<div class="ad-slot"><span>Advertisement</span></div>',
        '<div class="newsletter"><p>Get our morning briefing, free, every weekday.</p>'
        "<form><input name=email><button>Sign up</button></form></div>",
        f'<aside class="inline-related"><h3>Related</h3>{_links(RELATED[1:4])}</aside>',
    ]
    body = []
    for n, paragraph in enumerate(paragraphs):
        body.append(paragraph)
        if n % 2 == 1:
            body.append(inserts[(n // 2) % len(inserts)])
    return (
        _head(article) + f"<body><nav>{_links(NAV)}</nav><article>"
        f"<h1>{html.escape(article.headline)}</h1><p class=byline>{article.byline}</p>"
        + "".join(body)
        + f'<div class="tags">Topics: <a href="/t/1">News</a> <a href="/t/2">Coast</a></div></article>'
        f"<footer>{_links(FOOTER)}</footer></body></html>"
    )


def plain_page(article: Article) -> str:
    return (
        f"<html><head><title>{html.escape(article.headline)}</title></head><body>"
        f"<h1>{html.escape(article.headline)}</h1><p>{article.byline}</p>"
        + "".join(_paragraphs(article))
        + "</body></html>"
    )


TEMPLATES: dict[str, Callable[[Article], str]] = {
    "semantic": semantic_page,
    "div soup": div_page,
    "hostile": hostile_page,
    "inline": inline_page,
    "plain": plain_page,
}


# Readers


def old_reader() -> Reader:
    source = subprocess.run(
        ["git", "show", f"{OLD_COMMIT}:stories/ingest/formats/html.py"],
        cwd=REPO, capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    module = types.ModuleType("old_html")
    exec(compile(source, "old stories/ingest/formats/html.py", "exec"), module.__dict__)
    return lambda name, text: list(module.read_html(name, text).paragraphs)


def lexbor_reader(name: str, text: str) -> list[str]:
    reader = new_html._Reader(page=True)  # the new reader's parse and walk, without trafilatura
    new_html._walk(new_html._parse(name, text).root, reader)
    return reader.story()


def new_reader(name: str, text: str) -> list[str]:
    return list(new_html.read_html(name, text).paragraphs)


def trafilatura_alone(name: str, text: str) -> list[str]:
    found = trafilatura.extract(text, include_comments=False, include_tables=True, deduplicate=False)
    return [collapse(line) for line in (found or "").split("\n") if line.strip()]


def html5lib_reader() -> Reader | None:
    try:
        import html5lib
    except ImportError:
        return None

    def read(name: str, text: str) -> list[str]:
        root = html5lib.parse(text, treebuilder="etree", namespaceHTMLElements=False)
        return _etree_story(root)

    return read


def _etree_story(root: object) -> list[str]:
    """The lexbor reader's reading (skipped elements, blocks, first <h1>) on an ElementTree."""
    body, lead, headline = Paragraphs(), 0, False
    stack: list[tuple[object, bool]] = [(root, False)]
    while stack:
        element, leaving = stack.pop()
        tag = str(getattr(element, "tag", "")).rpartition("}")[2]
        if leaving:
            body.end(tag)
            body.data(getattr(element, "tail", None) or "")
            continue
        if tag in new_html._TEXTLESS:
            body.data(getattr(element, "tail", None) or "")
            continue
        if tag == "h1" and not headline:
            body.flush()
            lead, headline = len(body.paragraphs), True
        body.start(tag)
        body.data(getattr(element, "text", None) or "")
        stack.append((element, True))
        stack.extend((child, False) for child in reversed(list(element)))  # type: ignore[call-overload]
    paragraphs = body.result()
    story = paragraphs[lead:] if len(paragraphs) > lead else paragraphs
    return story[1:] if headline else story  # the <h1> is the headline, not a paragraph


# Scoring


def score(article: Article, output: list[str]) -> tuple[int, int, int]:
    """Article paragraphs found whole in the output; output paragraphs that are boilerplate.

    An output paragraph is the article's when it is one of its paragraphs (byline and
    headline included), several of them in a row, or at least half of one: a menu entry
    "News" that happens to occur inside an article sentence is boilerplate."""
    wanted = [article.byline, *article.paragraphs]
    found = sum(1 for paragraph in wanted if any(paragraph in out for out in output))
    whole = [article.headline, *wanted]
    joined = " ".join(whole)

    def articles(out: str) -> bool:
        if any(out in paragraph and 2 * len(out) >= len(paragraph) for paragraph in whole):
            return True
        return out in joined and any(out.startswith(paragraph) for paragraph in whole)

    boilerplate = sum(1 for out in output if not articles(out))
    return found, boilerplate, len(wanted)


@dataclass
class Tally:
    found: int = 0
    wanted: int = 0
    boilerplate: int = 0
    output: int = 0
    refused: int = 0
    pages: int = 0
    seconds: list[float] | None = None

    def add(self, article: Article, output: list[str] | None, seconds: float) -> None:
        output = output or []
        found, boilerplate, wanted = score(article, output)
        self.found, self.wanted = self.found + found, self.wanted + wanted
        self.boilerplate, self.output = self.boilerplate + boilerplate, self.output + len(output)
        self.refused += not output
        self.pages += 1
        self.seconds = (self.seconds or []) + [seconds]

    def line(self, label: str) -> str:
        recall = self.found / self.wanted if self.wanted else 0
        share = self.boilerplate / self.output if self.output else 0
        median = statistics.median(self.seconds or [0]) * 1000
        return (f"{label:28s} recall {recall:6.1%}  boilerplate {share:6.1%}  refused {self.refused:4d}/{self.pages}"
                f"  median {median:6.2f} ms/page")  # fmt: skip


def run(reader: Reader, text: str) -> tuple[list[str] | None, float]:
    started = time.perf_counter()
    try:
        output: list[str] | None = reader("page.html", text)
    except CopyRefused:
        output = None
    return output, time.perf_counter() - started


def nesting(readers: dict[str, Reader]) -> None:
    print("\nDeeply nested markup (nested <div>s, then one paragraph), seconds:")
    for depth in (2_000, 10_000, 50_000):
        page = "<!DOCTYPE html><html><body>" + "<div>" * depth + "<p>Water rose.</p>" + "</div>" * depth
        timings = []
        for label, reader in readers.items():
            if label == "html5lib" and depth > 10_000:
                timings.append(f"{label} (skipped: minutes)")
                continue
            output, seconds = run(reader, page)
            timings.append(f"{label} {seconds:.2f}{'' if output else ' (nothing read)'}")
        print(f"  depth {depth:6,}: " + ", ".join(timings))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=200, help="articles from the corpus (each in every template)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    args = parser.parse_args()
    readers: dict[str, Reader] = {"old": old_reader(), "lexbor": lexbor_reader, "new": new_reader}
    html5lib = html5lib_reader()
    if html5lib is None:
        print("html5lib is not installed: its column is left out (.venv/bin/pip install html5lib==1.1)")
    else:
        readers["html5lib"] = html5lib
    readers["trafilatura alone"] = trafilatura_alone
    chosen = articles(args.corpus, args.docs, args.seed)
    print(f"{len(chosen)} ECB+ articles, {sum(len(a.paragraphs) for a in chosen):,} paragraphs, "
          f"each in {len(TEMPLATES)} synthetic page templates; load average {os.getloadavg()[0]:.1f}")  # fmt: skip
    totals = {label: Tally() for label in readers}
    for template, make in TEMPLATES.items():
        print(f"\n{template}")
        for label, reader in readers.items():
            tally = Tally()
            for article in chosen:
                output, seconds = run(reader, make(article))
                tally.add(article, output, seconds)
                totals[label].add(article, output, seconds)
            print("  " + tally.line(label))
    print(f"\nall pages (load average {os.getloadavg()[0]:.1f})")
    for label, tally in totals.items():
        print("  " + tally.line(label))
    nesting({label: reader for label, reader in readers.items() if label != "trafilatura alone"})
    print(f"load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
