"""numpy.linalg's LAPACK extension, as Tongwen's Linux bundle ships it: absent.

The bundle replaces numpy's OpenBLAS (BLAS and LAPACK, 22 MB) with a plain CBLAS
(resources/packaging/lean_blas.py); Tongwen never solves, inverts or decomposes a
matrix.  numpy imports ``numpy.linalg`` when it starts and looks up this module's
functions only when one is called, so importing works and a call says why it cannot.
"""

from __future__ import annotations

_ilp64 = True


def __getattr__(name: str) -> object:
    if name.startswith("__"):
        raise AttributeError(name)
    raise NotImplementedError(
        f"numpy.linalg ({name}) is not part of Tongwen's bundle: it ships no LAPACK"
    )
