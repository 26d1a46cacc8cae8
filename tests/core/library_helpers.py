"""Helpers of the library's core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library import Library


def folder_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the document folders read from their files from now on."""
    read: list[str] = []
    real = Library._load_record

    def counting(self: Library, folder: Path, *args: object) -> object:
        read.append(folder.name)
        return real(self, folder, *args)

    monkeypatch.setattr(Library, "_load_record", counting)
    return read
