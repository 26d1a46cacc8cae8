"""Untrusted input: entities, depth, escaping references, renamed files, size caps."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from desktop.core.errors import ImportRefused
from desktop.core.formats import epub
from desktop.core.formats.blocks import MAX_DEPTH, BlockBuilder, add_tree
from desktop.core.formats.html import extract as extract_html
from desktop.core.formats.opf import resolve
from desktop.core.formats.safexml import parse_xml
from tests.core.zips import zip_bytes

LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    ' <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">\n'
    "]>\n<html><body><p>&lol3;</p></body></html>"
)


def test_billion_laughs_xml_is_refused() -> None:
    with pytest.raises(ImportRefused, match="entity-expansion bomb"):
        parse_xml(LAUGHS.encode(), "laughs.xhtml")


def test_billion_laughs_html_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"laughs\.html.*bomb"):
        extract_html(tmp_path / "laughs.html", LAUGHS.encode())


def test_external_entity_in_xml_is_never_loaded(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    doc = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]>'
        "<html><body><p>before &xxe; after</p></body></html>"
    )
    root, warnings = parse_xml(doc.encode(), "xxe.xhtml")
    assert "TOP SECRET" not in etree.tostring(root, encoding=str)
    assert "before" in "".join(root.itertext())
    assert any("xxe" in warning for warning in warnings)


def test_w3c_external_id_epub_does_not_show_the_entity(testdata: Path) -> None:
    path = testdata / "epub" / "w3c" / "pub-xml-external-id.epub"
    result = epub.extract(path, path.read_bytes())
    assert "Test passes" in result.text
    assert "fails" not in result.text and "&xxe;" not in result.text


def test_w3c_leaking_relative_reference_is_not_loaded(testdata: Path) -> None:
    path = testdata / "epub" / "w3c" / "ocf-url_link-leaking-relative.epub"
    result = epub.extract(path, path.read_bytes())
    assert "medieval monastery" in result.text
    assert any("outside the book" in warning for warning in result.warnings)


@pytest.mark.parametrize(
    "href",
    ["../../../x.xhtml", "/etc/passwd", "file:///etc/passwd", "/dev/zero",
     "http://example.com/a.css", "https://e.com/x", "data:text/html,hi", "C:/x", "a\\..\\..\\b"],
)  # fmt: skip
def test_references_leaving_the_container_do_not_resolve(href: str) -> None:
    assert resolve("OEBPS/text", href) is None


def test_references_inside_the_container_resolve() -> None:
    assert resolve("OEBPS/text", "../images/a%20b.png#x") == "OEBPS/images/a b.png"


def test_deep_nesting_is_flattened_not_lost() -> None:
    root = etree.Element("body")
    node = root
    for _ in range(MAX_DEPTH * 3):
        node = etree.SubElement(node, "div")
        node.text = "层"
    node.text = "最深处"
    builder = BlockBuilder()
    add_tree(builder, root)
    assert "最深处" in builder.text()
    assert len(builder.blocks) <= MAX_DEPTH + 1


def test_absurdly_deep_html_page_does_not_crash(tmp_path: Path) -> None:
    page = "<html><body><p>开头的段落。</p>" + "<div>" * 20_000 + "深" + "</div>" * 20_000
    result = extract_html(tmp_path / "deep.html", (page + "</body></html>").encode())
    assert "开头的段落" in result.text


def _tiny_epub(chapter: bytes) -> bytes:
    opf = (
        '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
        '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
        '<spine><itemref idref="c"/></spine></package>'
    )
    return zip_bytes({"mimetype": "application/epub+zip", "content.opf": opf, "c.xhtml": chapter})


def test_entity_bomb_inside_an_epub_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"c\.xhtml.*bomb"):
        epub.extract(tmp_path / "b.epub", _tiny_epub(LAUGHS.encode()))


def test_epub_text_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(epub, "MAX_TEXT_BYTES", 10_000)
    chapter = "<html><body>" + "<p>一段文字。</p>" * 2000 + "</body></html>"
    with pytest.raises(ImportRefused, match="more than"):
        epub.extract(tmp_path / "big.epub", _tiny_epub(chapter.encode()))


def test_pdf_renamed_epub_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"book\.epub is a PDF file"):
        epub.extract(tmp_path / "book.epub", b"%PDF-1.7\n%binary")


def test_docx_renamed_epub_is_refused(tmp_path: Path) -> None:
    docx = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
    with pytest.raises(ImportRefused, match=r"Word \(DOCX\) file renamed \.epub"):
        epub.extract(tmp_path / "report.epub", docx)


def test_docx_renamed_html_is_refused(tmp_path: Path) -> None:
    docx = zip_bytes({"word/document.xml": "<w:document/>"})
    with pytest.raises(ImportRefused, match=r"Word \(DOCX\)"):
        extract_html(tmp_path / "report.html", docx)


def test_text_file_renamed_epub_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match="not a ZIP archive"):
        epub.extract(tmp_path / "novel.epub", "第一回 正文".encode())
