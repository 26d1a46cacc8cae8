"""Errors a reader can understand: one translated sentence, advice, and the details.

:func:`describe` turns an exception (an import refusal with its problem code, an
``OSError`` by errno, a damaged or too-new data file, a library or annotations
error …) into a :class:`Problem`: ``text`` names the file and the problem in the UI
language, ``advice`` says what to do, ``details`` keeps the English technical text
for the log and the "Show details" area.  :func:`describe_result` does the same for
an import result, and :func:`show_error` shows a problem in a message box and logs
it.  The English sentences are the source strings; catalogues translate them.
"""

from __future__ import annotations

import errno
import logging
import traceback
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.annotations.store import AnnotationSaveError
from desktop.core.atomic import FutureVersionError, UnreadableFileError
from desktop.core.errors import ImportRefused
from desktop.core.library import ImportResult, LibraryError
from desktop.core.locks import LockTimeout
from desktop.core.paths import log_dir
from desktop.ui.common.error_messages import FORMAT_NAMES, MESSAGES
from desktop.ui.common.plain import plain_message_box

__all__ = ["MESSAGES", "Problem", "describe", "describe_result", "log_file", "show_error"]

log = logging.getLogger(__name__)


_CONTEXT = "Problem"


@dataclass(frozen=True)
class Problem:
    """A problem as the reader sees it (translated) and as the log keeps it (English)."""

    text: str  # one sentence naming the file and the problem, in the UI language
    advice: str  # what to do, in the UI language
    details: str  # English technical text for the log and "Show details"

    def sentence(self) -> str:
        """The problem and what to do, for a status bar or a label."""
        return f"{self.text} {self.advice}".strip()


_ERRNO_KINDS = {
    errno.ENOENT: "not-found",
    errno.EACCES: "permission-denied",
    errno.EPERM: "permission-denied",
    errno.ENOSPC: "disk-full",
    getattr(errno, "EDQUOT", errno.ENOSPC): "disk-full",
    errno.EROFS: "read-only-fs",
    errno.ENAMETOOLONG: "name-too-long",
    errno.EISDIR: "is-a-directory",
    errno.ENOTDIR: "not-found",
}


def _tr(text: str, context: str = _CONTEXT) -> str:
    return QCoreApplication.translate(context, text)


def log_file() -> Path:
    """The log file that "details in the log" refers to."""
    return log_dir() / "tongwen.log"


def _file_label(name: str | None) -> str:
    if not name:
        return QCoreApplication.translate("Problem", "the file")
    return QCoreApplication.translate("Problem", "“{name}”").format(name=name)


def _make(code: str, params: dict[str, str], name: str | None, details: str) -> Problem:
    text, advice = MESSAGES.get(code, MESSAGES["unexpected"])
    values = {key: value for key, value in params.items()}
    values["format"] = _tr(
        FORMAT_NAMES.get(params.get("format", ""), FORMAT_NAMES[""]), "FormatName"
    )
    values["expected"] = _tr(
        FORMAT_NAMES.get(params.get("expected", ""), FORMAT_NAMES[""]), "FormatName"
    )
    values["file"] = _file_label(name)
    values["log"] = str(log_file())
    values.setdefault("member", "?")
    values.setdefault("encoding", "?")
    return Problem(_fill(_tr(text), values), _fill(_tr(advice), values), details)


def _fill(template: str, values: dict[str, str]) -> str:
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError):
        return template  # a placeholder this problem has no value for


def _name_of(path: Path | str | None, exc: BaseException | None = None) -> str | None:
    if path is not None and str(path):
        return Path(path).name or str(path)
    filename = getattr(exc, "filename", None)
    return Path(str(filename)).name if filename else None


def _details(exc: BaseException) -> str:
    return f"{exc.__class__.__name__}: {exc}" if str(exc) else exc.__class__.__name__


def _cause_chain(exc: BaseException) -> list[BaseException]:
    chain = [exc]
    while chain[-1].__cause__ is not None and len(chain) < 10:
        chain.append(chain[-1].__cause__)
    return chain


def _os_kind(exc: OSError) -> str:
    if isinstance(exc, LockTimeout):
        return "locked"
    return _ERRNO_KINDS.get(exc.errno or -1, "os-error")


def _is_future(exc: BaseException) -> bool:
    """A file written by a newer Tongwen: told by the exception chain, never the words."""
    return any(isinstance(e, FutureVersionError) for e in _cause_chain(exc))


def _code_of(exc: BaseException) -> tuple[str, dict[str, str]]:
    """The problem code and params of an exception that is not an import refusal."""
    if isinstance(exc, AnnotationSaveError):
        if _is_future(exc):
            return "annotations-newer", {}
        return "annotations-not-saved", {}
    if isinstance(exc, OSError):
        return _os_kind(exc), {}
    if isinstance(exc, (UnreadableFileError, FutureVersionError)):
        return ("newer-version" if _is_future(exc) else "damaged-data"), {}
    if isinstance(exc, LibraryError):
        if _is_future(exc):
            return "newer-version", {}
        if isinstance(exc.__cause__, UnreadableFileError):
            return "damaged-data", {}
        return exc.code, {}
    if isinstance(exc, UnicodeDecodeError):
        return "decode-error", {"encoding": exc.encoding}
    if isinstance(exc, MemoryError):
        return "out-of-memory", {}
    return "unexpected", {}


def describe(exc: BaseException, path: Path | str | None = None) -> Problem:
    """The reader's view of ``exc``, naming ``path`` (or the file the error names)."""
    details = _details(exc)
    name = _name_of(path, exc)
    if isinstance(exc, ImportRefused):
        return _make(exc.code, dict(exc.params), name, details)
    code, params = _code_of(exc)
    if code == "annotations-not-saved":
        return _annotations_problem(exc, name, details)
    if code == "unexpected":
        details = "".join(traceback.format_exception(exc)).strip()
    return _make(code, params, name, details)


def _annotations_problem(exc: BaseException, name: str | None, details: str) -> Problem:
    """Annotations not saved: say so, with the advice of the underlying disk error."""
    problem = _make("annotations-not-saved", {}, name, details)
    cause = exc.__cause__
    if isinstance(cause, OSError) and _os_kind(cause) != "os-error":
        advice = _make(_os_kind(cause), {}, name, details).advice
        return Problem(problem.text, advice, details)
    return problem


def describe_result(result: ImportResult) -> Problem:
    """The reader's view of a failed or skipped import result, from its code and
    params (the English ``result.error`` is kept as the details)."""
    message = result.error or ""
    return _make(result.code or "refused", dict(result.params), Path(result.path).name, message)


def show_error(
    parent: QWidget | None,
    title: str,
    exc_or_problem: BaseException | Problem,
    path: Path | str | None = None,
) -> QMessageBox:
    """Show a problem in a non-modal warning box (returned) and log its details."""
    if isinstance(exc_or_problem, Problem):
        problem = exc_or_problem
    else:
        problem = describe(exc_or_problem, path)
    log.warning("%s: %s\n%s", title, problem.text, problem.details)
    log_line = QCoreApplication.translate("Problem", "Log: {path}").format(path=log_file())
    box = plain_message_box(  # the texts name files and titles: shown as written
        parent,
        QMessageBox.Icon.Warning,
        title,
        problem.text,
        problem.advice,
        f"{problem.details}\n\n{log_line}",
    )
    box.setAccessibleName(title)
    box.open()
    return box
