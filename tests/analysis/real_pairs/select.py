"""Choose the real pairs of the conflict evaluation set, the same every time it runs.

    python tests/analysis/real_pairs/select.py > tests/analysis/real_pairs/pairs.json
    python tests/analysis/real_pairs/select.py --dev2 > tests/analysis/real_pairs/pairs_dev2.json
    python tests/analysis/real_pairs/select.py --held-out > tests/analysis/real_pairs/pairs_heldout.json
    python tests/analysis/real_pairs/select.py --held-out-N > tests/analysis/real_pairs/pairs_heldoutN.json  # 2-16

From ../shared/corpus (never copied here: the set holds paths, labels and short values):
20 pairs of articles about one event by different outlets (ECB+: two articles of one
same-event cluster, each of at least 8 sentences, clusters drawn with a fixed seed), and
12 pairs of versions of one Reuters story (the four groups with a CORRECTED version, and
eight more drawn with the seed among groups whose first and last versions differ): the
first version against the last.

`--held-out` draws a second set the same way (another seed; 16 + 8 pairs, ids h01...)
from the clusters and groups the first set does not use. The engine's rules were shaped
while looking at the first set's errors; the held-out set is labelled before the engine is
run on it and measured, not tuned to.

`--dev2` draws a third set the same way (another seed; 16 + 8 pairs, ids d01...) from the
clusters and groups neither of the first two sets uses.

`--held-out-2` draws a second held-out set the same way (another seed; 16 + 8 pairs, ids
g01...) from the clusters and groups none of the first three sets uses. Its pairs are
labelled by readers before the engine is ever run on them; it is measured once and never
tuned to.

`--held-out-3` draws a third held-out set (another seed; 20 + 4 pairs, ids k01...) from the
clusters and groups none of the first four sets uses. It leans to outlet pairs, which hold
most of the real conflicts (re-filed Reuters versions mostly only fix typing), so that it
holds more conflicts than the others. Only nine unused clusters are left, so it takes
several pairs from each (`ecb_pairs_spread`): each cluster's articles are shuffled and
paired off, no article in two pairs, and the pairs are taken a round at a time across
the clusters in drawn order. Like the second held-out set, it is labelled by readers
before the engine is ever run on it, measured once, and never tuned to.

`--held-out-4` draws a fourth held-out set (another seed; 24 outlet pairs, ids m01...).
Every cluster has been drawn from by now, so it pairs *articles* no earlier pair uses,
within any cluster (`ecb_pairs_unused_articles`): the events are known to the rules, the
articles are not. Labelled by readers before the engine is run on it, measured once.

`--held-out-5` draws a fifth (seed 16; 24 outlet pairs, ids n01...) the same way, from
articles neither an earlier pair nor any report of `benchmarks/unlabelled_reports.py`
(seeds 1 to 9, `seen_in_unlabelled_reports.json`) has shown the engine's output on.

`--held-out-6` draws a sixth (seed 17; ids q01...) the same way, from articles no earlier
pair (the fifth set's included) nor any such report has shown: 21 outlet pairs, one from
each cluster that still has two such articles.

`--held-out-7` (seed 18; 24 outlet pairs, ids r01...): no unused articles are left, so it
pairs anew articles that earlier sets used (`ecb_pairs_repaired`): two articles of one
cluster that no earlier pair put together, neither shown by an unlabelled report. The
articles' text has been read before, while looking at other pairs' errors; the pairs,
their labels and the engine's output on them have not.

`--held-out-8` (seed 19; 24 outlet pairs, ids s01...) draws the same way as the seventh,
leaving out the seventh's pairs too. A helper session writing rules had scanned the
engine's reports on every same-event ECB+ pair for new false alarms (before and after its
rules, unlabelled), so the engine's precision there is less blind than its recall.

`--held-out-9` (seed 20; ids t01...) the same way again, leaving out the eighth's pairs too.

`--held-out-10` (seed 21; ids u01...) the same way again, leaving out the ninth's pairs too.

`--held-out-11` (seed 22; ids v01...) the same way again, leaving out the tenth's pairs too.

`--held-out-12` (seed 23; ids w01...) the same way again, leaving out the eleventh's pairs too.

`--held-out-13` (seed 24; ids x01...) the same way again, leaving out the twelfth's pairs too.

`--held-out-14` (seed 25; ids y01...) the same way again, leaving out the thirteenth's pairs too.

`--held-out-15` (seed 26; ids z01...) the same way again, leaving out the fourteenth's pairs too:
21 pairs, as only 21 clusters have a pair of articles no earlier set made.

`--held-out-16` (seed 27; ids e01...) the same way again, leaving out the fifteenth's pairs too:
21 pairs again, from the same 21 clusters (570 pairs no set has made are left in them).

`--held-out-17` (seed 28; ids f01...) the same way again, leaving out the sixteenth's pairs too.

`--held-out-18` (seed 29; ids j01...) the same way again, leaving out the seventeenth's pairs too.

`--held-out-19` (seed 30; ids i01...): 24 re-filed Reuters pairs (first and last version)
from groups no set has used, the CORRECTED ones left first: every ECB+ article has been
read in some earlier pair by now, and no Reuters group past the third held-out set.

`--held-out-20` (seed 31; ids b01...): 60 sentence pairs of the Microsoft Research
Paraphrase Corpus's test file (news sentences by different outlets about one event, which no
one on the project had read): 40 drawn among the pairs whose two sentences both hold a
digit (where numbers and dates may disagree), 20 among the rest. A pair names its row
(`"row"`, 1-based, the header not counted); its `a` is the row's first sentence, `b` its
second, each read as a source of one line (`real_scoring.source_text`).

`--held-out-21` (seed 32; ids c01...): 60 more rows of the same file the same way, leaving
out the twentieth's (the train file's market sentences were read while the twentieth's
errors were mended, and are not drawn from). `--held-out-22` to `-33` (seeds 33 to 44;
ids a01..., l01..., o01..., aa01..., ab01..., ac01..., ad01..., ae01..., af01..., ag01...,
ah01..., ai01...) the same again, each leaving out every earlier set's rows; so do
`--held-out-34` to `-39` (seeds 45 to 50; ids aj01... to ao01...).

`--held-out-40` (seed 51; ids ap01...): 24 re-filed Reuters pairs as the nineteenth drew
them, from groups no set has used (the paraphrase rows left hold no digit on both sides);
`--held-out-41` (seed 52; ids aq01...) the same, leaving out the fortieth's groups too.

`--held-out-42` (seed 53; ids ar01...): 21 outlet pairs drawn as the seventh to eighteenth
were (`ecb_pairs_repaired`), leaving out every pair those sets made: the paraphrase rows and
the Reuters groups left hold little to label, and two articles of one event by different
outlets hold most of the real conflicts. `--held-out-43` (seed 54; ids as01...) the same,
leaving out the forty-second's pairs too: 18 pairs, as only 18 clusters have one left;
`--held-out-44` (seed 55; ids at01...) the same, leaving out the forty-third's pairs too,
`--held-out-45` (seed 56; ids au01...), leaving out the forty-fourth's, `--held-out-46`
(seed 57; ids av01...), leaving out the forty-fifth's, `--held-out-47` (seed 58; ids
aw01...), leaving out the forty-sixth's, and `--held-out-48` (seed 59; ids ax01...),
leaving out the forty-seventh's.
"""

import csv
import json
import random
import sys
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
SEED, HELD_OUT_SEED, DEV2_SEED, HELD_OUT_2_SEED, HELD_OUT_3_SEED, HELD_OUT_4_SEED = 10, 11, 12, 13, 14, 15
HELD_OUT_5_SEED, HELD_OUT_6_SEED = 16, 17
HELD_OUT_15_ECB_PAIRS = 21  # the clusters left with a pair no set made
HELD_OUT_19_SEED, HELD_OUT_19_REUTERS_PAIRS = 30, 24
HELD_OUT_20_SEED, HELD_OUT_20_WITH_DIGITS, HELD_OUT_20_OTHERS = 31, 40, 20
HELD_OUT_21_SEED = 32
HELD_OUT_40_SEED = 51  # and 52 for the forty-first
HELD_OUT_43_ECB_PAIRS = 18  # the clusters left with a fresh pair
# The ids of the later paraphrase sets' pairs
MSRP_SETS = {21: "c", 22: "a", 23: "l", 24: "o", 25: "aa", 26: "ab", 27: "ac", 28: "ad", 29: "ae", 30: "af", 31: "ag"}
MSRP_SETS |= {32: "ah", 33: "ai", 34: "aj", 35: "ak", 36: "al", 37: "am", 38: "an", 39: "ao"}
MSRP_TEST = "msrp/msr_paraphrase_test.txt"
ECB_PAIRS, REUTERS_PAIRS = 20, 12
HELD_OUT_ECB_PAIRS, HELD_OUT_REUTERS_PAIRS = 16, 8
DEV2_ECB_PAIRS, DEV2_REUTERS_PAIRS = 16, 8
HELD_OUT_2_ECB_PAIRS, HELD_OUT_2_REUTERS_PAIRS = 16, 8
HELD_OUT_3_ECB_PAIRS, HELD_OUT_3_REUTERS_PAIRS = 20, 4
HELD_OUT_4_ECB_PAIRS, HELD_OUT_6_ECB_PAIRS = 24, 21
ALL_EARLIER_SETS = ("pairs.json", "pairs_heldout.json", "pairs_dev2.json", "pairs_heldout2.json", "pairs_heldout3.json")
HERE = Path(__file__).resolve().parent
REPAIRED_SETS = (*range(7, 19), *range(42, 49))  # the sets of `ecb_pairs_repaired`, in the order they were drawn
HELD_OUT_SEED_OFFSET = 11  # held-out set N is drawn with seed N + 11 (the seventh with 18, the forty-second with 53)
REPAIRED_FLAGS = tuple(f"--held-out-{n}" for n in REPAIRED_SETS)
REPAIRED_PREFIXES = (*"rstuvwxyzefj", "ar", "as", "at", "au", "av", "aw", "ax")


def ecb_pairs(rng: random.Random, count: int = ECB_PAIRS, used: frozenset[str] = frozenset()) -> list[dict]:
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        if int(row["n_sentences"]) >= 8:
            clusters[row["cluster"]].append(row)
    eligible = sorted(name for name, docs in clusters.items() if len(docs) >= 2 and name not in used)
    pairs = []
    for name in rng.sample(eligible, count):
        first, second = rng.sample(sorted(clusters[name], key=lambda row: row["doc"]), 2)
        pairs.append({"a": _ecb_path(first), "b": _ecb_path(second), "kind": "outlets"})
    return pairs


def ecb_pairs_spread(rng: random.Random, count: int, used: frozenset[str]) -> list[dict]:
    """Outlet pairs when fewer unused clusters are left than pairs wanted: several a cluster.

    Each cluster's articles (of at least 8 sentences) are shuffled and paired off, so no
    article is in two pairs; the pairs are then taken one a cluster a round, the clusters in
    a drawn order, until there are enough."""
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        if int(row["n_sentences"]) >= 8:
            clusters[row["cluster"]].append(row)
    eligible = sorted(name for name, docs in clusters.items() if len(docs) >= 2 and name not in used)
    order = rng.sample(eligible, len(eligible))
    paired = {}
    for name in order:
        docs = rng.sample(sorted(clusters[name], key=lambda row: row["doc"]), len(clusters[name]))
        paired[name] = [(docs[i], docs[i + 1]) for i in range(0, len(docs) - 1, 2)]
    if sum(len(p) for p in paired.values()) < count:
        raise ValueError(f"only {sum(len(p) for p in paired.values())} disjoint outlet pairs left, {count} wanted")
    pairs, round_ = [], 0
    while len(pairs) < count:
        for name in order:
            if round_ < len(paired[name]) and len(pairs) < count:
                first, second = paired[name][round_]
                pairs.append({"a": _ecb_path(first), "b": _ecb_path(second), "kind": "outlets"})
        round_ += 1
    return pairs


def ecb_pairs_unused_articles(rng: random.Random, count: int, used_files: frozenset[str]) -> list[dict]:
    """Outlet pairs of articles (of at least 8 sentences) that no earlier pair uses.

    Each cluster's unused articles are shuffled and paired off; a cluster gives at most one
    pair, the clusters taken in a drawn order, so that the set spreads over many events."""
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        if int(row["n_sentences"]) >= 8 and _ecb_path(row) not in used_files:
            clusters[row["cluster"]].append(row)
    eligible = sorted(name for name, docs in clusters.items() if len(docs) >= 2)
    if len(eligible) < count:
        raise ValueError(f"only {len(eligible)} clusters have two unused articles, {count} wanted")
    pairs = []
    for name in rng.sample(eligible, count):
        first, second = rng.sample(sorted(clusters[name], key=lambda row: row["doc"]), 2)
        pairs.append({"a": _ecb_path(first), "b": _ecb_path(second), "kind": "outlets"})
    return pairs


def ecb_pairs_repaired(
    rng: random.Random, count: int, paired: frozenset[frozenset[str]], seen: frozenset[str]
) -> list[dict]:
    """Outlet pairs of articles (of at least 8 sentences, none in `seen`) that no earlier
    pair (`paired`) put together, at most one a cluster, the clusters in a drawn order."""
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        if int(row["n_sentences"]) >= 8 and _ecb_path(row) not in seen:
            clusters[row["cluster"]].append(row)
    pairs = []
    for name in rng.sample(sorted(clusters), len(clusters)):
        docs = sorted(clusters[name], key=lambda row: row["doc"])
        fresh = [
            (first, second)
            for i, first in enumerate(docs)
            for second in docs[i + 1 :]
            if frozenset({_ecb_path(first), _ecb_path(second)}) not in paired
        ]
        if fresh and len(pairs) < count:
            first, second = rng.choice(fresh)
            pairs.append({"a": _ecb_path(first), "b": _ecb_path(second), "kind": "outlets"})
    if len(pairs) < count:
        raise ValueError(f"only {len(pairs)} clusters have a fresh pair, {count} wanted")
    return pairs


def pairs_made_by(*files: str) -> frozenset[frozenset[str]]:
    """The pairs of articles in these files (of this folder), each as a set of two paths."""
    return frozenset(
        frozenset({pair["a"], pair["b"]})
        for file in files
        for pair in json.loads((HERE / file).read_text(encoding="utf-8"))
    )


def files_used_by(*files: str) -> frozenset[str]:
    """Every article path of the pairs in these files (of this folder)."""
    return frozenset(
        path
        for file in files
        for pair in json.loads((HERE / file).read_text(encoding="utf-8"))
        for path in (pair["a"], pair["b"])
    )


def _ecb_path(row: dict) -> str:
    return f"ecbplus/text/{row['topic']}/{row['doc']}.txt"


def reuters_pairs(rng: random.Random, count: int = REUTERS_PAIRS, used: frozenset[str] = frozenset()) -> list[dict]:
    groups = sorted((CORPUS / "reuters" / "versions").iterdir())
    versions = {
        group.name: sorted(group.glob("v*.txt"), key=lambda p: int(p.name[1:].split("-")[0])) for group in groups
    }
    corrected = [
        name
        for name, files in versions.items()
        if name not in used and any("CORRECTED" in f.read_text()[:200] for f in files)
    ]
    changed = [
        name
        for name, files in versions.items()
        if name not in corrected and name not in used and files[0].read_text() != files[-1].read_text()
    ]
    chosen = corrected + rng.sample(changed, count - len(corrected))
    return [
        {"a": _relative(versions[name][0]), "b": _relative(versions[name][-1]), "kind": "re-filed"} for name in chosen
    ]


def msrp_pairs(rng: random.Random, used: frozenset[int] = frozenset()) -> list[dict]:
    """Rows of the paraphrase corpus's test file, none of `used`: `HELD_OUT_20_WITH_DIGITS`
    whose two sentences both hold a digit (as many as are left, when fewer), the rest of the
    sixty from the other rows, each lot in file order."""
    rows = msrp_rows()
    with_digits = [n for n, row in enumerate(rows, start=1) if _digit(row[3]) and _digit(row[4]) and n not in used]
    others = [n for n in range(1, len(rows) + 1) if n not in set(with_digits) and n not in used]
    digits = min(HELD_OUT_20_WITH_DIGITS, len(with_digits))  # 21 were left for the thirty-fourth set
    others_wanted = HELD_OUT_20_WITH_DIGITS + HELD_OUT_20_OTHERS - digits
    chosen = sorted(rng.sample(with_digits, digits)) + sorted(rng.sample(others, others_wanted))
    return [{"a": MSRP_TEST, "b": MSRP_TEST, "row": n, "kind": "outlets"} for n in chosen]


def msrp_rows() -> list[list[str]]:
    """The test file's rows (quality, two ids, two sentences), its header left out: split
    on tabs, as its quotes are not escaped."""
    lines = (CORPUS / MSRP_TEST).read_text(encoding="utf-8-sig").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def _digit(text: str) -> bool:
    return any(char.isdigit() for char in text)


def _relative(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def used_by_first_set() -> frozenset[str]:
    """The ECB+ clusters and Reuters groups of pairs.json."""
    return used_by("pairs.json")


def used_by(*files: str) -> frozenset[str]:
    """The ECB+ clusters and Reuters groups of the pairs in these files (of this folder)."""
    used = set()
    for file in files:
        for pair in json.loads((HERE / file).read_text(encoding="utf-8")):
            parts = pair["a"].split("/")
            used.add(parts[2] if parts[0] == "reuters" else _cluster_of(parts[-1]))
    return frozenset(used)


def _cluster_of(file_name: str) -> str:
    doc = file_name.removesuffix(".txt")  # "8_7ecbplus" -> cluster "8_ecbplus"
    topic, rest = doc.split("_", 1)
    return f"{topic}_{'ecbplus' if rest.endswith('ecbplus') else 'ecb'}"


def main() -> None:
    held_out, dev2 = "--held-out" in sys.argv[1:], "--dev2" in sys.argv[1:]
    held_out_2, held_out_3 = "--held-out-2" in sys.argv[1:], "--held-out-3" in sys.argv[1:]
    repaired = [flag for flag in REPAIRED_FLAGS if flag in sys.argv[1:]]
    later_msrp = [n for n in MSRP_SETS if f"--held-out-{n}" in sys.argv[1:]]
    if later_msrp:
        number = later_msrp[0]
        earlier = [HERE / f"pairs_heldout{n}.json" for n in range(20, number)]
        used = {pair["row"] for path in earlier for pair in json.loads(path.read_text(encoding="utf-8"))}
        pairs = msrp_pairs(random.Random(HELD_OUT_21_SEED + number - 21), frozenset(used))
        prefix = MSRP_SETS[number]
    elif "--held-out-40" in sys.argv[1:] or "--held-out-41" in sys.argv[1:]:
        later = int("--held-out-41" in sys.argv[1:])  # 0 or 1
        rng = random.Random(HELD_OUT_40_SEED + later)
        drawn_after = [f"pairs_heldout{n}.json" for n in range(40 + later, 42)]
        every = tuple(path.name for path in sorted(HERE.glob("pairs*.json")) if path.name not in drawn_after)
        pairs = reuters_pairs(rng, HELD_OUT_19_REUTERS_PAIRS, used_by(*every))
        prefix = ("ap", "aq")[later]
    elif "--held-out-20" in sys.argv[1:]:
        pairs = msrp_pairs(random.Random(HELD_OUT_20_SEED))
        prefix = "b"
    elif "--held-out-19" in sys.argv[1:]:
        rng = random.Random(HELD_OUT_19_SEED)
        later = ("pairs_heldout19.json", "pairs_heldout40.json", "pairs_heldout41.json")  # drawn after it
        every = tuple(path.name for path in sorted(HERE.glob("pairs*.json")) if path.name not in later)
        pairs = reuters_pairs(rng, HELD_OUT_19_REUTERS_PAIRS, used_by(*every))
        prefix = "i"
    elif repaired:
        later = REPAIRED_FLAGS.index(repaired[0])  # 0 to 18
        number = REPAIRED_SETS[later]
        rng = random.Random(number + HELD_OUT_SEED_OFFSET)
        seen = frozenset(json.loads((HERE / "seen_in_unlabelled_reports.json").read_text(encoding="utf-8")))
        earlier = (*ALL_EARLIER_SETS, "pairs_heldout4.json", "pairs_heldout5.json", "pairs_heldout6.json")
        earlier += tuple(f"pairs_heldout{n}.json" for n in REPAIRED_SETS)[:later]
        count = HELD_OUT_4_ECB_PAIRS if number < 15 else HELD_OUT_15_ECB_PAIRS if number < 43 else HELD_OUT_43_ECB_PAIRS
        pairs = ecb_pairs_repaired(rng, count, pairs_made_by(*earlier), seen)
        prefix = REPAIRED_PREFIXES[later]
    elif "--held-out-6" in sys.argv[1:]:
        rng = random.Random(HELD_OUT_6_SEED)
        seen = frozenset(json.loads((HERE / "seen_in_unlabelled_reports.json").read_text(encoding="utf-8")))
        used = files_used_by(*ALL_EARLIER_SETS, "pairs_heldout4.json", "pairs_heldout5.json") | seen
        pairs = ecb_pairs_unused_articles(rng, HELD_OUT_6_ECB_PAIRS, used)
        prefix = "q"
    elif "--held-out-5" in sys.argv[1:]:
        rng = random.Random(HELD_OUT_5_SEED)
        seen = frozenset(json.loads((HERE / "seen_in_unlabelled_reports.json").read_text(encoding="utf-8")))
        used = files_used_by(*ALL_EARLIER_SETS, "pairs_heldout4.json") | seen
        pairs = ecb_pairs_unused_articles(rng, HELD_OUT_4_ECB_PAIRS, used)
        prefix = "n"
    elif "--held-out-4" in sys.argv[1:]:
        rng = random.Random(HELD_OUT_4_SEED)
        pairs = ecb_pairs_unused_articles(rng, HELD_OUT_4_ECB_PAIRS, files_used_by(*ALL_EARLIER_SETS))
        prefix = "m"
    elif held_out_3:
        rng = random.Random(HELD_OUT_3_SEED)
        used = used_by("pairs.json", "pairs_heldout.json", "pairs_dev2.json", "pairs_heldout2.json")
        pairs = ecb_pairs_spread(rng, HELD_OUT_3_ECB_PAIRS, used) + reuters_pairs(rng, HELD_OUT_3_REUTERS_PAIRS, used)
        prefix = "k"
    elif held_out_2:
        rng, used = random.Random(HELD_OUT_2_SEED), used_by("pairs.json", "pairs_heldout.json", "pairs_dev2.json")
        pairs = ecb_pairs(rng, HELD_OUT_2_ECB_PAIRS, used) + reuters_pairs(rng, HELD_OUT_2_REUTERS_PAIRS, used)
        prefix = "g"
    elif dev2:
        rng, used = random.Random(DEV2_SEED), used_by("pairs.json", "pairs_heldout.json")
        pairs = ecb_pairs(rng, DEV2_ECB_PAIRS, used) + reuters_pairs(rng, DEV2_REUTERS_PAIRS, used)
        prefix = "d"
    elif held_out:
        rng, used = random.Random(HELD_OUT_SEED), used_by_first_set()
        pairs = ecb_pairs(rng, HELD_OUT_ECB_PAIRS, used) + reuters_pairs(rng, HELD_OUT_REUTERS_PAIRS, used)
        prefix = "h"
    else:
        rng = random.Random(SEED)
        pairs = ecb_pairs(rng) + reuters_pairs(rng)
        prefix = "p"
    for number, pair in enumerate(pairs, start=1):
        pair["id"] = f"{prefix}{number:02d}"
        pair["second_reader"] = number % 3 == 1  # a third of the pairs, read twice
    print(json.dumps([{"id": p["id"], **{k: v for k, v in p.items() if k != "id"}} for p in pairs], indent=1))


if __name__ == "__main__":
    main()
