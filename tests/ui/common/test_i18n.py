"""Translation catalogues: complete, consistent with their sources, compiled, loadable."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from desktop.ui.common.i18n import install_language, resolve_language, system_language
from tools import i18n_tools

REPO = Path(__file__).resolve().parents[3]
CATALOGUES = sorted(i18n_tools.I18N.glob("*.ts"))
_PLACEHOLDER = re.compile(r"\{[a-z_]*(?::[^}]*)?\}|%n|%\d")


def _messages(path: Path) -> list[tuple[str, ET.Element, ET.Element]]:
    root = ET.parse(path).getroot()
    found = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, f"{path.name}: {name}: no <translation>"
            found.append((name, message, translation))
    return found


def _texts(translation: ET.Element) -> list[str]:
    forms = translation.findall("numerusform")
    return [f.text or "" for f in forms] if forms else [translation.text or ""]


def test_every_ui_module_belongs_to_one_area() -> None:
    """The areas are read from the packages of desktop/ui: a module put beside them, at
    the top of desktop/ui, would be in none, and its strings never translated."""
    listed = [rel for files in i18n_tools.AREAS.values() for rel in files]
    assert len(listed) == len(set(listed))
    ui = REPO / "desktop" / "ui"
    modules = {p.relative_to(REPO).as_posix() for p in ui.rglob("*.py")}
    missing = modules - set(listed) - {"desktop/ui/__init__.py"}
    assert missing == set(), "put these modules in a package of desktop/ui (one per area)"


def test_there_is_a_catalogue_per_area_and_language() -> None:
    names = {p.name for p in CATALOGUES}
    for catalogue in i18n_tools.CATALOGUES:
        if i18n_tools.catalogue_sources(catalogue):
            for lang in i18n_tools.TRANSLATED:
                assert f"{catalogue}_{lang}.ts" in names


def test_areas_sharing_a_catalogue_are_extracted_together() -> None:
    """lupdate drops what its sources no longer hold, so a catalogue shared by two
    areas must be made from both at once; naming either area updates the whole of it."""
    assert i18n_tools.CATALOGUES["library"] == ("library", "search")
    sources = {p.relative_to(REPO).as_posix() for p in i18n_tools.catalogue_sources("library")}
    assert {"desktop/ui/library/pane.py", "desktop/ui/search/pane.py"} <= sources
    assert i18n_tools.catalogue_names(["search", "library", "app"]) == ["library", "main"]


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: p.name)
def test_catalogue_is_complete_and_consistent(path: Path) -> None:
    for context, message, translation in _messages(path):
        source = message.findtext("source") or ""
        where = f"{path.name}: {context}: {source!r}"
        assert translation.get("type") not in ("unfinished", "vanished", "obsolete"), where
        for text in _texts(translation):
            assert text.strip(), f"{where} has an empty translation"
            wanted = sorted(set(_PLACEHOLDER.findall(source)))
            assert sorted(set(_PLACEHOLDER.findall(text))) == wanted, f"{where} → {text!r}"
            if re.search(r"&[^&\s]", source.replace("&&", "")):
                assert re.search(r"&[^&\s]", text.replace("&&", "")), f"{where}: no mnemonic"


def test_compiled_catalogues_are_current(tmp_path: Path) -> None:
    """The committed .qm files are what lrelease makes of the committed .ts files."""
    for fresh in i18n_tools.compile_all(out_dir=tmp_path):
        committed = i18n_tools.I18N / fresh.name
        assert committed.is_file(), f"{fresh.name} is missing: make i18n"
        assert committed.read_bytes() == fresh.read_bytes(), f"{fresh.name} is stale"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("zh_CN", "zh_CN"),
        ("zh_SG", "zh_CN"),
        ("zh_TW", "zh_TW"),
        ("zh_HK", "zh_TW"),
        ("zh_Hant_SG", "zh_TW"),
        ("en_US", "en"),
        ("ja_JP", "en"),
        ("fr_FR", "en"),
    ],
)
def test_system_locale_picks_the_language(name: str, expected: str) -> None:
    assert system_language(QLocale(name)) == expected


def test_a_stored_choice_wins_over_the_system() -> None:
    assert resolve_language("zh_TW") == "zh_TW"
    assert resolve_language("en") == "en"
    assert resolve_language("klingon") == system_language()


def test_install_language_loads_ours_and_qts(qapp) -> None:  # type: ignore[no-untyped-def]
    try:
        loaded = install_language("zh_TW", qapp)
        names = {p.name for p in loaded}
        assert "qtbase_zh_TW.qm" in names
        assert "main_zh_TW.qm" in names
        assert QCoreApplication.translate("MainWindow", "Import files") != "Import files"
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        english = install_language("en", qapp)
    assert {p.name for p in english} >= {"main_en.qm"}
    assert all("qtbase" not in p.name for p in english)
    assert QCoreApplication.translate("MainWindow", "Import files") == "Import files"


def test_english_has_singular_and_plural(qapp) -> None:  # type: ignore[no-untyped-def]
    install_language("en", qapp)
    one = QCoreApplication.translate("MainWindow", "%n document(s)", "", 1)
    many = QCoreApplication.translate("MainWindow", "%n document(s)", "", 5)
    assert (one, many) == ("1 document", "5 documents")
    found = QCoreApplication.translate("SearchPane", "%n document(s) match.", "", 1)
    assert found == "1 document matches."
