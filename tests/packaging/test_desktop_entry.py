"""The .desktop entry, the MIME file and the .deb script are well-formed."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "resources" / "packaging"
DESKTOP = PACKAGING / "tongwen.desktop"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_desktop_file_validates() -> None:
    tool = shutil.which("desktop-file-validate")
    if tool is None:
        pytest.skip("desktop-file-validate is not installed (apt install desktop-file-utils)")
    done = subprocess.run([tool, str(DESKTOP)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "error" not in done.stdout.lower()


def test_desktop_entry_has_chinese_names_and_opens_files() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name[zh_CN]"] == "同文阅读器"
    assert entry["Name[zh_TW]"] == "同文閱讀器"
    assert entry["Exec"] == "tongwen %F"
    assert entry["Icon"] == "tongwen"
    mimes = set(entry["MimeType"].strip(";").split(";"))
    assert {"text/plain", "text/markdown", "text/html", "application/epub+zip"} <= mimes


def test_mime_file_parses_and_declares_globs() -> None:
    tree = ET.parse(PACKAGING / "tongwen.xml")
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    globs = {g.get("pattern") for g in tree.getroot().iterfind("m:mime-type/m:glob", ns)}
    assert {"*.md", "*.epub"} <= globs


def test_deb_script_refuses_a_missing_bundle(tmp_path: Path) -> None:
    done = subprocess.run(
        ["bash", str(PACKAGING / "build_deb.sh"), str(tmp_path / "nothing"), str(tmp_path)],
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert "nothing/tongwen not found" in done.stderr


def test_deb_script_builds_a_package_from_a_fake_bundle(tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not available")
    fake = tmp_path / "tongwen"
    fake.mkdir()
    (fake / "tongwen").write_text("#!/bin/sh\necho fake\n")
    (fake / "tongwen").chmod(0o755)
    done = subprocess.run(
        ["bash", str(PACKAGING / "build_deb.sh"), str(fake), str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    deb = Path(done.stdout.strip())
    info = subprocess.run(["dpkg-deb", "-f", str(deb)], capture_output=True, text=True).stdout
    assert "Package: tongwen" in info
    assert "fonts-noto-cjk | fonts-wqy-microhei" in info
    assert "libxcb-cursor0" in info
    files = subprocess.run(["dpkg-deb", "-c", str(deb)], capture_output=True, text=True).stdout
    assert "./opt/tongwen/tongwen" in files
    assert "./usr/bin/tongwen -> /opt/tongwen/tongwen" in files
    assert "./usr/share/icons/hicolor/48x48/apps/tongwen.png" in files
    assert "./usr/share/applications/tongwen.desktop" in files
