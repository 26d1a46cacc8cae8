"""Problem text and dim details stay readable in every theme (WCAG ≥ 4.5:1)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QStyle, QStyleOptionViewItem, QWidget

from desktop.ui.app.window_theme import apply_window_theme
from desktop.ui.reader.themes import contrast_ratio, mark_as_problem
from desktop.ui.search.model import ResultDelegate, ResultRow


@pytest.fixture(autouse=True)
def back_to_system(qapp: QApplication) -> Iterator[None]:
    yield
    apply_window_theme(qapp, "system")


def _problem_contrast(label: QLabel) -> float:
    palette = label.palette()
    return contrast_ratio(
        palette.color(QPalette.ColorRole.WindowText), palette.color(QPalette.ColorRole.Window)
    )


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_problem_text_reads_on_each_theme(qtbot, qapp: QApplication, theme: str) -> None:  # type: ignore[no-untyped-def]
    apply_window_theme(qapp, theme)
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("meta.json cannot be read", holder)
    mark_as_problem(label)
    assert _problem_contrast(label) >= 4.5


def test_problem_text_follows_a_theme_change(qtbot, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    """The settings dialog's red was fixed for a light window: 1.9:1 on the dark one."""
    apply_window_theme(qapp, "light")
    holder = QWidget()
    qtbot.addWidget(holder)
    label = QLabel("problem", holder)
    mark_as_problem(label)
    apply_window_theme(qapp, "dark")
    QApplication.processEvents()
    assert _problem_contrast(label) >= 4.5


@pytest.mark.parametrize("theme", ["light", "dark", "sepia"])
def test_details_of_a_selected_result_read_on_the_selection(qapp: QApplication, theme: str) -> None:
    apply_window_theme(qapp, theme)
    row = ResultRow("id", "标题", "来源 · 2024-01-01", "片段", (), ())
    option = QStyleOptionViewItem()
    option.palette = qapp.palette()
    option.state = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Enabled
    option.rect = QRect(0, 0, 400, 80)
    html = ResultDelegate()._document(option, row).toHtml()
    highlight = option.palette.color(QPalette.ColorRole.Highlight)
    dim = option.palette.color(QPalette.ColorRole.HighlightedText)
    assert dim.name() in html.lower()
    assert contrast_ratio(dim, highlight) >= 4.5
