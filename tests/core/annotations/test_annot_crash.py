"""A writer killed with SIGKILL at random moments never leaves a partial file.

The writer (this module run as a script) adds one highlight and saves, 200 times,
with fixed ids and times, so every version it can write is known in advance.  With
``background`` it saves as the window does, through a BackgroundSaver thread.
"""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]
SAVES = 200
TEXT = "天下大势,分久必合,合久必分。" * 40


def write_versions(
    doc_dir: Path, saves: int = SAVES, report: bool = False, background: bool = False
) -> list[bytes]:
    """Add highlight i and save, for i in range(saves); return each saved file's bytes."""
    import desktop.core.annotations.store as store_mod
    from desktop.core.annotations import AnnotationStore
    from desktop.core.annotations.saver import BackgroundSaver

    counter = iter(range(10**6))
    real_new_id = store_mod.new_id
    store_mod.new_id = lambda: f"00000000-0000-4000-8000-{next(counter):012d}"
    try:
        store = AnnotationStore.open(doc_dir, text=TEXT, clock=lambda: "2024-01-01T00:00:00.000Z")
        saver = BackgroundSaver(store, lambda outcome: None) if background else None
        versions = []
        for i in range(saves):
            store.add_highlight(i % 500, i % 500 + 3, note=f"第{i}条" * (i % 7))
            if saver is None:
                store.save()
            else:
                store.flush()
                assert saver.wait_settled(30) and not store.dirty
            if report:
                print(i, flush=True)
            else:
                versions.append((doc_dir / "annotations.json").read_bytes())
    finally:
        store_mod.new_id = real_new_id
    return versions


def _kill_writers(tmp_path: Path, rounds: int, seed: int, mode: str = "direct") -> int:
    """Start a writer ``rounds`` times and SIGKILL it at a random moment; after each
    kill the file is whole and one of the versions the writer can produce."""
    expected = set(write_versions(tmp_path / "reference"))
    doc_dir = tmp_path / "doc"
    doc_dir.mkdir()
    env = dict(os.environ, PYTHONPATH=str(REPO))
    rng = random.Random(seed)
    kills = 0
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, __file__, str(doc_dir), mode],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
        )
        assert proc.stdout is not None
        proc.stdout.readline()  # at least one save done: the file exists from here on
        time.sleep(rng.uniform(0, 0.15))
        proc.send_signal(signal.SIGKILL)
        kills += proc.wait() == -signal.SIGKILL
        data = (doc_dir / "annotations.json").read_bytes()
        json.loads(data)  # complete, parseable
        assert data in expected, "the file is not one of the versions the writer produced"
    return kills


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_sigkill_during_saves_leaves_a_whole_version(tmp_path: Path) -> None:
    assert _kill_writers(tmp_path, 8, 20241121) >= 4  # most writers really died mid-run


@pytest.mark.stress
@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
@pytest.mark.parametrize("mode", ["direct", "background"])
def test_many_sigkills_during_saves_leave_a_whole_version(tmp_path: Path, mode: str) -> None:
    assert _kill_writers(tmp_path, 100, 20261203, mode) >= 60


if __name__ == "__main__":
    write_versions(Path(sys.argv[1]), report=True, background=sys.argv[2:] == ["background"])


def _add_many(doc_dir: Path, tag: str, count: int) -> None:
    from desktop.core.annotations import AnnotationStore

    for i in range(count):
        store = AnnotationStore.open(doc_dir, text=TEXT)
        store.add_highlight(i, i + 2, note=f"{tag}{i}")
        store.save()


def test_concurrent_processes_lose_nothing(tmp_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    code = (
        "import sys, runpy; from pathlib import Path; "
        "m = runpy.run_path(sys.argv[1]); m['_add_many'](Path(sys.argv[2]), sys.argv[3], 25)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, __file__, str(tmp_path), tag], env=env)
        for tag in ("a", "b", "c")
    ]
    assert [p.wait(timeout=120) for p in procs] == [0, 0, 0]
    from desktop.core.annotations import AnnotationStore

    notes = {i.note for i in AnnotationStore.open(tmp_path, text=TEXT).items()}
    assert notes == {f"{tag}{i}" for tag in "abc" for i in range(25)}
    assert not list(tmp_path.glob("*.tmp"))
