"""The reader pane on the real main window: views, positions, loading, UTF-16."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer

from desktop.core.library import Library
from desktop.core.views import ViewOptions, build_view
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import Utf16Index


def _open(window: MainWindow, title_start: str) -> str:
    doc = next(d for d in window.library.documents() if d.title.startswith(title_start))
    window.open_document(doc.id)
    return doc.id


def _shown(window: MainWindow) -> str:
    """The widget's text as is (``toPlainText`` turns no-break spaces into spaces)."""
    return window.reader.text.document().toRawText().replace("\u2029", "\n")


def _import(window: MainWindow, path: Path) -> str:
    result = window.library.add_file(path)
    assert result.id, result.error
    return result.id


def _novel(path: Path, lines: int = 3000) -> Path:
    body = "".join(
        f"第{i}行 話說天下大勢,分久必合,合久必分。周末七國分爭,並入於秦。\n" for i in range(lines)
    )
    path.write_text(body, "utf-8")
    return path


def _wait_loaded(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: not window.reader.loading, timeout=120_000)


@pytest.mark.parametrize("script", ["simplified", "traditional", "taiwan", "hongkong", "original"])
def test_script_toggle_shows_build_view(qtbot, main_window: MainWindow, script: str) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, "健全社會工作")
    main_window.reader_toolbar.choose_script(script)
    options = ViewOptions(script=script, header=main_window.reader.options.header)
    expected = build_view(main_window.library.text(doc_id), options).text
    assert _shown(main_window) == expected
    assert main_window.reader_toolbar.script_buttons[script].isChecked()


def test_script_choice_is_remembered_per_document(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    first = _open(main_window, "健全社會工作")
    main_window.reader_toolbar.choose_script("simplified")
    _open(main_window, "党建引领")
    assert main_window.reader.options.script == "original"  # the default
    main_window.open_document(first)
    assert main_window.reader.options.script == "simplified"
    assert "社会工作" in main_window.reader.text.toPlainText()


def test_clean_toggle_shows_raw_text(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, "健全社會工作")
    canonical = main_window.library.text(doc_id)
    main_window.reader_toolbar.clean_action.setChecked(False)
    assert _shown(main_window) == canonical
    main_window.reader_toolbar.clean_action.setChecked(True)
    header = main_window.reader.options.header
    assert _shown(main_window) == build_view(canonical, ViewOptions(header=header)).text
    assert len(main_window.reader.text.toPlainText()) < len(canonical)


def test_position_survives_script_switch_and_reopen(
    qtbot, main_window: MainWindow, seeded_library: Library, settings: QSettings, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _import(main_window, _novel(tmp_path / "長篇.txt"))
    main_window.open_document(doc_id)
    _wait_loaded(qtbot, main_window)
    reader = main_window.reader
    canonical = main_window.library.text(doc_id)
    target = canonical.index("第1500行")
    reader.go_to_canonical(target)
    assert reader.current_canonical() == target
    main_window.reader_toolbar.choose_script("simplified")
    assert reader.current_canonical() == target
    _wait_loaded(qtbot, main_window)
    assert reader.current_canonical() == target
    reader.place.record()
    reader.flush_position()
    main_window.annotations.wait_for_saves(10_000)
    assert main_window.library.get(doc_id).progress == pytest.approx(target / len(canonical))
    _open(main_window, "党建引领")
    main_window.open_document(doc_id)
    assert reader.current_canonical() == target
    main_window.close()
    again = MainWindow(seeded_library, settings)
    qtbot.addWidget(again)
    again.show()
    again.open_document(doc_id)
    assert again.reader.options.script == "simplified"
    assert again.reader.current_canonical() == target
    again.close()


def test_progressive_loading_ends_with_full_text(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    AppSettings(main_window.settings).clean = False
    doc_id = _import(main_window, _novel(tmp_path / "大書.txt", lines=60_000))  # ~2.7 MB
    canonical = main_window.library.text(doc_id)
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(0)
    main_window.open_document(doc_id)
    reader = main_window.reader
    assert reader.loading
    assert reader.text.toPlainText()  # the first screen is there at once
    with qtbot.waitSignal(reader.loadFinished, timeout=120_000):
        pass
    timer.stop()
    assert len(ticks) > 3  # the event loop kept running while the text loaded
    expected = build_view(canonical, ViewOptions(clean=False)).text
    assert _shown(main_window) == expected
    main_window.reader_toolbar.choose_script("simplified")
    assert reader.loading
    _wait_loaded(qtbot, main_window)
    assert reader.view_text() == build_view(canonical, reader.options).text


def test_switching_again_cancels_the_previous_load(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    AppSettings(main_window.settings).clean = False
    doc_id = _import(main_window, _novel(tmp_path / "大書.txt", lines=60_000))
    main_window.open_document(doc_id)
    main_window.reader_toolbar.choose_script("simplified")
    main_window.reader_toolbar.choose_script("traditional")
    _wait_loaded(qtbot, main_window)
    canonical = main_window.library.text(doc_id)
    expected = build_view(canonical, ViewOptions(clean=False, script="traditional")).text
    assert _shown(main_window) == expected


def test_utf16_index_with_astral_text() -> None:
    text = "a𠮷b𠮷𠮷c"
    index = Utf16Index(text)
    utf16 = text.encode("utf-16-le")
    for i in range(len(text) + 1):
        q = index.to_qt(i)
        assert len(text[:i].encode("utf-16-le")) // 2 == q
        assert index.to_py(q) == i
    assert index.qt_length == len(utf16) // 2
    assert index.to_py(2) == 1  # inside the surrogate pair: the character's start
    grown = Utf16Index("x𠮷")
    grown.prepend("𠮷y")
    grown.append("𠮷")
    whole = "𠮷yx𠮷𠮷"
    assert [grown.to_qt(i) for i in range(6)] == [
        len(whole[:i].encode("utf-16-le")) // 2 for i in range(6)
    ]


def test_astral_text_positions_in_the_widget(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "吉.txt"
    path.write_text("𠮷野家\n\n" + "𠮷野家的牛丼,𠮷野家的湯。\n" * 40, "utf-8")
    doc_id = _import(main_window, path)
    main_window.open_document(doc_id)
    reader = main_window.reader
    view = reader.view_text()
    start = view.index("牛丼")
    reader.select_view_range(start, start + 2)
    assert reader.text.textCursor().selectedText() == "牛丼"
    cursor = reader.text.textCursor()
    assert reader.qt_to_view(cursor.selectionStart()) == start
    main_window.find_bar.open_bar()
    main_window.find_bar.edit.setText("的湯")
    qtbot.waitUntil(lambda: bool(main_window.find_bar.matches))
    assert len(main_window.find_bar.matches) == 40
    assert reader.text.textCursor().selectedText() == "的湯"


def test_ruby_mode_underlines_and_reports_readings(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    AppSettings(main_window.settings).pinyin = "ruby"
    doc_id = _open(main_window, "近日,習近平")
    reader = main_window.reader
    assert reader.options.pinyin == "ruby"
    view = build_view(main_window.library.text(doc_id), reader.options)
    assert view.ruby
    start, _end, reading = view.ruby[0]
    assert reader.ruby_at(start) == reading
    assert "(xí)" not in reader.text.toPlainText()


def _top_view_offset(reader) -> int:  # type: ignore[no-untyped-def]
    return reader.qt_to_view(reader.text.top_qt())


def _bottom_line_start(reader) -> int:  # type: ignore[no-untyped-def]
    """View offset of the start of the last (partly) visible line."""
    from PySide6.QtCore import QPoint
    from PySide6.QtGui import QTextCursor

    cursor = reader.text.cursorForPosition(QPoint(2, reader.text.viewport().height() - 1))
    cursor.movePosition(QTextCursor.MoveOperation.StartOfLine)
    return reader.qt_to_view(cursor.position())


@pytest.mark.parametrize(
    ("key", "modifier"),
    [
        (Qt.Key.Key_PageDown, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_page_keys_scroll_a_screen_keeping_a_line(
    qtbot, main_window: MainWindow, tmp_path: Path, key: Qt.Key, modifier: Qt.KeyboardModifier
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _import(main_window, _novel(tmp_path / "長篇.txt", lines=400))
    main_window.open_document(doc_id)
    reader = main_window.reader
    reader.text.setFocus()
    bar = reader.text.verticalScrollBar()
    before, last_line = bar.value(), _bottom_line_start(reader)
    assert before == 0
    qtbot.keyClick(reader.text, key, modifier)
    screen = bar.value() - before
    assert screen > 3  # about a screen of lines, not one line
    assert _top_view_offset(reader) == last_line  # the old last line is now the first
    back = Qt.KeyboardModifier.ShiftModifier if key == Qt.Key.Key_Space else modifier
    qtbot.keyClick(reader.text, Qt.Key.Key_PageUp if key != Qt.Key.Key_Space else key, back)
    assert bar.value() == before


def test_home_and_end_keys_go_to_the_ends(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc_id = _import(main_window, _novel(tmp_path / "長篇.txt", lines=400))
    main_window.open_document(doc_id)
    reader = main_window.reader
    bar = reader.text.verticalScrollBar()
    qtbot.keyClick(reader.text, Qt.Key.Key_End)
    assert bar.value() == bar.maximum() > 0
    qtbot.keyClick(reader.text, Qt.Key.Key_Home)
    assert bar.value() == 0
    qtbot.keyClick(reader.text, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert bar.value() == bar.maximum()
    qtbot.keyClick(reader.text, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert reader.current_canonical() == 0


def test_end_of_a_big_document_loads_its_last_part(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    AppSettings(main_window.settings).clean = False
    doc_id = _import(main_window, _novel(tmp_path / "大書.txt", lines=60_000))
    main_window.open_document(doc_id)
    reader = main_window.reader
    assert reader.loading
    qtbot.keyClick(reader.text, Qt.Key.Key_End)  # the text loaded so far does not reach it
    canonical = main_window.library.text(doc_id)
    assert reader.to_view(len(canonical)) is not None
    assert "第59999行" in reader.text.toPlainText()[-200:]
    _wait_loaded(qtbot, main_window)


def test_chapters_next_and_previous(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "演義.txt"
    path.write_text(
        "".join(f"第{n}回 宴桃園\n\n" + "話說天下大勢。\n" * 60 for n in "一二三四"), "utf-8"
    )
    doc_id = _import(main_window, path)
    main_window.open_document(doc_id)
    reader = main_window.reader
    chapters = [offset for offset, _ in main_window.library.get(doc_id).chapters]
    assert len(chapters) == 4
    reader.go_to_canonical(chapters[0])
    reader.next_chapter()
    assert reader.current_canonical() == chapters[1]
    reader.next_chapter()
    reader.previous_chapter()
    assert reader.current_canonical() == chapters[1]
    reader.go_to_canonical(chapters[3])
    messages: list[str] = []
    reader.statusMessage.connect(messages.append)
    reader.next_chapter()
    assert reader.current_canonical() == chapters[3] and messages


def test_zoom_changes_the_font_and_the_toolbar(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    reader, toolbar = main_window.reader, main_window.reader_toolbar
    size = reader.text.font().pointSizeF()
    reader.zoom_in()
    assert reader.text.font().pointSizeF() == size + 1
    assert toolbar.size_spin.value() == int(size + 1)
    reader.zoom_out()
    reader.zoom_out()
    assert reader.text.font().pointSizeF() == size - 1
    reader.zoom_reset()
    assert reader.text.font().pointSizeF() == 15.0
    for _ in range(60):
        reader.zoom_in()
    assert reader.text.font().pointSizeF() == 48.0


def test_first_run_hint_shows_once(
    qtbot, main_window: MainWindow, seeded_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    hint = main_window.reader_toolbar.hint_bar
    assert not hint.isVisible()  # nothing open yet
    _open(main_window, "健全社會工作")
    assert hint.isVisible()
    assert "简体" in hint.labels[0].text() and "right-click" in hint.labels[1].text()
    qtbot.mouseClick(hint.close_button, Qt.MouseButton.LeftButton)
    assert not hint.isVisible()
    assert AppSettings(settings).hint_seen("reader-welcome")
    _open(main_window, "党建引领")
    assert not hint.isVisible()
    main_window.close()
    again = MainWindow(seeded_library, settings)
    qtbot.addWidget(again)
    again.show()
    _open(again, "健全社會工作")
    assert not again.reader_toolbar.hint_bar.isVisible()
    again.close()


def test_accessible_names_follow_the_document(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reader = main_window.reader
    assert reader.text.accessibleName() == "Document text"
    _open(main_window, "健全社會工作")
    assert reader.record is not None and reader.record.title in reader.text.accessibleName()
    toolbar = main_window.reader_toolbar
    for widget in (
        *toolbar.script_buttons.values(),
        toolbar.region_button,
        toolbar.typography_button,
        toolbar.font_combo,
        toolbar.size_spin,
        toolbar.theme_combo,
        toolbar.pinyin_combo,
    ):
        assert widget.accessibleName()
    assert main_window.find_bar.edit.accessibleName()
    assert main_window.toc.list.accessibleName()
    assert main_window.annotations_panel.list.accessibleName()


def test_tab_goes_from_the_hint_to_the_text_to_the_find_bar(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "健全社會工作")
    hint = main_window.reader_toolbar.hint_bar
    assert hint.close_button.nextInFocusChain() is main_window.reader.text
    main_window.find_bar.open_bar()
    main_window.reader.text.setFocus()
    qtbot.keyClick(main_window.reader.text, Qt.Key.Key_Tab)
    assert main_window.find_bar.edit.hasFocus()


def test_header_is_not_repeated_as_the_first_lines(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Seed 000 starts with its title and a 苏州新闻网 2024-08-04 line: the header shows both."""
    _open(main_window, "党建引领")
    reader = main_window.reader
    assert reader.title_label.text() == "党建引领 打造和谐昆山“共同体”"
    assert "苏州新闻网" in reader.meta_label.text()
    shown = _shown(main_window)
    assert "党建引领 打造和谐昆山" not in shown[:200] and "苏州新闻网" not in shown[:200]
    main_window.reader_toolbar.clean_action.setChecked(False)  # raw keeps every line
    assert _shown(main_window).startswith("首页")


def test_edited_title_shows_above_and_the_old_title_line_comes_back(
    qtbot, main_window: MainWindow
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, "党建引领")
    reader = main_window.reader
    main_window.reader_toolbar.choose_script("traditional")
    main_window.library.update_meta(doc_id, title="昆山社会工作研讨")
    qtbot.waitUntil(lambda: reader.title_label.text() == "崑山社會工作研討")
    assert main_window.reader.options.script == "traditional"
    # the header no longer shows the old title: the clean view gives its line back
    qtbot.waitUntil(lambda: "黨建引領 打造和諧崑山" in _shown(main_window)[:100])


def test_simplified_title_follows_the_documents_regional_standard(
    qtbot, main_window: MainWindow, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "說著話.txt"
    path.write_text("他說著話走了。\n" + "臺灣的人說著話，看著遠處的山。\n" * 50, "utf-8")
    doc_id = _import(main_window, path)
    main_window.open_document(doc_id)
    main_window.library.set_region(doc_id, "taiwan")
    main_window.reader_toolbar.choose_script("simplified")
    qtbot.waitUntil(lambda: main_window.reader.options.region == "taiwan", timeout=2000)
    assert main_window.reader.title_label.text() == "说着话"


def test_details_line_follows_the_script_shown(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, "党建引领")
    main_window.reader_toolbar.choose_script("traditional")
    assert main_window.reader.meta_label.text() == "佔長孫 · 蘇州新聞網 · 2024-08-04"
    main_window.reader_toolbar.choose_script("original")
    assert main_window.reader.meta_label.text() == "占长孙 · 苏州新闻网 · 2024-08-04"
