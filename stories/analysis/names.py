"""Names spelled two ways by two sources: a respelling ("Gurbanguli" / "Gurbanguly"), an
accent added or dropped ("Nicolás" / "Nicolas"), a name run together or set apart
("Eldorado" / "El Dorado"), a prefix dropped ("LaCalamita" / "Calamita"). Letter case,
hyphens and British or American spelling are house style.

A capitalised word is a name only when neither source writes it in lower case, and two
spellings are one name only where they stand in like company: the same other names
beside them, or sentences that say much the same. Two different people a letter apart
("Walther" the judge, "Walter" the attorney) stand in different sentences.
"""

from __future__ import annotations

import functools
import os
import re

from rapidfuzz.distance import OSA, Levenshtein

from .facts import NOT_NAMES, Facts
from .found import Found
from .links import SentenceRef, SentenceSpace
from .model import Block, Source
from .text import STOPWORDS, fold, stem

Forms = dict[str, dict[str, Block]]  # folded name token -> {form as written: first block}
Places = dict[str, list[Block]]  # folded name token -> the blocks it stands in (a few)
Capital = tuple[int, str, str, str | None]  # offset, word as written, folded, name word just before
# A word that may start with a capital: any letter but the lower-case ones of Latin scripts
# (the rest are told apart by str.isupper), so that the common words are not even looked at.
_CAPITALISED = re.compile(r"(?<![\w\u2019'])[^\W\d_a-z\u00df-\u00f6\u00f8-\u00ff][\w\u2019'-]*")
_POSSESSIVE = re.compile(r"[\u2019']s$|[\u2019'-]+$")
_LOWER_WORD = re.compile(r"(?<![\w\u2019'])[a-z][\w\u2019'-]*")
MIN_RESPELLED = 5  # letters: shorter names are too often two different names a letter apart
MIN_RESPELLED_BESIDE_A_NAME = 4  # "Lock" / "Locke", when "Salazar" stands beside both
PLACES_KEPT = 12
LONG_NAME = 9  # letters: a slip of two in a name this long ("Turkeminstan") is still a slip
SHARED_CONTENT = 2  # content words two sentences share, names aside, to be in like company
NAME_PREFIXES = ("la", "le", "de", "di", "da", "du", "mc", "mac", "van", "von", "st")


class SourceNames:
    """A source's capitalised words: their forms, where they stand, and the source's
    lower-case words (which are not names)."""

    def __init__(self, source: Source, read: dict[str, list[Capital]] | None = None) -> None:
        """`read` holds the capitalised words of every passage text read so far, for the
        other sources of one comparison: versions of a story repeat most of their passages."""
        read = {} if read is None else read
        self.forms: Forms = {}
        self.places: Places = {}
        self.joined: dict[str, tuple[str, Block]] = {}  # "eldorado" -> ("El Dorado", block)
        # "dalton" -> {"brian": ("Brian Dalton", block)}: the names written before a surname
        self.before: dict[str, dict[str, tuple[str, Block]]] = {}
        self.mid_sentence: set[str] = set()  # names written somewhere other than a sentence's first word
        for block in source.blocks:
            if block.repeat_of is None:
                capitals = read.get(block.text)
                if capitals is None:
                    capitals = read[block.text] = _capitals(block.text)
                self._read(block, capitals)
        # One scan of all the text: no match runs across the line breaks between blocks.
        lower = set(_LOWER_WORD.findall("\n".join(block.text for block in source.blocks)))
        self.common = {fold(word) for word in lower}

    @functools.cached_property
    def lookalikes(self) -> Lookalikes:
        return Lookalikes(list(self.forms))

    def _read(self, block: Block, capitals: list[Capital]) -> None:
        openers = {sentence.start for sentence in block.sentences}
        for start, token, key, first in capitals:
            if start not in openers:
                self.mid_sentence.add(key)
            self.forms.setdefault(key, {}).setdefault(token, block)
            blocks = self.places.setdefault(key, [])
            if len(blocks) < PLACES_KEPT and (not blocks or blocks[-1] is not block):
                blocks.append(block)
            if first is not None:
                self.joined.setdefault(fold(first + token), (f"{first} {token}", block))
                self.before.setdefault(key, {}).setdefault(fold(first), (f"{first} {token}", block))


def _capitals(text: str) -> list[Capital]:
    """The capitalised words of a passage that may be names, each with the name word
    written just before it (one space between), if any."""
    out: list[Capital] = []
    previous = None
    for match in _CAPITALISED.finditer(text):
        if not match.group()[0].isupper():
            continue
        token = _strip_possessive(match.group())
        key = fold(token)
        if len(token) > 1 and not token.isupper() and key not in NOT_NAMES:
            first = None
            if previous is not None and text[previous.end() : match.start()] == " ":
                first = _strip_possessive(previous.group())
            out.append((match.start(), token, key, first))
            previous = match
        else:
            previous = None
    return out


class Lookalikes:
    """A source's names by length and first or last letter: where to look for the names
    that may be another spelled otherwise, rather than trying every name of the source
    against every other (which grew with the square of the names in a story of several
    sources).

    `of(key)` holds every name that `_spellings_of` can keep, in the source's order:
    - `respelled`: the same first letter, an edit or two away, so at most two letters
      longer or shorter;
    - `_swapped`: the same length; below LONG_NAME letters, one swap of neighbours, which
      keeps the first letter or (swapping the first two of three or more) the last;
    - `_prefixed`: the same last letter, two or three letters longer or shorter, the
      shorter of MIN_RESPELLED letters or more."""

    def __init__(self, names: list[str]) -> None:
        self.place = {name: n for n, name in enumerate(names)}
        self.buckets: dict[tuple[int, str], list[str]] = {}
        for name in names:
            for bucket in ((len(name), ""), (len(name), "^" + name[:1]), (len(name), "$" + name[-1:])):
                self.buckets.setdefault(bucket, []).append(name)

    def of(self, key: str) -> list[str]:
        n, first, last = len(key), "^" + key[:1], "$" + key[-1:]
        wanted = [(m, first) for m in range(n - 2, n + 3)]
        wanted.append((n, last) if 3 <= n < LONG_NAME else (n, ""))
        wanted.extend((m, last) for m in (n - 3, n - 2, n + 2, n + 3) if min(m, n) >= MIN_RESPELLED)
        found = {name for bucket in wanted for name in self.buckets.get(bucket, ())}
        return sorted(found, key=self.place.__getitem__)


def _strip_possessive(word: str) -> str:
    """The word without a possessive or trailing marks ("Smith's" -> "Smith"). Only a word
    that ends in "s" or a mark can lose anything: the rest skip the regular expression."""
    return _POSSESSIVE.sub("", word) if word[-1] in "s\u2019'-" else word


def check_name_spellings(found: Found, a: SourceNames, b: SourceNames, space: SentenceSpace) -> None:
    """The same name with and without accents (or in another case) anywhere in the two
    sources: "Nicolás Maduro" / "Nicolas Maduro"."""
    for key in sorted(set(a.forms) & set(b.forms)):
        only_a = [f for f in a.forms[key] if f not in b.forms[key]]
        only_b = [f for f in b.forms[key] if f not in a.forms[key]]
        if only_a and only_b:
            x, y = only_a[0], only_b[0]
            if _house_style_name(x, y):
                found.add(
                    "style",
                    (a.forms[key][x], x),
                    (b.forms[key][y], y),
                    f"house style: the same name in other capitals or hyphens ({x} / {y})",
                )
                continue
            found.add(
                "name",
                (a.forms[key][x], whole_name(a.forms[key][x], x, space)),
                (b.forms[key][y], whole_name(b.forms[key][y], y, space)),
                f"name spelled differently (accents): {x} / {y}",
            )


def check_respelled(
    found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts], known: tuple[set[str], set[str]]
) -> None:
    """A name in one sentence that is a letter or two away from a name in the other, and
    that the other source never uses (`known` holds each source's folded name tokens)."""
    ta, tb = _name_tokens(a[1]), _name_tokens(b[1])
    for ka, run_a in ta.items():
        if ka in known[1]:  # most names: both sources use them
            continue
        for kb, run_b in tb.items():
            if kb in known[0]:
                continue
            close = respelled(ka, kb) or _one_name_otherwise_spelled(run_a, run_b, ka, kb)
            if close and not _two_people(run_a, run_b, ka, kb):
                _report(found, (a[0], run_a), (b[0], run_b), ka, kb)


def check_respelled_anywhere(found: Found, a: SourceNames, b: SourceNames, space: SentenceSpace) -> None:
    """A name one source never uses, a letter or two away from (or run together with, or a
    prefix away from) a name the other uses, wherever the two stand, so long as they stand
    in like company."""
    common = a.common | b.common | STOPWORDS
    for mine, theirs, flipped in ((a, b, False), (b, a, True)):
        for key in sorted(mine.forms):
            if key in theirs.forms or key in common or len(key) < MIN_RESPELLED_BESIDE_A_NAME:
                continue
            for other in _spellings_of(key, theirs, common):
                pair = (other, key) if flipped else (key, other)
                if pair in found.respelled or not _same_name(key, mine, other, theirs, space):
                    continue
                x, y = next(iter(mine.forms[key])), next(iter(theirs.forms[other]))
                ends = (
                    (mine.forms[key][x], whole_name(mine.forms[key][x], x, space)),
                    (theirs.forms[other][y], whole_name(theirs.forms[other][y], y, space)),
                )
                _report(found, *(ends[::-1] if flipped else ends), *pair)
        for key, (written, block) in sorted(theirs.joined.items()):
            if key in mine.forms and fold(written) not in mine.joined:
                x = next(iter(mine.forms[key]))
                ends = ((mine.forms[key][x], x), (block, written))
                pair = (key, fold(written))
                if pair not in found.respelled:
                    found.respelled.add(pair)
                    found.add("name", *(ends[::-1] if flipped else ends), f"spelled {x} / {written}")


def check_first_names(found: Found, a: SourceNames, b: SourceNames) -> None:
    """One surname after two spellings of a first name, each source writing only its own:
    "Brian Dalton" / "Bryant Dalton"."""
    for surname in sorted(set(a.before) & set(b.before)):
        for first_a, (written_a, block_a) in sorted(a.before[surname].items()):
            for first_b, (written_b, block_b) in sorted(b.before[surname].items()):
                if first_a in b.forms or first_b in a.forms or (first_a, first_b) in found.respelled:
                    continue
                short_form = first_a.startswith(first_b) or first_b.startswith(first_a)  # "Phil" / "Philip"
                if (
                    first_a[:1] == first_b[:1]
                    and min(len(first_a), len(first_b)) >= MIN_RESPELLED_BESIDE_A_NAME
                    and not short_form
                    and Levenshtein.distance(first_a, first_b, score_cutoff=2) <= 2
                ):
                    _report(found, (block_a, written_a), (block_b, written_b), first_a, first_b)


def _spellings_of(key: str, theirs: SourceNames, common: set[str]) -> list[str]:
    """The other source's names that may be `key` spelled otherwise, in their order."""
    return [
        other
        for other in theirs.lookalikes.of(key)
        if other != key
        and other not in common
        and abs(len(other) - len(key)) <= 3
        and (respelled(key, other) or _prefixed(key, other) or _swapped(key, other))
    ]


def _swapped(x: str, y: str) -> bool:
    """Two letters swapped ("Teixiera" / "Teixeira", "Edkahl" / "Ekdahl"), or two pairs of
    them in a long name ("Turkeminstan" / "Turkmenistan")."""
    if len(x) != len(y):
        return False
    limit = 2 if len(x) >= LONG_NAME else 1
    swaps = OSA.distance(x, y, score_cutoff=limit)
    return 1 <= swaps <= limit and Levenshtein.distance(x, y) > swaps


def _prefixed(x: str, y: str) -> bool:
    """One name is the other behind a family-name prefix: "Calamita" / "LaCalamita"."""
    short, long = sorted((x, y), key=len)
    return len(short) >= MIN_RESPELLED and long.endswith(short) and long[: len(long) - len(short)] in NAME_PREFIXES


def _same_name(key: str, mine: SourceNames, other: str, theirs: SourceNames, space: SentenceSpace) -> bool:
    """`key`, which only one source writes, is `other` misspelt: a slip of one letter (or
    two swapped) of a name both sources write, or a name only the other source writes
    that stands in like company."""
    if other in mine.forms:
        # A sentence's first word is capitalised whatever it is: "Later" is no slip of "Latter".
        slip = OSA.distance(key, other, score_cutoff=2) <= (2 if min(len(key), len(other)) >= LONG_NAME else 1)
        written_mid_sentence = key in mine.mid_sentence or len(key) >= LONG_NAME
        return (
            written_mid_sentence
            and slip
            and not _named_together(key, mine, other, theirs, space)
            and not _other_people(key, mine, other, theirs, space)
        )
    return _in_like_company(key, mine, other, theirs, space)


def _named_together(key_a: str, a: SourceNames, key_b: str, b: SourceNames, space: SentenceSpace) -> bool:
    """Some sentence names both, as "Los Angeles Angels" does "Angeles" and "Angels"."""
    return any(
        {key_a, key_b} <= _folded_names(space.facts(ref))
        for key, names in ((key_a, a), (key_b, b))
        for ref in _sentences_naming(key, names, space)
    )


def _in_like_company(key_a: str, a: SourceNames, key_b: str, b: SourceNames, space: SentenceSpace) -> bool:
    """Some sentence naming one and some naming the other share another name, or (for
    names of five letters or more) say much the same; and the whole names they stand in
    are not two people's ("John D. O'Connor" / "Joan Felt")."""
    if _named_together(key_a, a, key_b, b, space) or _other_people(key_a, a, key_b, b, space):
        return False
    for ref_a in _sentences_naming(key_a, a, space):
        facts_a = space.facts(ref_a)
        for ref_b in _sentences_naming(key_b, b, space):
            facts_b = space.facts(ref_b)
            names_a, names_b = _folded_names(facts_a) - {key_a}, _folded_names(facts_b) - {key_b}
            if names_a & names_b:
                return True
            shared = facts_a.content & facts_b.content - {stem(key_a), stem(key_b)}
            if min(len(key_a), len(key_b)) >= MIN_RESPELLED and len(shared) >= SHARED_CONTENT:
                return True
    return False


def _other_people(key_a: str, a: SourceNames, key_b: str, b: SourceNames, space: SentenceSpace) -> bool:
    """Each name stands in a whole name of several words, and the other words differ."""

    def rest(key: str, names: SourceNames) -> set[str]:
        return {
            fold(token)
            for ref in _sentences_naming(key, names, space)
            for run in space.facts(ref).names
            if key in {fold(t) for t in run}
            for token in run
            if fold(token) != key
        }

    rest_a, rest_b = rest(key_a, a), rest(key_b, b)
    return bool(rest_a and rest_b) and not rest_a & rest_b


def _sentences_naming(key: str, names: SourceNames, space: SentenceSpace) -> list[SentenceRef]:
    forms = list(names.forms.get(key, ()))
    return [
        SentenceRef(block, index)
        for block in names.places.get(key, [])
        for index, sentence in enumerate(block.sentences)
        if any(form in sentence.text for form in forms)
    ]


def _folded_names(facts: Facts) -> set[str]:
    return {fold(token) for run in facts.names for token in run if len(token) > 1}


def _report(found: Found, a: tuple[Block, str], b: tuple[Block, str], key_a: str, key_b: str) -> None:
    if key_a.replace(" ", "") == key_b.replace(" ", ""):  # "Wi-Fi" / "WiFi": hyphens only
        found.add("style", a, b, "house style: the same name hyphenated otherwise")
    elif _american(key_a) == _american(key_b):
        found.add("style", a, b, "house style: British and American spelling")
    else:
        found.add("name", a, b, f"spelled {a[1]} / {b[1]}")
    found.respelled.add((key_a, key_b))


def _american(word: str) -> str:
    """A word in American spelling: "recognised" -> "recognized", "harbour" -> "harbor"."""
    return re.sub(r"our\b", "or", re.sub(r"is(e|ed|es|ing|ation|ations)\b", r"iz\1", word))


def _one_name_otherwise_spelled(run_a: str, run_b: str, key_a: str, key_b: str) -> bool:
    """Whole names alike but for one word, spelled two ways further apart than `respelled`
    allows, with the same first letter: "Brian Dalton" / "Bryant Dalton", "Hurricane
    George" / "Hurricane Georges"."""
    rest_a = {fold(token) for token in run_a.split()} - {key_a}
    rest_b = {fold(token) for token in run_b.split()} - {key_b}
    if not rest_a or rest_a != rest_b or key_a[:1] != key_b[:1] or min(len(key_a), len(key_b)) < 4:
        return False
    if derived(key_a, key_b):
        return False
    return Levenshtein.distance(key_a, key_b, score_cutoff=2) <= 2


def _two_people(run_a: str, run_b: str, key_a: str, key_b: str) -> bool:
    """Whole names whose other words differ: "John D. O'Connor" / "Joan Felt"."""
    rest_a = {fold(token) for token in run_a.split()} - {key_a}
    rest_b = {fold(token) for token in run_b.split()} - {key_b}
    return bool(rest_a and rest_b) and not rest_a & rest_b


def _name_tokens(facts: Facts) -> dict[str, str]:
    """Folded name token -> its whole name as written, for tokens of 4+ letters."""
    return {fold(tok): " ".join(run) for run in facts.names for tok in run if len(tok) >= 4 and not tok.isupper()}


def about_others(fa: Facts, fb: Facts) -> bool:
    """Two sentences that each name someone or something, and no name in common (nor one
    respelled): their numbers and dates are about different things ("Thomas has eight
    touchdowns" / "Bush had two touchdowns")."""
    names_a = {fold(token) for run in fa.names for token in run if len(token) > 1}
    names_b = {fold(token) for run in fb.names for token in run if len(token) > 1}
    if not names_a or not names_b or names_a & names_b:
        return False
    return not any(respelled(x, y) for x in names_a for y in names_b)


def respelled(x: str, y: str) -> bool:
    """Same first letter, an edit or two apart, and not one the other plus an ending
    ("Venezuela" / "Venezuelans"), unless that is a silent "e" ("Lock" / "Locke"), nor a
    word derived from the other ("Atlanta" / "Atlantic", "Democrats" / "Democratic")."""
    if x[:1] != y[:1] or derived(x, y):
        return False
    if x.startswith(y) or y.startswith(x):
        return abs(len(x) - len(y)) == 1 and max(x, y, key=len).endswith("e")
    limit = 1 if max(len(x), len(y)) <= 6 else 2
    return Levenshtein.distance(x, y, score_cutoff=limit) <= limit


DERIVED_ENDINGS = frozenset("ic ics ian ians an ans ese ish er ers ite ites ist ists".split())


def derived(x: str, y: str) -> bool:
    """One word the other's place, people or adjective: the same stem of four letters or
    more, and an ending that derives one word from another ("New Zealand" / "New
    Zealander", "Italy" / "Italian"). A plural "s" is not one: "George" / "Georges"."""
    stem_length = len(os.path.commonprefix([x, y]))
    endings = {x[stem_length:], y[stem_length:]}
    return stem_length >= 4 and bool(endings & DERIVED_ENDINGS) and max(map(len, endings)) <= 4


def _house_style_name(x: str, y: str) -> bool:
    """Only letter case or hyphens differ ("MacBook" / "Macbook", "Wi-Fi" / "WiFi"): the
    desk's style, not a spelling of the name."""
    return x.replace("-", "").casefold() == y.replace("-", "").casefold()


def whole_name(block: Block, token: str, space: SentenceSpace) -> str:
    """The run of name words that `token` belongs to ("Nicolás" -> "Nicolás Maduro")."""
    for index, sentence in enumerate(block.sentences):
        if token in sentence.text:
            for run in space.facts(SentenceRef(block, index)).names:
                if token in run:
                    return " ".join(run)
    return token
