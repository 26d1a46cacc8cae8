"""Faults in the library folder: bad shapes, odd names, leftovers, two processes, sync.

Each test here failed on the library before issue 13 was fixed: one bad file took
the whole library down, a GBK file name stopped a folder import, killed imports
left staging folders forever, two processes lost each other's metadata edits, a
second removal within a second failed, sync tools' copies of ``meta.json`` were
ignored, half-delivered folders were written into, ``reencode`` was left half done
and a link named on the command line was followed.
"""

from __future__ import annotations

import builtins
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import desktop.core.doc_folder as doc_folder
from desktop.core.library import Library, LibraryError
from desktop.core.locks import FileLock

REPO = Path(__file__).resolve().parents[2]
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file names and links")


def _meta_path(lib: Library, doc_id: str) -> Path:
    return lib.doc_dir(doc_id) / "meta.json"


def _write_meta(lib: Library, doc_id: str, meta: Any) -> None:
    _meta_path(lib, doc_id).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")


# ------------------------------------------------ 1. one bad meta.json or library.json
WRONG_SHAPES: list[tuple[str, Any]] = [
    ("version", None),
    ("version", "1"),
    ("version", True),
    ("id", None),
    ("id", 7),
    ("chapters", "none"),
    ("chapters", [[1]]),
    ("chapters", [["x", "第一章"]]),
    ("chapters", [[0, None]]),
    ("user", []),
    ("user", {"title": 5}),
    ("extracted", "x"),
    ("extracted", {"title": ["a"]}),
    ("chars", "many"),
    ("size", None),
    ("warnings", "one"),
    ("original_name", 3),
    ("imported", {}),
    ("confidence", "high"),
]


@pytest.mark.parametrize(("key", "value"), WRONG_SHAPES)
def test_wrong_shape_meta_is_rebuilt_and_the_rest_opens(
    seeded: Library, key: str, value: Any
) -> None:
    doc = seeded.documents()[0]
    meta = json.loads(_meta_path(seeded, doc.id).read_text("utf-8"))
    meta[key] = value
    _write_meta(seeded, doc.id, meta)
    reopened = Library.open(seeded.root)
    assert len(reopened) == 5
    assert reopened.get(doc.id).title == doc.title  # rebuilt from the original
    assert any(doc.id[:12] in w and "rebuilt" in w for w in reopened.warnings)
    kept = [p for p in _meta_path(seeded, doc.id).parent.iterdir() if ".corrupt-" in p.name]
    assert kept, "the bad meta.json is kept aside, not deleted"


def test_missing_id_keeps_the_users_edits(seeded: Library) -> None:
    doc = seeded.documents()[0]
    seeded.update_meta(doc.id, title="我改的標題")
    (_meta_path(seeded, doc.id).with_name("meta.json.bak")).unlink()
    meta = json.loads(_meta_path(seeded, doc.id).read_text("utf-8"))
    del meta["id"]
    _write_meta(seeded, doc.id, meta)
    reopened = Library.open(seeded.root)
    assert reopened.get(doc.id).title == "我改的標題"


def test_meta_of_another_document_is_not_trusted(seeded: Library) -> None:
    first, second = seeded.documents()[:2]
    shutil.copy(_meta_path(seeded, first.id), _meta_path(seeded, second.id))
    reopened = Library.open(seeded.root)
    assert reopened.get(second.id).title == second.title
    assert reopened.get(first.id).title == first.title


@pytest.mark.parametrize("marker", [{"version": None}, {"version": "1"}, {"created": 3}])
def test_library_json_with_a_bad_shape_is_repaired(seeded: Library, marker: Any) -> None:
    path = seeded.root / "library.json"
    value = json.loads(path.read_text("utf-8"))
    value.update(marker)
    path.write_text(json.dumps(value), "utf-8")
    reopened = Library.open(seeded.root)
    assert len(reopened) == 5
    assert any("library.json" in w for w in reopened.warnings)
    assert json.loads(path.read_text("utf-8"))["version"] == 1
    assert any(p.name.startswith("library.json.corrupt-") for p in seeded.root.iterdir())


def test_library_json_of_a_newer_version_is_still_refused(seeded: Library) -> None:
    (seeded.root / "library.json").write_text('{"format": "tongwen-library", "version": 2}')
    with pytest.raises(LibraryError, match=r"library\.json.*newer"):
        Library.open(seeded.root)


_JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-3, 10**12) | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner),
    max_leaves=8,
)
_KEYS = st.sampled_from(
    [
        "format",
        "version",
        "id",
        "original_name",
        "size",
        "doc_format",
        "encoding",
        "confidence",
        "imported",
        "chars",
        "extracted",
        "user",
        "chapters",
        "blocks",
        "warnings",
        "reencoded",
        "user_modified",
    ]
)
_MUTATION = st.tuples(st.sampled_from(["set", "delete", "set-inside"]), _KEYS, _JSON)


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("template") / "library"
    lib = Library.open(root)
    seeds = sorted((REPO / "seeds").glob("*.txt"))[:3]
    assert [r.status for r in lib.add_paths(seeds)] == ["imported"] * 3
    return root


def _mutate(meta: dict[str, Any], mutations: list[tuple[str, str, Any]]) -> None:
    for how, key, value in mutations:
        if how == "delete":
            meta.pop(key, None)
        elif how == "set-inside" and isinstance(meta.get(key), dict):
            meta[key]["title"] = value
        elif how == "set-inside" and isinstance(meta.get(key), list) and meta[key]:
            meta[key][0] = value
        else:
            meta[key] = value


def _check_mutated_library(template: Path, mutations: list[tuple[str, str, Any]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "library"
        shutil.copytree(template, root)
        victim = sorted((root / "docs").iterdir())[0]
        others = {p.name for p in (root / "docs").iterdir()} - {victim.name}
        meta = json.loads((victim / "meta.json").read_text("utf-8"))
        _mutate(meta, mutations)
        (victim / "meta.json").write_text(json.dumps(meta), "utf-8")
        lib = Library.open(root)  # never raises
        ids = {d.id for d in lib.documents()}
        assert others <= ids
        future = (
            isinstance(meta.get("version"), int)
            and not isinstance(meta.get("version"), bool)
            and meta["version"] > 1
            and meta.get("format") == "tongwen-document"
        )
        assert (victim.name in ids) != future
        for doc in lib.documents():
            assert isinstance(doc.title, str) and doc.title
            assert isinstance(doc.chars, int) and isinstance(doc.size, int)
            assert all(isinstance(o, int) and isinstance(t, str) for o, t in doc.chapters)
            assert all(isinstance(v, str) for v in doc.user.values())
            assert all(isinstance(w, str) for w in doc.warnings)
            lib.text(doc.id)
        assert lib.check() is not None


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(_MUTATION, min_size=1, max_size=3))
def test_mutated_meta_never_stops_the_library(
    template: Path, mutations: list[tuple[str, str, Any]]
) -> None:
    _check_mutated_library(template, mutations)


@pytest.mark.stress
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations=st.lists(_MUTATION, min_size=1, max_size=5))
def test_mutated_meta_never_stops_the_library_many(
    template: Path, mutations: list[tuple[str, str, Any]]
) -> None:
    _check_mutated_library(template, mutations)


# --------------------------------------------------------- 2. names that are not UTF-8
GBK_NAME = "三国.txt".encode("gbk")
BIG5_NAME = "紅樓夢 第一回.txt".encode("big5")
BAD_NAME = b"\xff\xfe\x80.txt"


def make_odd_named_folder(folder: Path) -> Path:
    """Eight text files, three of them with names that are not UTF-8."""
    folder.mkdir(parents=True)
    raw = os.fsencode(str(folder))
    names = [b"a.txt", b"b.txt", GBK_NAME, b"c.txt", BIG5_NAME, b"d.txt", BAD_NAME, b"e.txt"]
    for n, name in enumerate(names):
        with open(os.path.join(raw, name), "wb") as fh:
            fh.write(f"第{n}篇文章的正文,內容很短。編號{n}。".encode())
    return folder


needs_bytes_names = pytest.mark.skipif(
    sys.platform != "linux", reason="only Linux file systems keep names that are not UTF-8"
)


@needs_bytes_names
def test_non_utf8_file_names_are_imported(library_dir: Path, tmp_path: Path) -> None:
    folder = make_odd_named_folder(tmp_path / "gbk")
    lib = Library.open(library_dir)
    results = lib.add_paths([folder])
    assert [r.status for r in results] == ["imported"] * 8, [r.error for r in results]
    titles = {lib.get(r.id or "").original_name for r in results}
    assert {"三国.txt", "紅樓夢 第一回.txt", "\\xff\\xfe\\x80.txt"} <= titles
    assert "三国" in {lib.get(r.id or "").title for r in results}
    for r in results:
        json.dumps(r.as_dict()).encode("utf-8")  # no lone surrogates anywhere
        meta = lib.doc_dir(r.id or "") / "meta.json"
        json.loads(meta.read_text("utf-8"))
    reopened = Library.open(library_dir)
    assert len(reopened) == 8


# ------------------------------------------------- 3. staging leftovers, durable imports
def _old(path: Path, seconds: float = 3600) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


def test_stale_staging_folders_are_removed_at_open(seeded: Library) -> None:
    stale = seeded.docs_dir / ".staging-0123456789abcdef-999999-1"
    stale.mkdir()
    (stale / "original.txt").write_bytes(b"x" * 100_000)
    _old(stale)
    orphan_lock = seeded.docs_dir / ".staging-feedfeedfeedfeed-999998-1.lock"
    orphan_lock.touch()
    _old(orphan_lock)
    reopened = Library.open(seeded.root)
    assert not stale.exists() and not orphan_lock.exists()
    assert len(reopened) == 5


def test_live_or_recent_staging_folders_are_kept(seeded: Library) -> None:
    live = seeded.docs_dir / ".staging-aaaaaaaaaaaaaaaa-1-1"
    live.mkdir()
    _old(live)
    recent = seeded.docs_dir / ".staging-bbbbbbbbbbbbbbbb-2-2"
    recent.mkdir()  # just made: the import that owns it may not hold its lock yet
    with FileLock(live.with_name(live.name + ".lock"), timeout=0):
        Library.open(seeded.root)
    assert live.exists() and recent.exists()


IMPORTER = """
import sys
from desktop.core.library import Library

Library.open(sys.argv[1]).add_file(sys.argv[2])
"""


def _kill_during_staging(root: Path, source: Path) -> bool:
    """Start an import of ``source`` and SIGKILL it while its staging folder exists."""
    before = set((root / "docs").glob(".staging-*"))
    proc = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(root), str(source)],
        env=dict(os.environ, PYTHONPATH=str(REPO)),
    )
    deadline = time.monotonic() + 120
    while proc.poll() is None and time.monotonic() < deadline:
        if any(p.is_dir() for p in set((root / "docs").glob(".staging-*")) - before):
            proc.kill()
            proc.wait()
            return True
        time.sleep(0.001)
    proc.kill()
    proc.wait()
    return False


def _killed_imports(library_dir: Path, tmp_path: Path, kills: int) -> None:
    Library.open(library_dir)
    done = 0
    for n in range(kills * 3):
        source = tmp_path / f"novel-{n}.txt"
        source.write_text(f"第{n}部\n" + "天下大勢,分久必合,合久必分。\n" * 400_000, "utf-8")
        done += _kill_during_staging(library_dir, source)
        if done == kills:
            break
    assert done == kills, "the imports finished before they could be killed"
    leftovers = [p for p in (library_dir / "docs").glob(".staging-*") if p.is_dir()]
    assert len(leftovers) == kills
    for path in (library_dir / "docs").glob(".staging-*"):
        _old(path)  # as if the next start came a few minutes later
    Library.open(library_dir)
    assert list((library_dir / "docs").glob(".staging-*")) == []


@posix_only
def test_a_killed_import_leaves_nothing_at_the_next_start(
    library_dir: Path, tmp_path: Path
) -> None:
    _killed_imports(library_dir, tmp_path, 1)


@pytest.mark.stress
@posix_only
def test_five_killed_imports_leave_nothing_at_the_next_start(
    library_dir: Path, tmp_path: Path
) -> None:
    _killed_imports(library_dir, tmp_path, 5)


@posix_only
def test_import_syncs_the_docs_folder(
    library_dir: Path, seed_paths: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    lib = Library.open(library_dir)
    docs = os.stat(lib.docs_dir)
    synced: list[tuple[int, int]] = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        st = os.fstat(fd)
        synced.append((st.st_dev, st.st_ino))
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    assert lib.add_file(seed_paths[0]).status == "imported"
    assert (docs.st_dev, docs.st_ino) in synced


# ------------------------------------------------- 4. meta.json edits from two processes
EDITOR = """
import json, sys
from pathlib import Path
from desktop.core.library import Library

root, doc_id, field, tag, count, go = sys.argv[1:7]
lib = Library.open(root)
meta = Path(root) / "docs" / doc_id / "meta.json"
while not Path(go).exists():
    pass
lost = 0
for i in range(int(count)):
    if i and json.loads(meta.read_text("utf-8"))["user"].get(field) != f"{tag}{i - 1}":
        lost += 1
    lib.update_meta(doc_id, **{field: f"{tag}{i}"})
print(lost)
"""


def _two_editors(lib: Library, count: int, tmp_path: Path) -> None:
    doc_id = lib.documents()[0].id
    go = tmp_path / "go"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", EDITOR, str(lib.root), doc_id, field, tag, str(count), str(go)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for field, tag in (("title", "A"), ("author", "B"))
    ]
    time.sleep(0.5)
    go.touch()
    outputs = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in outputs]
    lost = sum(int(out.split()[-1]) for out, _ in outputs)
    user = json.loads(_meta_path(lib, doc_id).read_text("utf-8"))["user"]
    assert (user["title"], user["author"], lost) == (f"A{count - 1}", f"B{count - 1}", 0)


def test_two_processes_editing_meta_lose_nothing(seeded: Library, tmp_path: Path) -> None:
    _two_editors(seeded, 30, tmp_path)


@pytest.mark.stress
def test_two_processes_editing_meta_lose_nothing_many(seeded: Library, tmp_path: Path) -> None:
    _two_editors(seeded, 300, tmp_path)


# ---------------------------------------------------------------- 5. unique trash names
def test_removing_twice_within_a_second(seeded: Library, seed_paths: list[Path]) -> None:
    doc = seeded.documents()[0]
    source = next(p for p in seed_paths if seeded.add_file(p).id == doc.id)
    first = seeded.remove(doc.id)
    assert seeded.add_file(source).status == "imported"
    second = seeded.remove(doc.id)
    assert first != second and {first, second} <= set(seeded.trash())
    assert seeded.restore(second) == doc.id


# ------------------------------------------------------- 6. conflict copies of meta.json
SYNCTHING_COPY = "meta.sync-conflict-20241213-110638-ABCDEFG.json"


def _conflict_copy(lib: Library, doc_id: str, name: str, **user: Any) -> Path:
    meta = json.loads(_meta_path(lib, doc_id).read_text("utf-8"))
    meta.update(user)
    copy = lib.doc_dir(doc_id) / name
    copy.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    return copy


def test_meta_conflict_copy_is_merged_by_edit_time(seeded: Library) -> None:
    doc = seeded.documents()[0]
    seeded.update_meta(doc.id, author="本機作者")
    copy = _conflict_copy(
        seeded,
        doc.id,
        SYNCTHING_COPY,
        user={"title": "另一台機器的標題", "author": "舊作者"},
        user_modified={"title": "2999-01-01T00:00:00Z", "author": "2000-01-01T00:00:00Z"},
    )
    reopened = Library.open(seeded.root)
    merged = reopened.get(doc.id)
    assert (merged.title, merged.author) == ("另一台機器的標題", "本機作者")
    assert not copy.exists()
    assert any(SYNCTHING_COPY in w and "merged" in w for w in reopened.warnings)
    assert not any(SYNCTHING_COPY in p for p in Library.open(seeded.root).check())


def test_meta_conflict_copy_without_edit_times_is_reported(seeded: Library) -> None:
    doc = seeded.documents()[0]
    name = "meta (conflicted copy 2024-12-13).json"
    copy = _conflict_copy(seeded, doc.id, name, user={"title": "別處的標題"})
    reopened = Library.open(seeded.root)
    assert copy.exists() and reopened.get(doc.id).title == doc.title
    problems = reopened.check()
    assert any(name in p and "title" in p for p in problems), problems


def test_check_reports_a_conflict_copy_that_arrived_after_opening(seeded: Library) -> None:
    doc = seeded.documents()[0]
    _conflict_copy(seeded, doc.id, SYNCTHING_COPY, user={"title": "後來到的"})
    assert any(SYNCTHING_COPY in p for p in seeded.check())


# -------------------------------------------------------- 7. half-delivered folders
def test_half_delivered_folder_is_not_written(
    seeded: Library, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    arriving = seeded.docs_dir / ("ab" * 32)
    arriving.mkdir()
    (arriving / "original.txt").write_text("剛剛同步過來的文章,其餘的文件還沒有到。", "utf-8")
    reopened = Library.open(seeded.root)
    assert sorted(p.name for p in arriving.iterdir()) == ["original.txt"]
    assert any(arriving.name[:12] in w and "arriving" in w for w in reopened.warnings)
    assert len(reopened) == 5
    monkeypatch.setattr(doc_folder, "ARRIVAL_QUIET_SECONDS", 0.0)
    later = Library.open(seeded.root)
    assert {"meta.json", "text.txt"} <= {p.name for p in arriving.iterdir()}
    assert len(later) == 6


# ------------------------------------------------------ 8. reencode is all or nothing
def test_reencode_changes_nothing_when_annotations_cannot_be_saved(
    library_dir: Path, tmp_path: Path
) -> None:
    from desktop.core.annotations import AnnotationStore

    src = tmp_path / "big5.txt"
    src.write_bytes("臺灣的繁體中文文章,內容豐富。".encode("big5") * 20)
    lib = Library.open(library_dir)
    doc_id = lib.add_file(src, encoding="big5").id or ""
    store = AnnotationStore.open(lib.doc_dir(doc_id), text=lib.text(doc_id))
    store.add_highlight(0, 4)
    store.save()
    folder = lib.doc_dir(doc_id)
    before = {n: (folder / n).read_bytes() for n in ("text.txt", "meta.json", "annotations.json")}
    (folder / "annotations.json.lock").unlink(missing_ok=True)
    (folder / "annotations.json.lock").mkdir()  # the annotations cannot be locked
    with pytest.raises(LibraryError, match=r"annotations.*nothing was changed"):
        lib.reencode(doc_id, "gb18030")
    after = {n: (folder / n).read_bytes() for n in before}
    assert after == before
    assert lib.get(doc_id).encoding == "big5"


# ---------------------------------------------------- 9. a link named for import
@posix_only
def test_a_link_named_for_import_is_not_followed(library_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "secret.txt"
    outside.write_text("不應被導入的文件內容。", "utf-8")
    link = tmp_path / "link-to-secret.txt"
    link.symlink_to(outside)
    lib = Library.open(library_dir)
    results = lib.add_paths([link])
    assert [(r.status, r.code) for r in results] == [("skipped", "link-not-followed")]
    assert "link" in (results[0].error or "")
    assert lib.add_file(link).status == "failed" and len(lib) == 0


# ------------------------------------------------ a read error is not damage
def test_a_meta_json_that_cannot_be_read_for_now_is_skipped_untouched(
    seeded: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An EIO while reading a good meta.json used to roll it back to its backup (or
    now stopped the library): the document is skipped for now, its file untouched."""
    import errno

    doc_id = seeded.documents()[0].id
    path = _meta_path(seeded, doc_id)
    before = path.read_bytes()
    real = Path.read_bytes

    def failing(self: Path) -> bytes:
        if self == path:
            raise OSError(errno.EIO, "Input/output error")
        return real(self)

    real_open = builtins.open

    def failing_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        if os.fspath(file) == os.fspath(path):  # the first read's short way opens it so
            raise OSError(errno.EIO, "Input/output error")
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "read_bytes", failing)
    monkeypatch.setattr(builtins, "open", failing_open)
    lib = Library.open(seeded.root)
    assert doc_id not in {r.id for r in lib.documents()}
    assert len(lib.documents()) == 4
    assert any("skipped for now" in w for w in lib.warnings)
    with pytest.raises(LibraryError, match="cannot be read"):
        seeded.update_meta(doc_id, title="新")
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert not list(path.parent.glob("meta.json.corrupt-*"))
    assert len(Library.open(seeded.root).documents()) == 5
