"""Continue where I was: the last document reopens on launch, File ▸ Recent lists ten.

Only document ids are kept (in the settings, :class:`~desktop.ui.common.app_settings.AppSettings`);
each document's reading position is already saved beside it, so opening one from here
opens it at its place.  Ids whose document has left the library are skipped and dropped
without a word: a removed document is not an error.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.library import Library
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["RecentDocuments", "menu_text"]

log = logging.getLogger(__name__)

#: Longest title shown in the menu, in characters (the rest is cut with "…").
TITLE_LIMIT = 60


def menu_text(number: int, title: str) -> str:
    """A menu entry for a title: numbered with a mnemonic, on one line, cut to
    ``TITLE_LIMIT`` characters, every ``&`` doubled so Qt shows it instead of taking it
    as a mnemonic (and a tab never starts a shortcut column)."""
    shown = " ".join(title.split()) or "…"
    if len(shown) > TITLE_LIMIT:
        shown = shown[: TITLE_LIMIT - 1].rstrip() + "…"
    digits = str(number)
    mnemonic = f"&{digits}" if len(digits) == 1 else f"{digits[:-1]}&{digits[-1]}"
    return f"{mnemonic} {shown.replace('&', '&&')}"


class RecentDocuments(QObject):
    """The recent-documents list and its File ▸ Recent menu, kept in ``settings``."""

    def __init__(
        self,
        settings: AppSettings,
        library: Library,
        reader: ReaderPane,
        open_document: Callable[[str], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.library = library
        self.reader = reader
        self._open_document = open_document
        self.menu = QMenu(self.tr("&Recent"), parent)
        self.menu.setObjectName("recent-menu")
        self.clear_action = QAction(self.tr("&Clear Recent"), self)
        self.clear_action.setObjectName("clear-recent")
        self.clear_action.triggered.connect(lambda _=False: self.clear())
        self.menu.aboutToShow.connect(self.rebuild_menu)
        reader.documentShown.connect(self.add)
        reader.viewReset.connect(self._reader_reset)
        self.rebuild_menu()

    @classmethod
    def install(cls, window: MainWindow) -> RecentDocuments:
        """File ▸ Recent for ``window``, which calls :meth:`reopen_last` once it shows."""
        return cls(window.app_settings, window.library, window.reader, window.open_document, window)

    # ------------------------------------------------------------------- list
    def _exists(self, doc_id: str) -> bool:
        try:
            self.library.get(doc_id)
        except KeyError:
            return False
        return True

    def ids(self) -> list[str]:
        """Ids of the recent documents still in the library, most recent first."""
        stored = self.settings.recent_documents
        present = [i for i in stored if self._exists(i)]
        if present != stored:
            self.settings.recent_documents = present  # removed documents drop out
        return present

    def add(self, doc_id: str) -> None:
        """``doc_id`` was just opened: first in the list, and the one to reopen."""
        self.settings.recent_documents = [doc_id, *self.settings.recent_documents]
        self.settings.last_document = doc_id
        self.rebuild_menu()

    def clear(self) -> None:
        """Forget the list (the document open stays the one reopened at launch)."""
        self.settings.recent_documents = []
        self.rebuild_menu()

    def _reader_reset(self) -> None:
        if self.reader.doc_id is None:  # the document was closed (removed): reopen nothing
            self.settings.last_document = ""

    # ---------------------------------------------------------------- reopen
    def reopen_last(self) -> None:
        """Open the document that was open when the window last closed, at its place.

        Nothing happens (and nothing is said) if there was none or it has been removed,
        or if a document was opened already (files handed to the window at launch).
        """
        doc_id = self.settings.last_document
        if not doc_id or self.reader.doc_id is not None:
            return
        if not self._exists(doc_id):
            log.info("the last document %s is no longer in the library", doc_id)
            self.settings.last_document = ""
            return
        self._open_document(doc_id)

    # ------------------------------------------------------------------- menu
    def rebuild_menu(self) -> None:
        """Fill the menu with the recent documents' titles (plain text, ``&`` escaped)."""
        self.menu.clear()
        ids = self.ids()
        for number, doc_id in enumerate(ids, start=1):
            title = self.library.get(doc_id).title
            action = self.menu.addAction(menu_text(number, title))
            action.setData(doc_id)
            action.triggered.connect(lambda _=False, d=doc_id: self._open_document(d))
        if not ids:
            empty = self.menu.addAction(self.tr("No Recent Documents"))
            empty.setEnabled(False)
        self.menu.addSeparator()
        self.menu.addAction(self.clear_action)
        self.clear_action.setEnabled(bool(ids))

    def entries(self) -> list[tuple[str, str]]:
        """``(menu text, doc id)`` of the documents listed, in order."""
        self.rebuild_menu()
        return [(a.text(), a.data()) for a in self.menu.actions() if a.data()]
