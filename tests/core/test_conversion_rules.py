"""The conversion rules file: round trip, scope, damage, newer versions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core import atomic
from desktop.core.conversion_rules import (
    FILE_NAME,
    MAX_RULES,
    ConversionRuleStore,
    RuleBook,
    RulesFileError,
    StoreFileError,
)
from desktop.core.views.pipeline import ViewOptions, build_view
from desktop.core.views.rules import ConversionRule

TEXT = "皇后说，以后再来。\n"


def _rules(root: Path) -> tuple[ConversionRule, ...]:
    return ConversionRuleStore(root).load().rules


def test_add_list_remove_and_undo(tmp_path: Path) -> None:
    store = ConversionRuleStore(tmp_path)
    assert store.load() == RuleBook()
    a = ConversionRule("皇后", "皇後", "traditional", None, "2025-01-31T20:15:00")
    b = ConversionRule("以后", "以后", "any", "doc1")
    assert store.add(a) is None and store.add(b) is None
    assert _rules(tmp_path) == (a, b)
    on_disk = json.loads((tmp_path / FILE_NAME).read_text("utf-8"))
    assert on_disk["format"] == "tongwen-conversion-rules" and on_disk["version"] == 1
    assert on_disk["rules"][0] == {
        "from": "皇后",
        "to": "皇後",
        "script": "traditional",
        "doc": None,
        "created": "2025-01-31T20:15:00",
    }
    changed = ConversionRule("皇后", "皇后", "traditional")
    assert store.add(changed) == a  # same word, script and scope: replaced in place
    assert _rules(tmp_path) == (changed, b)
    index = store.remove(changed)
    assert index == 0 and _rules(tmp_path) == (b,)
    store.add(changed, index)  # undo puts it back where it was
    assert _rules(tmp_path) == (changed, b)
    assert store.remove(ConversionRule("不在", "x")) == -1
    assert (tmp_path / f"{FILE_NAME}.bak").exists()


def test_scope_per_document_and_all_documents(tmp_path: Path) -> None:
    store = ConversionRuleStore(tmp_path)
    store.add(ConversionRule("皇后", "皇太后", "traditional"))
    store.add(ConversionRule("以后", "以后", "traditional", "doc-a"))
    book = store.load()
    for_a, for_b = book.for_document("doc-a"), book.for_document("doc-b")
    assert len(for_a) == 2 and len(for_b) == 1
    view_a = build_view(TEXT, ViewOptions(script="traditional", rules=for_a)).text
    view_b = build_view(TEXT, ViewOptions(script="traditional", rules=for_b)).text
    assert view_a == "皇太后說，以后再來。\n"
    assert view_b == "皇太后說，以後再來。\n"
    assert book.for_document(None) == for_b


def test_damaged_file_uses_backup_and_keeps_the_damaged_copy(tmp_path: Path) -> None:
    store = ConversionRuleStore(tmp_path)
    first = ConversionRule("皇后", "皇太后")
    store.add(first)
    store.add(ConversionRule("以后", "以后"))  # the .bak now holds [first]
    path = tmp_path / FILE_NAME
    path.write_bytes(b'{"format": "tongwen-conversion-rules", "version": 1, "rules": [{')
    book = store.load()
    assert book.rules == (first,)
    assert str(path) in book.problem and "backup" in book.problem
    kept = list(tmp_path.glob(f"{FILE_NAME}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().endswith(b'"rules": [{')


def test_damaged_file_and_backup_fall_back_to_opencc_alone(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text('{"format": "tongwen-conversion-rules", "version": 1, "rules": [{"to": 1}]}')
    path.with_name(FILE_NAME + ".bak").write_text("not json at all")
    book = ConversionRuleStore(tmp_path).load()
    assert book.rules == () and str(path) in book.problem and "rule 1" in book.problem
    options = ViewOptions(script="traditional", rules=book.for_document("x"))
    assert (
        build_view(TEXT, options).text == build_view(TEXT, ViewOptions(script="traditional")).text
    )
    kept = sorted(p.read_text() for p in tmp_path.glob("*.corrupt-*"))
    assert len(kept) == 2 and kept[0] == "not json at all" and '"to": 1' in kept[1]


def test_changing_rules_after_double_damage_refuses_once(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    path.write_text("{")
    path.with_name(FILE_NAME + ".bak").write_text("{")
    store = ConversionRuleStore(tmp_path)
    with pytest.raises(StoreFileError, match="the next change starts a new file"):
        store.add(ConversionRule("皇后", "皇太后"))
    assert len(list(tmp_path.glob("*.corrupt-*"))) == 2  # both kept, nothing lost
    store.add(ConversionRule("皇后", "皇太后"))  # the damaged files are aside: a new file
    assert len(_rules(tmp_path)) == 1


def test_newer_file_is_left_alone(tmp_path: Path) -> None:
    path = tmp_path / FILE_NAME
    newer = '{"format": "tongwen-conversion-rules", "version": 99, "rules": []}'
    path.write_text(newer)
    store = ConversionRuleStore(tmp_path)
    book = store.load()
    assert book.rules == () and "newer Tongwen" in book.problem
    with pytest.raises(atomic.UnreadableFileError):
        store.add(ConversionRule("皇后", "皇太后"))
    assert path.read_text() == newer and not list(tmp_path.glob("*.corrupt-*"))


def test_unreadable_file_is_a_problem_not_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = ConversionRuleStore(tmp_path)
    store.add(ConversionRule("皇后", "皇太后"))
    monkeypatch.setattr(atomic, "READ_PAUSE", 0)
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name.startswith(FILE_NAME):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    book = store.load()
    assert book.rules == () and "cannot be used" in book.problem and FILE_NAME in book.problem
    with pytest.raises(OSError):
        store.add(ConversionRule("以后", "以后"))
    monkeypatch.undo()
    assert len(_rules(tmp_path)) == 1


def test_more_than_max_rules_are_refused_but_a_rule_can_still_be_replaced(
    tmp_path: Path,
) -> None:
    rules = [ConversionRule(chr(0x4E00 + n), "皇") for n in range(MAX_RULES)]
    value = {
        "format": "tongwen-conversion-rules",
        "version": 1,
        "rules": [r.to_json() for r in rules],
    }
    (tmp_path / FILE_NAME).write_text(json.dumps(value), "utf-8")
    store = ConversionRuleStore(tmp_path)
    with pytest.raises(RulesFileError, match=f"already {MAX_RULES} rules"):
        store.add(ConversionRule("皇后", "皇太后"))
    assert store.add(ConversionRule(chr(0x4E00), "后")) == rules[0]
    book = store.load()
    assert len(book.rules) == MAX_RULES and book.rules[0].target == "后" and not book.problem
