"""The library folder's small JSON stores (shelves, reading corrections, conversion
rules) read, recover and refuse the same way, through desktop.core.json_store.

Before they shared it they disagreed: a shelves.json from a newer Tongwen was set
aside as damaged (and then written over), and a damaged shelves.json without a good
backup was read as no shelves without a word; a newer readings.json raised an error
that was not a ValueError.  These tests hold all three to one behaviour."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from desktop.core import atomic, conversion_rules, shelves
from desktop.core.json_store import JsonStore, Schema, StoreFileError
from desktop.core.readings import corrections
from desktop.core.views.rules import ConversionRule


@dataclass(frozen=True)
class Kind:
    file_name: str
    format: str
    key: str
    #: Makes a change (the n-th: each adds one entry).
    change: Callable[[Path, int], object]
    #: The entries, as the module lists them (raising when it cannot).
    entries: Callable[[Path], list[Any]]


def _rule(n: int) -> ConversionRule:
    return ConversionRule(("皇后", "以后", "头发")[n], "甲")


KINDS = {
    "shelves": Kind(
        shelves.FILE_NAME,
        shelves.FORMAT,
        "shelves",
        lambda root, n: shelves.save_shelf(root, f"书架{n}", f"tag:{n}"),
        shelves.read_shelves,
    ),
    "readings": Kind(
        corrections.FILE_NAME,
        corrections.FORMAT,
        "corrections",
        lambda root, n: corrections.save_correction(root, ("长大", "重新", "一行")[n], "a1 a1"),
        corrections.read_corrections,
    ),
    "rules": Kind(
        conversion_rules.FILE_NAME,
        conversion_rules.FORMAT,
        "rules",
        lambda root, n: conversion_rules.ConversionRuleStore(root).add(_rule(n)),
        lambda root: conversion_rules.ConversionRuleStore(root).store.read(),
    ),
}


@pytest.fixture(params=sorted(KINDS))
def kind(request: pytest.FixtureRequest) -> Kind:
    return KINDS[request.param]


def test_a_change_writes_the_format_and_keeps_a_backup(tmp_path: Path, kind: Kind) -> None:
    assert kind.entries(tmp_path) == []
    kind.change(tmp_path, 0)
    kind.change(tmp_path, 1)
    stored = json.loads((tmp_path / kind.file_name).read_text("utf-8"))
    assert (stored["format"], stored["version"], len(stored[kind.key])) == (kind.format, 1, 2)
    backup = json.loads((tmp_path / f"{kind.file_name}.bak").read_text("utf-8"))
    assert len(backup[kind.key]) == 1
    assert len(kind.entries(tmp_path)) == 2


def test_a_damaged_file_is_set_aside_and_its_backup_read(tmp_path: Path, kind: Kind) -> None:
    kind.change(tmp_path, 0)
    kind.change(tmp_path, 1)
    (tmp_path / kind.file_name).write_text('{"format": "', "utf-8")
    assert len(kind.entries(tmp_path)) == 1
    kept = list(tmp_path.glob(f"{kind.file_name}.corrupt-*"))
    assert [p.read_text("utf-8") for p in kept] == ['{"format": "']


def test_a_damaged_file_without_a_good_backup_is_named_and_refused_once(
    tmp_path: Path, kind: Kind
) -> None:
    path = tmp_path / kind.file_name
    path.write_text("{", "utf-8")
    path.with_name(f"{kind.file_name}.bak").write_text("[]", "utf-8")
    with pytest.raises(StoreFileError) as refused:
        kind.change(tmp_path, 0)
    message = str(refused.value)
    assert str(path) in message and "not a Tongwen" in message and "kept as" in message
    assert isinstance(refused.value, ValueError | atomic.UnreadableFileError)
    assert len(list(tmp_path.glob("*.corrupt-*"))) == 2  # both kept, nothing lost
    kind.change(tmp_path, 0)  # the damaged copies are aside: a new file
    assert len(kind.entries(tmp_path)) == 1


def test_listing_a_damaged_file_says_so(tmp_path: Path, kind: Kind) -> None:
    (tmp_path / kind.file_name).write_text("{ not json", "utf-8")
    with pytest.raises(StoreFileError, match=kind.file_name):
        kind.entries(tmp_path)
    assert kind.entries(tmp_path) == []  # said once; the damaged copy is kept aside


def test_a_newer_file_is_refused_and_left_alone(tmp_path: Path, kind: Kind) -> None:
    path = tmp_path / kind.file_name
    newer = json.dumps({"format": kind.format, "version": 99, kind.key: [{"new": 1}]})
    path.write_text(newer, "utf-8")
    with pytest.raises(StoreFileError, match="newer Tongwen") as refused:
        kind.entries(tmp_path)
    chain, cause = [], refused.value.__cause__
    while cause is not None:
        chain.append(cause)
        cause = cause.__cause__
    assert any(isinstance(e, atomic.FutureVersionError) for e in chain)
    with pytest.raises(StoreFileError, match=str(path)):
        kind.change(tmp_path, 0)
    assert path.read_text("utf-8") == newer and not list(tmp_path.glob("*.corrupt-*"))


def test_a_file_the_disk_refuses_is_left_as_it_is(
    tmp_path: Path, kind: Kind, monkeypatch: pytest.MonkeyPatch
) -> None:
    kind.change(tmp_path, 0)
    monkeypatch.setattr(atomic, "READ_PAUSE", 0)
    real = Path.read_bytes

    def refuse(self: Path) -> bytes:
        if self.name.startswith(kind.file_name):
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    with pytest.raises(atomic.FileReadError):
        kind.entries(tmp_path)
    with pytest.raises(atomic.FileReadError):
        kind.change(tmp_path, 1)
    monkeypatch.undo()
    assert len(kind.entries(tmp_path)) == 1 and not list(tmp_path.glob("*.corrupt-*"))


@dataclass(frozen=True)
class Word:
    text: str

    @classmethod
    def from_json(cls, value: Any) -> Word:
        if not isinstance(value, str):
            raise TypeError(f"{value!r} is not a word")
        return cls(value)

    def to_json(self) -> str:
        return self.text


def _words(root: Path) -> JsonStore[Word]:
    return JsonStore(root, Schema("words.json", "tongwen-words", 2, "words", Word, "word", "words"))


def test_load_reports_instead_of_raising(tmp_path: Path) -> None:
    store = _words(tmp_path)
    assert store.load() == type(store.load())()  # no file: nothing, no problem
    with store.lock():
        store.write([Word("甲")])
    with store.lock():
        store.write([Word("甲"), Word("乙")])
    assert store.load().entries == (Word("甲"), Word("乙")) and not store.load().problem
    store.path.write_text('{"format": "tongwen-words", "version": 2, "words": ["甲", 3]}')
    loaded = store.load()
    assert loaded.entries == (Word("甲"),) and loaded.from_backup
    assert str(store.path) in loaded.problem and "word 2: 3 is not a word" in loaded.problem
    assert "its backup is used" in loaded.problem
    store.path.write_text('{"format": "tongwen-words", "version": 3, "words": []}')
    loaded = store.load()
    assert loaded.entries == () and "version 3 was written by a newer Tongwen" in loaded.problem
