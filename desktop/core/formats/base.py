"""What every format handler returns, and the signature they share.

Kept apart from the package's ``__init__`` (which imports every handler to build its
table) so that a handler can import these names without importing itself back.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from desktop.core.formats.pictures import Picture

__all__ = ["Extracted", "Handler"]


@dataclass
class Extracted:
    """What a format handler found in a file."""

    text: str  #: canonical text: decoded, markup removed, newlines ``\n``
    format: str  #: "txt", "html", "epub", "markdown"
    encoding: str | None = None  #: the decoding used, for byte formats
    confidence: float | None = None  #: 0..1, how sure the decoder was
    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None  #: ISO date "YYYY-MM-DD" (or "YYYY-MM-DDTHH:MM")
    language: str | None = None
    script: str | None = None  #: "simplified", "traditional", "mixed" or "unknown"
    #: table of contents as (canonical offset, heading), in reading order
    chapters: list[tuple[int, str]] = field(default_factory=list)
    #: block structure as (start, end, kind); kind "h1".."h6" or "p"
    blocks: list[tuple[int, int, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    #: pictures in reading order, each at its figure line (EPUB, saved pages)
    pictures: list[Picture] = field(default_factory=list)


class Handler(Protocol):
    """A format module's ``extract``: the bytes ``data`` of ``path`` to canonical text.

    ``encoding`` is the reader's re-decode choice (None: detect).  Raises
    :class:`~desktop.core.errors.ImportRefused`, naming the file, and nothing else.
    """

    def __call__(self, path: Path, data: bytes, *, encoding: str | None = None) -> Extracted: ...
