"""The search index under faults: locks, rebuilds underneath, damaged files (kills: test_index_crash.py).

Every answer is compared with a plain substring scan of the library's folded
reading texts (:func:`_scan`), so "usable" always means "right", offsets included.
Writers that must really be other processes run as subprocesses.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from desktop.cli import Context, main, search_cmds
from desktop.core.library import Library
from desktop.core.locks import FileLock
from desktop.core.offsetmap import OffsetMap
from desktop.core.paths import index_dir
from desktop.core.search import IndexBusyError, IndexDamagedError, SearchIndex, fold, fold_plain
from desktop.core.search import commits as commits_module
from desktop.core.search.entries import reading_text
from tests.conftest import REPO

QUERIES = ["社会工作", "社會", "工作", "昆山", "治理", "苏州"]

#: A writer in another process: builds the index (``rebuild`` or ``update``) and
#: sleeps ``hold`` seconds after the first document, holding the writer lock.
WRITER = """
import sys, time
from pathlib import Path
from desktop.core.library import Library
from desktop.core.search import SearchIndex
library, mode, hold = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
index = SearchIndex.open(Library.open(library), subscribe=False)
def progress(done, total, message):
    if done == 1:
        print("writing", flush=True)
        time.sleep(hold)
index.ensure_current(progress, rebuild=mode == "rebuild")
print("done", flush=True)
"""


# ------------------------------------------------------------------ helpers


def _folded_bodies(lib: Library) -> dict[str, tuple[str, OffsetMap]]:
    """Every document's folded reading text and its map back to canonical offsets."""
    bodies = {}
    for rec in lib.documents():
        text, view_map = reading_text(lib.text(rec.id))
        folded, fold_map = fold(text)
        bodies[rec.id] = folded, view_map.compose(fold_map)
    return bodies


def _scan(lib: Library, query: str) -> dict[str, list[tuple[int, int]]]:
    """Hits of ``query`` in every body by a plain substring scan, in canonical offsets."""
    return _scan_bodies(_folded_bodies(lib), query)


def _scan_bodies(
    bodies: dict[str, tuple[str, OffsetMap]], query: str
) -> dict[str, list[tuple[int, int]]]:
    """:func:`_scan` over bodies folded once (for many queries)."""
    needle = fold_plain(query)
    found: dict[str, list[tuple[int, int]]] = {}
    for doc_id, (folded, mapping) in bodies.items():
        hits = set()
        pos = folded.find(needle)
        while pos >= 0:
            hits.add(mapping.src_span(pos, pos + len(needle)))
            pos = folded.find(needle, pos + 1)
        if hits:
            found[doc_id] = sorted(hits)
    return found


def _answers(index: SearchIndex, query: str) -> dict[str, list[tuple[int, int]]]:
    results = index.search(query, limit=None)
    return {h.doc_id: [tuple(r) for r in h.hits] for h in results.hits if h.hits}


def _assert_right(index: SearchIndex, lib: Library) -> None:
    for query in QUERIES:
        assert _answers(index, query) == _scan(lib, query), query


def _answers_after_repair(index: SearchIndex, lib: Library) -> bool:
    """Search everything, rebuilding when a search finds damage; True if it did."""
    damaged = False
    for _attempt in range(2):
        try:
            _assert_right(index, lib)
            return damaged
        except IndexDamagedError:
            damaged = True
            index.ensure_current()
    _assert_right(index, lib)
    return damaged


def _env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(REPO))


def _start_writer(library: Path, mode: str, hold: float) -> subprocess.Popen[str]:
    """A writer subprocess, returned once it holds the writer lock mid-build."""
    proc = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(library), mode, str(hold)],
        cwd=REPO,
        env=_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line.strip() != "writing":
        proc.kill()
        raise AssertionError(f"writer did not start: {line!r} {proc.stderr.read()[-2000:]}")  # type: ignore[union-attr]
    return proc


def _kill(proc: subprocess.Popen[str]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.communicate(timeout=30)


def _add_text(lib: Library, folder: Path, name: str, text: str) -> str:
    path = folder / name
    path.write_text(text, "utf-8")
    doc_id = lib.add_file(path).id
    assert doc_id is not None
    return doc_id


# ------------------------------------------------------ 1. an OS writer lock
@pytest.mark.parametrize("pid", ["parent", "init"])
def test_a_lock_file_naming_a_live_process_does_not_block(seeded: Library, pid: str) -> None:
    """A pid left in the lock file (reused after a reboot) never locks the index out."""
    SearchIndex.open(seeded, subscribe=False).ensure_current()
    lock = index_dir(seeded.root) / "writer.lock"
    lock.write_text(str(os.getppid() if pid == "parent" else 1))
    index = SearchIndex.open(seeded, subscribe=False)
    assert index.ensure_current()
    assert index.rebuilt_because is None
    _assert_right(index, seeded)
    assert lock.exists()  # the lock file is never deleted: the OS lock is what counts


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_a_live_writer_is_respected_and_a_killed_one_leaves_no_lock(seeded: Library) -> None:
    SearchIndex.open(seeded, subscribe=False).ensure_current()
    writer = _start_writer(seeded.root, "rebuild", 60)
    try:
        second = SearchIndex.open(seeded, subscribe=False)
        second.lock_wait = 0.3
        t0 = time.monotonic()
        with pytest.raises(IndexBusyError, match="another Tongwen process"):
            second.ensure_current()
        assert time.monotonic() - t0 < 10
        _assert_right(second, seeded)  # searches answer from the committed index meanwhile
    finally:
        _kill(writer)
    third = SearchIndex.open(seeded, subscribe=False)
    third.lock_wait = 5
    assert third.ensure_current()
    _assert_right(third, seeded)


# --------------------------------------- 2. rebuilt underneath a running process
def test_a_second_index_object_sees_rebuilds_and_updates(seeded: Library, tmp_path: Path) -> None:
    """Two SearchIndex objects on one folder (two windows): each sees the other's writes."""
    writer = SearchIndex.open(seeded, subscribe=False)
    reader = SearchIndex.open(seeded, subscribe=False)
    writer.ensure_current()
    _assert_right(reader, seeded)
    doc_id = _add_text(seeded, tmp_path, "new.txt", "苏州的社会工作者在昆山治理河道。\n")
    writer.refresh([doc_id])
    assert doc_id in _answers(reader, "苏州")
    _assert_right(reader, seeded)
    assert writer.ensure_current(rebuild=True)
    seeded.remove(seeded.documents()[0].id)
    writer.ensure_current()
    _assert_right(reader, seeded)
    assert reader.rebuilt_because is None  # it reopened what the other one wrote


def test_reindex_waits_for_a_running_build_instead_of_breaking_it(
    seeded: Library, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``check --reindex`` while a window builds: it waits, and both builds finish."""
    SearchIndex.open(seeded, subscribe=False).ensure_current()
    writer = _start_writer(seeded.root, "rebuild", 1.5)
    try:
        assert search_cmds.reindex(Context(library_path=seeded.root)) == 0
        out, err = writer.communicate(timeout=60)
        assert writer.returncode == 0, err[-2000:]
        assert "done" in out
    finally:
        _kill(writer)
    assert "waiting" in capsys.readouterr().err
    _assert_right(SearchIndex.open(seeded, subscribe=False), seeded)


def test_reindex_in_another_process_under_an_open_index(seeded: Library, tmp_path: Path) -> None:
    """A window keeps searching right while ``check --reindex`` runs in another process."""
    reader = SearchIndex.open(seeded, subscribe=False)
    reader.ensure_current()
    reader.rebuilt_because = None
    _assert_right(reader, seeded)
    _add_text(seeded, tmp_path, "later.txt", "後來的社會工作報告,昆山治理。\n")
    code = "import sys; from desktop.cli import main; raise SystemExit(main(sys.argv[1:]))"
    for _round in range(2):
        done = subprocess.run(
            [sys.executable, "-c", code, "--library", str(seeded.root), "check", "--reindex"],
            cwd=REPO,
            env=_env(),
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert done.returncode == 0, done.stderr[-2000:]
        _assert_right(reader, seeded)
    assert reader.rebuilt_because is None


# ------------------------------------------------------ 3. search during a rebuild
@pytest.mark.parametrize("old_index", [True, False])
def test_cli_search_during_a_rebuild_answers_or_says_one_sentence(
    seeded: Library,
    old_index: bool,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(search_cmds, "SEARCH_WAIT", 0.5)
    if old_index:
        SearchIndex.open(seeded, subscribe=False).ensure_current()
    writer = _start_writer(seeded.root, "rebuild", 60)
    try:
        status = main(["--library", str(seeded.root), "search", "社会工作"])
    finally:
        _kill(writer)
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "another Tongwen process" in lines[0]
    if old_index:
        assert status == 0
        assert "5 document(s)" in out
    else:
        assert status == 1
        assert out == ""


# --------------------------------------------- 4. damaged files are detected
_FILES = ["maps", "texts", "postings", "lexicon", "slots", "manifest", "whoosh"]


def _store_file(index: SearchIndex, kind: str) -> Path:
    data = getattr(index, "data_folder", index.folder)  # the folder before generations
    assert data is not None
    body = data / "body"
    if kind == "manifest":
        return index.folder / "manifest.json"
    if kind == "whoosh":
        return max((data / "meta").glob("*.seg"), key=lambda p: p.stat().st_size)
    pattern = {
        "maps": "maps.bin",
        "texts": "texts.bin",
        "postings": "seg-*.post",
        "lexicon": "seg-*.lex",
        "slots": "slots*",
    }[kind]
    return next(body.glob(pattern))


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    assert data, path
    if how == "empty":
        data = b""
    elif how == "truncate":
        data = data[: len(data) // 2]
    else:
        middle = len(data) // 2
        data = data[:middle] + bytes([data[middle] ^ 0x40]) + data[middle + 1 :]
    with open(path, "r+b") as fh:  # in place, as a disk or a careless tool would
        fh.truncate(0)
        fh.write(data)


@pytest.mark.parametrize("how", ["empty", "truncate", "flip"])
@pytest.mark.parametrize("kind", _FILES)
def test_a_damaged_store_file_is_detected_and_rebuilt(seeded: Library, kind: str, how: str) -> None:
    built = SearchIndex.open(seeded, subscribe=False)
    built.ensure_current()
    target = _store_file(built, kind)
    built.close()
    _damage(target, how)
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    found_at_open = index.rebuilt_because is not None
    found_by_search = _answers_after_repair(index, seeded)
    assert found_at_open or found_by_search, f"{how} {target.name} went unnoticed"


@pytest.mark.parametrize("how", ["empty", "flip"])
@pytest.mark.parametrize("kind", ["maps", "texts"])
def test_damage_under_an_open_index_never_gives_wrong_offsets(
    seeded: Library, kind: str, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The audit's case: ``maps.bin`` emptied while the index is open (no check at open)."""
    monkeypatch.setattr(commits_module, "VERIFY_BYTES", 0)
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    _assert_right(index, seeded)
    index.close()
    index.ensure_current()  # opened again without reading whole files
    _damage(_store_file(index, kind), how)
    assert _answers_after_repair(index, seeded)
    assert "damaged" in (index.rebuilt_because or "")


# ------------------------------------------------ 5. durable commits and kills
@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc to name fds")
def test_store_files_are_fsynced_before_the_manifest_names_them(
    seeded: Library, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    synced: set[str] = set()
    missing: list[set[str]] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        synced.add(os.path.realpath(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def replace(src: Any, dst: Any) -> None:
        if os.path.realpath(src) in synced:  # a synced temp file keeps its data
            synced.add(os.path.realpath(dst))
        if Path(dst).name == "manifest.json":
            data = index.data_folder
            assert data is not None
            files = {os.path.realpath(p) for p in data.rglob("*") if p.is_file()}
            missing.append({f for f in files if f not in synced and "LOCK" not in f})
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    index.refresh([_add_text(seeded, tmp_path, "more.txt", "再加一篇社会工作的文章。\n")])
    assert missing and all(not m for m in missing), missing


# The kills at random moments and at each commit step: test_index_crash.py.


# ----------------------------------------------- 6. folders others have open
def test_old_generations_are_removed_only_under_the_lock(seeded: Library) -> None:
    """A rebuild leaves no old folder behind, and never removes the lock file."""
    index = SearchIndex.open(seeded, subscribe=False)
    index.ensure_current()
    first = index.data_folder
    lock = FileLock(index.folder / "writer.lock", timeout=0)
    lock.acquire()
    try:
        other = SearchIndex.open(seeded, subscribe=False)
        other.lock_wait = 0
        with pytest.raises(IndexBusyError):
            other.ensure_current(rebuild=True)
        assert first is not None and first.is_dir()
    finally:
        lock.release()
    assert index.ensure_current(rebuild=True)
    assert index.data_folder != first
    assert first is not None and not first.exists()
    assert (index.folder / "writer.lock").exists()
    assert sorted(p.name for p in index.folder.iterdir() if p.is_dir()) == [
        index.data_folder.name  # type: ignore[union-attr]
    ]
    shutil.rmtree(index.folder)  # a folder removed by hand is rebuilt
    assert SearchIndex.open(seeded, subscribe=False).ensure_current()
