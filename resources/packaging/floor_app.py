"""The cold-start floor: a bare PySide6 window, bundled like Tongwen (floor.spec).

It prints ``first-paint <seconds since process start>`` and its start-up steps at its
first paint and quits, exactly as Tongwen does under ``TONGWEN_EXIT_AFTER_PAINT=1``, so
the packaging benchmark can compare the two step by step.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

_IMPORTED = time.perf_counter()
_MARKS: list[tuple[str, float]] = []


def process_age() -> float:
    """Seconds since this process started (Linux /proc; elsewhere since import)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return time.perf_counter() - _IMPORTED


class _Probe(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            now = time.perf_counter()
            age = process_age()
            steps, previous = [], now - age
            for step, at in [*_MARKS, ("painting", now)]:
                steps.append([step, round(at - previous, 4)])
                previous = at
            print(f"first-paint {age:.3f}", flush=True)
            print("start-up-steps " + json.dumps(steps), flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    _MARKS.append(("interpreter and first imports", time.perf_counter()))
    app = QApplication(sys.argv[:1])
    _MARKS.append(("Qt application", time.perf_counter()))
    window = QMainWindow()
    window.setCentralWidget(QLabel("同文 floor", window))
    window.resize(1280, 800)
    window.installEventFilter(_Probe(window))
    _MARKS.append(("window built", time.perf_counter()))
    window.show()
    _MARKS.append(("window shown", time.perf_counter()))
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
