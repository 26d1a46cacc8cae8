"""The body font follows the script shown: SC faces for Simplified, TC for
Traditional, HK faces for Hong Kong, because glyph shapes differ by region.

Qt draws a character no installed font has as an empty box and says nothing, so a
missing CJK face is detected here and reported once (status bar and log).
"""

from __future__ import annotations

import logging
from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QFontDatabase

__all__ = ["FACES", "body_family", "face_forms", "missing_cjk_message", "region_for"]

log = logging.getLogger(__name__)

#: Preferred families per region, best first: serif for long reading, then sans.
FACES: dict[str, tuple[str, ...]] = {
    "SC": (
        "Noto Serif CJK SC",
        "Source Han Serif SC",
        "Source Han Serif CN",
        "Songti SC",
        "Noto Sans CJK SC",
        "Source Han Sans SC",
        "Source Han Sans CN",
        "PingFang SC",
        "Microsoft YaHei",
        "SimSun",
        "WenQuanYi Micro Hei",
    ),
    "TC": (
        "Noto Serif CJK TC",
        "Source Han Serif TC",
        "Source Han Serif TW",
        "Songti TC",
        "Noto Sans CJK TC",
        "Source Han Sans TC",
        "Source Han Sans TW",
        "PingFang TC",
        "Microsoft JhengHei",
        "PMingLiU",
        "MingLiU",
    ),
    "HK": (
        "Noto Serif CJK HK",
        "Source Han Serif HK",
        "Noto Sans CJK HK",
        "Source Han Sans HK",
        "PingFang HK",
        "Microsoft JhengHei",
        "MingLiU_HKSCS",
        "Noto Serif CJK TC",
        "Noto Sans CJK TC",
    ),
}
_REGION = {"simplified": "SC", "traditional": "TC", "taiwan": "TC", "hongkong": "HK"}
_reported = False


def region_for(script: str, document_script: str = "unknown") -> str:
    """The glyph region for a view in ``script``; "original" follows the document."""
    if script == "original":
        script = document_script
    return _REGION.get(script, "SC")


def face_forms(font: QFont) -> QFont:
    """``font`` drawing each face's own glyph forms, whatever the language.

    Qt shapes text in the language of the default locale (the interface language), and
    the Noto CJK / Source Han faces' ``locl`` feature then swaps in that region's forms:
    the TC face drew Simplified forms under the 简体 interface.  With ``locl`` off, the
    SC, TC and HK faces chosen for the script shown draw their own region's forms.
    """
    shaped = QFont(font)
    shaped.setFeature(QFont.Tag("locl"), 0)
    return shaped


def _installed() -> set[str]:
    return set(QFontDatabase.families())


def body_family(region: str, chosen: str = "", installed: Iterable[str] | None = None) -> str:
    """The family for body text: the user's choice if installed, else the best CJK
    face of the region, else any CJK face, else "" (Qt's default)."""
    have = set(installed) if installed is not None else _installed()
    if chosen and chosen in have:
        return chosen
    for family in FACES.get(region, FACES["SC"]):
        if family in have:
            return family
    for faces in FACES.values():
        for family in faces:
            if family in have:
                return family
    return ""


def missing_cjk_message(installed: Iterable[str] | None = None) -> str | None:
    """A message, the first time only, if no known CJK font is installed."""
    global _reported
    if _reported:
        return None
    if body_family("SC", installed=installed):
        return None
    _reported = True
    log.warning("no CJK font found among %d families; characters may show as boxes", len(FACES))
    return QCoreApplication.translate(
        "Fonts",
        "No Chinese font found (looked for Noto CJK, Source Han, PingFang, Microsoft "
        "YaHei/JhengHei): characters may show as empty boxes. Install a Chinese font, "
        "for example Noto Sans CJK (fonts-noto-cjk), and restart Tongwen.",
    )
