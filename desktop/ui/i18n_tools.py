"""Maintain the translation catalogues: ``python -m desktop.ui.i18n [update|derive|compile] [AREA…]``.

* ``update``: extract the strings of each area's modules into
  ``resources/i18n/<area>_<language>.ts`` (``pyside6-lupdate``, no line numbers,
  vanished strings dropped), then ``derive`` and ``compile``.
* ``derive``: fill every 繁體 entry that has no hand-made translation from the
  简体 one through OpenCC ``s2twp`` (Taiwan phrasing: 文件 → 檔案, 设置 → 設定).
  Such entries carry the translator comment :data:`DERIVED`, so they are derived
  again when the 简体 text changes; delete the comment to keep a hand edit.
* ``compile``: ``pyside6-lrelease`` every ``.ts`` into its ``.qm``.

Without AREA names every area is processed.  Each UI module belongs to exactly one area (:data:`AREAS`); a test checks it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path
from typing import Any

__all__ = [
    "AREAS",
    "DERIVED",
    "DERIVED_EN",
    "TRANSLATED",
    "area_sources",
    "compile_all",
    "derive",
    "derive_english",
    "update",
]

REPO = Path(__file__).resolve().parents[2]
I18N = REPO / "resources" / "i18n"
#: Languages that have catalogues (English is the source language).
TRANSLATED = ("zh_CN", "zh_TW")
DERIVED = "derived from zh_CN by OpenCC s2twp"
DERIVED_EN = "English plural forms derived from the source"

#: Catalogue area → the modules whose strings it holds (paths relative to the repo).
AREAS: dict[str, tuple[str, ...]] = {
    "main": (
        "desktop/app.py",
        "desktop/ui/main_window.py",
        "desktop/ui/menus.py",
        "desktop/ui/about.py",
        "desktop/ui/single_instance.py",
        "desktop/ui/unsaved_dialog.py",
    ),
    "library": (
        "desktop/ui/library_pane.py",
        "desktop/ui/library_model.py",
        "desktop/ui/search_pane.py",
        "desktop/ui/search_model.py",
        "desktop/ui/index_service.py",
        "desktop/ui/trash_dialog.py",
    ),
    "reader": (
        "desktop/ui/reader.py",
        "desktop/ui/reader_pieces.py",
        "desktop/ui/reader_nav.py",
        "desktop/ui/reader_toolbar.py",
        "desktop/ui/typography_popover.py",
        "desktop/ui/region_button.py",
        "desktop/ui/find_bar.py",
        "desktop/ui/toc_panel.py",
        "desktop/ui/chapters_dialog.py",
        "desktop/ui/annotation_layer.py",
        "desktop/ui/annotations_panel.py",
        "desktop/ui/export_dialog.py",
        "desktop/ui/fonts.py",
        "desktop/ui/themes.py",
        "desktop/ui/decode_warning.py",
        "desktop/ui/status_line.py",
        "desktop/ui/history.py",
        "desktop/ui/recent.py",
        "desktop/ui/picture_viewer.py",
    ),
    "settings": ("desktop/ui/settings.py", "desktop/ui/settings_dialog.py"),
    "errors": (
        "desktop/ui/errors.py",
        "desktop/ui/error_messages.py",
        "desktop/ui/dialogs.py",
        "desktop/ui/workers.py",
    ),
}

#: UI modules with no user-visible strings.
NO_STRINGS = (
    "desktop/ui/__init__.py",
    "desktop/ui/file_dialogs.py",
    "desktop/ui/focus_mode.py",
    "desktop/ui/library_watch.py",
    "desktop/ui/window_theme.py",
    "desktop/ui/i18n.py",
    "desktop/ui/i18n_tools.py",
    "desktop/ui/plain.py",
    "desktop/ui/utf16.py",
)


def _tool(name: str) -> str:
    """The PySide6 tool ``name`` beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (it ships with PySide6-Essentials)")
    return found


def area_sources(area: str) -> list[Path]:
    """The existing source files of ``area``."""
    return [REPO / rel for rel in AREAS[area] if (REPO / rel).is_file()]


def ts_path(area: str, language: str) -> Path:
    return I18N / f"{area}_{language}.ts"


def update(areas: Sequence[str] = ()) -> None:
    """Extract strings into the ``.ts`` of ``areas`` (default all), derive, compile."""
    I18N.mkdir(parents=True, exist_ok=True)
    for area in areas or AREAS:
        sources = [str(p) for p in area_sources(area)]
        if not sources:
            continue
        targets = [str(ts_path(area, lang)) for lang in TRANSLATED]
        cmd = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
        subprocess.run([*cmd, *sources, "-ts", *targets], check=True)
        english = ts_path(area, "en")
        subprocess.run([*cmd, "-pluralonly", *sources, "-ts", str(english)], check=True)
        for target in [*targets, str(english)]:
            _set_language(Path(target))
    derive(areas)
    derive_english(areas)
    compile_all(areas=areas)


def _set_language(path: Path) -> None:
    tree = ET.parse(path)
    tree.getroot().set("language", path.stem.split("_", 1)[1])
    tree.getroot().set("sourcelanguage", "en")
    _write(tree, path)


def _write(tree: Any, path: Path) -> None:
    ET.indent(tree, space="    ")
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8"
    )


def _key(context: ET.Element, message: ET.Element) -> tuple[str, str, str]:
    return (
        context.findtext("name") or "",
        message.findtext("source") or "",
        message.findtext("comment") or "",
    )


def _translations(path: Path) -> dict[tuple[str, str, str], ET.Element]:
    root = ET.parse(path).getroot()
    found: dict[tuple[str, str, str], ET.Element] = {}
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") != "unfinished":
                found[_key(context, message)] = translation
    return found


def _is_hand_made(message: ET.Element, translation: ET.Element, mark: str = DERIVED) -> bool:
    """A finished translation that no tool derived (its comment is not ``mark``)."""
    unfinished = translation.get("type") in ("unfinished", "vanished", "obsolete")
    return not unfinished and message.findtext("translatorcomment") != mark


def _translation_of(message: ET.Element) -> ET.Element:
    translation = message.find("translation")
    return translation if translation is not None else ET.SubElement(message, "translation")


def _set_derived(
    message: ET.Element, translation: ET.Element, text: str | list[str], mark: str
) -> None:
    """Write a derived translation (one text, or numerus forms) marked with ``mark``."""
    for child in list(translation):
        translation.remove(child)
    if isinstance(text, list):
        translation.text = None
        for form in text:
            ET.SubElement(translation, "numerusform").text = form
    else:
        translation.text = text
    translation.attrib.pop("type", None)
    comment = message.find("translatorcomment")
    if comment is None:
        comment = ET.Element("translatorcomment")
        message.insert(list(message).index(translation), comment)
    comment.text = mark


def derive(areas: Sequence[str] = ()) -> int:
    """Fill 繁體 entries from 简体 ones; returns how many were (re)derived."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    count = 0
    for cn_path in _catalogues("zh_CN", areas):
        tw_path = cn_path.with_name(cn_path.name.replace("_zh_CN.ts", "_zh_TW.ts"))
        if not tw_path.is_file():
            continue
        simplified = _translations(cn_path)
        tree = ET.parse(tw_path)
        for context in tree.getroot().iter("context"):
            for message in context.iter("message"):
                count += _derive_message(context, message, simplified, convert)
        _write(tree, tw_path)
    return count


def _derive_message(context, message, simplified, convert) -> int:  # type: ignore[no-untyped-def]
    translation = _translation_of(message)
    source = simplified.get(_key(context, message))
    if _is_hand_made(message, translation) or source is None:
        return 0
    numerus = source.findall("numerusform")
    text = [convert(f.text or "") for f in numerus] if numerus else convert(source.text or "")
    _set_derived(message, translation, text, DERIVED)
    return 1


def _catalogues(language: str, areas: Sequence[str]) -> list[Path]:
    return [
        path
        for path in sorted(I18N.glob(f"*_{language}.ts"))
        if not areas or path.name.split("_")[0] in areas
    ]


def derive_english(areas: Sequence[str] = ()) -> int:
    """English plural forms: "%n document(s)" → "%n document" / "%n documents".

    The English catalogues hold only messages with a count (lupdate ``-pluralonly``).
    Entries without a hand-made translation are derived (translator comment
    :data:`DERIVED_EN`); edit one and delete its comment to keep your wording.
    """
    count = 0
    for path in _catalogues("en", areas):
        tree = ET.parse(path)
        for message in tree.getroot().iter("message"):
            translation = _translation_of(message)
            if _is_hand_made(message, translation, DERIVED_EN):
                continue
            source = message.findtext("source") or ""
            forms = [re.sub(r"\((\w+)\)", "", source), re.sub(r"\((\w+)\)", r"\1", source)]
            _set_derived(message, translation, forms, DERIVED_EN)
            count += 1
        _write(tree, path)
    return count


def compile_all(out_dir: Path | None = None, areas: Sequence[str] = ()) -> list[Path]:
    """Compile the ``.ts`` of ``areas`` (default all) into ``.qm`` (beside, or in ``out_dir``)."""
    written = []
    for ts in _catalogues("*", areas):
        qm = (out_dir or I18N) / ts.with_suffix(".qm").name
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


def main(argv: Sequence[str]) -> int:
    command, areas = (argv[0], argv[1:]) if argv else ("update", [])
    unknown = [area for area in areas if area not in AREAS]
    if unknown:
        print(f"unknown area(s) {', '.join(unknown)}; areas: {', '.join(AREAS)}")
        return 2
    if command == "update":
        update(areas)
    elif command == "derive":
        print(f"{derive(areas)} 繁體 entries derived")
    elif command == "compile":
        compile_all(areas=areas)
    else:
        print(__doc__)
        return 2
    return 0
