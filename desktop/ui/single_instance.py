"""One running Tongwen per library and user: a second launch hands its files over.

The first instance listens on a local socket (``QLocalServer``) whose name is derived
from the library path and the user name.  A later ``tongwen FILE…`` for the same
library connects, sends the file paths as one JSON line and exits once the running
instance answers ``ok``; the running window imports the files if new and opens them.

A socket left behind by a crashed instance is detected (nobody answers on it) and
replaced.  ``TONGWEN_NO_SINGLE_INSTANCE=1`` turns the whole mechanism off (the test
suite and the self-test set it).
"""

from __future__ import annotations

import getpass
import hashlib
import json
import logging
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

__all__ = ["SingleInstance", "deliver_files", "instance_key", "single_instance_disabled"]

log = logging.getLogger(__name__)

_TIMEOUT_MS = 2000
_MAX_MESSAGE = 1 << 20


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
    """The local-socket rendezvous between a running instance and a new launch."""

    #: Absolute paths a later launch handed over (may be empty: just show the window).
    filesReceived = Signal(list)

    def __init__(self, key: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.server: QLocalServer | None = None

    # ------------------------------------------------------------ second launch
    def send(self, files: Sequence[str | os.PathLike[str]], timeout_ms: int = _TIMEOUT_MS) -> bool:
        """Hand ``files`` to a running instance; False when none answers."""
        socket = QLocalSocket()
        socket.connectToServer(self.key)
        if not socket.waitForConnected(timeout_ms):
            return False
        paths = [str(Path(f).expanduser().resolve()) for f in files]
        socket.write((json.dumps({"files": paths}) + "\n").encode("utf-8"))
        socket.flush()
        reply = bytearray()
        while b"\n" not in reply and socket.waitForReadyRead(timeout_ms):
            reply += bytes(socket.readAll().data())
        reply += bytes(socket.readAll().data())
        socket.abort()
        return bytes(reply).strip() == b"ok"

    # ----------------------------------------------------------- first launch
    def listen(self) -> bool:
        """Start answering later launches; a stale socket from a crash is replaced."""
        if self._someone_answers():
            log.warning("another instance owns %s; not listening", self.key)
            return False
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.key):
            QLocalServer.removeServer(self.key)  # left behind by a crashed instance
            if not server.listen(self.key):
                log.warning("cannot listen on %s: %s", self.key, server.errorString())
                return False
        server.newConnection.connect(self._accept)
        self.server = server
        return True

    def _someone_answers(self) -> bool:
        probe = QLocalSocket()
        probe.connectToServer(self.key)
        alive = probe.waitForConnected(300)
        probe.abort()
        return alive

    def close(self) -> None:
        """Stop listening and remove the socket."""
        if self.server is not None:
            self.server.close()
            self.server = None

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

    ``window`` is a :class:`~desktop.ui.main_window.MainWindow`; while it is busy with
    another import the hand-off is retried every half second.
    """
    from desktop.ui.main_window import MainWindow

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
