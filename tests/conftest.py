"""Test set-up shared by every test.

Tests run headless (``QT_QPA_PLATFORM=offscreen``) and never touch the real home
folder: the library, cache, config and log folders point into a temporary folder
for the whole session, and the ``library_dir`` fixture gives each test its own.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
_session_home = Path(tempfile.mkdtemp(prefix="tongwen-tests-"))
for _var, _sub in (
    ("TONGWEN_LIBRARY", "library"),
    ("TONGWEN_CACHE", "cache"),
    ("TONGWEN_CONFIG", "config"),
    ("TONGWEN_LOG_DIR", "log"),
):
    os.environ[_var] = str(_session_home / _sub)
os.environ["TONGWEN_NO_SINGLE_INSTANCE"] = "1"

import pytest  # noqa: E402

from desktop.core.library import Library  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SHARED = REPO.parent / "shared"
TESTDATA = SHARED / "testdata"


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    shutil.rmtree(_session_home, ignore_errors=True)


@pytest.fixture
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point every Tongwen folder into ``tmp_path``; returns ``tmp_path``."""
    for var, sub in (
        ("TONGWEN_LIBRARY", "library"),
        ("TONGWEN_CACHE", "cache"),
        ("TONGWEN_CONFIG", "config"),
        ("TONGWEN_LOG_DIR", "log"),
    ):
        monkeypatch.setenv(var, str(tmp_path / sub))
    return tmp_path


@pytest.fixture
def library_dir(isolated_env: Path) -> Path:
    """An empty library folder in a temporary place."""
    return isolated_env / "library"


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


@pytest.fixture
def testdata() -> Path:
    if not TESTDATA.is_dir():
        pytest.skip("../shared/testdata is not beside this checkout")
    return TESTDATA


@pytest.fixture(autouse=True)
def _no_blocking_unsaved_question(request: pytest.FixtureRequest) -> Iterator[None]:
    """Closing a window with unsaved annotations opens a modal question; in a test
    nobody answers it and the run would hang.  Fail loudly instead, unless the test
    is marked ``real_unsaved_dialog`` (it answers the real dialog itself)."""
    if request.node.get_closest_marker("real_unsaved_dialog") or "PySide6" not in sys.modules:
        yield
        return
    from desktop.ui.annotations.unsaved_dialog import UnsavedChoice, UnsavedDialog

    def refuse(parent: object, unsaved: object) -> UnsavedChoice:
        pytest.fail(f"a window closed with unsaved annotations and would ask: {unsaved}")

    mp = pytest.MonkeyPatch()
    mp.setattr(
        UnsavedDialog, "ask", classmethod(lambda cls, parent, unsaved: refuse(parent, unsaved))
    )
    try:
        yield
    finally:
        mp.undo()


@pytest.fixture
def seeded(library_dir: Path, seed_paths: list[Path]) -> Library:
    """A library holding the five seed articles, imported as a user imports files."""
    library = Library.open(library_dir)
    assert [r.status for r in library.add_paths(seed_paths)] == ["imported"] * 5
    return library
