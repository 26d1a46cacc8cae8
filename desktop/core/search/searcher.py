"""Running a parsed query: candidates, exact verification, BM25F ranking, snippets.

A term's candidates are the documents holding all of its grams (set intersection of
postings); each candidate is then checked against its folded text, so the result
set is exactly that of a substring scan.  A query of one gram (a Han character, two
adjacent Han characters, or one word) needs no check.  Scores are BM25 on the
body (the term's exact count) plus whoosh's BM25F over title (boosted), author,
source and notes; ties go to the newer document.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any

from whoosh import query as wq

from desktop.core.search.fold import HAN, fold_plain, hit_range
from desktop.core.search.query import TEXT_FIELDS, DateRange, Filter, Node, Term, parse_query
from desktop.core.search.store import BodyStore

__all__ = ["MAX_HITS_PER_DOC", "SearchHit", "SearchResults", "query_grams", "run_search"]

#: Hit ranges reported per document at most (a novel may hold a word 10,000 times).
MAX_HITS_PER_DOC = 1000
_K1, _B = 1.2, 0.75
_SNIPPET_BEFORE, _SNIPPET_AFTER = 30, 60
_RUN = re.compile(f"[{HAN}]+|[0-9a-z]+")


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


def query_grams(folded: str) -> list[str]:
    """The grams every text containing ``folded`` holds."""
    grams: list[str] = []
    for run in _RUN.findall(folded):
        if run[0].isascii() or len(run) == 1:
            grams.append(run)
        else:
            grams.extend(run[i : i + 2] for i in range(len(run) - 1))
    return list(dict.fromkeys(grams))


def _is_exact_gram(folded: str, grams: list[str]) -> bool:
    return (len(grams) == 1 and grams[0] == folded and len(folded) <= 2) or (
        len(grams) == 1 and grams[0] == folded and folded.isascii()
    )


class _Run:
    """One search: the store, the whoosh searcher and per-search caches."""

    def __init__(self, store: BodyStore, searcher: Any, library: Any) -> None:
        self.store = store
        self.searcher = searcher
        self.library = library
        self.live = store.live_count
        self.avg = store.average_chars
        self.body_terms: list[str] = []

    # ------------------------------------------------------------ body
    def _bm25(self, tf: int, df: int, chars: int) -> float:
        idf = math.log(1 + (self.live - df + 0.5) / (df + 0.5))
        return idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * chars / self.avg))

    def body(self, folded: str) -> dict[str, float]:
        store = self.store
        grams = query_grams(folded)
        if _is_exact_gram(folded, grams):
            counts = store.postings(grams[0])
        else:
            slots = store.slots_with_all(grams) if grams else store.live_slots()
            counts = {s: n for s in slots if (n := store.count(s, folded))}
        df = len(counts)
        out: dict[str, float] = {}
        for slot, tf in counts.items():
            doc_id = store.doc_id(slot)
            if doc_id is not None:
                out[doc_id] = self._bm25(tf, df, store.chars(slot))
        return out

    # ------------------------------------------------------------ metadata
    def _ids(self, q: wq.Query) -> dict[str, float]:
        results = self.searcher.search(q, limit=None)
        return {hit["id"]: hit.score for hit in results}

    def meta(self, folded: str, fields: tuple[str, ...]) -> dict[str, float]:
        grams = query_grams(folded)
        if not grams:
            return {}
        q = wq.Or([wq.And([wq.Term(f, g) for g in grams]) for f in fields])
        results = self.searcher.search(q, limit=None)
        out = {}
        for hit in results:
            if any(folded in fold_plain(hit.get(f) or "") for f in fields):
                out[hit["id"]] = hit.score
        return out

    # ------------------------------------------------------------ nodes
    def node(self, node: Node) -> dict[str, float] | None:
        """Matching documents with scores; None when the node asks for nothing."""
        if isinstance(node, Filter):
            return dict.fromkeys(self._ids(wq.Term(node.field, node.value)), 0.0)
        if isinstance(node, DateRange):
            high = node.high + "\uffff" if node.high else None
            q = wq.TermRange("published", node.low or None, high)
            return dict.fromkeys(self._ids(q), 0.0)
        return self.term(node)

    def term(self, node: Term) -> dict[str, float] | None:
        folded = fold_plain(node.text).strip()
        if not folded:
            return None
        if node.field is not None:
            return self.meta(folded, (node.field,))
        self.body_terms.append(folded)
        found = self.body(folded)
        for doc_id, score in self.meta(folded, TEXT_FIELDS).items():
            found[doc_id] = found.get(doc_id, 0.0) + score
        return found


def _either(run: _Run, clause: list[Node]) -> dict[str, float] | None:
    out: dict[str, float] | None = None
    for alt in clause:
        got = run.node(alt)
        if got is None:
            continue
        out = {} if out is None else out
        for doc_id, score in got.items():
            out[doc_id] = max(out.get(doc_id, 0.0), score)
    return out


def _combine(run: _Run, clauses: list[list[Node]]) -> dict[str, float] | None:
    total: dict[str, float] | None = None
    for clause in clauses:
        either = _either(run, clause)
        if either is None:
            continue
        if total is None:
            total = either
        else:
            total = {d: s + either[d] for d, s in total.items() if d in either}
    return total


def _excluded(run: _Run, nodes: list[Node]) -> set[str]:
    out: set[str] = set()
    terms_before = list(run.body_terms)
    for node in nodes:
        got = run.node(node)
        if got:
            out.update(got)
    run.body_terms = terms_before  # excluded text is never highlighted
    return out


def _date_key(library: Any, doc_id: str) -> str:
    try:
        record = library.get(doc_id)
    except KeyError:
        return ""
    return str(record.published or record.imported or "")


def _hits(run: _Run, doc_id: str) -> list[tuple[int, int]]:
    slot = run.store.slot_of(doc_id)
    if slot is None or not run.body_terms:
        return []
    folded = run.store.folded_text(slot)
    cols = run.store.map_columns(slot)
    found: list[tuple[int, int]] = []
    for term in run.body_terms:
        pos = folded.find(term)
        while pos >= 0 and len(found) < MAX_HITS_PER_DOC:
            found.append(hit_range(cols, pos, pos + len(term)))
            pos = folded.find(term, pos + 1)
    return sorted(set(found))


def _snippet(
    text: str, hits: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]], tuple[int, int]]:
    if not hits:
        end = min(len(text), _SNIPPET_BEFORE + _SNIPPET_AFTER)
        return text[:end].replace("\n", " "), [], (0, end)
    first_start, first_end = hits[0]
    start = max(0, first_start - _SNIPPET_BEFORE)
    end = min(len(text), max(first_end, first_start + 1) + _SNIPPET_AFTER)
    marks = [(max(s, start) - start, min(e, end) - start) for s, e in hits if s < end and e > start]
    return text[start:end].replace("\n", " "), marks, (start, end)


def _make_hit(run: _Run, doc_id: str, score: float) -> SearchHit:
    try:
        record = run.library.get(doc_id)
        title = record.title or ""
        text = run.library.text(doc_id)
    except (KeyError, OSError, ValueError):
        title, text = "", ""
    hits = _hits(run, doc_id)
    snippet, marks, window = _snippet(text, hits)
    return SearchHit(doc_id, title, round(score, 6), snippet, marks, hits, window)


def run_search(
    store: BodyStore, searcher: Any, library: Any, query: str, limit: int | None = 20
) -> SearchResults:
    """Search; ``limit=None`` returns every matching document."""
    parsed = parse_query(query)
    if parsed.empty:
        return SearchResults(hint=parsed.hint)
    run = _Run(store, searcher, library)
    found = _combine(run, parsed.clauses)
    if found is None:  # nothing but empty terms: everything matches
        found = dict.fromkeys(store.ids(), 0.0)
    for doc_id in _excluded(run, parsed.excluded):
        found.pop(doc_id, None)
    order = sorted(found.items(), key=lambda kv: (-round(kv[1], 6), kv[0]))
    if limit is not None:
        cut = order[limit - 1][1] if 0 < limit <= len(order) else None
        order = [kv for kv in order[: limit * 2] if cut is None or kv[1] >= cut - 1e-6]
    order.sort(key=lambda kv: (-round(kv[1], 6), _neg(_date_key(library, kv[0]))))
    if limit is not None:
        order = order[:limit]
    hits = [_make_hit(run, doc_id, score) for doc_id, score in order]
    return SearchResults(hits=hits, total=len(found), hint=parsed.hint)


def _neg(date: str) -> tuple[int, ...]:
    """A sort key that puts newer ISO dates first."""
    return (*(-ord(c) for c in date), 1)
