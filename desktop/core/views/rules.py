"""Conversion rules: the reader's corrections to OpenCC, applied after it converts.

A rule says: where the text being converted has the word ``source``, show
``target`` (``后`` → ``后`` keeps the original; ``皇后`` → ``皇後`` overrides OpenCC's
phrase).  It holds for one script (``simplified``, ``traditional``, ``taiwan``,
``hongkong``) or for every converted script (``any``), and for one document or for
all of them (``doc``; the views get the rules of their document already chosen,
see :meth:`desktop.core.conversion_rules.RuleBook.for_document`).

Applying rules (:func:`apply_rules`) runs after OpenCC on the same text OpenCC
converted: every occurrence of a rule's source word, found left to right and the
longest first, whose conversion differs from the rule's target is replaced by the
target.  The offset map stays exact: the replacement is one more edit composed onto
OpenCC's map, so canonical offsets (annotations, search hits, the reading position)
land on the same words in every view, whatever the target's length.  A target of
the same length maps char for char; otherwise what it shares with OpenCC's output
at its start and end maps char for char and the rest as one rewrite.  As for
OpenCC's own phrases, two rewrites that touch (a rule's word right after another
whose length changed) share one stretch of the map: a range on either grows to
cover both, and nothing is lost.  An occurrence whose edge falls inside a stretch
OpenCC rewrote with a different length (a phrase of ``s2twp``) is left alone: the
rule does not own the whole of that stretch.

When two rules have the same source word, a rule for this document beats one for
all documents, a rule for this script beats one for ``any``, and among equals the
one added last wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from desktop.core.offsetmap import MapBuilder, OffsetMap

__all__ = [
    "ANY_SCRIPT",
    "MAX_WORD",
    "RULE_SCRIPTS",
    "ConversionRule",
    "RuleMatch",
    "active_rules",
    "apply_rules",
    "find_rule_matches",
]

ANY_SCRIPT = "any"
#: The scripts a rule may hold for: the converted scripts of the views, or all.
RULE_SCRIPTS = ("simplified", "traditional", "taiwan", "hongkong", ANY_SCRIPT)
#: Longest source or target word, in characters.
MAX_WORD = 32
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _check_word(name: str, word: Any) -> None:
    if not isinstance(word, str) or not word or len(word) > MAX_WORD:
        raise ValueError(f"a rule's {name!r} word must be 1 to {MAX_WORD} characters: {word!r}")
    if _CONTROL.search(word) or word != word.strip():
        raise ValueError(
            f"a rule's {name!r} word may not hold line breaks, control characters "
            f"or surrounding spaces: {word!r}"
        )


@dataclass(frozen=True)
class ConversionRule:
    """Show ``target`` where the text has ``source``, in ``script`` views of ``doc``."""

    source: str  #: the word as written in the document (stored as "from")
    target: str  #: what the view shows instead (stored as "to")
    script: str = ANY_SCRIPT  #: one of RULE_SCRIPTS
    doc: str | None = None  #: a document id, or None for all documents
    created: str = ""  #: when the rule was made (ISO 8601, local time)

    def __post_init__(self) -> None:
        _check_word("from", self.source)
        _check_word("to", self.target)
        if self.script not in RULE_SCRIPTS:
            raise ValueError(f"unknown script {self.script!r} for a rule (expected {RULE_SCRIPTS})")
        if self.doc is not None and (not isinstance(self.doc, str) or not self.doc):
            raise ValueError(f"a rule's document must be a document id, not {self.doc!r}")

    @property
    def key(self) -> tuple[str, str, str | None]:
        """What makes two rules the same rule: at most one target per key."""
        return self.source, self.script, self.doc

    def holds_for(self, script: str) -> bool:
        """Whether the rule applies to a view in ``script``."""
        return self.script in (ANY_SCRIPT, script) and script != "original"

    def to_json(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "script": self.script,
            "doc": self.doc,
            "created": self.created,
        }

    @classmethod
    def from_json(cls, value: Any) -> ConversionRule:
        """A rule from its JSON object (``ValueError`` saying what is wrong)."""
        if not isinstance(value, dict):
            raise ValueError(f"a rule is {value!r}, not an object")
        created = value.get("created", "")
        return cls(
            source=value.get("from"),  # type: ignore[arg-type]  # checked in __post_init__
            target=value.get("to"),  # type: ignore[arg-type]
            script=value.get("script", ANY_SCRIPT),
            doc=value.get("doc"),
            created=created if isinstance(created, str) else "",
        )


@dataclass(frozen=True)
class RuleMatch:
    """An occurrence of a rule's source word: ``text[start:end] == rule.source``."""

    start: int
    end: int
    rule: ConversionRule


def _priority(rule: ConversionRule) -> tuple[bool, bool]:
    return rule.doc is not None, rule.script != ANY_SCRIPT


def active_rules(rules: tuple[ConversionRule, ...], script: str) -> dict[str, ConversionRule]:
    """The rule that wins for each source word in a ``script`` view."""
    best: dict[str, ConversionRule] = {}
    for rule in rules:
        if not rule.holds_for(script):
            continue
        old = best.get(rule.source)
        if old is None or _priority(rule) >= _priority(old):
            best[rule.source] = rule
    return best


@lru_cache(maxsize=32)
def _pattern(sources: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(sources, key=len, reverse=True)
    return re.compile("|".join(re.escape(s) for s in longest_first))


def find_rule_matches(text: str, rules: tuple[ConversionRule, ...], script: str) -> list[RuleMatch]:
    """Occurrences of the winning rules' source words in ``text``: left to right,
    the longest at each place, never overlapping."""
    winners = active_rules(rules, script)
    if not winners or not text:
        return []
    pattern = _pattern(tuple(sorted(winners)))
    return [RuleMatch(m.start(), m.end(), winners[m.group()]) for m in pattern.finditer(text)]


def _targets(mapping: OffsetMap, offsets: list[int]) -> list[int | None]:
    """Each of the ascending ``offsets`` mapped to the target text, or None where it
    falls inside a stretch the map rewrote as a whole (one sweep over the edits)."""
    edits = mapping.edits()
    out: list[int | None] = []
    j, delta = 0, 0
    for x in offsets:
        while j < len(edits) and (edits[j][1] < x or edits[j][0] < edits[j][1] == x):
            delta = edits[j][3] - edits[j][1]
            j += 1
        # edits[j], if any, ends after x or inserts at x: x maps to one place only
        # when it is not inside (or, for an insertion, at) a non-empty rewrite
        if j < len(edits) and edits[j][0] <= x and (x < edits[j][1] or edits[j][0] == x):
            s0, s1, d0, d1 = edits[j]
            if s0 < x or s0 == s1:
                out.append(d0 if d0 == d1 else None)
                continue
        out.append(x + delta)
    return out


def _replace(builder: MapBuilder, old: str, new: str) -> None:
    """Map ``old`` → ``new``: what both begin and end with char for char, the rest as
    one rewrite of at least one char on each side (an insertion or deletion at the
    word's edge would make its edge ambiguous)."""
    if len(old) == len(new):
        builder.keep(len(new))
        return
    keepable = min(len(old), len(new)) - 1  # leave a rewrite, never a bare insertion
    head = 0
    while head < keepable and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < keepable - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    builder.keep(head)
    builder.replace(len(old) - head - tail, len(new) - head - tail)
    builder.keep(tail)


def apply_rules(
    source: str,
    converted: str,
    mapping: OffsetMap,
    rules: tuple[ConversionRule, ...],
    script: str,
) -> tuple[str, OffsetMap]:
    """``converted`` (OpenCC's output for ``source``, ``mapping``: source → converted)
    with the rules applied, and the exact map from ``source`` to the result."""
    matches = find_rule_matches(source, rules, script)
    if not matches:
        return converted, mapping
    edges = _targets(mapping, [x for m in matches for x in (m.start, m.end)])
    parts: list[str] = []
    builder = MapBuilder()
    pos = 0
    for match, d0, d1 in zip(matches, edges[::2], edges[1::2]):
        if d0 is None or d1 is None:
            continue
        target = match.rule.target
        if converted[d0:d1] == target:
            continue
        parts.append(converted[pos:d0])
        builder.keep(d0 - pos)
        parts.append(target)
        _replace(builder, converted[d0:d1], target)
        pos = d1
    if not parts:
        return converted, mapping
    parts.append(converted[pos:])
    builder.keep(len(converted) - pos)
    return "".join(parts), mapping.compose(builder.build())
