"""Settings come from the environment, fail fast on bad values, and pass Django's deploy checks."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from newsroom.settings import env_bool, env_int

REPO = Path(__file__).resolve().parents[1]


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    # The browser tests set DJANGO_ALLOW_ASYNC_UNSAFE in this process; no deployment would.
    unset = ("DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=REPO,
        env={**environment, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_production_configuration_passes_the_deploy_checks():
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING",
        DEBUG="0", SECRET_KEY=secrets.token_urlsafe(50), ALLOWED_HOSTS="news.example.org",
    )
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_the_deploy_checks_refuse_the_development_secret_key():
    result = manage("check", "--deploy", "--fail-level", "WARNING", DEBUG="0", ALLOWED_HOSTS="news.example.org")
    assert result.returncode != 0 and "security.W009" in result.stderr


def test_a_bad_boolean_fails_with_the_variables_name(monkeypatch):
    monkeypatch.setenv("DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be true or false"):
        env_bool("DEBUG", default=False)


@pytest.mark.parametrize("value", ["lots", "-5", "0"])
def test_a_bad_number_fails_with_the_variables_name(monkeypatch, value):
    monkeypatch.setenv("NEWSROOM_MAX_COPY_BYTES", value)
    with pytest.raises(ImproperlyConfigured, match="NEWSROOM_MAX_COPY_BYTES must be"):
        env_int("NEWSROOM_MAX_COPY_BYTES", 10)


@pytest.mark.parametrize("entry", ["newsroom.wsgi", "newsroom.asgi"])
def test_a_server_refuses_to_start_with_debug_off_and_the_development_key(entry):
    environment = {key: value for key, value in os.environ.items() if key not in ("DEBUG", "SECRET_KEY")}
    refused = subprocess.run([sys.executable, "-c", f"import {entry}"], cwd=REPO, env=environment,
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    assert "Refusing to serve with DEBUG off and the development SECRET_KEY" in refused.stderr
    for allowed in ({"DEBUG": "1"}, {"SECRET_KEY": secrets.token_urlsafe(50)}):
        started = subprocess.run([sys.executable, "-c", f"import {entry}"], cwd=REPO, env={**environment, **allowed},
                                 capture_output=True, text=True, timeout=60)
        assert started.returncode == 0, started.stderr
