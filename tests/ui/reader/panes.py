"""A reader pane alone on a real library, for the reading-aid and vertical-mode tests."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from desktop.core.library import Library
from desktop.ui.common.app_settings import AppSettings
from desktop.ui.reader.pane import ReaderPane
from tests.ui.windows import shown


@contextmanager
def reader_pane(qtbot, library_dir: Path, settings: AppSettings) -> Iterator[ReaderPane]:  # type: ignore[no-untyped-def]
    """A shown 800×600 reader pane on the library at ``library_dir``; closed after,
    its background work finished."""
    reader = ReaderPane(settings=settings, library=Library.open(library_dir))
    reader.resize(800, 600)
    with shown(qtbot, reader):
        yield reader


def open_text(pane: ReaderPane, tmp_path: Path, text: str, name: str = "doc.txt") -> str:
    """Import ``text`` as a file named ``name`` and show it; its document id."""
    path = tmp_path / name
    path.write_text(text, "utf-8")
    assert pane.library is not None
    result = pane.library.add_file(path)
    assert result.id, result.error
    pane.show_document(pane.library.get(result.id), pane.library.text(result.id))
    return result.id
