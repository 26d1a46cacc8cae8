"""Tags and shelves: the library pane asks, this writes through the core in the
background and hands the shelves back.

The pane's Tags… (and Rename Tag…) ask for tags on documents; the library's events
then bring the changed rows back into the list.  Shelves (``<library>/shelves.json``)
are saved and removed in the background and given back to the pane; a shelf of the
reader's is a saved search, run in the search field.

Its messages keep the main window's translation context ("MainWindow").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject

from desktop.core.shelves import Shelf, read_shelves, remove_shelf, save_shelf
from desktop.ui.common.errors import show_error
from desktop.ui.common.workers import Task, run_in_background

if TYPE_CHECKING:
    from desktop.ui.app.main_window import MainWindow

__all__ = ["Organising"]


class Organising(QObject):
    """Answers the library pane's tag and shelf requests for ``window``."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    @classmethod
    def install(cls, window: MainWindow) -> Organising:
        organising = cls(window)
        pane, root = window.library_pane, window.library.root
        pane.tagsRequested.connect(organising.set_tags)
        pane.shelfSaveRequested.connect(
            lambda name, query: organising.change_shelves(lambda: save_shelf(root, name, query))
        )
        pane.shelfRemoveRequested.connect(
            lambda name: organising.change_shelves(lambda: remove_shelf(root, name))
        )
        pane.shelfQueryRequested.connect(organising.search_shelf)
        return organising

    def set_tags(self, ids: list[str], add: list[str], remove: list[str]) -> None:
        """Tags… on the selected documents (and Rename Tag…), written in the background."""
        library = self.window.library

        def work(_task: Task) -> int:
            for doc_id in ids:
                library.set_tags(doc_id, add=add, remove=remove)
            return len(ids)

        def failed(exc: BaseException) -> None:
            title = QCoreApplication.translate("MainWindow", "Tags could not be changed")
            show_error(self.window, title, exc)

        run_in_background(work, on_failure=failed)

    def change_shelves(self, change: Callable[[], object]) -> None:
        """Save or remove a shelf (``change``) in the background, then hand the shelves
        back to the library pane."""
        root = self.window.library.root

        def work(_task: Task) -> list[Shelf]:
            change()
            return read_shelves(root)

        def failed(exc: BaseException) -> None:
            title = QCoreApplication.translate("MainWindow", "The shelves could not be changed")
            show_error(self.window, title, exc)

        run_in_background(work, on_done=self.window.library_pane.set_shelves, on_failure=failed)

    def search_shelf(self, query: str) -> None:
        """A shelf of the reader's is a saved search: run it in the search field."""
        search = self.window.search_pane
        search.search_box.setText(query)
        search.run_search()
