"""tongwen-cli annotate / bookmark / annotations (list, export, import)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.library import Library


@pytest.fixture
def doc(library_dir: Path, seed_paths: list[Path]) -> tuple[Path, str, str]:
    lib = Library.open(library_dir)
    result = lib.add_file(seed_paths[0])
    assert result.status == "imported" and result.id, result.error
    return library_dir, result.id, lib.text(result.id)


def _run(library: Path, *argv: str) -> int:
    return main(["--library", str(library), *argv])


def test_annotate_list_and_bookmark(
    doc: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, doc_id, text = doc
    assert (
        _run(
            lib,
            "annotate",
            doc_id[:8],
            "--start",
            "2",
            "--end",
            "8",
            "--color",
            "blue",
            "--note",
            "要点",
        )
        == 0
    )
    new_id = capsys.readouterr().out.strip()
    assert _run(lib, "bookmark", doc_id[:8], "--at", "10") == 0
    capsys.readouterr()
    assert _run(lib, "annotations", doc_id[:8], "--json") == 0
    listed = json.loads(capsys.readouterr().out)
    assert [i["type"] for i in listed["items"]] == ["highlight", "bookmark"]
    hl = listed["items"][0]
    assert hl["id"] == new_id and hl["color"] == "blue" and hl["note"] == "要点"
    quote = next(s for s in hl["target"]["selector"] if s["type"] == "TextQuoteSelector")
    assert quote["exact"] == text[2:8]
    assert _run(lib, "annotations", doc_id[:8]) == 0
    out = capsys.readouterr().out
    assert new_id[:8] in out and "2 annotation(s)" in out


@pytest.mark.parametrize(("start", "end"), [("5", "5"), ("-1", "3"), ("0", "99999999"), ("9", "3")])
def test_annotate_rejects_bad_ranges(
    doc: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], start: str, end: str
) -> None:
    lib, doc_id, text = doc
    assert _run(lib, "annotate", doc_id, "--start", start, "--end", end) == 1
    err = capsys.readouterr().err
    assert "bad range" in err and str(len(text)) in err
    assert not (lib / "docs" / doc_id / "annotations.json").exists()


def test_unknown_document_is_a_clear_error(
    doc: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, _, _ = doc
    assert _run(lib, "annotations", "ffffffffff") == 1
    assert "tongwen-cli:" in capsys.readouterr().err


def test_export_and_import_w3c(
    doc: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib, doc_id, _ = doc
    _run(lib, "annotate", doc_id, "--start", "3", "--end", "9", "--note", "n")
    out_file = tmp_path / "anno.jsonld"
    assert (
        _run(lib, "annotations", "export", doc_id[:6], "--format", "w3c", "--output", str(out_file))
        == 0
    )
    exported = json.loads(out_file.read_text("utf-8"))
    assert exported["type"] == "AnnotationCollection" and exported["total"] == 1
    # import into a fresh library folder copy: remove the annotations and import them back
    (lib / "docs" / doc_id / "annotations.json").unlink()
    capsys.readouterr()
    assert _run(lib, "annotations", "import", str(out_file)) == 0
    assert "1 new or updated, 0 orphaned" in capsys.readouterr().out
    assert _run(lib, "annotations", doc_id, "--json") == 0
    items = json.loads(capsys.readouterr().out)["items"]
    assert len(items) == 1 and items[0]["note"] == "n"
    # importing the same file again changes nothing
    assert _run(lib, "annotations", "import", str(out_file), "--id", doc_id[:8]) == 0
    assert "0 new or updated" in capsys.readouterr().out


def test_export_markdown_to_stdout(
    doc: tuple[Path, str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    lib, doc_id, text = doc
    _run(lib, "annotate", doc_id, "--start", "0", "--end", "6")
    capsys.readouterr()
    assert _run(lib, "annotations", "export", doc_id, "--format", "markdown") == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "> " + text[:6].split("\n")[0] in out


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["annotations", "export", "abc"], "--format"),
        (["annotations", "export"], "expected `annotations export ID`"),
        (["annotations", "a", "b"], "expected `annotations ID`"),
    ],
)
def test_annotations_usage_errors(
    doc: tuple[Path, str, str], capsys: pytest.CaptureFixture[str], argv: list[str], words: str
) -> None:
    assert _run(doc[0], *argv) == 1
    assert words in capsys.readouterr().err


def test_import_reports_bad_files(
    doc: tuple[Path, str, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib, doc_id, _ = doc
    bad = tmp_path / "bad.json"
    bad.write_text("{oops", "utf-8")
    assert _run(lib, "annotations", "import", str(bad), "--id", doc_id) == 1
    assert "bad.json: not valid JSON" in capsys.readouterr().err
    bad.write_text('{"type": "Annotation", "target": {}}', "utf-8")
    assert _run(lib, "annotations", "import", str(bad), "--id", doc_id) == 1
    assert "bad.json: annotation 1" in capsys.readouterr().err
    bad.write_text("[]", "utf-8")
    assert _run(lib, "annotations", "import", str(bad)) == 1
    assert "give --id" in capsys.readouterr().err
