"""tongwen-cli rule add/list/remove, and show/convert applying the rules."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from desktop.cli import Context
from desktop.core.conversion_rules import FILE_NAME
from tests.cli.in_process import run

TEXT = "皇后说，以后再来。头发干了。\n"


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def _add(library_dir: Path, tmp_path: Path, name: str, text: str) -> str:
    src = tmp_path / name
    src.write_text(text, "utf-8")
    result = Context(library_path=library_dir).library.add_file(src)
    assert result.id is not None, result.error
    return result.id


def _show(capsys: pytest.CaptureFixture[str], lib: Path, doc: str, *extra: str) -> str:
    code, out, err = run(capsys, "--library", str(lib), "show", doc[:10], *extra)
    assert code == 0, err
    return out


def test_add_list_remove(library_dir: Path, tmp_path: Path, capsys) -> None:
    doc = _add(library_dir, tmp_path, "a.txt", TEXT)
    lib = ["--library", str(library_dir)]
    code, out, _ = run(capsys, *lib, "rule", "add", "--from", "皇后", "--to", "皇後")
    assert code == 0 and "皇后 → 皇後" in out and "any" in out and "all documents" in out
    code, out, _ = run(
        capsys, *lib, "rule", "add", "--from", "以后", "--to", "以后",
        "--script", "traditional", "--doc", doc[:8],
    )  # fmt: skip
    assert code == 0 and f"document {doc[:12]}" in out
    code, out, _ = run(capsys, *lib, "rule", "list", "--json")
    rules = json.loads(out)
    assert [(r["n"], r["from"], r["to"], r["script"], r["doc"]) for r in rules] == [
        (1, "皇后", "皇後", "any", None),
        (2, "以后", "以后", "traditional", doc),
    ]
    code, out, _ = run(capsys, *lib, "rule", "list")
    assert out.splitlines()[1].split()[:4] == ["2", "以后", "→", "以后"]
    code, out, _ = run(capsys, *lib, "rule", "remove", "1")
    assert code == 0 and "皇后 → 皇後" in out
    code, out, _ = run(capsys, *lib, "rule", "list", "--json")
    assert [r["from"] for r in json.loads(out)] == ["以后"]
    code, _, err = run(capsys, *lib, "rule", "remove", "5")
    assert code == 1 and "no rule 5" in err


def test_bad_rule_is_one_sentence(library_dir: Path, capsys) -> None:
    lib = ["--library", str(library_dir)]
    code, _, err = run(capsys, *lib, "rule", "add", "--from", "皇\n后", "--to", "x")
    assert code == 1 and "line breaks" in err and "Traceback" not in err
    code, _, err = run(capsys, *lib, "rule", "add", "--from", "a", "--to", "b", "--doc", "ffff")
    assert code == 1 and "ffff" in err


def test_show_applies_rules_by_document_and_script(
    library_dir: Path, tmp_path: Path, capsys
) -> None:
    a = _add(library_dir, tmp_path, "a.txt", TEXT)
    b = _add(library_dir, tmp_path, "b.txt", "另一篇：" + TEXT)
    lib = ["--library", str(library_dir)]
    plain = _show(capsys, library_dir, a, "--script", "traditional")
    assert plain == "皇后說，以後再來。頭髮幹了。\n"
    run(capsys, *lib, "rule", "add", "--from", "以后", "--to", "以后", "--doc", a[:8])
    run(capsys, *lib, "rule", "add", "--from", "干", "--to", "乾", "--script", "traditional")
    assert (
        _show(capsys, library_dir, a, "--script", "traditional") == "皇后說，以后再來。頭髮乾了。\n"
    )
    assert _show(capsys, library_dir, b, "--script", "traditional").endswith(
        "以後再來。頭髮乾了。\n"
    )
    assert "以后再來" in _show(capsys, library_dir, a, "--script", "taiwan")  # doc rule: any
    assert "幹了" in _show(capsys, library_dir, a, "--script", "taiwan")  # traditional only
    assert _show(capsys, library_dir, a, "--script", "traditional", "--no-rules") == plain
    assert _show(capsys, library_dir, a) == TEXT  # the original is never ruled


def test_convert_applies_all_documents_rules(
    library_dir: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys
) -> None:
    doc = _add(library_dir, tmp_path, "a.txt", TEXT)
    lib = ["--library", str(library_dir)]
    run(capsys, *lib, "rule", "add", "--from", "头发", "--to", "頭發", "--script", "traditional")
    run(capsys, *lib, "rule", "add", "--from", "以后", "--to", "以后", "--doc", doc[:8])

    def convert(*args: str) -> str:
        monkeypatch.setattr(sys, "stdin", _Stdin(TEXT.encode()))
        code, out, err = run(capsys, *lib, "convert", *args)
        assert code == 0, err
        return out

    assert convert("--to", "traditional") == "皇后說，以後再來。頭發幹了。\n"
    assert convert("--config", "s2t") == "皇后說，以後再來。頭發幹了。\n"
    assert convert("--to", "traditional", "--no-rules") == "皇后說，以後再來。頭髮幹了。\n"
    assert "頭髮" in convert("--config", "s2tw")  # a taiwan config: traditional rules stay out


def test_damaged_rules_file_warns_and_shows_opencc_alone(
    library_dir: Path, tmp_path: Path, capsys
) -> None:
    doc = _add(library_dir, tmp_path, "a.txt", TEXT)
    (library_dir / FILE_NAME).write_text("{ not json", "utf-8")
    code, out, err = run(
        capsys, "--library", str(library_dir), "show", doc[:8], "--script", "traditional"
    )
    assert code == 0 and out == "皇后說，以後再來。頭髮幹了。\n"
    assert FILE_NAME in err and "warning" in err
    assert list(library_dir.glob(f"{FILE_NAME}.corrupt-*"))  # kept, not lost
    code, out, err = run(capsys, "--library", str(library_dir), "rule", "list")
    assert code == 0 and out == ""  # set aside: now simply no rules
