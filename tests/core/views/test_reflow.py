"""Reflow of hard-wrapped text (issue 14, item 4): every run of lines judged on its
own, headings, separators, verse and dialogue kept apart, no paragraph joined to the
next, the same decisions whatever part of the text is reflowed."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.offsetmap import OffsetMap
from desktop.core.views.reflow import CONTEXT_LINES, reflow
from tests.core.views.reflow_truth import (
    ReflowScore,
    Unit,
    Wrapped,
    classical_paragraphs,
    hardwrapped_score,
    make_units,
    score,
    seed_paragraphs,
    wrap_document,
)

REPO = Path(__file__).resolve().parents[3]
SENTENCES = [
    "天下大勢，分久必合，合久必分．",
    "周末七國分爭，並入於秦．",
    "及秦滅之後，楚、漢分爭，又並入於漢．",
    "漢朝自高祖斬白蛇而起義，一統天下，後來光武中興，傳至獻帝，遂分為三國．",
    "推其致亂之由，殆始於桓、靈二帝．",
    "桓帝禁錮善類，崇信宦官．",
]


def paragraph(rng: random.Random, sentences: int) -> str:
    return "".join(rng.choice(SENTENCES) for _ in range(sentences))


def reflowed_score(wrapped: Wrapped) -> ReflowScore:
    out, mapping, _ = reflow(wrapped.text)
    return score(wrapped, out, mapping)


def test_chapters_wrapped_at_different_widths_are_all_reflowed() -> None:
    """35–36 characters in some chapters, 26–27 in others, ``．`` as the full stop,
    indented verse, no blank lines: the old step judged the whole run with one width
    and left every break of the narrower chapters."""
    rng = random.Random(3)
    parts: list[str] = []
    breaks: list[tuple[int, str]] = []
    pos = 0
    for n, width in enumerate([35, 26, 36, 27, 35, 26]):
        units = [Unit(f"第{'一二三四五六'[n]}回\u3000宴桃園豪傑三結義", wrap=False)]
        for k in range(8):
            units.append(Unit(paragraph(rng, rng.randint(2, 6))))
            if k == 3:
                units.append(
                    Unit("\u3000\u3000\u3000\u3000滾滾長江東逝水，浪花淘盡英雄．", wrap=False)
                )
        wrapped = wrap_document(units, width, seed=n)
        if parts:
            breaks.append((pos - 1, "para"))
        breaks += [(pos + at, kind) for at, kind in wrapped.breaks]
        parts.append(wrapped.text)
        pos += len(wrapped.text)
    result = reflowed_score(Wrapped("".join(parts), breaks))
    assert result.mid > 80
    assert result.mid_left == 0 and result.starts_lost == 0, result


def test_separator_of_dashes_stays_on_its_own_line() -> None:
    rng = random.Random(5)
    units = [Unit(paragraph(rng, 4)), Unit("-" * 30, wrap=False), Unit(paragraph(rng, 5))]
    text = wrap_document(units, 30).text
    out = reflow(text)[0]
    assert "\n" + "-" * 30 + "\n" in out


def test_headings_verse_and_dialogue_lines_stay_apart() -> None:
    rng = random.Random(7)
    units = [
        Unit("第三回\u3000託內兄如海薦西賓", wrap=False),
        Unit(paragraph(rng, 5)),
        Unit("\u3000\u3000\u3000\u3000月明清露冷，八極迥無塵．", wrap=False),
        Unit("\u3000\u3000\u3000\u3000深樹幽禽宿，源頭水溜汾．", wrap=False),
        Unit(paragraph(rng, 4)),
        Unit("「不學，不學！」", wrap=False),
        Unit(paragraph(rng, 6)),
    ]
    wrapped = wrap_document(units, 28)
    result = reflowed_score(wrapped)
    assert result.starts_lost == 0 and result.mid_left == 0, result
    out = reflow(wrapped.text)[0].split("\n")
    assert out[0] == "第三回\u3000託內兄如海薦西賓"
    assert "「不學，不學！」" in out


def test_paragraph_ending_at_the_wrap_width_is_not_joined_to_the_next() -> None:
    """Unindented, no blank lines: a paragraph whose last line is full and ends a
    sentence looks like a wrapped sentence end; it must stay a paragraph."""
    first = "天下大勢，分久必合，合久必分．周末七國分爭，並入於秦．及秦滅後，漢分爭．"
    assert len(first) == 36
    rest = "漢朝自高祖斬白蛇而起義，一統天下，後來光武中興，傳至獻帝，遂分為三國．" * 3
    lines = [first[:18], first[18:], *[rest[i : i + 18] for i in range(0, len(rest), 18)]]
    text = "\n".join(lines)
    out = reflow(text)[0]
    assert out.split("\n")[0] == first


def test_crlf_breaks_go_whole() -> None:
    rng = random.Random(11)
    units = [Unit(paragraph(rng, 6)) for _ in range(4)]
    wrapped = wrap_document(units, 24, crlf=True)
    out, _, hidden = reflow(wrapped.text)
    assert "\r" not in out.replace("\r\n", "")
    assert all(wrapped.text[s:e] in ("\n", "\r\n") for s, e, _ in hidden)
    assert reflowed_score(wrapped).mid_left == 0


def _generated_score(units: list[Unit], widths: range, style: str, crlf: bool) -> ReflowScore:
    total = ReflowScore()
    for width in widths:
        doc = make_units(units, 40, width, seed=width)
        wrapped = wrap_document(
            doc, width, indent=style == "indent", blank=style == "blank", crlf=crlf, seed=width
        )
        total += reflowed_score(wrapped)
    return total


@pytest.mark.parametrize("style", ["plain", "indent", "blank"])
@pytest.mark.parametrize("crlf", [False, True], ids=["lf", "crlf"])
def test_wrappings_of_the_classical_text(testdata: Path, style: str, crlf: bool) -> None:
    """左传 paragraphs wrapped at widths 20–40: ≤ 2 % of mid-sentence breaks left, no
    paragraph start lost."""
    units = classical_paragraphs(testdata / "novels" / "zuozhuan_opencc_benchmark_zhs.txt")
    result = _generated_score(units, range(20, 41, 4), style, crlf)
    assert result.mid > 500
    assert result.mid_left_share <= 0.02 and result.starts_lost == 0, result


@pytest.mark.parametrize("style", ["plain", "indent", "blank"])
def test_wrappings_of_the_seeds(style: str) -> None:
    units = seed_paragraphs(sorted((REPO / "seeds").glob("*.txt")))
    result = _generated_score(units, range(21, 41, 6), style, crlf=False)
    assert result.mid > 300
    assert result.mid_left_share <= 0.02 and result.starts_lost == 0, result


def test_shared_hard_wrapped_novel(testdata: Path) -> None:
    """西遊記 as published (CRLF, ~35 characters, indented verse): estimated
    mid-sentence breaks left ≤ 2 %, no paragraph start lost (the old step joined 184
    short sentence-ending lines to the next line)."""
    raw = (testdata / "novels" / "xiyouji_gutenberg_hardwrapped_zht.txt").read_text("utf-8")
    for text in (raw, raw.replace("\r\n", "\n")):
        out, mapping, _ = reflow(text)
        result = hardwrapped_score(text.replace("\r\n", "\n"), *_lf_view(text, out, mapping))
        assert result.mid > 10_000
        assert result.mid_left_share <= 0.02 and result.starts_lost == 0, result


def _lf_view(text: str, out: str, mapping: OffsetMap) -> tuple[str, OffsetMap]:
    """Score a CRLF text on its LF form: reflow that form (the decisions must agree)."""
    if "\r\n" not in text:
        return out, mapping
    lf_out, lf_map, _ = reflow(text.replace("\r\n", "\n"))
    assert lf_out == out.replace("\r\n", "\n")
    return lf_out, lf_map


def test_same_text_same_decisions_whatever_the_surroundings() -> None:
    """A passage with CONTEXT_LINES lines around it reflows as inside the whole book
    (the reader builds a big book piece by piece)."""
    rng = random.Random(13)
    units = [Unit(paragraph(rng, rng.randint(1, 7))) for _ in range(300)]
    for width, indent in ((27, False), (35, True)):
        text = wrap_document(units, width, indent=indent).text
        lines = text.split("\n")
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line) + 1)
        whole = {s for s, _, _ in reflow(text)[2]}
        for first in (0, 137, 301, len(lines) - 260):
            a, b = max(0, first - CONTEXT_LINES), first + 150 + CONTEXT_LINES
            piece = {s + starts[a] for s, _, _ in reflow("\n".join(lines[a:b]))[2]}
            inside = range(starts[first], starts[first + 150])
            assert {s for s in piece if s in inside} == {s for s in whole if s in inside}


# --- properties -----------------------------------------------------------------------

_CLAUSES = st.text(
    alphabet=st.sampled_from(list("天下大勢分久必合周末七國爭並入於秦漢朝高祖")),
    min_size=3,
    max_size=14,
)
_PARAGRAPH = st.lists(_CLAUSES, min_size=2, max_size=12).map(
    lambda clauses: "，".join(clauses) + "．"
)


@settings(
    max_examples=150, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    st.lists(_PARAGRAPH, min_size=4, max_size=12),
    st.integers(20, 40),
    st.sampled_from(["plain", "indent", "blank"]),
    st.booleans(),
    st.integers(0, 1000),
)
def test_random_paragraphs_at_random_widths(
    paragraphs: list[str], width: int, style: str, crlf: bool, seed: int
) -> None:
    """No paragraph start is ever lost; every mid-sentence wrap break goes."""
    units = [Unit(p * (2 * width // len(p) + 1)) for p in paragraphs]  # two lines or more
    wrapped = wrap_document(
        units, width, indent=style == "indent", blank=style == "blank", crlf=crlf, seed=seed
    )
    result = reflowed_score(wrapped)
    assert result.starts_lost == 0, result
    assert result.mid_left == 0, result


@pytest.mark.xfail(
    strict=True, reason="known gap: unmarked paragraphs of one repeated short sentence"
)
def test_repeated_sentence_paragraphs_keep_their_starts() -> None:
    """Found by the property test above when it ran with random seeds: in plain text
    (no indents, no blank lines), paragraphs made of one short sentence repeated are
    joined to each other.  Kept as a strict xfail until reflow tells them apart."""
    paragraphs = [
        "七七七，七七七，七七七，七七七七，七七七七七七七七七，七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七．",
        "七七七，七七七七七，七七七七七七七七七，七七七七七七七七七七，七七七七七七七七七七七七，七七七七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七，七七七七七七七七七七七七七七．",
        "七七七，七七七七，七七七七七七七七七七．",
        "七七七，七七七．",
    ]
    width = 20
    units = [Unit(p * (2 * width // len(p) + 1)) for p in paragraphs]
    wrapped = wrap_document(units, width, indent=False, blank=False, crlf=False, seed=0)
    assert reflowed_score(wrapped).starts_lost == 0


# --- the fast paths decide as the plain rules do ------------------------------------

_LINE_CHARS = st.sampled_from(
    list("第一二三十百回章序前言楔子番外、.．1２①公王帝隐元年天下大勢。，「」")
    + list(" \t\u3000\u00a0\r\x0b-－—=*＊~#+☆※○■·")
)


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=_LINE_CHARS, min_size=1, max_size=14))
def test_every_line_that_may_be_a_heading_or_separator_is_looked_at(line: str) -> None:
    """The reflow step asks :func:`_kind` only about the lines that one regular
    expression finds in the whole text (and :func:`is_heading_line` answers at once
    for a line that does not start like a heading): every line that is a heading or
    a separator must be among them, or a heading would be joined to the text."""
    from desktop.core.chapters import _BUILTIN, _HEADING_START
    from desktop.core.views.reflow import _HARD, _MAYBE_HARD_START, _kind

    width = len(line.rstrip())
    if _kind(line, width) == _HARD:
        assert _MAYBE_HARD_START.match("\n" + line + "\nnext"), repr(line)
    if _BUILTIN.match(line.rstrip()):
        assert _HEADING_START.match(line), repr(line)


def _reflow_judging_all(text: str, monkeypatch: pytest.MonkeyPatch, every: bool) -> tuple:
    from desktop.core.views import reflow as module

    monkeypatch.setattr(module, "_JUDGE_ALL", 0 if every else 10**9)
    out, mapping, hidden = reflow(text)
    return out, mapping.edits(), hidden


def test_judging_every_line_at_once_decides_as_judging_on_demand(
    testdata: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long text has every line judged at once, a short one only the lines a
    decision asks about: both give the same view."""
    raw = (testdata / "novels" / "xiyouji_gutenberg_hardwrapped_zht.txt").read_text("utf-8")
    rng = random.Random(17)
    units = [Unit(paragraph(rng, rng.randint(1, 7))) for _ in range(120)]
    texts = [raw[:300_000], raw[:300_000].replace("\r\n", "\n")]
    texts += [
        wrap_document(units, width, indent=style == "indent", blank=style == "blank").text
        for width in (22, 31, 38)
        for style in ("plain", "indent", "blank")
    ]
    for text in texts:
        at_once = _reflow_judging_all(text, monkeypatch, every=True)
        on_demand = _reflow_judging_all(text, monkeypatch, every=False)
        assert at_once == on_demand
        assert at_once[2], "nothing was reflowed: the comparison would prove nothing"
