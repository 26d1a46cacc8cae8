"""Markdown (.md, .markdown): parsed by markdown-it-py (CommonMark) into blocks.

Headings become chapters; emphasis, link and image syntax are removed (``[x](url)``
becomes ``x``, ``![alt](src)`` becomes ``alt``); backslash escapes and entities are
resolved; raw HTML tags are dropped and their text kept; code is kept as text.  A
list is one block with an item a line, bullets shown as ``•`` and numbers kept; a
table is one block with a row a line and its cells apart by a tab.  A YAML front
matter block gives title, author and date.  Lines inside a paragraph keep their
newlines (reflowing is a view step).

A parser, not regular expressions: those parked escaped characters in U+E000–U+E07F
and turned every character there into ASCII, and GB18030 decodes its user-defined
bytes into that very range.  markdown-it stops reading a container nested deeper
than its limit and drops the rest; a file that deep is kept whole as plain text.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import FORMATS, ImportRefused
from desktop.core.formats.base import Extracted
from desktop.core.formats.blocks import BlockBuilder
from desktop.core.formats.charset import decode_markup
from desktop.core.formats.sniff import foreign_kind

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

__all__ = ["extract", "strip_inline"]

log = logging.getLogger(__name__)

#: Containers (a list takes two: the list and its item) markdown-it enters before it
#: gives up on the rest of one.  100 parses in well under Python's recursion limit.
_MAX_NESTING = 100
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_FRONT_KEYS = {"title": "title", "author": "author", "date": "published", "lang": "language"}


def _inline_text(tokens: Sequence[Token] | None) -> str:
    """The reader's text of an inline run: markup gone, a picture by its alt text."""
    parts: list[str] = []
    for token in tokens or ():
        if token.type in ("text", "text_special", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif token.type == "image":
            parts.append(_inline_text(token.children))
    return "".join(parts)


@functools.cache
def _parser() -> MarkdownIt:
    """CommonMark with tables and strikethrough, made on first use: markdown-it takes
    ~100 ms to import, and this module is imported at start-up with the formats."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING}).enable(["table", "strikethrough"])


def strip_inline(text: str) -> str:
    """Remove inline Markdown syntax; code spans are kept verbatim."""
    return "".join(_inline_text(token.children) for token in _parser().parseInline(text))


def _front_matter(lines: list[str]) -> tuple[dict[str, str], int]:
    if not lines or lines[0].strip() != "---":
        return {}, 0
    found: dict[str, str] = {}
    for index, line in enumerate(lines[1:200], start=1):
        if line.strip() in ("---", "..."):
            return found, index + 1
        key, sep, value = line.partition(":")
        field = _FRONT_KEYS.get(key.strip().lower())
        if sep and field:
            found[field] = value.strip().strip("\"'")
    return {}, 0


class _Walker:
    """markdown-it's flat token stream to blocks: one pass, no recursion."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.heading: str | None = None
        self.lists = 0  #: depth of list nesting
        self.marker = ""  #: bullet or number for the item's first line
        self.table = False
        self.cells: list[str] = []
        self.lines: list[str] = []  #: lines of the list or table being built

    def feed(self, token: Token) -> None:
        handler = getattr(self, f"_{token.type}", None)
        if handler is not None:
            handler(token)

    def _text(self, text: str, kind: str = "p") -> None:
        if not text.strip() and not self.table:
            return  # an item's marker waits for its first words
        if self.table:
            self.cells.append(" ".join(text.split()))
        elif self.lists:
            self.lines.append(self.marker + text.rstrip())
            self.marker = ""
        else:
            self.builder.add(text, kind)

    def _flush_lines(self) -> None:
        if not self.lists and not self.table:
            self.builder.add("\n".join(self.lines), "p")
            self.lines = []

    def _heading_open(self, token: Token) -> None:
        self.heading = token.tag

    def _heading_close(self, token: Token) -> None:
        self.heading = None

    def _inline(self, token: Token) -> None:
        self._text(_inline_text(token.children), self.heading or "p")

    def _fence(self, token: Token) -> None:
        self._text(token.content.rstrip("\n"))

    _code_block = _fence

    def _html_block(self, token: Token) -> None:
        self._text(_TAG.sub("", token.content).strip())

    def _bullet_list_open(self, token: Token) -> None:
        self.lists += 1

    _ordered_list_open = _bullet_list_open

    def _bullet_list_close(self, token: Token) -> None:
        self.lists -= 1
        self._flush_lines()

    _ordered_list_close = _bullet_list_close

    def _list_item_open(self, token: Token) -> None:
        bullet = f"{token.info}. " if token.info else "• "
        self.marker = "  " * (self.lists - 1) + bullet

    def _table_open(self, token: Token) -> None:
        self.table = True

    def _table_close(self, token: Token) -> None:
        self.table = False
        self._flush_lines()

    def _tr_open(self, token: Token) -> None:
        self.cells = []

    def _tr_close(self, token: Token) -> None:
        self.lines.append("\t".join(self.cells))


def _convert(body: str, name: str) -> tuple[BlockBuilder, list[str]]:
    """Blocks of the Markdown ``body``, and warnings for the reader."""
    tokens = _parser().parse(body)
    if any(token.level >= _MAX_NESTING - 1 for token in tokens):
        log.warning("%s: Markdown nested too deep to parse; kept as plain text", name)
        builder = BlockBuilder()
        for paragraph in _PARAGRAPHS.split(body):
            builder.add(paragraph)
        return builder, ["the Markdown is nested too deep to read; it is kept as plain text"]
    walker = _Walker()
    for token in tokens:
        walker.feed(token)
    return walker.builder, []


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Convert a Markdown file to canonical text with headings as chapters."""
    kind = foreign_kind(data)
    if kind:
        raise ImportRefused(
            f"{path.name} is a {FORMATS[kind]} file, not Markdown",
            code="wrong-format",
            params={"format": kind, "expected": "markdown"},
        )
    text, used, confidence = decode_markup(data, encoding=encoding, name=path.name)
    if "\x00" in text:
        raise ImportRefused(f"{path.name}: binary data, not Markdown", code="binary-file")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    front, skip = _front_matter(lines)
    builder, warnings = _convert("\n".join(lines[skip:]), path.name)
    return Extracted(
        text=builder.text(),
        format="markdown",
        encoding=used,
        confidence=confidence,
        title=front.get("title") or _first_heading(builder),
        author=front.get("author"),
        published=front.get("published"),
        language=front.get("language"),
        chapters=builder.chapters,
        blocks=builder.blocks,
        warnings=warnings,
    )


def _first_heading(builder: BlockBuilder) -> str | None:
    text = builder.text()
    for start, end, kind in builder.blocks:
        if kind == "h1":
            return text[start:end]
    return builder.chapters[0][1] if builder.chapters else None
