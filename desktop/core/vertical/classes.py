"""How each character stands in a vertical column, and the units a column is cut into.

A vertical page puts most characters upright, one to a cell.  Some are set otherwise,
as a careful publisher sets them (GB/T 15834 for the marks, JIS X 4051's classes for
where a column may break):

* the small marks ，。、．sit in the upper right of their cell (:data:`CORNER`);
* ！ and ？ are centred in their cell (:data:`CENTRED`);
* brackets, quotation marks, colons, dashes, ellipses and waves are turned 90°
  clockwise (:data:`TURNED`), which makes 「 the ﹁ of a vertical book; “” and ‘’ are
  drawn as 『』 and 「」 turned, as vertical Chinese sets them;
* a Latin word, or a number of three digits or more, is turned 90° as one run
  (:data:`RUN`); a number of one or two digits stays upright, two digits side by side in
  one cell (縱中橫, :data:`TCY`).

:func:`tokens` cuts a stretch of text into :class:`Token` s, the units a column never
splits: a character, a two-character dash or ellipsis, a digit pair, a Latin word (a
word longer than a column is cut into pieces that fit).  Offsets are those of the text
given (a view's offsets); what is drawn may differ from the text (``draw``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

__all__ = [
    "CENTRED",
    "CLOSING",
    "CORNER",
    "HALVABLE",
    "HANGING",
    "OPENING",
    "RUN",
    "SPACE",
    "TCY",
    "TURNED",
    "UPRIGHT",
    "Measure",
    "Token",
    "approximate_measure",
    "tokens",
]

UPRIGHT = "upright"  #: drawn as it is, centred in its cell
CORNER = "corner"  #: a small mark in the upper right of its cell
CENTRED = "centred"  #: the mark's ink centred in its cell
TURNED = "turned"  #: turned 90° clockwise in its cell(s)
RUN = "run"  #: a Latin word or long number, turned 90° clockwise as one run
TCY = "tcy"  #: up to two digits upright, side by side in one cell (縱中橫)
SPACE = "space"  #: a blank cell

#: Marks no column may start with (closing brackets, stops, pauses).
CLOSING = frozenset("」』）》〉】〕］｝〗〙”’)]}，。、．,.！？!?：；:;‼⁇⁈⁉・·‧ゝゞ々ー")
#: Marks no column may end with (opening brackets and quotes).
OPENING = frozenset("「『（《〈【〔［｛〖〘“‘([{")
#: Closing marks small enough to hang below a full column instead of starting the next.
HANGING = frozenset("，。、．,.")
#: Full-width marks whose ink fills half their cell (a closing mark or stop the upper
#: half, an opening mark the lower): set in half a cell to take one more token into a
#: column (push-in, 標點擠壓).
HALVABLE = frozenset("，。、．」』）》〉】〕］｝〗〙「『（《〈【〔［｛〖〘")

_CORNER = frozenset("，。、．,.")
_CENTRED = frozenset("！？!?‼⁇⁈⁉")
_TURNED = frozenset(
    "「」『』（）《》〈〉【】〔〕［］｛｝〖〗〘〙“”‘’()[]{}<>：；:;—―─…‥～〜~–-ー＿_＝="
)
#: What is drawn instead, turned: quotation marks as corner brackets (vertical practice).
_SUBSTITUTE = {"“": "『", "”": "』", "‘": "「", "’": "」"}
_BLANK = frozenset(" \t\u3000\u00a0")

_LATIN = r"A-Za-z0-9\u00c0-\u024f"
_WORD = rf"[{_LATIN}]+(?:[.,:/&+\-_'’#@][{_LATIN}]+)*%?"
_TOKEN = re.compile(
    rf"(?P<run>{_WORD}(?: +{_WORD})*)"
    r"|(?P<pair>——|……|――|──|‥‥|--|\.\.\.)"
    r"|(?P<ch>[\s\S][\u0300-\u036f\u20d0-\u20ff\ufe00-\ufe0f\U000e0100-\U000e01ef]*)"
)
_WORD_IN_RUN = re.compile(rf"{_WORD} *")

#: The length of a string of Latin text in em of the body font.
Measure = Callable[[str], float]


def approximate_measure(text: str) -> float:
    """A stand-in for a font's widths: half an em a character (the widget measures)."""
    return 0.55 * len(text)


@dataclass(frozen=True, slots=True)
class Token:
    """One unit of a column: view offsets ``[start, end)``, drawn as ``draw``."""

    start: int
    end: int
    kind: str
    cells: int  #: cells it takes along the column
    draw: str

    @property
    def opening(self) -> bool:
        """An opening mark: no column may end with it."""
        return self.kind == TURNED and self.draw[:1] in OPENING

    @property
    def closing(self) -> bool:
        """A closing mark: no column may start with it."""
        return self.kind not in (RUN, TCY, SPACE) and self.draw[-1:] in CLOSING

    @property
    def halvable(self) -> bool:
        """A full-width mark that may be set in half a cell (see :data:`HALVABLE`)."""
        return self.kind in (CORNER, TURNED) and self.draw in HALVABLE

    @property
    def hanging(self) -> bool:
        """A small mark that may hang below a full column."""
        return self.kind == CORNER and self.draw in HANGING


def _char_token(start: int, text: str) -> Token:
    ch = text[0]
    end = start + len(text)
    if ch in _BLANK:
        return Token(start, end, SPACE, 1, "")
    if ch in _CORNER:
        return Token(start, end, CORNER, 1, text)
    if ch in _CENTRED:
        return Token(start, end, CENTRED, 1, text)
    if ch in _TURNED:
        return Token(start, end, TURNED, 1, _SUBSTITUTE.get(ch, text))
    return Token(start, end, UPRIGHT, 1, text)


def _run_tokens(start: int, text: str, rows: int, measure: Measure) -> Iterator[Token]:
    """A Latin run: one or two digits upright, one letter upright, else turned words."""
    if len(text) <= 2 and text.isascii() and text.isdigit():
        yield Token(start, start + len(text), TCY if len(text) == 2 else UPRIGHT, 1, text)
        return
    if len(text) == 1:
        yield Token(start, start + 1, UPRIGHT, 1, text)
        return
    for m in _WORD_IN_RUN.finditer(text):
        yield from _word_tokens(start + m.start(), m.group(), rows, measure)


def _cells(length_em: float) -> int:
    """Whole cells for a turned run of ``length_em`` (a little air at each end)."""
    return max(1, math.ceil(length_em + 0.15))


def _word_tokens(start: int, word: str, rows: int, measure: Measure) -> Iterator[Token]:
    """A turned word, cut into pieces no longer than a column when it is longer."""
    cells = _cells(measure(word.rstrip(" ")))
    if cells <= rows or len(word) == 1:
        yield Token(start, start + len(word), RUN, min(cells, max(rows, 1)), word)
        return
    piece_start, length = 0, 0.0
    for i, ch in enumerate(word):
        width = measure(ch)
        if i > piece_start and _cells(length + width) > rows:
            piece = word[piece_start:i]
            yield Token(start + piece_start, start + i, RUN, _cells(length), piece)
            piece_start, length = i, 0.0
        length += width
    piece = word[piece_start:]
    yield Token(start + piece_start, start + len(word), RUN, _cells(length), piece)


def tokens(text: str, base: int, rows: int, measure: Measure) -> Iterator[Token]:
    """The tokens of ``text`` (no newlines), whose first character is at offset ``base``."""
    for m in _TOKEN.finditer(text):
        start = base + m.start()
        if m.lastgroup == "run":
            yield from _run_tokens(start, m.group(), rows, measure)
        elif m.lastgroup == "pair":
            pair = m.group()
            draw = "……" if pair == "..." else pair
            yield Token(start, base + m.end(), TURNED, 2, draw)
        else:
            yield _char_token(start, m.group())
