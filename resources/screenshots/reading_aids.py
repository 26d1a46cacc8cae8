"""Screenshots of the reading aids (issue 18), in the 简体 and 繁體 UI, light theme.

- ``ruby-pinyin-<lang>-light.png``: pinyin above the characters (简体 UI: a Simplified
  seed in the 简体 view; 繁體 UI: a Traditional seed in the 繁體 view);
- ``ruby-zhuyin-<lang>-light.png``: zhuyin above the characters (the 臺灣 view in the
  繁體 UI);
- ``dictionary-popup-<lang>-light.png``: the pop-up dictionary on a word, kept open
  (pinned), the word marked in the text.

Run alone: ``python resources/screenshots/reading_aids.py`` (headless, Noto CJK).
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

from PySide6.QtCore import QSettings, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from desktop.core.library import Library  # noqa: E402
from desktop.ui.app.main_window import MainWindow  # noqa: E402
from desktop.ui.app.window_theme import apply_window_theme  # noqa: E402
from desktop.ui.common.app_settings import AppSettings  # noqa: E402
from desktop.ui.common.i18n import install_language  # noqa: E402

SIZE = (1280, 800)
#: Per UI language: the seed read (title start), the views of the pinyin, the zhuyin
#: and the pop-up shots, the word the pop-up shows and where the page starts.
PLAN = {
    "zh_CN": ("之江潮涌", "simplified", "simplified", "simplified", "社会治理", "社会治理"),
    "zh_TW": ("健全社會工作", "traditional", "taiwan", "taiwan", "社會工作", "健全社會工作"),
}


def _settle(app: QApplication, until: Callable[[], bool] = lambda: True) -> None:
    for _ in range(40):
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(20)
        time.sleep(0.005)
    for _ in range(3000):
        if until():
            break
        app.processEvents()
        QThreadPool.globalInstance().waitForDone(5)
        time.sleep(0.005)
    app.processEvents()


def _ruby_shot(app: QApplication, window: MainWindow, style: str, script: str) -> None:
    reader = window.reader
    window.reader_toolbar.choose_script(script)
    reader.aids.ruby.set_style(style)
    ruby = reader.aids.ruby
    _settle(app, lambda: not reader.loading and reader.aids.sources.reader() is not None)
    reader.text.viewport().repaint()
    _settle(app, lambda: not ruby.pending and ruby.unread_on_screen() == 0)
    reader.text.viewport().repaint()


def shoot(app: QApplication, lang: str, root: Path, out: Path) -> list[Path]:
    """The reading aids in the ``lang`` UI; returns the files written."""
    title, pinyin_view, zhuyin_view, popup_view, word, start = PLAN[lang]
    install_language(lang, app)
    library = Library.open(root / "library")
    library.import_seeds_if_new(REPO / "seeds")
    settings = QSettings(str(root / "tongwen.ini"), QSettings.Format.IniFormat)
    AppSettings(settings).theme = "light"
    AppSettings(settings).mark_hint_seen("reader-welcome")
    apply_window_theme(app, "light")
    window = MainWindow(library, settings)
    window.resize(*SIZE)
    window.show()
    _settle(app)
    doc = next(d for d in library.documents() if d.title.startswith(title))
    window.open_document(doc.id)
    reader = window.reader
    _settle(app, lambda: not reader.loading)
    written: list[Path] = []

    def save(name: str) -> None:
        path = out / f"{name}-{lang}-light.png"
        window.grab().save(str(path))
        written.append(path)

    _ruby_shot(app, window, "pinyin", pinyin_view)
    save("ruby-pinyin")
    _ruby_shot(app, window, "zhuyin", zhuyin_view)
    save("ruby-zhuyin")
    reader.aids.ruby.set_style("none")
    window.reader_toolbar.choose_script(popup_view)
    _settle(app, lambda: not reader.loading)
    text = reader.view_text()
    shown_start = text.index(_in_view(start, popup_view))
    reader.go_to_canonical(reader.to_canonical(shown_start))
    lookup = reader.aids.lookup
    lookup.look_up_view(reader.view_text().index(_in_view(word, popup_view), shown_start))
    _settle(app, lambda: lookup.current is not None)
    lookup.popup.set_pinned(True)
    _settle(app)
    save("dictionary-popup")
    lookup.close()
    window.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    return written


def _in_view(text: str, script: str) -> str:
    """``text`` as the view of ``script`` writes it."""
    from desktop.core.views import convert_text, script_config

    config = script_config(script, False, None)
    return convert_text(text, config) if config else text


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    home = Path(tempfile.mkdtemp(prefix="tongwen-aids-shots-"))
    for lang in PLAN:
        for path in shoot(app, lang, home / lang, HERE):
            print(path.relative_to(REPO))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
