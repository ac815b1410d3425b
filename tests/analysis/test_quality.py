"""The engine held to its quality bar on the evaluation corpus (see scoring.py)."""
from .scoring import score_hand_rewrites, score_variants


def test_it_meets_the_quality_bar_on_generated_variants():
    scores = score_variants(seeds=2)
    assert scores.repeats.f1 >= 0.98
    assert scores.alignment.f1 >= 0.90
    assert scores.conflicts.recall >= 0.95
    assert scores.conflict_claims.precision >= 0.90


def test_it_aligns_the_hand_written_rewrites():
    scores = score_hand_rewrites()
    assert scores.alignment.f1 >= 0.90
    assert scores.conflicts.recall >= 0.9
