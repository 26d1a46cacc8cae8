"""Failures in the main window reach the reader as translated messages naming the file."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QThreadPool

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from tests.ui.i18n_check import english_strings


def test_a_missing_text_file_is_named_in_chinese(
    qtbot, seeded_library: Library, settings: QSettings, chinese_ui: str
) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow(seeded_library, settings)
    qtbot.addWidget(window)
    try:
        doc = seeded_library.documents()[0]
        (seeded_library.doc_dir(doc.id) / "text.txt").unlink()
        window.open_document(doc.id)
        box = window._error_box
        assert "text.txt" in box.text()
        assert english_strings(box, allowed=[box.detailedText()]) == []
        assert box.informativeText()
        assert "tongwen.log" in box.detailedText()
        box.close()
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)


def test_a_failed_import_shows_the_problem(main_window: MainWindow, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    def broken(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied", str(tmp_path / "书.txt"))

    main_window.library.add_paths = broken  # type: ignore[method-assign]
    main_window.import_paths([tmp_path / "书.txt"])
    qtbot.waitUntil(lambda: getattr(main_window, "_error_box", None) is not None, timeout=10_000)
    assert "书.txt" in main_window._error_box.text()


def test_repairs_on_opening_are_reported_in_chinese(
    qtbot, seeded_library: Library, settings: QSettings, chinese_ui: str
) -> None:  # type: ignore[no-untyped-def]
    doc = seeded_library.documents()[0]
    (seeded_library.doc_dir(doc.id) / "meta.json").write_text("{broken", encoding="utf-8")
    reopened = Library.open(seeded_library.root)
    assert reopened.warnings
    window = MainWindow(reopened, settings)
    qtbot.addWidget(window)
    try:
        message = window.statusBar().currentMessage()
        assert message.startswith("书库中有 1 个" if chinese_ui == "zh_CN" else "書庫中有 1 個")
    finally:
        window.close()
        QThreadPool.globalInstance().waitForDone(10_000)


def test_metadata_that_cannot_be_saved_is_reported_not_raised(
    main_window: MainWindow, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    """meta.json gone while the dialog was open: update_meta raises LibraryError, which
    the slot let escape (an exception in a Qt slot is lost to the user)."""
    from desktop.ui.common import dialogs as dialogs_module

    dialog = dialogs_module.MetadataDialog
    monkeypatch.setattr(dialog, "exec", lambda self: dialog.DialogCode.Accepted)
    monkeypatch.setattr(dialog, "edits", lambda self: {"title": "新的标题"})
    doc = main_window.library.documents()[0]
    (main_window.library.doc_dir(doc.id) / "meta.json").unlink()
    main_window.edit_metadata(doc.id)
    assert "meta.json" in main_window._error_box.text() + main_window._error_box.informativeText()
