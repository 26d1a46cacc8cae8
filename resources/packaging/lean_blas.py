"""The bundle's BLAS on Linux: a plain CBLAS of 19 KB in place of numpy's 22 MB OpenBLAS.

numpy wheels link their core module against ``libscipy_openblas64_-*.so`` (OpenBLAS and
LAPACK, 22 MB, 15 % of the bundle) for matrix products; Tongwen's search keeps its
postings in numpy arrays and never multiplies matrices.  ``lean_blas/lean_blas.c``
implements exactly the 22 CBLAS routines the core module links, following the
reference BLAS, and is built here under OpenBLAS's file name, so numpy loads it
unchanged.  numpy's LAPACK extension (``numpy.linalg._umath_linalg``) is replaced by a
small module that says, when called, that the bundle has no LAPACK: numpy imports
``numpy.linalg`` as it starts, and Tongwen never calls it.  Windows and macOS bundles
keep OpenBLAS.

Measured (``make bench ARGS=package``): bundle 159 → 137 MB, .deb 48 → 45 MB.
"""

from __future__ import annotations

import fnmatch
import shutil
import subprocess
from collections.abc import Iterable
from pathlib import Path

__all__ = ["LINALG_STAND_IN", "OPENBLAS", "SOURCE", "build", "linalg_datas", "replace_openblas"]

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "lean_blas" / "lean_blas.c"
#: numpy's OpenBLAS in the TOC (``numpy.libs/libscipy_openblas64_-<hash>.so``).
OPENBLAS = "numpy.libs/libscipy_openblas64_*.so"
#: numpy's LAPACK-backed extension, the other user of OpenBLAS.
_LINALG = "numpy/linalg/_umath_linalg.*"
#: What the bundle has in its place: a module whose functions say why they cannot run.
LINALG_STAND_IN = HERE / "lean_blas" / "_umath_linalg.py"


def linalg_datas() -> list[tuple[str, str]]:
    """The data entry putting :data:`LINALG_STAND_IN` where numpy imports the extension."""
    return [(str(LINALG_STAND_IN), "numpy/linalg")]


def build(out: Path, soname: str, compiler: str | None = None) -> Path:
    """Compile the plain CBLAS into ``out`` (a shared library called ``soname``)."""
    cc = compiler or shutil.which("gcc") or shutil.which("cc")
    if cc is None:
        raise FileNotFoundError("a C compiler (gcc) is needed to build the bundle's BLAS")
    out.parent.mkdir(parents=True, exist_ok=True)
    command = [
        cc, "-O2", "-shared", "-fPIC", "-nostdlib", "-fvisibility=hidden",
        f"-Wl,-soname,{soname}", "-o", str(out), str(SOURCE),
    ]  # fmt: skip
    subprocess.run(command, check=True)
    return out


def replace_openblas[T: tuple[str, ...]](entries: Iterable[T], build_dir: Path) -> list[T]:
    """The binaries TOC with OpenBLAS swapped for the plain CBLAS (same destination
    name, so numpy's core module finds it) and ``numpy.linalg``'s extension left out.

    Entries are ``(dest_name, src_name, typecode)``; nothing changes without OpenBLAS.
    """
    kept: list[T] = []
    for entry in entries:
        dest = entry[0].replace("\\", "/")
        if fnmatch.fnmatch(dest, _LINALG):
            continue
        if fnmatch.fnmatch(dest, OPENBLAS):
            name = Path(dest).name
            lean = build(build_dir / name, name)
            entry = (entry[0], str(lean), *entry[2:])  # type: ignore[assignment]
        kept.append(entry)
    return kept
