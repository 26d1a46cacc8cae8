"""Tests for desktop.core.chapters."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.chapters import detect_chapters


def novel(headings: list[str]) -> str:
    body = "他走进了屋子，看见桌上放着一封信。信上写着几行字，字迹潦草。\n" * 3
    return "".join(f"{h}\n{body}\n" for h in headings)


def test_numbered_chapters_both_scripts(tmp_path: Path) -> None:
    heads = [
        "序",
        "楔子",
        "第一回 宴桃园豪杰三结义",
        "第12章 風起",
        "第一百二十回",
        "第三節",
        "第二卷 江湖",
        "尾聲",
        "後記",
        "番外 一 春日",
    ]
    path = tmp_path / "novel.txt"
    path.write_text(novel(heads), "utf-8")
    text = path.read_text("utf-8")
    found = detect_chapters(text)
    assert [t for _, t in found] == heads
    for offset, title in found:
        assert text[offset : offset + len(title)] == title


def test_numbered_headings_without_di_only_when_short() -> None:
    text = (
        "一、與時俱進,準確把握大社會工作大格局\n正文。\n"
        "1. 开篇\n正文。\n"
        "1、構建上下貫通的社會工作體系,共同推動基層社會工作高質量發展。為構建上下貫通的社會工作體系。\n"
        "2、本站屬于非營利性網站;\n"
    )
    assert [t for _, t in detect_chapters(text)] == [
        "一、與時俱進,準確把握大社會工作大格局",
        "1. 开篇",
    ]


def test_sentences_mentioning_chapters_are_not_headings() -> None:
    text = "他说第一回的故事最好看，我们都同意。\n第二章\n"
    assert detect_chapters(text) == [(len(text.split("\n")[0]) + 1, "第二章")]


def test_custom_pattern_and_bad_pattern() -> None:
    text = "Chapter 1\ntext\nChapter 2\nmore"
    assert detect_chapters(text, r"^Chapter \d+") == [(0, "Chapter 1"), (15, "Chapter 2")]
    with pytest.raises(ValueError, match="bad chapter pattern"):
        detect_chapters(text, r"第(章")


def test_zuozhuan_dukes_and_years(testdata: Path) -> None:
    raw = (testdata / "novels" / "zuozhuan_opencc_benchmark_zhs.txt").read_text("utf-8")
    text = raw.replace("\r\n", "\n")
    found = detect_chapters(text)
    titles = [t for _, t in found]
    assert titles[:3] == ["隐公", "隐公元年", "隐公二年"]
    dukes = [t for t in titles if t.endswith("公")]
    assert dukes[:4] == ["隐公", "桓公", "庄公", "闵公"] and len(dukes) == 12
    assert sum(1 for t in titles if t.endswith("年")) > 200
    assert all(text[o : o + len(t)] == t for o, t in found)
