"""The start-up clock: the seconds each start-up step took, told once."""

from __future__ import annotations

import time

import pytest

from desktop import startup_clock


@pytest.fixture(autouse=True)
def _fresh_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(startup_clock, "_marks", [])
    monkeypatch.setattr(startup_clock, "_finished", [])


def test_steps_add_up_to_the_process_age() -> None:
    startup_clock.mark("first")
    time.sleep(0.02)
    startup_clock.mark("second")
    now = time.perf_counter()
    steps = startup_clock.steps(now)
    assert [name for name, _ in steps] == ["first", "second", "painting"]
    assert steps[1][1] >= 0.02
    assert all(seconds >= 0 for _, seconds in steps)
    assert sum(s for _, s in steps) == pytest.approx(startup_clock.process_age(), abs=0.05)


def test_the_summary_names_every_step_with_its_seconds() -> None:
    startup_clock.mark("interpreter and first imports")
    startup_clock.mark("window built")
    told = startup_clock.summary()
    assert told.startswith("first paint ")
    assert "after the process started: interpreter and first imports " in told
    assert ", window built " in told and ", painting " in told


def test_finish_tells_once_and_later_marks_are_ignored() -> None:
    startup_clock.mark("window built")
    assert startup_clock.finish() is not None
    startup_clock.mark("window built")  # a window opened again after a restart
    assert startup_clock.finish() is None
    assert [name for name, _ in startup_clock.steps()] == ["window built", "painting"]


def test_process_age_is_positive_and_small() -> None:
    assert 0 <= startup_clock.process_age() < 24 * 3600
