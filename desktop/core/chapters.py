"""Chapter headings found in plain text, in canonical offsets.

Recognised on a line of their own (both scripts): ``第X回/章/節/节/卷/部/篇/集`` with
Chinese or Arabic numerals (``第一百二十回``, ``第12章``) and an optional title;
``序``, ``序言``, ``楔子``, ``引子``, ``尾聲/尾声``, ``後記/后记``, ``番外``;
numbered headings without 第 (``一、...``, ``1. ...``) only when the line is short
and does not end like a sentence; and reign-year headings of annals such as 左传
(``隐公``, ``隐公元年``).  A custom regular expression may replace all of these.
"""

from __future__ import annotations

import re

__all__ = ["detect_chapters"]

_NUM = r"[〇零一二三四五六七八九十百千万两\d０-９]+"
_BUILTIN = re.compile(
    rf"^[ \t　]*(?:"
    rf"第{_NUM}[回章節节卷部篇集話话](?:[ \t　:：、.]*[^\n]{{0,30}})?"
    r"|(?:序|序言|序章|前言|楔子|引子|尾聲|尾声|後記|后记|終章|终章)(?:[ \t　:：][^\n]{0,20})?"
    r"|番外[^\n]{0,24}"
    r"|[一二三四五六七八九十百]{1,4}、[^\n]{1,24}"
    r"|\d{1,3}[.、．][ \t]*[^\d\s][^\n]{0,24}"
    r"|[\u4e00-\u9fff]{1,2}[公王帝](?:[元一二三四五六七八九十]{1,3}年)?"
    r")[ \t　]*$",
    re.MULTILINE,
)
_SENTENCE_END = re.compile(r"[。！？!?;；,，]$")


def _compile(pattern: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.MULTILINE)
    except re.error as exc:
        raise ValueError(f"bad chapter pattern {pattern!r}: {exc}") from None


def _line_at(text: str, pos: int) -> tuple[int, str]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, text[start : len(text) if end < 0 else end]


def detect_chapters(text: str, pattern: str | None = None) -> list[tuple[int, str]]:
    """``(offset of the heading line, heading text)`` in document order.

    ``pattern`` is a regular expression matched in multiline mode; each line it
    matches is a heading.  A pattern that does not compile raises ``ValueError``.
    """
    regex = _compile(pattern) if pattern is not None else _BUILTIN
    out: list[tuple[int, str]] = []
    last_start = -1
    for m in regex.finditer(text):
        start, line = _line_at(text, m.start())
        title = line.strip()
        if start == last_start or not title:
            continue
        if pattern is None and (len(title) > 40 or _SENTENCE_END.search(title)):
            continue
        lead = len(line) - len(line.lstrip())
        out.append((start + lead, title))
        last_start = start
    return out
