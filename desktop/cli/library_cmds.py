"""Library commands: import, list, meta, remove, restore, reencode, check."""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from desktop import __version__
from desktop.cli import Context, fail, print_json
from desktop.cli.search_cmds import reindex
from desktop.core.catalogue import LIST_FIELDS
from desktop.core.formats.encoding import decoding_warning
from desktop.core.library import EDITABLE_FIELDS, DocRecord, Library
from desktop.core.records import ImportResult

__all__ = ["register"]


def register(sub: Any) -> None:
    """The library's commands, in the order ``--help`` lists them."""
    _register_adding_and_reading(sub)
    _register_editing(sub)


def _register_adding_and_reading(sub: Any) -> None:
    p = sub.add_parser("import", help="import files or folders into the library")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--encoding", help="decode text files with this encoding (e.g. big5, gb18030)")
    p.add_argument("--json", action="store_true", help="print one JSON record per file")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("list", help="list the documents in the library")
    p.add_argument("--json", action="store_true")
    p.add_argument("--tag", action="append", default=[], help="only documents with this tag")
    p.set_defaults(func=cmd_list)

    if getattr(sub, "only", "show") != "show":  # another command: views not imported
        return
    from desktop.cli.view_cmds import add_show_arguments, show_command

    p = sub.add_parser("show", help="print a document's text in a chosen script")
    add_show_arguments(p)
    p.set_defaults(func=show_command)


def _register_editing(sub: Any) -> None:
    p = sub.add_parser("meta", help="show or edit a document's metadata")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    for name in EDITABLE_FIELDS:
        p.add_argument(
            f"--{name}", metavar="TEXT", help=f"set the {name} ('' restores the extracted one)"
        )
    p.set_defaults(func=cmd_meta)

    p = sub.add_parser("remove", help="move a document to the library's trash")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(func=cmd_remove)

    p = sub.add_parser("restore", help="restore a removed document (no argument: list the trash)")
    p.add_argument("name", nargs="?", metavar="TRASH_ENTRY")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("reencode", help="decode a document's original again with another encoding")
    p.add_argument("id", metavar="ID")
    p.add_argument("--encoding", required=True)
    p.set_defaults(func=cmd_reencode)

    p = sub.add_parser("check", help="verify the library's files")
    p.add_argument("--reindex", action="store_true", help="also rebuild the search index")
    p.set_defaults(func=cmd_check)


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    lib = ctx.library
    results = lib.add_paths(args.paths, encoding=args.encoding)
    warnings = [_import_warning(lib, r) for r in results]
    if args.json:
        print_json([{**r.as_dict(), "warning": w} for r, w in zip(results, warnings)])
    else:
        for r in results:
            what = r.title if r.status in ("imported", "duplicate") else r.error
            ident = f"{r.id[:12]} " if r.id else ""
            print(f"{r.status:9} {ident}{r.path}: {what}")
    for r, warning in zip(results, warnings):
        if warning:
            sys.stderr.write(f"tongwen-cli: warning: {r.path}: {warning}\n")
    failed = [r for r in results if r.status == "failed"]
    for r in failed:
        sys.stderr.write(f"tongwen-cli: {r.path}: {r.error}\n")
    in_library = [r for r in results if r.status in ("imported", "duplicate")]
    return 1 if failed or not in_library else 0


def _import_warning(lib: Library, result: ImportResult) -> str | None:
    """Why the document a result names may read wrongly (a doubtful decoding), or None."""
    if result.id is None or result.status not in ("imported", "duplicate"):
        return None
    try:
        record = lib.get(result.id)
    except KeyError:
        return None
    return decoding_warning(record.encoding, record.confidence)


def cmd_list(args: argparse.Namespace, ctx: Context) -> int:
    """Every document, by publication date then title.  The library answers from its
    catalogue after checking the folders: at 100,000 documents no summary object is
    built and SQLite sorts; ``--json`` of the whole library is kept there too, and
    printed as kept while no document changed (:meth:`Library.listing_text`)."""
    if args.json and not args.tag:
        _write_utf8(ctx.library.listing_text(_json_list, _JSON_FORM))
        return 0
    docs = ctx.library.listing()
    if args.tag:
        docs = [d for d in docs if all(tag in d["tags"] for tag in args.tag)]
    if args.json:
        _write_utf8(_json_list(docs))
        return 0
    for d in docs:
        published, script = d["published"] or "----------", d["script"][:4]
        print(f"{d['id'][:12]}  {published:10}  {script:4}  {d['chars']:>9,}  {d['title']}")
    return 0


#: What :func:`_json_list` makes, as the catalogue keeps it: this version's fields,
#: layout and encoding (a listing kept by another version is made again).
_JSON_FORM = f"tongwen {__version__}: {', '.join(LIST_FIELDS)}; json indent 2; utf-8"


def _json_list(docs: list[dict[str, Any]], chunk: int = 2000) -> bytes:
    """What ``print_json(docs)`` prints, as UTF-8, made a chunk of entries at a time
    (at 100,000 documents one string of 30 million characters is never made)."""
    if not docs:
        return (json.dumps(docs) + "\n").encode("utf-8")
    parts = [b"[\n"]
    for start in range(0, len(docs), chunk):
        inner = json.dumps(docs[start : start + chunk], ensure_ascii=False, indent=2)[2:-2]
        parts.append((inner if start == 0 else ",\n" + inner).encode("utf-8"))
    parts.append(b"\n]\n")
    return b"".join(parts)


def _write_utf8(data: bytes) -> None:
    """Write UTF-8 ``data`` to standard output as printing its text would (its bytes
    as they are where a newline is written as it is; decoded and printed elsewhere)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None or os.linesep != "\n":
        sys.stdout.write(data.decode("utf-8"))
        return
    sys.stdout.flush()
    buffer.write(data)
    buffer.flush()


def _meta_dict(d: DocRecord) -> dict[str, Any]:
    out = d.as_dict()
    out.update(
        confidence=d.confidence,
        size=d.size,
        imported=d.imported,
        original_name=d.original_name,
        chapters=len(d.chapters),
        extracted=d.extracted,
        user=d.user,
        annotations=d.annotations,
        progress=d.progress,
        warnings=d.warnings,
        warning=decoding_warning(d.encoding, d.confidence),
    )
    return out


def cmd_meta(args: argparse.Namespace, ctx: Context) -> int:
    lib = ctx.library
    doc_id = lib.resolve(args.id)
    edits = {k: getattr(args, k) for k in EDITABLE_FIELDS if getattr(args, k) is not None}
    record = lib.update_meta(doc_id, **edits) if edits else lib.get(doc_id)
    info = _meta_dict(record)
    if args.json:
        print_json(info)
    else:
        for key, value in info.items():
            if key not in ("extracted", "user"):
                print(f"{key:14} {value if value is not None else ''}")
    return 0


def cmd_remove(args: argparse.Namespace, ctx: Context) -> int:
    lib = ctx.library
    status = 0
    for prefix in args.ids:
        try:
            doc_id = lib.resolve(prefix)
            name = lib.remove(doc_id)
        except (LookupError, OSError) as exc:
            status = fail(f"{prefix}: {exc}")
            continue
        print(f"removed {doc_id[:12]} (restore with: tongwen-cli restore {name})")
    return status


def cmd_restore(args: argparse.Namespace, ctx: Context) -> int:
    lib = ctx.library
    if not args.name:
        for name in lib.trash():
            print(name)
        return 0
    doc_id = lib.restore(args.name)
    print(f"restored {doc_id[:12]} {lib.get(doc_id).title}")
    return 0


def cmd_reencode(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.core.errors import ImportRefused

    lib = ctx.library
    doc_id = lib.resolve(args.id)
    try:
        record = lib.reencode(doc_id, args.encoding)
    except ImportRefused as exc:
        return fail(f"{doc_id[:12]}: {exc}")
    print(f"{doc_id[:12]} decoded as {record.encoding}: {record.title}")
    return 0


def cmd_check(args: argparse.Namespace, ctx: Context) -> int:
    lib = ctx.library
    problems = lib.check()
    for p in problems:
        print(p)
    if args.reindex and reindex(ctx) != 0:
        return 1
    if not problems:
        print(f"{len(lib)} documents, no problems found")
    return 1 if problems else 0
