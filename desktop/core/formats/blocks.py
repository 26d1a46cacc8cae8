"""Build canonical text out of blocks, and walk HTML/XHTML trees into blocks.

Canonical text is a sequence of blocks (headings and paragraphs) separated by one
blank line.  :class:`BlockBuilder` keeps the offsets of each block as it grows, so
every format handler gets ``blocks`` and ``chapters`` right by construction.
:func:`add_tree` walks an lxml element without recursion; structure deeper than
:data:`MAX_DEPTH` is flattened into the text of the enclosing block.  Given a
:class:`~desktop.core.formats.pictures.PictureCollector`, each ``<img>`` becomes a
figure line (:mod:`desktop.core.formats.pictures`): inside a sentence it stays where it
stands (a picture of a rare character reads in place), pictures side by side take a
line each.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

from desktop.core.formats.pictures import Picture, PictureCollector, figure_text

__all__ = [
    "HEADINGS",
    "MAX_DEPTH",
    "BlockBuilder",
    "add_tree",
    "promote_svg_images",
    "strip_unwanted",
]

#: Nesting deeper than this is flattened: its text is kept, its structure is not.
MAX_DEPTH = 64
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

_BLOCK_TAGS = HEADINGS | {
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd",
    "details", "dialog", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
    "form", "header", "hgroup", "hr", "html", "legend", "li", "main", "nav", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
}  # fmt: skip
#: Elements whose content is never text for the reader.
_UNWANTED = (
    "script", "style", "noscript", "template", "head", "iframe", "object", "embed",
    "select", "button", "input", "textarea", "svg", "canvas", "audio", "video", "map",
)  # fmt: skip
_SPACES = re.compile(r"[ \t\r\n\f\v]+")
_TRIM = " \t\r\n\f\v\u3000\u00a0"
#: Holds a picture's place in a block's text until the block's offset is known
#: (U+FFFE is no character: XML forbids it, and any in the input is dropped).
_FIGURE = "\ufffe"
_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


class BlockBuilder:
    """Collects blocks and produces canonical text with block and chapter offsets."""

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._length = 0
        self.blocks: list[tuple[int, int, str]] = []
        self.chapters: list[tuple[int, str]] = []

    @property
    def next_offset(self) -> int:
        """Where the next block will start in the canonical text."""
        return self._length + (2 if self._parts else 0)

    def add(self, text: str, kind: str = "p", *, chapter: bool | None = None) -> int | None:
        """Append one block; empty text is ignored. Returns the block's start offset.

        Headings become chapters unless ``chapter`` is False.
        """
        text = text.strip(_TRIM)
        if not text:
            return None
        start = self.next_offset
        if self._parts:
            self._parts.append("\n\n")
        self._parts.append(text)
        self._length = start + len(text)
        self.blocks.append((start, self._length, kind))
        if chapter or (chapter is None and kind in HEADINGS):
            self.chapters.append((start, " ".join(text.split())))
        return start

    @property
    def length(self) -> int:
        return self._length

    def text(self) -> str:
        return "".join(self._parts)


def _local_name(element: etree._Element) -> str | None:
    """The tag without its ``{namespace}``, lower case; None for non-elements.

    Plain string work, not ``etree.QName``: the lenient HTML parser keeps names
    such as Word's ``o:p`` or a broken ``p::p`` that QName rejects with ValueError,
    and such an element is simply one the walker does not know (its text is kept).
    """
    tag = element.tag
    if not isinstance(tag, str):
        return None  # comment, processing instruction, entity
    return tag.rpartition("}")[2].lower()


def strip_unwanted(root: etree._Element) -> None:
    """Remove scripts, styles, media and the like (with namespace or without).

    The pictures of SVG wrappers (EPUB covers) are kept as ``<img>`` first.
    """
    promote_svg_images(root)
    names = [f"{{*}}{name}" for name in _UNWANTED] + list(_UNWANTED)
    etree.strip_elements(root, *names, with_tail=False)


def promote_svg_images(root: etree._Element) -> None:
    """Replace each ``<svg>`` that shows ``<image>`` pictures by plain ``<img>`` elements.

    EPUB covers are an ``<svg>`` holding one ``<image xlink:href>``; the SVG itself is
    never drawn (it is stripped as media), only the pictures it names are kept, with
    the SVG's ``<title>`` (or ``aria-label``) as their alt text.
    """
    for svg in list(root.iter("{*}svg", "svg")):
        if svg.getparent() is None:
            continue
        images = [i for i in svg.iter("{*}image", "image") if _svg_href(i)]
        if not images:
            continue
        title = next((t for t in svg.iter("{*}title", "title")), None)
        alt = "".join(title.itertext()) if title is not None else svg.get("aria-label") or ""
        for image in images:
            img = etree.Element("img", src=_svg_href(image))
            img.set("alt", image.get("alt") or alt)
            svg.addprevious(img)
        _drop_keeping_tail(svg)


def _svg_href(image: etree._Element) -> str:
    return (image.get(_XLINK_HREF) or image.get("href") or "").strip()


def _drop_keeping_tail(element: etree._Element) -> None:
    parent = element.getparent()
    if parent is None:
        return
    previous = element.getprevious()
    if previous is not None:
        previous.tail = (previous.tail or "") + (element.tail or "")
    else:
        parent.text = (parent.text or "") + (element.tail or "")
    parent.remove(element)


class _Sink:
    """Turns start/end/text events into blocks of a :class:`BlockBuilder`."""

    def __init__(
        self,
        builder: BlockBuilder,
        anchors: dict[str, int] | None,
        pictures: PictureCollector | None = None,
    ) -> None:
        self.builder = builder
        self.anchors = anchors
        self.pictures = pictures
        self.figures: list[Picture] = []  #: pictures in the buffer, in order
        self.after_figure = False  #: nothing but white space since the last picture
        self.buffer: list[str] = []
        self.kinds: list[str] = []
        self.pre = 0

    def start(self, element: etree._Element, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.flush()
        if name in HEADINGS:
            self.kinds.append(name)
        elif name == "pre":
            self.pre += 1
        elif name == "br":
            self.buffer.append("\n")
        elif name == "img" and self.pictures is not None:
            self._picture(self.pictures, element)
        if self.anchors is not None:
            self._anchor(self.anchors, element, name)

    def _picture(self, pictures: PictureCollector, element: etree._Element) -> None:
        picture = pictures.reference(element)
        if picture is None:
            return
        if self.after_figure:
            self.buffer.append("\n")  # pictures side by side: a line each
        self.buffer.append(_FIGURE)
        self.figures.append(picture)
        self.after_figure = True

    def _anchor(self, anchors: dict[str, int], element: etree._Element, name: str) -> None:
        key = element.get("id") or (element.get("name") if name == "a" else None)
        if key and key not in anchors:
            # An anchor inside a paragraph points at the start of that paragraph.
            anchors[key] = self.builder.next_offset

    def end(self, name: str) -> None:
        if name in _BLOCK_TAGS:
            self.flush()
        if name in HEADINGS and self.kinds:
            self.kinds.pop()
        elif name == "pre":
            self.pre = max(0, self.pre - 1)

    def text(self, text: str | None) -> None:
        if text:
            text = text.replace(_FIGURE, "") if _FIGURE in text else text
            self.buffer.append(text if self.pre else _SPACES.sub(" ", text))
            self.after_figure = self.after_figure and not text.strip(_TRIM)

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer.clear()
        self.after_figure = False
        if not self.pre:
            raw = "\n".join(line.strip(_TRIM) for line in raw.split("\n"))
            raw = re.sub(r"\n{2,}", "\n", raw)
        kind = self.kinds[-1] if self.kinds else "p"
        if not self.figures:
            self.builder.add(raw, kind)
            return
        self._add_with_figures(raw.strip(_TRIM), kind)

    def _add_with_figures(self, raw: str, kind: str) -> None:
        """Add a block holding figure places; each picture learns its canonical offset."""
        assert self.pictures is not None
        pieces = raw.split(_FIGURE)
        parts, places, length = [pieces[0]], [], len(pieces[0])
        for picture, after in zip(self.figures, pieces[1:], strict=True):
            line = figure_text(picture.label)
            places.append((picture, length, len(line)))
            parts += (line, after)
            length += len(line) + len(after)
        self.figures.clear()
        start = self.builder.add("".join(parts), kind)
        if start is None:
            return
        for picture, offset, length in places:
            self.pictures.place(picture, start + offset, length)


def _flat_text(element: etree._Element) -> str:
    return str(etree.tostring(element, method="text", encoding=str, with_tail=False))


def add_tree(
    builder: BlockBuilder,
    root: etree._Element,
    *,
    anchors: dict[str, int] | None = None,
    max_depth: int = MAX_DEPTH,
    pictures: PictureCollector | None = None,
) -> None:
    """Append the blocks of an HTML/XHTML element (call :func:`strip_unwanted` first).

    ``anchors`` (optional) receives element ids mapped to canonical offsets;
    ``pictures`` (optional) turns ``<img>`` elements into figure lines and records them.
    """
    sink = _Sink(builder, anchors, pictures)
    stack: list[tuple[etree._Element, int, bool]] = [(root, 0, False)]
    while stack:
        element, depth, closing = stack.pop()
        name = _local_name(element)
        if closing:
            sink.end(name or "")
        elif name is None:
            pass
        elif depth >= max_depth:
            sink.text(_flat_text(element))
        else:
            sink.start(element, name)
            sink.text(element.text)
            stack.append((element, depth, True))
            stack.extend((child, depth + 1, False) for child in _reversed(element))
            continue
        if element is not root:
            sink.text(element.tail)
    sink.flush()


def _reversed(element: etree._Element) -> Iterable[etree._Element]:
    return reversed(list(element))
