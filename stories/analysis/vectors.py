"""TF-IDF vectors of passages, for similarity matrices computed in one numpy product.

Rewrites share few word sequences but many content words, names and numbers; weighting
those by rarity within the story (IDF over all passages compared) scores a paraphrased
paragraph well above a merely related one.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np

MAX_CELLS = 40_000_000  # units x vocabulary; beyond this, terms share hashed columns


def tfidf(term_lists: list[list[str]]) -> np.ndarray:
    """Raw (unnormalised) TF-IDF rows, one per term list: sublinear tf, smoothed idf."""
    counts = [Counter(terms) for terms in term_lists]
    vocab: dict[str, int] = {}
    for c in counts:
        for term in c:
            vocab.setdefault(term, len(vocab))
    width = max(1, len(vocab))
    if len(counts) * width > MAX_CELLS:
        width = max(1, MAX_CELLS // max(1, len(counts)))
    df = np.zeros(width, dtype=np.float32)
    rows, cols, vals = [], [], []
    for r, c in enumerate(counts):
        for term, n in c.items():
            col = vocab[term] % width
            rows.append(r)
            cols.append(col)
            vals.append(1.0 + math.log(n))
    np.add.at(df, cols, 1.0)
    idf = np.log((1.0 + len(counts)) / (1.0 + df)) + 1.0
    matrix = np.zeros((len(counts), width), dtype=np.float32)
    np.add.at(matrix, (rows, cols), vals)
    return matrix * idf


def unit_rows(matrix: np.ndarray) -> np.ndarray:
    """Rows scaled to length 1 (zero rows stay zero), so a product gives cosines."""
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)
