"""Property tests: annotations are never lost, whatever happens to the text or the view."""

from __future__ import annotations

import importlib
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.annotations import AnnotationStore

ALPHABET = "天下大势分久必合国優化优化互联网網際網路𠮷ab \n,。"
PIECES = ["优化布局", "互联网", "社区", "發展", "软件", "鼠标", "信息", "𠮷野家", "\n", "。"]

texts = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(ALPHABET, min_size=1, max_size=6)),
    min_size=3,
    max_size=60,
).map("".join)


@st.composite
def text_and_spans(draw: st.DrawFn) -> tuple[str, list[tuple[int, int]]]:
    text = draw(texts.filter(lambda t: len(t) >= 4))
    pairs = st.tuples(st.integers(0, len(text) - 1), st.integers(1, 12))
    spans = draw(st.lists(pairs, min_size=1, max_size=8))
    return text, [(s, min(len(text), s + n)) for s, n in spans]


edits = st.lists(
    st.tuples(st.floats(0, 1), st.integers(0, 5), st.text(ALPHABET, max_size=8)), max_size=4
)


def _apply(text: str, changes: list[tuple[float, int, str]]) -> str:
    for where, cut, insert in changes:
        at = int(where * len(text))
        text = text[:at] + insert + text[at + cut :]
    return text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_spans(), edits)
def test_reanchor_never_loses_an_item(
    case: tuple[str, list[tuple[int, int]]], changes: Any
) -> None:
    text, spans = case
    with tempfile.TemporaryDirectory() as tmp:
        store = AnnotationStore.open(Path(tmp), text=text)
        made = [store.add_highlight(s, e) for s, e in spans]
        store.save()
        new_text = _apply(text, changes)
        store.reanchor(new_text)
        store.save()
        again = AnnotationStore.open(Path(tmp), text=new_text)
        assert {i.id for i in again.items()} == {i.id for i in made}
        for item in again.items():
            t = item.target
            assert item.orphaned or new_text[t.start : t.end] == t.exact
            if not changes:
                assert not item.orphaned and item == store.get(item.id)
            needle = t.prefix + t.exact + t.suffix
            if not item.orphaned and new_text.count(needle) == 1:
                assert new_text.index(needle) + len(t.prefix) == t.start


def _views() -> Any:
    try:
        views = importlib.import_module("desktop.core.views")
        views.build_view, views.ViewOptions  # noqa: B018
    except (ImportError, AttributeError):
        pytest.skip("desktop.core.views.build_view has not landed yet")
    return views


options = st.tuples(
    st.booleans(),
    st.sampled_from(["original", "simplified", "traditional", "taiwan", "hongkong"]),
    st.booleans(),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text_and_spans(), st.lists(options, min_size=1, max_size=5))
def test_highlights_survive_view_toggles(
    case: tuple[str, list[tuple[int, int]]], toggles: list[tuple[bool, str, bool]]
) -> None:
    views = _views()
    text, spans = case
    with tempfile.TemporaryDirectory() as tmp:
        store = AnnotationStore.open(Path(tmp), text=text)
        made = {i.id: i for i in (store.add_highlight(s, e) for s, e in spans)}
        for clean, script, phrases in toggles:
            view = views.build_view(
                text, views.ViewOptions(clean=clean, script=script, phrases=phrases)
            )
            for ident, vstart, vend, _ in store.view_ranges(view):
                t = made[ident].target
                assert 0 <= vstart <= vend <= len(view.text)
                if vstart < vend:
                    back = view.canonical_range(vstart, vend)
                    assert back[0] <= t.start and t.end <= back[1]
            # The reader scrolls in the view; the position is stored canonically.
            store.set_position(view.to_canonical(len(view.text) // 2))
            store.save()
            store = AnnotationStore.open(Path(tmp), text=text)
            for item in store.items():
                assert item.target == made[item.id].target
                assert text[item.target.start : item.target.end] == item.target.exact
