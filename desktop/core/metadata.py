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

from desktop.core.script import HAN as _HAN
from desktop.core.script import detect_script

__all__ = ["TextMetadata", "extract_metadata", "find_date"]

_HEAD_LINES = 40
_TITLE_MAX = 40
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
#: Inside a line, punctuation that makes it a sentence or a verse, not a book's title.
_CLAUSE_INSIDE = re.compile(r"[\uff0c\uff1b\u3002,;]")
#: A line naming the book: 书名：… / 書名：… / 《…》 alone.
_BOOK_LINE = re.compile(r"^(?:书名|書名)\s*[:\uff1a]\s*(.{1,40})$|^《([^《》]{1,40})》$")
#: Short lines that head a part of a book, never the book itself.
_NOT_TITLES = frozenset(
    [
        "目录",
        "目錄",
        "正文",
        "序",
        "序言",
        "序章",
        "前言",
        "楔子",
        "引子",
        "简介",
        "簡介",
        "内容简介",
        "內容簡介",
        "后记",
        "後記",
        "尾声",
        "尾聲",
        "番外",
        "卷首",
        "诗曰",
        "詩曰",
        "上卷",
        "下卷",
        "全文",
    ]
)
#: Tags that download sites add to a file name: (精校版), [www.x.com], txt全集下载 …
_NAME_TAGS = re.compile(
    r"[\[(（【][^\])）】]*(?:www|\.com|\.net|\.org|\.cn|网|網|小说|小說|txt|TXT|下载|下載|"
    r"精校|校对|校對|全本|全集|完本|完结|完結|修订|修訂|典藏|珍藏|版)[^\])）】]*[\])）】]"
    r"|(?:txt|TXT)?(?:全集|全本|完本|精校版|校对版|完结版|完整版)?(?:txt|TXT)?(?:下载|下載)"
    r"|(?:最新章节|最新章節|全文阅读|全文閱讀|在线阅读|在線閱讀)"
)
_NAME_AUTHOR = re.compile(rf"(?:作者|著)\s*[:\uff1a_\-]?\s*([{_HAN}·]{{2,6}})\s*$")


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
    """Title, author, source, date and script of ``text`` (the file is ``filename``).

    The title is, in order: a title line at the head of the text, the file's name
    cleaned of download-site tags (Chinese novels are named after the book:
    ``三國演義.txt``, ``【书名】作者.txt``), the first sentence of an article; never a
    chapter heading.  An author named only in the file name is taken from there.
    """
    lines = _head_lines(text)
    meta = TextMetadata(script=detect_script(text))
    named = name_parts(filename)
    meta.author = _find_author(lines) or named.author
    meta.source = _find_source(lines)
    meta.published = _find_published(lines)
    meta.title = _find_title(lines, meta, named.title)
    return meta


@dataclass(frozen=True)
class NameParts:
    """What a file's name says: the book's title and perhaps its author."""

    title: str = ""
    author: str | None = None


def name_parts(filename: str) -> NameParts:
    """The title (and author) a file name gives, cleaned of what download sites add.

    ``【红楼梦】曹雪芹.txt`` → 红楼梦 by 曹雪芹; ``三国演义(精校版)[www.x.com].txt`` →
    三国演义; ``西游记_吴承恩著.txt`` → 西游记 by 吴承恩; ``notes_2024.txt`` → notes 2024.
    """
    stem = Path(filename).stem if filename else ""
    previous = None
    while stem != previous:
        previous, stem = stem, _NAME_TAGS.sub(" ", stem).strip(" _-.·")
    author = None
    bracketed = re.match(r"^\s*[【《\[]([^】》\]]+)[】》\]]\s*(.*)$", stem)
    if bracketed:
        stem, rest = bracketed.group(1), bracketed.group(2).strip(" _-·")
        rest = re.sub(r"^(?:作者|著)\s*[:\uff1a]?\s*|\s*著$", "", rest)
        if re.fullmatch(f"[{_HAN}·]{{2,6}}", rest):
            author = rest
    elif found := _NAME_AUTHOR.search(stem):
        author, stem = found.group(1), stem[: found.start()]
    else:
        split = re.match(rf"^([{_HAN}]{{2,20}})[_\-\s]+([{_HAN}·]{{2,4}})$", stem)
        if split:  # 西游记_吴承恩: the second part is short enough to be a name
            stem, author = split.group(1), split.group(2)
    if author and author.endswith("著"):
        author = author[:-1]
    title = re.sub(r"[_\s]+", " ", stem).strip(" _-.·《》【】")
    return NameParts(title, author if author and len(author) >= 2 else None)


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


def _find_title(lines: list[str], meta: TextMetadata, named: str) -> str | None:
    """A title line, else the file's name if it names the book, else a first sentence.

    With a book-like file name (two Han characters or more) a title line must look
    like one: without the commas of a sentence or a verse (滾滾長江東逝水，浪花淘盡英雄
    opens a novel, it does not name it), and only before the first other line.
    """
    book_name = bool(re.search(f"[{_HAN}]{{2}}", named))
    for n, line in enumerate(lines):
        if _JUNK.search(line):
            continue
        if book := _BOOK_LINE.match(line):
            return (book.group(1) or book.group(2)).strip(_TRIM)
        if _is_body(line):
            break
        if n == 0 and _is_short_title(line):
            return line.strip("《》")
        if _is_title_line(line) and not (book_name and _CLAUSE_INSIDE.search(line)):
            return _clean_title(line, meta)
        if book_name and not (_AUTHOR.search(line) or _META_WORDS.search(line)):
            break  # past the head: a later short line is a verse or a heading
    if book_name:
        return named
    first = _first_sentence(lines)
    if first and _CHAPTER.match(first):
        first = None  # 第一回 … heads a chapter, not the book
    return first or named or None


def _is_short_title(line: str) -> bool:
    """A first line of two or three Han characters alone (左传, 《论语》) names the book."""
    bare = line.strip("《》")
    short = re.fullmatch(f"[{_HAN}]{{2,3}}", bare)
    return bool(short) and bare not in _NOT_TITLES and not _CHAPTER.match(bare)


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
