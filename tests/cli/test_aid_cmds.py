"""tongwen-cli define, reading, and show --ruby (real CC-CEDICT and pypinyin data)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import Context
from tests.cli.in_process import run


def _import(library_dir: Path, tmp_path: Path, text: str) -> str:
    src = tmp_path / "doc.txt"
    src.write_text(text, "utf-8")
    result = Context(library_path=library_dir).library.add_file(src)
    assert result.id is not None, result.error
    return result.id


def test_define_prints_the_pop_up_entries(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "define", "銀行")
    assert code == 0
    assert out.splitlines()[0] == "银行 銀行  yín háng  ㄧㄣˊ ㄏㄤˊ"
    assert "  1. bank" in out and "words inside: 銀 yín, 行 háng/xíng" in out


def test_define_json_has_the_same_entries(capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.core.dictionary import load_dictionary

    code, out, _ = run(capsys, "define", "便宜", "--json")
    assert code == 0
    (word,) = json.loads(out)
    pop_up = load_dictionary().longest_match("便宜", 0)
    assert pop_up is not None and word == pop_up.to_json()
    assert {e["pinyin"] for e in word["entries"]} == {"pián yi", "biàn yí"}
    assert {"simplified", "traditional", "pinyin", "zhuyin", "definitions"} <= set(
        word["entries"][0]
    )


def test_define_a_phrase_gives_its_words(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "define", "我在銀行工作", "--json")
    assert code == 0
    assert [w["text"] for w in json.loads(out)] == ["我", "在", "銀行", "工作"]


def test_define_an_unknown_word_fails(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "define", "xyz")
    assert code == 1 and out == "" and "no entry for 'xyz'" in err


def test_show_ruby_in_pinyin_and_zhuyin(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _import(library_dir, tmp_path, "他去银行取钱，很便宜。\n")
    lib = ["--library", str(library_dir)]
    code, out, _ = run(capsys, *lib, "show", doc[:8], "--ruby", "pinyin")
    assert code == 0
    assert out == "他(tā)去(qù)银(yín)行(háng)取(qǔ)钱(qián)，很(hěn)便(pián)宜(yi)。\n"
    code, out, _ = run(capsys, *lib, "show", doc[:8], "--ruby", "zhuyin", "--script", "taiwan")
    assert code == 0 and out.startswith("他(ㄊㄚ)去(ㄑㄩˋ)銀(ㄧㄣˊ)行(ㄏㄤˊ)")
    code, out, _ = run(capsys, *lib, "show", doc[:8])
    assert code == 0 and out == "他去银行取钱，很便宜。\n"  # without --ruby: as before


def test_show_ruby_uses_the_documents_own_hints(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _import(library_dir, tmp_path, "習(xí)近平總書(shū)記說，長(zhǎng)大了。\n")
    lib = ["--library", str(library_dir)]
    code, out, _ = run(capsys, *lib, "show", doc[:8], "--ruby", "pinyin")
    assert code == 0
    assert out.startswith(
        "習(xí)近(jìn)平(píng)總(zǒng)書(shū)記(ji)說(shuō)，長(zhǎng)大(dà)了(le)"
    )
    code, out, _ = run(capsys, *lib, "show", doc[:8])
    assert out == "習近平總書記說，長大了。\n"  # the clean view still hides the hints
    code, out, _ = run(capsys, *lib, "show", doc[:8], "--pinyin", "inline")
    assert out.startswith("習(xí)近平總書(shū)記")


def test_reading_corrections_from_the_shell(
    library_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = _import(library_dir, tmp_path, "长大\n")
    lib = ["--library", str(library_dir)]
    code, out, _ = run(capsys, *lib, "reading", "--add", "長大", "zhǎng da")
    assert code == 0 and out == "长大  zhǎng da  ㄓㄤˇ ˙ㄉㄚ\n"
    code, out, _ = run(capsys, *lib, "show", doc[:8], "--ruby", "pinyin")
    assert out == "长(zhǎng)大(da)\n"
    code, out, _ = run(capsys, *lib, "reading", "--json")
    assert [c["readings"] for c in json.loads(out)] == [["zhang3", "da5"]]
    code, _, err = run(capsys, *lib, "reading", "--add", "长大", "zhang3")
    assert code == 1 and "2 character(s) but 1 reading(s)" in err
    assert run(capsys, *lib, "reading", "--remove", "长大")[0] == 0
    code, _, err = run(capsys, *lib, "reading", "--remove", "长大")
    assert code == 1 and "no correction" in err
