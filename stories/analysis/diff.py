"""Word-level diffs with diff-match-patch.

diff-match-patch only ships a line-mode encoder; word mode is the same trick with tokens
(words and single punctuation marks): every distinct token becomes one private-use
character, the encoded strings are diffed, the semantic clean-up merges scattered edits
into readable phrases, and the characters are mapped back. Tokens are compared in
normalised form, so curly and straight quotes are the same word. White space is not a
token (the diff is quadratic in the worst case; halving the tokens quarters the work):
each token carries the white space after it, and where the two sides space an equal
stretch differently the ops say so, so that the ops rebuild both texts exactly.
"""
from __future__ import annotations

import re
import time

from diff_match_patch import diff_match_patch

from .text import normalise

TIMEOUT = 0.25  # seconds per diff; dmp then returns a coarser (still correct) diff
_TOKEN = re.compile(r"(\w+|[^\w\s])(\s*)")
_PRIVATE_AREAS = ((0xE000, 0xF900), (0xF0000, 0xFFFFE), (0x100000, 0x10FFFE))
_OPS = {0: "=", -1: "-", 1: "+"}


Token = tuple[str, str]  # (word or punctuation mark, the white space after it)


def tokens(text: str) -> tuple[str, list[Token]]:
    """The white space before the first token, and the tokens."""
    return text[: len(text) - len(text.lstrip())], _TOKEN.findall(text)


def _key(token: Token) -> str:
    return normalise(token[0]) or token[0]


def word_diff(a: str, b: str) -> tuple[tuple[tuple[str, str], ...], bool]:
    """Ops ("=", "-", "+" with text) turning `a` into `b`, and whether the diff finished
    within its time limit. Equal stretches show `a`'s wording."""
    lead_a, ta = tokens(a)
    lead_b, tb = tokens(b)
    if lead_a or lead_b:  # blocks are trimmed; only odd callers get here
        return _coarse(a, b), True
    codes: dict[str, str] = {}
    ea = _encode(ta, codes)
    eb = _encode(tb, codes)
    if ea is None or eb is None:  # more distinct tokens than code points: whole-text ops
        return _coarse(a, b), False
    dmp = diff_match_patch()
    dmp.Diff_Timeout = TIMEOUT
    started = time.perf_counter()
    diffs = dmp.diff_main(ea, eb, False)
    complete = time.perf_counter() - started < TIMEOUT
    dmp.diff_cleanupSemantic(diffs)
    return _decode(diffs, ta, tb), complete


def _encode(toks: list[Token], codes: dict[str, str]) -> str | None:
    out = []
    for token in toks:
        key = _key(token)
        code = codes.get(key)
        if code is None:
            code = _private_char(len(codes))
            if code is None:
                return None
            codes[key] = code
        out.append(code)
    return "".join(out)


def _private_char(n: int) -> str | None:
    """The n-th private-use character, or None when all are in use."""
    for first, end in _PRIVATE_AREAS:
        if n < end - first:
            return chr(first + n)
        n -= end - first
    return None


def _decode(diffs: list[tuple[int, str]], ta: list[Token], tb: list[Token]) -> tuple[tuple[str, str], ...]:
    """Map the diff back to the original tokens of each side, merging neighbours."""
    ops: list[list[str]] = []
    ia = ib = 0
    for op, chars in diffs:
        n = len(chars)
        if op == 1:
            _emit(ops, "+", "".join(w + s for w, s in tb[ib:ib + n]))
            ib += n
        elif op == -1:
            _emit(ops, "-", "".join(w + s for w, s in ta[ia:ia + n]))
            ia += n
        else:
            for (word, space_a), (_, space_b) in zip(ta[ia:ia + n], tb[ib:ib + n]):
                _emit(ops, "=", word)
                _emit_space(ops, space_a, space_b)
            ia += n
            ib += n
    return tuple((op, text) for op, text in ops)


def _emit(ops: list[list[str]], op: str, text: str) -> None:
    if not text:
        return
    if ops and ops[-1][0] == op:
        ops[-1][1] += text
    elif op == "+" and len(ops) >= 2 and ops[-1][0] == "-" and ops[-2][0] == "+":
        ops[-2][1] += text  # keep "+ -" pairs from alternating: "+x -y +z" -> "+xz -y"
    else:
        ops.append([op, text])


def _emit_space(ops: list[list[str]], space_a: str, space_b: str) -> None:
    """White space after an equal token: equal when both sides have some."""
    if bool(space_a) == bool(space_b):
        _emit(ops, "=", space_a)
    else:
        _emit(ops, "-", space_a)
        _emit(ops, "+", space_b)


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
