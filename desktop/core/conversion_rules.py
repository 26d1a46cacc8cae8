"""The reader's conversion rules, kept in the library folder so they sync.

``<library>/conversion-rules.json`` holds the rules in the order they were made::

    {"format": "tongwen-conversion-rules", "version": 1,
     "rules": [{"from": "皇后", "to": "皇後", "script": "traditional",
                "doc": null, "created": "2025-01-31T20:15:00"}]}

``script`` is one of ``simplified``, ``traditional``, ``taiwan``, ``hongkong`` or
``any``; ``doc`` a document id, or null for all documents.  There is at most one
rule per source word, script and document: adding another replaces its target.

The file is a :class:`~desktop.core.json_store.JsonStore`: atomic writes that keep
the previous file as ``.bak``, under the file's lock.  Reading never fails the
views: a damaged file is set aside as ``conversion-rules.json.corrupt-<time>`` and
its backup used; when neither can be used (or the file is from a newer Tongwen,
or the disk refuses to read it) :meth:`ConversionRuleStore.load` returns no rules
and a :attr:`RuleBook.problem` naming the file, and the views show OpenCC alone.
Changing the rules then refuses (:class:`~desktop.core.json_store.StoreFileError`,
or the disk's error) rather than write over a file it could not read.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from desktop.core.json_store import JsonStore, Schema, StoreFileError
from desktop.core.views.rules import ConversionRule

__all__ = ["FILE_NAME", "ConversionRuleStore", "RuleBook", "RulesFileError", "StoreFileError"]

FILE_NAME = "conversion-rules.json"
FORMAT = "tongwen-conversion-rules"
VERSION = 1
#: More rules than this are refused (each view scans for every source word).
MAX_RULES = 5000


class RulesFileError(ValueError):
    """The rules were not changed: there are already :data:`MAX_RULES` of them.  (A
    rules file that could not be used raises
    :class:`~desktop.core.json_store.StoreFileError`.)"""


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


SCHEMA = Schema(
    FILE_NAME, FORMAT, VERSION, "rules", ConversionRule, noun="rule", what="conversion rules"
)


class ConversionRuleStore:
    """Reads and changes ``<library>/conversion-rules.json``."""

    def __init__(self, root: Path) -> None:
        self.store = JsonStore(root, SCHEMA)
        self.root, self.path = self.store.root, self.store.path

    def load(self) -> RuleBook:
        """The rules; never raises for a damaged, unreadable or newer file (see
        :attr:`RuleBook.problem`)."""
        loaded = self.store.load()
        return RuleBook(loaded.entries, loaded.problem)

    def add(self, rule: ConversionRule, index: int | None = None) -> ConversionRule | None:
        """Add ``rule`` (at ``index``, default last); a rule with the same source word,
        script and document is replaced in place.  Returns the rule it replaced."""
        with self.store.lock():
            rules = self.store.read()
            old = next((r for r in rules if r.key == rule.key), None)
            if old is not None:
                rules[rules.index(old)] = rule
            elif len(rules) >= MAX_RULES:
                raise RulesFileError(f"{self.path}: already {MAX_RULES} rules; remove some first")
            else:
                rules.insert(len(rules) if index is None else max(0, index), rule)
            self.store.write(rules)
        return old

    def remove(self, rule: ConversionRule) -> int:
        """Remove the rule with ``rule``'s source word, script and document; its
        index before removal (for undo: ``add(rule, index)``), or -1 if none."""
        return self.store.remove(lambda r: r.key == rule.key)
