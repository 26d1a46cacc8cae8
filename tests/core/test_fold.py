"""The one folding: its rules, its map back to the text, and its one converter."""

from __future__ import annotations

from array import array
from pathlib import Path

import pytest

from desktop.core import fold as fold_module
from desktop.core.fold import find_folded, fold, fold_many, fold_plain
from desktop.core.offsetmap import OffsetMap
from desktop.core.script import detect_script
from desktop.core.search.folded import columns, flat_edits
from desktop.core.views import convert as convert_module
from desktop.core.views.convert import convert_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

#: (text, folded): one line per rule of desktop.core.fold's docstring.
RULES = [
    ("Straße", "strasse"),  # case folding: ß is ss
    ("STRASSE", "strasse"),
    ("ΣΊΣΥΦΟΣ", "σίσυφοσ"),  # final sigma folds like any sigma
    ("社會\n工作", "社会工作"),  # a line break inside a word goes
    ("社會 工作\u3000者", "社会工作者"),  # spaces between Han characters too
    ("社會\nwork and  more", "社会\nwork and  more"),  # other whitespace stays
    ("俓", "俓"),  # no rare-glyph dictionaries: 俓 is not turned into 𠇹
    ("ＡＢＣ，１２３", "abc,123"),  # full-width to half-width
    ("Tongwen", "tongwen"),
    ("社會工作", "社会工作"),  # Traditional to Simplified
    ("社会工作", "社会工作"),
    ("a\ud800b", "a\ufffdb"),  # a lone surrogate
]


@pytest.mark.parametrize(("text", "folded"), RULES)
def test_each_rule_once(text: str, folded: str) -> None:
    assert fold_plain(text) == folded
    got, mapping = fold(text)
    assert got == folded
    assert (mapping.src_len, mapping.dst_len) == (len(text), len(folded))


def test_folded_traditional_is_the_simplified_view_text() -> None:
    """Search, the filter and Ctrl+F use the views' converter: what the 简体 view shows."""
    text = "俓直的社會工作，頭髮乾燥"
    assert fold_plain(text) == convert_text(text, "t2s").replace("，", ",")


def test_script_detection_uses_the_same_converter() -> None:
    """Characters the 简体 view leaves alone are no evidence of Traditional writing."""
    assert detect_script("俓" * 10) == "unknown"
    assert detect_script("社會工作的發展與變遷") == "traditional"


#: (text, query, the text a hit covers)
HITS = [
    ("前言\n社會\n工作者", "社会工作", "社會\n工作"),  # a dropped break inside: covered
    ("社會 工作", "工作", "工作"),  # a dropped gap at the edge: left out
    ("社會 工作", "社会", "社會"),
    ("見ＡＢＣ公司", "abc", "ＡＢＣ"),
    ("Die Straße", "strasse", "Straße"),
    ("Die Straße", "s", "S"),
    ("die Straße", "ss", "ß"),  # part of an expansion covers its source char
    ("𠮷野家 社會", "𠮷野家", "𠮷野家"),
]


@pytest.mark.parametrize(("text", "query", "covered"), HITS)
def test_hits_map_back_through_the_offset_map(text: str, query: str, covered: str) -> None:
    folded, mapping = fold(text)
    (start, end), *_ = find_folded(folded, mapping, fold_plain(query))
    assert text[start:end] == covered


def test_stored_columns_give_back_the_same_map() -> None:
    """Search stores a map's edits as columns and hits come back through the same map."""
    text = "前言\n社會\n工作者 Straße 社會 工作"
    folded, mapping = fold(text)
    stored = OffsetMap.from_columns(len(folded), *columns(flat_edits(mapping)))
    assert stored == mapping
    needle = fold_plain("社会工作")
    assert find_folded(folded, stored, needle) == find_folded(folded, mapping, needle)
    with pytest.raises(ValueError):  # edits beyond the end of the folded text
        OffsetMap.from_columns(2, *mapping.columns())
    with pytest.raises(ValueError):
        OffsetMap.from_columns(len(folded), *mapping.columns()[:3], array("q"))


def test_fold_plain_is_fold_without_the_map() -> None:
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        folded, mapping = fold(text)
        assert fold_plain(text) == folded
        assert mapping.src_len == len(text) and mapping.dst_len == len(folded)


def test_long_texts_fold_in_pieces_as_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """OpenCC converts a long text a piece at a time (the GIL is released between),
    and the width of a long text is folded with numpy: the result is the same."""
    seed = sorted(SEEDS.glob("*.txt"))[1].read_text("utf-8")
    text = seed * 3 + "\n頭髮乾燥，後來發現了ＡＢＣ。Straße" * 40 + "一" * 300
    whole = fold(text)
    monkeypatch.setattr(convert_module, "_CHUNK", 97)
    monkeypatch.setattr(fold_module, "_LONG", 50)
    pieces = fold(text)
    assert pieces[0] == whole[0] == fold_plain(text)
    assert pieces[1] == whole[1]


def test_only_bmp_characters_fold_to_several() -> None:
    """The map of case folding looks for growing characters in the BMP only."""
    assert not [cp for cp in range(0x10000, 0x110000) if len(chr(cp).casefold()) > 1]


def test_folding_many_texts_at_once_is_folding_each() -> None:
    texts = ["紅樓夢\0曹雪芹", "Straße ＡＢＣ", "", "社會\n工作", "乾隆 干 幹", "a\x1eb 後來"]
    assert fold_many(texts) == [fold_plain(t) for t in texts]
    assert fold_many(texts[:-1]) == [fold_plain(t) for t in texts[:-1]]  # the one-pass path
    assert fold_many([]) == []
