"""Markdown export for people: words in the reader's language, places as chapter and quote."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from desktop.core.annotations import AnnotationStore, to_markdown, to_w3c
from desktop.core.annotations.export import MarkdownLabels

TEXT = (
    "序\n天下大势,分久必合,合久必分。\n"
    "第一回 宴桃园豪杰三结义\n话说张飞、关羽与刘备相遇于涿郡,三人意气相投,遂结为兄弟。\n"
    "第二回 张翼德怒鞭督邮\n且说董卓字仲颖,陇西临洮人也。"
)
CHAPTERS = [
    (TEXT.index("第一回"), "第一回 宴桃园豪杰三结义"),
    (TEXT.index("第二回"), "第二回 张翼德怒鞭督邮"),
]
CHINESE = MarkdownLabels(
    bookmark="书签",
    note="笔记",
    colors={"yellow": "黄色", "pink": "粉色"},
    orphaned="找不到原文的批注",
    orphaned_item="在当前文本中找不到",
    before_first_chapter="第一章之前",
    no_annotations="没有批注。",
)
#: A raw offset or offset range as the export used to show them: "at 37485", "[37595–37605]".
RAW_OFFSET = re.compile(r"\bat \d+|\[\d+[–-]\d+\]")


@pytest.fixture
def store(tmp_path: Path) -> AnnotationStore:
    s = AnnotationStore.open(tmp_path, text=TEXT)
    s.add_highlight(*_span("分久必合"), color="pink")
    s.add_highlight(*_span("关羽"))
    s.add_note(*_span("张飞"), "三弟")
    s.add_bookmark(TEXT.index("且说"), note="读到这里")
    s.add_bookmark(len(TEXT))  # at the very end: quoted from before
    return s


def _span(word: str) -> tuple[int, int]:
    at = TEXT.index(word)
    return at, at + len(word)


def test_places_are_chapters_and_quotes_not_offsets(store: AnnotationStore) -> None:
    md = to_markdown(store.items(), title="三国演义", chapters=CHAPTERS)
    assert not RAW_OFFSET.search(md), md
    assert not re.search(r"\d{2,}", md), md  # no offset of any kind
    second = md.index("## 第二回 张翼德怒鞭督邮")
    bookmark = md.index("- 🔖 **Bookmark** “且说董卓字仲颖,陇西临洮人也。”: 读到这里")
    assert bookmark > second  # under its chapter
    assert "- 🔖 **Bookmark** “…" in md  # the one at the end quotes what comes before it
    assert "*Pink*" in md and "*Yellow*" in md and "*Note*" in md


def test_a_long_bookmark_quote_is_cut(tmp_path: Path) -> None:
    text = "开头。" + "很长的一段文字" * 10
    s = AnnotationStore.open(tmp_path, text=text)
    s.add_bookmark(3)
    md = to_markdown(s.items(), title="t")
    quote = re.search(r"“(.*)”", md)
    assert quote is not None and quote[1].endswith("…") and len(quote[1]) == 21


def test_labels_in_the_interface_language(store: AnnotationStore) -> None:
    store.reanchor(TEXT.replace("关羽", "云长"))  # one highlight is orphaned now
    md = to_markdown(
        store.items(),
        title="三国演义",
        meta={"作者": "罗贯中"},
        chapters=CHAPTERS,
        labels=CHINESE,
    )
    assert re.findall(r"[A-Za-z]+", md) == [], md
    assert "- **作者**: 罗贯中" in md
    assert "**书签**" in md and "*粉色*" in md and "*笔记*" in md
    assert "## 第一章之前" in md and "## 找不到原文的批注" in md
    assert "*黄色* (在当前文本中找不到)" in md
    empty = to_markdown([], title="空", labels=CHINESE)
    assert "*没有批注。*" in empty


def test_quotes_and_bookmark_quotes_follow_the_script(store: AnnotationStore) -> None:
    md = to_markdown(
        store.items(),
        title="三国演义",
        chapters=CHAPTERS,
        convert=lambda s: s.replace("说", "說").replace("颖", "穎"),
    )
    assert "“且說董卓字仲穎," in md


def test_w3c_keeps_the_exact_offsets(store: AnnotationStore) -> None:
    doc = to_w3c(store.items(), doc_id="ab" * 32)
    positions = {
        (sel["start"], sel["end"])
        for anno in doc["first"]["items"]
        for sel in anno["target"]["selector"]
        if sel["type"] == "TextPositionSelector"
    }
    assert positions == {(i.target.start, i.target.end) for i in store.items()}
