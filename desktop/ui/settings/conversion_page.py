"""Settings ▸ Conversion: the reader's conversion rules, with Remove and Undo.

Each rule made by a correction in the reader (or ``tongwen-cli rule add``) is listed
as the word written → the word shown, the script it holds for, and the document it
holds for (its title) or "All documents".  Remove takes effect at once, in the
background (:class:`~desktop.ui.reader.rule_service.ConversionRuleService`), and Undo
puts the rules removed here back where they were.  A rules file that cannot be used
is named in a message above the list.  The "check these spots" mark is a setting of
the dialog and, like the others, is stored on OK.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.views.rules import ANY_SCRIPT, ConversionRule
from desktop.ui.common.plain import plain_label
from desktop.ui.reader.rule_service import ConversionRuleService
from desktop.ui.reader.themes import mark_as_problem
from desktop.ui.reader.toolbar import script_label

__all__ = ["ConversionPage"]

#: The title of a document by id (None: not in the library).
TitleOf = Callable[[str], "str | None"]
RULE_ROLE = Qt.ItemDataRole.UserRole + 1


class ConversionPage(QWidget):
    """The rules of ``service``, listed with their documents' titles (``title_of``)."""

    def __init__(
        self,
        service: ConversionRuleService,
        title_of: TitleOf | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.service = service
        self.title_of = title_of
        #: Rules removed here, a batch per Remove (newest last), each with its index.
        self._removed_batches: list[list[tuple[ConversionRule, int]]] = []
        self._listed: tuple[ConversionRule, ...] = ()
        self.problem_label = plain_label(parent=self, wrap=True)  # names a file
        mark_as_problem(self.problem_label)
        self.details_label = plain_label(parent=self, wrap=True)
        self.tree = self._rule_list()
        self.remove_button = self._button(
            self.tr("&Remove"), self.tr("Remove the selected rules"), self.remove_selected
        )
        self.undo_button = self._button(
            self.tr("&Undo"), self.tr("Put back the rules removed last"), self.undo
        )
        self.empty_label = plain_label(
            self.tr(
                "No rules yet. Right-click a converted word in the reader to choose "
                "another form for it."
            ),
            self,
            wrap=True,
        )
        self.spots_check = QCheckBox(self.tr("&Mark the words to check in converted views"), self)
        self.spots_check.setAccessibleName(self.tr("Mark the words to check in converted views"))
        self.spots_check.setToolTip(
            self.tr("Underline the words where OpenCC chose one of several forms")
        )
        self._lay_out()
        service.changed.connect(self.refresh)
        self.refresh()

    def _rule_list(self) -> QTreeWidget:
        """The rules, a row each: written, shown, script, document; several selectable."""
        tree = QTreeWidget(self)
        tree.setAccessibleName(self.tr("Conversion rules"))
        tree.setRootIsDecorated(False)
        tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        tree.setHeaderLabels(
            [self.tr("Written"), self.tr("Shown"), self.tr("Script"), self.tr("Document")]
        )
        tree.itemSelectionChanged.connect(self._update_buttons)
        return tree

    def _button(self, text: str, accessible: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(accessible)
        button.clicked.connect(lambda _=False: slot())
        return button

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.undo_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(buttons)
        layout.addWidget(
            plain_label(
                self.tr(
                    "A rule shows its word in place of OpenCC's conversion. Removing one "
                    "applies at once; Undo puts it back."
                ),
                self,
                wrap=True,
            )
        )
        layout.addWidget(self.spots_check)

    # --------------------------------------------------------------- listing
    def _document(self, rule: ConversionRule) -> str:
        if rule.doc is None:
            return self.tr("All documents")
        title = self.title_of(rule.doc) if self.title_of else None
        if title is None:
            return self.tr("A document not in the library ({id})").format(id=rule.doc[:12])
        return title or rule.doc[:12]

    def _script(self, rule: ConversionRule) -> str:
        if rule.script == ANY_SCRIPT:
            return self.tr("Every converted script")
        return script_label(rule.script)

    def refresh(self) -> None:
        """List the rules as last read, and what is wrong with their file."""
        book = self.service.book()
        problem = self.service.problem()
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))
        self.details_label.setText(book.problem)
        self.details_label.setVisible(bool(book.problem))
        self.tree.clear()
        self._listed = book.rules
        for n, rule in enumerate(book.rules):
            row = [rule.source, rule.target, self._script(rule), self._document(rule)]
            item = QTreeWidgetItem(row)
            item.setData(0, RULE_ROLE, n)
            self.tree.addTopLevelItem(item)
        for column in range(3):
            self.tree.resizeColumnToContents(column)
        self.empty_label.setVisible(not book.rules and not problem)
        self._update_buttons()

    def rules(self) -> list[ConversionRule]:
        """The rules listed, in order."""
        return list(self._listed)

    def _update_buttons(self) -> None:
        busy = self.service.busy
        self.remove_button.setEnabled(bool(self.tree.selectedItems()) and not busy)
        self.undo_button.setEnabled(any(self._removed_batches) and not busy)

    # --------------------------------------------------------------- changing
    def remove_selected(self) -> None:
        """Remove the selected rules (in the background); Undo puts them back."""
        chosen = [self._listed[item.data(0, RULE_ROLE)] for item in self.tree.selectedItems()]
        batch: list[tuple[ConversionRule, int]] = []
        self._removed_batches.append(batch)
        for rule in chosen:
            self.service.remove(rule, on_done=partial(self._gone, batch, rule))
        self._update_buttons()

    def _gone(
        self, batch: list[tuple[ConversionRule, int]], rule: ConversionRule, index: int
    ) -> None:
        if index >= 0:
            batch.append((rule, index))
        self._update_buttons()

    def undo(self) -> None:
        """Put back the rules removed last, each where it was."""
        while self._removed_batches and not self._removed_batches[-1]:
            self._removed_batches.pop()
        if not self._removed_batches:
            return
        batch = self._removed_batches.pop()
        for rule, index in reversed(batch):  # removed first to last: put back last first
            self.service.add(rule, index)
        self._update_buttons()
