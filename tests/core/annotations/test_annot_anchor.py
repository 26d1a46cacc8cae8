"""Re-anchoring by quote when the canonical text changes."""

from __future__ import annotations

from pathlib import Path

from desktop.core.annotations import AnnotationStore, find_target
from desktop.core.annotations.model import make_target

OLD = (
    "第一回 宴桃园豪杰三结义 斩黄巾英雄首立功\n"
    "话说天下大势,分久必合,合久必分。周末七国分争,并入于秦。及秦灭之后,楚、汉分争,"
    "又并入于汉。汉朝自高祖斩白蛇而起义,一统天下。后来光武中兴,传至献帝,遂分为三国。\n"
    "推其致乱之由,殆始于桓、灵二帝。桓帝禁锢善类,崇信宦官。"
)


def test_unchanged_text_keeps_targets() -> None:
    t = make_target(OLD, 30, 40)
    found = find_target(OLD, t)
    assert found is not None and found.method == "unchanged" and found.target == t


def test_insertion_before_moves_by_context() -> None:
    t = make_target(OLD, OLD.index("周末七国"), OLD.index("周末七国") + 4)
    new = "【新增的序言】\n" + OLD
    found = find_target(new, t)
    assert found is not None and found.method == "context"
    assert new[found.target.start : found.target.end] == "周末七国"


def test_repeated_quote_picks_the_one_with_context() -> None:
    text = "合久必分。" * 3 + OLD
    at = text.index("周末") - 5  # the 合久必分 right before 周末, not the repeats
    t = make_target(text, at, at + 4)
    new = "前言。" + text
    found = find_target(new, t)
    assert found is not None and found.target.start == at + 3


def test_changed_context_falls_back_to_exact_nearest() -> None:
    start = OLD.index("光武中兴")
    t = make_target(OLD, start, start + 4)
    new = OLD.replace("后来", "其后").replace("传至献帝", "至献帝时")
    found = find_target(new, t)
    assert found is not None and found.method == "exact"
    assert new[found.target.start : found.target.end] == "光武中兴"


def test_edited_quote_is_found_fuzzily() -> None:
    start = OLD.index("汉朝自高祖")
    t = make_target(OLD, start, start + 16)
    new = OLD.replace("汉朝自高祖斩白蛇而起义", "漢朝自高祖斬白蛇而起義")
    found = find_target(new, t)
    assert found is not None and found.method == "fuzzy"
    assert abs(found.target.start - start) <= 2


def test_vanished_quote_is_not_found() -> None:
    t = make_target(OLD, OLD.index("桓帝禁锢"), OLD.index("桓帝禁锢") + 8)
    assert find_target(OLD[: OLD.index("推其")], t) is None


def test_bookmark_reanchors_by_following_text() -> None:
    at = OLD.index("推其")
    t = make_target(OLD, at, at)
    new = OLD.replace("话说", "却说话说")
    found = find_target(new, t)
    assert found is not None and found.target.start == new.index("推其")


def test_store_reanchor_keeps_orphans(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path, text=OLD)
    stays = store.add_highlight(0, 3)
    moves = store.add_highlight(OLD.index("光武"), OLD.index("光武") + 4, note="n")
    lost = store.add_highlight(OLD.index("桓帝禁锢"), OLD.index("桓帝禁锢") + 8)
    store.save()
    new = OLD.replace("话说", "却说道:").split("推其")[0]
    report = store.reanchor(new)
    assert report.unchanged == [stays.id] and report.moved == [moves.id]
    assert report.orphaned == [lost.id]
    orphan = store.get(lost.id)
    assert orphan.orphaned and orphan.target.exact == "桓帝禁锢善类,崇"
    moved = store.get(moves.id)
    assert new[moved.target.start : moved.target.end] == "光武中兴" and moved.note == "n"
    store.save()
    assert len(AnnotationStore.open(tmp_path, text=new).items()) == 3


def test_store_opened_on_changed_text_reanchors(tmp_path: Path) -> None:
    store = AnnotationStore.open(tmp_path, text=OLD)
    h = store.add_highlight(OLD.index("光武"), OLD.index("光武") + 4)
    store.save()
    new = "再版说明。\n" + OLD
    again = AnnotationStore.open(tmp_path, text=new)
    got = again.get(h.id).target
    assert new[got.start : got.end] == "光武中兴"
    assert any("re-anchored" in w for w in again.warnings)
