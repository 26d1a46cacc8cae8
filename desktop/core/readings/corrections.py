"""The reader's reading corrections, kept in ``<library>/readings.json`` so they sync.

A correction gives a word the readings of its characters, one numbered syllable each
(``长大`` → ``zhang3 da4``).  The word is stored in its folded (Simplified) form, so a
correction made while reading 繁體 applies to 简体 text too, in every document.  A
longer word is a correction in context: ``一行人`` → ``yi4 xing2 ren2`` reads 行 as xíng
only there.  Where two corrections overlap, the longer wins.

The file is plain JSON (``{"format": "tongwen-readings", "version": 1, "corrections":
[{"word": "长大", "readings": ["zhang3", "da4"], "created": "..."}]}``), written
atomically under the library's file lock like every file there.  A damaged file is
set aside (``readings.json.corrupt-<time>``) and its backup used; when there is no
good backup :class:`~desktop.core.atomic.UnreadableFileError` names the file, and the
damaged copy is kept beside it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import atomic
from desktop.core.dictionary.syllables import is_syllable, to_marks, to_numbered, to_zhuyin
from desktop.core.locks import FileLock
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


def _validate(value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise ValueError(f"not a Tongwen {FILE_NAME}")
    version = value.get("version")
    if not isinstance(version, int):
        raise ValueError(f"{FILE_NAME} has no version")
    if version > VERSION:
        raise atomic.FutureVersionError(f"{FILE_NAME} of version {version} (newer than Tongwen)")
    items = value.get("corrections")
    if not isinstance(items, list):
        raise ValueError("'corrections' is not a list")
    for item in items:
        ok = (
            isinstance(item, dict)
            and isinstance(item.get("word"), str)
            and _ALL_HAN.fullmatch(item["word"]) is not None
            and isinstance(item.get("readings"), list)
            and len(item["readings"]) == len(item["word"])
            and all(isinstance(r, str) and is_syllable(r) for r in item["readings"])
        )
        if not ok:
            raise ValueError(f"a correction is {item!r}, not a word and one reading per character")


def read_corrections(root: Path) -> list[Correction]:
    """The corrections in ``root/readings.json``, oldest first; none without the file."""
    try:
        result = atomic.read_json(root / FILE_NAME, validate=_validate)
    except FileNotFoundError:
        return []
    return [
        Correction(c["word"], tuple(c["readings"]), str(c.get("created", "")))
        for c in result.value["corrections"]
    ]


def _write(root: Path, corrections: list[Correction]) -> None:
    value = {
        "format": FORMAT,
        "version": VERSION,
        "corrections": [c.to_json() for c in corrections],
    }
    atomic.write_json(root / FILE_NAME, value)


def save_correction(root: Path, word: str, readings: str | Iterable[str]) -> Correction:
    """Add a correction, or replace the one for the same word.

    ``readings`` is one syllable per character, as a string (``"zhǎng dà"``,
    ``"zhang3 da4"``) or a list; tone marks or numbers, ``v`` or ``ü``.  ``ValueError``
    says what is wrong with the word or the readings."""
    folded = _fold_word(word)
    correction = Correction(
        folded, _syllables(readings, folded), time.strftime("%Y-%m-%dT%H:%M:%S")
    )
    with FileLock(root / f".{FILE_NAME}.lock"):
        kept = [c for c in read_corrections(root) if c.word != folded]
        _write(root, [*kept, correction])
    return correction


def remove_correction(root: Path, word: str) -> bool:
    """Remove the correction of ``word`` (either script); False when there is none."""
    folded = _fold_word(word)
    with FileLock(root / f".{FILE_NAME}.lock"):
        corrections = read_corrections(root)
        kept = [c for c in corrections if c.word != folded]
        if len(kept) == len(corrections):
            return False
        _write(root, kept)
    return True
