"""Read a title, author, source and date out of plain text, as scraped articles carry them.

Web articles saved as text start with boilerplate (breadcrumbs, search boxes, SEO
spam), then a title line and a line of metadata (``作者:…  來源:…  發布時間:…`` or
``苏州新闻网 2024-08-04 14:10``).  Only the head of the text is read; everything
here is conservative: nothing found is better than something wrong.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from desktop.core.script import detect_script

__all__ = ["TextMetadata", "extract_metadata", "find_date"]

_HEAD_LINES = 40
_TITLE_MAX = 40
_HAN = r"\u3400-\u9fff"
_DATE = re.compile(
    r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?"
)
_AUTHOR = re.compile(
    r"作者\s*[:\uff1a]\s*([^\s:\uff1a,\uff0c;\uff1b、()\uff08\uff09【】\[\]|/]{2,12})"
)
_AUTHOR_SLASH = re.compile(rf"(?:^|\s)文\s*[/|\uff0f\uff5c]\s*([{_HAN}·]{{2,5}})(?=\s|$)")
_REPORTER = re.compile(rf"(?:记者|記者)\s+([{_HAN}]{{2,4}})(?=\s|$)")
_SOURCE = re.compile(
    r"(?:来源|來源)\s*[:\uff1a]\s*([^\s:\uff1a,\uff0c;\uff1b()\uff08\uff09【】\[\]|]{2,30})"
)
_SITE_LINE = re.compile(rf"^([{_HAN}A-Za-z0-9]{{2,15}}[网網报報社台])\s+(?:19|20)\d{{2}}\s*[-/.年]")
_META_WORDS = re.compile(r"时间|時間|日期|发布|發布|点击|點擊|作者|来源|來源")
_JUNK = re.compile(
    r"https?:|www\.|\.com|\.net|\.cn\b|[>›»|]|搜索|搜尋|首页|首頁|当前位置|當前位置|"
    r"^[□■]|记者|記者|版权|版權|ICP"
)
_CHAPTER = re.compile(r"^\s*第[0-9一二三四五六七八九十百千零〇]+[章回节節卷篇部集]")
_PINYIN = re.compile(rf"(?<=[{_HAN}])[(\uff08][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{{1,8}}[)\uff09]")
_SENTENCE_END = re.compile(r"[。!?\uff01\uff1f…]")
_CLAUSE = re.compile(r"[,\uff0c;\uff1b:\uff1a、]")
_TRIM = " \t\u3000\xa0,\uff0c;\uff1b:\uff1a、。!?\uff01\uff1f…"


@dataclass
class TextMetadata:
    """What the head of a text says about itself; None where nothing was found."""

    title: str | None = None
    author: str | None = None
    source: str | None = None
    published: str | None = None  #: ISO "YYYY-MM-DD"
    script: str = "unknown"


def find_date(text: str) -> str | None:
    """The first plausible date in ``text`` as ISO "YYYY-MM-DD", or None."""
    latest = _dt.date.today().year + 1
    for m in _DATE.finditer(text):
        year, month, day = (int(g) for g in m.groups())
        try:
            date = _dt.date(year, month, day)
        except ValueError:
            continue
        if 1900 <= year <= latest:
            return date.isoformat()
    return None


def extract_metadata(text: str, *, filename: str = "") -> TextMetadata:
    """Title, author, source, date and script of ``text`` (the file is ``filename``)."""
    lines = _head_lines(text)
    meta = TextMetadata(script=detect_script(text))
    meta.author = _find_author(lines)
    meta.source = _find_source(lines)
    meta.published = _find_published(lines)
    meta.title = _find_title(lines, meta, filename)
    return meta


def _head_lines(text: str) -> list[str]:
    lines = []
    for raw in text[:20_000].split("\n"):
        line = raw.strip(" \t\r\xa0\u3000")
        if line:
            lines.append(line)
        if len(lines) >= _HEAD_LINES:
            break
    return lines


def _first(pattern: re.Pattern[str], lines: list[str]) -> str | None:
    for line in lines:
        m = pattern.search(line)
        if m:
            return m.group(1)
    return None


def _find_author(lines: list[str]) -> str | None:
    found = _first(_AUTHOR, lines) or _first(_AUTHOR_SLASH, lines)
    if found:
        return found
    bylines = [line for line in lines[:12] if len(line) <= 40 and not _ends_sentence(line)]
    return _first(_REPORTER, bylines)


def _find_source(lines: list[str]) -> str | None:
    return _first(_SOURCE, lines) or _first(_SITE_LINE, lines)


def _find_published(lines: list[str]) -> str | None:
    meta_lines = [line for line in lines if _META_WORDS.search(line) or _SITE_LINE.search(line)]
    short = [line for line in lines[:12] if len(line) <= 40]
    for group in (meta_lines, short):
        for line in group:
            date = find_date(line)
            if date:
                return date
    return None


def _ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line[-1:]))


def _is_body(line: str) -> bool:
    return len(line) > 60 or _ends_sentence(line)


def _is_title_line(line: str) -> bool:
    han = len(re.findall(f"[{_HAN}]", line))
    return (
        4 <= len(line) <= 50
        and han >= 4
        and not _JUNK.search(line)
        and not _META_WORDS.search(line)
        and not _DATE.search(line)
        and not _CHAPTER.match(line)
    )


def _find_title(lines: list[str], meta: TextMetadata, filename: str) -> str | None:
    for line in lines:
        if _JUNK.search(line):
            continue
        if _is_body(line):
            break
        if _is_title_line(line):
            return _clean_title(line, meta)
    stem = Path(filename).stem if filename else ""
    if re.search(f"[{_HAN}]{{2}}", stem):
        return stem
    return _first_sentence(lines) or stem or None


def _clean_title(line: str, meta: TextMetadata) -> str:
    line = _PINYIN.sub("", line)
    m = re.match(rf"([{_HAN}·]{{2,5}})\s*[:\uff1a]\s*(.{{4,}})$", line)
    if m and meta.author and m.group(1) == meta.author:
        line = m.group(2)
    return line.strip(_TRIM) or line


def _first_sentence(lines: list[str]) -> str | None:
    for line in lines:
        if _JUNK.search(line) or (_META_WORDS.search(line) and len(line) < 60):
            continue
        clean = _PINYIN.sub("", line)
        if len(re.findall(f"[{_HAN}]", clean)) >= 6:
            return _shorten(clean)
    return None


def _shorten(text: str) -> str:
    end = _SENTENCE_END.search(text)
    sentence = text[: end.start()] if end else text
    if len(sentence) > _TITLE_MAX:
        cuts = [m.start() for m in _CLAUSE.finditer(sentence, 0, _TITLE_MAX + 1)]
        cuts = [c for c in cuts if c >= 6]
        sentence = sentence[: cuts[-1]] if cuts else sentence[:_TITLE_MAX] + "…"
    return sentence.strip(_TRIM.replace("…", "")) or sentence
