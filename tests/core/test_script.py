"""Tests for desktop.core.script."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.script import detect_script, paragraph_scripts

SIMPLIFIED = "社会工作是党的工作的重要组成部分,为新时代社会工作高质量发展指明了前进方向。"
TRADITIONAL = "社會工作是黨的工作的重要組成部分,為新時代社會工作高質量發展指明了前進方向。"


@pytest.mark.parametrize(
    ("index", "script"),
    [
        (0, "simplified"),
        (1, "traditional"),
        (2, "traditional"),
        (3, "simplified"),
        (4, "traditional"),
    ],
)
def test_seeds(seed_paths: list[Path], index: int, script: str) -> None:
    assert detect_script(seed_paths[index].read_text("utf-8")) == script


def test_short_and_empty_are_unknown() -> None:
    assert detect_script("") == "unknown"
    assert detect_script("Hello, world 123") == "unknown"
    assert detect_script("中文") == "unknown"


def test_mixed() -> None:
    assert detect_script(SIMPLIFIED * 3 + TRADITIONAL * 3) == "mixed"


def test_stray_characters_do_not_make_mixed() -> None:
    assert detect_script(TRADITIONAL * 10 + "这个") == "traditional"
    assert detect_script(SIMPLIFIED * 10 + "這個") == "simplified"


def test_paragraph_scripts() -> None:
    text = SIMPLIFIED + "\n\n" + TRADITIONAL + "\nabc"
    parts = paragraph_scripts(text)
    assert [script for *_, script in parts] == ["simplified", "traditional", "unknown"]
    start, end, _ = parts[1]
    assert text[start:end] == TRADITIONAL
    assert paragraph_scripts("") == []
