"""The About dialog names every bundled component with its version and licence."""

from __future__ import annotations

from desktop import __version__
from desktop.ui.app.about import COMPONENTS, AboutDialog, component_version


def test_dialog_shows_version_and_every_licence(qtbot) -> None:  # type: ignore[no-untyped-def]
    dialog = AboutDialog()
    qtbot.addWidget(dialog)
    assert __version__ in dialog.heading.text()
    text = dialog.licences.toPlainText()
    for licence in ("LGPL-3.0-only", "Apache-2.0", "BSD-2-Clause", "0BSD", "MIT"):
        assert licence in text
    for name in ("Qt", "PySide6", "OpenCC", "whoosh-reloaded", "NumPy", "chardet", "platformdirs"):
        assert name in text


def test_versions_come_from_the_installed_packages() -> None:
    by_dist = {c.dist: c for c in COMPONENTS if c.dist}
    assert component_version(by_dist["opencc"]).startswith("1.")
    assert component_version(by_dist["tongwen"]) == __version__
    assert component_version(by_dist["chardet"])


def test_chardet_licence_matches_the_installed_metadata() -> None:
    from importlib import metadata

    declared = metadata.metadata("chardet").get("License-Expression", "")
    ours = next(c.licence for c in COMPONENTS if c.dist == "chardet")
    assert declared == ours


def test_help_menu_opens_the_dialog(main_window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Help ▸ About Tongwen, found in the window's menu bar and triggered."""
    menus = [a.menu() for a in main_window.menuBar().actions() if a.menu() is not None]
    help_menu = next(m for m in menus if m.title() == "&Help")
    about = next(a for a in help_menu.actions() if a.text() == "&About Tongwen")
    assert about.isEnabled()
    about.trigger()
    dialog = main_window._about
    assert isinstance(dialog, AboutDialog)
    assert dialog.isVisible()
    dialog.close()
