"""The spec's helpers: what is bundled, what is trimmed, platform pieces."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "resources" / "packaging"))

import bundle  # noqa: E402


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Quick.so.6",
        "PySide6/Qt/lib/libQt6Qml.so.6",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6/Qt/qml/QtQuick/Controls/qmldir",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/sqldrivers/libqsqlite.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6/Qt/translations/qtdeclarative_zh_CN.qm",
        "libfontconfig.so.1",
        "libxcb-cursor.so.0",
        "libstdc++.so.6",
        "babel/locale-data/de_CH.dat",
        "opencc/clib/lib64/libopencc.a",
        "opencc/clib/bin/opencc_dict",
        "opencc/clib/include/opencc/opencc.h",
        "PySide6/Qt/plugins/imageformats/libqtiff.so",
        "libkrb5.so.3",
        "libgssapi_krb5.so.2",
    ],
)
def test_unused_parts_are_dropped(dest: str) -> None:
    assert not bundle.keep_entry(dest)


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/lib/libQt6Widgets.so.6",
        "PySide6/Qt/lib/libQt6Network.so.6",
        "PySide6/Qt/lib/libicudata.so.73",
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/imageformats/libqwebp.so",  # pictures in books (the viewer)
        "PySide6/Qt/plugins/imageformats/libqjpeg.so",
        "PySide6/Qt/plugins/imageformats/libqgif.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6/Qt/plugins/platforminputcontexts/libfcitx5platforminputcontextplugin.so",
        "PySide6/Qt/translations/qtbase_zh_CN.qm",
        "PySide6/Qt/translations/qtbase_zh_TW.qm",
        "libpython3.13.so.1.0",
        "libssl.so.3",
        "opencc/clib/share/opencc/t2s.json",
        "babel/locale-data/zh_Hant_TW.dat",
        "babel/locale-data/root.dat",
        "seeds/000_8cf7dba9e6b113dd.txt",
        r"PySide6\Qt6Widgets.dll",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "opencc/clib/opencc_clib.cpython-313-x86_64-linux-gnu.so",
    ],
)
def test_needed_parts_are_kept(dest: str) -> None:
    assert bundle.keep_entry(dest)


def test_trim_toc_keeps_tuples_whole() -> None:
    toc = [("libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY"), ("a.so", "/x/a.so", "BINARY")]
    assert bundle.trim_toc(toc) == [("a.so", "/x/a.so", "BINARY")]


def test_app_datas_bring_seeds_and_icons() -> None:
    datas = bundle.app_datas(REPO)
    seeds = [src for src, dest in datas if dest == "seeds"]
    assert len(seeds) == len(list((REPO / "seeds").glob("*.txt"))) >= 5
    assert ("resources/icons") in {dest for _, dest in datas}
    assert all(Path(src).is_file() for src, _ in datas)


def test_app_datas_without_seeds_names_the_folder(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="seeds"):
        bundle.app_datas(tmp_path)


def test_opencc_dictionaries_go_where_the_module_looks() -> None:
    datas = bundle.opencc_datas()
    names = {Path(src).name for src, _ in datas}
    assert {"t2s.json", "s2t.json", "s2twp.json", "TSCharacters.ocd2"} <= names
    assert {dest for _, dest in datas} == {"opencc/clib/share/opencc"}


@pytest.mark.parametrize(
    ("value", "expected"), [("1", True), ("yes", True), ("", False), ("0", False)]
)
def test_debug_switch(value: str, expected: bool) -> None:
    assert bundle.debug_build({"TONGWEN_BUILD_DEBUG": value}) is expected


def test_icons_per_platform() -> None:
    assert bundle.icon_for("win32", REPO).endswith(".ico")
    assert bundle.icon_for("darwin", REPO).endswith(".icns")
    assert bundle.icon_for("linux", REPO).endswith(".png")
    for platform in ("win32", "darwin", "linux"):
        assert Path(bundle.icon_for(platform, REPO)).is_file()


def test_windows_version_info_is_python_syntax() -> None:
    text = bundle.windows_version_info("0.1.0")
    tree = ast.parse(text)
    assert isinstance(tree.body[0], ast.Expr)
    assert "filevers=(0, 1, 0, 0)" in text
    assert "'ProductVersion', '0.1.0'" in text


def test_bad_version_is_refused() -> None:
    with pytest.raises(ValueError, match="numeric"):
        bundle.windows_version_info("dev")


def test_info_plist_declares_document_types() -> None:
    plist = bundle.info_plist("0.1.0")
    types = plist["CFBundleDocumentTypes"]
    assert isinstance(types, list)
    extensions = {ext for t in types for ext in t["CFBundleTypeExtensions"]}
    assert {"txt", "md", "html", "epub"} <= extensions
    assert plist["CFBundleShortVersionString"] == "0.1.0"


def test_spec_uses_the_helpers() -> None:
    spec = (REPO / "build.spec").read_text(encoding="utf-8")
    for name in ("app_datas", "opencc_datas", "trim_toc", "debug_build", "info_plist"):
        assert f"bundle.{name}(" in spec


def test_drop_unlinked_removes_what_only_a_removed_plugin_linked() -> None:
    """GTK, GDK and epoxy stayed in the bundle (11.5 MB) after the GTK theme plugin went."""
    links = {
        "/s/libqxcb.so": {"libQt6XcbQpa.so.6", "libxkbcommon-x11.so.0"},
        "/s/libQt6XcbQpa.so.6": {"libicuuc.so.73"},
        "/s/libicuuc.so.73": {"libicudata.so.73"},
        "/s/libgtk-3.so.0": {"libgdk-3.so.0", "libepoxy.so.0"},
        "/s/libpython3.13.so.1.0": {"libz.so.1"},
    }
    toc = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libicuuc.so.73", "/s/libicuuc.so.73", "BINARY"),
        ("libicudata.so.73", "/s/libicudata.so.73", "BINARY"),
        ("libgtk-3.so.0", "/s/libgtk-3.so.0", "BINARY"),
        ("libgdk-3.so.0", "/s/libgdk-3.so.0", "BINARY"),
        ("libepoxy.so.0", "/s/libepoxy.so.0", "BINARY"),
        ("libpython3.13.so.1.0", "/s/libpython3.13.so.1.0", "BINARY"),
        ("libz.so.1", "/s/libz.so.1", "BINARY"),
    ]
    kept = bundle.drop_unlinked(toc, linked=lambda path: links.get(path, set()))
    assert [e[0] for e in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "libQt6XcbQpa.so.6",
        "libicuuc.so.73",
        "libicudata.so.73",
        "libpython3.13.so.1.0",
        "libz.so.1",
    ]


@pytest.mark.skipif(sys.platform != "linux", reason="ELF binaries")
def test_linked_names_reads_needed_entries() -> None:
    import shutil

    if shutil.which("objdump") is None:
        pytest.skip("objdump (binutils) is not installed")
    import _ctypes

    assert any(name.startswith("libc.so") for name in bundle._linked_names(_ctypes.__file__))


def test_the_app_runs_without_the_excluded_modules(tmp_path: Path) -> None:
    """Every module build.spec leaves out is blocked; the self-test still passes."""
    blocked = [m for m in bundle.EXCLUDED_MODULES if m != "tkinter"]
    code = (
        "import sys\n"
        f"for name in {blocked!r}:\n"
        "    sys.modules[name] = None\n"
        "from desktop.app import main\n"
        "sys.exit(main(['--self-test']))\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("TONGWEN_")},
        "QT_QPA_PLATFORM": "offscreen",
        "TONGWEN_LIBRARY": str(tmp_path / "library"),
        "TONGWEN_CACHE": str(tmp_path / "cache"),
        "TONGWEN_CONFIG": str(tmp_path / "config"),
        "TONGWEN_LOG_DIR": str(tmp_path / "log"),
    }
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert "checks passed" in done.stdout
