"""tongwen-cli convert / toc, and the show command offered to library_cmds."""

from __future__ import annotations

import argparse
import io
import json
import sys
from pathlib import Path

import opencc
import pytest

from desktop.cli import Context, main
from desktop.cli.view_cmds import add_show_arguments, show_command


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _run(argv: list[str], capsysbinary: pytest.CaptureFixture[bytes]) -> tuple[int, bytes]:
    code = main(argv)
    return code, capsysbinary.readouterr().out


def test_convert_matches_opencc(
    seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch, capsysbinary
) -> None:
    data = seed_paths[0].read_bytes()
    monkeypatch.setattr(sys, "stdin", _Stdin(data))
    code, out = _run(["convert", "--config", "s2twp"], capsysbinary)
    ref = opencc.OpenCC("s2twp", include_tofu_risk_dictionaries=False).convert(data.decode())
    assert code == 0 and out.decode("utf-8") == ref
    monkeypatch.setattr(sys, "stdin", _Stdin("頭髮".encode()))
    assert _run(["convert", "--to", "simplified"], capsysbinary) == (0, "头发".encode())


def test_convert_needs_a_target(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["convert"])
    assert "--config" in capsys.readouterr().err


def _library_with(library_dir: Path, tmp_path: Path, text: str) -> str:
    src = tmp_path / "novel.txt"
    src.write_text(text, "utf-8")
    ctx = Context(library_path=library_dir)
    result = ctx.library.add_file(src)
    assert result.id is not None, result.error
    return result.id


def test_toc_and_show(library_dir: Path, tmp_path: Path, capsys) -> None:
    body = "他走进了屋子，看见桌上放着一封信。信上写着几行字，字迹潦草。\n"
    doc = _library_with(library_dir, tmp_path, f"第一章 开始\n{body}第二章 头发\n{body}")
    assert main(["--library", str(library_dir), "toc", doc[:8], "--json"]) == 0
    toc = json.loads(capsys.readouterr().out)
    assert [c["title"] for c in toc] == ["第一章 开始", "第二章 头发"]
    parser = argparse.ArgumentParser()
    add_show_arguments(parser)
    args = parser.parse_args([doc[:8], "--script", "traditional"])
    assert show_command(args, Context(library_path=library_dir)) == 0
    assert "第二章 頭髮" in capsys.readouterr().out


def test_toc_unknown_id_fails(library_dir: Path, capsys) -> None:
    assert main(["--library", str(library_dir), "toc", "ffff"]) == 1
    assert "ffff" in capsys.readouterr().err
