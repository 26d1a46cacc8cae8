"""The garbage collector is off while the app starts and on again after it.

``desktop.app.main`` turns the cyclic collector off for the start-up (its passes over
the modules and widgets being made are wasted work before the first paint) and the
first paint turns it on again (``freeze_start_up_objects``); every way out of
``main`` leaves it on.
"""

from __future__ import annotations

import gc
import sys

import pytest

from desktop import app


@pytest.fixture(autouse=True)
def _collector_restored():  # type: ignore[no-untyped-def]
    was = gc.isenabled()
    yield
    gc.unfreeze()
    if was:
        gc.enable()
    else:
        gc.disable()


def test_the_first_paint_turns_the_collector_on_again() -> None:
    gc.disable()
    app.freeze_start_up_objects()
    assert gc.isenabled()


def test_an_early_return_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[bool] = []

    def no_display() -> bool:
        seen.append(gc.isenabled())
        return True

    monkeypatch.setattr(app, "_no_display", no_display)
    monkeypatch.setattr(sys, "stderr", sys.stdout)
    assert app.main([]) == 1
    assert seen == [False], "the collector was on during the start-up"
    assert gc.isenabled()


def test_a_failure_leaves_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> bool:
        raise RuntimeError("start-up failed")

    monkeypatch.setattr(app, "_no_display", broken)
    with pytest.raises(RuntimeError):
        app.main([])
    assert gc.isenabled()
