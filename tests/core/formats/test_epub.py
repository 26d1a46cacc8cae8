"""EPUB 2 and 3: spine order, TOC to offsets, metadata, damaged parts."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats.epub import extract

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf"
 media-type="application/oebps-package+xml"/></rootfiles></container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="2.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>红楼梦</dc:title><dc:creator>曹雪芹</dc:creator><dc:language>zh-CN</dc:language>
<dc:date>1791-01-01</dc:date></metadata>
<manifest>
<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
<item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
<item id="c2" href="text/c2.xhtml" media-type="application/xhtml+xml"/>
<item id="gone" href="text/gone.xhtml" media-type="application/xhtml+xml"/>
<item id="img" href="images/missing.png" media-type="image/png"/>
</manifest>
<spine toc="ncx"><itemref idref="c2"/><itemref idref="gone"/><itemref idref="c1"/></spine>
</package>"""

NCX = """<?xml version="1.0" encoding="utf-8"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
<navPoint id="n1"><navLabel><text>第一回</text></navLabel><content src="text/c2.xhtml"/>
 <navPoint id="n2"><navLabel><text>甄士隐</text></navLabel>
 <content src="text/c2.xhtml#s2"/></navPoint></navPoint>
<navPoint id="n3"><navLabel><text>第二回</text></navLabel><content src="text/c1.xhtml"/></navPoint>
</navMap></ncx>"""


def _xhtml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f'<head><title>t</title><link rel="stylesheet" href="../s.css"/></head><body>{body}</body></html>'
    )


def make_epub(members: dict[str, str | bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", "application/epub+zip", zipfile.ZIP_STORED)
        for name, data in members.items():
            archive.writestr(name, data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def book(chapter2: str = "<h1>第二回</h1><p>贾夫人仙逝扬州城。</p>") -> dict[str, str | bytes]:
    return {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": OPF,
        "OEBPS/toc.ncx": NCX,
        "OEBPS/text/c1.xhtml": _xhtml(chapter2),
        "OEBPS/text/c2.xhtml": _xhtml(
            '<h1>第一回</h1><p>甄士隐梦幻识通灵。<img src="../images/missing.png"/></p>'
            '<h2 id="s2">甄士隐</h2><p>此开卷第一回也。</p>'
        ),
    }


def test_epub2_spine_order_toc_and_metadata(tmp_path: Path) -> None:
    result = extract(tmp_path / "b.epub", make_epub(book()))
    assert result.text.index("甄士隐梦幻识通灵") < result.text.index("贾夫人仙逝扬州城")
    assert [title for _o, title in result.chapters] == ["第一回", "甄士隐", "第二回"]
    for offset, title in result.chapters:
        assert result.text[offset:].startswith(title)
    assert (result.title, result.author, result.language) == ("红楼梦", "曹雪芹", "zh-CN")
    assert result.published == "1791-01-01" and result.format == "epub"
    assert any("gone.xhtml" in warning for warning in result.warnings)


def test_broken_chapter_markup_keeps_the_book(tmp_path: Path) -> None:
    broken = "<h1>第二回</h1><p>贾夫人<b>仙逝</p><p>扬州城 & 林黛玉</i>"
    result = extract(tmp_path / "b.epub", make_epub(book(broken)))
    assert "甄士隐梦幻识通灵" in result.text and "林黛玉" in result.text
    assert any("read leniently" in warning for warning in result.warnings)


def test_epub3_nested_toc(testdata: Path) -> None:
    path = testdata / "epub" / "idpf-childrens-literature.epub"
    result = extract(path, path.read_bytes())
    titles = [title for _o, title in result.chapters]
    assert len(titles) == 22
    assert "I. The Rabbi and the Diadem" in titles  # a third-level entry
    assert result.author == "Charles Madison Curry, Erle Elsworth Clippinger"
    offsets = [offset for offset, _t in result.chapters]
    assert offsets == sorted(offsets) and len(set(offsets)) == len(offsets)


def test_many_chapters(testdata: Path) -> None:
    path = testdata / "epub" / "idpf-moby-dick.epub"
    result = extract(path, path.read_bytes())
    assert len(result.chapters) >= 135
    assert "Call me Ishmael" in result.text
    loomings = dict((t, o) for o, t in result.chapters)["Chapter 1. Loomings."]
    assert result.text[loomings:].startswith("Chapter 1")
    assert result.title == "Moby-Dick" and result.language == "en-US"


def test_obfuscated_fonts_do_not_stop_the_import(testdata: Path) -> None:
    path = testdata / "epub" / "idpf-wasteland-otf-obf.epub"
    result = extract(path, path.read_bytes())
    assert len(result.chapters) == 6
    assert "April is the cruellest month" in result.text
    assert any("obfuscated font" in warning for warning in result.warnings)


def test_drm_encrypted_book_is_refused(tmp_path: Path) -> None:
    members = book()
    members["META-INF/encryption.xml"] = (
        '<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container">'
        '<EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#">'
        '<EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        "<CipherData>"
        '<CipherReference URI="OEBPS/text/c1.xhtml"/></CipherData></EncryptedData>'
        '<EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#">'
        '<EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
        "<CipherData>"
        '<CipherReference URI="OEBPS/text/c2.xhtml"/></CipherData></EncryptedData></encryption>'
    )
    with pytest.raises(ImportRefused, match="DRM"):
        extract(tmp_path / "drm.epub", make_epub(members))


def test_archive_without_package_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ImportRefused, match=r"x\.epub: not an EPUB"):
        extract(tmp_path / "x.epub", make_epub({"readme.txt": "hello"}))
