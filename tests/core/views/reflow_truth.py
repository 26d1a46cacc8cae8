"""Ground truth for the reflow step: wrap known paragraphs, then count what a reflow
left (wrap breaks still there) and lost (paragraph starts joined away).

Used by the reflow tests and by ``make bench ARGS=reader``.  A document is a list of
*units*: prose paragraphs, which get hard-wrapped, and lines that must stay apart as
they are (headings, separators, verse, short dialogue lines).  :func:`wrap_document`
wraps them the way ``.txt`` books are wrapped (a fixed width in characters, closing
punctuation never starting a line, optionally an ideographic indent at paragraph
starts, blank lines between paragraphs, CRLF) and records every line break it made
with its kind:

* ``"mid"``: a wrap break inside a sentence (the line ends without 。！？…」 etc.);
* ``"stop"``: a wrap break that falls just after a sentence end inside a paragraph;
* ``"para"``: a break between two units (a paragraph start, a heading, a verse line).

:func:`score` reads the result of a reflow (its text and offset map, so a whole view
pipeline can be scored too) and counts, per kind, the breaks that are still there.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from desktop.core.chapters import is_heading_line
from desktop.core.offsetmap import OffsetMap
from desktop.core.views.reflow import SENTENCE_END

__all__ = [
    "ReflowScore",
    "Unit",
    "Wrapped",
    "classical_paragraphs",
    "hardwrapped_score",
    "make_units",
    "score",
    "seed_paragraphs",
    "wrap_document",
]

#: Characters a line must not start with (kinsoku): they hang on the line before.
NO_START = frozenset("，。、；：？！」』）》〉】…．,.;:?!)”’")
INDENT = "\u3000\u3000"


@dataclass(frozen=True)
class Unit:
    """A paragraph to wrap (``wrap=True``) or a line that stays as it is."""

    text: str
    wrap: bool = True


@dataclass
class Wrapped:
    """A wrapped document and the kind of each of its line breaks (offset of ``\\n``)."""

    text: str
    breaks: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class ReflowScore:
    """Counts of wrap breaks and paragraph starts, and how many a reflow kept."""

    mid: int = 0
    mid_left: int = 0
    stop: int = 0
    stop_left: int = 0
    starts: int = 0
    starts_lost: int = 0

    def __iadd__(self, other: ReflowScore) -> ReflowScore:
        for name in ("mid", "mid_left", "stop", "stop_left", "starts", "starts_lost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        return self

    @property
    def mid_left_share(self) -> float:
        """Share of the mid-sentence wrap breaks still in the reflowed text."""
        return self.mid_left / self.mid if self.mid else 0.0

    @property
    def stop_left_share(self) -> float:
        return self.stop_left / self.stop if self.stop else 0.0


def _wrap_paragraph(text: str, width: int, rng: random.Random) -> list[str]:
    """Cut ``text`` into lines of ``width`` characters; punctuation that would start a
    line is pulled up onto the line before, or the character before it pushed down
    (both are seen in real files)."""
    lines: list[str] = []
    i = 0
    pull = rng.random() < 0.5
    while len(text) - i > width:
        j = i + width
        if pull:
            while j < len(text) and text[j] in NO_START and j - i < width + 2:
                j += 1
        else:
            while j > i + 1 and text[j] in NO_START and i + width - j < 2:
                j -= 1
        lines.append(text[i:j])
        i = j
    lines.append(text[i:])
    return [line for line in lines if line]


def wrap_document(
    units: Iterable[Unit],
    width: int,
    *,
    indent: bool = False,
    blank: bool = False,
    crlf: bool = False,
    seed: int = 0,
) -> Wrapped:
    """Hard-wrap the prose units at ``width``; record every line break's kind."""
    rng = random.Random(seed)
    newline = "\r\n" if crlf else "\n"
    parts: list[str] = []
    breaks: list[tuple[int, str]] = []
    pos = 0
    first = True
    for unit in units:
        if not first:
            breaks.append((pos - 1, "para"))
            if blank:
                parts.append(newline)
                pos += len(newline)
        first = False
        lines = [unit.text]
        if unit.wrap:
            lines = _wrap_paragraph((INDENT if indent else "") + unit.text, width, rng)
        for n, line in enumerate(lines):
            parts.append(line + newline)
            pos += len(line) + len(newline)
            if n < len(lines) - 1:
                kind = "stop" if line.rstrip()[-1:] in SENTENCE_END else "mid"
                breaks.append((pos - 1, kind))
    text = "".join(parts)
    return Wrapped(text, breaks)


def _kept(out: str, mapping: OffsetMap, newline_at: int) -> bool:
    d = mapping.to_dst(newline_at)
    return d < len(out) and out[d] == "\n" and mapping.to_dst(newline_at + 1) == d + 1


def score(wrapped: Wrapped, out: str, mapping: OffsetMap) -> ReflowScore:
    """What a reflow of ``wrapped.text`` (giving ``out`` through ``mapping``) left."""
    result = ReflowScore()
    for at, kind in wrapped.breaks:
        kept = _kept(out, mapping, at)
        if kind == "mid":
            result.mid += 1
            result.mid_left += kept
        elif kind == "stop":
            result.stop += 1
            result.stop_left += kept
        else:
            result.starts += 1
            result.starts_lost += not kept
    return result


# --- paragraphs to wrap ------------------------------------------------------------

_ENDS_PARAGRAPH = re.compile(r"[。！？…」”』]$")
_BIG_INDENT = re.compile(r"\s*\u3000\u3000\s*")


def classical_paragraphs(path: Path) -> list[Unit]:
    """The paragraphs of a text with one paragraph per line (左传): prose paragraphs,
    and the short heading lines (隐公, 隐公元年) as units that stay apart.  Lines that
    hold several paragraphs glued with an ideographic indent are split there."""
    units: list[Unit] = []
    for line in path.read_text("utf-8").replace("\r\n", "\n").split("\n"):
        for piece in _BIG_INDENT.split(line.strip()):
            if not piece:
                continue
            if _ENDS_PARAGRAPH.search(piece):
                units.append(Unit(piece))
            elif len(piece) <= 12:
                units.append(Unit(piece, wrap=False))
    return units


def seed_paragraphs(paths: Iterable[Path]) -> list[Unit]:
    """The article paragraphs of the seeds: lines of ten or more characters that end a
    sentence (boilerplate lines left out)."""
    units: list[Unit] = []
    for path in paths:
        for line in path.read_text("utf-8").split("\n"):
            line = line.strip()
            if len(line) >= 10 and _ENDS_PARAGRAPH.search(line):
                units.append(Unit(line))
    return units


_NUMERALS = "一二三四五六七八九十"
_HAN = re.compile(r"[\u4e00-\u9fff]")


def make_units(paragraphs: list[Unit], count: int, width: int, seed: int = 0) -> list[Unit]:
    """A novel-like document: ``count`` paragraphs drawn in order from ``paragraphs``,
    with chapter headings, separator lines of the full width, indented verse and
    short dialogue lines among them."""
    rng = random.Random(seed)
    start = rng.randrange(max(1, len(paragraphs) - count))
    han = [c for unit in paragraphs[start : start + 40] for c in _HAN.findall(unit.text)]
    out: list[Unit] = [Unit(f"第{_NUMERALS[seed % 10]}回\u3000{''.join(han[:7])}")]
    for n, unit in enumerate(paragraphs[start : start + count]):
        out.append(unit)
        roll = rng.random()
        if roll < 0.04:
            out.append(Unit("-" * width, wrap=False))
        elif roll < 0.08 and len(han) > 40:
            k = rng.randrange(len(han) - 28)
            for line in range(2):
                verse = "".join(han[k + 14 * line : k + 14 * line + 7])
                verse += "，" + "".join(han[k + 14 * line + 7 : k + 14 * line + 14]) + "。"
                out.append(Unit("\u3000\u3000\u3000\u3000" + verse, wrap=False))
        elif roll < 0.12:
            out.append(Unit("「" + "".join(han[n % 20 : n % 20 + 4]) + "！」", wrap=False))
        elif roll < 0.14:
            out.append(
                Unit(f"第{_NUMERALS[(seed + n) % 10]}章\u3000{''.join(han[:5])}", wrap=False)
            )
    return out


# --- a real hard-wrapped file, without a ground truth --------------------------------


def _chapter_widths(lines: list[str]) -> list[int]:
    """For each line, the most common line length of its chapter (between headings)."""
    out: list[int] = []
    start = 0
    for end in [*(i for i, line in enumerate(lines) if is_heading_line(line)), len(lines)]:
        lengths = Counter(len(line.rstrip()) for line in lines[start:end] if line.strip())
        width = lengths.most_common(1)[0][0] if lengths else 0
        out += [width] * (end - start)
        start = end
    return out


def hardwrapped_score(text: str, out: str, mapping: OffsetMap) -> ReflowScore:
    """Estimates for a real hard-wrapped file (no paragraphs known).

    A break after a line within two characters of its chapter's usual line length
    that ends inside a sentence, before an unindented body line, counts as
    mid-sentence (some are paragraph ends whose next line is missing from the source,
    so "left" is an upper bound); a break after a shorter line that ends a sentence,
    or before an indented line or a heading, counts as a paragraph start."""
    result = ReflowScore()
    lines = text.split("\n")
    widths = _chapter_widths(lines)
    pos = 0
    for line, nxt, width in zip(lines, lines[1:], widths):
        pos += len(line)
        body, following = line.rstrip(), nxt.rstrip()
        if body and following:
            kept = _kept(out, mapping, pos)
            indented = nxt[:1] in ("\u3000", " ", "\t")
            if indented or is_heading_line(nxt) or is_heading_line(line):
                result.starts += 1
                result.starts_lost += not kept
            elif body[-1] not in SENTENCE_END and len(body) >= width - 2:
                result.mid += 1
                result.mid_left += kept
            elif body[-1] in SENTENCE_END and len(body) < width - 2:
                result.starts += 1
                result.starts_lost += not kept
        pos += 1
    return result
