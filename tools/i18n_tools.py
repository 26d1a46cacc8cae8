"""Maintain the translation catalogues: ``python tools/i18n_tools.py [update|derive|compile] [AREA…]``.

A developer tool (``make i18n``), not part of the shipped package.

* ``update``: extract the strings of each catalogue's modules into
  ``resources/i18n/<catalogue>_<language>.ts`` (``pyside6-lupdate``, no line numbers,
  vanished strings dropped), then ``derive`` and ``compile``.
* ``derive``: fill every 繁體 entry that has no hand-made translation from the
  简体 one through OpenCC ``s2twp`` (Taiwan phrasing: 文件 → 檔案, 设置 → 設定).
  Such entries carry the translator comment :data:`DERIVED`, so they are derived
  again when the 简体 text changes; delete the comment to keep a hand edit.
* ``compile``: ``pyside6-lrelease`` every ``.ts`` into its ``.qm``.

The areas are the feature packages of ``desktop/ui`` (``app``, ``reader`` …): each
package is one area, read from the folders, so a new module is translated where it
is put.  Several areas may share a catalogue (:data:`CATALOGUE_OF_AREA`): the
catalogues kept the names they had before the UI was split into packages, and a
``.ts`` file records class names, not module paths, so no translation was lost.  An
area with no entry there gets a catalogue of its own name.  Without AREA names
(areas or catalogue names) every catalogue is processed.
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
    "CATALOGUES",
    "CATALOGUE_OF_AREA",
    "DERIVED",
    "DERIVED_EN",
    "TRANSLATED",
    "catalogue_sources",
    "compile_all",
    "derive",
    "derive_english",
    "update",
]

REPO = Path(__file__).resolve().parents[1]
UI = REPO / "desktop" / "ui"
I18N = REPO / "resources" / "i18n"
#: Languages that have catalogues (English is the source language).
TRANSLATED = ("zh_CN", "zh_TW")
DERIVED = "derived from zh_CN by OpenCC s2twp"
DERIVED_EN = "English plural forms derived from the source"

#: Area (a package of desktop/ui) → the catalogue holding its strings, where the two
#: names differ.  The catalogue names predate the packages; keeping them kept every
#: translation (lupdate merges into the file of the same name).
CATALOGUE_OF_AREA = {
    "app": "main",
    "search": "library",
    "annotations": "reader",
    "common": "errors",
}
#: Modules outside desktop/ui whose strings belong to an area.
EXTRA_SOURCES = {"app": ("desktop/app.py",)}


def _areas_from_folders() -> dict[str, tuple[str, ...]]:
    """Area → its modules (paths relative to the repo): one area per package of desktop/ui."""
    return {
        package.name: (
            *EXTRA_SOURCES.get(package.name, ()),
            *(path.relative_to(REPO).as_posix() for path in sorted(package.rglob("*.py"))),
        )
        for package in sorted(UI.iterdir())
        if (package / "__init__.py").is_file()
    }


#: Area → the modules whose strings it holds (paths relative to the repo).
AREAS: dict[str, tuple[str, ...]] = _areas_from_folders()
#: Catalogue name → the areas whose strings it holds.
CATALOGUES: dict[str, tuple[str, ...]] = {}
for _area in AREAS:
    _name = CATALOGUE_OF_AREA.get(_area, _area)
    CATALOGUES[_name] = (*CATALOGUES.get(_name, ()), _area)


def _tool(name: str) -> str:
    """The PySide6 tool ``name`` beside this Python, else on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if not found:
        raise FileNotFoundError(f"{name} not found (it ships with PySide6-Essentials)")
    return found


def catalogue_sources(catalogue: str) -> list[Path]:
    """The existing source files of every area of ``catalogue``."""
    paths = [REPO / rel for area in CATALOGUES[catalogue] for rel in AREAS[area]]
    return [path for path in paths if path.is_file()]


def catalogue_names(names: Sequence[str]) -> list[str]:
    """The catalogues meant by ``names`` (catalogue or area names; none: all)."""
    if not names:
        return list(CATALOGUES)
    found = [CATALOGUE_OF_AREA.get(name, name) for name in names]
    return list(dict.fromkeys(found))


def ts_path(catalogue: str, language: str) -> Path:
    return I18N / f"{catalogue}_{language}.ts"


def update(names: Sequence[str] = ()) -> None:
    """Extract strings into the ``.ts`` of ``names`` (default all), derive, compile.

    One lupdate run per catalogue with the sources of all its areas: run per area,
    each would drop the other areas' strings from the shared file (``-no-obsolete``).
    """
    I18N.mkdir(parents=True, exist_ok=True)
    catalogues = catalogue_names(names)
    for catalogue in catalogues:
        sources = [str(p) for p in catalogue_sources(catalogue)]
        if not sources:
            continue
        targets = [str(ts_path(catalogue, lang)) for lang in TRANSLATED]
        cmd = [_tool("pyside6-lupdate"), "-silent", "-no-obsolete", "-locations", "none"]
        subprocess.run([*cmd, *sources, "-ts", *targets], check=True)
        english = ts_path(catalogue, "en")
        subprocess.run([*cmd, "-pluralonly", *sources, "-ts", str(english)], check=True)
        for target in [*targets, str(english)]:
            _set_language(Path(target))
    derive(catalogues)
    derive_english(catalogues)
    compile_all(catalogues=catalogues)


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


def derive(catalogues: Sequence[str] = ()) -> int:
    """Fill 繁體 entries of ``catalogues`` (default all) from 简体 ones; how many were derived."""
    import opencc

    convert = opencc.OpenCC("s2twp").convert
    count = 0
    for cn_path in _catalogues("zh_CN", catalogues):
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


def _catalogues(language: str, catalogues: Sequence[str]) -> list[Path]:
    return [
        path
        for path in sorted(I18N.glob(f"*_{language}.ts"))
        if not catalogues or path.name.split("_")[0] in catalogues
    ]


def derive_english(catalogues: Sequence[str] = ()) -> int:
    """English plural forms: "%n document(s)" → "%n document" / "%n documents".

    The English catalogues hold only messages with a count (lupdate ``-pluralonly``).
    Entries without a hand-made translation are derived (translator comment
    :data:`DERIVED_EN`); edit one and delete its comment to keep your wording.
    """
    count = 0
    for path in _catalogues("en", catalogues):
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


def compile_all(out_dir: Path | None = None, catalogues: Sequence[str] = ()) -> list[Path]:
    """Compile the ``.ts`` of ``catalogues`` (default all) into ``.qm`` (beside, or in ``out_dir``)."""
    written = []
    for ts in _catalogues("*", catalogues):
        qm = (out_dir or I18N) / ts.with_suffix(".qm").name
        subprocess.run(
            [_tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
        written.append(qm)
    return written


def main(argv: Sequence[str]) -> int:
    command, names = (argv[0], argv[1:]) if argv else ("update", [])
    unknown = [name for name in names if name not in AREAS and name not in CATALOGUES]
    if unknown:
        print(f"unknown area(s) {', '.join(unknown)}; areas: {', '.join(AREAS)}")
        return 2
    catalogues = catalogue_names(names)
    if command == "update":
        update(catalogues)
    elif command == "derive":
        print(f"{derive(catalogues)} 繁體 entries derived")
    elif command == "compile":
        compile_all(catalogues=catalogues)
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
