"""Reader themes: WCAG contrast of every pair of colours a reader reads."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.ui import themes
from desktop.ui.annotation_layer import _PAINT, paint_color
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import AppSettings
from desktop.ui.themes import THEMES, Theme, blend, contrast_ratio, resolve_theme

BODY, MARKS = 4.5, 3.0  # WCAG AA for body text; marks and secondary text


def _check(theme: Theme) -> list[str]:
    """Every failing pair of ``theme``, described."""
    pairs: list[tuple[str, str | QColor, str | QColor, float]] = [
        ("text on page", theme.text, theme.page, BODY),
        ("selected text", theme.selection_text, theme.selection, BODY),
        ("text on a find match", theme.text, theme.match, BODY),
        ("text on the current match", theme.text, theme.current_match, BODY),
        ("text on the hint bar", theme.text, theme.hint, BODY),
        ("details (secondary text)", theme.muted, theme.page, MARKS),
        ("pinyin underline", theme.ruby, theme.page, MARKS),
    ]
    for color in _PAINT:
        painted = blend(paint_color(color, theme.mark_alpha), theme.page)
        pairs.append((f"text on a {color or 'note'} highlight", theme.text, painted, BODY))
    return [
        f"{theme.name}: {what} {contrast_ratio(a, b):.2f} < {need}"
        for what, a, b, need in pairs
        if contrast_ratio(a, b) < need
    ]


def test_contrast_ratio_matches_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#777777") == contrast_ratio("#777777", "#ffffff")
    half = blend(QColor(0, 0, 0, 128), "#ffffff")
    assert half.red() == half.green() == half.blue() == pytest.approx(127, abs=1)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_theme_is_readable(name: str) -> None:
    assert _check(THEMES[name]) == []


@pytest.mark.parametrize("dark", [False, True])
def test_system_theme_in_light_and_dark(monkeypatch: pytest.MonkeyPatch, dark: bool) -> None:
    monkeypatch.setattr(themes, "system_is_dark", lambda: dark)
    theme = resolve_theme("system")
    assert theme.name == ("dark" if dark else "light")
    assert _check(theme) == []


def test_a_failing_pair_is_reported() -> None:
    grey = Theme(
        "grey",
        "#808080",
        "#777777",
        "#808080",
        "#808080",
        "#000000",
        match="#808080",
        current_match="#808080",
        ruby="#808080",
        hint="#808080",
    )
    problems = _check(grey)
    assert any("text on page" in p for p in problems)


def test_the_reader_shows_the_theme_colours(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    AppSettings(main_window.settings).theme = "sepia"
    reader = main_window.reader
    reader.apply_typography()
    sepia = THEMES["sepia"]
    palette = reader.text.palette()
    assert palette.color(QPalette.ColorRole.Base) == QColor(sepia.page)
    assert palette.color(QPalette.ColorRole.Text) == QColor(sepia.text)
    assert reader.meta_label.palette().color(QPalette.ColorRole.WindowText) == QColor(sepia.muted)
    hint = main_window.reader_toolbar.hint_bar
    assert hint.palette().color(QPalette.ColorRole.Window) == QColor(sepia.hint)
