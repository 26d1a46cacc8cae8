"""The package of an EPUB: container, OPF metadata, manifest, spine, TOC, encryption.

All paths are member names inside the archive.  :func:`resolve` refuses every
reference that climbs out of the container, is absolute, or names a scheme
(``file:``, ``http:``, ``data:`` ...): such resources are never loaded.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass, field
from urllib.parse import unquote

from lxml import etree

from desktop.core.errors import ImportRefused
from desktop.core.formats.safexml import is_hostile, parse_xml
from desktop.core.formats.safezip import SafeZip

__all__ = ["ManifestItem", "Package", "read_package", "read_toc", "resolve"]

_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_OPS = "http://www.idpf.org/2007/ops"
#: Font obfuscation (IDPF and Adobe): only fonts are affected, the text is readable.
_FONT_OBFUSCATION = {"http://www.idpf.org/2008/embedding", "http://ns.adobe.com/pdf/enc#RC"}


def resolve(base_dir: str, href: str) -> str | None:
    """The member name ``href`` points to from ``base_dir``, or None if it leaves the book."""
    target = unquote(href.split("#", 1)[0]).strip()
    if not target or _SCHEME.match(target) or target.startswith(("/", "\\")):
        return None
    if "\\" in target or "\x00" in target:
        return None
    joined = posixpath.normpath(posixpath.join(base_dir, target))
    if joined == ".." or joined.startswith(("../", "/")):
        return None
    return joined


def _fragment(href: str) -> str:
    return unquote(href.partition("#")[2])


@dataclass
class ManifestItem:
    path: str
    media_type: str
    properties: set[str]


@dataclass
class Package:
    """What the OPF says about a book."""

    opf_path: str
    title: str | None = None
    author: str | None = None
    language: str | None = None
    published: str | None = None
    source: str | None = None
    manifest: dict[str, ManifestItem] = field(default_factory=dict)
    spine: list[str] = field(default_factory=list)  #: member paths in reading order
    toc_ncx: str | None = None
    nav: str | None = None
    encrypted: set[str] = field(default_factory=set)  #: DRM-encrypted member paths
    warnings: list[str] = field(default_factory=list)


def _rootfile(book: SafeZip) -> str:
    if book.has("META-INF/container.xml"):
        root, _ = parse_xml(book.read("META-INF/container.xml"), f"{book.name}: container.xml")
        for element in root.iter("{*}rootfile"):
            path = resolve("", element.get("full-path") or "")
            if path and book.has(path):
                return path
    candidates = [name for name in book.names() if name.lower().endswith(".opf")]
    if not candidates:
        raise ImportRefused(
            f"{book.name}: not an EPUB (no package document found)", code="not-epub"
        )
    return candidates[0]


def _texts(metadata: etree._Element, tag: str) -> list[str]:
    found = (" ".join("".join(e.itertext()).split()) for e in metadata.iter(f"{{*}}{tag}"))
    return [text for text in found if text]


def _read_metadata(package: Package, root: etree._Element) -> None:
    metadata = root.find("{*}metadata")
    if metadata is None:
        return
    titles = _texts(metadata, "title")
    creators = _texts(metadata, "creator")
    languages = _texts(metadata, "language")
    dates = _texts(metadata, "date")
    publishers = _texts(metadata, "publisher")
    package.title = titles[0] if titles else None
    package.author = ", ".join(creators) if creators else None
    package.language = languages[0] if languages else None
    package.source = publishers[0] if publishers else None
    if dates and re.match(r"^\d{4}(-\d{2}(-\d{2})?)?", dates[0]):
        package.published = dates[0][:10]


def _read_manifest(package: Package, root: etree._Element, book: SafeZip) -> None:
    base = posixpath.dirname(package.opf_path)
    for item in root.iter("{*}item"):
        item_id, href = item.get("id"), item.get("href") or ""
        path = resolve(base, href)
        if not item_id:
            continue
        if path is None:
            package.warnings.append(f"{href!r} points outside the book; not loaded")
            continue
        props = set((item.get("properties") or "").split())
        media_type = (item.get("media-type") or "").strip().lower()
        package.manifest[item_id] = ManifestItem(path, media_type, props)
        if "nav" in props:
            package.nav = path
        if media_type == "application/x-dtbncx+xml" and package.toc_ncx is None:
            package.toc_ncx = path
        if not book.has(path) and not media_type.startswith(("image/", "font/", "text/css")):
            package.warnings.append(f"{path} is listed in the manifest but missing")


def _read_spine(package: Package, root: etree._Element) -> None:
    spine = root.find("{*}spine")
    if spine is None:
        package.warnings.append("the package has no spine")
        return
    toc_id = spine.get("toc")
    if toc_id and toc_id in package.manifest:
        package.toc_ncx = package.manifest[toc_id].path
    for ref in spine.iter("{*}itemref"):
        item = package.manifest.get(ref.get("idref") or "")
        if item is None:
            package.warnings.append(f"spine item {ref.get('idref')!r} is not in the manifest")
        else:
            package.spine.append(item.path)


def _read_encryption(package: Package, book: SafeZip) -> None:
    if not book.has("META-INF/encryption.xml"):
        return
    root, _ = parse_xml(book.read("META-INF/encryption.xml"), f"{book.name}: encryption.xml")
    fonts = 0
    for data in root.iter("{*}EncryptedData"):
        method = data.find("{*}EncryptionMethod")
        algorithm = method.get("Algorithm") if method is not None else None
        for ref in data.iter("{*}CipherReference"):
            path = resolve("", ref.get("URI") or "")
            if path is None:
                continue
            if algorithm in _FONT_OBFUSCATION:
                fonts += 1
            else:
                package.encrypted.add(path)
    if fonts:
        package.warnings.append(f"{fonts} obfuscated font(s) are not used")


def read_package(book: SafeZip) -> Package:
    """Read container.xml, the OPF and encryption.xml of ``book``."""
    opf_path = _rootfile(book)
    root, warnings = parse_xml(book.read(opf_path), f"{book.name}: {opf_path}")
    package = Package(opf_path=opf_path, warnings=list(warnings))
    _read_metadata(package, root)
    _read_manifest(package, root, book)
    _read_spine(package, root)
    _read_encryption(package, book)
    return package


def _label(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _nav_entries(root: etree._Element, base: str) -> list[tuple[str, str, str]]:
    navs = list(root.iter("{*}nav"))
    tocs = [nav for nav in navs if "toc" in (nav.get(f"{{{_OPS}}}type") or "").split()]
    chosen = tocs[0] if tocs else (navs[0] if navs else None)
    if chosen is None:
        return []
    entries = []
    for link in chosen.iter("{*}a"):
        path = resolve(base, link.get("href") or "")
        if path:
            entries.append((path, _fragment(link.get("href") or ""), _label(link)))
    return entries


def _ncx_entries(root: etree._Element, base: str) -> list[tuple[str, str, str]]:
    entries = []
    for point in root.iter("{*}navPoint"):
        content = point.find("{*}content")
        label = point.find("{*}navLabel")
        src = content.get("src") if content is not None else None
        path = resolve(base, src or "")
        if path and label is not None:
            entries.append((path, _fragment(src or ""), _label(label)))
    return entries


def read_toc(book: SafeZip, package: Package) -> list[tuple[str, str, str]]:
    """Table of contents as (member path, fragment, label): EPUB 3 nav, else NCX."""
    for path, reader in ((package.nav, _nav_entries), (package.toc_ncx, _ncx_entries)):
        if not path or not book.has(path):
            continue
        try:
            root, _ = parse_xml(book.read(path), f"{book.name}: {path}")
        except ImportRefused as exc:
            if is_hostile(exc):
                raise  # an entity bomb in the TOC is as hostile as one in a chapter
            package.warnings.append(f"table of contents unreadable: {exc}")
            continue
        entries = reader(root, posixpath.dirname(path))
        if entries:
            return entries
    return []
