"""Whether two written words are one name spelled two ways: a letter or two apart, two
letters swapped, one behind a family-name prefix; and what is house style instead (letter
case, hyphens, British or American spelling) or another word altogether (a people, a
place's adjective)."""

from __future__ import annotations

import os
import re

from rapidfuzz.distance import OSA, Levenshtein

MIN_RESPELLED = 5  # letters: shorter names are too often two different names a letter apart
LONG_NAME = 9  # letters: a slip of two in a name this long ("Turkeminstan") is still a slip
MIN_DOUBLED = 6  # letters of the shorter spelling, for a doubled letter to be a slip wherever it stands
NAME_PREFIXES = ("la", "le", "de", "di", "da", "du", "mc", "mac", "van", "von", "st")


def respelled(word_a: str, word_b: str) -> bool:
    """Same first letter, an edit or two apart, and not one the other plus an ending
    ("Venezuela" / "Venezuelans"), unless that is a silent "e" ("Lock" / "Locke"), nor a
    word derived from the other ("Atlanta" / "Atlantic", "Democrats" / "Democratic")."""
    if word_a[:1] != word_b[:1]:
        return False
    if " " in word_a or " " in word_b:  # an apostrophe or hyphen within, folded: "Qa'ida" / "Qaeda"
        word_a, word_b = word_a.replace(" ", ""), word_b.replace(" ", "")
    if word_a.startswith(word_b) or word_b.startswith(word_a):
        silent_e = abs(len(word_a) - len(word_b)) == 1 and max(word_a, word_b, key=len).endswith("e")
        return silent_e and not derived(word_a, word_b)
    if y_or_ie(word_a, word_b):
        return True
    limit = 1 if max(len(word_a), len(word_b)) <= 6 else 2
    return Levenshtein.distance(word_a, word_b, score_cutoff=limit) <= limit and not derived(word_a, word_b)


def y_or_ie(word_a: str, word_b: str) -> bool:
    """One name ending in "y" and the other in "ie", the same before: "Betty" / "Bettie",
    "Bobby" / "Bobbie", one sound written two ways."""
    short, long = sorted((word_a, word_b), key=len)
    return len(short) >= 4 and short.endswith("y") and long == short[:-1] + "ie"


DERIVED_ENDINGS = frozenset("ic ics ian ians an ans ese ish er ers ite ites ist ists ism isms".split())


def derived(word_a: str, word_b: str) -> bool:
    """One word the other's place, people or adjective: the same stem of four letters or
    more, and an ending that derives one word from another ("New Zealand" / "New
    Zealander", "Italy" / "Italian"), the stem's last letter perhaps the ending's first
    ("Africa" / "African"), or, of a place in "-y", its last two ("Germany" / "Germans"). A
    plural "s" is not one: "George" / "Georges"; nor are the two spellings of one doer
    ("Advisors" / "Advisers")."""
    if doubled(word_a, word_b, 1):  # "Brennan" / "Brenan": no "-an" derives one from the other
        return False
    shared = len(os.path.commonprefix([word_a, word_b]))
    in_y = word_a.endswith("y") or word_b.endswith("y")
    for stem_length in (shared, shared - 1, shared - 2) if in_y else (shared, shared - 1):
        endings = {word_a[stem_length:], word_b[stem_length:]}
        if endings in _DOER_SPELLINGS:
            return False
        if stem_length >= 4 and endings & DERIVED_ENDINGS and max(map(len, endings)) <= 4:
            ending_a, ending_b = sorted(endings)
            if Levenshtein.distance(ending_a, ending_b) > 1 or all(_an_ending(e, in_y) for e in endings):
                return True
    return False


def _an_ending(ending: str, in_y: bool) -> bool:
    """What a word of a derived pair may end in after the stem, when the two endings are a
    letter apart: a derived ending, a letter ("Africa" / "African"), or a place's "-y"
    ending; not "Griver" / "Grivner", a letter added, whose "-ner" derives nothing."""
    return ending in DERIVED_ENDINGS or len(ending) <= 1 or in_y and ending.endswith("y")


_DOER_SPELLINGS = ({"or", "er"}, {"ors", "ers"})


def vowel_changed(word_a: str, word_b: str) -> bool:
    """A long name with one vowel, not its first letter, written as another ("Hormozgan" /
    "Hormuzgan", "Jalalabad" / "Jalalabed"): a sound romanised two ways, and no two names
    of one story of LONG_NAME letters differ so."""
    if len(word_a) != len(word_b) or len(word_a) < LONG_NAME:
        return False
    changed = [n for n, (x, y) in enumerate(zip(word_a, word_b)) if x != y]
    return len(changed) == 1 and changed[0] > 0 and {word_a[changed[0]], word_b[changed[0]]} <= _VOWELS


_VOWELS = frozenset("aeiouy")


def vowel_added(word_a: str, word_b: str) -> bool:
    """A name with one vowel more, not its first letter: beside a vowel in a long name
    ("Hormozgan" / "Hormouzgan": one sound romanised as one letter or as a pair), or between
    two consonants in a name of MIN_DOUBLED letters or more ("Karvan" / "Karavan": a short
    vowel a romanisation writes or leaves out). No two names of one story differ so."""
    short, long = sorted((word_a, word_b), key=len)
    if len(short) < MIN_DOUBLED or len(long) != len(short) + 1:
        return False
    at = next((n for n, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    if not (0 < at < len(short) and long[:at] + long[at + 1 :] == short and long[at] in _VOWELS):
        return False
    beside_a_vowel = long[at - 1] in _VOWELS or long[at + 1] in _VOWELS
    return beside_a_vowel if len(short) >= LONG_NAME else not beside_a_vowel


def doubled(word_a: str, word_b: str, shortest: int = MIN_DOUBLED) -> bool:
    """A name written with a letter doubled and with it single ("Heffner" / "Hefner"), the
    shorter of `shortest` letters or more: the commonest slip in a name, and no two names
    of one story differ so."""
    short, long = sorted((word_a, word_b), key=len)
    if len(short) < shortest or len(long) != len(short) + 1:
        return False
    at = next((n for n, (x, y) in enumerate(zip(short, long)) if x != y), len(short))
    return at > 0 and long[at] == long[at - 1] and long[:at] + long[at + 1 :] == short


def swapped(word_a: str, word_b: str) -> bool:
    """Two letters swapped ("Teixiera" / "Teixeira", "Edkahl" / "Ekdahl"), or two pairs of
    them in a long name ("Turkeminstan" / "Turkmenistan")."""
    if len(word_a) != len(word_b):
        return False
    limit = 2 if len(word_a) >= LONG_NAME else 1
    swaps = OSA.distance(word_a, word_b, score_cutoff=limit)
    return 1 <= swaps <= limit and Levenshtein.distance(word_a, word_b) > swaps


def first_letter_changed(word_a: str, word_b: str) -> bool:
    """One long name with its first letter another and the rest the same ("Gourian" /
    "Tourian"): one name heard or typed two ways, when the two stand in like company (a
    list of the same villages); never checked against a name both sources write."""
    return len(word_a) == len(word_b) >= MIN_FIRST_CHANGED and word_a[0] != word_b[0] and word_a[1:] == word_b[1:]


MIN_FIRST_CHANGED = 7  # letters: "Hanson" / "Manson" are two people


def prefixed(word_a: str, word_b: str) -> bool:
    """One name is the other behind a family-name prefix: "Calamita" / "LaCalamita"."""
    short, long = sorted((word_a, word_b), key=len)
    return len(short) >= MIN_RESPELLED and long.endswith(short) and long[: len(long) - len(short)] in NAME_PREFIXES


def american(word: str) -> str:
    """A word in American spelling: "recognised" -> "recognized", "harbour" -> "harbor",
    "centre" -> "center", "defence" -> "defense"."""
    word = re.sub(r"(?<=[tb])re(s?)\b", r"er\1", word)
    word = re.sub(r"\b(defen|offen|licen|preten)ce(s?)\b", r"\1se\2", word)  # "defence", "licence"
    return re.sub(r"our\b", "or", re.sub(r"is(e|ed|es|ing|ation|ations)\b", r"iz\1", word))


def house_style_name(word_a: str, word_b: str) -> bool:
    """Only letter case or hyphens differ ("MacBook" / "Macbook", "Wi-Fi" / "WiFi"): the
    desk's style, not a spelling of the name."""
    return word_a.replace("-", "").casefold() == word_b.replace("-", "").casefold()
