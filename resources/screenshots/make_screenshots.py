"""Take the README's screenshots: ``make screenshots`` (headless, any machine with Noto CJK).

Each main screen is shown with the five seed articles in a fresh temporary library,
in the 简体 and the 繁體 UI, in Tongwen's light, dark and sepia themes (which colour
the whole window), and saved as PNG beside this file; also a 繁體 page read in the
简体 UI (Traditional glyph forms whatever the interface) and distraction-free reading.
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
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from desktop.core.library import Library  # noqa: E402
from desktop.ui.app.main_window import MainWindow  # noqa: E402
from desktop.ui.app.window_theme import apply_window_theme  # noqa: E402
from desktop.ui.common.app_settings import AppSettings  # noqa: E402
from desktop.ui.common.i18n import install_language  # noqa: E402

SIZE = (1280, 800)
SEED_TITLE_PART = "社會工作"  # seed 002, a 繁體 article with pinyin hints and a caption


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


def shoot(app: QApplication, lang: str, theme: str, out: Path) -> list[Path]:
    """The screens of one language in one theme; returns the files written."""
    install_language(lang, app)
    root = _home / f"{lang}-{theme}"
    library = Library.open(root / "library")
    library.import_seeds_if_new(REPO / "seeds")
    settings = QSettings(str(root / "tongwen.ini"), QSettings.Format.IniFormat)
    AppSettings(settings).theme = theme
    apply_window_theme(app, theme)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        path = out / f"{name}-{lang}-{theme}.png"
        widget.grab().save(str(path))
        written.append(path)

    window = _window(app, library, settings)
    _open_seed(app, window, library)
    save(window, "reader")
    if theme == "sepia":
        window.focus_mode.enter()
        _settle(app, window)
        save(window, "distraction-free")
        window.focus_mode.leave()
        _settle(app, window)
    if theme == "light" and lang == "zh_CN":  # TC forms in the 简体 UI
        window.reader_toolbar.choose_script("traditional")
        _settle(app, window, lambda: not window.reader.loading)
        save(window, "traditional-page")
        window.reader_toolbar.choose_script("original")
    if theme != "sepia":
        window.search_pane.search_box.setText("社会工作")
        window.search_pane.run_search()
        _settle(app, window, lambda: bool(window.search_pane.model.rowCount()))
        save(window, "search")
        window.search_pane.search_box.clear()
    if theme == "light":
        dialog = window.show_settings()
        dialog.resize(dialog.sizeHint())
        _settle(app, dialog)
        save(dialog, "settings")
        dialog.reject()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    if theme == "light":
        empty = _window(app, Library.open(root / "empty"), settings)
        save(empty, "empty-library")
        empty.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    return written


def main() -> int:
    import correction_menu  # beside this file: the conversion correction menu (issue 18)
    import reading_aids  # beside this file: ruby and the pop-up dictionary (issue 18)
    import vertical_page  # beside this file: a vertical page (issue 19)

    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = HERE
    written: list[Path] = []
    for lang in ("zh_CN", "zh_TW"):
        for theme in ("light", "dark", "sepia"):
            written += shoot(app, lang, theme, out)
        written += correction_menu.shoot(app, lang, _home / f"{lang}-corrections", out)
        written += reading_aids.shoot(app, lang, _home / f"{lang}-aids", out)
    written += vertical_page.shoot(app, "zh_TW", _home / "zh_TW-vertical", out)
    for path in written:
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
