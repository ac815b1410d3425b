"""Make sure the PostgreSQL of DATABASE_URL answers, and that its database exists.

Used by `make test`. When the server does not answer and a local Debian cluster is
installed, it is started (pg_ctlcluster). Exits non-zero with a message saying what to do
when PostgreSQL cannot be reached.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import dj_database_url
import psycopg
from psycopg import sql

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/newsroom"


def connect(config: dj_database_url.DBConfig, dbname: str) -> psycopg.Connection:
    return psycopg.connect(
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        dbname=dbname,
        connect_timeout=3,
        autocommit=True,
    )


def start_local_clusters() -> None:
    if not shutil.which("pg_lsclusters"):
        return
    listing = subprocess.run(["pg_lsclusters", "--no-header"], capture_output=True, text=True).stdout
    for line in listing.splitlines():
        version, cluster, _port, status, *_ = line.split()
        if status != "online":
            print(f"starting PostgreSQL cluster {version}/{cluster}")
            subprocess.run(
                ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "start"], check=False
            )


def wait_for_server(config: dj_database_url.DBConfig, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while True:
        try:
            connect(config, "postgres").close()
            return True
        except psycopg.OperationalError:
            if time.monotonic() > deadline:
                return False
            time.sleep(0.5)


def main() -> int:
    url = os.environ.get("DATABASE_URL") or DEFAULT_URL
    config = dj_database_url.parse(url)
    if not wait_for_server(config, 1):
        start_local_clusters()
        if not wait_for_server(config, 30):
            print(
                f"PostgreSQL at {config['HOST']}:{config['PORT']} does not answer. Start it, or set "
                "DATABASE_URL to a server that runs.",
                file=sys.stderr,
            )
            return 1
    with connect(config, "postgres") as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"created database {config['NAME']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
