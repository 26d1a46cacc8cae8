"""The search box's query language, parsed into small query objects.

Syntax: space-separated terms are all required; ``"a quoted phrase"`` is one term
(its spaces kept, Han-to-Han spaces fold away); ``-term`` excludes; ``a OR b``
either; ``title:``, ``author:``, ``source:`` limit a term to a field; ``script:`` and
``format:`` and ``tag:`` filter; ``published:2024`` or ``published:2024-08..2024-12`` filter on
the date.  Bad syntax never raises: the query degrades to a plain search of its
words and :attr:`ParsedQuery.hint` says what was wrong.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["TEXT_FIELDS", "DateRange", "Filter", "Node", "ParsedQuery", "Term", "parse_query"]

#: Fields a term may name; ``None`` means any of them (and the body).
TEXT_FIELDS = ("title", "author", "source", "notes")
_FILTER_FIELDS = ("script", "format", "tag")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
_TOKEN = re.compile(r'\s*(-?)(?:([a-z]+):)?(?:"([^"]*)"|(\S+))', re.IGNORECASE)


@dataclass(frozen=True)
class Term:
    """Text that must occur (as a substring after folding) in a field or anywhere."""

    text: str
    field: str | None = None


@dataclass(frozen=True)
class Filter:
    """An exact metadata value: ``script:traditional``, ``format:epub``, ``tag:待读``."""

    field: str
    value: str


@dataclass(frozen=True)
class DateRange:
    """Published between ``low`` and ``high`` inclusive, as date prefixes."""

    low: str
    high: str


Node = Term | Filter | DateRange


@dataclass
class ParsedQuery:
    """Clauses: each is a list of alternatives (OR); all clauses are required."""

    clauses: list[list[Node]] = field(default_factory=list)
    excluded: list[Node] = field(default_factory=list)
    hint: str | None = None

    @property
    def empty(self) -> bool:
        """True when nothing was asked for."""
        return not self.clauses and not self.excluded


class _SyntaxProblem(ValueError):
    pass


def _node(name: str | None, text: str) -> Node:
    if name is None:
        return Term(text)
    key = name.lower()
    if key in TEXT_FIELDS:
        return Term(text, key)
    if key in _FILTER_FIELDS:
        return Filter(key, text.lower())
    if key == "published":
        return _date_range(text)
    raise _SyntaxProblem(f"unknown field {name}:")


def _date_range(text: str) -> DateRange:
    low, sep, high = text.partition("..")
    if not sep:
        high = low
    for part in (low, high):
        if part and not _DATE.match(part):
            raise _SyntaxProblem(f"published:{text} is not a date like 2024 or 2024-08..2024-12")
    if not low and not high:
        raise _SyntaxProblem("published: needs a date")
    return DateRange(low, high)


def _tokens(text: str) -> list[tuple[bool, str | None, str]]:
    if text.count('"') % 2:
        raise _SyntaxProblem("a quotation mark is not closed")
    out = []
    for m in _TOKEN.finditer(text):
        neg, name, quoted, bare = m.group(1) == "-", m.group(2), m.group(3), m.group(4)
        value = quoted if quoted is not None else bare
        if name and not value:
            raise _SyntaxProblem(f"{name}: needs a value")
        if not value:
            continue
        out.append((neg, name, value))
    return out


def _strict(text: str) -> ParsedQuery:
    query = ParsedQuery()
    pending_or = False
    for neg, name, value in _tokens(text):
        if value == "OR" and name is None and not neg:
            if not query.clauses or pending_or:
                raise _SyntaxProblem("OR needs a term on each side")
            pending_or = True
            continue
        node = _node(name, value)
        if neg:
            if pending_or:
                raise _SyntaxProblem("OR cannot join an excluded term")
            query.excluded.append(node)
        elif pending_or:
            query.clauses[-1].append(node)
            pending_or = False
        else:
            query.clauses.append([node])
    if pending_or:
        raise _SyntaxProblem("OR needs a term on each side")
    if not query.clauses and query.excluded:
        raise _SyntaxProblem("only excluded terms: add something to look for")
    return query


def _plain(text: str) -> ParsedQuery:
    words = re.sub(r'["]|\b[a-z]+:(?=\S)|(?<!\S)-|\bOR\b', " ", text, flags=re.IGNORECASE)
    return ParsedQuery(clauses=[[Term(w)] for w in words.split()])


def parse_query(text: str) -> ParsedQuery:
    """Parse a search-box query; never raises (see :attr:`ParsedQuery.hint`)."""
    try:
        return _strict(text)
    except _SyntaxProblem as exc:
        query = _plain(text)
        query.hint = f"{exc}; searched for the words instead"
        return query
