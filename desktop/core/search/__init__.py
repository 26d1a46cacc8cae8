"""Library search: a whoosh index across scripts, exact as a substring scan.

Use :class:`SearchIndex`::

    index = SearchIndex.open(library)      # subscribes to the library's changes
    index.ensure_current(progress, cancel) # in a worker: builds or updates
    results = index.search("社会工作")       # SearchResults(hits, total, hint)

Importing this package does not import numpy (the body store and the searcher
load it when an index is first opened, in the worker that builds it), so the
window paints without waiting for it.
"""

from __future__ import annotations

from desktop.core.search.fold import fold, fold_plain
from desktop.core.search.index import (
    INDEX_VERSION,
    IndexBusyError,
    IndexDamagedError,
    SearchIndex,
)
from desktop.core.search.query import ParsedQuery, parse_query
from desktop.core.search.results import SearchHit, SearchResults

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
