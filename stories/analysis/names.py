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

from rapidfuzz.distance import OSA, Levenshtein

from .facts import Facts
from .found import Found
from .links import SentenceRef, SentenceSpace
from .model import Block
from .name_ends import named_in_compound
from .name_places import counterpart_naming, sentences_naming
from .openers import opening_a_name, opens_only
from .proper_names import SourceNames, WrittenInLowerCase
from .spellings import (
    LONG_NAME,
    MIN_RESPELLED,
    american,
    derived,
    doubled,
    first_letter_changed,
    house_style_name,
    prefixed,
    respelled,
    swapped,
    vowel_added,
    vowel_changed,
    y_or_ie,
)
from .text import fold, stem

MIN_RESPELLED_BESIDE_A_NAME = 4  # "Lock" / "Locke", when "Salazar" stands beside both
SHARED_CONTENT = 2  # content words two sentences share, names aside, to be in like company


def check_name_spellings(found: Found, a: SourceNames, b: SourceNames, space: SentenceSpace) -> None:
    """The same name with and without accents (or in another case) anywhere in the two
    sources: "Nicolás Maduro" / "Nicolas Maduro"."""
    for key in sorted(set(a.forms) & set(b.forms)):
        if a.forms[key].keys() == b.forms[key].keys():
            continue  # most names: written alike in both
        only_a = [form for form in a.forms[key] if form not in b.forms[key]]
        only_b = [form for form in b.forms[key] if form not in a.forms[key]]
        if only_a and only_b:
            form_a, form_b = only_a[0], only_b[0]
            block_a, block_b = a.forms[key][form_a], b.forms[key][form_b]
            if house_style_name(form_a, form_b):
                note = f"house style: the same name in other capitals or hyphens ({form_a} / {form_b})"
                found.add("style", (block_a, form_a), (block_b, form_b), note)
                continue
            found.add(
                "name",
                (block_a, whole_name(block_a, form_a, space)),
                (block_b, whole_name(block_b, form_b, space)),
                f"name spelled differently (accents): {form_a} / {form_b}",
            )


def check_respelled(
    found: Found, a: tuple[Block, Facts], b: tuple[Block, Facts], names: tuple[SourceNames, SourceNames]
) -> None:
    """A name in one sentence that is a letter or two away from a name in the other, and
    that the other source never uses (`names` are the two sources' names)."""
    (block_a, facts_a), (block_b, facts_b) = a, b
    for key_a, run_a in _name_tokens(facts_a).items():
        if key_a in names[1].forms:
            continue  # most names: both sources use them
        opening_a = opens_only(key_a, names[0])
        for key_b, run_b in _name_tokens(facts_b).items():
            if key_b in names[0].forms:
                continue
            opening_b = opens_only(key_b, names[1])
            opens = (key_a, opening_a, facts_a), (key_b, opening_b, facts_b)
            if (opening_a or opening_b) and not opening_a_name(*opens):
                continue
            close = (
                respelled(key_a, key_b)
                or _one_name_otherwise_spelled(run_a, run_b, key_a, key_b)
                or _respelled_after_c_or_k(key_a, key_b)
            )
            if close and not _two_people(run_a, run_b, key_a, key_b):
                _report(found, (block_a, run_a), (block_b, run_b), key_a, key_b)


def check_respelled_anywhere(found: Found, a: SourceNames, b: SourceNames, space: SentenceSpace) -> None:
    """A name one source never uses, a letter or two away from (or run together with, or a
    prefix away from) a name the other uses, wherever the two stand, so long as they stand
    in like company."""
    common = WrittenInLowerCase(a, b)
    for mine, theirs, flipped in ((a, b, False), (b, a, True)):
        _check_spelled_otherwise(found, mine, theirs, flipped, common, space)
        _check_run_together(found, mine, theirs, flipped)


def _check_spelled_otherwise(
    found: Found,
    mine: SourceNames,
    theirs: SourceNames,
    flipped: bool,
    common: WrittenInLowerCase,
    space: SentenceSpace,
) -> None:
    """The names only `mine` writes that are one `theirs` writes spelled otherwise."""
    for key in sorted(mine.forms):
        if key in theirs.forms or len(key) < MIN_RESPELLED_BESIDE_A_NAME or key in common:
            continue
        for other in _spellings_of(key, theirs, common):
            pair = (other, key) if flipped else (key, other)
            if pair in found.respelled or not _same_name(key, mine, other, theirs, space):
                continue
            my_form, their_form = next(iter(mine.forms[key])), next(iter(theirs.forms[other]))
            my_block, their_block = mine.forms[key][my_form], theirs.forms[other][their_form]
            their_block = counterpart_naming(key, mine, other, theirs, space) or their_block
            ends = (
                (my_block, whole_name(my_block, my_form, space)),
                (their_block, whole_name(their_block, their_form, space)),
            )
            _report(found, *(ends[::-1] if flipped else ends), *pair)


def _check_run_together(found: Found, mine: SourceNames, theirs: SourceNames, flipped: bool) -> None:
    """A name `mine` writes as one word that `theirs` writes as two: "Eldorado" / "El Dorado"."""
    for key, (written, block) in sorted(theirs.joined.items()):
        if key in mine.forms and fold(written) not in mine.joined:
            my_form = next(iter(mine.forms[key]))
            ends = ((mine.forms[key][my_form], my_form), (block, written))
            pair = (key, fold(written))
            if pair not in found.respelled:
                found.respelled.add(pair)
                found.add("name", *(ends[::-1] if flipped else ends), f"spelled {my_form} / {written}")


def check_first_names(found: Found, a: SourceNames, b: SourceNames) -> None:
    """One surname after two spellings of a first name, each source writing only its own:
    "Brian Dalton" / "Bryant Dalton", "Elias Vrettakos" / "Ilias Vrettakos"."""
    for surname in sorted(set(a.before) & set(b.before)):
        # A first name the other source writes too is no respelling: most of them, so
        # each side's are sifted once, not in each pair.
        firsts_b = [(first, place) for first, place in sorted(b.before[surname].items()) if first not in a.forms]
        if not firsts_b:
            continue
        for first_a, (written_a, block_a) in sorted(a.before[surname].items()):
            if first_a in b.forms:
                continue
            for first_b, (written_b, block_b) in firsts_b:
                if (first_a, first_b) in found.respelled:
                    continue
                short_form = first_a.startswith(first_b) or first_b.startswith(first_a)  # "Phil" / "Philip"
                if (
                    (_same_initial(first_a, first_b) or {first_a[:1], first_b[:1]} == _E_OR_I)
                    and min(len(first_a), len(first_b)) >= MIN_RESPELLED_BESIDE_A_NAME
                    and not short_form
                    and Levenshtein.distance(first_a, first_b, score_cutoff=2) <= 2
                ):
                    _report(found, (block_a, written_a), (block_b, written_b), first_a, first_b)


def check_word_order(found: Found, a: SourceNames, b: SourceNames, space: SentenceSpace) -> None:
    """Two words of a name in one order in one source and in the other order in the other,
    each source writing only its own: "Dynamic Smart Cooling" / "Smart Dynamic Cooling"."""
    for second, firsts in sorted(a.before.items()):
        for first, (written_a, block_a) in sorted(firsts.items()):
            swapped_b = b.before.get(first, {}).get(second)
            if (
                swapped_b is None
                or first in b.before.get(second, {})
                or second in a.before.get(first, {})
                or not {first, second} <= a.mid_sentence & b.mid_sentence
            ):
                continue
            written_b, block_b = swapped_b
            if _possessive(block_a, written_a) or _possessive(block_b, written_b):
                continue  # "Sheriff's Deputy" is the sheriff's deputy: a "Deputy Sheriff"
            found.add(
                "name",
                (block_a, _run_with(block_a, written_a, space)),
                (block_b, _run_with(block_b, written_b, space)),
                f"the words of one name in another order: {written_a} / {written_b}",
            )


def _possessive(block: Block, written: str) -> bool:
    """The first word owns the second where the passage writes them: "Sheriff's Deputy"."""
    first, second = written.split(" ", 1)
    return f"{first}'s {second}" in block.text or f"{first}\u2019s {second}" in block.text


def _run_with(block: Block, words: str, space: SentenceSpace) -> str:
    """The whole name that holds `words` ("Smart Cooling" -> "Dynamic Smart Cooling")."""
    for index, sentence in enumerate(block.sentences):
        if words in sentence.text:
            for run in space.facts(SentenceRef(block, index)).names:
                if f" {words} " in f" {' '.join(run)} ":
                    return " ".join(run)
    return words


def _same_initial(first_a: str, first_b: str) -> bool:
    """The same first letter, or C / K, which spell one sound in first names ("Katherine" /
    "Catherine", "Kristina" / "Cristina"); or G / K, two romanisations of one sound in names
    from Turkic, Persian or Arabic ("Gurbanguly" / "Kurbanguly"); or G, J / Y, two
    romanisations of the glide that opens Greek, Slavic or Arabic names ("Giannis" /
    "Yiannis", "Jevgeni" / "Yevgeni", "Jusuf" / "Yusuf")."""
    return first_a[:1] == first_b[:1] or {first_a[:1], first_b[:1]} in _ONE_SOUND


_ONE_SOUND = ({"c", "k"}, {"g", "k"}, {"g", "y"}, {"j", "y"})
# E / I opening a first name before one surname: Greek names are romanised both ways
# ("Ilias" / "Elias", "Irini" / "Eirini"). Only beside the same surname
# (`check_first_names`), never between two names standing alone.
_E_OR_I = {"e", "i"}


def _respelled_after_c_or_k(key_a: str, key_b: str) -> bool:
    """A name of five letters or more that opens with C (or G) in one sentence and K in the
    other, and is otherwise the same or respelled: "Catherine" / "Katherine", "Kristina" /
    "Cristina"."""
    if not _same_initial(key_a, key_b) or key_a[:1] == key_b[:1] or min(len(key_a), len(key_b)) < MIN_RESPELLED:
        return False
    rest_a, rest_b = key_a[1:], key_b[1:]
    return rest_a == rest_b or respelled("c" + rest_a, "c" + rest_b)


def _spellings_of(key: str, theirs: SourceNames, common: WrittenInLowerCase) -> list[str]:
    """The other source's names that may be `key` spelled otherwise, in their order (whether
    a source writes a word in lower case is asked last: it is read word by word)."""
    return [
        other
        for other in theirs.lookalikes.of(key)
        if other != key
        and abs(len(other) - len(key)) <= 3
        and (respelled(key, other) or prefixed(key, other) or swapped(key, other) or first_letter_changed(key, other))
        and other not in common
    ]


def _same_name(key: str, mine: SourceNames, other: str, theirs: SourceNames, space: SentenceSpace) -> bool:
    """`key`, which only one source writes, is `other` misspelt: a slip of one letter (or
    two swapped) of a name both sources write, or a name only the other source writes
    that stands in like company."""
    # A sentence's first word is capitalised whatever it is: "Later" is no slip of "Latter",
    # "Partly" no spelling of "Party".
    if not all(word in names.mid_sentence or len(word) >= LONG_NAME for word, names in ((key, mine), (other, theirs))):
        return False
    if first_letter_changed(key, other):
        return other not in mine.forms and _in_like_company(key, mine, other, theirs, space)
    if other in mine.forms:
        slip = OSA.distance(key, other, score_cutoff=2) <= (2 if min(len(key), len(other)) >= LONG_NAME else 1)
        slip = slip or y_or_ie(key, other)
        return (
            slip
            and not _named_together(key, mine, other, theirs, space)
            and not _other_people(key, mine, other, theirs, space)
        )
    return (
        (doubled(key, other) or vowel_changed(key, other) or vowel_added(key, other))
        and not _other_people(key, mine, other, theirs, space)
        or _in_like_company(key, mine, other, theirs, space)
    )


def _named_together(key_a: str, a: SourceNames, key_b: str, b: SourceNames, space: SentenceSpace) -> bool:
    """Some sentence names both, as "Los Angeles Angels" does "Angeles" and "Angels"."""
    return any(
        {key_a, key_b} <= _folded_names(space.facts(ref))
        for key, names in ((key_a, a), (key_b, b))
        for ref in sentences_naming(key, names, space)
    )


def _in_like_company(key_a: str, a: SourceNames, key_b: str, b: SourceNames, space: SentenceSpace) -> bool:
    """Some sentence naming one and some naming the other share another name, or (for
    names of five letters or more) say much the same; and the whole names they stand in
    are not two people's ("John D. O'Connor" / "Joan Felt")."""
    if _named_together(key_a, a, key_b, b, space) or _other_people(key_a, a, key_b, b, space):
        return False
    for ref_a in sentences_naming(key_a, a, space):
        facts_a = space.facts(ref_a)
        for ref_b in sentences_naming(key_b, b, space):
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
            for ref in sentences_naming(key, names, space)
            for run in space.facts(ref).names
            if key in {fold(t) for t in run}
            for token in run
            if fold(token) != key and fold(token) not in _KINDS_OF_WAY
        }

    rest_a, rest_b = rest(key_a, a), rest(key_b, b)
    return bool(rest_a and rest_b) and not rest_a & rest_b and not _all_respelled(rest_a, rest_b)


def _folded_names(facts: Facts) -> frozenset[str]:
    """A sentence's name words folded, run together where a hyphen or apostrophe parts them
    ("H-P" is "HP")."""
    return _names_folded(facts.names)


@functools.lru_cache(maxsize=8192)  # asked of each sentence once for every link it is in
def _names_folded(names: tuple[tuple[str, ...], ...]) -> frozenset[str]:
    return frozenset(fold(token).replace(" ", "") for run in names for token in run if len(token) > 1)


def _report(found: Found, a: tuple[Block, str], b: tuple[Block, str], key_a: str, key_b: str) -> None:
    if house_style_name(a[1].replace(" ", ""), b[1].replace(" ", "")):  # "Wi-Fi" / "WiFi"; not "O'Connor" / "OConor"
        found.add("style", a, b, "house style: the same name hyphenated otherwise")
    elif american(key_a) == american(key_b):
        found.add("style", a, b, "house style: British and American spelling")
    else:
        found.add("name", a, b, f"spelled {a[1]} / {b[1]}")
    found.respelled.add((key_a, key_b))


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
    """Whole names whose other words differ: "John D. O'Connor" / "Joan Felt". The kind of
    way a street's name ends with is no other word: "Philip Street" / "Phillips Road" is
    one street, its name and its kind written two ways."""
    rest_a = {fold(token) for token in run_a.split()} - {key_a} - _KINDS_OF_WAY
    rest_b = {fold(token) for token in run_b.split()} - {key_b} - _KINDS_OF_WAY
    return bool(rest_a and rest_b) and not rest_a & rest_b and not _all_respelled(rest_a, rest_b)


def _all_respelled(words_a: set[str], words_b: set[str]) -> bool:
    """Each other word of one name is one of the other's respelled: a name transliterated
    twice over ("Heydar Alishbandi" / "Heidar Alishvandi") is one person, not two."""
    return len(words_a) == len(words_b) and all(
        any(min(len(word), len(other)) >= MIN_RESPELLED and respelled(word, other) for other in words_b)
        for word in words_a
    )


_KINDS_OF_WAY = frozenset("street st road rd avenue ave boulevard blvd lane drive highway parkway".split())


def _name_tokens(facts: Facts) -> dict[str, str]:
    """Folded name token -> its whole name as written, for tokens of 4+ letters."""
    return {
        fold(token): " ".join(run) for run in facts.names for token in run if len(token) >= 4 and not token.isupper()
    }


def about_others(facts_a: Facts, facts_b: Facts) -> bool:
    """Two sentences that each name someone or something, and no name in common (nor one
    respelled): their numbers and dates are about different things ("Thomas has eight
    touchdowns" / "Bush had two touchdowns")."""
    names_a, names_b = _folded_names(facts_a), _folded_names(facts_b)
    if not names_a or not names_b or names_a & names_b:
        return False
    return not any(respelled(name_a, name_b) for name_a in names_a for name_b in names_b)


def whole_name(block: Block, token: str, space: SentenceSpace) -> str:
    """The run of name words that `token` belongs to ("Nicolás" -> "Nicolás Maduro")."""
    for index, sentence in enumerate(block.sentences):
        if token in sentence.text:
            for run in space.facts(SentenceRef(block, index)).names:
                if token in run:
                    return " ".join(run)
    return named_in_compound(block.text, token)
