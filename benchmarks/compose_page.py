"""How long the compose page takes for a story of two long sources, beside the compare page.

    .venv/bin/python benchmarks/compose_page.py [--words 16000] [--runs 5]

Two versions of about `--words` words each (so 32,000 words in all by default), built from
real Reuters paragraphs read from ../shared/corpus (never copied into the repository) and
rewritten as `compare_page.py` rewrites them (reworded, a paragraph moved, one dropped, one
added, numbers changed, the headline and a run of paragraphs repeated). The story's
analysis is stored first; then the median of `--runs` GETs of the compose page (an editor
opening the draft: every paragraph with the passages it may be swapped for) and of the
compare page, in the same process, with the machine's load printed. Once the compose page
rebuilt the passage index for every paragraph and took seconds here; a WSGI server's 30 s
timeout is the limit it must stay far below.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

from benchmarks.compare_page import (  # noqa: E402
    editor_client,
    make_story,
    queries_of,
    reuters_story,
    rewrite,
    set_up_database,
)


def median_ms(client, url: str, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        response = client.get(url, secure=True)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--words", type=int, default=16000, help="words in each source, about")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    connection, old_name = set_up_database()
    try:
        from django.urls import reverse

        base = reuters_story(args.words, random.Random(32))
        sources = [rewrite(base, random.Random(n)) for n in range(2)]
        story = make_story(sources)
        words = [len(" ".join(source).split()) for source in sources]
        client = editor_client()
        compare_url, compose_url = story.get_absolute_url(), reverse("stories:compose", args=[story.pk])
        client.get(compare_url, secure=True)  # the analysis was stored at ingest; templates load
        client.get(compose_url, secure=True)  # the editor's draft, made once
        compare = median_ms(client, compare_url, args.runs)
        compose = median_ms(client, compose_url, args.runs)
        paragraphs = sum(1 for source in sources for _ in source)
        print(f"load average {os.getloadavg()[0]:.1f}")
        print(f"2 sources of {words[0]:,} and {words[1]:,} words ({paragraphs} paragraphs), analysis stored")
        print(f"compare page, analysis stored: median {compare:.0f} ms over {args.runs} runs")
        print(f"compose page, draft made:      median {compose:.0f} ms over {args.runs} runs "
              f"({compose / compare:.1f}x the compare page; {queries_of(lambda: client.get(compose_url, secure=True))}"
              f" SQL queries)")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
