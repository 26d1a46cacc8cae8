"""``tongwen`` starts in the language chosen in Settings, on the library chosen there.

Run as its own process (as a user starts it): ``main()`` owns the application's event
loop and leaves global Qt state behind that other tests must not inherit.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QSettings

REPO = Path(__file__).resolve().parents[1]


def test_start_in_the_chosen_language_and_library(isolated_env: Path) -> None:
    chosen = isolated_env / "elsewhere" / "books"
    config = isolated_env / "config"
    ini = QSettings(str(config / "tongwen.ini"), QSettings.Format.IniFormat)
    ini.setValue("app/language", "zh_TW")
    ini.setValue("app/library", str(chosen))
    ini.sync()
    env = {k: v for k, v in os.environ.items() if k != "TONGWEN_LIBRARY"}
    env.update(TONGWEN_EXIT_AFTER_PAINT="1", QT_QPA_PLATFORM="offscreen")
    run = subprocess.run(
        [sys.executable, "-m", "desktop"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    assert "first-paint" in run.stdout
    log = (Path(env["TONGWEN_LOG_DIR"]) / "tongwen.log").read_text("utf-8")
    assert "interface language zh_TW (6 catalogues)" in log  # ours + Qt's qtbase
    assert f"opening the library at {chosen}" in log
    assert (chosen / "library.json").is_file()
    assert len(list((chosen / "docs").iterdir())) == 5  # the seeds, on first launch
