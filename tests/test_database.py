from django.db import connection


def test_it_runs_on_postgresql():
    """The suite's promise: real PostgreSQL, never a silent SQLite fallback."""
    assert connection.vendor == "postgresql", "run the tests with `make test` (DATABASE_URL unset?)"
