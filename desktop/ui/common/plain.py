"""Text from documents shown as text: never as HTML, never as a format string.

Qt's labels, tool tips and message boxes guess "rich text" when the first line of a
string holds something like a tag (``Qt::mightBeRichText``), and then load every
``<img src>`` in it from local files: a saved page titled ``<img src="/dev/zero">``
aborted the app, one naming a FIFO blocked it for good, 16 nested tables froze it
for seconds.  Titles, authors, sources, chapter titles, quotes, notes, search
snippets and file or folder names are the reader's data, not markup, so every widget
that shows them goes through this module:

- :func:`plain_label` / :func:`make_plain` -- a ``QLabel`` in ``PlainText``;
- :func:`plain_message_box` / :func:`make_plain` -- a ``QMessageBox`` whose text,
  informative text (and, being a plain text edit, details) are shown as written;
- :func:`tooltip` -- tool tips cannot be told a format, so the text is escaped inside
  markup we own (``<p style='white-space:pre-wrap'>``): Qt then takes it as rich text
  and draws the escapes back as the literal characters, line breaks kept;
- :func:`window_title` -- Qt reads ``[*]`` in a window title as the "modified" mark;
- :func:`file_name_part` -- a title used to suggest a file name, with no folder in it.
"""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QSizePolicy, QWidget

__all__ = [
    "file_name_part",
    "make_plain",
    "plain_label",
    "plain_message_box",
    "tooltip",
    "window_title",
]

#: Characters no file name may hold on some system, and control characters.
_NOT_IN_FILE_NAMES = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def make_plain[W: (QLabel, QMessageBox)](widget: W) -> W:
    """Show ``widget``'s text as written, whatever it looks like; returns ``widget``."""
    widget.setTextFormat(Qt.TextFormat.PlainText)
    return widget


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False) -> QLabel:
    """A label that shows ``text`` (and whatever is set later) as plain text.

    A wrapped label takes the width its layout gives it: a title or path with no
    space to wrap at (a URL, 16 nested tables) is cut at the edge instead of
    widening the window past the screen.
    """
    label = make_plain(QLabel(parent))
    label.setText(text)
    label.setWordWrap(wrap)
    if wrap:
        policy = label.sizePolicy()  # keeps height-for-width, which wrapping set
        policy.setHorizontalPolicy(QSizePolicy.Policy.Ignored)
        label.setSizePolicy(policy)
    return label


def plain_message_box(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    informative: str = "",
    detailed: str = "",
) -> QMessageBox:
    """A message box whose texts are shown as written (file names, titles, paths)."""
    box = make_plain(QMessageBox(parent))
    box.setIcon(icon)
    box.setWindowTitle(window_title(title))
    box.setText(text)
    if informative:
        box.setInformativeText(informative)
    if detailed:
        box.setDetailedText(detailed)
    return box


def tooltip(text: str | None) -> str:
    """``text`` as a tool tip that Qt shows literally (escaped in owned markup); "" for none."""
    if not text:
        return ""
    return f"<p style='white-space:pre-wrap'>{html.escape(text, quote=False)}</p>"


def window_title(text: str) -> str:
    """``text`` for ``setWindowTitle``: a ``[*]`` in it stays ``[*]`` (Qt doubles mean one)."""
    return text.replace("[*]", "[*][*]")


def file_name_part(text: str, limit: int = 60) -> str:
    """``text`` cut to ``limit`` characters, usable as one file name: no folders, no controls."""
    name = _NOT_IN_FILE_NAMES.sub(" ", text)
    return " ".join(name.split())[:limit].strip(" .")
