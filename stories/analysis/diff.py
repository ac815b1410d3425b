"""Word-level diffs with diff-match-patch.

diff-match-patch only ships a line-mode encoder; word mode is the same trick with tokens
(words and single punctuation marks): every distinct token becomes one private-use
character, the encoded strings are diffed, the semantic clean-up merges scattered edits
into readable phrases, and the characters are mapped back. Tokens are compared in
normalised form, so curly and straight quotes are the same word. White space is not a
token (the diff is quadratic in the worst case; halving the tokens quarters the work):
each token carries the white space after it, and where the two sides space an equal
stretch differently the ops say so, so that the ops rebuild both texts exactly.

A passage of more than LONG_TOKENS tokens is diffed sentence by sentence first, and only
the stretches of changed sentences word by word, all within one TIMEOUT: a 19,000-
character paragraph with a few words changed costs milliseconds, not a quarter second.
"""

from __future__ import annotations

import itertools
import re
import time

from diff_match_patch import diff_match_patch

from .text import ascii_twin, normalise

TIMEOUT = 0.25  # seconds per diff; dmp then returns a coarser (still correct) diff
LONG_TOKENS = 400  # a side longer than this is diffed sentence by sentence first
_SENTENCE_ENDS = frozenset(".!?\u2026")
# A figure ("3.37", "9/32", "1,150") is one token, marked whole where it changes; split()
# keeps the white space between tokens.
_TOKEN = re.compile(r"(\d+(?:[.,/:]\d+)+|\w+|[^\w\s])")
_TOKEN_ASCII = ascii_twin(_TOKEN)
_PRIVATE_AREAS = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
_FIRST_AREA, _FIRST_AREA_SIZE = _PRIVATE_AREAS[0][0], _PRIVATE_AREAS[0][1] - _PRIVATE_AREAS[0][0]
_OPS = {0: "=", -1: "-", 1: "+"}


class Tokens:
    """A text as tokens (words, figures and single punctuation marks), each with the white space
    after it; together they spell the text from its first token on."""

    def __init__(self, text: str) -> None:
        self._parts = (_TOKEN_ASCII if text.isascii() else _TOKEN).split(text)  # white space, token, white space, ...
        self.lead = self._parts[0]
        self.words = self._parts[1::2]
        self.spaces = self._parts[2::2]  # after each token
        self.spaced = list(map(bool, self.spaces))

    def __len__(self) -> int:
        return len(self.words)

    def text(self, start: int, end: int) -> str:
        """Tokens `start` to `end` as written, with their white space."""
        return "".join(self._parts[2 * start + 1 : 2 * end + 1])


def word_diff(a: str, b: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """Ops ("=", "-", "+" with text) turning `a` into `b`, and whether the diff finished
    within its time limit. Equal stretches show `a`'s wording."""
    ta, tb = Tokens(a), Tokens(b)
    if ta.lead or tb.lead:  # blocks are trimmed; only odd callers get here
        return _coarse(a, b), True
    codes = _Codes()
    ea = codes.encode(ta.words)
    eb = codes.encode(tb.words)
    if ea is None or eb is None:  # more distinct tokens than code points: whole-text ops
        return _coarse(a, b), False
    dmp = diff_match_patch()
    dmp.Diff_Timeout = TIMEOUT
    started = time.perf_counter()
    if max(len(ta), len(tb)) > LONG_TOKENS:
        diffs = _diff_by_sentence(dmp, codes.sentences(ea), codes.sentences(eb), time.time() + TIMEOUT)
    else:
        diffs = dmp.diff_main(ea, eb, False)
    complete = time.perf_counter() - started < TIMEOUT
    dmp.diff_cleanupSemantic(diffs)
    return _decode(diffs, ta, tb), complete


class _Codes:
    """One private-use character per distinct token; tokens that normalise alike (curly
    and straight quotes) share one. Both sides of a diff use the same codes."""

    def __init__(self) -> None:
        self.by_key: dict[str, str] = {}
        self.by_word: dict[str, str] = {}

    def encode(self, words: list[str]) -> str | None:
        """The tokens as a string of codes; None when there are more distinct tokens than
        private-use characters."""
        by_key, by_word = self.by_key, self.by_word
        for word in dict.fromkeys(words):
            if word in by_word:
                continue
            # A token has no white space: ASCII but "`" is its own normal form.
            key = word if word.isascii() and word != "`" else normalise(word) or word
            code = by_key.get(key)
            if code is None:
                n = len(by_key)  # the next code: in the first private area but for texts of thousands of words
                code = chr(_FIRST_AREA + n) if n < _FIRST_AREA_SIZE else _private_char(n)
                if code is None:
                    return None
            by_key[key] = by_word[word] = code
        return "".join(map(by_word.__getitem__, words))

    def sentences(self, encoded: str) -> list[str]:
        """Coded tokens cut into sentences, after every token that ends one."""
        ends = "".join(re.escape(self.by_word[mark]) for mark in _SENTENCE_ENDS if mark in self.by_word)
        cuts = [0] + ([m.end() for m in re.finditer(f"[{ends}]", encoded)] if ends else [])
        return [encoded[start:end] for start, end in zip(cuts, cuts[1:] + [len(encoded)]) if end > start]


def _private_char(n: int) -> str | None:
    """The n-th private-use character, or None when all are in use."""
    if n < _FIRST_AREA_SIZE:  # nearly always: the rest is for texts of thousands of words
        return chr(0xE000 + n)
    for first, end in _PRIVATE_AREAS:
        if n < end - first:
            return chr(first + n)
        n -= end - first
    return None


def _diff_by_sentence(dmp: diff_match_patch, a: list[str], b: list[str], deadline: float) -> list[tuple[int, str]]:
    """A long passage diffed sentence by sentence (`a` and `b` are coded sentences):
    which sentences are unchanged, then a word diff of each stretch of changed sentences
    only. A word diff's work grows with the length of the texts times the number of
    changes; this keeps it to the changed stretches, so that a long passage with a few
    changed words costs little, and one whose every sentence changed costs what it did."""
    codes: dict[str, str] = {}
    for sentence in itertools.chain(a, b):
        code = codes.get(sentence) or _private_char(len(codes))
        if code is None:
            return dmp.diff_main("".join(a), "".join(b), False, deadline)
        codes[sentence] = code
    text_of = {code: sentence for sentence, code in codes.items()}
    diffs: list[tuple[int, str]] = []
    removed = added = ""
    coded_a, coded_b = ("".join(map(codes.__getitem__, side)) for side in (a, b))
    for op, chars in dmp.diff_main(coded_a, coded_b, False, deadline) + [(0, "")]:
        text = "".join(map(text_of.__getitem__, chars))
        if op == -1:
            removed += text
        elif op == 1:
            added += text
        else:
            diffs.extend(dmp.diff_main(removed, added, False, deadline))
            diffs.extend([(0, text)] if text else [])
            removed = added = ""
    dmp.diff_cleanupMerge(diffs)
    return diffs


def _decode(diffs: list[tuple[int, str]], ta: Tokens, tb: Tokens) -> tuple[tuple[str, str], ...]:
    """Map the diff back to the original tokens of each side, merging neighbours."""
    ops: list[list[str]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 1:
            _emit(ops, "+", tb.text(ib, ib + n))
            ib += n
        elif op == -1:
            _emit(ops, "-", ta.text(ia, ia + n))
            ia += n
        else:
            _emit_equal(ops, (ta, ia), (tb, ib), n)
            ia += n
            ib += n
    return tuple((op, text) for op, text in ops)


def _emit_equal(ops: list[list[str]], a: tuple[Tokens, int], b: tuple[Tokens, int], n: int) -> None:
    """`n` equal tokens from a[1] and b[1] on, in `a`'s wording. The white space after a
    token is equal when both sides have some; where only one side has any, that space is
    a change of its own."""
    (ta, ia), (tb, ib) = a, b
    if ta.spaced[ia : ia + n] == tb.spaced[ib : ib + n]:  # the usual case, at C speed
        _emit(ops, "=", ta.text(ia, ia + n))
        return
    start = ia
    for k in range(n):
        space_a, space_b = ta.spaces[ia + k], tb.spaces[ib + k]
        if bool(space_a) != bool(space_b):
            _emit(ops, "=", ta.text(start, ia + k) + ta.words[ia + k])
            _emit(ops, "-", space_a)
            _emit(ops, "+", space_b)
            start = ia + k + 1
    _emit(ops, "=", ta.text(start, ia + n))


def _emit(ops: list[list[str]], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1][0] == op:
        ops[-1][1] += text
    elif op == "+" and len(ops) >= 2 and ops[-1][0] == "-" and ops[-2][0] == "+":
        ops[-2][1] += text  # keep "+ -" pairs from alternating: "+x -y +z" -> "+xz -y"
    else:
        ops.append([op, text])


def _coarse(a: str, b: str) -> tuple[tuple[str, str], ...]:
    if a == b:
        return (("=", a),) if a else ()
    return tuple(op for op in (("-", a), ("+", b)) if op[1])


# How many unchanged words either side pin a change to its place, widest first; a change
# of three words or more may stand on its own words.
CONTEXTS = ((3, 3), (2, 2), (1, 1), (1, 0), (0, 1))


def apply_word_changes(text: str, old: str, new: str) -> str | None:
    """`text` with the word changes that turn `old` into `new` (an agency's re-filed
    passage applied to an editor's paragraph). Each change is found in `text` by its own
    words and the unchanged words around it, exactly and in one place only; None when one
    is not there as it stood in `old` (the editor changed those words): nothing is guessed."""
    ops, _complete = word_diff(old, new)
    for before, removed, added, after in _hunks(list(ops)):
        patched = _apply_hunk(text, before, removed, added, after)
        if patched is None:
            return None
        text = patched
    return text


def _apply_hunk(text: str, before: str, removed: str, added: str, after: str) -> str | None:
    contexts = CONTEXTS + ((0, 0),) if len(removed.split()) >= 3 else CONTEXTS
    for left_words, right_words in contexts:
        left = re.search(rf"(?:\S+\s+){{{left_words}}}$", before) if left_words else None
        right = re.match(rf"(?:\s*\S+){{{right_words}}}", after) if right_words else None
        if (left_words and left is None) or (right_words and right is None):
            continue
        left_text, right_text = (left[0] if left else ""), (right[0] if right else "")
        needle = left_text + removed + right_text
        if needle.strip() and text.count(needle) == 1:
            return text.replace(needle, left_text + added + right_text)
    return None


def _hunks(ops: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """The changes of a word diff, each with the unchanged text before and after it."""
    hunks, n = [], 0
    while n < len(ops):
        if ops[n][0] == "=":
            n += 1
            continue
        before = ops[n - 1][1] if n and ops[n - 1][0] == "=" else ""
        removed = added = ""
        while n < len(ops) and ops[n][0] != "=":
            removed += ops[n][1] if ops[n][0] == "-" else ""
            added += ops[n][1] if ops[n][0] == "+" else ""
            n += 1
        after = ops[n][1] if n < len(ops) else ""
        hunks.append((before, removed, added, after))
    return hunks
