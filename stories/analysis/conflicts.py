"""Conflicting facts between two sources, checked on linked sentences and aligned rows.

Rule-based on purpose: number and date mismatches, respelled names and negation are the
contradictions that rules find reliably; a paraphrase that keeps its facts is no
conflict. House-style differences (US / U.S., per cent / %, ten / 10) are kind `style`.
"""

from __future__ import annotations

import itertools

from rapidfuzz import fuzz

from .claims import NEGATION_SAME_SENTENCE, check_negations, check_states, shared_share
from .dates import Date
from .facts import Facts, extract_passage
from .found import Found
from .links import Link, SentenceSpace
from .model import Block, Conflict, Row, Source
from .names import about_others, check_first_names, check_name_spellings, check_respelled, check_respelled_anywhere
from .numbers import Counts, check_counts_anywhere, check_numbers, whole_counts
from .proper_names import Capital, SourceNames
from .quantities import Number
from .text import content_terms, fold, normalise


def find_conflicts(sources: list[Source], rows: tuple[Row, ...], space: SentenceSpace) -> list[Conflict]:
    """Conflicts for every pair of sources, in source-key order."""
    out: list[Conflict] = []
    block_facts: dict[str, Facts] = {}
    read: dict[str, list[Capital]] = {}  # passage text -> its capitalised words, shared by the sources
    names = {s.key: SourceNames(s, read) for s in sources}
    # Read once for all the pairs of sources they take part in:
    said = {s.key: {normalise(ref.text) for ref in space.refs.get(s.key, [])} for s in sources}
    aligned = [{c.source: c.blocks for c in row.cells if c.status in ("same", "changed")} for row in rows]
    counts: dict[str, Counts] = {}
    for a, b in itertools.combinations(sources, 2):
        found = Found()
        cells = [(row[a.key], row[b.key]) for row in aligned if a.key in row and b.key in row]
        # The same words state the same facts: neither two equal sentences nor any two
        # sentences of two equal passages (a tie in scores can pair a passage's first
        # sentence with its twin's second) can disagree.
        # Nor does a sentence that the other source prints word for word elsewhere: its
        # facts are confirmed there, whatever the sentence it was paired with says.
        links = [
            link
            for link in space.links(a.key, b.key, {(x, y) for xs, ys in cells for x in xs for y in ys})
            if normalise(link.a.text) != normalise(link.b.text)
            and link.a.block.norm != link.b.block.norm
            and normalise(link.a.text) not in said[b.key]
            and normalise(link.b.text) not in said[a.key]
        ]
        known = (set(names[a.key].forms), set(names[b.key].forms))
        confident = _confident(links)
        for link in links:
            _check_sentences(found, link, space.facts(link.a), space.facts(link.b), known, id(link) in confident)
        for key in (a.key, b.key):
            if key not in counts:  # read after its first pair's links, whose facts hold most numbers
                counts[key] = whole_counts(_all_numbers(key, space))
        check_counts_anywhere(found, counts[a.key], counts[b.key])
        check_negations(found.add, links, space)
        check_name_spellings(found, names[a.key], names[b.key], space)
        check_respelled_anywhere(found, names[a.key], names[b.key], space)
        check_first_names(found, names[a.key], names[b.key])
        blocks = {blk.id: blk for blk in a.blocks + b.blocks}
        for xs, ys in cells:
            _check_cells(found, [blocks[x] for x in xs], [blocks[y] for y in ys], block_facts)
        place = {blk.id: blk.index for blk in a.blocks + b.blocks}
        out.extend(sorted(found.items, key=lambda c: (place[c.a.block], place[c.b.block], c.kind)))
    return out


def _all_numbers(key: str, space: SentenceSpace) -> list[tuple[Block, tuple[Number, ...]]]:
    return [(ref.block, space.numbers(ref)) for ref in space.refs.get(key, [])]


def _confident(links: list[Link]) -> set[int]:
    """The links (by id) that pair two sentences each other's best partner, or pair them
    closely enough to be sure: the only pairs whose numbers and dates are compared. A
    sentence's second-best partner is most often another fact that looks alike."""
    best_a: dict[tuple[str, int], float] = {}
    best_b: dict[tuple[str, int], float] = {}
    for link in links:
        key_a, key_b = (link.a.block.id, link.a.index), (link.b.block.id, link.b.index)
        best_a[key_a] = max(best_a.get(key_a, 0.0), link.score)
        best_b[key_b] = max(best_b.get(key_b, 0.0), link.score)
    return {
        id(link)
        for link in links
        if link.score >= SURE_LINK
        or (
            link.score >= best_a[(link.a.block.id, link.a.index)]
            and link.score >= best_b[(link.b.block.id, link.b.index)]
        )
    }


SURE_LINK = 0.7


def _check_sentences(
    found: Found, link: Link, fa: Facts, fb: Facts, known: tuple[set[str], set[str]], confident: bool
) -> None:
    ba, bb = link.a.block, link.b.block
    if confident and not about_others(fa, fb):
        check_numbers(found, (ba, fa), (bb, fb))
        _check_dates(found, (ba, fa), (bb, fb))
    _check_acronyms(found, (ba, fa), (bb, fb))
    _check_quotes_and_attributions(found, (ba, fa), (bb, fb))
    check_respelled(found, (ba, fa), (bb, fb), known)
    check_states(found.add, (ba, fa), (bb, fb))


def _check_dates(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same event on another day or in another year: a date of each sentence that the
    other does not have, said of the same thing (a content word around both in common) or
    in two sentences that say the same otherwise."""
    alike = shared_share(a[1], b[1]) >= NEGATION_SAME_SENTENCE
    for group in ("day", "year", "weekday"):
        da = [d for d in a[1].dates if d.group == group]
        db = [d for d in b[1].dates if d.group == group]
        only_a = [d for d in da if not any(_same_time(d, x) for x in db)]
        only_b = [d for d in db if not any(_same_time(d, x) for x in da)]
        pairs = [(x, y) for x in only_a for y in only_b if alike or x.near & y.near]
        if len(pairs) == 1 or (pairs and alike):
            x, y = pairs[0]
            found.add("date", (a[0], x.text), (b[0], y.text), f"different {group}")


def _same_time(x: Date, y: Date) -> bool:
    """The same date, or a year within a decade ("1931" / "the 1930s")."""
    if x.value == y.value:
        return True
    decade, year = sorted((x.value, y.value), key=lambda value: not value.endswith("s"))
    return decade.endswith("s") and not year.endswith("s") and year[:3] == decade[:3]


def _check_acronyms(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    forms_a, forms_b = set(a[1].acronyms), set(b[1].acronyms)
    for x in sorted(forms_a - forms_b):
        for y in sorted(forms_b - forms_a):
            if x.replace(".", "") == y.replace(".", ""):
                found.add("style", (a[0], x), (b[0], y), "house style: the same abbreviation")


def _check_quotes_and_attributions(found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    for qa, qb in itertools.product(a[1].quotes, b[1].quotes):
        if _same_speaker(qa.speaker, qb.speaker) and _quote_differs(qa.text, qb.text):
            who = qa.speaker or qb.speaker or "the speaker"
            found.add("quote", (a[0], qa.text), (b[0], qb.text), f"{who.title()} quoted in different words")
    for xa, xb in itertools.product(a[1].attributions, b[1].attributions):
        if _same_speaker(xa.speaker, xb.speaker) and xa.channel != xb.channel:
            who = xa.speaker or xb.speaker or "the speaker"
            found.add(
                "attribution",
                (a[0], xa.text),
                (b[0], xb.text),
                f"{who.title()}'s words attributed to different channels",
            )


def _same_speaker(x: str, y: str) -> bool:
    return x == y or not x or not y


_WEB_SUFFIXES = frozenset({"com", "org", "net"})  # "MySpace.com" / "MySpace"


def _quote_differs(x: str, y: str) -> bool:
    """The same quotation in other words: not one cut from the other, not the same but for
    punctuation or small words, and either close in spelling or sharing half the content
    words of the longer one ("We will rebuild every house" / "We are going to rebuild all
    the houses"; not "around 50 people injured when the walls collapsed" / "a child died
    when a wall collapsed")."""
    fx, fy = fold(x), fold(y)
    if not fx or not fy or fx in fy or fy in fx:
        return False
    sx, sy = set(content_terms(fx)) - _WEB_SUFFIXES, set(content_terms(fy)) - _WEB_SUFFIXES
    if not (sx - sy and sy - sx):  # only punctuation, small words, or words cut: the same quotation
        return False
    if min(len(sx), len(sy)) < QUOTE_MIN_WORDS:
        return False
    shared = len(sx & sy) / max(len(sx), len(sy))
    return fuzz.token_sort_ratio(fx, fy) >= 60 or shared >= 0.5


QUOTE_MIN_WORDS = 3  # content words: fewer cannot tell one quotation from another


def _check_cells(found: Found, xs: list[Block], ys: list[Block], cache: dict[str, Facts]) -> None:
    """Quotes, attributions and abbreviations over whole aligned cells: a quotation can
    span sentences, and an attribution often sits in a neighbouring sentence."""
    for x, y in itertools.product(xs, ys):
        if x.norm == y.norm:
            continue
        fx, fy = _block_facts(x, cache), _block_facts(y, cache)
        _check_quotes_and_attributions(found, (x, fx), (y, fy))
        _check_acronyms(found, (x, fx), (y, fy))


def _block_facts(block: Block, cache: dict[str, Facts]) -> Facts:
    if block.id not in cache:
        cache[block.id] = extract_passage(block.text)
    return cache[block.id]
