"""The reader's piece loader: formats, steps and stops, on a text loaded in pieces."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from desktop.core.library import DocRecord
from desktop.core.views import ViewOptions, build_view
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane

LINE = "第{i}行 話說天下大勢,分久必合,合久必分。周末七國分爭,並入於秦。\n"


def _text(lines: int = 40_000) -> str:
    return "".join(LINE.format(i=i) for i in range(lines))  # ~1.8 MB: many pieces


def _record(text: str) -> DocRecord:
    return DocRecord(
        "loader", "長篇", None, None, None, "traditional", "txt", "utf-8", 1.0,
        len(text), len(text.encode()), "", "loader.txt",
    )  # fmt: skip


@pytest.fixture
def pane(qtbot, tmp_path: Path) -> ReaderPane:  # type: ignore[no-untyped-def]
    settings = AppSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    settings.clean = False
    reader = ReaderPane(settings=settings)
    qtbot.addWidget(reader)
    reader.resize(900, 700)
    reader.show()
    return reader


def _spacings(reader: ReaderPane) -> set[tuple[float, bool]]:
    """(line height, has a paragraph gap) of every line of the page's document."""
    found = set()
    block = reader.text.document().firstBlock()
    while block.isValid():
        fmt = block.blockFormat()
        found.add((fmt.lineHeight(), fmt.bottomMargin() > 0))
        block = block.next()
    return found


def test_every_line_loaded_in_pieces_has_the_line_spacing(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    assert pane.settings is not None
    pane.settings.line_spacing = 180
    text = _text()
    pane.show_document(_record(text), text)
    pane.go_to_canonical(len(text) // 2)  # pieces come after and before the place
    qtbot.waitUntil(lambda: not pane.loading, timeout=60_000)
    assert len(pane.pieces()) > 3
    assert _spacings(pane) == {(180.0, True)}
    pane.settings.line_spacing = 140
    pane.apply_typography()
    assert _spacings(pane) == {(140.0, True)}
    pane.set_options(script="simplified")  # loaded again, each piece next to spaced text
    qtbot.waitUntil(lambda: not pane.loading, timeout=60_000)
    assert _spacings(pane) == {(140.0, True)}
    assert pane.view_text() == build_view(text, pane.options).text


def test_one_piece_per_pass_of_the_event_loop(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    text = _text()
    pieces: list[int] = []
    pane.pieceLoaded.connect(lambda _s, _e: pieces.append(1))
    pane.show_document(_record(text), text)
    pane.go_to_canonical(len(text) // 2)
    per_pass = []
    deadline = time.monotonic() + 60
    while pane.loading and time.monotonic() < deadline:
        before = len(pieces)
        QApplication.processEvents()
        per_pass.append(len(pieces) - before)
    assert not pane.loading
    assert sum(per_pass) > 3 and max(per_pass) == 1  # input and paints between any two


def test_a_document_closed_while_a_piece_comes_ends_the_load(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    text = _text()
    pane.show_document(_record(text), text)
    finished: list[int] = []
    pane.loadFinished.connect(lambda: finished.append(1))

    def close(_start: int, _end: int) -> None:
        if pane.doc_id is not None:
            pane.clear()

    pane.pieceLoaded.connect(close)
    qtbot.waitUntil(lambda: not pane.loading, timeout=10_000)
    qtbot.wait(50)
    assert pane.doc_id is None and not pane.view_text()
    assert finished == []  # the load was dropped, not finished


def test_a_view_started_again_from_a_listener_loads_the_new_view(qtbot, pane: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    text = _text()
    pane.show_document(_record(text), text)
    finished: list[int] = []
    pane.loadFinished.connect(lambda: finished.append(1))

    def switch(_start: int, _end: int) -> None:
        if pane.options.script != "simplified":
            pane.set_options(script="simplified")

    pane.pieceLoaded.connect(switch)
    qtbot.waitUntil(lambda: not pane.loading, timeout=60_000)
    expected = build_view(text, ViewOptions(clean=False, script="simplified")).text
    assert pane.view_text() == expected
    assert finished == [1]
