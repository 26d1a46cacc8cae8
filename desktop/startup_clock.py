"""How long the start-up took, step by step, up to the window's first paint.

``main`` marks the end of each step (:func:`mark`); at the first paint the window
writes one line to the log, ``first paint 0.41 s after the process started: ...``, with
the seconds each step took, so a slow start on somebody's machine says where its time
went.  The first step runs from the process's start (the age the system reports; on
Linux from ``/proc``, else from this module's import) to the first mark: the
interpreter and the imports it needed.  Qt-free; no dependency.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

__all__ = ["finish", "mark", "process_age", "steps", "summary"]

_IMPORTED = time.perf_counter()
_marks: list[tuple[str, float]] = []
_finished: list[bool] = []  # [True] once the start-up is told: later marks are ignored


def process_age() -> float:
    """Seconds since this process started (from /proc on Linux, else since import)."""
    try:
        stat = Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()
        ticks = os.sysconf("SC_CLK_TCK")
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        return uptime - int(stat[19]) / ticks
    except (OSError, IndexError, ValueError):
        return time.perf_counter() - _IMPORTED


def mark(step: str) -> None:
    """``step`` has just ended."""
    if not _finished:
        _marks.append((step, time.perf_counter()))


def steps(until: float | None = None) -> list[tuple[str, float]]:
    """(step, seconds) for each marked step, the first one from the process's start;
    ``until`` (a :func:`time.perf_counter` reading, default now) ends a last step,
    ``"painting"``, after the last mark."""
    now = time.perf_counter() if until is None else until
    start = now - process_age()
    out: list[tuple[str, float]] = []
    previous = start
    for step, at in _marks:
        out.append((step, max(0.0, at - previous)))
        previous = at
    out.append(("painting", max(0.0, now - previous)))
    return out


def summary(until: float | None = None) -> str:
    """``first paint 0.41 s after the process started: interpreter 0.12 s, ...``."""
    parts = steps(until)
    total = sum(seconds for _step, seconds in parts)
    detail = ", ".join(f"{step} {seconds:.3f} s" for step, seconds in parts)
    return f"first paint {total:.3f} s after the process started: {detail}"


def finish(until: float | None = None) -> str | None:
    """The :func:`summary` the first time (the start-up is over: later marks, as a
    window opened again after a restart makes, are ignored), then None."""
    if _finished:
        return None
    told = summary(until)
    _finished.append(True)
    return told
