"""How well `stories.analysis.grouping` puts wire items into stories, on real copy.

    .venv/bin/python benchmarks/grouping.py [--seed 7] [--split-seed 1] [--sweep] [--ceiling]
                                            [--candidates 30] [--key-rows 50]
                                            [--revisit recluster [--revisit-bar 0.23] [--revisit-always]]

About 50 s (--sweep, which re-runs the feed at other thresholds, about 3.5 min; --ceiling,
20 s more). Reads ../shared/corpus at run time (never copied into the repository) and
simulates a feed: items arrive one at a time in a fixed shuffled order; each looks up
candidates through an in-memory dict of band keys (exactly as the indexed table will),
ranks them by the keys they share among the newest `--key-rows` items of each key and
keeps the best `--candidates` as the service's query does, confirms them with
`best_story`, and joins the best story or starts a new one.

- ECB+: 982 articles from many outlets in 86 same-event clusters, two clusters per topic
  about different events of one kind (the hard negatives). The provider is the source
  URL's domain (none for half the articles); no receive times, so no window.
- Reuters: 273 groups of re-filed versions plus the 1,500 other stories as distractors,
  all of provider Reuters. The 95 distractors that are items of a versions group are left
  out, and the distractors' own re-sends (same headline, or word 6-gram Jaccard >= 0.5,
  the rule the versions were grouped by: 19 pairs) count as one story. Receive times are
  the stories' dates; for versions not among the 1,500, estimated from the item number,
  which rises with time (interpolated: median error 3 minutes, 95% within 1.3 hours).

ECB+ is also run on each half of its 43 topics (shuffled with `--split-seed`), each half a
feed of its own: the rules were chosen looking at the first half ("tune"), and the second
("held out") says whether they hold on events not looked at.

Prints, per corpus: pairwise and B-cubed precision, recall and F1; stories made against
true clusters; candidates checked per item; median milliseconds per item (evidence, and
lookup plus matching); the candidate recall of the band keys alone; the pairs of stories
a new item bridged and the merges offered the desk of them (`story_merges.one_story`), each
counted once a pair as the desk sees them, with how many are wrong and the figures if the
desk took every one at the end of the feed (for each half of ECB+ too); the same feed
with the desk taking each offer the moment it is made, so later items see the merged
story (`take_at_once`); and pairwise figures with every provider unknown. `--ceiling`
adds ECB+ clustered with every item known at once (average linkage over every pair's
`match` score): what the score allows, against what a feed makes of it.
"""
from __future__ import annotations

import argparse
import csv
import glob
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
from urllib.parse import urlparse

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.grouping_revisits import Revisit, Stories, best_on_average, revisit_stories  # noqa: E402
from stories.analysis import grouping  # noqa: E402
from stories.analysis.grouping import ItemEvidence, band_keys, best_story, evidence_of, match  # noqa: E402
from stories.analysis.story_merges import one_story  # noqa: E402
from stories.analysis.story_revisits import REVISIT_BAR  # noqa: E402
from stories.analysis.text import fold, words  # noqa: E402

CORPUS = REPO.parent / "shared" / "corpus"


@dataclass(frozen=True)
class Item:
    id: str
    truth: str
    headline: str
    text: str
    received_at: float | None
    provider: str | None


def ecbplus() -> list[Item]:
    with open(CORPUS / "ecbplus" / "index.csv", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return [Item(r["doc"], r["cluster"], "", _read(CORPUS / "ecbplus" / "text" / r["topic"] / f"{r['doc']}.txt"),
                 None, urlparse(r["source_url"]).netloc.removeprefix("www.") or None) for r in rows]


def reuters() -> list[Item]:
    articles = json.loads((CORPUS / "reuters" / "articles.json").read_text(encoding="utf-8"))
    dated = {str(a["id"]): _timestamp(a["date"]) for a in articles}
    ids, times = zip(*sorted((int(k), v) for k, v in dated.items()))
    items = []
    for path in sorted(glob.glob(str(CORPUS / "reuters" / "versions" / "g*" / "*.txt"))):
        headline, _, body = _read(Path(path)).partition("\n\n")
        number = Path(path).stem.split("-", 1)[1]
        when = dated.get(number, float(np.interp(int(number), ids, times)))
        items.append(Item(number, Path(path).parent.name, headline.strip(), body, when, "Reuters"))
    versions = {item.id for item in items}
    items += [Item(str(a["id"]), f"a{a['id']}", a["headline"], "\n".join(a["paragraphs"]), dated[str(a["id"])],
                   "Reuters") for a in articles if str(a["id"]) not in versions]
    return _with_resends_joined(items)


def _with_resends_joined(items: list[Item]) -> list[Item]:
    """Distractors that re-send another item (same headline, or word 6-grams Jaccard
    >= 0.5) take that item's truth label: they are the same story."""
    shingles = [{hash(" ".join(w[i:i + 6])) for w in [words(fold(it.text))] for i in range(len(w) - 5)}
                for it in items]
    label = {i: it.truth for i, it in enumerate(items)}
    posting: dict[object, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        shared: Counter[int] = Counter()
        for s in shingles[i]:
            shared.update(posting[s])
        same = [j for j, n in shared.items() if n / len(shingles[i] | shingles[j]) >= 0.5]
        same += posting[("headline", fold(it.headline))]
        for j in same:
            if it.truth.startswith("a") or items[j].truth.startswith("a"):
                old, new = (label[i], label[j]) if it.truth.startswith("a") else (label[j], label[i])
                label = {k: new if v == old else v for k, v in label.items()}
        for s in shingles[i]:
            posting[s].append(i)
        posting[("headline", fold(it.headline))].append(i)
    return [replace(it, truth=label[i]) for i, it in enumerate(items)]


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _timestamp(text: str) -> float:
    moment = datetime.strptime(text.strip().split(".")[0], "%d-%b-%Y %H:%M:%S")
    return moment.replace(tzinfo=UTC).timestamp()


@dataclass
class Feed:
    """The simulated feed: stories made, what it cost, and the merges offered to the desk."""

    story: dict[int, int]
    checked: list[int]
    ms: list[float]
    offers: list[tuple[int, int]] = field(default_factory=list)  # (story joined, other story) bridged
    offers_made: list[tuple[int, int]] = field(default_factory=list)  # those passing story_merges.one_story
    # With offers taken as made: each offer's two stories' items at that moment, and
    # whether it was taken (False: it lapsed, its story merged away by an earlier one).
    taken: list[tuple[tuple[int, ...], tuple[int, ...], bool]] = field(default_factory=list)
    revisits: Stories | None = None  # with `revisit`: what grouping's revisits changed


def run_feed(evidence: list[ItemEvidence], seed: int, take_offers: bool = False,
             revisit: Revisit | None = None) -> Feed:
    """The feed in the order `seed` shuffles it. With `take_offers`, the desk takes each
    merge offered the moment it is made (`take_at_once`): later items see the merged story.
    With `revisit`, grouping revisits its stories after each item (`grouping_revisits`):
    in this feed no editor touches any story, so every story is grouping's own."""
    order = list(range(len(evidence)))
    random.Random(seed).shuffle(order)
    table: dict[str, list[int]] = defaultdict(list)  # band key -> items, as the indexed table
    arrived: dict[int, int] = {}  # item -> its place in the feed, as the table's ids
    feed = Feed({}, [], [])
    members: dict[int, list[int]] = defaultdict(list)  # story -> its items, as they came
    if revisit:
        feed.revisits = Stories(feed.story, members, arrived)
    for i in order:
        started = time.perf_counter()
        keys = band_keys(evidence[i])
        candidates = ranked(Counter(j for key in keys for j in newest(table[key])), arrived)
        arrived[i] = len(arrived)
        found = best_story(evidence[i], ((feed.story[j], evidence[j]) for j in candidates))
        feed.story[i] = found[0] if found else i
        if found and feed.revisits and revisit and revisit.move:
            feed.story[i] = best_on_average(evidence, feed.revisits, i, candidates, found[0], revisit.items)
        members[feed.story[i]].append(i)
        if found:  # as stories.services.grouping._also_matched: other stories it matches, best first
            also = _also_matched(evidence, i, candidates, feed.story, found[0])
            feed.offers += [(found[0], other) for other in sorted(also)]
            made = [other for other in also if one_story(
                [evidence[j] for j in members[found[0]]], [evidence[j] for j in members[other]])]
            feed.offers_made += [(found[0], other) for other in sorted(made)]
            if take_offers:
                take_at_once(feed, members, arrived, found[0], made)
        if feed.revisits and revisit:
            revisit_stories(revisit, evidence, feed.revisits, i, candidates)
        for key in keys:
            table[key].append(i)
        feed.ms.append((time.perf_counter() - started) * 1000)
        feed.checked.append(len(candidates))
    return feed


def _also_matched(evidence: list[ItemEvidence], i: int, candidates: list[int], story: dict[int, int],
                  joined: int) -> list[int]:
    """The stories other than the one joined that item `i` matches, the best match first."""
    best: dict[int, float] = {}
    for j in candidates:
        found = match(evidence[i], evidence[j])
        if story[j] != joined and found.same_story and found.score > best.get(story[j], -1.0):
            best[story[j]] = found.score
    return sorted(best, key=lambda other: -best[other])


def take_at_once(feed: Feed, members: dict[int, list[int]], arrived: dict[int, int], joined: int,
                 others: list[int]) -> None:
    """The desk takes each offer an item made, in the order the service stores them, as
    `merge_offers.merge_offered` merges: into the older story (no article has saved
    versions here), every source of the other moved into it, so later items find its items
    under the one story, and its newest items (by arrival, as fingerprint ids) speak for it
    in later offers. An offer naming a story an earlier one merged away has lapsed
    (`regroup.close_merge_offers`)."""
    made = [(tuple(members[joined]), tuple(members[other])) for other in others]  # as offered
    gone: set[int] = set()
    for other, (ours, theirs) in zip(others, made):
        feed.taken.append((ours, theirs, not {joined, other} & gone))
        if {joined, other} & gone:
            continue
        story, into = sorted((joined, other), key=lambda each: -arrived[each])  # the newer goes
        for j in members[story]:
            feed.story[j] = into
        members[into] = sorted(members[into] + members.pop(story), key=arrived.__getitem__)
        gone.add(story)


REVISIT: Revisit | None = None  # --revisit: grouping revisits its stories after each item
CANDIDATES = grouping.CANDIDATES  # --candidates; 0 for every item sharing a key
KEY_ROWS = 50  # --key-rows: stories.services.grouping.KEY_ROWS (not imported: no Django here)


def newest(items: list[int]) -> list[int]:
    """The newest KEY_ROWS items of a key, as the service's query reads them; 0: all."""
    return items[-KEY_ROWS:] if KEY_ROWS else items


def ranked(shared: Counter[int], arrived: dict[int, int]) -> list[int]:
    """The items sharing a band key, most keys shared first, the newest first among
    equals, the best CANDIDATES of them: as the service's query ranks them."""
    best = sorted(shared, key=lambda j: (-shared[j], -arrived[j]))
    return best[:CANDIDATES] if CANDIDATES else best


def pairwise(truth: list[str], made: list[int]) -> tuple[float, float, float]:
    def pairs(labels: list) -> int:
        return sum(n * (n - 1) // 2 for n in Counter(labels).values())
    both, made_pairs, true_pairs = pairs(list(zip(truth, made))), pairs(made), pairs(truth)
    return _prf(both / made_pairs if made_pairs else 1.0, both / true_pairs if true_pairs else 1.0)


def bcubed(truth: list[str], made: list[int]) -> tuple[float, float, float]:
    both, by_made, by_truth = Counter(zip(truth, made)), Counter(made), Counter(truth)
    precision = statistics.fmean(both[t, m] / by_made[m] for t, m in zip(truth, made))
    recall = statistics.fmean(both[t, m] / by_truth[t] for t, m in zip(truth, made))
    return _prf(precision, recall)


def _prf(p: float, r: float) -> tuple[float, float, float]:
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def candidate_recall(items: list[Item], evidence: list[ItemEvidence]) -> tuple[int, int, int, int]:
    """True pairs; how many share a band key; how many `match` accepts; how many of
    those share a band key."""
    keys = [set(band_keys(e)) for e in evidence]
    by_truth: dict[str, list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        by_truth[it.truth].append(i)
    pairs = [p for members in by_truth.values() for p in combinations(members, 2)]
    found = {p for p in pairs if keys[p[0]] & keys[p[1]]}
    accepted = {p for p in pairs if match(evidence[p[1]], evidence[p[0]]).same_story}
    return len(pairs), len(found), len(accepted), len(accepted & found)


def stories_made(evidence: list[ItemEvidence], seed: int) -> list[int]:
    story = run_feed(evidence, seed).story
    return [story[i] for i in range(len(evidence))]


def report_halves(items: list[Item], seed: int, split_seed: int) -> None:
    """Pairwise and B-cubed figures of a feed of each half of the ECB+ topics alone, and
    of the merges it offers."""
    topics = sorted({it.truth.split("_")[0] for it in items}, key=int)
    random.Random(split_seed).shuffle(topics)
    for name, half in (("tune", set(topics[: len(topics) // 2])), ("held out", set(topics[len(topics) // 2 :]))):
        chosen = [it for it in items if it.truth.split("_")[0] in half]
        evidence = [evidence_of(it.headline, it.text, it.received_at, it.provider) for it in chosen]
        feed = run_feed(evidence, seed)
        truth, made = [it.truth for it in chosen], [feed.story[i] for i in range(len(chosen))]
        print(f"  {name} half (split seed {split_seed}, {len(half)} topics, {len(chosen)} items): "
              "pairwise P {:.3f} R {:.3f} F1 {:.3f}".format(*pairwise(truth, made))
              + f", B-cubed F1 {bcubed(truth, made)[2]:.3f}")
        print_offers(truth, feed, indent="    ")
        print_taken(truth, run_feed(evidence, seed, take_offers=True), indent="    ")
        if REVISIT:
            print_revisits(truth, run_feed(evidence, seed, revisit=REVISIT), indent="    ")


def report(name: str, items: list[Item], seed: int, sweep: bool, ceiling: bool = False) -> None:
    started = time.perf_counter()
    evidence, evidence_ms = [], []
    for it in items:
        t0 = time.perf_counter()
        evidence.append(evidence_of(it.headline, it.text, it.received_at, it.provider))
        evidence_ms.append((time.perf_counter() - t0) * 1000)
    truth = [it.truth for it in items]
    feed = run_feed(evidence, seed)
    made = [feed.story[i] for i in range(len(items))]
    pairs, found, accepted, accepted_found = candidate_recall(items, evidence)
    print(f"\n{name}: {len(items)} items in {len(set(truth))} true stories")
    print("  pairwise  P {:.3f}  R {:.3f}  F1 {:.3f}".format(*pairwise(truth, made)))
    print("  B-cubed   P {:.3f}  R {:.3f}  F1 {:.3f}".format(*bcubed(truth, made)))
    print(f"  stories made {len(set(made))} (true {len(set(truth))})")
    print(f"  candidates checked per item: mean {statistics.fmean(feed.checked):.1f}, "
          f"median {statistics.median(feed.checked):.0f}, max {max(feed.checked)}")
    print(f"  ms per item (median): evidence {statistics.median(evidence_ms):.2f}, "
          f"lookup and match {statistics.median(feed.ms):.2f}")
    print(f"  band keys retrieve {found}/{pairs} true pairs ({found / pairs:.1%}); of the "
          f"{accepted} true pairs match accepts, {accepted_found} ({accepted_found / max(1, accepted):.1%})")
    print_offers(truth, feed)
    print_taken(truth, run_feed(evidence, seed, take_offers=True))
    if REVISIT:
        print_revisits(truth, run_feed(evidence, seed, revisit=REVISIT))
    unknown = stories_made([replace(e, provider=None) for e in evidence], seed)
    print("  with no provider known: pairwise P {:.3f}  R {:.3f}  F1 {:.3f}".format(*pairwise(truth, unknown)))
    if sweep:
        print_sweep(evidence, truth, seed)
    if ceiling:
        print_ceiling(evidence, truth)
    print(f"  ({time.perf_counter() - started:.1f} s)")


def print_offers(truth: list[str], feed: Feed, indent: str = "  ") -> None:
    """The merges offered the desk, and the stories if the desk took every one; before
    them, the same for every bridge (as offers were made before story_merges). Counted as
    the desk sees them, one a pair of stories (the database keeps one offer a pair; a pair
    bridged before but not offered may be offered by a later bridge), with how many of them
    are wrong (the two stories' most common true events differ, as the feed left them) and
    their rate a 100 items."""
    main = _main_events(truth, feed.story)
    for label, offers in (("stories bridged by an item", feed.offers), ("merges offered", feed.offers_made)):
        pairs = {frozenset(pair) for pair in offers}
        wrong = sum(main[one] != main[other] for one, other in pairs)
        taken = _taking(offers, feed.story)
        print(f"{indent}{label} {len(pairs)} ({100 * len(pairs) / len(truth):.1f} a 100 items, {wrong} wrong); "
              "taking every one: pairwise P {:.3f} R {:.3f} F1 {:.3f}, B-cubed F1 {:.3f}".format(
                  *pairwise(truth, taken), bcubed(truth, taken)[2]))


def print_taken(truth: list[str], feed: Feed, indent: str = "  ") -> None:
    """The stories of a feed whose desk took each merge offered the moment it was made
    (`run_feed(take_offers=True)`): the offers made (each pair once: a pair merged is not
    offered again), how many are wrong (the two stories' most common true events differ,
    as they were when it was made) and how many lapsed."""
    wrong = sum(_main_event(truth, ours) != _main_event(truth, theirs) for ours, theirs, _ in feed.taken)
    lapsed = sum(not taken for _, _, taken in feed.taken)
    made = [feed.story[i] for i in range(len(truth))]
    rate = 100 * len(feed.taken) / len(truth)
    print(f"{indent}taking each offer as it is made: {len(feed.taken)} offers ({rate:.1f} a 100 items, {wrong} wrong, "
          f"{lapsed} lapsed): " + "pairwise P {:.3f} R {:.3f} F1 {:.3f}, B-cubed F1 {:.3f}".format(
              *pairwise(truth, made), bcubed(truth, made)[2]))


def print_revisits(truth: list[str], feed: Feed, indent: str = "  ") -> None:
    """The stories of a feed in which grouping revisits its own (`--revisit`), with what the
    revisits changed: merges (clusters gathering items of two stories or more; wrong when
    those stories' most common true events differ, as they stood), stories split, items
    moved, items not revisited (`story_revisits.may_regroup`; none with `--revisit-always`),
    and the milliseconds an item took, the revisit included."""
    assert feed.revisits is not None
    made = [feed.story[i] for i in range(len(truth))]
    merges = feed.revisits.merges
    wrong = sum(len({_main_event(truth, part) for part in parts}) > 1 for parts in merges)
    figures = "pairwise P {:.3f} R {:.3f} F1 {:.3f}, B-cubed F1 {:.3f}".format(*pairwise(truth, made),
                                                                          bcubed(truth, made)[2])
    print(f"{indent}grouping revisiting its stories ({REVISIT.kind}, bar {REVISIT.bar}): {figures}"
          + f", stories made {len(set(made))}; merges {len(merges)} ({wrong} wrong), {feed.revisits.splits} split, "
          f"{feed.revisits.moved} items moved, {feed.revisits.passed_over} items passed over; "
          f"ms an item: median {statistics.median(feed.ms):.2f}, "
          f"mean {statistics.fmean(feed.ms):.2f}, max {max(feed.ms):.1f}")


def _main_event(truth: list[str], items: tuple[int, ...]) -> str:
    """The most common true event of a story's items."""
    return Counter(truth[i] for i in items).most_common(1)[0][0]


def _main_events(truth: list[str], story: dict[int, int]) -> dict[int, str]:
    """Each story's most common true event."""
    events: dict[int, Counter[str]] = defaultdict(Counter)
    for i, made in story.items():
        events[made][truth[i]] += 1
    return {made: counted.most_common(1)[0][0] for made, counted in events.items()}


def _taking(offers: list[tuple[int, int]], story: dict[int, int]) -> list[int]:
    merged = {each: each for each in story.values()}

    def root(each: int) -> int:
        while merged[each] != each:
            each = merged[each]
        return each

    for joined, other in offers:
        merged[root(other)] = root(joined)
    return [root(story[i]) for i in range(len(story))]


def print_ceiling(evidence: list[ItemEvidence], truth: list[str]) -> None:
    """What the same score gives with every item known at once: average-linkage clustering
    over every pair's `match` score (merging the two groups of the highest mean score first,
    down to a bar), at the bar giving the best B-cubed F1 with pairwise P 0.95 or more (a
    bar chosen knowing the truth: a ceiling, not a result). A feed joins items as they come
    and keeps its stories; this says how much of the gap to the truth is the score's."""
    n = len(evidence)
    scores = np.zeros((n, n))
    for i in range(n):
        for j in range(i + 1, n):
            scores[i, j] = scores[j, i] = match(evidence[i], evidence[j]).score
    best = None
    for bar in (0.2, 0.21, 0.22, 0.225, 0.23, 0.24, 0.25, 0.27, 0.3):
        made = average_linkage(scores, bar)
        p, r, _ = pairwise(truth, made)
        b3 = bcubed(truth, made)[2]
        if p >= 0.95 and (best is None or b3 > best[3]):
            best = (bar, p, r, b3)
    if best:
        print("  ceiling, every item at once (average linkage at {}): pairwise P {:.3f} R {:.3f}, "
              "B-cubed F1 {:.3f}".format(*best))


def average_linkage(scores: np.ndarray, bar: float) -> list[int]:
    """Groups of items merged best first while two groups' mean pair score is at least `bar`."""
    n = len(scores)
    mean = scores.astype(float).copy()
    np.fill_diagonal(mean, -1.0)
    size = np.ones(n)
    group = list(range(n))
    while True:
        a, b = divmod(int(mean.argmax()), n)
        if mean[a, b] < bar:
            break
        row = (mean[a] * size[a] + mean[b] * size[b]) / (size[a] + size[b])  # Lance-Williams
        mean[a], mean[:, a] = row, row
        mean[a, a] = -1.0
        mean[b], mean[:, b] = -1.0, -1.0
        size[a] += size[b]
        group = [a if g == b else g for g in group]
    return group


def print_sweep(evidence: list[ItemEvidence], truth: list[str], seed: int) -> None:
    for setting, values in (("THRESHOLD", (0.25, 0.28, 0.3, 0.32, 0.35, 0.4)),
                            ("SAME_PROVIDER_THRESHOLD", (0.5, 0.55, 0.6, 0.65, 0.7))):
        original = getattr(grouping, setting)
        for value in values:
            setattr(grouping, setting, value)
            print("  {} {:.2f}: pairwise P {:.3f} R {:.3f} F1 {:.3f}".format(
                setting, value, *pairwise(truth, stories_made(evidence, seed))))
        setattr(grouping, setting, original)


def main() -> None:
    global CANDIDATES, KEY_ROWS, REVISIT
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--split-seed", type=int, default=1, help="shuffles the ECB+ topics into two halves")
    parser.add_argument("--sweep", action="store_true", help="also print pairwise figures at other thresholds")
    parser.add_argument("--ceiling", action="store_true",
                        help="also cluster ECB+ with every item known at once (about 20 s more)")
    parser.add_argument("--candidates", type=int, default=grouping.CANDIDATES,
                        help=f"items scored per new one, ranked by band keys shared (default "
                             f"{grouping.CANDIDATES}; 0: every item sharing a key)")  # fmt: skip
    parser.add_argument("--key-rows", type=int, default=KEY_ROWS,
                        help=f"the newest items read of each band key (default {KEY_ROWS}; 0: all)")  # fmt: skip
    parser.add_argument("--revisit", choices=["recluster", "merge"],
                        help="also run each feed with grouping revisiting its stories (grouping_revisits.py)")
    parser.add_argument("--revisit-bar", type=float, default=REVISIT_BAR, help=f"(default {REVISIT_BAR})")
    parser.add_argument("--revisit-always", action="store_true",
                        help="revisit after every item, also one that can change nothing (story_revisits.may_regroup)")
    args = parser.parse_args()
    CANDIDATES, KEY_ROWS = args.candidates, args.key_rows
    REVISIT = Revisit(kind=args.revisit, bar=args.revisit_bar, always=args.revisit_always) if args.revisit else None
    print(f"candidates scored per item: {CANDIDATES or 'all sharing a key'}; "
          f"items read of a key: {KEY_ROWS or 'all'}")  # fmt: skip
    print(f"grouping.THRESHOLD {grouping.THRESHOLD}, SAME_PROVIDER_THRESHOLD {grouping.SAME_PROVIDER_THRESHOLD}, "
          f"window {grouping.WINDOW_HOURS} h, {2 * grouping.N_BANDS} band keys an item; feed order seed {args.seed}")
    report("ECB+", ecbplus(), args.seed, args.sweep, args.ceiling)
    report_halves(ecbplus(), args.seed, args.split_seed)
    report("Reuters versions + distractors", reuters(), args.seed, args.sweep)


if __name__ == "__main__":
    main()
