"""Search commands: ``search QUERY [--json] [--limit N]``, and :func:`reindex`."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import Context, print_json

__all__ = ["cmd_search", "register", "reindex"]


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
    from desktop.core.search import SearchIndex

    index = SearchIndex.open(ctx.library, subscribe=False)
    index.ensure_current(progress=_progress)
    return index


def cmd_search(args: argparse.Namespace, ctx: Context) -> int:
    """Print the documents matching the query, best first."""
    if args.limit < 1:
        raise ValueError("--limit must be at least 1")
    from desktop.core.search import IndexDamagedError

    index = _open(ctx)
    try:
        results = index.search(args.query, limit=args.limit)
    except IndexDamagedError as exc:
        sys.stderr.write(f"tongwen-cli: {exc}; rebuilding it\n")
        index.ensure_current(progress=_progress)
        results = index.search(args.query, limit=args.limit)
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


def reindex(ctx: Context) -> int:
    """Rebuild the search index of ``ctx.library`` from scratch; 0 on success."""
    import shutil

    from desktop.core.paths import index_dir

    shutil.rmtree(index_dir(ctx.library.root), ignore_errors=True)
    index = _open(ctx)
    index.close()
    sys.stderr.write("search index rebuilt\n")
    return 0
