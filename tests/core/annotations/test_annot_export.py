"""Markdown and W3C Web Annotation export, and import of the latter."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from desktop.core.annotations import AnnotationStore, from_w3c, to_markdown, to_w3c

TEXT = (
    "序\n天下大势,分久必合,合久必分。\n"
    "第一回 宴桃园豪杰三结义\n话说张飞、关羽与刘备相遇于涿郡。\n"
    "第二回 张翼德怒鞭督邮\n且说董卓字仲颖,陇西临洮人也。\n"
)
CHAPTERS = [
    (TEXT.index("第一回"), "第一回 宴桃园豪杰三结义"),
    (TEXT.index("第二回"), "第二回 张翼德怒鞭督邮"),
]
DOC_ID = "ab" * 32
ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")


def _span(word: str) -> tuple[int, int]:
    at = TEXT.index(word)
    return at, at + len(word)


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    s = AnnotationStore.open(tmp_path, text=TEXT)
    s.add_highlight(*_span("分久必合"), color="pink", note="开篇名句")
    s.add_note(*_span("张飞"), "三弟")
    s.add_bookmark(TEXT.index("且说"))
    gone = s.add_highlight(*_span("董卓"))
    s.delete(gone.id)
    return s


# --- a small structural validator for the Web Annotation Data Model -------------------
def _check_selector(sel: Any) -> None:
    assert isinstance(sel, dict) and sel.get("type") in {
        "TextQuoteSelector",
        "TextPositionSelector",
    }
    if sel["type"] == "TextQuoteSelector":
        assert isinstance(sel["exact"], str)
        for key in ("prefix", "suffix"):
            assert isinstance(sel.get(key, ""), str)
    else:
        assert isinstance(sel["start"], int) and isinstance(sel["end"], int)
        assert 0 <= sel["start"] <= sel["end"]


def _check_annotation(anno: Any) -> None:
    assert isinstance(anno, dict)
    assert isinstance(anno["id"], str) and ":" in anno["id"]  # an IRI
    assert anno["type"] == "Annotation"
    assert anno["motivation"] in {"highlighting", "commenting", "bookmarking"}
    for key in ("created", "modified"):
        assert ISO.match(anno[key]), anno[key]
    if "body" in anno:
        body = anno["body"]
        assert body["type"] == "TextualBody" and isinstance(body["value"], str)
    target = anno["target"]
    assert isinstance(target, dict) and target["source"].startswith("urn:")
    selectors = target["selector"]
    assert isinstance(selectors, list) and selectors
    for sel in selectors:
        _check_selector(sel)
    if "stylesheet" in anno:
        assert anno["stylesheet"]["type"] == "CssStylesheet"
        assert isinstance(target["styleClass"], str)


def _check_collection(doc: Any) -> None:
    assert doc["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert doc["type"] == "AnnotationCollection" and isinstance(doc["id"], str)
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and isinstance(page["items"], list)
    assert doc["total"] == len(page["items"])
    for anno in page["items"]:
        _check_annotation(anno)


def test_validator_rejects_broken_documents(store: AnnotationStore) -> None:
    doc = to_w3c(store.items(), doc_id=DOC_ID)
    doc["first"]["items"][0]["motivation"] = "liking"
    with pytest.raises(AssertionError):
        _check_collection(doc)


def test_w3c_export_is_valid(store: AnnotationStore) -> None:
    doc = to_w3c(store.items(include_deleted=True), doc_id=DOC_ID, title="三国演义")
    _check_collection(doc)
    items = doc["first"]["items"]
    assert len(items) == 3  # the deleted one is not exported
    motivations = sorted(a["motivation"] for a in items)
    assert motivations == ["bookmarking", "commenting", "highlighting"]
    hl = next(a for a in items if a["motivation"] == "highlighting")
    assert hl["target"]["source"] == f"urn:tongwen:doc:{DOC_ID}"
    quote = next(s for s in hl["target"]["selector"] if s["type"] == "TextQuoteSelector")
    assert quote["exact"] == "分久必合" and hl["body"]["value"] == "开篇名句"
    assert hl["target"]["styleClass"] == "pink"


def test_w3c_round_trip_reanchors_on_changed_text(store: AnnotationStore) -> None:
    doc = to_w3c(store.items(), doc_id=DOC_ID)
    new_text = "前言一段。\n" + TEXT
    back = from_w3c(doc, new_text)
    assert back.doc_id == DOC_ID and back.orphaned == 0
    originals = {i.id: i for i in store.items()}
    for item in back:
        orig = originals[item.id]
        assert (item.kind, item.color, item.note, item.modified) == (
            orig.kind,
            orig.color,
            orig.note,
            orig.modified,
        )
        assert item.target.start == orig.target.start + len("前言一段。\n")
        assert new_text[item.target.start : item.target.end] == orig.target.exact


def test_w3c_import_accepts_plain_list_and_marks_orphans() -> None:
    annos = [
        {
            "@context": "http://www.w3.org/ns/anno.jsonld",
            "id": "http://example.org/anno1",
            "type": "Annotation",
            "body": [{"type": "TextualBody", "value": "note"}],
            "target": {
                "source": "http://example.org/book",
                "selector": {"type": "TextQuoteSelector", "exact": "关羽与刘备"},
            },
        },
        {
            "type": "Annotation",
            "motivation": "highlighting",
            "target": {"selector": [{"type": "TextQuoteSelector", "exact": "不存在的文字"}]},
        },
    ]
    back = from_w3c(annos, TEXT)
    assert back.doc_id is None and back.orphaned == 1
    found, orphan = back
    assert TEXT[found.target.start : found.target.end] == "关羽与刘备" and found.note == "note"
    assert orphan.orphaned and orphan.target.exact == "不存在的文字"


@pytest.mark.parametrize(
    ("value", "words"),
    [
        ({"type": "Thing"}, "not a Web Annotation"),
        ([{"type": "Annotation", "target": {}}], "annotation 1: .*TextQuoteSelector"),
        ([{"type": "Note"}], "entry 1 is not an Annotation"),
        ("text", "expected a JSON object"),
    ],
)
def test_w3c_import_rejects_bad_input(value: Any, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        from_w3c(value, TEXT)


def test_markdown_groups_by_chapter_and_converts(store: AnnotationStore) -> None:
    md = to_markdown(
        store.items(),
        title="三国演义",
        meta={"Author": "罗贯中", "Source": None},
        chapters=CHAPTERS,
        convert=lambda s: s.replace("张", "張").replace("国", "國").replace("说", "說"),
    )
    assert md.startswith("# 三國演义\n")  # the title through ``convert``, which knows 国 only
    assert "- **Author**: 罗贯中" in md and "Source" not in md
    assert "> 董卓" not in md  # deleted (the bookmark's quote may name him)
    first = md.index("## 第一回")
    second = md.index("## 第二回 張翼德怒鞭督邮")
    assert md.index("> 分久必合") < first  # before the first chapter
    assert first < md.index("> 張飞") < second
    assert "三弟" in md and md.index("Bookmark") > second
    assert "*Pink*" in md and "开篇名句" in md


def test_markdown_lists_orphans_separately(store: AnnotationStore) -> None:
    store.reanchor(TEXT.replace("天下大势,分久必合,合久必分。", "(此段已删)"))
    md = to_markdown(store.items(), title="t", chapters=CHAPTERS)
    assert "## Orphaned" in md
    assert md.index("## Orphaned") < md.index("> 分久必合")
