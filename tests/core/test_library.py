"""The library on disk: import, duplicates, metadata, trash, re-decode, damage."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

import pytest

from desktop.core.library import Library, LibraryError

SEED_TITLES = {
    "000": "党建引领 打造和谐昆山“共同体”",
    "001": "健全社會工作體制機制,立體推進城鄉基層治理工作",
}


def test_new_library_layout(library_dir: Path) -> None:
    lib = Library.open(library_dir)
    marker = json.loads((library_dir / "library.json").read_text("utf-8"))
    assert marker["format"] == "tongwen-library" and marker["version"] == 1
    assert lib.created and len(lib) == 0


def test_seeds_import_once_on_first_launch(library_dir: Path, seed_paths: list[Path]) -> None:
    lib = Library.open(library_dir)
    assert len(lib.import_seeds_if_new(seed_paths[0].parent)) == 5
    assert len(Library.open(library_dir).import_seeds_if_new(seed_paths[0].parent)) == 0


def test_import_layout_and_ids(seeded: Library, seed_paths: list[Path]) -> None:
    for path in seed_paths:
        doc_id = hashlib.sha256(path.read_bytes()).hexdigest()
        folder = seeded.doc_dir(doc_id)
        assert (folder / "original.txt").read_bytes() == path.read_bytes()
        text = (folder / "text.txt").read_text("utf-8")
        assert "\r" not in text and text == seeded.text(doc_id)
        meta = json.loads((folder / "meta.json").read_text("utf-8"))
        assert meta["id"] == doc_id and meta["chars"] == len(text)


def test_seed_metadata(seeded: Library, seed_paths: list[Path]) -> None:
    by_prefix = {p.name[:3]: hashlib.sha256(p.read_bytes()).hexdigest() for p in seed_paths}
    d0 = seeded.get(by_prefix["000"])
    assert (d0.title, d0.source, d0.published) == (SEED_TITLES["000"], "苏州新闻网", "2024-08-04")
    d1 = seeded.get(by_prefix["001"])
    assert d1.title == SEED_TITLES["001"]
    assert (d1.author, d1.source, d1.published, d1.script) == (
        "李良軒",
        "昆侖策網",
        "2024-12-13",
        "traditional",
    )
    for key in ("002", "003", "004"):
        title = seeded.get(by_prefix[key]).title
        assert 4 <= len(title) <= 60 and "(" not in title


def test_duplicate_is_reported(seeded: Library, seed_paths: list[Path], tmp_path: Path) -> None:
    copy = tmp_path / "renamed.txt"
    copy.write_bytes(seed_paths[0].read_bytes())
    result = seeded.add_file(copy)
    assert result.status == "duplicate" and result.id and result.title == SEED_TITLES["000"]
    assert len(seeded) == 5


def test_bad_files_fail_with_reasons(library_dir: Path, tmp_path: Path) -> None:
    lib = Library.open(library_dir)
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    pdf = tmp_path / "paper.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    results = lib.add_paths([binary, pdf, empty, tmp_path / "missing.txt"])
    assert [r.status for r in results] == ["failed", "failed", "failed", "skipped"]
    assert "PDF" in (results[1].error or "")
    assert all(r.error for r in results)
    assert len(lib) == 0 and not list((library_dir / "docs").iterdir())


def test_folder_import_lists_skipped_files(library_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "books"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.txt").write_text("第一章 開始\n天下大勢,分久必合,合久必分。", "utf-8")
    (folder / "sub" / "b.txt").write_text("第二章 继续\n话说天下大势。", "utf-8")
    (folder / "sub" / "c.xyz").write_bytes(b"\x00\x01")
    lib = Library.open(library_dir)
    results = {Path(r.path).name: r for r in lib.add_paths([folder])}
    assert results["a.txt"].status == "imported" and results["b.txt"].status == "imported"
    assert results["c.xyz"].status == "skipped" and results["c.xyz"].error


def test_edit_metadata_keeps_extracted(seeded: Library) -> None:
    doc = seeded.documents()[0]
    edited = seeded.update_meta(doc.id, title="我的標題", published="2020-01-02")
    assert edited.title == "我的標題" and edited.published == "2020-01-02"
    assert edited.extracted["title"] == doc.extracted["title"]
    reopened = Library.open(seeded.root).get(doc.id)
    assert reopened.title == "我的標題"
    restored = seeded.update_meta(doc.id, title="")
    assert restored.title == doc.title
    with pytest.raises(ValueError, match="date"):
        seeded.update_meta(doc.id, published="yesterday")
    with pytest.raises(ValueError):
        seeded.update_meta(doc.id, script="simplified")


def test_remove_to_trash_and_restore(seeded: Library) -> None:
    events: list[tuple[str, str]] = []
    seeded.subscribe(lambda e, i: events.append((e, i)))
    doc = seeded.documents()[0]
    name = seeded.remove(doc.id)
    assert doc.id not in {d.id for d in seeded.documents()}
    assert (seeded.root / ".trash" / name / "text.txt").exists()
    assert seeded.restore(name) == doc.id
    assert seeded.get(doc.id).title == doc.title
    assert events == [("removed", doc.id), ("added", doc.id)]


def test_resolve_prefix(seeded: Library) -> None:
    doc = seeded.documents()[0]
    assert seeded.resolve(doc.id[:10]) == doc.id
    with pytest.raises(LookupError):
        seeded.resolve("zz")
    with pytest.raises(LookupError, match="empty"):
        seeded.resolve("  ")
    ids = [d.id for d in seeded.documents()]
    shared = next((a[0] for a in ids if sum(b[0] == a[0] for b in ids) > 1), None)
    if shared is not None:  # two ids share a first hex digit: an ambiguous prefix
        with pytest.raises(LookupError, match=r"matches [23]"):
            seeded.resolve(shared)


def test_reencode_changes_text(library_dir: Path, tmp_path: Path) -> None:
    src = tmp_path / "big5.txt"
    src.write_bytes("臺灣的繁體中文文章,內容豐富。".encode("big5") * 20)
    lib = Library.open(library_dir)
    result = lib.add_file(src)
    assert result.id
    wrong = lib.reencode(result.id, "gb18030")
    assert wrong.encoding and "gb" in wrong.encoding.lower()
    assert "臺灣" not in lib.text(result.id)
    right = lib.reencode(result.id, "big5")
    assert "臺灣的繁體中文" in lib.text(result.id) and right.chars == len(lib.text(result.id))


def test_damaged_meta_is_recovered(seeded: Library) -> None:
    doc = seeded.documents()[0]
    meta = seeded.doc_dir(doc.id) / "meta.json"
    seeded.update_meta(doc.id, author="甲")  # creates meta.json.bak
    meta.write_bytes(b"\x00" * 10)
    reopened = Library.open(seeded.root)
    assert reopened.get(doc.id).title == doc.title
    assert any(".corrupt-" in p.name for p in meta.parent.iterdir())
    (meta.parent / "meta.json.bak").unlink()
    meta.write_text("{", "utf-8")
    again = Library.open(seeded.root)
    assert again.get(doc.id).title == doc.title  # rebuilt from the original
    assert any("rebuilt" in w for w in again.warnings)


def test_check_finds_problems(seeded: Library) -> None:
    assert seeded.check() == []
    doc = seeded.documents()[0]
    (seeded.doc_dir(doc.id) / "text.txt").unlink()
    assert any("text.txt is missing" in p for p in seeded.check())


def test_library_path_is_a_file(tmp_path: Path) -> None:
    bad = tmp_path / "file"
    bad.write_text("x")
    with pytest.raises(LibraryError, match="is a file"):
        Library.open(bad)


def test_future_library_is_refused(library_dir: Path) -> None:
    library_dir.mkdir(parents=True)
    (library_dir / "library.json").write_text('{"format": "tongwen-library", "version": 9}')
    with pytest.raises(LibraryError, match="newer"):
        Library.open(library_dir)
    assert json.loads((library_dir / "library.json").read_text())["version"] == 9


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_links_are_not_followed(library_dir: Path, tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("外面的文件,不應導入。", "utf-8")
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "link.txt").symlink_to(outside)
    results = Library.open(library_dir).add_paths([folder])
    assert [r.status for r in results] == ["skipped"]


def test_other_formats_import_into_the_same_library(
    library_dir: Path, testdata: Path, tmp_path: Path
) -> None:
    md = tmp_path / "筆記.md"
    md.write_text(
        "# 第一章 緣起\n\n這是**重要**的[筆記](http://x)。\n\n## 第二章\n\n繼續。\n", "utf-8"
    )
    lib = Library.open(library_dir)
    results = lib.add_paths(
        [
            testdata / "epub" / "idpf-moby-dick.epub",
            testdata / "html" / "gmw" / "source.html",
            md,
        ]
    )
    assert [r.status for r in results] == ["imported"] * 3, [r.error for r in results]
    epub, html, note = (lib.get(r.id or "") for r in results)
    assert epub.format == "epub" and len(epub.chapters) > 100
    assert "Call me Ishmael" in lib.text(epub.id)
    assert html.format == "html" and html.script == "simplified"
    assert note.format == "markdown" and [t for _, t in note.chapters] == ["第一章 緣起", "第二章"]
    assert "**" not in lib.text(note.id) and "http://x" not in lib.text(note.id)
    for record in (epub, html, note):
        text = lib.text(record.id)
        assert all(0 <= off < len(text) for off, _ in record.chapters)


def test_hostile_files_end_in_messages(library_dir: Path, testdata: Path) -> None:
    lib = Library.open(library_dir)
    results = lib.add_paths(sorted((testdata / "epub" / "w3c").glob("*.epub")))
    for r in results:
        assert r.status in ("imported", "failed")
        if r.status == "imported" and r.id:
            assert "SYSTEM" not in lib.text(r.id)
        else:
            assert r.error


def test_reencode_reanchors_annotations(library_dir: Path, tmp_path: Path) -> None:
    from desktop.core.annotations import AnnotationStore

    src = tmp_path / "gbk.txt"
    body = "前言很短。" + "天下大勢,分久必合,合久必分。周末七國分爭,併入於秦。"
    src.write_bytes(body.encode("big5"))
    lib = Library.open(library_dir)
    doc_id = lib.add_file(src, encoding="big5").id or ""
    text = lib.text(doc_id)
    start = text.index("合久必分")
    store = AnnotationStore.open(lib.doc_dir(doc_id), text=text)
    note = store.add_highlight(start, start + 4, note="名句")
    store.save()
    lib.reencode(doc_id, "gb18030")  # garbage: the quote cannot be found
    lib.reencode(doc_id, "big5")  # right again: the highlight is back on its words
    fresh = lib.text(doc_id)
    again = AnnotationStore.open(lib.doc_dir(doc_id), text=fresh).get(note.id)
    assert again is not None
    assert fresh[again.target.start : again.target.end] == "合久必分"


def test_failed_imports_carry_problem_codes(library_dir: Path, tmp_path: Path) -> None:
    from desktop.core.errors import PROBLEMS

    lib = Library.open(library_dir)
    pdf = tmp_path / "a.pdf"
    pdf.write_bytes(b"%PDF-1.4 whatever")
    empty = tmp_path / "blank.txt"
    empty.write_text("  \n\n ", encoding="utf-8")
    results = {
        Path(r.path).name: r
        for r in (
            lib.add_file(pdf),
            lib.add_file(empty),
            lib.add_file(tmp_path / "missing.txt"),
            lib.add_file(tmp_path),
        )
    }
    assert results["a.pdf"].code == "unsupported-format"
    assert results["blank.txt"].code == "no-readable-text"
    assert results["missing.txt"].code == "not-a-file"
    assert results[tmp_path.name].code == "not-a-file"
    assert all(r.code in PROBLEMS and r.error for r in results.values())
    assert results["a.pdf"].as_dict()["code"] == "unsupported-format"
