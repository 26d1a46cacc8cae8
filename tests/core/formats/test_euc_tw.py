"""desktop.core.formats.euc_tw: the table of common characters, checked against glibc's iconv."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import opencc
import pytest

from desktop.core.formats import chinese_score, euc_tw

SAMPLES = Path(__file__).parents[1] / "euc_tw"


def _iconv_knows_euc_tw() -> bool:
    if shutil.which("iconv") is None:
        return False
    done = subprocess.run(
        ["iconv", "-f", "UTF-8", "-t", "EUC-TW"], input="中".encode(), capture_output=True
    )
    return done.returncode == 0 and done.stdout == b"\xc4\xe3"


needs_iconv = pytest.mark.skipif(
    not _iconv_knows_euc_tw(), reason="no iconv with EUC-TW here (glibc's has it)"
)


@needs_iconv
def test_common_codes_are_the_common_characters_in_euc_tw() -> None:
    """The table is what iconv makes of the detector's common characters (s2t and s2tw)."""
    taiwan = opencc.OpenCC("s2tw").convert(chinese_score.COMMON_SIMPLIFIED)
    characters = "".join(sorted(set(chinese_score.COMMON_TRADITIONAL) | set(taiwan)))
    codes = set()
    for ch in characters:
        done = subprocess.run(
            ["iconv", "-f", "UTF-8", "-t", "EUC-TW"], input=ch.encode(), capture_output=True
        )
        assert done.returncode == 0, ch
        codes.add(done.stdout)
    assert codes == euc_tw._COMMON


@needs_iconv
@pytest.mark.parametrize("name", ["xiyouji_ch1_head.txt", "xiyouji_plane1_only.txt"])
def test_samples_are_euc_tw_of_the_public_domain_novel(testdata: Path, name: str) -> None:
    """The fixtures are 西遊記 (shared testdata) through iconv, byte for byte."""
    novel = (testdata / "novels" / "xiyouji_gutenberg_hardwrapped_zht.txt").read_text("utf-8")
    done = subprocess.run(
        ["iconv", "-f", "EUC-TW", "-t", "UTF-8"],
        input=(SAMPLES / name).read_bytes(),
        capture_output=True,
        check=True,
    )
    assert done.stdout.decode("utf-8").rstrip("\n") in novel


def test_quality_of_euc_tw_and_of_other_text() -> None:
    sample = (SAMPLES / "xiyouji_ch1_head.txt").read_bytes()
    assert euc_tw.euc_tw_quality(sample) > 0.5
    assert euc_tw.euc_tw_quality("天地之數，有十二萬九千六百歲".encode("big5")) < 0
    assert euc_tw.euc_tw_quality(b"plain ASCII") == 0.0


@pytest.mark.parametrize(
    ("name", "means"),
    [("EUC-TW", True), ("euc_tw", True), ("x-euc-tw", True), ("cns11643", True), ("big5", False)],
)
def test_names(name: str, means: bool) -> None:
    assert euc_tw.is_euc_tw_name(name) is means
