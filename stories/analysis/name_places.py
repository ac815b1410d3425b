"""Where a name spelled two ways is shown: the sentences of a source that name it, and the
sentence of the other source that says what the misspelt one says. A source that slips on
a name it spells right elsewhere ("1,234,042 Sonoira shares", "Sonora" everywhere else)
disagrees with the other only where the other says the same thing: there, the other's
spelling is the one to set beside it ("1,234,042 Sonora shares", not the first "Sonora
Gold Corp"); a slip in a passage the other source does not print is no disagreement."""

from __future__ import annotations

from .links import SentenceRef, SentenceSpace
from .model import Block
from .proper_names import SourceNames
from .text import stem

COUNTERPART_SHARE = 0.5  # of the fewer content words of two sentences, shared: one says what the other says


def sentences_naming(key: str, names: SourceNames, space: SentenceSpace) -> list[SentenceRef]:
    """The sentences (of the few places kept) in which a source writes a name."""
    forms = list(names.forms.get(key, ()))
    return [
        SentenceRef(block, index)
        for block in names.places.get(key, [])
        for index, sentence in enumerate(block.sentences)
        if any(form in sentence.text for form in forms)
    ]


def counterpart_naming(
    key: str, mine: SourceNames, other: str, theirs: SourceNames, space: SentenceSpace
) -> Block | None:
    """The passage of `theirs` whose sentence naming `other` says what a sentence of `mine`
    naming `key` says (COUNTERPART_SHARE of their content words in common, the two names
    aside), the closest of them; None if none does."""
    best, best_share = None, COUNTERPART_SHARE
    for ref in sentences_naming(key, mine, space):
        my_words = space.facts(ref).content - {stem(key)}
        for their_ref in sentences_naming(other, theirs, space):
            their_words = space.facts(their_ref).content - {stem(other)}
            fewer = min(len(my_words), len(their_words))
            share = len(my_words & their_words) / fewer if fewer else 0.0
            if share >= best_share and (best is None or share > best_share):
                best, best_share = their_ref.block, share
    return best
