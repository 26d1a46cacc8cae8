"""Markdown: headings as chapters, markup syntax removed."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats.base import Extracted
from desktop.core.formats.markdown import extract, strip_inline

SAMPLE = """---
title: 测试文档
author: 张三
date: 2024-08-04
---
# 第一章 开始

这是**粗体**和*斜体*，还有[链接](http://x.com)和![图片说明](a.png)。
第二行 `a*b*c` 与 foo_bar_baz。

- 项目一
- 项目 **二**

1. 第一
2. 第二

```python
# not a heading
x = **y**
```

Title Two
---------

> 引用 \\*星号\\*

## 第二章 ##

[ref]: http://example.com
"""


@pytest.fixture
def result(tmp_path: Path) -> Extracted:
    return extract(tmp_path / "a.md", SAMPLE.encode("utf-8"))


def test_headings_become_chapters(result: Extracted) -> None:
    titles = [title for _offset, title in result.chapters]
    assert titles == ["第一章 开始", "Title Two", "第二章"]
    for offset, title in result.chapters:
        assert result.text[offset:].startswith(title)


def test_markup_syntax_removed(result: Extracted) -> None:
    text = result.text
    assert "这是粗体和斜体，还有链接和图片说明。" in text
    assert "**" not in text.replace("x = **y**", "")
    assert "http://x.com" not in text and "](" not in text
    assert "foo_bar_baz" in text and "a*b*c" in text
    assert "引用 *星号*" in text
    assert "[ref]" not in text


def test_code_fences_kept_as_text(result: Extracted) -> None:
    assert "# not a heading\nx = **y**" in result.text
    assert "```" not in result.text
    assert "not a heading" not in [t for _o, t in result.chapters]


def test_lists_keep_their_items(result: Extracted) -> None:
    assert "• 项目一\n• 项目 二" in result.text
    assert "1. 第一\n2. 第二" in result.text


def test_front_matter_metadata(result: Extracted) -> None:
    assert (result.title, result.author, result.published) == ("测试文档", "张三", "2024-08-04")
    assert result.format == "markdown"
    assert not result.text.startswith("---")


def test_blocks_are_consistent(result: Extracted) -> None:
    assert result.blocks[0] == (0, len("第一章 开始"), "h1")
    previous_end = -2
    for start, end, _kind in result.blocks:
        assert start == previous_end + 2 or previous_end < 0
        assert result.text[previous_end:start] == "\n\n" or previous_end < 0
        previous_end = end
    assert previous_end == len(result.text)


def test_title_falls_back_to_first_heading(tmp_path: Path) -> None:
    result = extract(tmp_path / "b.markdown", "Intro\n\n# 标题\n\ntext\n".encode())
    assert result.title == "标题"


def test_inline_stripping() -> None:
    assert strip_inline("[x](url) and <https://a.b/c> and <b>bold</b>") == (
        "x and https://a.b/c and bold"
    )


def test_pdf_renamed_md_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="PDF"):
        extract(tmp_path / "notes.md", b"%PDF-1.4 binary")


def test_private_use_characters_stay_as_they_are(tmp_path: Path) -> None:
    """GB18030 decodes its user-defined bytes (AAA1…) into U+E000…; escapes were once
    parked in U+E000–U+E07F and every character there came out as ASCII (U+E041 as A)."""
    coined = "\ue000\ue041\ue05c\ue07f"
    data = f"# 造字{coined}\n\n正文 {coined} \\*星号\\* 完\n".encode("gb18030")
    assert data.startswith(b"# \xd4\xec\xd7\xd6\xaa\xa1")  # the user-defined area
    result = extract(tmp_path / "coined.md", data, encoding="gb18030")
    assert result.text == f"造字{coined}\n\n正文 {coined} *星号* 完"
    assert result.chapters == [(0, f"造字{coined}")]


def test_nested_lists_tables_html_and_entities(tmp_path: Path) -> None:
    source = (
        "- 一\n  - 二 ![](p.png)\n    1. 三\n- ![]()\n\n"
        "| 名 | 值 |\n|---|---|\n| 甲 **乙** | 1 |\n\n"
        "<div>\n<p>块 <i>内</i></p><!-- 注释 -->\n</div>\n\n"
        "&amp; &#x4e00; \\<b> ~~删~~\n"
    )
    result = extract(tmp_path / "mixed.md", source.encode())
    assert result.text.split("\n\n") == [
        "• 一\n  • 二\n    1. 三",
        "名\t值\n甲 乙\t1",
        "块 内",
        "& 一 <b> 删",
    ]


def test_nesting_too_deep_to_parse_keeps_every_line(tmp_path: Path) -> None:
    """markdown-it drops what lies past its nesting limit (here everything): the file
    is then kept as plain text rather than losing a word."""
    deep = "- " * 60 + "最深\n\n之后 *还有*\n"
    result = extract(tmp_path / "deep.md", deep.encode())
    assert "最深" in result.text and "之后 *还有*" in result.text
    assert result.warnings and "plain text" in result.warnings[0]
    shallow = extract(tmp_path / "ok.md", ("> " * 20 + "引用\n\n之后\n").encode())
    assert shallow.text == "引用\n\n之后" and shallow.warnings == []


def test_runs_of_emphasis_characters_do_not_freeze_the_import(tmp_path: Path) -> None:
    """The regular expressions backtracked: 20,000 ``*a `` took 42 s (ten times as
    many, over an hour).  The parser reads each run in about half a second."""
    started = time.monotonic()
    for unit in ("*a ", "_a ", "**a"):
        result = extract(tmp_path / "runs.md", (unit * 20_000).encode())
        assert len(result.text) >= 20_000
    assert time.monotonic() - started < 15
