"""Atomic writes and careful reads: the old content survives every failure."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from desktop.core import atomic


def test_write_replaces_and_keeps_backup(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    assert json.loads(target.read_text("utf-8")) == {"v": 2}
    assert json.loads((tmp_path / "a.json.bak").read_text("utf-8")) == {"v": 1}
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_failed_write_leaves_old_content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "a.txt"
    atomic.write_text(target, "old")

    def boom(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space"):
        atomic.write_text(target, "new")
    assert target.read_text("utf-8") == "old"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


@pytest.mark.parametrize("damage", [b"", b"\x00" * 64, b'{"v": 2', b"\xff\xfe not json"])
def test_damaged_file_is_set_aside_and_backup_used(tmp_path: Path, damage: bytes) -> None:
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    target.write_bytes(damage)
    result = atomic.read_json(target)
    assert result.value == {"v": 1}
    assert result.from_backup
    assert result.problems and "a.json" in result.problems[0]
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes() == damage


def test_both_damaged_raises_without_default(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text("{", "utf-8")
    with pytest.raises(atomic.UnreadableFileError):
        atomic.read_json(target)


def test_future_version_is_not_moved_aside(tmp_path: Path) -> None:
    target = tmp_path / "a.json"
    target.write_text('{"version": 99}', "utf-8")

    def validate(value: object) -> None:
        raise atomic.FutureVersionError("version 99 is newer")

    with pytest.raises(atomic.UnreadableFileError, match="newer"):
        atomic.read_json(target, validate=validate)
    assert target.read_text("utf-8") == '{"version": 99}'


def test_missing_file_gives_default(tmp_path: Path) -> None:
    assert atomic.read_json(tmp_path / "none.json", default=dict).value == {}
    with pytest.raises(FileNotFoundError):
        atomic.read_json(tmp_path / "none.json")


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_new_files_follow_the_umask(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not 0600: a library shared on a NAS is group-readable when the umask says so."""
    monkeypatch.setattr(atomic, "_UMASK", 0o002)
    atomic.write_text(tmp_path / "a.txt", "x")
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o664


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_replacing_keeps_the_files_mode(tmp_path: Path) -> None:
    target = tmp_path / "a.txt"
    target.write_text("old", "utf-8")
    target.chmod(0o640)
    atomic.write_text(target, "new")
    assert target.stat().st_mode & 0o777 == 0o640


def test_backup_without_hard_links_is_whole_or_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Where links are refused and the disk fills while the backup is written, the
    previous backup stays whole (a full disk once left a 655-byte ``.bak``)."""
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    bak = tmp_path / "a.json.bak"
    assert json.loads(bak.read_text("utf-8")) == {"v": 1}

    def no_links(*args: object) -> None:
        raise OSError(1, "Operation not permitted")

    real_fsync = os.fsync
    calls = {"n": 0}

    def full_disk(fd: int) -> None:
        calls["n"] += 1
        if calls["n"] == 2:  # the first fsync is the new file's, the second the backup's
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "link", no_links)
    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError, match="No space"):
        atomic.write_json(target, {"v": 3})
    assert json.loads(bak.read_text("utf-8")) == {"v": 1}
    assert json.loads(target.read_text("utf-8")) == {"v": 2}
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    monkeypatch.setattr(os, "fsync", real_fsync)
    atomic.write_json(target, {"v": 3})
    assert json.loads(bak.read_text("utf-8")) == {"v": 2}


def test_replace_tries_again_while_the_file_is_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On Windows a scanner holding the file makes os.replace fail for a moment."""
    real = os.replace
    refusals = {"left": 3}

    def held(src: object, dst: object) -> None:
        if refusals["left"]:
            refusals["left"] -= 1
            raise PermissionError(13, "The process cannot access the file")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(atomic, "REPLACE_TRIES", 10)
    monkeypatch.setattr(atomic, "REPLACE_PAUSE", 0.001)
    monkeypatch.setattr(os, "replace", held)
    atomic.write_text(tmp_path / "a.txt", "new")
    assert (tmp_path / "a.txt").read_text("utf-8") == "new"
    assert refusals["left"] == 0

    refusals["left"] = 99
    monkeypatch.setattr(atomic, "REPLACE_TRIES", 3)
    with pytest.raises(PermissionError):
        atomic.write_text(tmp_path / "a.txt", "newer")
    assert (tmp_path / "a.txt").read_text("utf-8") == "new"


def _failing_reads(
    monkeypatch: pytest.MonkeyPatch, target: Path, code: int, times: int
) -> dict[str, int]:
    """Make reading ``target`` raise ``OSError(code)`` the first ``times`` times."""
    real = Path.read_bytes
    calls = {"failed": 0}

    def read_bytes(self: Path) -> bytes:
        if self == target and calls["failed"] < times:
            calls["failed"] += 1
            raise OSError(code, os.strerror(code), str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(atomic, "READ_PAUSE", 0.001, raising=False)
    return calls


@pytest.mark.parametrize("code", [5, 24, 116, 11], ids=["EIO", "EMFILE", "ESTALE", "EAGAIN"])
def test_one_read_error_is_retried_not_taken_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int
) -> None:
    """A transient I/O error once set the good file aside and loaded the older backup."""
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    calls = _failing_reads(monkeypatch, target, code, times=1)
    result = atomic.read_json(target)
    assert calls["failed"] == 1
    assert result.value == {"v": 2} and not result.from_backup and not result.problems
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]


@pytest.mark.parametrize(
    "error", [OSError(5, "Input/output error"), PermissionError(13, "Permission denied")]
)
def test_a_lasting_read_error_is_reported_and_nothing_is_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError
) -> None:
    """Neither set aside nor replaced by the backup, even with a default to fall back on."""
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    real = Path.read_bytes

    def read_bytes(self: Path) -> bytes:
        if self == target:
            raise error
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    monkeypatch.setattr(atomic, "READ_PAUSE", 0.001, raising=False)
    for default in (None, dict):
        with pytest.raises(OSError) as caught:
            atomic.read_json(target, default=default)
        assert not isinstance(caught.value, FileNotFoundError)
        assert caught.value.errno == error.errno and "a.json" in str(caught.value)
    monkeypatch.undo()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json", "a.json.bak"]
    assert atomic.read_json(target).value == {"v": 2}


def test_a_read_error_on_the_backup_is_not_taken_for_damage(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Main file damaged, backup unreadable for now: an error, not an empty default."""
    target = tmp_path / "a.json"
    atomic.write_json(target, {"v": 1})
    atomic.write_json(target, {"v": 2})
    target.write_bytes(b"{damaged")
    bak = tmp_path / "a.json.bak"
    _failing_reads(monkeypatch, bak, 5, times=99)
    with pytest.raises(OSError, match=r"a\.json\.bak"):
        atomic.read_json(target, default=dict)
    assert json.loads(bak.read_text("utf-8")) == {"v": 1}
    monkeypatch.undo()
    assert atomic.read_json(target).value == {"v": 1}


def test_a_future_backup_is_left_untouched(tmp_path: Path) -> None:
    """Main file damaged and a backup of a newer format: the backup was set aside as
    corrupt and an older-format file written in its place."""
    target = tmp_path / "a.json"
    target.write_bytes(b"{damaged")
    bak = tmp_path / "a.json.bak"
    bak.write_text('{"version": 99}', "utf-8")

    def validate(value: object) -> None:
        if isinstance(value, dict) and value.get("version") == 99:
            raise atomic.FutureVersionError("version 99 is newer")

    with pytest.raises(atomic.UnreadableFileError, match="newer"):
        atomic.read_json(target, default=dict, validate=validate)
    assert bak.read_text("utf-8") == '{"version": 99}'
    aside = [p for p in tmp_path.iterdir() if ".corrupt-" in p.name]
    assert [p.read_bytes() for p in aside] == [b"{damaged"]  # only the damaged one
