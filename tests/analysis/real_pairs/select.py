"""Choose the real pairs of the conflict evaluation set, the same every time it runs.

    python tests/analysis/real_pairs/select.py > tests/analysis/real_pairs/pairs.json

From ../shared/corpus (never copied here: the set holds paths, labels and short values):
20 pairs of articles about one event by different outlets (ECB+: two articles of one
same-event cluster, each of at least 8 sentences, clusters drawn with a fixed seed), and
12 pairs of versions of one Reuters story (the four groups with a CORRECTED version, and
eight more drawn with the seed among groups whose first and last versions differ): the
first version against the last.
"""

import csv
import json
import random
from collections import defaultdict
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
SEED = 10
ECB_PAIRS, REUTERS_PAIRS = 20, 12


def ecb_pairs(rng: random.Random) -> list[dict]:
    clusters = defaultdict(list)
    for row in csv.DictReader(open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8")):
        if int(row["n_sentences"]) >= 8:
            clusters[row["cluster"]].append(row)
    eligible = sorted(name for name, docs in clusters.items() if len(docs) >= 2)
    pairs = []
    for name in rng.sample(eligible, ECB_PAIRS):
        first, second = rng.sample(sorted(clusters[name], key=lambda row: row["doc"]), 2)
        pairs.append({"a": _ecb_path(first), "b": _ecb_path(second), "kind": "outlets"})
    return pairs


def _ecb_path(row: dict) -> str:
    return f"ecbplus/text/{row['topic']}/{row['doc']}.txt"


def reuters_pairs(rng: random.Random) -> list[dict]:
    groups = sorted((CORPUS / "reuters" / "versions").iterdir())
    versions = {
        group.name: sorted(group.glob("v*.txt"), key=lambda p: int(p.name[1:].split("-")[0])) for group in groups
    }
    corrected = [name for name, files in versions.items() if any("CORRECTED" in f.read_text()[:200] for f in files)]
    changed = [
        name
        for name, files in versions.items()
        if name not in corrected and files[0].read_text() != files[-1].read_text()
    ]
    chosen = corrected + rng.sample(changed, REUTERS_PAIRS - len(corrected))
    return [
        {"a": _relative(versions[name][0]), "b": _relative(versions[name][-1]), "kind": "re-filed"} for name in chosen
    ]


def _relative(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def main() -> None:
    rng = random.Random(SEED)
    pairs = ecb_pairs(rng) + reuters_pairs(rng)
    for number, pair in enumerate(pairs, start=1):
        pair["id"] = f"p{number:02d}"
        pair["second_reader"] = number % 3 == 1  # a third of the pairs, read twice
    print(json.dumps([{"id": p["id"], **{k: v for k, v in p.items() if k != "id"}} for p in pairs], indent=1))


if __name__ == "__main__":
    main()
