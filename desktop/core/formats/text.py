"""Plain text files (.txt): decode, normalise newlines, read metadata from the text."""

from __future__ import annotations

from pathlib import Path

from desktop.core.formats.base import Extracted
from desktop.core.formats.encoding import decode_bytes
from desktop.core.metadata import extract_metadata

__all__ = ["extract"]


def extract(path: Path, data: bytes, *, encoding: str | None = None) -> Extracted:
    """Canonical text and metadata of the text file ``path`` whose bytes are ``data``.

    Raises ImportRefused (naming the file) for binary content or an encoding that
    does not fit.  The text is kept as decoded: cleaning happens in views.
    """
    decoded = decode_bytes(data, encoding=encoding, name=path.name)
    meta = extract_metadata(decoded.text, filename=path.name)
    return Extracted(
        text=decoded.text,
        format="txt",
        encoding=decoded.encoding,
        confidence=decoded.confidence,
        title=meta.title,
        author=meta.author,
        source=meta.source,
        published=meta.published,
        script=meta.script,
    )
