"""Highlights, notes, bookmarks and reading position, kept safe in local files.

Positions are canonical-text offsets; every item also keeps its quote, so it can be
re-found if the canonical text changes.  See :class:`AnnotationStore`.
"""

from __future__ import annotations

from desktop.core.annotations.anchor import ReanchorReport, find_target
from desktop.core.annotations.document import read_notes, reading_state, summary
from desktop.core.annotations.export import from_w3c, to_markdown, to_w3c
from desktop.core.annotations.model import COLORS, KINDS, Annotation, Position, Target
from desktop.core.annotations.store import AnnotationSaveError, AnnotationStore

__all__ = [
    "COLORS",
    "KINDS",
    "Annotation",
    "AnnotationSaveError",
    "AnnotationStore",
    "Position",
    "ReanchorReport",
    "Target",
    "find_target",
    "from_w3c",
    "read_notes",
    "reading_state",
    "summary",
    "to_markdown",
    "to_w3c",
]
