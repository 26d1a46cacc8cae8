"""Render resources/icons/tongwen.svg into PNG sizes, a Windows .ico and a macOS .icns.

Run from the repository root with the project's Python::

    .venv/bin/python resources/packaging/make_icons.py

The generated files are committed, so a build never needs this script.  Both
containers hold PNG images: ICO has allowed PNG entries since Windows Vista, and
ICNS has used PNG for its ``icp4``..``ic14`` entries since OS X 10.7.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

__all__ = ["ICNS_TYPES", "ICO_SIZES", "PNG_SIZES", "build_icns", "build_ico", "render_png"]

ICONS = Path(__file__).resolve().parents[1] / "icons"
SVG = ICONS / "tongwen.svg"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
#: ICNS entry type -> pixel size of its PNG.
ICNS_TYPES = {
    "icp4": 16,
    "icp5": 32,
    "icp6": 64,
    "ic07": 128,
    "ic08": 256,
    "ic09": 512,
    "ic11": 32,
    "ic12": 64,
    "ic13": 256,
    "ic14": 512,
}


def render_png(svg: Path, size: int) -> bytes:
    """The SVG rendered into a square PNG of ``size`` pixels, transparent outside."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg}: not a valid SVG file")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """A Windows .ico whose entries are the given PNGs (size -> bytes, 256 at most)."""
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"ICO entries are 1..256 pixels, not {size}")
        data = pngs[size]
        side = 0 if size == 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        blobs += data
        offset += len(data)
    return header + entries + blobs


def build_icns(pngs: dict[int, bytes]) -> bytes:
    """A macOS .icns with one PNG entry per :data:`ICNS_TYPES` type whose size exists."""
    body = b""
    for kind, size in ICNS_TYPES.items():
        if size in pngs:
            data = pngs[size]
            body += kind.encode("ascii") + struct.pack(">I", 8 + len(data)) + data
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    pngs = {size: render_png(SVG, size) for size in PNG_SIZES}
    for size, data in pngs.items():
        (ICONS / f"tongwen-{size}.png").write_bytes(data)
    (ICONS / "tongwen.ico").write_bytes(build_ico({s: pngs[s] for s in ICO_SIZES}))
    (ICONS / "tongwen.icns").write_bytes(build_icns(pngs))
    print(f"wrote {len(pngs)} PNGs, tongwen.ico and tongwen.icns to {ICONS}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
