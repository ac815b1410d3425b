"""How the inbox holds up as the archive grows: its first page, filters, search and a
deep page, at 10,000 to 100,000 stored items.

    .venv/bin/python benchmarks/inbox_scale.py [--items 10000 100000] [--runs 9] [--explain] [--keep]

Each size is built in a throwaway PostgreSQL database, `newsroom_bench_inbox_<items>` on
the server of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/newsroom), dropped
first and at the end unless `--keep` (then a later run with the same size reuses it).
The archive is loaded with COPY, not through the ingest service (an hour at 100,000):
the rows are what the app stores. Items are real Reuters stories read from
../shared/corpus (never copied into the repository), one to four providers' sources a
story, some re-filed; a fifth of the stories have an article in some state of review,
half of the rest merged or read; each story's analysis is a 20 kB JSON as the engine's
are. `ANALYZE` runs after the load, as the README's deployment section says to do after
a bulk ingest.

Each request goes through Django's test client (view, template and all) as a logged-in
editor; the figures are medians over `--runs`, of the whole request and of the time
the database took (the queries' own timings), with the machine's load beside them.
`--explain` prints PostgreSQL's EXPLAIN ANALYZE of every query of the first page and of
the search.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import os
import random
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "reuters" / "articles.json"
SERVER_URL = os.environ.get("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/newsroom")
PROVIDERS = ["Agence One", "Wire Two", "Press Three", "Service Four", "Bureau Five", "Desk Six"]
STATUSES = ["draft", "in_review", "approved", "published"]
EDITOR = "bench-editor"
SEARCHES = ["oil prices", "central bank", "Tokyo"]


def database_url(name: str) -> str:
    return urlsplit(SERVER_URL)._replace(path=f"/{name}").geturl()


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        return admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def recreate_database(name: str, *, create: bool = True) -> None:
    import psycopg

    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        if create:
            admin.execute(f'CREATE DATABASE "{name}"')


def set_up_django(name: str) -> None:
    os.environ.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        DATABASE_URL=database_url(name),
        DEBUG="0",
        ALLOWED_HOSTS="testserver",
        SECRET_KEY="benchmark-only-" + "x" * 40,
    )
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    logging.getLogger("newsroom.requests").setLevel(logging.WARNING)  # one line a request


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


# ---- The archive ---------------------------------------------------------------------------


def copy_rows(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    """COPY rows into a table (psycopg 3's copy, many times faster than INSERT)."""
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def build_archive(items: int, seed: int = 7) -> None:
    """`items` source versions in stories of one to four sources, and what the desk keeps
    beside them: analyses, articles and their versions, readings, merged stories."""
    from django.contrib.auth.models import Group, User
    from django.db import connection

    from stories import roles

    random.seed(seed)
    articles = json.loads(CORPUS.read_text(encoding="utf-8"))
    editor = User.objects.create_user(EDITOR, password="bench-pass-1")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))
    start = datetime(2025, 1, 1, tzinfo=UTC)
    filler = {"paragraphs": ["x" * 200] * 90}  # an analysis's size, about 20 kB of JSON
    with connection.cursor() as cursor:
        raw = cursor.cursor
        copy_rows(
            raw,
            "stories_provider",
            ["id", "name", "preferred", "created_at"],
            [(n + 1, name, False, start) for n, name in enumerate(PROVIDERS)],
        )
        stories, sources, versions, analyses, readings = [], [], [], [], []
        articles_rows, article_versions = [], []
        story_id = source_id = version_id = 0
        while version_id < items:
            story_id += 1
            corpus_story = articles[story_id % len(articles)]
            received = start + timedelta(minutes=story_id * 7 + random.randint(0, 5))
            merged = story_id > 1 and random.random() < 0.02
            stories.append(
                (
                    story_id,
                    corpus_story["headline"][:300],
                    received,
                    received,
                    story_id if not merged else None,
                    story_id - 1 if merged else None,
                )
            )
            analyses.append(
                (
                    story_id,
                    hashlib.sha256(f"a{story_id}".encode()).hexdigest(),
                    story_id,
                    json.dumps(filler),
                    random.randint(0, 3),
                    random.randint(0, 4),
                    received,
                )
            )
            for _source in range(random.randint(1, 4)):
                source_id += 1
                provider = random.randint(1, len(PROVIDERS))
                sources.append(
                    (source_id, story_id, provider, f"item-{source_id}", corpus_story["headline"][:300], received, "")
                )
                for number in range(1, 2 + (random.random() < 0.2)):
                    version_id += 1
                    paragraphs = corpus_story["paragraphs"][:]
                    random.shuffle(paragraphs)
                    text = corpus_story["headline"] + "\n\n" + "\n\n".join(paragraphs) + f"\n\n(item {version_id})\n"
                    data = text.encode()
                    versions.append(
                        (
                            version_id,
                            source_id,
                            number,
                            data,
                            f"item-{version_id}.txt",
                            hashlib.sha256(data).hexdigest(),
                            len(data),
                            "utf-8",
                            "text",
                            text,
                            received,
                        )
                    )
            if not merged and random.random() < 0.2:
                status = random.choice(STATUSES)
                published = status == "published"
                articles_rows.append((story_id, story_id, status, published, received))
                paragraphs = [
                    {
                        "text": "A paragraph.",
                        "sources": [
                            {"source": source_id, "version": version_id, "block": 0, "paragraph": 0, "provider": "x"}
                        ],
                    }
                ]
                article_versions.append(
                    (
                        story_id,
                        story_id,
                        1,
                        corpus_story["headline"][:300],
                        "A paragraph.",
                        json.dumps(paragraphs),
                        received,
                        editor.pk,
                    )
                )
            if not merged and random.random() < 0.5:
                readings.append((editor.pk, story_id, received + timedelta(minutes=random.choice([-1, 1]))))
        copy_rows(
            raw,
            "stories_story",
            ["id", "headline", "created_at", "last_received_at", "analysis_id", "merged_into_id"],
            [row[:4] + (None, row[5]) for row in stories],
        )
        copy_rows(
            raw,
            "stories_source",
            ["id", "story_id", "provider_id", "item_id", "headline", "created_at", "grouping_note"],
            sources,
        )
        copy_rows(
            raw,
            "stories_sourceversion",
            [
                "id",
                "source_id",
                "number",
                "original",
                "original_name",
                "sha256",
                "size",
                "encoding",
                "copy_format",
                "text",
                "received_at",
            ],
            versions,
        )
        copy_rows(
            raw,
            "stories_analysis",
            ["id", "key", "story_id", "result", "repeat_count", "conflict_count", "created_at"],
            analyses,
        )
        cursor.execute("UPDATE stories_story SET analysis_id = id")
        copy_rows(
            raw,
            "stories_article",
            ["id", "story_id", "status", "review_comment", "withdrawn_reason", "created_at", "updated_at"],
            [(a, s, st, "", "", r, r) for a, s, st, _p, r in articles_rows],
        )
        copy_rows(
            raw,
            "stories_articleversion",
            [
                "id",
                "article_id",
                "number",
                "headline",
                "body",
                "paragraphs",
                "reason",
                "correction_note",
                "created_at",
                "created_by_id",
            ],
            [(i, a, n, h, b, p, "", "", r, u) for i, a, n, h, b, p, r, u in article_versions],
        )
        cursor.execute(
            "UPDATE stories_article SET published_version_id = id, published_at = updated_at,"
            " first_published_at = updated_at WHERE status = 'published'"
        )
        copy_rows(raw, "stories_storyreading", ["user_id", "story_id", "read_at"], readings)
        for table in ("provider", "story", "source", "sourceversion", "analysis", "article", "articleversion"):
            cursor.execute(
                f"SELECT setval(pg_get_serial_sequence('stories_{table}', 'id'), (SELECT max(id) FROM stories_{table}))"
            )


# ---- The measurements ----------------------------------------------------------------------


def scenarios(stories: int) -> dict[str, str]:
    from stories.models import Provider

    provider = Provider.objects.order_by("pk").first()
    deep = max(1, stories // 25 // 2)
    return {
        "first page": "/",
        f"page {deep}": f"/?page={deep}",
        "status: in review": "/?status=in_review",
        "status: no article": "/?status=none",
        "status: published": "/?status=published",
        "provider": f"/?provider={provider.pk}",
        **{f"search “{text}”": f"/?text={text.replace(' ', '+')}" for text in SEARCHES},
        "search, no match": "/?text=zzqqxx",
    }


def measure(client, path: str, runs: int) -> tuple[float, float, int]:
    """Median milliseconds of the request and of its queries, and the number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    totals, database, count = [], [], 0
    for _run in range(runs):
        with CaptureQueriesContext(connection) as queries:
            began = time.perf_counter()
            response = client.get(path, secure=True)
            totals.append((time.perf_counter() - began) * 1000)
        assert response.status_code == 200, (path, response.status_code)
        database.append(sum(float(q["time"]) for q in queries.captured_queries) * 1000)
        count = len(queries.captured_queries)
    return statistics.median(totals), statistics.median(database), count


def explain(client, path: str) -> None:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(path, secure=True)
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT") or "django_session" in sql or "auth_" in sql:
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + sql)
            print("\n" + sql[:300] + ("…" if len(sql) > 300 else ""))
            print("\n".join("    " + row[0] for row in cursor.fetchall()))


def run_size(items: int, runs: int, *, show_plans: bool, keep: bool) -> None:
    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client

    from stories.models import SourceVersion, Story

    name = f"newsroom_bench_inbox_{items}"
    reuse = keep and database_exists(name)
    if not reuse:
        recreate_database(name)
    connection.settings_dict["NAME"] = name
    connection.close()
    began = time.perf_counter()
    migrate()  # a kept database gets this checkout's migrations (its indexes)
    if not reuse:
        build_archive(items)
        print(f"built {items:,} items in {time.perf_counter() - began:.0f} s")
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")  # statistics and the visibility map, as after a bulk ingest
    stored = SourceVersion.objects.count()
    open_stories = Story.objects.filter(merged_into__isnull=True).count()
    client = Client()
    client.force_login(User.objects.get(username=EDITOR))
    client.get("/", secure=True)  # the first request pays for the connection and the template loads
    load = os.getloadavg()[0]
    print(f"\n{stored:,} stored items, {open_stories:,} stories in the inbox (load {load:.2f})")
    print(f"  {'request':<28} {'median ms':>10} {'database ms':>12} {'queries':>8}")
    for label, path in scenarios(open_stories).items():
        total, database, count = measure(client, path, runs)
        print(f"  {label:<28} {total:>10.1f} {database:>12.1f} {count:>8}")
    print(f"  (load after: {os.getloadavg()[0]:.2f})")
    if show_plans:
        explain(client, "/")
        explain(client, f"/?text={SEARCHES[0].replace(' ', '+')}")
    connection.close()
    if not keep:
        recreate_database(name, create=False)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--explain", action="store_true", help="print EXPLAIN ANALYZE of the first page and a search")
    parser.add_argument("--keep", action="store_true", help="keep (and reuse) the built databases")
    args = parser.parse_args()
    set_up_django(f"newsroom_bench_inbox_{args.items[0]}")
    for items in args.items:
        run_size(items, args.runs, show_plans=args.explain, keep=args.keep)


if __name__ == "__main__":
    main()
