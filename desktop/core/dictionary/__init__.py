"""The pop-up dictionary: CC-CEDICT, looked up by longest match in any script.

Public API for the UI (no Qt; load in a worker, then use from any thread)::

    from desktop.core.dictionary import load_dictionary, loaded_dictionary

    dictionary = load_dictionary()          # first call reads CC-CEDICT (~0.3 s), then cached
    word = dictionary.longest_match(view_text, offset)   # Word | None
    word.start, word.end, word.text         # code-point offsets in view_text
    for entry in word.entries:              # best first
        entry.simplified, entry.traditional, entry.pinyin, entry.zhuyin, entry.definitions
    word.parts                              # shorter words inside (银, 行 in 银行)
    dictionary.next_word(view_text, word.end)        # arrow keys
    dictionary.previous_word(view_text, word.start)
    dictionary.lookup("銀行")                # exact headword, either script

:func:`loaded_dictionary` answers without loading (``None`` until a worker has
loaded it), so the window never waits.  Pinyin and zhuyin of a numbered reading
come from :mod:`desktop.core.dictionary.syllables`, which the ruby uses too.

The record types load on first use (PEP 562): importing
:mod:`~desktop.core.dictionary.syllables` (the ruby does, as the reader's window is
built) must not import the dictionary's tables, regular expressions and folding.
"""

from __future__ import annotations

import importlib
import logging
import threading
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from desktop.core.dictionary.cedict import DictionaryError, Entry
    from desktop.core.dictionary.lookup import Dictionary, Word

__all__ = ["Dictionary", "DictionaryError", "Entry", "Word", "load_dictionary", "loaded_dictionary"]

#: Each public type and the module of this package that defines it.
_HOMES = {"DictionaryError": "cedict", "Entry": "cedict", "Dictionary": "lookup", "Word": "lookup"}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{home}"), name)
    globals()[name] = value
    return value


log = logging.getLogger(__name__)

_lock = threading.Lock()
_loaded: Dictionary | None = None


def load_dictionary() -> Dictionary:
    """CC-CEDICT, read on the first call (thread-safe: a second caller waits for the
    first) and shared afterwards.  ``DictionaryError`` names the file when the data is
    missing or damaged; the next call tries again."""
    global _loaded
    with _lock:
        if _loaded is None:
            from desktop.core.dictionary.cedict import read_cedict
            from desktop.core.dictionary.lookup import Dictionary

            started = time.perf_counter()
            _loaded = Dictionary(read_cedict())
            log.info(
                "CC-CEDICT %s: %d entries read in %.2f s",
                _loaded.version,
                _loaded.entry_count,
                time.perf_counter() - started,
            )
        return _loaded


def loaded_dictionary() -> Dictionary | None:
    """The dictionary if it is loaded already, else ``None`` (never loads)."""
    return _loaded
