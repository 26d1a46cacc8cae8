"""Readings of the Han characters of a text, by phrase: what the ruby shows.

Each run of Han characters is read as a whole (never character by character):

1. Folded to Simplified (OpenCC ``t2s``; ``tw2s`` for Taiwan text, which reads the
   particle 著 as 着; ``hk2s`` for Hong Kong), so ``銀行`` and ``長度`` get the
   phrase readings of ``银行`` and ``长度``.  Folding keeps one character per
   character; a run it would change in length is read as written.
2. pypinyin, with its phrase data, segments the run and reads it.
3. Where pypinyin found no phrase, a CC-CEDICT word with a single reading decides
   (``make bench ARGS=aids``: on the CPP polyphone test set this lifts accuracy by
   about two points).
4. The reader's corrections (:mod:`desktop.core.readings.corrections`) win over all.

A range is read with up to :data:`CONTEXT` Han characters on each side, so a phrase
cut by the edge of the visible page still reads as a phrase.  The result is one
``(start, end, reading)`` span per Han character with a reading, in code points of
the text given (the shape of :attr:`desktop.core.views.TextView.ruby`).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from desktop.core.dictionary.syllables import (
    is_syllable,
    split_numbered,
    syllable_to_marks,
    syllable_to_zhuyin,
    to_numbered,
)
from desktop.core.script import HAN
from desktop.core.views.convert import convert_with_map, script_config
from desktop.core.views.region import REGIONS

if TYPE_CHECKING:
    from desktop.core.dictionary import Dictionary
    from desktop.core.readings.corrections import Correction

__all__ = [
    "CONTEXT",
    "STYLES",
    "Reader",
    "Span",
    "bracketed",
    "hint_spans",
    "load_pypinyin",
    "view_region",
]

#: What the ruby can show: pinyin with tone marks, or zhuyin (bopomofo).
STYLES = ("pinyin", "zhuyin")
#: Han characters read beyond each edge of a range, for the phrases cut by it.
CONTEXT = 16
Span = tuple[int, int, str]
#: How many runs of Han characters a reader remembers the readings of.
RUNS_CACHED = 20_000

_RUN = re.compile(f"[{HAN}]+")
_NONE = "-"  # pypinyin drops empty readings, so characters it cannot read get this
_lock = threading.Lock()
_pinyin: Any = None
_TONE3: Any = None


def load_pypinyin() -> Any:
    """pypinyin's reader with its phrase data (~0.2 s and ~50 MB on the first call;
    thread-safe, shared afterwards)."""
    global _pinyin, _TONE3
    with _lock:
        if _pinyin is None:
            from pypinyin import Style
            from pypinyin.converter import UltimateConverter
            from pypinyin.core import Pinyin

            _TONE3 = Style.TONE3
            _pinyin = Pinyin(UltimateConverter(v_to_u=True, neutral_tone_with_five=True))
        return _pinyin


def view_region(script: str, document_region: str | None) -> str:
    """The regional standard a view's text is written in, for :meth:`Reader.spans`:
    the 臺灣 and 香港 views are written in theirs, 简体 and 繁體 in the general one,
    the original in the document's."""
    if script in ("taiwan", "hongkong"):
        return script
    if script == "original" and document_region in REGIONS:
        return document_region
    return "general"


def _no_reading(chars: str) -> list[str]:
    return [_NONE] * len(chars)


@lru_cache(maxsize=4096)
def _plain(token: str) -> str:
    """pypinyin's ``TONE3`` reading as a numbered syllable, ``""`` for no reading."""
    split = split_numbered(token)
    return f"{split[0].lower()}{split[1]}" if split and is_syllable(token) else ""


class Reader:
    """Reads text by phrase.  Made with the dictionary (for step 3; ``None`` skips it)
    and the corrections; immutable, so any thread may use it."""

    def __init__(
        self,
        dictionary: Dictionary | None = None,
        corrections: Sequence[Correction] = (),
    ) -> None:
        self.dictionary = dictionary
        self.corrections = tuple(corrections)
        self._fixes = {c.word: c.readings for c in self.corrections}
        self._pattern = _pattern(tuple(self._fixes))
        self._pinyin = load_pypinyin()
        #: Runs read before (scrolling back and forth reads the same lines again).
        self._read = lru_cache(maxsize=RUNS_CACHED)(self._read_run)

    def with_corrections(self, corrections: Sequence[Correction]) -> Reader:
        """The same reader with other corrections (after the reader made one)."""
        return Reader(self.dictionary, corrections)

    def spans(
        self,
        text: str,
        start: int = 0,
        end: int | None = None,
        *,
        style: str = "pinyin",
        region: str = "general",
    ) -> list[Span]:
        """One ``(offset, offset + 1, reading)`` per Han character of ``text[start:end]``
        that has a reading, in ``style`` (one of :data:`STYLES`); ``region`` is the
        regional standard the text is written in (:func:`view_region`)."""
        if style not in STYLES:
            raise ValueError(f"unknown reading style {style!r} (expected one of {STYLES})")
        show = syllable_to_marks if style == "pinyin" else syllable_to_zhuyin
        return [(i, i + 1, show(r)) for i, r in self.numbered(text, start, end, region=region)]

    def numbered(
        self, text: str, start: int = 0, end: int | None = None, *, region: str = "general"
    ) -> list[tuple[int, str]]:
        """``(offset, "hang2")`` for each Han character of ``text[start:end]`` with a
        reading: numbered syllables, ``ü`` spelt out, ``5`` for the neutral tone."""
        end = len(text) if end is None else min(end, len(text))
        start = max(0, start)
        if start >= end:
            return []
        lo, hi = _widen(text, start, end)
        piece = text[lo:hi]
        config = script_config("simplified", region=region) or "t2s"
        folded, fmap = convert_with_map(piece, config)
        found: list[tuple[int, str]] = []
        for run in _RUN.finditer(piece):
            a, b = run.span()
            fa, fb = fmap.dst_range(a, b)
            as_read = folded[fa:fb] if fb - fa == b - a else run.group()
            for k, reading in enumerate(self._read(as_read)):
                at = lo + a + k
                if reading and start <= at < end:
                    found.append((at, reading))
        return found

    def _read_run(self, run: str) -> tuple[str, ...]:
        """One numbered reading (or ``""``) per character of a run of Han characters."""
        pinyin = self._pinyin
        words = pinyin.seg(run)
        readings = [_plain(r) for r in pinyin.lazy_pinyin(words, _TONE3, errors=_no_reading)]
        if len(readings) != len(run):  # never seen; read character by character then
            chars = list(run)
            readings = [_plain(r) for r in pinyin.lazy_pinyin(chars, _TONE3, errors=_no_reading)]
        if self.dictionary is not None:
            self._apply_dictionary(run, words, readings)
        if self._pattern is not None:
            for m in self._pattern.finditer(run):
                readings[m.start() : m.end()] = self._fixes[m.group()]
        return tuple(readings)

    def _apply_dictionary(self, run: str, words: list[str], readings: list[str]) -> None:
        """Step 3: CC-CEDICT's single reading for a word not wholly inside pypinyin
        phrases."""
        from pypinyin.constants import PHRASES_DICT

        assert self.dictionary is not None
        in_phrase = [False] * len(run)
        at = 0
        for word in words:
            if len(word) > 1 and word in PHRASES_DICT:
                in_phrase[at : at + len(word)] = [True] * len(word)
            at += len(word)
        for a, b, syllables in self.dictionary.word_readings(run):
            if not all(in_phrase[a:b]):
                readings[a:b] = syllables


def _widen(text: str, start: int, end: int) -> tuple[int, int]:
    """``start`` and ``end`` moved over up to :data:`CONTEXT` Han characters outwards."""
    lo = start
    while lo > 0 and start - lo < CONTEXT and _RUN.match(text, lo - 1):
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < CONTEXT and _RUN.match(text, hi):
        hi += 1
    return lo, hi


@lru_cache(maxsize=8)
def _pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    """One pattern finding every corrected word, the longest first where they overlap."""
    if not words:
        return None
    ordered = sorted(words, key=len, reverse=True)
    return re.compile("|".join(re.escape(w) for w in ordered))


def hint_spans(hints: Sequence[Span], spans: Sequence[Span], style: str = "pinyin") -> list[Span]:
    """``spans`` with the document's own pronunciation hints in their place: a hint
    (:attr:`desktop.core.views.TextView.ruby`, ``習(xí)`` in the text) of one syllable
    over one character replaces the reading computed for it."""
    show = syllable_to_marks if style == "pinyin" else syllable_to_zhuyin
    merged = {start: (start, end, reading) for start, end, reading in spans}
    for start, end, hint in hints:
        if end - start != 1:
            continue
        try:
            merged[start] = (start, end, show(to_numbered(hint)))
        except ValueError:  # several syllables, or not pinyin: keep what was computed
            continue
    return [merged[k] for k in sorted(merged)]


def bracketed(text: str, spans: Sequence[Span]) -> str:
    """``text`` with each span's reading in brackets after it: ``银(yín)行(háng)``."""
    parts: list[str] = []
    at = 0
    for _, end, reading in sorted(spans):
        parts += [text[at:end], f"({reading})"]
        at = end
    parts.append(text[at:])
    return "".join(parts)
