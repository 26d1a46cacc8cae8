"""The first search index of a big library: paused and resumed from the status bar.

A real library of a few hundred generated documents, a real index service: pausing
stops the full pass with part of the library indexed (searches find that part),
resuming carries on from there, and the status bar's button follows the work.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QApplication

from desktop.core.library import Library
from desktop.core.search import SearchResults
from desktop.ui.search.index_service import IndexService
from desktop.ui.search.index_status import IndexStatus

#: Enough documents that the pass is still running when the first progress arrives
#: (about 4 ms a document here).
DOCUMENTS = 300
_PERCENT = re.compile(r"(\d+)%")


@pytest.fixture
def big_library(library_dir: Path, tmp_path: Path) -> Library:
    library = Library.open(library_dir)
    text = "\n".join(f"第{n}段：同文阅读器的测试文字，用来建立索引。" for n in range(60))
    files = tmp_path / "files"
    files.mkdir()
    for n in range(DOCUMENTS):
        path = files / f"doc{n:03d}.txt"
        path.write_text(f"第{n}号文件 共同词\n{text}\n", "utf-8")
        assert library.add_file(path).status == "imported"
    return library


class Watched:
    """An index service with its status widget, every status message kept."""

    def __init__(self, qtbot, library: Library) -> None:  # type: ignore[no-untyped-def]
        self.qtbot = qtbot
        self.service = IndexService(library)
        self.widget = IndexStatus(self.service)
        qtbot.addWidget(self.widget)
        self.widget.show()
        self.messages: list[str] = []
        self.service.status.connect(self.messages.append)

    def percents(self) -> list[int]:
        return [int(m.group(1)) for t in self.messages if (m := _PERCENT.search(t))]

    def count(self, query: str = "共同词") -> int:
        """How many documents a search finds (through the service, as the pane searches)."""
        found: list[int] = []
        errors: list[str] = []

        def done(results: SearchResults, _prepared: object) -> None:
            found.append(results.total)

        self.service.search(query, done, errors.append, limit=None)
        self.qtbot.waitUntil(lambda: bool(found or errors), timeout=20_000)
        assert not errors, errors
        return found[0]

    def stopped(self) -> bool:
        return not self.service.busy

    def close(self) -> None:
        self.service.shutdown()
        QThreadPool.globalInstance().waitForDone(20_000)
        QApplication.processEvents()


@pytest.fixture
def watched(qtbot, big_library: Library) -> Iterator[Watched]:  # type: ignore[no-untyped-def]
    made = Watched(qtbot, big_library)
    yield made
    made.close()


def test_pausing_keeps_what_was_indexed_and_resuming_carries_on(qtbot, watched: Watched) -> None:  # type: ignore[no-untyped-def]
    service, widget = watched.service, watched.widget
    assert not service.pause_action.isEnabled() and not widget.button.isVisible()

    def pause_a_fifth_of_the_way(text: str) -> None:
        found = _PERCENT.search(text)
        far = bool(found) and int(found.group(1)) >= 20  # type: ignore[union-attr]
        if text.startswith("Rebuilding") and far and not service.paused:
            service.pause_action.trigger()  # the status bar's button

    service.status.connect(pause_a_fifth_of_the_way)
    service.start()
    qtbot.waitUntil(lambda: service.paused and watched.stopped(), timeout=20_000)
    service.status.disconnect(pause_a_fifth_of_the_way)
    assert "Pausing the search index…" in watched.messages
    paused_at = watched.percents()[-1]
    assert 20 <= paused_at < 100
    assert widget.text() == (
        f"Search index paused at {paused_at}%: searches find only the documents indexed so far."
    )
    assert service.pause_action.isChecked() and service.pause_action.isEnabled()
    assert widget.button.isVisible() and widget.button.toolTip().startswith("Resume")
    assert service.summary() == widget.text()
    assert service.ready and not service.idle
    # searching goes on over the documents indexed so far
    partial = watched.count()
    assert DOCUMENTS * paused_at // 100 <= partial < DOCUMENTS
    # nothing more is indexed while paused
    qtbot.wait(300)
    assert service.paused and watched.count() == partial
    # resumed: on from where it stopped, not from 0%
    watched.messages.clear()
    service.pause_action.trigger()
    assert not service.paused and not service.pause_action.isChecked()
    qtbot.waitUntil(lambda: service.idle, timeout=60_000)
    percents = watched.percents()
    assert percents and percents[0] >= paused_at and percents[-1] == 100
    assert percents == sorted(percents)
    assert widget.text() == "" and not widget.button.isVisible()
    assert not service.pause_action.isEnabled()
    assert watched.count() == DOCUMENTS


def test_paused_before_the_first_pass_nothing_is_built_until_resumed(
    qtbot, watched: Watched
) -> None:  # type: ignore[no-untyped-def]
    service = watched.service
    service.pause()
    service.start()
    qtbot.wait(200)
    assert not service.busy and not service.ready
    errors: list[str] = []
    service.search("共同词", lambda *_: None, errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert errors == ["The search index is paused: resume it to search."]
    assert watched.widget.button.isVisible()  # to resume it
    service.resume()
    qtbot.waitUntil(lambda: service.idle and service.ready, timeout=60_000)
    assert watched.count() == DOCUMENTS


def test_a_rebuild_asked_for_ends_a_pause(qtbot, watched: Watched) -> None:  # type: ignore[no-untyped-def]
    service = watched.service
    service.start()
    qtbot.waitUntil(lambda: service.idle, timeout=60_000)
    service.pause()
    assert service.paused and watched.widget.button.isVisible()
    service.rebuild()
    assert not service.paused
    qtbot.waitUntil(lambda: service.idle and not service.busy, timeout=60_000)
    assert watched.count() == DOCUMENTS
    assert not watched.widget.button.isVisible()


def test_a_quick_check_of_a_current_index_shows_no_pause_button(
    qtbot, watched: Watched, big_library: Library
) -> None:  # type: ignore[no-untyped-def]
    service = watched.service
    service.start()
    qtbot.waitUntil(lambda: service.idle, timeout=60_000)
    watched.close()
    again = Watched(qtbot, big_library)  # the next start: the index is current
    shown: list[bool] = []
    again.service.pause_action.changed.connect(
        lambda: shown.append(again.service.pause_action.isEnabled())
    )
    again.service.start()
    qtbot.waitUntil(lambda: again.service.idle, timeout=20_000)
    assert True not in shown and not again.widget.button.isVisible()
    again.close()
