"""Finding dictionary words in text: longest match, segmentation, word stepping.

Text may be in any script the reader shows (简体, 繁體, 臺灣正體, 香港繁體) or raw.  At
each place the candidate word is looked up as written, among Traditional and
Simplified headwords, and in its folded form (:func:`desktop.core.fold.fold`:
OpenCC ``t2s``, half-width, case, line breaks between Han characters dropped), so
``裡面`` (Taiwan), ``綫`` (Hong Kong) and ``社會\\n工作`` (a hard-wrapped line) are
found too.  Offsets are code points of the text given, as everywhere in the core.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.dictionary.cedict import CedictData, Entry, Table
from desktop.core.dictionary.syllables import split_numbered
from desktop.core.fold import fold
from desktop.core.offsetmap import OffsetMap
from desktop.core.script import HAN

__all__ = ["Dictionary", "Word"]

_HAN = re.compile(f"[{HAN}]")
_GAP = re.compile(r"\s+")
#: Before an offset, how much of its line :meth:`Dictionary.previous_word` segments
#: (greedy matching finds the same words again within a few characters).
_BACK = 64
#: How much of a line :meth:`Dictionary.next_word` folds at a time.
_AHEAD = 128


@dataclass(frozen=True)
class Word:
    """A dictionary word found in a text."""

    start: int  #: where it starts in the text given
    end: int  #: where it ends there
    text: str  #: the text's own characters, ``text[start:end]``
    #: Its entries, best first: those whose headword is written as in the text, then
    #: those found through the folded form; common words before names.
    entries: tuple[Entry, ...]
    #: The shorter dictionary words inside it, by position then longest first (each
    #: with its entries and no parts of its own): 银 and 行 in 银行.
    parts: tuple[Word, ...] = field(default=())

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "entries": [e.to_json() for e in self.entries],
            "parts": [p.to_json() for p in self.parts],
        }


def _plain(token: str) -> str:
    """A numbered syllable in lower case with ``ü`` spelt out, or ``""``."""
    split = split_numbered(token)
    return f"{split[0].lower()}{split[1]}" if split else ""


def _numbers(table: Table, key: bytes) -> tuple[int, ...]:
    found = table.get(key)
    if found is None:
        return ()
    return found if isinstance(found, tuple) else (found,)


class _Probe:
    """A stretch of text with its folded form, for matching at many places."""

    def __init__(self, data: CedictData, text: str, start: int, end: int) -> None:
        self.data = data
        self.text = text
        self.start = start
        self.window = text[start:end]
        self.folded, self.map = fold(self.window) if self.window else ("", OffsetMap.identity(0))

    def numbers(self, written: str, folded: str) -> list[int]:
        """Entry numbers for a candidate as written, Simplified headwords first when it
        looks Simplified (folding left it as it is), else Traditional first; through
        its folded form only when it is no headword as written (臺灣 and 香港 forms)."""
        data = self.data
        key = written.encode("utf-8")
        first, second = (
            (data.simplified, data.traditional)
            if written == folded
            else (data.traditional, data.simplified)
        )
        found = list(_numbers(first, key))
        found += (n for n in _numbers(second, key) if n not in found)
        if not found and written != folded:
            key = folded.encode("utf-8")
            found = list(_numbers(data.simplified, key))
            found += (n for n in _numbers(data.traditional, key) if n not in found)
        return found

    def candidate(self, f: int, k: int) -> tuple[int, int, list[int]] | None:
        """The folded chars ``f`` to ``f + k`` as a word: its span in the window and its
        entry numbers, or ``None``."""
        a, b = self.map.src_span(f, f + k)
        written = _GAP.sub("", self.window[a:b])
        found = self.numbers(written, self.folded[f : f + k])
        if found and self._starts_word(a, written):
            return a, b, found
        return None

    def match_at(self, f: int) -> tuple[int, int, list[int]] | None:
        """The longest word starting at folded offset ``f``."""
        if not self._may_start(f):
            return None
        for k in range(min(self.data.max_length, len(self.folded) - f), 0, -1):
            hit = self.candidate(f, k)
            if hit is not None:
                return hit
        return None

    def _may_start(self, f: int) -> bool:
        """Whether a word can start at folded offset ``f``: at a Han character, or at
        the first letter or digit of a Latin word (a quick test before the look-ups)."""
        a = self.map.src_span(f, f + 1)[0]
        if a >= len(self.window):
            return False
        char = self.window[a]
        if _HAN.match(char):
            return True
        before = self.text[self.start + a - 1] if self.start + a > 0 else " "
        return char.isalnum() and not (before.isalnum() and not _HAN.match(before))

    def _starts_word(self, a: int, written: str) -> bool:
        """A word starts at a Han character, or holds one and starts a Latin word (T恤,
        but not the 88 of 1988年)."""
        if _HAN.match(written):
            return True
        before = self.text[self.start + a - 1] if self.start + a > 0 else " "
        latin_before = before.isalnum() and not _HAN.match(before)
        return bool(_HAN.search(written)) and not latin_before

    def word(self, a: int, b: int, numbers: list[int], parts: bool) -> Word:
        data = self.data
        entries = [data.entry(n) for n in numbers]
        entries.sort(key=lambda e: e.is_name)  # stable: names after common words
        inner = self._parts(a, b) if parts else ()
        start = self.start
        return Word(start + a, start + b, self.window[a:b], tuple(entries), inner)

    def _parts(self, a: int, b: int) -> tuple[Word, ...]:
        f0, f1 = self.map.to_dst(a), self.map.to_dst(b, bias="end")
        found: list[Word] = []
        seen = {(a, b)}
        for f in range(f0, f1):
            for k in range(min(f1 - f, self.data.max_length), 0, -1):
                hit = self.candidate(f, k)
                if hit is not None and hit[:2] not in seen:
                    seen.add(hit[:2])
                    found.append(self.word(*hit, parts=False))
        return tuple(found)


class Dictionary:
    """CC-CEDICT, ready for look-ups.  Made by :func:`load_dictionary`; its data never
    changes (the readings cache only grows, an atomic dict item set), so any thread
    may use it."""

    def __init__(self, data: CedictData) -> None:
        self._data = data
        self._readings: dict[str, tuple[str, ...] | None] = {}

    @property
    def entry_count(self) -> int:
        return len(self._data.lines)

    @property
    def version(self) -> str:
        """CC-CEDICT's publication date, from its header (``2023-11-07T06:42:16Z``)."""
        return self._data.version

    def reading_of(self, simplified: str) -> tuple[str, ...] | None:
        """The one reading CC-CEDICT gives a Simplified headword, as numbered syllables
        one per character (``("yin2", "hang2")``, ``ü`` spelt out, lower case); ``None``
        when it has none or several (行, 便宜)."""
        if simplified in self._readings:
            return self._readings[simplified]
        found: set[tuple[str, ...]] = set()
        for number in _numbers(self._data.simplified, simplified.encode("utf-8")):
            syllables = tuple(_plain(t) for t in self._data.reading(number).split())
            found.add(syllables)
        reading = found.pop() if len(found) == 1 else None
        if reading is not None and (len(reading) != len(simplified) or "" in reading):
            reading = None
        self._readings[simplified] = reading  # a dict item set is atomic: thread-safe
        return reading

    def word_readings(self, simplified: str) -> list[tuple[int, int, tuple[str, ...]]]:
        """The words of Simplified text that CC-CEDICT reads one way, by greedy longest
        match among headwords of two or more characters with one reading:
        ``(start, end, syllables)``.  No folding: the ruby folds first."""
        table, longest = self._data.simplified, self._data.max_length
        found: list[tuple[int, int, tuple[str, ...]]] = []
        i, n = 0, len(simplified)
        while i < n - 1:
            for k in range(min(longest, n - i), 1, -1):
                word = simplified[i : i + k]
                if word.encode("utf-8") in table:
                    reading = self.reading_of(word)
                    if reading is not None:
                        found.append((i, i + k, reading))
                        i += k
                        break
            else:
                i += 1
        return found

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """The entries whose headword is ``word`` (either script, or folded)."""
        probe = _Probe(self._data, word, 0, len(word))
        written = _GAP.sub("", word)
        numbers = probe.numbers(written, probe.folded)
        return probe.word(0, len(word), numbers, parts=False).entries

    def longest_match(self, text: str, offset: int, end: int | None = None) -> Word | None:
        """The longest dictionary word starting at ``offset`` (and ending by ``end``),
        with its entries and the shorter words inside it; ``None`` when no word starts
        there (punctuation, a space, a character CC-CEDICT lacks)."""
        end = len(text) if end is None else min(end, len(text))
        if not 0 <= offset < end:
            return None
        probe = _Probe(self._data, text, offset, min(end, offset + 2 * self._data.max_length))
        hit = probe.match_at(0)
        if hit is None or hit[0] != 0:
            return None
        return probe.word(*hit, parts=True)

    def segment(self, text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
        """The dictionary words of ``text[start:end]`` by greedy longest match, left to
        right, as ``(start, end)`` spans; characters no word starts at are skipped."""
        end = len(text) if end is None else min(end, len(text))
        probe = _Probe(self._data, text, start, end)
        spans: list[tuple[int, int]] = []
        f = 0
        while f < len(probe.folded):
            hit = probe.match_at(f)
            if hit is None:
                f += 1
                continue
            a, b, _ = hit
            spans.append((start + a, start + b))
            f = max(f + 1, probe.map.to_dst(b, bias="end"))
        return spans

    def next_word(self, text: str, offset: int) -> Word | None:
        """The first word starting at or after ``offset`` on the same line (the arrow
        key: pass the end of the word shown); ``None`` at the end of the line."""
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        at = max(0, offset)
        while at < line_end:  # a window at a time: one folding for many places
            stop = min(line_end, at + _AHEAD)
            probe = _Probe(self._data, text, at, stop)
            for f in range(len(probe.folded)):
                hit = probe.match_at(f)
                if hit is not None:
                    return self.longest_match(text, at + hit[0], line_end)
            at = stop
        return None

    def previous_word(self, text: str, offset: int) -> Word | None:
        """The last word ending at or before ``offset`` on the same line, as greedy
        segmentation of the line before it finds it (pass the start of the word shown);
        ``None`` at the start of the line."""
        line_start = text.rfind("\n", 0, offset) + 1
        spans = self.segment(text, max(line_start, offset - _BACK), offset)
        if not spans:
            return None
        return self.longest_match(text, spans[-1][0], offset)
