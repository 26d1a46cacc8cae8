"""Organising the library from the shell: ``tag``, ``tags``, ``shelves``."""

from __future__ import annotations

import argparse

from desktop.cli import Context, fail, print_json
from desktop.core import shelves as shelf_store
from desktop.core.records import LibraryError

__all__ = ["register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("tag", help="add or remove tags of documents")
    p.add_argument("ids", nargs="+", metavar="ID", help="document ids (a unique prefix will do)")
    p.add_argument("--add", action="append", default=[], metavar="TAG")
    p.add_argument("--remove", action="append", default=[], metavar="TAG")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("tags", help="list the tags with how many documents have each")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("shelves", help="list, add or remove shelves (saved searches)")
    p.add_argument("--add", nargs=2, metavar=("NAME", "QUERY"), help="add or change a shelf")
    p.add_argument("--remove", metavar="NAME", help="remove a shelf")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_shelves)


def cmd_tag(args: argparse.Namespace, ctx: Context) -> int:
    if not args.add and not args.remove:
        return fail("say what to do: --add TAG and/or --remove TAG")
    lib, status = ctx.library, 0
    for prefix in args.ids:
        try:
            record = lib.set_tags(lib.resolve(prefix), add=args.add, remove=args.remove)
        except (LookupError, ValueError, OSError, LibraryError) as exc:
            status = fail(f"{prefix}: {exc}")
            continue
        print(f"{record.id[:12]}  {', '.join(record.tags) or '(no tags)'}  {record.title}")
    return status


def cmd_tags(args: argparse.Namespace, ctx: Context) -> int:
    counts = ctx.library.tag_counts()
    if args.json:
        print_json([{"tag": tag, "documents": n} for tag, n in counts.items()])
        return 0
    for tag, n in counts.items():
        print(f"{n:>6}  {tag}")
    return 0


def cmd_shelves(args: argparse.Namespace, ctx: Context) -> int:
    root = ctx.library.root
    try:
        if args.add:
            shelf_store.save_shelf(root, *args.add)
        if args.remove and not shelf_store.remove_shelf(root, args.remove):
            return fail(f"there is no shelf called {args.remove!r}")
        shelves = shelf_store.read_shelves(root)
    except (ValueError, OSError) as exc:
        return fail(str(exc))
    records = ctx.library.summaries()
    builtin = {
        name: [r.id for r in shelf_store.builtin_shelf(name, records)]
        for name in (shelf_store.CONTINUE_READING, shelf_store.RECENTLY_ADDED)
    }
    if args.json:
        print_json(
            {
                "builtin": builtin,
                "shelves": [s.to_json() for s in shelves],
            }
        )
        return 0
    for name, ids in builtin.items():
        print(f"[{name}]  {len(ids)} document(s)")
    for shelf in shelves:
        print(f"{shelf.name}  {shelf.query}")
    return 0
