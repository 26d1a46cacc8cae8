"""BackgroundSaver: a save the user asks for is never put off by an attempt in flight."""

from __future__ import annotations

import threading
from pathlib import Path

from desktop.core.annotations import AnnotationStore
from desktop.core.annotations.saver import BackgroundSaver, SaveOutcome

TEXT = "天下大势,分久必合,合久必分。" * 10


def test_retry_asked_during_a_failing_attempt_is_not_paused(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Retry clicked while a failing save was still running: the failure's pause (here
    60 s) swallowed the request, and "Retry" seemed to do nothing (a flaky fault test)."""
    store = AnnotationStore.open(tmp_path, text=TEXT)
    store.add_highlight(0, 4)
    in_attempt, release = threading.Event(), threading.Event()
    real_save = store.save
    calls: list[int] = []

    def slow_failing_save(**kwargs: object) -> int:
        calls.append(1)
        if len(calls) == 1:
            in_attempt.set()
            release.wait(10)
            raise OSError(28, "No space left on device")
        return real_save(**kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "save", slow_failing_save)
    outcomes: list[SaveOutcome] = []
    saver = BackgroundSaver(store, outcomes.append, backoff=(60.0,))
    try:
        saver.request()
        assert in_attempt.wait(10)
        saver.retry_now()  # the user acts while the doomed attempt still runs
        release.set()
        assert saver.wait_settled(10)
        assert not store.dirty and len(calls) == 2
        assert [o.ok for o in outcomes] == [False, True]
    finally:
        saver.stop(10)


def test_a_failure_with_no_request_waits_out_its_pause(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    store = AnnotationStore.open(tmp_path, text=TEXT)
    store.add_highlight(0, 4)

    def failing_save(**kwargs: object) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store, "save", failing_save)
    outcomes: list[SaveOutcome] = []
    saver = BackgroundSaver(store, outcomes.append, backoff=(60.0,))
    try:
        saver.request()
        assert saver.wait_settled(10)
        assert len(outcomes) == 1 and not outcomes[0].ok and store.dirty
    finally:
        saver.stop(10)
