"""Reading aids from the shell: ``define`` (the pop-up dictionary's entries), the
reading corrections (``reading``), and ``show --ruby`` (offered to view_cmds)."""

from __future__ import annotations

import argparse
import dataclasses
import sys
from typing import Any

from desktop.cli import Context, fail, print_json

__all__ = ["register", "write_ruby"]


def register(sub: Any) -> None:
    p = sub.add_parser("define", help="look a word up in CC-CEDICT, as the pop-up dictionary")
    p.add_argument("word", metavar="WORD", help="a word or a phrase, in either script")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_define)

    p = sub.add_parser("reading", help="list, add or remove corrections of readings (ruby)")
    p.add_argument("--add", nargs=2, metavar=("WORD", "READINGS"),
                   help='correct a word: --add 一行人 "yì xíng rén" (one syllable a character)')  # fmt: skip
    p.add_argument("--remove", metavar="WORD", help="remove the correction of a word")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reading)


def _words(text: str) -> list[Any]:
    """The pop-up's word for ``text`` when it is one word, else its words in order."""
    from desktop.core.dictionary import load_dictionary

    dictionary = load_dictionary()
    whole = dictionary.longest_match(text, 0)
    if whole is not None and whole.end == len(text):
        return [whole]
    found = (dictionary.longest_match(text, a, b) for a, b in dictionary.segment(text))
    return [word for word in found if word is not None]


def _print_word(word: Any) -> None:
    for entry in word.entries:
        heads = entry.simplified
        if entry.traditional != entry.simplified:
            heads += f" {entry.traditional}"
        print(f"{heads}  {entry.pinyin}  {entry.zhuyin}")
        for n, sense in enumerate(entry.definitions, 1):
            print(f"  {n}. {sense}")
    if word.parts:
        inside = ", ".join(f"{p.text} {'/'.join(_readings(p))}" for p in word.parts)
        print(f"  words inside: {inside}")


def _readings(word: Any) -> list[str]:
    seen: list[str] = []
    for entry in word.entries:
        if entry.pinyin not in seen:
            seen.append(entry.pinyin)
    return seen


def cmd_define(args: argparse.Namespace, ctx: Context) -> int:
    text = "".join(args.word.split())
    words = _words(text) if text else []
    if not words:
        return fail(f"no entry for {args.word!r} in CC-CEDICT")
    if args.json:
        print_json([w.to_json() for w in words])
        return 0
    for i, word in enumerate(words):
        if i:
            print()
        _print_word(word)
    return 0


def cmd_reading(args: argparse.Namespace, ctx: Context) -> int:
    from desktop.core.readings import read_corrections, remove_correction, save_correction

    root = ctx.library.root
    if args.add:
        save_correction(root, *args.add)
    if args.remove and not remove_correction(root, args.remove):
        return fail(f"there is no correction for {args.remove!r}")
    corrections = read_corrections(root)
    if args.json:
        print_json([dict(c.to_json(), pinyin=c.pinyin, zhuyin=c.zhuyin) for c in corrections])
        return 0
    for c in corrections:
        print(f"{c.word}  {c.pinyin}  {c.zhuyin}")
    return 0


def write_ruby(canonical: str, options: Any, style: str, ctx: Context) -> int:
    """``show --ruby``: the view with every Han character followed by its reading in
    brackets, ``银(yín)行(háng)``.  A pronunciation hint the document itself gives
    (``習(xí)近平``, hidden by the clean view) is used for its character."""
    from desktop.core.readings import bracketed, hint_spans, load_reader, view_region
    from desktop.core.views import build_view
    from desktop.core.views.region import document_region

    if options.clean and options.pinyin == "hide":
        options = dataclasses.replace(options, pinyin="ruby")
    view = build_view(canonical, options)
    region = view_region(options.script, document_region(canonical))
    reader = load_reader(ctx.library.root)
    spans = reader.spans(view.text, style=style, region=region)
    spans = hint_spans(view.ruby, spans, style)
    sys.stdout.write(bracketed(view.text, spans))
    return 0
