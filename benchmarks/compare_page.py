"""How long the server takes to answer the compare page for a story of four ~1,500-word sources.

    .venv/bin/python benchmarks/compare_page.py [--runs 15] [--words 1500] [--reuters] [--profile cold|warm]

Two cases, each the median (and 90th percentile) of `--runs` requests through Django's test
client, as an editor who is logged in:

- cold: the first analysis of these source versions; the stored analyses are deleted
  before each request, so the page runs the text engine and stores its result;
- warm: the analysis is stored; the page reads it and renders.

The four sources are rewrites of one another, generated here from a word list (shared
paragraphs with words changed, a paragraph moved, one dropped, one of its own, the headline
printed twice and a run of paragraphs repeated at the end, as scrapers leave them). With
`--reuters` a second story is built the same way from real Reuters paragraphs read from
../shared/corpus (never copied into the repository).

It runs against a throwaway PostgreSQL database, `test_newsroom_bench` on the server of
DATABASE_URL (default postgres://postgres@127.0.0.1:5432/newsroom), created and destroyed
here; its own name keeps it apart from the test suite's `test_newsroom`, which a test run
may be using at the same moment. `--profile` prints cProfile's top functions for one case.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")

from benchmarks.reuters import load_articles, paragraphs_of_about  # noqa: E402

GOALS_MS = {"cold": 400, "warm": 100}
AGENCIES = ("Agence Alpha", "Bravo Wire", "Charlie Press", "Delta News")
BASE_SHARE = 0.85  # a rewrite adds its repeated headline and run, and a paragraph of its own

# ---- Synthetic wire copy: deterministic, varied enough that passages differ -------------

NAMES = [
    "Maria Okafor", "Tomás Herrera", "Ingrid Sørensen", "Ahmed Rahimi", "Li Wen", "Julia Costa",
    "Pieter de Vries", "Amara Nwosu", "Kenji Sato", "Elena Petrova", "Daniel Mensah", "Sofia Moretti",
]
ROLES = ["the port authority's director", "a council spokeswoman", "the regional governor", "a union leader",
         "the fire chief", "an economist at the central bank", "the transport minister", "a local trader"]
PLACES = ["the harbour district", "Northgate", "the old market", "Riverside", "the ring road", "the east quay",
          "the industrial estate", "the city centre"]
NOUNS = ["workers", "households", "containers", "flights", "schools", "vessels", "shops", "families"]
VERBS = ["evacuated", "closed", "inspected", "moved", "delayed", "reopened", "counted", "compensated"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYNONYMS = {
    "said": "told reporters", "closed": "shut", "moved": "relocated", "delayed": "held up",
    "reopened": "opened again", "workers": "staff", "households": "homes", "vessels": "ships",
    "shops": "stores", "about": "around", "expected": "likely", "officials": "authorities",
}
SENTENCES = [
    "{name}, {role}, said on {day} that {n} {noun} had been {verb} in {place}.",
    "About {n} {noun} were {verb} near {place} by {day} evening, officials said.",
    "\"We have never seen anything like this,\" {name} said, adding that {n} {noun} were expected to be {verb}.",
    "The decision follows weeks of talks between {name} and {role2}, who warned that {place} could not cope.",
    "Figures released on {day} showed {n} {noun} {verb} since the start of the month, up {pct} percent.",
    "{name} told a news conference in {place} that the cost could reach {n} million euros.",
    "Residents of {place} said they had been given little warning before {noun} were {verb}.",
]


def synthetic_story(words: int, rng: random.Random) -> list[str]:
    """A headline, a standfirst and body paragraphs of three to five sentences, ~`words` long."""
    place = rng.choice(PLACES)
    paragraphs = [f"{rng.choice(NOUNS).capitalize()} {rng.choice(VERBS)} in {place} as crisis deepens"]
    count = 0
    while count < words:
        paragraph = " ".join(_sentence(rng) for _ in range(rng.randint(3, 5)))
        paragraphs.append(paragraph)
        count += len(paragraph.split())
    return paragraphs


def _sentence(rng: random.Random) -> str:
    return rng.choice(SENTENCES).format(
        name=rng.choice(NAMES), role=rng.choice(ROLES), role2=rng.choice(ROLES), day=rng.choice(DAYS),
        n=rng.randint(2, 4000), noun=rng.choice(NOUNS), verb=rng.choice(VERBS), place=rng.choice(PLACES),
        pct=rng.randint(2, 60),
    )


def reuters_story(words: int, rng: random.Random) -> list[str]:
    """A headline and real Reuters paragraphs, ~`words` long (from several articles if need be)."""
    articles = sorted(load_articles(), key=lambda a: -len(a["paragraphs"]))
    return paragraphs_of_about(words, articles[rng.randrange(10):])


def rewrite(base: list[str], rng: random.Random) -> list[str]:
    """One agency's version of the story: reworded, reordered, trimmed, with scraper repeats."""
    headline, body = _reword(base[0], rng, 0.3), [_reword(p, rng, 0.15) for p in base[1:]]
    body.pop(rng.randrange(2, len(body)))  # a dropped paragraph
    moved = body.pop(rng.randrange(2, len(body)))
    body.insert(rng.randrange(1, len(body)), moved)  # a moved paragraph
    body.insert(rng.randrange(1, len(body)), _sentence(rng) + " " + _sentence(rng))  # one of its own
    for index in rng.sample(range(len(body)), k=len(body) // 5):  # a changed number here and there
        body[index] = _change_number(body[index], rng)
    run = body[-rng.randint(3, 4):]
    return [headline, headline, *body, *run]


def _reword(paragraph: str, rng: random.Random, rate: float) -> str:
    words = paragraph.split(" ")
    return " ".join(SYNONYMS.get(word, word) if rng.random() < rate * 3 else word for word in words)


def _change_number(paragraph: str, rng: random.Random) -> str:
    words = paragraph.split(" ")
    numbers = [i for i, word in enumerate(words) if word.isdigit()]
    if numbers:
        i = rng.choice(numbers)
        words[i] = str(int(words[i]) + rng.randint(1, 9))
    return " ".join(words)


# ---- Django: a throwaway database, a story of four sources, an editor --------------------


def set_up_database():
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()
    connection.settings_dict.setdefault("TEST", {})["NAME"] = "test_newsroom_bench"
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    return connection, old_name


def make_story(sources: list[list[str]]):
    from stories.models import Provider
    from stories.services.ingest import IncomingCopy, ingest_files

    files = []
    for agency, paragraphs in zip(AGENCIES, sources):
        provider, _ = Provider.objects.get_or_create(name=agency)
        text = "\n".join(paragraphs) + "\n"
        files.append((provider, IncomingCopy(name=f"{agency.split()[0].lower()}.txt", data=text.encode())))
    story = None
    for provider, incoming in files:  # one provider per call, into the story the first one started
        report = ingest_files(files=[incoming], user=None, story=story, provider=provider)
        assert report.count("stored") == 1, [result.message for result in report.results]
        story = report.story
    return story


def editor_client():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group
    from django.test import Client

    from stories import roles

    editor, _ = get_user_model().objects.get_or_create(username="bench-editor")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    client = Client()
    client.force_login(editor)
    return client


def request_page(client, url: str, *, forget_analysis: Callable[[], object] | None = None) -> float:
    """Milliseconds the server takes for one GET of the page (its analysis forgotten first)."""
    if forget_analysis:
        forget_analysis()
    started = time.perf_counter()
    response = client.get(url, secure=True)
    elapsed = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, response.status_code
    assert b'data-status="repeat"' in response.content
    return elapsed


def measure(story, runs: int) -> dict[str, list]:
    from stories.models import Analysis

    client, url = editor_client(), story.get_absolute_url()

    def forget():
        Analysis.objects.filter(story=story).delete()

    request_page(client, url)  # imports, template loading, connection set-up
    cold = [request_page(client, url, forget_analysis=forget) for _ in range(runs)]
    warm = [request_page(client, url) for _ in range(runs)]
    return {"cold": cold, "warm": warm, "queries": [queries_of(lambda: request_page(client, url))]}


def queries_of(work: Callable[[], object]) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        work()
    return len(captured)


def profile(story, case: str, runs: int) -> None:
    from stories.models import Analysis

    client, url = editor_client(), story.get_absolute_url()
    request_page(client, url)
    forget = (lambda: Analysis.objects.filter(story=story).delete()) if case == "cold" else None
    profiler = cProfile.Profile()
    for _ in range(runs):
        if forget:
            forget()
        profiler.enable()
        client.get(url, secure=True)
        profiler.disable()
    print(f"\ncProfile, {case}, {runs} requests, by cumulative time:")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(30)


# ---- Report ----------------------------------------------------------------------------------


def p90(times: list[float]) -> float:
    return statistics.quantiles(times, n=10, method="inclusive")[-1]


def print_table(title: str, words: list[int], times: dict[str, list]) -> None:
    print(f"\n{title}: 4 sources of {', '.join(map(str, words))} words, {len(times['cold'])} runs each")
    print(f"{'case':<6} {'median ms':>10} {'p90 ms':>8} {'goal':>9}  verdict")
    for case in ("cold", "warm"):
        median, goal = statistics.median(times[case]), GOALS_MS[case]
        verdict = "ok" if median < goal else "SLOWER THAN GOAL"
        print(f"{case:<6} {median:>10.1f} {p90(times[case]):>8.1f} {'< ' + str(goal) + ' ms':>9}  {verdict}")
    ratio = statistics.median(times["cold"]) / statistics.median(times["warm"])
    print(f"cold / warm: {ratio:.1f}x; SQL queries in a warm request: {times['queries'][0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--words", type=int, default=1500, help="words in each source, about")
    parser.add_argument("--reuters", action="store_true", help="also a story built from real Reuters copy")
    parser.add_argument("--profile", choices=["cold", "warm"], help="print cProfile's top functions for a case")
    args = parser.parse_args()

    base_words = int(args.words * BASE_SHARE)
    data_sets = [("synthetic", synthetic_story(base_words, random.Random(1500)))]
    if args.reuters:
        data_sets.append(("reuters", reuters_story(base_words, random.Random(1500))))

    connection, old_name = set_up_database()
    try:
        for title, base in data_sets:
            sources = [rewrite(base, random.Random(n)) for n in range(len(AGENCIES))]
            story = make_story(sources)
            words = [len(" ".join(source).split()) for source in sources]
            print_table(title, words, measure(story, args.runs))
            if args.profile:
                profile(story, args.profile, args.runs)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
