"""The reader's conversion rules, kept in the library folder so they sync.

``<library>/conversion-rules.json`` holds the rules in the order they were made::

    {"format": "tongwen-conversion-rules", "version": 1,
     "rules": [{"from": "皇后", "to": "皇後", "script": "traditional",
                "doc": null, "created": "2025-01-31T20:15:00"}]}

``script`` is one of ``simplified``, ``traditional``, ``taiwan``, ``hongkong`` or
``any``; ``doc`` a document id, or null for all documents.  There is at most one
rule per source word, script and document: adding another replaces its target.

Writes are atomic and keep the previous file as ``.bak``, under the library's
file lock (desktop.core.atomic, desktop.core.locks).  Reading never fails the
views: a damaged file is set aside as ``conversion-rules.json.corrupt-<time>`` and
its backup used; when neither can be used (or the file is from a newer Tongwen,
or the disk refuses to read it) :meth:`ConversionRuleStore.load` returns no rules
and a :attr:`RuleBook.problem` naming the file, and the views show OpenCC alone.
Changing the rules then refuses rather than write over a file it could not read.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core import atomic
from desktop.core.locks import FileLock
from desktop.core.views.rules import ConversionRule

__all__ = ["FILE_NAME", "ConversionRuleStore", "RuleBook", "RulesFileError"]

log = logging.getLogger(__name__)

FILE_NAME = "conversion-rules.json"
FORMAT = "tongwen-conversion-rules"
VERSION = 1
#: More rules than this are refused (each view scans for every source word).
MAX_RULES = 5000


class RulesFileError(ValueError):
    """The rules file could not be used, so the rules were not changed."""


@dataclass(frozen=True)
class RuleBook:
    """The rules as read from the library, and what went wrong reading them."""

    rules: tuple[ConversionRule, ...] = ()
    #: Why the file could not be used, naming it ("" when all is well).  The rules
    #: are then empty, or those of the backup when the file itself was damaged.
    problem: str = ""

    def for_document(self, doc_id: str | None) -> tuple[ConversionRule, ...]:
        """The rules a view of document ``doc_id`` applies (``ViewOptions.rules``):
        those for all documents and those for this one (None: all-documents rules)."""
        return tuple(r for r in self.rules if r.doc is None or r.doc == doc_id)


def _validate(value: Any) -> None:
    if not isinstance(value, dict) or value.get("format") != FORMAT:
        raise ValueError(f"not a Tongwen {FILE_NAME}")
    version = value.get("version")
    if not isinstance(version, int):
        raise ValueError(f"{FILE_NAME} has no version")
    if version > VERSION:
        raise atomic.FutureVersionError(
            f"{FILE_NAME} of version {version} was written by a newer Tongwen"
        )
    rules = value.get("rules")
    if not isinstance(rules, list):
        raise ValueError("'rules' is not a list")
    for n, rule in enumerate(rules, 1):
        try:
            ConversionRule.from_json(rule)
        except (ValueError, TypeError) as exc:
            raise ValueError(f"rule {n}: {exc}") from None


class ConversionRuleStore:
    """Reads and changes ``<library>/conversion-rules.json``."""

    def __init__(self, root: Path) -> None:
        self.root = Path(root)
        self.path = self.root / FILE_NAME

    def _read(self) -> atomic.ReadResult:
        return atomic.read_json(self.path, default=lambda: None, validate=_validate)

    @staticmethod
    def _rules(value: Any) -> tuple[ConversionRule, ...]:
        if value is None:
            return ()
        return tuple(ConversionRule.from_json(r) for r in value["rules"])

    def load(self) -> RuleBook:
        """The rules; never raises for a damaged, unreadable or newer file (see
        :attr:`RuleBook.problem`)."""
        try:
            result = self._read()
        except (atomic.UnreadableFileError, OSError) as exc:
            log.warning("conversion rules not used: %s", exc)
            return RuleBook((), f"{self.path}: the conversion rules cannot be used ({exc})")
        problem = ""
        if result.problems:
            aside = ", ".join(p.name for p in result.set_aside)
            kept = "its backup is used" if result.from_backup else "no rules are applied"
            problem = f"{self.path}: damaged ({result.message}); {kept}" + (
                f"; what could not be read was kept as {aside}" if aside else ""
            )
            log.warning("%s", problem)
        return RuleBook(self._rules(result.value), problem)

    def _current(self) -> list[ConversionRule]:
        """The rules before a change; refuses when the file could not be used."""
        result = self._read()  # a newer or unreadable file raises: nothing is changed
        if result.problems and not result.from_backup:
            aside = ", ".join(p.name for p in result.set_aside) or "nothing"
            raise RulesFileError(
                f"{self.path}: damaged, and its backup too ({result.message}); they were "
                f"kept as {aside}; nothing was changed (run the command again to start "
                "a new rules file)"
            )
        return list(self._rules(result.value))

    def _write(self, rules: list[ConversionRule]) -> None:
        value = {"format": FORMAT, "version": VERSION, "rules": [r.to_json() for r in rules]}
        atomic.write_json(self.path, value)

    def _lock(self) -> FileLock:
        return FileLock(self.root / f".{FILE_NAME}.lock")

    def add(self, rule: ConversionRule, index: int | None = None) -> ConversionRule | None:
        """Add ``rule`` (at ``index``, default last); a rule with the same source word,
        script and document is replaced in place.  Returns the rule it replaced."""
        with self._lock():
            rules = self._current()
            old = next((r for r in rules if r.key == rule.key), None)
            if old is not None:
                rules[rules.index(old)] = rule
            elif len(rules) >= MAX_RULES:
                raise RulesFileError(f"{self.path}: already {MAX_RULES} rules; remove some first")
            else:
                rules.insert(len(rules) if index is None else max(0, index), rule)
            self._write(rules)
        return old

    def remove(self, rule: ConversionRule) -> int:
        """Remove the rule with ``rule``'s source word, script and document; its
        index before removal (for undo: ``add(rule, index)``), or -1 if none."""
        with self._lock():
            rules = self._current()
            index = next((i for i, r in enumerate(rules) if r.key == rule.key), -1)
            if index >= 0:
                del rules[index]
                self._write(rules)
        return index
