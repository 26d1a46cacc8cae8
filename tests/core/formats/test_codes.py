"""Problem codes: every refusal, skip and library error carries a registered code,
passed explicitly (nothing recovers a code from the English message)."""

from __future__ import annotations

import pickle
import re
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.errors import FORMATS, PROBLEMS, ImportRefused
from desktop.core.formats import MAX_FILE_BYTES, check_size, extract
from desktop.core.formats.encoding import decode_bytes
from desktop.core.formats.not_text import MAGIC as TEXT_MAGIC
from desktop.core.formats.safezip import SafeZip, ZipLimits
from desktop.core.library import Library, LibraryError
from tests.core.zips import zip_bytes

CORE = Path(__file__).resolve().parents[3] / "desktop" / "core"
LAUGHS = (
    '<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n'
    ' <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n'
    "]>\n<html><body><p>&lol2;</p></body></html>"
)
OPF = (
    '<package xmlns="http://www.idpf.org/2007/opf" version="3.0"><metadata/>'
    '<manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest>'
    '<spine><itemref idref="c"/></spine></package>'
)


def _encrypted_member() -> bytes:
    data = bytearray(zip_bytes({"a.txt": "x"}))
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.index(signature)
        flags = struct.unpack_from("<H", data, at + offset)[0]
        struct.pack_into("<H", data, at + offset, flags | 1)
    return bytes(data)


def _refusal(action: Callable[[], object]) -> ImportRefused:
    with pytest.raises(ImportRefused) as info:
        action()
    return info.value


def _cases(tmp: Path) -> dict[str, Callable[[], object]]:
    epub = {"mimetype": "application/epub+zip", "content.opf": OPF}
    return {
        "unsupported-format": lambda: extract(tmp / "a.pdf", b"%PDF-1.7"),
        "wrong-format": lambda: extract(tmp / "a.epub", b"%PDF-1.7 xx"),
        "binary-file": lambda: decode_bytes(b"ab\x00cd" * 40, name="a.txt"),
        "not-epub": lambda: extract(tmp / "a.epub", b"just text, not a zip"),
        "damaged-archive": lambda: SafeZip(b"PK\x03\x04broken", "b.zip"),
        "too-many-members": lambda: SafeZip(
            zip_bytes({f"{i}.txt": "x" for i in range(5)}), "m.zip", ZipLimits(max_members=2)
        ),
        "zip-bomb": lambda: SafeZip(zip_bytes({"a": b"\0" * 3_000_000}), "z.zip").read("a"),
        "encrypted": lambda: SafeZip(_encrypted_member(), "e.zip").read("a.txt"),
        "entity-bomb": lambda: extract(tmp / "l.html", LAUGHS.encode()),
        "empty-page": lambda: extract(tmp / "e.html", b"   "),
        "no-readable-text": lambda: extract(tmp / "n.html", b"<html><body></body></html>"),
        "unknown-encoding": lambda: decode_bytes(b"abc", encoding="no-such", name="a.txt"),
        "cannot-decode": lambda: decode_bytes(
            "社会".encode("gb18030") + b"\xff\xff more", encoding="big5", name="a.txt"
        ),
        "damaged-book": lambda: extract(
            tmp / "s.epub",
            zip_bytes({**epub, "content.opf": OPF.replace('<itemref idref="c"/>', "")}),
        ),
    }


@pytest.mark.parametrize("code", sorted(_cases(Path("/unused"))))
def test_refusals_carry_their_code(code: str, tmp_path: Path) -> None:
    exc = _refusal(_cases(tmp_path)[code])
    assert exc.code == code, str(exc)
    assert set(exc.params) <= set(PROBLEMS[code].params) | {"offset"}


def test_format_params_are_known_keys(tmp_path: Path) -> None:
    exc = _refusal(lambda: extract(tmp_path / "p.png.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)))
    assert exc.code == "wrong-format"
    assert exc.params == {"format": "png", "expected": "text"}


@pytest.mark.parametrize(("magic", "key", "words"), TEXT_MAGIC, ids=[m[2] for m in TEXT_MAGIC])
def test_binary_text_names_its_format_by_key(magic: bytes, key: str, words: str) -> None:
    """The decoder passes the format's key with its English words (no lookup by name)."""
    exc = _refusal(lambda: decode_bytes(magic + b"\0" + b"x" * 300, name="a.txt"))
    assert (exc.code, exc.params) == ("wrong-format", {"format": key, "expected": "text"})
    assert str(exc) == f"a.txt is {words}, not a text file"


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.core.formats as formats

    monkeypatch.setattr(formats, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 * 2**20))
    exc = _refusal(lambda: check_size(big))
    assert exc.code == "too-large" and exc.params["limit_mb"] == "0"
    assert MAX_FILE_BYTES > 10


def test_old_style_refusal_still_works_and_pickles() -> None:
    plain = ImportRefused("not a regular file")
    assert str(plain) == "not a regular file" and plain.code == "refused" and plain.params == {}
    coded = ImportRefused("x", code="encrypted", params={"member": 3})
    again = pickle.loads(pickle.dumps(coded))
    assert (str(again), again.code, again.params) == ("x", "encrypted", {"member": "3"})


def test_skipped_paths_carry_their_code(library_dir: Path, tmp_path: Path) -> None:
    """What an import leaves out is reported with the code the library gave it."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "link.txt").symlink_to(folder / "photo.jpg")
    paths = [folder, tmp_path / "missing.txt", tmp_path / "link.txt"]
    results = Library.open(library_dir).add_paths(paths)
    found = {Path(r.path).name: (r.status, r.code, r.error) for r in results}
    assert found == {
        "photo.jpg": ("skipped", "unsupported-type", "unsupported file type"),
        "missing.txt": ("skipped", "not-found", "no such file"),
        "link.txt": ("skipped", "link-not-followed", "symbolic link (not followed)"),
    }


def test_library_error_carries_its_code(tmp_path: Path) -> None:
    (tmp_path / "lib").write_text("a file, not a folder")
    with pytest.raises(LibraryError) as info:
        Library.open(tmp_path / "lib")
    assert info.value.code == "not-a-library"
    assert str(info.value) == f"{tmp_path / 'lib'} is a file, not a library folder"
    assert LibraryError("x").code == "library-error"


def test_every_code_used_in_the_core_is_registered() -> None:
    used = set()
    for path in CORE.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        used |= set(re.findall(r'code="([a-z0-9-]+)"', source))
        used |= set(re.findall(r'Skip\(\s*"([a-z0-9-]+)"', source))
    assert {"not-a-library", "unsupported-type", "special-file"} <= used
    assert used <= set(PROBLEMS)


def test_format_keys_cover_the_sniffers() -> None:
    from desktop.core.formats import _REFUSED
    from desktop.core.formats.sniff import _MAGIC, _ZIP_KINDS

    keys = set(_REFUSED.values()) | {k for _, k in _MAGIC} | {k for _, k in _ZIP_KINDS}
    assert keys <= set(FORMATS)


def test_decoder_format_keys_are_known() -> None:
    assert {key for _, key, _ in TEXT_MAGIC} <= set(FORMATS)
