"""Conversion you can correct, in the real window: the text menu's choices, the rule
stored in the library's real rules file, the view rebuilt with highlights on their
words, undo, Settings ▸ Conversion, and the "check these spots" mark."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QAction, QColor, QTextCursor
from PySide6.QtWidgets import QApplication, QMenu

from desktop.core.conversion_rules import FILE_NAME, ConversionRuleStore
from desktop.core.library import Library
from desktop.core.search import SearchHit
from desktop.core.views import ViewOptions, build_view
from desktop.core.views.corrections import one_to_many_spots
from desktop.core.views.rules import ConversionRule
from desktop.ui.app.main_window import MainWindow
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.corrections import ConversionCorrections
from desktop.ui.reader.rule_service import ConversionRuleService
from desktop.ui.search.model import make_row, snippet_window
from desktop.ui.search.pane import view_options
from desktop.ui.settings.dialog import SettingsDialog

SIMPLIFIED = "党建引领"  # seed 000, Simplified: "……成立后，社……"


@pytest.fixture
def corrections(main_window: MainWindow) -> ConversionCorrections:
    """The window's corrections (installed here while the window does not yet)."""
    found = getattr(main_window, "corrections", None)
    if isinstance(found, ConversionCorrections):
        return found
    corrections = ConversionCorrections.install(main_window.reader, main_window.annotations)
    main_window.statusBar().addWidget(corrections.notice)  # as the window will place it
    return corrections


def _open(window: MainWindow, title_start: str, script: str) -> str:
    doc = next(d for d in window.library.documents() if d.title.startswith(title_start))
    window.open_document(doc.id)
    window.reader_toolbar.choose_script(script)
    return doc.id


def _point(window: MainWindow, view_offset: int) -> QPoint:
    """The viewport point in the middle of the character at ``view_offset``, scrolled
    into sight."""
    reader = window.reader
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(view_offset))
    reader.text.setTextCursor(cursor)
    reader.text.ensureCursorVisible()
    left = reader.text.cursorRect(cursor)
    cursor.setPosition(reader.view_to_qt(view_offset + 1))
    right = reader.text.cursorRect(cursor)
    return QPoint((left.left() + right.left()) // 2, left.center().y())


def _entries(menu: QMenu) -> list[tuple[str, bool, bool]]:
    return [(a.text(), a.isEnabled(), a.isChecked()) for a in menu.actions() if a.text()]


def _submenu(menu: QMenu, start: str) -> QMenu | None:
    for action in menu.actions():
        if action.menu() is not None and action.text().startswith(start):
            return action.menu()
    return None


def _correction_menu(window: MainWindow, view_offset: int) -> QMenu | None:
    menu = window.annotations.context_menu(_point(window, view_offset))
    return _submenu(menu, "Correct Conversion")


def _action(menu: QMenu, text: str, nth: int = 0) -> QAction:
    found = [a for a in menu.actions() if a.text() == text]
    return found[nth]


def _stored(library: Library) -> list[tuple[str, str, str, str | None]]:
    """The rules in the library's rules file, as written there."""
    data = json.loads((library.root / FILE_NAME).read_text("utf-8"))
    return [(r["from"], r["to"], r["script"], r["doc"]) for r in data["rules"]]


def _wait_rules(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    service = window.reader.conversion_rules
    assert service is not None
    qtbot.waitUntil(lambda: not service.busy, timeout=10_000)
    qtbot.waitUntil(lambda: not window.reader.loading, timeout=10_000)


def test_right_click_on_hou_in_a_traditional_view_offers_its_forms(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, SIMPLIFIED, "traditional")
    at = main_window.reader.view_text().index("成立後") + 2
    menu = _correction_menu(main_window, at)
    assert menu is not None
    assert menu.title() == "Correct Conversion of “後”"
    assert _entries(menu) == [
        ("This document (繁體)", False, False),
        ("後 (shown now)", False, True),
        ("Keep the Original “后”", True, False),
        ("All documents (繁體)", False, False),
        ("後 (shown now)", False, True),
        ("Keep the Original “后”", True, False),
    ]
    # a character OpenCC left alone and had no other form for: nothing to correct
    plain = main_window.reader.view_text().index("成立後")
    assert _correction_menu(main_window, plain) is None


def test_no_correction_entries_in_the_original_script(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, SIMPLIFIED, "original")
    at = main_window.reader.view_text().index("成立后") + 2
    assert _correction_menu(main_window, at) is None


def test_keep_the_original_for_this_document_then_undo(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, SIMPLIFIED, "traditional")
    reader, library = main_window.reader, main_window.library
    canonical = library.text(doc_id)
    word = canonical.index("成立后")
    # a highlight over the word, and the place read a few lines above it
    span = reader.to_view(word), reader.to_view(word + 3)
    assert span[0] is not None and span[1] is not None
    reader.select_view_range(span[0], span[1])
    item = main_window.annotations.highlight("green")
    assert item is not None
    reader.go_to_canonical(canonical.rfind("\n", 0, word - 20) + 1)
    place = reader.current_canonical()

    menu = _correction_menu(main_window, reader.view_text().index("成立後") + 2)
    assert menu is not None
    _action(menu, "Keep the Original “后”", 0).trigger()
    _wait_rules(qtbot, main_window)

    assert _stored(library) == [("后", "后", "traditional", doc_id)]
    rules = (ConversionRule("后", "后", "traditional", doc_id),)
    expected = build_view(
        canonical, ViewOptions(script="traditional", header=reader.options.header, rules=rules)
    )
    assert reader.view_text() == expected.text
    assert "成立后" in reader.view_text() and "成立後" not in reader.view_text()
    assert reader.current_canonical() == place
    painted = [
        reader.view_text()[a:b]
        for a, b, i in main_window.annotations.painted_spans()
        if i == item.id
    ]
    assert painted == ["成立后"]
    assert corrections.notice.isVisible() and corrections.notice.button.isVisible()
    assert corrections.notice.label.text() == "“后” is now kept as written in this document (繁體)."
    assert corrections.undo_action.isEnabled()

    corrections.undo_action.trigger()
    _wait_rules(qtbot, main_window)
    assert _stored(library) == []
    assert "成立後" in reader.view_text()
    painted = [
        reader.view_text()[a:b]
        for a, b, i in main_window.annotations.painted_spans()
        if i == item.id
    ]
    assert painted == ["成立後"]
    assert reader.current_canonical() == place
    assert corrections.notice.label.text() == "The conversion correction was undone."
    assert not corrections.notice.button.isVisible()
    assert not corrections.undo_action.isEnabled()


def test_a_rule_for_all_documents_shows_in_other_documents_and_can_be_removed_from_the_menu(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    _open(main_window, SIMPLIFIED, "traditional")
    reader, library = main_window.reader, main_window.library
    menu = _correction_menu(main_window, reader.view_text().index("成立後") + 2)
    assert menu is not None
    _action(menu, "Keep the Original “后”", 1).trigger()  # the "All documents" one
    _wait_rules(qtbot, main_window)
    assert _stored(library) == [("后", "后", "traditional", None)]
    assert corrections.notice.label.text() == "“后” is now kept as written in all documents (繁體)."

    other = _open(main_window, "之江潮涌", "traditional")  # seed 003: 党员后备库
    assert "后" in library.text(other) and reader.options.rules == (
        ConversionRule("后", "后", "traditional", None, reader.options.rules[0].created),
    )
    # the word a rule made: OpenCC's own form is offered, and removing the rule
    at = reader.view_text().index("后")
    menu = _correction_menu(main_window, at)
    assert menu is not None
    texts = [t for t, _, _ in _entries(menu)]
    assert texts[-1] == "Remove the Rule “后” → “后”"
    _action(menu, "Remove the Rule “后” → “后”").trigger()
    _wait_rules(qtbot, main_window)
    assert _stored(library) == []
    assert reader.view_text()[at] != "后"
    corrections.undo()  # puts the rule back where it was
    _wait_rules(qtbot, main_window)
    assert _stored(library) == [("后", "后", "traditional", None)]
    assert reader.view_text()[at] == "后"


def test_a_rule_that_cannot_be_stored_is_reported_naming_the_file(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    path = main_window.library.root / FILE_NAME
    newer = {"format": "tongwen-conversion-rules", "version": 99, "rules": []}
    path.write_text(json.dumps(newer), "utf-8")
    _open(main_window, SIMPLIFIED, "traditional")
    menu = _correction_menu(main_window, main_window.reader.view_text().index("成立後") + 2)
    assert menu is not None
    with qtbot.waitSignal(corrections.statusMessage, timeout=10_000) as said:
        _action(menu, "Keep the Original “后”").trigger()
    assert FILE_NAME in said.args[0]
    assert json.loads(path.read_text("utf-8")) == newer  # left untouched
    assert "成立後" in main_window.reader.view_text()


def test_corrections_in_a_long_document_read_in_pieces(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    line = "第{n}回 此后三日，众人先后回到城里，头发都白了。\n"
    body = "".join(line.format(n=n) for n in range(14000))
    path = tmp_path / "长篇.txt"
    path.write_text(body, "utf-8")
    result = main_window.library.add_file(path)
    assert result.id
    main_window.open_document(result.id)
    main_window.reader_toolbar.choose_script("traditional")
    reader = main_window.reader
    canonical = main_window.library.text(result.id)
    target = canonical.index("第9000回")
    reader.go_to_canonical(target)
    pieces = reader.pieces()
    assert pieces[0][1] > 0  # read in pieces: the first one starts far into the text
    at = reader.to_view(target)
    assert at is not None
    hou = reader.view_text().index("此後", at) + 1
    placed = corrections.choice_in_view(hou)
    assert placed is not None
    # 此后 is one of OpenCC's phrases: the word is the phrase
    assert placed.choice.source == "此后" and placed.choice.shown == "此後"
    assert placed.choice.start == canonical.index("此后", target)
    assert canonical[placed.choice.start : placed.choice.end] == "此后"
    corrections.choose(placed.choice, "此后", result.id)
    _wait_rules(qtbot, main_window)
    at = reader.to_view(target)
    assert at is not None
    assert reader.view_text()[at : at + 16].startswith("第9000回 此后三日")


def test_search_results_and_options_follow_the_rules(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, SIMPLIFIED, "traditional")
    reader = main_window.reader
    assert reader.conversion_rules is not None
    reader.conversion_rules.add(ConversionRule("后", "后", "traditional", doc_id))
    _wait_rules(qtbot, main_window)
    options = view_options(main_window.app_settings, doc_id, reader.rules_for)
    assert options.rules == reader.options.rules and len(options.rules) == 1
    assert view_options(main_window.app_settings, doc_id).rules == ()
    canonical = main_window.library.text(doc_id)
    start = canonical.index("成立后")
    hit = SearchHit(doc_id, "", 1.0, "", [], [(start, start + 3)], (start - 5, start + 10))
    row = make_row(hit, main_window.library.get(doc_id), options, snippet_window(canonical, hit))
    assert [row.snippet[a:b] for a, b in row.marks] == ["成立后"]
    assert "成立后" in row.snippet and "成立後" not in row.snippet


# ------------------------------------------------------------ Settings ▸ Conversion
@pytest.fixture
def titles(seeded_library: Library) -> dict[str, str]:
    return {d.id: d.title for d in seeded_library.documents()}


def _rows(dialog: SettingsDialog) -> list[list[str]]:
    page = dialog.conversion_page
    assert page is not None
    tree = page.tree
    return [
        [tree.topLevelItem(i).text(c) for c in range(4)]  # type: ignore[union-attr]
        for i in range(tree.topLevelItemCount())
    ]


def test_settings_lists_the_rules_and_removes_them_with_undo(
    qtbot, seeded_library: Library, settings: QSettings, titles: dict[str, str]
) -> None:  # type: ignore[no-untyped-def]
    doc_id = next(i for i, t in titles.items() if t.startswith(SIMPLIFIED))
    store = ConversionRuleStore(seeded_library.root)
    store.add(ConversionRule("后", "后", "traditional", doc_id))
    store.add(ConversionRule("皇后", "皇後", "any", None))
    store.add(ConversionRule("頭髮", "头发", "simplified", "0" * 64))  # a document since removed
    service = ConversionRuleService(seeded_library.root)
    dialog = SettingsDialog(
        AppSettings(settings), conversion_rules=service, document_title=titles.get
    )
    qtbot.addWidget(dialog)
    assert dialog.tabs.tabText(dialog.tabs.count() - 1) == "Conversion"
    assert _rows(dialog) == [
        ["后", "后", "繁體", titles[doc_id]],
        ["皇后", "皇後", "Every converted script", "All documents"],
        ["頭髮", "头发", "简体", "A document not in the library (000000000000)"],
    ]
    page = dialog.conversion_page
    assert page is not None
    dialog.tabs.setCurrentWidget(page)
    assert not page.problem_label.isVisibleTo(dialog)
    assert not page.undo_button.isEnabled() and not page.remove_button.isEnabled()

    page.tree.topLevelItem(0).setSelected(True)  # type: ignore[union-attr]
    page.tree.topLevelItem(2).setSelected(True)  # type: ignore[union-attr]
    page.remove_button.click()
    qtbot.waitUntil(lambda: not service.busy, timeout=10_000)
    assert [r[:2] for r in _rows(dialog)] == [["皇后", "皇後"]]
    assert [r.source for r in store.load().rules] == ["皇后"]
    assert page.undo_button.isEnabled()
    page.undo_button.click()
    qtbot.waitUntil(lambda: not service.busy, timeout=10_000)
    assert [r.source for r in store.load().rules] == ["后", "皇后", "頭髮"]  # where they were
    assert [r[0] for r in _rows(dialog)] == ["后", "皇后", "頭髮"]
    assert not page.undo_button.isEnabled()


def test_settings_names_a_damaged_rules_file(
    qtbot, seeded_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    path = seeded_library.root / FILE_NAME
    path.write_text('{"format": "tongwen-conversion-rules", "version": 1, "rules": [', "utf-8")
    service = ConversionRuleService(seeded_library.root)
    dialog = SettingsDialog(AppSettings(settings), conversion_rules=service)
    qtbot.addWidget(dialog)
    page = dialog.conversion_page
    assert page is not None
    dialog.tabs.setCurrentWidget(page)
    assert page.problem_label.isVisibleTo(dialog)
    assert not page.empty_label.isVisibleTo(dialog)
    assert page.problem_label.text() == (
        f"{path} cannot be used, so the views show OpenCC's conversion without your corrections."
    )
    assert str(path) in page.details_label.text()
    assert _rows(dialog) == []


def test_the_spots_setting_is_stored_on_ok(
    qtbot, seeded_library: Library, settings: QSettings
) -> None:  # type: ignore[no-untyped-def]
    app_settings = AppSettings(settings)
    service = ConversionRuleService(seeded_library.root)
    dialog = SettingsDialog(app_settings, conversion_rules=service)
    qtbot.addWidget(dialog)
    page = dialog.conversion_page
    assert page is not None and not page.spots_check.isChecked()
    page.spots_check.setChecked(True)
    assert dialog.changes() == ["mark_conversion_spots"]
    with qtbot.waitSignal(dialog.settingsChanged) as changed:
        dialog.accept()
    assert changed.args == [["mark_conversion_spots"]]
    assert app_settings.mark_conversion_spots


def test_settings_without_the_rules_has_no_conversion_page(qtbot, settings: QSettings) -> None:  # type: ignore[no-untyped-def]
    dialog = SettingsDialog(AppSettings(settings))
    qtbot.addWidget(dialog)
    assert dialog.conversion_page is None
    assert "mark_conversion_spots" not in dialog.chosen()


# ------------------------------------------------------------- the spots mark
def _mark_pixels(window: MainWindow, corrections: ConversionCorrections) -> list[bool]:
    """For each line the mark draws: whether the page, as shown, has the mark's colour
    in the band under that word."""
    image = window.reader.text.grab().toImage()
    offset = corrections.spots.geometry().topLeft()
    colour = corrections.spots.colour()
    found = []
    for left, right, y in corrections.spots.segments():
        if not 0 <= int(y) + offset.y() - 3 < int(y) + offset.y() + 4 <= image.height():
            continue  # on the line cut off at the bottom of the page
        hit = False
        for x in range(int(left) + 2, int(right) - 1):
            for dy in range(-3, 4):
                pixel = QColor(image.pixel(x + offset.x(), int(y) + dy + offset.y()))
                close = sum(abs(a - b) for a, b in zip(pixel.getRgb()[:3], colour.getRgb()[:3]))
                hit = hit or close < 90
        found.append(hit)
    return found


def test_the_mark_underlines_the_one_to_many_spots_on_the_page(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, SIMPLIFIED, "traditional")
    reader = main_window.reader
    spots = corrections.spots
    assert not spots.isVisible() and not corrections.spots_action.isChecked()
    reader.go_to_canonical(main_window.library.text(doc_id).index("成立后") - 10)
    corrections.spots_action.setChecked(True)
    assert main_window.app_settings.mark_conversion_spots  # kept for the next start
    qtbot.waitUntil(lambda: not spots.pending and bool(spots.marks), timeout=20_000)

    # the marks are the core's spots for the visible part of the view
    ((view_start, _canon_start, view),) = reader.pieces()  # a short document: one piece
    v0, v1 = spots.visible_view_range()
    expected = one_to_many_spots(reader.canonical, view, v0 - view_start, v1 - view_start)
    assert [(m.view_start, m.view_end) for m in spots.marks] == [
        (s.view_start, s.view_end) for s in expected
    ]
    text = reader.view_text()
    shown = [text[view_start + m.view_start : view_start + m.view_end] for m in spots.marks]
    assert "後" in shown and shown == [s.shown for s in expected]
    # ... and drawn: a wavy line in the mark's colour under each word on screen
    drawn = _mark_pixels(main_window, corrections)
    assert drawn and all(drawn)
    assert len(spots.segments()) >= sum(len(s) for s in shown if s) - len(shown)

    corrections.spots_action.setChecked(False)
    QApplication.processEvents()
    assert not spots.isVisible() and not main_window.app_settings.mark_conversion_spots


def test_the_mark_leaves_out_words_a_rule_decided_and_the_original_script(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, SIMPLIFIED, "traditional")
    reader = main_window.reader
    reader.go_to_canonical(main_window.library.text(doc_id).index("成立后") - 10)
    corrections.spots_action.setChecked(True)
    spots = corrections.spots
    qtbot.waitUntil(lambda: not spots.pending and bool(spots.marks), timeout=20_000)
    assert "后" in [m.source for m in spots.marks]
    assert reader.conversion_rules is not None
    reader.conversion_rules.add(ConversionRule("后", "後", "traditional", doc_id))
    _wait_rules(qtbot, main_window)
    qtbot.waitUntil(lambda: not spots.pending and bool(spots.marks), timeout=20_000)
    assert "后" not in [m.source for m in spots.marks]
    main_window.reader_toolbar.choose_script("original")
    qtbot.waitUntil(lambda: not spots.pending, timeout=20_000)
    assert spots.marks == [] and spots.segments() == []


def test_right_click_in_vertical_mode_offers_the_forms_of_the_word_clicked(
    qtbot, main_window: MainWindow, corrections: ConversionCorrections
) -> None:  # type: ignore[no-untyped-def]
    doc_id = _open(main_window, SIMPLIFIED, "traditional")
    reader = main_window.reader
    reader.set_vertical(True)
    reader.go_to_canonical(main_window.library.text(doc_id).index("成立后"))
    page = reader.vertical.page
    at = reader.view_text().index("成立後") + 2
    rect = page.char_rect(at)
    assert rect is not None
    # the vertical page asks for the menu at its point mapped onto the horizontal page
    local = reader.text.viewport().mapFromGlobal(page.mapToGlobal(rect.center().toPoint()))
    menu = _submenu(main_window.annotations.context_menu(local), "Correct Conversion")
    assert menu is not None and menu.title() == "Correct Conversion of “後”"
    before = reader.text.viewport().mapFromGlobal(
        page.mapToGlobal(page.char_rect(at - 1).center().toPoint())  # type: ignore[union-attr]
    )
    assert _submenu(main_window.annotations.context_menu(before), "Correct Conversion") is None
