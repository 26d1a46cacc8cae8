"""Take the README's screenshots: ``make screenshots`` (headless, any machine with Noto CJK).

Each main screen is shown with the five seed articles in a fresh temporary library,
in the 简体 and the 繁體 UI, on a light and on a dark desktop (Fusion style with a
dark palette, as a dark desktop theme gives Qt), and saved as PNG beside this file.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
sys.path.insert(0, str(REPO))
_home = Path(tempfile.mkdtemp(prefix="tongwen-shots-"))
for _var, _sub in (("LIBRARY", "library"), ("CACHE", "cache"), ("CONFIG", "config")):
    os.environ[f"TONGWEN_{_var}"] = str(_home / _sub)
os.environ["TONGWEN_LOG_DIR"] = str(_home / "log")

from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402
from PySide6.QtGui import QColor, QPalette  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.core.library import Library  # noqa: E402
from desktop.ui.i18n import install_language  # noqa: E402
from desktop.ui.main_window import MainWindow  # noqa: E402
from desktop.ui.settings import AppSettings  # noqa: E402

SIZE = (1280, 800)
SEED_TITLE_PART = "社會工作"  # seed 002, a 繁體 article with pinyin hints and a caption


def _dark_palette() -> QPalette:
    palette = QPalette()
    colours = {
        QPalette.ColorRole.Window: "#2b2b2e",
        QPalette.ColorRole.WindowText: "#e6e6e6",
        QPalette.ColorRole.Base: "#1f1f22",
        QPalette.ColorRole.AlternateBase: "#27272b",
        QPalette.ColorRole.Text: "#e6e6e6",
        QPalette.ColorRole.Button: "#33333a",
        QPalette.ColorRole.ButtonText: "#e6e6e6",
        QPalette.ColorRole.Highlight: "#3d6bb3",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#33333a",
        QPalette.ColorRole.ToolTipText: "#e6e6e6",
        QPalette.ColorRole.PlaceholderText: "#a0a0a8",
    }
    for role, colour in colours.items():
        palette.setColor(role, QColor(colour))
    return palette


def _settle(app: QApplication, window: QWidget, until: Callable[[], bool] | None = None) -> None:
    for _ in range(400):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        if until is None or until():
            break
    app.processEvents()


def _window(app: QApplication, library: Library, settings: QSettings) -> MainWindow:
    window = MainWindow(library, settings)
    window.resize(*SIZE)
    window.show()
    _settle(app, window, lambda: window.index_service.ready and window.index_service.idle)
    return window


def _open_seed(app: QApplication, window: MainWindow, library: Library) -> None:
    doc = next(d for d in library.documents() if SEED_TITLE_PART in d.title)
    window.open_document(doc.id)
    _settle(app, window, lambda: not window.reader.loading)
    start = window.reader.view_text().find("社會工作")
    if start >= 0:
        window.reader.select_view_range(start, start + 8)
        window.annotations.highlight("yellow")
        window.reader.text.moveCursor(window.reader.text.textCursor().MoveOperation.Start)
    _settle(app, window)


def shoot(app: QApplication, lang: str, dark: bool, out: Path) -> list[Path]:
    """The screens of one language on one desktop; returns the files written."""
    install_language(lang, app)
    app.setStyle("Fusion")
    app.setPalette(_dark_palette() if dark else app.style().standardPalette())
    tone = "dark" if dark else "light"
    root = _home / f"{lang}-{tone}"
    library = Library.open(root / "library")
    library.import_seeds_if_new(REPO / "seeds")
    settings = QSettings(str(root / "tongwen.ini"), QSettings.Format.IniFormat)
    AppSettings(settings).theme = "system"
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        path = out / f"{name}-{lang}-{tone}.png"
        widget.grab().save(str(path))
        written.append(path)

    window = _window(app, library, settings)
    _open_seed(app, window, library)
    save(window, "reader")
    window.search_pane.search_box.setText("社会工作")
    window.search_pane.run_search()
    _settle(app, window, lambda: bool(window.search_pane.model.rowCount()))
    save(window, "search")
    window.search_pane.search_box.clear()
    if not dark:
        dialog = window.show_settings()
        dialog.resize(dialog.sizeHint())
        _settle(app, dialog)
        save(dialog, "settings")
        dialog.reject()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    if not dark:
        empty = _window(app, Library.open(root / "empty"), settings)
        save(empty, "empty-library")
        empty.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    return written


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = HERE
    written: list[Path] = []
    for lang in ("zh_CN", "zh_TW"):
        for dark in (False, True):
            written += shoot(app, lang, dark, out)
    for path in written:
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
