"""A big library: opening it (core, CLI ``list --json``, the window's first paint) and memory.

Libraries of many documents are generated in a temporary folder by copying the seed
documents' folders under new ids (``meta.json`` rewritten, texts and originals hard
linked), as a collection of thousands of saved articles looks on disk.  Every figure is
measured in a fresh process, side by side with an empty library in the same run.
Issue 17's targets: first paint at 100,000 documents ≤ 0.6 s and ≤ 1.5× the empty
library's, ``list --json`` ≤ 1.5 s, peak memory before a document is opened ≤ 300 MB.

Options (environment, as ``make bench ARGS=library`` passes no others):

- ``TONGWEN_BENCH_SIZES=100000`` (comma-separated): only these library sizes.
- ``TONGWEN_BENCH_BEFORE=DIR``: a source tree of another revision (``git archive REV |
  tar -x -C DIR``); every figure is measured for it too, alternately with this one, on
  the same generated libraries and the same moment of a shared machine ("before" rows).
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from tests.bench.harness import REPO, SEEDS, Result

BENCH = "library"
PYTHON = Path(sys.executable)
RUNS = 3

#: Core open as the window opens a library (from the catalogue; the folders are checked
#: in the background), then every summary read (what the list holds), in a child:
#: seconds and peak RSS (MB) of each as JSON.
_OPEN = """
import json, resource, sys, time
def rss(): return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t0 = time.perf_counter()
from desktop.core.library import Library
lib = Library.open(sys.argv[1], check=False)
t1, r1 = time.perf_counter(), rss()
n = len(lib.summaries())
print(json.dumps({"s": t1 - t0, "rss": r1, "all": time.perf_counter() - t0, "n": n,
                  "all_rss": rss()}))
"""


#: The first read of a library without a catalogue (a first start after an upgrade),
#: in a child: documents per second, as the window's background read does it.
_FIRST = """
import json, shutil, sys, time
from desktop.core.catalogue import catalogue_path
from desktop.core.library import Library
from desktop.core.paths import cache_dir
from pathlib import Path
shutil.rmtree(catalogue_path(cache_dir(), Path(sys.argv[1])).parent, ignore_errors=True)
lib = Library.open(sys.argv[1], check=False)
assert lib.first_read_pending
t0 = time.perf_counter()
lib.check_folders(emit=False, progress=lambda done, total: None)
print(json.dumps({"rate": len(lib) / (time.perf_counter() - t0), "n": len(lib)}))
"""

#: The library pane in a child (offscreen): sort and filter times (ms) as JSON.
_PANE = """
import json, statistics, sys, time
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import Qt
app = QApplication([])
from desktop.core.library import Library
from desktop.ui.library.pane import LibraryPane
from desktop.ui.library.columns import COLUMNS
lib = Library.open(sys.argv[1], check=False)
docs = lib.summaries()
pane = LibraryPane()
pane.resize(900, 700)
pane.show()
t0 = time.perf_counter()
pane.set_documents(docs)
app.processEvents()
fill = time.perf_counter() - t0
model = pane.model
t0 = time.perf_counter()
pane.proxy.set_filter_text("红")
app.processEvents()
cold = time.perf_counter() - t0
pane.proxy.set_filter_text("")
while model._preparing.isActive():
    app.processEvents()
def timed(action):
    t0 = time.perf_counter()
    action()
    app.processEvents()
    return time.perf_counter() - t0
title = [k for k, _ in COLUMNS].index("title")
chars = [k for k, _ in COLUMNS].index("chars")
sorts = [timed(lambda c=c, o=o: pane.table.sortByColumn(c, o))
         for c in (title, chars) for o in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder)]
typed = [timed(lambda w=w: pane.proxy.set_filter_text(w)) for w in ("红", "红楼", "红楼梦", "红楼", "")]
print(json.dumps({"fill": fill * 1000, "cold": cold * 1000, "sort": statistics.median(sorts) * 1000,
                  "sort_max": max(sorts) * 1000, "filter": statistics.median(typed) * 1000,
                  "filter_max": max(typed) * 1000}))
"""


#: The app in a child (offscreen, as ``python -m desktop`` opens it), left to start; then
#: for each ``expect ID TITLE`` line on its input it answers ``expecting`` and, once the
#: library pane's row of ID shows TITLE, ``shown <monotonic seconds>`` (the pane's model
#: changed: what the user sees at the next frame).  First it prints ``ready {json}``:
#: the folder watch's set-up and its kernel watches, once its first look at every
#: folder is done.
_CHANGES = r"""
import json, os, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QTimer
from desktop.app import _application, _open_window
app, settings, _prefs = _application()
window = _open_window(Path(sys.argv[1]), settings, [])
check, model = window.folder_check, window.library_pane.model
lock, expected = threading.Lock(), []

def look():
    with lock:
        if not expected:
            return
        doc_id, title = expected[0]
    row = model.row_of(doc_id)
    if row >= 0 and model.document(row).title == title:
        with lock:
            expected.clear()
        print("shown", time.monotonic(), flush=True)

model.documentsChanged.connect(look)

def commands():
    for line in sys.stdin:
        parts = line.strip().split(" ", 2)
        if parts[0] == "expect":
            with lock:
                expected[:] = [(parts[1], parts[2])]
            print("expecting", flush=True)
    os._exit(0)  # the bench is done

def started():
    watch = getattr(check, "watch", None)
    if check.checks < 1 or (watch is not None and not watch.ready):
        return
    poll.stop()
    from desktop.core.folder_watch import kernel_watch_count
    print("ready " + json.dumps({
        "setup": watch.setup_seconds if watch else None,
        "kernel": kernel_watch_count(watch.fd) if watch else 0,
        "complete": bool(watch and watch.complete),
    }), flush=True)
    threading.Thread(target=commands, daemon=True).start()

poll = QTimer()
poll.timeout.connect(started)
poll.start(50)
app.exec()
"""
#: Changes made from the bench process, and how long each may take to show.
CHANGES = 10
CHANGE_TIMEOUT = 60.0


def _doc_id(n: int) -> str:
    return hashlib.sha256(f"bench-document-{n}".encode()).hexdigest()


def generate(root: Path, count: int) -> Path:
    """A library of ``count`` documents under ``root`` (seeds copied under new ids)."""
    from desktop.core.library import Library

    seeds = Library.open(root / "seed-library")
    seeds.import_seeds_if_new(SEEDS)
    templates = [seeds.doc_dir(d.id) for d in seeds.documents()]
    library = root / f"library-{count}"
    docs = library / "docs"
    docs.mkdir(parents=True)
    shutil.copy(seeds.root / "library.json", library / "library.json")
    metas = [json.loads((t / "meta.json").read_text("utf-8")) for t in templates]
    for n in range(count):
        template, meta = templates[n % len(templates)], dict(metas[n % len(metas)])
        doc_id = _doc_id(n)
        folder = docs / doc_id
        folder.mkdir()
        meta["id"] = doc_id
        meta["extracted"] = dict(meta["extracted"], title=f"{meta['extracted']['title']} {n}")
        (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        for item in template.iterdir():
            if item.is_file() and item.name != "meta.json":
                os.link(item, folder / item.name)
    return library


#: The source trees measured: this one, and another revision's (TONGWEN_BENCH_BEFORE).
TREES = {"": REPO}
if os.environ.get("TONGWEN_BENCH_BEFORE"):
    TREES["before"] = Path(os.environ["TONGWEN_BENCH_BEFORE"]).resolve()
#: Seconds the app runs for its start-up memory (rows read, folders checked, index).
STARTUP_SECONDS = 20.0


def _run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A child run in its tree (``python -c``/``-m`` import from the working folder)."""
    return subprocess.run(
        [str(PYTHON), *args], env=env, capture_output=True, text=True, check=True,
        cwd=env["PYTHONPATH"],
    )  # fmt: skip


def _env(home: Path, library: Path, tree: Path = REPO) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TONGWEN_EXIT_AFTER_PAINT="1")
    env.update(
        TONGWEN_NO_SINGLE_INSTANCE="1",
        TONGWEN_LIBRARY=str(library),
        TONGWEN_CACHE=str(home / "cache"),
        TONGWEN_CONFIG=str(home / "config"),
        TONGWEN_LOG_DIR=str(home / "log"),
        PYTHONPATH=str(tree),
    )
    return env


def _core_open(library: Path, env: dict[str, str]) -> dict[str, float]:
    return dict(json.loads(_run(["-c", _OPEN, str(library)], env).stdout))


def _first_read(library: Path, env: dict[str, str]) -> float:
    done = _run(["-c", _FIRST, str(library)], env)
    return float(json.loads(done.stdout.strip().splitlines()[-1])["rate"])


def _pane(library: Path, env: dict[str, str]) -> dict[str, float]:
    done = _run(["-c", _PANE, str(library)], env)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _cli_list(env: dict[str, str]) -> float:
    """``tongwen-cli list --json`` (as ``python -m desktop.cli``, in the tree measured)."""
    t0 = time.perf_counter()
    subprocess.run(
        [str(PYTHON), "-m", "desktop.cli", "list", "--json"], env=env, capture_output=True,
        check=True, cwd=env["PYTHONPATH"],
    )  # fmt: skip
    return time.perf_counter() - t0


def _target(size: int, n: int) -> tuple[str, str, str]:
    """The ``n``-th change: the document changed (or copied), the id and the title the
    pane should then show."""
    changed = _doc_id(random.Random(n).randrange(size))
    doc_id = hashlib.sha256(f"bench-arrived-{n}".encode()).hexdigest() if n % 3 == 2 else changed
    return changed, doc_id, f"bench change {n}"


def _change(library: Path, size: int, n: int) -> tuple[str, str]:
    """Change one document of ``library`` as a sync tool would (the ``n``-th change:
    ``meta.json`` replaced by rename, written in place, or a new document folder whose
    files arrive one after the other); the id and the title the pane should show."""
    changed, doc_id, title = _target(size, n)
    source = library / "docs" / changed
    meta = json.loads((source / "meta.json").read_text("utf-8"))
    meta["user"]["title"] = title
    if doc_id != changed:  # a new document arriving
        folder = library / "docs" / doc_id
        folder.mkdir()
        for item in sorted(source.iterdir()):
            if item.is_file() and item.name != "meta.json":
                shutil.copy2(item, folder / item.name)
        meta["id"] = doc_id
        source = folder
    text = json.dumps(meta, ensure_ascii=False)
    if n % 3 == 1:
        (source / "meta.json").write_text(text, "utf-8")  # in place
    else:
        temp = source / f".meta.json.{n}.tmp"
        temp.write_text(text, "utf-8")
        os.replace(temp, source / "meta.json")
    return meta["id"], title


def _changes_shown(library: Path, size: int, env: dict[str, str]) -> dict[str, object]:
    """The app running on ``library`` (in a child, see :data:`_CHANGES`): how long each
    of :data:`CHANGES` changes made here takes to show in its library pane (seconds;
    :data:`CHANGE_TIMEOUT` for one never shown), and the folder watch's set-up."""
    import queue
    import threading

    env = {k: v for k, v in env.items() if k != "TONGWEN_EXIT_AFTER_PAINT"}
    proc = subprocess.Popen(
        [str(PYTHON), "-c", _CHANGES, str(library)], env=env, cwd=env["PYTHONPATH"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    lines: queue.Queue[str] = queue.Queue()
    assert proc.stdout is not None and proc.stdin is not None
    threading.Thread(target=lambda: [lines.put(x) for x in proc.stdout], daemon=True).start()

    def line(prefix: str, timeout: float) -> str | None:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                got = lines.get(timeout=left)
            except queue.Empty:
                return None
            if got.startswith(prefix):
                return got.strip()
        return None

    try:
        t0 = time.monotonic()
        ready = line("ready ", 300)
        if ready is None:
            raise RuntimeError("the app did not start its folder checks in 300 s")
        found: dict[str, object] = dict(json.loads(ready.split(" ", 1)[1]))
        found["started"] = time.monotonic() - t0
        shown: list[float] = []
        for n in range(CHANGES):
            time.sleep(0.3)  # apart: each its own burst
            _changed, doc_id, title = _target(size, n)
            proc.stdin.write(f"expect {doc_id} {title}\n")
            proc.stdin.flush()
            if line("expecting", 30) is None:
                raise RuntimeError("the app stopped answering")
            began = time.monotonic()
            assert _change(library, size, n) == (doc_id, title)
            answer = line("shown ", CHANGE_TIMEOUT)
            shown.append(float(answer.split()[1]) - began if answer else CHANGE_TIMEOUT)
        found["shown"] = shown
        return found
    finally:
        proc.stdin.close()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def _startup_memory(env: dict[str, str], seconds: float = STARTUP_SECONDS) -> float:
    """Peak memory (MB) of the app left running ``seconds`` without opening a document
    (its start-up work done: every row read, the folders checked, the index opened),
    then stopped: what the 300 MB target is about, beyond the first paint."""
    env = {k: v for k, v in env.items() if k != "TONGWEN_EXIT_AFTER_PAINT"}
    # from no search index, as every tree measured: its first build starts meanwhile
    shutil.rmtree(Path(env["TONGWEN_CACHE"]) / "index", ignore_errors=True)
    proc = subprocess.Popen(
        [str(PYTHON), "-m", "desktop"], env=env, cwd=env["PYTHONPATH"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(seconds)
    proc.terminate()
    _pid, _status, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    return float(usage.ru_maxrss / 1024)


def _first_paint(env: dict[str, str], peaks: list[float] | None = None) -> float:
    """Seconds from process start to the window's first paint, as the app reports it;
    the app's peak memory (MB, until it exits just after the paint) goes to ``peaks``."""
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(
            [str(PYTHON), "-m", "desktop"], env=env, stdout=out, stderr=subprocess.STDOUT,
            cwd=env["PYTHONPATH"],
        )  # fmt: skip
        _pid, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        lines = out.read().splitlines()
    if peaks is not None:
        peaks.append(usage.ru_maxrss / 1024)
    for line in lines:
        if line.startswith("first-paint "):
            return float(line.split()[1])
    raise RuntimeError(f"no first paint reported (exit {proc.returncode}): {lines[-5:]}")


def _medians(
    measure: Callable[[str, dict[str, str]], float], envs: dict[str, dict[str, str]]
) -> dict[str, float]:
    """:func:`_median` of ``measure(env)`` for each tree, the trees' runs alternating
    (a shared machine's load changes from minute to minute)."""
    for tag, env in envs.items():
        measure(tag, env)  # first run: cold caches, catalogue or index built
    runs: dict[str, list[float]] = {tag: [] for tag in envs}
    for _ in range(RUNS):
        for tag, env in envs.items():
            runs[tag].append(measure(tag, env))
    return {tag: statistics.median(values) for tag, values in runs.items()}


def _sizes(quick: bool) -> tuple[int, ...]:
    chosen = os.environ.get("TONGWEN_BENCH_SIZES", "")
    if chosen:
        return tuple(int(n) for n in chosen.split(","))
    return (1_000, 10_000) if quick else (10_000, 100_000)


def _paint_into(peaks: dict[str, list[float]], tag: str, env: dict[str, str]) -> float:
    return _first_paint(env, peaks[tag])


def _named(name: str, tag: str) -> str:
    return f"{name} ({tag})" if tag else name


def run(quick: bool) -> list[Result]:
    results: list[Result] = []
    with tempfile.TemporaryDirectory(prefix="bench-library-") as tmp:
        root = Path(tmp)
        empty_envs = {
            tag: _env(root / f"home-empty{tag}", root / "empty", tree)
            for tag, tree in TREES.items()
        }
        empty_paint = _medians(lambda _tag, env: _first_paint(env), empty_envs)
        for tag, seconds in empty_paint.items():
            results.append(
                Result(BENCH, _named("first paint, empty library", tag), seconds * 1000, "ms")
            )
        for size in _sizes(quick):
            t0 = time.perf_counter()
            library = generate(root, size)
            made = time.perf_counter() - t0
            envs = {
                tag: _env(root / f"home-{size}{tag}", library, tree) for tag, tree in TREES.items()
            }
            # builds the catalogue the rows below use
            rate = {tag: _first_read(library, env) for tag, env in envs.items()}
            opened = {
                tag: [_core_open(library, env) for _ in range(RUNS)] for tag, env in envs.items()
            }
            cli = _medians(lambda _tag, env: _cli_list(env), envs)
            peaks: dict[str, list[float]] = {tag: [] for tag in envs}
            paint = _medians(partial(_paint_into, peaks), envs)
            running = {tag: _startup_memory(env) for tag, env in envs.items()}
            pane = {tag: _pane(library, env) for tag, env in envs.items()}
            for tag in envs:
                assert all(o["n"] == size for o in opened[tag]), opened[tag]
                results += _results(
                    tag, size, made, rate[tag], opened[tag], cli[tag], paint[tag],
                    empty_paint[tag], peaks[tag], running[tag], pane[tag],
                )  # fmt: skip
            # this tree only: a tree without the folder watch takes ~25 s a change
            results += _change_results(size, _changes_shown(library, size, envs[""]))
            shutil.rmtree(library)
    return results


def _results(
    tag: str, size: int, made: float, rate: float, opened: list[dict[str, float]], cli: float,
    paint: float, empty_paint: float, peaks: list[float], running: float,
    pane: dict[str, float],
) -> list[Result]:  # fmt: skip
    label = f"{size:,} documents"
    big = size >= 100_000

    def named(name: str) -> str:
        return _named(f"{name}, {label}", tag)

    seconds = statistics.median(o["s"] for o in opened)
    every = statistics.median(o["all"] for o in opened)
    return [
        Result(BENCH, named("Library.open"), seconds * 1000, "ms",
               note=f"generated in {made:.1f} s"),
        Result(BENCH, named("peak memory of Library.open"), max(o["rss"] for o in opened), "MB"),
        Result(BENCH, named("Library.open and every summary read"), every * 1000, "ms"),
        Result(BENCH, named("peak memory of Library.open and every summary"),
               max(o["all_rss"] for o in opened), "MB"),
        Result(BENCH, named("peak memory of the app (to its first paint)"), max(peaks), "MB",
               "<= 300" if big else "", max(peaks) <= 300 if big else None),
        Result(BENCH, named(f"peak memory of the app, {STARTUP_SECONDS:.0f} s running"),
               running, "MB", "<= 300" if big else "", running <= 300 if big else None),
        Result(BENCH, named("tongwen-cli list --json"), cli * 1000, "ms",
               "<= 1500" if big else "", cli <= 1.5 if big else None),
        Result(BENCH, named("first paint"), paint * 1000, "ms",
               "<= 600" if big else "", paint <= 0.6 if big else None),
        Result(BENCH, named("first paint / empty"), paint / empty_paint, "x",
               "<= 1.5", paint / empty_paint <= 1.5),
        Result(BENCH, named("catalogue built from scratch (first read)"), rate,
               "docs/s", ">= 5000", rate >= 5000),
        Result(BENCH, named("pane: rows set"), pane["fill"], "ms"),
        Result(BENCH, named(f"pane: sort (median of 4; max {pane['sort_max']:.0f})"),
               pane["sort"], "ms", "<= 100", pane["sort"] <= 100),
        Result(BENCH, named(f"pane: filter as typed (median of 5; max {pane['filter_max']:.0f})"),
               pane["filter"], "ms", "<= 100", pane["filter"] <= 100),
        Result(BENCH, named("pane: filter before idle folding"), pane["cold"], "ms"),
    ]  # fmt: skip


def _change_results(size: int, found: dict[str, object]) -> list[Result]:
    label = f"{size:,} documents"
    big = size >= 100_000
    shown = [float(x) * 1000 for x in found["shown"]]  # type: ignore[attr-defined]
    median = statistics.median(shown)
    kinds = ", ".join(
        f"{kind} {statistics.median(shown[i::3]):.0f}"
        for i, kind in enumerate(("replaced", "in place", "new folder"))
    )
    setup = found["setup"]
    return [
        Result(BENCH, f"change by another process shown, median of {len(shown)}, {label}",
               median, "ms", "<= 5000" if big else "", median <= 5000 if big else None,
               note=f"max {max(shown):.0f} ms; medians: {kinds}"),
        Result(BENCH, f"folder watches added, {label}",
               float(setup) * 1000 if setup is not None else float("nan"), "ms",  # type: ignore[arg-type]
               note=f"{found['kernel']} kernel watches, complete: {found['complete']}; "
               f"app started and first look at every folder done in {found['started']:.1f} s"),
        Result(BENCH, f"kernel inotify watches, {label}", float(found["kernel"]), "watches"),  # type: ignore[arg-type]
    ]  # fmt: skip


if __name__ == "__main__":
    for result in run(quick="--quick" in sys.argv):
        print(result)
