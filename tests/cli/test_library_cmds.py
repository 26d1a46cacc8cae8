"""tongwen-cli library commands, called in-process and as a real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.in_process import run


@pytest.fixture
def lib(library_dir: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    code, out, _ = run(
        capsys, "--library", str(library_dir), "import", *map(str, seed_paths), "--json"
    )
    assert code == 0
    records = json.loads(out)
    assert [r["status"] for r in records] == ["imported"] * 5
    assert all(r["id"] and r["title"] for r in records)
    return str(library_dir)


def test_import_again_reports_duplicates(lib: str, seed_paths: list[Path], capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--library", lib, "import", str(seed_paths[0]), "--json")
    assert code == 0
    assert json.loads(out)[0]["status"] == "duplicate"


def test_import_failure_exit_status(lib: str, tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "x.docx"
    bad.write_bytes(b"PK\x03\x04")
    code, out, err = run(capsys, "--library", lib, "import", str(bad), "--json")
    assert code == 1
    record = json.loads(out)[0]
    assert record["status"] == "failed" and "DOCX" in record["error"]
    assert "x.docx" in err


def test_list_and_meta(lib: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, out, _ = run(capsys, "--library", lib, "list", "--json")
    docs = json.loads(out)
    assert code == 0 and len(docs) == 5
    keys = {"id", "title", "author", "source", "published", "script", "format", "encoding", "chars"}
    assert all(keys <= set(d) for d in docs)
    first = next(d for d in docs if d["source"] == "苏州新闻网")
    code, out, _ = run(capsys, "--library", lib, "meta", first["id"][:8], "--json")
    assert code == 0 and json.loads(out)["title"] == "党建引领 打造和谐昆山“共同体”"
    code, out, _ = run(
        capsys, "--library", lib, "meta", first["id"][:8], "--title", "新标题", "--json"
    )
    assert json.loads(out)["title"] == "新标题"


def test_show_remove_restore_check(lib: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    doc = json.loads(out)[0]
    code, text, _ = run(capsys, "--library", lib, "show", doc["id"][:10], "--raw")
    assert code == 0 and len(text) >= doc["chars"] - 1
    assert run(capsys, "--library", lib, "check")[0] == 0
    code, out, _ = run(capsys, "--library", lib, "remove", doc["id"][:10])
    assert code == 0 and "restore" in out
    code, out, _ = run(capsys, "--library", lib, "restore")
    name = out.split()[0]
    assert run(capsys, "--library", lib, "restore", name)[0] == 0
    assert len(json.loads(run(capsys, "--library", lib, "list", "--json")[1])) == 5


def test_unknown_id_fails_cleanly(lib: str, capsys) -> None:  # type: ignore[no-untyped-def]
    code, _, err = run(capsys, "--library", lib, "meta", "zzzz")
    assert code == 1 and "zzzz" in err


def test_reencode_bad_encoding(lib: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    doc = json.loads(out)[0]
    code, _, err = run(
        capsys, "--library", lib, "reencode", doc["id"][:10], "--encoding", "no-such-codec"
    )
    assert code == 1 and err


def test_console_script_runs(library_dir: Path, seed_paths: list[Path]) -> None:
    env_cmd = [
        sys.executable,
        "-m",
        "desktop.cli",
        "--library",
        str(library_dir),
        "import",
        str(seed_paths[1]),
    ]
    proc = subprocess.run(env_cmd, capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "健全社會工作體制機制" in proc.stdout


def test_tag_tags_list_and_shelves(lib: str, capsys) -> None:  # type: ignore[no-untyped-def]
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    doc_id = json.loads(out)[0]["id"]
    code, out, _ = run(capsys, "--library", lib, "tag", doc_id[:12], "--add", "待读")
    assert code == 0 and "待读" in out
    code, out, _ = run(capsys, "--library", lib, "tags", "--json")
    assert json.loads(out) == [{"tag": "待读", "documents": 1}]
    code, out, _ = run(capsys, "--library", lib, "list", "--json", "--tag", "待读")
    assert [d["id"] for d in json.loads(out)] == [doc_id]
    code, out, _ = run(capsys, "--library", lib, "shelves", "--add", "待读", "tag:待读")
    assert code == 0 and "待读  tag:待读" in out and "[continue-reading]" in out
    code, _, err = run(capsys, "--library", lib, "tag", doc_id[:12], "--add", " ")
    assert code == 1 and "not a tag" in err
