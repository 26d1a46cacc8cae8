"""The reader's reading corrections, kept in ``<library>/readings.json`` so they sync.

A correction gives a word the readings of its characters, one numbered syllable each
(``长大`` → ``zhang3 da4``).  The word is stored in its folded (Simplified) form, so a
correction made while reading 繁體 applies to 简体 text too, in every document.  A
longer word is a correction in context: ``一行人`` → ``yi4 xing2 ren2`` reads 行 as xíng
only there.  Where two corrections overlap, the longer wins.

The file is plain JSON (``{"format": "tongwen-readings", "version": 1, "corrections":
[{"word": "长大", "readings": ["zhang3", "da4"], "created": "..."}]}``), a
:class:`~desktop.core.json_store.JsonStore`: written atomically under its lock; a
damaged file is set aside (``readings.json.corrupt-<time>``) and its backup used; when
there is no good backup, or the file is a newer Tongwen's,
:class:`~desktop.core.json_store.StoreFileError` names the file.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.dictionary.syllables import is_syllable, to_marks, to_numbered, to_zhuyin
from desktop.core.json_store import JsonStore, Schema
from desktop.core.script import HAN

__all__ = [
    "FILE_NAME",
    "Correction",
    "read_corrections",
    "remove_correction",
    "save_correction",
]

FILE_NAME = "readings.json"
FORMAT = "tongwen-readings"
VERSION = 1
#: The longest word a correction may hold.
MAX_WORD = 32
_ALL_HAN = re.compile(f"[{HAN}]+")
_SEPARATORS = re.compile(r"[\s,，、'’]+")


@dataclass(frozen=True)
class Correction:
    """A word (folded, all Han) and the numbered reading of each of its characters."""

    word: str
    readings: tuple[str, ...]
    created: str = ""

    @property
    def pinyin(self) -> str:
        return to_marks(" ".join(self.readings))

    @property
    def zhuyin(self) -> str:
        return to_zhuyin(" ".join(self.readings))

    def to_json(self) -> dict[str, Any]:
        return {"word": self.word, "readings": list(self.readings), "created": self.created}

    @classmethod
    def from_json(cls, value: Any) -> Correction:
        ok = (
            isinstance(value, dict)
            and isinstance(value.get("word"), str)
            and _ALL_HAN.fullmatch(value["word"]) is not None
            and isinstance(value.get("readings"), list)
            and len(value["readings"]) == len(value["word"])
            and all(isinstance(r, str) and is_syllable(r) for r in value["readings"])
        )
        if not ok:
            raise ValueError(f"{value!r} is not a word and one reading per character")
        return cls(value["word"], tuple(value["readings"]), str(value.get("created", "")))


def _fold_word(word: str) -> str:
    from desktop.core.views.convert import convert_text

    word = "".join(word.split())
    if not _ALL_HAN.fullmatch(word) or len(word) > MAX_WORD:
        raise ValueError(f"a corrected word must be 1 to {MAX_WORD} Han characters, not {word!r}")
    folded = convert_text(word, "t2s")
    return folded if len(folded) == len(word) else word


def _syllables(readings: str | Iterable[str], word: str) -> tuple[str, ...]:
    parts = _SEPARATORS.split(readings.strip()) if isinstance(readings, str) else list(readings)
    syllables = tuple(to_numbered(p) for p in parts if p.strip())
    if len(syllables) != len(word):
        raise ValueError(
            f"{word} has {len(word)} character(s) but {len(syllables)} reading(s) were given"
        )
    return syllables


SCHEMA = Schema(
    FILE_NAME,
    FORMAT,
    VERSION,
    "corrections",
    Correction,
    noun="correction",
    what="reading corrections",
)


def read_corrections(root: Path) -> list[Correction]:
    """The corrections in ``root/readings.json``, oldest first; none without the file."""
    return JsonStore(root, SCHEMA).read()


def save_correction(root: Path, word: str, readings: str | Iterable[str]) -> Correction:
    """Add a correction, or replace the one for the same word.

    ``readings`` is one syllable per character, as a string (``"zhǎng dà"``,
    ``"zhang3 da4"``) or a list; tone marks or numbers, ``v`` or ``ü``.  ``ValueError``
    says what is wrong with the word or the readings."""
    folded = _fold_word(word)
    correction = Correction(
        folded, _syllables(readings, folded), time.strftime("%Y-%m-%dT%H:%M:%S")
    )
    store = JsonStore(root, SCHEMA)
    with store.lock():
        kept = [c for c in store.read() if c.word != folded]
        store.write([*kept, correction])
    return correction


def remove_correction(root: Path, word: str) -> bool:
    """Remove the correction of ``word`` (either script); False when there is none."""
    folded = _fold_word(word)
    return JsonStore(root, SCHEMA).remove(lambda c: c.word == folded) >= 0
