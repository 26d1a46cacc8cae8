"""Where Tongwen keeps things: resolved once, overridable for tests and power users.

Order for the library folder: an explicit ``--library DIR``, then the
``TONGWEN_LIBRARY`` environment variable, then the platform's user data folder.
The search index and other derived data live in the user cache folder
(``TONGWEN_CACHE`` overrides it), never inside the library, which may be synced.

File names that are not valid UTF-8 (GBK- or Big5-named files on Linux) reach Python
with surrogate escapes, which JSON and UTF-8 refuse: :func:`readable_name` and
:func:`printable_path` turn them into text that can be stored and shown.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

from desktop import APP_ID

__all__ = [
    "cache_dir",
    "config_dir",
    "index_dir",
    "library_dir",
    "log_dir",
    "printable_path",
    "readable_name",
    "seeds_dir",
]

#: Legacy encodings Chinese file names come in, tried when a name is not UTF-8.
_NAME_CODECS = ("gb18030", "big5")


def library_dir(explicit: str | os.PathLike[str] | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser().resolve()
    env = os.environ.get("TONGWEN_LIBRARY")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / "library"


def cache_dir() -> Path:
    env = os.environ.get("TONGWEN_CACHE")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_cache_dir(APP_ID, appauthor=False))


def config_dir() -> Path:
    env = os.environ.get("TONGWEN_CONFIG")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    env = os.environ.get("TONGWEN_LOG_DIR")
    if env:
        return Path(env).expanduser().resolve()
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))


def index_dir(library: Path) -> Path:
    """The search index folder for one library: derived, local, rebuildable."""
    key = hashlib.sha256(str(library.resolve()).encode("utf-8")).hexdigest()[:16]
    return cache_dir() / "index" / key


def seeds_dir() -> Path:
    """The bundled seed articles (next to the package, or in a PyInstaller bundle)."""
    import sys

    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "seeds"
    return Path(__file__).resolve().parents[2] / "seeds"


def _has_surrogates(text: str) -> bool:
    return any("\udc80" <= ch <= "\udcff" for ch in text)


def _name_codecs(raw: bytes) -> list[str]:
    """GB18030 and Big5, the one the encoding detector prefers for ``raw`` first."""
    from desktop.core.formats.encoding import decode_bytes

    try:
        guess = decode_bytes(raw).encoding.lower().replace("_", "-")
    except Exception:  # the detector refusing a short name is no reason to fail
        guess = ""
    preferred = [c for c in _NAME_CODECS if guess.startswith(c[:3])]
    return preferred + [c for c in _NAME_CODECS if c not in preferred]


def readable_name(name: str) -> str:
    """``name`` as text safe for JSON and UTF-8, as close to what the user sees as can be.

    A name that is not UTF-8 is decoded as GB18030 or Big5 when that gives printable
    text that encodes back to the same bytes; otherwise the bytes that are not UTF-8
    are kept as ``\\xNN`` escapes.
    """
    if not _has_surrogates(name):
        return name
    raw = os.fsencode(name)
    for codec in _name_codecs(raw):
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        if text.isprintable() and text.encode(codec) == raw:
            return text
    return raw.decode("utf-8", "backslashreplace")


def printable_path(path: str | os.PathLike[str]) -> str:
    """``path`` as text for messages, logs and JSON (no lone surrogates)."""
    text = os.fspath(path)
    if isinstance(text, bytes):
        text = os.fsdecode(text)
    if not _has_surrogates(text):
        return text
    parts = Path(text).parts
    return str(Path(*(readable_name(part) for part in parts)))
