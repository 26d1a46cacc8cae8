"""The first paint of the main window waits for no module it does not need.

Start-up time is dominated by imports: numpy (the search store), whoosh (the index),
OpenCC (script detection and conversion) and the web-page extractors cost hundreds of
milliseconds before the window can paint, yet none of them is needed to show it.  A
fresh interpreter builds the window on an empty library, as ``python -m desktop``
does, and lists the heavy modules loaded when the window first paints.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: Modules the first paint must not wait for (loaded later, when a search, an import
#: or a conversion needs them).
DEFERRED = ("numpy", "whoosh", "opencc", "trafilatura", "lxml")

_PROBE = r"""
import json, sys
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow

deferred = json.loads(sys.argv[2])
app = QApplication([])
root = Path(sys.argv[1])
settings = QSettings(str(root / "tongwen.ini"), QSettings.Format.IniFormat)
window = MainWindow(Library.open(root / "library"), settings)
loaded = []


class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not loaded:
            loaded.append(sorted(m for m in deferred if m in sys.modules))
            QTimer.singleShot(0, app.quit)
        return False


probe = FirstPaint(window)
window.installEventFilter(probe)
window.show()
QTimer.singleShot(30_000, app.quit)  # never hang the suite if no paint comes
app.exec()
print("at-first-paint " + json.dumps(loaded[0] if loaded else None), flush=True)
"""


def _loaded_at_first_paint(tmp_path: Path) -> list[str] | None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TONGWEN_NO_SINGLE_INSTANCE="1")
    for var, sub in (("LIBRARY", "library"), ("CACHE", "cache"), ("CONFIG", "config")):
        env[f"TONGWEN_{var}"] = str(tmp_path / sub)
    env["TONGWEN_LOG_DIR"] = str(tmp_path / "log")
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, str(tmp_path), json.dumps(DEFERRED)],
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


def test_first_paint_loads_no_search_conversion_or_web_modules(tmp_path: Path) -> None:
    loaded = _loaded_at_first_paint(tmp_path)
    assert loaded is not None, "the main window never painted"
    assert loaded == [], f"loaded before the first paint: {loaded}"
