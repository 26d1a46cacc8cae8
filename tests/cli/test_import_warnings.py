"""``tongwen-cli import`` and ``meta`` say when a decoding may be wrong (issue 15).

An EUC-TW file was imported as GB18030 mojibake with confidence 0.74 and nothing told
the user; a file half GB18030 and half Big5 is mojibake in one half whatever codec
wins.  The first is now refused by name, the second imported with a ``warning``.
"""

from __future__ import annotations

import json
from pathlib import Path

import opencc
import pytest

from tests.cli.in_process import run

EUC_TW = Path(__file__).resolve().parents[1] / "core" / "euc_tw"


def _mixed_file(folder: Path, seed_paths: list[Path]) -> Path:
    simplified = seed_paths[0].read_text("utf-8")
    traditional = opencc.OpenCC("s2t").convert(seed_paths[3].read_text("utf-8"))
    path = folder / "mixed.txt"
    path.write_bytes(simplified.encode("gb18030") + traditional.encode("big5", "replace"))
    return path


def test_import_json_has_a_warning_for_a_doubtful_decoding(
    library_dir: Path, tmp_path: Path, seed_paths: list[Path], capsys: pytest.CaptureFixture[str]
) -> None:
    mixed = _mixed_file(tmp_path, seed_paths)
    plain = tmp_path / "plain.txt"
    plain.write_bytes(seed_paths[0].read_text("utf-8").encode("gb18030"))
    code, out, err = run(
        capsys, "--library", str(library_dir), "import", str(mixed), str(plain), "--json"
    )
    assert code == 0
    doubtful, sure = json.loads(out)
    assert doubtful["status"] == "imported" and "may be garbled" in doubtful["warning"]
    assert sure["status"] == "imported" and sure["warning"] is None
    assert f"tongwen-cli: warning: {mixed}: decoded as" in err

    code, out, _ = run(capsys, "--library", str(library_dir), "meta", doubtful["id"], "--json")
    meta = json.loads(out)
    assert meta["warning"] == doubtful["warning"] and meta["confidence"] < 0.7


def test_import_of_euc_tw_is_refused_by_name(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "西遊記.txt"
    source.write_bytes((EUC_TW / "xiyouji_ch1_head.txt").read_bytes())
    code, out, err = run(capsys, "--library", str(library_dir), "import", str(source), "--json")
    [record] = json.loads(out)
    assert code == 1
    assert record["status"] == "failed" and record["code"] == "unsupported-encoding"
    assert "EUC-TW is not supported" in record["error"] and record["warning"] is None
    assert "Traceback" not in err
    assert not list((library_dir / "docs").iterdir())
