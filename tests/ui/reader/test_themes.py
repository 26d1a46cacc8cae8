"""Reader and window themes: WCAG contrast of every pair of colours a reader reads."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette

from desktop.ui.annotations.colours import PAINT, paint_color
from desktop.ui.app.main_window import MainWindow
from desktop.ui.app.window_theme import apply_window_theme, window_palette
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader import themes
from desktop.ui.reader.themes import THEMES, Theme, blend, contrast_ratio, resolve_theme

BODY, MARKS = 4.5, 3.0  # WCAG AA for body text; marks and secondary text
DISABLED = 3.0  # greyed-out text (WCAG exempts it; still readable here)

Role, Group = QPalette.ColorRole, QPalette.ColorGroup

#: Pairs of the whole-window palette: (what, group, foreground, background, minimum).
WINDOW_PAIRS = [
    ("window text on window", Group.Active, Role.WindowText, Role.Window, BODY),
    ("window text on a button", Group.Active, Role.WindowText, Role.Button, BODY),
    ("button text on button", Group.Active, Role.ButtonText, Role.Button, BODY),
    ("text on base", Group.Active, Role.Text, Role.Base, BODY),
    ("text on alternate rows", Group.Active, Role.Text, Role.AlternateBase, BODY),
    ("highlighted text on highlight", Group.Active, Role.HighlightedText, Role.Highlight, BODY),
    ("inactive selection", Group.Inactive, Role.HighlightedText, Role.Highlight, BODY),
    ("tool tip", Group.Active, Role.ToolTipText, Role.ToolTipBase, BODY),
    ("placeholder on base", Group.Active, Role.PlaceholderText, Role.Base, BODY),
    ("link on base", Group.Active, Role.Link, Role.Base, BODY),
    ("link on window", Group.Active, Role.Link, Role.Window, BODY),
    ("disabled text on window", Group.Disabled, Role.WindowText, Role.Window, DISABLED),
    ("disabled button text", Group.Disabled, Role.ButtonText, Role.Button, DISABLED),
    ("disabled text on base", Group.Disabled, Role.Text, Role.Base, DISABLED),
]


@pytest.fixture(autouse=True)
def _platform_palette_after(qapp):  # type: ignore[no-untyped-def]
    """A theme chosen here colours the whole application: give the platform's back."""
    yield
    apply_window_theme(qapp, "system")


def window_palette_problems(palette: QPalette) -> list[str]:
    """Every pair of a whole-window ``palette`` that misses its WCAG minimum."""
    found = []
    for what, group, fore, back, need in WINDOW_PAIRS:
        ratio = contrast_ratio(palette.color(group, fore), palette.color(group, back))
        if ratio < need:
            found.append(f"{what} {ratio:.2f} < {need}")
    return found


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
    for color in PAINT:
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


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_window_palette_is_readable(name: str) -> None:
    assert window_palette_problems(window_palette(THEMES[name])) == []


def test_a_low_contrast_window_palette_is_reported() -> None:
    palette = window_palette(THEMES["dark"])
    palette.setColor(Group.Disabled, Role.WindowText, QColor(palette.color(Role.Window)))
    palette.setColor(Group.Active, Role.ToolTipText, QColor("#444444"))
    problems = window_palette_problems(palette)
    assert any(p.startswith("disabled text on window") for p in problems)
    assert any(p.startswith("tool tip") for p in problems)


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
