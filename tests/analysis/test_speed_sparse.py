"""The shortcuts that keep the engine fast give the answers the slow way gives: sparse
TF-IDF products against dense ones, sentence links against the best partner in a full
score matrix, and a long passage diffed sentence by sentence against its two texts."""
import random

import numpy as np
import pytest

from stories.analysis import SourceText, compare_sources, quantities, vectors
from stories.analysis.blocks import parse_blocks
from stories.analysis.diff import word_diff
from stories.analysis.links import LINK_MIN, SAME_ROW_BONUS, SentenceSpace
from stories.analysis.text import content_terms, fold, fold_word

WORDS = [f"term{n}" for n in range(60)] + ["harbour", "fire", "crews"] * 20


def term_lists(count: int, seed: int = 1) -> list[list[str]]:
    rng = random.Random(seed)
    return [[rng.choice(WORDS) for _ in range(rng.randint(0, 25))] for _ in range(count)]


def dense(rows: vectors.TermRows) -> np.ndarray:
    out = np.zeros((len(rows), rows.width))
    out[rows.row_ids(), rows.terms] = rows.weights
    return out


def unit(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return matrix / np.where(norms == 0, 1.0, norms)


@pytest.mark.parametrize("chunk_cells, dense_share", [(1 << 21, 32), (700, 32), (1 << 21, 1e9), (700, 1e9)])
def test_it_gives_the_cosines_of_a_dense_product(monkeypatch, chunk_cells, dense_share):
    """Whether terms go through the index or a dense product, and however many rows are
    computed at once."""
    monkeypatch.setattr(vectors, "CHUNK_CELLS", chunk_cells)
    monkeypatch.setattr(vectors, "DENSE_SHARE", dense_share)
    rows = vectors.tfidf(term_lists(90))
    a, b = rows.take(range(50)).unit(), rows.take(range(30, 90)).unit()
    want = unit(dense(rows.take(range(50)))) @ unit(dense(rows.take(range(30, 90)))).T
    assert np.allclose(vectors.cosines(a, b), want)


def test_the_sum_of_a_cell_s_blocks_is_one_vector():
    rows = vectors.tfidf(term_lists(10))
    summed = rows.sums([[1, 2, 3], [], [4], [5, 5]])
    full = dense(rows)
    assert np.allclose(dense(summed), np.stack([full[[1, 2, 3]].sum(0), np.zeros(rows.width), full[4], 2 * full[5]]))


def test_rows_without_terms_score_zero():
    rows = vectors.tfidf([[], ["fire"], []]).unit()
    scores = vectors.cosines(rows, rows)
    assert scores.dtype == np.float64
    assert scores.tolist() == [[0, 0, 0], [0, 1, 0], [0, 0, 0]]


def test_a_link_is_each_sentence_s_best_partner_in_the_full_score_matrix():
    rng = random.Random(4)
    vocabulary = "fire harbour crews police said tuesday ship fuel oil twelve injured port mayor".split()
    def story(key: str) -> list:
        text = "\n".join(" ".join(f"{' '.join(rng.choices(vocabulary, k=6)).capitalize()}." for _ in range(3))
                         for _ in range(12))
        return parse_blocks(key, text)
    blocks_a, blocks_b = story("A"), story("B")
    space = SentenceSpace(blocks_a + blocks_b)
    same_row = {(blocks_a[n].id, blocks_b[n].id) for n in range(0, 12, 2)}
    links = {(link.a.block.id, link.a.index, link.b.block.id, link.b.index): link.score
             for link in space.links("A", "B", same_row)}

    ra, rb = space.refs["A"], space.refs["B"]
    terms = vectors.tfidf([content_terms(fold(r.text)) for r in ra + rb])
    full = unit(dense(terms))
    scores = full[:len(ra)] @ full[len(ra):].T
    scores += SAME_ROW_BONUS * np.array([[(x.block.id, y.block.id) in same_row for y in rb] for x in ra])
    pairs = {(i, int(scores[i].argmax())) for i in range(len(ra))}
    pairs |= {(int(scores[:, j].argmax()), j) for j in range(len(rb))}
    want = {(ra[i].block.id, ra[i].index, rb[j].block.id, rb[j].index): scores[i, j]
            for i, j in pairs if scores[i, j] >= LINK_MIN}
    assert links.keys() == want.keys()
    assert all(links[key] == pytest.approx(want[key]) for key in want)


def long_passage(sentences: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(f"The {rng.choice(WORDS)} crews fought {rng.randint(2, 90)} fires near the "
                    f"{rng.choice(WORDS)} harbour, police said." for _ in range(sentences))


def test_a_long_passage_diffed_sentence_by_sentence_rebuilds_both_texts():
    a = long_passage(200, seed=1)
    words = a.split(" ")
    words[5::97] = ["changed"] * len(words[5::97])
    b = " ".join(words[:300] + words[340:]) + " A sentence only the new version has."
    ops, complete = word_diff(a, b)
    assert complete
    assert "".join(text for op, text in ops if op != "+") == a
    assert "".join(text for op, text in ops if op != "-") == b
    assert sum(len(text) for op, text in ops if op != "=") < 0.2 * len(a)


def test_passages_of_twenty_thousand_characters_align_and_diff_completely():
    a = "\n".join(long_passage(150, seed=n) for n in range(3))
    b = a.replace(" police said.", " police said on Tuesday.")
    comparison = compare_sources([SourceText("a", a), SourceText("b", b)])
    assert [[cell.status for cell in row.cells] for row in comparison.rows] == [["changed", "changed"]] * 3
    assert [change.complete for change in comparison.changes] == [True] * 3



NUMBER_SENTENCES = [
    "The council spent $ 4.5 million, up 12%, on 1,200 new lamps in 2 1/2 years.",
    "Crews worked for 41 / 2 months; twenty-five of them stayed, twice as many as planned; 3 left.",
    "Tens of thousands of fans and hundreds of stewards came for the 7th match of 12.",
    "A.5 x5 6th item5 $7 \u00a3 12 \u20ac3bn 2.5bn 40-mln 3 per cent 1, 000 fans",
    "Seven ferries, a dozen tugs and one hundred dinghies: 4 - 1 / 2 - month work.",
    "Twice the size; married twice; Twice, the mayor said; 1/2 of 30",
    "\u017fix men and 5 women crossed the bridge at 10:30 on 3/4/2026.",  # not ASCII: searched as before
]


@pytest.mark.parametrize("sentence", NUMBER_SENTENCES)
def test_numbers_are_found_where_the_full_search_finds_them(sentence):
    """The number search tries only where a number can begin; it finds what trying every
    character finds."""
    pattern = quantities._NUMBER if quantities._spells_a_number(sentence) else quantities._NUMBER_IN_DIGITS
    expected = [(match.start(), match.end()) for match in pattern.finditer(sentence)]
    assert len(expected) >= 3
    assert [(match.start(), match.end()) for match in quantities._number_matches(sentence)] == expected


FOLDED_WORDS = ["harbour", "Harbour", "iPhone", "MCCARTHY", "don't", "co-op", "U.S.",
    "\u00c9mile", "M\u00fcller", "10km"]


@pytest.mark.parametrize("word", FOLDED_WORDS)
def test_a_word_folds_as_any_text_does(word):
    """A word of ASCII letters is only lowered; anything else goes through `fold`."""
    assert fold_word(word) == fold(word)
