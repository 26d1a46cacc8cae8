"""``tongwen``: the desktop application's entry point."""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from desktop import APP_NAME, __version__

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


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(sys.argv[1:] if argv is None else argv)
    if _no_display():
        sys.stderr.write(
            "tongwen: no display found (DISPLAY and WAYLAND_DISPLAY are unset).\n"
            "Run it on a desktop, or on a virtual display with: xvfb-run tongwen\n"
        )
        return 1
    setup_logging()

    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desktop.core.library import Library, LibraryError
    from desktop.core.paths import config_dir, library_dir, seeds_dir
    from desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)

    root = library_dir(args.library)
    try:
        library = Library.open(root)
    except (LibraryError, OSError) as exc:
        QMessageBox.critical(None, APP_NAME, f"Cannot open the library at {root}:\n{exc}")
        return 1
    seeded = library.import_seeds_if_new(seeds_dir())
    if seeded:
        log.info(
            "first launch: imported %d seed articles", sum(r.status == "imported" for r in seeded)
        )

    settings = QSettings(str(config_dir() / "tongwen.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings)
    window.show()
    if args.files:
        window.import_paths([Path(f) for f in args.files], open_single=True)
    return int(app.exec())
