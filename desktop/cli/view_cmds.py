"""View commands: show (with scripts and cleaning), convert (stdin → stdout), toc.

``show`` is offered as :func:`add_show_arguments` + :func:`show_command` for the
library module to wire in under the name ``show``.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from desktop.cli import Context, print_json
from desktop.core.chapters import detect_chapters
from desktop.core.script import SCRIPTS
from desktop.core.views import ViewOptions, build_view, convert_text, script_config
from desktop.core.views.convert import CONFIGS, convert_with_map
from desktop.core.views.rules import ConversionRule, apply_rules

__all__ = ["add_show_arguments", "register", "show_command"]


def register(sub: Any) -> None:
    p = sub.add_parser("convert", help="convert stdin to stdout with OpenCC")
    target = p.add_mutually_exclusive_group(required=True)
    target.add_argument("--config", choices=CONFIGS, help="an OpenCC config, e.g. s2twp")
    target.add_argument("--to", choices=SCRIPTS[1:], help="a script")
    p.add_argument("--phrases", action="store_true", help="with --to: regional phrases")
    p.add_argument("--no-rules", action="store_true", help="OpenCC alone, no conversion rules")
    p.set_defaults(func=convert_command)

    p = sub.add_parser("toc", help="list a document's chapters")
    p.add_argument("id", metavar="ID")
    p.add_argument("--json", action="store_true")
    p.add_argument("--pattern", help="a regular expression for heading lines")
    p.set_defaults(func=toc_command)


def add_show_arguments(p: argparse.ArgumentParser) -> None:
    """Arguments of ``show ID [--script S] [--phrases] [--raw] [--pinyin MODE]``."""
    p.add_argument("id", metavar="ID")
    p.add_argument("--script", choices=SCRIPTS, default="original")
    p.add_argument("--phrases", action="store_true", help="Taiwan/Hong Kong phrases")
    p.add_argument("--raw", action="store_true", help="no cleaning (conversion still applies)")
    p.add_argument("--pinyin", choices=("hide", "inline"), default="hide")
    p.add_argument("--no-rules", action="store_true", help="OpenCC alone, no conversion rules")
    p.add_argument(
        "--ruby",
        choices=("pinyin", "zhuyin"),
        help="every Han character followed by its reading: 银(yín)行(háng)",
    )


def show_command(args: argparse.Namespace, ctx: Context) -> int:
    """Print a document's view."""
    lib = ctx.library
    doc_id = lib.resolve(args.id)
    text = lib.text(doc_id)
    options = ViewOptions(
        clean=not args.raw,
        script=getattr(args, "script", "original"),
        phrases=getattr(args, "phrases", False),
        pinyin=getattr(args, "pinyin", "hide"),
        rules=_rules(args, ctx, doc_id),
    )
    if getattr(args, "ruby", None):
        from desktop.cli.aid_cmds import write_ruby

        return write_ruby(text, options, args.ruby, ctx)
    sys.stdout.write(build_view(text, options).text)
    return 0


def convert_command(args: argparse.Namespace, ctx: Context) -> int:
    """stdin → stdout, identical to OpenCC for the config (tofu-risk dictionaries off)."""
    config = args.config or script_config(args.to, args.phrases) or "s2t"
    data = sys.stdin.buffer.read().decode("utf-8", errors="surrogateescape")
    script = args.to or _CONFIG_SCRIPTS.get(config)
    rules = _rules(args, ctx, None) if script else ()
    if rules and script:
        out, mapping = convert_with_map(data, config)
        out, _ = apply_rules(data, out, mapping, rules, script)
    else:
        out = convert_text(data, config)
    sys.stdout.buffer.write(out.encode("utf-8", errors="surrogateescape"))
    sys.stdout.flush()
    return 0


#: The script each OpenCC config writes, for the rules of that script.
_CONFIG_SCRIPTS = {
    **dict.fromkeys(("s2t", "tw2t", "hk2t", "jp2t"), "traditional"),
    **dict.fromkeys(("t2s", "tw2s", "tw2sp", "hk2s", "hk2sp"), "simplified"),
    **dict.fromkeys(("s2tw", "s2twp", "t2tw"), "taiwan"),
    **dict.fromkeys(("s2hk", "s2hkp", "t2hk"), "hongkong"),
}


def _rules(
    args: argparse.Namespace, ctx: Context, doc_id: str | None
) -> tuple[ConversionRule, ...]:
    """The conversion rules for ``doc_id`` (None: all-documents rules), unless --no-rules."""
    if getattr(args, "no_rules", False):
        return ()
    from desktop.cli.rule_cmds import load_rules

    return load_rules(ctx).for_document(doc_id)


def toc_command(args: argparse.Namespace, ctx: Context) -> int:
    """Chapters from the document's metadata, else detected in its text."""
    lib = ctx.library
    doc_id = lib.resolve(args.id)
    chapters = [] if args.pattern else list(lib.get(doc_id).chapters)
    if not chapters:
        chapters = detect_chapters(lib.text(doc_id), args.pattern)
    if args.json:
        print_json([{"offset": o, "title": t} for o, t in chapters])
    else:
        for offset, title in chapters:
            sys.stdout.write(f"{offset:>9}  {title}\n")
    return 0
