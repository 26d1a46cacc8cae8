"""The cold-start floor: a bare PySide6 window, bundled like Tongwen (floor.spec).

It prints ``first-paint <seconds since process start>`` at its first paint and quits,
exactly as Tongwen does under ``TONGWEN_EXIT_AFTER_PAINT=1``, so the packaging
benchmark can compare the two.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

_IMPORTED = time.perf_counter()


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
            print(f"first-paint {process_age():.3f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setCentralWidget(QLabel("同文 floor", window))
    window.resize(1280, 800)
    window.installEventFilter(_Probe(window))
    window.show()
    return int(app.exec())


if __name__ == "__main__":
    sys.exit(main())
