"""``tongwen``: the desktop application's entry point."""

from __future__ import annotations

import argparse
import gc
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from desktop import APP_NAME, __version__, startup_clock

__all__ = ["main"]

log = logging.getLogger(__name__)


def _parse_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="tongwen", description="Tongwen (同文), a reader for Chinese documents."
    )
    parser.add_argument("files", nargs="*", metavar="FILE", help="files to import and open")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $TONGWEN_LIBRARY or the user data folder)",
    )
    parser.add_argument("--version", action="version", version=f"tongwen {__version__}")
    parser.add_argument(
        "--self-test", action="store_true", help="check this installation headless and exit"
    )
    return parser.parse_args(argv)


def setup_logging() -> Path | None:
    """Log to a rotating file in the platform's log folder (reachable from Help)."""
    from desktop.core.paths import log_dir

    root = logging.getLogger()
    root.setLevel(logging.INFO)
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "tongwen.log"
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError:
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def _no_display() -> bool:
    return (
        sys.platform.startswith("linux")
        and not os.environ.get("DISPLAY")
        and not os.environ.get("WAYLAND_DISPLAY")
        and not os.environ.get("QT_QPA_PLATFORM")
    )


def _single_instance(root: Path, files: Sequence[str]) -> tuple[Any, int | None]:
    """Who runs the window on ``root``: ``(guard, None)`` when this launch does (guard is
    False when the mechanism is off), ``(None, exit status)`` when another instance has
    the library: it took ``files`` (0), or it does not answer (1, after saying so)."""
    from desktop.ui.app.single_instance import (
        Claim,
        SingleInstance,
        instance_key,
        single_instance_disabled,
    )

    if single_instance_disabled():
        return False, None
    guard = SingleInstance(instance_key(root))
    claim = guard.claim(files)
    if claim is Claim.PRIMARY:
        return guard, None
    if claim is Claim.HANDED_OVER:
        log.info("handed %d file(s) to the running instance", len(files))
        return None, 0
    _report_no_answer(root)
    return None, 1


def _startup_error(text: str, advice: str, details: str = "") -> None:
    """A critical message before any window, its texts shown as written (they name
    folders); ``text`` and ``advice`` are already translated ("Startup" context)."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.common.plain import plain_message_box

    title = QCoreApplication.translate("Startup", "Tongwen")
    plain_message_box(None, QMessageBox.Icon.Critical, title, text, advice, details).exec()


def _report_no_answer(root: Path) -> None:
    """A running instance holds ``root`` but never answered: say so, open no second window."""
    from PySide6.QtCore import QCoreApplication

    log.error("another Tongwen holds the library at %s but does not answer", root)
    sys.stderr.write(
        f"tongwen: another Tongwen window has the library {root} open but does not answer; "
        "close it (or end its process) and start Tongwen again.\n"
    )
    _startup_error(
        QCoreApplication.translate(
            "Startup", "Tongwen is already running on the library {folder}, but does not answer."
        ).format(folder=root),
        QCoreApplication.translate(
            "Startup",
            "A second window on the same library could overwrite its work. Wait for the "
            "running window, or close it (or end its process), then start Tongwen again.",
        ),
    )


def _set_icon(app: Any) -> None:
    from PySide6.QtGui import QIcon

    base = Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parents[1]))
    icons = base / "resources" / "icons"
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        if (icons / f"tongwen-{size}.png").is_file():
            icon.addFile(str(icons / f"tongwen-{size}.png"))
    if not icon.isNull():
        app.setWindowIcon(icon)


def main(argv: Sequence[str] | None = None) -> int:
    # Start-up allocates hundreds of thousands of objects that live as long as the
    # window (modules, classes, widgets): the collector's passes over them are wasted
    # work before the first paint (~30 ms).  It is enabled again once the window has
    # painted (freeze_start_up_objects), or when no window opens.
    gc.disable()
    startup_clock.mark("interpreter and first imports")
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_test:
        from desktop.selftest import self_test

        gc.enable()  # no window to paint: the checks run as any later work does

        return self_test()
    if _no_display():
        sys.stderr.write(
            "tongwen: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it on a desktop, or on a virtual display with: xvfb-run tongwen\n"
        )
        return 1
    setup_logging()
    app, settings, prefs = _application()
    startup_clock.mark("Qt application, settings and language")
    files = list(args.files)
    guard, status = _single_instance(_library_root(args.library, prefs), files)
    if status is not None:
        return status  # the running instance took the files, or does not answer
    startup_clock.mark("single-instance check")
    current: list[Any] = []  # the window shown, once there is one
    if guard is not False:
        _take_handed_over_files(guard, current, files)
    return _run_windows(app, args.library, settings, prefs, files, current)


def _application() -> tuple[Any, Any, Any]:
    """The QApplication with its names, icon, window theme and interface language;
    the settings file and the typed settings over it."""
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from desktop.core.paths import config_dir
    from desktop.ui.app.window_theme import apply_window_theme
    from desktop.ui.common.app_settings import AppSettings
    from desktop.ui.common.i18n import install_language, resolve_language

    if QApplication.instance() is None:
        # Fractional display scales (125 %, 150 %) as they are, not rounded: sharp text.
        QApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    QApplication.setDesktopFileName("tongwen")
    _set_icon(app)
    settings = QSettings(str(config_dir() / "tongwen.ini"), QSettings.Format.IniFormat)
    prefs = AppSettings(settings)
    # Fusion and the chosen theme's palette before any window or message box shows.
    apply_window_theme(app, prefs.theme)

    language = resolve_language(prefs.ui_language)
    loaded = install_language(language, app)
    log.info("interface language %s (%d catalogues)", language, len(loaded))
    return app, settings, prefs


def _take_handed_over_files(guard: Any, current: list[Any], files: list[str]) -> None:
    """Files that later launches hand over go to the window in ``current``; before
    there is one (while a message box about the library is up) they join ``files``,
    which the first window opens."""
    from desktop.ui.app.single_instance import deliver_files

    def received_files(received: list[str]) -> None:
        if current:
            deliver_files(current[-1], received)
        else:
            files.extend(received)

    guard.filesReceived.connect(received_files)


def _run_windows(
    app: Any, library: str | None, settings: Any, prefs: Any, files: list[str], current: list[Any]
) -> int:
    """Show the main window until it is closed; again after a restart (language or
    library changed in Settings).  The exit status."""
    from PySide6.QtCore import QThreadPool

    from desktop.ui.common.i18n import install_language, resolve_language

    while True:
        window = _open_window(_library_root(library, prefs), settings, files)
        if window is None:
            return 1
        current[:] = [window]
        files = []
        status = int(app.exec())
        # Let background work (imports, indexing, saves) finish before Qt objects go.
        QThreadPool.globalInstance().waitForDone(10_000)
        if not getattr(window, "restart_requested", False):
            return status
        gc.unfreeze()  # the old window's objects may go now (see freeze_start_up_objects)
        window.deleteLater()
        install_language(resolve_language(prefs.ui_language), app)
        log.info("restarting the main window (language or library changed)")


def _library_root(explicit: str | None, prefs: Any) -> Path:
    """``--library``, else ``$TONGWEN_LIBRARY``, else the folder chosen in Settings."""
    from desktop.core.paths import library_dir

    chosen = explicit or os.environ.get("TONGWEN_LIBRARY") or prefs.library_location or None
    return library_dir(chosen)


def _open_window(root: Path, settings: Any, files: list[str]) -> Any:
    """Open the library at ``root`` and show its main window; None (after a message) if not."""
    from PySide6.QtCore import QCoreApplication

    from desktop.core.library import Library, LibraryError

    log.info("opening the library at %s", root)
    try:
        library = Library.open(root, check=False)  # the window checks the folders after
    except (LibraryError, OSError) as exc:
        log.error("cannot open the library at %s: %s", root, exc)
        _startup_error(
            QCoreApplication.translate(
                "Startup", "The library folder {folder} cannot be opened."
            ).format(folder=root),
            QCoreApplication.translate(
                "Startup",
                "Check that the folder exists and that you may write to it, or start "
                "Tongwen with another library folder.",
            ),
            str(exc),
        )
        return None
    _import_seeds(library)
    startup_clock.mark("library opened")
    probe = os.environ.get("TONGWEN_EXIT_AFTER_PAINT") == "1"
    if probe and os.environ.get("TONGWEN_BENCH_EMPTY_WINDOW") == "1":
        from desktop.selftest import empty_window as window_class
    else:
        from desktop.ui.app.main_window import MainWindow as window_class
    from desktop.ui.app.startup import AfterFirstPaint

    startup_clock.mark("window modules imported")
    window = window_class(library, settings)
    startup_clock.mark("window built")
    if probe:
        from desktop.selftest import install_first_paint_probe

        install_first_paint_probe(window)
    window.show()
    startup_clock.mark("window shown")
    AfterFirstPaint(window, _after_first_paint)
    if files:
        window.import_paths([Path(f) for f in files], open_single=True)
    return window


def _import_seeds(library: Any) -> None:
    """On the first launch, the bundled seed articles: the library a new user sees."""
    from desktop.core.paths import seeds_dir

    seeded = library.import_seeds_if_new(seeds_dir())
    if seeded:
        log.info(
            "first launch: imported %d seed articles", sum(r.status == "imported" for r in seeded)
        )


def _after_first_paint() -> None:
    told = startup_clock.finish()  # the first window's start-up, not a restart's
    if told is not None:
        log.info("%s", told)
    freeze_start_up_objects()


def freeze_start_up_objects() -> None:
    """Once the window has painted: what start-up made (modules, the window and its
    panes) lives as long as the window, so the garbage collector's full passes are told
    to skip it.  A full pass over it took 25-40 ms, and one landing in a step of a big
    book's loading made the longest freeze of the page (``make bench ARGS=vertical``
    calls this after building its reader, as the app does after its first paint)."""
    gc.collect()
    gc.freeze()
    gc.enable()  # off since main() began
