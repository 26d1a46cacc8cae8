"""Document ▸ Chapters…: the rule that finds a document's chapters, with a live preview.

The reader picks Automatic (the built-in finder, or the file's own table for an EPUB
or a web page), a preset (第…章, 第…回, 第…节, 卷…, Chapter N), lines starting with a
text, or a regular expression, and sees at once which lines it finds and how many; a
click on one shows it among its neighbours.  OK stores the rule (as
``user.chapter_pattern``) and the table through :meth:`Library.set_chapters`, and the
Contents panel and Go ▸ Next/Previous Chapter follow the new table at once.

A preview runs on a worker thread, one at a time, 300 ms after the last keystroke:
a 50 MB novel takes about 0.2 s per rule, and a pattern that backtracks for ever is
stopped by the core's time limit (:data:`~desktop.core.chapters.RULE_TIMEOUT`) while
the window keeps answering.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.core.chapters import (
    AUTOMATIC,
    CUSTOM,
    MAX_CHAPTERS,
    PRESETS,
    RULE_TIMEOUT,
    STARTS_WITH,
    BadPattern,
    ChapterRule,
    RuleTooSlow,
    TooManyHeadings,
    detect_chapters,
    heading_context,
)
from desktop.core.library import LibraryError
from desktop.ui.common.errors import describe, show_error
from desktop.ui.common.plain import plain_label, window_title
from desktop.ui.common.workers import Task, run_in_background
from desktop.ui.reader.utf16 import Utf16Index

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["ChaptersDialog", "open_chapters_dialog"]

log = logging.getLogger(__name__)

Chapters = list[tuple[int, str]]
#: Headings listed in the preview; the count says how many there are in all.
SHOWN_HEADINGS = 5000
#: Quiet time after the last change before a preview starts (ms).
PREVIEW_DELAY_MS = 300
_OFFSET_ROLE = Qt.ItemDataRole.UserRole + 1
#: Lines shown above and below a heading picked in the list.
_CONTEXT_LINES = 3


class ChaptersDialog(QDialog):
    """Choose a chapter rule for one document and see what it finds.

    ``automatic`` gives the table Automatic stands for (it may read the original
    file, so it runs off the UI thread like every preview); ``show`` turns lines of
    the canonical text into the script of the view (titles and context are shown
    as the page shows them)."""

    def __init__(
        self,
        text: str,
        rule: ChapterRule,
        automatic: Callable[[], Chapters],
        *,
        title: str,
        show: Callable[[list[str]], list[str]] = list,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(window_title(self.tr("Chapters of “{title}”").format(title=title)))
        self._text = text
        self._automatic = automatic
        self._show = show
        self._typed: dict[str, str] = {}
        self._result: tuple[ChapterRule, Chapters] | None = None
        self._running: Task | None = None
        self._pending = False
        self._delete_when_free = False
        self._kind = rule.kind
        self._build()
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._start_preview)
        self._set_rule(rule)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.rule_edit.textEdited.connect(self._rule_edited)
        self.headings.currentItemChanged.connect(self._show_context)
        self._start_preview()

    # ------------------------------------------------------------------ layout
    def _build(self) -> None:
        self.kind_box = QComboBox(self)
        for kind, label in self._kind_labels():
            self.kind_box.addItem(label, kind)
        self.rule_edit = QLineEdit(self)
        self.rule_edit.setAccessibleName(self.tr("Rule text"))
        self.status = plain_label("", self, wrap=True)
        self.status.setAccessibleName(self.tr("What the rule finds"))
        self.headings = QListWidget(self)
        self.headings.setUniformItemSizes(True)
        self.headings.setAccessibleName(self.tr("Headings found"))
        self.context = QPlainTextEdit(self)
        self.context.setReadOnly(True)
        self.context.setUndoRedoEnabled(False)
        self.context.setAccessibleName(self.tr("The heading in its place"))
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(self.headings)
        split.addWidget(self.context)
        split.setSizes([320, 420])
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("&Rule:"), self.kind_box)
        form.addRow(self.tr("&Text:"), self.rule_edit)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addWidget(split, 1)
        layout.addWidget(self.buttons)
        self.resize(780, 520)

    def _kind_labels(self) -> list[tuple[str, str]]:
        return [
            (AUTOMATIC, self.tr("Automatic")),
            ("zhang", self.tr("Chapters: 第…章")),
            ("hui", self.tr("Chapters: 第…回")),
            ("jie", self.tr("Sections: 第…节 / 第…節")),
            ("juan", self.tr("Volumes: 卷… / 第…卷")),
            ("chapter", self.tr("Chapter N (English)")),
            (STARTS_WITH, self.tr("Lines starting with…")),
            (CUSTOM, self.tr("Regular expression…")),
        ]

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    # ------------------------------------------------------------------- rules
    def rule(self) -> ChapterRule:
        """The rule as chosen now (its text is what the reader typed)."""
        kind = str(self.kind_box.currentData())
        if kind in (STARTS_WITH, CUSTOM):
            return ChapterRule(kind, self.rule_edit.text())
        return ChapterRule(kind)

    def result_table(self) -> tuple[ChapterRule, Chapters] | None:
        """The rule and the table it found, once the preview of that rule is done."""
        if self._result is None or self._result[0] != self.rule():
            return None
        return self._result

    def _set_rule(self, rule: ChapterRule) -> None:
        if rule.kind in (STARTS_WITH, CUSTOM):
            self._typed[rule.kind] = rule.text
        self.kind_box.setCurrentIndex(max(0, self.kind_box.findData(rule.kind)))
        self._fill_rule_edit(rule.kind)

    def _fill_rule_edit(self, kind: str, previous: str | None = None) -> None:
        """Show what the kind takes: the preset's pattern (read-only, to copy), or
        the text typed for this kind before (a new expression starts from the
        pattern of the rule shown before it, to refine)."""
        editable = kind in (STARTS_WITH, CUSTOM)
        if kind == CUSTOM and not self._typed.get(CUSTOM) and previous is not None:
            self._typed[CUSTOM] = self._pattern_of(previous) or ""
        text = PRESETS.get(kind, "") if not editable else self._typed.get(kind, "")
        self.rule_edit.setText(text)
        self.rule_edit.setReadOnly(not editable)
        self.rule_edit.setEnabled(kind != AUTOMATIC)
        self.rule_edit.setPlaceholderText(self._placeholder(kind))

    def _pattern_of(self, kind: str) -> str | None:
        try:
            return ChapterRule(kind, self._typed.get(kind, "")).pattern()
        except ValueError:
            return None

    def _placeholder(self, kind: str) -> str:
        if kind == STARTS_WITH:
            return self.tr("What every heading line starts with, e.g. 卷")
        if kind == CUSTOM:
            return self.tr("A regular expression matched on each line, e.g. ^第.+章")
        if kind == AUTOMATIC:
            return self.tr("Tongwen's own rules for Chinese headings")
        return ""

    def _kind_changed(self, _index: int) -> None:
        kind = str(self.kind_box.currentData())
        self._fill_rule_edit(kind, self._kind)
        self._kind = kind
        self._schedule()
        if kind in (STARTS_WITH, CUSTOM):
            self.rule_edit.setFocus()

    def _rule_edited(self, text: str) -> None:
        self._typed[str(self.kind_box.currentData())] = text
        self._schedule()

    # ----------------------------------------------------------------- preview
    def _schedule(self) -> None:
        """Preview the rule once typing pauses; until then OK waits for it."""
        self._result = None
        self.ok_button.setEnabled(False)
        self.status.setText(self.tr("Looking for headings…"))
        self._timer.start()

    def _start_preview(self) -> None:
        if self._running is not None:
            self._pending = True  # one search at a time; the newest rule runs next
            return
        rule = self.rule()
        try:
            pattern = rule.pattern()
        except ValueError:
            self._say_empty(rule)
            return
        self._pending = False
        self.status.setText(self.tr("Looking for headings…"))
        self._running = run_in_background(
            lambda _task: (rule, self._find(pattern)),
            on_done=self._preview_done,
            on_failure=lambda exc: self._preview_failed(rule, exc),
        )

    def _find(self, pattern: str | None) -> Chapters:
        """Runs on the worker thread: the table the rule gives for this text."""
        if pattern is None:
            return self._automatic()
        return detect_chapters(self._text, pattern, timeout=RULE_TIMEOUT, limit=MAX_CHAPTERS)

    def _finished(self) -> bool:
        """The worker is free again; False when a newer rule is waiting for it."""
        self._running = None
        if self._delete_when_free:
            self.deleteLater()
            return False
        if self._pending and not self._timer.isActive():
            self._start_preview()
            return False
        return not self._pending

    def _preview_done(self, outcome: tuple[ChapterRule, Chapters]) -> None:
        if not self._finished():
            return
        rule, chapters = outcome
        if rule != self.rule():
            return
        self._result = (rule, chapters)
        self._fill_headings(chapters)
        self.status.setText(self._count_text(rule, len(chapters)))
        self.ok_button.setEnabled(bool(chapters) or rule.kind == AUTOMATIC)

    def _preview_failed(self, rule: ChapterRule, exc: BaseException) -> None:
        if not self._finished() or rule != self.rule():
            return
        self._fill_headings([])
        self.status.setText(self._failure_text(exc))

    def _say_empty(self, rule: ChapterRule) -> None:
        self._fill_headings([])
        if rule.kind == STARTS_WITH:
            self.status.setText(self.tr("Type what the heading lines start with."))
        else:
            self.status.setText(self.tr("Type a regular expression."))

    def _count_text(self, rule: ChapterRule, count: int) -> str:
        if count == 0:
            return self.tr("No line is a heading by this rule.")
        found = self.tr("%n heading(s) found.", "", count)
        if count > SHOWN_HEADINGS:
            found += " " + self.tr("The first %n are listed.", "", SHOWN_HEADINGS)
        return found

    def _failure_text(self, exc: BaseException) -> str:
        if isinstance(exc, BadPattern):
            return self.tr("This regular expression is not valid: {problem}").format(
                problem=exc.problem
            )
        if isinstance(exc, RuleTooSlow):
            return self.tr(
                "This rule was still searching after {seconds} seconds and was stopped; "
                "try a simpler expression."
            ).format(seconds=f"{RULE_TIMEOUT:g}")
        if isinstance(exc, TooManyHeadings):
            return self.tr(
                "More than {count} lines match this rule: that is not a table of contents."
            ).format(count=QLocale().toString(MAX_CHAPTERS))
        return self.tr("The headings could not be found: {problem}").format(
            problem=describe(exc).text
        )

    def _fill_headings(self, chapters: Chapters) -> None:
        shown = chapters[:SHOWN_HEADINGS]
        titles = self._show([t for _, t in shown])
        self.headings.clear()
        self.context.clear()
        for (offset, _), title in zip(shown, titles):
            item = QListWidgetItem(title.strip() or "…")
            item.setData(_OFFSET_ROLE, offset)
            self.headings.addItem(item)

    def _show_context(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        """The heading picked, among the lines around it, its own line selected."""
        if item is None:
            return
        passage, start, _end = heading_context(
            self._text, int(item.data(_OFFSET_ROLE)), _CONTEXT_LINES
        )
        lines = self._show(passage.split("\n"))  # one for one: the heading keeps its row
        row = passage.count("\n", 0, start)
        shown = "\n".join(lines)
        head = sum(len(line) + 1 for line in lines[:row])
        self.context.setPlainText(shown)
        index = Utf16Index(shown)
        cursor = self.context.textCursor()
        cursor.setPosition(index.to_qt(head))
        cursor.setPosition(index.to_qt(head + len(lines[row])), QTextCursor.MoveMode.KeepAnchor)
        self.context.setTextCursor(cursor)
        self.context.centerCursor()

    def accept(self) -> None:
        if self.result_table() is None:
            return  # OK waits for the preview of the rule shown
        super().accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        self._pending = False
        super().done(result)

    def delete_when_free(self) -> None:
        """Delete the dialog once no preview is running (a running one reports back
        to it; the core's time limit bounds the wait)."""
        if self._running is None:
            self.deleteLater()
        else:
            self._delete_when_free = True


# ---------------------------------------------------------------- the window's slot
def open_chapters_dialog(window: MainWindow) -> ChaptersDialog | None:
    """Document ▸ Chapters… for the document being read (else the one selected)."""
    from desktop.ui.reader.toc_panel import in_view_script

    library, reader = window.library, window.reader
    doc_id = reader.doc_id or window.library_pane.current_id()
    if doc_id is None:
        window.statusBar().showMessage(
            QCoreApplication.translate(
                "ChaptersDialog", "Open a document to choose how its chapters are found."
            ),
            5000,
        )
        return None
    try:
        record = library.get(doc_id)
        text = reader.canonical if reader.doc_id == doc_id else library.text(doc_id)
    except (KeyError, OSError, UnicodeDecodeError) as exc:
        title = QCoreApplication.translate("ChaptersDialog", "Cannot read the document")
        show_error(window, title, exc, library.doc_dir(doc_id) / "text.txt")
        return None
    dialog = ChaptersDialog(
        text,
        ChapterRule.from_pattern(record.user.get("chapter_pattern")),
        lambda: library.automatic_chapters(doc_id),
        title=record.title,
        show=lambda lines: in_view_script(reader, lines) if reader.doc_id == doc_id else lines,
        parent=window,
    )
    dialog.accepted.connect(lambda: _store(window, doc_id, dialog))
    dialog.finished.connect(dialog.delete_when_free)
    dialog.open()
    return dialog


def _store(window: MainWindow, doc_id: str, dialog: ChaptersDialog) -> None:
    """Keep the chosen rule and its table; the contents follow at once."""
    chosen = dialog.result_table()
    if chosen is None:
        return
    rule, chapters = chosen
    try:
        record = window.library.set_chapters(doc_id, chapters, rule.pattern())
    except (KeyError, OSError, ValueError, LibraryError) as exc:
        title = QCoreApplication.translate("ChaptersDialog", "Cannot save the chapters")
        show_error(window, title, exc, window.library.doc_dir(doc_id) / "meta.json")
        return
    log.info("chapters of %s: %d by rule %s", doc_id[:12], len(chapters), rule.kind)
    window.toc.show_chapters(record)
    if window.reader.doc_id == doc_id and len(record.chapters) > 1:
        window.toc_dock.setVisible(True)
