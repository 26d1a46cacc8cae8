"""The generated icons exist at every size and the containers are well-formed."""

from __future__ import annotations

import struct
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

REPO = Path(__file__).resolve().parents[2]
ICONS = REPO / "resources" / "icons"
sys.path.insert(0, str(REPO / "resources" / "packaging"))

import make_icons  # noqa: E402

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("size", make_icons.PNG_SIZES)
def test_png_sizes_exist(size: int) -> None:
    image = QImage(str(ICONS / f"tongwen-{size}.png"))
    assert not image.isNull()
    assert (image.width(), image.height()) == (size, size)
    assert image.hasAlphaChannel()


def test_ico_directory_points_at_pngs() -> None:
    data = (ICONS / "tongwen.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    sizes = []
    for i in range(count):
        width, _h, _c, _r, _p, bpp, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert bpp == 32
        assert data[offset : offset + 8] == PNG_MAGIC
        assert offset + length <= len(data)
        sizes.append(width or 256)
    assert sizes == sorted(make_icons.ICO_SIZES)


def test_icns_entries_are_pngs_and_lengths_add_up() -> None:
    data = (ICONS / "tongwen.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    pos, kinds = 8, []
    while pos < len(data):
        kind, length = data[pos : pos + 4].decode(), struct.unpack(">I", data[pos + 4 : pos + 8])[0]
        assert data[pos + 8 : pos + 16] == PNG_MAGIC
        kinds.append(kind)
        pos += length
    assert pos == len(data)
    assert set(kinds) == set(make_icons.ICNS_TYPES)


def test_builders_round_trip_small_inputs() -> None:
    pngs = {16: PNG_MAGIC + b"a", 256: PNG_MAGIC + b"bb"}
    ico = make_icons.build_ico(pngs)
    assert struct.unpack_from("<H", ico, 4)[0] == 2
    assert ico[6 + 16] == 0  # 256 is written as 0
    icns = make_icons.build_icns(pngs)
    assert b"icp4" in icns and b"ic08" in icns and b"ic13" in icns


def test_ico_refuses_oversized_entries() -> None:
    with pytest.raises(ValueError, match=r"1\.\.256"):
        make_icons.build_ico({512: PNG_MAGIC})


def test_svg_renders(qapp) -> None:  # type: ignore[no-untyped-def]
    data = make_icons.render_png(ICONS / "tongwen.svg", 32)
    image = QImage.fromData(data)
    assert image.width() == 32
    centre = image.pixelColor(16, 16)
    corner = image.pixelColor(0, 0)
    assert corner.alpha() == 0 and centre.alpha() == 255


@pytest.mark.qt_log_ignore("Cannot read file")
def test_bad_svg_is_named(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.svg"
    bad.write_text("not svg")
    with pytest.raises(ValueError, match=r"bad\.svg"):
        make_icons.render_png(bad, 16)
