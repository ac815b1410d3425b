import pytest
from django.db import connection


def test_it_runs_on_postgresql():
    """The suite's promise: real PostgreSQL, never a silent SQLite fallback."""
    assert connection.vendor == "postgresql", "run the tests with `make test` (DATABASE_URL unset?)"


@pytest.mark.django_db
def test_the_apps_connections_run_without_jit():
    """JIT compiling once took 1.3 of a 1.5 s inbox search (README: Deploying)."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
