"""The conflict engine measured on real pairs that people labelled by hand
(`real_pairs/`: the pairs, the guidelines, the readers' labels; the text stays in
../shared/corpus). Scored as `real_pairs/GUIDELINES.md` says: a reported conflict matches a
label when each of its values and one of the label's (either order) contain one another
word for word, without case; each label is matched once; house style is not scored."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from stories.analysis import SourceText, compare_sources

from .scoring import Tally

HERE = Path(__file__).resolve().parent / "real_pairs"
CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
WORD = re.compile(r"\w+(?:[.,:]\w+)*")


@dataclass(frozen=True)
class Fact:
    """One conflict, reported or labelled: its kind and its two values (a's, b's)."""

    kind: str
    a: str
    b: str

    def __str__(self) -> str:
        return f"{self.kind}: “{self.a}” / “{self.b}”"


@dataclass
class PairScore:
    pair: str
    hits: list[Fact] = field(default_factory=list)
    false_alarms: list[Fact] = field(default_factory=list)
    misses: list[Fact] = field(default_factory=list)


SETS = {
    "development": ("pairs.json", "labels_"),
    "second development": ("pairs_dev2.json", "labels_dev2_"),
    "held-out": ("pairs_heldout.json", "labels_heldout_"),
    "second held-out": ("pairs_heldout2.json", "labels_heldout2_"),
    "third held-out": ("pairs_heldout3.json", "labels_heldout3_"),
    "fourth held-out": ("pairs_heldout4.json", "labels_heldout4_"),
    "fifth held-out": ("pairs_heldout5.json", "labels_heldout5_"),
    "sixth held-out": ("pairs_heldout6.json", "labels_heldout6_"),
    "seventh held-out": ("pairs_heldout7.json", "labels_heldout7_"),
    "eighth held-out": ("pairs_heldout8.json", "labels_heldout8_"),
    "ninth held-out": ("pairs_heldout9.json", "labels_heldout9_"),
    "tenth held-out": ("pairs_heldout10.json", "labels_heldout10_"),
    "eleventh held-out": ("pairs_heldout11.json", "labels_heldout11_"),
    "twelfth held-out": ("pairs_heldout12.json", "labels_heldout12_"),
    "thirteenth held-out": ("pairs_heldout13.json", "labels_heldout13_"),
    "fourteenth held-out": ("pairs_heldout14.json", "labels_heldout14_"),
    "fifteenth held-out": ("pairs_heldout15.json", "labels_heldout15_"),
    "sixteenth held-out": ("pairs_heldout16.json", "labels_heldout16_"),
    "seventeenth held-out": ("pairs_heldout17.json", "labels_heldout17_"),
    "eighteenth held-out": ("pairs_heldout18.json", "labels_heldout18_"),
    "nineteenth held-out": ("pairs_heldout19.json", "labels_heldout19_"),
    "twentieth held-out": ("pairs_heldout20.json", "labels_heldout20_"),
    "twenty-first held-out": ("pairs_heldout21.json", "labels_heldout21_"),
    "twenty-second held-out": ("pairs_heldout22.json", "labels_heldout22_"),
    "twenty-third held-out": ("pairs_heldout23.json", "labels_heldout23_"),
    "twenty-fourth held-out": ("pairs_heldout24.json", "labels_heldout24_"),
    "twenty-fifth held-out": ("pairs_heldout25.json", "labels_heldout25_"),
    "twenty-sixth held-out": ("pairs_heldout26.json", "labels_heldout26_"),
    "twenty-seventh held-out": ("pairs_heldout27.json", "labels_heldout27_"),
    "twenty-eighth held-out": ("pairs_heldout28.json", "labels_heldout28_"),
    "twenty-ninth held-out": ("pairs_heldout29.json", "labels_heldout29_"),
    "thirtieth held-out": ("pairs_heldout30.json", "labels_heldout30_"),
    "thirty-first held-out": ("pairs_heldout31.json", "labels_heldout31_"),
    "thirty-second held-out": ("pairs_heldout32.json", "labels_heldout32_"),
    "thirty-third held-out": ("pairs_heldout33.json", "labels_heldout33_"),
    "thirty-fourth held-out": ("pairs_heldout34.json", "labels_heldout34_"),
    "thirty-fifth held-out": ("pairs_heldout35.json", "labels_heldout35_"),
    "thirty-sixth held-out": ("pairs_heldout36.json", "labels_heldout36_"),
    "thirty-seventh held-out": ("pairs_heldout37.json", "labels_heldout37_"),
    "thirty-eighth held-out": ("pairs_heldout38.json", "labels_heldout38_"),
    "thirty-ninth held-out": ("pairs_heldout39.json", "labels_heldout39_"),
    "fortieth held-out": ("pairs_heldout40.json", "labels_heldout40_"),
    "forty-first held-out": ("pairs_heldout41.json", "labels_heldout41_"),
    "forty-second held-out": ("pairs_heldout42.json", "labels_heldout42_"),
    "forty-third held-out": ("pairs_heldout43.json", "labels_heldout43_"),
    "forty-fourth held-out": ("pairs_heldout44.json", "labels_heldout44_"),
    "forty-fifth held-out": ("pairs_heldout45.json", "labels_heldout45_"),
    "forty-sixth held-out": ("pairs_heldout46.json", "labels_heldout46_"),
    "forty-seventh held-out": ("pairs_heldout47.json", "labels_heldout47_"),
    "forty-eighth held-out": ("pairs_heldout48.json", "labels_heldout48_"),
}


def pairs(which: str = "development") -> list[dict]:
    """The pairs of one set: `development` (the rules were shaped looking at its errors),
    `second development` (labelled later by other readers, then used the same way) or
    `held-out` (labelled before the engine was run on it, and never tuned to) or `second
    held-out` (labelled later, measured once with the engine as it then stood)."""
    return json.loads((HERE / SETS[which][0]).read_text(encoding="utf-8"))


def labels(reader: str, which: str = "development") -> dict[str, list[Fact]]:
    """A reader's labels by pair id: `first` (every pair) or `second` (a third of them)."""
    found: dict[str, list[Fact]] = {}
    for path in sorted(HERE.glob(f"{SETS[which][1]}{reader}_reader*.json")):
        for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]:
            found[pair["id"]] = [Fact(c["kind"], c["a"], c["b"]) for c in pair["conflicts"]]
    return found


def source_text(pair: dict, side: str) -> str:
    """One side's text: its file, or, for a pair of the paraphrase corpus (a `row` of its
    file), that row's first sentence (`a`) or second (`b`), a source of one line."""
    text = (CORPUS / pair[side]).read_text(encoding="utf-8-sig" if "row" in pair else "utf-8")
    if "row" not in pair:
        return text
    row = [line for line in text.splitlines()[1:] if line.strip()][pair["row"] - 1].split("\t")
    return row[3 if side == "a" else 4] + "\n"


def engine_reports(pair: dict) -> list[Fact]:
    """What the engine reports for the pair, house style left out."""
    texts = [SourceText(pair[side], source_text(pair, side)) for side in "ab"]
    return [Fact(c.kind, c.a.text, c.b.text) for c in compare_sources(texts).conflicts if c.kind != "style"]


def score(reports: dict[str, list[Fact]], truth: dict[str, list[Fact]]) -> tuple[Tally, list[PairScore]]:
    """Reports against labels over the pairs `truth` labels."""
    tally, details = Tally(), []
    for pair_id, wanted in truth.items():
        detail = _score_pair(pair_id, reports.get(pair_id, []), wanted)
        tally.add(len(detail.hits), len(detail.hits) + len(detail.false_alarms), len(wanted))
        details.append(detail)
    return tally, details


def _score_pair(pair_id: str, reported: Iterable[Fact], wanted: list[Fact]) -> PairScore:
    detail, open_labels = PairScore(pair_id), list(wanted)
    for fact in reported:
        label = next((label for label in open_labels if matches(fact, label)), None)
        if label is None:
            detail.false_alarms.append(fact)
        else:
            open_labels.remove(label)
            detail.hits.append(fact)
    detail.misses = open_labels
    return detail


def matches(reported: Fact, label: Fact) -> bool:
    same = _contained(reported.a, label.a) and _contained(reported.b, label.b)
    crossed = _contained(reported.a, label.b) and _contained(reported.b, label.a)
    return same or crossed


def _contained(x: str, y: str) -> bool:
    """Whether one value's words stand, in order and together, among the other's."""
    small, large = sorted((_words(x), _words(y)), key=len)
    if not small:
        return False
    return any(large[n : n + len(small)] == small for n in range(len(large) - len(small) + 1))


def _words(value: str) -> list[str]:
    """A value's words, a number spelled out read as its digits: "10 / ten" is house style
    (GUIDELINES.md), so "seven villages" and "7 Villages" are one value."""
    return [_SPELLED.get(word, word) for word in WORD.findall(value.casefold())]


_SPELLED = {
    word: str(number)
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}
