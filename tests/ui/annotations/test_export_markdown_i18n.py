"""Markdown export from the window speaks the interface language and shows no offsets.

The words come from the catalogues through ``QCoreApplication.translate``; a small
translator holding the Chinese words stands in for entries the catalogues may not
have yet, so the test checks the wiring, not the translators' progress.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QSettings, QThreadPool, QTranslator

from desktop.core.library import Library
from desktop.ui.annotations.export_dialog import export_text
from desktop.ui.app.main_window import MainWindow

RAW_OFFSET = re.compile(r"\bat \d+|\[\d+[–-]\d+\]")
WORDS = {
    ("AnnotationFiles", "Bookmark"): "书签",
    ("AnnotationFiles", "Note"): "笔记",
    ("AnnotationFiles", "Orphaned"): "找不到原文",
    ("AnnotationFiles", "not found in the current text"): "在当前文本中找不到",
    ("AnnotationFiles", "Before the first chapter"): "第一章之前",
    ("AnnotationFiles", "No annotations."): "没有批注。",
    ("AnnotationFiles", "Author"): "作者",
    ("AnnotationFiles", "Source"): "来源",
    ("AnnotationFiles", "Published"): "发布日期",
    ("AnnotationColours", "Yellow"): "黄色",
}


class _Words(QTranslator):
    def translate(  # type: ignore[override]
        self, context: str, source: str, disambiguation: str | None = None, n: int = -1
    ) -> str | None:
        return WORDS.get((str(context), source))

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def window(qtbot, qapp, seeded_library: Library, settings: QSettings) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    words = _Words(qapp)
    QCoreApplication.installTranslator(words)
    main = MainWindow(seeded_library, settings)
    qtbot.addWidget(main)
    main.show()
    yield main
    main.close()
    QThreadPool.globalInstance().waitForDone(10_000)
    QCoreApplication.removeTranslator(words)


def test_markdown_in_the_ui_language_with_quotes_not_offsets(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    doc = next(d for d in window.library.documents() if d.title.startswith("健全社會工作"))
    window.open_document(doc.id)
    store, record = window.annotations.store, window.reader.record
    assert store is not None and record is not None
    text = window.library.text(doc.id)
    start = text.index("社會工作", 200)
    store.add_highlight(start, start + 4, color="yellow")
    store.add_bookmark(start + 40)
    md = export_text(store, record, "markdown", "simplified")
    assert not RAW_OFFSET.search(md), md
    assert "- 🔖 **书签** “" in md and "*黄色*" in md and "## 第一章之前" in md
    assert "- **作者**: " in md
    words = set(re.findall(r"[A-Za-z]{2,}", md)) - set(re.findall(r"[A-Za-z]{2,}", text))
    assert words == set(), words  # every English word left comes from the document
    # the W3C export keeps the exact offsets
    assert f'"start": {start}' in export_text(store, record, "w3c", "original")
