"""SafeZip: in-memory reads within limits; bombs, zip-slip and damage refused."""

from __future__ import annotations

import io
import struct
import zipfile

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats.safezip import SafeZip, ZipLimits, is_safe_name


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name), data, zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def _overlapping(copies: int) -> bytes:
    """One compressed member, then ``copies`` central directory entries all pointing at it."""
    data = _zip({"a": b"\0" * 100_000})
    eocd = data.rindex(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack("<II", data[eocd + 12 : eocd + 20])
    entry = data[cd_offset : cd_offset + cd_size]
    entries = [entry[:-1] + bytes([ord("a") + i % 26]) for i in range(copies)]
    directory = b"".join(entries)
    end = bytearray(data[eocd:])
    struct.pack_into("<HHII", end, 8, copies, copies, len(directory), cd_offset)
    return data[:cd_offset] + directory + bytes(end)


def test_reads_members_in_memory() -> None:
    book = SafeZip(_zip({"a/b.txt": b"hello", "c.txt": b"world"}), "t.zip")
    assert sorted(book.names()) == ["a/b.txt", "c.txt"]
    assert book.read("a/b.txt") == b"hello"


def test_high_compression_ratio_is_refused() -> None:
    book = SafeZip(_zip({"zeros": b"\0" * (8 * 2**20)}), "bomb.zip")
    with pytest.raises(ImportRefused, match=r"bomb\.zip.*ZIP bomb"):
        book.read("zeros")


def test_member_size_counts_bytes_read_not_declared() -> None:
    limits = ZipLimits(max_member_bytes=1000, max_ratio=10**9)
    book = SafeZip(_zip({"big": bytes(range(256)) * 40}), "t.zip", limits)
    with pytest.raises(ImportRefused, match="more than"):
        book.read("big")


def test_total_bytes_across_members_are_capped() -> None:
    limits = ZipLimits(max_total_bytes=150_000, max_ratio=10**9)
    book = SafeZip(_zip({f"m{i}": b"x" * 60_000 for i in range(3)}), "t.zip", limits)
    book.read("m0")
    book.read("m1")
    with pytest.raises(ImportRefused, match="archive decompresses to more than"):
        book.read("m2")


def test_member_count_is_capped() -> None:
    data = _zip({f"f{i}": b"" for i in range(30)})
    with pytest.raises(ImportRefused, match="30 members"):
        SafeZip(data, "many.zip", ZipLimits(max_members=20))


def test_overlapping_entries_are_refused() -> None:
    with pytest.raises(ImportRefused, match="overlap"):
        SafeZip(_overlapping(20), "overlap.zip")


@pytest.mark.parametrize("name", ["../evil.txt", "a/../../evil.txt", "/etc/passwd", "C:/x.txt",
                                  "c:x.txt", "a\\..\\b"])  # fmt: skip
def test_zip_slip_names_are_never_readable(name: str) -> None:
    assert not is_safe_name(name)
    book = SafeZip(_zip({name: b"evil", "ok.txt": b"fine"}), "slip.zip")
    assert book.names() == ["ok.txt"]
    assert any("unsafe member name" in warning for warning in book.warnings)
    with pytest.raises(ImportRefused):
        book.read(name)


def test_truncated_archive_is_a_clear_error() -> None:
    data = _zip({"a.txt": b"hello world" * 100})
    with pytest.raises(ImportRefused, match=r"broken\.zip: not a readable ZIP"):
        SafeZip(data[: len(data) // 2], "broken.zip")


def test_corrupt_member_data_is_a_clear_error() -> None:
    data = bytearray(_zip({"a.txt": bytes(range(256)) * 50}))
    start = data.index(b"a.txt") + 5
    data[start + 10 : start + 40] = b"\xff" * 30
    book = SafeZip(bytes(data), "bad.zip")
    with pytest.raises(ImportRefused, match=r"bad\.zip: a\.txt"):
        book.read("a.txt")
