"""The folder watch hears, through the kernel, which document folders another process
changed (real folders, real inotify; every wait is bounded)."""

from __future__ import annotations

import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from desktop.core import folder_watch
from desktop.core.folder_watch import (
    Changes,
    FolderWatch,
    kernel_watch_count,
    network_file_system,
    unsupported_reason,
    watch_folders,
)

needs_inotify = pytest.mark.skipif(
    unsupported_reason() is not None, reason=f"no inotify here: {unsupported_reason()}"
)
WAIT = 10.0  # seconds: a generous bound, never reached when it works


def _until(condition: Callable[[], bool], timeout: float = WAIT) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return condition()


class Heard:
    """What the watch handed over, gathered from every take()."""

    def __init__(self) -> None:
        self.notified = threading.Event()
        self.names: set[str] = set()
        self.everything = False
        self.watch: FolderWatch | None = None

    def notify(self) -> None:
        self.notified.set()

    def collect(self) -> None:
        assert self.watch is not None
        taken = self.watch.take()
        self.names |= taken.names
        self.everything = self.everything or taken.everything

    def has(self, *names: str) -> bool:
        self.collect()
        return set(names) <= self.names

    def clear(self) -> None:
        self.collect()
        self.names, self.everything = set(), False
        self.notified.clear()


def _folders(docs: Path, *names: str) -> None:
    for name in names:
        (docs / name).mkdir()
        (docs / name / "meta.json").write_text("{}", "utf-8")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    docs.mkdir()
    _folders(docs, "a" * 64, "b" * 64, "c" * 64)
    return docs


@pytest.fixture
def watched(docs: Path) -> Iterator[tuple[FolderWatch, Heard]]:
    heard = Heard()
    watch = watch_folders(docs, heard.notify)
    assert watch is not None
    heard.watch = watch
    try:
        assert watch.wait_ready(WAIT)
        heard.clear()
        yield watch, heard
    finally:
        watch.close()
        assert not watch.running


A, B, C = "a" * 64, "b" * 64, "c" * 64


@needs_inotify
def test_every_folder_is_watched_then_everything_is_handed_over_once(docs: Path) -> None:
    """Once every watch is in place the caller is told to look at every folder (what
    changed before a folder's watch was added), and told of it by ``notify``."""
    heard = Heard()
    watch = watch_folders(docs, heard.notify)
    assert watch is not None
    try:
        assert heard.notified.wait(WAIT)
        assert watch.ready and watch.complete
        assert watch.take() == Changes(frozenset(), everything=True)
        assert not watch.take()
        assert watch.watch_count == 4  # docs and its three folders
        assert kernel_watch_count(watch.fd) == 4
        assert watch.setup_seconds is not None
    finally:
        watch.close()


@needs_inotify
def test_a_file_written_in_place_or_replaced_by_rename_is_heard(
    docs: Path, watched: tuple[FolderWatch, Heard]
) -> None:
    _watch, heard = watched
    (docs / A / "meta.json").write_text('{"x": 1}', "utf-8")  # in place
    assert heard.notified.wait(WAIT)
    assert _until(lambda: heard.has(A))
    heard.clear()
    temp = docs / B / ".meta.json.tmp"
    temp.write_text('{"x": 2}', "utf-8")
    os.replace(temp, docs / B / "meta.json")  # as a sync tool or atomic.py writes
    assert _until(lambda: heard.has(B))
    heard.clear()
    (docs / C / "meta.sync-conflict-20261203-120000-ABCDEFG.json").write_text("{}", "utf-8")
    assert _until(lambda: heard.has(C))
    (docs / C / "annotations.json").write_text("[]", "utf-8")
    os.utime(docs / A / "meta.json", (1, 1))  # a time set afterwards
    assert _until(lambda: heard.has(A, C))
    assert not heard.everything


@needs_inotify
def test_folders_added_removed_and_renamed_are_heard_and_followed(
    docs: Path, watched: tuple[FolderWatch, Heard]
) -> None:
    watch, heard = watched
    new = "d" * 64
    shutil.copytree(docs / A, docs / new)  # a folder arriving, its files after it
    assert _until(lambda: heard.has(new))
    assert _until(lambda: watch.watch_count == 5)
    heard.clear()
    (docs / new / "annotations.json").write_text("[]", "utf-8")  # its own watch hears it
    assert _until(lambda: heard.has(new))
    heard.clear()
    shutil.rmtree(docs / B)
    assert _until(lambda: heard.has(B))
    assert _until(lambda: watch.watch_count == 4)
    heard.clear()
    renamed = "e" * 64
    os.rename(docs / C, docs / renamed)
    assert _until(lambda: heard.has(C, renamed))
    heard.clear()
    (docs / renamed / "meta.json").write_text('{"y": 1}', "utf-8")
    assert _until(lambda: heard.has(renamed))
    assert C not in heard.names  # the watch follows the folder's new name
    assert watch.complete and kernel_watch_count(watch.fd) == watch.watch_count


@needs_inotify
def test_staging_folders_and_other_dot_names_are_not_documents(
    docs: Path, watched: tuple[FolderWatch, Heard]
) -> None:
    """An import builds its folder as ``.staging-*`` then renames it: only the rename
    into its real name is heard."""
    watch, heard = watched
    staging = docs / ".staging-1234-abcd"
    staging.mkdir()
    (staging / "meta.json").write_text("{}", "utf-8")
    (docs / ".staging-1234-abcd.lock").write_text("", "utf-8")
    (docs / ".hidden").write_text("", "utf-8")
    time.sleep(0.2)
    heard.collect()
    assert heard.names == set() and not heard.everything
    new = "f" * 64
    os.rename(staging, docs / new)
    assert _until(lambda: heard.has(new))
    assert heard.names == {new}
    assert watch.watch_count == 5


@needs_inotify
def test_an_overflowing_queue_asks_for_everything_and_watches_what_was_missed(
    docs: Path,
) -> None:
    """The kernel queues a bounded number of events; past it they are dropped and an
    overflow is reported: the caller looks at every folder, and the folders created
    meanwhile are watched all the same."""
    release = threading.Event()
    calls: list[int] = []

    def blocking() -> None:  # holds the watch's thread while the queue fills
        calls.append(1)
        if len(calls) == 2:
            release.wait(WAIT)

    watch = watch_folders(docs, blocking)
    assert watch is not None
    try:
        assert watch.wait_ready(WAIT) and _until(lambda: len(calls) == 1)
        watch.take()
        (docs / A / "first").write_text("", "utf-8")
        assert _until(lambda: len(calls) == 2)  # the thread now waits in notify()
        limit = int(Path("/proc/sys/fs/inotify/max_queued_events").read_text())
        for n in range(limit + 5000):
            (docs / B / f"f{n}").touch()
        late = "9" * 64
        _folders(docs, late)  # its creation is lost in the overflow
        release.set()
        assert _until(lambda: watch.pending() and watch.take().everything)
        assert _until(lambda: watch.watch_count == 5)
        watch.take()
        (docs / late / "meta.json").write_text('{"z": 1}', "utf-8")
        assert _until(lambda: late in watch.take().names)
    finally:
        release.set()
        watch.close()
    assert not watch.running


@needs_inotify
def test_the_watch_limit_stops_the_adding_with_one_line(
    docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Past its share of ``fs.inotify.max_user_watches`` no watch is added (the user's
    other programs need theirs): one line in the log, and the watch says it is not
    complete, so the caller keeps looking at every folder now and then.  Folders
    added and removed are still heard on the docs folder."""
    limit = tmp_path / "max_user_watches"
    limit.write_text("4\n")  # 75 %: three watches, the docs folder's and two more
    monkeypatch.setattr(folder_watch, "_MAX_WATCHES", limit)
    caplog.set_level(logging.INFO, logger="desktop.core.folder_watch")
    heard = Heard()
    watch = watch_folders(docs, heard.notify)
    assert watch is not None
    heard.watch = watch
    try:
        assert watch.wait_ready(WAIT)
        assert watch.watch_count == 3 and not watch.complete
        new = "d" * 64
        _folders(docs, new, "e" * 64)
        assert _until(lambda: heard.has(new, "e" * 64))
        assert watch.watch_count == 3
        assert sum("watch limit" in r.getMessage() for r in caplog.records) == 1
    finally:
        watch.close()


@needs_inotify
def test_the_docs_folder_going_stops_the_watch_from_being_complete(
    docs: Path, watched: tuple[FolderWatch, Heard]
) -> None:
    watch, heard = watched
    shutil.rmtree(docs)
    assert _until(lambda: heard.has() and heard.everything)
    assert not watch.complete


@needs_inotify
def test_close_stops_the_thread_and_drops_every_watch(docs: Path) -> None:
    watch = watch_folders(docs, lambda: None)
    assert watch is not None
    fd = watch.fd
    watch.close()
    assert not watch.running
    assert not any(t.name == "folder-watch" and t.is_alive() for t in threading.enumerate())
    with pytest.raises(OSError):
        os.fstat(fd)
    watch.close()  # twice: nothing happens


@needs_inotify
def test_closing_while_the_watches_are_being_added(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(3000):
        (docs / f"{n:064d}").mkdir()
    watch = watch_folders(docs, lambda: None)
    assert watch is not None
    watch.close()
    assert not watch.running


def test_no_watch_where_the_system_has_no_inotify(
    docs: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(folder_watch.sys, "platform", "darwin")
    caplog.set_level(logging.INFO, logger="desktop.core.folder_watch")
    assert unsupported_reason() == "no inotify on darwin"
    assert watch_folders(docs, lambda: None) is None
    assert "not watched: no inotify on darwin" in caplog.text


def test_a_network_file_system_is_recognised(tmp_path: Path) -> None:
    table = tmp_path / "mountinfo"
    table.write_text(
        "22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw\n"
        "40 22 0:40 / /mnt/nas rw,relatime shared:20 - nfs4 nas:/export rw\n"
        "41 22 0:41 / /mnt/my\\040share rw - cifs //srv/share rw\n"
        "42 40 8:2 / /mnt/nas/local rw - ext4 /dev/sdb1 rw\n",
        "utf-8",
    )
    mounts = str(table)
    assert network_file_system(Path("/mnt/nas/library"), mounts) == "nfs4"
    assert network_file_system(Path("/mnt/my share/lib"), mounts) == "cifs"
    assert network_file_system(Path("/mnt/nasty/library"), mounts) is None
    assert network_file_system(Path("/mnt/nas/local/lib"), mounts) is None
    assert network_file_system(Path("/home/me"), mounts) is None
    assert network_file_system(Path("/x"), str(tmp_path / "missing")) is None


def test_the_names_of_the_watches_near_and_far() -> None:
    names = folder_watch._WatchNames()
    names.put(1, "a")
    names.put(3, "b")
    names.put(3, "c")  # renamed: the same watch
    far = 5 + (1 << 21)
    names.put(far, "d")
    assert (names.get(1), names.get(2), names.get(3), names.get(far)) == ("a", None, "c", "d")
    assert names.count == 3 and names.names() == {"a", "c", "d"}
    names.pop(3)
    names.pop(far)
    names.pop(2)
    assert names.count == 1 and names.names() == {"a"} and names.get(far) is None
