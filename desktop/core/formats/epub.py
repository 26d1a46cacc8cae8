"""EPUB 2 and 3: spine order, headings and paragraphs, TOC mapped to canonical offsets.

The archive is read in memory through :class:`SafeZip` (caps on members, bytes and
compression ratio; at most :data:`MAX_TEXT_BYTES` decompressed in all).  XHTML is
parsed without entities, DTDs or the network; a chapter whose markup is broken is
read by the lenient HTML parser, and failing that as plain text, so one bad chapter
never loses the book.  Styles and fonts are never loaded.  Pictures become figure
lines (:mod:`desktop.core.formats.pictures`); their bytes are read only from the
book's own members, through a second :class:`SafeZip` capped at the picture limits.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

from lxml import etree

from desktop.core.errors import FORMATS, ImportRefused
from desktop.core.formats.base import Extracted
from desktop.core.formats.blocks import BlockBuilder, add_tree, strip_unwanted
from desktop.core.formats.charset import decode_markup
from desktop.core.formats.opf import Package, read_package, read_toc, resolve
from desktop.core.formats.pictures import (
    MAX_PICTURE_BYTES,
    MAX_PICTURES_BYTES,
    Loaded,
    Loader,
    PictureCollector,
    mark_script,
)
from desktop.core.formats.safexml import MalformedXML, is_hostile, parse_html, parse_xml
from desktop.core.formats.safezip import SafeZip, ZipLimits
from desktop.core.formats.sniff import foreign_kind, is_zip

__all__ = ["MAX_TEXT_BYTES", "extract"]

log = logging.getLogger(__name__)

#: Total decompressed bytes read from one EPUB.
MAX_TEXT_BYTES = 256 * 1024 * 1024
_CONTENT_TYPES = {"application/xhtml+xml", "text/html", "application/xml", "text/xml", ""}
_TAGS = re.compile(r"<[^>]*>")


def _check_container(path: Path, data: bytes) -> None:
    kind = foreign_kind(data)
    if kind is None and not is_zip(data):
        raise ImportRefused(f"{path.name} is not a ZIP archive, not an EPUB", code="not-epub")
    if kind not in ("epub", "zip"):
        renamed = " renamed .epub" if is_zip(data) else ""
        raise ImportRefused(
            f"{path.name} is a {FORMATS[str(kind)]} file{renamed}, not an EPUB",
            code="wrong-format",
            params={"format": str(kind), "expected": "epub"},
        )


def _document_root(raw: bytes, where: str, warnings: list[str]) -> etree._Element | None:
    """Parse one content document; broken markup falls back to the HTML parser."""
    try:
        root, found = parse_xml(raw, where)
        warnings.extend(found)
        return root
    except MalformedXML as exc:
        warnings.append(f"{exc}; read leniently")
    text, _, _ = decode_markup(raw, name=where)
    try:
        return parse_html(text, where)
    except ImportRefused as exc:
        if is_hostile(exc):
            raise  # a bomb refuses the book; only broken markup is read as plain text
        return None


def _add_plain(builder: BlockBuilder, raw: bytes, where: str) -> None:
    text, _, _ = decode_markup(raw, name=where)
    for para in re.split(r"\n\s*\n", _TAGS.sub("", text)):
        builder.add(para)


def _member_loader(data: bytes, name: str) -> Loader:
    """Loads pictures from the book's own members, relative to the content document
    being walked (``base``); nothing else is ever opened."""
    limits = ZipLimits(max_member_bytes=MAX_PICTURE_BYTES, max_total_bytes=MAX_PICTURES_BYTES)
    members = SafeZip(data, name, limits)

    def load(base: str, src: str) -> Loaded:
        member = resolve(base, src)
        if member is None:
            return Loaded(problem="outside")  # climbs out of the book
        if not members.has(member):
            return Loaded(problem="missing")
        try:
            return Loaded(data=members.read(member))
        except ImportRefused as exc:
            log.info("%s: picture %s not kept: %s", name, member, exc)
            return Loaded(problem="too-large" if exc.code == "archive-too-large" else "damaged")

    return load


def _add_document(
    builder: BlockBuilder,
    raw: bytes,
    where: str,
    warnings: list[str],
    pictures: PictureCollector | None = None,
) -> dict[str, int]:
    anchors: dict[str, int] = {}
    root = _document_root(raw, where, warnings)
    if root is None:
        warnings.append(f"{where}: unreadable markup; kept as plain text")
        _add_plain(builder, raw, where)
        return anchors
    strip_unwanted(root)
    body = next(root.iter("{*}body", "body"), root)
    add_tree(builder, body, anchors=anchors, pictures=pictures)
    return anchors


def _read_spine(
    book: SafeZip,
    package: Package,
    builder: BlockBuilder,
    pictures: PictureCollector | None = None,
) -> dict[tuple[str, str], int]:
    anchors: dict[tuple[str, str], int] = {}
    for member in package.spine:
        item_type = next((i.media_type for i in package.manifest.values() if i.path == member), "")
        if member in package.encrypted:
            package.warnings.append(f"{member} is encrypted (DRM); skipped")
            continue
        if not book.has(member):
            package.warnings.append(f"{member} is missing from the archive; skipped")
            continue
        if item_type not in _CONTENT_TYPES:
            package.warnings.append(f"{member} ({item_type}) is not text; skipped")
            continue
        anchors.setdefault((member, ""), builder.next_offset)
        if pictures is not None:
            pictures.base = posixpath.dirname(member)
        found = _add_document(
            builder, book.read(member), f"{book.name}: {member}", package.warnings, pictures
        )
        anchors.update({(member, key): offset for key, offset in found.items()})
    return anchors


def _chapters(
    toc: list[tuple[str, str, str]],
    anchors: dict[tuple[str, str], int],
    limit: int,
) -> list[tuple[int, str]]:
    chapters: list[tuple[int, str]] = []
    for path, fragment, label in toc:
        offset = anchors.get((path, fragment), anchors.get((path, "")))
        if offset is not None and label:
            chapters.append((min(offset, limit), label))
    # Reading order; identical entries (a label repeated at one place) once.
    return sorted(dict.fromkeys(chapters), key=lambda entry: entry[0])


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Extract the text of an EPUB 2 or 3 book in spine order."""
    _check_container(path, data)
    book = SafeZip(data, path.name, ZipLimits(max_total_bytes=MAX_TEXT_BYTES))
    package = read_package(book)
    if not package.spine:
        raise ImportRefused(f"{path.name}: the book has no readable spine", code="damaged-book")
    builder = BlockBuilder()
    pictures = PictureCollector(_member_loader(data, path.name))
    anchors = _read_spine(book, package, builder, pictures)
    if not builder.blocks:
        if package.encrypted:
            message, code = f"{path.name}: cannot be read (it is DRM-protected)", "drm-protected"
        else:
            message, code = f"{path.name}: cannot be read (no readable text)", "no-readable-text"
        raise ImportRefused(message, code=code)
    toc = read_toc(book, package)
    chapters = _chapters(toc, anchors, builder.length)
    warnings = book.warnings + package.warnings + pictures.problems
    if toc and not chapters:
        warnings.append("the table of contents points nowhere; headings used instead")
    for warning in warnings:
        log.info("%s: %s", path.name, warning)
    return Extracted(
        text=mark_script(builder.text(), pictures.pictures),
        format="epub",
        encoding="utf-8",
        title=package.title or path.stem,
        author=package.author,
        source=package.source,
        published=package.published,
        language=package.language,
        chapters=chapters or builder.chapters,
        blocks=builder.blocks,
        warnings=warnings,
        pictures=pictures.pictures,
    )
