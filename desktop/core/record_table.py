"""The library's records in memory, read from the catalogue only when asked for.

A library of 100,000 documents opened by decoding every record the catalogue holds
(chapters, pictures, metadata as extracted: 4.6 s, 410 MB).  Opening it now takes each
document's :class:`~desktop.core.records.DocSummary` (the catalogue's summary columns,
all the library pane and ``tongwen-cli list`` show) and leaves the record itself
*pending*: the first :meth:`RecordTable.__getitem__` of a document reads it, a call
to :meth:`RecordTable.load_all` reads every pending one in batches.  A pending document
may also lack its summary (``None``): opening then read only the ids and signatures
(``tongwen-cli list`` answers from the catalogue itself), and the summaries are read
together when first asked for (:meth:`RecordTable.summaries`).

The table is a mapping from document id to :class:`~desktop.core.records.DocRecord`,
so the library's code reads it like the dict it replaced; it is not thread-safe (the
library holds its lock around every use).
"""

from __future__ import annotations

from collections.abc import (
    Callable,
    Collection,
    Iterable,
    Iterator,
    Mapping,
    MutableMapping,
)
from operator import countOf

from desktop.core.records import DocRecord, DocSummary

__all__ = ["Fetch", "FetchSummaries", "RecordTable"]

#: Reads the records of some ids (from the catalogue, else their folders); an id whose
#: record cannot be read anywhere is left out of the answer.
Fetch = Callable[[list[str]], dict[str, DocRecord]]
#: Reads the summaries of some ids (from the catalogue); an id it cannot answer for is
#: left out, and its record is read instead.
FetchSummaries = Callable[[Collection[str]], dict[str, DocSummary]]


class RecordTable(MutableMapping[str, DocRecord]):
    """Document id → record: records read so far, and summaries of the others."""

    def __init__(
        self,
        fetch: Fetch,
        pending: Mapping[str, DocSummary | None] | None = None,
        fetch_summaries: FetchSummaries | None = None,
    ) -> None:
        self._fetch = fetch
        self._fetch_summaries = fetch_summaries
        self._loaded: dict[str, DocRecord] = {}
        # A dict given is taken over, not copied (100,000 ids at a big library's opening).
        self._pending: dict[str, DocSummary | None] = (
            pending if isinstance(pending, dict) else dict(pending or {})
        )
        #: How many pending documents have no summary yet.
        self._unsummarised = countOf(self._pending.values(), None)

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
        self._unpend(doc_id)
        self._loaded[doc_id] = record

    def __delitem__(self, doc_id: str) -> None:
        found = self._loaded.pop(doc_id, None) is not None
        if not self._unpend(doc_id) and not found:
            raise KeyError(doc_id)

    def _unpend(self, doc_id: str) -> bool:
        """Drop ``doc_id`` from the pending ones; whether it was one."""
        if doc_id not in self._pending:
            return False
        if self._pending.pop(doc_id) is None:
            self._unsummarised -= 1
        return True

    def __contains__(self, doc_id: object) -> bool:
        return doc_id in self._loaded or doc_id in self._pending

    def __iter__(self) -> Iterator[str]:
        yield from list(self._loaded)
        yield from list(self._pending)

    def __len__(self) -> int:
        return len(self._loaded) + len(self._pending)

    # ------------------------------------------------------------ the rest
    @property
    def nothing_read(self) -> bool:
        """Neither a record nor a summary read yet: the ids as opened, in the
        catalogue's order (less any document deleted since)."""
        return not self._loaded and self._unsummarised == len(self._pending)

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
        """Every document's summary, without reading a pending record (those not read
        yet are read together)."""
        if self._unsummarised:
            self._summarise({i for i, v in self._pending.items() if v is None})
            # The ids read at opening give way to the summaries' own strings, which the
            # catalogue interns as the folder watch does its names: one string per
            # document (11 MB less at 100,000; not done at opening, where interning
            # would delay the first paint by 30 ms).  None is None now.
            self._pending = {s.id: s for s in self._pending.values()}  # type: ignore[union-attr]
        done = [r.summary() for r in self._loaded.values()]
        done.extend(self._pending.values())  # type: ignore[arg-type]  # none is None now
        return done

    def summary(self, doc_id: str) -> DocSummary:
        record = self._loaded.get(doc_id)
        if record is not None:
            return record.summary()
        found = self._pending[doc_id]
        if found is None:
            self._summarise([doc_id])
            return self.summary(doc_id)
        return found

    def entries(self) -> list[tuple[str, DocRecord | DocSummary | None]]:
        """Every document in the order of :meth:`summaries`: its record, else its
        summary, else None (neither read yet)."""
        return [*self._loaded.items(), *self._pending.items()]

    def summarise(self, ids: Iterable[str]) -> None:
        """Read together the summaries of those of ``ids`` that have none yet."""
        wanted = [i for i in ids if i in self._pending and self._pending[i] is None]
        if wanted:
            self._summarise(wanted)

    def unsummarised_ids(self) -> set[str]:
        """The documents with neither a record nor a summary read yet."""
        if not self._unsummarised:
            return set()
        return {i for i, v in self._pending.items() if v is None}

    def summarised_ids(self) -> list[str]:
        """The documents whose record or summary is here."""
        done = list(self._loaded)
        if self._unsummarised:
            done += [i for i, v in self._pending.items() if v is not None]
        else:
            done += self._pending
        return done

    @property
    def unsummarised(self) -> int:
        """How many documents have neither a record nor a summary read yet."""
        return self._unsummarised

    def _summarise(self, ids: Collection[str]) -> None:
        """Read the summaries of ``ids`` (pending, without one); those the catalogue
        cannot give have their record read instead (or are no longer listed)."""
        found = self._fetch_summaries(ids) if self._fetch_summaries is not None else {}
        found = {i: s for i, s in found.items() if i in ids} if len(found) > len(ids) else found
        self._pending.update(found)  # in place: the order of the documents is kept
        self._unsummarised -= len(found)
        if len(found) < len(ids):
            self._take([doc_id for doc_id in ids if doc_id not in found])

    def _take(self, ids: Iterable[str]) -> None:
        """Read ``ids`` (all pending); one that cannot be read is no longer listed."""
        wanted = list(ids)
        fetched = self._fetch(wanted)
        for doc_id in wanted:
            self._unpend(doc_id)
            record = fetched.get(doc_id)
            if record is not None:
                self._loaded[doc_id] = record
