"""``tongwen-cli search`` and ``reindex``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import Context, main
from desktop.cli.search_cmds import reindex
from desktop.core.library import Library


def test_search_json_both_scripts(
    library_dir: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    lib = Library.open(library_dir)
    for path in seed_paths:
        lib.add_file(path)
    outputs = []
    for query in ("社会工作", "社會工作"):
        assert main(["--library", str(library_dir), "search", query, "--json"]) == 0
        outputs.append(json.loads(capsys.readouterr().out))
    assert outputs[0] == outputs[1]
    assert len(outputs[0]) == 5
    first = outputs[0][0]
    assert set(first) == {"id", "title", "score", "snippet", "hits"}
    text = lib.text(first["id"])
    start, end = first["hits"][0]
    assert text[start:end] in ("社会工作", "社會工作")
    assert reindex(Context(library_path=library_dir)) == 0


def test_bad_limit_fails_clearly(library_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--library", str(library_dir), "search", "x", "--limit", "0"]) == 1
    assert "--limit" in capsys.readouterr().err
