"""One definition of what a Han character is, used by every place that asks.

Seven regular-expression classes used to disagree at the edges: 〇 and the
supplementary-plane ideographs (``𠮷``) were Han to search but not to the pinyin
hints, the file-name author or the chapter rule; compatibility ideographs (``﨑``)
were Han to the hints but not to metadata.  Each place now reads
:data:`desktop.core.script.HAN`.
"""

from __future__ import annotations

import re

import pytest

from desktop.core.chapters import detect_chapters
from desktop.core.metadata import name_parts
from desktop.core.script import HAN, HAN_RANGES, SCRIPTS
from desktop.core.views import ViewOptions
from desktop.core.views.pinyin import PINYIN_MODES, iter_hints

#: Han characters at the edges: 〇, extension A, a compatibility ideograph, extension B.
EDGES = ["〇", "\u3400", "\ufa11", "\U00020bb7"]


def test_the_class_and_the_ranges_are_the_same_set() -> None:
    han = re.compile(f"[{HAN}]")
    inside = [chr(c) for low, high in HAN_RANGES for c in (low, high)]
    outside = ["a", "。", "\u3006", "\u4dc0", "\ufb00", "\U00031350"]
    assert all(han.fullmatch(c) for c in inside)
    assert not any(han.fullmatch(c) for c in outside)


@pytest.mark.parametrize("char", EDGES)
def test_a_pinyin_hint_follows_any_han_character(char: str) -> None:
    assert [m.group(1) for m in iter_hints(f"{char}(líng)")] == ["líng"]


@pytest.mark.parametrize("char", EDGES)
def test_a_file_name_author_may_hold_any_han_character(char: str) -> None:
    parts = name_parts(f"西游记_吴{char}恩著.txt")
    assert (parts.title, parts.author) == ("西游记", f"吴{char}恩")


@pytest.mark.parametrize("char", EDGES)
def test_a_reign_heading_may_hold_any_han_character(char: str) -> None:
    text = f"序\n正文。\n魯{char}公\n正文。\n"
    assert [title for _, title in detect_chapters(text)][-1:] == [f"魯{char}公"]


def test_scripts_and_pinyin_modes_have_one_home() -> None:
    """The views accept exactly the scripts and pinyin modes the settings offer."""
    for script in SCRIPTS:
        ViewOptions(script=script)
    for mode in PINYIN_MODES:
        ViewOptions(pinyin=mode)
    with pytest.raises(ValueError):
        ViewOptions(script="cantonese")
    assert PINYIN_MODES == ("hide", "ruby", "inline")  # the order the settings list
