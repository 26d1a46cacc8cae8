"""Hide web boilerplate lines around an article, conservatively.

The article body is the stretch from the first to the last *prose* line (long, with
sentence punctuation, no junk marker).  Nothing inside it is touched.  Before and
after it, lines are hidden when they are breadcrumbs, SEO spam, search boxes, menus
and link lists, copyright/ICP footers, editor credits, share prompts or site
notices; a blank line after a hidden line goes with it.  Titles and bylines
(source, author, date) stay: a reader wants them; only a click counter inside a
byline (``點擊:``) is hidden.  Lines are judged in Simplified, hints stripped, so
both scripts behave alike.
"""

from __future__ import annotations

import re
from itertools import accumulate

from desktop.core.offsetmap import OffsetMap, apply_edits
from desktop.core.views.convert import convert_text
from desktop.core.views.pinyin import strip_hints

__all__ = ["hide_boilerplate", "is_junk_line"]

# The junk and footer rules are each split three ways with the same meaning as one
# case-insensitive search: rules anchored at the line start (``match``), Han words
# (case-sensitive: Han has no case, and the search can skip ahead), and Latin words,
# searched only when the line holds a character that can start one.
_JUNK_AT_START = re.compile(
    r"[(（]?\s*(?:责任编辑|责编|编辑|审核|校对|签发)\s*[:：]"
    r"|\W*搜索\s*[:：]"
    r"|\d+[、.]\s*本(?:站|网)"
    r"|(?:热点排行|网友热搜|最新发布|更多搜索|内容精选|友情链接|相关阅读|相关新闻|热门推荐"
    r"|上一篇|下一篇|返回顶部|推荐阅读)\W*$",
    re.IGNORECASE,
)
_JUNK_WORDS = re.compile(
    r"版权所有|备案号|许可证编号|公网安备|站内搜索|分享到|扫一扫|扫码|打印本页|关闭窗口|收藏本页"
    r"|【打印】|【关闭】|本网站|免责声明|特别申明|特别声明|版权事宜|举报邮箱|联系我们"
)
_JUNK_LATIN = re.compile(r"copyright|©|\(c\)|icp备|icp证|all rights reserved", re.IGNORECASE)
#: Every character a case-insensitive _JUNK_LATIN or _FOOTER_LATIN match can start with.
_LATIN_FIRST = re.compile("[cC©(iIİıaA]")
_FOOTER_AT_START = re.compile(
    r"[(（]?\s*(?:责任编辑|责编|特别申明|特别声明|免责声明|热点排行|友情链接|相关阅读|相关新闻)"
)
_FOOTER_LATIN = re.compile(r"copyright|icp备", re.IGNORECASE)
_CRUMB = re.compile(
    r"^\W*(?:首页|网站首页|当前位置|您的位置|home)\b.*(?:>|›|»|＞)|(?:\S+\s*(?:>|›|»|＞)\s*){2,}\S"
)
_CRUMB_MARK = re.compile("[>›»＞]")  #: every _CRUMB match holds one of these
_SPAM_WORDS = re.compile(r"国产|精品|视频|色播|免费看|无码|久久|在线观看|成人|日韩|欧美|人妻")
_SPAM_LATIN = re.compile("porn", re.IGNORECASE)  # starts with p or P only
_BULLET = re.compile(r"^\s*[•·●▪◦*-]\s*\S.{0,24}$")
_CLICKS = re.compile(r"点击[:：]\s*\d*\s*")
_CLICKS_RAW = re.compile(r"(?:點擊|点击)[:：]\s*\d*\s*")
_PROSE_END = re.compile(r"[。！？!?…”」』;；]\s*$")

_FOLD_BLOCK = 64  #: lines folded per OpenCC call


def _fold(line: str) -> str:
    return convert_text(strip_hints(line), "t2s").strip()


def _fold_many(lines: list[str]) -> list[str]:
    """``[_fold(line) for line in lines]`` in one OpenCC call (hints never span lines)."""
    out = convert_text(strip_hints("\n".join(lines)), "t2s").split("\n")
    if len(out) != len(lines):  # OpenCC changed the line count: fold one by one
        return [_fold(line) for line in lines]
    return [line.strip() for line in out]


def _is_menu(line: str) -> bool:
    tokens = line.split()
    return len(tokens) >= 3 and all(len(t) <= 4 for t in tokens)


def _is_spam(line: str) -> bool:
    hits = len(_SPAM_WORDS.findall(line))
    if "p" in line or "P" in line:
        hits += len(_SPAM_LATIN.findall(line))
    return hits >= 2 or (hits >= 1 and line.count("-") + line.count("|") >= 3)


def _has_junk_words(line: str) -> bool:
    return bool(
        _JUNK_AT_START.match(line)
        or _JUNK_WORDS.search(line)
        or (_LATIN_FIRST.search(line) and _JUNK_LATIN.search(line))
    )


def _is_footer(line: str) -> bool:
    return bool(
        _FOOTER_AT_START.match(line)
        or "版权所有" in line
        or (_LATIN_FIRST.search(line) and _FOOTER_LATIN.search(line))
    )


def is_junk_line(line: str) -> bool:
    """Whether a (folded) line is boilerplate wherever it stands outside the body."""
    return bool(
        _has_junk_words(line)
        or (_CRUMB_MARK.search(line) and _CRUMB.search(line))
        or _is_spam(line)
        or _BULLET.match(line)
        or _is_menu(line)
    )


def _is_prose(folded: str) -> bool:
    return len(folded) >= 40 and bool(_PROSE_END.search(folded)) and not is_junk_line(folded)


class _Folded:
    """Lines folded for judging (Simplified, hints stripped), computed on demand.

    Folding is done a block of lines at a time, so a short document takes one OpenCC
    call and a long one folds only the blocks near its ends that are looked at.
    """

    def __init__(self, lines: list[str]) -> None:
        self._lines = lines
        self._folded: list[str | None] = [None] * len(lines)

    def __len__(self) -> int:
        return len(self._lines)

    def __getitem__(self, i: int) -> str:
        got = self._folded[i]
        if got is None:
            start = i - i % _FOLD_BLOCK
            block = _fold_many(self._lines[start : start + _FOLD_BLOCK])
            self._folded[start : start + len(block)] = block
            got = block[i - start]
        return got


def _body_span(folded: _Folded) -> tuple[int, int, int]:
    """(first prose line, last prose line, footer line: all after it is the site's)."""
    n = len(folded)
    first = next((i for i in range(n) if _is_prose(folded[i])), None)
    if first is None:
        return n, n - 1, n
    footer, prose_after = n, 0
    for i in range(n - 1, first, -1):
        if _is_footer(folded[i]):
            footer = i
        if _is_prose(folded[i]):
            prose_after += 1
            if prose_after > 3:  # more article after it: not a footer
                break
    last = next(i for i in range(footer - 1, first - 1, -1) if _is_prose(folded[i]))
    return first, last, footer


#: The line an imported picture stands on (``［图：alt］``; folded lines are 简体).
_FIGURE = re.compile(r"［图(?:：.*)?］")


def _is_short(line: str) -> bool:
    """A line short enough to be a link in a list; a picture's figure line is not one."""
    return 0 < len(line) <= 8 and not _PROSE_END.search(line) and not _FIGURE.fullmatch(line)


def _link_lists(folded: _Folded, lines: range) -> set[int]:
    """Lines in 3+ consecutive short lines (blank lines skipped): link lists, menus."""
    out: set[int] = set()
    run: list[int] = []
    for i in [*[j for j in lines if folded[j]], -1]:
        if i >= 0 and _is_short(folded[i]):
            run.append(i)
            continue
        if len(run) >= 3:
            out.update(run)
        run = []
    return out


def _hidden_lines(folded: _Folded, span: tuple[int, int, int]) -> set[int]:
    first, last, footer = span
    hidden: set[int] = set()
    tail = range(last + 1, len(folded))
    lists = _link_lists(folded, tail)
    for i in [*range(first), *tail]:
        line = folded[i]
        if (
            i >= footer
            or i in lists
            or (line and is_junk_line(line))
            or (not line and i > 0 and (i - 1) in hidden)
        ):
            hidden.add(i)
    return hidden


def _line_edits(text: str, lines: list[str], folded: _Folded) -> list[tuple[int, int, str]]:
    """Edits hiding boilerplate lines and click counters, in text order."""
    span = _body_span(folded)
    hidden = _hidden_lines(folded, span)
    n = len(lines)
    starts = list(accumulate((len(line) + 1 for line in lines), initial=0))
    # click counters are looked for before the body and in the last 49 lines
    todo = sorted(hidden.union(range(min(span[0], n)), range(max(0, n - 49), n)))
    edits: list[tuple[int, int, str]] = []
    for i in todo:
        if i in hidden:
            end = min(starts[i + 1], len(text))
            start = starts[i] - 1 if end == len(text) and i > 0 else starts[i]
            edits.append((max(start, edits[-1][1] if edits else 0), end, ""))
        elif _CLICKS.search(folded[i]):
            m = _CLICKS_RAW.search(lines[i])
            if m:
                edits.append((starts[i] + m.start(), starts[i] + m.end(), ""))
    return edits


def hide_boilerplate(text: str) -> tuple[str, OffsetMap, list[tuple[int, int, str]]]:
    """Hide boilerplate: (text, map, hidden input ranges)."""
    lines = text.split("\n")
    edits = _line_edits(text, lines, _Folded(lines))
    if not edits:
        return text, OffsetMap.identity(len(text)), []
    out, mapping = apply_edits(text, edits)
    return out, mapping, [(s, e, "boilerplate") for s, e, _ in edits]
