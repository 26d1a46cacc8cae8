"""The view pipeline on the seeds, and its invariants on random text."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.views import (
    SCRIPTS,
    ViewBuilder,
    ViewOptions,
    build_view,
    build_view_chunked,
    convert_text,
    script_config,
)
from desktop.core.views.pipeline import clean_text

REPO = Path(__file__).resolve().parents[3]


def seed(n: int) -> str:
    return next((REPO / "seeds").glob(f"{n:03d}_*.txt")).read_text("utf-8")


@pytest.mark.parametrize(
    ("n", "gone", "kept"),
    [
        (
            0,
            ["首页", "热门快讯", "网友热搜", "最新发布", "资讯 苏州 娱乐", "Copyright", "ICP备"],
            [
                "党建引领 打造和谐昆山“共同体”",
                "苏州新闻网 2024-08-04 14:10",
                "全力打造和谐昆山“共同体”。",
            ],
        ),
        (
            1,
            [
                "久久99",
                "站內搜索",
                "網站首頁",
                "點擊",
                "責任編輯",
                "特別申明",
                "人民網",
                "烽火HOME",
                "京ICP備",
                "本站觀點",
                "熱點排行",
            ],
            [
                "李良軒:健全社會工作體制機制",
                "來源:昆侖策網",
                "隨著全球化時代進入一個動蕩期",
                "提供法治支撐。",
                "(作者:李良軒 系湖南省安化縣政協委員",
            ],
        ),
        (3, ["责编", "张宝珠"], ["之江潮涌千帆竞", "(作者系浙江省湖州南太湖新区党工委委员"]),
        (
            4,
            ["本網站所登載之內容", "本網原創之作品", "有關作品版權事宜", "admin@qzwhcy.com"],
            [
                "1月10日召開的市委社會工作會議",
                "為奮力推進中國式現代化泉州實踐積極貢獻力量。",
                "泉州市新業態(網約車產業鏈)黨建共同體",
            ],
        ),
    ],
)
def test_boilerplate_hidden_body_kept(n: int, gone: list[str], kept: list[str]) -> None:
    text = build_view(seed(n)).text
    for junk in gone:
        assert junk not in text, junk
    for body in kept:
        assert body in text, body


def test_body_paragraphs_stay_whole() -> None:
    for n in range(5):
        raw = seed(n)
        view = build_view(raw, ViewOptions(pinyin="inline"))
        for line in raw.split("\n"):
            if len(line) > 80 and "本網" not in line and "本站" not in line and "?" not in line:
                assert line in view.text


def test_pinyin_hints_and_mojibake_in_seed_002() -> None:
    text = build_view(seed(2)).text
    assert "近日,習近平總書記對社會工作作出重要指示" in text
    assert "之路。”江寧區委社會工作部部長" in text
    assert "感觸。”南京市寧小星社會工作服務中心" in text
    assert "鼓舞。”鼓樓區中央門街道" in text
    assert "(xí)" not in text and "苯瓕" not in text
    inline = build_view(seed(2), ViewOptions(pinyin="inline")).text
    assert "習(xí)近平總書(shū)記" in inline and "江寧區(qū)委" in inline
    assert "嚴格社區(村)“六必查”規範" in build_view(seed(2), ViewOptions(script="traditional")).text


def test_ruby_spans_cover_the_base_character() -> None:
    view = build_view(seed(4), ViewOptions(pinyin="ruby", script="simplified"))
    assert view.ruby
    for start, end, reading in view.ruby:
        assert end - start == 1 and reading.isalpha()
    first = {view.text[s:e]: r for s, e, r in view.ruby[:3]}
    assert "(" not in view.text[: view.ruby[0][1] + 1]
    assert first  # e.g. 关 -> guān
    assert "(guān)" not in view.text


def test_raw_view_keeps_everything_but_converts() -> None:
    raw = seed(1)
    view = build_view(raw, ViewOptions(clean=False, script="simplified"))
    assert view.text == convert_text(raw, "t2s")
    assert view.hidden == []
    assert build_view(raw, ViewOptions(clean=False)).text == raw


def test_hidden_ranges_are_canonical() -> None:
    raw = seed(0)
    view = build_view(raw)
    reasons = {why for _, _, why in view.hidden}
    assert reasons == {"boilerplate"}
    assert any(raw[s:e].startswith("首页") for s, e, _ in view.hidden)


def test_bad_options_are_refused() -> None:
    with pytest.raises(ValueError, match="script"):
        ViewOptions(script="latin")
    with pytest.raises(ValueError, match="pinyin"):
        ViewOptions(pinyin="above")


def test_chunked_pieces_join_to_the_whole_view() -> None:
    raw = "\n".join(seed(n) for n in range(5)) * 2
    options = ViewOptions(script="taiwan", phrases=True)
    whole = build_view(raw, options)
    pieces = list(build_view_chunked(raw, options, chunk_chars=997))
    assert len(pieces) > 5
    assert "".join(p.text for p in pieces) == whole.text
    builder = ViewBuilder(raw, options)
    assert builder.assemble(pieces).map == whole.map
    page = builder.build_range(5000, 9000)
    assert page.canonical_start <= 5000 and page.canonical_end >= 9000
    assert page.text in whole.text and page.text.endswith("\n")
    stop = iter([False, True])
    assert len(list(builder.pieces(997, cancelled=lambda: next(stop)))) == 1


# --- properties -------------------------------------------------------------------

PIECES = [
    "优化布局",
    "互联网",
    "計算機",
    "頭髮",
    "社区",
    "𠮷",
    "abc",
    " ",
    "。",
    "\n",
    "\n\n",
    "習(xí)",
    "書(shū)",
    "(村)",
    "軟體",
    "首页 > 新闻 > 正文",
    "版权所有",
    "发",
]
ALL_OPTIONS = [
    ViewOptions(clean=c, script=s, phrases=p, pinyin=y)
    for c, s, p, y in itertools.product(
        (True, False), SCRIPTS, (False, True), ("hide", "inline", "ruby")
    )
]


def steps_text(raw: str, options: ViewOptions) -> str:
    text = clean_text(raw, options.pinyin).text if options.clean else raw
    config = script_config(options.script, options.phrases)
    return convert_text(text, config) if config else text


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=16), st.sampled_from(ALL_OPTIONS))
def test_view_invariants(pieces: list[str], options: ViewOptions) -> None:
    raw = "".join(pieces)
    view = build_view(raw, options)
    assert view.text == steps_text(raw, options)
    assert (view.map.src_len, view.map.dst_len) == (len(raw), len(view.text))
    for bias in ("start", "end"):
        forward = [view.to_view(i, bias) for i in range(len(raw) + 1)]
        back = [view.to_canonical(i, bias) for i in range(len(view.text) + 1)]
        assert forward == sorted(forward) and back == sorted(back)
    inside: set[int] = set()
    for s0, s1, d0, d1 in view.map.edits():
        inside.update(range(s0 + 1, s1))
        if d0 == d1:
            inside.add(s1)
    for b in range(len(raw) + 1):
        if b not in inside:
            assert view.to_canonical(view.to_view(b)) == b
    pos = 0
    for piece in pieces:
        v0, v1 = view.view_range(pos, pos + len(piece))
        c0, c1 = view.canonical_range(v0, v1)
        if v1 > v0:
            assert c0 <= pos and c1 >= pos + len(piece)
        pos += len(piece)
