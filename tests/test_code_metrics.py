"""tools/code_metrics.py: the count of long functions and the ``--list`` that names them."""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import code_metrics


def _function(name: str, lines: int) -> str:
    """A function of exactly ``lines`` lines, ``def`` included."""
    return f"def {name}():\n" + "    x = 1\n" * (lines - 1)


def _checkout(tmp_path: Path) -> Path:
    package = tmp_path / "desktop"
    package.mkdir()
    (package / "__init__.py").write_text("")
    limit = code_metrics.LONG_FUNCTION
    (package / "a.py").write_text(
        _function("fits", limit) + "\n\n" + _function("too_long", limit + 1) + "\n"
    )
    (package / "b.py").write_text(
        "class K:\n" + "".join("    " + s + "\n" for s in _function("longest", 50).splitlines())
    )
    return tmp_path


def test_long_functions_named_longest_first(tmp_path: Path) -> None:
    checkout = _checkout(tmp_path)
    limit = code_metrics.LONG_FUNCTION
    assert code_metrics.long_functions(checkout) == [
        ("desktop/b.py", 2, "longest", 50),
        ("desktop/a.py", limit + 3, "too_long", limit + 1),
    ]
    assert code_metrics.measure(checkout)[f"functions over {limit} lines"] == 2


def test_list_option_prints_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    checkout = _checkout(tmp_path)
    assert code_metrics.main([str(checkout)]) == 0
    assert "too_long" not in capsys.readouterr().out
    assert code_metrics.main(["--list", str(checkout)]) == 0
    out = capsys.readouterr().out
    assert "desktop/b.py:2 longest (50)" in out
    assert out.index("longest") < out.index("too_long")
