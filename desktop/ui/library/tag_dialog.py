"""Tags of the chosen documents: tick to add a tag to all of them, untick to remove it.

The dialog lists the library's tags with a tick for those every chosen document has,
a half tick for those only some have (left as they are unless changed) and none for
the others; a field below finds a tag as it is typed (ticking it clears the field)
and adds a new one (Add Tag, Enter, or OK with the field filled).  It only says what
to change (:meth:`TagDialog.changes`): the library pane passes that on as
``tagsRequested`` and the core writes the tags.  A tag the core would refuse (empty,
longer than 64 characters, a comma or a control character:
:func:`desktop.core.records.normal_tag`) is named in a message and not added.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.records import TAG_MAX_CHARS, DocSummary, normal_tag
from desktop.ui.common.dialogs import ok_cancel_buttons
from desktop.ui.common.plain import plain_label, tooltip

__all__ = ["RenameTagDialog", "TagDialog", "bad_tag_message"]

#: Characters of a refused tag quoted in the message.
_QUOTED = 40
_START_ROLE = Qt.ItemDataRole.UserRole + 1  #: the tick a tag had when the dialog opened


def _quoted(text: str) -> str:
    """``text`` fit to quote: control characters shown as �, a long text cut."""
    shown = "".join("\ufffd" if ord(c) < 32 or c == "\x7f" else c for c in text.strip())
    return shown if len(shown) <= _QUOTED else shown[: _QUOTED - 1] + "…"


def bad_tag_message(text: str) -> str:
    """Why ``text`` cannot be a tag (:func:`normal_tag` gave ""), quoting it."""
    return QCoreApplication.translate(
        "TagDialog",
        "“{tag}” cannot be a tag: a tag has 1 to {limit} characters, "
        "without a comma (,) or control characters.",
    ).format(tag=_quoted(text), limit=TAG_MAX_CHARS)


class TagDialog(QDialog):
    """The tags of ``docs`` (one or many), to add or remove on all of them at once."""

    def __init__(
        self, docs: list[DocSummary], known: Iterable[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.doc_ids = [d.id for d in docs]
        self.setWindowTitle(self.tr("Tags of %n Document(s)", "", len(docs)))
        self._build_list(docs, known)
        intro = self.tr(
            "Tick a tag to give it to the chosen documents, untick it to take it away. "
            "A half-ticked tag is on some of them and stays as it is."
        )
        self.intro = plain_label(intro, self, wrap=True)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText(self.tr("Find a tag or write a new one"))
        self.field.setAccessibleName(self.tr("New tag"))
        self.field.textChanged.connect(self._find)
        self.field.installEventFilter(self)
        self.list.itemChanged.connect(self._ticked)
        self.add_button = QPushButton(self.tr("Add Tag"), self)
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(lambda _=False: self.add_tag())
        self.message = plain_label(parent=self, wrap=True)  # quotes the reader's text
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        buttons = ok_cancel_buttons(self)  # OK adds what the field holds first (accept)
        row = QHBoxLayout()
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        metrics = self.fontMetrics()
        self.resize(metrics.averageCharWidth() * 56, metrics.height() * 22)
        self.field.setFocus()

    def _build_list(self, docs: list[DocSummary], known: Iterable[str]) -> None:
        """Every tag, ticked when all of ``docs`` have it, half-ticked when some do."""
        have: Counter[str] = Counter()
        for doc in docs:
            have.update(set(doc.tags))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Tags"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        for tag in sorted(set(known) | set(have)):
            count = have.get(tag, 0)
            if count == len(docs) and docs:
                state = Qt.CheckState.Checked
            elif count:
                state = Qt.CheckState.PartiallyChecked
            else:
                state = Qt.CheckState.Unchecked
            self._add_item(tag, state)

    def _add_item(self, tag: str, state: Qt.CheckState) -> QListWidgetItem:
        item = QListWidgetItem(tag, self.list)  # item views show plain text
        item.setToolTip(tooltip(tag))
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable
        if state == Qt.CheckState.PartiallyChecked:  # can go back to "as it is"
            flags |= Qt.ItemFlag.ItemIsUserTristate
        item.setFlags(flags | Qt.ItemFlag.ItemIsSelectable)
        item.setCheckState(state)
        item.setData(_START_ROLE, state.value)
        return item

    # ----------------------------------------------------------------- editing
    def item(self, tag: str) -> QListWidgetItem | None:
        """The list's item for ``tag`` (as stored: :func:`normal_tag`)."""
        found = self.list.findItems(tag, Qt.MatchFlag.MatchExactly)
        return found[0] if found else None

    def add_tag(self, text: str | None = None) -> bool:
        """Tick the tag the field holds (or ``text``), adding it to the list if new;
        False, with a message saying why, when it cannot be a tag."""
        text = self.field.text() if text is None else text
        if not text.strip():
            return True
        tag = normal_tag(text)
        if not tag:
            self.message.setText(bad_tag_message(text))
            self.message.show()
            return False
        self.message.hide()
        item = self.item(tag) or self._add_item(tag, Qt.CheckState.Unchecked)
        item.setCheckState(Qt.CheckState.Checked)
        self.field.clear()
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def _ticked(self, _item: QListWidgetItem) -> None:
        """A tag found by typing was ticked: what was typed was a search, not a new tag."""
        if self.field.text():
            self.field.clear()

    def _find(self, text: str) -> None:
        """Show only the tags holding what is typed (all when the field is empty)."""
        wanted = " ".join(text.split()).casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter in the field adds its tag; with the field empty it is the dialog's OK.
        if (
            watched is self.field
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and self.field.text().strip()
        ):
            self.add_tag()
            return True
        return super().eventFilter(watched, event)

    def accept(self) -> None:
        if self.add_tag():
            super().accept()

    # ------------------------------------------------------------------ result
    def changes(self) -> tuple[list[str], list[str]]:
        """The tags to add to every chosen document and those to remove from all."""
        add: list[str] = []
        remove: list[str] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            start, now = Qt.CheckState(item.data(_START_ROLE)), item.checkState()
            if now == start or now == Qt.CheckState.PartiallyChecked:
                continue
            (add if now == Qt.CheckState.Checked else remove).append(item.text())
        return add, remove


class RenameTagDialog(QDialog):
    """A new name for a tag, given to every document that has it (a name that is a
    tag already joins the two)."""

    def __init__(self, tag: str, count: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tag = tag
        self.setWindowTitle(self.tr("Rename Tag"))
        self.field = QLineEdit(tag, self)
        self.field.setAccessibleName(self.tr("New name"))
        self.field.selectAll()
        form = QFormLayout()
        form.addRow(self.tr("New name"), self.field)
        note = self.tr(
            "The tag “{tag}” of %n document(s) gets the new name. A name that is "
            "already a tag joins the two.",
            "",
            count,
        ).format(tag=tag)
        self.note = plain_label(note, self, wrap=True)  # quotes the tag
        self.message = plain_label(parent=self, wrap=True)
        self.message.setAccessibleName(self.tr("Problem"))
        self.message.hide()
        buttons = ok_cancel_buttons(self)  # OK checks the name first (accept)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 56, self.sizeHint().height())

    def new_name(self) -> str:
        """The new name as stored ("" when it cannot be a tag)."""
        return normal_tag(self.field.text())

    def accept(self) -> None:
        if not self.new_name():
            self.message.setText(bad_tag_message(self.field.text()))
            self.message.show()
            return
        super().accept()
