"""Library search across scripts, exact as a substring scan of the folded text.

Bodies live in the project's own gram store (:mod:`desktop.core.search.store`:
numpy postings over the folded text); a whoosh index beside it holds the metadata
(title, author, source, notes) ranked by BM25F.

Use :class:`SearchIndex`::

    index = SearchIndex.open(library)      # subscribes to the library's changes
    index.ensure_current(progress, cancel) # in a worker: builds or updates
    results = index.search("社会工作")       # SearchResults(hits, total, hint)

Importing this package imports neither whoosh nor numpy: the names of
:mod:`desktop.core.search.index` load it when first asked for, and the body store and
the searcher load numpy when an index is first opened, in the worker that builds it.
The window shows search results (:class:`SearchHit`) and paints without waiting for
either.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop.core.fold import fold, fold_plain
from desktop.core.search.query import ParsedQuery, parse_query
from desktop.core.search.results import SearchHit, SearchResults

if TYPE_CHECKING:
    from desktop.core.search.index import (
        INDEX_VERSION,
        IndexBusyError,
        IndexDamagedError,
        SearchIndex,
    )

#: Names served from desktop.core.search.index, which imports whoosh (~0.1 s).
_FROM_INDEX = frozenset({"INDEX_VERSION", "IndexBusyError", "IndexDamagedError", "SearchIndex"})


def __getattr__(name: str) -> Any:
    """Import the index module on first use of one of its names (PEP 562)."""
    if name in _FROM_INDEX:
        from desktop.core.search import index

        return getattr(index, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "INDEX_VERSION",
    "IndexBusyError",
    "IndexDamagedError",
    "ParsedQuery",
    "SearchHit",
    "SearchIndex",
    "SearchResults",
    "fold",
    "fold_plain",
    "parse_query",
]
