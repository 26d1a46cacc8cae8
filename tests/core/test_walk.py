"""Folder import walker: regular files only, links never followed, loops end."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest

from desktop.core.walk import iter_import_files

SUFFIXES = {".txt", ".html", ".epub", ".md"}
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file types")


def _walk(folder: Path) -> dict[str, str | None]:
    """Each path found, with its English reason when skipped."""
    return {
        str(path.relative_to(folder)): skip and skip.reason
        for path, skip in iter_import_files(folder, SUFFIXES)
    }


def _codes(folder: Path) -> dict[str, str | None]:
    """Each path found, with its problem code when skipped."""
    return {
        str(path.relative_to(folder)): skip and skip.code
        for path, skip in iter_import_files(folder, SUFFIXES)
    }


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    root = tmp_path / "books"
    (root / "sub" / "deeper").mkdir(parents=True)
    (root / "a.txt").write_text("一")
    (root / "B.HTML").write_text("<p>二</p>")
    (root / "sub" / "c.md").write_text("# 三")
    (root / "sub" / "deeper" / "d.epub").write_bytes(b"PK")
    (root / "sub" / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (root / ".git").mkdir()
    (root / ".git" / "config.txt").write_text("x")
    (root / ".DS_Store").write_bytes(b"\0")
    return root


def test_recursive_with_reasons(tree: Path) -> None:
    found = _walk(tree)
    assert found == {
        "B.HTML": None,
        "a.txt": None,
        "sub/c.md": None,
        "sub/photo.jpg": "unsupported file type",
        "sub/deeper/d.epub": None,
    }
    assert _codes(tree)["sub/photo.jpg"] == "unsupported-type"


def test_hidden_entries_are_skipped_quietly(tree: Path) -> None:
    names = _walk(tree)
    assert not any(name.startswith(".") or "/." in name for name in names)


@posix_only
def test_symlinks_are_reported_not_followed(tree: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text("secret")
    (tree / "link-out").symlink_to(outside, target_is_directory=True)
    (tree / "file-link.txt").symlink_to(outside / "secret.txt")
    (tree / "sub" / "loop").symlink_to(tree, target_is_directory=True)
    found = _walk(tree)
    codes = _codes(tree)
    for name in ("link-out", "file-link.txt", "sub/loop"):
        assert found[name] == "symbolic link (not followed)"
        assert codes[name] == "link-not-followed"
    assert not any("secret" in name for name in found if found[name] is None)


@posix_only
def test_fifo_and_socket_are_skipped(tree: Path) -> None:
    os.mkfifo(tree / "pipe.txt")
    sock = socket.socket(socket.AF_UNIX)
    try:
        sock.bind(str(tree / "s.txt"))
        found = _walk(tree)  # must not block on the FIFO
        codes = _codes(tree)
    finally:
        sock.close()
    assert found["pipe.txt"] == "named pipe (FIFO)"
    assert found["s.txt"] == "socket"
    assert codes["pipe.txt"] == codes["s.txt"] == "special-file"


@posix_only
def test_device_is_skipped() -> None:
    skip = dict(iter_import_files(Path("/dev"), {""}))[Path("/dev/null")]
    assert skip is not None and (skip.code, skip.reason) == ("special-file", "device file")


@posix_only
@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads anything")
def test_unreadable_folder_is_reported(tree: Path) -> None:
    locked = tree / "locked"
    locked.mkdir()
    locked.chmod(0)
    try:
        found = _walk(tree)
    finally:
        locked.chmod(0o755)
    assert (found["locked"] or "").startswith("unreadable")
    assert _codes(tree)["locked"] == "unreadable"


def test_missing_folder_is_reported(tmp_path: Path) -> None:
    found = list(iter_import_files(tmp_path / "nope", SUFFIXES))
    assert len(found) == 1 and found[0][1] is not None
    assert found[0][1].code == "unreadable" and "unreadable" in found[0][1].reason
