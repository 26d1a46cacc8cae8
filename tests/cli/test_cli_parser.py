"""The parser of a command line naming one command is built from that command's
module alone, and parses as the parser of every command does."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from desktop.cli import COMMAND_MODULES, COMMANDS, build_parser
from tests.cli.in_process import run


def _registered(module: str) -> list[str]:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers()
    importlib.import_module(f"desktop.cli.{module}").register(sub)
    return list(sub.choices)


def test_commands_names_the_module_that_registers_each() -> None:
    found = {command: module for module in COMMAND_MODULES for command in _registered(module)}
    assert found == COMMANDS
    assert list(found) == list(COMMANDS)  # in the order of --help


@pytest.mark.parametrize(
    "argv",
    [
        ["list", "--json"],
        ["--library", "/x", "list", "--tag", "a", "--tag", "b"],
        ["--lib", "/x", "--debug", "show", "abc", "--script", "simplified"],
        ["--library=/x", "meta", "abc", "--title", "t"],
        ["search", "紅樓", "--json"],
        ["rule", "list"],
        ["tags"],
        ["define", "書"],
        ["annotations", "abc"],
        ["toc", "abc"],
    ],
)
def test_a_command_lines_parser_parses_as_every_commands_parser(argv: list[str]) -> None:
    assert vars(build_parser(argv).parse_args(argv)) == vars(build_parser().parse_args(argv))


@pytest.mark.parametrize(
    "argv",
    [[], ["--help"], ["-h"], ["list", "--bogus"], ["--bogus", "list"], ["lis"], ["--library"]],
)
def test_help_and_mistakes_are_answered_by_every_commands_parser(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as one:
        build_parser(argv).parse_args(argv)
    first = capsys.readouterr()
    with pytest.raises(SystemExit) as every:
        build_parser().parse_args(argv)
    assert (one.value.code, first) == (every.value.code, capsys.readouterr())


def test_list_imports_no_other_command_module() -> None:
    code = (
        "import sys\n"
        "from desktop.cli import build_parser\n"
        "build_parser(['list', '--json'])\n"
        "print(sorted(m for m in sys.modules if m.startswith('desktop.cli.')))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["['desktop.cli.library_cmds',", "'desktop.cli.search_cmds']"]


def test_show_is_still_a_library_command(library_dir: object, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--library", str(library_dir), "show", "abc", "--raw")
    assert code == 1 and "abc" in err
