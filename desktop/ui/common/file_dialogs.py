"""File dialogs that open where the reader was last time.

Every file dialog started in the home folder: importing a series of files from one
folder meant walking down to it each time.  These helpers open Qt's dialog in the
folder used last for the same purpose
(:meth:`~desktop.ui.common.app_settings.AppSettings.dialog_folder`: "import" for documents,
"annotations" for exported and imported annotations) and remember the folder of
what was chosen.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from desktop.ui.common.app_settings import AppSettings

__all__ = ["open_files", "open_folder", "save_file", "start_folder"]


def start_folder(settings: AppSettings | None, purpose: str) -> str:
    """Where a dialog for ``purpose`` opens (the home folder without settings)."""
    return settings.dialog_folder(purpose) if settings else str(Path.home())


def _remember(settings: AppSettings | None, purpose: str, folder: Path) -> None:
    if settings is not None:
        settings.remember_dialog_folder(purpose, folder)


def open_files(
    parent: QWidget | None,
    settings: AppSettings | None,
    purpose: str,
    title: str,
    name_filter: str,
) -> list[Path]:
    """Existing files chosen by the reader ([] if cancelled); their folder is remembered."""
    names, _ = QFileDialog.getOpenFileNames(
        parent, title, start_folder(settings, purpose), name_filter
    )
    files = [Path(name) for name in names if name]
    if files:
        _remember(settings, purpose, files[0].parent)
    return files


def open_folder(
    parent: QWidget | None, settings: AppSettings | None, purpose: str, title: str
) -> Path | None:
    """A folder chosen by the reader; the folder that holds it is remembered, so the
    next dialog opens beside it, among its sibling folders."""
    name = QFileDialog.getExistingDirectory(parent, title, start_folder(settings, purpose))
    if not name:
        return None
    folder = Path(name)
    _remember(settings, purpose, folder.parent)
    return folder


def save_file(
    parent: QWidget | None,
    settings: AppSettings | None,
    purpose: str,
    title: str,
    file_name: str,
    name_filter: str,
) -> Path | None:
    """Where to save a file called ``file_name`` (a plain name: never a folder in it)."""
    suggested = Path(start_folder(settings, purpose)) / Path(file_name).name
    name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
    if not name:
        return None
    path = Path(name)
    _remember(settings, purpose, path.parent)
    return path
