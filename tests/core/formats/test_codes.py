"""Problem codes: every refusal carries a registered code, and its English message
classifies back to the same code and params."""

from __future__ import annotations

import pickle
import re
import struct
from collections.abc import Callable
from pathlib import Path

import pytest

from desktop.core.errors import FORMATS, PROBLEMS, ImportRefused, classify, format_key
from desktop.core.formats import MAX_FILE_BYTES, check_size, extract
from desktop.core.formats.encoding import decode_bytes
from desktop.core.formats.safezip import SafeZip, ZipLimits
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
def test_refusals_carry_their_code_and_classify_back(code: str, tmp_path: Path) -> None:
    exc = _refusal(_cases(tmp_path)[code])
    assert exc.code == code, str(exc)
    assert set(exc.params) <= set(PROBLEMS[code].params) | {"offset"}
    found, params = classify(str(exc))
    assert found == code, str(exc)
    assert {k: v for k, v in params.items() if k in exc.params} == {
        k: v for k, v in exc.params.items() if k in params
    }


def test_format_params_are_known_keys(tmp_path: Path) -> None:
    exc = _refusal(lambda: extract(tmp_path / "p.png.txt", b"\x89PNG\r\n\x1a\n" + bytes(300)))
    assert exc.code == "wrong-format"
    assert exc.params == {"format": "png", "expected": "text"}
    assert classify(str(exc)) == ("wrong-format", {"format": "png", "expected": "text"})
    assert format_key("a Windows program (EXE/DLL)") == "exe"
    assert format_key("something new") == ""


def test_too_large(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import desktop.core.formats as formats

    monkeypatch.setattr(formats, "MAX_FILE_BYTES", 10)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (2 * 2**20))
    exc = _refusal(lambda: check_size(big))
    assert exc.code == "too-large" and exc.params["limit_mb"] == "0"
    assert classify(str(exc))[0] == "too-large"
    assert MAX_FILE_BYTES > 10


def test_old_style_refusal_still_works_and_pickles() -> None:
    plain = ImportRefused("not a regular file")
    assert str(plain) == "not a regular file" and plain.code == "refused" and plain.params == {}
    coded = ImportRefused("x", code="encrypted", params={"member": 3})
    again = pickle.loads(pickle.dumps(coded))
    assert (str(again), again.code, again.params) == ("x", "encrypted", {"member": "3"})


@pytest.mark.parametrize(
    ("message", "code"),
    [
        ("no such file", "not-found"),
        ("named pipe (FIFO)", "special-file"),
        ("symbolic link (not followed)", "link-not-followed"),
        ("a link to a folder; links are not followed", "link-not-followed"),
        ("unsupported file type", "unsupported-type"),
        ("unreadable (permission denied)", "permission-denied"),
        ("unreadable folder (Input/output error)", "unreadable"),
        ("not a regular file", "not-a-file"),
        ("the file contains no readable text", "no-readable-text"),
        ("could not write the library: [Errno 28] No space left", "library-write-failed"),
        ("unexpected error: KeyError('x')", "unexpected"),
        ("something nobody wrote", "refused"),
    ],
)
def test_library_and_walker_messages_classify(message: str, code: str) -> None:
    assert classify(message)[0] == code


def test_every_code_used_in_the_core_is_registered() -> None:
    used = set()
    for path in CORE.rglob("*.py"):
        used |= set(re.findall(r'code="([a-z0-9-]+)"', path.read_text(encoding="utf-8")))
    assert used, "no codes found"
    assert used <= set(PROBLEMS)


def test_format_keys_cover_the_sniffers() -> None:
    from desktop.core.formats import _REFUSED
    from desktop.core.formats.sniff import _MAGIC, _ZIP_KINDS

    keys = set(_REFUSED.values()) | {k for _, k in _MAGIC} | {k for _, k in _ZIP_KINDS}
    assert keys <= set(FORMATS)
