"""Pictures of EPUBs and saved pages: figure lines, bytes only from inside the file.

Each test builds its file in ``tmp_path``; the library tests import it for real and
look at the folder written.
"""

from __future__ import annotations

import base64
import json
import os
import sys
import zlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core import doc_folder
from desktop.core.annotations import AnnotationStore
from desktop.core.formats import epub, html, pictures
from desktop.core.formats.pictures import data_uri_bytes, sniff_type
from desktop.core.library import Library, PictureUnavailable
from desktop.core.records import validate_meta
from desktop.core.search import SearchIndex
from desktop.core.views import ViewOptions, build_view
from tests.core.zips import zip_bytes


def png(width: int = 3, height: int = 2, shade: int = 0) -> bytes:
    """A real, decodable PNG of ``width`` × ``height`` grey pixels."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        crc = zlib.crc32(kind + body).to_bytes(4, "big")
        return len(body).to_bytes(4, "big") + kind + body + crc

    header = width.to_bytes(4, "big") + height.to_bytes(4, "big") + b"\x08\x00\x00\x00\x00"
    rows = b"".join(b"\x00" + bytes([shade]) * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


GIF = b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"
JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 20
WEBP = b"RIFF\x1a\x00\x00\x00WEBPVP8L" + b"\x00" * 14
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><image href="file:///etc/passwd"/></svg>'

CONTAINER = """<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
<rootfiles><rootfile full-path="OEBPS/content.opf"
 media-type="application/oebps-package+xml"/></rootfiles></container>"""

OPF = """<?xml version="1.0" encoding="utf-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
<metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>图画书</dc:title><dc:language>zh-CN</dc:language></metadata>
<manifest>
<item id="cover" href="text/cover.xhtml" media-type="application/xhtml+xml"/>
<item id="c1" href="text/c1.xhtml" media-type="application/xhtml+xml"/>
<item id="img" href="images/cat.png" media-type="image/png"/>
</manifest>
<spine><itemref idref="cover"/><itemref idref="c1"/></spine>
</package>"""


def xhtml(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:xlink="http://www.w3.org/1999/xlink">'
        f"<head><title>t</title></head><body>{body}</body></html>"
    )


COVER = xhtml(
    '<div><svg xmlns="http://www.w3.org/2000/svg" version="1.1" viewBox="0 0 600 800">'
    "<title>封面</title>"
    '<image width="600" height="800" xlink:href="../images/cover.png"/></svg></div>'
)
CHAPTER = xhtml(
    "<h1>第一章</h1><p>猫在窗台上睡觉，太阳照着它。</p>"
    '<figure><img src="../images/cat.png" alt="一只睡觉的猫"/>'
    "<figcaption>图一：窗台上的猫</figcaption></figure>"
    '<p>越界的图：<img src="../../../escape.png" alt="越界图片"/></p>'
    '<p><img src="http://example.com/remote.png" alt="网上的图片"/></p>'
    '<p><img src="http://example.com/ad.png"/></p>'
    "<p>后来猫醒了，跳下窗台去找吃的。</p>"
)
COVER_PNG, CAT_PNG, ESCAPE_PNG = png(60, 80, 10), png(4, 3, 200), png(5, 5, 99)


def book(chapter: str = CHAPTER, **extra: bytes) -> bytes:
    members: dict[str, str | bytes] = {
        "mimetype": "application/epub+zip",
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": OPF,
        "OEBPS/text/cover.xhtml": COVER,
        "OEBPS/text/c1.xhtml": chapter,
        "OEBPS/images/cover.png": COVER_PNG,
        "OEBPS/images/cat.png": CAT_PNG,
        "escape.png": ESCAPE_PNG,  # inside the archive, but only reachable by climbing out
    }
    members.update({f"OEBPS/images/{name}": data for name, data in extra.items()})
    return zip_bytes(members)


def line_of(text: str, picture: pictures.Picture) -> str:
    return text[picture.offset : picture.offset + picture.length]


# ------------------------------------------------------------------ extraction
def test_epub_pictures_are_figure_lines_with_the_books_own_bytes(tmp_path: Path) -> None:
    result = epub.extract(tmp_path / "book.epub", book())
    lines = [line_of(result.text, p) for p in result.pictures]
    assert lines == [
        "［图：封面］",
        "［图：一只睡觉的猫］",
        "［图：越界图片］",
        "［图：网上的图片］",
    ]
    cover, cat, _escape, _remote = result.pictures
    assert (cover.data, cover.media_type, cover.alt) == (COVER_PNG, "image/png", "封面")
    assert (cat.data, cat.alt, cat.caption) == (CAT_PNG, "一只睡觉的猫", "图一：窗台上的猫")
    # Each figure line stands on a line of its own, the caption stays as the book's text.
    assert "\n［图：一只睡觉的猫］\n\n图一：窗台上的猫\n" in result.text
    assert "越界的图：［图：越界图片］" in result.text  # in its sentence, where it stood


def test_references_out_of_the_book_keep_their_alt_text_and_no_bytes(tmp_path: Path) -> None:
    result = epub.extract(tmp_path / "book.epub", book())
    _, _, escape, remote = result.pictures
    assert (escape.data, escape.problem, escape.src) == (None, "outside", "../../../escape.png")
    assert (remote.data, remote.problem) == (None, "outside")
    assert ESCAPE_PNG not in [p.data for p in result.pictures]
    # A picture with neither bytes in the file nor alt text leaves no empty line.
    assert result.text.count("［图") == 4


def test_an_annotation_after_a_figure_line_stays_in_place(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    source = tmp_path / "book.epub"
    source.write_bytes(book())
    doc_id = lib.add_file(source).id
    assert doc_id is not None
    text = lib.text(doc_id)
    start = text.index("后来猫醒了")
    store = AnnotationStore.open(lib.doc_dir(doc_id), text=text)
    store.add_highlight(start, start + 5)
    store.save()
    for options in (ViewOptions(script="traditional"), ViewOptions(clean=True)):
        view = build_view(text, options)
        v0, v1 = view.view_range(start, start + 5)
        assert view.text[v0:v1] in ("后来猫醒了", "後來貓醒了")
    lib.reencode(doc_id, "utf-8")
    again = AnnotationStore.open(lib.doc_dir(doc_id), text=lib.text(doc_id))
    (item,) = again.items()
    assert lib.text(doc_id)[item.target.start : item.target.end] == "后来猫醒了"


def test_annotations_of_an_older_import_follow_the_text_when_figure_lines_arrive(
    tmp_path: Path,
) -> None:
    """A book imported before pictures has no figure lines; re-decoding it adds them,
    and its highlights move with their text (re-anchored by quote)."""
    lib = Library.open(tmp_path / "lib")
    source = tmp_path / "book.epub"
    source.write_bytes(book())
    doc_id = lib.add_file(source).id
    assert doc_id is not None
    folder = lib.doc_dir(doc_id)
    new_text = lib.text(doc_id)
    old_text = new_text.replace("［图：一只睡觉的猫］\n\n", "")
    (folder / "text.txt").write_text(old_text, "utf-8")
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    meta.update(chars=len(old_text), pictures=[])
    (folder / "meta.json").write_text(json.dumps(meta), "utf-8")
    start = old_text.index("后来猫醒了")
    store = AnnotationStore.open(folder, text=old_text)
    store.add_highlight(start, start + 5)
    store.save()
    lib = Library.open(tmp_path / "lib")
    lib.reencode(doc_id, "utf-8")
    text = lib.text(doc_id)
    (item,) = AnnotationStore.open(folder, text=text).items()
    assert text[item.target.start : item.target.end] == "后来猫醒了"
    assert item.target.start == start + len("［图：一只睡觉的猫］\n\n")
    assert [p.offset for p in lib.get(doc_id).pictures] == [
        p.offset for p in epub.extract(source, book()).pictures
    ]


def test_pictures_side_by_side_take_a_line_each(tmp_path: Path) -> None:
    chapter = xhtml(
        '<p>正文一段，说明下面两张图。</p><div><img src="../images/cat.png" alt="甲"/>'
        '<img src="../images/cat.png" alt="乙"/></div><p>又一段正文。</p>'
    )
    result = epub.extract(tmp_path / "b.epub", book(chapter))
    assert "\n\n［图：甲］\n［图：乙］\n\n又一段正文。" in result.text
    assert [p.data for p in result.pictures[1:]] == [CAT_PNG, CAT_PNG]


def test_a_picture_of_a_rare_character_reads_in_its_sentence(tmp_path: Path) -> None:
    chapter = xhtml('<p>他写了一个<img src="../images/cat.png" alt=""/>字，谁也不认识。</p>')
    result = epub.extract(tmp_path / "b.epub", book(chapter))
    assert "他写了一个［图］字，谁也不认识。" in result.text
    assert line_of(result.text, result.pictures[-1]) == "［图］"


def test_traditional_books_say_圖(tmp_path: Path) -> None:
    chapter = xhtml(
        "<p>這是一本繁體書，裡面說著許多舊時的故事，還有幾張圖畫。</p>"
        '<p><img src="../images/cat.png" alt="貓"/></p><p>後來貓醒了。</p>'
    )
    result = epub.extract(tmp_path / "b.epub", book(chapter))
    assert "［圖：貓］" in result.text and "［圖：封面］" in result.text
    assert [line_of(result.text, p) for p in result.pictures] == ["［圖：封面］", "［圖：貓］"]


@pytest.mark.parametrize(
    ("data", "media_type", "problem"),
    [
        (png(), "image/png", None),
        (JPEG, "image/jpeg", None),
        (GIF, "image/gif", None),
        (WEBP, "image/webp", None),
        (SVG, None, "svg"),
        (b"BM\x00\x00 a bitmap", None, "type"),
        (b"<html>not a picture</html>", None, "type"),
    ],
)
def test_types_are_sniffed_from_the_bytes_not_the_name(
    tmp_path: Path, data: bytes, media_type: str | None, problem: str | None
) -> None:
    chapter = xhtml('<p>看图。</p><p><img src="../images/x.png" alt="图"/></p>')
    result = epub.extract(tmp_path / "b.epub", book(chapter, **{"x.png": data}))
    picture = result.pictures[-1]
    assert (picture.media_type, picture.problem) == (media_type, problem)
    assert picture.data == (data if media_type else None)
    assert sniff_type(data) == media_type


def test_a_picture_over_the_size_limit_keeps_only_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    big = png(400, 400, 7) + b"\x00" * 5000
    monkeypatch.setattr(epub, "MAX_PICTURE_BYTES", 4096)
    chapter = xhtml('<p>大图。</p><p><img src="../images/big.png" alt="大图"/></p>')
    result = epub.extract(tmp_path / "b.epub", book(chapter, **{"big.png": big}))
    assert result.pictures[-1].data is None and result.pictures[-1].problem == "too-large"
    assert "［图：大图］" in result.text
    assert result.pictures[0].data == COVER_PNG


def test_pictures_past_the_total_limit_keep_only_their_lines(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pictures, "MAX_PICTURES_BYTES", len(COVER_PNG) + 10)
    result = epub.extract(tmp_path / "b.epub", book())
    cover, cat = result.pictures[:2]
    assert cover.data == COVER_PNG and cat.data is None and cat.problem == "too-large"
    assert any("in all" in warning for warning in result.warnings)


def test_data_uris_are_decoded_within_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    picture = png()
    assert data_uri_bytes("data:image/png;base64," + base64.b64encode(picture).decode()).data
    assert data_uri_bytes("data:image/png;base64,@@@").problem == "damaged"
    assert data_uri_bytes("data:image/svg+xml," + SVG.decode()).problem == "svg"
    monkeypatch.setattr(pictures, "MAX_PICTURE_BYTES", 30)
    assert data_uri_bytes("data:image/png;base64," + "A" * 400).problem == "too-large"


# ------------------------------------------------------------------ saved pages
PARAGRAPH = (
    "<p>" + "记者在现场看到，城市里的人们照常生活，街上车来车往，店铺都开着门。" * 3 + "</p>\n"
)


def page(local: str = "page_files/x.png") -> str:
    inline = base64.b64encode(png(7, 5, 128)).decode()
    return (
        "<html><head><title>带图的文章</title></head><body>"
        '<div class="nav"><a href="/">首页</a> &gt; <a href="/news">新闻</a></div><article>'
        f"<h1>带图的文章</h1>{PARAGRAPH * 3}"
        f'<figure><img src="data:image/png;base64,{inline}" alt="一只猫"/>'
        f"<figcaption>图一：猫</figcaption></figure>{PARAGRAPH}"
        f'<p><img src="{local}" alt="本地保存的图片"/></p>{PARAGRAPH}'
        f'<p><img src="file:///etc/hostname" alt="本机文件"/></p>{PARAGRAPH}'
        f"<p>另一段不同的正文，讲的是别的事情，一共说了好几句话。</p>{PARAGRAPH}"
        "</article></body></html>"
    )


class _OpenedFiles:
    """Paths this process opens, from Python's audit hook (one hook per process)."""

    hooked = False
    paths: list[str] | None = None

    @classmethod
    def watch(cls) -> list[str]:
        if not cls.hooked:
            sys.addaudithook(cls._hook)
            cls.hooked = True
        cls.paths = []
        return cls.paths

    @classmethod
    def _hook(cls, event: str, args: tuple[object, ...]) -> None:
        if cls.paths is not None and event in ("open", "os.open") and args:
            cls.paths.append(os.fsdecode(args[0]) if isinstance(args[0], str | bytes) else "")

    @classmethod
    def stop(cls) -> None:
        cls.paths = None


@pytest.fixture
def opened() -> Iterator[list[str]]:
    paths = _OpenedFiles.watch()
    yield paths
    _OpenedFiles.stop()


def test_a_saved_page_keeps_its_data_pictures_and_never_opens_its_folder(
    tmp_path: Path, opened: list[str]
) -> None:
    folder = tmp_path / "saved"
    (folder / "page_files").mkdir(parents=True)
    local = png(9, 9, 33)
    (folder / "page_files" / "x.png").write_bytes(local)
    (folder / "page.html").write_text(page(), "utf-8")
    lib = Library.open(tmp_path / "lib")
    opened.clear()
    result = lib.add_file(folder / "page.html")
    assert result.status == "imported" and result.id is not None
    assert not [p for p in opened if "page_files" in p or p.endswith("hostname")]
    record = lib.get(result.id)
    text = lib.text(result.id)
    lines = [text[p.offset : p.end] for p in record.pictures]
    assert lines == ["［图：一只猫 · 图一：猫］", "［图：本地保存的图片］", "［图：本机文件］"]
    cat, saved, host = record.pictures
    assert cat.file is not None and cat.type == "image/png" and cat.caption == "图一：猫"
    assert lib.picture(result.id, 0)[1] == png(7, 5, 128)
    assert (saved.file, saved.problem, saved.src) == (None, "outside", "page_files/x.png")
    assert (host.file, host.problem) == (None, "outside")
    stored = b"".join(p.read_bytes() for p in lib.doc_dir(result.id).rglob("*") if p.is_file())
    assert local not in stored


def test_a_page_without_pictures_reads_as_before(tmp_path: Path) -> None:
    body = f"<html><body><article><h1>标题</h1>{PARAGRAPH * 4}</article></body></html>"
    result = html.extract(tmp_path / "p.html", body.encode())
    assert result.pictures == [] and "［" not in result.text


def test_search_finds_the_alt_text(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "lib")
    source = tmp_path / "book.epub"
    source.write_bytes(book())
    doc_id = lib.add_file(source).id
    index = SearchIndex.open(lib)
    index.ensure_current()
    hits = index.search("睡觉的猫").hits
    assert [h.doc_id for h in hits] == [doc_id]
    text = lib.text(doc_id)
    assert any(text[a:b] == "睡觉的猫" and text[a - 5 : a] == "［图：一只" for a, b in hits[0].hits)
    assert [h.doc_id for h in index.search("睡覺的貓").hits] == [doc_id]


# ------------------------------------------------------------------ the library
def imported(tmp_path: Path) -> tuple[Library, str]:
    lib = Library.open(tmp_path / "lib")
    source = tmp_path / "book.epub"
    source.write_bytes(book())
    doc_id = lib.add_file(source).id
    assert doc_id is not None
    return lib, doc_id


def test_the_library_keeps_pictures_in_the_document_folder(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    folder = lib.doc_dir(doc_id)
    meta = json.loads((folder / "meta.json").read_text("utf-8"))
    files = [p["file"] for p in meta["pictures"]]
    assert files[2:] == [None, None]
    assert sorted((folder / "pictures").iterdir()) == sorted(
        folder / "pictures" / f for f in files[:2]
    )
    assert lib.picture(doc_id, 0) == (lib.get(doc_id).pictures[0], COVER_PNG)
    assert lib.picture(doc_id, 1)[1] == CAT_PNG
    assert not list(lib.docs_dir.glob(".staging-*"))
    reopened = Library.open(tmp_path / "lib")
    assert reopened.get(doc_id).pictures == lib.get(doc_id).pictures


def test_a_picture_not_in_the_file_says_so(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    with pytest.raises(PictureUnavailable) as caught:
        lib.picture(doc_id, 3)
    assert caught.value.reason == "not-in-file" and "http://example.com" in str(caught.value)


def test_a_deleted_picture_file_is_named_not_a_crash(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    path = lib.doc_dir(doc_id) / "pictures" / str(lib.get(doc_id).pictures[1].file)
    path.unlink()
    with pytest.raises(PictureUnavailable) as caught:
        lib.picture(doc_id, 1)
    assert caught.value.reason == "missing" and caught.value.path == path
    assert str(path) in str(caught.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_place_of_a_picture_never_blocks(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    path = lib.doc_dir(doc_id) / "pictures" / str(lib.get(doc_id).pictures[1].file)
    path.unlink()
    os.mkfifo(path)
    with pytest.raises(PictureUnavailable) as caught:
        lib.picture(doc_id, 1)
    assert caught.value.reason == "damaged"


def test_a_damaged_picture_file_is_named(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    path = lib.doc_dir(doc_id) / "pictures" / str(lib.get(doc_id).pictures[0].file)
    path.write_bytes(b"\x00" * 100)
    with pytest.raises(PictureUnavailable) as caught:
        lib.picture(doc_id, 0)
    assert caught.value.reason == "damaged" and str(path) in str(caught.value)


@pytest.mark.parametrize(
    "entry",
    [
        {"offset": 0, "length": 3, "file": "../../../etc/passwd"},
        {"offset": 0, "length": 3, "file": "/etc/hostname"},
        {"offset": 0, "length": 3, "file": "0123456789abcdef.exe"},
        {"offset": -1, "length": 3, "file": None},
        {"offset": 0, "length": True, "file": None},
        {"offset": 10**6, "length": 3, "file": None},
        {"offset": 0, "length": 3, "file": None, "alt": 5},
        "not an object",
    ],
)
def test_meta_json_cannot_point_a_picture_anywhere(tmp_path: Path, entry: object) -> None:
    lib, doc_id = imported(tmp_path)
    meta = json.loads((lib.doc_dir(doc_id) / "meta.json").read_text("utf-8"))
    meta["pictures"] = [entry]
    with pytest.raises(ValueError):
        validate_meta(meta)


def test_a_rebuilt_meta_json_lists_the_pictures_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(doc_folder, "ARRIVAL_QUIET_SECONDS", 0.0)
    lib, doc_id = imported(tmp_path)
    folder = lib.doc_dir(doc_id)
    before = lib.get(doc_id).pictures
    for name in ("meta.json", "meta.json.bak"):
        (folder / name).unlink(missing_ok=True)
    lib = Library.open(tmp_path / "lib")
    assert lib.get(doc_id).pictures == before
    assert lib.picture(doc_id, 1)[1] == CAT_PNG


def test_a_rebuilt_meta_json_over_an_older_text_lists_no_pictures(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """text.txt of an import without figure lines is kept: offsets into the new text
    would point at the wrong characters."""
    monkeypatch.setattr(doc_folder, "ARRIVAL_QUIET_SECONDS", 0.0)
    lib, doc_id = imported(tmp_path)
    folder = lib.doc_dir(doc_id)
    text = lib.text(doc_id)
    (folder / "text.txt").write_text(text.replace("［图：封面］\n\n", ""), "utf-8")
    for name in ("meta.json", "meta.json.bak"):
        (folder / name).unlink(missing_ok=True)
    assert Library.open(tmp_path / "lib").get(doc_id).pictures == []


def test_re_decoding_keeps_pictures_and_files_consistent(tmp_path: Path) -> None:
    lib, doc_id = imported(tmp_path)
    before = lib.get(doc_id).pictures
    lib.reencode(doc_id, "utf-8")
    assert lib.get(doc_id).pictures == before
    assert [lib.picture(doc_id, n)[1] for n in (0, 1)] == [COVER_PNG, CAT_PNG]
    assert len(list((lib.doc_dir(doc_id) / "pictures").iterdir())) == 2
