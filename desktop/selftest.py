"""``tongwen --self-test``: prove that this installation works, headless, in seconds.

It builds a fresh library in a temporary folder (the user's own library, cache and
settings are never touched), imports the bundled seed articles, searches across
scripts, switches a document's script, saves and re-reads an annotation, exports the
annotations and opens the main window off-screen.  It prints one line per check and
returns 0 when every check passed, 1 otherwise.

:func:`install_first_paint_probe` serves ``TONGWEN_EXIT_AFTER_PAINT=1``: the window
prints the seconds since the process started at its first paint and quits, which is
how the packaging benchmark measures cold start; with ``TONGWEN_BENCH_EMPTY_WINDOW=1``
too, :func:`empty_window` stands for the main window, to measure the start-up before it.
"""

from __future__ import annotations

import io
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from desktop import startup_clock

__all__ = ["CheckResult", "install_first_paint_probe", "run_checks", "self_test"]

#: Searching either spelling must find the same seed articles.
QUERIES = ("社会工作", "社會工作")
_FOLDERS = ("LIBRARY", "CACHE", "CONFIG", "LOG_DIR")


@dataclass
class CheckResult:
    """One self-test check: its name, whether it passed, and what it found."""

    name: str
    ok: bool
    detail: str
    seconds: float


class _Context:
    """What the checks share: the temporary root, the library, one seed document."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.library: Any = None
        self.doc_id = ""


def _check_seeds(ctx: _Context) -> str:
    from desktop.core.library import Library
    from desktop.core.paths import seeds_dir

    seeds = seeds_dir()
    ctx.library = Library.open(ctx.root / "library")
    results = ctx.library.import_seeds_if_new(seeds)
    imported = [r for r in results if r.status == "imported"]
    if not imported:
        raise RuntimeError(f"no seed article imported from {seeds}")
    traditional = [d for d in ctx.library.documents() if "trad" in d.script.lower()]
    ctx.doc_id = (traditional or ctx.library.documents())[0].id
    return f"{len(imported)} seed articles imported from {seeds}"


_PARAGRAPHS = (
    "這是一篇用來檢查網頁匯入的短文。社會工作者走進社區，傾聽居民的需要，記錄每一戶的困難。",
    "第二段落：圖書館在週末開放，歡迎市民前來閱讀。館內新設的兒童閱覽區，每天都有志工講故事。",
    "第三段落：社區食堂為長者提供午餐，價格實惠，菜色清淡，受到附近居民的歡迎與好評。",
    "第四段落：老街改造之後，店家重新開張，遊客漸多，夜市的燈火一直亮到深夜才慢慢熄滅。",
    "第五段落：學校與社區合作開設書法課，孩子們一筆一畫地寫下自己的名字，家長在旁邊拍照。",
)
_HTML = (
    '<!DOCTYPE html><html lang="zh"><head><meta charset="utf-8"><title>自我測試</title>'
    "</head><body><nav>首頁 &gt; 新聞</nav><article><h1>自我測試</h1>"
    + "".join(f"<p>{p}</p>" for p in _PARAGRAPHS)
    + "</article><footer>版權所有</footer></body></html>"
)


def _check_formats(ctx: _Context) -> str:
    page = ctx.root / "page.html"
    page.write_text(_HTML, encoding="utf-8")
    result = ctx.library.add_file(page)
    if result.status != "imported" or not result.id:
        raise RuntimeError(f"{page.name}: {result.status}: {result.error}")
    text = ctx.library.text(result.id)
    if "社會工作者" not in text:
        raise RuntimeError(f"{page.name}: the article text was not extracted")
    if "首頁 >" in text:
        raise RuntimeError(f"{page.name}: the navigation was kept (article extraction failed)")
    return f"web page imported as “{result.title}”"


def _search_ids(ctx: _Context, query: str) -> set[str]:
    from desktop.core.search import SearchIndex

    index = SearchIndex.open(ctx.library)
    index.ensure_current()
    return {hit.doc_id for hit in index.search(query, limit=50).hits}


def _check_search(ctx: _Context) -> str:
    first, second = (_search_ids(ctx, q) for q in QUERIES)
    if not first:
        raise RuntimeError(f"searching {QUERIES[0]} found nothing")
    if first != second:
        raise RuntimeError(f"{QUERIES[0]} found {len(first)} documents, {QUERIES[1]} {len(second)}")
    return f"{QUERIES[0]} and {QUERIES[1]} both find {len(first)} documents (search index)"


def _check_arrays(ctx: _Context) -> str:
    """numpy (the search index's arrays) with the BLAS it was given: on Linux the bundle
    ships a plain CBLAS in place of OpenBLAS; its products must be exact."""
    import numpy as np

    a = np.arange(12, dtype=np.float64).reshape(3, 4)
    b = np.arange(8, dtype=np.float64).reshape(4, 2) - 3
    expected = [[sum(a[i, k] * b[k, j] for k in range(4)) for j in range(2)] for i in range(3)]
    if (a @ b).tolist() != expected or float(np.dot(a[0], a[1])) != 38.0:
        raise RuntimeError(f"numpy's matrix product is wrong: {(a @ b).tolist()}")
    z = np.array([1 + 2j, 3 - 1j])
    if complex(np.vdot(z, z)) != 15 + 0j:
        raise RuntimeError(f"numpy's complex dot product is wrong: {np.vdot(z, z)}")
    return f"numpy {np.__version__}: products exact"


def _check_reading_aids(ctx: _Context) -> str:
    """CC-CEDICT (a data file the bundle must carry) and pypinyin's phrase readings."""
    from desktop.core.dictionary import load_dictionary
    from desktop.core.readings import load_reader

    word = load_dictionary().longest_match("去銀行取錢", 1)
    if word is None or word.text != "銀行":
        raise RuntimeError(f"the dictionary did not find 銀行 (found {word and word.text!r})")
    pinyin = {e.pinyin.lower() for e in word.entries}
    if "yín háng" not in pinyin:
        raise RuntimeError(f"the dictionary reads 銀行 as {sorted(pinyin)}")
    text = "去银行。慢慢行走。"
    spans = load_reader(ctx.library.root).spans(text, 0, len(text), style="pinyin")
    got = [reading for start, _end, reading in spans if text[start] == "行"]
    if got != ["háng", "xíng"]:
        raise RuntimeError(f"行 in 银行 and 行走 read as {got}")
    return f"銀行 {word.entries[0].pinyin} / {word.entries[0].zhuyin}; 行 read by phrase"


def _simplified_view(text: str) -> tuple[str, Callable[[int], int]]:
    from desktop.core.views import ViewOptions, build_view

    view = build_view(text, ViewOptions(script="simplified"))
    return view.text, view.to_canonical


def _check_script_switch(ctx: _Context) -> str:
    text = ctx.library.text(ctx.doc_id)
    shown, to_canonical = _simplified_view(text)
    if not shown or (shown == text and "會" in text):
        raise RuntimeError("the Simplified view did not convert the Traditional text")
    if "會" in text and "会" not in shown:
        raise RuntimeError("會 was not converted to 会")
    if not 0 <= to_canonical(len(shown)) <= len(text):
        raise RuntimeError("the view's offset map points outside the canonical text")
    return f"{len(text):,} characters shown in Simplified via build_view"


def _check_annotation(ctx: _Context) -> str:
    from desktop.core.annotations import AnnotationStore

    folder = ctx.library.doc_dir(ctx.doc_id)
    text = ctx.library.text(ctx.doc_id)
    store = AnnotationStore.open(folder, text=text)
    item = store.add_highlight(0, min(8, len(text)), note="self-test")
    store.save()
    again = AnnotationStore.open(folder, text=text)
    if item.id not in {i.id for i in again.items()}:
        raise RuntimeError(f"the highlight saved to {again.path} was not read back")
    return f"highlight saved and re-read from {again.path.name}"


def _check_export(ctx: _Context) -> str:
    from desktop.core.annotations import AnnotationStore, to_markdown, to_w3c

    text = ctx.library.text(ctx.doc_id)
    record = ctx.library.get(ctx.doc_id)
    items = AnnotationStore.open(ctx.library.doc_dir(ctx.doc_id), text=text).items()
    markdown = to_markdown(items, title=record.title)
    if text[: min(8, len(text))].strip() not in markdown:
        raise RuntimeError("the Markdown export lacks the highlighted quote")
    out = ctx.root / "export"
    out.mkdir(exist_ok=True)
    (out / "notes.md").write_text(markdown, encoding="utf-8")
    w3c = json.dumps(to_w3c(items, doc_id=ctx.doc_id, title=record.title), ensure_ascii=False)
    (out / "notes.jsonld").write_text(w3c, encoding="utf-8")
    return f"Markdown ({len(markdown)} chars) and W3C JSON-LD ({len(w3c)} chars) written"


def _check_window(ctx: _Context) -> str:
    from PySide6.QtCore import QSettings, QThreadPool
    from PySide6.QtWidgets import QApplication

    from desktop.ui.app.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    settings = QSettings(str(ctx.root / "config" / "tongwen.ini"), QSettings.Format.IniFormat)
    window = MainWindow(ctx.library, settings)
    window.show()
    window.open_document(ctx.doc_id)
    app.processEvents()
    shown = window.reader.doc_id
    window.close()
    # the window's background work (indexing, the folder check) ends before the
    # temporary library goes: it wrote into a folder being deleted
    QThreadPool.globalInstance().waitForDone(30_000)
    window.deleteLater()
    app.processEvents()
    if shown != ctx.doc_id:
        raise RuntimeError("the main window did not open the document")
    platform = QApplication.platformName()
    return f"main window opened a document (Qt platform {platform})"


def _check_languages(ctx: _Context) -> str:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desktop.ui.common.i18n import install_language

    app = QApplication.instance() or QApplication(sys.argv[:1])
    found = []
    try:
        for code, expected in (("zh_CN", "导入文件"), ("zh_TW", "匯入檔案")):
            loaded = install_language(code, app)
            if not any(p.name == f"qtbase_{code}.qm" for p in loaded):
                raise RuntimeError(f"Qt's own {code} translations are missing")
            got = QCoreApplication.translate("MainWindow", "Import files")
            if got != expected:
                raise RuntimeError(f"{code}: 'Import files' reads {got!r}, not {expected!r}")
            found.append(f"{code} ({len(loaded)} catalogues)")
    finally:
        install_language("en", app)
    return "interface languages " + ", ".join(found)


CHECKS: list[tuple[str, Callable[[_Context], str]]] = [
    ("seeds", _check_seeds),
    ("web page", _check_formats),
    ("search", _check_search),
    ("arrays", _check_arrays),
    ("script switch", _check_script_switch),
    ("reading aids", _check_reading_aids),
    ("annotation", _check_annotation),
    ("export", _check_export),
    ("window", _check_window),
    ("languages", _check_languages),
]


def run_checks(root: Path) -> list[CheckResult]:
    """Run every check in a fresh library under ``root``; after a failure the rest are skipped."""
    ctx = _Context(root)
    results: list[CheckResult] = []
    for name, check in CHECKS:
        if results and not results[-1].ok:
            results.append(CheckResult(name, False, "skipped after an earlier failure", 0.0))
            continue
        start = time.perf_counter()
        try:
            detail, ok = check(ctx), True
        except Exception as exc:  # a self-test reports every failure, whatever it is
            detail, ok = f"{type(exc).__name__}: {exc}", False
        results.append(CheckResult(name, ok, detail, time.perf_counter() - start))
    return results


def _isolate(root: Path) -> None:
    for folder in _FOLDERS:
        os.environ[f"TONGWEN_{folder}"] = str(root / folder.lower())
    os.environ["TONGWEN_NO_SINGLE_INSTANCE"] = "1"
    no_display = not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    if sys.platform.startswith("linux") and no_display:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def self_test(out: TextIO | None = None) -> int:
    """Run the self-test in a temporary folder, print a report, return the exit code."""
    from desktop import __version__

    stream = out or sys.stdout or io.StringIO()  # a windowed Windows build has no stdout
    with tempfile.TemporaryDirectory(prefix="tongwen-selftest-") as tmp:
        _isolate(Path(tmp))
        frozen = "bundle" if getattr(sys, "frozen", False) else "source"
        stream.write(
            f"Tongwen {__version__} self-test ({frozen}, Python {sys.version.split()[0]})\n"
        )
        results = run_checks(Path(tmp))
    for r in results:
        stream.write(f"  [{'ok' if r.ok else 'FAIL'}] {r.name}: {r.detail} ({r.seconds:.2f} s)\n")
    passed = sum(r.ok for r in results)
    stream.write(f"{passed}/{len(results)} checks passed\n")
    stream.flush()
    return 0 if passed == len(results) else 1


def install_first_paint_probe(window: Any) -> None:
    """At ``window``'s first paint print ``first-paint <seconds>`` and quit the app."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication

    class _Probe(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                watched.removeEventFilter(self)
                steps = startup_clock.steps()
                print(f"first-paint {startup_clock.process_age():.3f}", flush=True)
                print(
                    "start-up-steps "
                    + json.dumps([[step, round(took, 4)] for step, took in steps]),
                    flush=True,
                )
                QTimer.singleShot(0, QApplication.quit)
            return False

    probe = _Probe(window)
    window.installEventFilter(probe)


def empty_window(library: Any, settings: Any) -> Any:
    """What ``make bench ARGS=package`` shows instead of the main window, with
    ``TONGWEN_BENCH_EMPTY_WINDOW=1`` and ``TONGWEN_EXIT_AFTER_PAINT=1``: the floor's
    bare window (``resources/packaging/floor_app.py``), so that the benchmark can tell
    Tongwen's start-up before its window (Qt, settings, language, the library opened)
    from the window's own cost.  ``library`` and ``settings`` are not used."""
    from PySide6.QtWidgets import QLabel, QMainWindow

    del library, settings
    window = QMainWindow()
    window.setCentralWidget(QLabel("同文 floor", window))
    window.resize(1280, 800)
    return window
