"""Views of a document: canonical text through clean steps and script conversion.

Public API used by the UI, search and annotations::

    view = build_view(canonical, ViewOptions(script="traditional"))
    view.text, view.to_view(canonical_offset), view.to_canonical(view_offset)
"""

from __future__ import annotations

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
    "script_config",
]
