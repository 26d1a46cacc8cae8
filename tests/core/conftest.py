"""Fixtures of the library's core tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.library import Library


@pytest.fixture
def opened(isolated_env: Path, seed_paths: list[Path]) -> Library:
    """A library of the seed articles, opened again: that opening wrote its catalogue."""
    library = Library.open(isolated_env / "lib")
    library.import_seeds_if_new(seed_paths[0].parent)
    return Library.open(library.root)
