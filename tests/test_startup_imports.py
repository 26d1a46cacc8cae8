"""The first paint of the main window waits for no module it does not need.

Start-up time is dominated by imports: numpy (the search store), whoosh (the index),
OpenCC (script detection and conversion), the web-page extractors, the view pipeline
with its regular expressions, and the dialogs' modules cost hundreds of milliseconds
before the window can paint, yet none of them is needed to show it.  A fresh
interpreter starts the app as ``python -m desktop`` does (``desktop.app.main``) on a
library of the seed articles, and lists the heavy modules loaded when the window
first paints.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: Modules no first paint waits for (loaded later, when a search, an import, a
#: conversion or a document needs them).
DEFERRED = ("numpy", "whoosh", "trafilatura", "lxml")
#: Modules a later start (the seeds imported at the first) does not wait for either:
#: the view pipeline and its clean steps (a document opens after the paint), OpenCC,
#: the import formats, and the dialogs' modules (imported when a dialog opens).
DEFERRED_LATER = (
    *DEFERRED,
    "opencc",
    "desktop.core.views.pipeline",
    "desktop.core.views.header",
    "desktop.core.metadata",
    "desktop.core.chapters",
    "desktop.core.formats.encoding",
    "desktop.ui.settings.dialog",
    "desktop.ui.annotations.export_dialog",
    "desktop.ui.reader.chapters_dialog",
    "desktop.ui.library.trash_dialog",
    "desktop.ui.common.file_dialogs",
)

_PROBE = r"""
import json, sys

import desktop.selftest as selftest

deferred = json.loads(sys.argv[1])
loaded = []


def probe(window):
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and not loaded:
                loaded.append(sorted(m for m in deferred if m in sys.modules))
                QTimer.singleShot(0, QApplication.quit)
            return False

    window.first_paint_probe = FirstPaint(window)
    window.installEventFilter(window.first_paint_probe)
    QTimer.singleShot(30_000, QApplication.quit)  # never hang the suite if no paint comes


selftest.install_first_paint_probe = probe  # as TONGWEN_EXIT_AFTER_PAINT=1 installs its own
from desktop.app import main

status = main([])
print("at-first-paint " + json.dumps(loaded[0] if loaded else None), flush=True)
sys.exit(status)
"""


def _loaded_at_first_paint(
    home: Path, deferred: tuple[str, ...], **extra_env: str
) -> list[str] | None:
    env = dict(
        os.environ,
        QT_QPA_PLATFORM="offscreen",
        TONGWEN_NO_SINGLE_INSTANCE="1",
        TONGWEN_EXIT_AFTER_PAINT="1",
        **extra_env,
    )
    for var, sub in (("LIBRARY", "library"), ("CACHE", "cache"), ("CONFIG", "config")):
        env[f"TONGWEN_{var}"] = str(home / sub)
    env["TONGWEN_LOG_DIR"] = str(home / "log")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(deferred)],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("at-first-paint "))
    result: list[str] | None = json.loads(line.split(" ", 1)[1])
    return result


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("startup-imports")


def test_first_launch_loads_no_search_or_web_modules(home: Path) -> None:
    loaded = _loaded_at_first_paint(home, DEFERRED)  # imports the seed articles first
    assert loaded is not None, "the main window never painted"
    assert loaded == [], f"loaded before the first paint: {loaded}"


def test_later_launches_load_no_pipeline_conversion_or_dialog_modules(home: Path) -> None:
    _loaded_at_first_paint(home, DEFERRED)  # the first launch (seeds), if not run yet
    loaded = _loaded_at_first_paint(home, DEFERRED_LATER)
    assert loaded is not None, "the main window never painted"
    assert loaded == [], f"loaded before the first paint: {loaded}"


def test_the_log_tells_how_long_each_start_up_step_took(home: Path) -> None:
    _loaded_at_first_paint(home, DEFERRED_LATER)
    lines = (home / "log" / "tongwen.log").read_text(encoding="utf-8").splitlines()
    told = [ln for ln in lines if " after the process started: " in ln]
    assert told, "no start-up line in the log"
    for step in (
        "interpreter and first imports",
        "Qt application, settings and language",
        "window modules imported",
        "library opened",
        "window built",
        "painting",
    ):
        assert f" {step} " in told[-1]


def test_the_benchmark_s_empty_window_stands_for_the_main_window(home: Path) -> None:
    """``make bench ARGS=package`` measures the start-up before the window with the
    floor's bare window in its place: the main window's modules are then never loaded."""
    window_modules = ("desktop.ui.app.main_window", "desktop.ui.reader.pane")
    assert _loaded_at_first_paint(home, window_modules) == list(window_modules)
    loaded = _loaded_at_first_paint(home, window_modules, TONGWEN_BENCH_EMPTY_WINDOW="1")
    assert loaded == [], f"loaded before the empty window's first paint: {loaded}"
