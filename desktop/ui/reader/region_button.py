"""The toolbar button that shows, and lets the reader choose, a document's regional standard.

The 简体 view of Traditional text converts by the standard the text follows
(:mod:`desktop.core.views.region`): Taiwan writes the particle 着 as 著 (说著 must
become 说着), Hong Kong has its own forms, the general standard neither.  Detection
can be wrong on a short or mixed text, so the button says which standard the view
converts from ("臺灣用字") and its menu overrides it: Automatic (detected: …),
Taiwan, Hong Kong, General.  The choice is the document's, kept in its ``meta.json``
(:meth:`Library.set_region`) so it syncs with the library; the view is rebuilt at
the same place, as a script toggle does.  The button is shown only where the choice
changes something: the 简体 view of a document that is not Simplified already.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QMessageBox, QToolButton, QWidget

from desktop.core.library import LibraryError
from desktop.core.views.region import REGIONS, document_region
from desktop.ui.common.errors import describe, show_error
from desktop.ui.reader.pane import ReaderPane

__all__ = ["REGION_LABELS", "RegionButton", "region_name"]

#: The names of the regional standards (Chinese in every UI, like the script names;
#: a 简体 UI may write 台湾用字).
REGION_LABELS = {
    "general": str(QT_TRANSLATE_NOOP("RegionNames", "通用繁體")),
    "taiwan": str(QT_TRANSLATE_NOOP("RegionNames", "臺灣用字")),
    "hongkong": str(QT_TRANSLATE_NOOP("RegionNames", "香港用字")),
}


def region_name(region: str) -> str:
    """The name of a regional standard ("taiwan" → 臺灣用字) in the UI language."""
    return QCoreApplication.translate("RegionNames", REGION_LABELS.get(region, region))


class RegionButton(QToolButton):
    """Shows the regional standard of the 简体 view; its menu chooses another."""

    def __init__(self, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self._error_box: QMessageBox | None = None
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Regional standard of the text"))
        self.setMenu(self._build_menu())

    def _build_menu(self) -> QMenu:
        menu = QMenu(self)
        group = QActionGroup(self)
        self.region_actions: dict[str | None, QAction] = {}
        for region in (None, *REGIONS):
            action = QAction(region_name(region) if region else "", self)
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, r=region: self.choose(r))
            group.addAction(action)
            menu.addAction(action)
            self.region_actions[region] = action
            if region is None:
                menu.addSeparator()
        return menu

    # ------------------------------------------------------------------ state
    def matters(self) -> bool:
        """Whether the view converts by the regional standard (the 简体 view of a
        document not already Simplified, or one whose standard the user chose)."""
        record, options = self.reader.record, self.reader.options
        if record is None or self.reader.library is None or options.script != "simplified":
            return False
        return record.script != "simplified" or options.region is not None

    def detected(self) -> str:
        """The standard detected in the open document's text (cached by the views)."""
        return document_region(self.reader.canonical)

    def refresh(self) -> None:
        """Name the standard in use, tick it in the menu, say whether it was chosen."""
        if not self.matters():
            return
        chosen = self.reader.options.region
        detected = self.detected()
        in_use = chosen or detected
        self.setText(region_name(in_use))
        automatic = self.tr("Automatic (detected: {region})").format(region=region_name(detected))
        self.region_actions[None].setText(automatic)
        self.region_actions[chosen].setChecked(True)
        if chosen:
            tip = self.tr("简体 converted from {region} Traditional, as chosen for this document")
        else:
            tip = self.tr("简体 converted from {region} Traditional, as detected in the text")
        self.setToolTip(tip.format(region=region_name(in_use)))

    # ------------------------------------------------------------------ choosing
    def choose(self, region: str | None) -> None:
        """Keep ``region`` (None: detect) for the open document and show the view by it."""
        doc_id, library = self.reader.doc_id, self.reader.library
        if doc_id is None or library is None:
            return
        try:
            library.set_region(doc_id, region)
        except (LibraryError, OSError, ValueError) as exc:
            self._say_not_saved(exc, library.doc_dir(doc_id) / "meta.json")
            self.refresh()  # the tick goes back to the standard still in use
            return
        self.reader.set_options(region=region)
        self.refresh()

    def _say_not_saved(self, exc: BaseException, path: Path) -> None:
        """A box naming meta.json and what went wrong; the view stays as it was."""
        cause = exc.__cause__ if isinstance(exc, LibraryError) else None
        problem = describe(cause if isinstance(cause, OSError) else exc, path)
        title = self.tr("Cannot save the regional standard")
        self._error_box = show_error(self.window(), title, problem)
