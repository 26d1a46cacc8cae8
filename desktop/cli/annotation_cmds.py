"""Annotation commands: annotate, bookmark, annotations (list / export / import).

``annotations`` takes free words so that both ``annotations ID`` and
``annotations export ID`` / ``annotations import FILE`` work: a document id is hex,
so it can never be the word ``export`` or ``import``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import Context, fail, print_json
from desktop.core.annotations import (
    COLORS,
    Annotation,
    AnnotationSaveError,
    AnnotationStore,
    from_w3c,
    to_markdown,
    to_w3c,
)
from desktop.core.annotations.export import source_doc_id
from desktop.core.script import SCRIPTS

__all__ = ["register"]


def register(sub: Any) -> None:
    p = sub.add_parser("annotate", help="highlight a range of a document's canonical text")
    p.add_argument("id", metavar="ID")
    p.add_argument("--start", type=int, required=True, metavar="S", help="first character")
    p.add_argument("--end", type=int, required=True, metavar="E", help="one past the last")
    p.add_argument("--color", choices=COLORS, default="yellow")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_annotate)

    p = sub.add_parser("bookmark", help="add a bookmark at a canonical offset")
    p.add_argument("id", metavar="ID")
    p.add_argument("--at", type=int, required=True, metavar="OFFSET")
    p.add_argument("--note", metavar="TEXT")
    p.set_defaults(func=cmd_bookmark)

    p = sub.add_parser(
        "annotations",
        help="list (ID), export (export ID) or import (import FILE) annotations",
        usage="tongwen-cli annotations ID [--json]\n"
        "       tongwen-cli annotations export ID --format markdown|w3c "
        "[--script S] [--output FILE]\n"
        "       tongwen-cli annotations import FILE [--id ID]",
    )
    p.add_argument("words", nargs="+", metavar="ID | export ID | import FILE")
    p.add_argument("--json", action="store_true", help="list: print JSON")
    p.add_argument("--format", choices=("markdown", "w3c"), help="export: output format")
    p.add_argument("--script", choices=SCRIPTS, default="original", help="export: script")
    p.add_argument("--output", metavar="FILE", help="export: write here instead of stdout")
    p.add_argument("--id", dest="doc", metavar="ID", help="import: the target document")
    p.set_defaults(func=cmd_annotations)


# --------------------------------------------------------------------- helpers
def _open(ctx: Context, prefix: str) -> tuple[str, AnnotationStore]:
    doc_id = ctx.library.resolve(prefix)
    store = AnnotationStore.open(ctx.library.doc_dir(doc_id), text=ctx.library.text(doc_id))
    for warning in store.warnings:
        sys.stderr.write(f"tongwen-cli: warning: {warning}\n")
    return doc_id, store


def _save(store: AnnotationStore) -> int:
    try:
        store.save()
    except AnnotationSaveError as exc:
        return fail(str(exc))
    return 0


def _check_range(store: AnnotationStore, start: int, end: int) -> str | None:
    size = len(store.text)
    if not 0 <= start < end <= size:
        return f"bad range {start}..{end}: need 0 <= START < END <= {size} (the text's length)"
    return None


# -------------------------------------------------------------------- commands
def cmd_annotate(args: argparse.Namespace, ctx: Context) -> int:
    doc_id, store = _open(ctx, args.id)
    problem = _check_range(store, args.start, args.end)
    if problem:
        return fail(f"{doc_id[:12]}: {problem}")
    item = store.add_highlight(args.start, args.end, color=args.color, note=args.note)
    status = _save(store)
    if status == 0:
        print(item.id)
    return status


def cmd_bookmark(args: argparse.Namespace, ctx: Context) -> int:
    doc_id, store = _open(ctx, args.id)
    if not 0 <= args.at <= len(store.text):
        return fail(f"{doc_id[:12]}: bad offset {args.at}: need 0..{len(store.text)}")
    item = store.add_bookmark(args.at, note=args.note)
    status = _save(store)
    if status == 0:
        print(item.id)
    return status


def cmd_annotations(args: argparse.Namespace, ctx: Context) -> int:
    words = args.words
    if words[0] == "export":
        return _with_one(words, "export ID", lambda w: _export(args, ctx, w))
    if words[0] == "import":
        return _with_one(words, "import FILE", lambda w: _import(args, ctx, Path(w)))
    return _with_one(["list", *words], "ID", lambda w: _list(args, ctx, w))


def _with_one(words: list[str], shape: str, action: Callable[[str], int]) -> int:
    if len(words) != 2:
        return fail(f"annotations: expected `annotations {shape}`, got {' '.join(words[1:])!r}")
    return action(words[1])


def _line(item: Annotation) -> str:
    t = item.target
    quote = t.exact.replace("\n", " ")
    quote = quote if len(quote) <= 30 else quote[:29] + "…"
    label = item.color or ""
    flag = " ORPHANED" if item.orphaned else ""
    note = f"  [{item.note}]" if item.note else ""
    return f"{item.id[:8]}  {item.kind:<9} {t.start:>8}-{t.end:<8} {label:<6} {quote}{note}{flag}"


def _list(args: argparse.Namespace, ctx: Context, prefix: str) -> int:
    doc_id, store = _open(ctx, prefix)
    items = store.items()
    if args.json:
        print_json(
            {
                "id": doc_id,
                "position": store.position.to_json(),
                "items": [i.to_json() for i in items],
            }
        )
        return 0
    for item in items:
        print(_line(item))
    print(f"{len(items)} annotation(s); reading position {store.position.offset}")
    return 0


def _converter(script: str) -> Callable[[str], str] | None:
    if script == "original":
        return None
    from desktop.core.views import convert_text, script_config

    config = script_config(script, False)
    if config is None:
        return None
    return lambda text: str(convert_text(text, config))


def _export(args: argparse.Namespace, ctx: Context, prefix: str) -> int:
    if args.format is None:
        return fail("annotations export: --format markdown|w3c is required")
    doc_id, store = _open(ctx, prefix)
    record = ctx.library.get(doc_id)
    if args.format == "w3c":
        out = (
            json.dumps(
                to_w3c(store.items(), doc_id=doc_id, title=record.title),
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
    else:
        meta = {"Author": record.author, "Source": record.source, "Published": record.published}
        meta["Document"] = doc_id
        out = to_markdown(
            store.items(),
            title=record.title,
            meta=meta,
            chapters=record.chapters,
            convert=_converter(args.script),
        )
    if args.output:
        Path(args.output).write_text(out, "utf-8")
    else:
        sys.stdout.write(out)
    return 0


def _import(args: argparse.Namespace, ctx: Context, path: Path) -> int:
    try:
        value = json.loads(path.read_bytes())
    except OSError as exc:
        return fail(f"{path}: cannot read ({exc.strerror or exc})")
    except ValueError as exc:
        return fail(f"{path}: not valid JSON ({exc})")
    try:
        named = args.doc or source_doc_id(value)
    except ValueError as exc:
        return fail(f"{path}: {exc}")
    if not named:
        return fail(f"{path}: the annotations name no Tongwen document; give --id ID")
    doc_id, store = _open(ctx, named)
    try:
        items = from_w3c(value, store.text)
    except ValueError as exc:
        return fail(f"{path}: {exc}")
    changed = store.merge_in(items)
    status = _save(store)
    if status == 0:
        print(
            f"imported {len(items)} annotation(s) into {doc_id[:12]}: {changed} new or "
            f"updated, {items.orphaned} orphaned (quote not found)"
        )
    return status
