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

from desktop.core.annotations.lock import LockTimeout
from desktop.core.annotations.store import AnnotationSaveError
from desktop.core.atomic import FutureVersionError, UnreadableFileError
from desktop.core.errors import classify
from desktop.core.formats import ImportRefused
from desktop.core.library import ImportResult, LibraryError
from desktop.core.paths import log_dir

__all__ = ["MESSAGES", "Problem", "describe", "describe_result", "log_file", "show_error"]

log = logging.getLogger(__name__)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate finds this name); no-op."""
    return text


_CONTEXT = "Problem"


@dataclass(frozen=True)
class Problem:
    """A problem as the reader sees it (translated) and as the log keeps it (English)."""

    text: str  #: one sentence naming the file and the problem, in the UI language
    advice: str  #: what to do, in the UI language
    details: str  #: English technical text for the log and "Show details"


#: Problem code → (sentence, advice).  ``{file}`` is the quoted file name; other
#: placeholders are the code's params (see desktop.core.errors.PROBLEMS).
MESSAGES: dict[str, tuple[str, str]] = {
    "refused": (
        QT_TRANSLATE_NOOP("Problem", "{file} cannot be imported."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Check that it is a text file, a web page, a Markdown file or an EPUB book. "
            "The details say more.",
        ),
    ),
    "too-large": (
        QT_TRANSLATE_NOOP(
            "Problem", "{file} is {size_mb} MB; Tongwen imports files of up to {limit_mb} MB."
        ),
        QT_TRANSLATE_NOOP("Problem", "Split the file into smaller parts and import those."),
    ),
    "unsupported-format": (
        QT_TRANSLATE_NOOP("Problem", "{file} is {format}; Tongwen cannot read this format."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Save or export it as plain text (TXT), a web page (HTML) or an EPUB book, "
            "then import that file.",
        ),
    ),
    "wrong-format": (
        QT_TRANSLATE_NOOP("Problem", "{file} is not {expected}: its content is {format}."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "The file name does not match the content. Rename the file, or convert it to a "
            "format Tongwen reads.",
        ),
    ),
    "binary-file": (
        QT_TRANSLATE_NOOP("Problem", "{file} contains binary data, not text."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Make sure you chose the right file: programs, pictures and databases cannot be "
            "imported.",
        ),
    ),
    "not-epub": (
        QT_TRANSLATE_NOOP("Problem", "{file} is not a valid EPUB book."),
        QT_TRANSLATE_NOOP(
            "Problem", "Check it in another e-book reader, or get a new copy of the book."
        ),
    ),
    "damaged-archive": (
        QT_TRANSLATE_NOOP("Problem", "{file} is damaged or incomplete."),
        QT_TRANSLATE_NOOP("Problem", "Download or copy the file again, then import it."),
    ),
    "too-many-members": (
        QT_TRANSLATE_NOOP(
            "Problem", "{file} holds {count} files inside; Tongwen accepts at most {limit}."
        ),
        QT_TRANSLATE_NOOP(
            "Problem",
            "This is not an ordinary e-book. If you trust it, convert it with an e-book tool "
            "first.",
        ),
    ),
    "archive-too-large": (
        QT_TRANSLATE_NOOP("Problem", "{file} unpacks to more than {limit_mb} MB."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Tongwen refuses such files to protect your computer. Split the book or convert "
            "it with an e-book tool.",
        ),
    ),
    "zip-bomb": (
        QT_TRANSLATE_NOOP(
            "Problem",
            "{file} is built to blow up to a huge size when unpacked (a “zip bomb”); it was "
            "refused.",
        ),
        QT_TRANSLATE_NOOP("Problem", "Delete the file: it may be meant to harm your computer."),
    ),
    "encrypted": (
        QT_TRANSLATE_NOOP("Problem", "Part of {file} ({member}) is protected by a password."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Remove the password with the program that made the file, then import it again.",
        ),
    ),
    "drm-protected": (
        QT_TRANSLATE_NOOP(
            "Problem", "{file} is copy-protected (digital rights management) and cannot be read."
        ),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Read it in the app of the shop that sold it, or get a copy without copy protection.",
        ),
    ),
    "damaged-book": (
        QT_TRANSLATE_NOOP("Problem", "{file} has no readable chapters: the book is damaged."),
        QT_TRANSLATE_NOOP(
            "Problem", "Check it in another e-book reader, or get a new copy of the book."
        ),
    ),
    "entity-bomb": (
        QT_TRANSLATE_NOOP(
            "Problem",
            "{file} contains definitions built to expand without end (an “entity bomb”); it "
            "was refused.",
        ),
        QT_TRANSLATE_NOOP("Problem", "Delete the file: it may be meant to harm your computer."),
    ),
    "damaged-html": (
        QT_TRANSLATE_NOOP("Problem", "The web page {file} is too damaged to be read."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Open the page in a web browser and save it again (“Save page as…”), then import "
            "the saved file.",
        ),
    ),
    "empty-page": (
        QT_TRANSLATE_NOOP("Problem", "The web page {file} is empty."),
        QT_TRANSLATE_NOOP(
            "Problem", "Save the page again once it has fully loaded in the browser."
        ),
    ),
    "no-readable-text": (
        QT_TRANSLATE_NOOP("Problem", "No readable text was found in {file}."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Scans and pictures of text cannot be read. Otherwise, try another copy of the file.",
        ),
    ),
    "unknown-encoding": (
        QT_TRANSLATE_NOOP("Problem", "There is no encoding called {encoding} (for {file})."),
        QT_TRANSLATE_NOOP(
            "Problem", "Choose an encoding from the list, for example UTF-8, GB18030 or Big5."
        ),
    ),
    "cannot-decode": (
        QT_TRANSLATE_NOOP(
            "Problem",
            "{file} cannot be decoded as {encoding}: some bytes do not belong to that encoding.",
        ),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Choose another encoding. Simplified Chinese files are usually GB18030 or UTF-8, "
            "Traditional Chinese files Big5 or UTF-8.",
        ),
    ),
    "not-found": (
        QT_TRANSLATE_NOOP("Problem", "{file} does not exist."),
        QT_TRANSLATE_NOOP(
            "Problem", "It may have been moved, renamed or deleted. Find it, then try again."
        ),
    ),
    "not-a-file": (
        QT_TRANSLATE_NOOP("Problem", "{file} is not an ordinary file."),
        QT_TRANSLATE_NOOP(
            "Problem", "Choose a file; to import a whole folder, use “Import folder”."
        ),
    ),
    "special-file": (
        QT_TRANSLATE_NOOP(
            "Problem", "{file} is a special system file (a pipe, device or socket); it was skipped."
        ),
        QT_TRANSLATE_NOOP("Problem", "Nothing to do: such files hold no documents."),
    ),
    "link-not-followed": (
        QT_TRANSLATE_NOOP("Problem", "{file} is a link; Tongwen does not follow links."),
        QT_TRANSLATE_NOOP("Problem", "Import the file or folder the link points to."),
    ),
    "unsupported-type": (
        QT_TRANSLATE_NOOP("Problem", "{file} was skipped: Tongwen does not import this type."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "From folders, Tongwen imports text, web page, Markdown and EPUB files only.",
        ),
    ),
    "permission-denied": (
        QT_TRANSLATE_NOOP("Problem", "Access to {file} was denied."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Check the permissions of the file and its folder, or copy it to a folder of your "
            "own and try again.",
        ),
    ),
    "unreadable": (
        QT_TRANSLATE_NOOP("Problem", "{file} cannot be read."),
        QT_TRANSLATE_NOOP(
            "Problem", "Check that the disk or network drive is available, then try again."
        ),
    ),
    "library-write-failed": (
        QT_TRANSLATE_NOOP(
            "Problem", "{file} could not be stored: writing to the library folder failed."
        ),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Check that the disk is not full and the library folder can be written, then "
            "import again.",
        ),
    ),
    "unexpected": (
        QT_TRANSLATE_NOOP("Problem", "An unexpected error occurred with {file}."),
        QT_TRANSLATE_NOOP(
            "Problem", "Please try again. If it happens again, the log has the details: {log}"
        ),
    ),
    # not import codes: operating-system errors and data files
    "disk-full": (
        QT_TRANSLATE_NOOP("Problem", "There is not enough disk space to write {file}."),
        QT_TRANSLATE_NOOP("Problem", "Free some disk space, then try again."),
    ),
    "read-only-fs": (
        QT_TRANSLATE_NOOP("Problem", "{file} is on a disk that cannot be written to."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Choose a place you can write to (the library folder is chosen in Settings), "
            "then try again.",
        ),
    ),
    "name-too-long": (
        QT_TRANSLATE_NOOP("Problem", "The name or path of {file} is too long."),
        QT_TRANSLATE_NOOP(
            "Problem", "Give the file a shorter name or move it to a shorter path, then try again."
        ),
    ),
    "is-a-directory": (
        QT_TRANSLATE_NOOP("Problem", "{file} is a folder, not a file."),
        QT_TRANSLATE_NOOP(
            "Problem", "Choose a file; to import a whole folder, use “Import folder”."
        ),
    ),
    "locked": (
        QT_TRANSLATE_NOOP("Problem", "{file} is being used by another Tongwen window."),
        QT_TRANSLATE_NOOP(
            "Problem", "Close the other Tongwen window, or wait a moment and try again."
        ),
    ),
    "os-error": (
        QT_TRANSLATE_NOOP("Problem", "{file} cannot be read or written."),
        QT_TRANSLATE_NOOP(
            "Problem", "Check that the disk or network drive is available, then try again."
        ),
    ),
    "newer-version": (
        QT_TRANSLATE_NOOP("Problem", "{file} was written by a newer version of Tongwen."),
        QT_TRANSLATE_NOOP("Problem", "Update Tongwen to open it. The file has not been changed."),
    ),
    "damaged-data": (
        QT_TRANSLATE_NOOP("Problem", "{file} and its backup are damaged and cannot be read."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "They were left in place. Restore them from a backup or a synced copy; the details "
            "name the files.",
        ),
    ),
    "not-a-library": (
        QT_TRANSLATE_NOOP("Problem", "{file} is a file, not a library folder."),
        QT_TRANSLATE_NOOP("Problem", "Choose a folder for the library in Settings."),
    ),
    "library-error": (
        QT_TRANSLATE_NOOP("Problem", "The library {file} cannot be opened."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Check that the folder exists and can be written, or choose another library "
            "folder in Settings.",
        ),
    ),
    "annotations-not-saved": (
        QT_TRANSLATE_NOOP("Problem", "The highlights and notes of {file} could not be saved."),
        QT_TRANSLATE_NOOP(
            "Problem",
            "They are kept while Tongwen stays open. Check the disk, then try again; the "
            "details say why.",
        ),
    ),
    "annotations-newer": (
        QT_TRANSLATE_NOOP(
            "Problem",
            "The highlights and notes of {file} were written by a newer version of Tongwen; "
            "they are shown read-only.",
        ),
        QT_TRANSLATE_NOOP("Problem", "Update Tongwen to change them. Nothing was overwritten."),
    ),
    "decode-error": (
        QT_TRANSLATE_NOOP("Problem", "{file} contains bytes that are not valid {encoding}."),
        QT_TRANSLATE_NOOP("Problem", "Use “Re-decode” to choose another encoding."),
    ),
    "out-of-memory": (
        QT_TRANSLATE_NOOP("Problem", "There was not enough memory to finish the work on {file}."),
        QT_TRANSLATE_NOOP(
            "Problem", "Close other programs or split the file into smaller parts, then try again."
        ),
    ),
}

#: Format keys (desktop.core.errors.FORMATS) → a noun phrase for the sentences above.
FORMAT_NAMES: dict[str, str] = {
    "pdf": QT_TRANSLATE_NOOP("FormatName", "a PDF document"),
    "doc": QT_TRANSLATE_NOOP("FormatName", "a Word 97-2003 document (DOC)"),
    "docx": QT_TRANSLATE_NOOP("FormatName", "a Word document (DOCX)"),
    "odt": QT_TRANSLATE_NOOP("FormatName", "an OpenDocument text (ODT)"),
    "opendocument": QT_TRANSLATE_NOOP("FormatName", "an OpenDocument file"),
    "rtf": QT_TRANSLATE_NOOP("FormatName", "a rich text document (RTF)"),
    "mobi": QT_TRANSLATE_NOOP("FormatName", "a Mobipocket e-book (MOBI)"),
    "azw": QT_TRANSLATE_NOOP("FormatName", "a Kindle e-book (AZW)"),
    "azw3": QT_TRANSLATE_NOOP("FormatName", "a Kindle e-book (AZW3)"),
    "djvu": QT_TRANSLATE_NOOP("FormatName", "a DjVu scan"),
    "chm": QT_TRANSLATE_NOOP("FormatName", "a compiled help file (CHM)"),
    "xls": QT_TRANSLATE_NOOP("FormatName", "an Excel spreadsheet (XLS)"),
    "xlsx": QT_TRANSLATE_NOOP("FormatName", "an Excel spreadsheet (XLSX)"),
    "ppt": QT_TRANSLATE_NOOP("FormatName", "a PowerPoint presentation (PPT)"),
    "pptx": QT_TRANSLATE_NOOP("FormatName", "a PowerPoint presentation (PPTX)"),
    "office97": QT_TRANSLATE_NOOP("FormatName", "an old Microsoft Office document"),
    "jpeg": QT_TRANSLATE_NOOP("FormatName", "a JPEG picture"),
    "png": QT_TRANSLATE_NOOP("FormatName", "a PNG picture"),
    "gif": QT_TRANSLATE_NOOP("FormatName", "a GIF picture"),
    "zip": QT_TRANSLATE_NOOP("FormatName", "a ZIP archive"),
    "rar": QT_TRANSLATE_NOOP("FormatName", "a RAR archive"),
    "7z": QT_TRANSLATE_NOOP("FormatName", "a 7-Zip archive"),
    "gzip": QT_TRANSLATE_NOOP("FormatName", "a gzip archive"),
    "mp3": QT_TRANSLATE_NOOP("FormatName", "an MP3 audio file"),
    "mp4": QT_TRANSLATE_NOOP("FormatName", "an MP4 video"),
    "elf": QT_TRANSLATE_NOOP("FormatName", "a program"),
    "exe": QT_TRANSLATE_NOOP("FormatName", "a Windows program"),
    "sqlite": QT_TRANSLATE_NOOP("FormatName", "a database"),
    "epub": QT_TRANSLATE_NOOP("FormatName", "an EPUB book"),
    "text": QT_TRANSLATE_NOOP("FormatName", "a text file"),
    "html": QT_TRANSLATE_NOOP("FormatName", "a web page"),
    "markdown": QT_TRANSLATE_NOOP("FormatName", "a Markdown file"),
    "": QT_TRANSLATE_NOOP("FormatName", "another format"),
}

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
    return any(isinstance(e, FutureVersionError) for e in _cause_chain(exc)) or (
        "newer" in str(exc) and "Tongwen" in str(exc)
    )


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
        return ("not-a-library" if "is a file" in str(exc) else "library-error"), {}
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
        code, params = exc.code, dict(exc.params)
        if code == "refused":  # raised without a code: recover it from the message
            code, params = classify(str(exc))
        return _make(code, params, name, details)
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
    """The reader's view of a failed or skipped import result.

    Uses ``result.code`` / ``result.params`` when the library provides them, else
    recovers the code from the English ``result.error``.
    """
    message = result.error or ""
    code = getattr(result, "code", None)
    params = getattr(result, "params", None)
    if not code:
        code, params = classify(message)
    return _make(code, dict(params or {}), Path(result.path).name, message)


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
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(title)
    box.setText(problem.text)
    box.setInformativeText(problem.advice)
    log_line = QCoreApplication.translate("Problem", "Log: {path}").format(path=log_file())
    box.setDetailedText(f"{problem.details}\n\n{log_line}")
    box.setAccessibleName(title)
    box.open()
    return box
