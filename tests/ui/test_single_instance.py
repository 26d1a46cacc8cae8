"""A second launch hands its files to the running instance over a local socket."""

from __future__ import annotations

import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from PySide6.QtCore import QDir, QProcess

from desktop.ui.single_instance import (
    SingleInstance,
    deliver_files,
    instance_key,
    single_instance_disabled,
)

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def key(monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.delenv("TONGWEN_NO_SINGLE_INSTANCE", raising=False)
    return f"tongwen-test-{uuid.uuid4().hex[:12]}"


_SEND = (
    "import sys, json; from PySide6.QtCore import QCoreApplication; "
    "from desktop.ui.single_instance import SingleInstance; app = QCoreApplication([]); "
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
