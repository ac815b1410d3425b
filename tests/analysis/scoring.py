"""Precision, recall and F1 of the engine on the generated variants and the hand-written
rewrites of `corpus/`. Used by `benchmarks/engine_quality.py` (which prints the figures)
and by `test_quality.py` (which holds the engine to them)."""
from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from stories.analysis import Comparison, SourceText, compare_sources

from .variants import CORPUS, Variant, make_variants

FACT_KINDS = ("number", "name", "date")


@dataclass
class Tally:
    hits: int = 0
    found: int = 0
    wanted: int = 0

    def add(self, hits: int, found: int, wanted: int) -> None:
        self.hits += hits
        self.found += found
        self.wanted += wanted

    @property
    def precision(self) -> float:
        return self.hits / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.hits / self.wanted if self.wanted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Scores:
    repeats: Tally = field(default_factory=Tally)
    alignment: Tally = field(default_factory=Tally)
    conflicts: Tally = field(default_factory=Tally)        # recall side: injected found
    conflict_claims: Tally = field(default_factory=Tally)  # precision side: claims right
    by_operation: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    misses: Counter[str] = field(default_factory=Counter)


def _index(block_id: str) -> int:
    return int(block_id.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")) - 1


def aligned_pairs(comparison: Comparison) -> set[tuple[int, int]]:
    pairs = set()
    for row in comparison.rows:
        cells = {c.source: c for c in row.cells if c.status in ("same", "changed")}
        if "A" in cells and "B" in cells:
            pairs |= {(_index(a), _index(b)) for a in cells["A"].blocks for b in cells["B"].blocks}
    return pairs


def found_repeats(comparison: Comparison) -> tuple[set[tuple], set[tuple]]:
    """Repeats claimed in the version (B), and any claimed in the original (all wrong)."""
    claims: dict[str, set[tuple]] = {"A": set(), "B": set()}
    for source in comparison.sources:
        for b in source.blocks:
            if b.repeat_of:
                claims[source.key].add(("block", b.index, _index(b.repeat_of)))
            if b.repeated_sentences:
                claims[source.key].add(("inner", b.index))
    return claims["B"], claims["A"]


def compare_texts(original: list[str] | tuple[str, ...], version: list[str] | tuple[str, ...]) -> Comparison:
    return compare_sources([SourceText("original", "\n".join(original)),
                            SourceText("version", "\n".join(version))])


def score_variant(scores: Scores, variant: Variant) -> None:
    comparison = compare_texts(variant.original, variant.draft.paragraphs)
    want_repeats = {("block", r, e) for r, e in variant.draft.repeats} | \
        {("inner", i) for i in variant.draft.inner}
    got, wrong = found_repeats(comparison)
    scores.repeats.add(len(got & want_repeats), len(got | wrong), len(want_repeats))
    got_pairs = aligned_pairs(comparison)
    hits = len(got_pairs & variant.pairs)
    scores.alignment.add(hits, len(got_pairs), len(variant.pairs))
    scores.by_operation[variant.operation].add(hits, len(got_pairs), len(variant.pairs))
    claims = [(c.kind, _index(c.a.block), _index(c.b.block)) for c in comparison.conflicts
              if c.kind in FACT_KINDS]
    truth = [t for t in variant.conflicts if t[1]]
    found = sum(1 for kind, ok in truth if any(k == kind and (a, b) in ok for k, a, b in claims))
    right = sum(1 for k, a, b in claims if any(k == kind and (a, b) in ok for kind, ok in truth))
    scores.conflicts.add(found, 0, len(truth))
    scores.conflict_claims.add(right, len(claims), 0)
    if found < len(truth):
        scores.misses[variant.operation] += len(truth) - found


def score_variants(seeds: int = 3) -> Scores:
    scores = Scores()
    for variant in make_variants(seeds):
        score_variant(scores, variant)
    return scores


def score_hand_rewrites() -> Scores:
    """The hand-written rewrites against their hand labels (`corpus/truth.json`)."""
    truth = json.loads((CORPUS / "truth.json").read_text(encoding="utf-8"))["rewrites"]
    scores = Scores()
    for name, labels in truth.items():
        original = (CORPUS / labels["original"]).read_text(encoding="utf-8").splitlines()
        rewrite = (CORPUS / name).read_text(encoding="utf-8").splitlines()
        comparison = compare_texts(original, rewrite)
        want = {(a - 1, b - 1) for a, b in labels["pairs"]}
        got = aligned_pairs(comparison)
        scores.alignment.add(len(got & want), len(got), len(want))
        claims = {(c.kind, _index(c.a.block), _index(c.b.block)) for c in comparison.conflicts}
        wanted = {(k, a - 1, b - 1) for k, a, b in labels["conflicts"]}
        scores.conflicts.add(len(claims & wanted), 0, len(wanted))
        scores.conflict_claims.add(len(claims & wanted), len(claims), 0)
    return scores
