"""The view pipeline gives exactly what the frozen reference (``_reference/``) gives.

Speed work on ``desktop.core.views`` must not change a single decision: for every
input and option the view text, the offset map (every edit), the hidden ranges and
the ruby spans are compared with the copy of the pipeline taken before that work.
Inputs: the seeds, the shared test data, synthetic documents like the search
benchmark's, and generated texts mixing Han, pinyin hints, junk and wrapped lines.
A change meant to alter what a view shows updates ``_reference/`` in the same commit.
"""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.views import (
    SCRIPTS,
    ViewOptions,
    blanks,
    boilerplate,
    build_view,
    mojibake,
    pinyin,
    reflow,
)
from desktop.core.views.pipeline import ViewBuilder, clean_text
from tests.bench.bench_search import _Texts
from tests.core.views._reference import blanks as ref_blanks
from tests.core.views._reference import boilerplate as ref_boilerplate
from tests.core.views._reference import mojibake as ref_mojibake
from tests.core.views._reference import pinyin as ref_pinyin
from tests.core.views._reference import pipeline as ref_pipeline
from tests.core.views._reference import reflow as ref_reflow

REPO = Path(__file__).resolve().parents[3]
TESTDATA = REPO.parent / "shared" / "testdata"
_CODECS = {"big5": "big5", "gb2312": "gb18030", "utf16": "utf-16"}

#: Every option combination (clean on/off, script, phrases, pinyin mode).
ALL_OPTIONS = [
    ViewOptions(clean=c, script=s, phrases=ph, pinyin=py)
    for c, s, ph, py in itertools.product(
        (True, False), SCRIPTS, (False, True), ("hide", "inline", "ruby")
    )
]
INDEX_OPTIONS = ViewOptions(clean=True, script="original")


def _ref_options(options: ViewOptions) -> ref_pipeline.ViewOptions:
    return ref_pipeline.ViewOptions(
        clean=options.clean, script=options.script, phrases=options.phrases, pinyin=options.pinyin
    )


def assert_same_view(text: str, options: ViewOptions, label: str = "") -> None:
    """The live and the reference pipeline agree on ``text`` under ``options``."""
    got = build_view(text, options)
    want = ref_pipeline.build_view(text, _ref_options(options))
    where = f"{label} {options}"
    assert got.text == want.text, where
    assert (got.map.src_len, got.map.dst_len) == (want.map.src_len, want.map.dst_len), where
    assert got.map.edits() == want.map.edits(), where
    assert got.hidden == want.hidden, where
    assert got.ruby == want.ruby, where


def assert_same_steps(text: str) -> None:
    """Each clean step, on its own, agrees with the reference step."""
    pairs = [
        (mojibake.repair_mojibake, ref_mojibake.repair_mojibake),
        (boilerplate.hide_boilerplate, ref_boilerplate.hide_boilerplate),
        (reflow.reflow, ref_reflow.reflow),
        (blanks.collapse_blank_lines, ref_blanks.collapse_blank_lines),
    ]
    for live, ref in pairs:
        (g_text, g_map, g_hidden), (w_text, w_map, w_hidden) = live(text), ref(text)
        assert (g_text, g_map.edits(), g_hidden) == (w_text, w_map.edits(), w_hidden), live
        assert (g_map.src_len, g_map.dst_len) == (w_map.src_len, w_map.dst_len), live
    for ruby in (False, True):
        g, w = pinyin.hide_hints(text, ruby), ref_pinyin.hide_hints(text, ruby)
        assert (g[0], g[1].edits(), g[2], g[3]) == (w[0], w[1].edits(), w[2], w[3])
    for line in text.split("\n"):
        assert boilerplate.is_junk_line(line) == ref_boilerplate.is_junk_line(line), line


def _seed_texts() -> list[tuple[str, str]]:
    return [(p.name, p.read_text("utf-8")) for p in sorted((REPO / "seeds").glob("*.txt"))]


def _testdata_texts() -> list[tuple[str, str]]:
    """Every text file of the shared test data, decoded by its folder's codec."""
    if not TESTDATA.is_dir():
        return []
    out = []
    for path in sorted(TESTDATA.rglob("*")):
        if not path.is_file() or path.suffix.lower() in (".epub", ".json"):
            continue
        codec = _CODECS.get(path.parent.name, "utf-8")
        text = path.read_bytes().decode(codec, errors="replace")
        out.append((str(path.relative_to(TESTDATA)), text.replace("\r\n", "\n")))
    return out


@pytest.mark.parametrize("options", ALL_OPTIONS, ids=str)
def test_seeds_every_option(options: ViewOptions) -> None:
    for name, text in _seed_texts():
        assert_same_view(text, options, name)


def test_seeds_steps_and_pieces() -> None:
    for name, text in _seed_texts():
        assert_same_steps(text)
        live = ViewBuilder(text, ViewOptions(script="traditional"))
        ref = ref_pipeline.ViewBuilder(text, ref_pipeline.ViewOptions(script="traditional"))
        got = [(p.text, p.map.edits()) for p in live.pieces(chunk_chars=500)]
        want = [(p.text, p.map.edits()) for p in ref.pieces(chunk_chars=500)]
        assert got == want, name


@pytest.mark.slow
def test_testdata_files() -> None:
    texts = _testdata_texts()
    if not texts:
        pytest.skip("../shared/testdata is not beside this checkout")
    for name, text in texts:
        assert_same_steps(text)
        for options in (INDEX_OPTIONS, ViewOptions(script="simplified", pinyin="ruby")):
            assert_same_view(text, options, name)
        if len(text) < 200_000:
            for options in ALL_OPTIONS[::7]:
                assert_same_view(text, options, name)


@pytest.mark.slow
def test_synthetic_documents() -> None:
    texts = _Texts(300)
    for n in range(texts.count):
        text = texts[n]
        assert_same_view(text, INDEX_OPTIONS, f"doc {n}")
        assert_same_view(text, ALL_OPTIONS[n % len(ALL_OPTIONS)], f"doc {n}")
        if n % 10 == 0:
            assert_same_steps(text)


# Generated texts: lines built from the shapes the clean steps look for.
_HAN = "社会會工作习習近平调調研的是在一中国國新闻聞之路区區委江宁寧擔當报報𠮷"
_HINTED = [
    "社會(huì)",
    "習(xí)近平",
    "調(diào)研",
    "新(xīn)",
    "報(bào)",
    "會（huì）",
    "(村)",
    "日(rì)",
]
_JUNK = [
    "点击：123",
    "點擊:45 次",
    "上一篇",
    "下一篇：某某",
    "返回目录",
    "返回顶部",
    "版權所有 © 2024",
    "Copyright 2024 example.com",
    "ICP备12345678号",
    "責任編輯：王某",
    "（责编：李）",
    "首页 > 新闻 > 正文",
    "当前位置：首页 › 社会",
    "• 相关链接",
    "- 短项",
    "首页 新闻 体育 娱乐",
    "国产精品 视频 在线观看",
    "分享到：微信 微博",
    "扫一扫",
    "相关阅读",
    "友情链接",
    "1、本站所有文章",
    "免責聲明",
    "ſ K İ ı COPYRIGHT",
    "home » news » today",
    "新闻＞国内＞正文",
]
_MOJIBAKE = ["之路?！苯瓕巺^(qū)委", "新?lián)?dāng)", "?!苯瓕巺^", "日?qǐng)?bào)", "作者?", "?a)"]
_ODD = ["\u3000", "\t", " ", "\u00a0", "\u2028", "\x85", "\x0b", "\ud800", "\r", "…", "”", "」"]
_ENDS = ["。", "！", "？", "!", "?", "…", "”", "」", "』", ";", "；", ":", "：", ".", ""]


@st.composite
def _line(draw: st.DrawFn) -> str:
    kind = draw(st.integers(0, 7))
    if kind == 0:
        return ""
    if kind in (1, 7):
        return draw(st.sampled_from(_JUNK))
    if kind == 2:
        return draw(st.sampled_from(_MOJIBAKE + _ODD))
    pieces = st.one_of(
        st.sampled_from(list(_HAN)),
        st.sampled_from(_HINTED),
        st.sampled_from(_ODD + _MOJIBAKE),
        st.sampled_from(["，", "word ", "abc", " ", "-", "|", "(", ")", "点击：", "版权所有"]),
    )
    size = draw(st.sampled_from([3, 8, 24, 45, 60]))
    body = "".join(draw(st.lists(pieces, min_size=0, max_size=size)))
    return draw(st.sampled_from(["", "\u3000\u3000", " "])) + body + draw(st.sampled_from(_ENDS))


@st.composite
def _wrapped_block(draw: st.DrawFn) -> str:
    """A hard-wrapped block: lines of one width, some open-ended."""
    width = draw(st.integers(18, 40))
    count = draw(st.integers(3, 8))
    chars = st.sampled_from([*_HAN, "a", "b ", "，"])
    lines = []
    for _ in range(count):
        n = width - draw(st.sampled_from([0, 0, 0, 1, 3, width // 2]))
        end = draw(st.sampled_from(["", "", "", *_ENDS, " ", "\u3000"]))
        lines.append("".join(draw(st.lists(chars, min_size=n, max_size=n))) + end)
    return "\n".join(lines) + draw(st.sampled_from(["", "。", "\n"]))


_DOCUMENT = st.lists(st.one_of(_line(), _line(), _wrapped_block()), max_size=40).map("\n".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_DOCUMENT, st.sampled_from(ALL_OPTIONS))
def test_generated_texts(text: str, options: ViewOptions) -> None:
    assert_same_view(text, options)
    assert_same_view(text, INDEX_OPTIONS)
    assert_same_steps(text)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from([*_HAN, *_ODD, *"?!！()（）a\n。点击："]), max_size=200))
def test_generated_raw_text(text: str) -> None:
    assert_same_view(text, INDEX_OPTIONS)
    assert_same_steps(text)


#: Every word and anchored rule of the junk, footer and spam rules, in a line.
_RULE_LINES = [
    *[
        "版权所有",
        "备案号",
        "许可证编号",
        "公网安备",
        "站内搜索",
        "分享到",
        "扫一扫",
        "扫码",
        "打印本页",
        "关闭窗口",
    ],
    *[
        "收藏本页",
        "【打印】",
        "【关闭】",
        "本网站",
        "免责声明",
        "特别申明",
        "特别声明",
        "版权事宜",
        "举报邮箱",
        "联系我们",
    ],
    *[
        "热点排行",
        "网友热搜",
        "最新发布",
        "更多搜索",
        "内容精选",
        "友情链接",
        "相关阅读",
        "相关新闻",
        "热门推荐",
    ],
    *[
        "上一篇",
        "下一篇",
        "返回顶部",
        "推荐阅读",
        "©2024",
        "(C)",
        "ICP证",
        "All Rights Reserved",
        "PORN",
    ],
    *[
        "责任编辑：",
        "（责编:张）",
        "编辑：王",
        "审核:李",
        "校对：赵",
        "签发:钱",
        "——搜索：",
        "1、本站",
        "2.本网",
    ],
    *[
        "国产精品",
        "视频-成人-a-b",
        "久久|无码|x",
        "在线观看porn",
        "日韩欧美",
        "人妻-a-b-c",
        "色播 x|y|z",
        "免费看",
    ],
]


@pytest.mark.parametrize("junk", _JUNK + _RULE_LINES)
def test_junk_lines_around_an_article(junk: str) -> None:
    prose = "社會工作者在社区里调研了三个月，写下这份报告，讲述居民的生活与变化，也写他们的期待。"
    for line in (junk, f" {junk} ", f"{junk}。", f"{junk}{prose}", junk.upper()):
        assert boilerplate.is_junk_line(line) == ref_boilerplate.is_junk_line(line), line
        doc = "\n".join([line, "", prose, prose, line, "", line, line, prose, line])
        assert_same_steps(doc)
        assert_same_view(doc, INDEX_OPTIONS, line)


def test_clean_text_matches_reference_on_seeds() -> None:
    for name, text in _seed_texts():
        for mode in ("hide", "inline", "ruby"):
            got, want = clean_text(text, mode), ref_pipeline.clean_text(text, mode)
            assert (got.text, got.map.edits(), got.ruby, got.hidden) == (
                want.text,
                want.map.edits(),
                want.ruby,
                want.hidden,
            ), name


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet=st.sampled_from([*_HAN, *_ODD, *"\x00 (（)）huìxíǐ"]))))
def test_fold_many_is_fold_per_line(lines: list[str]) -> None:
    lines = [line.replace("\n", "") for line in lines]
    assert boilerplate._fold_many(lines) == [ref_boilerplate._fold(line) for line in lines]


def test_latin_prechecks_cover_every_case_insensitive_start() -> None:
    """Any char that can start a case-insensitive Latin junk word passes the precheck."""
    words = {"c": "copyright", "©": "©", "(": "(c)", "i": "icp备", "a": "all rights reserved"}
    first = re.compile("|".join(re.escape(c) for c in [*words, "p"]), re.IGNORECASE)
    starts = [chr(code) for code in range(0x110000) if first.fullmatch(chr(code))]
    assert "İ" in starts and "ı" in starts  # case-insensitive matching folds them
    latin = boilerplate._JUNK_LATIN
    for char in starts:
        if char in "pP":
            assert boilerplate._SPAM_LATIN.match(char + "orn")
            continue
        assert boilerplate._LATIN_FIRST.match(char), repr(char)
        assert latin.match(char + words[char.lower()[:1] if char != "ı" else "i"][1:])


def _hints(pattern: re.Pattern[str], text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group(1)) for m in pattern.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from([*_HAN, *"()（）\n xíhuìdiàoyánrì"])))
def test_hint_scan_finds_what_hint_finds(text: str) -> None:
    assert _hints(pinyin._HINT_SCAN, text) == _hints(ref_pinyin.HINT, text)
    assert pinyin.HINT.pattern == ref_pinyin.HINT.pattern
    assert pinyin.strip_hints(text) == ref_pinyin.strip_hints(text)


def test_hint_scan_on_seeds() -> None:
    for name, text in _seed_texts():
        assert _hints(pinyin._HINT_SCAN, text) == _hints(ref_pinyin.HINT, text), name


def test_click_counters_at_every_line() -> None:
    prose = "社會工作者在社区里调研了三个月，写下这份报告，讲述居民的生活与变化，也写他们的期待。"
    for n in (10, 49, 50, 51, 60):
        for k in range(n):
            lines = [prose] * n
            lines[k] = f"作者：王 點擊：{k} 次 來源：本站"
            assert_same_view("\n".join(lines), INDEX_OPTIONS, f"{n} lines, counter at {k}")
