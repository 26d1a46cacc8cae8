"""File dialogs open in the folder used last (import, annotation export and import)."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog

from desktop.ui.annotations.export_dialog import (
    ExportDialog,
    export_annotations,
    import_annotations,
)
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings


def _answer_file_dialog(
    qtbot, seen: list[str], choose: Path | None, *, save_name: str = ""
) -> None:  # type: ignore[no-untyped-def]
    """When Qt's file dialog shows: note the folder it opened in, then pick ``choose``
    (or cancel).  The dialog is the real one the static QFileDialog functions show."""

    def answer() -> None:
        shown = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QFileDialog) and w.isVisible()
        ]
        if not shown:
            QTimer.singleShot(20, answer)
            return
        dialog = shown[0]
        seen.append(dialog.directory().absolutePath())
        if choose is None:
            dialog.reject()
            return
        if choose.is_dir() and not save_name:
            dialog.setDirectory(str(choose.parent))
        dialog.selectFile(str(choose / save_name) if save_name else str(choose))
        dialog.accept()

    QTimer.singleShot(0, answer)


def _run(qtbot, action: Callable[[], object], choose: Path | None, save_name: str = "") -> str:  # type: ignore[no-untyped-def]
    seen: list[str] = []
    _answer_file_dialog(qtbot, seen, choose, save_name=save_name)
    action()
    assert len(seen) == 1
    return seen[0]


def test_dialog_folder_falls_back_to_what_exists(tmp_path: Path) -> None:
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    assert settings.dialog_folder("import") == str(Path.home())
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    settings.remember_dialog_folder("import", deep)
    assert settings.dialog_folder("import") == str(deep)
    assert settings.dialog_folder("annotations") == str(Path.home())  # its own memory
    shutil.rmtree(tmp_path / "a" / "b")
    assert settings.dialog_folder("import") == str(tmp_path / "a")  # unplugged: the parent
    settings.remember_dialog_folder("import", "relative/folder")
    assert settings.dialog_folder("import") == str(Path.home())
    settings.qsettings.setValue("dialogs/import", ["a", "list"])
    assert settings.dialog_folder("import") == str(Path.home())


def test_import_dialogs_open_where_the_last_import_was(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path, seed_paths: list[Path]
) -> None:
    novels = tmp_path / "novels"
    series = tmp_path / "more" / "series"
    novels.mkdir()
    series.mkdir(parents=True)
    book = novels / "book.txt"
    book.write_text("第一回\n天下大勢，分久必合，合久必分。\n", encoding="utf-8")
    shutil.copy(seed_paths[0], series / "seed.txt")

    first = _run(qtbot, main_window.import_files_dialog, book)
    assert first == str(Path.home())
    qtbot.waitUntil(lambda: main_window._import_task is None, timeout=20_000)
    assert _run(qtbot, main_window.import_files_dialog, None) == str(novels)

    assert _run(qtbot, main_window.import_folder_dialog, series) == str(novels)
    qtbot.waitUntil(lambda: main_window._import_task is None, timeout=20_000)
    QApplication.processEvents()
    box = getattr(main_window, "_summary_box", None)
    if box is not None:
        box.close()
    # beside the folder imported, among its siblings
    assert _run(qtbot, main_window.import_folder_dialog, None) == str(tmp_path / "more")
    assert _run(qtbot, main_window.import_files_dialog, None) == str(tmp_path / "more")


def test_annotation_dialogs_open_where_the_last_export_was(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    doc = main_window.library.documents()[0]
    main_window.open_document(doc.id)
    notes = tmp_path / "notes"
    notes.mkdir()
    monkeypatch.setattr(ExportDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    layer = main_window.annotations

    assert _run(qtbot, lambda: export_annotations(main_window, layer), notes, "a.md") == str(
        Path.home()
    )
    assert (notes / "a.md").is_file()
    assert _run(qtbot, lambda: export_annotations(main_window, layer), None) == str(notes)
    assert _run(qtbot, lambda: import_annotations(main_window, layer), None) == str(notes)
