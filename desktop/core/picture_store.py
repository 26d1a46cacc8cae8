"""A document's pictures in the library: files in its folder, a list in ``meta.json``.

::

    <library>/docs/<id>/pictures/<hash>.<ext>   one file per distinct picture
    meta.json "pictures": [{"offset", "length", "file", "alt", "caption", "type",
                            "src", "problem"}, ...]

``<hash>`` is the first 16 hex digits of the picture's SHA-256 and ``<ext>`` comes from
its sniffed type (png, jpg, gif, webp), so writing a picture twice writes the same
file: an import and a re-decode never disagree about a name, and a re-decode that is
rolled back leaves no file that the old ``meta.json`` does not expect.  Each entry
says where its figure line is in the canonical text (``offset``, ``length``), what it
shows (``alt``, ``caption``) and where it came from (``src``); ``file`` is null for a
picture that was not in the imported file (``problem`` says why: ``outside`` for a
web address or a saved page's folder, ``type``, ``svg``, ``too-large``, ``missing``,
``damaged``).  File names are checked against :data:`FILE_NAME` before anything is
opened, so a ``meta.json`` from a sync folder cannot point outside the document.
"""

from __future__ import annotations

import hashlib
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.core import atomic
from desktop.core.formats.pictures import MAX_PICTURE_BYTES

if TYPE_CHECKING:
    from desktop.core.formats.pictures import Picture

__all__ = [
    "FILE_NAME",
    "PICTURES_DIR",
    "PictureEntry",
    "PictureUnavailable",
    "entries_from_meta",
    "picture_meta",
    "read_picture",
    "validate_pictures",
    "write_picture_files",
]

PICTURES_DIR = "pictures"
#: The only names a picture file may have.
FILE_NAME = re.compile(r"[0-9a-f]{16}\.(?:png|jpg|gif|webp)")
_SUFFIXES = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp"}
#: The first bytes each type starts with (a file that does not is damaged).
_MAGIC = {
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "gif": (b"GIF87a", b"GIF89a"),
    "webp": (b"RIFF",),
}
_TEXT_KEYS = ("alt", "caption", "src")


@dataclass(frozen=True)
class PictureEntry:
    """One picture as ``meta.json`` lists it."""

    offset: int  #: canonical offset of the figure line
    length: int  #: its length in characters
    file: str | None  #: name in the ``pictures/`` folder, None when not in the file
    alt: str
    caption: str
    type: str | None  #: media type
    src: str  #: the reference as the document wrote it
    problem: str | None  #: why there is no file

    @property
    def end(self) -> int:
        return self.offset + self.length


class PictureUnavailable(Exception):
    """A picture cannot be shown; ``reason`` says why, ``path`` names its file.

    Reasons: ``not-in-file`` (the document only pointed at it), ``missing`` (the
    file is gone from the library), ``damaged`` (it is not the picture it should be),
    ``unreadable`` (the system refused to read it: ``__cause__`` says how).
    """

    def __init__(self, message: str, reason: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path


def _file_name(picture: Picture) -> str | None:
    if picture.data is None or picture.media_type not in _SUFFIXES:
        return None
    digest = hashlib.sha256(picture.data).hexdigest()[:16]
    return f"{digest}.{_SUFFIXES[picture.media_type]}"


def picture_meta(pictures: list[Picture]) -> list[dict[str, Any]]:
    """The ``meta.json`` entries of extracted pictures."""
    return [
        {
            "offset": p.offset,
            "length": p.length,
            "file": _file_name(p),
            "alt": p.alt,
            "caption": p.caption,
            "type": p.media_type,
            "src": p.src,
            "problem": p.problem,
        }
        for p in pictures
    ]


def write_picture_files(folder: Path, pictures: list[Picture]) -> None:
    """Write the pictures into ``folder/pictures/`` (atomically; a file already
    there with its name holds the same bytes and is left as it is)."""
    files = {name: p.data for p in pictures if (name := _file_name(p)) and p.data is not None}
    if not files:
        return
    target = folder / PICTURES_DIR
    target.mkdir(exist_ok=True)
    for name, data in files.items():
        if not (target / name).is_file():
            atomic.write_bytes(target / name, data, backup=False)


def _check_entry(entry: Any, chars: int | None) -> None:
    if not isinstance(entry, dict):
        raise ValueError(f"a picture is {entry!r}, not an object")
    for key in ("offset", "length"):
        value = entry.get(key)
        if not (isinstance(value, int) and not isinstance(value, bool) and value >= 0):
            raise ValueError(f"a picture's {key!r} is {value!r}, not a count")
    if chars is not None and entry["offset"] + entry["length"] > chars:
        raise ValueError(f"a picture at {entry['offset']} lies past the end of the text")
    name = entry.get("file")
    if name is not None and not (isinstance(name, str) and FILE_NAME.fullmatch(name)):
        raise ValueError(f"a picture's file is {name!r}, not a picture file name")
    for key in _TEXT_KEYS:
        if not isinstance(entry.get(key, ""), str):
            raise ValueError(f"a picture's {key!r} is not text")
    for key in ("type", "problem"):
        if not isinstance(entry.get(key), (str, type(None))):
            raise ValueError(f"a picture's {key!r} is not text")


def validate_pictures(value: Any, chars: int | None = None) -> None:
    """Reject a ``pictures`` list of the wrong shape (see :func:`records.validate_meta`)."""
    if not isinstance(value, list):
        raise ValueError(f"'pictures' is a {type(value).__name__}")
    for entry in value:
        _check_entry(entry, chars)


def entries_from_meta(value: list[dict[str, Any]]) -> list[PictureEntry]:
    """The entries of a ``pictures`` list that passed :func:`validate_pictures`."""
    return [
        PictureEntry(
            offset=e["offset"],
            length=e["length"],
            file=e.get("file"),
            alt=e.get("alt", ""),
            caption=e.get("caption", ""),
            type=e.get("type"),
            src=e.get("src", ""),
            problem=e.get("problem"),
        )
        for e in value
    ]


def _check_regular(path: Path) -> None:
    """Refuse (as damaged) what is not a plain file of a picture's size: a link, a
    FIFO or a device put there by hand or by a sync tool would block or flood a read."""
    info = path.lstat()
    if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_PICTURE_BYTES:
        raise PictureUnavailable(f"{path} is not a picture file", "damaged", path)


def read_picture(folder: Path, entry: PictureEntry) -> bytes:
    """The bytes of ``entry``'s picture file in document folder ``folder``.

    Raises :class:`PictureUnavailable` (naming the file) when there is none, it is
    gone, it cannot be read, or its bytes are not the picture type its name says.
    """
    if entry.file is None:
        raise PictureUnavailable(
            f"the picture {entry.src!r} was not inside the imported file", "not-in-file"
        )
    if not FILE_NAME.fullmatch(entry.file):  # validated already; never open a path
        raise PictureUnavailable(f"{entry.file!r} is not a picture file name", "damaged")
    path = folder / PICTURES_DIR / entry.file
    try:
        _check_regular(path)
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise PictureUnavailable(f"{path} is missing", "missing", path) from exc
    except OSError as exc:
        raise PictureUnavailable(f"{path} cannot be read ({exc})", "unreadable", path) from exc
    if not data.startswith(_MAGIC[entry.file.rpartition(".")[2]]):
        raise PictureUnavailable(f"{path} is damaged (not a picture)", "damaged", path)
    return data
