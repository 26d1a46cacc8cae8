"""A converted word's choices, and the one-to-many spots, asked of real views."""

from __future__ import annotations

from dataclasses import replace

import pytest

from desktop.core.views.candidates import tables
from desktop.core.views.corrections import (
    ConversionChoice,
    choice_at,
    one_to_many_spots,
    preload,
)
from desktop.core.views.pipeline import TextView, ViewOptions, build_view
from desktop.core.views.ranges import build_view_range
from desktop.core.views.rules import ConversionRule

TEXT = "皇后的头发干了。以后我们只能在这里发呆，后来他走了。\n面包里有一只猫。\n"


def _choice(text: str, view: TextView, shown: str, nth: int = 0) -> ConversionChoice:
    at = -1
    for _ in range(nth + 1):
        at = view.text.index(shown, at + 1)
    choice = choice_at(text, view, at)
    assert choice is not None
    assert view.text[choice.view_start : choice.view_end] == choice.shown
    return choice


def test_candidates_for_one_to_many_characters() -> None:
    trad = build_view(TEXT, ViewOptions(script="traditional"))
    hou = _choice(TEXT, trad, "后")  # 皇后: OpenCC's phrase keeps 后
    assert (hou.source, hou.converted, hou.shown) == ("皇后", "皇后", "皇后")
    assert hou.alternatives == ("皇後",) and not hou.can_keep_original
    fa = _choice(TEXT, trad, "髮")
    assert (fa.source, fa.shown) == ("头发", "頭髮") and "頭發" in fa.alternatives
    gan = _choice(TEXT, trad, "幹")
    assert gan.source == "干了" and {"乾了", "榦了"} <= set(gan.alternatives)
    li = _choice(TEXT, trad, "裏", 1)  # 面包里: 里 on its own
    assert (li.source, li.shown) == ("里", "裏") and li.alternatives == ("哩",)
    assert li.can_keep_original  # 里 itself
    zhi = _choice(TEXT, trad, "隻")
    assert zhi.source == "一只" and "一只" not in zhi.alternatives
    later = _choice(TEXT, trad, "後", 1)
    assert later.source == "后来" and later.alternatives == ("后來",)
    assert (TEXT[later.start : later.end], later.script) == ("后来", "traditional")


def test_taiwan_view_and_zhe() -> None:
    text = "他看着这里的我。"
    taiwan = build_view(text, ViewOptions(script="taiwan"))
    li = _choice(text, taiwan, "裡")
    assert li.shown == "這裡" and "這里" in li.alternatives
    zhe = _choice(text, taiwan, "著")
    assert (zhe.source, zhe.shown) == ("着", "著") and zhe.can_keep_original


def test_simplified_view_of_taiwan_text_offers_the_original() -> None:
    text = "他看著我，手裡拿著乾糧。"
    view = build_view(text, ViewOptions(script="simplified", region="taiwan"))
    zhe = _choice(text, view, "着")
    assert (zhe.source, zhe.shown) == ("著", "着") and zhe.can_keep_original
    gan = _choice(text, view, "干")
    assert (gan.source, gan.shown, gan.alternatives) == ("乾", "干", ())  # 乾 is the original
    assert gan.can_keep_original


def test_nothing_to_choose() -> None:
    original = build_view(TEXT, ViewOptions())
    assert choice_at(TEXT, original, 0) is None
    trad = build_view(TEXT, ViewOptions(script="traditional"))
    assert choice_at(TEXT, trad, trad.text.index("。")) is None  # not converted, no other form


def test_a_choice_stored_as_a_rule_changes_the_view() -> None:
    trad = build_view(TEXT, ViewOptions(script="traditional"))
    fa = _choice(TEXT, trad, "髮")
    rule = fa.rule_for("頭發", doc="doc-1")
    assert (rule.source, rule.target, rule.script, rule.doc) == (
        "头发",
        "頭發",
        "traditional",
        "doc-1",
    )
    assert rule.created
    ruled = build_view(TEXT, replace(trad.options, rules=(rule,)))
    assert "頭發乾" in ruled.text or "頭發幹" in ruled.text
    again = _choice(TEXT, ruled, "發")
    assert again.rule == rule and again.shown == "頭發" and again.converted == "頭髮"
    assert again.alternatives[0] == "頭髮"  # OpenCC's own form first
    keep = _choice(TEXT, trad, "後", 1).rule_for("后来")
    kept = build_view(TEXT, replace(trad.options, rules=(keep,)))
    assert "，后来他" in kept.text


def test_selection_is_the_word() -> None:
    trad = build_view(TEXT, ViewOptions(script="traditional"))
    start = trad.text.index("我們只能")
    choice = choice_at(TEXT, trad, start, start + 4)
    assert choice is not None and choice.source == "我们只能"  # the selection, as it is
    assert (choice.view_start, choice.view_end) == (start, start + 4)
    assert "我們隻能" in choice.alternatives


def test_choice_in_a_piece_of_the_view() -> None:
    text = ("前言\n" * 300) + TEXT * 3
    start = text.index("皇后", len(text) - len(TEXT))
    piece = build_view_range(text, start, len(text), ViewOptions(script="traditional"))
    choice = choice_at(text, piece, piece.text.index("髮"), origin=start)
    assert choice is not None and text[choice.start : choice.end] == "头发"
    assert piece.text[choice.view_start : choice.view_end] == "頭髮"


def test_pinyin_hints_are_not_part_of_the_word() -> None:
    text = "習(xí)近平在發展里說。"
    view = build_view(text, ViewOptions(script="simplified"))
    choice = _choice(text, view, "习")
    assert choice.source == "習" and text[choice.start : choice.end] == "習"


def test_spots_are_one_to_many_words_not_decided_by_a_phrase() -> None:
    trad = build_view(TEXT, ViewOptions(script="traditional"))
    spots = one_to_many_spots(TEXT, trad)
    assert [(s.source, s.shown) for s in spots] == [("干了", "幹了"), ("里", "裏")]
    for spot in spots:
        assert trad.text[spot.view_start : spot.view_end] == spot.shown
        assert TEXT[spot.start : spot.end] == spot.source
    second_line = trad.text.index("\n") + 1
    assert [s.source for s in one_to_many_spots(TEXT, trad, second_line)] == ["里"]
    ruled = build_view(TEXT, ViewOptions(script="traditional", rules=(ConversionRule("里", "裡"),)))
    assert [s.source for s in one_to_many_spots(TEXT, ruled)] == ["干了"]  # the reader chose


@pytest.mark.parametrize("script", ["traditional", "taiwan", "hongkong", "simplified"])
def test_every_choice_matches_its_view(script: str) -> None:
    text = TEXT + "乾隆皇帝著書立說，頭髮乾了。\n"
    view = build_view(text, ViewOptions(script=script))
    for offset in range(len(view.text)):
        choice = choice_at(text, view, offset)
        if choice is None:
            continue
        assert choice.view_start <= offset < choice.view_end
        assert view.text[choice.view_start : choice.view_end] == choice.shown
        assert text[choice.start : choice.end] == choice.source
        assert choice.shown not in choice.alternatives
        assert choice.source not in choice.alternatives


def test_preload_reads_the_tables_of_the_view() -> None:
    assert not preload(build_view(TEXT, ViewOptions()))
    tables.cache_clear()
    assert preload(build_view(TEXT, ViewOptions(script="simplified", region="taiwan")))
    assert tables.cache_info().currsize == 1 and tables("tw2s-keep-me").config == "tw2s-keep-me"
    assert tables.cache_info().hits == 1
