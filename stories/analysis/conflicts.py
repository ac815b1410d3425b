"""Conflicting facts between two sources, checked on linked sentences and aligned rows.

Rule-based on purpose: number and date mismatches, respelled names and negation are the
contradictions that rules find reliably; a paraphrase that keeps its facts is no
conflict. House-style differences (US / U.S., per cent / %, ten / 10) are kind `style`.
"""
from __future__ import annotations

import itertools

from rapidfuzz import fuzz

from .claims import NEGATION_SAME_SENTENCE, check_negations, check_states, shared_share
from .facts import Facts, Number, extract_passage
from .links import Link, SentenceSpace
from .model import Block, Conflict, FactRef, Row, Source
from .names import SourceNames, check_name_spellings, check_respelled, check_respelled_anywhere, respelled
from .text import content_terms, fold, normalise, stem


class _Found:
    """Conflicts of one pair of sources, each reported once per pair of blocks."""

    def __init__(self) -> None:
        self.items: list[Conflict] = []
        self._seen: set[tuple[str, str, str, str, str]] = set()
        self.respelled: set[tuple[str, str]] = set()  # folded name tokens already reported

    def add(self, kind: str, a: tuple[Block, str], b: tuple[Block, str], note: str) -> None:
        key = (kind, a[0].id, b[0].id, normalise(a[1]).casefold(), normalise(b[1]).casefold())
        if key not in self._seen:
            self._seen.add(key)
            self.items.append(Conflict(kind, FactRef(a[0].id, a[1]), FactRef(b[0].id, b[1]), note))


def find_conflicts(sources: list[Source], rows: tuple[Row, ...],
                   space: SentenceSpace) -> list[Conflict]:
    """Conflicts for every pair of sources, in source-key order."""
    out: list[Conflict] = []
    block_facts: dict[str, Facts] = {}
    names = {s.key: SourceNames(s) for s in sources}
    for a, b in itertools.combinations(sources, 2):
        found = _Found()
        cells = _row_pairs(rows, a.key, b.key)
        # The same words state the same facts: neither two equal sentences nor any two
        # sentences of two equal passages (a tie in scores can pair a passage's first
        # sentence with its twin's second) can disagree.
        # Nor does a sentence that the other source prints word for word elsewhere: its
        # facts are confirmed there, whatever the sentence it was paired with says.
        said = {key: {normalise(ref.text) for ref in space.refs.get(key, [])} for key in (a.key, b.key)}
        links = [link for link in space.links(a.key, b.key, {(x, y) for xs, ys in cells for x in xs for y in ys})
                 if normalise(link.a.text) != normalise(link.b.text) and link.a.block.norm != link.b.block.norm
                 and normalise(link.a.text) not in said[b.key] and normalise(link.b.text) not in said[a.key]]
        known = (set(names[a.key].forms), set(names[b.key].forms))
        confident = _confident(links)
        for link in links:
            _check_sentences(found, link, space.facts(link.a), space.facts(link.b), known, id(link) in confident)
        check_negations(found.add, links, space)
        check_name_spellings(found, names[a.key], names[b.key], space)
        check_respelled_anywhere(found, names[a.key], names[b.key], space)
        blocks = {blk.id: blk for blk in a.blocks + b.blocks}
        for xs, ys in cells:
            _check_cells(found, [blocks[x] for x in xs], [blocks[y] for y in ys], block_facts)
        place = {blk.id: blk.index for blk in a.blocks + b.blocks}
        out.extend(sorted(found.items, key=lambda c: (place[c.a.block], place[c.b.block], c.kind)))
    return out


def _row_pairs(rows: tuple[Row, ...], a: str, b: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    pairs = []
    for row in rows:
        by_source = {c.source: c for c in row.cells if c.status in ("same", "changed")}
        if a in by_source and b in by_source:
            pairs.append((by_source[a].blocks, by_source[b].blocks))
    return pairs


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
    return {id(link) for link in links if link.score >= SURE_LINK or (
        link.score >= best_a[(link.a.block.id, link.a.index)]
        and link.score >= best_b[(link.b.block.id, link.b.index)])}


SURE_LINK = 0.7


def _check_sentences(found: _Found, link: Link, fa: Facts, fb: Facts,
                     known: tuple[set[str], set[str]], confident: bool) -> None:
    ba, bb = link.a.block, link.b.block
    if confident and not _about_others(fa, fb):
        _check_numbers(found, (ba, fa), (bb, fb))
        _check_dates(found, (ba, fa), (bb, fb))
    _check_acronyms(found, (ba, fa), (bb, fb))
    _check_quotes_and_attributions(found, (ba, fa), (bb, fb))
    check_respelled(found, (ba, fa), (bb, fb), known)
    check_states(found.add, (ba, fa), (bb, fb))


def _about_others(fa: Facts, fb: Facts) -> bool:
    """Two sentences that each name someone or something, and no name in common (nor one
    respelled): their numbers and dates are about different things ("Thomas has eight
    touchdowns" / "Bush had two touchdowns")."""
    names_a = {fold(token) for run in fa.names for token in run if len(token) > 1}
    names_b = {fold(token) for run in fb.names for token in run if len(token) > 1}
    if not names_a or not names_b or names_a & names_b:
        return False
    return not any(respelled(x, y) for x in names_a for y in names_b)


def _check_dates(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same event on another day or in another year: a date of each sentence that the
    other does not have, said of the same thing (a content word around both in common) or
    in two sentences that say the same otherwise."""
    alike = shared_share(a[1], b[1]) >= NEGATION_SAME_SENTENCE
    for group in ("day", "year", "weekday"):
        da = [d for d in a[1].dates if d.group == group]
        db = [d for d in b[1].dates if d.group == group]
        only_a = [d for d in da if d.value not in {x.value for x in db}]
        only_b = [d for d in db if d.value not in {x.value for x in da}]
        pairs = [(x, y) for x in only_a for y in only_b if alike or x.near & y.near]
        if len(pairs) == 1 or (pairs and alike):
            x, y = pairs[0]
            found.add("date", (a[0], x.text), (b[0], y.text), f"different {group}")


def _check_numbers(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Numbers that count the same thing with different values. A number is compared only
    with the one number of the other sentence that can count what it counts (two candidates
    and there is no telling which is meant); looked at from both sides, so the result does
    not depend on which source is `a`."""
    _check_rates(found, a, b)
    _check_ranges(found, a, b)
    for (x, fx), (y, fy), flipped in ((a, b, False), (b, a, True)):
        values_x = {n.value for n in fx.numbers}
        for nx in fx.numbers:
            same = [ny for ny in fy.numbers if ny.value == nx.value]
            style = next((ny for ny in same if _number_style(nx, ny)), None)
            if style is not None:
                ends = ((x, nx.raw), (y, style.raw))
                found.add("style", *(ends[::-1] if flipped else ends), "the same number written differently")
            if same or nx.ends:
                continue
            rivals = [ny for ny in fy.numbers if ny.value not in values_x and _counts_same(nx, ny)]
            if len(rivals) != 1 or _agree(nx, rivals[0]):
                continue
            counterparts = [n for n in fx.numbers if n.value not in {m.value for m in fy.numbers}
                            and _counts_same(rivals[0], n)]
            if counterparts == [nx]:
                ends = ((x, nx.text), (y, rivals[0].text))
                found.add("number", *(ends[::-1] if flipped else ends), "different numbers for the same thing")


def _agree(na: Number, nb: Number) -> bool:
    """Both values true within the precision and the bound they are written with: "4.46" /
    "4.5", "about 250" / "248", "more than 20" / "23". Two values bounded alike ("more than
    13 hours" / "more than 19 hours") are two claims about one number: they disagree."""
    low, high = sorted((na.value, nb.value))
    if high - low < max(na.precision, nb.precision) / 2 - 1e-9:
        return True
    if na.bound == nb.bound:
        return False
    for this, other in ((na, nb), (nb, na)):
        if this.bound == "over" and other.value > this.value or this.bound == "under" and other.value < this.value:
            return True
        if this.bound == "about" and abs(other.value - this.value) <= ABOUT * this.value:
            return True
    return False


ABOUT = 0.05  # "about 250" holds for 238 to 262


def _check_ranges(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Two ranges of the same thing that share one end and not the other: "between six and
    75 years" / "from 7 to 75 years". Ranges that share no end (a 24-14 lead, a 14-0 lead)
    are too unlike to be one fact."""
    ranges_a = {n.ends: n for n in a[1].numbers if n.ends}
    ranges_b = {n.ends: n for n in b[1].numbers if n.ends}
    for ends_a, na in ranges_a.items():
        for ends_b, nb in ranges_b.items():
            shared = sum(x == y for x, y in zip(ends_a, ends_b, strict=True))
            same_thing = bool(na.counts & nb.counts) or bool(na.measure) and na.measure == nb.measure
            if shared == 1 and na.unit == nb.unit and na.measure == nb.measure and same_thing:
                found.add("number", (a[0], na.text), (b[0], nb.text), "different ranges for the same thing")


def _check_rates(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """The same number counted per another time: "46,000 barrels a year" / "a day"."""
    for na in a[1].numbers:
        for nb in b[1].numbers:
            if na.value == nb.value and na.rate and nb.rate and na.rate != nb.rate and na.unit == nb.unit:
                note = f"the same number a {na.rate} / a {nb.rate}"
                found.add("number", (a[0], na.rate_text), (b[0], nb.rate_text), note)


def _number_style(na: Number, nb: Number) -> bool:
    return na.spelled != nb.spelled or (na.unit == nb.unit == "%" and
                                         na.raw.replace(" ", "") != nb.raw.replace(" ", ""))


def _counts_same(na: Number, nb: Number) -> bool:
    """Two numbers count the same thing: same unit and unit of measure (48 hours are not
    two days), and a shared word after them (or, when neither has one, before them). A part
    of a count ("the first 17", "one of the") or an end of a range counts no whole thing."""
    if na.partial or nb.partial or na.ends or nb.ends:
        return False
    if na.unit != nb.unit or na.measure != nb.measure:
        return False
    # A unit of measure alone says nothing of what is measured: "four years ago" and a
    # "28-year veteran" share "year" and nothing else.
    counted_a, counted_b = na.counts - {na.measure}, nb.counts - {nb.measure}
    if _alike(counted_a, counted_b):
        return True
    # "killing 14" / "12 people were killed": what one counts stands before the other.
    if not counted_a and _alike(na.before, counted_b) or not counted_b and _alike(nb.before, counted_a):
        return True
    if (counted_a or counted_b) and not na.measure:
        return False
    return bool(na.before & nb.before)


def _alike(stems_a: frozenset[str], stems_b: frozenset[str]) -> bool:
    """The same word, or two words news copy uses for one count ("shots" / "bullets")."""
    return bool(stems_a & stems_b) or any(group & stems_a and group & stems_b for group in COUNTED_ALIKE)


COUNTED_ALIKE = tuple(frozenset(stem(word) for word in group.split()) for group in (
    "people persons residents individuals civilians",
    "dead killed deaths died fatalities lives bodies",
    "injured wounded hurt injuries",
    "shots bullets rounds",
    "guns rifles weapons firearms",
    "homes houses dwellings",
    "soldiers troops",
    "children kids",
    "cars vehicles",
    "workers employees staff",
))


def _check_acronyms(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    forms_a, forms_b = set(a[1].acronyms), set(b[1].acronyms)
    for x in sorted(forms_a - forms_b):
        for y in sorted(forms_b - forms_a):
            if x.replace(".", "") == y.replace(".", ""):
                found.add("style", (a[0], x), (b[0], y), "house style: the same abbreviation")


def _check_quotes_and_attributions(found: _Found, a: tuple[Block, Facts],
                                   b: tuple[Block, Facts]) -> None:
    for qa, qb in itertools.product(a[1].quotes, b[1].quotes):
        if _same_speaker(qa.speaker, qb.speaker) and _quote_differs(qa.text, qb.text):
            who = qa.speaker or qb.speaker or "the speaker"
            found.add("quote", (a[0], qa.text), (b[0], qb.text), f"{who.title()} quoted in different words")
    for xa, xb in itertools.product(a[1].attributions, b[1].attributions):
        if _same_speaker(xa.speaker, xb.speaker) and xa.channel != xb.channel:
            who = xa.speaker or xb.speaker or "the speaker"
            found.add("attribution", (a[0], xa.text), (b[0], xb.text),
                      f"{who.title()}'s words attributed to different channels")


def _same_speaker(x: str, y: str) -> bool:
    return x == y or not x or not y


_WEB_SUFFIXES = frozenset({"com", "org", "net"})  # "MySpace.com" / "MySpace"


def _quote_differs(x: str, y: str) -> bool:
    """The same quotation in other words: not one cut from the other, and either close in
    spelling or sharing most of its content words."""
    fx, fy = fold(x), fold(y)
    if not fx or not fy or fx in fy or fy in fx:
        return False
    sx, sy = set(content_terms(fx)) - _WEB_SUFFIXES, set(content_terms(fy)) - _WEB_SUFFIXES
    if not (sx - sy and sy - sx):  # only punctuation, small words, or words cut: the same quotation
        return False
    shared = len(sx & sy) / max(1, min(len(sx), len(sy)))
    return fuzz.token_sort_ratio(fx, fy) >= 60 or shared >= 0.5


def _check_cells(found: _Found, xs: list[Block], ys: list[Block], cache: dict[str, Facts]) -> None:
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
