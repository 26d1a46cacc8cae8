"""Conversion rules applied after OpenCC: text, exact offset maps, annotations kept."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.annotations import AnnotationStore
from desktop.core.offsetmap import OffsetMap
from desktop.core.views.convert import convert_with_map
from desktop.core.views.pipeline import ViewBuilder, ViewOptions, build_view
from desktop.core.views.ranges import build_view_range
from desktop.core.views.rules import (
    ConversionRule,
    _targets,
    active_rules,
    apply_rules,
    find_rule_matches,
)

TEXT = "皇后的头发干了。以后我们只能在这里发呆，后来他走了。\n面包里有一只猫。\n"


def _rule(source: str, target: str, script: str = "any", doc: str | None = None) -> ConversionRule:
    return ConversionRule(source, target, script, doc)


def _view(text: str, script: str, *rules: ConversionRule, **kw: object) -> str:
    return build_view(text, ViewOptions(script=script, rules=rules, **kw)).text  # type: ignore[arg-type]


def test_rule_replaces_opencc_output_in_its_script_only() -> None:
    keep = _rule("后来", "后來", "traditional")
    assert "，後來他" in _view(TEXT, "traditional")
    assert "，后來他" in _view(TEXT, "traditional", keep)
    assert "，後來他" in _view(TEXT, "taiwan", keep)  # another script: OpenCC alone
    assert _view(TEXT, "original", _rule("后来", "X")) == _view(TEXT, "original")
    assert "，后來他" in _view(TEXT, "taiwan", _rule("后来", "后來"))  # any converted script


def test_rule_that_opencc_already_follows_changes_nothing() -> None:
    view = build_view(TEXT, ViewOptions(script="traditional", rules=(_rule("以后", "以後"),)))
    plain = build_view(TEXT, ViewOptions(script="traditional"))
    assert view.text == plain.text and view.map == plain.map


def test_longest_source_first_and_no_overlap() -> None:
    rules = (_rule("里", "裡"), _rule("这里", "這里"), _rule("面包里", "麵包裏"))
    out = _view(TEXT, "traditional", *rules)
    assert "在這里發呆" in out and "麵包裏有" in out
    matches = find_rule_matches(TEXT, rules, "traditional")
    assert [TEXT[m.start : m.end] for m in matches] == ["这里", "面包里"]


def test_precedence_document_then_script_then_latest() -> None:
    everywhere = _rule("后来", "A", "any")
    traditional = _rule("后来", "B", "traditional")
    this_doc = _rule("后来", "C", "any", doc="abc")
    later = _rule("后来", "D", "traditional")
    assert active_rules((traditional, everywhere), "traditional")["后来"] is traditional
    assert active_rules((this_doc, traditional), "traditional")["后来"] is this_doc
    assert active_rules((traditional, later), "traditional")["后来"] is later
    assert active_rules((traditional, everywhere), "taiwan")["后来"] is everywhere


@pytest.mark.parametrize(
    ("source", "target", "script", "doc"),
    [
        ("", "x", "any", None),
        ("a", "", "any", None),
        ("a\nb", "x", "any", None),
        (" a", "x", "any", None),
        ("a", "x", "klingon", None),
        ("a", "x", "original", None),
        ("a", "x", "any", ""),
        ("长" * 33, "x", "any", None),
    ],
)
def test_bad_rules_are_refused(source: str, target: str, script: str, doc: str | None) -> None:
    with pytest.raises(ValueError):
        ConversionRule(source, target, script, doc)


def test_json_round_trip() -> None:
    rule = ConversionRule("皇后", "皇後", "traditional", "abc123", "2025-01-31T20:15:00")
    assert rule.to_json()["from"] == "皇后" and rule.to_json()["to"] == "皇後"
    assert ConversionRule.from_json(rule.to_json()) == rule
    with pytest.raises(ValueError):
        ConversionRule.from_json(["皇后", "皇後"])


def test_rule_never_cuts_a_phrase_opencc_rewrote_with_another_length() -> None:
    # s2twp rewrites 优化 as 最佳化: a rule on 化 alone does not own that stretch.
    text = "优化布局，化学"
    plain = _view(text, "taiwan", phrases=True)
    ruled = _view(text, "taiwan", _rule("化", "X"), phrases=True)
    assert plain.startswith("最佳化") and ruled.startswith("最佳化")
    assert ruled.endswith("X學")


def _check_map(source: str, out: str, mapping: OffsetMap) -> None:
    assert (mapping.src_len, mapping.dst_len) == (len(source), len(out))
    previous = 0
    for c in range(len(source) + 1):
        v = mapping.to_dst(c)
        assert v >= previous
        previous = v
        assert mapping.to_src(v) <= c <= mapping.to_src(mapping.to_dst(c, bias="end"), bias="end")
    for v in range(len(out) + 1):
        c = mapping.to_src(v)
        assert mapping.to_dst(c) <= v <= mapping.to_dst(mapping.to_src(v, bias="end"), bias="end")


WORDS = ["后", "皇后", "头发", "干", "里", "这里", "。", "a", "\n", "发", "以后", "优化"]
RULES = [
    ("后", "后"),
    ("皇后", "皇後後"),
    ("干", "乾"),
    ("这里", "這"),
    ("发", "髮髮"),
    ("a", "ab"),
]


def _reference(source: str, plain: str, plain_map: OffsetMap, rules: tuple) -> tuple[str, list]:
    """The ruled text built the obvious way, and where each applied target lands."""
    out, placed, pos = [], [], 0
    for m in find_rule_matches(source, rules, "traditional"):
        edges = (m.start, m.end)
        if any(plain_map.to_dst(x) != plain_map.to_dst(x, bias="end") for x in edges):
            continue
        d0, d1 = plain_map.to_dst(m.start), plain_map.to_dst(m.end)
        out.append(plain[pos:d0])
        at = sum(map(len, out))
        out.append(m.rule.target)
        placed.append((m, at))
        pos = d1
    out.append(plain[pos:])
    return "".join(out), placed


@settings(max_examples=300, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), max_size=30),
    chosen=st.lists(st.sampled_from(RULES), min_size=1, max_size=4, unique=True),
    config=st.sampled_from(["s2t", "s2twp"]),
)
def test_rules_keep_maps_exact(
    words: list[str], chosen: list[tuple[str, str]], config: str
) -> None:
    """Property: with rules whose targets are longer or shorter than OpenCC's output,
    to_view/to_canonical stay monotonic and round-trip, the text is the reference
    text, each target lies within its word's view range (exactly that range when no
    other rewrite touches it), and every other character shows what OpenCC made."""
    source = "".join(words)
    rules = tuple(_rule(s, t) for s, t in chosen)
    plain, plain_map = convert_with_map(source, config)
    out, mapping = apply_rules(source, plain, plain_map, rules, "traditional")
    expected, placed = _reference(source, plain, plain_map, rules)
    assert out == expected
    _check_map(source, out, mapping)
    for m, at in placed:
        d0, d1 = mapping.dst_range(m.start, m.end)
        assert d0 <= at and at + len(m.rule.target) <= d1
        touching = [e for e in mapping.edits() if e[0] <= m.end and e[1] >= m.start]
        if all(m.start <= e[0] and e[1] <= m.end for e in touching):
            assert (d0, d1) == (at, at + len(m.rule.target))
    covered = {i for m, _ in placed for i in range(m.start, m.end)}
    for c in range(len(source)):
        if c not in covered:
            d0, d1 = mapping.dst_range(c, c + 1)
            p0, p1 = plain_map.dst_range(c, c + 1)
            assert plain[p0:p1] in out[d0:d1]


def test_offsets_under_a_longer_rule() -> None:
    rules = (_rule("皇后", "皇太后陛下"),)
    view = build_view(TEXT, ViewOptions(script="traditional", rules=rules))
    assert view.text.startswith("皇太后陛下的頭髮")
    after = TEXT.index("头发")
    assert view.text[slice(*view.view_range(after, after + 2))] == "頭髮"
    assert view.view_range(0, 2) == (0, 5)
    assert view.to_view(1) == 1  # 皇 is shared by 皇后 and 皇太后陛下: kept char for char
    assert view.canonical_range(2, 4) == (1, 2)  # inside the rewrite: all of it
    assert view.to_canonical(view.to_view(after)) == after


def test_annotations_stay_on_their_words_under_a_rule(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path, text=TEXT)
    words = ["皇后", "头发", "后来", "面包", "猫"]
    items = {}
    for word in words:
        start = TEXT.index(word)
        items[store.add_highlight(start, start + len(word), color="yellow").id] = word
    rules = (_rule("皇后", "皇太后"), _rule("后来", "後"), _rule("面包", "麵包兒"))
    expected = {"皇后": "皇太后", "头发": "頭髮", "后来": "後", "面包": "麵包兒", "猫": "貓"}
    for script in ("traditional", "taiwan", "hongkong"):
        view = build_view(TEXT, ViewOptions(script=script, rules=rules))
        shown = {items[i]: view.text[s:e] for i, s, e, _ in store.view_ranges(view)}
        assert shown == expected, script
    simplified = build_view(TEXT, ViewOptions(script="simplified", rules=rules))
    shown = {items[i]: simplified.text[s:e] for i, s, e, _ in store.view_ranges(simplified)}
    assert shown == {"皇后": "皇太后", "头发": "头发", "后来": "後", "面包": "麵包兒", "猫": "猫"}


def test_pieces_and_ranges_agree_with_the_whole_view() -> None:
    text = (TEXT * 40) + "后来\n" * 10
    rules = (_rule("后来", "後来了"), _rule("只", "隻"))
    options = ViewOptions(script="traditional", rules=rules)
    whole = build_view(text, options)
    builder = ViewBuilder(text, options)
    assembled = builder.assemble(list(builder.pieces(chunk_chars=300)))
    assert assembled.text == whole.text and assembled.map == whole.map
    cut = text.index("\n", len(text) // 2) + 1
    first = build_view_range(text, 0, cut, options)
    second = build_view_range(text, cut, len(text), options)
    assert first.text + second.text == whole.text
    assert OffsetMap.concat([first.map, second.map]) == whole.map


@st.composite
def _maps(draw: st.DrawFn) -> tuple[OffsetMap, list[int]]:
    edits: list[tuple[int, int, int, int]] = []
    src = dst = 0
    for _ in range(draw(st.integers(0, 6))):
        gap = draw(st.integers(0 if not edits else 1, 3))
        n, m = draw(st.integers(0, 3)), draw(st.integers(0, 3))
        if n == m == 0:
            continue
        src, dst = src + gap, dst + gap
        edits.append((src, src + n, dst, dst + m))
        src, dst = src + n, dst + m
    tail = draw(st.integers(0, 3))
    mapping = OffsetMap(src + tail, dst + tail, edits)
    offsets = sorted(draw(st.lists(st.integers(0, src + tail), max_size=8)))
    return mapping, offsets


@settings(max_examples=500, deadline=None)
@given(_maps())
def test_edge_sweep_agrees_with_the_map(case: tuple[OffsetMap, list[int]]) -> None:
    """The one-pass look-up apply_rules uses says what to_dst says (None where the
    two biases disagree: inside a rewrite, or at an insertion)."""
    mapping, offsets = case
    expected = [
        mapping.to_dst(x) if mapping.to_dst(x) == mapping.to_dst(x, bias="end") else None
        for x in offsets
    ]
    assert _targets(mapping, offsets) == expected
