"""The words of Tongwen's error messages: problem code → (sentence, advice), format names.

Kept apart from :mod:`desktop.ui.common.errors` (which picks and fills them) because they are
a table for translators: each English sentence is marked with ``QT_TRANSLATE_NOOP`` in
the "Problem" (or "FormatName") context, and the catalogues of the "errors" area
translate it when :func:`desktop.ui.common.errors.describe` shows it.
"""

from __future__ import annotations

__all__ = ["FORMAT_NAMES", "MESSAGES"]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark ``text`` for translation in ``context`` (lupdate finds this name); no-op."""
    return text


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
    "unsupported-encoding": (
        QT_TRANSLATE_NOOP(
            "Problem",
            "{file} is in the {encoding} encoding (old Taiwanese text), which Tongwen cannot read.",
        ),
        QT_TRANSLATE_NOOP(
            "Problem",
            "Convert the file to UTF-8 with another program (a text editor or a converter), "
            "then import the converted file.",
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
