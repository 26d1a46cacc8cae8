"""What the reader can correct in a converted view: a word's choices, and the spots
where OpenCC chose among several forms.

Both questions are asked of a view (:class:`~desktop.core.views.pipeline.TextView`)
and the canonical text it was built from, in the view's offsets:

- :func:`choice_at` — for the character at a view offset (or a selected range): the
  source word OpenCC converted there (its segmentation: ``头发`` is one word,
  ``后`` alone another), what OpenCC made of it, what the view shows (a rule may
  have changed it), and the other candidates from OpenCC's tables; "keep the
  original" is the source word itself.  :meth:`ConversionChoice.rule_for` makes
  the rule that stores the reader's pick.
- :func:`one_to_many_spots` — within a view range (the visible page): every word
  that OpenCC converted by a one-to-many entry (``后`` → ``後``/``后`` on its own,
  not inside a phrase that decided it), for the optional "check these spots" mark.

Both rebuild the stretch around the range as the view was built (the clean steps
over the same context lines, :func:`~desktop.core.views.ranges.context_bounds`),
so they see the text OpenCC converted, not the canonical text (pinyin hints,
reflowed line breaks).  Neither touches the whole document: a right-click or a
page costs a few milliseconds once the tables are loaded
(:func:`~desktop.core.views.candidates.tables`, ~0.4 s the first time).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, replace

from desktop.core.offsetmap import OffsetMap
from desktop.core.views.candidates import ConversionTables, tables
from desktop.core.views.convert import convert_with_map, script_config
from desktop.core.views.pipeline import TextView, ViewBuilder, ViewOptions
from desktop.core.views.ranges import context_bounds
from desktop.core.views.rules import ConversionRule, RuleMatch, apply_rules, find_rule_matches

__all__ = [
    "ConversionChoice",
    "ConversionSpot",
    "ConvertedWord",
    "choice_at",
    "one_to_many_spots",
    "preload",
]

#: At most this many alternatives are offered for one word.
MAX_ALTERNATIVES = 12


@dataclass(frozen=True)
class ConvertedWord:
    """A word of the view: where it is, as written and as shown."""

    start: int  #: canonical offsets of the source word
    end: int
    view_start: int  #: where the view shows it
    view_end: int
    source: str  #: the word as written ("Keep the original" shows this)
    shown: str  #: what the view shows: OpenCC's conversion, or a rule's target


@dataclass(frozen=True)
class ConversionSpot(ConvertedWord):
    """A word of the view OpenCC converted by a one-to-many entry."""


@dataclass(frozen=True)
class ConversionChoice(ConvertedWord):
    """A converted word of the view and what the reader may show instead."""

    converted: str  #: what OpenCC made of it
    alternatives: tuple[str, ...]  #: other forms, OpenCC's first; never ``shown``/``source``
    rule: ConversionRule | None  #: the rule that made ``shown``, if one did
    script: str  #: the view's script, the script of a rule made here

    @property
    def can_keep_original(self) -> bool:
        """Whether the view shows something else than the word as written."""
        return self.shown != self.source

    def rule_for(self, target: str, doc: str | None = None) -> ConversionRule:
        """The rule that shows ``target`` for this word in this script, for the
        document ``doc`` or (None) for all documents."""
        created = time.strftime("%Y-%m-%dT%H:%M:%S")
        return ConversionRule(self.source, target, self.script, doc, created)


@dataclass
class _Stretch:
    """Whole lines of the text OpenCC converted around a canonical range."""

    origin: int  #: canonical offset of the cleaned text's start
    clean_map: OffsetMap  #: canonical[origin:...] → cleaned text
    line_start: int  #: where ``source`` starts in the cleaned text
    source: str  #: whole cleaned lines
    plain: str  #: OpenCC's conversion of ``source``
    plain_map: OffsetMap
    shown: str  #: with the rules applied, as the view shows it
    shown_map: OffsetMap
    matches: list[RuleMatch]
    tables: ConversionTables
    script: str

    def canonical(self, p: int, q: int) -> tuple[int, int]:
        s, e = self.clean_map.src_span(self.line_start + p, self.line_start + q)
        return self.origin + s, self.origin + e


def preload(view: TextView) -> bool:
    """Read OpenCC's tables for ``view``'s conversion (about 0.4 s the first time,
    nothing after): call it from a worker when a converted view opens, so the first
    right-click does not wait.  False for a view in the original script."""
    options = _view_options(view)
    config = script_config(options.script, options.phrases, options.region)
    if config is None:
        return False
    tables(config)
    return True


def _view_options(view: TextView) -> ViewOptions:
    if view.options.script == "simplified" and view.region is not None:
        return replace(view.options, region=view.region)
    return view.options


def _stretch(canonical: str, options: ViewOptions, c0: int, c1: int) -> _Stretch | None:
    """The cleaned lines holding canonical ``[c0, c1)`` and their conversions."""
    a, b = context_bounds(canonical, c0, max(c0, c1))
    builder = ViewBuilder(canonical[a:b], replace(options, header=None) if a > 0 else options)
    if builder.config is None:
        return None
    cleaned = builder.cleaned
    x0, x1 = builder.clean_map.dst_range(c0 - a, max(c0, c1) - a)
    ls = cleaned.rfind("\n", 0, x0) + 1
    le = cleaned.find("\n", max(x1 - 1, x0))
    source = cleaned[ls : len(cleaned) if le < 0 else le]
    plain, plain_map = convert_with_map(source, builder.config)
    shown, shown_map = apply_rules(source, plain, plain_map, options.rules, options.script)
    matches = find_rule_matches(source, options.rules, options.script)
    tb = tables(builder.config)
    return _Stretch(
        a, builder.clean_map, ls, source, plain, plain_map, shown, shown_map, matches, tb,
        options.script,
    )  # fmt: skip


def _edges_inside(mapping: OffsetMap, p: int, q: int) -> tuple[int, int]:
    """``[p, q)`` grown to the source edges of the map's rewrites crossing it."""
    for s0, s1, _, _ in mapping.edits():
        if s0 < p < s1 or s0 < q < s1:
            p, q = min(p, s0), max(q, s1)
    return p, q


def _grow(st: _Stretch, p: int, q: int) -> tuple[int, int]:
    """Grow ``[p, q)`` until no rewrite or rule occurrence crosses its edges."""
    while True:
        p2, q2 = _edges_inside(st.plain_map, p, q)
        p2, q2 = _edges_inside(st.shown_map, p2, q2)
        for m in st.matches:
            if m.start < q2 and m.end > p2:
                p2, q2 = min(p2, m.start), max(q2, m.end)
        if (p2, q2) == (p, q):
            return p, q
        p, q = p2, q2


def _word_at(st: _Stretch, i: int) -> tuple[int, int]:
    for m in st.matches:
        if m.start <= i < m.end:
            return m.start, m.end
    words = st.tables.words(st.source, i, i + 1)
    return words[0] if words else (i, i + 1)


def _alternatives(st: _Stretch, p: int, q: int, focus: range, converted: str) -> list[str]:
    source = st.source[p:q]
    found = list(st.tables.candidates(source))
    if len(source) == len(converted):
        for k in focus:
            for ch in st.tables.candidates(source[k]):
                found.append(converted[:k] + ch + converted[k + 1 :])
    return found


def _pointed_at(
    view: TextView, view_start: int, view_end: int | None, origin: int
) -> tuple[int, int, bool]:
    """The canonical range the reader pointed at: the character at ``view_start``, or
    the selected range ``[view_start, view_end)``; and whether it was a selection."""
    selection = view_end is not None and view_end > view_start
    v0 = min(max(0, view_start), len(view.text) - 1)
    v1 = view_end if selection and view_end is not None else v0 + 1
    c0 = origin + view.to_canonical(v0, bias="start")
    c1 = origin + view.to_canonical(min(v1, len(view.text)), bias="end")
    return c0, c1, selection


def _word_pointed_at(st: _Stretch, c0: int, c1: int, selection: bool) -> tuple[int, int, range]:
    """The word of ``st.source`` the choices are for, ``[p, q)``: the selection, or
    OpenCC's word at ``c0``, grown until no rewrite crosses its edges; and which of
    its characters the reader pointed at (their alternatives are offered one by one)."""
    a = st.origin
    i = st.clean_map.to_dst(c0 - a) - st.line_start
    if selection:
        x0, x1 = st.clean_map.dst_range(c0 - a, c1 - a)
        p, q = x0 - st.line_start, x1 - st.line_start
    else:
        p, q = _word_at(st, i)
    p, q = _grow(st, max(0, p), min(len(st.source), max(q, p + 1)))
    focus = range(q - p) if selection else range(i - p, i - p + 1) if p <= i < q else range(0)
    return p, q, focus


def choice_at(
    canonical: str,
    view: TextView,
    view_start: int,
    view_end: int | None = None,
    *,
    origin: int = 0,
) -> ConversionChoice | None:
    """The choice for the word at view offset ``view_start`` (or for exactly the
    selected range ``[view_start, view_end)``), or None where nothing was converted
    and OpenCC had no other form (or the view shows the original script).

    ``canonical`` is the text the view was built from; ``origin`` is the canonical
    offset where ``view`` starts (a piece of ``build_view_range``; 0 for a whole
    view).  Needs OpenCC's tables: call it from a worker the first time."""
    options = _view_options(view)
    if options.script == "original" or not view.text:
        return None
    c0, c1, selection = _pointed_at(view, view_start, view_end, origin)
    st = _stretch(canonical, options, c0, c1)
    if st is None:
        return None
    p, q, focus = _word_pointed_at(st, c0, c1, selection)
    source = st.source[p:q]
    converted = st.plain[st.plain_map.to_dst(p) : st.plain_map.to_dst(q)]
    shown = st.shown[st.shown_map.to_dst(p) : st.shown_map.to_dst(q)]
    rule = next((m.rule for m in st.matches if (m.start, m.end) == (p, q)), None)
    if rule is not None and rule.target != shown:
        rule = None
    found = ([converted] if converted != shown else []) + _alternatives(st, p, q, focus, converted)
    alternatives = tuple(w for w in dict.fromkeys(found) if w not in (shown, source))
    if not alternatives and shown == source:
        return None
    s, e = st.canonical(p, q)
    vs, ve = view.view_range(s - origin, e - origin)
    return ConversionChoice(
        s, e, vs, ve, source, shown, converted, alternatives[:MAX_ALTERNATIVES], rule, st.script
    )


def one_to_many_spots(
    canonical: str,
    view: TextView,
    view_start: int = 0,
    view_end: int | None = None,
    *,
    origin: int = 0,
) -> list[ConversionSpot]:
    """The words in view range ``[view_start, view_end)`` (default: the whole view)
    that OpenCC converted by a one-to-many entry, in order; words a rule decided are
    left out (the reader already chose).  Arguments as for :func:`choice_at`."""
    options = _view_options(view)
    end = len(view.text) if view_end is None else min(view_end, len(view.text))
    if options.script == "original" or end <= view_start:
        return []
    c0 = origin + view.to_canonical(max(0, view_start), bias="start")
    c1 = origin + view.to_canonical(end, bias="end")
    st = _stretch(canonical, options, c0, c1)
    if st is None:
        return []
    a = st.origin
    x0, x1 = st.clean_map.dst_range(c0 - a, c1 - a)
    ruled = [(m.start, m.end) for m in st.matches]
    spots: list[ConversionSpot] = []
    for p, q in st.tables.words(st.source, x0 - st.line_start, x1 - st.line_start):
        if any(s < q and p < e for s, e in ruled):
            continue
        if not st.tables.one_to_many(st.source[p:q]):
            continue
        p, q = _grow(st, p, q)
        s, e = st.canonical(p, q)
        vs, ve = view.view_range(s - origin, e - origin)
        if ve <= view_start or vs >= end:
            continue
        shown = st.shown[st.shown_map.to_dst(p) : st.shown_map.to_dst(q)]
        spots.append(ConversionSpot(s, e, vs, ve, st.source[p:q], shown))
    return spots
