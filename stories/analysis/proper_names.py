"""Proper names as copy writes them: the runs of capitalised words a sentence states, and a
source's capitalised words with the forms and places they are written in."""

from __future__ import annotations

import functools
import re

from .model import Block, Source
from .name_ends import NAME_END_CHARS, NAME_END_MARKS, POSSESSIVE_MARKS, without_end
from .spellings import LONG_NAME, MIN_RESPELLED
from .text import STOPWORDS, TWINS, fold, fold_word

Forms = dict[str, dict[str, Block]]  # folded name token -> {form as written: first block}
Places = dict[str, list[Block]]  # folded name token -> the blocks it stands in (a few)
Capital = tuple[int, str, str, str | None]  # offset, word as written, folded, name word just before
# folded, as written, written mid-sentence, and with the name word just before it: the two
# run together and the first word folded, and the two as written
NameWord = tuple[str, str, bool, tuple[str, str, str] | None]
# A word that may start with a capital: any letter but the lower-case ones of Latin scripts
# (the rest are told apart by str.isupper), so that the common words are not even looked at.
# The first character's class comes before the look behind: the search skips to the
# characters it allows (two times faster than a look behind tried at every place).
_CAPITALISED = re.compile(r"[^\W\d_a-z\u00df-\u00f6\u00f8-\u00ff](?<![\w\u2019'#@].)[\w\u2019'-]*")
# In ASCII text its first character's class is the capitals A-Z (a set of one range, tried
# faster than the class with its categories that the twin would keep).
_CAPITALISED_ASCII = re.compile(r"[A-Z](?<![\w'#@].)[\w'-]*", re.ASCII)
TWINS.append((_CAPITALISED, _CAPITALISED_ASCII))  # held to the pattern by tests/analysis/test_ascii_twins.py
_LOWER_WORD = re.compile(r"[a-z](?<![\w\u2019'][a-z])[\w\u2019'-]*")  # the same: the letter, then the look behind
PLACES_KEPT = 12
# The name words of a sentence:
# A name word, and what stands between it and the word before (a hashtag or handle is no name).
_GAP_AND_NAME_TOKEN = re.compile(r"([\W\d_]*?)([#@]?[^\W\d_][\w\u2019'.-]*)")
_CONNECTORS = frozenset("de da del della di dos du van von der bin al la le y".split())
NOT_NAMES = frozenset(
    """
the a an in on at as by for from to of and but or if it its this that these those he she
they we i his her their our there here when while after before according however meanwhile
although though monday tuesday wednesday thursday friday saturday sunday january february
march april may june july august september october november december mr mrs ms dr president
secretary minister prime officials official senator governor general chief state states
const sgt gen gov lt col capt cpl rep sen det insp supt cmdr adm maj rev prof jr sr st mt ft
corp inc ltd bros vol ave blvd rd
gmt utc bst cet cest est edt cst cdt mst mdt pst pdt et pt
""".split()
)  # and the abbreviations of titles and addresses ("Vancouver police Const. Jana McGuinness"),
# and of time zones ("6 p.m. GMT")


# Words that open a sentence, capitalised there, and are never a name's first word: "Despite
# Evanville's loss" names Evanville.
OPENERS = STOPWORDS | frozenset(
    """
despite amid amidst among unlike without within throughout toward towards upon besides beyond
inside outside across along around behind beneath beside like unless whether whereas yet still
instead even later earlier yesterday today tonight tomorrow last next many several another
""".split()
)


TITLE_CASE_SHARE = 0.6  # of a passage's words capitalised: a headline in title case

NAME_ENDINGS = frozenset({"state", "states", "corp", "inc", "ltd", "bros"})  # of NOT_NAMES, ending a name


@functools.lru_cache(maxsize=1 << 14)  # read by a sentence's facts, its dates' doings, its quotes' speakers
def name_runs(sentence: str) -> tuple[tuple[str, ...], ...]:
    """Runs of capitalised words that are not sentence openers, titles, months or days.

    Outside a name, a word not capitalised (or a hashtag) starts none: most words. In ASCII
    text the words are not all read: from one name to the next capital that opens a word
    (`_next_capitalised`), and word by word only while a name runs."""
    runs: list[list[str]] = []
    current: list[str] = []
    end = _letters_end(sentence)
    if sentence.isascii():
        first, at = _NAME_TOKEN.search(sentence, 0, end), 0
        while match := _NAME_TOKEN.search(sentence, at, end) if current else _next_capitalised(sentence, at, end):
            opens = first is not None and match.start() == first.start()
            current = _add_name_word(runs, current, sentence[at : match.start()], match.group(), opens)
            at = match.end()
    else:
        for position, (gap, token) in enumerate(_GAP_AND_NAME_TOKEN.findall(sentence, 0, end)):
            if current or token[0].isupper():
                current = _add_name_word(runs, current, gap, token, position == 0)
    if current:
        runs.append(current)
    return tuple(_to_last_name_word(run) for run in runs)


def _add_name_word(runs: list[list[str]], current: list[str], gap: str, token: str, opens: bool) -> list[str]:
    """The run of name words `current` after one more word (`token`, after `gap`); a run
    it ends goes into `runs`. `opens`: the word is the sentence's first."""
    if current and not gap.isspace():  # "Wilson, 47; LaTonya": two names
        runs.append(current)
        current = []
    if token[0] in "#@":
        token = "#"  # ends a run, as any word that is not a name does
    word = without_end(token, NAME_END_MARKS) if token[-1] in NAME_END_CHARS else token
    lower = word.lower()
    if word[:1].isupper() and lower not in NOT_NAMES and not (opens and lower in OPENERS):
        current.append(word)
    elif current and word[:1].isupper() and lower in NAME_ENDINGS:
        current.append(word)  # "United States", "Acme Corp": a name's own last word
    elif current and lower in _CONNECTORS:
        current.append(word)
    else:
        if current:
            runs.append(current)
        current = []
    if token[-1:] in ".,;:" and current:
        runs.append(current)
        current = []
    return current


# A name word as `_GAP_AND_NAME_TOKEN` reads it (its second group): each run of word
# characters, "'", "." and "-" holds one, from its first letter (with a "#" or "@" just
# before the run) to the run's end.
_NAME_TOKEN = re.compile(r"[#@]?[^\W\d_][\w\u2019'.-]*", re.ASCII)  # read of ASCII text only
_CAPITAL = re.compile(r"[A-Z]")
_BEFORE_A_LETTER = frozenset("0123456789_'.-")  # what of a run of ASCII may stand before its first letter


def _next_capitalised(sentence: str, at: int, end: int) -> re.Match[str] | None:
    """The next name word from `at` (where no word runs on) on of an ASCII sentence that
    opens with a capital, skipping the rest: a capital that opens a word, not one inside
    it ("iPhone") nor after a "#" or "@" (a hashtag's, which opens with that)."""
    while capital := _CAPITAL.search(sentence, at, end):
        start = run = capital.start()
        while run > at and sentence[run - 1] in _BEFORE_A_LETTER:
            run -= 1
        before = sentence[run - 1] if run else ""
        if not (before.isalpha() or run == start and before in ("#", "@")):
            return _NAME_TOKEN.match(sentence, start, end)
        at = start + 1
    return None


def _letters_end(sentence: str) -> int:
    """Where the sentence's last letter ends. A token's search tries every place of a run
    with no letter to the end of the run, so a long tail of figures (a table's line) cost
    the square of its length: 0.6 s for 8,000 characters of digits."""
    end = len(sentence)
    while end and not sentence[end - 1].isalpha():
        end -= 1
    return end


def _to_last_name_word(run: list[str]) -> tuple[str, ...]:
    """A run without the connectors after its last capitalised word ("Leonardo da")."""
    if run[-1][:1].isupper():  # most runs
        return tuple(run)
    last = max(place for place, word in enumerate(run) if word[:1].isupper())
    return tuple(run[: last + 1])


class SourceNames:
    """A source's capitalised words: their forms, where they stand, and the source's
    lower-case words (which are not names)."""

    def __init__(self, source: Source, read: dict[str, list[NameWord]] | None = None) -> None:
        """`read` holds the name words of every passage text read so far, for the other
        sources of one comparison: versions of a story repeat most of their passages."""
        read = {} if read is None else read
        self.forms: Forms = {}
        self.places: Places = {}
        self.joined: dict[str, tuple[str, Block]] = {}  # "eldorado" -> ("El Dorado", block)
        # "dalton" -> {"brian": ("Brian Dalton", block)}: the names written before a surname
        self.before: dict[str, dict[str, tuple[str, Block]]] = {}
        self.mid_sentence: set[str] = set()  # names written somewhere other than a sentence's first word
        for block in source.blocks:
            if block.repeat_of is None:
                words = read.get(block.text)
                if words is None:
                    words = read[block.text] = name_words(block)
                self._read(block, words)
        self.texts = [block.text for block in source.blocks]

    @functools.cached_property
    def lower_case(self) -> LowerCaseWords:
        """The words the source writes in lower case (`WrittenInLowerCase`)."""
        return LowerCaseWords(self.texts)

    @functools.cached_property
    def lookalikes(self) -> Lookalikes:
        return Lookalikes(list(self.forms))

    def _read(self, block: Block, words: list[NameWord]) -> None:
        for key, token, mid_sentence, pair in words:
            if mid_sentence:
                self.mid_sentence.add(key)
            self.forms.setdefault(key, {}).setdefault(token, block)
            blocks = self.places.setdefault(key, [])
            if len(blocks) < PLACES_KEPT and (not blocks or blocks[-1] is not block):
                blocks.append(block)
            if pair is not None:
                joined, first, written = pair
                self.joined.setdefault(joined, (written, block))
                self.before.setdefault(key, {}).setdefault(first, (written, block))


def name_words(block: Block) -> list[NameWord]:
    """The name words of a passage, as `SourceNames` reads them: what depends on the
    passage's text alone, read once for all the sources that print it."""
    capitals = capitals_of(block.text)
    openers = {sentence.start for sentence in block.sentences}
    # A headline in title case capitalises every word: "Warehouse Fire Injures 12" writes
    # no name mid-sentence. A short line mostly of names that writes a word of its own in
    # lower case ("Aviation expert Hugh Dalby said:") is no title.
    title_case = len(capitals) >= TITLE_CASE_SHARE * len(block.text.split()) and not _lower_content(block.text)
    births, birth_name = _born_in(block.text), False  # the cheap test: most have none
    words: list[NameWord] = []
    for start, token, key, first in capitals:
        after_born = births and _BORN.search(block.text, max(0, start - 8), start) is not None
        birth_name = after_born or (birth_name and first is not None)  # the rest of the name run
        if birth_name:
            continue  # "She was born Jane Smyth": the name she had, not the one she goes by
        # "Heffner told the AP": a sentence's first word that speaks is a name
        mid_sentence = not title_case and (start not in openers or _SPEAKING.match(block.text, start + len(token)))
        # fold_word: `fold` of the two words run together, lower-casing a word of letters only
        pair = None if first is None else (fold_word(first + token), fold_word(first), f"{first} {token}")
        words.append((key, token, bool(mid_sentence), pair))
    return words


class WrittenInLowerCase:
    """The words (folded) that some of the given sources write in lower case somewhere, and
    the stop words: words that are not names (`word in written`)."""

    def __init__(self, *sources: SourceNames) -> None:
        self.sources = sources

    def __contains__(self, word: object) -> bool:
        return word in STOPWORDS or any(word in source.lower_case for source in self.sources)


class LowerCaseWords:
    """The words (folded) a source's passages write in lower case, as `_common_words` reads
    them (`word in words`). Asked of a few words only (the names that one source of a pair
    writes and the other does not), an ASCII source is not read word by word: each word
    asked is looked for in its lower-cased text, and only where it stands is the word
    written there read (`_lower_case_at`); half a story's reading of names went on
    gathering every word, to ask of a few dozen."""

    def __init__(self, texts: list[str]) -> None:
        self.text = "\n".join(texts)  # no word holds a line break
        self.lowered = self.text.lower() if self.text.isascii() else ""
        self.words = frozenset() if self.lowered else set().union(*map(_common_words, texts))
        self.known: dict[str, bool] = {}

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if not self.lowered:
            return word in self.words
        if word not in self.known:
            self.known[word] = self._written(word)
        return self.known[word]

    def _written(self, word: str) -> bool:
        first = word.split(" ", 1)[0]
        if not first or not "a" <= first[0] <= "z":  # every lower-case word opens so
            return False
        at = self.lowered.find(first)
        while at >= 0:
            if _lower_case_at(self.text, at) == word:
                return True
            at = self.lowered.find(first, at + 1)
        return False


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'")  # [\w'] of ASCII
_RUN_CHARS = _WORD_CHARS | {"-"}


def _lower_case_at(text: str, at: int) -> str | None:
    """The word (folded as `_common_words` folds it) that `_LOWER_WORD` finds at `at` of an
    ASCII text, or None if none begins there: a lower-case letter after no word character
    or "'", and not inside a word begun before it (one opening the run of word characters,
    "'" and "-" it stands in, or following a "-" of it: "well-known" holds no "known")."""
    if not "a" <= text[at] <= "z" or at and text[at - 1] in _WORD_CHARS:
        return None
    start = at
    while start and text[start - 1] in _RUN_CHARS:
        start -= 1
    if any("a" <= text[q] <= "z" and (q == start or text[q - 1] == "-") for q in range(start, at)):
        return None
    end = at
    while end < len(text) and text[end] in _RUN_CHARS:
        end += 1
    return " ".join(text[at:end].lower().replace("'", " ").replace("-", " ").split())


@functools.lru_cache(maxsize=1 << 14)  # the versions of a story repeat most of their passages word for word
def _common_words(text: str) -> frozenset[str]:
    """A passage's words written in lower case (folded): words that are not names. Read
    passage by passage, a version repeating its story's passages reads few of its own.
    An ASCII passage's words are folded all at once, one to a line: `fold` of such a word
    (letters, digits, "_", "'" and "-"; no "." nor ",") lower-cases it and makes its "'"
    and "-" spaces between its words, which `fold_word` did word by word for twice the time."""
    words = set(_LOWER_WORD.findall(text))
    if not text.isascii():
        return frozenset(map(fold_word, words))
    lines = "\n".join(words).lower()
    if "'" in lines or "-" in lines:  # "don't" -> "don t", "well-" -> "well"
        lines = _EDGE_SPACES.sub("\n", _SPACES.sub(" ", lines.translate(_MARKS_TO_SPACES))).strip(" ")
    return frozenset(lines.split("\n")) if words else frozenset()


_MARKS_TO_SPACES = str.maketrans("'-", "  ")
_SPACES = re.compile(" {2,}")
_EDGE_SPACES = re.compile(" ?\n ?")


def _lower_content(text: str) -> bool:
    """Some word of five letters or more written in lower case, not a little word that title
    case leaves so ("about", "after")."""
    return any(len(word) >= 5 and word not in STOPWORDS for word in _LOWER_WORD.findall(text))


_BIRTH_HINT = re.compile(r"born\s|n[ée]e\s")


def _born_in(text: str) -> bool:
    """`_BIRTH_HINT` in the text, its words looked for first at C speed (most passages hold none)."""
    return ("born" in text or "nee" in text or "n\u00e9e" in text) and _BIRTH_HINT.search(text) is not None


_BORN = re.compile(r"\b(?:born|n[ée]e)\s$")  # a birth name follows
_SPEAKING = re.compile(r"(?:['\u2019]s)?\s(?:told|said|says|added)\b")


def capitals_of(text: str) -> list[Capital]:
    """The capitalised words of a passage that may be names, each with the name word
    written just before it (one space between), if any."""
    out: list[Capital] = []
    previous = None
    for match in (_CAPITALISED_ASCII if text.isascii() else _CAPITALISED).finditer(text):
        word = match.group()
        if not word[0].isupper():
            continue
        # strip_possessive and fold_word, written out: every capitalised word of a story comes here
        token = without_end(word, POSSESSIVE_MARKS) if word[-1] in "s\u2019'-" else word
        key = token.lower() if token.isalpha() and token.isascii() else fold(token)
        if len(token) > 1 and not token.isupper() and key not in NOT_NAMES:
            first = None
            if previous is not None and text[previous.end() : match.start()] == " ":
                first = strip_possessive(previous.group())
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
    - `swapped`: the same length; below LONG_NAME letters, one swap of neighbours, which
      keeps the first letter or (swapping the first two of three or more) the last;
    - `prefixed`: the same last letter, two or three letters longer or shorter, the
      shorter of MIN_RESPELLED letters or more."""

    def __init__(self, names: list[str]) -> None:
        self.place = {name: place for place, name in enumerate(names)}
        self.buckets: dict[tuple[int, str], list[str]] = {}
        for name in names:
            for bucket in ((len(name), ""), (len(name), "^" + name[:1]), (len(name), "$" + name[-1:])):
                self.buckets.setdefault(bucket, []).append(name)

    def of(self, key: str) -> list[str]:
        length, first, last = len(key), "^" + key[:1], "$" + key[-1:]
        wanted = [(other, first) for other in range(length - 2, length + 3)]
        wanted.append((length, last) if 3 <= length < LONG_NAME else (length, ""))
        wanted.extend(
            (other, last)
            for other in (length - 3, length - 2, length + 2, length + 3)
            if min(other, length) >= MIN_RESPELLED
        )
        found = {name for bucket in wanted for name in self.buckets.get(bucket, ())}
        return sorted(found, key=self.place.__getitem__)


def strip_possessive(word: str) -> str:
    """The word without a possessive or trailing marks ("Smith's" -> "Smith")."""
    return without_end(word, POSSESSIVE_MARKS)
