"""Folded text as search keeps it: grams, storage encoding, map columns."""

from __future__ import annotations

from desktop.core.fold import fold, fold_plain
from desktop.core.search import folded as folded_module
from desktop.core.search.folded import columns, encode, flat_edits, text_grams


def test_grams_are_han_chars_pairs_and_words() -> None:
    grams = text_grams(fold_plain("社會工作,ABC 2024"))
    assert grams["社会"] == 1 and grams["社"] == 1 and grams["abc"] == 1 and grams["2024"] == 1
    assert "作," not in grams and "," not in grams


def test_a_word_with_sharp_s_is_one_gram() -> None:
    """Straße folds to strasse (one word), as the query STRASSE does."""
    assert text_grams(fold_plain("Die Straße"))["strasse"] == 1


def test_encoding_in_pieces_equals_encoding_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = "頭髮乾燥，後來發現了ＡＢＣ。𠮷" * 50
    monkeypatch.setattr(folded_module, "_PIECE", 97)
    assert encode(text, "gb18030") == text.encode("gb18030")


def test_columns_split_flat_edits() -> None:
    _folded, mapping = fold("社會\n工作 Straße")
    assert list(zip(*columns(flat_edits(mapping)), strict=True)) == mapping.edits()
