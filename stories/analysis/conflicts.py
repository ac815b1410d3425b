"""Conflicting facts between two sources, checked on linked sentences and aligned rows.

Rule-based on purpose: number and date mismatches, respelled names and negation are the
contradictions that rules find reliably; a paraphrase that keeps its facts is no
conflict. House-style differences (US / U.S., per cent / %, ten / 10) are kind `style`.
"""
from __future__ import annotations

import itertools
import re

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from .claims import check_negations, check_states
from .facts import Facts, Number, extract_passage
from .links import Link, SentenceRef, SentenceSpace
from .model import Block, Conflict, FactRef, Row, Source
from .text import STOPWORDS, content_terms, fold, normalise


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
    forms = {s.key: _name_forms(s) for s in sources}
    common = {s.key: _common_words(s) for s in sources}
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
        known = (set(forms[a.key]), set(forms[b.key]))
        for link in links:
            _check_sentences(found, link, space.facts(link.a), space.facts(link.b), known)
        check_negations(found.add, links, space)
        _check_name_spellings(found, forms[a.key], forms[b.key], space)
        _check_respelled_anywhere(found, forms[a.key], forms[b.key], space, common[a.key] | common[b.key])
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


def _check_sentences(found: _Found, link: Link, fa: Facts, fb: Facts,
                     known: tuple[set[str], set[str]]) -> None:
    ba, bb = link.a.block, link.b.block
    _check_numbers(found, (ba, fa), (bb, fb))
    for group in ("day", "year", "weekday"):
        da = {value: text for g, value, text in fa.dates if g == group}
        db = {value: text for g, value, text in fb.dates if g == group}
        only_a, only_b = sorted(set(da) - set(db)), sorted(set(db) - set(da))
        if only_a and only_b:
            found.add("date", (ba, da[only_a[0]]), (bb, db[only_b[0]]), f"different {group}")
    _check_acronyms(found, (ba, fa), (bb, fb))
    _check_quotes_and_attributions(found, (ba, fa), (bb, fb))
    _check_respelled(found, (ba, fa), (bb, fb), known)
    check_states(found.add, (ba, fa), (bb, fb))


def _check_numbers(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Numbers that count the same thing with different values; looked at from both
    sides, so the result does not depend on which source is `a`."""
    _check_rates(found, a, b)
    for (x, fx), (y, fy), flipped in ((a, b, False), (b, a, True)):
        for nx in fx.numbers:
            same = [ny for ny in fy.numbers if ny.value == nx.value]
            style = next((ny for ny in same if _number_style(nx, ny)), None)
            rival = None if same else next((ny for ny in fy.numbers if _counts_same(nx, ny) and
                                            all(n.value != ny.value for n in fx.numbers)), None)
            for kind, other, note in (("style", style, "the same number written differently"),
                                      ("number", rival, "different numbers for the same thing")):
                if other is not None:
                    texts = (nx.raw, other.raw) if kind == "style" else (nx.text, other.text)
                    ends = ((x, texts[0]), (y, texts[1]))
                    found.add(kind, *(ends[::-1] if flipped else ends), note)


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
    two days), and a shared word after them (or, when neither has one, before them)."""
    if na.unit != nb.unit or na.measure != nb.measure:
        return False
    # A unit of measure alone says nothing of what is measured: "four years ago" and a
    # "28-year veteran" share "year" and nothing else.
    counted_a, counted_b = na.counts - {na.measure}, nb.counts - {nb.measure}
    if counted_a & counted_b:
        return True
    if (counted_a or counted_b) and not na.measure:
        return False
    return bool(na.before & nb.before)


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


def _quote_differs(x: str, y: str) -> bool:
    """The same quotation in other words: not one cut from the other, and either close in
    spelling or sharing most of its content words."""
    fx, fy = fold(x), fold(y)
    if not fx or not fy or fx in fy or fy in fx:
        return False
    sx, sy = set(content_terms(fx)), set(content_terms(fy))
    shared = len(sx & sy) / max(1, min(len(sx), len(sy)))
    return fuzz.token_sort_ratio(fx, fy) >= 60 or shared >= 0.5


def _check_respelled(found: _Found, a: tuple[Block, Facts], b: tuple[Block, Facts],
                     known: tuple[set[str], set[str]]) -> None:
    """A name in one sentence that is a letter or two away from a name in the other, and
    that the other source never uses (`known` holds each source's folded name tokens)."""
    ta, tb = _name_tokens(a[1]), _name_tokens(b[1])
    for ka, run_a in ta.items():
        for kb, run_b in tb.items():
            if ka not in known[1] and kb not in known[0] and _respelled(ka, kb):
                if ka.replace(" ", "") == kb.replace(" ", ""):  # "Wi-Fi" / "WiFi": hyphens only
                    found.add("style", (a[0], run_a), (b[0], run_b), "house style: the same name hyphenated otherwise")
                else:
                    found.add("name", (a[0], run_a), (b[0], run_b), f"spelled {run_a} / {run_b}")
                found.respelled.add((ka, kb))


def _name_tokens(facts: Facts) -> dict[str, str]:
    """Folded name token -> its whole name as written, for tokens of 4+ letters."""
    return {fold(tok): " ".join(run) for run in facts.names for tok in run
            if len(tok) >= 4 and not tok.isupper()}


def _respelled(x: str, y: str) -> bool:
    """Same first letter, an edit or two apart, and not one the other plus an ending
    ("Venezuela" / "Venezuelans")."""
    if x[:1] != y[:1] or x.startswith(y) or y.startswith(x):
        return False
    limit = 1 if max(len(x), len(y)) <= 6 else 2
    return Levenshtein.distance(x, y, score_cutoff=limit) <= limit


Forms = dict[str, dict[str, Block]]  # folded name token -> {form as written: first block}
_CAPITALISED = re.compile(r"(?<![\w\u2019'])[^\W\d_][\w\u2019'-]*")
_POSSESSIVE = re.compile(r"[\u2019']s$|[\u2019'-]+$")


def _check_name_spellings(found: _Found, forms_a: Forms, forms_b: Forms, space: SentenceSpace) -> None:
    """The same name with and without accents (or in another case) anywhere in the two
    sources: "Nicolás Maduro" / "Nicolas Maduro"."""
    for key in sorted(set(forms_a) & set(forms_b)):
        only_a = [f for f in forms_a[key] if f not in forms_b[key]]
        only_b = [f for f in forms_b[key] if f not in forms_a[key]]
        if only_a and only_b:
            x, y = only_a[0], only_b[0]
            if _house_style_name(x, y):
                found.add("style", (forms_a[key][x], x), (forms_b[key][y], y),
                          f"house style: the same name in other capitals or hyphens ({x} / {y})")
                continue
            found.add("name", (forms_a[key][x], _whole_name(forms_a[key][x], x, space)),
                      (forms_b[key][y], _whole_name(forms_b[key][y], y, space)),
                      f"name spelled differently (accents): {x} / {y}")


def _house_style_name(x: str, y: str) -> bool:
    """Only letter case or hyphens differ ("MacBook" / "Macbook", "Wi-Fi" / "WiFi"): the
    desk's style, not a spelling of the name."""
    return x.replace("-", "").casefold() == y.replace("-", "").casefold()


def _check_respelled_anywhere(
    found: _Found, forms_a: Forms, forms_b: Forms, space: SentenceSpace, common: set[str]
) -> None:
    """A name that only one source uses, a letter or two away from one that only the other
    uses ("Gurbanguli" / "Gurbanguly"), wherever the two stand: a respelling in a passage
    the other source words differently is still one. Capitalised words that either source
    also writes in lower case ("These" opening a sentence) are not names."""
    def names_only_in(forms: Forms, other: Forms) -> list[str]:
        return sorted(k for k in forms if k not in other and len(k) >= MIN_RESPELLED and k not in common)

    only_a, only_b = names_only_in(forms_a, forms_b), names_only_in(forms_b, forms_a)
    by_initial: dict[str, list[str]] = {}
    for kb in only_b:
        by_initial.setdefault(kb[:1], []).append(kb)
    candidates = [(x, y) for x in only_a for y in by_initial.get(x[:1], ()) if abs(len(x) - len(y)) <= 2]
    for ka, kb in candidates:
        if (ka, kb) in found.respelled or not _respelled(ka, kb) or " " in ka + kb:
            continue
        x, y = next(iter(forms_a[ka])), next(iter(forms_b[kb]))
        found.add("name", (forms_a[ka][x], _whole_name(forms_a[ka][x], x, space)),
                  (forms_b[kb][y], _whole_name(forms_b[kb][y], y, space)), f"spelled {x} / {y}")
        found.respelled.add((ka, kb))


MIN_RESPELLED = 5  # letters: shorter names are too often two different names a letter apart
_LOWER_WORD = re.compile(r"(?<![\w\u2019'])[a-z][\w\u2019'-]*")


def _common_words(source: Source) -> set[str]:
    """The folded words a source writes in lower case somewhere: common words, not names."""
    return {fold(match.group()) for block in source.blocks for match in _LOWER_WORD.finditer(block.text)} | STOPWORDS


def _name_forms(source: Source) -> Forms:
    """Every capitalised word of a source's original blocks (all-capitals ones aside: a
    shouted headline is not a spelling), by folded form."""
    forms: Forms = {}
    for block in source.blocks:
        if block.repeat_of is None:
            for match in _CAPITALISED.finditer(block.text):
                token = _POSSESSIVE.sub("", match.group())
                if len(token) > 1 and token[0].isupper() and not token.isupper():
                    forms.setdefault(fold(token), {}).setdefault(token, block)
    return forms


def _whole_name(block: Block, token: str, space: SentenceSpace) -> str:
    """The run of name words that `token` belongs to ("Nicolás" -> "Nicolás Maduro")."""
    for index, sentence in enumerate(block.sentences):
        if token in sentence.text:
            for run in space.facts(SentenceRef(block, index)).names:
                if token in run:
                    return " ".join(run)
    return token


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
