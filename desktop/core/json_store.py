"""The small JSON stores of the library folder: one list of entries in one file.

The reader's shelves (``shelves.json``), reading corrections (``readings.json``) and
conversion rules (``conversion-rules.json``) are each a file of this shape::

    {"format": "tongwen-shelves", "version": 1, "shelves": [{...}, {...}]}

:class:`JsonStore` owns that shape once.  Writes are atomic and keep the previous
file as ``.bak`` (:mod:`desktop.core.atomic`); a change is made under the file's own
lock (:meth:`JsonStore.lock`).  Reading:

* no file: no entries, no problem;
* a damaged file (not JSON, another format, a bad entry) is set aside as
  ``<name>.corrupt-<time>`` and its backup is used, with a problem that names the
  file, says what is wrong and where the damaged copy was kept;
* when the backup is damaged too (or there is none), both are kept aside and
  nothing is read: :meth:`~JsonStore.load` reports it, :meth:`~JsonStore.read`
  raises :class:`StoreFileError`; since the damaged copies are aside, the next change
  starts a new file;
* a file of a newer version is never set aside nor written over: ``load`` reports
  it, ``read`` raises :class:`StoreFileError` (caused by
  :class:`~desktop.core.atomic.FutureVersionError`);
* a file the disk cannot read (an I/O error, a permission refused) is left as it is:
  ``load`` reports it, ``read`` raises :class:`~desktop.core.atomic.FileReadError`.

``load`` is for what must go on without the file (the views show OpenCC alone
without the rules); ``read`` for listing the entries and before any change, which
is then refused rather than made over a file that could not be read.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, Self

from desktop.core import atomic
from desktop.core.locks import FileLock

__all__ = ["Entry", "JsonStore", "Loaded", "Schema", "StoreFileError"]

log = logging.getLogger(__name__)


class StoreFileError(atomic.UnreadableFileError, ValueError):
    """A store's file could not be used (damaged with its backup, or from a newer
    Tongwen); the message names it.  A ``ValueError`` too, like the stores' other
    refusals, so that a caller catching bad data catches this as well."""


@dataclass(frozen=True)
class Loaded[T]:
    """What :meth:`JsonStore.load` found."""

    entries: tuple[T, ...] = ()
    #: What went wrong, naming the file ("" when all is well).  The entries are then
    #: those of the backup (``from_backup``), or none.
    problem: str = ""
    from_backup: bool = False


class Entry(Protocol):
    """What a store holds: made from its JSON value (``ValueError`` or ``TypeError``
    saying what is wrong with it) and turned back into it."""

    @classmethod
    def from_json(cls, value: Any) -> Self: ...

    def to_json(self) -> Any: ...


@dataclass(frozen=True)
class Schema[T: Entry]:
    """What one store's file holds."""

    file_name: str
    format: str
    version: int
    #: The name of the list of entries in the file.
    key: str
    entry: type[T]
    #: One entry in messages (``"rule 3: ..."``), and all of them (``"conversion rules"``).
    noun: str
    what: str


class JsonStore[T: Entry]:
    """``<root>/<schema.file_name>``: a list of ``schema.entry`` under ``schema.key``."""

    def __init__(self, root: Path, schema: Schema[T]) -> None:
        self.root = Path(root)
        self.schema = schema
        self.path = self.root / schema.file_name

    def lock(self) -> FileLock:
        """The lock a change holds from reading the entries to writing them."""
        return FileLock(self.root / f".{self.path.name}.lock")

    def _entries(self, value: Any) -> list[T]:
        name, schema = self.path.name, self.schema
        if not isinstance(value, dict) or value.get("format") != schema.format:
            raise ValueError(f"not a Tongwen {name}")
        version = value.get("version")
        if not isinstance(version, int):
            raise ValueError(f"{name} has no version")
        if version > schema.version:
            raise atomic.FutureVersionError(
                f"{name} of version {version} was written by a newer Tongwen"
            )
        items = value.get(schema.key)
        if not isinstance(items, list):
            raise ValueError(f"{schema.key!r} is not a list")
        entries = []
        for n, item in enumerate(items, 1):
            try:
                entries.append(schema.entry.from_json(item))
            except (ValueError, TypeError) as exc:
                raise ValueError(f"{schema.noun} {n}: {exc}") from None
        return entries

    def _read(self) -> tuple[list[T], atomic.ReadResult]:
        """The entries and how they were read; raises for a newer or unreadable file."""
        read: list[T] = []

        def validate(value: Any) -> None:  # the file, then perhaps its backup
            read[:] = self._entries(value)

        result = atomic.read_json(self.path, default=lambda: None, validate=validate)
        return (read if result.value is not None else []), result

    def _damage(self, result: atomic.ReadResult) -> str:
        aside = ", ".join(p.name for p in result.set_aside)
        if result.from_backup:
            kept = "its backup is used"
        else:
            kept = f"no {self.schema.what} were read from it; the next change starts a new file"
        where = f"; what could not be read was kept as {aside}" if aside else ""
        return f"{self.path}: damaged ({result.message}); {kept}{where}"

    def load(self) -> Loaded[T]:
        """The entries; never raises for a damaged, unreadable or newer file, but says
        so in :attr:`Loaded.problem`."""
        try:
            entries, result = self._read()
        except (atomic.UnreadableFileError, OSError) as exc:
            log.warning("%s not used: %s", self.schema.what, exc)
            return Loaded((), f"{self.path}: the {self.schema.what} cannot be used ({exc})")
        problem = self._damage(result) if result.problems else ""
        if problem:
            log.warning("%s", problem)
        return Loaded(tuple(entries), problem, result.from_backup)

    def read(self) -> list[T]:
        """The entries, in the file's order (those of the backup when only the file
        was damaged); :class:`StoreFileError` when none could be read, and
        :class:`~desktop.core.atomic.FileReadError` when the disk refused."""
        try:
            entries, result = self._read()
        except atomic.UnreadableFileError as exc:  # a newer Tongwen's file
            raise StoreFileError(
                f"{self.path}: the {self.schema.what} cannot be used ({exc})"
            ) from exc
        if result.problems and not result.from_backup:
            raise StoreFileError(self._damage(result))
        if result.problems:
            log.warning("%s", self._damage(result))
        return entries

    def remove(self, match: Callable[[T], bool]) -> int:
        """Remove the first entry ``match`` is true of, under the lock; its index before
        removal, or -1 when it is true of none (nothing is then written)."""
        with self.lock():
            entries = self.read()
            index = next((i for i, e in enumerate(entries) if match(e)), -1)
            if index >= 0:
                del entries[index]
                self.write(entries)
        return index

    def write(self, entries: Sequence[T]) -> None:
        """Replace the file's entries (atomically, the old file kept as ``.bak``); the
        caller holds :meth:`lock`."""
        value = {
            "format": self.schema.format,
            "version": self.schema.version,
            self.schema.key: [e.to_json() for e in entries],
        }
        atomic.write_json(self.path, value)
