"""The garbage collector is paused only while comparisons run, and set back as it was."""

import gc
import threading

import pytest

from stories.analysis import SourceText, compare_sources
from stories.analysis.compare import collector_paused


def test_a_comparison_leaves_the_collector_running():
    assert gc.isenabled()
    compare_sources([SourceText("a", "Ferry sails at noon.\n\nIt carries 40 cars."), SourceText("b", "Ferry sails.")])
    assert gc.isenabled()


def test_the_collector_is_paused_inside_and_back_after_an_error():
    with pytest.raises(ValueError):
        with collector_paused():
            assert not gc.isenabled()
            with collector_paused():  # a comparison inside another (or in another thread)
                pass
            assert not gc.isenabled()  # the inner one ending does not restart it
            raise ValueError("a reading failed")
    assert gc.isenabled()


def test_a_collector_switched_off_by_the_process_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_restarts_when_the_last_of_two_threads_ends():
    inside, release = threading.Event(), threading.Event()

    def compare_slowly() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    other = threading.Thread(target=compare_slowly)
    other.start()
    inside.wait(5)
    with collector_paused():
        pass
    assert not gc.isenabled()  # the other thread's comparison still runs
    release.set()
    other.join(5)
    assert gc.isenabled()
