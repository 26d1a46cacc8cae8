"""Library search in the real main window: box, results, hits in the reader, index upkeep."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.core.library import Library
from desktop.core.locks import FileLock
from desktop.core.paths import index_dir
from desktop.core.search import SearchHit
from desktop.core.search import index as index_module
from desktop.core.views import ViewOptions
from desktop.ui.app.main_window import MainWindow
from desktop.ui.search import index_service
from desktop.ui.search.model import ResultRow, convert_marked, make_row, row_html, snippet_window

SEED_TITLE = "健全社會工作體制機制,立體推進城鄉基層治理工作"


def _ready(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(
        lambda: window.index_service.ready and window.index_service.idle, timeout=20_000
    )


def _search(qtbot, window: MainWindow, query: str) -> list[ResultRow]:  # type: ignore[no-untyped-def]
    pane = window.search_pane
    pane.search_box.setText(query)
    assert pane.searching
    qtbot.waitUntil(lambda: pane.showing_results and not pane.searching, timeout=20_000)
    return pane.model.rows()


def _action(window: MainWindow, keys: str) -> QAction:
    wanted = QKeySequence(keys)
    found = [a for a in window.actions() if a.shortcut() == wanted]
    assert len(found) == 1, f"one action for {keys}, found {[a.text() for a in found]}"
    return found[0]


# --------------------------------------------------------------- display rows
def test_convert_marked_moves_marks_through_phrase_conversion() -> None:
    text, marks = convert_marked("要优化社会工作体制", [(1, 3), (3, 7)], "taiwan", phrases=True)
    assert text == "要最佳化社會工作體制"
    assert [text[s:e] for s, e in marks] == ["最佳化", "社會工作"]
    same, kept = convert_marked("社會工作", [(0, 4)], "original")
    assert (same, kept) == ("社會工作", [(0, 4)])


def test_snippet_goes_through_the_view_with_exact_marks() -> None:
    canonical = "標題\n前文。推進社會(huì)工作體制(zhì)改革,社會工作者。\n後文"
    start = canonical.index("社會(huì)工作")
    second = canonical.index("社會工作者")
    hits = [(start, start + 9), (second, second + 4)]
    hit = SearchHit("cd" * 32, "標題", 1.0, "", [], hits, (start - 3, start + 20))
    window = snippet_window(canonical, hit)
    assert window == (3, canonical[3 : canonical.index("\n後文")])
    row = make_row(hit, None, ViewOptions(script="simplified"), window)
    assert row.snippet.startswith("前文。推进社会工作体制改革")
    assert [row.snippet[s:e] for s, e in row.marks] == ["社会工作", "社会工作"]
    assert row.hits == tuple(hits)
    raw = make_row(hit, None, ViewOptions(clean=False, script="original"), window)
    assert [raw.snippet[s:e] for s, e in raw.marks] == ["社會(huì)工作", "社會工作"]


def test_row_html_escapes_and_marks() -> None:
    hit = SearchHit("ab" * 32, "<script>标题", 1.0, " 在社會工作中 ", [(2, 6)], [(10, 14)], (8, 16))
    row = make_row(hit, None, ViewOptions(script="simplified"))
    assert row.title == "<script>标题"
    assert row.snippet[row.marks[0][0] : row.marks[0][1]] == "社会工作"
    html = row_html(row, mark="#ff0")
    assert "&lt;script&gt;" in html and "<script>" not in html
    assert (
        '<span style="background-color:#ff0; color:#000000; font-weight:600;">社会工作</span>'
        in html
    )
    assert html.endswith("…</span>") and row.cut_before


# ----------------------------------------------------------- the main window
def test_both_scripts_list_the_same_five_seeds(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    everything = {d.id for d in main_window.library.documents()}
    simplified = _search(qtbot, main_window, "社会工作")
    traditional = _search(qtbot, main_window, "社會工作")
    assert {r.doc_id for r in simplified} == everything
    assert [r.doc_id for r in traditional] == [r.doc_id for r in simplified]
    assert not main_window.library_pane.isVisible()
    assert "5" in main_window.search_pane.message.text()
    for row in simplified:
        assert row.marks, row.title
        for start, end in row.marks:  # each row is in the document's own script here
            assert row.snippet[start:end] in ("社会工作", "社會工作")


def test_snippets_follow_the_chosen_script(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    main_window.app_settings.default_script = "simplified"
    rows = _search(qtbot, main_window, "社會工作")
    assert rows
    for row in rows:
        assert all(row.snippet[s:e] == "社会工作" for s, e in row.marks)
        assert "會" not in row.title
    assert any(r.title == "健全社会工作体制机制,立体推进城乡基层治理工作" for r in rows)


def test_open_result_marks_every_hit_and_f3_steps(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    main_window.app_settings.default_script = "simplified"
    rows = _search(qtbot, main_window, "社會工作")
    pane = main_window.search_pane
    row_no = next(i for i, r in enumerate(rows) if r.title.startswith("健全社会工作"))
    pane.results.setCurrentIndex(pane.model.index(row_no, 0))
    pane.results.setFocus()
    qtbot.keyClick(pane.results, Qt.Key.Key_Return)
    reader = main_window.reader
    assert reader.record is not None and reader.record.title == SEED_TITLE
    qtbot.waitUntil(lambda: not reader.loading)
    hits = main_window.search_hits.hits
    # every hit but the one in the title line, which the header shows (hidden in the view)
    shown = [h for h in rows[row_no].hits if reader.to_view(h[1]) > reader.to_view(h[0])]
    assert hits == shown and len(shown) == len(rows[row_no].hits) - 1 > 1
    view = reader.view_text()
    for start, end in hits:  # canonical hits, shown at the right characters of the view
        v0, v1 = reader.to_view(start), reader.to_view(end)
        assert v0 is not None and v1 is not None
        assert view[v0:v1] == "社会工作"
    cursor = reader.text.textCursor()
    assert cursor.selectedText() == "社会工作"
    first = cursor.selectionStart()
    qtbot.waitUntil(lambda: reader.highlighted_count() > 0)

    _action(main_window, "F3").trigger()
    assert main_window.search_hits.current == 1
    assert reader.text.textCursor().selectedText() == "社会工作"
    assert reader.text.textCursor().selectionStart() > first
    _action(main_window, "Shift+F3").trigger()
    assert reader.text.textCursor().selectionStart() == first
    _action(main_window, "Shift+F3").trigger()  # wraps to the last hit
    assert main_window.search_hits.current == len(hits) - 1


def test_hits_survive_a_script_switch(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    rows = _search(qtbot, main_window, "社会工作")
    main_window.search_pane.results.setCurrentIndex(main_window.search_pane.model.index(0, 0))
    main_window.search_pane.open_current()
    reader = main_window.reader
    reader.set_options(script="traditional")
    qtbot.waitUntil(lambda: not reader.loading and reader.highlighted_count() > 0)
    view = reader.view_text()
    start, end = main_window.search_hits.hits[0]
    v0, v1 = reader.to_view(start), reader.to_view(end)
    assert v0 is not None and v1 is not None and view[v0:v1] == "社會工作"
    assert rows[0].doc_id == reader.doc_id


def test_escape_returns_to_the_full_list(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    pane = main_window.search_pane
    _search(qtbot, main_window, "昆山")
    assert pane.showing_results
    qtbot.keyClick(pane.search_box, Qt.Key.Key_Escape)
    assert not pane.showing_results
    assert pane.search_box.text() == ""
    assert main_window.library_pane.isVisible()
    assert main_window.library_pane.visible_count() == 5


def test_bad_query_shows_a_hint_and_no_match_says_so(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    rows = _search(qtbot, main_window, '"社会工作')
    message = main_window.search_pane.message.text()
    assert "quotation mark" in message
    assert len(rows) == 5
    assert _search(qtbot, main_window, "published:20x4 社会") is not None
    assert "not a date" in main_window.search_pane.message.text()
    assert _search(qtbot, main_window, "量子色动力学") == []
    # the empty result is now its own centered state in place of the list
    assert "No document contains “量子色动力学”" in main_window.search_pane.empty_label.text()


def test_an_estimated_total_says_about(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    from desktop.core.search import SearchResults

    hits = [SearchHit(f"{n:064x}", "t", 1.0, "", [], []) for n in range(20)]
    pane = main_window.search_pane
    exact = pane._summary(SearchResults(hits=hits, total=500))
    about = pane._summary(SearchResults(hits=hits, total=500, estimated=True))
    assert exact.startswith("500 document") and "best 20" in exact
    assert about.startswith("About 500 document") and "best 20" in about


def test_imported_file_becomes_findable(qtbot, main_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    assert _search(qtbot, main_window, "凤凰花开") == []
    new = tmp_path / "鳳凰.txt"
    new.write_text("鳳凰花開的路口\n\n又是一年鳳凰花開時,畢業的歌聲響起。", "utf-8")
    main_window.import_paths([new])
    qtbot.waitUntil(lambda: main_window._import_task is None, timeout=10_000)
    _ready(qtbot, main_window)
    qtbot.waitUntil(lambda: len(main_window.search_pane.model.rows()) == 1, timeout=10_000)
    row = main_window.search_pane.model.rows()[0]
    assert row.title == "鳳凰花開的路口"
    assert len(row.hits) == 2


def test_removed_document_leaves_the_results(qtbot, main_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _ready(qtbot, main_window)
    rows = _search(qtbot, main_window, "昆山")
    assert rows
    main_window.library.remove(rows[0].doc_id)
    _ready(qtbot, main_window)
    qtbot.waitUntil(
        lambda: rows[0].doc_id not in {r.doc_id for r in main_window.search_pane.model.rows()},
        timeout=10_000,
    )


# ------------------------------------------------------------- index upkeep
def _window(qtbot, library: Library, settings: QSettings) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow(library, settings)
    qtbot.addWidget(window)
    return window


def _dead_pid() -> int:
    code = "import os; print(os.getpid())"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return int(proc.stdout)  # that process has ended: its pid is (almost surely) free


@pytest.mark.parametrize("damage", ["missing", "unreadable", "stale-lock"])
def test_index_is_rebuilt_at_startup_with_progress(  # type: ignore[no-untyped-def]
    qtbot, seeded_library: Library, settings: QSettings, damage: str
) -> None:
    folder = index_dir(seeded_library.root)
    if damage != "missing":
        folder.mkdir(parents=True)
        (folder / "manifest.json").write_text("{not json", "utf-8")
    if damage == "stale-lock":
        (folder / "manifest.json").write_text(json.dumps({"version": 1, "docs": {}}), "utf-8")
        (folder / "writer.lock").write_text(str(_dead_pid()), "utf-8")
    window = _window(qtbot, seeded_library, settings)
    messages: list[str] = []
    window.index_service.status.connect(messages.append)
    window.show()
    _ready(qtbot, window)
    assert any(m.startswith("Rebuilding search index… ") and m.endswith("%") for m in messages)
    assert "Rebuilding search index… 100%" in messages
    assert window.index_label.text() == ""
    assert window.index_service.index.rebuilt_because
    assert len(_search(qtbot, window, "社会工作")) == 5
    window.close()


def test_index_written_by_another_process_is_retried(  # type: ignore[no-untyped-def]
    qtbot, seeded_library: Library, settings: QSettings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(index_service, "BUSY_RETRY_MS", 50)
    monkeypatch.setattr(index_module, "WRITER_WAIT", 0.1)
    folder = index_dir(seeded_library.root)
    folder.mkdir(parents=True)
    lock = FileLock(folder / "writer.lock", timeout=0)  # an OS lock, as another process holds it
    lock.acquire()
    try:
        window = _window(qtbot, seeded_library, settings)
        window.show()
        qtbot.waitUntil(lambda: "busy" in window.index_label.text(), timeout=10_000)
        window.search_pane.search_box.setText("社会工作")
        # the list stays filtered as typed; the full text waits for the index
        qtbot.waitUntil(lambda: window.search_pane._awaiting == "社会工作", timeout=5_000)
        assert not window.search_pane.showing_results
    finally:
        lock.release()
    _ready(qtbot, window)
    qtbot.waitUntil(lambda: len(window.search_pane.model.rows()) == 5, timeout=10_000)
    window.close()


def test_index_damaged_under_a_search_is_rebuilt_and_the_search_answered(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow
) -> None:
    _ready(qtbot, main_window)
    data = main_window.index_service.index.data_folder
    assert data is not None
    body = data / "body"
    for seg in body.glob("seg-*.post"):
        seg.write_bytes(b"\x00garbage" * 64)
    messages: list[str] = []
    main_window.index_service.status.connect(messages.append)
    assert len(_search(qtbot, main_window, "社会工作 昆山")) == 1
    assert "Rebuilding search index… 100%" in messages
    assert "damaged" in (main_window.index_service.index.rebuilt_because or "")


def test_reindex_from_the_cli_under_a_running_window(  # type: ignore[no-untyped-def]
    qtbot, main_window: MainWindow, seeded_library: Library, tmp_path: Path
) -> None:
    """``check --reindex`` in another process no longer turns the window's search off."""
    _ready(qtbot, main_window)
    assert len(_search(qtbot, main_window, "社会工作")) == 5
    code = "import sys; from desktop.cli import main; raise SystemExit(main(sys.argv[1:]))"
    args = ["--library", str(seeded_library.root), "check", "--reindex"]
    done = subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=Path(__file__).resolve().parents[3],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert len(_search(qtbot, main_window, "社會工作")) == 5
    new = tmp_path / "鳳凰.txt"
    new.write_text("鳳凰花開的路口,社會工作者。\n", "utf-8")
    main_window.import_paths([new])
    qtbot.waitUntil(lambda: main_window._import_task is None, timeout=10_000)
    _ready(qtbot, main_window)
    assert len(_search(qtbot, main_window, "社会工作")) == 6
    assert main_window.index_service.error is None
