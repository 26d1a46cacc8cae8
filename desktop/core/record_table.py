"""The library's records in memory, read from the catalogue only when asked for.

A library of 100,000 documents opened by decoding every record the catalogue holds
(chapters, pictures, metadata as extracted: 4.6 s, 410 MB).  Opening it now takes each
document's :class:`~desktop.core.records.DocSummary` (the catalogue's summary columns,
all the library pane and ``tongwen-cli list`` show) and leaves the record itself
*pending*: the first :meth:`RecordTable.__getitem__` of a document reads it, a call
to :meth:`RecordTable.load_all` reads every pending one in batches.

The table is a mapping from document id to :class:`~desktop.core.records.DocRecord`,
so the library's code reads it like the dict it replaced; it is not thread-safe (the
library holds its lock around every use).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping

from desktop.core.records import DocRecord, DocSummary

__all__ = ["Fetch", "RecordTable"]

#: Reads the records of some ids (from the catalogue, else their folders); an id whose
#: record cannot be read anywhere is left out of the answer.
Fetch = Callable[[list[str]], dict[str, DocRecord]]


class RecordTable(MutableMapping[str, DocRecord]):
    """Document id → record: records read so far, and summaries of the others."""

    def __init__(self, fetch: Fetch, pending: Mapping[str, DocSummary] | None = None) -> None:
        self._fetch = fetch
        self._loaded: dict[str, DocRecord] = {}
        self._pending: dict[str, DocSummary] = dict(pending or {})

    # -------------------------------------------------------------- mapping
    def __getitem__(self, doc_id: str) -> DocRecord:
        record = self._loaded.get(doc_id)
        if record is not None:
            return record
        if doc_id not in self._pending:
            raise KeyError(doc_id)
        self._take([doc_id])
        return self._loaded[doc_id]  # KeyError when it could not be read

    def __setitem__(self, doc_id: str, record: DocRecord) -> None:
        self._pending.pop(doc_id, None)
        self._loaded[doc_id] = record

    def __delitem__(self, doc_id: str) -> None:
        found = self._loaded.pop(doc_id, None) is not None
        if self._pending.pop(doc_id, None) is None and not found:
            raise KeyError(doc_id)

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._loaded or doc_id in self._pending

    def __iter__(self) -> Iterator[str]:
        yield from list(self._loaded)
        yield from list(self._pending)

    def __len__(self) -> int:
        return len(self._loaded) + len(self._pending)

    # ------------------------------------------------------------ the rest
    @property
    def pending(self) -> int:
        """How many records have not been read yet."""
        return len(self._pending)

    def load_all(self) -> list[DocRecord]:
        """Every record (the pending ones read in batches), in the table's order."""
        if self._pending:
            self._take(list(self._pending))
        return list(self._loaded.values())

    def summaries(self) -> list[DocSummary]:
        """Every document's summary, without reading a pending record."""
        return [r.summary() for r in self._loaded.values()] + list(self._pending.values())

    def summary(self, doc_id: str) -> DocSummary:
        record = self._loaded.get(doc_id)
        if record is not None:
            return record.summary()
        return self._pending[doc_id]

    def _take(self, ids: Iterable[str]) -> None:
        """Read ``ids`` (all pending); one that cannot be read is no longer listed."""
        wanted = list(ids)
        fetched = self._fetch(wanted)
        for doc_id in wanted:
            self._pending.pop(doc_id, None)
            record = fetched.get(doc_id)
            if record is not None:
                self._loaded[doc_id] = record
