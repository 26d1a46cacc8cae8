"""Clean step: hide the head lines that the reader's header already shows.

The reader shows a document's title and its details (author, source, date) above the
text.  Scraped articles and novels carry the same facts as their first lines
(``党建引领 打造和谐昆山“共同体”`` then ``苏州新闻网 2024-08-04 14:10``), so the
clean view would say them twice.  This step hides such a line only near the head,
only before the first line of prose, and only when it holds nothing but what the
header shows: a title line the user renamed, or a byline naming someone else, stays.
The raw view keeps every line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.metadata import find_date
from desktop.core.offsetmap import OffsetMap, apply_edits

__all__ = ["Header", "hide_header_lines"]

#: At most this many non-blank lines at the head are looked at.
HEAD_LINES = 8
#: Characters a metadata line may hold beyond what the header shows (labels aside).
LEFTOVER = 2

_PINYIN = re.compile(r"[(\uff08][a-zA-Zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹ]{1,8}[)\uff09]")
_IGNORED = re.compile(
    r"[\s\u3000\xa0,\uff0c.\u3002:\uff1a;\uff1b、|｜/·\-—_《》〈〉“”\"'‘’「」『』()（）\[\]【】□■]"
)
_LABELS = re.compile(
    r"作者|来源|來源|出处|出處|发布时间|發布時間|发表时间|發表時間|更新时间|更新時間|时间|時間|"
    r"日期|发布|發布|发表|發表|点击|點擊|阅读|閱讀|浏览|瀏覽|次数|次數|书名|書名|著|"
    r"author|source|date|published|by",
    re.IGNORECASE,
)
_DATE_TIME = re.compile(
    r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
    r"(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
)
_SENTENCE_END = re.compile(r"[。!?\uff01\uff1f…]$")


@dataclass(frozen=True)
class Header:
    """What the reader shows above the text (canonical script, as stored)."""

    title: str = ""
    author: str = ""
    source: str = ""
    published: str = ""


def _norm(text: str) -> str:
    return _IGNORED.sub("", _PINYIN.sub("", text)).lower()


def _is_title(line: str, header: Header) -> bool:
    shown, title, author = _norm(line), _norm(header.title), _norm(header.author)
    if len(title) < 2:
        return False
    return shown in (title, author + title)


def _is_details(line: str, header: Header) -> bool:
    """A line made only of the author, source and date the header shows (and labels)."""
    found = bool(header.published) and find_date(line) == header.published
    rest = _norm(_DATE_TIME.sub("", line) if found else line)
    for value in (header.author, header.source):
        value = _norm(value)
        if len(value) >= 2 and value in rest:
            rest, found = rest.replace(value, ""), True
    rest = _LABELS.sub("", rest)
    return found and len(rest) <= LEFTOVER


def _is_prose(line: str) -> bool:
    return len(line) > 60 or bool(_SENTENCE_END.search(line))


def hide_header_lines(
    text: str, header: Header | None
) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Hide head lines repeating the header: (text, map, hidden input ranges)."""
    if header is None or not (header.title or header.author or header.source):
        return text, OffsetMap.identity(len(text)), []
    edits: list[tuple[int, int, str]] = []
    pos, seen, title_seen = 0, 0, False
    while pos < len(text) and seen < HEAD_LINES:
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl + 1
        line = text[pos:end].strip()
        if line:
            seen += 1
            if _is_prose(line):
                break  # a title taken from the first sentence is still read in the text
            if not title_seen and _is_title(line, header):
                title_seen = True
                edits.append((pos, end, ""))
            elif _is_details(line, header):
                edits.append((pos, end, ""))
        pos = end
    if not edits:
        return text, OffsetMap.identity(len(text)), []
    out, mapping = apply_edits(text, edits)
    return out, mapping, [(s, e, "header") for s, e, _ in edits]
