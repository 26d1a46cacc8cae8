"""The library pane and the search field above it, in English and both Chinese UIs.

The panes are put together as the main window does (search pane around the
library pane, a real index service over a real library in a temporary folder),
without the rest of the window.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings, Qt, QThreadPool
from PySide6.QtWidgets import QApplication, QLabel

from desktop.core.library import Library
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.library.columns import format_date, script_label
from desktop.ui.library.pane import LibraryPane
from desktop.ui.search.index_service import IndexService
from desktop.ui.search.model import translate_hint
from desktop.ui.search.pane import SearchPane, view_options, worth_searching
from tests.ui.i18n_check import english_strings

# Query syntax stays Latin in every language: field names, filter values, OR.
_SYNTAX = re.compile(
    r"\b(?:title|author|source|notes|script|format|published):\S*|\bOR\b|\btraditional\b|\bepub\b"
)


class Panes:
    """A search pane around a library pane, over one library."""

    def __init__(self, qtbot, library: Library, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
        self.library = library
        self.library_pane = LibraryPane()
        self.service = IndexService(library)
        app_settings = AppSettings(settings)
        self.search = SearchPane(
            self.library_pane,
            self.service,
            library,
            lambda doc_id: view_options(app_settings, doc_id),
        )
        qtbot.addWidget(self.search)
        self.library_pane.set_documents(library.documents())
        self.search.resize(640, 520)
        self.search.show()
        qtbot.waitExposed(self.search)
        self.service.start()
        self.qtbot = qtbot

    def ready(self) -> None:
        self.qtbot.waitUntil(lambda: self.service.ready and self.service.idle, timeout=20_000)

    def search_for(self, query: str) -> None:
        self.search.search_box.setText(query)
        self.qtbot.keyClick(self.search.search_box, Qt.Key.Key_Return)
        self.qtbot.waitUntil(
            lambda: self.search.showing_results and not self.search.searching, timeout=20_000
        )

    def close(self) -> None:
        self.service.shutdown()
        self.search.close()
        QThreadPool.globalInstance().waitForDone(10_000)
        QApplication.processEvents()


@pytest.fixture
def panes(qtbot, seeded_library: Library, settings: QSettings) -> Iterator[Panes]:  # type: ignore[no-untyped-def]
    made = Panes(qtbot, seeded_library, settings)
    yield made
    made.close()


@pytest.fixture
def empty_panes(qtbot, library_dir: Path, settings: QSettings) -> Iterator[Panes]:  # type: ignore[no-untyped-def]
    made = Panes(qtbot, Library.open(library_dir), settings)
    yield made
    made.close()


def _no_english(panes: Panes) -> list[str]:
    """Visible English in the panes; the query syntax help is checked without its keywords."""
    help_text = panes.search.syntax_help()
    prose = QLabel(_SYNTAX.sub(" ", help_text))
    found = english_strings(panes.search, allowed=[help_text]) + english_strings(prose)
    prose.deleteLater()
    return found


def _titles(pane: LibraryPane) -> list[str]:
    return [pane.proxy.index(r, 0).data() for r in range(pane.proxy.rowCount())]


# ------------------------------------------------------------- small helpers
def test_worth_searching_needs_one_han_or_two_latin() -> None:
    assert worth_searching("社")
    assert worth_searching("ab")
    assert worth_searching("a 2")
    assert not worth_searching("a")
    assert not worth_searching(" - ")


def test_dates_follow_the_ui_language(qapp, chinese_ui: str) -> None:  # type: ignore[no-untyped-def]
    assert format_date("2024-08-04 14:10") == "2024年8月4日"
    assert format_date("2024-12") == "2024年12月"
    assert format_date("2024") == "2024"
    assert format_date("sometime") == "sometime"
    assert format_date("2024-13-40") == "2024-13-40"
    expected = "简体" if chinese_ui == "zh_CN" else "簡體"
    assert script_label("simplified") == expected


def test_english_stays_english(qapp) -> None:  # type: ignore[no-untyped-def]
    assert format_date("2024-08-04T14:10:00+08:00") == "2024-08-04"
    assert script_label("traditional") == "Traditional"
    hint = "a quotation mark is not closed; searched for the words instead"
    assert "quotation mark is not closed" in translate_hint(hint)
    assert translate_hint("something new") == "something new"


# ---------------------------------------------------------- Chinese UI text
def test_library_in_chinese_has_no_english(chinese_ui: str, panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    assert _no_english(panes) == []
    pane = panes.library_pane
    model = pane.proxy
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[0] == ("标题" if chinese_ui == "zh_CN" else "標題")
    placeholder = panes.search.search_box.placeholderText()
    assert placeholder == (
        "搜索标题、作者或全文…" if chinese_ui == "zh_CN" else "搜尋標題、作者或全文…"
    )
    imported = [model.index(r, 7).data() for r in range(model.rowCount())]
    assert all(re.fullmatch(r"\d{4}年\d{1,2}月\d{1,2}日", d) for d in imported), imported
    scripts = {model.index(r, 3).data() for r in range(model.rowCount())}
    assert scripts <= {"简体", "繁體", "簡體", "简繁混合", "簡繁混合", "—"} and len(scripts) >= 2
    rect = pane.table.visualRect(model.index(0, 0))
    pane._context_menu(QPoint(rect.center()))
    assert english_strings(pane._menu) == []
    assert pane._menu.actions()[0].text() == ("打开" if chinese_ui == "zh_CN" else "開啟")
    pane._menu.close()


def test_empty_library_in_chinese_explains_import(chinese_ui: str, empty_panes: Panes) -> None:  # type: ignore[no-untyped-def]
    pane = empty_panes.library_pane
    assert pane.is_empty and pane.stack.currentWidget() is pane.empty_page
    assert pane.empty_page.isVisible() and not pane.table.isVisible()
    assert _no_english(empty_panes) == []
    wanted = "导入文件…" if chinese_ui == "zh_CN" else "匯入檔案…"
    assert pane.import_button.text() == wanted
    texts = " ".join(label.text() for label in pane.empty_page.findChildren(QLabel))
    assert "Ctrl+O" in texts and ("拖放" in texts)


def test_empty_search_in_chinese(chinese_ui: str, panes: Panes) -> None:  # type: ignore[no-untyped-def]
    panes.ready()
    panes.search_for("量子色动力学")
    search = panes.search
    assert search.model.rowCount() == 0
    assert search.empty_label.isVisible() and not search.results.isVisible()
    expected = "没有文档包含" if chinese_ui == "zh_CN" else "沒有文件包含"
    assert expected in search.empty_label.text()
    assert _no_english(panes) == []
    panes.search_for('"社会工作')  # a syntax problem: the hint is translated too
    assert search.model.rowCount() == 5
    assert ("引号" if chinese_ui == "zh_CN" else "引號") in search.message.text()
    assert "共有 5 篇" in search.message.text()
    assert _no_english(panes) == []


# ------------------------------------------------------------ the one field
def test_one_field_filters_at_once_then_searches(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    panes.ready()
    search, pane = panes.search, panes.library_pane
    assert search.search_box is pane.filter_box
    assert pane.findChild(type(search.search_box)) is None  # shown once, above the stack
    search.search_box.setText("苏州新闻网")
    assert _titles(pane) == ["党建引领 打造和谐昆山“共同体”"]  # the cheap filter, at once
    assert search.searching and not search.showing_results
    qtbot.waitUntil(lambda: search.showing_results and not search.searching, timeout=20_000)
    assert search.model.rowCount() >= 1 and not pane.isVisible()
    qtbot.keyClick(search.search_box, Qt.Key.Key_Escape)
    assert not search.showing_results and search.search_box.text() == ""
    assert pane.isVisible() and pane.visible_count() == 5


def test_one_latin_letter_only_filters(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    search = panes.search
    search.search_box.setText("x")
    assert not search.searching and not search.showing_results
    assert panes.library_pane.visible_count() < 5
    qtbot.keyClick(search.search_box, Qt.Key.Key_Escape)
    assert search.search_box.text() == "" and panes.library_pane.visible_count() == 5


def test_shortening_a_query_goes_back_to_the_filtered_list(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    panes.ready()
    panes.search_for("ab")
    assert panes.search.showing_results
    panes.search.search_box.setText("a")
    assert not panes.search.showing_results
    assert panes.search.search_box.text() == "a"


# ----------------------------------------------------------------- keyboard
def test_down_moves_into_the_list_and_enter_opens(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    search, pane = panes.search, panes.library_pane
    search.activateWindow()
    search.search_box.setFocus()
    qtbot.keyClick(search.search_box, Qt.Key.Key_Down)
    assert pane.table.hasFocus() and pane.table.currentIndex().row() == 0
    first = pane.current_id()
    with qtbot.waitSignal(pane.openRequested, timeout=2_000) as opened:
        qtbot.keyClick(pane.table, Qt.Key.Key_Return)
    assert opened.args == [first]


def test_down_moves_into_the_results(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    panes.ready()
    search = panes.search
    search.activateWindow()
    panes.search_for("社会工作")
    search.search_box.setFocus()
    qtbot.keyClick(search.search_box, Qt.Key.Key_Down)
    assert search.results.hasFocus()
    with qtbot.waitSignal(search.openRequested, timeout=2_000) as opened:
        qtbot.keyClick(search.results, Qt.Key.Key_Return)
    assert opened.args[0] == search.model.rows()[0].doc_id and opened.args[1]


def test_tab_goes_from_the_field_to_the_list(panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    search = panes.search
    assert search.search_box.nextInFocusChain() is panes.library_pane.table
    for widget in (search.search_box, panes.library_pane.table, search.results):
        assert widget.accessibleName()
    assert search.help_button.accessibleName() and search.help_button.toolTip()
    assert "title:" in search.search_box.toolTip()


# ------------------------------------------------------------- empty state
def test_empty_state_button_requests_an_import(empty_panes: Panes, qtbot) -> None:  # type: ignore[no-untyped-def]
    pane = empty_panes.library_pane
    assert pane.import_button.isVisible()
    with qtbot.waitSignal(pane.importRequested, timeout=2_000):
        qtbot.mouseClick(pane.import_button, Qt.MouseButton.LeftButton)


def test_empty_state_goes_and_comes_back(empty_panes: Panes, seed_paths: list[Path]) -> None:  # type: ignore[no-untyped-def]
    pane, library = empty_panes.library_pane, empty_panes.library
    result = library.add_paths([seed_paths[0]])[0]
    assert result.id is not None
    pane.model.update_document(library.get(result.id))
    assert not pane.is_empty and pane.table.isVisible()
    pane.model.remove_document(result.id)
    assert pane.is_empty and pane.empty_page.isVisible()
