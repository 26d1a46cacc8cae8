"""Conversion rules from the shell: ``rule add``, ``rule list``, ``rule remove``.

The rules live in ``<library>/conversion-rules.json`` (desktop.core.conversion_rules);
``show`` and ``convert`` apply them unless given ``--no-rules``.
"""

from __future__ import annotations

import argparse
import sys
import time

from desktop.cli import Context, fail, print_json
from desktop.core.conversion_rules import ConversionRuleStore, RuleBook
from desktop.core.views.rules import ANY_SCRIPT, RULE_SCRIPTS, ConversionRule

__all__ = ["load_rules", "register"]


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("rule", help="add, list or remove conversion rules")
    rule_sub = p.add_subparsers(dest="rule_command", metavar="ACTION", required=True)

    q = rule_sub.add_parser("add", help="show TO wherever the text has FROM (after OpenCC)")
    q.add_argument("--from", dest="source", required=True, metavar="FROM", help="word as written")
    q.add_argument("--to", dest="target", required=True, metavar="TO", help="word to show")
    q.add_argument(
        "--script",
        choices=RULE_SCRIPTS,
        default=ANY_SCRIPT,
        help="the script the rule holds for (default: any converted script)",
    )
    q.add_argument("--doc", metavar="ID", help="only this document (default: all documents)")
    q.set_defaults(func=cmd_rule_add)

    q = rule_sub.add_parser("list", help="list the rules, numbered")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_rule_list)

    q = rule_sub.add_parser("remove", help="remove rule N (its number in 'rule list')")
    q.add_argument("number", type=int, metavar="N")
    q.set_defaults(func=cmd_rule_remove)


def load_rules(ctx: Context) -> RuleBook:
    """The library's rules; a problem reading them is a warning, and no rules apply."""
    book = ConversionRuleStore(ctx.library_path).load()
    if book.problem:
        sys.stderr.write(f"tongwen-cli: warning: {book.problem}\n")
    return book


def _describe(n: int, rule: ConversionRule) -> str:
    scope = f"document {rule.doc[:12]}" if rule.doc else "all documents"
    return f"{n:>4}  {rule.source} → {rule.target}  {rule.script}  {scope}"


def cmd_rule_add(args: argparse.Namespace, ctx: Context) -> int:
    doc = ctx.library.resolve(args.doc) if args.doc else None
    created = time.strftime("%Y-%m-%dT%H:%M:%S")
    rule = ConversionRule(args.source, args.target, args.script, doc, created)
    store = ConversionRuleStore(ctx.library.root)
    old = store.add(rule)
    rules = store.load().rules
    n = next(i for i, r in enumerate(rules, 1) if r.key == rule.key)
    if old is not None:
        print(f"replaced {old.source} → {old.target}:")
    print(_describe(n, rule))
    return 0


def cmd_rule_list(args: argparse.Namespace, ctx: Context) -> int:
    book = load_rules(ctx)
    if args.json:
        print_json([{"n": n, **r.to_json()} for n, r in enumerate(book.rules, 1)])
    else:
        for n, rule in enumerate(book.rules, 1):
            print(_describe(n, rule))
    return 1 if book.problem else 0


def cmd_rule_remove(args: argparse.Namespace, ctx: Context) -> int:
    store = ConversionRuleStore(ctx.library.root)
    book = store.load()
    if book.problem:
        return fail(book.problem)
    if not 1 <= args.number <= len(book.rules):
        return fail(
            f"there is no rule {args.number} (there are {len(book.rules)}; see 'rule list')"
        )
    rule = book.rules[args.number - 1]
    store.remove(rule)
    print(f"removed {_describe(args.number, rule).strip()}")
    return 0
