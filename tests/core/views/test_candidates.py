"""OpenCC's candidates and words, read from its tables, agree with its converter."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.views.candidates import tables
from desktop.core.views.convert import convert_text
from desktop.core.views.ocd2 import opencc_data_dir, read_ocd2

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
#: The configs the views use (desktop.core.views.convert.script_config).
VIEW_CONFIGS = [
    "s2t",
    "s2tw",
    "s2twp",
    "s2hk",
    "s2hkp",
    "t2s",
    "tw2s-keep-me",
    "tw2sp-keep-me",
    "hk2s",
    "hk2sp",
]


def test_candidates_of_one_to_many_characters() -> None:
    s2t, s2tw = tables("s2t"), tables("s2tw")
    assert s2t.candidates("后") == ("後", "后")
    assert s2t.candidates("发") == ("發", "髮")
    assert s2t.candidates("干")[:3] == ("幹", "乾", "干")
    assert s2t.candidates("里")[:2] == ("裏", "里")
    assert s2tw.candidates("里")[:2] == ("裡", "里")  # 裏 → 裡 through TWVariants
    assert s2t.candidates("只")[:2] == ("只", "隻")
    assert s2tw.candidates("着") == ("著",)
    assert tables("tw2s-keep-me").candidates("著") == ("着",)
    assert tables("t2s").candidates("乾") == ("干", "乾")
    assert s2t.one_to_many("后") and not s2t.one_to_many("们")
    assert s2t.candidates("头发") == ("頭髮",)  # a phrase decides: one value


@pytest.mark.parametrize("config", VIEW_CONFIGS)
def test_first_candidate_is_what_opencc_writes(config: str) -> None:
    data = opencc_data_dir()
    chars = [*read_ocd2(data / "STCharacters.ocd2"), *read_ocd2(data / "TSCharacters.ocd2")]
    tb = tables(config)
    converted = convert_text("\n".join(chars), config).split("\n")
    assert [c for c, out in zip(chars, converted) if tb.candidates(c)[0] != out] == []


def test_words_follow_opencc_segmentation() -> None:
    text = "皇后的头发干了。以后我们只能在这里发呆"
    words = [text[a:b] for a, b in tables("s2t").words(text, 0, len(text))]
    assert words[:4] == ["皇后", "的", "头发", "干了"]
    assert "以后" in words and "这里" in words
    assert [text[a:b] for a, b in tables("s2t").words(text, 1, 2)] == ["皇后"]
    other = "用软件"
    assert [other[a:b] for a, b in tables("s2twp").words(other, 2, 3)] == ["软件"]


@pytest.mark.parametrize("config", VIEW_CONFIGS)
def test_words_converted_alone_give_opencc_output(config: str) -> None:
    """Each word converted on its own, joined, is OpenCC's conversion of the line:
    the words are where OpenCC's conversion can be cut (every seed line)."""
    tb = tables(config)
    lines = [line for p in sorted(SEEDS.glob("*.txt")) for line in p.read_text("utf-8").split("\n")]
    wrong = []
    for line in filter(None, lines):
        words = tb.words(line, 0, len(line))
        assert [a for a, _ in words[1:]] == [b for _, b in words[:-1]]
        assert (words[0][0], words[-1][1]) == (0, len(line))
        if "".join(convert_text(line[a:b], config) for a, b in words) != convert_text(line, config):
            wrong.append(line)
    assert wrong == []


def test_words_of_a_stretch_start_where_opencc_cuts() -> None:
    tb = tables("s2t")
    text = "他说：头发干了，" * 3
    whole = tb.words(text, 0, len(text))
    middle = tb.words(text, 10, 14)
    assert middle == [w for w in whole if w[1] > 10 and w[0] < 14]
