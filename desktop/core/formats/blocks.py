"""Build canonical text out of blocks, and walk HTML/XHTML trees into blocks.

Canonical text is a sequence of blocks (headings and paragraphs) separated by one
blank line.  :class:`BlockBuilder` keeps the offsets of each block as it grows, so
every format handler gets ``blocks`` and ``chapters`` right by construction.
:func:`add_tree` walks an lxml element without recursion; structure deeper than
:data:`MAX_DEPTH` is flattened into the text of the enclosing block.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree

__all__ = ["HEADINGS", "MAX_DEPTH", "BlockBuilder", "add_tree", "strip_unwanted"]

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
    """Remove scripts, styles, media and the like (with namespace or without)."""
    names = [f"{{*}}{name}" for name in _UNWANTED] + list(_UNWANTED)
    etree.strip_elements(root, *names, with_tail=False)


class _Sink:
    """Turns start/end/text events into blocks of a :class:`BlockBuilder`."""

    def __init__(self, builder: BlockBuilder, anchors: dict[str, int] | None) -> None:
        self.builder = builder
        self.anchors = anchors
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
        if self.anchors is not None:
            self._anchor(self.anchors, element, name)

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
            self.buffer.append(text if self.pre else _SPACES.sub(" ", text))

    def flush(self) -> None:
        raw = "".join(self.buffer)
        self.buffer.clear()
        if not self.pre:
            raw = "\n".join(line.strip(_TRIM) for line in raw.split("\n"))
            raw = re.sub(r"\n{2,}", "\n", raw)
        self.builder.add(raw, self.kinds[-1] if self.kinds else "p")


def _flat_text(element: etree._Element) -> str:
    return str(etree.tostring(element, method="text", encoding=str, with_tail=False))


def add_tree(
    builder: BlockBuilder,
    root: etree._Element,
    *,
    anchors: dict[str, int] | None = None,
    max_depth: int = MAX_DEPTH,
) -> None:
    """Append the blocks of an HTML/XHTML element (call :func:`strip_unwanted` first).

    ``anchors`` (optional) receives element ids mapped to canonical offsets.
    """
    sink = _Sink(builder, anchors)
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
