"""Markdown (.md, .markdown): a small converter to canonical text.

Headings become chapters; emphasis, link and image syntax are removed (``[x](url)``
becomes ``x``, ``![alt](src)`` becomes ``alt``); fenced code is kept as text; list
items stay one per line, bullets shown as ``•`` and numbers kept; a YAML front
matter block gives title, author and date.  Lines inside a paragraph keep their
newlines (reflowing is a view step).
"""

from __future__ import annotations

import re
from pathlib import Path

from desktop.core.errors import FORMATS, ImportRefused
from desktop.core.formats.base import Extracted
from desktop.core.formats.blocks import BlockBuilder
from desktop.core.formats.charset import decode_markup
from desktop.core.formats.sniff import foreign_kind

__all__ = ["extract", "strip_inline"]

_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_SETEXT = re.compile(r"^ {0,3}(=+|-+)[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RULE = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_BULLET = re.compile(r"^(\s*)[-*+][ \t]+(.*)$")
_ORDERED = re.compile(r"^(\s*)(\d{1,9})[.)][ \t]+(.*)$")
_QUOTE = re.compile(r"^ {0,3}> ?")
_REF_DEF = re.compile(r"^ {0,3}\[[^\]]+\]:\s*\S+")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.DOTALL)
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<((?:https?|mailto|ftp):[^>\s]+)>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_EMPHASIS = (
    re.compile(r"(\*\*\*|\*\*|\*|~~)(?=\S)(.+?)(?<=\S)\1"),
    re.compile(r"(?<![A-Za-z0-9])(___|__|_)(?=\S)(.+?)(?<=\S)\1(?![A-Za-z0-9])"),
)
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")
_PARK = 0xE000
_PARKED = re.compile("[\ue000-\ue07f]")
_FRONT_KEYS = {"title": "title", "author": "author", "date": "published", "lang": "language"}


def _strip_plain(text: str) -> str:
    # Escaped characters are parked in the private use area while syntax is removed.
    text = _ESCAPE.sub(lambda m: chr(_PARK + ord(m.group(1))), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _TAG.sub("", text)
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\2", text)
    return _PARKED.sub(lambda m: chr(ord(m.group(0)) - _PARK), text)


def strip_inline(text: str) -> str:
    """Remove inline Markdown syntax; code spans are kept verbatim."""
    out: list[str] = []
    last = 0
    for match in _CODE_SPAN.finditer(text):
        out.append(_strip_plain(text[last : match.start()]))
        out.append(match.group(2).strip())
        last = match.end()
    out.append(_strip_plain(text[last:]))
    return "".join(out)


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


class _Converter:
    """Line-by-line Markdown to blocks."""

    def __init__(self) -> None:
        self.builder = BlockBuilder()
        self.para: list[str] = []
        self.kind = "p"
        self.fence: str | None = None
        self.code: list[str] = []

    def flush(self) -> None:
        if self.para:
            self.builder.add("\n".join(strip_inline(line) for line in self.para), self.kind)
        self.para, self.kind = [], "p"

    def feed(self, line: str) -> None:
        if self.fence is not None:
            self._code_line(line)
            return
        fence = _FENCE.match(line)
        if fence:
            self.flush()
            self.fence = fence.group(1)[0] * len(fence.group(1))
            return
        if not line.strip():
            self.flush()
            return
        self._text_line(line)

    def _code_line(self, line: str) -> None:
        assert self.fence is not None
        if line.strip().startswith(self.fence) and not line.strip().strip(self.fence[0]):
            self.builder.add("\n".join(self.code), "p")
            self.fence, self.code = None, []
        else:
            self.code.append(line)

    def _text_line(self, line: str) -> None:
        atx = _ATX.match(line)
        setext = _SETEXT.match(line)
        if atx:
            self.flush()
            self.builder.add(strip_inline(atx.group(2) or ""), f"h{len(atx.group(1))}")
        elif setext and self.para and self.kind == "p" and len(self.para) == 1:
            self.kind = "h1" if setext.group(1)[0] == "=" else "h2"
            self.flush()
        elif _RULE.match(line):
            self.flush()
        elif not _REF_DEF.match(line):
            self._body_line(line)

    def _body_line(self, line: str) -> None:
        line = _QUOTE.sub("", line)
        bullet = _BULLET.match(line)
        ordered = _ORDERED.match(line)
        if bullet:
            line = f"{bullet.group(1)}• {bullet.group(2)}"
        elif ordered:
            line = f"{ordered.group(1)}{ordered.group(2)}. {ordered.group(3)}"
        self.para.append(line.rstrip() if (bullet or ordered) else line.strip())

    def finish(self) -> BlockBuilder:
        if self.fence is not None:  # an unclosed fence keeps its text
            self.builder.add("\n".join(self.code), "p")
        self.flush()
        return self.builder


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
    converter = _Converter()
    for line in lines[skip:]:
        converter.feed(line)
    builder = converter.finish()
    title = front.get("title") or _first_heading(builder)
    return Extracted(
        text=builder.text(),
        format="markdown",
        encoding=used,
        confidence=confidence,
        title=title,
        author=front.get("author"),
        published=front.get("published"),
        language=front.get("language"),
        chapters=builder.chapters,
        blocks=builder.blocks,
    )


def _first_heading(builder: BlockBuilder) -> str | None:
    text = builder.text()
    for start, end, kind in builder.blocks:
        if kind == "h1":
            return text[start:end]
    return builder.chapters[0][1] if builder.chapters else None
