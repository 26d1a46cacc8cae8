"""Views of a document: canonical text through clean steps and script conversion.

Public API used by the UI, search and annotations::

    view = build_view(canonical, ViewOptions(script="traditional"))
    view.text, view.to_view(canonical_offset), view.to_canonical(view_offset)

The names below are loaded on first use (PEP 562): importing one small module of this
package (``desktop.core.views.pinyin`` for its mode names, say) must not import the
whole pipeline, its regular expressions and OpenCC, before the window's first paint.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.views.convert import convert_text, convert_with_map, script_config
    from desktop.core.views.header import Header
    from desktop.core.views.pipeline import (
        SCRIPTS,
        TextView,
        ViewBuilder,
        ViewOptions,
        ViewPiece,
        build_view,
        build_view_chunked,
    )

#: Each public name and the module of this package that defines it.
_HOMES = {
    "convert_text": "convert",
    "convert_with_map": "convert",
    "script_config": "convert",
    "Header": "header",
    "SCRIPTS": "pipeline",
    "TextView": "pipeline",
    "ViewBuilder": "pipeline",
    "ViewOptions": "options",
    "ViewPiece": "pipeline",
    "build_view": "pipeline",
    "build_view_chunked": "pipeline",
}

__all__ = [
    "SCRIPTS",
    "Header",
    "TextView",
    "ViewBuilder",
    "ViewOptions",
    "ViewPiece",
    "build_view",
    "build_view_chunked",
    "convert_text",
    "convert_with_map",
    "in_script",
    "script_config",
]


def in_script(text: str, script: str, phrases: bool = False, region: str | None = None) -> str:
    """``text`` in ``script`` as the reader shows it (titles, chapter names, notes,
    quotes): converted by OpenCC, unchanged for "original" or when empty.  OpenCC is
    imported on the first conversion, not with this package."""
    from desktop.core.views.convert import convert_text, script_config

    config = script_config(script, phrases, region)
    return convert_text(text, config) if config and text else text


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_HOMES])
