"""The ``annotations.json`` file as a whole: parse, build, and a cheap summary.

Layout (version 1)::

    {"format": "tongwen-annotations", "version": 1,
     "summary": {"count": 3, "offset": 120, "chars": 5000},   # derived, for the library pane
     "text": {"chars": 5000, "sha256": "..."},                 # the canonical text anchored to
     "position": {"offset": 120, "modified": "2024-...Z"},
     "items": [ ... ]}
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.annotations.model import FORMAT, VERSION, Annotation, Position
from desktop.core.atomic import FutureVersionError

__all__ = [
    "FILE_NAME",
    "Loaded",
    "build_document",
    "parse_document",
    "read_notes",
    "summary",
    "text_fingerprint",
    "validate_document",
]

FILE_NAME = "annotations.json"
_SUMMARY = re.compile(rb'"summary":\s*(\{[^{}]*\})')


def text_fingerprint(text: str) -> dict[str, Any]:
    """What identifies the canonical text the positions refer to."""
    digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
    return {"chars": len(text), "sha256": digest}


def validate_document(value: Any) -> None:
    """Reject what is not an annotation file; :class:`FutureVersionError` for a newer one."""
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise ValueError("not a Tongwen annotations file")
    version = value.get("version")
    if not isinstance(version, int) or version < 1:
        raise ValueError(f"bad format version {version!r}")
    if version > VERSION:
        raise FutureVersionError(
            f"written by a newer Tongwen (format version {version}; this one reads {VERSION})"
        )
    if not isinstance(value.get("items", []), list):
        raise ValueError("'items' is not a list")


@dataclass
class Loaded:
    """The parsed content of one annotation file."""

    items: list[Annotation] = field(default_factory=list)
    #: items that did not parse: kept as they are and written back, never dropped
    raw: list[dict[str, Any]] = field(default_factory=list)
    position: Position = field(default_factory=Position)
    fingerprint: dict[str, Any] | None = None
    problems: list[str] = field(default_factory=list)


def parse_document(value: dict[str, Any]) -> Loaded:
    """Parse a validated document; bad items are kept raw and reported."""
    out = Loaded()
    for n, entry in enumerate(value.get("items", [])):
        try:
            out.items.append(Annotation.from_json(entry))
        except ValueError as exc:
            out.problems.append(f"item {n + 1} could not be read and is kept as it is: {exc}")
            out.raw.append(entry if isinstance(entry, dict) else {"value": entry})
    try:
        out.position = Position.from_json(value.get("position"))
    except ValueError as exc:
        out.problems.append(f"reading position ignored: {exc}")
    text = value.get("text")
    if isinstance(text, dict) and isinstance(text.get("sha256"), str):
        out.fingerprint = {"chars": text.get("chars"), "sha256": text["sha256"]}
    return out


def build_document(
    items: list[Annotation],
    raw: list[dict[str, Any]],
    position: Position,
    fingerprint: dict[str, Any] | None,
) -> dict[str, Any]:
    """The JSON value written to disk."""
    chars = fingerprint.get("chars") if fingerprint else None
    doc: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "summary": {
            "count": sum(1 for i in items if i.alive),
            "offset": position.offset,
            "chars": chars,
            "read": position.modified,
        },
    }
    if fingerprint:
        doc["text"] = fingerprint
    doc["position"] = position.to_json()
    doc["items"] = [i.to_json() for i in items] + raw
    return doc


def _quick_summary(path: Path) -> dict[str, Any] | None:
    with path.open("rb") as fh:
        head = fh.read(1024)
    found = _SUMMARY.search(head)
    if not found:
        return None
    value = json.loads(found.group(1))
    return value if isinstance(value, dict) else None


def _full_summary(path: Path) -> dict[str, Any]:
    value = json.loads(path.read_bytes())
    validate_document(value)
    loaded = parse_document(value)
    fp = loaded.fingerprint or {}
    count = sum(1 for i in loaded.items if i.alive)
    position = loaded.position
    return {
        "count": count,
        "offset": position.offset,
        "chars": fp.get("chars"),
        "read": position.modified,
    }


def _text_chars(doc_dir: Path) -> int | None:
    try:
        return len((doc_dir / "text.txt").read_text("utf-8", errors="replace"))
    except OSError:
        return None


def summary(doc_dir: Path, chars: int | None = None) -> tuple[int, float]:
    """``(annotation count without tombstones, reading progress 0..1)`` for a library row.

    Reads only the head of ``annotations.json`` (or its backup); never writes.  Pass
    ``chars`` (the canonical text length) when known; otherwise the stored length is
    used.  A missing or unreadable file gives ``(0, 0.0)``.
    """
    count, progress, _read = reading_state(doc_dir, chars)
    return count, progress


def reading_state(doc_dir: Path, chars: int | None = None) -> tuple[int, float, str]:
    """:func:`summary` and when the reading position last moved (ISO time; "" when
    never, or in a file written before the summary held it)."""
    info: dict[str, Any] | None = None
    for name in (FILE_NAME, FILE_NAME + ".bak"):
        path = doc_dir / name
        try:
            info = _quick_summary(path) or _full_summary(path)
            break
        except (OSError, ValueError):
            continue
    if info is None:
        return 0, 0.0, ""
    read = str(info["read"]) if isinstance(info.get("read"), str) else ""
    count, offset = info.get("count"), info.get("offset")
    total = chars if chars is not None else info.get("chars")
    if not isinstance(total, int):
        total = _text_chars(doc_dir) if offset else None
    count = count if isinstance(count, int) else 0
    if not isinstance(offset, int) or not total:
        return count, 0.0, read
    return count, max(0.0, min(1.0, offset / total)), read


def read_notes(doc_dir: Path) -> list[str]:
    """The notes of a document's live annotations, for the search index.

    Read like :func:`summary`: ``annotations.json``, else its backup; never writes,
    never sets a file aside (the index reads in its own worker, beside the store
    that owns the file).  A file that is missing, unreadable, not an annotation file
    or of a newer format gives no notes, as the store would show none.
    """
    for name in (FILE_NAME, FILE_NAME + ".bak"):
        try:
            value = json.loads((doc_dir / name).read_bytes())
            validate_document(value)
        except (OSError, ValueError):  # missing, unreadable, damaged: the backup
            continue
        items = parse_document(value).items
        return [i.note for i in items if i.alive and i.note and i.note.strip()]
    return []
