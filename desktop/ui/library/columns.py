"""The library's columns: what each shows of a document, in the UI language, how it
sorts, and what the filter looks in.

Headers, script names and dates are shown in the UI language: the English texts are
kept in tuples (marked for lupdate with ``QT_TRANSLATE_NOOP``, in the translation
context of the table model) and translated when Qt asks for them, so a language
installed later is picked up.
"""

from __future__ import annotations

import re
from operator import attrgetter
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, Qt

from desktop.core.records import DocSummary
from desktop.ui.common.plain import tooltip

__all__ = [
    "COLUMNS",
    "HEADER_TIPS",
    "ID_ROLE",
    "SCRIPT_LABELS",
    "SORT_ROLE",
    "cell_text",
    "cell_tooltip",
    "filter_text",
    "format_date",
    "progress_text",
    "script_label",
    "sort_key",
    "sort_value",
    "sort_values",
    "tr_column",
]

_CONTEXT = "LibraryTableModel"

# (key, header) of each column, in order; headers are translated when shown.
COLUMNS: list[tuple[str, str]] = [
    ("title", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Title"))),
    ("source", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Source"))),
    ("published", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Published"))),
    ("script", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Script"))),
    ("chars", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Length"))),
    ("progress", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Progress"))),
    ("annotations", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Notes"))),
    ("imported", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Imported"))),
    ("last_read", str(QT_TRANSLATE_NOOP("LibraryTableModel", "Last read"))),
]

# Header tool tips (what a column counts), translated when shown.
HEADER_TIPS = {
    "chars": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Number of characters in the document")),
    "progress": str(QT_TRANSLATE_NOOP("LibraryTableModel", "How far you have read")),
    "annotations": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Highlights, notes and bookmarks")),
    "script": str(QT_TRANSLATE_NOOP("LibraryTableModel", "The script the document is written in")),
    "last_read": str(QT_TRANSLATE_NOOP("LibraryTableModel", "When you last read the document")),
}

# The script a document was detected in, as shown in the table.
SCRIPT_LABELS = {
    "simplified": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Simplified")),
    "traditional": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Traditional")),
    "mixed": str(QT_TRANSLATE_NOOP("LibraryTableModel", "Mixed")),
    "unknown": "—",
}

ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

_DATE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def tr_column(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def script_label(script: str) -> str:
    """The name of ``script`` ("simplified") in the UI language (简体)."""
    label = SCRIPT_LABELS.get(script)
    return tr_column(label) if label else script


def progress_text(fraction: float) -> str:
    """How far a document has been read ("43%"), from the fraction of its canonical text
    before the reading position.  The library's Progress column and the reader's status
    line both show this, so the two never disagree.
    """
    return f"{round(max(0.0, min(1.0, fraction)) * 100)}%"


def format_date(text: str | None) -> str:
    """An ISO date or date-time (or just a year/month) written the UI language's way.

    Text that does not start with a date is returned unchanged.
    """
    if not text:
        return ""
    match = _DATE.match(text.strip())
    if match is None:
        return text
    year, month, day = (int(g) if g else 0 for g in match.groups())
    if not month:
        return str(year)
    #: A Qt date pattern for a full date: yyyy year, MM or M month, dd or d day.
    day_format = QCoreApplication.translate("LibraryTableModel", "yyyy-MM-dd")
    #: A Qt date pattern for a year and month: yyyy year, MM or M month.
    month_format = QCoreApplication.translate("LibraryTableModel", "yyyy-MM")
    date = QDate(year, month, day or 1)
    if not date.isValid():
        return text
    return QLocale().toString(date, day_format if day else month_format)


def cell_text(doc: DocSummary, key: str) -> str:
    if key == "chars":
        return QLocale().toString(doc.chars)
    if key == "script":
        return script_label(doc.script)
    if key == "progress":
        return progress_text(doc.progress) if doc.progress else ""
    if key == "annotations":
        return str(doc.annotations) if doc.annotations else ""
    if key in ("imported", "published", "last_read"):
        return format_date(getattr(doc, key))
    value = getattr(doc, key)
    return "" if value is None else str(value)


def sort_key(doc: DocSummary, key: str) -> Any:
    return sort_value(key, getattr(doc, key))


#: The columns whose :func:`sort_value` order SQLite can give (``natural`` of
#: ``Library.leading_summaries``, the first rows painted): numbers as they are, and
#: text that is ASCII in practice (script names, ISO dates), case-folded; for a
#: non-ASCII letter in an edited date the first rows may differ in case order only.
NATURAL_ORDER = {
    "chars": "number",
    "progress": "number",
    "annotations": "number",
    "script": "ascii",
    "published": "ascii",
    "imported": "ascii",
    "last_read": "ascii",
}


def sort_value(key: str, value: Any) -> Any:
    """How a value of the column ``key`` sorts (numbers as numbers, text folded)."""
    if key in ("chars", "progress", "annotations"):
        return value
    return "" if value is None else str(value).casefold()


def sort_values(docs: list[DocSummary], key: str) -> list[Any]:
    """``[sort_key(d, key) for d in docs]`` in one pass (100,000 documents: a few tens
    of milliseconds); a text that case folding leaves as it is (Chinese) is kept, not
    copied, so the keys kept for sorting cost no second copy of every title."""
    get = attrgetter(key)
    if key in ("chars", "progress", "annotations"):
        return [get(d) for d in docs]
    values: list[Any] = []
    add = values.append
    for doc in docs:
        value = get(doc)
        if value is None:
            add("")
            continue
        text = value if isinstance(value, str) else str(value)
        folded = text.casefold()
        add(text if folded == text else folded)
    return values


def filter_text(doc: DocSummary) -> str:
    """What the filter looks in; NUL between fields, as folding joins Han across spaces."""
    return "\0".join(str(v) for v in (doc.title, doc.author, doc.source, doc.published) if v)


def cell_tooltip(doc: DocSummary, key: str) -> str | None:
    """Title, author and file name (or the full date), escaped: Qt reads tips as HTML."""
    if key == "title":
        parts = [doc.title, doc.author or "", doc.original_name]
        return tooltip("\n".join(p for p in parts if p))
    if key in ("published", "imported", "last_read"):
        value = getattr(doc, key)
        return tooltip(str(value)) if value else None
    return None
