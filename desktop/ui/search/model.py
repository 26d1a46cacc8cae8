"""Search results as a Qt list model, shown in the reader's chosen script.

:func:`make_row` turns a core :class:`~desktop.core.search.SearchHit` into a
:class:`ResultRow`: title, "source · date" and the snippet converted to the script
the reader shows that document in, with the hit marks carried through the
conversion's offset map (so ``社會工作`` marked in a Traditional snippet is still
exactly ``社会工作`` once shown in 简体).  :func:`row_html` renders one row as rich
text for the delegate.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.search import SearchHit
from desktop.core.views import in_script
from desktop.core.views.options import ViewOptions
from desktop.ui.common.plain import tooltip
from desktop.ui.library.columns import format_date

__all__ = [
    "HITS_ROLE",
    "ID_ROLE",
    "ROW_ROLE",
    "ResultDelegate",
    "ResultRow",
    "SearchResultsModel",
    "convert_marked",
    "make_row",
    "row_html",
    "snippet_window",
    "translate_hint",
]

ID_ROLE = Qt.ItemDataRole.UserRole + 1
HITS_ROLE = Qt.ItemDataRole.UserRole + 2
ROW_ROLE = Qt.ItemDataRole.UserRole + 3

Range = tuple[int, int]
# doc_id → the view options the reader shows that document with
OptionsFor = Callable[[str], ViewOptions]
# Characters of context before and after the first hit in a snippet.
BEFORE, AFTER = 30, 60
# How far beyond the core's snippet a window reaches to take whole lines.
REACH = 400
_Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class ResultRow:
    """One search result as displayed."""

    doc_id: str
    title: str
    details: str  # "source · date", in the display script
    snippet: str  # in the display script
    marks: tuple[Range, ...]  # hit ranges inside ``snippet``
    hits: tuple[Range, ...]  # every hit in canonical offsets (for the reader)
    cut_before: bool = True  # the snippet starts inside the document (show "…")


def convert_marked(
    text: str, marks: Sequence[Range], script: str, phrases: bool = False
) -> tuple[str, list[Range]]:
    """``text`` in ``script`` with ``marks`` moved onto the converted text exactly."""
    from desktop.core.views.convert import convert_with_map, script_config

    config = script_config(script, phrases)
    if config is None or not text:
        return text, list(marks)
    out, mapping = convert_with_map(text, config)
    return out, [mapping.dst_range(s, e) for s, e in marks]


def _convert(text: str, script: str, phrases: bool) -> str:
    return in_script(text, script, phrases)


def snippet_window(canonical: str, hit: SearchHit, reach: int = REACH) -> tuple[int, str]:
    """Whole lines of ``canonical`` around the hit's snippet (at most ``reach`` beyond).

    Read in the search worker; :func:`make_row` shows it through the reader's view.
    """
    start, end = hit.snippet_range
    low, high = max(0, start - reach), min(len(canonical), end + reach)
    nl = canonical.rfind("\n", low, start)
    start = nl + 1 if nl >= 0 else low
    nl = canonical.find("\n", end, high)
    end = nl if nl >= 0 else high
    return start, canonical[start:end]


def _view_marks(
    window: tuple[int, str], hits: Sequence[Range], options: ViewOptions
) -> tuple[str, list[Range]]:
    w0, text = window
    inside = [(s - w0, e - w0) for s, e in hits if s >= w0 and e <= w0 + len(text)]
    from desktop.core.views.pipeline import build_view

    view = build_view(text, options)
    marks = [r for r in (view.view_range(s, e) for s, e in inside) if r[1] > r[0]]
    if inside and not marks and options.clean:  # the window alone was judged boilerplate
        return _view_marks(window, hits, ViewOptions(False, options.script, options.phrases))
    return view.text, marks


def _crop(text: str, marks: list[Range]) -> tuple[str, list[Range], int]:
    if not marks:
        return text[: BEFORE + AFTER].replace("\n", " "), [], 0
    first_start, first_end = marks[0]
    start = max(0, first_start - BEFORE)
    end = min(len(text), max(first_end, first_start + 1) + AFTER)
    kept = [(max(s, start) - start, min(e, end) - start) for s, e in marks if s < end and e > start]
    return text[start:end].replace("\n", " "), kept, start


def make_row(
    hit: SearchHit,
    record: Any,
    options: ViewOptions,
    window: tuple[int, str] | None = None,
) -> ResultRow:
    """The displayed row of ``hit`` as the reader would show it (``options``).

    With the canonical ``window`` around the hit (:func:`snippet_window`) the snippet
    goes through the reader's view (clean steps and script), marks mapped exactly;
    without it the core's snippet is only converted to the script.
    """
    script, phrases = options.script, options.phrases
    if window is not None:
        pinyin = "inline" if options.pinyin == "inline" else "hide"
        view_options = ViewOptions(options.clean, script, phrases, pinyin, rules=options.rules)
        snippet, marks, cut = _crop(*_view_marks(window, hit.hits, view_options))
        cut_before = cut > 0 or window[0] > 0
    else:
        snippet, marks = convert_marked(hit.snippet, hit.snippet_marks, script, phrases)
        cut_before = hit.snippet_range[0] > 0
    title = hit.title or (record.title if record is not None else "") or hit.doc_id[:12]
    parts: list[str] = []
    if record is not None:
        date = format_date(record.published) or QCoreApplication.translate(
            "SearchResultsModel", "imported {date}"
        ).format(date=format_date(record.imported))
        parts = [p for p in (record.source, date) if p]
    return ResultRow(
        doc_id=hit.doc_id,
        title=_convert(title, script, phrases),
        details=_convert(" · ".join(parts), script, phrases),
        snippet=snippet,
        marks=tuple(marks),
        hits=tuple(hit.hits),
        cut_before=cut_before,
    )


def _marked_html(text: str, marks: Sequence[Range], mark_style: str) -> str:
    out: list[str] = []
    at = 0
    for start, end in sorted(marks):
        start = max(start, at)
        if end <= start:
            continue
        out.append(html.escape(text[at:start]))
        out.append(f'<span style="{mark_style}">{html.escape(text[start:end])}</span>')
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out)


def row_html(
    row: ResultRow, *, dim: str = "#666666", mark: str = "#fff0a0", mark_text: str = "#000000"
) -> str:
    """Rich text of a row: bold title, dim details, snippet with the hits marked."""
    style = f"background-color:{mark}; color:{mark_text}; font-weight:600;"
    snippet = _marked_html(row.snippet.strip(), _stripped_marks(row), style)
    details = f'<br/><span style="color:{dim};">{html.escape(row.details)}</span>'
    ellipsis = f'<span style="color:{dim};">…</span>'
    return (
        f"<b>{html.escape(row.title)}</b>"
        f"{details if row.details else ''}"
        f"<br/>{ellipsis if row.cut_before else ''}{snippet}{ellipsis}"
    )


def _stripped_marks(row: ResultRow) -> list[Range]:
    lead = len(row.snippet) - len(row.snippet.lstrip())
    return [(s - lead, e - lead) for s, e in row.marks]


class SearchResultsModel(QAbstractListModel):
    """Rows of :class:`ResultRow`; ``DisplayRole`` is the plain text of a row."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ResultRow] = []

    def set_rows(self, rows: list[ResultRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[ResultRow]:
        return list(self._rows)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "\n".join(p for p in (row.title, row.details, row.snippet.strip()) if p)
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(row.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{row.title}. {row.details}. {row.snippet.strip()}"
        if role == ID_ROLE:
            return row.doc_id
        if role == HITS_ROLE:
            return list(row.hits)
        if role == ROW_ROLE:
            return row
        return None


# The core's query hints (English, from desktop.core.search.query) → whole sentences
# translated when shown; the pattern's named groups fill the placeholders.
_HINTS: list[tuple[re.Pattern[str], str]] = [
    (
        re.compile(r"^a quotation mark is not closed"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "A quotation mark is not closed, so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^published:(?P<value>\S*) is not a date"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "“published:{value}” is not a date like 2024 or 2024-08..2024-12, "
                "so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^published: needs a date"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "“published:” needs a date like 2024, so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^unknown field (?P<field>\w+):"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "“{field}:” is not a field you can search in, so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^(?P<field>\w+): needs a value"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints", "“{field}:” needs a value, so the words were searched for instead."
            )
        ),
    ),
    (
        re.compile(r"^OR needs a term on each side"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "OR needs a word on each side, so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^OR cannot join an excluded term"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "OR cannot join an excluded word, so the words were searched for instead.",
            )
        ),
    ),
    (
        re.compile(r"^only excluded terms"),
        str(
            QT_TRANSLATE_NOOP(
                "SearchHints",
                "The query only leaves words out; add something to look for. "
                "The words were searched for instead.",
            )
        ),
    ),
]


def translate_hint(hint: str) -> str:
    """The core's English query ``hint`` as a sentence in the UI language."""
    for pattern, sentence in _HINTS:
        match = pattern.match(hint)
        if match:
            text = QCoreApplication.translate("SearchHints", sentence)
            return text.format(**match.groupdict())
    return hint


class ResultDelegate(QStyledItemDelegate):
    """Paints a result row as rich text (bold title, dim details, marked snippet)."""

    PAD = 6

    def _document(self, option: QStyleOptionViewItem, row: ResultRow) -> QTextDocument:
        palette = option.palette  # type: ignore[attr-defined]
        dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
        doc = QTextDocument()
        doc.setDefaultFont(option.font)  # type: ignore[attr-defined]
        doc.setDocumentMargin(0)
        mark, mark_text = ("#8a6d00", "#ffffff") if dark else ("#ffe680", "#000000")
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        # on the selection the details take its text colour: placeholder grey was 2.4:1
        dim_role = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        dim = palette.color(dim_role).name()
        doc.setHtml(row_html(row, dim=dim, mark=mark, mark_text=mark_text))
        width = option.rect.width() or 360  # type: ignore[attr-defined]
        doc.setTextWidth(max(120, width - 2 * self.PAD))
        return doc

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None  # type: ignore[attr-defined]
        text = option.text  # type: ignore[attr-defined]
        option.text = ""  # type: ignore[attr-defined]
        if style is not None:  # background, selection and focus, without the text
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)  # type: ignore[attr-defined]
        option.text = text  # type: ignore[attr-defined]
        doc = self._document(option, row)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)  # type: ignore[attr-defined]
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, option.palette.color(role))  # type: ignore[attr-defined]
        painter.save()
        painter.translate(option.rect.left() + self.PAD, option.rect.top() + self.PAD)  # type: ignore[attr-defined]
        doc.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: _Index) -> QSize:
        row = index.data(ROW_ROLE)
        if not isinstance(row, ResultRow):
            return super().sizeHint(option, index)
        self.initStyleOption(option, index)
        view = option.widget  # type: ignore[attr-defined]
        if isinstance(view, QListView):
            option.rect.setWidth(view.viewport().width())  # type: ignore[attr-defined]
        doc = self._document(option, row)
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 2 * self.PAD + 1)
