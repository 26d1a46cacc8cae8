"""``tongwen-cli``: Tongwen's command-line interface, for scripting and for tests.

Each command group lives in a module of this package with a ``register(subparsers)``
function; a command's handler takes the parsed arguments and a :class:`Context` and
returns the exit status (0 success, 1 when anything failed, reason on stderr).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from desktop import __version__

__all__ = ["COMMAND_MODULES", "Context", "fail", "main", "print_json"]

#: Command modules of this package, in the order their commands are listed in --help.
COMMAND_MODULES = ["library_cmds", "annotation_cmds", "search_cmds", "view_cmds"]


@dataclass
class Context:
    """What every command needs: the library folder, opened on first use."""

    library_path: Path

    @cached_property
    def library(self) -> Any:
        from desktop.core.library import Library

        return Library.open(self.library_path)


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def fail(message: str) -> int:
    sys.stderr.write(f"tongwen-cli: {message}\n")
    return 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="tongwen-cli", description="Tongwen (同文) library, reader and search from the shell."
    )
    parser.add_argument("--version", action="version", version=f"tongwen {__version__}")
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $TONGWEN_LIBRARY, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    args = build_parser().parse_args(argv)
    from desktop.core.paths import library_dir

    ctx = Context(library_path=library_dir(args.library))
    try:
        return int(args.func(args, ctx))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        return 0
    except (LookupError, ValueError, OSError) as exc:
        return fail(str(exc) if not isinstance(exc, KeyError) else str(exc.args[0]))
