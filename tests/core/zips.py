"""Build ZIP archives in memory for format tests."""

from __future__ import annotations

import io
import zipfile

__all__ = ["zip_bytes"]


def zip_bytes(members: dict[str, str | bytes]) -> bytes:
    """A deflated ZIP archive holding ``members`` (name → text or bytes), in order."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()
