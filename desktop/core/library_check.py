"""``tongwen-cli check``: verify a library's document folders without changing them."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.core.library import Library

__all__ = ["check_library"]


def check_library(lib: Library) -> list[str]:
    """The problems found in ``lib`` (empty: all well), one line each."""
    problems = list(lib.warnings)
    known = {d.id: d.chars for d in lib.summaries()}
    for folder in sorted(lib.docs_dir.iterdir()):
        if folder.name.startswith(".staging-") and folder.is_dir():
            problems.append(
                f"{folder.name}: an import in progress, or an interrupted one "
                "(removed at the next start once nothing holds its lock)"
            )
            continue
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        problems.extend(f"{folder.name[:12]}: {p}" for p in _check_doc(folder, known))
        problems.extend(_unmerged_copies(folder, problems))
    return problems


def _unmerged_copies(folder: Path, reported: list[str]) -> list[str]:
    """Conflict copies of meta.json still lying there (and not yet explained)."""
    from desktop.core.library import meta_conflict_copies

    return [
        f"{folder.name[:12]}: {copy.name} is a sync conflict copy of meta.json that was "
        "not merged; compare it with meta.json and delete one"
        for copy in meta_conflict_copies(folder)
        if not any(copy.name in line for line in reported)
    ]


def _check_doc(folder: Path, known: dict[str, int]) -> list[str]:
    out = []
    originals = sorted(folder.glob("original.*"))
    if not originals:
        return ["the original file is missing"]
    digest = hashlib.sha256(originals[0].read_bytes()).hexdigest()
    if digest != folder.name:
        out.append("the original file does not match its id (changed on disk?)")
    text_path = folder / "text.txt"
    if not text_path.exists():
        out.append("text.txt is missing")
    else:
        try:
            text = text_path.read_text("utf-8")
        except UnicodeDecodeError:
            out.append("text.txt is not valid UTF-8")
        else:
            chars = known.get(folder.name)
            if chars is not None and chars != len(text):
                out.append(f"text.txt has {len(text)} characters, meta.json says {chars}")
    if folder.name not in known:
        out.append("meta.json is unreadable")
    return out
