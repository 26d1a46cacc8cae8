"""Pictures of EPUBs and saved pages: figure lines in the text, bytes only from the file.

The reader's text widget draws plain text, so a picture becomes a *figure line* in the
canonical text: ``［图：alt text］`` (``［图］`` when there is no alt text).  The full-width
brackets and the word survive every view step (script conversion turns 图 into 圖 and
back; nothing in the clean view touches them), search folds them like any text, so the
alt text is found, and a reader sees at once that a picture stands there.  The word
follows the document's own script (图 in Simplified or unknown text, 圖 in Traditional),
decided once the text is known; both are one character, so no offset moves.

Bytes come only from inside the imported file: the EPUB's own members (through
:class:`~desktop.core.formats.safezip.SafeZip`, resolved with
:func:`~desktop.core.formats.opf.resolve`, which refuses ``..`` escapes, absolute
paths and every scheme) or ``data:`` URIs.  Nothing outside the file is opened: a saved
page's ``*_files/`` folder and ``http:`` pictures keep their figure line and alt text,
without a picture.  Accepted types are sniffed from the bytes, never taken from a name
or a declared type: PNG, JPEG, GIF and WebP.  SVG is refused (it can reference other
files and carries scripts; nothing here rasterises it).  A picture is at most
:data:`MAX_PICTURE_BYTES` and one document's pictures at most
:data:`MAX_PICTURES_BYTES` in all; a refused picture keeps its figure line.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import unquote_to_bytes

if TYPE_CHECKING:
    from lxml import etree

__all__ = [
    "FIGURE_WORDS",
    "MAX_ALT_CHARS",
    "MAX_PICTURES_BYTES",
    "MAX_PICTURE_BYTES",
    "Loaded",
    "Loader",
    "Picture",
    "PictureCollector",
    "data_uri_bytes",
    "figure_text",
    "mark_script",
    "nothing_loaded",
    "sniff_type",
]

#: One picture's bytes, at most.
MAX_PICTURE_BYTES = 20 * 1024 * 1024
#: All the pictures of one document, at most (each distinct picture counted once).
MAX_PICTURES_BYTES = 200 * 1024 * 1024
#: Alt text and captions longer than this are cut (an alt is a line, not a chapter).
MAX_ALT_CHARS = 1000
#: References kept in meta.json for the viewer to name, at most this long.
MAX_SRC_CHARS = 300
#: The figure word by the document's script: Traditional text gets 圖, all else 图.
FIGURE_WORDS = {"traditional": "圖", "default": "图"}
_OPEN, _CLOSE, _COLON = "［", "］", "："
#: File name suffix of each accepted type.
SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
_SPACES = re.compile(r"\s+")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def sniff_type(data: bytes) -> str | None:
    """The media type of an accepted picture, from its first bytes; None otherwise."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "image/png"
    if data.startswith(b"\xff\xd8\xff"):
        return "image/jpeg"
    if data.startswith((b"GIF87a", b"GIF89a")):
        return "image/gif"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "image/webp"
    return None


def _looks_like_svg(data: bytes) -> bool:
    head = data[:1024].lstrip().lower()
    return head.startswith(b"<svg") or (head.startswith(b"<?xml") and b"<svg" in head)


def one_line(text: str | None, limit: int = MAX_ALT_CHARS) -> str:
    """``text`` with runs of white space as one space, trimmed, at most ``limit`` chars."""
    line = _SPACES.sub(" ", text or "").strip()
    return line if len(line) <= limit else line[: limit - 1] + "…"


def figure_text(alt: str, word: str = FIGURE_WORDS["default"]) -> str:
    """The figure line for a picture with alt text ``alt`` (may be empty)."""
    return f"{_OPEN}{word}{_COLON}{alt}{_CLOSE}" if alt else f"{_OPEN}{word}{_CLOSE}"


@dataclass
class Loaded:
    """A picture's bytes and sniffed type, or the reason there are none."""

    media_type: str | None = None
    data: bytes | None = None
    problem: str | None = None  #: "outside", "type", "svg", "too-large", "missing", "damaged"


@dataclass
class Picture:
    """One picture of a document: where its figure line is and what it shows."""

    offset: int  #: canonical offset of the figure line's first character
    length: int  #: characters of the figure line
    alt: str  #: the alt text as written, on one line
    caption: str  #: the caption of the enclosing ``<figure>``, if any
    label: str  #: what the figure line says after 图: the alt text, and the caption
    #: when the caption is not in the text itself
    src: str  #: the reference as written (a data: URI shortened to its type)
    media_type: str | None  #: sniffed type of ``data``
    data: bytes | None  #: the picture, None when it was not in the file or refused
    problem: str | None = None  #: why ``data`` is None


def data_uri_bytes(uri: str) -> Loaded:
    """The bytes a ``data:`` URI holds, within :data:`MAX_PICTURE_BYTES`."""
    header, comma, payload = uri.partition(",")
    if not comma:
        return Loaded(problem="damaged")
    if len(payload) > MAX_PICTURE_BYTES * 4 // 3 + 4096:
        return Loaded(problem="too-large")  # refused before decoding a byte
    try:
        if header.lower().rstrip().endswith(";base64"):
            data = base64.b64decode(_SPACES.sub("", payload), validate=True)
        else:
            data = unquote_to_bytes(payload)
    except (binascii.Error, ValueError):
        return Loaded(problem="damaged")
    return _accepted(data)


def _accepted(data: bytes) -> Loaded:
    if len(data) > MAX_PICTURE_BYTES:
        return Loaded(problem="too-large")
    media_type = sniff_type(data)
    if media_type is None:
        return Loaded(problem="svg" if _looks_like_svg(data) else "type")
    return Loaded(media_type, data)


def _shown_src(src: str) -> str:
    if src[:5].lower() == "data:":
        return src.partition(",")[0][:MAX_SRC_CHARS]
    return src[:MAX_SRC_CHARS]


def picture_src(element: etree._Element) -> str:
    """Where an ``<img>`` or SVG ``<image>`` points.  A lazy-loading page's real
    picture (``data-src``, ``data-original``) wins over a placeholder ``data:`` src."""
    src = (element.get("src") or element.get("href") or element.get(_XLINK_HREF) or "").strip()
    lazy = (element.get("data-src") or element.get("data-original") or "").strip()
    if lazy and (not src or src[:5].lower() == "data:"):
        return lazy
    return src


def _caption(element: etree._Element) -> str:
    """The text of the ``<figcaption>`` of the ``<figure>`` holding ``element``."""
    for ancestor in element.iterancestors():
        tag = ancestor.tag
        if isinstance(tag, str) and tag.rpartition("}")[2].lower() == "figure":
            for child in ancestor:
                name = child.tag
                if isinstance(name, str) and name.rpartition("}")[2].lower() == "figcaption":
                    return one_line("".join(child.itertext()))
            return ""
    return ""


#: Loads the picture a reference points to, given the reference base (never anything
#: outside the file).
Loader = Callable[[str, str], Loaded]


def nothing_loaded(_base: str, _src: str) -> Loaded:
    """The loader of a file that holds nothing but itself (a saved page)."""
    return Loaded(problem="outside")


class PictureCollector:
    """Turns the picture elements a walk meets into :class:`Picture` records.

    ``load(base, src)`` gets the reference as written (not ``data:``, which is decoded
    here) and returns the bytes from inside the file or the reason there are none.
    The same reference is loaded once; distinct pictures count towards
    :data:`MAX_PICTURES_BYTES`.
    """

    def __init__(self, load: Loader = nothing_loaded) -> None:
        self._load = load
        self._cache: dict[str, Loaded] = {}
        self._total = 0
        self.base = ""  #: the reference base (EPUB: the content document's folder)
        self.pictures: list[Picture] = []
        self.problems: list[str] = []

    def reference(
        self, element: etree._Element, original: etree._Element | None = None
    ) -> Picture | None:
        """A picture (offset still unknown) for ``element``, or None when it has
        neither a picture in the file nor alt text nor a caption (nothing to show or
        to read).  ``original`` is the page's own element when ``element`` is a copy
        made by an article extractor, which may have dropped the caption's text."""
        source = element if original is None else original
        src = picture_src(source)
        alt = one_line(source.get("alt"))
        caption = _caption(source)
        loaded = self._loaded(src)
        if loaded.data is None and not (alt or caption):
            return None
        label = alt
        if caption and caption != alt and not _caption(element):  # caption not in the text
            label = f"{alt} · {caption}" if alt else caption
        return Picture(
            0, 0, alt, caption, label, _shown_src(src), loaded.media_type, loaded.data,
            loaded.problem,
        )  # fmt: skip

    def place(self, picture: Picture, offset: int, length: int) -> None:
        """Record ``picture`` at its figure line's canonical offset."""
        picture.offset, picture.length = offset, length
        self.pictures.append(picture)

    def _loaded(self, src: str) -> Loaded:
        if not src:
            return Loaded(problem="missing")
        key = src if src[:5].lower() == "data:" else f"{self.base}\x00{src}"
        if key not in self._cache:
            self._cache[key] = self._budgeted(self._fresh(src), src)
        return self._cache[key]

    def _fresh(self, src: str) -> Loaded:
        if src[:5].lower() == "data:":
            return data_uri_bytes(src)
        if _SCHEME.match(src) or src.startswith(("/", "\\")):
            return Loaded(problem="outside")
        loaded = self._load(self.base, src)
        return _accepted(loaded.data) if loaded.data is not None else loaded

    def _budgeted(self, loaded: Loaded, src: str) -> Loaded:
        if loaded.data is None:
            if loaded.problem not in (None, "outside", "missing"):
                self.problems.append(f"picture {_shown_src(src)!r}: {loaded.problem}; not kept")
            return loaded
        if self._total + len(loaded.data) > MAX_PICTURES_BYTES:
            self.problems.append(
                f"picture {_shown_src(src)!r}: the pictures pass "
                f"{MAX_PICTURES_BYTES // 2**20} MB in all; not kept"
            )
            return Loaded(problem="too-large")
        self._total += len(loaded.data)
        return loaded


def mark_script(text: str, pictures: list[Picture]) -> str:
    """``text`` with each figure word in the document's script (see module docstring)."""
    if not pictures:
        return text
    from desktop.core.script import detect_script

    # Judged without the figure lines: their own 图 would pull a picture book's
    # Traditional text towards Simplified.
    bare = _without_figures(text, pictures)
    word = FIGURE_WORDS.get(detect_script(bare), FIGURE_WORDS["default"])
    if word == FIGURE_WORDS["default"]:
        return text
    parts: list[str] = []
    done = 0
    for picture in pictures:
        at = picture.offset + len(_OPEN)
        parts.append(text[done:at])
        parts.append(word)
        done = at + 1
    parts.append(text[done:])
    return "".join(parts)


def _without_figures(text: str, pictures: list[Picture]) -> str:
    parts: list[str] = []
    done = 0
    for picture in pictures:
        parts.append(text[done : picture.offset])
        done = picture.offset + picture.length
    parts.append(text[done:])
    return "\n".join(parts)
