"""Where am I: a slim line under the reader's text with the chapter, the percentage read
and a slider to jump anywhere in the document.

Everything is in canonical offsets, like the reading position itself: the percentage is
the reading position over the canonical text's length, computed by the same function as
the library's Progress column (:func:`desktop.ui.library.model.progress_text`), so the
two agree after the position is saved.  The slider's value *is* a canonical offset;
dragging it previews the chapter and percentage at the handle and jumps on release (a
jump goes through :meth:`ReaderPane.go_to_canonical`, so Back returns from it).  Chapter
titles come from documents and are shown as plain text, in the script of the view.
"""

from __future__ import annotations

from bisect import bisect_right

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QSlider, QWidget

from desktop.core.views import in_script
from desktop.ui.common.plain import make_plain, tooltip
from desktop.ui.library.columns import progress_text
from desktop.ui.reader.pane import ReaderPane

__all__ = ["ElidedLabel", "StatusLine", "chapter_at"]


def chapter_at(chapters: list[tuple[int, str]], canonical: int) -> str:
    """The title of the chapter holding ``canonical`` ("" before the first one).

    ``chapters`` are ``(canonical offset, title)`` pairs as a record keeps them.
    """
    ordered = sorted(chapters)
    row = bisect_right([offset for offset, _ in ordered], canonical) - 1
    return ordered[row][1].strip() if row >= 0 else ""


class ElidedLabel(QLabel):
    """A one-line plain-text label that cuts its text with "…" to the width it gets.

    A chapter title can be a whole sentence with no place to break; shown in full it
    would widen the reader past the window, so the label takes the width its layout
    gives it and shows the whole title in its tool tip.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_plain(self)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def set_full_text(self, text: str) -> None:
        self._full = " ".join(text.split())  # one line, whatever the title held
        self.setToolTip(tooltip(self._full))
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        width = max(0, self.width())
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, width))


class StatusLine(QWidget):
    """Chapter title, slider and percentage of the document in ``reader``."""

    def __init__(self, reader: ReaderPane, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.reader = reader
        self.chapter_label = ElidedLabel(self)
        self.chapter_label.setAccessibleName(self.tr("Chapter"))
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setTracking(False)  # dragging previews; the jump comes on release
        self.slider.setAccessibleName(self.tr("Position in the document"))
        self.slider.setToolTip(self.tr("Drag to go anywhere in the document"))
        self.percent_label = make_plain(QLabel(self))
        self.percent_label.setAccessibleName(self.tr("Percentage read"))
        self.percent_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.percent_label.setMinimumWidth(self.fontMetrics().horizontalAdvance("100%") + 4)
        self._lay_out()
        # hidden while no document is open, its line kept: opening the first document
        # then does not shrink the page and re-wrap the text just shown
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.slider.sliderMoved.connect(self._preview)
        self.slider.valueChanged.connect(self._jump)
        reader.positionChanged.connect(self.show_place)
        reader.placeLeft.connect(self._landed)  # at once, not when the position is saved
        reader.viewReset.connect(self.refresh)
        reader.typographyChanged.connect(self._colour)
        self._colour()
        self.refresh()

    def _lay_out(self) -> None:
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 0)
        layout.addWidget(self.chapter_label, 3)
        layout.addWidget(self.slider, 2)
        layout.addWidget(self.percent_label)

    def _colour(self) -> None:
        """The labels take the theme's muted text colour, like the document's details."""
        for label in (self.chapter_label, self.percent_label):
            palette = label.palette()
            palette.setColor(QPalette.ColorRole.WindowText, QColor(self.reader.theme.muted))
            label.setPalette(palette)

    # ------------------------------------------------------------------ showing
    def refresh(self) -> None:
        """A new document or view: new range, chapter titles in the view's script."""
        self.setVisible(self.reader.doc_id is not None)
        self.slider.blockSignals(True)
        try:
            self.slider.setRange(0, len(self.reader.canonical))
            self.slider.setPageStep(max(1, len(self.reader.canonical) // 20))
            self.slider.setSingleStep(max(1, len(self.reader.canonical) // 1000))
        finally:
            self.slider.blockSignals(False)
        self.show_place(self.reader.current_canonical())

    def show_place(self, canonical: int) -> None:
        """The chapter and percentage at ``canonical``; the handle follows, unless held."""
        self._show_labels(canonical)
        if self.slider.isSliderDown():
            return
        self.slider.blockSignals(True)
        try:
            self.slider.setValue(canonical)
        finally:
            self.slider.blockSignals(False)

    def _show_labels(self, canonical: int) -> None:
        total = len(self.reader.canonical)
        self.percent_label.setText(progress_text(canonical / total if total else 0.0))
        self.chapter_label.set_full_text(self._chapter_title(canonical))

    def _chapter_title(self, canonical: int) -> str:
        record = self.reader.record
        title = chapter_at(record.chapters, canonical) if record else ""
        return in_script(title, self.reader.options.script, self.reader.options.phrases)

    def _landed(self, _doc_id: str, _left: int) -> None:
        self.show_place(self.reader.current_canonical())

    def percent_text(self) -> str:
        """The percentage shown ("43%")."""
        return self.percent_label.text()

    def chapter_text(self) -> str:
        """The whole chapter title shown (the label may cut it to its width)."""
        return self.chapter_label.full_text()

    # ------------------------------------------------------------------ jumping
    def _preview(self, canonical: int) -> None:
        """While the handle is dragged: where a release would go."""
        self._show_labels(canonical)

    def _jump(self, canonical: int) -> None:
        """The handle was released (or stepped by keys, wheel, a click on the groove)."""
        if self.reader.doc_id is not None:
            self.reader.go_to_canonical(canonical)
            self._show_labels(self.reader.current_canonical())
