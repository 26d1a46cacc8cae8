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
