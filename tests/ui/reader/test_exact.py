"""The reader is exact: the size drawn is the size chosen, the glyph forms are those of the
script shown, and the place read stays put across view toggles.

Each property is checked on the real main window after random sequences of the actions a
reader takes (script, clean/raw, pinyin, search results, zoom, theme, font), with a fixed
seed so a failure can be replayed; the long runs are marked ``stress``.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QPointF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontInfo,
    QGlyphRun,
    QImage,
    QPainter,
    QTextBlock,
    QTextCursor,
    QTextLayout,
)

from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.ui.place_check import PINYIN, SCRIPTS, hard_wrapped, place_walk, reflowed

THEMES = ("light", "dark", "sepia", "system")


def _import(window: MainWindow, path: Path) -> str:
    result = window.library.add_file(path)
    assert result.id, result.error
    return result.id


def _wait_loaded(qtbot, reader: ReaderPane) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not reader.loading, timeout=120_000)


# ------------------------------------------------------------------ 1. the size
def _first_visible_block(reader: ReaderPane) -> QTextBlock:
    return reader.text.cursorForPosition(reader.text.viewport().rect().topLeft()).block()


def _size_problems(window: MainWindow) -> list[str]:
    """Every way the drawn size can differ from the chosen one, described."""
    reader = window.reader
    chosen = AppSettings(window.settings).font_size
    want = QFontInfo(_font_of_size(reader.text.font(), chosen))
    problems: list[str] = []

    def check(what: str, font: QFont) -> None:
        got = QFontInfo(font)
        if abs(font.pointSizeF() - chosen) > 0.01 or got.pixelSize() != want.pixelSize():
            problems.append(f"{what}: {font.pointSizeF()} pt / {got.pixelSize()} px")

    document = reader.text.document()
    check("widget font", reader.text.font())
    check("document default font", document.defaultFont())
    length = document.characterCount()
    for position in (0, length // 3, (2 * length) // 3, max(0, length - 2)):
        cursor = QTextCursor(document)
        cursor.setPosition(position)
        check(
            f"char format at {position}", cursor.charFormat().font().resolve(document.defaultFont())
        )
    block = _first_visible_block(reader)
    layout = block.layout()
    if layout is not None and layout.lineCount():
        for run in layout.glyphRuns(0, block.length()):  # the glyphs as drawn
            drawn = run.rawFont().pixelSize()
            if abs(drawn - want.pixelSize()) > 0.5:
                problems.append(f"glyphs drawn at {drawn} px, chosen {want.pixelSize()} px")
    if window.reader_toolbar.size_spin.value() != int(chosen):
        problems.append(f"toolbar says {window.reader_toolbar.size_spin.value()} pt")
    return problems


def _font_of_size(font: QFont, points: float) -> QFont:
    sized = QFont(font)
    sized.setPointSizeF(points)
    return sized


def _open_search_result(qtbot, window: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    """Open the first result of a library search, as a user does (type, Return)."""
    qtbot.waitUntil(
        lambda: window.index_service.ready and window.index_service.idle, timeout=60_000
    )
    pane = window.search_pane
    pane.search_box.setText(query)
    qtbot.waitUntil(lambda: pane.showing_results and not pane.searching, timeout=20_000)
    if not pane.model.rows():
        return
    pane.results.setCurrentIndex(pane.model.index(0, 0))
    pane.results.setFocus()
    qtbot.keyClick(pane.results, Qt.Key.Key_Return)


def _actions(qtbot, window: MainWindow, doc_ids: list[str]) -> list[Callable[[random.Random], str]]:  # type: ignore[no-untyped-def]
    reader, toolbar = window.reader, window.reader_toolbar

    def script(rng: random.Random) -> str:
        choice = rng.choice(SCRIPTS)
        toolbar.choose_script(choice)
        return f"script {choice}"

    def clean(rng: random.Random) -> str:
        toolbar.clean_action.toggle()
        return f"clean {toolbar.clean_action.isChecked()}"

    def pinyin(rng: random.Random) -> str:
        mode = rng.choice(PINYIN)
        toolbar.pinyin_combo.setCurrentIndex(toolbar.pinyin_combo.findData(mode))
        toolbar.pinyin_combo.activated.emit(toolbar.pinyin_combo.currentIndex())
        return f"pinyin {mode}"

    def zoom(rng: random.Random) -> str:
        step = rng.choice(("in", "out", "reset"))
        getattr(reader, f"zoom_{step}")()
        return f"zoom {step}"

    def theme(rng: random.Random) -> str:
        name = rng.choice(THEMES)
        toolbar.theme_combo.setCurrentIndex(toolbar.theme_combo.findData(name))
        toolbar.theme_combo.activated.emit(toolbar.theme_combo.currentIndex())
        return f"theme {name}"

    def font(rng: random.Random) -> str:
        combo = toolbar.font_combo
        combo.setCurrentIndex(rng.randrange(combo.count()))
        combo.activated.emit(combo.currentIndex())
        return f"font {combo.currentFont().family()}"

    def open_doc(rng: random.Random) -> str:
        doc_id = rng.choice(doc_ids)
        window.open_document(doc_id)
        return f"open {doc_id}"

    def search(rng: random.Random) -> str:
        query = rng.choice(("社會工作", "天下大勢", "基層治理"))
        _open_search_result(qtbot, window, query)
        return f"search result {query}"

    def settle(rng: random.Random) -> str:
        _wait_loaded(qtbot, reader)
        qtbot.wait(1)
        return "loaded"

    def scroll(rng: random.Random) -> str:
        bar = reader.text.verticalScrollBar()
        bar.setValue(rng.randint(0, bar.maximum()))
        return "scroll"

    return [script, script, clean, pinyin, zoom, theme, font, open_doc, search, settle, scroll]


def _size_walk(qtbot, window: MainWindow, tmp_path: Path, steps: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    big = _import(window, hard_wrapped(tmp_path / "天下大勢.txt", 3_000))  # > 100 000 characters
    small = _import(window, reflowed(tmp_path / "小品.txt", 30))
    seeds = [d.id for d in window.library.documents() if d.id not in (big, small)][:2]
    actions = _actions(qtbot, window, [big, small, *seeds])
    rng = random.Random(seed)
    window.open_document(big)
    done: list[str] = []
    for _ in range(steps):
        done.append(rng.choice(actions)(rng))
        problems = _size_problems(window)
        assert not problems, f"after {done[-8:]}: {problems}"


def test_drawn_size_random_walk(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _size_walk(qtbot, main_window, tmp_path, steps=120, seed=14)


@pytest.mark.stress
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_drawn_size_long_random_walk(
    qtbot, main_window: MainWindow, tmp_path: Path, seed: int
) -> None:  # type: ignore[no-untyped-def]
    _size_walk(qtbot, main_window, tmp_path, steps=500, seed=seed)


# ------------------------------------------------------------- 2. glyph forms
SAMPLE = "骨直角述次，。"  # drawn differently in SC, TC and HK faces
REGION_OF = {"simplified": "SC", "traditional": "TC", "taiwan": "TC", "hongkong": "HK"}
LANGUAGE_OF = {"SC": "zh_CN", "TC": "zh_TW", "HK": "zh_HK"}


def _draw_runs(runs: list[QGlyphRun]) -> QImage:
    """The glyph runs drawn from one origin, so only the glyphs and their advances count."""
    image = QImage(1200, 200, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setPen(QColor("black"))
    origin = min((p for run in runs for p in run.positions()), key=lambda p: (p.y(), p.x()))
    for run in runs:
        moved = QGlyphRun(run)
        moved.setPositions([p - origin + QPointF(10, 100) for p in run.positions()])
        painter.drawGlyphRun(QPointF(0, 0), moved)
    painter.end()
    return image


def _reference(region: str, pixel_size: int) -> QImage:
    """The sample in the region's face, laid out with the region's own language."""
    kept = QLocale()
    QLocale.setDefault(QLocale(LANGUAGE_OF[region]))
    try:
        font = QFont()
        font.setFamilies([f"Noto Serif CJK {region}"])
        font.setPixelSize(pixel_size)
        layout = QTextLayout(SAMPLE, font)
        layout.beginLayout()
        layout.createLine()
        layout.endLayout()
        return _draw_runs(layout.glyphRuns(0, len(SAMPLE)))
    finally:
        QLocale.setDefault(kept)


def _drawn_sample(reader: ReaderPane) -> QImage:
    block = reader.text.document().firstBlock()
    while block.isValid() and block.text() != SAMPLE:
        block = block.next()
    assert block.isValid(), "sample line not shown"
    reader.text.document().documentLayout().blockBoundingRect(block)  # lays the block out
    return _draw_runs(block.layout().glyphRuns(0, block.length()))


def test_glyph_forms_follow_the_script_not_the_interface(  # type: ignore[no-untyped-def]
    qtbot, chinese_ui: str, seeded_library, settings, tmp_path: Path
) -> None:
    faces = {f"Noto Serif CJK {region}" for region in LANGUAGE_OF}
    if not faces <= set(QFontDatabase.families()):
        pytest.skip("needs the Noto Serif CJK faces (fonts-noto-cjk)")
    path = tmp_path / "字形.txt"
    path.write_text("字形\n\n" + f"{SAMPLE}\n\n" * 5, "utf-8")
    window = MainWindow(seeded_library, settings)  # built in the interface language
    qtbot.addWidget(window)
    window.show()
    doc_id = _import(window, path)
    window.open_document(doc_id)
    wrong = []
    for script, region in REGION_OF.items():
        window.reader_toolbar.choose_script(script)
        pixel_size = QFontInfo(window.reader.text.font()).pixelSize()
        if _drawn_sample(window.reader) != _reference(region, pixel_size):
            wrong.append(script)
    window.close()
    assert not wrong, f"{chinese_ui} interface: not the {REGION_OF} forms in {wrong}"


# ------------------------------------------------------------------ 3. the place


def _place_walk(qtbot, window: MainWindow, path: Path, positions: int, seed: int) -> None:  # type: ignore[no-untyped-def]
    doc_id = _import(window, path)
    window.open_document(doc_id)
    reader = window.reader
    _wait_loaded(qtbot, reader)
    walk = place_walk(reader, positions, seed, lambda: _wait_loaded(qtbot, reader))
    assert not walk.moved, f"{len(walk.moved)} toggles moved the place, e.g. {walk.moved[:3]}"


@pytest.mark.parametrize("kind", ["hard-wrapped", "reflowed"])
def test_place_kept_across_toggles(
    qtbot, main_window: MainWindow, tmp_path: Path, kind: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.txt"
    hard_wrapped(path, 400) if kind == "hard-wrapped" else reflowed(path, 400)
    _place_walk(qtbot, main_window, path, positions=25, seed=3)


@pytest.mark.stress
@pytest.mark.parametrize("kind", ["hard-wrapped", "reflowed"])
def test_place_kept_across_toggles_long(
    qtbot, main_window: MainWindow, tmp_path: Path, kind: str
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / f"{kind}.txt"
    hard_wrapped(path, 4_000) if kind == "hard-wrapped" else reflowed(path, 4_000)
    _place_walk(qtbot, main_window, path, positions=200, seed=4)


def test_place_kept_across_toggles_in_pieces(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """A book over 300,000 characters loads in pieces: the scroll bar appearing and the
    pieces added above rewrapped the page, and the place slid to the second line."""
    path = hard_wrapped(tmp_path / "長篇.txt", 4_000)  # 578,000 characters
    _place_walk(qtbot, main_window, path, positions=20, seed=5)
