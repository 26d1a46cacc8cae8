"""The annotations panel: a document's highlights, notes and bookmarks in reading order.

Each row shows a colour swatch, the quote in the script shown, the note and the
chapter.  Rows can be filtered by kind, colour and text; a click shows the item in
the reader; notes and colours can be edited; a deletion can be undone (Ctrl+Z in the
panel, or the Undo button).  Orphaned items (their text was not found after the
document's text changed) stay listed with a marker.  Problems of the annotation file
(a damaged file set aside, a failed save) are shown above the list with its path.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.annotations import COLORS, Annotation
from desktop.core.views import in_script
from desktop.ui.annotations.colours import color_label, swatch_icon
from desktop.ui.annotations.layer import AnnotationLayer
from desktop.ui.common.errors import describe
from desktop.ui.common.plain import plain_label, tooltip
from desktop.ui.reader.themes import mark_as_problem

__all__ = ["ID_ROLE", "KIND_FILTERS", "AnnotationsPanel"]

ID_ROLE = Qt.ItemDataRole.UserRole + 1
#: Filter choices: (value, label); "orphaned" lists items whose text was lost.
KIND_FILTERS = (
    ("", str(QT_TRANSLATE_NOOP("AnnotationsPanel", "All kinds"))),
    ("highlight", str(QT_TRANSLATE_NOOP("AnnotationsPanel", "Highlights"))),
    ("note", str(QT_TRANSLATE_NOOP("AnnotationsPanel", "Notes"))),
    ("bookmark", str(QT_TRANSLATE_NOOP("AnnotationsPanel", "Bookmarks"))),
    ("orphaned", str(QT_TRANSLATE_NOOP("AnnotationsPanel", "Orphaned"))),
)
ORPHAN_MARK = "⚠ "
_SHOWN_CHARS = 140


class AnnotationsPanel(QWidget):
    """List, filter, jump to, edit and delete the open document's annotations."""

    jumpRequested = Signal(str)  #: item id (the layer answers it)

    def __init__(self, layer: AnnotationLayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.layer = layer
        self._build_filters()
        self._build_list()
        self._build_buttons()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.problem_label)
        layout.addLayout(self._filter_row)
        layout.addWidget(self.list, 1)
        layout.addLayout(self._button_row)
        layout.addWidget(self.count_label)
        self._wire()
        self.refresh()

    # ------------------------------------------------------------------ set-up
    def _build_filters(self) -> None:
        self.problem_label = plain_label(parent=self, wrap=True)  # names files
        mark_as_problem(self.problem_label)
        self.problem_label.setAccessibleName(self.tr("Problems with the annotation file"))
        self.problem_label.hide()
        self.kind_combo = QComboBox(self)
        self.kind_combo.setAccessibleName(self.tr("Show kind"))
        self.kind_combo.setToolTip(self.tr("Show only highlights, notes, bookmarks or orphans"))
        for value, label in KIND_FILTERS:
            self.kind_combo.addItem(
                QCoreApplication.translate("AnnotationsPanel", str(label)), value
            )
        self.color_combo = QComboBox(self)
        self.color_combo.setAccessibleName(self.tr("Show colour"))
        self.color_combo.setToolTip(self.tr("Show only annotations of one colour"))
        self.color_combo.addItem(self.tr("All colours"), "")
        for color in COLORS:
            self.color_combo.addItem(swatch_icon(color), color_label(color), color)
        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText(self.tr("Filter…"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName(self.tr("Filter annotations by text"))
        self._filter_row = QHBoxLayout()
        self._filter_row.addWidget(self.kind_combo)
        self._filter_row.addWidget(self.color_combo)
        self._filter_row.addWidget(self.filter_edit, 1)

    def _build_list(self) -> None:
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Annotations"))
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSpacing(2)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.count_label = plain_label(parent=self)
        self.count_label.setAccessibleName(self.tr("Number of annotations"))

    def _build_buttons(self) -> None:
        self.note_button = QPushButton(self.tr("Note…"), self)
        self.note_button.setToolTip(self.tr("Write or edit the note of the selected annotation"))
        self.color_button = QToolButton(self)
        self.color_button.setText(self.tr("Colour"))
        self.color_button.setAccessibleName(self.tr("Change colour"))
        self.color_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.color_menu = QMenu(self.tr("Colour"), self)
        for color in COLORS:
            action = self.color_menu.addAction(swatch_icon(color), color_label(color))
            action.triggered.connect(lambda _=False, c=color: self.recolor_current(c))
        self.color_button.setMenu(self.color_menu)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        self.undo_button = QPushButton(self.tr("Undo"), self)
        self.undo_button.setEnabled(False)
        self._button_row = QHBoxLayout()
        for button in (self.note_button, self.color_button, self.delete_button, self.undo_button):
            self._button_row.addWidget(button)
        self._button_row.addStretch(1)

    def _wire(self) -> None:
        layer = self.layer
        layer.changed.connect(self.refresh)
        layer.saved.connect(self.show_problems)
        layer.saveFailed.connect(self.show_problems)
        layer.undoChanged.connect(self.undo_button.setEnabled)
        self.kind_combo.currentIndexChanged.connect(self.refresh)
        self.color_combo.currentIndexChanged.connect(self.refresh)
        self.filter_edit.textChanged.connect(self.refresh)
        self.list.itemClicked.connect(self._jump)
        self.list.itemActivated.connect(self._jump)
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.list.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.note_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.undo_button.clicked.connect(self.undo)
        self.jumpRequested.connect(layer.jump_to)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Undo, self.undo),
            (QKeySequence.StandardKey.Delete, self.delete_current),
        ):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(context)
            shortcut.activated.connect(slot)

    # ----------------------------------------------------------------- showing
    def refresh(self) -> None:
        """Rebuild the list from the store, keeping the current row if it is still there."""
        current = self.current_id()
        self.list.clear()
        items = self.layer.items()
        shown = [i for i in items if self._accepts(i)]
        for item in shown:
            self.list.addItem(self._row(item))
            if item.id == current:
                self.list.setCurrentRow(self.list.count() - 1)
        self.count_label.setText(
            self.tr("%n of {total} annotation(s) shown", "", len(shown)).format(total=len(items))
            if len(shown) != len(items)
            else self.tr("%n annotation(s)", "", len(items))
        )
        self.show_problems()
        self._update_buttons()

    def _accepts(self, item: Annotation) -> bool:
        kind = self.kind_combo.currentData()
        if kind == "orphaned" and not item.orphaned:
            return False
        if kind and kind != "orphaned" and item.kind != kind:
            return False
        color = self.color_combo.currentData()
        if color and item.color != color:
            return False
        needle = self.filter_edit.text().strip().casefold()
        if needle:
            hay = " ".join([item.target.exact, self.layer.quote(item), item.note or ""])
            return needle in hay.casefold() or self._folded(needle) in self._folded(hay)
        return True

    @staticmethod
    def _folded(text: str) -> str:
        """Simplified and case-folded, so a filter in either script matches."""
        return in_script(text, "simplified").casefold()

    def _row(self, item: Annotation) -> QListWidgetItem:
        quote = " ".join(self.layer.quote(item).split())
        if len(quote) > _SHOWN_CHARS:
            quote = quote[:_SHOWN_CHARS] + "…"
        lines = []
        if item.kind == "bookmark":
            lines.append(self.tr("Bookmark: {q}").format(q=quote))
        else:
            lines.append(f"“{quote}”")
        if item.orphaned:
            lines[0] = ORPHAN_MARK + lines[0]
        if item.note:
            lines.append("✎ " + item.note)
        where = self.chapter_of(item)
        if item.orphaned:
            where = self.tr("orphaned: not found in the current text")
        if where:
            lines.append(where)
        row = QListWidgetItem(swatch_icon(item.color), "\n".join(lines))
        row.setData(ID_ROLE, item.id)
        row.setToolTip(tooltip(item.note or quote))
        return row

    def chapter_of(self, item: Annotation) -> str:
        """The title of the chapter holding the item, in the script shown."""
        return self.layer.chapter_title_at(item.target.start)

    def show_problems(self) -> None:
        """Warnings from loading and the last save error, with the file named."""
        store = self.layer.store
        problems: list[str] = []
        if store is not None and store.warnings:  # each one is in the log
            problems.append(
                self.tr(
                    "{file} needed repairs while loading (a damaged file or a conflict copy); "
                    "nothing was lost. Help ▸ Open the Log File lists them."
                ).format(file=store.path.name)
            )
        if store is not None and store.last_exception is not None:
            problems.append(describe(store.last_exception, store.path).sentence())
        if problems:
            self.problem_label.setText("\n".join(problems))
        self.problem_label.setVisible(bool(problems))

    def _update_buttons(self) -> None:
        has = self.current_id() is not None
        for button in (self.note_button, self.color_button, self.delete_button):
            button.setEnabled(has)
        self.undo_button.setEnabled(self.layer.can_undo)

    # ----------------------------------------------------------------- acting
    def current_id(self) -> str | None:
        row = self.list.currentItem()
        return str(row.data(ID_ROLE)) if row is not None else None

    def select_id(self, item_id: str) -> bool:
        """Make the row of ``item_id`` current (False when it is filtered out)."""
        for n in range(self.list.count()):
            if self.list.item(n).data(ID_ROLE) == item_id:
                self.list.setCurrentRow(n)
                return True
        return False

    def row_texts(self) -> list[str]:
        """The text of every row shown, top to bottom."""
        return [self.list.item(n).text() for n in range(self.list.count())]

    def _jump(self, row: QListWidgetItem) -> None:
        self.jumpRequested.emit(str(row.data(ID_ROLE)))

    def edit_current(self) -> None:
        if (item_id := self.current_id()) is not None:
            self.layer.edit_note(item_id)

    def recolor_current(self, color: str) -> None:
        if (item_id := self.current_id()) is not None:
            self.layer.set_color(item_id, color)

    def delete_current(self) -> None:
        row = self.list.currentRow()
        if (item_id := self.current_id()) is None:
            return
        self.layer.delete(item_id)
        self.list.setCurrentRow(min(row, self.list.count() - 1))

    def undo(self) -> None:
        restored = self.layer.undo_delete()
        if restored is not None:
            self.select_id(restored.id)

    def _context_menu(self, pos: QPoint) -> None:
        if self.current_id() is None:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Show in Text"), lambda: self._jump(self.list.currentItem()))
        menu.addAction(self.tr("Edit Note…"), self.edit_current)
        menu.addMenu(self.color_menu)
        menu.addAction(self.tr("Delete"), self.delete_current)
        menu.exec(self.list.viewport().mapToGlobal(pos))
