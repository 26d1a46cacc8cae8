"""How the reader wants a document shown: :class:`ViewOptions`.

Apart from the pipeline (:mod:`desktop.core.views.pipeline`, which imports every clean
step, their regular expressions and OpenCC) so that the window can hold its options
before its first paint without importing what builds a view.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from desktop.core.script import SCRIPTS
from desktop.core.views.pinyin import PINYIN_MODES
from desktop.core.views.region import REGIONS

if TYPE_CHECKING:
    from desktop.core.views.header import Header
    from desktop.core.views.rules import ConversionRule

__all__ = ["ViewOptions"]


@dataclass(frozen=True)
class ViewOptions:
    """How the reader wants a document shown."""

    clean: bool = True  #: False: raw canonical text (script conversion still applies)
    script: str = "original"  #: one of SCRIPTS
    phrases: bool = False  #: Taiwan/Hong Kong phrase conversion (s2twp, s2hkp)
    pinyin: str = "hide"  #: one of PINYIN_MODES
    #: The document's regional standard (one of REGIONS), which chooses the 简体
    #: conversion; None: detected from the text (``detect_region``).
    region: str | None = None
    #: What the reader shows above the text; the clean view hides head lines that
    #: only repeat it (``hide_header_lines``).  None: nothing is shown above.
    header: Header | None = None
    #: The reader's conversion rules for this document (``RuleBook.for_document``),
    #: applied after OpenCC in the script they hold for (desktop.core.views.rules).
    rules: tuple[ConversionRule, ...] = ()

    def __post_init__(self) -> None:
        if not isinstance(self.rules, tuple):
            object.__setattr__(self, "rules", tuple(self.rules))
        if self.script not in SCRIPTS:
            raise ValueError(f"unknown script {self.script!r} (expected one of {SCRIPTS})")
        if self.pinyin not in PINYIN_MODES:
            raise ValueError(f"unknown pinyin mode {self.pinyin!r} (expected {PINYIN_MODES})")
        if self.region is not None and self.region not in REGIONS:
            raise ValueError(f"unknown regional standard {self.region!r} (expected {REGIONS})")
