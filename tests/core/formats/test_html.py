"""Saved web pages: article extraction, metadata, decoding, refusals."""

from __future__ import annotations

import difflib
import json
from pathlib import Path

import lxml.html
import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats import HANDLERS, handler_for, supported_suffixes
from desktop.core.formats.html import extract


def _squeeze(text: str) -> str:
    return "".join(text.split())


def _page(body: str, head: str = "") -> str:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"


def test_gmw_article_matches_reference(testdata: Path) -> None:
    folder = testdata / "html" / "gmw"
    result = extract(folder / "source.html", (folder / "source.html").read_bytes())
    expected = lxml.html.fromstring((folder / "expected.html").read_text("utf-8"))
    ratio = difflib.SequenceMatcher(
        None, _squeeze(result.text), _squeeze(expected.text_content()), autojunk=False
    ).ratio()
    assert ratio >= 0.9
    assert "ICP" not in result.text and "光明网版权" not in result.text
    assert result.format == "html" and result.encoding == "utf-8"


def test_gmw_metadata(testdata: Path) -> None:
    folder = testdata / "html" / "gmw"
    meta = json.loads((folder / "expected-metadata.json").read_text("utf-8"))
    result = extract(folder / "source.html", (folder / "source.html").read_bytes())
    assert result.author == meta["byline"] == "肖春芳"
    assert result.title and meta["title"].startswith(result.title)
    assert result.published == "2017-03-10"


def test_blocks_cover_the_text_and_headings_are_chapters(tmp_path: Path) -> None:
    body = "<article><h1>标题一</h1><p>第一段。</p><h2>小节</h2><p>第二段<br>下一行</p></article>"
    result = extract(tmp_path / "a.html", _page(body).encode())
    kinds = [kind for _s, _e, kind in result.blocks]
    assert "h2" in kinds and "p" in kinds
    for start, end, _kind in result.blocks:
        assert result.text[start:end].strip() == result.text[start:end]
    assert [title for _o, title in result.chapters][-1] == "小节"
    offset = dict((t, o) for o, t in result.chapters)["小节"]
    assert result.text[offset:].startswith("小节")


def test_utf8_bytes_labelled_gb2312_come_out_right(tmp_path: Path) -> None:
    head = '<meta http-equiv="Content-Type" content="text/html; charset=gb2312">'
    page = _page("<p>社区工作者走进千家万户，倾听群众心声。</p>", head)
    result = extract(tmp_path / "a.html", page.encode("utf-8"))
    assert "社区工作者走进千家万户" in result.text
    assert result.encoding == "utf-8"


def test_gb2312_bytes_use_the_meta_charset(tmp_path: Path) -> None:
    head = '<meta charset="gb2312">'
    page = _page("<p>社区工作者走进千家万户，倾听群众心声。</p>", head)
    result = extract(tmp_path / "a.html", page.encode("gb2312"))
    assert "倾听群众心声" in result.text
    assert result.encoding == "gb18030"


def test_explicit_encoding_wins(tmp_path: Path) -> None:
    page = _page("<p>臺灣正體中文的段落文字。</p>")
    result = extract(tmp_path / "a.html", page.encode("big5"), encoding="big5")
    assert "臺灣正體中文" in result.text


def test_scripts_and_styles_never_in_text(tmp_path: Path) -> None:
    body = "<script>var secret = 1;</script><style>p{color:red}</style><p>正文内容在这里。</p>"
    result = extract(tmp_path / "a.html", _page(body).encode())
    assert "secret" not in result.text and "color" not in result.text
    assert "正文内容在这里" in result.text


@pytest.mark.parametrize(
    ("data", "named"),
    [(b"%PDF-1.7\n...", "PDF"), (b"\x89PNG\r\n\x1a\n....", "PNG"), (b"{\\rtf1 x}", "RTF")],
)
def test_binary_renamed_html_is_refused(tmp_path: Path, data: bytes, named: str) -> None:
    with pytest.raises(ImportRefused, match=named):
        extract(tmp_path / "page.html", data)


def test_empty_page_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"empty\.html"):
        extract(tmp_path / "empty.html", b"   ")


def test_handler_table_maps_suffixes() -> None:
    assert HANDLERS[".htm"] == "html"
    assert handler_for(Path("a.HTM")) is extract
    assert {".html", ".xhtml", ".epub", ".md", ".markdown", ".txt"} <= set(supported_suffixes())
