"""Search commands: ``search QUERY [--json] [--limit N]``, and :func:`reindex`.

Another Tongwen process (a window) may be writing the index: ``search`` waits a few
seconds, then answers from the last complete commit with a note, or says in one
sentence that the index is being built; ``reindex`` waits longer and says so.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import Context, fail, print_json

__all__ = ["REINDEX_WAIT", "SEARCH_WAIT", "cmd_search", "register", "reindex"]

#: Seconds ``search`` waits for another process's update before using the old index.
SEARCH_WAIT = 5.0
#: Seconds ``check --reindex`` waits for another process's update to finish.
REINDEX_WAIT = 120.0


def register(sub: Any) -> None:
    """Add the ``search`` command."""
    p = sub.add_parser("search", help="search the library (both scripts match)")
    p.add_argument("query", metavar="QUERY", help='terms, "phrases", -excluded, OR, title: ...')
    p.add_argument("--json", action="store_true", help="print the hits as JSON")
    p.add_argument("--limit", type=int, default=20, metavar="N", help="at most N documents")
    p.set_defaults(func=cmd_search)


def _progress(done: int, total: int, message: str) -> None:
    if total and (done == total or done % 500 == 0):
        sys.stderr.write(f"{message}: {done}/{total}\n")


def _open(ctx: Context) -> Any:
    """The index brought up to date, or the last commit while another process writes.

    Raises IndexBusyError when another process is writing and there is no complete
    index to answer from.
    """
    from desktop.core.search import IndexBusyError, SearchIndex

    index = SearchIndex.open(ctx.library, subscribe=False)
    index.lock_wait = SEARCH_WAIT
    try:
        index.ensure_current(progress=_progress)
    except IndexBusyError as exc:
        if index.load_committed() is not None:
            raise IndexBusyError(f"{exc}; try again when it has finished") from exc
        sys.stderr.write(
            "tongwen-cli: another Tongwen process is updating the search index; "
            "these results may miss its latest changes\n"
        )
    return index


def _search(ctx: Context, args: argparse.Namespace) -> Any:
    from desktop.core.search import IndexDamagedError

    index = _open(ctx)
    try:
        return index.search(args.query, limit=args.limit)
    except IndexDamagedError as exc:
        sys.stderr.write(f"tongwen-cli: {exc}; rebuilding it\n")
        index.ensure_current(progress=_progress)
        return index.search(args.query, limit=args.limit)


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    """Print the documents matching the query, best first."""
    if args.limit < 1:
        raise ValueError("--limit must be at least 1")
    from desktop.core.search import IndexBusyError

    try:
        results = _search(ctx, args)
    except IndexBusyError as exc:
        return fail(str(exc))
    if results.hint:
        sys.stderr.write(f"tongwen-cli: {results.hint}\n")
    if args.json:
        print_json(
            [
                {
                    "id": h.doc_id,
                    "title": h.title,
                    "score": h.score,
                    "snippet": h.snippet,
                    "hits": [list(r) for r in h.hits],
                }
                for h in results.hits
            ]
        )
        return 0
    for h in results.hits:
        sys.stdout.write(f"{h.doc_id[:12]}  {h.score:8.3f}  {h.title}\n    {h.snippet}\n")
    about = "about " if results.estimated else ""
    sys.stdout.write(f"{about}{results.total} document(s)\n")
    return 0


def _say(message: str) -> None:
    sys.stderr.write(f"tongwen-cli: {message}\n")


def reindex(ctx: Context) -> int:
    """Rebuild the search index of ``ctx.library`` from scratch; 0 on success.

    Takes the writer lock like any writer (waiting up to :data:`REINDEX_WAIT` for a
    window that is updating the index): the index folder is never deleted under a
    process that has it open; the rebuild is a new generation that open windows
    pick up at their next search.
    """
    from desktop.core.search import IndexBusyError, SearchIndex

    index = SearchIndex.open(ctx.library, subscribe=False)
    index.lock_wait = REINDEX_WAIT
    index.on_wait = _say
    try:
        index.ensure_current(progress=_progress, rebuild=True)
    except IndexBusyError as exc:
        return fail(f"{exc}; the index was not rebuilt, try again when it has finished")
    finally:
        index.close()
    sys.stderr.write("search index rebuilt\n")
    return 0
