"""Ruby readings by phrase (pypinyin's phrase data, CC-CEDICT words, folded Traditional
text), ranges with context, styles, and the reader's corrections in readings.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.atomic import UnreadableFileError
from desktop.core.dictionary import load_dictionary
from desktop.core.readings import (
    Reader,
    bracketed,
    hint_spans,
    load_reader,
    read_corrections,
    remove_correction,
    save_correction,
    view_region,
)
from desktop.core.readings.corrections import FILE_NAME


@pytest.fixture(scope="module")
def reader() -> Reader:
    return Reader(load_dictionary())


def _pinyin(reader: Reader, text: str, **kwargs: str) -> str:
    return " ".join(r for _, _, r in reader.spans(text, **kwargs))


PAIRS = [
    ("银行", "yín háng"), ("行走", "xíng zǒu"),
    ("长大", "zhǎng dà"), ("长度", "cháng dù"),
    ("重新", "chóng xīn"), ("重要", "zhòng yào"),
    ("便宜", "pián yi"), ("方便", "fāng biàn"),
]  # fmt: skip


@pytest.mark.parametrize(("word", "reading"), PAIRS)
def test_readings_come_by_phrase(reader: Reader, word: str, reading: str) -> None:
    assert _pinyin(reader, word) == reading
    assert _pinyin(reader, f"他说{word}了。").split()[2:-1] == reading.split()


@pytest.mark.parametrize(("word", "reading"), PAIRS)
def test_traditional_text_is_read_through_its_folded_form(
    reader: Reader, word: str, reading: str
) -> None:
    from desktop.core.views import convert_text

    traditional = convert_text(word, "s2t")
    assert _pinyin(reader, traditional) == reading


def test_pypinyin_alone_reads_traditional_wrongly() -> None:
    """Why the folding: pypinyin's phrase data is Simplified (長度 would be zhǎng dù)."""
    from pypinyin import lazy_pinyin

    assert lazy_pinyin("長度") != ["chang", "du"]


def test_one_reading_per_han_character_of_the_original_text(reader: Reader) -> None:
    text = "A𠮷银行,\n〇行 走!"
    spans = reader.spans(text)
    assert [text[s:e] for s, e, _ in spans] == ["银", "行", "〇", "行", "走"]
    assert all(e == s + 1 for s, e, _ in spans)
    assert reader.spans("hello, world") == [] and reader.spans("") == []


def test_zhuyin_style(reader: Reader) -> None:
    assert _pinyin(reader, "便宜", style="zhuyin") == "ㄆㄧㄢˊ ˙ㄧ"
    assert _pinyin(reader, "绿色", style="zhuyin") == "ㄌㄩˋ ㄙㄜˋ"
    with pytest.raises(ValueError, match="style"):
        reader.spans("银行", style="ipa")


def test_taiwan_text_reads_the_particle_zhe(reader: Reader) -> None:
    """Taiwan writes 着 as 著: folded with tw2s it is the particle, not zhù (著作 stays)."""
    assert _pinyin(reader, "他看著我", region="taiwan").split()[2] == "zhe"
    assert _pinyin(reader, "著作", region="taiwan") == "zhù zuò"
    assert view_region("taiwan", "general") == "taiwan"
    assert view_region("original", "hongkong") == "hongkong"
    assert view_region("simplified", "taiwan") == "general"


def test_a_range_is_read_with_the_phrase_around_it(reader: Reader) -> None:
    text = "我去银行取钱"
    assert reader.spans(text, 3, 4) == [(3, 4, "háng")]  # 行 alone would be xíng
    assert reader.spans(text, 0, 3) == [(0, 1, "wǒ"), (1, 2, "qù"), (2, 3, "yín")]
    full = reader.spans(text)
    pieces = [s for i in range(len(text)) for s in reader.spans(text, i, i + 1)]
    assert pieces == full


def test_cc_cedict_words_read_what_pypinyin_has_no_phrase_for() -> None:
    """A word pypinyin reads character by character gets CC-CEDICT's one reading."""
    plain, with_words = Reader(), Reader(load_dictionary())
    assert _pinyin(plain, "炔烃") == "guì tīng"  # pypinyin alone
    assert _pinyin(with_words, "炔烃") == "quē tīng"  # alkyne
    assert _pinyin(with_words, "肖邦的曲子").startswith("xiāo bāng")  # Chopin


def test_corrections_apply_in_every_script(isolated_env: Path) -> None:
    root = isolated_env / "lib"
    root.mkdir()
    assert read_corrections(root) == []
    made = save_correction(root, "長大", "zhǎng da")
    assert (made.word, made.readings, made.pinyin) == ("长大", ("zhang3", "da5"), "zhǎng da")
    save_correction(root, "一行人", ["yi4", "xing2", "ren2"])
    reader = load_reader(root)
    assert _pinyin(reader, "他长大了").split()[1:3] == ["zhǎng", "da"]
    assert _pinyin(reader, "他長大了").split()[1:3] == ["zhǎng", "da"]
    assert _pinyin(reader, "一行人走了").split()[:3] == ["yì", "xíng", "rén"]
    assert reader.spans("一行字") == Reader(load_dictionary()).spans("一行字")  # only in context
    assert [c.word for c in read_corrections(root)] == ["长大", "一行人"]
    save_correction(root, "长大", "zhang3 da4")  # replaces
    assert [c.readings for c in read_corrections(root)][-1] == ("zhang3", "da4")
    assert remove_correction(root, "長大") and not remove_correction(root, "长大")
    assert _pinyin(reader.with_corrections(read_corrections(root)), "长大") == "zhǎng dà"
    stored = json.loads((root / FILE_NAME).read_text("utf-8"))
    assert stored["format"] == "tongwen-readings" and len(stored["corrections"]) == 1


@pytest.mark.parametrize(
    ("word", "readings", "problem"),
    [
        ("长大", "zhang3", "2 character"),
        ("长 a", "zhang3 a", "Han"),
        ("长大", "zhang3 xyz", "not a pinyin syllable"),
        ("", "", "Han"),
    ],
)
def test_bad_corrections_are_refused(
    isolated_env: Path, word: str, readings: str, problem: str
) -> None:
    with pytest.raises(ValueError, match=problem):
        save_correction(isolated_env, word, readings)
    assert not (isolated_env / FILE_NAME).exists()


def test_a_damaged_file_names_itself_and_loses_nothing(isolated_env: Path) -> None:
    path = isolated_env / FILE_NAME
    path.write_text("{ not json", "utf-8")
    with pytest.raises(UnreadableFileError, match=FILE_NAME):
        read_corrections(isolated_env)
    kept = list(isolated_env.glob(f"{FILE_NAME}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text("utf-8") == "{ not json"


def test_a_damaged_file_falls_back_to_its_backup(isolated_env: Path) -> None:
    save_correction(isolated_env, "长大", "zhang3 da5")
    save_correction(isolated_env, "重新", "chong2 xin1")  # the first version is the .bak
    (isolated_env / FILE_NAME).write_text('{"format": "tongwen-readings"', "utf-8")
    assert [c.word for c in read_corrections(isolated_env)] == ["长大"]


def test_a_file_from_a_newer_tongwen_is_left_alone(isolated_env: Path) -> None:
    path = isolated_env / FILE_NAME
    path.write_text('{"format": "tongwen-readings", "version": 99, "corrections": []}', "utf-8")
    with pytest.raises(UnreadableFileError, match="version 99"):
        read_corrections(isolated_env)
    assert path.exists() and not list(isolated_env.glob("*.corrupt-*"))


def test_document_hints_win_and_brackets_follow_each_character() -> None:
    spans = [(0, 1, "xí"), (1, 2, "jìn"), (2, 3, "píng")]
    hints = [(0, 1, "xī"), (2, 3, "píng ān")]  # a hint of two syllables is not used
    merged = hint_spans(hints, spans)
    assert merged == [(0, 1, "xī"), (1, 2, "jìn"), (2, 3, "píng")]
    assert hint_spans(hints, spans, "zhuyin")[0] == (0, 1, "ㄒㄧ")
    assert bracketed("習近平說", merged) == "習(xī)近(jìn)平(píng)說"
