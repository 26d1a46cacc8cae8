"""tongwen-cli answers every expected failure in one sentence, and a bug with a log entry.

Before issue 13 a ``LibraryError``, an ``IndexBusyError`` or a damaged ``meta.json``
ended in a Python traceback (or in "tongwen-cli: id"), and a folder holding a file
whose name is not UTF-8 stopped ``import --json`` with no JSON at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import desktop.core.doc_folder as doc_folder
from desktop.core import filesystem
from desktop.core.locks import FileLock
from tests.cli.in_process import run
from tests.faults.test_library_faults import make_odd_named_folder, needs_bytes_names

REPO = Path(__file__).resolve().parents[2]


def one_sentence(err: str) -> str:
    lines = [line for line in err.splitlines() if not line.startswith("tongwen-cli: warning:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    assert lines[0].startswith("tongwen-cli: ")
    return lines[0]


@pytest.fixture
def lib(library_dir: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]) -> str:
    code, _, _ = run(capsys, "--library", str(library_dir), "import", *map(str, seed_paths[:2]))
    assert code == 0
    return str(library_dir)


def _first_id(lib: str, capsys: pytest.CaptureFixture[str]) -> str:
    _, out, _ = run(capsys, "--library", lib, "list", "--json")
    return str(json.loads(out)[0]["id"])


def test_library_error_is_one_sentence(lib: str, capsys: pytest.CaptureFixture[str]) -> None:
    (Path(lib) / "library.json").write_text('{"format": "tongwen-library", "version": 9}')
    code, out, err = run(capsys, "--library", lib, "list")
    line = one_sentence(err)
    assert code == 1 and out == ""
    assert "library.json" in line and "newer" in line


def test_index_busy_is_one_sentence(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.search import SearchIndex
    from desktop.core.search.index import IndexBusyError

    def busy(self: object, *args: object, **kwargs: object) -> None:
        raise IndexBusyError("the search index is being rebuilt by process 4242; try again")

    monkeypatch.setattr(SearchIndex, "ensure_current", busy)
    code, _, err = run(capsys, "--library", lib, "search", "社会")
    assert code == 1 and "being rebuilt" in one_sentence(err)


def test_wrong_shape_meta_never_reaches_the_user(
    lib: str, capsys: pytest.CaptureFixture[str]
) -> None:
    doc_id = _first_id(lib, capsys)
    meta = Path(lib) / "docs" / doc_id / "meta.json"
    value = json.loads(meta.read_text("utf-8"))
    del value["id"]
    meta.write_text(json.dumps(value), "utf-8")
    code, out, err = run(capsys, "--library", lib, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    assert "rebuilt" in err and "Traceback" not in err


def test_a_locked_meta_file_is_one_sentence(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    doc_id = _first_id(lib, capsys)
    monkeypatch.setattr(doc_folder, "META_LOCK_TIMEOUT", 0.2)
    with FileLock(Path(lib) / "docs" / doc_id / "meta.json.lock", timeout=0):
        code, _, err = run(capsys, "--library", lib, "meta", doc_id[:8], "--title", "新")
    line = one_sentence(err)
    assert code == 1 and "meta.json.lock" in line


def test_a_missing_file_names_the_file(lib: str, capsys: pytest.CaptureFixture[str]) -> None:
    doc_id = _first_id(lib, capsys)
    (Path(lib) / "docs" / doc_id / "text.txt").unlink()
    code, _, err = run(capsys, "--library", lib, "show", doc_id[:8])
    line = one_sentence(err)
    assert code == 1 and "text.txt" in line and "No such file" in line


def _raise_bug(*args: object) -> int:
    raise TypeError("'NoneType' object is not subscriptable")


def test_a_bug_is_one_sentence_and_logged(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import desktop.cli.library_cmds as library_cmds

    monkeypatch.delenv("TONGWEN_DEBUG", raising=False)
    monkeypatch.setattr(library_cmds, "cmd_list", _raise_bug)
    code, _, err = run(capsys, "--library", lib, "list")
    line = one_sentence(err)
    assert code == 1 and "a bug" in line and "--debug" in line
    log = Path(os.environ["TONGWEN_LOG_DIR"]) / "tongwen-cli.log"
    assert "Traceback" in log.read_text("utf-8") and "not subscriptable" in log.read_text("utf-8")


@pytest.mark.parametrize("how", ["flag", "environment"])
def test_a_bug_shows_its_traceback_when_debugging(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    import desktop.cli.library_cmds as library_cmds

    monkeypatch.setattr(library_cmds, "cmd_list", _raise_bug)
    argv = ["--library", lib, "list"]
    if how == "flag":
        argv.insert(0, "--debug")
    else:
        monkeypatch.setenv("TONGWEN_DEBUG", "1")
    code, _, err = run(capsys, *argv)
    assert code == 1 and "Traceback" in err and "not subscriptable" in err


def test_a_network_library_is_warned_about_once(
    lib: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(filesystem.sys, "platform", "linux")
    monkeypatch.setattr(
        filesystem, "_system_mounts", lambda: [filesystem.Mount(str(Path(lib).parent), "nfs4")]
    )
    code, out, err = run(capsys, "--library", lib, "list", "--json")
    assert code == 0 and len(json.loads(out)) == 2
    warnings = [line for line in err.splitlines() if "nfs4" in line]
    assert len(warnings) == 1 and "locks" in warnings[0]


@needs_bytes_names
def test_import_json_with_names_that_are_not_utf8(library_dir: Path, tmp_path: Path) -> None:
    folder = make_odd_named_folder(tmp_path / "gbk")
    command = [sys.executable, "-m", "desktop.cli", "--library", str(library_dir)]
    proc = subprocess.run(
        [*command, "import", str(folder), "--json"],
        capture_output=True,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr.decode("utf-8", "replace")
    records = json.loads(proc.stdout.decode("utf-8"))
    assert [r["status"] for r in records] == ["imported"] * 8
    assert any(r["path"].endswith("三国.txt") and r["title"] == "三国" for r in records)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_import_of_a_link_says_why(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "passwd"
    target.write_text("root:x:0:0:root:/root:/bin/bash\n", "utf-8")
    link = tmp_path / "link-to-passwd"
    link.symlink_to(target)
    code, out, _ = run(capsys, "--library", str(library_dir), "import", str(link), "--json")
    [record] = json.loads(out)
    assert code == 1  # nothing was imported
    assert record["status"] == "skipped" and record["code"] == "link-not-followed"
    assert "link" in record["error"]
    assert not list((library_dir / "docs").iterdir())
