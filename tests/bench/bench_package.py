"""Packaged app: bundle and .deb size, cold start to the first painted window.

Needs ``make package`` first (dist/tongwen/ and dist/tongwen_*.deb); without the
bundle it says so and measures nothing.  The floor is a bare PySide6 window bundled
the same way (resources/packaging/floor.spec, built here on demand, ~25 s).

Start-up is measured from outside (process launch until the app prints
``first-paint``) and from inside (the app's own age at first paint).  The first run
is a first launch (seed import into an empty library); the median is over the later
runs, the app's and the floor's launches taken in turn (a busy machine slows both
alike), and the app's start-up steps (``desktop/startup_clock.py``) are shown with
their medians.  The page cache is warm after the first run: a truly cold disk is slower.
``TONGWEN_BENCH_BEFORE_BUNDLE=DIR`` adds another build's bundle (``dist/tongwen`` of an
earlier revision, e.g. built from a ``git worktree`` with ``pyinstaller --distpath``) to
the launches taken in turn, for a before/after figure measured side by side.  The
bundle is also launched with ``TONGWEN_BENCH_EMPTY_WINDOW=1``, which shows the floor's
bare window instead of Tongwen's: its start-up before the window, compared with the
floor, is the least any window of Tongwen's could reach.
Without a display the runs use a private Xvfb server when one is installed, else
Qt's offscreen platform.
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tests.bench.harness import REPO, Result

BENCH = "package"
BUNDLE = REPO / "dist" / "tongwen"
FLOOR = REPO / "build" / "floor-dist" / "floor"
PYINSTALLER = Path(sys.executable).with_name("pyinstaller")


def _size_mb(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return (
        sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )


def _build_floor() -> bool:
    if (FLOOR / "floor").is_file():
        return True
    if not PYINSTALLER.is_file():
        return False
    spec = REPO / "resources" / "packaging" / "floor.spec"
    work = REPO / "build" / "floor"
    cmd = [
        str(PYINSTALLER),
        "--noconfirm",
        "--distpath",
        str(FLOOR.parent),
        "--workpath",
        str(work),
    ]
    done = subprocess.run([*cmd, str(spec)], capture_output=True, text=True)
    return done.returncode == 0 and (FLOOR / "floor").is_file()


@contextmanager
def _display() -> Iterator[dict[str, str]]:
    """Environment for GUI runs: the current display, a private Xvfb, or offscreen."""
    env = dict(os.environ)
    if env.get("DISPLAY") or env.get("WAYLAND_DISPLAY") or not shutil.which("Xvfb"):
        env.setdefault("QT_QPA_PLATFORM", "" if env.get("DISPLAY") else "offscreen")
        yield env
        return
    number = 90 + os.getpid() % 500
    server = subprocess.Popen(
        ["Xvfb", f":{number}", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        time.sleep(1.0)
        env["DISPLAY"] = f":{number}"
        env.pop("QT_QPA_PLATFORM", None)
        yield env
    finally:
        server.terminate()
        server.wait(10)


def _launch(exe: Path, env: dict[str, str]) -> tuple[float, float, list[tuple[str, float]]]:
    """(seconds from launch to the first-paint line, the program's own age at first
    paint, its start-up steps with their seconds)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    assert proc.stdout is not None
    inner = float("nan")
    outer = float("nan")
    steps: list[tuple[str, float]] = []
    for line in proc.stdout:
        if line.startswith("first-paint "):
            outer = time.perf_counter() - start
            inner = float(line.split()[1])
        elif line.startswith("start-up-steps "):
            steps = [(str(n), float(t)) for n, t in json.loads(line.split(" ", 1)[1])]
    proc.wait(30)
    if inner != inner:  # NaN: no first-paint line
        raise RuntimeError(f"{exe} exited ({proc.returncode}) without reporting its first paint")
    return outer, inner, steps


class _Launches:
    """Launch times of one program: the first launch apart, then the later ones."""

    def __init__(self, exe: Path, env: dict[str, str]) -> None:
        self.exe, self.env = exe, env
        self.first = float("nan")
        self.later: list[tuple[float, float, list[tuple[str, float]]]] = []

    def launch(self) -> None:
        outer, inner, steps = _launch(self.exe, self.env)
        if self.first != self.first:
            self.first = outer
        else:
            self.later.append((outer, inner, steps))

    @property
    def outer(self) -> float:
        return statistics.median(s[0] for s in self.later)

    @property
    def inner(self) -> float:
        return statistics.median(s[1] for s in self.later)

    def step_medians(self) -> list[tuple[str, float]]:
        names = [n for n, _t in self.later[0][2]] if self.later else []
        return [
            (name, statistics.median(dict(s[2]).get(name, 0.0) for s in self.later))
            for name in names
        ]


def _alternating(programs: list[_Launches], runs: int) -> None:
    """Each program's first launch, then ``runs`` more of each, taken in turn so that
    the machine's changing load falls on all of them alike."""
    for _ in range(runs + 1):
        for program in programs:
            program.launch()


def _app_env(base: dict[str, str], home: Path) -> dict[str, str]:
    env = dict(base, TONGWEN_EXIT_AFTER_PAINT="1", TONGWEN_NO_SINGLE_INSTANCE="1")
    for var, sub in (
        ("LIBRARY", "library"),
        ("CACHE", "cache"),
        ("CONFIG", "config"),
        ("LOG_DIR", "log"),
    ):
        env[f"TONGWEN_{var}"] = str(home / sub)
    return env


def _before_bundle(base: dict[str, str], home: Path) -> _Launches | None:
    """Another build's bundle (``TONGWEN_BENCH_BEFORE_BUNDLE=DIR``, a ``dist/tongwen``
    folder built from an earlier revision), launched in turn with this one."""
    folder = os.environ.get("TONGWEN_BENCH_BEFORE_BUNDLE")
    if not folder:
        return None
    exe = Path(folder).resolve() / "tongwen"
    if not exe.is_file():
        raise SystemExit(f"bench_package: no bundle at {exe} (TONGWEN_BENCH_BEFORE_BUNDLE)")
    return _Launches(exe, _app_env(base, home))


def run(quick: bool) -> list[Result]:
    if not (BUNDLE / "tongwen").is_file():
        print(
            "bench_package: dist/tongwen is not built (run `make package`); skipped",
            file=sys.stderr,
        )
        return [Result(BENCH, "skipped: bundle not built (make package)", 0.0, "", note="skipped")]
    results = [Result(BENCH, "bundle size (dist/tongwen)", _size_mb(BUNDLE), "MB", "<= 150 MB")]
    results[-1].ok = results[-1].value <= 150
    debs = sorted((REPO / "dist").glob("tongwen_*.deb"))
    if debs:
        results.append(
            Result(BENCH, f".deb size ({debs[-1].name})", _size_mb(debs[-1]), "MB", "<= 60 MB")
        )
        results[-1].ok = results[-1].value <= 60
    runs = 3 if quick else 9
    with _display() as base, tempfile.TemporaryDirectory(prefix="tongwen-bench-") as tmp:
        how = "xcb" if base.get("DISPLAY") else base.get("QT_QPA_PLATFORM", "")
        app = _Launches(BUNDLE / "tongwen", _app_env(base, Path(tmp)))
        floor = _Launches(FLOOR / "floor", dict(base)) if _build_floor() else None
        empty = _Launches(
            BUNDLE / "tongwen",
            dict(_app_env(base, Path(tmp) / "empty"), TONGWEN_BENCH_EMPTY_WINDOW="1"),
        )
        before = _before_bundle(base, Path(tmp) / "before")
        programs = [p for p in (app, floor, empty, before) if p is not None]
        _alternating(programs, runs)
        if before is not None:
            results.append(
                Result(
                    BENCH,
                    f"before ({before.exe.parent}): start to first paint, median of {runs}",
                    before.outer,
                    "s",
                    note=how,
                )
            )
            results.append(
                Result(BENCH, "  this bundle minus before", app.outer - before.outer, "s")
            )
        results.append(
            Result(BENCH, "first launch to first paint (imports seeds)", app.first, "s", note=how)
        )
        results.append(
            Result(
                BENCH,
                f"start to first paint, median of {runs}",
                app.outer,
                "s",
                "<= 2 s",
                app.outer <= 2,
                how,
            )
        )
        results.append(Result(BENCH, "  same, measured inside the app", app.inner, "s", note=how))
        for step, seconds in app.step_medians():
            results.append(Result(BENCH, f"    step: {step}", seconds, "s", note="median"))
        if floor is None:
            results.append(
                Result(BENCH, "floor: not built (pyinstaller missing)", 0.0, "", note="skipped")
            )
            return results
        results.append(
            Result(
                BENCH,
                f"floor: bare PySide6 window, median of {runs} (alternating)",
                floor.outer,
                "s",
                note=how,
            )
        )
        results.append(Result(BENCH, "  floor, measured inside", floor.inner, "s", note=how))
        for step, seconds in floor.step_medians():
            results.append(Result(BENCH, f"    floor step: {step}", seconds, "s", note="median"))
        results.append(Result(BENCH, "floor bundle size", _size_mb(FLOOR), "MB"))
        results.append(
            Result(
                BENCH,
                "Tongwen start minus floor",
                app.outer - floor.outer,
                "s",
                note="the app's own cost",
            )
        )
        ratio = app.outer / floor.outer
        results.append(
            Result(BENCH, "Tongwen start / floor start", ratio, "x", "<= 1.5", ratio <= 1.5)
        )
        results.extend(_before_the_window(empty, app, floor, runs, how))
    return results


def _before_the_window(
    empty: _Launches, app: _Launches, floor: _Launches, runs: int, how: str
) -> list[Result]:
    """Tongwen's start-up with the floor's bare window in place of its own
    (``TONGWEN_BENCH_EMPTY_WINDOW=1``): what it costs before any window is built (Qt
    set-up, settings, language, theme, the library opened), the least any window of
    Tongwen's could paint in, and so how much of the gap is the window's."""
    out = [
        Result(
            BENCH,
            f"Tongwen with an empty window, median of {runs} (alternating)",
            empty.outer,
            "s",
            note=how,
        )
    ]
    for step, seconds in empty.step_medians():
        out.append(Result(BENCH, f"    empty-window step: {step}", seconds, "s", note="median"))
    out.append(
        Result(
            BENCH,
            "  empty window / floor start",
            empty.outer / floor.outer,
            "x",
            note="start-up before the window",
        )
    )
    out.append(
        Result(
            BENCH,
            "  Tongwen minus empty window",
            app.outer - empty.outer,
            "s",
            note="the window's own cost",
        )
    )
    return out
