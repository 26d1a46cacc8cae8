"""``tongwen --self-test`` runs from source, passes, and reports failures by name."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop import selftest
from desktop.app import main

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(autouse=True)
def _restore_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """The self-test points the folders into its temporary root: undo that afterwards."""
    for var in ("TONGWEN_LIBRARY", "TONGWEN_CACHE", "TONGWEN_CONFIG", "TONGWEN_LOG_DIR"):
        monkeypatch.setenv(var, os.environ[var])


def test_self_test_passes_and_reports_every_check() -> None:
    out = io.StringIO()
    assert selftest.self_test(out) == 0
    report = out.getvalue()
    for name, _check in selftest.CHECKS:
        assert f"[ok] {name}:" in report
    assert f"{len(selftest.CHECKS)}/{len(selftest.CHECKS)} checks passed" in report


def test_self_test_never_touches_the_configured_library(
    isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TONGWEN_LIBRARY", str(isolated_env / "library"))
    assert main(["--self-test"]) == 0
    assert not (isolated_env / "library").exists()


def test_a_failing_check_fails_the_run_and_skips_the_rest(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: object) -> str:
        raise RuntimeError("seeds are missing")

    monkeypatch.setattr(selftest, "CHECKS", [("seeds", broken), *selftest.CHECKS[1:]])
    results = selftest.run_checks(tmp_path)
    assert not results[0].ok
    assert "seeds are missing" in results[0].detail
    assert all(not r.ok and "skipped" in r.detail for r in results[1:])


def test_missing_seeds_name_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    empty = tmp_path / "no-seeds"
    empty.mkdir()
    monkeypatch.setattr("desktop.core.paths.seeds_dir", lambda: empty)
    results = selftest.run_checks(tmp_path / "run")
    assert not results[0].ok
    assert str(empty) in results[0].detail


@pytest.mark.slow
def test_self_test_in_a_fresh_process_without_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)
    done = subprocess.run(
        [sys.executable, "-m", "desktop", "--self-test"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "checks passed" in done.stdout
