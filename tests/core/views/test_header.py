"""The clean view does not repeat, as its first lines, what the reader's header shows."""

from __future__ import annotations

from pathlib import Path

from desktop.core.metadata import extract_metadata
from desktop.core.views import Header, ViewOptions, build_view

ARTICLE = (
    "党建引领 打造和谐昆山“共同体”\n\n苏州新闻网 2024-08-04 14:10\n\n"
    "□苏报驻昆山记者 占长孙 实习生 邹一萌\n\n昨天,昆山社会工作研讨活动举行。\n"
)
HEADER = Header("党建引领 打造和谐昆山“共同体”", "占长孙", "苏州新闻网", "2024-08-04")


def test_title_and_source_lines_are_hidden_once_shown_above() -> None:
    view = build_view(ARTICLE, ViewOptions(header=HEADER))
    assert view.text.startswith("□苏报驻昆山记者 占长孙 实习生 邹一萌")
    assert "党建引领" not in view.text and "苏州新闻网" not in view.text
    assert [why for *_, why in view.hidden].count("header") == 2
    body = ARTICLE.index("昨天")
    assert view.text[view.to_view(body) :].startswith("昨天")


def test_byline_naming_more_than_the_header_stays() -> None:
    view = build_view(ARTICLE, ViewOptions(header=HEADER))
    assert "实习生 邹一萌" in view.text


def test_raw_view_and_no_header_keep_every_line() -> None:
    assert build_view(ARTICLE, ViewOptions(clean=False, header=HEADER)).text == ARTICLE
    assert "苏州新闻网" in build_view(ARTICLE, ViewOptions()).text


def test_renamed_title_is_not_hidden() -> None:
    renamed = Header("我改的标题", "占长孙", "苏州新闻网", "2024-08-04")
    assert build_view(ARTICLE, ViewOptions(header=renamed)).text.startswith("党建引领")


def test_lines_after_the_first_prose_are_never_hidden() -> None:
    text = "第一段正文，很长很长的一句话。\n党建引领 打造和谐昆山“共同体”\n苏州新闻网 2024-08-04\n"
    assert build_view(text, ViewOptions(header=HEADER)).text == build_view(text).text


def test_a_chapter_number_line_is_not_taken_for_a_date() -> None:
    text = "第1章\n\n正文开始了。\n"
    header = Header("书", "", "", "2024-08-04")
    assert build_view(text, ViewOptions(header=header)).text.startswith("第1章")


def test_seed_with_author_prefixed_title_and_byline(seed_paths: list[Path]) -> None:
    path = seed_paths[1]
    text = path.read_text("utf-8")
    meta = extract_metadata(text, filename=path.name)
    header = Header(meta.title or "", meta.author or "", meta.source or "", meta.published or "")
    view = build_view(text, ViewOptions(header=header))
    assert view.text.startswith("隨著全球化時代")
    assert "李良軒:健全" in build_view(text, ViewOptions()).text


def test_a_title_taken_from_the_first_sentence_stays_in_the_text() -> None:
    text = "𠮷野家的牛丼,𠮷野家的湯。\n" * 3
    view = build_view(text, ViewOptions(header=Header("𠮷野家的牛丼,𠮷野家的湯")))
    assert view.text.count("牛丼") == 3


def test_the_title_line_is_hidden_once() -> None:
    text = "党建引领\n党建引领\n正文。\n"
    assert build_view(text, ViewOptions(header=Header("党建引领"))).text.count("党建引领") == 1
