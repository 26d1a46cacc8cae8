"""Where Tongwen keeps things: resolved once, overridable for tests and power users.

Order for the library folder: an explicit ``--library DIR``, then the
``TONGWEN_LIBRARY`` environment variable, then the platform's user data folder.
The search index and other derived data live in the user cache folder
(``TONGWEN_CACHE`` overrides it), never inside the library, which may be synced.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

from desktop import APP_ID

__all__ = ["cache_dir", "config_dir", "index_dir", "library_dir", "log_dir", "seeds_dir"]


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
