"""What the search index holds of one document, and how it tells that the document changed.

A document is indexed twice over: its reading text (the clean view in the original
script), folded, goes to the body store with the map from folded offsets back to the
canonical text; its metadata and annotation notes go to whoosh as fields.  Its
*signature*, the modification time and size of ``text.txt``, ``meta.json`` and
``annotations.json``, is recorded in the manifest: a different signature means the
document is indexed again, and only a change of the text itself folds its body again.
"""

from __future__ import annotations

import os
from array import array
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core.annotations import read_notes
from desktop.core.fold import fold
from desktop.core.offsetmap import OffsetMap
from desktop.core.search.folded import flat_edits
from desktop.core.search.manifest import SIGNATURE
from desktop.core.views import ViewOptions, build_view

if TYPE_CHECKING:
    from desktop.core.records import DocRecord, DocSummary

__all__ = [
    "folded_body",
    "meta_fields",
    "notes_from_file",
    "reading_text",
    "signature",
    "text_changed",
]


def signature(doc_dir: str | os.PathLike[str]) -> bytes:
    """The mtime_ns and size of the document's text, metadata and annotations files,
    in that order (0 and -1 for a file that is missing), packed as :data:`SIGNATURE`
    (81 bytes as an object, where a list of the six integers took about 300: the
    manifest holds one for every document indexed)."""
    # plain strings: pathlib costs more than the stat calls on 100,000 documents
    folder = os.fspath(doc_dir)
    return SIGNATURE.pack(
        *_stat(os.path.join(folder, "text.txt")),
        *_stat(os.path.join(folder, "meta.json")),
        *_stat(os.path.join(folder, "annotations.json")),
    )


def _stat(path: str) -> tuple[int, int]:
    try:
        st = os.stat(path)
    except OSError:
        return 0, -1
    return st.st_mtime_ns, st.st_size


def text_changed(before: bytes | None, now: bytes) -> bool:
    """Whether a document's text changed since it was indexed (or was never indexed).

    A signature starts with the text file's modification time and size; a change of
    metadata or annotations alone keeps the indexed body (a note on a 10 MB novel
    must not fold the novel again).
    """
    return before is None or before[:16] != now[:16]


def reading_text(canonical: str) -> tuple[str, OffsetMap]:
    """What the reader reads (the clean view in the original script) and its map.

    Returns the view text and its ``OffsetMap`` canonical→view.
    """
    view = build_view(canonical, ViewOptions(clean=True, script="original"))
    return view.text, view.map


def folded_body(canonical: str) -> tuple[str, array]:
    """The folded reading text of a document, and the flat edits of its map from the
    canonical text (what the body store keeps)."""
    text, view_map = reading_text(canonical)
    folded, fold_map = fold(text)
    return folded, flat_edits(view_map.compose(fold_map))


def meta_fields(record: DocRecord | DocSummary, notes: str) -> dict[str, Any]:
    """The whoosh fields of a document, but for its id and body-store slot (its summary
    holds them all: indexing reads no whole record, which the library would keep)."""
    return {
        "title": record.title or "",
        "author": record.author or "",
        "source": record.source or "",
        "notes": notes or "",
        "script": (record.script or "").lower(),
        "format": (record.format or "").lower(),
        "tags": ",".join(record.tags),
        "published": record.published or "",
        "imported": record.imported or "",
    }


def notes_from_file(doc_dir: Path) -> str:
    """The notes of a document's live annotations, as the annotations package reads them."""
    return "\n".join(read_notes(doc_dir))
