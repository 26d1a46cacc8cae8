"""One running Tongwen per library and user: a second launch hands its files over.

Who runs the window is decided by an OS lock (:class:`~desktop.core.locks.FileLock` on
``<config folder>/<key>.lock``, ``key`` derived from the library path and the user
name): the launch that holds it is the running instance, listens on a local socket
(``QLocalServer``) of the same name and keeps the lock until it quits; the operating
system drops the lock when a process dies, so a crash never blocks the next start.
A launch that cannot take the lock connects to the running instance, retrying while
that one is still starting, sends the file paths as one JSON line and exits once it
answers ``ok``; the running window imports the files if new and opens them.  If the
running instance never answers (hung), the launch says so instead of opening a second
window on the same library.

Only the lock holder removes a socket file, and only one nobody answers on (left by a
crashed instance): without the lock, two simultaneous launches could each find no
server, and the second would remove the first one's live socket and listen itself,
leaving two windows on one library.  ``TONGWEN_NO_SINGLE_INSTANCE=1`` turns the whole
mechanism off (the test suite and the self-test set it).
"""

from __future__ import annotations

import enum
import getpass
import hashlib
import json
import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from desktop.core.locks import FileLock, LockTimeout
from desktop.core.paths import config_dir

__all__ = [
    "Claim",
    "SingleInstance",
    "deliver_files",
    "instance_key",
    "single_instance_disabled",
]

log = logging.getLogger(__name__)

_TIMEOUT_MS = 2000
_MAX_MESSAGE = 1 << 20
#: How long a launch waits for the running instance to answer: it may still be opening
#: a large library, or busy on a loaded machine, before its event loop runs.
_WAIT_S = 15.0
_RETRY_S = 0.1


class Claim(enum.Enum):
    """What :meth:`SingleInstance.claim` decided for this launch."""

    PRIMARY = "primary"  # this launch holds the lock and runs the window
    HANDED_OVER = "handed over"  # the running instance took the files
    NO_ANSWER = "no answer"  # an instance holds the library but never answered


def single_instance_disabled() -> bool:
    """True when ``TONGWEN_NO_SINGLE_INSTANCE`` is set to a true value."""
    value = os.environ.get("TONGWEN_NO_SINGLE_INSTANCE", "").strip().lower()
    return value in ("1", "true", "yes")


def _user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):  # no login name (some containers)
        return str(os.getuid()) if hasattr(os, "getuid") else "user"


def instance_key(library: Path, user: str | None = None) -> str:
    """The local socket name for one library and user: short, stable, path-safe."""
    who = user if user is not None else _user()
    digest = hashlib.sha256(f"{who}\0{Path(library).resolve()}".encode()).hexdigest()
    return f"tongwen-{digest[:20]}"


class SingleInstance(QObject):
    """The lock and local-socket rendezvous between a running instance and a new launch."""

    #: Absolute paths a later launch handed over (may be empty: just show the window).
    filesReceived = Signal(list)

    def __init__(
        self, key: str, parent: QObject | None = None, *, lock_path: Path | None = None
    ) -> None:
        super().__init__(parent)
        self.key = key
        self.lock_path = lock_path if lock_path is not None else config_dir() / f"{key}.lock"
        self.server: QLocalServer | None = None
        self._lock: FileLock | None = None

    @property
    def holds_lock(self) -> bool:
        return self._lock is not None

    def claim(self, files: Sequence[str | os.PathLike[str]], wait_s: float = _WAIT_S) -> Claim:
        """Become the running instance, or hand ``files`` to the one that is.

        Waits up to ``wait_s`` for a running instance that is still starting (it holds
        the lock but does not listen or answer yet); takes over if it quits meanwhile.
        """
        deadline = time.monotonic() + wait_s
        while True:
            if self.listen():
                return Claim.PRIMARY
            answer = self._hand_over(files, deadline)
            if answer is not None:
                return Claim.HANDED_OVER if answer else Claim.NO_ANSWER
            if time.monotonic() >= deadline:
                log.warning("no running instance answered on %s for %.0f s", self.key, wait_s)
                return Claim.NO_ANSWER
            time.sleep(_RETRY_S)

    # ------------------------------------------------------------ second launch
    def send(self, files: Sequence[str | os.PathLike[str]], timeout_ms: int = _TIMEOUT_MS) -> bool:
        """Hand ``files`` to a running instance; False when none answers."""
        return self._hand_over(files, time.monotonic() + timeout_ms / 1000) is True

    def _hand_over(self, files: Sequence[str | os.PathLike[str]], deadline: float) -> bool | None:
        """True: the running instance took ``files``; False: it never answered.

        None when nobody could be reached (not listening yet, or it quit before
        answering): the caller may try again, or take the lock itself.
        """
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(_ms_until(deadline, at_least=50)):
            return None
        paths = [str(Path(f).expanduser().resolve()) for f in files]
        socket.write((json.dumps({"files": paths}) + "\n").encode("utf-8"))
        socket.flush()
        reply = bytearray()
        while b"\n" not in reply and socket.waitForReadyRead(_ms_until(deadline, at_least=1)):
            reply += bytes(socket.readAll().data())
        reply += bytes(socket.readAll().data())
        gone = socket.state() == QLocalSocket.LocalSocketState.UnconnectedState
        socket.abort()
        if bytes(reply).strip() == b"ok":
            return True
        if not reply and gone and time.monotonic() < deadline:
            return None  # it quit (or crashed) before answering: try again
        log.warning("the running instance on %s did not take the files: %r", self.key, reply)
        return False

    # ----------------------------------------------------------- first launch
    def listen(self) -> bool:
        """Become the running instance: take the lock, then answer later launches.

        False when another instance holds the lock, or a live instance that does not
        take it (an older Tongwen) answers on the socket; its socket is never removed.
        """
        if not self._take_lock():
            return False
        if self.server is not None:
            return True
        if self._someone_answers():
            log.warning("an instance without the lock owns %s; deferring to it", self.key)
            self._release_lock()
            return False
        QLocalServer.removeServer(self.key)  # nobody answers: left by a crashed instance
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            # Still the running instance (the lock says so), but unreachable.
            log.error(
                "cannot listen on %s: %s; later launches will report no answer",
                self.key,
                server.errorString(),
            )
            return True
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _take_lock(self) -> bool:
        if self._lock is not None:
            return True
        lock = FileLock(self.lock_path, timeout=0)
        try:
            self.lock_path.parent.mkdir(parents=True, exist_ok=True)
            lock.acquire()
        except LockTimeout:
            return False
        except OSError as exc:
            # No lock file possible (read-only config folder): fall back to the socket
            # alone, which still never removes a socket someone answers on.
            log.warning("single instance without a lock (%s): %s", self.lock_path, exc)
            return True
        self._lock = lock
        return True

    def _release_lock(self) -> None:
        lock, self._lock = self._lock, None
        if lock is not None:
            lock.release()

    def _someone_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.key)
        alive = probe.waitForConnected(300)
        probe.abort()
        return alive

    def close(self) -> None:
        """Stop listening, remove the socket, then let the next launch take the lock."""
        if self.server is not None:
            self.server.close()
            self.server = None
        self._release_lock()

    def _accept(self) -> None:
        while self.server is not None and self.server.hasPendingConnections():
            socket = self.server.nextPendingConnection()
            buffer = bytearray()
            socket.readyRead.connect(lambda s=socket, b=buffer: self._read(s, b))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._read(socket, buffer)

    def _read(self, socket: QLocalSocket, buffer: bytearray) -> None:
        buffer += bytes(socket.readAll().data())
        if len(buffer) > _MAX_MESSAGE:
            log.warning("single instance: message too long, dropped")
            socket.abort()
            return
        if b"\n" not in buffer:
            return
        files = _parse_message(bytes(buffer).split(b"\n", 1)[0])
        socket.write(b"ok\n" if files is not None else b"bad\n")
        socket.flush()
        socket.disconnectFromServer()
        if files is not None:
            self.filesReceived.emit(files)


def _ms_until(deadline: float, *, at_least: int) -> int:
    return max(at_least, int((deadline - time.monotonic()) * 1000))


def _parse_message(line: bytes) -> list[str] | None:
    try:
        message = json.loads(line.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        log.warning("single instance: unreadable message %r", line[:80])
        return None
    files = message.get("files") if isinstance(message, dict) else None
    if not isinstance(files, list) or not all(isinstance(f, str) for f in files):
        log.warning("single instance: message without a file list")
        return None
    return files


def deliver_files(window: object, files: list[str], attempts: int = 20) -> None:
    """Bring ``window`` forward and have it import and open ``files``.

    ``window`` is a :class:`~desktop.ui.app.main_window.MainWindow`; while it is busy with
    another import the hand-off is retried every half second.
    """
    from desktop.ui.app.main_window import MainWindow

    assert isinstance(window, MainWindow)
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    if not files:
        return
    task = window.import_paths([Path(f) for f in files], open_single=True)
    if task is None and attempts > 0:
        QTimer.singleShot(500, lambda: deliver_files(window, files, attempts - 1))
