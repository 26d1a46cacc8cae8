"""Shelves: saved searches a reader names, kept in the library folder so they sync.

A shelf is a name and a query in the search syntax (``tag:待读 script:traditional``,
``published:2024..``).  The reader's shelves live in ``<library>/shelves.json``
(a :class:`~desktop.core.json_store.JsonStore`: atomic writes under the file's lock,
a damaged file set aside and its backup used, a newer one left alone); two shelves
are built in and need no file: *Continue reading* (started, not finished, the last
read first) and *Recently added* (the newest imports first).
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.json_store import JsonStore, Schema
from desktop.core.records import DocRecord, DocSummary

__all__ = [
    "CONTINUE_READING",
    "RECENTLY_ADDED",
    "Shelf",
    "builtin_shelf",
    "read_shelves",
    "remove_shelf",
    "save_shelf",
]

FILE_NAME = "shelves.json"
FORMAT = "tongwen-shelves"
VERSION = 1
#: Names of the built-in shelves (the UI shows them translated).
CONTINUE_READING = "continue-reading"
RECENTLY_ADDED = "recently-added"
#: A document counts as finished from this share read on.
FINISHED = 0.98
#: How many documents the built-in shelves hold at most.
BUILTIN_LIMIT = 50
MAX_NAME = 80
MAX_QUERY = 1000


@dataclass(frozen=True)
class Shelf:
    name: str
    query: str
    created: str = ""

    def to_json(self) -> dict[str, str]:
        return {"name": self.name, "query": self.query, "created": self.created}

    @classmethod
    def from_json(cls, value: Any) -> Shelf:
        if not (
            isinstance(value, dict)
            and isinstance(value.get("name"), str)
            and isinstance(value.get("query"), str)
        ):
            raise ValueError(f"{value!r} is not a name and a query")
        return cls(value["name"], value["query"], str(value.get("created", "")))


SCHEMA = Schema(FILE_NAME, FORMAT, VERSION, "shelves", Shelf, noun="shelf", what="shelves")


def read_shelves(root: Path) -> list[Shelf]:
    """The reader's shelves in the order they were made; none when there is no file.

    A damaged file is set aside and its backup used; ``StoreFileError`` (naming the
    file) when neither can be used or the file is a newer Tongwen's
    (:class:`~desktop.core.json_store.JsonStore` says what each case does)."""
    return JsonStore(root, SCHEMA).read()


def _check(name: str, query: str) -> tuple[str, str]:
    name, query = " ".join(name.split()), query.strip()
    if not name or len(name) > MAX_NAME:
        raise ValueError(f"a shelf's name must be 1 to {MAX_NAME} characters")
    if not query or len(query) > MAX_QUERY:
        raise ValueError(f"a shelf's query must be 1 to {MAX_QUERY} characters")
    if name in (CONTINUE_READING, RECENTLY_ADDED):
        raise ValueError(f"{name!r} is the name of a built-in shelf")
    return name, query


def save_shelf(root: Path, name: str, query: str) -> Shelf:
    """Add a shelf, or give an existing one of that name a new query."""
    name, query = _check(name, query)
    store = JsonStore(root, SCHEMA)
    with store.lock():
        shelves = store.read()
        old = next((s for s in shelves if s.name == name), None)
        shelf = Shelf(name, query, old.created if old else time.strftime("%Y-%m-%dT%H:%M:%S"))
        shelves = [shelf if s.name == name else s for s in shelves] if old else [*shelves, shelf]
        store.write(shelves)
    return shelf


def remove_shelf(root: Path, name: str) -> bool:
    """Remove the shelf called ``name``; False when there is none."""
    return JsonStore(root, SCHEMA).remove(lambda s: s.name == name) >= 0


def builtin_shelf[Doc: (DocRecord, DocSummary)](name: str, records: list[Doc]) -> list[Doc]:
    """The documents of a built-in shelf, in its order (records or their summaries: a
    shelf needs only the progress, the last-read and the imported times)."""
    if name == CONTINUE_READING:
        started = [r for r in records if 0 < r.progress < FINISHED]
        return sorted(started, key=lambda r: r.last_read, reverse=True)[:BUILTIN_LIMIT]
    if name == RECENTLY_ADDED:
        return sorted(records, key=lambda r: r.imported, reverse=True)[:BUILTIN_LIMIT]
    raise KeyError(name)
