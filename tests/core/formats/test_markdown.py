"""Markdown: headings as chapters, markup syntax removed."""

from __future__ import annotations

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
