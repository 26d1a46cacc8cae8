"""Reviewed expected outputs of the view pipeline, kept under ``_expected/``.

A view test describes what it checks as a dict (case name -> output) and calls
:func:`check`.  The outputs were generated once, read and reviewed (the commit that
adds or changes a file says what was checked), and are compared exactly: text, every
edit of the offset map, hidden spans with the text they hide, ruby spans.

A change meant to alter what a view shows regenerates them::

    TONGWEN_REGENERATE_EXPECTED=1 .venv/bin/pytest tests/core/views/test_view_expected.py

and the diff of ``_expected/`` is reviewed like code: every changed line is a
decision the reader will see.  Long texts live in ``.txt`` files beside the JSON
(one per distinct text, named by the first case that produced it), so a diff shows
the lines that changed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from desktop.core.offsetmap import OffsetMap

EXPECTED = Path(__file__).resolve().parent / "_expected"
REGENERATE = os.environ.get("TONGWEN_REGENERATE_EXPECTED") == "1"
#: Texts longer than this go to their own file; shorter ones stay in the JSON.
_INLINE_CHARS = 1000


def map_record(mapping: OffsetMap, source: str, target: str) -> dict[str, Any]:
    """An offset map as lengths and its edits ``[src0, src1, dst0, dst1, what, into]``:
    the stretch of ``source`` replaced and what ``target`` holds instead."""
    return {
        "src_len": mapping.src_len,
        "dst_len": mapping.dst_len,
        "edits": [[a, b, c, d, source[a:b], target[c:d]] for a, b, c, d in mapping.edits()],
    }


def spans_record(spans: list[tuple[int, int, str]], text: str) -> list[list[Any]]:
    """Spans ``(start, end, label)`` with the stretch of ``text`` they cover, for a
    reviewer to read (hidden spans: the canonical text; ruby: the view's)."""
    return [[s, e, label, text[s:e]] for s, e, label in spans]


def check(name: str, actual: dict[str, dict[str, Any]]) -> None:
    """Compare ``actual`` with ``_expected/<name>.json`` (write it when regenerating).

    Each case's ``text`` is compared with the stored text (inline or in its file)."""
    if REGENERATE:
        _write(name, actual)
        return
    path = EXPECTED / f"{name}.json"
    assert path.is_file(), f"{path} is missing: regenerate with TONGWEN_REGENERATE_EXPECTED=1"
    stored: dict[str, dict[str, Any]] = json.loads(path.read_text("utf-8"))
    assert sorted(actual) == sorted(stored), f"{name}: the cases differ from {path.name}"
    for case, got in actual.items():
        want = dict(stored[case])
        if "text_file" in want:
            want["text"] = (EXPECTED / name / want.pop("text_file")).read_text("utf-8")
        for key in sorted(set(got) | set(want)):
            assert got.get(key) == want.get(key), f"{name} / {case}: {key} differs"


def _write(name: str, actual: dict[str, dict[str, Any]]) -> None:
    folder = EXPECTED / name
    for old in folder.glob("*.txt"):
        old.unlink()
    files: dict[str, str] = {}  # text -> file name
    stored = {}
    for case, record in actual.items():
        record = dict(record)
        text = record.get("text")
        if isinstance(text, str) and len(text) > _INLINE_CHARS:
            if text not in files:
                files[text] = f"{case}.txt"
                folder.mkdir(parents=True, exist_ok=True)
                (folder / files[text]).write_text(text, "utf-8", newline="\n")
            record["text_file"] = files[record.pop("text")]
        stored[case] = record
    EXPECTED.mkdir(exist_ok=True)
    (EXPECTED / f"{name}.json").write_text(_dump(stored) + "\n", "utf-8", newline="\n")


def _dump(value: Any, indent: str = "") -> str:
    """JSON with one case, field or list entry per line, and lists of scalars (an
    edit, a span) kept on one line, so a diff names the decisions that changed."""
    scalar = (str, int, float, bool, type(None))
    if isinstance(value, dict) and value:
        inner = indent + " "
        items = [
            f"{inner}{json.dumps(k, ensure_ascii=False)}: {_dump(v, inner)}"
            for k, v in value.items()
        ]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and value and not all(isinstance(v, scalar) for v in value):
        inner = indent + " "
        return "[\n" + ",\n".join(inner + _dump(v, inner) for v in value) + "\n" + indent + "]"
    return json.dumps(value, ensure_ascii=False)
