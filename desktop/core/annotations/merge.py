"""Merging two versions of an annotation file, and finding sync tools' conflict copies.

Items merge by ``id``: the newest change wins, and a tombstone wins over an edit
that is not newer than the deletion.  The result does not depend on the order of
the inputs, so two machines that merge each other's copies agree.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterable
from pathlib import Path

from desktop.core.annotations.model import Annotation, Position

__all__ = ["conflict_copies", "merge_items", "merge_position", "newer"]

#: Names sync tools give a conflicting copy of ``<stem>.json`` (``annotations.json``,
#: ``meta.json``): Syncthing ``annotations.sync-conflict-20240101-120000-ABCDEFG.json``,
#: Dropbox/Nextcloud ``annotations (conflicted copy 2024-01-01).json`` (also
#: ``annotations (Anna's conflicted copy ...).json``), ownCloud
#: ``annotations_conflict-20240101-120000.json``, generic duplicates
#: ``annotations (1).json`` / ``annotations 2.json``.  A candidate is only merged when
#: it parses as a Tongwen file of its kind, so a stray match is left alone.
_CONFLICT_SUFFIX = (
    r"(?:\.sync-conflict-[0-9A-Za-z-]+"
    r"| \([^()/]*conflicted copy[^()/]*\)"
    r"|_conflict-[0-9-]+"
    r"| ?\(\d{1,3}\)"
    r"| \d{1,3})"
    r"\.json$"
)


@functools.cache
def _conflict_pattern(stem: str) -> re.Pattern[str]:
    return re.compile("^" + re.escape(stem) + _CONFLICT_SUFFIX)


def conflict_copies(folder: Path, stem: str = "annotations") -> list[Path]:
    """Files in ``folder`` that look like sync conflict copies of ``<stem>.json``."""
    try:
        names = os.listdir(folder)  # plain names: the library runs this for every document
    except OSError:
        return []
    pattern = _conflict_pattern(stem)
    return [folder / n for n in sorted(n for n in names if pattern.match(n))]


def _stamp(item: Annotation) -> str:
    return max(item.modified, item.deleted or "")


def _rank(item: Annotation) -> tuple[str, bool, str]:
    # The JSON text breaks exact ties deterministically, so merging is commutative.
    return (_stamp(item), not item.alive, json.dumps(item.to_json(), sort_keys=True))


def newer(a: Annotation, b: Annotation) -> Annotation:
    """The version of one item that wins a merge."""
    return a if _rank(a) >= _rank(b) else b


def merge_items(*versions: Iterable[Annotation]) -> list[Annotation]:
    """Union of several item lists by id, the winner of each id by :func:`newer`.

    Order: first appearance, scanning the versions in the order given.
    """
    merged: dict[str, Annotation] = {}
    for items in versions:
        for item in items:
            have = merged.get(item.id)
            merged[item.id] = item if have is None else newer(have, item)
    return list(merged.values())


def merge_position(a: Position, b: Position) -> Position:
    """The reading position set most recently (ties: the further one)."""
    return max(a, b, key=lambda p: (p.modified, p.offset))
