"""``tongwen-cli``: Tongwen's command-line interface, for scripting and for tests.

Each command group lives in a module of this package with a ``register(subparsers)``
function; a command's handler takes the parsed arguments and a :class:`Context` and
returns the exit status (0 success, 1 when anything failed, reason on stderr).

Every expected failure (a library that cannot be opened, a busy index, a file that
cannot be read or saved, an unknown id) ends as one sentence on stderr naming the
file and the problem, and exit status 1.  Anything else is a bug: one sentence, the
traceback in the log file (``tongwen-cli.log`` in the log folder), and on stderr
too with ``--debug`` or ``TONGWEN_DEBUG=1``.
"""

from __future__ import annotations

import argparse
import importlib
import json
import logging
import os
import sys
import traceback
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any, NoReturn

from desktop import __version__

__all__ = ["COMMANDS", "COMMAND_MODULES", "Context", "describe_error", "fail", "main", "print_json"]

log = logging.getLogger("desktop.cli")

#: Errors the core raises on purpose, with a message for the user, by module: a
#: module that was never imported cannot have raised its error, so nothing is
#: imported here just to recognise one.
_EXPECTED_ERRORS = {
    "desktop.core.records": ("LibraryError",),
    "desktop.core.atomic": ("UnreadableFileError",),
    "desktop.core.errors": ("ImportRefused",),
    "desktop.core.search.index": ("IndexBusyError", "IndexDamagedError"),
    "desktop.core.search.store": ("StoreError",),
}

#: Command modules of this package, in the order their commands are listed in --help.
COMMAND_MODULES = [
    "library_cmds",
    "annotation_cmds",
    "search_cmds",
    "view_cmds",
    "tag_cmds",
    "rule_cmds",
    "aid_cmds",
]

#: The module whose ``register`` adds each command (tests/cli/test_cli_parser.py
#: checks it against them): a command line naming one imports that module alone, not
#: all seven (a tenth of a second of every command, a fifteenth of ``list``).
COMMANDS = {
    **dict.fromkeys(
        ("import", "list", "show", "meta", "remove", "restore", "reencode", "check"),
        "library_cmds",
    ),
    **dict.fromkeys(("annotate", "bookmark", "annotations"), "annotation_cmds"),
    "search": "search_cmds",
    **dict.fromkeys(("convert", "toc"), "view_cmds"),
    **dict.fromkeys(("tag", "tags", "shelves"), "tag_cmds"),
    "rule": "rule_cmds",
    **dict.fromkeys(("define", "reading"), "aid_cmds"),
}


@dataclass
class Context:
    """What every command needs: the library folder, opened on first use."""

    library_path: Path

    @cached_property
    def library(self) -> Any:
        """The library, opened once; what opening it repaired or noticed goes to stderr."""
        from desktop.core.library import Library

        library = Library.open(self.library_path)
        for warning in [library.location_warning, *library.warnings]:
            if warning:
                sys.stderr.write(f"tongwen-cli: warning: {warning}\n")
        return library


def print_json(value: Any) -> None:
    sys.stdout.write(json.dumps(value, ensure_ascii=False, indent=2) + "\n")


def fail(message: str) -> int:
    sys.stderr.write(f"tongwen-cli: {message}\n")
    return 1


class _PreParser(argparse.ArgumentParser):
    """The options before the command, to find it; any doubt is left to the parser."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def _command_in(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, or None (none, an option unknown before it, help)."""
    pre = _PreParser(add_help=False)
    pre.add_argument("--debug", action="store_true")
    pre.add_argument("--library")
    pre.add_argument("--version", action="store_true")
    try:
        _options, rest = pre.parse_known_args(argv)
    except ValueError:
        return None
    return rest[0] if rest and rest[0] in COMMANDS else None


class _OneCommand:
    """The subparsers as one module's ``register`` sees them when the command line
    names one of its commands: that one is added, the others are made apart and
    dropped (their modules' imports are not needed: :attr:`only` tells which)."""

    def __init__(self, sub: Any, only: str) -> None:
        self._sub = sub
        self.only = only

    def add_parser(self, name: str, **kwargs: Any) -> argparse.ArgumentParser:
        if name == self.only:
            parser: argparse.ArgumentParser = self._sub.add_parser(name, **kwargs)
            return parser
        kwargs.pop("help", None)
        return argparse.ArgumentParser(prog=name, **kwargs)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with ``argv`` naming a command, of that one only
    (its module alone imported; help, no command and any doubt: every command)."""
    parser = argparse.ArgumentParser(
        prog="tongwen-cli", description="Tongwen (同文) library, reader and search from the shell."
    )
    parser.add_argument("--version", action="version", version=f"tongwen {__version__}")
    parser.add_argument(
        "--debug",
        action="store_true",
        help="show the traceback of an unexpected error (also: TONGWEN_DEBUG=1)",
    )
    parser.add_argument(
        "--library",
        metavar="DIR",
        help="library folder (default: $TONGWEN_LIBRARY, else the user data folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    command = _command_in(argv) if argv is not None else None
    if command is not None:
        importlib.import_module(f"desktop.cli.{COMMANDS[command]}").register(
            _OneCommand(sub, command)
        )
        return parser
    for name in COMMAND_MODULES:
        importlib.import_module(f"desktop.cli.{name}").register(sub)
    return parser


def _utf8_stdio() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")


def _expected_types() -> tuple[type[BaseException], ...]:
    found: list[type[BaseException]] = [LookupError, ValueError, OSError]
    for module_name, names in _EXPECTED_ERRORS.items():
        module = sys.modules.get(module_name)
        found += [getattr(module, name) for name in names if hasattr(module, name)]
    return tuple(found)


def _is_expected(exc: BaseException) -> bool:
    """An error raised on purpose with a sentence for the user, not a bug.

    A ``KeyError`` is a bug unless it carries a sentence: ``KeyError('id')`` from a
    dictionary lookup once printed as "tongwen-cli: id".
    """
    if isinstance(exc, KeyError):
        return bool(exc.args) and " " in str(exc.args[0])
    return isinstance(exc, _expected_types())


def describe_error(exc: BaseException) -> str:
    """One sentence for an expected error, naming the file when the error knows it."""
    from desktop.core.paths import printable_path

    if isinstance(exc, KeyError):
        return str(exc.args[0])
    if isinstance(exc, OSError) and exc.filename is not None and exc.strerror:
        where = printable_path(exc.filename)
        if exc.filename2 is not None:
            where += f" -> {printable_path(exc.filename2)}"
        return f"{where}: {exc.strerror}"
    return str(exc) or type(exc).__name__


def _log_file() -> Path | None:
    """Send warnings and tracebacks to ``tongwen-cli.log`` (opened only when used)."""
    from desktop.core.paths import log_dir

    path = log_dir() / "tongwen-cli.log"
    root = logging.getLogger()
    for handler in root.handlers:
        if isinstance(handler, logging.FileHandler) and handler.baseFilename == str(path):
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(path, encoding="utf-8", errors="backslashreplace", delay=True)
    except OSError:
        return None
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path


def _debugging(args: argparse.Namespace) -> bool:
    return bool(args.debug) or os.environ.get("TONGWEN_DEBUG", "") not in ("", "0")


def _report_bug(exc: BaseException, args: argparse.Namespace, log_path: Path | None) -> int:
    log.error("unexpected error in tongwen-cli %s", args.command, exc_info=exc)
    if _debugging(args):
        traceback.print_exception(exc, file=sys.stderr)
    where = f"; the traceback is in {log_path}" if log_path else ""
    hint = "" if _debugging(args) else " (run with --debug to see it here)"
    return fail(f"unexpected error (a bug in Tongwen): {exc!r}{where}{hint}")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_stdio()
    argv = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(argv).parse_args(argv)
    log_path = _log_file()
    try:
        from desktop.core.paths import library_dir

        ctx = Context(library_path=library_dir(args.library))
        return int(args.func(args, ctx))
    except KeyboardInterrupt:
        return fail("interrupted")
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if not _is_expected(exc):
            return _report_bug(exc, args, log_path)
        log.warning("tongwen-cli %s: %s", args.command, describe_error(exc))
        return fail(describe_error(exc))
