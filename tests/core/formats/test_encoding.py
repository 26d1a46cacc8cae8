"""Tests for desktop.core.formats.encoding: detection on shared samples, seeds and truncations."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path

import opencc
import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats.encoding import (
    Decoded,
    canonical_encoding,
    decode_bytes,
    normalise_newlines,
)

_S2T = opencc.OpenCC("s2t")
HK_TEXT = "佢哋話呢間茶餐廳嘅奶茶好好飲㗎,我哋今晚一齊去食飯啦。" * 4


def _seed_texts(seed_paths: list[Path]) -> list[str]:
    return [normalise_newlines(p.read_text("utf-8")) for p in seed_paths]


def _traditional(text: str) -> str:
    return _S2T.convert(text)


@pytest.mark.parametrize(
    ("rel", "codec", "words"),
    [
        ("gb2312/cnblog.org.xml", "gb18030", ["出版商", "开放图书项目"]),
        ("gb2312/softsea.net.xml", "gb18030", ["系统工具", "特洛伊木马"]),
        ("big5/_ude_1.txt", "big5", ["維基大典", "天下"]),
        ("big5/upsaid.com.xml", "big5", ["反世貿連署", "香港政府"]),
        ("utf16/bom-utf-16-le.srt", "utf-16-le", ["comment section of YouTube"]),
        ("utf16/_ude_4.txt", "utf-8-sig", ["universalchardet", "アプリケーション"]),
    ],
)
def test_shared_samples(testdata: Path, rel: str, codec: str, words: list[str]) -> None:
    data = (testdata / "encodings" / rel).read_bytes()
    result = decode_bytes(data, name=rel)
    assert result.encoding == codec
    for word in words:
        assert word in result.text
    assert "\r" not in result.text and not result.text.startswith("\ufeff")


@pytest.mark.parametrize("codec", ["gb18030", "big5", "utf-8", "utf-16-le", "utf-16-be"])
def test_seeds_reencoded(seed_paths: list[Path], codec: str) -> None:
    for text in _seed_texts(seed_paths):
        if codec == "big5":
            text = _traditional(text)
        data = text.encode(codec, "replace")
        result = decode_bytes(data, name="seed.txt")
        assert result.encoding == codec
        assert result.text == data.decode(codec)
        assert result.confidence >= 0.5


def test_big5hkscs_cantonese() -> None:
    data = HK_TEXT.encode("big5hkscs")
    with pytest.raises(UnicodeDecodeError):
        data.decode("big5")
    result = decode_bytes(data)
    assert result.encoding == "big5hkscs"
    assert result.text == HK_TEXT


def test_big5_is_not_taken_for_gb18030(seed_paths: list[Path]) -> None:
    data = _traditional(_seed_texts(seed_paths)[1]).encode("big5", "replace")
    data.decode("gb18030")  # the trap: decodes without error, into garbage
    assert decode_bytes(data).encoding == "big5"


@pytest.mark.parametrize(
    ("bom", "codec"),
    [
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
    ],
)
def test_bom(bom: bytes, codec: str) -> None:
    text = "同文 reader\r\n第二行"
    body = text.encode(codec.replace("-sig", ""))
    result = decode_bytes(bom + body)
    assert result.encoding == codec
    assert result.text == "同文 reader\n第二行"


@pytest.mark.parametrize("codec", ["utf-32-le", "utf-32-be"])
def test_utf32_without_bom(codec: str) -> None:
    text = "中文文本和 English text.\n" * 5
    assert decode_bytes(text.encode(codec)).text == text


def test_newlines() -> None:
    assert normalise_newlines("a\r\nb\rc\nd") == "a\nb\nc\nd"
    assert decode_bytes("一\r\n二\r三\n".encode("gb18030")).text == "一\n二\n三\n"


def test_small_file_of_300_bytes(seed_paths: list[Path]) -> None:
    for text in _seed_texts(seed_paths):
        for codec in ("gb18030", "big5"):
            source = _traditional(text) if codec == "big5" else text
            data = source.encode(codec, "replace")
            middle = data[len(data) // 2 :]
            cut = middle[middle.index(b"\n") + 1 :][:300]
            assert decode_bytes(cut).encoding == codec


def _truncations(seed_paths: list[Path]) -> list[tuple[bytes, set[str]]]:
    cases = []
    for text in _seed_texts(seed_paths):
        for codec in ("gb18030", "big5", "utf-8", "utf-16-le", "utf-16-be"):
            source = _traditional(text) if codec == "big5" else text
            data = source.encode(codec, "replace")
            accepted = {codec, "big5hkscs", "cp950"} if codec == "big5" else {codec}
            for start, length in ((1, 301), (3, 999), (1001, 501), (2047, 4001), (5, None)):
                end = None if length is None else start + length
                cases.append((data[start:end], accepted))
    return cases


def test_accuracy_on_truncated_samples(seed_paths: list[Path]) -> None:
    cases = _truncations(seed_paths)
    right = sum(decode_bytes(data).encoding in accepted for data, accepted in cases)
    assert len(cases) == 125
    assert right / len(cases) >= 0.96


def test_truncated_text_keeps_its_words(seed_paths: list[Path]) -> None:
    text = _traditional(_seed_texts(seed_paths)[2])
    data = text.encode("big5", "replace")[1:-1]
    result = decode_bytes(data)
    assert result.text.startswith("\ufffd")
    assert "工作作出重要指示" in result.text and "黨員" in result.text


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG"),
        (b"PK\x03\x04\x14\x00\x00\x00" + bytes(300), "ZIP"),
        (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
        (bytes(range(256)) * 8, "NUL"),
        (b"hello\x00world\x00" * 50, "NUL"),
        (b"text\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f" * 20, "control"),
    ],
)
def test_binary_refused(data: bytes, words: str) -> None:
    with pytest.raises(ImportRefused, match=words) as info:
        decode_bytes(data, name="picture.txt")
    assert "picture.txt" in str(info.value)


def test_executable_refused() -> None:
    data = Path(sys.executable).resolve().read_bytes()[:65536]
    with pytest.raises(ImportRefused, match=r"python\.txt"):
        decode_bytes(data, name="python.txt")


def test_explicit_encoding_honoured() -> None:
    data = "社會工作".encode("big5")
    assert decode_bytes(data, encoding="big5") == Decoded("社會工作", "big5", 1.0)
    # the reader may insist on garbage: GB18030 decodes Big5 bytes without error
    assert decode_bytes(data, encoding="gbk").encoding == "gb18030"


@pytest.mark.parametrize(
    ("alias", "codec"),
    [("GB2312", "gb18030"), ("gbk", "gb18030"), ("cp936", "gb18030"), ("Big5", "big5")],
)
def test_aliases(alias: str, codec: str) -> None:
    assert canonical_encoding(alias) == codec
    assert canonical_encoding("utf8") == "utf-8"
    assert canonical_encoding("big5-hkscs") == "big5hkscs"


def test_explicit_encoding_that_fails() -> None:
    data = "社会工作".encode("gb18030")
    with pytest.raises(ImportRefused, match=r"notes\.txt.*big5") as info:
        decode_bytes(data + b"\xff\xff more", encoding="big5", name="notes.txt")
    assert "offset" in str(info.value)


def test_unknown_encoding() -> None:
    with pytest.raises(ImportRefused, match="no-such-codec"):
        decode_bytes(b"abc", encoding="no-such-codec", name="a.txt")


def test_empty_and_ascii() -> None:
    assert decode_bytes(b"") == Decoded("", "utf-8", 1.0)
    assert decode_bytes(b"plain ascii\n") == Decoded("plain ascii\n", "utf-8", 1.0)


def test_utf8_with_one_bad_byte_stays_utf8(seed_paths: list[Path]) -> None:
    data = bytearray(_seed_texts(seed_paths)[0].encode("utf-8"))
    data[2000:2001] = b"\xff"
    result = decode_bytes(bytes(data))
    assert result.encoding == "utf-8"
    assert result.text.count("\ufffd") <= 3


_ASCII_LINE = b"Chapter notes, page 12: see the appendix for sources.\n"


@pytest.mark.parametrize("codec", ["gb18030", "big5"])
@pytest.mark.parametrize("at", [0.05, 0.3, 0.37, 0.62, 0.99])
def test_a_few_chinese_words_anywhere_in_ascii_are_never_ascii(codec: str, at: float) -> None:
    """Detection looks where the non-ASCII bytes are, not at head, middle and tail."""
    words = "同文書局出版社會工作" if codec == "big5" else "同文书局出版社会工作"
    body = _ASCII_LINE * 6000  # 330 KB
    cut = body.index(b"\n", int(len(body) * at)) + 1
    data = body[:cut] + words.encode(codec) + b"\n" + body[cut:]
    result = decode_bytes(data, name="notes.txt")
    assert result.encoding != "ascii"
    assert words in result.text and "\ufffd" not in result.text


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_english_utf16_without_bom(codec: str) -> None:
    """The wrong byte order turns ASCII into CJK-looking characters; it must not win."""
    text = "<html><head><title>Title</title></head><body><p>First paragraph.</p></body></html>"
    result = decode_bytes(text.encode(codec), name="page.txt")
    assert (result.text, result.encoding) == (text, codec)


@pytest.mark.parametrize(
    ("data", "codec", "start"),
    [
        (b"\x00" * 300_000, "utf-32-le", 0),
        (codecs.BOM_UTF16_LE + b"\x00" * 300_000, "utf-16-le", 2),
        (b"\x01\x02\x03\x04" * 75_000, "utf-8", 0),
        ("正文。".encode("utf-32-le") * 10_000 + b"\x00" * 300_000, "utf-32-le", 0),
    ],
)
def test_refuse_non_text_refuses_nul_and_control(data: bytes, codec: str, start: int) -> None:
    from desktop.core.formats.encoding import refuse_non_text

    with pytest.raises(ImportRefused) as info:
        refuse_non_text(data, codec, start=start, name="zeros.txt")
    assert info.value.code == "binary-file" and "zeros.txt" in str(info.value)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-32-be", "utf-8", "gb18030"])
def test_refuse_non_text_keeps_text_with_tabs_form_feeds_and_esc(codec: str) -> None:
    from desktop.core.formats.encoding import refuse_non_text

    text = "第一章\t正文\f\x1b[1m粗体\x1b[0m\v。\n" * 20_000
    refuse_non_text(text.encode(codec), "utf-8" if codec == "gb18030" else codec)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_refuse_non_text_reads_a_big_endian_bom_in_the_generic_codec(codec: str) -> None:
    """退 (U+9000) read in the wrong order is U+0090, a control character."""
    from desktop.core.formats.encoding import refuse_non_text

    bom = codecs.BOM_UTF16_BE if codec == "utf-16" else codecs.BOM_UTF32_BE
    data = bom + ("退" * 50_000).encode(f"{codec}-be")
    refuse_non_text(data, codec, start=len(bom), name="back.html")


# -- EUC-TW and decodings that may be wrong ---------------------------------------------

EUC_TW_SAMPLES = Path(__file__).parents[1] / "euc_tw"


@pytest.mark.parametrize("name", ["xiyouji_ch1_head.txt", "xiyouji_plane1_only.txt"])
def test_euc_tw_is_refused_by_name_not_decoded_into_mojibake(name: str) -> None:
    """Was: decoded as GB18030 with confidence 0.80 into 苌摹沁 …, nothing said.

    The plane-1-only sample has no 0x8E prefix at all: the bytes are GB2312-shaped.
    """
    data = (EUC_TW_SAMPLES / name).read_bytes()
    with pytest.raises(ImportRefused, match="EUC-TW is not supported") as info:
        decode_bytes(data, name=name)
    assert info.value.code == "unsupported-encoding"
    assert info.value.params == {"encoding": "EUC-TW"}
    assert name in str(info.value)


@pytest.mark.parametrize("chosen", ["EUC-TW", "euc_tw", "x-euc-tw", "CNS11643"])
def test_euc_tw_chosen_by_the_reader_is_refused_by_name(chosen: str) -> None:
    """Was: "unknown encoding 'EUC-TW'", as if the reader had mistyped."""
    data = (EUC_TW_SAMPLES / "xiyouji_plane1_only.txt").read_bytes()
    with pytest.raises(ImportRefused, match="EUC-TW is not supported") as info:
        decode_bytes(data, encoding=chosen, name="old.txt")
    assert info.value.code == "unsupported-encoding"


def test_euc_tw_bytes_in_gb_and_big5_text_do_not_look_like_euc_tw(
    seed_paths: list[Path], testdata: Path
) -> None:
    """Every real GB and Big5 sample still decodes (none is taken for EUC-TW)."""
    samples = [p.read_bytes() for p in (testdata / "encodings").glob("*/*.xml")]
    for text in _seed_texts(seed_paths):
        samples += [text.encode("gb18030"), _traditional(text).encode("big5", "replace")]
    for data in samples:
        decode_bytes(data)


@pytest.mark.parametrize("codec", ["big5", "gb18030"])
def test_right_legacy_decodings_are_confident(seed_paths: list[Path], codec: str) -> None:
    """Big5 came out at about 0.70 because big5, big5hkscs and cp950 decode it to the
    same text and were counted as rivals: right decodings looked as doubtful as wrong
    ones (EUC-TW read as GB18030 scored 0.30-0.99)."""
    from desktop.core.formats.encoding import LOW_CONFIDENCE

    for text in _seed_texts(seed_paths):
        source = _traditional(text) if codec == "big5" else text
        result = decode_bytes(source.encode(codec, "replace"))
        assert result.encoding == codec and result.confidence >= LOW_CONFIDENCE + 0.1


def test_mixed_gb_and_big5_file_is_doubtful(seed_paths: list[Path]) -> None:
    """Half GB18030, half Big5: whichever codec wins, half the text is mojibake."""
    from desktop.core.formats.encoding import LOW_CONFIDENCE

    texts = _seed_texts(seed_paths)
    data = texts[0].encode("gb18030") + _traditional(texts[1]).encode("big5", "replace")
    assert decode_bytes(data).confidence < LOW_CONFIDENCE


def test_decoding_warning_only_for_low_confidence() -> None:
    from desktop.core.formats.encoding import LOW_CONFIDENCE, decoding_warning

    assert decoding_warning("gb18030", 0.99) is None
    assert decoding_warning("utf-8", None) is None
    warning = decoding_warning("gb18030", LOW_CONFIDENCE - 0.01)
    assert warning is not None and "GB18030" in warning and "re-decode" in warning


def _excerpts(text: str, size: int, count: int) -> list[str]:
    step = max((len(text) - size) // count, 1)
    return [text[i : i + size] for i in range(0, len(text) - size, step)][:count]


@pytest.mark.parametrize("size", [200, 1000])
def test_right_decodings_of_excerpts_are_not_doubtful(
    seed_paths: list[Path], testdata: Path, size: int
) -> None:
    from desktop.core.formats.encoding import LOW_CONFIDENCE

    novel = testdata / "novels" / "xiyouji_gutenberg_hardwrapped_zht.txt"
    sources = [*_seed_texts(seed_paths), novel.read_text("utf-8")[:200_000]]
    for text in sources:
        for piece in _excerpts(text, size, 8):
            for codec, source in (("gb18030", piece), ("big5", _traditional(piece))):
                data = source.encode(codec, "replace")
                if data.isascii():
                    continue
                result = decode_bytes(data)
                assert result.confidence >= LOW_CONFIDENCE, (codec, piece[:30])


@pytest.mark.parametrize("big5_first", [False, True])
def test_a_paragraph_in_another_encoding_makes_the_file_doubtful(
    seed_paths: list[Path], big5_first: bool
) -> None:
    """A 200-character Big5 paragraph in a GB18030 file (or the reverse) scored 0.99."""
    from desktop.core.formats.encoding import LOW_CONFIDENCE

    texts = _seed_texts(seed_paths)
    majority = "\n".join(texts[0:4:3]) * 3
    paragraph = next(p for p in texts[1].split("\n") if len(p) >= 200)[:200]
    if big5_first:
        parts = [_traditional(majority).encode("big5", "replace"), paragraph.encode("gb18030")]
    else:
        parts = [majority.encode("gb18030"), _traditional(paragraph).encode("big5", "replace")]
    data = (
        parts[0][: len(parts[0]) // 2] + b"\n" + parts[1] + b"\n" + parts[0][len(parts[0]) // 2 :]
    )
    assert decode_bytes(data).confidence < LOW_CONFIDENCE
