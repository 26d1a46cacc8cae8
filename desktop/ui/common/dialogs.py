"""Small dialogs: edit metadata, re-decode, import summary."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from desktop.core.library import EDITABLE_FIELDS, DocRecord, ImportResult
from desktop.ui.common.errors import describe_result
from desktop.ui.common.plain import make_plain, plain_label

__all__ = [
    "ENCODINGS",
    "MetadataDialog",
    "ReencodeDialog",
    "encoding_label",
    "import_summary",
    "ok_cancel_buttons",
    "wrap_lines",
]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate finds this name); no-op."""
    return text


#: Encodings offered for re-decoding, with names a reader recognises (translated when shown).
ENCODINGS: list[tuple[str, str]] = [
    ("utf-8", QT_TRANSLATE_NOOP("ReencodeDialog", "UTF-8 (most files today)")),
    ("gb18030", QT_TRANSLATE_NOOP("ReencodeDialog", "GB18030 / GBK / GB2312 (Simplified Chinese)")),
    ("big5", QT_TRANSLATE_NOOP("ReencodeDialog", "Big5 (Traditional Chinese)")),
    ("big5hkscs", QT_TRANSLATE_NOOP("ReencodeDialog", "Big5-HKSCS (Hong Kong)")),
    ("utf-16-le", QT_TRANSLATE_NOOP("ReencodeDialog", "UTF-16, little-endian")),
    ("utf-16-be", QT_TRANSLATE_NOOP("ReencodeDialog", "UTF-16, big-endian")),
    ("shift_jis", QT_TRANSLATE_NOOP("ReencodeDialog", "Japanese (Shift-JIS)")),
    ("euc-kr", QT_TRANSLATE_NOOP("ReencodeDialog", "Korean (EUC-KR)")),
    ("cp1252", QT_TRANSLATE_NOOP("ReencodeDialog", "Western European (Windows-1252)")),
]
#: How many per-file problems the summary lists before "and N more".
_SHOWN_PROBLEMS = 8
#: Width of the summary's lines, in average character widths (and its bounds in px).
_SUMMARY_CHARS, _SUMMARY_MIN_PX, _SUMMARY_MAX_PX = 60, 320, 480
#: No line starts with these, none ends with the opening ones.
_OPENING = "([{“‘（「『《〈【"
_CLOSING = ")]}”’，。、；：！？）」』》〉】.,;:!?%"
#: A quoted file name stays on one line when it fits (简体 and 繁體 quotes).
_QUOTED = re.compile(r"“[^”\n]*”|「[^」\n]*」|『[^』\n]*』")
#: Where a name too long for a line is cut: after a folder separator, _, -, . or space.
_NAME_BREAK = re.compile(r"(?<=[/\\_\-. ])")


def _wide(ch: str) -> bool:
    return unicodedata.east_asian_width(ch) in "WF"


def _may_break(before: str, after: str) -> bool:
    """A line may end between ``before`` and ``after`` (spaces, CJK, not before a stop)."""
    if after.isspace() or before in _OPENING or after in _CLOSING:
        return False
    return before.isspace() or _wide(before) or _wide(after)


def _pieces(text: str) -> list[str]:
    """``text`` cut where a line may end; a quoted name is one piece."""
    inside = {i for m in _QUOTED.finditer(text) for i in range(m.start() + 1, m.end())}
    cuts = [i for i in range(1, len(text)) if i not in inside and _may_break(text[i - 1], text[i])]
    return [text[a:b] for a, b in zip([0, *cuts], [*cuts, len(text)], strict=True)]


def _split_long(piece: str, fits: Callable[[str], bool]) -> list[str]:
    """A piece wider than a line, cut after separators, then between wide characters,
    then (a run of letters longer than a line) wherever it must."""
    if fits(piece.rstrip()):
        return [piece]
    parts: list[str] = []
    for part in _NAME_BREAK.split(piece):
        if fits(part) or not part:
            parts.append(part)
            continue
        for sub in re.split(r"(?<=[^\x00-\x7f])|(?=[^\x00-\x7f])", part):
            parts += [sub] if fits(sub) else _by_characters(sub, fits)
    return [p for p in parts if p]


def _by_characters(text: str, fits: Callable[[str], bool]) -> list[str]:
    chunks = [""]
    for ch in text:
        if chunks[-1] and not fits(chunks[-1] + ch):
            chunks.append("")
        chunks[-1] += ch
    return chunks


def wrap_lines(text: str, fits: Callable[[str], bool]) -> list[str]:
    """``text`` in lines that each ``fits``, ended only where a reader expects.

    English words stay whole (lines end at spaces), Chinese lines end between
    characters but never before a full stop or comma, a quoted file name stays
    whole when it fits on a line, and a longer one is cut after a folder separator,
    ``_``, ``-`` or ``.``.  Qt's message box wraps nothing that fits, and when its
    longest unbreakable "word" (a long file name) is wider than the screen allows
    it wraps the whole text anywhere, cutting English words in two.
    """
    lines: list[str] = []
    line = ""
    for piece in _pieces(text):
        for part in _split_long(piece, fits):
            if not line or fits((line + part).rstrip()):
                line += part
            else:
                lines.append(line.rstrip())
                line = part.lstrip()
    lines.append(line.rstrip())
    return lines


def _bulleted(text: str, metrics: QFontMetrics, width: int) -> str:
    """``• text`` wrapped to ``width`` px, continuation lines under the text."""
    bullet = "• "
    indent = " " * max(1, round(metrics.horizontalAdvance(bullet) / metrics.horizontalAdvance(" ")))
    room = width - metrics.horizontalAdvance(indent)
    lines = wrap_lines(text, lambda line: metrics.horizontalAdvance(line) <= room)
    return bullet + ("\n" + indent).join(lines)


def encoding_label(codec: str | None) -> str:
    """The translated name of ``codec`` from :data:`ENCODINGS`, else the codec itself."""
    wanted = (codec or "").lower().replace("_", "-")
    for known, label in ENCODINGS:
        if known.replace("_", "-") == wanted:
            return QCoreApplication.translate("ReencodeDialog", label)
    return codec or "?"


def ok_cancel_buttons(dialog: QDialog) -> QDialogButtonBox:
    """An OK / Cancel button box wired to ``dialog``'s accept and reject."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, dialog
    )
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class MetadataDialog(QDialog):
    """Edit title, author, source and date; an empty field restores the extracted value."""

    def __init__(self, record: DocRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit document details"))
        labels = {
            "title": self.tr("Title"),
            "author": self.tr("Author"),
            "source": self.tr("Source"),
            "published": self.tr("Published"),
        }
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key in EDITABLE_FIELDS:
            edit = QLineEdit(self)
            edit.setText(str(record.user.get(key) or ""))
            extracted = record.extracted.get(key)
            edit.setPlaceholderText(str(extracted) if extracted else self.tr("(none)"))
            edit.setAccessibleName(labels[key])
            form.addRow(labels[key], edit)
            self.fields[key] = edit
        self.fields["published"].setToolTip(self.tr("A date like 2024-08-04, 2024-08 or 2024"))
        hint = QLabel(self.tr("Leave a field empty to use the value found in the file."), self)
        hint.setWordWrap(True)
        buttons = ok_cancel_buttons(self)
        buttons.setAccessibleName(self.tr("Save or cancel"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def edits(self) -> dict[str, str | None]:
        return {k: (e.text().strip() or None) for k, e in self.fields.items()}


class ReencodeDialog(QDialog):
    """Choose another encoding for a document's original file."""

    def __init__(self, record: DocRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Re-decode"))
        self.combo = QComboBox(self)
        self.combo.setAccessibleName(self.tr("Encoding"))
        for codec, name in ENCODINGS:
            self.combo.addItem(QCoreApplication.translate("ReencodeDialog", name), codec)
            self.combo.setItemData(self.combo.count() - 1, codec, Qt.ItemDataRole.ToolTipRole)
        current = (record.encoding or "").lower().replace("_", "-")
        for i, (codec, _) in enumerate(ENCODINGS):
            if codec.replace("_", "-") == current:
                self.combo.setCurrentIndex(i)
        prompt = self.tr("“{title}” was decoded as {enc}. Decode the original file again as:")
        text = prompt.format(title=record.title, enc=encoding_label(record.encoding))
        label = plain_label(text, self, wrap=True)  # the title is text, not HTML
        label.setBuddy(self.combo)
        buttons = ok_cancel_buttons(self)
        buttons.setAccessibleName(self.tr("Decode again or cancel"))
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(buttons)

    def encoding(self) -> str:
        return str(self.combo.currentData())


def _summary_line(counts: dict[str, int]) -> str:
    if counts["skipped"]:
        line = QCoreApplication.translate(
            "ImportSummary",
            "Imported: {imported}. Already in the library: {duplicate}. "
            "Could not be imported: {failed}. Skipped: {skipped}.",
        )
    else:
        line = QCoreApplication.translate(
            "ImportSummary",
            "Imported: {imported}. Already in the library: {duplicate}. "
            "Could not be imported: {failed}.",
        )
    return line.format(**counts)


def _problem_lines(
    results: list[ImportResult], metrics: QFontMetrics, width: int
) -> tuple[list[str], list[str]]:
    """Short translated lines (one per file, wrapped) and full lines with the details."""
    short, full = [], []
    for result in results:
        problem = describe_result(result)
        short.append(_bulleted(problem.text, metrics, width))
        full.append(f"{problem.text}\n{problem.advice}\n({result.path}: {problem.details})")
    return short, full


def import_summary(parent: QWidget, results: list[ImportResult]) -> QMessageBox:
    """A message box that counts the results and names every failed or skipped file and why."""
    counts = {
        s: sum(r.status == s for r in results)
        for s in ("imported", "duplicate", "skipped", "failed")
    }
    box = make_plain(QMessageBox(parent))  # it names files: text, never HTML
    box.setWindowTitle(QCoreApplication.translate("ImportSummary", "Import finished"))
    box.setAccessibleName(QCoreApplication.translate("ImportSummary", "Import finished"))
    failed = counts["failed"] > 0
    box.setIcon(QMessageBox.Icon.Warning if failed else QMessageBox.Icon.Information)
    box.setText(_summary_line(counts))
    problems = [r for r in results if r.status in ("failed", "skipped")]
    if problems:
        metrics = QFontMetrics(box.font())
        width = _SUMMARY_CHARS * metrics.averageCharWidth()
        width = max(_SUMMARY_MIN_PX, min(_SUMMARY_MAX_PX, width))
        short, full = _problem_lines(problems, metrics, width)
        shown = short[:_SHOWN_PROBLEMS]
        if len(short) > _SHOWN_PROBLEMS:
            more = QCoreApplication.translate("ImportSummary", "… and {n} more (see the details).")
            shown.append(more.format(n=len(short) - _SHOWN_PROBLEMS))
        box.setInformativeText("\n".join(shown))
        box.setDetailedText("\n\n".join(full))
    return box
