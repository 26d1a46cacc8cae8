"""Atomic, crash-safe writes and careful reads of user data.

Every file the user could lose goes through here: write a temp file in the same
folder, flush, fsync, keep the previous version as ``<name>.bak``, ``os.replace``,
then fsync the folder.  A file that does not parse is moved aside as
``<name>.corrupt-<time>`` and the backup is used; nothing is ever loaded as empty and
then saved over.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "FutureVersionError",
    "ReadResult",
    "UnreadableFileError",
    "read_json",
    "write_bytes",
    "write_json",
    "write_text",
]

log = logging.getLogger(__name__)


class UnreadableFileError(Exception):
    """Neither a file nor its backup could be read; both are left where they are."""


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems refuse fsync on a folder
        pass
    finally:
        os.close(fd)


def write_bytes(path: str | os.PathLike[str], data: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``data`` atomically; keep the old file as ``.bak``."""
    target = Path(path)
    folder = target.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if backup and target.exists():
            bak = target.with_name(target.name + ".bak")
            # A hard link keeps the old content reachable without a window in which
            # neither version exists; fall back to a copy where links are refused.
            with contextlib.suppress(FileNotFoundError):
                bak.unlink()
            try:
                os.link(target, bak)
            except OSError:
                bak.write_bytes(target.read_bytes())
        os.replace(tmp, target)
        _fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
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
    os.replace(path, dest)
    log.warning("set aside unreadable file %s as %s", path, dest.name)
    return dest


def _parse(path: Path, validate: Callable[[Any], None] | None) -> Any:
    raw = path.read_bytes()
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

    ``validate`` may raise ``ValueError`` to reject a parsed value (for example a
    format version from the future).  A missing file gives ``default()``.  A damaged
    file is moved aside and its ``.bak`` is used.  If both are unreadable the damaged
    files are set aside and :class:`UnreadableFileError` is raised unless a
    ``default`` was given, in which case the default is returned with the problem
    recorded, never silently.
    """
    target = Path(path)
    result = ReadResult(value=None, path=target)
    bak = target.with_name(target.name + ".bak")
    if not target.exists() and not bak.exists():
        if default is None:
            raise FileNotFoundError(target)
        result.value = default()
        return result
    for candidate, is_backup in ((target, False), (bak, True)):
        if not candidate.exists():
            continue
        try:
            result.value = _parse(candidate, validate)
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            what = "backup" if is_backup else "file"
            result.problems.append(f"{candidate.name}: unreadable {what} ({exc})")
            if isinstance(exc, PermissionError):
                continue
            if not is_backup and _is_future_version(exc):
                # Never move aside a file a newer Tongwen wrote: it is not damaged.
                raise UnreadableFileError(f"{candidate}: {exc}") from exc
            with contextlib.suppress(OSError):
                result.set_aside.append(_set_aside(candidate))
            continue
        result.from_backup = is_backup
        return result
    if default is not None:
        result.value = default()
        return result
    raise UnreadableFileError(f"{target}: {result.message}")


class FutureVersionError(ValueError):
    """Raised by validators for a file written by a newer version of Tongwen."""


def _is_future_version(exc: BaseException) -> bool:
    return isinstance(exc, FutureVersionError)
