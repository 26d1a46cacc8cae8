"""Hostile and odd input files: entity amplification, bad XML names, NUL files, late Chinese.

Each case goes through :func:`desktop.core.formats.extract`, the entry point the
library imports with, on a real file in ``tmp_path``.  Memory is measured in a child
process (its own peak resident size after the work), since a refusal that first
allocates gigabytes is no refusal on a reader's laptop.
"""

from __future__ import annotations

import codecs
import json
import random
import subprocess
import sys
from pathlib import Path

import opencc
import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats import extract
from tests.core.zips import zip_bytes

REPO = Path(__file__).resolve().parents[2]

#: The audit's bound: no refused file may make the app grow past this.
_PEAK_LIMIT_MB = 200

#: Run in a child: extract every file named on the command line and print, as JSON,
#: each outcome and the child's peak resident size.
_CHILD = """
import json, resource, sys
from pathlib import Path
from desktop.core.errors import ImportRefused
from desktop.core.formats import extract
outcomes = []
for name in sys.argv[1:]:
    path = Path(name)
    try:
        result = extract(path, path.read_bytes())
        outcomes.append({"file": path.name, "outcome": "imported", "chars": len(result.text)})
    except ImportRefused as exc:
        outcomes.append({"file": path.name, "outcome": "refused", "code": exc.code,
                         "message": str(exc)})
    except MemoryError:
        outcomes.append({"file": path.name, "outcome": "MemoryError"})
def peak_mb():
    # Linux keeps in ru_maxrss the parent's size from before exec (a large pytest
    # process); VmHWM is this program's own high-water mark.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 2**10
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10
print(json.dumps({"outcomes": outcomes, "peak_mb": peak_mb()}))
"""


def _extract_in_child(*paths: Path) -> tuple[list[dict[str, object]], float]:
    """Outcomes of extracting ``paths`` in a fresh interpreter, and its peak RSS in MB."""
    done = subprocess.run(
        [sys.executable, "-c", _CHILD, *map(str, paths)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return report["outcomes"], float(report["peak_mb"])


# -- entity amplification ---------------------------------------------------------------


def _incompressible(size: int) -> str:
    """Letters that deflate poorly, so a ZIP's ratio check does not refuse first."""
    rng = random.Random(size)
    return "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(size))


def _subset(entity_bytes: int) -> str:
    return f'<!ENTITY big "{_incompressible(entity_bytes)}">'


def _amplified_page(entity_bytes: int, references: int) -> bytes:
    """The audit's page: one large internal entity referenced many times."""
    return (
        f"<!DOCTYPE html [{_subset(entity_bytes)}]>\n<html><head><title>t</title></head>"
        "<body><p>" + "&big;" * references + "</p></body></html>"
    ).encode()


def _amplified_xml(root: str, entity_bytes: int, references: int) -> str:
    """An XML document whose DOCTYPE declares the entity, used in ``root``'s text."""
    root = root.split("?>", 1)[1].lstrip() if root.startswith("<?xml") else root
    name = root.split(" ", 1)[0].strip("<>")
    refs = "&big;" * references
    return (
        f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE {name} [{_subset(entity_bytes)}]>\n'
        + root.replace("REFS", refs)
    )


_CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)
_OPF = (
    '<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">'
    '<metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>REFS书</dc:title>'
    "</metadata><manifest>"
    '<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>'
    '<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>'
    'CHAPTER_ITEMS</manifest><spine toc="ncx">CHAPTER_REFS</spine></package>'
)
_NCX = (
    '<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>'
    '<navPoint id="n1"><navLabel><text>REFS</text></navLabel><content src="c1.xhtml"/>'
    "</navPoint></navMap></ncx>"
)
_NAV = (
    '<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">'
    '<body><nav epub:type="toc"><ol><li><a href="c1.xhtml">REFS</a></li></ol></nav>'
    "</body></html>"
)

#: A nav without links, so that the NCX is read for the table of contents.
_EMPTY_NAV = _NAV.replace('<li><a href="c1.xhtml">REFS</a></li>', "")


def _chapter(body: str) -> str:
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>t</title></head><body>{body}</body></html>"
    )


def _opf(chapters: int, opf: str = _OPF) -> str:
    items = "".join(
        f'<item id="c{i}" href="c{i}.xhtml" media-type="application/xhtml+xml"/>'
        for i in range(1, chapters + 1)
    )
    refs = "".join(f'<itemref idref="c{i}"/>' for i in range(1, chapters + 1))
    return opf.replace("CHAPTER_ITEMS", items).replace("CHAPTER_REFS", refs)


def _book(**replaced: str) -> bytes:
    """A valid one-chapter EPUB 3 with NCX and nav; ``replaced`` swaps members by key."""
    members = {
        "container": _CONTAINER,
        "opf": _opf(1).replace("REFS", ""),
        "ncx": _NCX.replace("REFS", "第一章"),
        "nav": _NAV.replace("REFS", "第一章"),
        "chapter": _chapter("<h1>第一章</h1><p>正文。</p>"),
    }
    members.update(replaced)
    return zip_bytes(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": members["container"],
            "content.opf": members["opf"],
            "toc.ncx": members["ncx"],
            "nav.xhtml": members["nav"],
            "c1.xhtml": members["chapter"],
        }
    )


def _amplified_books(entity_bytes: int, references: int) -> dict[str, bytes]:
    """One EPUB per XML entry point, each carrying the amplification in that member."""
    sizes = (entity_bytes, references)
    container = _CONTAINER.replace("</container>", "<x>REFS</x></container>")
    container = _amplified_xml(container, *sizes)
    return {
        "container.epub": _book(container=container),
        "opf.epub": _book(opf=_amplified_xml(_opf(1), *sizes)),
        "ncx.epub": _book(ncx=_amplified_xml(_NCX, *sizes), nav=_EMPTY_NAV),
        "nav.epub": _book(nav=_amplified_xml(_NAV, *sizes)),
        "chapter.epub": _book(chapter=_amplified_xml(_chapter("<p>REFS</p>"), *sizes)),
    }


def _assert_refused_as_bomb(outcome: dict[str, object]) -> None:
    assert outcome["outcome"] == "refused", outcome
    assert outcome["code"] == "entity-bomb", outcome
    assert str(outcome["file"]) in str(outcome["message"]), outcome


def test_amplified_entity_page_is_refused_within_200_mb(tmp_path: Path) -> None:
    """100 KB × 4,000 references asked for 400 MB (the audit's 20,000 asked for 2 GB)."""
    page = tmp_path / "amplified.html"
    page.write_bytes(_amplified_page(100_000, 4_000))
    outcomes, peak_mb = _extract_in_child(page)
    _assert_refused_as_bomb(outcomes[0])
    assert peak_mb <= _PEAK_LIMIT_MB


def test_amplified_entities_in_every_xml_entry_point_are_refused(tmp_path: Path) -> None:
    files = []
    for name, data in _amplified_books(100_000, 3_000).items():
        files.append(tmp_path / name)
        files[-1].write_bytes(data)
    xhtml = tmp_path / "amplified.xhtml"
    xhtml.write_text(_amplified_xml(_chapter("<p>REFS</p>"), 100_000, 3_000), "utf-8")
    files.append(xhtml)
    outcomes, peak_mb = _extract_in_child(*files)
    for outcome in outcomes:
        _assert_refused_as_bomb(outcome)
    assert peak_mb <= _PEAK_LIMIT_MB


@pytest.mark.stress
@pytest.mark.parametrize("references", [20_000, 60_000])
def test_audit_amplified_pages_are_refused_within_200_mb(tmp_path: Path, references: int) -> None:
    """The audit's files: 202 KB peaked at 2.06 GB, 60,000 references asked for 6 GB."""
    page = tmp_path / f"amplified-{references}.html"
    page.write_bytes(_amplified_page(100_000, references))
    books = []
    for name, data in _amplified_books(100_000, references).items():
        books.append(tmp_path / f"{references}-{name}")
        books[-1].write_bytes(data)
    outcomes, peak_mb = _extract_in_child(page, *books)
    for outcome in outcomes:
        _assert_refused_as_bomb(outcome)
    assert peak_mb <= _PEAK_LIMIT_MB


def test_modest_entity_use_still_imports(tmp_path: Path) -> None:
    """A real page declaring a few short entities keeps their text."""
    page = (
        '<!DOCTYPE html [<!ENTITY site "同文书局"><!ENTITY nbsp "&#160;">]>'
        "<html><body><p>&site;出版。&site;再版。&nbsp;完。</p></body></html>"
    )
    result = extract(tmp_path / "modest.html", page.encode())
    assert "同文书局出版。同文书局再版。" in result.text


def test_character_reference_entities_do_not_lose_an_epub(tmp_path: Path) -> None:
    """``<!ENTITY nbsp "&#160;">`` (common in converted books) is no bomb."""
    chapter = _chapter("<h1>第一章</h1><p>正文&nbsp;在此。</p>").replace(
        "<html", '<!DOCTYPE html [<!ENTITY nbsp "&#160;">]>\n<html', 1
    )
    result = extract(tmp_path / "nbsp.epub", _book(chapter=chapter))
    assert "正文\u00a0在此。" in result.text


@pytest.mark.parametrize(
    "member", ["container", "opf", "ncx", "nav", "chapter"], ids=lambda m: f"laughs-in-{m}"
)
def test_nested_entities_are_refused_in_every_entry_point(tmp_path: Path, member: str) -> None:
    laughs = '<!ENTITY a "aaaaaaaaaa">' + "".join(
        f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(9)
    )
    valid = {
        "container": _CONTAINER.replace("</container>", "<x>REFS</x></container>"),
        "opf": _opf(1),
        "ncx": _NCX,
        "nav": _NAV,
        "chapter": _chapter("<p>REFS</p>"),
    }[member]
    root_name = valid.split("?>")[-1].lstrip().split(" ", 1)[0].strip("<>")
    body = valid.split("?>")[-1].replace("REFS", "&j;")
    hostile = f'<?xml version="1.0"?>\n<!DOCTYPE {root_name} [{laughs}]>\n{body}'
    members = {member: hostile, **({"nav": _EMPTY_NAV} if member == "ncx" else {})}
    with pytest.raises(ImportRefused) as info:
        extract(tmp_path / f"laughs-{member}.epub", _book(**members))
    assert info.value.code == "entity-bomb"
    assert f"laughs-{member}.epub" in str(info.value)


@pytest.mark.parametrize("codec", ["utf-16", "utf-32"])
def test_amplification_in_a_wide_encoded_chapter_is_refused(tmp_path: Path, codec: str) -> None:
    """UTF-16/32 XML hides the DOCTYPE from a byte pattern: the parser's own limit holds."""
    chapter = _amplified_xml(_chapter("<p>REFS</p>"), 20_000, 2_000)
    chapter = chapter.replace('encoding="utf-8"', f'encoding="{codec}"')
    with pytest.raises(ImportRefused) as info:
        extract(tmp_path / "wide.epub", _book(chapter=chapter.encode(codec)))
    assert info.value.code == "entity-bomb"


def test_a_doctype_after_the_first_megabyte_expands_nothing(tmp_path: Path) -> None:
    """Past the byte pattern's reach, libxml2's HTML parser leaves ``&big;`` as text
    and its XML parser stops at its own amplification limit: refused as a bomb."""
    comment = b"<!--" + b" " * (1 << 20) + b"-->"
    page = extract(tmp_path / "late.html", comment + _amplified_page(100_000, 20_000))
    assert len(page.text) < 200_000 and "&big;" in page.text
    chapter = _amplified_xml(_chapter("<p>REFS</p>"), 100_000, 20_000).encode()
    declaration, rest = chapter.split(b"?>", 1)
    with pytest.raises(ImportRefused) as info:
        extract(tmp_path / "late.epub", _book(chapter=declaration + b"?>" + comment + rest))
    assert info.value.code == "entity-bomb"


@pytest.mark.parametrize("member", ["opf", "chapter"])
def test_external_entities_stay_unread(tmp_path: Path, member: str) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET")
    subset = f'<!ENTITY xxe SYSTEM "file://{secret}"><!ENTITY % p SYSTEM "file://{secret}">%p;'
    valid = {"opf": _opf(1), "chapter": _chapter("<h1>第一章</h1><p>正文 REFS 在此。</p>")}
    root_name = "package" if member == "opf" else "html"
    body = valid[member].split("?>")[-1].replace("REFS", "&xxe;")
    hostile = f'<?xml version="1.0"?>\n<!DOCTYPE {root_name} [{subset}]>\n{body}'
    result = extract(tmp_path / "xxe.epub", _book(**{member: hostile}))
    assert "TOP SECRET" not in result.text and "TOP SECRET" not in str(result.title)
    assert "正文" in result.text


# -- one bad chapter --------------------------------------------------------------------


def _three_chapter_book(middle: str) -> bytes:
    opf = _opf(3).replace("REFS", "")
    ncx = _NCX.replace("REFS", "第一章")
    return zip_bytes(
        {
            "mimetype": "application/epub+zip",
            "META-INF/container.xml": _CONTAINER,
            "content.opf": opf,
            "toc.ncx": ncx,
            "nav.xhtml": _NAV.replace("REFS", "第一章"),
            "c1.xhtml": _chapter("<h1>第一章</h1><p>第一章的正文。</p>"),
            "c2.xhtml": _chapter(middle),
            "c3.xhtml": _chapter("<h1>第三章</h1><p>第三章的正文。</p>"),
        }
    )


@pytest.mark.parametrize("tag", ["p::p", "p:::p", "o:p", "a:b:c"])
def test_a_chapter_with_a_rejected_xml_name_keeps_the_book(tmp_path: Path, tag: str) -> None:
    middle = f"<h1>第二章</h1><{tag}>第二章的正文。</{tag}><p>第二章的结尾。</p>"
    result = extract(tmp_path / "book.epub", _three_chapter_book(middle))
    text = result.text
    assert "第一章\n\n第一章的正文。" in text
    assert "第三章\n\n第三章的正文。" in text
    assert "第二章的正文。" in text and "第二章的结尾。" in text
    assert text.index("第一章的正文") < text.index("第二章的正文") < text.index("第三章的正文")
    assert any("c2.xhtml" in warning for warning in result.warnings), result.warnings


def test_a_web_page_with_a_prefixed_tag_imports(tmp_path: Path) -> None:
    """Word's ``<o:p>`` crashed the block walker (ValueError) on a page too short for
    the article extractor, which then falls back to the whole body."""
    page = "<html><body><div><o:p>第一段文字。</o:p></div></body></html>"
    result = extract(tmp_path / "word.html", page.encode())
    assert result.text == "第一段文字。"


# -- files of NUL and control bytes ------------------------------------------------------


@pytest.mark.parametrize(
    ("prefix", "filler"),
    [
        (b"", b"\x00"),
        (codecs.BOM_UTF32_LE, b"\x00"),
        (codecs.BOM_UTF32_BE, b"\x00"),
        (codecs.BOM_UTF16_LE, b"\x00"),
        (codecs.BOM_UTF8, b"\x00"),
        (b"", b"\x01\x00\x00\x00"),
        (b"", b"\x00\x00\x00\x02"),
        (codecs.BOM_UTF16_LE, b"\x07\x00"),
    ],
    ids=["nul", "utf32le-bom", "utf32be-bom", "utf16-bom", "utf8-bom", "u1", "u2be", "bel16"],
)
@pytest.mark.parametrize("suffix", [".txt", ".html", ".md"])
def test_nul_and_control_files_are_refused(
    tmp_path: Path, prefix: bytes, filler: bytes, suffix: str
) -> None:
    data = prefix + filler * (256 * 1024 // len(filler))
    with pytest.raises(ImportRefused) as info:
        extract(tmp_path / f"zeros{suffix}", data)
    assert info.value.code == "binary-file"
    assert f"zeros{suffix}" in str(info.value)


def test_text_that_is_mostly_nul_after_a_real_start_is_refused(tmp_path: Path) -> None:
    """A preallocated file: a little real UTF-32 text, then megabytes of NUL."""
    data = "第一章\n正文。\n".encode("utf-32-le") * 100 + b"\x00" * (4 * 2**20)
    with pytest.raises(ImportRefused) as info:
        extract(tmp_path / "prealloc.txt", data)
    assert info.value.code == "binary-file"


_LEGIT = "第一章\t正文\f第二页\x1b[1m粗体\x1b[0m。\n" * 200


@pytest.mark.parametrize(
    "codec", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be", "utf-16", "utf-32"]
)
def test_wide_text_with_a_few_control_characters_is_kept(tmp_path: Path, codec: str) -> None:
    """UTF-16/32 are full of NUL bytes by design; tabs, form feeds and ESC are text."""
    result = extract(tmp_path / "wide.txt", _LEGIT.encode(codec))
    assert result.text == _LEGIT


def test_eight_bit_text_with_a_few_control_characters_is_kept(tmp_path: Path) -> None:
    result = extract(tmp_path / "old.txt", _LEGIT.encode("gb18030"))
    assert result.text == _LEGIT


@pytest.mark.stress
def test_a_large_nul_file_is_refused_without_decoding_it(tmp_path: Path) -> None:
    """The audit's 511 MB file became 134 M characters of U+0000 (2.2 GB to index)."""
    zeros = tmp_path / "zeros.txt"
    size = 256 * 2**20
    with zeros.open("wb") as out:
        out.truncate(size)
    outcomes, peak_mb = _extract_in_child(zeros)
    assert outcomes[0]["outcome"] == "refused" and outcomes[0]["code"] == "binary-file"
    # the bytes themselves must be read (256 MB); decoding them would add 256 MB more
    assert peak_mb <= size / 2**20 + _PEAK_LIMIT_MB


# -- Chinese after a long ASCII stretch ---------------------------------------------------


def _late_chinese(seed_paths: list[Path], codec: str) -> tuple[bytes, str]:
    """90 KB of ASCII, one Chinese paragraph, 160 KB of ASCII (the audit's file).

    Returns the bytes and the text they encode (a seed character Big5 lacks is "?").
    """
    paragraphs = seed_paths[0].read_text("utf-8").split("\n")
    chinese = max(paragraphs, key=len)[:300]
    if codec == "big5":
        chinese = opencc.OpenCC("s2t").convert(chinese)
    ascii_line = "The quick brown fox jumps over the lazy dog, 1234567890.\n"
    head = ascii_line * (90 * 1024 // len(ascii_line))
    tail = ascii_line * (160 * 1024 // len(ascii_line))
    data = (head + chinese + "\n" + tail).encode(codec, "replace")
    return data, data.decode(codec)


@pytest.mark.parametrize("codec", ["utf-8", "gb18030", "big5"])
def test_chinese_after_90_kb_of_ascii_is_detected(
    tmp_path: Path, seed_paths: list[Path], codec: str
) -> None:
    data, text = _late_chinese(seed_paths, codec)
    result = extract(tmp_path / "late.txt", data)
    accepted = {codec, "big5hkscs", "cp950"} if codec == "big5" else {codec}
    assert result.encoding in accepted
    assert result.text == text
    assert "\ufffd" not in result.text
