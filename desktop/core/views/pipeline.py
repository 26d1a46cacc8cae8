"""The view pipeline: canonical text → clean steps → script conversion.

Each step returns its text and an :class:`OffsetMap`; the pipeline composes them, so
a view answers ``to_view`` / ``to_canonical`` for any offset.  Clean steps, in order:
mojibake repair, boilerplate, pinyin hints, reflow.  They are cheap and run over the
whole text; the script conversion is the costly step and can be run piece by piece
(:class:`ViewBuilder`) so the visible page shows first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from desktop.core.offsetmap import Bias, OffsetMap
from desktop.core.script import SCRIPTS
from desktop.core.views.blanks import collapse_blank_lines
from desktop.core.views.boilerplate import hide_boilerplate
from desktop.core.views.convert import convert_with_map, script_config
from desktop.core.views.header import Header, hide_header_lines
from desktop.core.views.mojibake import repair_mojibake
from desktop.core.views.options import ViewOptions
from desktop.core.views.pinyin import hide_hints
from desktop.core.views.reflow import reflow
from desktop.core.views.region import detect_region
from desktop.core.views.rules import apply_rules

__all__ = [
    "SCRIPTS",
    "TextView",
    "ViewBuilder",
    "ViewOptions",
    "ViewPiece",
    "build_view",
    "build_view_chunked",
]

Span = tuple[int, int, str]


@dataclass
class TextView:
    """Text as the reader sees it, with the map from canonical offsets."""

    text: str
    map: OffsetMap  #: canonical → view
    options: ViewOptions
    ruby: list[Span] = field(default_factory=list)  #: view (start, end, reading)
    hidden: list[Span] = field(default_factory=list)  #: canonical (start, end, reason)
    #: The regional standard the 简体 view was converted from (None for other scripts).
    region: str | None = None

    def to_view(self, canonical_offset: int, bias: Bias = "start") -> int:
        return self.map.to_dst(canonical_offset, bias=bias)

    def to_canonical(self, view_offset: int, bias: Bias = "start") -> int:
        return self.map.to_src(view_offset, bias=bias)

    def view_range(self, start: int, end: int) -> tuple[int, int]:
        return self.map.dst_range(start, end)

    def canonical_range(self, start: int, end: int) -> tuple[int, int]:
        return self.map.src_range(start, end)


@dataclass
class _Cleaned:
    text: str
    map: OffsetMap
    ruby: list[Span]
    hidden: list[Span]


def _map_spans(spans: list[Span], mapping: OffsetMap) -> list[Span]:
    return [(*mapping.dst_range(s, e), r) for s, e, r in spans]


def clean_text(canonical: str, pinyin: str = "hide", header: Header | None = None) -> _Cleaned:
    """Run the clean steps; hidden ranges in canonical offsets, ruby in output offsets."""
    text, mapping = canonical, OffsetMap.identity(len(canonical))
    hidden: list[Span] = []
    ruby: list[Span] = []
    steps: list[Callable[[str], tuple[str, OffsetMap, list[Span]]]] = [
        repair_mojibake,
        hide_boilerplate,
    ]
    if pinyin != "inline":
        steps.append(lambda t: _pinyin_step(t, pinyin == "ruby", ruby))
    if header is not None:
        steps.append(lambda t: hide_header_lines(t, header))
    steps.append(reflow)
    steps.append(collapse_blank_lines)
    for step in steps:
        before = len(ruby)
        out, step_map, step_hidden = step(text)
        hidden += [(*mapping.src_range(s, e), why) for s, e, why in step_hidden]
        ruby[:before] = _map_spans(ruby[:before], step_map)
        text, mapping = out, mapping.compose(step_map)
    return _Cleaned(text, mapping, ruby, sorted(hidden))


def _pinyin_step(text: str, ruby: bool, sink: list[Span]) -> tuple[str, OffsetMap, list[Span]]:
    out, mapping, hidden, spans = hide_hints(text, ruby)
    sink.extend(spans)
    return out, mapping, hidden


def build_view(canonical: str, options: ViewOptions = ViewOptions()) -> TextView:
    """The whole view of ``canonical`` at once."""
    builder = ViewBuilder(canonical, options)
    return builder.assemble([builder.build_clean_range(0, len(builder.cleaned))])


@dataclass
class ViewPiece:
    """A converted stretch of whole lines of a view, for progressive display."""

    canonical_start: int
    canonical_end: int
    clean_start: int  #: where the piece starts in the cleaned text
    text: str
    map: OffsetMap  #: cleaned[clean_start:...] → text


class ViewBuilder:
    """Builds a view piece by piece: the visible page first, the rest later.

    The clean steps run once here (cheap); :meth:`build_range` converts only whole
    lines around a canonical range, :meth:`pieces` yields the rest in chunks cut at
    newlines, so no phrase or surrogate pair is ever split.  Stop iterating (or pass
    ``cancelled``) to cancel.
    """

    def __init__(self, canonical: str, options: ViewOptions = ViewOptions()) -> None:
        self.options = options
        self.canonical = canonical
        if options.clean:
            cleaned = clean_text(canonical, options.pinyin, options.header)
        else:
            cleaned = _Cleaned(canonical, OffsetMap.identity(len(canonical)), [], [])
        self.cleaned = cleaned.text
        self.clean_map = cleaned.map
        self._ruby = cleaned.ruby
        self._hidden = cleaned.hidden
        self.region = _region(canonical, options)
        self.config = script_config(options.script, options.phrases, self.region)

    def _line_bounds(self, start: int, end: int) -> tuple[int, int]:
        text = self.cleaned
        start = text.rfind("\n", 0, start) + 1
        nl = text.find("\n", end)
        return start, len(text) if nl < 0 else nl + 1

    def build_clean_range(self, start: int, end: int) -> ViewPiece:
        """Convert ``cleaned[start:end]`` (widened to whole lines)."""
        start, end = self._line_bounds(start, max(start, end))
        chunk = self.cleaned[start:end]
        if self.config is None:
            text, mapping = chunk, OffsetMap.identity(len(chunk))
        else:
            text, mapping = convert_with_map(chunk, self.config)
            if self.options.rules:
                rules, script = self.options.rules, self.options.script
                text, mapping = apply_rules(chunk, text, mapping, rules, script)
        c0 = self.clean_map.to_src(start, bias="start")
        c1 = self.clean_map.to_src(end, bias="end")
        return ViewPiece(c0, c1, start, text, mapping)

    def build_range(self, canonical_start: int, canonical_end: int) -> ViewPiece:
        """The piece of view covering a canonical range (e.g. the visible page)."""
        s, e = self.clean_map.dst_range(canonical_start, canonical_end)
        return self.build_clean_range(s, e)

    def pieces(
        self,
        chunk_chars: int = 200_000,
        start_at: int = 0,
        cancelled: Callable[[], bool] | None = None,
    ) -> Iterator[ViewPiece]:
        """Chunks of the view in document order from the line holding clean offset
        ``start_at`` to the end; stop iterating or make ``cancelled()`` true to cancel."""
        n = len(self.cleaned)
        pos = self._line_bounds(min(start_at, n), min(start_at, n))[0] if start_at else 0
        while True:
            if cancelled is not None and cancelled():
                return
            piece = self.build_clean_range(pos, min(n, pos + chunk_chars))
            yield piece
            pos = piece.clean_start + piece.map.src_len
            if pos >= n:
                return

    def assemble(self, pieces: list[ViewPiece]) -> TextView:
        """The whole view from consecutive pieces covering the cleaned text."""
        convert_map = OffsetMap.concat(p.map for p in pieces)
        mapping = self.clean_map.compose(convert_map)
        ruby = _map_spans(self._ruby, convert_map) if self._ruby else []
        text = "".join(p.text for p in pieces)
        return TextView(text, mapping, self.options, ruby, list(self._hidden), self.region)


def _region(canonical: str, options: ViewOptions) -> str | None:
    """The regional standard a 简体 view converts from: the chosen one, else detected."""
    if options.script != "simplified":
        return None
    return options.region or detect_region(canonical).region


def build_view_chunked(
    canonical: str,
    options: ViewOptions = ViewOptions(),
    chunk_chars: int = 200_000,
) -> Iterator[ViewPiece]:
    """Yield the view in pieces (cut at line ends); their texts joined are the view."""
    yield from ViewBuilder(canonical, options).pieces(chunk_chars)
