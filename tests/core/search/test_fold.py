"""Folding: scripts, widths, case, wrapped lines, and exact hit ranges."""

from __future__ import annotations

import importlib
from pathlib import Path

import pytest

from desktop.core.search.fold import columns, flat_edits, fold, fold_plain, hit_range, text_grams


def _hit(text: str, needle: str, nth: int = 0) -> str:
    folded, mapping = fold(text)
    cols = columns(flat_edits(mapping))
    pos = -1
    for _ in range(nth + 1):
        pos = folded.find(needle, pos + 1)
    assert pos >= 0, (folded, needle)
    start, end = hit_range(cols, pos, pos + len(needle))
    return text[start:end]


def test_traditional_and_simplified_fold_alike() -> None:
    assert fold_plain("社會工作") == fold_plain("社会工作") == "社会工作"


def test_width_and_case_fold() -> None:
    assert fold_plain("ＡＢＣ Tongwen") == "abc tongwen"


def test_spaces_between_han_are_dropped_but_not_between_words() -> None:
    assert fold_plain("社會\n工作 and  more 中 文") == "社会工作 and  more 中文"


def test_hit_across_a_line_break_covers_the_break() -> None:
    assert _hit("前言\n社會\n工作者", "社会工作") == "社會\n工作"


def test_hit_after_a_dropped_gap_starts_at_the_first_char() -> None:
    assert _hit("社會 工作", "工作") == "工作"
    assert _hit("社會 工作", "社会") == "社會"


def test_fullwidth_hit_maps_back() -> None:
    assert _hit("見ＡＢＣ公司", "abc") == "ＡＢＣ"


def test_lone_surrogate_does_not_break_folding() -> None:
    folded, mapping = fold("a\ud800b")
    assert len(folded) == 3 and mapping.src_len == 3


def test_grams_are_han_chars_pairs_and_words() -> None:
    grams = text_grams(fold_plain("社會工作,ABC 2024"))
    assert grams["社会"] == 1 and grams["社"] == 1 and grams["abc"] == 1 and grams["2024"] == 1
    assert "作," not in grams and "," not in grams


def test_folding_in_pieces_equals_folding_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long texts are converted a piece at a time (the GIL is released between)."""
    fold_module = importlib.import_module("desktop.core.search.fold")  # the package shadows it

    seed = sorted(Path(__file__).resolve().parents[3].joinpath("seeds").glob("*.txt"))[1]
    text = seed.read_text("utf-8") * 3 + "\n頭髮乾燥，後來發現了ＡＢＣ。\n" * 40
    whole = fold(text)
    monkeypatch.setattr(fold_module, "_PIECE", 97)
    pieces = fold(text)
    assert pieces[0] == whole[0]
    assert list(pieces[1].edits()) == list(whole[1].edits())
    assert fold_module.encode(text, "gb18030") == text.encode("gb18030")
