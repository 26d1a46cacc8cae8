"""Walk a folder chosen for import: regular files only, links never followed.

:func:`iter_import_files` yields ``(path, None)`` for each file to import and
``(path, skip)`` for each one skipped (a :class:`~desktop.core.errors.Skip`: the
problem code and the English reason), so the reader sees what was left out and why.  Symbolic links (to files or folders) are never followed, which also makes
loops impossible; FIFOs, devices and sockets are never opened.  Hidden entries
(names starting with ``.``, such as ``.git`` or ``.DS_Store``) are skipped quietly:
they are not reported.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Collection, Iterator
from pathlib import Path

from desktop.core.errors import Skip

__all__ = ["iter_import_files"]


LINK = Skip("link-not-followed", "symbolic link (not followed)")


def _kind_skip(mode: int) -> Skip | None:
    if stat.S_ISLNK(mode):
        return LINK
    if stat.S_ISFIFO(mode):
        return Skip("special-file", "named pipe (FIFO)")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Skip("special-file", "device file")
    if stat.S_ISSOCK(mode):
        return Skip("special-file", "socket")
    if not stat.S_ISREG(mode):
        return Skip("not-a-file", "not a regular file")
    return None


def _entries(folder: Path) -> tuple[list[os.DirEntry[str]], Skip | None]:
    try:
        with os.scandir(folder) as scan:
            return sorted(scan, key=lambda entry: entry.name), None
    except OSError as exc:
        return [], Skip("unreadable", f"unreadable folder ({exc.strerror or exc})")


def _check_file(entry: os.DirEntry[str], suffixes: Collection[str]) -> Skip | None:
    if Path(entry.name).suffix.lower() not in suffixes:
        return Skip("unsupported-type", "unsupported file type")
    if not os.access(entry.path, os.R_OK):
        return Skip("permission-denied", "unreadable (permission denied)")
    return None


def iter_import_files(
    folder: Path, suffixes: Collection[str]
) -> Iterator[tuple[Path, Skip | None]]:
    """Yield every file under ``folder``, recursively, with a :class:`Skip` when skipped.

    ``suffixes`` are lower-case with the dot (``".txt"``).  Files come in name
    order, folder by folder.
    """
    wanted = {suffix.lower() for suffix in suffixes}
    pending = [Path(folder)]
    while pending:
        current = pending.pop()
        entries, problem = _entries(current)
        if problem:
            yield current, problem
        subfolders = []
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = Path(entry.path)
            try:
                mode = entry.stat(follow_symlinks=False).st_mode
            except OSError as exc:
                yield path, Skip("unreadable", f"unreadable ({exc.strerror or exc})")
                continue
            if stat.S_ISDIR(mode):
                subfolders.append(path)
                continue
            yield path, _kind_skip(mode) or _check_file(entry, wanted)
        pending.extend(reversed(subfolders))
