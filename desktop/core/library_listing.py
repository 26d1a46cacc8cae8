"""What the library answers from its catalogue without reading every summary: the
first rows of the window in a column's order (:meth:`Listing.leading_summaries`) and
``tongwen-cli list`` (:meth:`Listing.listing`).  The reading of the folders builds on
it (:class:`~desktop.core.library_folders.FolderReading`).
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from typing import Any

from desktop.core.library_state import LibraryState
from desktop.core.records import DocRecord, DocSummary

__all__ = ["Listing"]


class Listing(LibraryState):
    """The library's first rows and its listing, ranked by the catalogue where it can."""

    def leading_summaries(
        self,
        count: int,
        field: str,
        key: Callable[[Any], Any],
        *,
        reverse: bool = False,
        natural: str | None = None,
    ) -> list[DocSummary]:
        """``sorted(self.summaries(), key=lambda s: key(getattr(s, field)),
        reverse=reverse)[:count]`` without reading every summary: the documents whose
        summary was not read yet are ranked by that one column of the catalogue, then
        the summaries of the first ``count`` read.  The window paints its first
        screenful of rows with these (100,000 summaries take half a second, and 140 MB,
        to read); the order among equal keys is the one :meth:`summaries` gives.

        ``natural`` says how ``key`` orders the column's values: ``"number"`` as they
        are, ``"ascii"`` as text case-folded, a missing one as "" (ISO dates, whose
        folding leaves them as they are).  While nothing is read yet (the window's
        start) SQLite then ranks the rows itself (100,000 documents: 20 ms, not 160)."""
        with self._lock:
            if natural in ("number", "ascii") and self._records.nothing_read:
                leading = self._leading_by_catalogue(count, field, reverse, natural == "ascii")
                if leading is not None:
                    return leading
        pick = heapq.nlargest if reverse else heapq.nsmallest  # stable, as sorted()
        with self._lock:
            entries = self._records.entries()
            ids: list[str] = []
            column: list[Any] = []
            if any(found is None for _doc_id, found in entries):
                catalogue = self._catalogue()
                ids, column = catalogue.column(field)
                catalogue.close()
            values: Iterable[tuple[str, Any]]
            if ids == [doc_id for doc_id, _found in entries]:  # as opened: nothing read
                values = zip(ids, column, strict=True)
            else:
                values = self._column_values(entries, field, dict(zip(ids, column)))
            first = [doc_id for doc_id, _value in pick(count, values, key=lambda v: key(v[1]))]
            return self._summaries_of(first)

    def _leading_by_catalogue(
        self, count: int, field: str, reverse: bool, text: bool
    ) -> list[DocSummary] | None:
        """The first summaries as the catalogue ranks them; None when it names a
        document this library does not hold (another process added it since the
        opening): the caller ranks them itself then."""
        catalogue = self._catalogue()
        first = catalogue.leading(field, count, descending=reverse, text=text)
        catalogue.close()
        if not first and len(self._records):  # unreadable or busy: rank them here
            return None
        if any(doc_id not in self._records for doc_id in first):
            return None
        return self._summaries_of(first)

    def _summaries_of(self, ids: list[str]) -> list[DocSummary]:
        """The summaries of ``ids``, in their order, read now; a document gone since
        is left out (the full list will not have it either)."""
        self._records.summarise(ids)
        found = []
        for doc_id in ids:
            try:
                found.append(self._records.summary(doc_id))
            except KeyError:
                continue
        return found

    def _column_values(
        self,
        entries: list[tuple[str, DocRecord | DocSummary | None]],
        field: str,
        column: dict[str, Any],
    ) -> list[tuple[str, Any]]:
        """``(id, value of field)`` of every document, in the order of ``entries``."""
        values: list[tuple[str, Any]] = []
        for doc_id, found in entries:
            if found is not None:
                values.append((doc_id, getattr(found, field)))
            elif doc_id in column:
                values.append((doc_id, column[doc_id]))
            else:  # its row is gone meanwhile: read it as summaries() would
                try:
                    values.append((doc_id, getattr(self._records.summary(doc_id), field)))
                except KeyError:
                    continue
        return values

    def listing(self) -> list[dict[str, Any]]:
        """Every document as :meth:`DocSummary.as_dict` gives it, ordered by
        :func:`~desktop.core.catalogue.list_order` (``tongwen-cli list``).

        The documents whose summary was not read yet (a library opened with its check,
        whose rows the check found unchanged) come straight from the catalogue, sorted
        by SQLite; the others (read from their folders) from memory.  At 100,000
        documents this is a third of building every summary and sorting them."""
        from desktop.core.catalogue import list_order

        with self._lock:
            from_rows = self._records.unsummarised_ids()
            own = [self._records.summary(i).as_dict() for i in self._records.summarised_ids()]
            if from_rows:
                catalogue = self._catalogue()
                rows = catalogue.listing()
                catalogue.close()
                listed = [row for row in rows if row["id"] in from_rows]
                if len(listed) < len(from_rows):  # rows gone meanwhile: read them
                    for doc_id in from_rows - {row["id"] for row in listed}:
                        try:
                            own.append(self._records.summary(doc_id).as_dict())
                        except KeyError:  # its folder cannot be read either
                            continue
            else:
                listed = []
        own.sort(key=list_order)
        if not own:
            return listed
        if not listed:
            return own
        return list(heapq.merge(listed, own, key=list_order))
