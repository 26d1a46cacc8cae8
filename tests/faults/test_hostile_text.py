"""Text from documents is never interpreted: hostile titles, notes and file names.

A real library (:mod:`tests.faults.hostile_library`) carries ``<img src>`` payloads
pointing at ``/etc/hostname``, ``/dev/zero`` and a FIFO, 16 nested tables and a format
string in its titles, authors, sources, chapter titles, quotes, notes, file names and
folder name.  The window is opened on it, every document read, every list hovered,
the note and document dialogs opened and a hostile folder imported.

Qt's own file opens happen in C++, out of sight of Python's audit hooks, so the
in-process tests check what Qt is handed (labels in ``PlainText``, tool tips escaped
inside markup Tongwen owns) and the subprocess test checks what Qt does: a FIFO opened
by Qt blocks forever, so the drive finishing at all (and, where ``strace`` exists, no
``openat`` of a payload target) is the proof.
"""

from __future__ import annotations

import errno
import html
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox

from desktop.ui.app.main_window import MainWindow
from tests.faults import hostile_library as hostile_mod
from tests.faults.hostile_library import (
    ENCODED_HOSTNAME,
    ENCODED_ZERO,
    FORMAT_PAYLOAD,
    HostileLibrary,
    exercise_window,
    shown_problems,
)
from tests.ui.windows import shown_window

REPO = Path(__file__).resolve().parents[2]

# ------------------------------------------------------------------ audit hook
#: Paths opened from Python while recording (None: not recording).  The hook is
#: installed once per process (audit hooks cannot be removed) and switched by this.
_opened: list[str] | None = None
_hook_installed = False


def _audit(event: str, args: tuple[object, ...]) -> None:
    if event == "open" and _opened is not None and args:
        path = args[0]
        if isinstance(path, (str, bytes, os.PathLike)):
            _opened.append(os.fsdecode(path))


@pytest.fixture
def opened_files() -> Iterator[list[str]]:
    """Every path Python opens during the test (Qt's C++ opens are not seen)."""
    global _opened, _hook_installed
    if not _hook_installed:
        sys.addaudithook(_audit)
        _hook_installed = True
    _opened = []
    try:
        yield _opened
    finally:
        _opened = None


def _outside(paths: list[str], allowed: list[Path]) -> list[str]:
    """Opened paths outside the test's folders and the system's own places."""
    roots = [str(p) for p in allowed] + [
        sys.prefix,
        sys.base_prefix,
        "/usr",
        "/etc/fonts",
        "/proc",
        "/sys",
        "/dev/null",
        "/dev/urandom",
    ]
    return [p for p in paths if not any(p.startswith(r) for r in roots)]


# --------------------------------------------------------------------- fixtures
@pytest.fixture
def settings(isolated_env: Path) -> QSettings:
    return QSettings(str(isolated_env / "config" / "tongwen.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def hostile(isolated_env: Path) -> HostileLibrary:
    return hostile_mod.build(isolated_env / "hostile")


@pytest.fixture
def hostile_window(qtbot, hostile: HostileLibrary, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    with shown_window(qtbot, hostile.library, settings) as window:
        yield window


def _reader_problems(window: MainWindow, name: str, hostile: HostileLibrary) -> list[str]:
    """The reader and the annotations panel must show the payload exactly as written."""
    payload, reader = hostile.payloads[name], window.reader
    problems = [
        f"{label.accessibleName()} is {label.textFormat()}"
        for label in (reader.title_label, reader.meta_label)
        if label.textFormat() != Qt.TextFormat.PlainText
    ]
    if reader.title_label.text() != payload:
        problems.append(f"title shown as {reader.title_label.text()!r}")
    if payload not in reader.meta_label.text():
        problems.append(f"details shown as {reader.meta_label.text()!r}")
    if not any(payload in row for row in window.annotations_panel.row_texts()):
        problems.append(f"no annotation row shows {payload[:40]!r}")
    return problems


def _wanted(hostile: HostileLibrary) -> list[str]:
    return [*hostile.payloads.values(), ENCODED_HOSTNAME, ENCODED_ZERO]


# ----------------------------------------------------------------------- tests
def test_hostile_library_is_shown_as_text_everywhere(  # type: ignore[no-untyped-def]
    qtbot, hostile: HostileLibrary, hostile_window: MainWindow, opened_files: list[str]
) -> None:
    window = hostile_window
    problems: dict[str, str] = {}  # problem → the first stage it was seen at

    def check(stage: str) -> None:
        found = shown_problems(_wanted(hostile))
        name = stage.removeprefix("document ")
        if name in hostile.payloads:  # shown as written: no tag, no format field
            found += _reader_problems(window, name, hostile)
        if stage == "search results" and not window.search_pane.model.rowCount():
            found.append("the search found none of the hostile documents")
        for problem in found:
            problems.setdefault(problem, stage)

    exercise_window(window, hostile, check)
    assert problems == {}, "\n".join(f"{s}: {p}" for p, s in problems.items())
    box = window._summary_box
    assert isinstance(box, QMessageBox)
    assert f"{ENCODED_ZERO}.pdf" in box.informativeText()
    for label in box.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    touched = [p for p in opened_files if any(p.startswith(t) for t in hostile.targets)]
    assert touched == [], _outside(opened_files, [hostile.root])


def test_note_dialog_shows_the_quote_as_written(qtbot, hostile: HostileLibrary) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.annotations.note_dialog import NoteDialog

    for payload in hostile.payloads.values():
        dialog = NoteDialog(None, payload, payload)
        qtbot.addWidget(dialog)
        quote = dialog.findChild(QLabel)
        assert quote is not None
        assert quote.textFormat() == Qt.TextFormat.PlainText
        assert payload[:100] in quote.text()  # long quotes are cut
        assert dialog.editor.toPlainText() == payload


def test_nested_tables_title_does_not_freeze(  # type: ignore[no-untyped-def]
    qtbot, hostile: HostileLibrary, hostile_window: MainWindow
) -> None:
    """A title of 16 nested tables took Qt's HTML layout 10.8 s; as text it is instant."""
    doc_id = hostile.doc_ids["tables"]
    began = time.perf_counter()
    hostile_window.open_document(doc_id)
    qtbot.waitUntil(lambda: not hostile_window.reader.loading)
    hostile_window.reader.title_label.sizeHint()
    hostile_window.repaint()
    QApplication.processEvents()
    assert time.perf_counter() - began < 5.0
    assert hostile_window.reader.title_label.text() == hostile.payloads["tables"]


def test_library_tooltips_are_escaped_inside_owned_markup(  # type: ignore[no-untyped-def]
    qtbot, hostile: HostileLibrary, hostile_window: MainWindow
) -> None:
    model = hostile_window.library_pane.model
    for row in range(model.rowCount()):
        record = model.document(row)
        tip = model.data(model.index(row, 0), Qt.ItemDataRole.ToolTipRole)
        assert "<img" not in tip and "<table" not in tip
        assert GuiQt.mightBeRichText(tip)  # so Qt renders the escapes back to text
        document = QTextDocument()
        document.setHtml(tip)
        shown = document.toPlainText()
        assert record.title in shown and record.original_name in shown
        assert "&lt;" not in shown


def test_remove_question_names_titles_as_text(  # type: ignore[no-untyped-def]
    qtbot, hostile: HostileLibrary, hostile_window: MainWindow, monkeypatch
) -> None:
    asked: list[str] = []

    def question(parent, title, text, *args, **kwargs):  # type: ignore[no-untyped-def]
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    hostile_window.remove_documents([hostile.doc_ids["hostname"], hostile.doc_ids["zero"]])
    assert asked and hostile.payloads["hostname"] in asked[0]
    assert not GuiQt.mightBeRichText(asked[0])


def test_error_boxes_name_hostile_files_as_text(qtbot, hostile: HostileLibrary) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.annotations.export_dialog import problem_box
    from desktop.ui.common.errors import show_error

    name = f"{ENCODED_ZERO}.txt"
    boxes = [
        show_error(None, "Cannot open", OSError(errno.EACCES, "denied", name)),
        problem_box(None, "Export failed", f"Cannot write {ENCODED_ZERO}: denied.", "advice"),  # type: ignore[arg-type]
    ]
    for box in boxes:
        qtbot.addWidget(box)
        labels = [label for label in box.findChildren(QLabel) if label.text()]
        assert any(ENCODED_ZERO in label.text() for label in labels)
        for label in labels:
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_export_never_takes_a_folder_from_the_title(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from desktop.ui.annotations.export_dialog import ExportDialog

    starts: list[str] = []
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (starts.append(a[2]), ("", ""))[1]
    )
    dialog = ExportDialog(None)
    qtbot.addWidget(dialog)
    for title in ("/etc/passwd", "../../etc/passwd", f"{ENCODED_HOSTNAME}", "a\x00b\nc"):
        assert dialog.pick_path(title) is None
    for start in starts:
        assert Path(start).parent == Path.home(), start
        assert "\x00" not in start and "\n" not in start


def test_tooltip_helper_shows_text_literally(qapp) -> None:  # type: ignore[no-untyped-def]
    from desktop.ui.common.plain import tooltip

    for text in ('<img src="/etc/hostname">', FORMAT_PAYLOAD, "a & b\n<b>two</b>  lines"):
        tip = tooltip(text)
        assert "<img" not in tip and "<b>" not in tip
        assert GuiQt.mightBeRichText(tip)
        document = QTextDocument()
        document.setHtml(tip)
        assert document.toPlainText() == text
    assert tooltip("") == ""


# ------------------------------------------------------------- real process
def _drive_command(hostile: HostileLibrary, trace: Path | None) -> list[str]:
    command = [
        sys.executable,
        "-m",
        "tests.faults.hostile_library",
        str(hostile.library.root),
        str(hostile.incoming),
        str(hostile.fifo),
    ]
    if trace is None:
        return command
    return ["strace", "-f", "-qq", "-e", "trace=open,openat,openat2", "-o", str(trace), *command]


def test_window_on_hostile_library_opens_no_payload_file(hostile: HostileLibrary) -> None:
    """Qt following ``<img src>`` to the FIFO blocks forever; /dev/zero aborts the app.

    The drive runs in its own process and must end, cleanly, well within the timeout;
    under strace no payload target may appear among the files opened.
    """
    trace = hostile.root / "openat.trace" if shutil.which("strace") else None
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    process = subprocess.Popen(
        _drive_command(hostile, trace),
        cwd=REPO,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    blocked = False
    try:
        out, err = process.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        blocked = True
        os.killpg(process.pid, signal.SIGKILL)
        out, err = process.communicate()
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    hits = _payload_opens(trace, hostile.targets)
    assert not blocked, f"the window blocked; payload files opened: {hits[:5]}\n{err[-2000:]}"
    assert process.returncode == 0, f"exit {process.returncode}\n{out}\n{err[-3000:]}"
    assert "hostile drive done" in out
    assert hits == [], f"{len(hits)} opens of payload files, e.g. {hits[:5]}"


def _payload_opens(trace: Path | None, targets: list[str]) -> list[str]:
    """The strace lines that open a payload target ([] without strace)."""
    if trace is None or not trace.exists():
        return []
    lines = trace.read_text(errors="replace").splitlines()
    return [line for line in lines if any(f'"{t}"' in line for t in targets)]


def test_escaped_payload_is_what_the_summary_shows(qtbot, hostile: HostileLibrary) -> None:  # type: ignore[no-untyped-def]
    """The import summary of the hostile folder: every name shown, as written."""
    from desktop.ui.common.dialogs import import_summary

    results = hostile.library.add_paths([hostile.incoming])
    box = import_summary(None, results)  # type: ignore[arg-type]
    qtbot.addWidget(box)
    box.show()
    QApplication.processEvents()
    shown = box.informativeText() + box.detailedText()
    assert f"{ENCODED_ZERO}.pdf" in shown and f"{ENCODED_HOSTNAME}.epub" in shown
    for label in box.findChildren(QLabel):
        if label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert html.escape(ENCODED_ZERO) not in shown


def test_a_title_without_spaces_does_not_widen_the_window(  # type: ignore[no-untyped-def]
    qtbot, hostile: HostileLibrary, hostile_window: MainWindow
) -> None:
    """Wrapped at word boundaries only, 16 nested tables made the reader 2,944 px wide
    at least, so the window grew past the screen; the title is cut at the edge instead."""
    reader = hostile_window.reader
    before = reader.minimumSizeHint().width()
    hostile_window.open_document(hostile.doc_ids["tables"])
    qtbot.waitUntil(lambda: not reader.loading)
    after = reader.minimumSizeHint().width()
    assert after <= before + 50, (before, after)


def test_startup_box_names_a_hostile_library_folder_as_text(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """The "library folder cannot be opened" box at start-up guessed HTML from the
    folder's name."""
    from desktop import app

    root = tmp_path / "<img src=&#47;dev&#47;zero>"
    root.write_text("a file where the library folder should be", "utf-8")
    shown: list[QMessageBox] = []

    def capture(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    assert (
        app._open_window(root, QSettings(str(tmp_path / "t.ini"), QSettings.Format.IniFormat), [])
        is None
    )
    assert len(shown) == 1
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert "<img src=&#47;dev&#47;zero>" in shown[0].text() + shown[0].informativeText()
    assert shown[0].icon() == QMessageBox.Icon.Critical and shown[0].detailedText()


def test_no_answer_box_names_a_hostile_library_folder_as_text(
    qtbot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    """Another Tongwen holds the library and does not answer: the box and the line on
    stderr name the folder as written."""
    from desktop import app

    root = tmp_path / "<b>书库</b>"
    shown: list[QMessageBox] = []

    def capture(box: QMessageBox) -> int:
        shown.append(box)
        return 0

    monkeypatch.setattr(QMessageBox, "exec", capture)
    app._report_no_answer(root)
    assert len(shown) == 1 and shown[0].icon() == QMessageBox.Icon.Critical
    assert shown[0].textFormat() == Qt.TextFormat.PlainText
    assert str(root) in shown[0].text() and "does not answer" in shown[0].text()
    assert "start Tongwen again" in shown[0].informativeText()
    assert str(root) in capsys.readouterr().err
