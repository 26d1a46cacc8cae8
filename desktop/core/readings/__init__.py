"""Readings above the characters (ruby): pinyin or zhuyin by phrase, with the
reader's corrections.

Public API for the UI (no Qt; make the reader in a worker, then use it from any
thread)::

    from desktop.core.readings import load_reader, view_region

    reader = load_reader(library.root)      # pypinyin + CC-CEDICT + readings.json
    region = view_region(view.options.script, document_region)
    spans = reader.spans(view.text, first_visible, last_visible, style="zhuyin", region=region)
    for start, end, reading in spans: ...  # code points of view.text, one per Han char

    save_correction(library.root, "一行人", "yì xíng rén")   # Correct reading…
    reader = reader.with_corrections(read_corrections(library.root))

Readings come by phrase (:mod:`desktop.core.readings.ruby` says how);
:mod:`desktop.core.readings.corrections` keeps the corrections.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.readings.corrections import (
    Correction,
    read_corrections,
    remove_correction,
    save_correction,
)
from desktop.core.readings.ruby import (
    CONTEXT,
    STYLES,
    Reader,
    Span,
    bracketed,
    hint_spans,
    load_pypinyin,
    view_region,
)

__all__ = [
    "CONTEXT",
    "STYLES",
    "Correction",
    "Reader",
    "Span",
    "bracketed",
    "hint_spans",
    "load_reader",
    "read_corrections",
    "remove_correction",
    "save_correction",
    "view_region",
]


def load_reader(library_root: Path | None = None, *, dictionary: bool = True) -> Reader:
    """A :class:`Reader` with everything loaded, for a worker thread: pypinyin, CC-CEDICT
    (unless ``dictionary`` is false) and the corrections in ``library_root`` (none
    without a library).  Raises what :func:`read_corrections` raises for a damaged
    ``readings.json``."""
    from desktop.core.dictionary import load_dictionary

    load_pypinyin()
    corrections = read_corrections(library_root) if library_root is not None else []
    return Reader(load_dictionary() if dictionary else None, corrections)
