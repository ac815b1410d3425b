"""Claims one source makes and the other denies, or gives another state: "the hull had not
been checked" against "had been checked", "the EC imposed the levy" against "proposed".

Rules, and strict ones: a "not" or a changed state word counts only between two sentences
that say the same otherwise (or, for a negation, say it of the same thing), because a
"not" in a sentence about something else denies nothing (real_pairs/GUIDELINES.md).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from .facts import Facts
from .links import Link, SentenceSpace
from .model import Block
from .text import STOPWORDS, fold, stem

# found.add of conflicts.py: (kind, (block, text), (block, text), note)
Add = Callable[[str, tuple[Block, str], tuple[Block, str], str], None]


def check_negations(add: Add, links: list[Link], space: SentenceSpace) -> None:
    """One sentence negates what its counterpart states, the two saying much the same
    otherwise ("the hull had not been checked" / "had been checked"): a conflict.

    A "no" in a sentence that says something else agrees as often as not: "there are no
    Americans detained now" and "the release of the last remaining Americans" say one thing.
    Where the negated word and what follows it are the same on both sides, that is shown as
    the same claim in other words (kind `style`: nothing to settle, something to read)."""
    best: dict[tuple[str, int, int], tuple[tuple[bool, float], Link, int, int, bool, bool]] = {}
    for link in links:
        fa, fb = space.facts(link.a), space.facts(link.b)
        if bool(fa.negations) == bool(fb.negations):  # most links: neither negates, or both do
            continue
        alike = shared_share(fa, fb) >= NEGATION_SAME_SENTENCE
        for neg, pos, flipped in ((fb, fa, False), (fa, fb, True)):
            if pos.negations or not neg.negations:
                continue
            for cue in neg.negations:
                hit = _negated_word(neg, pos, cue)
                if hit is None or not (alike or hit[2] and _same_after(neg, hit[0], pos, hit[1])):
                    continue
                i_neg, i_pos, exact = hit
                ref = link.a if flipped else link.b
                key = (ref.block.id, ref.index, cue)
                rank = (exact, link.score)
                if key not in best or rank > best[key][0]:
                    best[key] = (rank, link, i_pos, i_neg, flipped, alike)
    for _, link, i_pos, i_neg, flipped, alike in best.values():
        ia, ib = (i_neg, i_pos) if flipped else (i_pos, i_neg)
        fa, fb = space.facts(link.a), space.facts(link.b)
        kind, note = ("other", NEGATES) if alike else ("style", IN_OTHER_WORDS)
        add(kind, (link.a.block, _window(fa.words, ia)), (link.b.block, _window(fb.words, ib)), note)


NEGATES = "one source negates what the other states"
IN_OTHER_WORDS = "the same claim in other words, one of them in the negative: read both to be sure they agree"
# A sentence denies its counterpart only when the two say much the same otherwise: the share
# of the longer one's content words (stems) that the other has too.
NEGATION_SAME_SENTENCE = 0.6


def shared_share(fa: Facts, fb: Facts) -> float:
    return len(fa.content & fb.content) / max(1, len(fa.content), len(fb.content))


NEGATED_CONTEXT_WORDS, NEGATED_CONTEXT_SHARED = 4, 2


def _same_after(neg: Facts, i_neg: int, pos: Facts, i_pos: int) -> bool:
    """What the negated word is said of, in both sentences: shared content words after it
    ("no Americans detained by Maduro's government" / "Americans incarcerated by Maduro's
    government")."""
    after_neg, after_pos = _stems_after(neg.words, i_neg), _stems_after(pos.words, i_pos)
    return len(after_neg & after_pos) >= NEGATED_CONTEXT_SHARED


def _stems_after(words: tuple[str, ...], index: int) -> set[str]:
    folded = (fold(word) for word in words[index + 1 :])
    return set([stem(word) for word in folded if word and word not in STOPWORDS][:NEGATED_CONTEXT_WORDS])


def _negated_word(neg: Facts, pos: Facts, cue: int) -> tuple[int, int, bool] | None:
    """(word after the cue, the same word in the other sentence, exact match?)."""
    for i in range(cue + 1, min(cue + 3, len(neg.words))):
        word = fold(neg.words[i])
        if not word or word in STOPWORDS:
            continue
        folded = [fold(w) for w in pos.words]
        if word in folded:
            return i, folded.index(word), True
        stems = [stem(w) for w in folded]
        if stem(word) in stems:
            return i, stems.index(stem(word)), False
        return None
    return None


def _window(words: tuple[str, ...], i: int, before: int = 3, after: int = 1) -> str:
    return " ".join(words[max(0, i - before) : i + after + 1])


def _state_words(*pairs: tuple[str, str]) -> dict[str, tuple[int, int]]:
    """Each form of the words of `pairs` -> (which pair, which side)."""
    words = {}
    for number, pair in enumerate(pairs):
        for side, forms in enumerate(pair):
            for form in forms.split():
                words[form] = (number, side)
    return words


# Words that give one fact another state ("the EC imposed the levy" / "proposed the levy"):
# a re-filed correction changes one of them and keeps the rest of the sentence.
STATE_WORDS = _state_words(
    ("impose imposed imposes imposing", "propose proposed proposes proposing"),
    ("approve approved approves approving", "reject rejected rejects rejecting"),
    ("confirm confirmed confirms confirming", "deny denied denies denying"),
    ("arrest arrested", "release released freed"),
    ("convict convicted", "acquit acquitted"),
    ("open opened opens", "close closed closes"),
    ("win won wins", "lose lost loses"),
    ("rise rose risen rises rising", "fall fell fallen falls falling"),
    ("increase increased increases", "decrease decreased decreases"),
    ("raise raised raises", "lower lowered lowers"),
    ("gain gained gains", "drop dropped drops"),
    ("pass passed passes", "fail failed fails"),
    ("accept accepted accepts", "refuse refused refuses"),
    ("alive", "dead"),
    ("guilty", "innocent"),
    ("higher", "lower"),
    ("profit profits", "loss losses"),
    ("survive survived survives surviving", "die died dies"),
    ("killed", "injured wounded hurt"),
    ("resign resigned resigns", "fired dismissed sacked ousted"),
    ("uphold upheld upholds", "overturn overturned overturns"),
    ("ban banned bans", "allow allowed allows permit permitted"),
    ("before", "after"),
    ("advise advised advises advising urge urged urges urging", "order ordered orders ordering"),
    ("bought purchased acquired", "buy acquire"),  # done / "will acquire", "agreed to buy" (not "the purchase")
)


def check_states(add: Add, a: tuple[Block, Facts], b: tuple[Block, Facts]) -> None:
    """Two sentences that say the same but for a word that gives the fact another state."""
    states_a = _states_in(a[1])
    if not states_a:  # most sentences name no state: the cheap test first
        return
    states_b = _states_in(b[1])
    if not states_b or shared_share(a[1], b[1]) < NEGATION_SAME_SENTENCE:
        return
    for state, (i_a, word_a) in states_a.items():
        pair, side = state
        other = (pair, 1 - side)
        if other in states_b and state not in states_b and other not in states_a:
            i_b, word_b = states_b[other]
            where = ((a[0], _window(a[1].words, i_a, 1, 3)), (b[0], _window(b[1].words, i_b, 1, 3)))
            add("other", *where, f"another state of the same fact: {word_a} / {word_b}")


def _states_in(facts: Facts) -> dict[tuple[int, int], tuple[int, str]]:
    return _states_of(facts.words)


@functools.lru_cache(maxsize=4096)  # a sentence is linked to a sentence of each other source
def _states_of(words: tuple[str, ...]) -> dict[tuple[int, int], tuple[int, str]]:
    """The states a sentence's words name, each at its first word. The dict returned is
    shared: read it, never change it."""
    found: dict[tuple[int, int], tuple[int, str]] = {}
    if STATE_WORDS.keys().isdisjoint(map(str.casefold, words)):  # most sentences: at C speed
        return found
    for index, word in enumerate(words):
        state = STATE_WORDS.get(word.casefold())
        if state is not None:
            found.setdefault(state, (index, word))
    return found
