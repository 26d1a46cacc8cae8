"""Tests for desktop.core.metadata, on the seeds and on small made-up heads."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.metadata import TextMetadata, extract_metadata, find_date


def _seed(seed_paths: list[Path], index: int) -> TextMetadata:
    path = seed_paths[index]
    return extract_metadata(path.read_text("utf-8"), filename=path.name)


def test_seed_000(seed_paths: list[Path]) -> None:
    meta = _seed(seed_paths, 0)
    assert meta.title == "党建引领 打造和谐昆山“共同体”"
    assert meta.source == "苏州新闻网"
    assert meta.published == "2024-08-04"
    assert meta.script == "simplified"


def test_seed_001(seed_paths: list[Path]) -> None:
    meta = _seed(seed_paths, 1)
    assert meta.title == "健全社會工作體制機制,立體推進城鄉基層治理工作"
    assert meta.author == "李良軒"
    assert meta.source == "昆侖策網"
    assert meta.published == "2024-12-13"
    assert meta.script == "traditional"


@pytest.mark.parametrize(
    ("index", "title", "script"),
    [
        (2, "近日,習近平總書記對社會工作作出重要指示", "traditional"),
        (3, "之江潮涌千帆竞,风劲大地万木新", "simplified"),
        (4, "1月10日召開的市委社會工作會議", "traditional"),
    ],
)
def test_seeds_without_title_line(
    seed_paths: list[Path], index: int, title: str, script: str
) -> None:
    meta = _seed(seed_paths, index)
    assert meta.title == title
    assert meta.title is not None and len(meta.title) <= 40 and "(" not in meta.title
    assert meta.published is None and meta.source is None
    assert meta.script == script


def test_filename_is_the_fallback_title() -> None:
    assert extract_metadata("", filename="三国演义.txt").title == "三国演义"
    novel = "第一回 宴桃园豪杰三结义 斩黄巾英雄首立功\n滚滚长江东逝水,浪花淘尽英雄。"
    assert extract_metadata(novel, filename="三国演义.txt").title == "三国演义"
    assert extract_metadata("Just English.", filename="notes.txt").title == "notes"


def test_long_first_sentence_is_cut_at_a_clause() -> None:
    text = "这是一个很长的句子,它包含了很多很多的内容和细节,读者一眼看不完它,所以标题需要截短一些才好看。"
    title = extract_metadata(text).title
    assert title == "这是一个很长的句子,它包含了很多很多的内容和细节,读者一眼看不完它"


def test_pinyin_hints_removed_from_title() -> None:
    text = "習(xí)近平總書(shū)記對(duì)社會(huì)工作作出重要指示。\n正文。"
    assert extract_metadata(text).title == "習近平總書記對社會工作作出重要指示"


@pytest.mark.parametrize(
    "written", ["2024-08-04", "2024年8月4日", "2024/08/04", "2024.08.04", "2024 年 08 月 04 日"]
)
def test_date_forms(written: str) -> None:
    assert find_date(f"发布时间:{written} 10:00") == "2024-08-04"
    assert extract_metadata(f"标题在这里哦\n发布时间:{written}\n").published == "2024-08-04"


@pytest.mark.parametrize("written", ["2024-13-04", "2024-02-30", "1850-01-01", "2999-01-01"])
def test_implausible_dates(written: str) -> None:
    assert find_date(written) is None


def test_dates_in_the_body_are_not_publication_dates() -> None:
    body = "2024年11月5日至6日,黨中央首次召開社會工作會議,習近平總書記作出重要指示,為新時代社會工作指明方向。"
    assert extract_metadata(body).published is None


@pytest.mark.parametrize(
    ("head", "author"),
    [
        ("作者:王小明  来源:人民网", "王小明"),
        ("作者:王小明", "王小明"),
        ("文/张三 ", "张三"),
        ("本报记者 李四", "李四"),
        ("本報記者 陳大文", "陳大文"),
    ],
)
def test_author_markers(head: str, author: str) -> None:
    assert extract_metadata("标题写在这里\n" + head + "\n正文。").author == author


def test_reporter_inside_a_sentence_is_not_an_author() -> None:
    text = "标题写在这里\n昨天记者 王五 来到现场,看到了很多人在排队等候入场,大家都很期待这次活动的开幕。"
    assert extract_metadata(text).author is None


@pytest.mark.parametrize(
    ("head", "source"),
    [
        ("来源:人民网", "人民网"),
        ("來源:昆侖策網【作者來稿】", "昆侖策網"),
        ("新華社 2024-08-04 10:00", "新華社"),
        ("南方日报 2024年8月4日", "南方日报"),
    ],
)
def test_source_markers(head: str, source: str) -> None:
    assert extract_metadata("标题写在这里\n" + head + "\n正文。").source == source


def test_nothing_found() -> None:
    meta = extract_metadata("")
    assert meta == TextMetadata(None, None, None, None, "unknown")


@pytest.mark.parametrize(
    ("filename", "title", "author"),
    [
        ("【红楼梦】曹雪芹.txt", "红楼梦", "曹雪芹"),
        ("《水浒传》作者：施耐庵.txt", "水浒传", "施耐庵"),
        ("三国演义(精校版)[www.example.com].txt", "三国演义", None),
        ("斗破苍穹txt全集下载.txt", "斗破苍穹", None),
        ("西游记_吴承恩著.txt", "西游记", "吴承恩"),
        ("三國演義.txt", "三國演義", None),
    ],
)
def test_novel_file_names_give_title_and_author(
    filename: str, title: str, author: str | None
) -> None:
    """Novel files are named after the book; download sites add tags around the name."""
    opening = "第一回 宴桃園豪傑三結義　斬黃巾英雄首立功\n滾滾長江東逝水，浪花淘盡英雄。\n"
    meta = extract_metadata(opening, filename=filename)
    assert (meta.title, meta.author) == (title, author)


def test_a_novel_opening_verse_is_not_its_title() -> None:
    verse = "滾滾長江東逝水，浪花淘盡英雄\n是非成敗轉頭空\n青山依舊在\n"
    assert extract_metadata(verse, filename="三國演義.txt").title == "三國演義"


def test_a_chapter_heading_is_never_the_title() -> None:
    text = "第一回 甄士隱夢幻識通靈　賈雨村風塵懷閨秀\n此開卷第一回也。作者自云。\n"
    assert extract_metadata(text, filename="hongloumeng.txt").title == "hongloumeng"
    xiyouji = "第一回     靈根育孕源流出　心性修持大道生\n　　詩曰：\n　　　　混沌未分天地亂，茫茫渺渺無人見。\n"
    assert extract_metadata(xiyouji, filename="xiyouji_hardwrapped.txt").title == (
        "xiyouji hardwrapped"
    )


@pytest.mark.parametrize(
    ("head", "title", "author"),
    [
        ("左传\n\n隐公\n\n隐公元年\n【经】元年春王正月。", "左传", None),
        ("书名：红楼梦\n作者：曹雪芹\n\n第一回", "红楼梦", "曹雪芹"),
        ("《紅樓夢》\n作者：曹雪芹\n\n第一回", "紅樓夢", "曹雪芹"),
        ("作者：羅貫中\n三國演義\n\n第一回 宴桃園豪傑三結義", "三國演義", "羅貫中"),
    ],
)
def test_title_and_author_lines_of_a_book(head: str, title: str, author: str | None) -> None:
    meta = extract_metadata(head, filename="book.txt")
    assert (meta.title, meta.author) == (title, author)


def test_headings_of_parts_are_not_short_titles() -> None:
    assert extract_metadata("目录\n\n第一章 开端\n", filename="x1.txt").title == "x1"
    assert extract_metadata("第一回\n\n正文。\n", filename="x2.txt").title == "x2"
