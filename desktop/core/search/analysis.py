"""The whoosh side of the index: metadata fields analysed as folded grams.

Titles, authors, sources and annotation notes are short, so whoosh indexes them
(BM25F, the title boosted); bodies go to :mod:`desktop.core.search.store`.  The
analyzer is an importable top-level class holding no OpenCC object, because whoosh
pickles the schema.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from whoosh import columns, fields
from whoosh.analysis import Analyzer, Token

from desktop.core.fold import fold_plain
from desktop.core.search.folded import text_grams

__all__ = ["TITLE_BOOST", "GramAnalyzer", "make_schema"]

#: How much more a match in the title weighs than one in author, source or notes.
TITLE_BOOST = 3.0


class GramAnalyzer(Analyzer):
    """Folds a value and yields its grams (Han chars, Han pairs, Latin words)."""

    def __call__(self, value: str, **kwargs: Any) -> Iterator[Token]:
        token = Token(**{k: v for k, v in kwargs.items() if k in ("mode", "boosts")})
        grams = text_grams(fold_plain(value))
        pos = 0
        for gram, count in grams.items():
            for _ in range(count):
                token.text = gram
                token.boost = 1.0
                token.pos = pos
                pos += 1
                yield token

    def __eq__(self, other: object) -> bool:
        return isinstance(other, GramAnalyzer)

    def __hash__(self) -> int:
        return hash(GramAnalyzer)


def _text(boost: float = 1.0, *, stored: bool = False) -> fields.TEXT:
    return fields.TEXT(analyzer=GramAnalyzer(), phrase=False, stored=stored, field_boost=boost)


def make_schema() -> fields.Schema:
    """The whoosh schema of the metadata index.

    Only the id and the notes are stored: titles, authors and sources are read from
    the library's records when a match is checked, which halves the index.  ``slot``
    is a column (not indexed) holding the document's body-store slot, so a search
    maps whoosh's document numbers to slots in one array lookup.
    """
    return fields.Schema(
        id=fields.ID(stored=True, unique=True),
        slot=fields.COLUMN(columns.NumericColumn("I")),
        title=_text(TITLE_BOOST),
        author=_text(),
        source=_text(),
        notes=_text(stored=True),
        script=fields.ID,
        format=fields.ID,
        tags=fields.KEYWORD(commas=True, lowercase=True),
        published=fields.ID,
        imported=fields.ID,
    )
