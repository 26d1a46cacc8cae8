"""What a search returns (kept apart from the search machinery, which needs numpy)."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["SearchHit", "SearchResults"]


@dataclass
class SearchHit:
    """One matching document."""

    doc_id: str
    title: str
    score: float
    snippet: str  #: canonical text around the first hit, newlines as spaces
    snippet_marks: list[tuple[int, int]]  #: hit ranges inside ``snippet``
    hits: list[tuple[int, int]]  #: every hit as a canonical (start, end) range
    #: the canonical range the snippet was cut from, so the UI can build it through a
    #: view in the reader's script and map ``hits`` with the view's map
    snippet_range: tuple[int, int] = (0, 0)


@dataclass
class SearchResults:
    """What a search found."""

    hits: list[SearchHit] = field(default_factory=list)
    total: int = 0  #: how many documents match in all (``hits`` holds the first ones)
    hint: str | None = None  #: set when the query's syntax was bad and degraded
    #: ``total`` is estimated: the best hits are exact, but not every candidate of a
    #: common phrase was read to count the rest
    estimated: bool = False
