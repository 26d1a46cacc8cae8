"""Screenshots of the conversion correction menu (issue 18), in the 简体 and 繁體 UI.

A Simplified seed article read in 繁體 with the "check these spots" mark on, and the
text menu of a right-click on 後 (written 后) with its "Correct Conversion" submenu
open: ``correction-menu-<lang>-light.png`` beside this file.  Run by
make_screenshots.py, or alone: ``python resources/screenshots/correction_menu.py``.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if "TONGWEN_LIBRARY" not in os.environ:  # alone: every folder in a temporary place
    _home = Path(tempfile.mkdtemp(prefix="tongwen-shots-"))
    for _var, _sub in (("LIBRARY", "library"), ("CACHE", "cache"), ("CONFIG", "config")):
        os.environ[f"TONGWEN_{_var}"] = str(_home / _sub)
    os.environ["TONGWEN_LOG_DIR"] = str(_home / "log")

from PySide6.QtCore import QPoint, QSettings, QThreadPool  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap, QTextCursor  # noqa: E402
from PySide6.QtWidgets import QApplication, QMenu, QWidget  # noqa: E402

from desktop.core.library import Library  # noqa: E402
from desktop.ui.app.main_window import MainWindow  # noqa: E402
from desktop.ui.app.window_theme import apply_window_theme  # noqa: E402
from desktop.ui.common.app_settings import AppSettings  # noqa: E402
from desktop.ui.common.i18n import install_language  # noqa: E402
from desktop.ui.reader.corrections import ConversionCorrections  # noqa: E402

SIZE = (1280, 800)
TITLE_START = "党建引领"  # seed 000, Simplified: "……成立后，社……"


def _settle(app: QApplication, rounds: int = 60, until: Callable[[], bool] = lambda: True) -> None:
    for _ in range(rounds):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        time.sleep(0.005)  # let the timers fire
    for _ in range(2000):
        if until():
            break
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()


def _point_of(window: MainWindow, view_offset: int) -> QPoint:
    reader = window.reader
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(view_offset))
    left = reader.text.cursorRect(cursor)
    cursor.setPosition(reader.view_to_qt(view_offset + 1))
    right = reader.text.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def _composite(window: QWidget, menus: list[tuple[QMenu, QPoint]]) -> QPixmap:
    """The window with the open menus drawn at their places in it (the offscreen
    screen is smaller than the window, so Qt would move them)."""
    shot = window.grab()
    painter = QPainter(shot)
    for menu, place in menus:
        painter.drawPixmap(place, menu.grab())
    painter.end()
    return shot


def shoot(app: QApplication, lang: str, root: Path, out: Path) -> list[Path]:
    """The correction menu in the ``lang`` UI (light theme); returns the file written."""
    install_language(lang, app)
    library = Library.open(root / "library")
    library.import_seeds_if_new(REPO / "seeds")
    settings = QSettings(str(root / "tongwen.ini"), QSettings.Format.IniFormat)
    AppSettings(settings).theme = "light"
    apply_window_theme(app, "light")
    window = MainWindow(library, settings)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    corrections = getattr(window, "corrections", None)
    if not isinstance(corrections, ConversionCorrections):  # until the window installs it
        corrections = ConversionCorrections.install(window.reader, window.annotations)
    doc = next(d for d in library.documents() if d.title.startswith(TITLE_START))
    window.open_document(doc.id)
    window.reader_toolbar.choose_script("traditional")
    reader = window.reader
    reader.go_to_canonical(max(0, library.text(doc.id).index("成立后") - 60))
    corrections.spots_action.setChecked(True)
    spots = corrections.spots
    _settle(app, 20, lambda: not reader.loading and not spots.pending and bool(spots.marks))
    at = reader.view_text().index("成立後") + 2
    pos = _point_of(window, at)
    menu = window.annotations.context_menu(pos)
    menu.popup(reader.text.viewport().mapToGlobal(pos))
    _settle(app, 5)
    sub_action = next(a for a in menu.actions() if a.menu() is not None and "“後”" in a.text())
    menu.setActiveAction(sub_action)
    sub = sub_action.menu()
    assert isinstance(sub, QMenu)
    sub.popup(menu.mapToGlobal(menu.actionGeometry(sub_action).topRight()))
    _settle(app, 5)
    at_menu = window.mapFromGlobal(reader.text.viewport().mapToGlobal(pos)) + QPoint(4, 4)
    at_sub = at_menu + menu.actionGeometry(sub_action).topRight() + QPoint(0, -4)
    path = out / f"correction-menu-{lang}-light.png"
    _composite(window, [(menu, at_menu), (sub, at_sub)]).save(str(path))
    sub.hide()
    menu.hide()
    menu.deleteLater()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return [path]


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    home = Path(tempfile.mkdtemp(prefix="tongwen-correction-shots-"))
    for lang in ("zh_CN", "zh_TW"):
        for path in shoot(app, lang, home / lang, HERE):
            print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
