"""Many people at the same moment: threads released together against the real database."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from django.db import connection

T = TypeVar("T")


def all_at_once(count: int, act: Callable[[int], T]) -> list[T | None]:
    """Run `act(n)` for n in range(count) in threads released together; what each returned.
    Each thread closes its own database connection when done."""
    barrier, answers = threading.Barrier(count), [None] * count

    def run(n: int) -> None:
        try:
            barrier.wait()
            answers[n] = act(n)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers
