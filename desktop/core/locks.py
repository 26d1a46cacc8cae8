"""An advisory lock on a file, shared by every process that saves annotations.

``fcntl.flock`` on Linux and macOS, ``msvcrt.locking`` on Windows, on a separate
lock file (``annotations.json.lock``) so that atomic replacement of the data file
does not drop the lock.  The operating system releases the lock when a process
dies, so a crash never leaves the file locked.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType

__all__ = ["FileLock", "LockTimeout"]


class LockTimeout(OSError):
    """Another process held the lock for longer than we were willing to wait."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class FileLock:
    """An exclusive lock on ``path`` (created if missing); use as a context manager."""

    def __init__(self, path: Path, *, timeout: float = 10.0) -> None:
        self.path = path
        self.timeout = timeout
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LockTimeout(
                    f"{self.path}: another Tongwen process has held this lock for "
                    f"{self.timeout:.0f} s"
                )
            time.sleep(delay)
            delay = min(delay * 2, 0.1)
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def __enter__(self) -> FileLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()
