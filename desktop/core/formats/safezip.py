"""Read members of an untrusted ZIP archive in memory, with hard limits.

Nothing is ever extracted to disk.  Limits apply to bytes actually produced by
decompression (declared sizes are not trusted): per member, for the whole archive,
and as a compression ratio.  Member names that climb out (``../``), are absolute
(``/x``, ``C:x``, ``\\\\server``) or contain NUL are never readable.  Entries whose
data overlap (many names pointing at one compressed stream) refuse the archive.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
import zlib
from dataclasses import dataclass

from desktop.core.errors import ImportRefused

__all__ = ["SafeZip", "ZipLimits", "is_safe_name"]

_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 64 * 1024


@dataclass(frozen=True)
class ZipLimits:
    """Caps for one archive."""

    max_members: int = 10_000
    max_member_bytes: int = 64 * 1024 * 1024
    max_total_bytes: int = 256 * 1024 * 1024
    max_ratio: int = 200  #: decompressed / compressed, checked past ``ratio_floor`` bytes
    ratio_floor: int = 1024 * 1024


def is_safe_name(name: str) -> bool:
    """True for a relative member name that stays inside the archive."""
    if not name or "\x00" in name or "\\" in name:
        return False
    if name.startswith("/") or _DRIVE.match(name):
        return False
    return ".." not in name.split("/")


class SafeZip:
    """A ZIP archive held in memory, read member by member within :class:`ZipLimits`."""

    def __init__(self, data: bytes, name: str, limits: ZipLimits | None = None) -> None:
        self.name = name
        self.limits = limits or ZipLimits()
        self.warnings: list[str] = []
        self._read_total = 0
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ImportRefused(
                f"{name}: not a readable ZIP archive ({exc})", code="damaged-archive"
            ) from exc
        if len(infos) > self.limits.max_members:
            raise ImportRefused(
                f"{name}: the archive has {len(infos):,} members "
                f"(at most {self.limits.max_members:,} are accepted)",
                code="too-many-members",
                params={"count": f"{len(infos):,}", "limit": f"{self.limits.max_members:,}"},
            )
        self._check_overlap(infos)
        self._members: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            if info.is_dir():
                continue
            if not is_safe_name(info.filename):
                self.warnings.append(f"{name}: ignored unsafe member name {info.filename!r}")
                continue
            self._members.setdefault(posixpath.normpath(info.filename), info)

    def _check_overlap(self, infos: list[zipfile.ZipInfo]) -> None:
        end = -1
        for info in sorted(infos, key=lambda i: i.header_offset):
            if info.header_offset < end:
                raise ImportRefused(
                    f"{self.name}: archive entries overlap (a ZIP bomb); refused", code="zip-bomb"
                )
            # The local header is at least 30 bytes plus the name.
            end = info.header_offset + 30 + len(info.orig_filename) + info.compress_size

    def names(self) -> list[str]:
        """Readable member names, normalised."""
        return list(self._members)

    def has(self, name: str) -> bool:
        return name in self._members

    def read(self, name: str) -> bytes:
        """The bytes of member ``name``; :class:`ImportRefused` when a limit is hit."""
        info = self._members.get(name)
        if info is None:
            raise ImportRefused(
                f"{self.name}: the archive has no member {name!r}",
                code="damaged-archive",
                params={"member": name},
            )
        if info.flag_bits & 0x1:
            raise ImportRefused(
                f"{self.name}: {name} is encrypted", code="encrypted", params={"member": name}
            )
        try:
            return self._read_capped(info)
        except ImportRefused:
            raise
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
            raise ImportRefused(
                f"{self.name}: {name} is damaged ({exc})",
                code="damaged-archive",
                params={"member": name},
            ) from exc
        except (NotImplementedError, RuntimeError) as exc:
            raise ImportRefused(
                f"{self.name}: {name} cannot be read ({exc})",
                code="damaged-archive",
                params={"member": name},
            ) from exc

    def _read_capped(self, info: zipfile.ZipInfo) -> bytes:
        out = bytearray()
        with self._zip.open(info) as stream:
            while chunk := stream.read(_CHUNK):
                out += chunk
                self._read_total += len(chunk)
                self._check_limits(info, len(out))
        return bytes(out)

    def _check_limits(self, info: zipfile.ZipInfo, produced: int) -> None:
        limits = self.limits
        where = f"{self.name}: {info.filename}"
        if produced > limits.max_member_bytes:
            raise ImportRefused(
                f"{where} decompresses to more than {limits.max_member_bytes // 2**20} MB",
                code="archive-too-large",
                params={"limit_mb": limits.max_member_bytes // 2**20},
            )
        if self._read_total > limits.max_total_bytes:
            raise ImportRefused(
                f"{self.name}: the archive decompresses to more than "
                f"{limits.max_total_bytes // 2**20} MB",
                code="archive-too-large",
                params={"limit_mb": limits.max_total_bytes // 2**20},
            )
        if produced > limits.ratio_floor and produced > limits.max_ratio * max(
            info.compress_size, 1
        ):
            raise ImportRefused(
                f"{where} is compressed more than {limits.max_ratio}:1 (a ZIP bomb); refused",
                code="zip-bomb",
            )
