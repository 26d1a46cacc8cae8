"""Chapter headings found in plain text, in canonical offsets.

Recognised on a line of their own (both scripts): ``第X回/章/節/节/卷/部/篇/集`` with
Chinese or Arabic numerals (``第一百二十回``, ``第12章``, ``第一○回`` with ``○`` for
zero as Gutenberg texts write it) and an optional title;
``序``, ``序言``, ``楔子``, ``引子``, ``尾聲/尾声``, ``後記/后记``, ``番外``;
numbered headings without 第 (``一、...``, ``1. ...``) only when the line is short
and does not end like a sentence; and reign-year headings of annals such as 左传
(``隐公``, ``隐公元年``).  A custom regular expression may replace all of these.

A heading is a short line standing alone, not a sentence: a line that starts with
第N回 and goes on as prose (``第二回書中所記何事？此回則暫不能寫矣．``), or that
continues an unfinished line above it (a hard-wrapped sentence that happens to wrap
before ``第三回``), is body text.  A bare ``第三回`` whose title stands on the next
short line takes that title: ``第三回　託內兄如海薦西賓``.

A reader may set the rule per document instead (Document ▸ Chapters…): a preset
(第…章, 第…回, 第…节, 卷…, Chapter N), lines starting with a given text, or a regular
expression of their own.  :class:`ChapterRule` turns each into the pattern stored as
``user.chapter_pattern`` and back.  Such patterns are matched with the ``regex``
module under a time limit (:data:`RULE_TIMEOUT`), with the interpreter lock released:
``re`` cannot be interrupted, and a pattern like ``(a|aa)+$`` or ``(.*)(.*)(.*)(.*)x``
backtracks for minutes on one long line.  A time limit catches every such pattern,
where refusing nested quantifiers would still let the second one through.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from desktop.core.script import HAN

__all__ = [
    "AUTOMATIC",
    "CUSTOM",
    "HEADING_START",
    "MAX_CHAPTERS",
    "PRESETS",
    "RULE_TIMEOUT",
    "STARTS_WITH",
    "BadPattern",
    "ChapterRule",
    "RuleTooSlow",
    "TooManyHeadings",
    "detect_chapters",
    "heading_context",
    "is_heading_line",
]

#: Numerals of chapter numbers; ``○`` (U+25CB) and ``◯`` stand for zero in many texts.
_NUM = r"[〇○◯零一二三四五六七八九十百千万萬两兩\d０-９]+"
_BUILTIN = re.compile(
    rf"^[ \t　]*(?:"
    rf"第{_NUM}[回章節节卷部篇集話话則则](?:[ \t　:：、.]*[^\n]{{0,30}})?"
    r"|(?:序|序言|序章|前言|楔子|引子|尾聲|尾声|後記|后记|終章|终章)(?:[ \t　:：][^\n]{0,20})?"
    r"|番外[^\n]{0,24}"
    r"|[一二三四五六七八九十百]{1,4}、[^\n]{1,24}"
    r"|\d{1,3}[.、．][ \t]*[^\d\s][^\n]{0,24}"
    rf"|[{HAN}]{{1,2}}[公王帝](?:[元一二三四五六七八九十]{{1,3}}年)?"
    r")[ \t　]*$",
    re.MULTILINE,
)
#: How every line that :func:`is_heading_line` accepts begins after its indent: a
#: necessary condition of ``_BUILTIN`` (keep the two in step), cheap to test, and
#: usable on a whole text at once (the reflow step finds the lines that may be
#: headings with it).  The reign-year form (``隐公``) is the only one that may start
#: with any Han character.
HEADING_START = r"(?:[第序前楔引尾後后終终番\d]|[一二三四五六七八九十百]{1,4}、|[^\n]{1,2}[公王帝])"
_HEADING_START = re.compile(rf"[ \t　]*+{HEADING_START}")
_SENTENCE_END = re.compile(r"[。．｡！？!?;；,，、:：…]$")
#: Punctuation that only a sentence holds: a title never does.
_SENTENCE_INSIDE = re.compile(r"[。．｡；;]")
#: 第N回 (and the like) at the start of a stripped line; group 1 is what follows it.
_DI = re.compile(rf"第{_NUM}[回章節节卷部篇集話话則则]([^\n]*)")
#: Where a 第N回 heading runs straight on into a clause: ``第三回了，他…``.
_RUN_ON = re.compile(r"^[^ \t\xa0　:：、.．]")
#: A line ending like this above a heading is finished; otherwise it may be a wrapped
#: sentence that goes on into the "heading" line.
_FINISHED = re.compile(r"[。．｡！？!?;；…」』”’》）)\]】:：]$")
_WRAPPED_MIN = 16  #: a shorter unfinished line above does not look hard-wrapped
_TITLE_MAX = 30  #: longest title line taken from the line after a bare heading
_NOT_TITLE = re.compile(r"[，,。．｡！？!?；;：:、]")


#: Seconds a reader's own pattern may spend on a whole text (50 MB of text with a
#: sensible pattern takes about 0.2 s).
RULE_TIMEOUT = 3.0
#: More headings than this are not a table of contents but a rule that matches
#: nearly every line (``^``); the longest web novels have a few thousand chapters.
MAX_CHAPTERS = 20_000

AUTOMATIC = "automatic"
STARTS_WITH = "starts-with"
CUSTOM = "custom"
_HEADING_LINE = r"[^\n。！？]{0,40}$"  #: the rest of a short line that is not a sentence
#: The preset rules by name; each is a pattern a reader may also copy and edit.
PRESETS: dict[str, str] = {
    "zhang": rf"^[ \t　]*第{_NUM}章{_HEADING_LINE}",
    "hui": rf"^[ \t　]*第{_NUM}回{_HEADING_LINE}",
    "jie": rf"^[ \t　]*第{_NUM}[节節]{_HEADING_LINE}",
    "juan": rf"^[ \t　]*(?:第{_NUM}卷|卷[之第]?{_NUM}){_HEADING_LINE}",
    "chapter": r"(?i)^[ \t]*chapter[ \t]+(?:\d+|[ivxlcdm]+)\b[^\n]{0,60}$",
}
_STARTS_WITH_PREFIX = r"^[ \t　]*"


class BadPattern(ValueError):
    """A pattern that does not compile; ``problem`` says why, as the engine put it."""

    def __init__(self, pattern: str, problem: str) -> None:
        super().__init__(f"bad chapter pattern {pattern!r}: {problem}")
        self.problem = problem


class RuleTooSlow(ValueError):
    """A reader's pattern that did not finish within :data:`RULE_TIMEOUT`."""


class TooManyHeadings(ValueError):
    """A rule that finds more than :data:`MAX_CHAPTERS` headings."""


@dataclass(frozen=True)
class ChapterRule:
    """How a reader asked for chapters to be found: a kind and, for some, a text.

    ``kind`` is :data:`AUTOMATIC`, a key of :data:`PRESETS`, :data:`STARTS_WITH`
    (``text`` is what a heading line starts with) or :data:`CUSTOM` (``text`` is a
    regular expression).  Only the pattern is stored, so :meth:`from_pattern`
    recognises presets and starts-with patterns to show the rule as it was chosen.
    """

    kind: str = AUTOMATIC
    text: str = ""

    def pattern(self) -> str | None:
        """The pattern to store and match (None: the built-in finder).

        Raises ValueError for a rule that says nothing (an empty text)."""
        if self.kind == AUTOMATIC:
            return None
        if self.kind in PRESETS:
            return PRESETS[self.kind]
        if self.kind not in (STARTS_WITH, CUSTOM):
            raise ValueError(f"unknown chapter rule {self.kind!r}")
        if not self.text.strip():
            raise ValueError("the chapter rule is empty")
        if self.kind == STARTS_WITH:
            return _STARTS_WITH_PREFIX + re.escape(self.text.strip())
        return self.text

    @classmethod
    def from_pattern(cls, pattern: str | None) -> ChapterRule:
        """The rule a stored ``chapter_pattern`` came from."""
        if not pattern:
            return cls()
        for kind, preset in PRESETS.items():
            if pattern == preset:
                return cls(kind)
        if pattern.startswith(_STARTS_WITH_PREFIX):
            escaped = pattern[len(_STARTS_WITH_PREFIX) :]
            text = re.sub(r"\\(.)", r"\1", escaped, flags=re.DOTALL)
            if text.strip() and re.escape(text) == escaped:
                return cls(STARTS_WITH, text)
        return cls(CUSTOM, pattern)


def _compile(pattern: str) -> Any:
    """``pattern`` compiled by the ``regex`` module (``re`` syntax, multiline)."""
    import regex

    try:
        return regex.compile(pattern, regex.MULTILINE)
    except (regex.error, ValueError, OverflowError) as exc:
        raise BadPattern(pattern, str(exc)) from None


def _line_at(text: str, pos: int) -> tuple[int, str]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, text[start : len(text) if end < 0 else end]


def _line_before(text: str, start: int) -> str:
    """The line that ends just before the line starting at ``start`` ("" at the top)."""
    return "" if start == 0 else _line_at(text, start - 1)[1]


def _line_after(text: str, start: int) -> str:
    """The line after the line starting at ``start`` ("" at the end)."""
    end = text.find("\n", start)
    return "" if end < 0 else _line_at(text, end + 1)[1]


def is_heading_line(line: str) -> bool:
    """Whether ``line`` on its own is shaped like a built-in heading (short, no sentence).

    The reflow step asks this to keep headings on their own lines; it does not look
    at the neighbouring lines (:func:`detect_chapters` does)."""
    if not _HEADING_START.match(line):
        return False  # (most lines: one cheap test)
    title = line.strip()
    if not title or len(title) > 40 or not _BUILTIN.match(line.rstrip()):
        return False
    return not _is_sentence(title)


def _is_sentence(title: str) -> bool:
    """A heading-shaped line that reads as prose: sentence punctuation, or 第N回 + clause."""
    if _SENTENCE_END.search(title) or _SENTENCE_INSIDE.search(title):
        return True
    di = _DI.match(title)
    return bool(di and ("，" in di.group(1) or "," in di.group(1)) and _RUN_ON.match(di.group(1)))


def _continues_line_above(above: str) -> bool:
    """Whether the line above is an unfinished hard-wrapped line that runs on."""
    above = above.rstrip()
    return len(above) >= _WRAPPED_MIN and not _FINISHED.search(above)


def _may_continue_a_sentence(title: str) -> bool:
    """Whether a wrapped sentence could have run on into this heading-shaped line.

    A 第N回 standing bare, or followed by a space or colon before its title, does
    not: chapters of hard-wrapped novels often end on a line with no full stop
    (``…且聽下回分解``, ``…畢竟孫堅怎地脫身``), and judging the heading after such a
    line by that line lost one chapter in eight of 三國志演義.  Only a heading that
    runs straight on (``第一回）``, ``第三回的末尾``) or another kind of heading can
    be the tail of the sentence above."""
    di = _DI.match(title)
    return di is None or bool(_RUN_ON.match(di.group(1)))


def _title_below(title: str, below: str) -> str | None:
    """The title standing on the line after a bare ``第N回`` heading, if there is one."""
    di = _DI.match(title)
    if di is None or di.group(1).strip():
        return None
    below = below.strip()
    if not below or len(below) > _TITLE_MAX or _NOT_TITLE.search(below):
        return None
    return None if _BUILTIN.match(below) else below


def _matches(text: str, pattern: str | None, timeout: float | None) -> Any:
    if pattern is None:
        return _BUILTIN.finditer(text)
    return _compile(pattern).finditer(text, concurrent=True, timeout=timeout)


def detect_chapters(
    text: str,
    pattern: str | None = None,
    *,
    timeout: float | None = None,
    limit: int | None = None,
) -> list[tuple[int, str]]:
    """``(offset of the heading line, heading text)`` in document order.

    ``pattern`` is a regular expression matched in multiline mode; each line it
    matches is a heading.  A pattern that does not compile raises ``ValueError``;
    one still searching after ``timeout`` seconds raises :class:`RuleTooSlow`;
    more than ``limit`` headings raise :class:`TooManyHeadings`.
    """
    try:
        return _collect(text, pattern, _matches(text, pattern, timeout), limit)
    except TimeoutError:
        raise RuleTooSlow(
            f"chapter pattern {pattern!r} did not finish within {timeout:g} s"
        ) from None


def _collect(
    text: str, pattern: str | None, matches: Any, limit: int | None
) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    last_start = -1
    for m in matches:
        start, line = _line_at(text, m.start())
        title = line.strip()
        if start == last_start or not title:
            continue
        if pattern is None:
            if len(title) > 40 or _is_sentence(title):
                continue
            if _may_continue_a_sentence(title) and _continues_line_above(_line_before(text, start)):
                continue
            below = _title_below(title, _line_after(text, start))
            if below is not None:
                title = f"{title}\u3000{below}"
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, title))
        last_start = start
        if limit is not None and len(out) > limit:
            raise TooManyHeadings(f"more than {limit} lines are headings by this rule")
    return out


def heading_context(text: str, offset: int, lines: int = 3) -> tuple[str, int, int]:
    """The heading line at ``offset`` with ``lines`` lines either side.

    Returns the passage and where the heading line starts and ends inside it, so a
    preview can show a heading in context and mark it."""
    start, line = _line_at(text, offset)
    begin = start
    for _ in range(lines):
        if begin == 0:
            break
        begin = text.rfind("\n", 0, begin - 1) + 1
    end = start + len(line)
    finish = end
    for _ in range(lines):
        if finish >= len(text):
            break
        nxt = text.find("\n", finish + 1)
        finish = len(text) if nxt < 0 else nxt
    return text[begin:finish], start - begin, end - begin
