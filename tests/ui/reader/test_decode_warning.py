"""A doubtful decoding says so over the text, and a refused re-decode is a warning.

Issue 15: an EUC-TW file was shown as GB18030 mojibake and nothing told the reader;
a re-decode the core refused was logged as an ERROR with a traceback.
"""

from __future__ import annotations

import logging
from pathlib import Path

import opencc
import pytest

from desktop.core.library import Library
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common import dialogs as dialogs_module
from desktop.ui.common.dialogs import ReencodeDialog
from desktop.ui.reader.decode_warning import DecodeWarningBar


def _import_mixed(library: Library, folder: Path, seed_paths: list[Path]) -> str:
    """Half GB18030, half Big5: whichever codec wins, half the text is mojibake."""
    simplified = seed_paths[0].read_text("utf-8")
    traditional = opencc.OpenCC("s2t").convert(seed_paths[3].read_text("utf-8"))
    path = folder / "mixed.txt"
    path.write_bytes(simplified.encode("gb18030") + traditional.encode("big5", "replace"))
    result = library.add_file(path)
    assert result.status == "imported" and result.id
    return result.id


def _bar(window: MainWindow) -> DecodeWarningBar:
    bar = window.reader.findChild(DecodeWarningBar)
    assert bar is not None
    return bar


def test_bar_over_a_doubtful_document_only(
    main_window: MainWindow, seeded_library: Library, tmp_path: Path, seed_paths: list[Path]
) -> None:
    doc_id = _import_mixed(seeded_library, tmp_path, seed_paths)
    main_window.open_document(doc_id)
    bar = _bar(main_window)
    assert bar.isVisible()
    assert "may have been decoded wrongly" in bar.label.text()
    assert bar.button.text() == "Re-decode…"
    sure = next(d.id for d in seeded_library.documents() if d.id != doc_id)
    main_window.open_document(sure)
    assert not bar.isVisible()


def test_re_decode_button_opens_the_dialog_for_that_document(
    main_window: MainWindow,
    seeded_library: Library,
    tmp_path: Path,
    seed_paths: list[Path],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doc_id = _import_mixed(seeded_library, tmp_path, seed_paths)
    opened: list[str] = []

    class Declined(ReencodeDialog):
        def exec(self) -> int:
            opened.append(self.windowTitle())
            return int(ReencodeDialog.DialogCode.Rejected)

    monkeypatch.setattr(dialogs_module, "ReencodeDialog", Declined)
    main_window.open_document(doc_id)
    _bar(main_window).button.click()
    assert opened == ["Re-decode"]


def test_a_refused_re_decode_is_a_warning_with_its_reason(
    main_window: MainWindow,
    seeded_library: Library,
    tmp_path: Path,
    seed_paths: list[Path],
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    qtbot,  # type: ignore[no-untyped-def]
) -> None:
    doc_id = _import_mixed(seeded_library, tmp_path, seed_paths)

    class ChoosesBig5(ReencodeDialog):
        def exec(self) -> int:
            return int(ReencodeDialog.DialogCode.Accepted)

        def encoding(self) -> str:
            return "big5"  # the GB18030 half does not fit: refused

    monkeypatch.setattr(dialogs_module, "ReencodeDialog", ChoosesBig5)
    caplog.set_level(logging.INFO)
    main_window.reencode(doc_id)
    qtbot.waitUntil(lambda: getattr(main_window, "_error_box", None) is not None, timeout=10_000)
    assert [r for r in caplog.records if r.levelno >= logging.ERROR] == []
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("cannot be decoded as big5" in w for w in warnings)
    assert all("Traceback" not in w for w in warnings)
