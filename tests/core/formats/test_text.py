"""Tests for desktop.core.formats.text: .txt files end to end, from real files on disk."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.errors import ImportRefused
from desktop.core.formats import extract as extract_any
from desktop.core.formats.text import extract


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_seed_in_gb18030_with_crlf(tmp_path: Path, seed_paths: list[Path]) -> None:
    text = seed_paths[0].read_text("utf-8")
    path = _write(tmp_path, "article.txt", text.replace("\n", "\r\n").encode("gb18030"))
    result = extract(path, path.read_bytes())
    assert result.format == "txt"
    assert result.encoding == "gb18030"
    assert result.confidence is not None and result.confidence >= 0.5
    assert result.text == text  # byte-exact apart from newlines: no cleaning here
    assert result.title == "党建引领 打造和谐昆山“共同体”"
    assert result.source == "苏州新闻网"
    assert result.published == "2024-08-04"
    assert result.script == "simplified"
    assert result.chapters == []


def test_seed_in_utf8(tmp_path: Path, seed_paths: list[Path]) -> None:
    path = seed_paths[1]
    result = extract(path, path.read_bytes())
    assert result.encoding == "utf-8"
    assert result.author == "李良軒"
    assert result.script == "traditional"


def test_explicit_encoding(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", "社會工作的標題寫在這裡\n正文。".encode("big5"))
    assert extract(path, path.read_bytes(), encoding="big5").text.startswith("社會工作")
    with pytest.raises(ImportRefused, match=r"a\.txt.*utf-8"):
        extract(path, path.read_bytes(), encoding="utf-8")


def test_binary_named_txt_is_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(ImportRefused, match=r"photo\.txt.*PNG"):
        extract_any(path, path.read_bytes())


def test_filename_title(tmp_path: Path) -> None:
    body = "第一回 宴桃园豪杰三结义\n滚滚长江东逝水,浪花淘尽英雄。"
    path = _write(tmp_path, "三国演义.txt", body.encode("gb18030"))
    assert extract(path, path.read_bytes()).title == "三国演义"
