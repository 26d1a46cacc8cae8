"""Hearing at once which document folders another process changed (Linux: inotify).

A sync tool (Syncthing, Dropbox, a NAS client) adds, removes and rewrites document
folders while Tongwen is open.  Looking at every folder's signature finds those changes
(:meth:`~desktop.core.library_folders.FolderReading.check_folders`), but at 100,000
documents a look costs a second of ``stat`` calls, so it cannot run every few seconds.
:func:`watch_folders` asks the kernel instead: one inotify watch on the library's
``docs`` folder (folders added, removed, renamed) and one on each document folder
(``meta.json`` or ``annotations.json`` written in place or replaced by a rename, a
conflict copy arriving).  A daemon thread reads the events and gathers the names of the
folders they concern; :meth:`FolderWatch.take` hands them over, and ``notify()`` (called
from that thread) says there is something to take.

The watches are added by the thread itself, after :func:`watch_folders` returned (at
100,000 folders this takes a second or two, never before the window's first paint).
What inotify cannot promise is said by :attr:`FolderWatch.complete`: false when the
watch limit was reached, a folder could not be watched, or the library is on a network
file system (whose changes made on other machines raise no event); the caller then goes
on looking at every folder now and then.  An overflow of the kernel's queue, and the
moment every watch is in place, are handed over as "everything" (a change may have been
missed: look at every folder once).

Only Linux has inotify; elsewhere (or when the kernel refuses one) :func:`watch_folders`
returns None and says why in the log, and the caller keeps looking now and then.
No dependency: ``ctypes`` and the C library.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import errno
import logging
import os
import select
import struct
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

__all__ = [
    "WATCH_SHARE",
    "Changes",
    "FolderWatch",
    "kernel_watch_count",
    "network_file_system",
    "unsupported_reason",
    "watch_folders",
]

log = logging.getLogger(__name__)

# <sys/inotify.h>
IN_MODIFY = 0x00000002
IN_ATTRIB = 0x00000004
IN_CLOSE_WRITE = 0x00000008
IN_MOVED_FROM = 0x00000040
IN_MOVED_TO = 0x00000080
IN_CREATE = 0x00000100
IN_DELETE = 0x00000200
IN_DELETE_SELF = 0x00000400
IN_MOVE_SELF = 0x00000800
IN_UNMOUNT = 0x00002000
IN_Q_OVERFLOW = 0x00004000
IN_IGNORED = 0x00008000
IN_ONLYDIR = 0x01000000
IN_ISDIR = 0x40000000
IN_NONBLOCK = 0o4000
IN_CLOEXEC = 0o2000000

#: The ``docs`` folder: entries added, removed, renamed; the folder itself going.
_DOCS_MASK = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF
#: A document folder: an entry added, removed or renamed (a file replaced by rename, a
#: conflict copy), a file written and closed, a time or mode changed.  Not
#: ``IN_MODIFY``: a big original arriving would raise one per write; its close is enough.
_FOLDER_MASK = (
    IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_CLOSE_WRITE | IN_ATTRIB
    | IN_DELETE_SELF | IN_MOVE_SELF
)  # fmt: skip
_EVENT = struct.Struct("iIII")  # wd, mask, cookie, len (then the name, NUL-padded)
#: At most this share of ``fs.inotify.max_user_watches`` is taken: the user's other
#: programs (an editor, a file manager, a sync tool) need watches too.
WATCH_SHARE = 0.75
_MAX_WATCHES = Path("/proc/sys/fs/inotify/max_user_watches")
#: Watches added between two looks at the events and at :meth:`FolderWatch.close`.
_CHUNK = 1000
#: File systems whose changes made elsewhere raise no inotify event here.
_NETWORK_TYPES = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb3", "smbfs", "ncpfs", "afs", "9p", "ceph", "glusterfs",
        "lustre", "gpfs", "ocfs2", "gfs2", "davfs", "coda", "fuse.sshfs", "fuse.rclone",
        "fuse.s3fs", "fuse.glusterfs", "fuse.gcsfuse", "fuse.davfs2",
    }
)  # fmt: skip


class Changes(NamedTuple):
    """What :meth:`FolderWatch.take` hands over."""

    #: Names (in ``docs``) of the folders added, removed or changed.
    names: frozenset[str]
    #: A change may have been missed (the kernel's queue overflowed, the watches have
    #: just been set up, the ``docs`` folder itself moved): look at every folder.
    everything: bool

    def __bool__(self) -> bool:
        return self.everything or bool(self.names)


class _Libc:
    """The three inotify calls of the C library, through ctypes."""

    def __init__(self) -> None:
        name = ctypes.util.find_library("c")
        lib = ctypes.CDLL(name, use_errno=True)
        self.init1 = lib.inotify_init1
        self.init1.argtypes, self.init1.restype = [ctypes.c_int], ctypes.c_int
        self.add_watch = lib.inotify_add_watch
        self.add_watch.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_uint32]
        self.add_watch.restype = ctypes.c_int
        self.rm_watch = lib.inotify_rm_watch
        self.rm_watch.argtypes, self.rm_watch.restype = [ctypes.c_int, ctypes.c_int], ctypes.c_int


_libc: _Libc | None = None


def unsupported_reason() -> str | None:
    """Why :func:`watch_folders` cannot watch on this system; None when it can."""
    global _libc
    if not sys.platform.startswith("linux"):
        return f"no inotify on {sys.platform}"
    if _libc is None:
        try:
            _libc = _Libc()
        except (OSError, AttributeError) as exc:
            return f"the C library has no inotify ({exc})"
    return None


def watch_folders(docs_dir: Path, notify: Callable[[], None]) -> FolderWatch | None:
    """Watch ``docs_dir`` and every folder in it; None (logged) when this system cannot.

    ``notify()`` is called from the watching thread whenever :meth:`FolderWatch.take`
    has something new to hand over (not for each event: once until it is taken)."""
    reason = unsupported_reason()
    if reason is None:
        assert _libc is not None
        fd = _libc.init1(IN_NONBLOCK | IN_CLOEXEC)
        if fd < 0:
            code = ctypes.get_errno()
            reason = f"the kernel refused an inotify instance ({os.strerror(code)})"
            if code == errno.EMFILE:
                reason += "; fs.inotify.max_user_instances is reached"
    if reason is not None:
        log.info("document folders are not watched: %s; they are checked now and then", reason)
        return None
    assert _libc is not None
    return FolderWatch(_libc, fd, docs_dir, notify)


def network_file_system(path: Path, mountinfo: str = "/proc/self/mountinfo") -> str | None:
    """The type of the network file system ``path`` is on (``nfs4``, ``cifs``...), or
    None (a local one, or unknown), from the mount table ``mountinfo``."""
    try:
        with open(mountinfo, encoding="utf-8", errors="surrogateescape") as fh:
            lines = fh.read().splitlines()
        where = os.path.realpath(path)
    except OSError:
        return None
    best, fs_type = "", ""
    for line in lines:
        fields = line.split(" ")
        try:
            point = _unescape(fields[4])
            kind = fields[fields.index("-", 6) + 1]
        except (IndexError, ValueError):
            continue
        inside = where == point or where.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fs_type = point, kind
    return fs_type if fs_type in _NETWORK_TYPES else None


def _unescape(field: str) -> str:
    """A mountinfo path (spaces and the like written as ``\\040``)."""
    if "\\" not in field:
        return field
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and field[i + 1 : i + 4].isdigit():
            out.append(chr(int(field[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def _watch_limit() -> int | None:
    try:
        return int(_MAX_WATCHES.read_text().strip())
    except (OSError, ValueError):
        return None


def kernel_watch_count(fd: int) -> int:
    """How many watches the kernel holds for the inotify instance ``fd`` of this
    process (``/proc/self/fdinfo``); -1 when it cannot tell."""
    try:
        with open(f"/proc/self/fdinfo/{fd}", encoding="ascii", errors="replace") as fh:
            return sum(1 for line in fh if line.startswith("inotify wd:"))
    except OSError:
        return -1


class _WatchNames:
    """Watch → folder name.  The kernel hands an instance's watches out in increasing
    order from 1, so they index a list (100,000 folders: 12 MB with their names, where
    a dict each way took 23); one far beyond goes to a dict."""

    _FAR = 1 << 20

    def __init__(self) -> None:
        self._slots: list[str | None] = []
        self._far: dict[int, str] = {}
        self.count = 0

    def get(self, wd: int) -> str | None:
        if wd < len(self._slots):
            return self._slots[wd]
        return self._far.get(wd)

    def put(self, wd: int, name: str) -> None:
        if wd >= len(self._slots) and wd - len(self._slots) < self._FAR:
            self._slots.extend([None] * (wd + 1 - len(self._slots)))
        if wd < len(self._slots):
            self.count += self._slots[wd] is None
            self._slots[wd] = name
        else:
            self.count += wd not in self._far
            self._far[wd] = name

    def pop(self, wd: int) -> None:
        if wd < len(self._slots):
            self.count -= self._slots[wd] is not None
            self._slots[wd] = None
        elif self._far.pop(wd, None) is not None:
            self.count -= 1

    def names(self) -> set[str]:
        return {n for n in self._slots if n is not None} | set(self._far.values())


class FolderWatch:
    """An inotify instance on a library's ``docs`` folder and its document folders,
    read by a daemon thread; made by :func:`watch_folders`, ended by :meth:`close`."""

    def __init__(self, libc: _Libc, fd: int, docs_dir: Path, notify: Callable[[], None]) -> None:
        self.docs_dir = docs_dir
        self.fd = fd
        self._libc = libc
        self._notify = notify
        self._docs = os.fsencode(docs_dir)
        self._lock = threading.Lock()
        self._names: set[str] = set()
        self._everything = False
        self._docs_wd = -1
        self._name_of = _WatchNames()  # watch → folder name
        #: Folders that should have a watch and have none (the limit, an error).
        self._short = False
        self._limit_logged = False
        limit = _watch_limit()
        self._budget = int(limit * WATCH_SHARE) if limit is not None else None
        self.network = network_file_system(docs_dir)
        #: Seconds the thread took to add every watch (None until it has).
        self.setup_seconds: float | None = None
        self._ready = threading.Event()
        self._closing = False
        self._wake_r, self._wake_w = os.pipe2(os.O_NONBLOCK | os.O_CLOEXEC)
        self._thread = threading.Thread(target=self._run, name="folder-watch", daemon=True)
        self._thread.start()

    # ------------------------------------------------------------ the caller's
    @property
    def ready(self) -> bool:
        """Whether the thread has added every watch it could."""
        return self._ready.is_set()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    @property
    def complete(self) -> bool:
        """Whether every change to a document folder raises an event here: every folder
        watched, the ``docs`` folder too, and not on a network file system."""
        return (
            self.ready and not self._short and self._docs_wd >= 0 and self.network is None
            and self._thread.is_alive()
        )  # fmt: skip

    @property
    def watch_count(self) -> int:
        """Watches held (the ``docs`` folder's and the document folders')."""
        with self._lock:
            return self._name_of.count + (self._docs_wd >= 0)

    def pending(self) -> bool:
        with self._lock:
            return self._everything or bool(self._names)

    def take(self) -> Changes:
        """The changes heard since the last call, and forget them."""
        with self._lock:
            taken = Changes(frozenset(self._names), self._everything)
            self._names = set()
            self._everything = False
        return taken

    def close(self, timeout: float = 5.0) -> None:
        """Stop the thread (it closes the inotify instance and so every watch)."""
        if self._closing:
            return
        self._closing = True
        try:
            os.write(self._wake_w, b"x")
        except OSError:
            pass
        self._thread.join(timeout)
        if self._thread.is_alive():
            log.warning("the folder watch did not stop within %.0f s", timeout)
            return
        os.close(self._wake_w)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    # ------------------------------------------------------------ the thread's
    def _run(self) -> None:
        try:
            began = time.monotonic()
            self._docs_wd = self._add(self._docs, _DOCS_MASK)
            if self._docs_wd < 0:
                log.warning("cannot watch %s; its folders are checked now and then", self.docs_dir)
                return
            self._add_folders(os.listdir(self.docs_dir))
            if self._closing:
                return
            self.setup_seconds = time.monotonic() - began
            log.info(
                "watching %d document folders (%.1f s to set up)%s",
                self._name_of.count, self.setup_seconds,
                f"; {self.network} is a network file system: changes made on other "
                "machines are found by the regular checks" if self.network else "",
            )  # fmt: skip
            self._ready.set()
            self._mark(everything=True)  # what changed before a folder's watch was added
            self._listen()
        except Exception:  # never take the window down: the checks go on without it
            log.exception("the folder watch stopped")
        finally:
            self._ready.set()
            os.close(self.fd)  # drops every watch
            os.close(self._wake_r)
            if not self._closing:  # nothing more is heard: every folder is looked at again
                self._short = True
                self._mark(everything=True)

    def _listen(self) -> None:
        poller = select.poll()
        poller.register(self.fd, select.POLLIN)
        poller.register(self._wake_r, select.POLLIN)
        while not self._closing:
            for fd, _flags in poller.poll():
                if fd == self._wake_r:
                    return
            self._read_events()

    def _add_folders(self, names: list[str]) -> None:
        with self._lock:
            watched = self._name_of.names()
        for start in range(0, len(names), _CHUNK):
            if self._closing:
                return
            for name in names[start : start + _CHUNK]:
                if not name.startswith(".") and name not in watched:
                    self._add_folder(name)
            self._read_events()  # the queue does not overflow while the watches are added

    def _add_folder(self, name: str) -> None:
        if self._budget is not None and self._name_of.count + 1 >= self._budget:
            self._limit_reached(f"{WATCH_SHARE:.0%} of fs.inotify.max_user_watches")
            return
        wd = self._add(self._docs + b"/" + os.fsencode(name), _FOLDER_MASK | IN_ONLYDIR)
        if wd >= 0:  # a folder renamed keeps its watch: the same one, named anew
            with self._lock:  # interned: the library holds the same ids (11 MB a copy)
                self._name_of.put(wd, sys.intern(name))

    def _add(self, path: bytes, mask: int) -> int:
        """A watch on ``path``; -1 when there is none (a file, gone, the limit)."""
        if self._limit_logged:
            self._short = True
            return -1
        wd = int(self._libc.add_watch(self.fd, path, mask))
        if wd >= 0:
            return wd
        code = ctypes.get_errno()
        if code == errno.ENOSPC:
            self._limit_reached("fs.inotify.max_user_watches")
        elif code not in (errno.ENOENT, errno.ENOTDIR):  # gone, or not a folder: fine
            if not self._short:  # the first only: not a line for each of 100,000
                log.info("cannot watch %s: %s", os.fsdecode(path), os.strerror(code))
            self._short = True
        return -1

    def _limit_reached(self, what: str) -> None:
        self._short = True
        if not self._limit_logged:
            self._limit_logged = True
            log.warning(
                "the inotify watch limit (%s) is reached after %d document folders; the "
                "others are checked now and then (raise fs.inotify.max_user_watches to "
                "watch them all)", what, self._name_of.count,
            )  # fmt: skip

    def _read_events(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 1 << 16)
            except BlockingIOError:
                return
            except InterruptedError:
                continue
            if not data:
                return
            self._handle(data)

    def _handle(self, data: bytes) -> None:
        names: set[str] = set()
        everything, rescan = False, False
        offset = 0
        while offset + _EVENT.size <= len(data):
            wd, mask, _cookie, length = _EVENT.unpack_from(data, offset)
            start = offset + _EVENT.size
            offset = start + length
            name = os.fsdecode(data[start:offset].split(b"\0", 1)[0]) if length else ""
            if mask & IN_Q_OVERFLOW:
                everything, rescan = True, True
            elif wd == self._docs_wd:
                if mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED | IN_UNMOUNT):
                    everything = True  # the docs folder itself went: nothing more to hear
                    self._short = True
                    if mask & IN_IGNORED:
                        self._docs_wd = -1
                elif name and not name.startswith("."):
                    names.add(name)
                    if mask & (IN_CREATE | IN_MOVED_TO) and mask & IN_ISDIR:
                        self._add_folder(name)  # before its name is handed over
            else:
                folder = self._name_of.get(wd)
                if folder is None:
                    continue  # a watch dropped meanwhile
                if mask & IN_IGNORED:  # the folder went
                    with self._lock:
                        self._name_of.pop(wd)
                names.add(folder)
        if rescan:  # folders created while events were lost have no watch yet
            try:
                self._add_folders(os.listdir(self.docs_dir))
            except OSError:
                pass
        if names or everything:
            self._mark(names, everything)

    def _mark(self, names: set[str] | None = None, everything: bool = False) -> None:
        with self._lock:
            was = self._everything or bool(self._names)
            if names:
                self._names |= names
            self._everything = self._everything or everything
            now = self._everything or bool(self._names)
        if now and not was:
            try:
                self._notify()
            except Exception:
                log.exception("the folder watch's listener failed")
