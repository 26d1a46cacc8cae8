"""The manifest keeps each document's signature packed in memory, as six integers on disk."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from desktop.core.search.entries import signature, text_changed
from desktop.core.search.manifest import (
    SIGNATURE,
    Manifest,
    ManifestError,
    read_manifest,
    write_manifest,
)


def test_signatures_are_written_as_integers_and_read_back_packed(tmp_path: Path) -> None:
    doc = tmp_path / "doc"
    doc.mkdir()
    (doc / "text.txt").write_text("天地玄黄", "utf-8")
    (doc / "meta.json").write_text("{}", "utf-8")
    packed = signature(doc)
    values = list(SIGNATURE.unpack(packed))
    assert values[1] == len("天地玄黄".encode()) and values[4:] == [0, -1]  # no annotations
    docs = {'a"b': packed, "c": SIGNATURE.pack(1, 2, 3, 4, 5, 6)}
    write_manifest(tmp_path, Manifest(8, data="g1", docs=docs, token="t"))
    body = json.loads((tmp_path / "manifest.json").read_bytes().split(b"\n")[1])
    assert body["docs"] == {'a"b': values, "c": [1, 2, 3, 4, 5, 6]}
    assert body["data"] == "g1"
    assert read_manifest(tmp_path).docs == docs
    (doc / "meta.json").write_text('{"x": 1}', "utf-8")
    assert not text_changed(packed, signature(doc))  # metadata only
    (doc / "text.txt").write_text("天地玄黄宇宙", "utf-8")
    assert text_changed(packed, signature(doc))
    assert text_changed(None, packed)


def test_a_signature_that_is_not_six_integers_is_damage(tmp_path: Path) -> None:
    write_manifest(tmp_path, Manifest(8, docs={"c": SIGNATURE.pack(*range(6))}, token="t"))
    raw = (tmp_path / "manifest.json").read_text("utf-8")
    head, body, _ = raw.split("\n")
    body = body.replace("[0,1,2,3,4,5]", "[0,1,2,3,4]")
    header = json.loads(head)
    header["length"] = len(body.encode())
    header["crc32"] = zlib.crc32(body.encode())
    (tmp_path / "manifest.json").write_text(json.dumps(header) + "\n" + body + "\n", "utf-8")
    with pytest.raises(ManifestError):
        read_manifest(tmp_path)
