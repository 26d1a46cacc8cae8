"""Document ▸ Chapters…: a rule per document, previewed live, stored through the core."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from desktop.core.chapters import (
    AUTOMATIC,
    CUSTOM,
    PRESETS,
    STARTS_WITH,
    ChapterRule,
    detect_chapters,
)
from desktop.ui.app.main_window import MainWindow
from desktop.ui.reader import chapters_dialog
from desktop.ui.reader.chapters_dialog import ChaptersDialog, open_chapters_dialog

_BODY = "話說天下大勢，分久必合，合久必分。周末七國分爭，并入於秦。\n" * 40
_BOOK = (
    f"卷一 春\n第一回 宴桃園豪傑三結義\n{_BODY}"
    f"第二回 張翼德怒鞭督郵\n{_BODY}"
    "第三回書中所記何事？此回則暫不能寫矣．\n"
    f"卷二 夏\n第三回 議溫明董卓叱丁原\n{_BODY}"
)


def _open_book(main_window: MainWindow, tmp_path: Path, text: str = _BOOK) -> str:
    path = tmp_path / "演義.txt"
    path.write_text(text, "utf-8")
    result = main_window.library.add_file(path)
    assert result.id, result.error
    main_window.open_document(result.id)
    return result.id


def _dialog(main_window: MainWindow) -> ChaptersDialog:
    dialog = open_chapters_dialog(main_window)
    assert dialog is not None
    return dialog


def _choose(dialog: ChaptersDialog, kind: str) -> None:
    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData(kind))


def _type(edit: QLineEdit, text: str) -> None:
    """Type ``text`` as an input method commits Chinese (QTest types only ASCII)."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def _wait_preview(qtbot, dialog: ChaptersDialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.result_table() is not None, timeout=10_000)


def _listed(dialog: ChaptersDialog) -> list[str]:
    return [dialog.headings.item(i).text() for i in range(dialog.headings.count())]


def _meta(main_window: MainWindow, doc_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads((main_window.library.doc_dir(doc_id) / "meta.json").read_text("utf-8"))


def test_preview_follows_typing(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    dialog = _dialog(main_window)
    _wait_preview(qtbot, dialog)
    assert _listed(dialog) == [
        "第一回 宴桃園豪傑三結義",
        "第二回 張翼德怒鞭督郵",
        "第三回 議溫明董卓叱丁原",
    ]
    _choose(dialog, STARTS_WITH)
    _type(dialog.rule_edit, "卷")
    _wait_preview(qtbot, dialog)
    assert _listed(dialog) == ["卷一 春", "卷二 夏"]
    assert "2" in dialog.status.text() and dialog.ok_button.isEnabled()
    _type(dialog.rule_edit, "二")
    _wait_preview(qtbot, dialog)
    assert _listed(dialog) == ["卷二 夏"]


def test_clicking_a_heading_shows_its_line_in_context(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    dialog = _dialog(main_window)
    _wait_preview(qtbot, dialog)
    dialog.headings.setCurrentRow(1)
    shown = dialog.context.toPlainText()
    assert "第二回 張翼德怒鞭督郵" in shown and "合久必分" in shown
    assert dialog.context.textCursor().selectedText() == "第二回 張翼德怒鞭督郵"


def test_bad_regular_expression_says_so(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    dialog = _dialog(main_window)
    _choose(dialog, CUSTOM)
    dialog.rule_edit.clear()
    _type(dialog.rule_edit, "第(回")
    qtbot.waitUntil(lambda: "not valid" in dialog.status.text(), timeout=10_000)
    assert "missing )" in dialog.status.text()
    assert dialog.headings.count() == 0 and not dialog.ok_button.isEnabled()
    dialog.accept()  # OK refused: nothing stored
    assert dialog.isVisible()


def test_ok_stores_the_rule_and_the_contents_follow(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    dialog = _dialog(main_window)
    _choose(dialog, "juan")
    _wait_preview(qtbot, dialog)
    dialog.ok_button.click()
    meta = _meta(main_window, doc_id)
    assert meta["user"]["chapter_pattern"] == PRESETS["juan"]
    assert [t for _, t in meta["chapters"]] == ["卷一 春", "卷二 夏"]
    toc = main_window.toc
    assert [toc.list.item(i).text() for i in range(toc.list.count())] == ["卷一 春", "卷二 夏"]
    reader = main_window.reader
    reader.go_to_canonical(0)
    reader.next_chapter()
    assert reader.current_canonical() == main_window.reader.canonical.index("卷二 夏")


def test_reopening_shows_the_stored_rule(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    dialog = _dialog(main_window)
    _choose(dialog, STARTS_WITH)
    _type(dialog.rule_edit, "卷")
    _wait_preview(qtbot, dialog)
    dialog.ok_button.click()
    again = _dialog(main_window)
    assert again.kind_box.currentData() == STARTS_WITH
    assert again.rule_edit.text() == "卷"
    _wait_preview(qtbot, again)
    assert _listed(again) == ["卷一 春", "卷二 夏"]
    again.reject()
    _choose(third := _dialog(main_window), CUSTOM)  # starts from the rule shown, to refine
    assert third.rule_edit.text() == ChapterRule(STARTS_WITH, "卷").pattern()
    third.reject()


def test_automatic_brings_back_the_built_in_table(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    built_in = detect_chapters(main_window.library.text(doc_id))
    dialog = _dialog(main_window)
    _choose(dialog, CUSTOM)
    _type(dialog.rule_edit, "^卷")
    _wait_preview(qtbot, dialog)
    dialog.ok_button.click()
    assert _meta(main_window, doc_id)["user"]["chapter_pattern"] == "^卷"
    again = _dialog(main_window)
    assert (again.kind_box.currentData(), again.rule_edit.text()) == (CUSTOM, "^卷")
    _choose(again, AUTOMATIC)
    _wait_preview(qtbot, again)
    again.ok_button.click()
    meta = _meta(main_window, doc_id)
    assert "chapter_pattern" not in meta["user"]
    assert [tuple(c) for c in meta["chapters"]] == built_in
    assert main_window.toc.list.count() == 3


def test_cancel_keeps_the_table(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open_book(main_window, tmp_path)
    before = _meta(main_window, doc_id)
    dialog = _dialog(main_window)
    _choose(dialog, "juan")
    _wait_preview(qtbot, dialog)
    dialog.reject()
    assert _meta(main_window, doc_id) == before
    assert main_window.toc.list.count() == 3


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(a|aa)+$"])
def test_pathological_expression_does_not_hang_the_window(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, tmp_path: Path, monkeypatch, pattern: str
) -> None:
    """A pattern that backtracks exponentially on a long line of a's: the window keeps
    answering while it runs (a timer on the UI thread never waits a second) and the
    preview ends, found or stopped by the time limit (1 s here), well within 10 s."""
    monkeypatch.setattr(chapters_dialog, "RULE_TIMEOUT", 1.0)
    _open_book(main_window, tmp_path, _BOOK + "a" * 20_000 + "!\n")
    dialog = _dialog(main_window)
    _wait_preview(qtbot, dialog)
    gaps: list[int] = []
    clock = QElapsedTimer()
    clock.start()

    def tick() -> None:
        gaps.append(clock.restart())

    ticker = QTimer(dialog, interval=20)
    ticker.timeout.connect(tick)
    ticker.start()
    started = time.monotonic()
    _choose(dialog, CUSTOM)
    dialog.rule_edit.clear()
    qtbot.keyClicks(dialog.rule_edit, pattern)
    qtbot.waitUntil(
        lambda: dialog.result_table() is not None or "stopped" in dialog.status.text(),
        timeout=10_000,
    )
    ticker.stop()
    assert time.monotonic() - started < 10
    assert max(gaps) < 1000, f"the window froze for {max(gaps)} ms"


def test_headings_and_context_in_the_script_shown(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open_book(main_window, tmp_path)
    main_window.reader_toolbar.choose_script("simplified")
    dialog = _dialog(main_window)
    _wait_preview(qtbot, dialog)
    assert _listed(dialog)[1] == "第二回 张翼德怒鞭督邮"
    dialog.headings.setCurrentRow(1)
    assert "合久必分" in dialog.context.toPlainText()
    assert dialog.context.textCursor().selectedText() == "第二回 张翼德怒鞭督邮"
