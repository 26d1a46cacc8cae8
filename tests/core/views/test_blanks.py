"""Blank-line collapsing keeps paragraphs apart and the offset map exact."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.views import ViewOptions, build_view
from desktop.core.views.blanks import collapse_blank_lines


def test_runs_of_blank_lines_become_one() -> None:
    text = "\n \n標題\n\n\n\u00a0\n\u3000\n正文。\n\n下一段。"
    out, mapping, hidden = collapse_blank_lines(text)
    assert out == "標題\n\n正文。\n\n下一段。"
    assert hidden == []
    start = text.index("正文")
    assert out[mapping.to_dst(start) : mapping.to_dst(start + 3)] == "正文。"


def test_seed_view_has_no_gaps(seed_paths) -> None:  # type: ignore[no-untyped-def]
    for path in seed_paths:
        view = build_view(path.read_text("utf-8", errors="replace").replace("\r\n", "\n"))
        assert "\n\n\n" not in view.text and not view.text.startswith("\n")


@given(st.text(alphabet="ab \n\u00a0\u3000字", max_size=60))
def test_map_is_monotonic_and_text_preserved(text: str) -> None:
    out, mapping, _ = collapse_blank_lines(text)
    assert out.replace("\n", "").replace(" ", "").replace("\u00a0", "").replace("\u3000", "") == (
        text.replace("\n", "").replace(" ", "").replace("\u00a0", "").replace("\u3000", "")
    )
    positions = [mapping.to_dst(i) for i in range(len(text) + 1)]
    assert positions == sorted(positions) and positions[-1] == len(out)
    view = build_view(text, ViewOptions(clean=True))
    assert "\n\n\n" not in view.text
