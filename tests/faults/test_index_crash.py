"""The index killed at every step of a commit, as docs/search-store.md says it must survive.

A child process builds or updates the index and SIGKILLs itself right after (or
before) one step of the commit; the parent then opens the index.  What the document
promises is checked step by step: before the manifest is replaced the previous
commit is in force, or (once whoosh has committed) the index is detected as
interrupted and rebuilt; after it, the new commit is.  Either way every document is
then found by a query taken from its own text, and every answer equals a plain
substring scan.  Random kills at any moment are checked the same way.
"""

from __future__ import annotations

import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop.core.library import Library
from desktop.core.search import SearchIndex
from tests.conftest import REPO
from tests.faults.test_index_faults import (
    _add_text,
    _answers,
    _assert_right,
    _env,
    _folded_bodies,
    _scan_bodies,
)

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")

#: Runs ``ensure_current`` (``update`` or ``rebuild``) and dies at ``step``.
STEPPER = """
import os, signal, sys
from pathlib import Path
from desktop.core.library import Library
from desktop.core.search import SearchIndex
from desktop.core.search import index as index_module
from desktop.core.search.postings import SegmentWriter
from desktop.core.search.store import BodyStore

library, step, mode = Path(sys.argv[1]), sys.argv[2], sys.argv[3]

def die():
    os.kill(os.getpid(), signal.SIGKILL)

def kill_at(owner, name, *, after=True, call=1):
    real, calls = getattr(owner, name), [0]
    def wrapped(*args, **kwargs):
        calls[0] += 1
        if not after and calls[0] == call:
            die()
        out = real(*args, **kwargs)
        if after and calls[0] == call:
            die()
        return out
    setattr(owner, name, wrapped)

where = {
    "append": (BodyStore, "_append", True, 1),
    "segment": (SegmentWriter, "close", True, 1),
    "prepare": (BodyStore, "prepare", True, 1),
    "table": (BodyStore, "write_table", True, 1),
    "manifest-before": (index_module, "write_manifest", False, 1),
    "manifest-after": (index_module, "write_manifest", True, 1),
    "cleanup": (BodyStore, "committed", True, 1),
}
owner, name, after, call = where[step]
kill_at(owner, name, after=after, call=call)
index = SearchIndex.open(Library.open(library), subscribe=False)
index.ensure_current(rebuild=mode == "rebuild")
print("survived", flush=True)
"""

#: step → is the commit in force afterwards the new one (True), the previous one
#: (False), or is the index detected as interrupted and rebuilt (None)?
STEPS = {
    "append": False,
    "segment": False,
    "prepare": False,
    "table": False,
    "manifest-before": None,  # whoosh has committed: removed the TOC the manifest names
    "manifest-after": True,
    "cleanup": True,
}
_HAN_RUN = re.compile(r"[\u4e00-\u9fff]{4,}")

#: Indexes for ever: updates, rebuilds, re-indexed bodies, notes; killed from outside.
CRASHER = """
import os, sys
from pathlib import Path
from desktop.core.library import Library
from desktop.core.search import SearchIndex
library = Library.open(Path(sys.argv[1]))
index = SearchIndex.open(library, subscribe=False)
ids = [rec.id for rec in library.documents()]
print("ready", flush=True)
n = 0
while True:
    n += 1
    index.ensure_current(rebuild=n % 3 == 0)
    for doc_id in ids[n % 2 :: 2]:  # a new mtime makes the body be indexed again
        os.utime(library.doc_dir(doc_id) / "text.txt")
    index.refresh(ids[: n % len(ids) + 1])
    index.update_notes(ids[n % len(ids)], f"第{n}條批注 社会工作")
"""


def _crash_library(lib: Library, folder: Path, extra: int) -> None:
    sentences = [s for t in (lib.text(r.id) for r in lib.documents()) for s in t.split("。")]
    rnd = random.Random(13)
    for n in range(extra):
        text = "。".join(rnd.choice(sentences) for _ in range(40))
        _add_text(lib, folder, f"extra-{n}.txt", text)


def _probe(folded: str) -> str:
    """Four Han characters from the middle of a folded reading text."""
    runs = _HAN_RUN.findall(folded)
    assert runs, folded[:80]
    run = runs[len(runs) // 2]
    return run[len(run) // 2 - 2 : len(run) // 2 + 2] if len(run) >= 4 else run


def _assert_whole_and_right(index: SearchIndex, lib: Library) -> None:
    """Every document is found by a query from its own text, and found where a scan finds."""
    _assert_right(index, lib)
    bodies = _folded_bodies(lib)
    for doc_id, (folded, _map) in bodies.items():
        probe = _probe(folded)
        answers = _answers(index, probe)
        assert doc_id in answers, (lib.get(doc_id).title, probe)
        assert answers == _scan_bodies(bodies, probe), probe


def _run_stepper(lib: Library, step: str, mode: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", STEPPER, str(lib.root), step, mode],
        cwd=REPO,
        env=_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == -signal.SIGKILL, (step, done.returncode, done.stderr[-2000:])


def _kill_at_step(lib: Library, tmp_path: Path, step: str, mode: str) -> None:
    SearchIndex.open(lib, subscribe=False).ensure_current()
    new = _add_text(lib, tmp_path, f"new-{step}.txt", "滄浪之水清兮可以濯吾纓。\n")
    _run_stepper(lib, step, mode)
    index = SearchIndex.open(lib, subscribe=False)
    why = index.load_committed()
    expected = STEPS[step] if mode == "update" else (STEPS[step] or None)
    if expected is None and mode == "update":
        assert why is not None, "a half-published commit went unnoticed"
    elif expected is None:  # a rebuild killed before its manifest: the old commit stands
        assert why is None, why
        assert new not in _answers(index, "沧浪之水")
    else:
        assert why is None, why
        assert (new in _answers(index, "沧浪之水")) is expected
    index.ensure_current()
    _assert_whole_and_right(index, lib)
    assert index.rebuilt_because is None or expected is None or mode == "rebuild"
    index.close()


@pytest.mark.parametrize("step", list(STEPS))
def test_a_kill_at_each_step_of_an_update(seeded: Library, tmp_path: Path, step: str) -> None:
    _kill_at_step(seeded, tmp_path, step, "update")


@pytest.mark.parametrize("step", ["table", "manifest-before", "manifest-after"])
def test_a_kill_at_each_step_of_a_rebuild(seeded: Library, tmp_path: Path, step: str) -> None:
    """A rebuild writes a new generation: until its manifest, the old one answers."""
    _kill_at_step(seeded, tmp_path, step, "rebuild")


def _random_kills(lib: Library, kills: int, seed: int) -> int:
    """SIGKILL an indexing process at random moments; how many died mid-run."""
    rnd = random.Random(seed)
    died = 0
    for _round in range(kills):
        proc = subprocess.Popen(
            [sys.executable, "-c", CRASHER, str(lib.root)],
            cwd=REPO,
            env=_env(),
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "ready"
        time.sleep(rnd.uniform(0.05, 2.0))
        proc.send_signal(signal.SIGKILL)
        _out, err = proc.communicate(timeout=30)
        died += proc.returncode == -signal.SIGKILL
        assert "Traceback" not in err, err[-2000:]
        index = SearchIndex.open(lib, subscribe=False)
        index.lock_wait = 10
        index.ensure_current()  # reopens the last commit, or finds it damaged and rebuilds
        _assert_whole_and_right(index, lib)
        index.close()
    return died


def test_random_kills_leave_every_document_findable(seeded: Library, tmp_path: Path) -> None:
    _crash_library(seeded, tmp_path, 6)
    assert _random_kills(seeded, 3, seed=3) >= 2


@pytest.mark.stress
def test_many_random_kills_leave_every_document_findable(seeded: Library, tmp_path: Path) -> None:
    _crash_library(seeded, tmp_path, 40)
    assert _random_kills(seeded, 40, seed=4) >= 36
