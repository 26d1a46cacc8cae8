"""A second launch hands its files to the running instance over a local socket."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QProcess
from PySide6.QtNetwork import QLocalServer

from desktop.ui.app.single_instance import (
    Claim,
    SingleInstance,
    deliver_files,
    instance_key,
    single_instance_disabled,
)

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A fresh instance key; its socket file is removed at the end (killed helpers leave it)."""
    monkeypatch.delenv("TONGWEN_NO_SINGLE_INSTANCE", raising=False)
    name = f"tongwen-test-{uuid.uuid4().hex[:12]}"
    yield name
    QLocalServer.removeServer(name)


_SEND = (
    "import sys, json; from PySide6.QtCore import QCoreApplication; "
    "from desktop.ui.app.single_instance import SingleInstance; app = QCoreApplication([]); "
    "sys.exit(0 if SingleInstance(sys.argv[1]).send(json.loads(sys.argv[2])) else 3)"
)


def _hand_over(qtbot, key: str, files: list[str]) -> bool:  # type: ignore[no-untyped-def]
    """The second launch, in its own process (as in real use), while this one answers."""
    proc = subprocess.Popen([sys.executable, "-c", _SEND, key, json.dumps(files)], cwd=REPO)
    qtbot.waitUntil(lambda: proc.poll() is not None, timeout=15_000)
    return proc.returncode == 0


def test_key_depends_on_library_and_user(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    assert instance_key(a, "alice") == instance_key(a, "alice")
    assert instance_key(a, "alice") != instance_key(b, "alice")
    assert instance_key(a, "alice") != instance_key(a, "bob")
    assert instance_key(a).startswith("tongwen-") and "/" not in instance_key(a)


def test_disabled_by_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TONGWEN_NO_SINGLE_INSTANCE", "1")
    assert single_instance_disabled()
    monkeypatch.delenv("TONGWEN_NO_SINGLE_INSTANCE")
    assert not single_instance_disabled()


def test_send_without_a_running_instance_returns_false(key: str) -> None:
    assert SingleInstance(key).send(["x.txt"], timeout_ms=200) is False


def test_files_reach_the_running_instance(qtbot, key: str, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(key)
    assert first.listen()
    received: list[list[str]] = []
    first.filesReceived.connect(received.append)
    doc = tmp_path / "文章.txt"
    doc.write_text("社会工作", encoding="utf-8")
    assert _hand_over(qtbot, key, [str(doc)]) is True
    qtbot.waitUntil(lambda: bool(received), timeout=3000)
    assert received == [[str(doc.resolve())]]
    first.close()


def test_a_stale_socket_is_replaced(qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    import socket as unix

    path = Path(QDir.tempPath()) / key
    dead = unix.socket(unix.AF_UNIX)
    dead.bind(str(path))  # bound, never listening: what a crashed instance leaves
    dead.close()
    assert path.exists()
    guard = SingleInstance(key)
    assert guard.listen()
    assert _hand_over(qtbot, key, []) is True
    guard.close()


def test_second_listener_on_a_live_key_refuses(key: str) -> None:
    first = SingleInstance(key)
    assert first.listen()
    second = SingleInstance(key)
    assert not second.listen()
    first.close()


def test_garbage_is_answered_and_ignored(qtbot, key: str) -> None:  # type: ignore[no-untyped-def]
    first = SingleInstance(key)
    assert first.listen()
    received: list[list[str]] = []
    first.filesReceived.connect(received.append)
    raw = QProcess()
    script = (
        "import sys; from PySide6.QtNetwork import QLocalSocket; s = QLocalSocket(); "
        "s.connectToServer(sys.argv[1]); s.waitForConnected(3000); "
        "s.write(sys.argv[2].encode() + bytes([10])); s.flush(); s.waitForReadyRead(3000); "
        "sys.stdout.write(bytes(s.readAll().data()).decode())"
    )
    raw.start(sys.executable, ["-c", script, key, json.dumps({"files": "not a list"})])
    qtbot.waitUntil(lambda: raw.state() == QProcess.ProcessState.NotRunning, timeout=15_000)
    assert bytes(raw.readAllStandardOutput().data()).strip() == b"bad"
    assert received == []
    first.close()


def test_window_imports_and_opens_handed_files(qtbot, main_window, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = tmp_path / "新文章.txt"
    doc.write_text("第一行标题\n\n这是一篇新的文章，讲社区里的图书馆。\n", encoding="utf-8")
    deliver_files(main_window, [str(doc)])
    qtbot.waitUntil(lambda: main_window.reader.doc_id is not None, timeout=10_000)
    record = main_window.library.get(main_window.reader.doc_id)
    assert record.original_name == doc.name


# ---------------------------------------------------------------- the lock decides
_RUNNING = """
import sys, time
from PySide6.QtCore import QCoreApplication
from desktop.ui.app.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(sys.argv[1])
print("listening" if guard.listen() else "refused", flush=True)
guard.filesReceived.connect(lambda files: print("received", *files, flush=True))
time.sleep(float(sys.argv[2]))  # still starting: listening, not answering yet
app.exec()
"""

_LOCK_HOLDER = """
import sys, time
from pathlib import Path
from desktop.core.locks import FileLock
with FileLock(Path(sys.argv[1]), timeout=0):
    print("locked", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def processes() -> Iterator[list[subprocess.Popen[str]]]:
    """Helper processes, each in its own group, killed (and resumed first) at the end."""
    if sys.platform == "win32":
        pytest.skip("stops and kills process groups (POSIX signals)")
    started: list[subprocess.Popen[str]] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGCONT)
            os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()


def _start(
    processes: list[subprocess.Popen[str]], script: str, *args: str
) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", script, *args],
        cwd=REPO,
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    processes.append(proc)
    return proc


def test_a_launch_waits_for_an_instance_that_answers_late(key: str, processes) -> None:  # type: ignore[no-untyped-def]
    """The running instance listens but its event loop starts 3 s later (a slow start).

    A 2 s answer timeout used to make the launch give up and open a second window.
    """
    running = _start(processes, _RUNNING, key, "3")
    assert running.stdout is not None and running.stdout.readline().strip() == "listening"
    launch = SingleInstance(key)
    assert launch.claim(["late.txt"], wait_s=15) is Claim.HANDED_OVER
    assert running.stdout.readline().split()[0] == "received"
    assert launch.server is None and not launch.holds_lock


def test_a_hung_instance_is_reported_and_its_socket_kept(key: str, processes) -> None:  # type: ignore[no-untyped-def]
    running = _start(processes, _RUNNING, key, "0")
    assert running.stdout is not None and running.stdout.readline().strip() == "listening"
    os.killpg(running.pid, signal.SIGSTOP)
    launch = SingleInstance(key)
    assert launch.claim(["x.txt"], wait_s=1.0) is Claim.NO_ANSWER
    assert launch.server is None and not launch.holds_lock
    os.killpg(running.pid, signal.SIGCONT)
    assert SingleInstance(key).claim([], wait_s=15) is Claim.HANDED_OVER  # still reachable


def test_only_the_lock_holder_runs_and_its_death_frees_the_library(key: str, processes) -> None:  # type: ignore[no-untyped-def]
    """A lock holder that never listens (hung while starting) keeps every launch out;
    when it dies the operating system drops its lock and the next launch runs."""
    launch = SingleInstance(key)
    launch.lock_path.parent.mkdir(parents=True, exist_ok=True)
    holder = _start(processes, _LOCK_HOLDER, str(launch.lock_path))
    assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
    assert launch.listen() is False
    assert launch.claim([], wait_s=0.5) is Claim.NO_ANSWER
    holder.kill()
    holder.wait()
    assert launch.claim([], wait_s=5) is Claim.PRIMARY
    assert launch.server is not None and launch.holds_lock
    launch.close()
    assert not launch.holds_lock


def test_a_live_socket_without_the_lock_is_never_removed(qtbot, key: str, processes) -> None:  # type: ignore[no-untyped-def]
    """An instance that does not take the lock (an older Tongwen) keeps its socket."""
    foreign = _start(processes, _FOREIGN_SERVER, key)
    assert foreign.stdout is not None and foreign.stdout.readline().strip() == "listening"
    launch = SingleInstance(key)
    assert launch.listen() is False
    assert not launch.holds_lock
    assert _hand_over(qtbot, key, []) is True  # the foreign instance still answers


_FOREIGN_SERVER = """
import sys
from PySide6.QtCore import QCoreApplication
from PySide6.QtNetwork import QLocalServer
app = QCoreApplication([])
server = QLocalServer()
def answer():
    s = server.nextPendingConnection()
    s.readyRead.connect(lambda: (s.readAll(), s.write(b"ok" + bytes([10])), s.flush()))
server.newConnection.connect(answer)
print("listening" if server.listen(sys.argv[1]) else "refused", flush=True)
app.exec()
"""
