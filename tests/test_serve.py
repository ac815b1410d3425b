"""The desk as `make serve` runs it: gunicorn, the production settings (DEBUG off), static
files collected and served by whitenoise, against the test database on PostgreSQL.

Each test talks HTTP to a real gunicorn process, as a browser or a load balancer would.
"""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from django.db import connection
from django.utils import timezone

REPO = Path(__file__).resolve().parents[1]
GUNICORN = Path(sys.executable).parent / "gunicorn"
HTTPS = {"X-Forwarded-Proto": "https"}  # what the TLS proxy in front of the desk adds

pytestmark = pytest.mark.django_db(transaction=True)


def production_env(**extra: str) -> dict[str, str]:
    settings = connection.settings_dict
    database = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    unset = ("DEBUG", "DJANGO_ALLOW_ASYNC_UNSAFE")
    env = {key: value for key, value in os.environ.items() if key not in unset}
    return {**env, "DJANGO_SETTINGS_MODULE": "newsroom.production", "DATABASE_URL": database,
            "SECRET_KEY": secrets.token_urlsafe(50), "ALLOWED_HOSTS": "127.0.0.1", "BEHIND_TLS_PROXY": "1",
            **extra}


@pytest.fixture(scope="module")
def static_root(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("static")
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "newsroom.production", "SECRET_KEY": secrets.token_urlsafe(50),
           "ALLOWED_HOSTS": "127.0.0.1", "STATIC_ROOT": str(root)}
    env.pop("DEBUG", None)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=REPO, env=env,
                   check=True, timeout=120)
    return root


@pytest.fixture
def server(static_root) -> Iterator[int]:
    """gunicorn on a free port with the production settings; stopped after the test."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = production_env(STATIC_ROOT=str(static_root))
    process = subprocess.Popen([str(GUNICORN), "newsroom.wsgi:application", "-b", f"127.0.0.1:{port}", "-w", "2"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 60
        while get(port, "/healthz")[0] == 0:
            assert process.poll() is None, process.stdout.read() if process.stdout else "gunicorn stopped"
            assert time.monotonic() < deadline, "gunicorn did not answer within 60 s"
            time.sleep(0.2)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def get(port: int, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """(status, headers with lower-case names, body); status 0 while nothing listens."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    except OSError:
        return 0, {}, b""
    finally:
        conn.close()


def test_every_page_gets_its_css_and_javascript_under_hashed_names_cached_for_ever(server):
    status, _, page = get(server, "/accounts/login/", HTTPS)
    assert status == 200
    assets = re.findall(rb'(?:href|src)="(/static/[^"]+\.(?:css|js))"', page)
    assert any(a.endswith(b".css") for a in assets) and any(a.endswith(b".js") for a in assets)
    for asset in assets:
        assert re.search(rb"\.[0-9a-f]{12}\.(?:css|js)$", asset), asset  # a hashed name
        status, headers, body = get(server, asset.decode(), {**HTTPS, "Accept-Encoding": "gzip"})
        assert status == 200 and body, asset
        assert "immutable" in headers["cache-control"] and "max-age=315360000" in headers["cache-control"]
        assert headers.get("content-encoding") == "gzip"


def test_pages_carry_the_security_headers_and_plain_http_is_sent_to_https(server):
    status, headers, _ = get(server, "/accounts/login/", HTTPS)
    assert status == 200
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "same-origin"
    assert headers["strict-transport-security"].startswith("max-age=31536000")
    assert "secure" in headers["set-cookie"].lower()
    status, headers, _ = get(server, "/accounts/login/")
    assert status == 301 and headers["location"] == f"https://127.0.0.1:{server}/accounts/login/"


def test_a_huge_body_from_a_visitor_is_refused_before_it_is_read(server):
    declared = 150 * 1024 * 1024
    with socket.create_connection(("127.0.0.1", server), timeout=10) as conn:
        conn.sendall(f"POST /accounts/login/ HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Forwarded-Proto: https\r\n"
                     f"Content-Type: multipart/form-data; boundary=x\r\nContent-Length: {declared}\r\n\r\n".encode()
                     + b"--x\r\n" * 100)
        received = b""
        while chunk := conn.recv(4096):  # until the server closes: it never waits for the body
            received += chunk
    answer = received.decode("latin-1")
    assert answer.startswith("HTTP/1.1 413"), answer[:200]
    assert "150.0 MB" in answer and "Nothing was read or stored" in answer


def test_the_health_check_answers_without_login_over_plain_http(server):
    status, headers, body = get(server, "/healthz")
    assert (status, body) == (200, b'{"status": "ok"}')
    assert "no-cache" in headers["cache-control"]


def test_the_health_check_fails_when_no_worker_takes_the_queue(server):
    from django_tasks_db.models import DBTaskResult

    from stories.tasks import ingest_batch

    ingest_batch.enqueue(0)  # no worker runs in the tests: it waits
    DBTaskResult.objects.update(enqueued_at=timezone.now() - timedelta(hours=1))
    status, _, body = get(server, "/healthz")
    assert status == 503
    assert b'"status": "unavailable"' in body and b"desk_worker" in body


@pytest.mark.parametrize(("unset", "message"), [
    ({"SECRET_KEY": ""}, "Set SECRET_KEY"),
    ({"ALLOWED_HOSTS": ""}, "Set ALLOWED_HOSTS"),
    ({"DEBUG": "1"}, "DEBUG must be off"),
])
def test_the_production_settings_refuse_to_start_without_what_a_deployment_must_set(unset, message):
    env = production_env(**unset)
    result = subprocess.run([sys.executable, "-c", "import django; django.setup()"], cwd=REPO, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0 and message in result.stderr
