"""Novels made for checking the reader's place, and the check itself.

Shared by the place-kept tests (tests/ui/reader/test_exact.py) and the reader bench
(``make bench ARGS=reader``: share of toggles that keep the place exactly).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtGui import QTextCursor

from desktop.ui.reader.page import line_at
from desktop.ui.reader.pane import ReaderPane

SCRIPTS = ("original", "simplified", "traditional", "taiwan", "hongkong")
PINYIN = ("hide", "ruby", "inline")
SENTENCES = (
    "話說天下大勢，分久必合，合久必分。",
    "周末七國分爭，並入於秦；及秦滅之後，楚、漢分爭，又並入於漢。",
    "漢朝自高祖斬白蛇而起義，一統天下，後來光武中興，傳至獻帝，遂分為三國。",
    "推其致亂之由，殆始於桓、靈二帝。",
    "這個人說著話，看著遠處的山，骨直角述次，心裡想著回家。",
)
#: Every view a reader can toggle to.
VIEWS = [
    {"script": s, "clean": c, "pinyin": p} for s in SCRIPTS for c in (True, False) for p in PINYIN
]


def paragraphs(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(SENTENCES) for _ in range(rng.randint(2, 9))) for _ in range(count)]


def hard_wrapped(path: Path, count: int, width: int = 30, seed: int = 1) -> Path:
    """A novel wrapped at ``width`` characters, paragraphs indented, chapters headed."""
    lines: list[str] = []
    for i, para in enumerate(paragraphs(count, seed)):
        if i % 40 == 0:
            lines += [f"第{i // 40 + 1}回　英雄出世", ""]
        text = "　　" + para
        lines += [text[j : j + width] for j in range(0, len(text), width)]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return path


def reflowed(path: Path, count: int, seed: int = 2) -> Path:
    """A novel with one long line per paragraph (the widget wraps it)."""
    body = "\n".join("　　" + p for p in paragraphs(count, seed))
    path.write_text(body + "\n", "utf-8")
    return path


def top_line_holds(reader: ReaderPane, canonical: int) -> bool:
    """Whether the first line shown (the scroll bar's line) holds ``canonical``; on the
    last screen, which cannot scroll further, whether it is on screen."""
    view = reader.to_view(canonical)
    if view is None:
        return False
    cursor = QTextCursor(reader.text.document())
    cursor.setPosition(reader.view_to_qt(view))
    bar = reader.text.verticalScrollBar()
    if line_at(cursor) == bar.value():
        return True
    bottom = reader.text.viewport().rect().bottomRight()
    last = reader.text.cursorForPosition(bottom).position()
    return (
        bar.value() == bar.maximum()
        and line_at(cursor) >= bar.value()
        and cursor.position() <= last
    )


@dataclass
class PlaceWalk:
    """Toggles made from random places, and those that moved the place."""

    toggles: int = 0
    moved: list[tuple[int, dict[str, object], int]] = field(default_factory=list)

    @property
    def exact_share(self) -> float:
        return 1 - len(self.moved) / self.toggles if self.toggles else 1.0


def place_walk(
    reader: ReaderPane, positions: int, seed: int, wait: Callable[[], None]
) -> PlaceWalk:
    """Go to ``positions`` random places; from each, toggle four random views (waiting
    for the load with ``wait`` half of the time) and check the place after each."""
    rng = random.Random(seed)
    walk = PlaceWalk()
    for _ in range(positions):
        reader.go_to_canonical(rng.randrange(len(reader.canonical)))
        place = reader.current_canonical()
        for view in rng.sample(VIEWS, 4):
            reader.set_options(**view)
            if rng.random() < 0.5:
                wait()
            walk.toggles += 1
            if reader.current_canonical() != place or not top_line_holds(reader, place):
                walk.moved.append((place, view, reader.current_canonical()))
    return walk
