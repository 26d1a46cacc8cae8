"""OpenCC's candidates for a word, and OpenCC's words in a text, from its own tables.

OpenCC converts by dictionaries: ``后`` has the values ``後 后`` in
``STCharacters``, and it writes the first.  :class:`ConversionTables` reads the
dictionaries a config uses (its JSON file and the ``.ocd2`` files beside it, read
by :mod:`desktop.core.views.ocd2`) and answers two questions:

- :meth:`~ConversionTables.candidates`: every form a word can take through the
  config's chain, walking each dictionary and keeping *all* of an entry's values
  (``里`` → ``裏 里 哩`` in ``s2t``, then ``裡 里 哩`` through ``TWVariants`` in
  ``s2tw``); a word no dictionary holds whole is converted by longest match with
  the default values.  The first candidate is what OpenCC writes for the word on
  its own.  (The same walk as OpenCC's unreleased ``GetAllConversions``.)
- :meth:`~ConversionTables.words`: where OpenCC's longest-match segmentation cuts a
  text (its ``mmseg`` dictionary, or the first step's for configs without one), so
  a character inside a phrase (``发`` in ``头发`` → ``頭髮``) is known to have been
  decided by the phrase, and a character on its own by the character table.

Dictionaries OpenCC marks ``may_output_tofu`` are skipped, as Tongwen's converters
are made without them (desktop.core.views.convert).  Loading ``s2t``'s tables reads
about 50,000 phrases (~0.4 s): do it in a worker (:func:`tables`, cached).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property
from typing import Any

from desktop.core.views.convert import CONFIGS, opencc_input
from desktop.core.views.ocd2 import Entries, opencc_data_dir, read_ocd2

__all__ = ["ConversionTables", "tables"]

#: How far back :meth:`ConversionTables.words` looks for a place no phrase spans.
_MAX_LOOKBACK = 2000


@dataclass(frozen=True)
class _Dict:
    """One dictionary of a config, or a group of them (OpenCC's DictGroup)."""

    entries: Entries | None = None
    children: tuple[_Dict, ...] = ()
    union: bool = False  #: a group's prefix match takes the longest of all, else the first

    @cached_property
    def longest(self) -> int:
        """The longest key, in characters."""
        if self.entries is not None:
            return max(map(len, self.entries), default=0)
        return max((child.longest for child in self.children), default=0)

    def lookup(self, word: str) -> tuple[str, ...] | None:
        """The values of ``word`` as a whole key (the first dictionary that has it)."""
        if self.entries is not None:
            return self.entries.get(word)
        for child in self.children:
            found = child.lookup(word)
            if found is not None:
                return found
        return None

    @cached_property
    def _lengths(self) -> dict[str, tuple[int, ...]]:
        """For each first character, the lengths of the keys it starts, longest first."""
        found: dict[str, set[int]] = {}
        for key in self.entries or ():
            found.setdefault(key[:1], set()).add(len(key))
        return {ch: tuple(sorted(ns, reverse=True)) for ch, ns in found.items()}

    def match(self, text: str, i: int, longest: int) -> tuple[int, tuple[str, ...]] | None:
        """The longest key starting at ``text[i]`` (at most ``longest`` characters):
        (its length, its values)."""
        if self.entries is not None:
            room = min(longest, len(text) - i)
            for n in self._lengths.get(text[i : i + 1], ()):
                if n <= room:
                    values = self.entries.get(text[i : i + n])
                    if values is not None:
                        return n, values
            return None
        best: tuple[int, tuple[str, ...]] | None = None
        for child in self.children:
            found = child.match(text, i, longest)
            if found is not None and not self.union:
                return found
            if found is not None and (best is None or found[0] > best[0]):
                best = found
        return best

    def all_keys(self) -> Iterator[str]:
        if self.entries is not None:
            yield from self.entries
        for child in self.children:
            yield from child.all_keys()


def _load_dict(spec: Any, config: str) -> _Dict | None:
    if not isinstance(spec, dict):
        raise ValueError(f"OpenCC config {config}: a dictionary is {spec!r}")
    if spec.get("may_output_tofu"):
        return None
    if spec.get("type") == "group":
        children = [_load_dict(child, config) for child in spec.get("dicts", ())]
        kept = tuple(child for child in children if child is not None)
        union = spec.get("match_policy") == "union"
        if union and all(child.entries is not None for child in kept):
            merged: Entries = {}  # the longest match of any: one dictionary (first wins)
            for child in kept:
                for key, values in (child.entries or {}).items():
                    merged.setdefault(key, values)
            return _Dict(entries=merged)
        return _Dict(children=kept, union=union)
    if spec.get("type") == "ocd2":
        return _Dict(entries=read_ocd2(opencc_data_dir() / str(spec["file"])))
    raise ValueError(f"OpenCC config {config}: unsupported dictionary type {spec.get('type')!r}")


def _step_words(
    step: _Dict, spans: list[tuple[int, int]], forms: list[str]
) -> tuple[list[tuple[int, int]], list[str]]:
    """Words (source spans) and their forms after one dictionary of the chain: a key
    that covers characters of several words joins them."""
    joined = "".join(forms)
    owner = [w for w, form in enumerate(forms) for _ in form]
    group = list(range(len(forms)))  #: the first word of each word's new word
    outputs: list[list[str]] = [[] for _ in forms]
    x, longest = 0, step.longest
    while x < len(joined):
        found = step.match(joined, x, longest)
        n = found[0] if found else 1
        value = found[1][0] if found and found[1] else joined[x : x + n]
        first, last = group[owner[x]], owner[x + n - 1]
        for w in range(first, last + 1):
            group[w] = first
        outputs[first].append(value)
        x += n
    new_spans: list[tuple[int, int]] = []
    new_forms: list[str] = []
    for w, span in enumerate(spans):
        if w and group[w] == group[w - 1]:
            new_spans[-1] = (new_spans[-1][0], span[1])
            new_forms[-1] += "".join(outputs[w])
        else:
            new_spans.append(span)
            new_forms.append("".join(outputs[w]))
    return new_spans, new_forms


class ConversionTables:
    """The dictionaries of one OpenCC config (a Tongwen config name: ``s2t``, ``tw2s-keep-me`` …)."""

    def __init__(self, config: str) -> None:
        _, name = opencc_input("", config)
        if name not in CONFIGS:
            raise ValueError(f"unknown OpenCC config {config!r}")
        self.config = config
        self._candidates: dict[str, tuple[str, ...]] = {}
        path = opencc_data_dir() / f"{name}.json"
        spec = json.loads(path.read_text(encoding="utf-8"))
        self._steps = [
            d
            for step in [*spec.get("normalization", ()), *spec["conversion_chain"]]
            if (d := _load_dict(step["dict"], name)) is not None
        ]
        self._normalise = len(spec.get("normalization", ()))
        self._one_for_one = {
            ord(key): values[0]
            for step in self._steps[: self._normalise]
            for key, values in (step.entries or {}).items()
            if len(key) == 1 and values and len(values[0]) == 1
        }
        seg = spec.get("segmentation")
        self._segmenter = _load_dict(seg["dict"], name) if seg else None
        self._seg_longest = self._segmenter.longest if self._segmenter else 0
        #: Characters some dictionary holds: OpenCC cuts before any other character.
        dicts = [*self._steps, *([self._segmenter] if self._segmenter else [])]
        self._key_chars = frozenset(ch for d in dicts for key in d.all_keys() for ch in key)

    def _normalised(self, text: str) -> str:
        """``text`` through the config's normalisation (CJK compatibility ideographs
        to unified ones: one character for one, so offsets stay)."""
        return text.translate(self._one_for_one) if self._one_for_one else text

    def _convert_step(self, step: _Dict, word: str) -> str:
        """``word`` through one dictionary by longest match, default values."""
        out: list[str] = []
        i, longest = 0, step.longest
        while i < len(word):
            found = step.match(word, i, longest)
            if found is None:
                out.append(word[i])
                i += 1
            else:
                out.append(found[1][0] if found[1] else word[i : i + found[0]])
                i += found[0]
        return "".join(out)

    def candidates(self, word: str) -> tuple[str, ...]:
        """Every form ``word`` can take through the config, OpenCC's own first."""
        found = self._candidates.get(word)
        if found is None:
            found = self._candidates[word] = self._walk(word)
        return found

    def _walk(self, word: str) -> tuple[str, ...]:
        word, _ = opencc_input(word, self.config)
        forms = [word]
        for n, step in enumerate(self._steps):
            found: list[str] = []
            for form in forms:
                values = step.lookup(form) if n >= self._normalise else None
                found += list(values) if values else [self._convert_step(step, form)]
            forms = list(dict.fromkeys(found))
        return tuple(forms)

    def one_to_many(self, word: str) -> bool:
        """Whether OpenCC had more than one form to choose from for ``word``."""
        return len(self.candidates(word)) > 1

    def words(self, text: str, start: int, end: int) -> list[tuple[int, int]]:
        """OpenCC's words covering ``text[start:end]``, as ``(start, end)`` offsets.

        A word is a stretch OpenCC converted as one: a phrase its segmentation
        matched, or characters that a later dictionary of the chain matched
        together (``s2twp``'s Taiwan phrases), else one character.  The text is
        segmented from the nearest character before ``start`` that no dictionary
        holds (punctuation, a line break), where OpenCC's segmentation must cut too.
        """
        text = self._normalised(opencc_input(text, self.config)[0])
        end = min(end, len(text))
        a, floor = start, max(0, start - _MAX_LOOKBACK)
        while floor < a < len(text) and text[a] in self._key_chars:
            a -= 1
        b, ceiling = end, min(len(text), end + _MAX_LOOKBACK)
        while b < ceiling and text[b] in self._key_chars:
            b += 1
        out: list[tuple[int, int]] = []
        for i, j, phrase in self._segments(text, a, b):
            words = [(i, j)] if phrase else self._chain_words(text, i, j)
            out += [w for w in words if w[1] > start and w[0] < end]
        return out

    def _segments(self, text: str, a: int, b: int) -> list[tuple[int, int, bool]]:
        """OpenCC's segmentation of ``text[a:b]``: phrases it matched (True), and the
        runs of characters between them, converted as one segment by the chain."""
        if self._segmenter is None:
            return [(a, b, False)]
        spans: list[tuple[int, int, bool]] = []
        run, i, longest = a, a, self._seg_longest
        while i < b:
            found = self._segmenter.match(text, i, longest)
            if found is None:
                i += 1
                continue
            if run < i:
                spans.append((run, i, False))
            spans.append((i, i + found[0], True))
            i = run = i + found[0]
        if run < b:
            spans.append((run, b, False))
        return spans

    def _chain_words(self, text: str, a: int, b: int) -> list[tuple[int, int]]:
        """The words of one segment: its characters, joined wherever a dictionary of
        the chain matched several of them (in their forms of that step) as one key."""
        spans = [(k, k + 1) for k in range(a, b)]
        forms = list(text[a:b])
        for step in self._steps[self._normalise :]:
            spans, forms = _step_words(step, spans, forms)
        return spans


@cache
def tables(config: str) -> ConversionTables:
    """The tables of ``config``, read once per process (``ValueError``/``OSError``
    naming the file when OpenCC's data cannot be read)."""
    return ConversionTables(config)
