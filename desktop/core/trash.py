"""The library's trash: what each removed document was, and deleting it for good.

:meth:`~desktop.core.library.Library.remove` moves a document's folder, annotations
and all, to ``<library>/.trash/<id>-<YYYYmmddHHMMSS>[-n]``.  A person choosing what
to restore or delete needs the title, when it was removed and how much room it
takes, not the folder name; :func:`read_entry` gives those without ever failing on
a damaged or half-synced entry (it is listed under its id instead).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from desktop.core.records import record_from_meta, validate_meta

__all__ = ["TrashEntry", "delete_entry", "entry_path", "read_entry"]

log = logging.getLogger(__name__)

_STAMP = "%Y%m%d%H%M%S"


@dataclass(frozen=True)
class TrashEntry:
    """One removed document, as the trash dialog lists it."""

    name: str  #: the entry's folder name, what ``restore`` and ``purge`` take
    doc_id: str
    title: str  #: from its meta.json; "" when that cannot be read
    removed: datetime | None  #: local time of the removal (from the name, else the folder)
    size: int  #: bytes of every file in the entry
    annotations: bool  #: an annotations.json came along


def entry_path(trash_dir: Path, name: str) -> Path:
    """The folder of trash entry ``name``; LookupError for anything but a direct entry.

    The name comes from a user or a script (``tongwen-cli restore NAME``): a name
    with a folder in it, ``..`` or a link must never reach a rename or a delete.
    """
    if not name or name != Path(name).name or name.startswith("."):
        raise LookupError(f"nothing called {name!r} in the trash")
    path = trash_dir / name
    if path.is_symlink() or not path.is_dir():
        raise LookupError(f"nothing called {name!r} in the trash")
    return path


def read_entry(path: Path) -> TrashEntry:
    """Describe the trash entry at ``path`` (never raises for what is inside it)."""
    return TrashEntry(
        name=path.name,
        doc_id=path.name.split("-", 1)[0],
        title=_title_of(path),
        removed=_removed_at(path),
        size=_size_of(path),
        annotations=(path / "annotations.json").is_file(),
    )


def delete_entry(trash_dir: Path, name: str) -> None:
    """Delete trash entry ``name`` and everything in it, for good."""
    path = entry_path(trash_dir, name)
    shutil.rmtree(path)
    log.info("deleted %s from the trash", name)


def _title_of(path: Path) -> str:
    """The title the library showed (the user's edit, else the extracted one)."""
    try:
        meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
        validate_meta(meta)
    except (OSError, ValueError) as exc:
        log.warning("trash entry %s: meta.json cannot be read: %s", path.name, exc)
        return ""
    return record_from_meta(meta).title


def _removed_at(path: Path) -> datetime | None:
    parts = path.name.split("-")
    if len(parts) >= 2:
        try:
            return datetime.strptime(parts[1], _STAMP)
        except ValueError:
            pass
    try:
        return datetime.fromtimestamp(path.stat().st_mtime)
    except OSError:
        return None


def _size_of(path: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(path):  # links are not followed
        for name in files:
            try:
                total += (Path(folder) / name).lstat().st_size
            except OSError:
                continue
    return total
