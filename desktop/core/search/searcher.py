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
from collections.abc import Callable
from typing import Any

import numpy as np
from whoosh import query as wq

from desktop.core.fold import HAN, fold_plain
from desktop.core.offsetmap import OffsetMap
from desktop.core.search.grams import MAX_COUNT
from desktop.core.search.matching import Match, all_of, any_of, exact, select, union, without
from desktop.core.search.query import TEXT_FIELDS, DateRange, Filter, Node, Term, parse_query
from desktop.core.search.results import SearchHit, SearchResults
from desktop.core.search.store import BodyStore

__all__ = ["MAX_HITS_PER_DOC", "SearchHit", "SearchResults", "query_grams", "run_search"]

#: Hit ranges reported per document at most (a novel may hold a word 10,000 times).
MAX_HITS_PER_DOC = 1000
_K1, _B = 1.2, 0.75
_SNIPPET_BEFORE, _SNIPPET_AFTER = 30, 60
_RUN = re.compile(f"[{HAN}]+|[0-9a-z]+")


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

    def __init__(self, store: BodyStore, searcher: Any, library: Any, slots: np.ndarray) -> None:
        self.store = store
        self.searcher = searcher
        self.library = library
        self.slots = slots  #: whoosh document number → body-store slot
        self.live = store.live_count
        self.avg = store.average_chars
        self.body_terms: list[str] = []

    # ------------------------------------------------------------ body
    def _bm25(self, tf: Any, df: int, chars: Any) -> Any:
        """BM25 of term counts ``tf`` in bodies of ``chars`` (arrays or numbers)."""
        idf = math.log(1 + (self.live - df + 0.5) / (df + 0.5))
        return idf * tf * (_K1 + 1) / (tf + _K1 * (1 - _B + _B * chars / self.avg))

    def body(self, folded: str) -> Match:
        """Documents whose body holds ``folded``; BM25 of its count (df: candidates)."""
        store = self.store
        grams = query_grams(folded)
        if not grams:  # nothing indexable (punctuation): read every body
            slots = store.live_slots()
            counts = np.full(len(slots), np.inf)
        else:
            slots, least = store.candidates(grams)
            counts = least.astype(np.float64)
        df = len(slots)
        chars = store.lengths(slots)
        if grams and _is_exact_gram(folded, grams):
            return Match(slots, self._bm25(counts, df, chars))
        counts[counts >= MAX_COUNT] = np.inf  # a capped count bounds nothing
        bounds = self._bm25(np.minimum(counts, 1e12), df, chars)

        def check(slot: int) -> float | None:
            tf = store.count(slot, folded)
            if not tf:
                return None
            return float(self._bm25(tf, df, store.chars(slot)))

        return Match(slots, bounds, check)

    # ------------------------------------------------------------ metadata
    def _found(self, q: wq.Query, keep: Callable[[int], bool] | None = None) -> Match:
        """Documents whoosh finds for ``q`` (those ``keep(docnum)`` accepts), with its scores.

        Hits map to slots through the ``slot`` column: no stored fields are read.
        """
        pairs = self.searcher.search(q, limit=None).top_n
        if keep is not None:
            pairs = [(score, docnum) for score, docnum in pairs if keep(docnum)]
        if not pairs:
            return exact(np.empty(0, np.uint32))
        scores, docnums = zip(*pairs, strict=True)
        return exact(self.slots[np.array(docnums)], np.array(scores))

    def meta(self, folded: str, fields: tuple[str, ...]) -> Match:
        grams = query_grams(folded)
        if not grams:
            return exact(np.empty(0, np.uint32))
        q = wq.Or([wq.And([wq.Term(f, g) for g in grams]) for f in fields])
        if _is_exact_gram(folded, grams):  # holding the gram is holding the text
            return self._found(q)
        return self._found(
            q, lambda docnum: any(folded in fold_plain(self._field(docnum, f)) for f in fields)
        )

    def _field(self, docnum: int, name: str) -> str:
        """A metadata value of a document: notes are stored, the rest is the record's."""
        stored = self.searcher.stored_fields(docnum)
        if name == "notes":
            return str(stored.get("notes") or "")
        try:
            return str(getattr(self.library.get(stored["id"]), name, None) or "")
        except KeyError:
            return ""

    # ------------------------------------------------------------ nodes
    def node(self, node: Node) -> Match | None:
        """Documents the node may match; None when the node asks for nothing."""
        if isinstance(node, Filter):
            field = "tags" if node.field == "tag" else node.field  # tag:X, one of the tags
            return _unscored(self._found(wq.Term(field, node.value)))
        if isinstance(node, DateRange):
            high = node.high + "\uffff" if node.high else None
            return _unscored(self._found(wq.TermRange("published", node.low or None, high)))
        return self.term(node)

    def term(self, node: Term) -> Match | None:
        folded = fold_plain(node.text).strip()
        if not folded:
            return None
        if node.field is not None:
            return self.meta(folded, (node.field,))
        self.body_terms.append(folded)
        body = self.body(folded)
        meta = self.meta(folded, TEXT_FIELDS)
        if not len(meta):
            return body
        return _plus(body, meta)


def _unscored(match: Match) -> Match:
    """A filter's documents: they match or not, adding nothing to the score."""
    return Match(match.slots, np.zeros(len(match.slots)))


def _plus(body: Match, meta: Match) -> Match:
    """A body match plus exact metadata scores: either may match, the scores add."""
    slots = union(body.slots, meta.slots)
    bounds = np.zeros(len(slots))
    bounds[np.searchsorted(slots, body.slots)] += body.bounds
    bounds[np.searchsorted(slots, meta.slots)] += meta.bounds
    if body.check is None:
        return Match(slots, bounds)

    def check(slot: int) -> float | None:
        got, extra = body.score_of(slot), meta.score_of(slot)
        if got is None and extra is None:
            return None
        return (got or 0.0) + (extra or 0.0)

    return Match(slots, bounds, check)


def _either(run: _Run, clause: list[Node]) -> Match | None:
    found = [m for alt in clause if (m := run.node(alt)) is not None]
    return any_of(found) if found else None


def _combine(run: _Run, clauses: list[list[Node]]) -> Match | None:
    found = [m for clause in clauses if (m := _either(run, clause)) is not None]
    return all_of(found) if found else None


def _excluded(run: _Run, nodes: list[Node]) -> list[Match]:
    terms_before = list(run.body_terms)
    found = [m for node in nodes if (m := run.node(node)) is not None]
    run.body_terms = terms_before  # excluded text is never highlighted
    return found


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
    mapping = OffsetMap.from_columns(len(folded), *run.store.map_columns(slot))
    found: list[tuple[int, int]] = []
    for term in run.body_terms:
        pos = folded.find(term)
        while pos >= 0 and len(found) < MAX_HITS_PER_DOC:
            found.append(mapping.src_span(pos, pos + len(term)))
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
    store: BodyStore,
    searcher: Any,
    library: Any,
    query: str,
    limit: int | None,
    slots: np.ndarray,
) -> SearchResults:
    """Search; ``limit=None`` returns every matching document.

    ``slots`` maps whoosh document numbers to body-store slots (the ``slot`` column).
    """
    parsed = parse_query(query)
    if parsed.empty:
        return SearchResults(hint=parsed.hint)
    run = _Run(store, searcher, library, slots)
    found = _combine(run, parsed.clauses)
    if found is None:  # nothing but empty terms: everything matches
        found = exact(store.live_slots())
    found = without(found, _excluded(run, parsed.excluded))
    chosen = select(found, limit)
    ranked = [(d, score) for slot, score in chosen.ranked if (d := store.doc_id(slot))]
    if limit is not None:  # ties (within the best ones) go to the newer document
        ranked = ranked[: limit * 2]
    ranked.sort(key=lambda kv: (-round(kv[1], 6), _neg(_date_key(library, kv[0])), kv[0]))
    if limit is not None:
        ranked = ranked[:limit]
    hits = [_make_hit(run, doc_id, score) for doc_id, score in ranked]
    return SearchResults(
        hits=hits, total=chosen.total, hint=parsed.hint, estimated=chosen.estimated
    )


def _neg(date: str) -> tuple[int, ...]:
    """A sort key that puts newer ISO dates first."""
    return (*(-ord(c) for c in date), 1)
