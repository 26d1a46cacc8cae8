"""Atomic, crash-safe writes and careful reads of user data.

Every file the user could lose goes through here: write a temp file in the same
folder, flush, fsync, keep the previous version as ``<name>.bak``, ``os.replace``,
then fsync the folder.  A file that was read and does not parse is moved aside as
``<name>.corrupt-<time>`` and the backup is used; nothing is ever loaded as empty and
then saved over.  A file that could not be *read* (an I/O error, a permission
refused) is not damaged: it is read again a few times, then :class:`FileReadError`
is raised and nothing is set aside or loaded in its place.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import stat
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "FileReadError",
    "FutureVersionError",
    "ReadResult",
    "UnreadableFileError",
    "fsync_dir",
    "read_json",
    "replace",
    "write_bytes",
    "write_json",
    "write_text",
]

log = logging.getLogger(__name__)


class UnreadableFileError(Exception):
    """Neither a file nor its backup could be read; both are left where they are."""


class FileReadError(OSError):
    """A file is there but reading it failed (``errno`` says why), even after retries.

    Its content is unknown, not damaged: it was neither set aside nor replaced by its
    backup, and whoever asked must not write over it until it has been read.
    """


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


def _current_umask() -> int:
    # os.umask can only be read by setting it; do it once, at import, before threads.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _current_umask()

#: How often :func:`replace` tries again when the target is held open.  On Windows a
#: virus scanner or the search indexer briefly holds new files; elsewhere a refused
#: rename is a real permission problem and is reported at once.
REPLACE_TRIES = 10 if os.name == "nt" else 1
REPLACE_PAUSE = 0.2
#: How often a file is read before an I/O error is reported: EIO, EMFILE, ESTALE or
#: EAGAIN on a network or removable disk are often gone a moment later.
READ_TRIES = 3
READ_PAUSE = 0.1


def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """``os.replace``, tried again a few times where another program may hold the file."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if attempt + 1 >= REPLACE_TRIES:
                raise
            log.info("%s is held by another program; trying again", dst)
            time.sleep(REPLACE_PAUSE)


def _mode_for(target: Path) -> int:
    """The new file's mode: the old file's, else what the umask allows (not 0600)."""
    try:
        return stat.S_IMODE(target.stat().st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; keep the old file as ``.bak``."""
    target = Path(path)
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            if os.name == "posix":
                os.fchmod(fh.fileno(), _mode_for(target))
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and target.exists():
            _keep_backup(target)
        replace(tmp, target)
        fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def _keep_backup(target: Path) -> None:
    """Keep the current ``target`` as ``<name>.bak``, never leaving a partial backup.

    A hard link keeps the old content reachable without copying it; where links are
    refused the backup is written like any other file (temp file, fsync, rename), so
    a full disk leaves the previous backup whole rather than a truncated one.
    """
    bak = target.with_name(target.name + ".bak")
    link = target.with_name(f".{target.name}.bak-link")
    with contextlib.suppress(FileNotFoundError):
        link.unlink()
    try:
        os.link(target, link)
    except OSError:
        write_bytes(bak, target.read_bytes(), backup=False)
        return
    try:
        replace(link, bak)
    except BaseException:
        with contextlib.suppress(OSError):
            link.unlink()
        raise


def write_text(path: str | os.PathLike[str], text: str, *, backup: bool = True) -> None:
    write_bytes(path, text.encode("utf-8"), backup=backup)


def write_json(path: str | os.PathLike[str], value: Any, *, backup: bool = True) -> None:
    data = json.dumps(value, ensure_ascii=False, indent=1, sort_keys=False) + "\n"
    write_bytes(path, data.encode("utf-8"), backup=backup)


@dataclass
class ReadResult:
    """What :func:`read_json` found: the value, and what went wrong on the way."""

    value: Any
    path: Path
    from_backup: bool = False
    set_aside: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def message(self) -> str:
        return "; ".join(self.problems)


def _set_aside(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    dest = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while dest.exists():
        n += 1
        dest = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    replace(path, dest)
    log.warning("set aside unreadable file %s as %s", path, dest.name)
    return dest


def _read_error(path: Path, exc: OSError) -> FileReadError:
    why = exc.strerror or str(exc) or exc.__class__.__name__
    return FileReadError(exc.errno, f"{path}: cannot be read ({why}); it was left as it is")


def _read_bytes(path: Path) -> bytes:
    """The bytes of ``path``, read again after a pause when the disk reports an error."""
    for attempt in range(READ_TRIES):
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise
        except OSError as exc:
            if attempt + 1 >= READ_TRIES:
                raise _read_error(path, exc) from exc
            log.info("reading %s failed (%s); trying again", path, exc)
            time.sleep(READ_PAUSE)
    raise AssertionError("unreachable")


def _is_there(path: Path) -> bool:
    try:
        path.stat()
    except FileNotFoundError:
        return False
    except OSError as exc:  # the disk cannot say: not the same as "missing"
        raise _read_error(path, exc) from exc
    return True


def _parse(raw: bytes, validate: Callable[[Any], None] | None) -> Any:
    if not raw.strip(b"\x00 \t\r\n"):
        raise ValueError("the file is empty")
    value = json.loads(raw.decode("utf-8"))
    if validate is not None:
        validate(value)
    return value


def read_json(
    path: str | os.PathLike[str],
    *,
    default: Callable[[], Any] | None = None,
    validate: Callable[[Any], None] | None = None,
) -> ReadResult:
    """Read a JSON file written by :func:`write_json`, recovering from damage.

    ``validate`` may raise ``ValueError`` to reject a parsed value, and
    :class:`FutureVersionError` for a format version from the future: such a file,
    the main one or the backup, is left untouched and :class:`UnreadableFileError` is
    raised.  A missing file gives ``default()``.  A file that was read and does not
    parse is moved aside and its ``.bak`` is used.  If both are damaged they are set
    aside and :class:`UnreadableFileError` is raised unless a ``default`` was given,
    in which case the default is returned with the problem recorded, never silently.

    A file that exists but cannot be read (an ``OSError`` while opening or reading,
    a permission refused included) is read again a few times; if that keeps failing,
    :class:`FileReadError` is raised, whatever ``default`` says: its content is
    unknown, so neither it nor an older backup may be taken for it.
    """
    target = Path(path)
    result = ReadResult(value=None, path=target)
    bak = target.with_name(target.name + ".bak")
    if not _is_there(target) and not _is_there(bak):
        if default is None:
            raise FileNotFoundError(target)
        result.value = default()
        return result
    if _read_first_good(((target, False), (bak, True)), validate, result):
        return result
    if default is not None:
        result.value = default()
        return result
    raise UnreadableFileError(f"{target}: {result.message}")


def _read_first_good(
    candidates: tuple[tuple[Path, bool], ...],
    validate: Callable[[Any], None] | None,
    result: ReadResult,
) -> bool:
    """Fill ``result`` from the first of ``(path, is_backup)`` that parses; each one
    that does not is recorded and set aside.  False when none did."""
    for candidate, is_backup in candidates:
        try:
            raw = _read_bytes(candidate)
        except FileNotFoundError:
            continue
        try:
            result.value = _parse(raw, validate)
        except ValueError as exc:  # UnicodeDecodeError and JSONDecodeError included
            what = "backup" if is_backup else "file"
            result.problems.append(f"{candidate.name}: unreadable {what} ({exc})")
            if _is_future_version(exc):
                # Never move aside a file a newer Tongwen wrote: it is not damaged.
                raise UnreadableFileError(f"{candidate}: {exc}") from exc
            with contextlib.suppress(OSError):
                result.set_aside.append(_set_aside(candidate))
            continue
        result.from_backup = is_backup
        return True
    return False


class FutureVersionError(ValueError):
    """Raised by validators for a file written by a newer version of Tongwen."""


def _is_future_version(exc: BaseException) -> bool:
    return isinstance(exc, FutureVersionError)
