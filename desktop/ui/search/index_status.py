"""The search index's place in the status bar: what it is doing, and a pause button.

:class:`IndexStatus` shows the :class:`~desktop.ui.search.index_service.IndexService`'s
status messages ("Rebuilding search index… 40%") and, while a full pass has work to
do or is paused, a button for the service's :attr:`~IndexService.pause_action`.  The
messages may name the cache folder, so the label shows plain text.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QToolButton, QWidget

from desktop.ui.common.plain import plain_label
from desktop.ui.search.index_service import IndexService

__all__ = ["IndexStatus"]


class IndexStatus(QWidget):
    """A status-bar widget: the index service's message and its pause button."""

    def __init__(self, service: IndexService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.label = plain_label(parent=self)  # may name the cache folder
        self.button = QToolButton(self)
        self.button.setDefaultAction(service.pause_action)
        self.button.setAutoRaise(True)
        self.button.setAccessibleName(service.pause_action.text())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.label)
        layout.addWidget(self.button)
        service.status.connect(self.label.setText)
        service.pause_action.changed.connect(self._update_button)
        self._update_button()

    def text(self) -> str:
        """The message shown ("" when the index has nothing to say)."""
        return self.label.text()

    def _update_button(self) -> None:
        self.button.setVisible(self.service.pause_action.isEnabled())
