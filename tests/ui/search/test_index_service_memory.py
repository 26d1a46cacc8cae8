"""The index service's first full pass empties Python's cache of module sources, which
shiboken fills with the source of every module imported after PySide6 (12 MB)."""

from __future__ import annotations

import linecache
from pathlib import Path

from PySide6.QtCore import QThreadPool

from desktop.core.library import Library
from desktop.ui.search.index_service import IndexService


def _run_pass(qtbot, library: Library) -> IndexService:  # type: ignore[no-untyped-def]
    service = IndexService(library)
    service.start()
    qtbot.waitUntil(lambda: service.idle and service.ready, timeout=20_000)
    return service


def test_the_first_full_pass_drops_the_cached_sources(
    qtbot, library_dir: Path, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    library = Library.open(library_dir)
    path = tmp_path / "doc.txt"
    path.write_text("同文阅读器的测试文字\n", "utf-8")
    assert library.add_file(path).status == "imported"
    assert linecache.getline(__file__, 1)
    assert __file__ in linecache.cache
    first = _run_pass(qtbot, library)
    assert __file__ not in linecache.cache
    first.shutdown()
    # a second window's pass over an index already current (no progress) drops them too
    assert linecache.getline(__file__, 1)
    second = _run_pass(qtbot, library)
    assert __file__ not in linecache.cache
    assert second.summary()  # the index is usable
    second.shutdown()
    QThreadPool.globalInstance().waitForDone(20_000)
