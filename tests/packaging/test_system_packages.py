"""One list of system packages (tools/system-packages.txt) serves every set-up path.

tools/check-system.sh reads it for `make run`, `make test`, `make package` and
.ci/run; build_deb.sh writes its runtime rows as the .deb's Depends.  These tests
check that the list covers every library PySide6's Qt loads, that the consumers
really use it, and the script's answers on a Debian machine and elsewhere.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
TOOLS = REPO / "tools"
CHECK = TOOLS / "check-system.sh"
TABLE = TOOLS / "system-packages.txt"

#: Sonames whose Debian package does not follow the libNAME.so.N -> libNAMEN rule.
_IRREGULAR = {
    "libz.so.1": "zlib1g",
    "libglib-2.0.so.0": "libglib2.0-0t64|libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0t64|libglib2.0-0",
    "libbrotlidec.so.1": "libbrotli1",
    "libbrotlicommon.so.1": "libbrotli1",
    "libgcc_s.so.1": "libgcc-s1",
    "libgssapi_krb5.so.2": "libgssapi-krb5-2",
}
_GLIBC = re.compile(r"(libc|libm|libdl|libpthread|libresolv|librt)\.so\.\d+|ld-linux.*")


def _script(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(CHECK), *args], capture_output=True, text=True, env=env, timeout=120
    )


def _debian_rows(*tags: str) -> set[str]:
    """The Debian column of the rows with one of these purposes, alternatives as `a|b`."""
    rows = set()
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            purposes, debian, _fedora, _arch = line.split()
            if set(tags) & set(purposes.split(",")):
                rows.add(debian)
    return rows


def _needed(path: Path) -> list[str]:
    """The DT_NEEDED sonames of a 64-bit little-endian ELF file (no binutils needed)."""
    data = path.read_bytes()
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    needed: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, 16):
            tag, value = struct.unpack_from("<qQ", data, at)
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strings + value)
                needed.append(data[strings + value : end].decode())
    return needed


def _debian_package(soname: str) -> str:
    if soname in _IRREGULAR:
        return _IRREGULAR[soname]
    if _GLIBC.fullmatch(soname):
        return "libc6"
    match = re.fullmatch(r"lib(.+)\.so\.(\d+)", soname)
    assert match, soname
    base, version = match.group(1).lower(), match.group(2)
    return f"lib{base}{'-' if base[-1].isdigit() else ''}{version}"


def _qt_binaries() -> tuple[list[Path], set[str]]:
    """The Qt libraries and plugins the app loads, and every soname PySide6 ships."""
    pyside = pytest.importorskip("PySide6")
    root = Path(pyside.__file__).parent
    qt = root / "Qt"
    names = ["Core", "Gui", "Widgets", "Network", "DBus", "XcbQpa", "WaylandClient", "OpenGL"]
    files = [qt / "lib" / f"libQt6{name}.so.6" for name in names]
    files += [qt / "plugins" / "platforms" / f"libq{p}.so" for p in ("xcb", "wayland", "offscreen")]
    files += sorted((qt / "plugins" / "xcbglintegrations").glob("*.so"))
    files += sorted(root.glob("Qt*.abi3.so"))
    shipped = {
        p.name
        for folder in (root, qt / "lib", root.parent / "shiboken6")
        for p in folder.glob("*.so*")
    }
    return [f for f in files if f.exists()], shipped


@pytest.mark.skipif(not Path("/proc/self/exe").exists(), reason="Linux only")
def test_every_library_qt_loads_is_in_the_run_list() -> None:
    files, shipped = _qt_binaries()
    if not files or files[0].read_bytes()[:5] != b"\x7fELF\x02":
        pytest.skip("not a 64-bit Linux PySide6")
    run = _debian_rows("run")
    unlisted = {
        f"{soname} ({path.name})": _debian_package(soname)
        for path in files
        for soname in _needed(path)
        if soname not in shipped and _debian_package(soname) not in run
    }
    assert unlisted == {}
    xcb = set(_needed(files[0].parents[1] / "plugins" / "platforms" / "libqxcb.so"))
    assert {"libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0"} <= xcb


def test_the_soname_rule_agrees_with_dpkg() -> None:
    """Where this machine has a library installed, dpkg names the package the rule does."""
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    checked = 0
    for soname in ("libX11.so.6", "libxkbcommon.so.0", "libdbus-1.so.3", "libstdc++.so.6"):
        found = subprocess.run(["dpkg-query", "-S", f"*/{soname}"], capture_output=True, text=True)
        if found.returncode == 0:
            owner = found.stdout.split(":")[0].split(",")[0]
            assert owner in _debian_package(soname).split("|"), (soname, owner)
            checked += 1
    if checked == 0:
        pytest.skip("none of the sample libraries is installed")


def test_ci_and_the_makefile_use_the_list() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "tools/check-system.sh --purpose ci" in ci
    assert "apt-get" not in ci and "dpkg-query" not in ci  # no list of its own
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run: system-run ", makefile, re.M)
    assert re.search(r"^test: system-test ", makefile, re.M)
    assert re.search(r"^package: system-package ", makefile, re.M)
    assert "tools/check-system.sh --purpose $(@:system-%=%)" in makefile
    ci_package = (REPO / "resources" / "packaging" / "ci_package_check.sh").read_text("utf-8")
    assert "tools/check-system.sh --purpose package" in ci_package


def test_ci_installs_what_packaging_needs() -> None:
    """binutils (PyInstaller's objdump) was missing from CI's own list (issue 15)."""
    ci = _debian_rows("venv", "run", "test", "package")
    assert {"binutils", "xvfb", "xauth", "desktop-file-utils"} <= ci
    assert {"python{python}-venv", "libpython{python}"} <= ci  # PyInstaller: libpython3.X
    assert {"libxcb-icccm4", "libxcb-keysyms1", "libglib2.0-0t64|libglib2.0-0"} <= ci


def test_deb_depends_is_the_run_rows(tmp_path: Path) -> None:
    if shutil.which("dpkg-deb") is None:
        pytest.skip("dpkg-deb is not available")
    fake = tmp_path / "tongwen"
    fake.mkdir()
    (fake / "tongwen").write_text("#!/bin/sh\necho fake\n")
    (fake / "tongwen").chmod(0o755)
    build = REPO / "resources" / "packaging" / "build_deb.sh"
    done = subprocess.run(
        ["bash", str(build), str(fake), str(tmp_path / "out")], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr
    depends = subprocess.run(
        ["dpkg-deb", "-f", done.stdout.strip(), "Depends"], capture_output=True, text=True
    ).stdout.strip()
    listed = {part.replace(" ", "") for part in depends.split(", ")}
    assert listed == _debian_rows("run")
    assert depends == _script("--print", "depends").stdout.strip()
    assert "fonts-noto-cjk | fonts-wqy-microhei" in depends


def _copy_with_table(tmp_path: Path, rows: str) -> Path:
    """check-system.sh beside a table of our own, to see its answers for known rows."""
    folder = tmp_path / "tools"
    folder.mkdir()
    shutil.copy(CHECK, folder / "check-system.sh")
    (folder / "system-packages.txt").write_text(rows, encoding="utf-8")
    return folder / "check-system.sh"


def test_missing_packages_print_the_one_install_command(tmp_path: Path) -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    script = _copy_with_table(
        tmp_path,
        "# purposes debian fedora arch\n"
        "run  libc6|libc6.1  glibc  glibc\n"
        "run  tongwen-no-such-package  x  x\n"
        "package  tongwen-no-such-tool  y  y\n",
    )
    env = {k: v for k, v in os.environ.items() if k != "TONGWEN_SKIP_SYSTEM_CHECK"}
    done = subprocess.run(
        ["bash", str(script), "--purpose", "run", "--dry-run"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert done.returncode == 1
    assert (
        "sudo apt-get update && sudo apt-get install --no-install-recommends "
        "tongwen-no-such-package\n" in done.stderr
    )
    assert "libc6" not in done.stderr  # installed: not asked for
    ok = subprocess.run(["bash", str(script), "--purpose", "venv", "--dry-run"], env=env)
    assert ok.returncode == 0


def test_dry_run_on_this_machine_names_exactly_what_is_missing() -> None:
    if shutil.which("dpkg-query") is None:
        pytest.skip("not a Debian system")
    done = _script("--purpose", "ci", "--dry-run")
    missing = []
    for row in _script("--print", "debian", "--purpose", "ci").stdout.split():
        query = subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}\n", *row.split("|")], capture_output=True, text=True
        )
        if "install ok installed" not in query.stdout:
            missing.append(row)
    if not missing:
        assert done.returncode == 0 and done.stderr == ""
        return
    assert done.returncode == 1
    command = next(line for line in done.stderr.splitlines() if "apt-get install" in line)
    asked = command.split("--no-install-recommends ")[1].split()
    assert len(asked) == len(missing)
    assert all(any(name in row.split("|") for row in missing) for name in asked)


@pytest.mark.parametrize(("answer", "expected"), [("3.99", True), ("", False)])
def test_python_rows_follow_the_python_of_the_venv(
    tmp_path: Path, answer: str, expected: bool
) -> None:
    """libpython3.X (PyInstaller) and python3.X-venv only for Debian's own Python."""
    script = _copy_with_table(
        tmp_path,
        "venv python{python}-venv - -\npackage libpython{python} - -\npackage binutils b b\n",
    )
    fake_python = tmp_path / ".venv" / "bin" / "python"
    fake_python.parent.mkdir(parents=True)
    fake_python.write_text(f"#!/bin/sh\necho '{answer}'\n")  # what the version probe prints
    fake_python.chmod(0o755)
    done = subprocess.run(
        ["bash", str(script), "--print", "debian", "--purpose", "package"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    wanted = "python3.99-venv libpython3.99 binutils" if expected else "binutils"
    assert done.stdout.strip() == wanted


def test_elsewhere_it_names_the_packages_and_goes_on(tmp_path: Path) -> None:
    """Without dpkg (Fedora here): the dnf command is printed, nothing is checked."""
    tools = tmp_path / "bin"
    tools.mkdir()
    for tool in ("bash", "awk", "sed", "tr", "uname", "id", "dirname", "paste", "cat", "mktemp"):
        found = shutil.which(tool)
        if found is None:
            pytest.skip(f"{tool} is missing")
        (tools / tool).symlink_to(found)
    release = tmp_path / "os-release"
    release.write_text('ID=fedora\nVERSION_ID="41"\n', encoding="utf-8")
    env = {"PATH": str(tools), "TONGWEN_OS_RELEASE": str(release)}
    done = subprocess.run(
        [str(tools / "bash"), str(CHECK), "--purpose", "run"],
        capture_output=True,
        text=True,
        env=env,
    )
    if done.returncode == 0 and "fedora" not in done.stderr:
        pytest.skip("not Linux")
    assert done.returncode == 0
    assert "sudo dnf install glibc " in done.stderr and "xcb-util-wm" in done.stderr
    assert "binutils" not in done.stderr  # a 'package' row, not needed to run
