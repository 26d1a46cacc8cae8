"""Errors a Chinese reader can understand: translated problems, dialogs, import summary."""

from __future__ import annotations

import errno
import io
import logging
import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.core.annotations.store import AnnotationSaveError
from desktop.core.atomic import FutureVersionError, UnreadableFileError
from desktop.core.errors import FORMATS, PROBLEMS, ImportRefused
from desktop.core.library import ImportResult, Library, LibraryError
from desktop.core.locks import LockTimeout
from desktop.ui.common.dialogs import MetadataDialog, ReencodeDialog, import_summary
from desktop.ui.common.errors import (
    FORMAT_NAMES,
    MESSAGES,
    Problem,
    describe,
    describe_result,
    log_file,
    show_error,
)
from desktop.ui.common.workers import run_in_background
from tests.ui.i18n_check import english_strings

SAMPLE = {
    "size_mb": "600",
    "limit_mb": "512",
    "format": "pdf",
    "expected": "epub",
    "member": "OEBPS/ch1.xhtml",
    "count": "20,000",
    "limit": "10,000",
    "encoding": "big5",
}
OS_ERRORS = {
    "not-found": errno.ENOENT,
    "permission-denied": errno.EACCES,
    "disk-full": errno.ENOSPC,
    "read-only-fs": errno.EROFS,
    "name-too-long": errno.ENAMETOOLONG,
    "is-a-directory": errno.EISDIR,
    "os-error": errno.EIO,
}
FILE = "报告2024.pdf"
#: Format names that stay Latin in Chinese (PNG 图片, Word 文档 …); tests/ui/i18n_check.py
#: allows only some of them (PDF, EPUB, HTML …), so these tests add the rest.
FORMAT_WORDS = (
    "PNG JPEG GIF ZIP RAR Zip gzip DOCX DOC ODT RTF MOBI AZW AZW3 DjVu CHM XLS XLSX PPT PPTX "
    "Word Excel PowerPoint Kindle Mobipocket Office Windows MP3 MP4"
)


@pytest.fixture(autouse=True)
def format_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import tests.ui.i18n_check as check

    monkeypatch.setattr(
        check, "ALLOWED_WORDS", check.ALLOWED_WORDS | {w.lower() for w in FORMAT_WORDS.split()}
    )


def _refusal(code: str) -> ImportRefused:
    params = {key: SAMPLE[key] for key in PROBLEMS[code].params}
    return ImportRefused(f"English detail for {code}", code=code, params=params)


def _newer_annotations() -> AnnotationSaveError:
    error = AnnotationSaveError("annotations.json was written by a newer version of Tongwen")
    error.__cause__ = UnreadableFileError("annotations.json: newer")
    error.__cause__.__cause__ = FutureVersionError("format version 99")
    return error


def _other_errors() -> list[BaseException]:
    future = UnreadableFileError("x: newer")
    future.__cause__ = FutureVersionError("library format version 9 is newer than this Tongwen")
    saving = AnnotationSaveError("could not save")
    saving.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    library = LibraryError("x: unreadable")
    library.__cause__ = UnreadableFileError("x: damaged")
    return [
        future,
        UnreadableFileError("x: Expecting value: line 1 column 1"),
        LibraryError("/tmp/x is a file, not a library folder", code="not-a-library"),
        library,
        saving,
        _newer_annotations(),
        LockTimeout("another Tongwen process holds the lock"),
        UnicodeDecodeError("gb18030", b"\xff", 0, 1, "illegal multibyte sequence"),
        MemoryError(),
        RuntimeError("a bug"),
    ]


def _assert_chinese(box: QMessageBox, name: str) -> None:
    assert english_strings(box) == [], (box.text(), box.informativeText())
    assert name in box.text()


def _close(box: QWidget) -> None:
    box.close()
    box.deleteLater()


# ------------------------------------------------------------------- registry
def test_every_code_and_format_has_a_message() -> None:
    assert set(PROBLEMS) <= set(MESSAGES)
    assert set(FORMATS) <= set(FORMAT_NAMES)
    assert set(OS_ERRORS) <= set(MESSAGES)


def test_english_is_the_default() -> None:
    problem = describe(
        ImportRefused(
            "PDF files are not supported", code="unsupported-format", params={"format": "pdf"}
        ),
        FILE,
    )
    assert problem.text == f"“{FILE}” is a PDF document; Tongwen cannot read this format."
    assert problem.details == "ImportRefused: PDF files are not supported"
    assert "TXT" in problem.advice


# ------------------------------------------------------------ every code, zh
@pytest.mark.parametrize("code", sorted(PROBLEMS))
def test_every_problem_code_in_chinese(code: str, chinese_ui: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    box = show_error(None, "导入", _refusal(code), Path("/tmp") / FILE)
    qtbot.addWidget(box)
    _assert_chinese(box, FILE)
    source, _ = MESSAGES[code]
    assert box.text() != source.format(file=f"“{FILE}”", **SAMPLE, log="")
    _close(box)


@pytest.mark.parametrize("kind", sorted(OS_ERRORS))
def test_os_errors_in_chinese(kind: str, chinese_ui: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    exc = OSError(OS_ERRORS[kind], "strerror in English", f"/home/u/{FILE}")
    problem = describe(exc)
    assert f"[Errno {OS_ERRORS[kind]}]" in problem.details
    box = show_error(None, "文件", problem)
    qtbot.addWidget(box)
    _assert_chinese(box, FILE)
    _close(box)


@pytest.mark.parametrize("index", range(10))
def test_other_errors_in_chinese(index: int, chinese_ui: str, qtbot) -> None:  # type: ignore[no-untyped-def]
    exc = _other_errors()[index]
    box = show_error(None, "同文", exc, "我的书库")
    qtbot.addWidget(box)
    _assert_chinese(box, "我的书库")
    _close(box)


def test_known_translations(chinese_ui: str) -> None:
    pdf = describe(_refusal("unsupported-format"), FILE)
    disk = describe(OSError(errno.ENOSPC, "No space left on device"), "a.txt")
    if chinese_ui == "zh_CN":
        assert pdf.text == f"“{FILE}”是PDF 文档，同文无法读取这种格式。"
        assert disk.advice == "请腾出一些磁盘空间，然后重试。"
    else:
        assert pdf.text == f"「{FILE}」是PDF 文件，同文無法讀取這種格式。"
        assert "磁碟空間" in disk.text


def test_kinds_of_other_errors() -> None:
    texts = [describe(exc, "x").text for exc in _other_errors()]
    assert "newer version" in texts[0] and "backup are damaged" in texts[1]
    assert "not a library folder" in texts[2] and "backup are damaged" in texts[3]
    assert "could not be saved" in texts[4] and "read-only" in texts[5]
    assert "another Tongwen window" in texts[6] and "not valid gb18030" in texts[7]
    assert "memory" in texts[8] and "unexpected" in texts[9]
    assert describe(_other_errors()[4], "x").advice.startswith("Free some disk space")
    assert "Traceback" in describe(_other_errors()[9], "x").details or "RuntimeError" in (
        describe(_other_errors()[9], "x").details
    )


def test_codes_come_from_the_exception_not_its_words() -> None:
    """The words of a message never decide the problem: "newer … Tongwen" without a
    FutureVersionError behind it, or "is a file" without the code, are what they are."""
    wordy = LibraryError("x is a file written by a newer Tongwen")
    assert "not a library folder" not in describe(wordy, "x").text
    assert "newer version" not in describe(wordy, "x").text
    saving = AnnotationSaveError("a newer Tongwen took the disk")
    saving.__cause__ = OSError(errno.ENOSPC, "No space left on device")
    assert "could not be saved" in describe(saving, "x").text
    old_style = ImportRefused("PDF files are not supported")  # no code: no guessing
    assert "cannot read this format" not in describe(old_style, "x.pdf").text


def test_newer_annotations_file_is_told_when_saving(tmp_path: Path) -> None:
    """Saving over a newer annotations file is refused with a FutureVersionError behind
    it, so the reader is told the file is newer and read-only (not "could not save")."""
    import json

    from desktop.core.annotations.store import AnnotationStore

    future = {"format": "tongwen-annotations", "version": 99, "items": []}
    (tmp_path / "annotations.json").write_text(json.dumps(future), "utf-8")
    store = AnnotationStore.open(tmp_path, text="社会工作的第一篇文章。")
    store.add_highlight(0, 2)
    with pytest.raises(AnnotationSaveError) as info:
        store.save()
    assert "read-only" in describe(info.value, "x").text


def test_unknown_file_is_named_generically() -> None:
    assert describe(_refusal("zip-bomb")).text.startswith("the file is built")


def test_show_error_logs_and_names_the_log(qtbot, caplog) -> None:  # type: ignore[no-untyped-def]
    with caplog.at_level(logging.WARNING, logger="desktop.ui.common.errors"):
        box = show_error(None, "Import", OSError(errno.EACCES, "Permission denied", "/x/a.txt"))
    qtbot.addWidget(box)
    assert box.icon() == QMessageBox.Icon.Warning
    assert box.isVisible()
    assert str(log_file()) in box.detailedText()
    assert "Permission denied" in caplog.text and "a.txt" in caplog.text
    _close(box)


# --------------------------------------------------------------- import results
def _bomb_epub() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("mimetype", "application/epub+zip")
        archive.writestr("content.opf", b"\0" * 3_000_000)
    return buffer.getvalue()


def _failing_files(folder: Path) -> list[Path]:
    folder.mkdir()
    files = {
        "论文.pdf": b"%PDF-1.7\n%binary",
        "照片.txt": b"\x89PNG\r\n\x1a\n" + bytes(300),
        "炸弹.epub": _bomb_epub(),
        "空白.html": b"   ",
        "好文章.txt": "社会工作的第一篇文章。".encode(),
        "图片.jpg": b"\xff\xd8\xff\xe0",
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return [folder / name for name in files] + [folder / "不存在.txt"]


def _all_results(library: Library, tmp_path: Path) -> list[ImportResult]:
    paths = _failing_files(tmp_path / "in")
    results = library.add_paths(paths)
    gb = tmp_path / "简体.txt"
    gb.write_bytes("社会工作的第一篇文章，内容很长。".encode("gb18030") + b"\xff\xfe")
    results += library.add_paths([gb], encoding="big5")
    results += library.add_paths([paths[4], tmp_path / "in"])  # a duplicate and skips
    return results


def test_import_results_are_described(library_dir: Path, tmp_path: Path) -> None:
    results = _all_results(Library.open(library_dir), tmp_path)
    codes: dict[str, Problem] = {}
    for result in results:
        if result.status in ("failed", "skipped"):
            codes.setdefault(Path(result.path).name, describe_result(result))
    assert "cannot read this format" in codes["论文.pdf"].text
    assert "PNG picture" in codes["照片.txt"].text
    assert "zip bomb" in codes["炸弹.epub"].text
    assert "empty" in codes["空白.html"].text
    assert "does not exist" in codes["不存在.txt"].text
    assert "cannot be decoded as big5" in codes["简体.txt"].text


def test_import_summary_in_chinese(
    chinese_ui: str, library_dir: Path, tmp_path: Path, qtbot
) -> None:  # type: ignore[no-untyped-def]
    results = _all_results(Library.open(library_dir), tmp_path)
    parent = QWidget()
    qtbot.addWidget(parent)
    box = import_summary(parent, results)
    assert english_strings(box) == [], box.informativeText()
    first = "已导入 1 个文件" if chinese_ui == "zh_CN" else "已匯入 1 個檔案"
    assert box.text().startswith(first), box.text()
    for name in ("论文.pdf", "照片.txt", "炸弹.epub", "空白.html", "简体.txt", "不存在.txt"):
        assert name in box.informativeText()
    assert box.icon() == QMessageBox.Icon.Warning


def test_describe_result_prefers_a_code() -> None:
    result = ImportResult("/x/书.epub", "failed", error="whatever")
    result.code = "drm-protected"  # type: ignore[attr-defined]
    result.params = {}  # type: ignore[attr-defined]
    assert "copy-protected" in describe_result(result).text


# ------------------------------------------------------------------- dialogs
def _record(library_dir: Path, seed_paths: list[Path]):  # type: ignore[no-untyped-def]
    library = Library.open(library_dir)
    result = library.add_file(seed_paths[0])
    assert result.id
    return library.get(result.id)


def test_dialogs_in_chinese(
    chinese_ui: str, library_dir: Path, seed_paths: list[Path], qtbot
) -> None:  # type: ignore[no-untyped-def]
    record = _record(library_dir, seed_paths)
    for dialog in (MetadataDialog(record), ReencodeDialog(record)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert english_strings(dialog) == []
    reencode = ReencodeDialog(record)
    qtbot.addWidget(reencode)
    assert reencode.windowTitle() == ("重新解码" if chinese_ui == "zh_CN" else "重新解碼")
    assert reencode.combo.itemText(1).startswith("GB18030")
    assert reencode.combo.itemData(1) == "gb18030"


def test_reencode_dialog_english_keeps_codecs(
    library_dir: Path, seed_paths: list[Path], qtbot
) -> None:  # type: ignore[no-untyped-def]
    dialog = ReencodeDialog(_record(library_dir, seed_paths))
    qtbot.addWidget(dialog)
    assert dialog.combo.itemText(6) == "Japanese (Shift-JIS)"
    dialog.combo.setCurrentIndex(2)
    assert dialog.encoding() == "big5"


# -------------------------------------------------------------------- workers
def test_worker_failure_arrives_as_the_exception(qtbot) -> None:  # type: ignore[no-untyped-def]
    caught: list[BaseException] = []
    messages: list[str] = []

    def work(task: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device", "/x/书.txt")

    run_in_background(work, on_error=messages.append, on_failure=caught.append)
    qtbot.waitUntil(lambda: bool(caught) and bool(messages), timeout=5000)
    assert isinstance(caught[0], OSError) and "No space" in messages[0]
    assert describe(caught[0]).text == "There is not enough disk space to write “书.txt”."


def test_problem_passes_through_show_error(qtbot) -> None:  # type: ignore[no-untyped-def]
    box = show_error(None, "t", Problem("text", "advice", "details"))
    qtbot.addWidget(box)
    assert (box.text(), box.informativeText()) == ("text", "advice")
    assert box.detailedText().startswith("details")
    _close(box)
