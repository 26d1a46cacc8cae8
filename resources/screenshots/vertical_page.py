"""Screenshots of the vertical page (直排, issue 19): seed 002 in 繁體, read vertically in
the 繁體 UI with a highlight, in the light and sepia themes.

Run alone (``.venv/bin/python resources/screenshots/vertical_page.py``) or call
:func:`shoot` from ``make_screenshots.py``.  Headless; needs Noto CJK.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if "TONGWEN_LIBRARY" not in os.environ:  # run alone: never the real user folders
    _home = Path(tempfile.mkdtemp(prefix="tongwen-vertical-shots-"))
    for _var, _sub in (("LIBRARY", "library"), ("CACHE", "cache"), ("CONFIG", "config")):
        os.environ[f"TONGWEN_{_var}"] = str(_home / _sub)
    os.environ["TONGWEN_LOG_DIR"] = str(_home / "log")

from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.library import Library  # noqa: E402
from desktop.ui.app.main_window import MainWindow  # noqa: E402
from desktop.ui.app.window_theme import apply_window_theme  # noqa: E402
from desktop.ui.common.app_settings import AppSettings  # noqa: E402
from desktop.ui.common.i18n import install_language  # noqa: E402
from desktop.ui.library.organise import COUNT  # noqa: E402

SIZE = (1280, 800)
SEED_TITLE_PART = "社會工作"  # seed 002, a 繁體 article
HIGHLIGHT = "社會工作"


def _settle(app: QApplication, until: object = None) -> None:
    for _ in range(400):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        if until is None or until():  # type: ignore[operator]
            break
    app.processEvents()


def shoot(app: QApplication, lang: str, root: Path, out: Path) -> list[Path]:
    """``vertical-<lang>-<theme>.png`` for the light and sepia themes."""
    install_language(lang, app)
    written = []
    for theme in ("light", "sepia"):
        folder = root / theme
        library = Library.open(folder / "library")
        library.import_seeds_if_new(REPO / "seeds")
        settings = QSettings(str(folder / "tongwen.ini"), QSettings.Format.IniFormat)
        AppSettings(settings).theme = theme
        apply_window_theme(app, theme)
        window = MainWindow(library, settings)
        window.resize(*SIZE)
        window.show()
        _settle(app, lambda w=window: w.index_service.ready and w.index_service.idle)
        organise = window.library_pane.organise  # its counts come a moment after the rows
        shown = str(len(library))
        _settle(app, lambda o=organise, n=shown: o.all_item.text(COUNT) == n)
        doc = next(d for d in library.documents() if SEED_TITLE_PART in d.title)
        window.open_document(doc.id)
        window.reader_toolbar.choose_script("traditional")
        _settle(app, lambda w=window: not w.reader.loading)
        reader = window.reader
        reader.set_vertical(True)
        start = reader.view_text().find(HIGHLIGHT, 120)
        reader.vertical.select(start, start + len(HIGHLIGHT))
        window.annotations.highlight("yellow")
        reader.vertical.page.set_selection(0, 0)
        reader.go_to_start()
        _settle(app)
        path = out / f"vertical-{lang}-{theme}.png"
        window.grab().save(str(path))
        written.append(path)
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)
    return written


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    home = Path(tempfile.mkdtemp(prefix="tongwen-vertical-shots-"))
    for path in shoot(app, "zh_TW", home / "zh_TW-vertical", HERE):
        print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
