"""The bundle's plain CBLAS (resources/packaging/lean_blas) stands in for OpenBLAS exactly.

numpy is copied into a temporary folder with its OpenBLAS replaced by the plain
library (as the bundle ships it) and run in a child process; every matrix and vector
product numpy hands to BLAS (each type, layout, transpose, stride, alpha/beta path) must
equal the one the real OpenBLAS gives in this process.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "resources" / "packaging"))

import lean_blas  # noqa: E402

NUMPY = Path(np.__file__).resolve().parent
OPENBLAS = sorted((NUMPY.parent / "numpy.libs").glob("libscipy_openblas64_*.so"))

pytestmark = pytest.mark.skipif(not OPENBLAS, reason="this numpy has no bundled OpenBLAS")

#: Products numpy sends to BLAS: gemm (matmul, transposed operands), gemv, dot,
#: vdot (conjugating), syrk (a @ a.T), strided and negative-stride views, empty K.
CASES = """
import json, sys
import numpy as np
rng = np.random.default_rng(7)
out = {}
for dt in (np.float32, np.float64, np.complex64, np.complex128):
    def m(*shape):
        a = rng.standard_normal(shape)
        if np.issubdtype(dt, np.complexfloating):
            a = a + 1j * rng.standard_normal(shape)
        return a.astype(dt)
    a, b, v, w = m(7, 5), m(5, 6), m(5), m(7)
    big = m(12, 10)
    results = {
        "matmul": a @ b,
        "matmul_tt": a.T.T @ b,
        "at_b": m(5, 7).T @ b,
        "a_bt": a @ m(6, 5).T,
        "fortran": np.asfortranarray(a) @ np.asfortranarray(b),
        "gemv": a @ v,
        "gemv_t": a.T @ w,
        "vecmat": w @ a,
        "dot": np.dot(v, m(5)),
        "vdot": np.vdot(v, m(5)),
        "inner": np.inner(a, m(3, 5)),
        "syrk": a @ a.T,
        "syrk_t": a.T @ a,
        "strided": big[::2, ::3] @ big[::3, ::2].T[:4, :],
        "negative": a[::-1] @ b[:, ::-1],
        "empty_k": m(3, 0) @ m(0, 4),
        "scalar_row": m(1, 5) @ b,
    }
    out[np.dtype(dt).name] = {
        k: [np.real(r).ravel().tolist(), np.imag(r).ravel().tolist(), list(np.shape(r))]
        for k, r in results.items()
    }
json.dump(out, sys.stdout)
"""


def _run(python_path: Path | None) -> dict:
    """The products computed by a child Python (numpy from ``python_path`` if given)."""
    env = {"OPENBLAS_NUM_THREADS": "1"}
    if python_path is not None:
        env["PYTHONPATH"] = str(python_path)
    done = subprocess.run(
        [sys.executable, "-c", CASES], capture_output=True, text=True, env=env, check=True
    )
    return json.loads(done.stdout)


@pytest.fixture(scope="module")
def lean_numpy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("site")
    shutil.copytree(NUMPY, site / "numpy")
    libs = site / "numpy.libs"
    libs.mkdir()
    lean_blas.build(libs / OPENBLAS[0].name, OPENBLAS[0].name)
    for linalg in (site / "numpy" / "linalg").glob("_umath_linalg.*"):
        linalg.unlink()  # as in the bundle
    shutil.copy(lean_blas.LINALG_STAND_IN, site / "numpy" / "linalg")
    return site


def test_the_plain_blas_replaces_openblas_in_numpy(lean_numpy: Path) -> None:
    lib = lean_numpy / "numpy.libs" / OPENBLAS[0].name
    assert lib.stat().st_size < 100_000 < OPENBLAS[0].stat().st_size
    probe = "import numpy, sys; print(numpy.__file__)"
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(lean_numpy)},
    )  # fmt: skip
    assert done.stdout.strip().startswith(str(lean_numpy))


def test_every_product_equals_openblas(lean_numpy: Path) -> None:
    ours, theirs = _run(lean_numpy), _run(None)
    assert ours.keys() == theirs.keys()
    for dtype, cases in theirs.items():
        tol = 1e-4 if dtype in ("float32", "complex64") else 1e-11
        for name, (real, imag, shape) in cases.items():
            got_real, got_imag, got_shape = ours[dtype][name]
            assert got_shape == shape, (dtype, name)
            np.testing.assert_allclose(
                got_real, real, rtol=tol, atol=tol, err_msg=f"{dtype} {name}"
            )
            np.testing.assert_allclose(
                got_imag, imag, rtol=tol, atol=tol, err_msg=f"{dtype} {name}"
            )


def test_the_toc_swaps_openblas_and_drops_linalg(tmp_path: Path) -> None:
    toc = [
        ("numpy.libs/" + OPENBLAS[0].name, str(OPENBLAS[0]), "BINARY"),
        ("numpy/linalg/_umath_linalg.cpython-313-x86_64-linux-gnu.so", "/x", "EXTENSION"),
        ("numpy/_core/_multiarray_umath.cpython-313-x86_64-linux-gnu.so", "/y", "EXTENSION"),
    ]
    kept = lean_blas.replace_openblas(toc, tmp_path)
    assert [e[0] for e in kept] == [toc[0][0], toc[2][0]]
    assert Path(kept[0][1]).parent == tmp_path and Path(kept[0][1]).stat().st_size < 100_000


def test_linear_algebra_says_it_is_not_there(lean_numpy: Path) -> None:
    probe = (
        "import numpy\n"
        "try:\n"
        "    numpy.linalg.inv(numpy.eye(2))\n"
        "except NotImplementedError as exc:\n"
        "    print(exc)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(lean_numpy)},
    )  # fmt: skip
    assert "not part of Tongwen's bundle" in done.stdout


def test_linalg_datas_put_the_stand_in_where_numpy_looks() -> None:
    [(source, folder)] = lean_blas.linalg_datas()
    assert Path(source).name == "_umath_linalg.py" and folder == "numpy/linalg"
