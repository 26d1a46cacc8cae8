"""A library whose text attacks rich-text widgets, and a drive of the window over it.

Qt's labels, tool tips and message boxes guess "rich text" when a string holds a tag
in its first line, and then load ``<img src>`` from local files: a saved page titled
``<img src="/etc/hostname">`` made Qt read that file, ``/dev/zero`` made it allocate
until it aborted, a FIFO blocked the window for good, and 16 nested tables froze it.
:func:`build` makes a real :class:`~desktop.core.library.Library` whose titles,
authors, sources, chapter titles, annotation quotes and notes, file names and even
folder name carry these payloads (plus a format string); :func:`exercise_window`
opens, hovers and imports everything a reader would; :func:`shown_problems` lists
every label or tool tip that would hand a payload to Qt's HTML engine.

``python -m tests.faults.hostile_library LIBRARY_FOLDER INCOMING_FOLDER`` runs the
drive in a process of its own (the test runs it under a timeout: a FIFO opened by
Qt blocks forever, so a hang there is the proof that Qt followed an ``<img src>``).
"""

from __future__ import annotations

import html
import os
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QListWidget,
    QTableView,
    QToolTip,
    QWidget,
)

from desktop.core.annotations import AnnotationStore
from desktop.core.library import Library

#: A folder name that Qt would read as ``<img src="/etc/hostname">`` (names hold no "/").
ENCODED_HOSTNAME = "<img src=&#47;etc&#47;hostname>"
#: A file name that Qt would read as ``<img src="/dev/zero">``: it aborted the app.
ENCODED_ZERO = "<img src=&#47;dev&#47;zero>"
FORMAT_PAYLOAD = "%s %(x)s {0}"
NESTED_TABLES = "<table><tr><td>" * 16 + "16 tables" + "</td></tr></table>" * 16
#: Text that must never reach Qt's HTML parser unescaped.
RAW_MARKERS = ("<img", "<table")


def payloads(fifo: Path) -> dict[str, str]:
    """The hostile strings by name; ``fifo`` is a FIFO that blocks whoever opens it."""
    return {
        "hostname": '<img src="/etc/hostname">',
        "zero": '<img src="/dev/zero">',
        "fifo": f'<img src="{fifo}">',
        "tables": NESTED_TABLES,
        "format": FORMAT_PAYLOAD,
    }


def targets(fifo: Path) -> list[str]:
    """The files the payloads point at: none of them may ever be opened."""
    return ["/etc/hostname", "/dev/zero", str(fifo)]


@dataclass
class HostileLibrary:
    """The library, the FIFO, the payloads and a folder of hostile files to import."""

    library: Library
    root: Path  # the temporary folder holding everything
    fifo: Path
    payloads: dict[str, str]
    incoming: Path  # files with hostile names, for an import
    doc_ids: dict[str, str] = field(default_factory=dict)  # payload name → document id

    @property
    def targets(self) -> list[str]:
        return targets(self.fifo)


def _page(payload: str) -> str:
    """A saved web page with ``payload`` as title, author, site, headings and text."""
    text = html.escape(payload)
    body = "".join(
        f"<h2>{heading}</h2><p>{'正文内容，引用：' + text + '。' * 20}</p>"
        for heading in (text, f"第二章 {text}")
    )
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        f"<title>{text}</title>"
        f'<meta name="author" content="{text}">'
        f'<meta property="og:site_name" content="{text}">'
        f"</head><body><article>{body}</article></body></html>"
    )


def _write_pages(folder: Path, named: dict[str, str]) -> None:
    folder.mkdir(parents=True)
    for name, payload in named.items():
        (folder / f"page-{name}.html").write_text(_page(payload), "utf-8")
    (folder / f"{ENCODED_HOSTNAME}.txt").write_text("第一章 开始\n正文内容。\n", "utf-8")
    (folder / f"{FORMAT_PAYLOAD}.txt").write_text("第一回 宴桃園\n話說天下大勢。\n", "utf-8")


def _write_incoming(folder: Path) -> None:
    """Files an import refuses or takes, each named so that Qt would load a file."""
    folder.mkdir(parents=True)
    (folder / f"{ENCODED_ZERO}.pdf").write_bytes(b"%PDF-1.7\n")
    (folder / f"{ENCODED_HOSTNAME}.epub").write_bytes(b"not a zip")
    (folder / f"{ENCODED_ZERO} 新書.txt").write_text("第一回 新書\n話說天下。\n", "utf-8")


def _annotate(library: Library, doc_id: str, payload: str) -> None:
    """A highlight and a note whose quote is the payload, and notes that are the payload."""
    text = library.text(doc_id)
    store = AnnotationStore.open(library.doc_dir(doc_id), text=text)
    start = text.find(payload)
    if start >= 0:
        store.add_highlight(start, start + len(payload), note=payload)
        store.add_note(start, start + len(payload), f"{payload}\n{payload}")
    store.add_bookmark(0, note=payload)
    store.save()


def build(root: Path) -> HostileLibrary:
    """The hostile library in ``root`` (cache and config folders are the caller's)."""
    root.mkdir(parents=True, exist_ok=True)
    fifo = root / "pipe"
    os.mkfifo(fifo)
    named = payloads(fifo)
    sources = root / "pages"
    _write_pages(sources, named)
    incoming = root / "incoming"
    _write_incoming(incoming)
    library = Library.open(root / f"library {ENCODED_HOSTNAME}")
    doc_ids: dict[str, str] = {}
    for result in library.add_paths([sources]):
        assert result.status == "imported" and result.id, result
        stem = Path(result.path).stem
        doc_ids[stem.removeprefix("page-") if stem.startswith("page-") else stem] = result.id
    for name, payload in named.items():
        _annotate(library, doc_ids[name], payload)
    return HostileLibrary(library, root, fifo, named, incoming, doc_ids)


# --------------------------------------------------------------------- checking
def _widgets() -> list[QWidget]:
    return [w for w in QApplication.allWidgets() if isinstance(w, QWidget)]


def _raw(text: str) -> bool:
    return any(marker in text for marker in RAW_MARKERS)


def _rich_label(widget: QWidget) -> bool:
    """A label holding payload markup that Qt may render as HTML."""
    return (
        isinstance(widget, QLabel)
        and _raw(widget.text())
        and widget.textFormat() != Qt.TextFormat.PlainText
    )


def tooltip_shown_text(tip: str) -> str:
    """What Qt shows for a tool tip: rich text rendered to plain, else the string itself.

    Only called on tips without raw payload markup (those are reported, not rendered).
    """
    from PySide6.QtGui import Qt as GuiQt

    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


def _tooltip_problem(where: str, tip: str, wanted: list[str]) -> str | None:
    if not tip:
        return None
    if _raw(tip):
        return f"{where}: tool tip hands raw markup to Qt: {tip[:120]!r}"
    shown = tooltip_shown_text(tip)
    if any(entity in shown for entity in ("&lt;", "&gt;", "&quot;", "&amp;")):
        return f"{where}: tool tip shows escapes instead of text: {shown[:120]!r}"
    escaped = [p for p in wanted if html.escape(p) in tip or html.escape(p, quote=False) in tip]
    missing = [p for p in escaped if p not in shown]
    if missing:
        return f"{where}: tool tip does not show {missing[0][:60]!r} literally: {shown[:120]!r}"
    return None


def _columns(view: QAbstractItemView) -> int:
    """Columns of a table's model; 1 for a list (whose model hides columnCount)."""
    model = view.model()
    return model.columnCount(QModelIndex()) if isinstance(view, QTableView) and model else 1


def _model_tips(view: QAbstractItemView) -> Iterator[tuple[str, str]]:
    model = view.model()
    if model is None:
        return
    for row in range(model.rowCount(QModelIndex())):
        for column in range(_columns(view)):
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                yield f"{type(view).__name__}[{row},{column}]", tip


def shown_problems(wanted: list[str]) -> list[str]:
    """Every label, message box or tool tip now alive that would render a payload as HTML.

    A label showing text from a document must be ``PlainText`` (then its ``text()``
    is exactly what is drawn); a tool tip must carry no raw markup and, once Qt has
    rendered it, show the payload literally (escaped inside markup Tongwen owns).
    """
    problems: list[str] = []
    for widget in _widgets():
        name = f"{type(widget).__name__}({widget.objectName() or widget.accessibleName()})"
        if _rich_label(widget):
            problems.append(f"{name}: {widget.textFormat()} label {widget.text()[:120]!r}")
        if problem := _tooltip_problem(name, widget.toolTip(), wanted):
            problems.append(problem)
        if isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
            for where, tip in _model_tips(widget):
                if problem := _tooltip_problem(f"{name} {where}", tip, wanted):
                    problems.append(problem)
    return problems


# ---------------------------------------------------------------------- driving
def wait_until(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    """Process Qt events until ``condition()`` holds (``TimeoutError`` after ``timeout`` s)."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout} s for {condition}")
        QApplication.processEvents()
        time.sleep(0.005)


def settle(rounds: int = 5) -> None:
    """Let Qt lay out and paint what was just shown (where images would be loaded)."""
    for _ in range(rounds):
        QApplication.processEvents()


def hover_view(view: QAbstractItemView) -> None:
    """Ask every cell of ``view`` for its tool tip, the way a mouse hover does."""
    model = view.model()
    if model is None:
        return
    for row in range(min(model.rowCount(QModelIndex()), 40)):
        for column in range(_columns(view)):
            index = model.index(row, column)
            view.scrollTo(index)
            _help_event(view, view.visualRect(index).center())
            tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                QToolTip.showText(view.viewport().mapToGlobal(QPoint(4, 4)), tip, view)
                settle(2)
    QToolTip.hideText()


def _help_event(view: QAbstractItemView, pos: QPoint) -> None:
    viewport = view.viewport()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    settle(2)


def hover_widgets(root: QWidget) -> None:
    """Show the tool tip of ``root`` and of every child that has one."""
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.toolTip() and widget.isVisible():
            QToolTip.showText(widget.mapToGlobal(QPoint(2, 2)), widget.toolTip(), widget)
            settle(2)
    QToolTip.hideText()


Check = Callable[[str], None]


def exercise_window(window: object, hostile: HostileLibrary, check: Check) -> None:
    """Open every document, hover every list, open the note and document dialogs,
    import the hostile folder and show its summary; ``check(stage)`` after each step."""
    from desktop.ui.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    pane = window.library_pane
    hover_view(pane.table)
    check("library tool tips")
    for name, doc_id in hostile.doc_ids.items():
        _read_document(window, doc_id)
        check(f"document {name}")
    _dialogs(window, hostile)
    check("dialogs")
    _search(window, hostile)
    check("search results")
    _import(window, hostile)
    check("import summary")


def _read_document(window: object, doc_id: str) -> None:
    from desktop.ui.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.open_document(doc_id)
    wait_until(lambda: not window.reader.loading)
    window.annotations_dock.show()
    window.toc_dock.show()
    settle()
    hover_view(window.annotations_panel.list)
    hover_view(window.toc.list)
    hover_widgets(window.reader)
    panel_list: QListWidget = window.annotations_panel.list
    for row in range(panel_list.count()):
        tip = panel_list.item(row).toolTip()
        if tip:
            QToolTip.showText(panel_list.mapToGlobal(QPoint(2, 2)), tip, panel_list)
            settle(2)
    QToolTip.hideText()


def _dialogs(window: object, hostile: HostileLibrary) -> None:
    from desktop.ui.annotations.note_dialog import NoteDialog
    from desktop.ui.app.main_window import MainWindow
    from desktop.ui.common.dialogs import MetadataDialog, ReencodeDialog

    assert isinstance(window, MainWindow)
    shown: list[QWidget] = [NoteDialog(window, p, p) for p in hostile.payloads.values()]
    for doc_id in hostile.doc_ids.values():
        record = hostile.library.get(doc_id)
        shown += [MetadataDialog(record, window), ReencodeDialog(record, window)]
    shown.append(window.show_settings())
    for dialog in shown:
        dialog.show()
    settle()
    _hold(window, shown)


def _hold(window: object, widgets: list[QWidget]) -> None:
    """Keep the dialogs alive for the check that follows (closed by the next step)."""
    old: list[QWidget] = getattr(window, "_hostile_dialogs", [])
    for widget in old:
        widget.close()
        widget.deleteLater()
    window._hostile_dialogs = widgets  # type: ignore[attr-defined]


def _search(window: object, hostile: HostileLibrary) -> None:
    from desktop.ui.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    _hold(window, [])
    service = window.index_service
    wait_until(lambda: service.ready and service.idle, timeout=60)
    pane = window.search_pane
    pane.search_box.setText("正文内容")
    pane.run_search()
    wait_until(lambda: pane.showing_results and not pane.searching, timeout=30)
    settle()
    hover_view(pane.results)


def _import(window: object, hostile: HostileLibrary) -> None:
    from desktop.ui.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    window.search_pane.show_library()
    task = window.import_paths([hostile.incoming])
    assert task is not None
    wait_until(lambda: window._import_task is None, timeout=60)
    box = window._summary_box
    settle()
    hover_widgets(box)


def main(argv: list[str]) -> int:
    """Open the window on a library built by :func:`build` and drive it; 0 when all is shown as text."""
    from PySide6.QtCore import QSettings

    from desktop.ui.app.main_window import MainWindow

    library_folder, incoming, fifo = Path(argv[0]), Path(argv[1]), Path(argv[2])
    app = QApplication.instance() or QApplication([])
    library = Library.open(library_folder)
    named = payloads(fifo)
    doc_ids = {str(n): record.id for n, record in enumerate(library.documents())}
    hostile = HostileLibrary(library, library_folder.parent, fifo, named, incoming, doc_ids)
    settings = QSettings(str(library_folder.parent / "tongwen.ini"), QSettings.Format.IniFormat)
    window = MainWindow(library, settings)
    window.show()
    problems: list[str] = []
    exercise_window(window, hostile, lambda stage: problems.extend(shown_problems([])))
    window.close()
    app.processEvents()
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"hostile drive done: {len(doc_ids)} documents, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
