"""The index manifest: the one file whose replacement commits a write.

``manifest.json`` holds two lines of JSON.  The first is a small header (format,
version, the commit's random token, the length and CRC-32 of the second line), so a
process can tell cheaply whether someone else committed since it opened the index.
The second line is the body: the generation folder in use (``g<N>``), whoosh's TOC
generation, the length and CRC-32 of every file of that generation, and the
library signatures (see ``entries.py``).

Files are checked when the index is opened: lengths always (cheap), checksums
within a byte budget, first of the files nothing else checks (whoosh's, the
lexicons, the slot table); the body store checks what it reads (zlib streams of
texts and postings, a CRC per offset map) beyond that budget.  The append-only
files (``texts.bin``, ``maps.bin``) may be longer than recorded: a writer appends
before it commits, and its tail is truncated by the next writer.
"""

from __future__ import annotations

import json
import os
import struct
import zlib
from dataclasses import dataclass, field
from json.encoder import encode_basestring_ascii  # type: ignore[attr-defined]
from pathlib import Path
from typing import Any

from desktop.core import atomic

__all__ = [
    "APPEND_ONLY",
    "MANIFEST",
    "SIGNATURE",
    "Manifest",
    "ManifestError",
    "crc_of",
    "fsync_path",
    "read_manifest",
    "read_token",
    "verify_files",
    "write_manifest",
]

MANIFEST = "manifest.json"
_FORMAT = "tongwen-search-index"
#: Files only ever appended to (relative to the generation folder).
APPEND_ONLY = frozenset({"body/texts.bin", "body/maps.bin"})
_CHUNK = 1 << 20
#: A document's signature in memory: six little-endian ``int64`` packed in bytes; the
#: manifest's JSON writes them as a list of six integers.
SIGNATURE = struct.Struct("<6q")


class ManifestError(Exception):
    """The manifest, or a file it names, is damaged: the index must be rebuilt."""


@dataclass
class Manifest:
    """What one commit wrote (see the module docstring)."""

    version: int
    data: str = ""  #: the generation folder, e.g. ``g3``
    whoosh_generation: int = -1
    files: dict[str, list[int]] = field(default_factory=dict)  #: path → [length, crc32]
    docs: dict[str, bytes] = field(default_factory=dict)  #: doc id → signature (packed)
    table: str = ""  #: the body store's slot table file
    token: str = ""  #: random, new at every commit


def read_token(folder: Path) -> str | None:
    """The token of the last commit, reading only the header line (None: no index)."""
    try:
        with open(folder / MANIFEST, "rb") as fh:
            header = json.loads(fh.readline())
        return str(header["token"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def read_manifest(folder: Path) -> Manifest:
    """The committed manifest; FileNotFoundError, or ManifestError when damaged."""
    raw = (folder / MANIFEST).read_bytes()
    head, _newline, body = raw.partition(b"\n")
    try:
        header = json.loads(head)
        if isinstance(header, dict) and "format" not in header and "version" in header:
            return _older(header)
        if not isinstance(header, dict) or header.get("format") != _FORMAT:
            raise ManifestError("not an index manifest")
        body = body.rstrip(b"\n")
        if len(body) != header.get("length") or zlib.crc32(body) != header.get("crc32"):
            raise ManifestError("its checksum does not match")
        values: dict[str, Any] = json.loads(body)
        version = header.get("version")
        if not isinstance(version, int):
            raise ManifestError(f"version {version!r}")
        values["docs"] = {d: SIGNATURE.pack(*sig) for d, sig in values.get("docs", {}).items()}
        return Manifest(version=version, token=str(header["token"]), **values)
    except (ValueError, TypeError, KeyError, struct.error) as exc:
        raise ManifestError(f"{folder / MANIFEST}: {exc}") from exc


def _older(header: dict[str, Any]) -> Manifest:
    """The manifest of an index from before version 4 (one JSON object): its version."""
    version = header["version"]
    if not isinstance(version, int) or version >= 4:
        raise ManifestError(f"version {version!r} in the old layout")
    return Manifest(version=version)


def write_manifest(folder: Path, manifest: Manifest) -> None:
    """Commit: replace the manifest atomically (written, fsynced, renamed)."""
    values = {
        "data": manifest.data,
        "whoosh_generation": manifest.whoosh_generation,
        "files": manifest.files,
        "docs": {},
        "table": manifest.table,
    }
    body = json.dumps(values, separators=(",", ":")).encode("utf-8")
    # the signatures spliced in as JSON lists, one document at a time (not a list
    # object per document of 100,000 at once)
    docs = ",".join(
        f"{encode_basestring_ascii(d)}:[{','.join(map(str, SIGNATURE.unpack(sig)))}]"
        for d, sig in manifest.docs.items()
    )
    body = body.replace(b'"docs":{}', b'"docs":{' + docs.encode("utf-8") + b"}", 1)
    header = {
        "format": _FORMAT,
        "version": manifest.version,
        "token": manifest.token,
        "length": len(body),
        "crc32": zlib.crc32(body),
    }
    atomic.write_bytes(
        folder / MANIFEST, json.dumps(header).encode() + b"\n" + body + b"\n", backup=False
    )


def crc_of(path: Path, length: int | None = None) -> int:
    """CRC-32 of a file's first ``length`` bytes (all of it when None)."""
    crc = 0
    left = length if length is not None else -1
    with open(path, "rb") as fh:
        while left:
            chunk = fh.read(_CHUNK if left < 0 else min(_CHUNK, left))
            if not chunk:
                break
            crc = zlib.crc32(chunk, crc)
            left -= len(chunk) if left > 0 else 0
    return crc


def verify_files(data: Path, files: dict[str, list[int]], budget: int) -> str | None:
    """Why the files do not match their records (None: they do).

    Lengths of all; checksums while their total stays within ``budget`` bytes,
    first of the files nothing else checks (whoosh's, lexicons, the slot table),
    smallest first, then of those the store checks as it reads them.
    """
    for rel, (length, _crc) in files.items():
        try:
            size = (data / rel).stat().st_size
        except OSError as exc:
            return f"{rel} is missing ({exc.strerror})"
        if size < length or (size != length and rel not in APPEND_ONLY):
            return f"{rel} is {size} bytes, the index recorded {length}"
    spent = 0
    for rel, (length, crc) in sorted(files.items(), key=_check_order):
        spent += length
        if spent > budget:
            break
        if crc_of(data / rel, length) != crc:
            return f"{rel} does not match its checksum"
    return None


def _check_order(item: tuple[str, list[int]]) -> tuple[bool, int]:
    rel, (length, _crc) = item
    return rel in APPEND_ONLY or rel.endswith(".post"), length


def fsync_path(path: Path) -> None:
    """fsync a file written in place, or a folder the way every atomic write does.

    Folders go through :func:`desktop.core.atomic.fsync_dir`, so the index and the
    user's files sync folders by one rule.
    """
    if path.is_dir():
        atomic.fsync_dir(path)
        return
    fd = os.open(path, os.O_RDWR)  # Windows syncs writable fds only
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
