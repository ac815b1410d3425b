"""Facts a sentence states, pulled out so that aligned sentences can be checked against
each other: numbers with what they count, names, dates and weekdays, quotations with
their speaker, attributions ("said on X"), negations, and house-style forms (U.S., %).
Numbers are read in `quantities`, dates in `dates`, names in `proper_names`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

from .dates import Date, dates_in, is_stamp
from .number_fact import Number
from .proper_names import name_runs
from .quantities import numbers_of
from .text import STOPWORDS, ascii_twin, fold, fold_word, lacks_word_before, lacks_words, stem, strip_accents

_QUOTE = re.compile(r"\u201c([^\u201c\u201d]{3,600})\u201d|\"([^\"]{3,600})\"")
_ATTRIBUTION = re.compile(
    r"\b(said|says|stated|states|wrote|writes|posted|posts|shared|shares|told|tweeted|"
    r"announced|added|declared|confirmed)\s+(on|in|via|through|during)\s+"
    r"((?:(?:a|an|the|his|her|their|its)\s+)?[\w\u2019'-]+(?:\s+[\w\u2019'-]+){0,2})"
)
_NEGATION = re.compile(
    r"\b(no|not|never|none|nobody|neither|nor|without|cannot)\b(?!\s+(?:only|longer)\b)"
    r"|n[\u2019']t\b",
    re.I,
)
_NOT_A_DENIAL = frozenset({"only", "longer", "least", "just", "merely"})  # "not only", "no longer"
# "We don"t believe", "hadn ’ t": an apostrophe printed as a double quote, or set apart by
# spaces, as some feeds and scrapers print it.
_BROKEN_APOSTROPHE = re.compile(r"(\w)(?:\"|\s[\u2019']\s)(t|s|ll|re|ve|d|m)\b")
_WORDS = re.compile(r"[\w\u2019'%-]+(?:\.\w+)*")
_WORDS_ASCII = ascii_twin(_WORDS)
# "U.S.", "UN", "NYC": two or more capitals each with a dot, or two or three without, not
# inside a word. Written to begin with the capital, which the search then looks for at C
# speed, not with the look behind (tried at every place): the look behind, read after the
# first capital, is that no word character or "." stands before it.
_ACRONYM = re.compile(r"[A-Z](?<![\w.][A-Z])(?:\.(?:[A-Z]\.)+(?!\w)|[A-Z]{1,2}(?![\w.]))")
_ACRONYM_HINT = re.compile(r"[A-Z][A-Z.]")


@dataclass(frozen=True)
class Quote:
    text: str
    speaker: str


@dataclass(frozen=True)
class Attribution:
    text: str
    speaker: str
    channel: str


@dataclass(frozen=True)
class Facts:
    numbers: tuple[Number, ...]
    dates: tuple[Date, ...]
    names: tuple[tuple[str, ...], ...]  # runs of name tokens as written
    quotes: tuple[Quote, ...]
    attributions: tuple[Attribution, ...]
    negations: tuple[int, ...]  # word offsets of negation cues
    acronyms: tuple[str, ...]
    words: tuple[str, ...]  # the sentence's words as written

    @cached_property
    def content(self) -> frozenset[str]:
        """Stems of its content words, negation cues left out: read only for the few
        sentences whose wording is weighed (a negation or a change of state in them)."""
        return _content(self.words, self.negations)


def extract(sentence: str, figures: tuple[tuple[Number, ...], tuple[Date, ...]] | None = None) -> Facts:
    """Everything `conflicts` compares, from one sentence of display text. A publication
    stamp states no fact. `figures`: the sentence's numbers and dates when they have been
    read already (`quantities.figures_in`, which reads them as this does)."""
    if is_stamp(sentence):
        sentence = ""
    if figures is None:
        dates, masked = dates_in(sentence)
        numbers = numbers_of(masked, sentence)
    else:
        numbers, dates = figures
    broken = '"' in sentence or " \u2019 " in sentence or " ' " in sentence
    text = _BROKEN_APOSTROPHE.sub(r"\1'\2", sentence) if broken else sentence
    words = tuple((_WORDS_ASCII if text.isascii() else _WORDS).findall(text))
    negations = (
        tuple(
            index
            for index, word in enumerate(words)
            if (word[0] in "nNwW" or word[-1] in "tT") and _is_denial(words, index)  # how every cue begins or ends
        )
        if _may_negate(text)
        else ()
    )
    return Facts(
        numbers=numbers,
        dates=dates,
        names=name_runs(sentence),
        quotes=_quotes(sentence),
        attributions=_attributions(sentence),
        negations=negations,
        acronyms=_acronyms(sentence),
        words=words,
    )


# Every negation cue as a word of ASCII text in lower case (`_NEGATION`, or a word ending in
# "n't"): a sentence without one, most, has no word to try.
_CUES = frozenset("no not never none nobody neither nor without cannot".split())


def _may_negate(text: str) -> bool:
    """Some word of `text` may be a negation cue. Text that is not ASCII is not ruled out:
    ignoring case, `_NEGATION` takes "\u0131" for "i"."""
    return not lacks_words(text, _CUES) or "n't" in text.lower()


def _is_denial(words: tuple[str, ...], index: int) -> bool:
    word = words[index]
    cue = _NEGATION.fullmatch(word) is not None or word.lower().endswith(("n't", "n\u2019t"))
    return cue and (index + 1 == len(words) or words[index + 1].lower() not in _NOT_A_DENIAL)


def extract_passage(text: str) -> Facts:
    """What is compared over a whole passage rather than sentence by sentence: quotations
    (which can span sentences), attributions and abbreviations. The rest (numbers, names,
    dates) is read once per sentence by `extract`."""
    return Facts(
        numbers=(),
        dates=(),
        names=(),
        quotes=_quotes(text),
        attributions=_attributions(text),
        negations=(),
        acronyms=_acronyms(text),
        words=(),
    )


# Quotes, attributions and abbreviations are read of sentences and of whole passages: a
# passage of one sentence (most) and a passage both versions print are read once.
@lru_cache(maxsize=4096)
def _acronyms(text: str) -> tuple[str, ...]:
    if not _ACRONYM_HINT.search(text):  # in every acronym; a quick look rules out most texts
        return ()
    return tuple(match.group() for match in _ACRONYM.finditer(text))


def _content(words: tuple[str, ...], negations: tuple[int, ...]) -> frozenset[str]:
    kept = [word for index, word in enumerate(words) if index not in negations] if negations else words
    return frozenset(stem(word) for word in map(fold_word, kept) if word and word not in STOPWORDS)


@lru_cache(maxsize=4096)
def _quotes(sentence: str) -> tuple[Quote, ...]:
    if '"' not in sentence and "\u201c" not in sentence:  # how every quotation opens; most texts have none
        return ()
    out, closed_at = [], 0
    for match in _QUOTE.finditer(sentence):
        text = match.group(1) or match.group(2)
        closed_at = match.end()
        if len(text.split()) >= 3:
            out.append(Quote(text, _speaker(sentence, match.start(), match.end())))
    run_on = _QUOTE_RUNNING_ON.search(sentence, closed_at)
    if run_on and len(run_on.group(1).split()) >= 3:
        out.append(Quote(run_on.group(1), _speaker(sentence, run_on.start(), run_on.end())))
    return tuple(out)


# A quotation opened and not closed runs on into the next paragraph, as the wires print a
# statement of several paragraphs: each opens with a quotation mark, only the last closes
# it. An opening mark stands at the start or after a space and before a letter (not the
# inch mark of `a 13" screen`).
_QUOTE_RUNNING_ON = re.compile(r'(?:^|(?<=[\s(]))["\u201c](?=[A-Za-z\u2018\'])([^"\u201c\u201d]{3,600})$')


_ALSO_NOUNS = frozenset({"states", "posts", "shares", "writes"})
_SUBJECT_BEFORE = re.compile(r"(?:\b(?:he|she|it|they|we|i|who|also)|[A-Z][\w\u2019'-]*)\s+$")


# What every attribution holds, looked for first: the search starts only at the letters a
# verb begins with; the attribution's own, at every word (most texts have none).
_ATTRIBUTION_HINT = re.compile(
    r"(?:said|says|stated|states|wrote|writes|posted|posts|shared|shares|told|tweeted|"
    r"announced|added|declared|confirmed)\s+(?:on|in|via|through|during)\s"
)


# The hint's verbs, each the end of a word (nothing stands before it), and the words that
# open a channel after it: a sentence with no such word followed by one of those has none.
_ATTRIBUTION_VERBS = tuple(
    "said says stated states wrote writes posted posts shared shares told tweeted announced added declared"
    " confirmed".split()
)
_CHANNEL_OPENERS = frozenset("on in via through during".split())


def _ends_a_verb(word: str) -> bool:
    return word.endswith(_ATTRIBUTION_VERBS)


@lru_cache(maxsize=4096)
def _attributions(sentence: str) -> tuple[Attribution, ...]:
    if lacks_word_before(sentence, _ends_a_verb, _CHANNEL_OPENERS) or not _ATTRIBUTION_HINT.search(sentence):
        return ()
    out = []
    for match in _ATTRIBUTION.finditer(sentence):
        if match.group(1).lower() in _ALSO_NOUNS and not _SUBJECT_BEFORE.search(sentence[: match.start()]):
            continue  # "authoritarian states in the world", "the posts on X"
        channel_words = []
        for word in match.group(3).split():
            if word.lower() in STOPWORDS - {"a", "an", "the", "his", "her", "their", "its"}:
                break
            channel_words.append(word)
        if channel_words:
            text = f"{match.group(1)} {match.group(2)} {' '.join(channel_words)}"
            channel = fold(" ".join(word for word in channel_words if word.lower() not in STOPWORDS))
            out.append(Attribution(text, _speaker(sentence, match.start(), match.end()), channel))
    return tuple(out)


def _speaker(sentence: str, start: int, end: int) -> str:
    """The name nearest before `start` (or just after `end`): "Bukele said", "said Bukele"."""
    before = name_runs(sentence[max(0, start - 60) : start])
    after = name_runs(sentence[end : end + 40])
    run = before[-1] if before else (after[0] if after else ())
    return strip_accents(run[-1]).casefold() if run else ""
