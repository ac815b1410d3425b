"""MinHash fingerprints of normalised text, for grouping items into stories.

128 permutations of the universal-hash form (a*x + b) mod (2**61 - 1) over 32-bit shingle
hashes, as datasketch does, vectorised with numpy. Rewrites by different agencies share
single words far more than word sequences, so the default shingle is the folded word;
near-copies group well on word 5-grams (`ngram=5`). `bands` gives LSH band keys for an
indexed table: two items that share any band key are candidates, to confirm with
`similarity` (and, for rewrites, shared names, numbers and a time window).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .text import fold, words

NUM_PERM = 128
_PRIME = np.uint64((1 << 61) - 1)
_MAX_HASH = np.uint64((1 << 32) - 1)
_SEED_RNG = np.random.RandomState(1)  # fixed seed: fingerprints must be stable across runs
_A = _SEED_RNG.randint(1, (1 << 31) - 1, size=NUM_PERM, dtype=np.int64).astype(np.uint64)
_B = _SEED_RNG.randint(0, (1 << 31) - 1, size=NUM_PERM, dtype=np.int64).astype(np.uint64)


@dataclass(frozen=True)
class Fingerprint:
    """A MinHash signature: `values` are 32-bit integers, one per permutation."""

    values: tuple[int, ...]

    def similarity(self, other: Fingerprint) -> float:
        """Estimated Jaccard similarity of the two shingle sets."""
        if not self.values or len(self.values) != len(other.values):
            return 0.0
        same = sum(1 for x, y in zip(self.values, other.values) if x == y)
        return same / len(self.values)

    def bands(self, n_bands: int = 32) -> list[str]:
        """LSH band keys ("band:hexdigest"); 32 bands of 4 rows find pairs around 0.4+."""
        rows = max(1, len(self.values) // n_bands)
        keys = []
        for band in range(n_bands):
            chunk = self.values[band * rows : (band + 1) * rows]
            digest = hashlib.blake2b(repr(chunk).encode(), digest_size=8).hexdigest()
            keys.append(f"{band}:{digest}")
        return keys


def shingles(text: str, ngram: int = 1) -> set[str]:
    toks = words(fold(text))
    if ngram <= 1 or len(toks) < ngram:
        return set(toks) if ngram <= 1 or not toks else {" ".join(toks)}
    return {" ".join(toks[i : i + ngram]) for i in range(len(toks) - ngram + 1)}


def fingerprint(text: str, ngram: int = 1) -> Fingerprint:
    """The MinHash signature of `text` (folded: case, accents, punctuation ignored).
    Empty text gives the all-maximum signature, similar to nothing but itself."""
    return minhash(shingles(text, ngram))


def minhash(items: Iterable[str]) -> Fingerprint:
    """The MinHash signature of a set of strings already chosen by the caller (for
    grouping: content-word stems, so that shared stop words do not make unrelated items
    look alike). No strings gives the all-maximum signature."""
    hashes = np.array([_hash32(s) for s in set(items)], dtype=np.uint64)
    if hashes.size == 0:
        return Fingerprint(tuple([int(_MAX_HASH)] * NUM_PERM))
    permuted = ((hashes[None, :] * _A[:, None] + _B[:, None]) % _PRIME) & _MAX_HASH
    return Fingerprint(tuple(int(v) for v in permuted.min(axis=1)))


def _hash32(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8", "replace"), digest_size=4).digest(), "little")
