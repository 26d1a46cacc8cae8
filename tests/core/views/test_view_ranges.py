"""Views of ranges (the reader's pieces) read exactly as inside the whole view."""

from __future__ import annotations

import random
from itertools import pairwise
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.core.offsetmap import OffsetMap
from desktop.core.views import ViewOptions, build_view
from desktop.core.views.ranges import build_view_range
from tests.core.views.reflow_truth import make_units, seed_paragraphs, wrap_document

REPO = Path(__file__).resolve().parents[3]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


def novel(width: int, indent: bool, seed: int) -> str:
    units = seed_paragraphs(SEEDS)
    doc = make_units(units, 120, width, seed=seed)
    return wrap_document(doc, width, indent=indent, seed=seed).text


def line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]


def assert_pieces_make_the_whole(text: str, cuts: list[int], options: ViewOptions) -> None:
    whole = build_view(text, options)
    bounds = [0, *sorted(set(cuts) - {0, len(text)}), len(text)]
    pieces = [build_view_range(text, a, b, options) for a, b in pairwise(bounds)]
    assert "".join(p.text for p in pieces) == whole.text
    assert OffsetMap.concat(p.map for p in pieces) == whole.map
    hidden = [(h0 + a, h1 + a, r) for p, a in zip(pieces, bounds) for h0, h1, r in p.hidden]
    assert merge(hidden) == merge(whole.hidden)


def merge(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Hidden spans with the pieces of one span (cut by a range boundary) joined, each
    reason on its own: spans of two reasons may overlap (a paragraph break's reflow
    span running over the boilerplate after it), so the pieces of one reflow span need
    not be neighbours in the sorted list."""
    out: list[tuple[int, int, str]] = []
    for s0, s1, why in sorted(spans, key=lambda span: (span[2], span[0], span[1])):
        if out and out[-1][1] == s0 and out[-1][2] == why:
            out[-1] = (out[-1][0], s1, why)
        else:
            out.append((s0, s1, why))
    return sorted(out)


def test_a_piece_alone_reads_differently_a_range_does_not() -> None:
    """The reader built each piece as a document of its own: the break at a piece's
    end stayed and the lines at its edges were judged without their neighbours."""
    text = novel(30, False, 1)
    starts = line_starts(text)
    cut = starts[len(starts) // 2]
    options = ViewOptions(script="simplified")
    whole = build_view(text, options).text
    naive = build_view(text[:cut], options).text + build_view(text[cut:], options).text
    assert naive != whole
    assert_pieces_make_the_whole(text, [cut], options)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.integers(20, 40),
    st.booleans(),
    st.integers(0, 50),
    st.lists(st.floats(0, 1), min_size=1, max_size=6),
    st.sampled_from(
        [
            ViewOptions(),
            ViewOptions(script="simplified"),
            ViewOptions(script="taiwan", phrases=True),
            ViewOptions(script="traditional", pinyin="ruby"),
        ]
    ),
)
@example(35, True, 10, [0.98828125], ViewOptions())  # a cut inside a reflow span over boilerplate
def test_ranges_join_into_the_whole_view(
    width: int, indent: bool, seed: int, where: list[float], options: ViewOptions
) -> None:
    text = novel(width, indent, seed)
    starts = line_starts(text)
    cuts = [starts[int(f * (len(starts) - 1))] for f in where]
    assert_pieces_make_the_whole(text, cuts, options)


def test_seeds_cut_anywhere() -> None:
    rng = random.Random(2)
    for path in SEEDS:
        text = path.read_text("utf-8")
        cuts = [rng.randrange(len(text)) for _ in range(4)]
        assert_pieces_make_the_whole(text, cuts, ViewOptions(script="traditional", pinyin="ruby"))


def test_header_lines_hidden_only_at_the_head_of_the_whole_view() -> None:
    """The title line repeats deep in a long text: only the head one is hidden, in
    pieces as in the whole view (a piece's context must not count as a head)."""
    from desktop.core.views import Header

    head = "第一本书\n作者：某人\n\n"
    body = "".join(f"第{i}段 正文\n第一本书\n作者：某人\n" for i in range(400))
    text = head + body
    options = ViewOptions(header=Header("第一本书", "某人"))
    whole = build_view(text, options)
    assert whole.text.count("第一本书") == 400
    starts = line_starts(text)
    assert_pieces_make_the_whole(text, starts[3::97], options)
