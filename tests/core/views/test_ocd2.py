"""OpenCC's binary dictionaries read in Python agree with OpenCC itself."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from desktop.core.views.convert import convert_text
from desktop.core.views.ocd2 import DictFormatError, opencc_data_dir, read_ocd2


def test_one_to_many_entries_of_the_character_table() -> None:
    st = read_ocd2(opencc_data_dir() / "STCharacters.ocd2")
    assert len(st) > 3000
    assert st["后"] == ("後", "后")
    assert st["发"] == ("發", "髮")
    assert st["干"][:3] == ("幹", "乾", "干")
    assert st["里"][:2] == ("裏", "里")
    assert st["只"][:2] == ("只", "隻")
    tw = read_ocd2(opencc_data_dir() / "TWVariants.ocd2")
    assert tw["着"] == ("著",) and tw["裏"] == ("裡",)


@pytest.mark.parametrize(("name", "config"), [("STCharacters", "s2t"), ("TSCharacters", "t2s")])
def test_first_value_is_what_opencc_writes(name: str, config: str) -> None:
    entries = read_ocd2(opencc_data_dir() / f"{name}.ocd2")
    keys = list(entries)
    converted = convert_text("\n".join(keys), config).split("\n")
    wrong = [(k, entries[k], out) for k, out in zip(keys, converted) if out != entries[k][0]]
    assert wrong == []


def test_phrases_with_a_nested_trie() -> None:
    phrases = read_ocd2(opencc_data_dir() / "STPhrases.ocd2")
    assert len(phrases) > 40_000
    assert phrases["头发"] == ("頭髮",) and phrases["皇后"] == ("皇后",)
    keys = [k for k in list(phrases)[::500]]
    converted = convert_text("\n".join(keys), "s2t").split("\n")
    assert [phrases[k][0] for k in keys] == converted


def _opencc_dump(tool: Path, name: str, tmp_path: Path) -> dict[str, tuple[str, ...]]:
    out = tmp_path / f"{name}.txt"
    src = opencc_data_dir() / f"{name}.ocd2"
    subprocess.run(
        [str(tool), "-i", str(src), "-o", str(out), "-f", "ocd2", "-t", "text"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    entries = {}
    for line in out.read_text("utf-8").splitlines():
        key, values = line.split("\t")
        entries[key] = tuple(values.split(" "))
    return entries


@pytest.mark.parametrize(
    "name", ["STCharacters", "TSCharacters", "TWVariants", "HKVariantsRevPhrases", "TSPhrases"]
)
def test_same_as_opencc_dict_tool(name: str, tmp_path: Path) -> None:
    """OpenCC's own converter tool, where the wheel ships it, dumps the same entries."""
    tool = opencc_data_dir().parent.parent / "bin" / "opencc_dict"
    if not tool.exists() and shutil.which("opencc_dict") is None:
        pytest.skip("the opencc wheel of this platform has no opencc_dict tool")
    tool = tool if tool.exists() else Path(str(shutil.which("opencc_dict")))
    assert read_ocd2(opencc_data_dir() / f"{name}.ocd2") == _opencc_dump(tool, name, tmp_path)


def test_damaged_dictionary_names_the_file(tmp_path: Path) -> None:
    good = (opencc_data_dir() / "TWVariants.ocd2").read_bytes()
    cut = tmp_path / "cut.ocd2"
    cut.write_bytes(good[: len(good) // 2])
    with pytest.raises(DictFormatError, match=r"cut\.ocd2.*truncated"):
        read_ocd2(cut)
    other = tmp_path / "other.ocd2"
    other.write_bytes(b"PK\x03\x04 not a dictionary")
    with pytest.raises(DictFormatError, match=r"other\.ocd2.*header"):
        read_ocd2(other)
    longer = tmp_path / "longer.ocd2"
    longer.write_bytes(good + b"\0\0\0\0")
    with pytest.raises(DictFormatError, match="left after"):
        read_ocd2(longer)
