"""The annotation record and the on-disk document that holds a list of them.

An item is shaped after the W3C Web Annotation model: a UUID, a kind (highlight,
note, bookmark), times in ISO UTC with milliseconds, an optional tombstone
(``deleted``) and a target that carries two selectors on the canonical text: a
position selector (start/end code-point offsets) and a quote selector (the exact
text with about 32 characters of context on each side).
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import Any

__all__ = [
    "COLORS",
    "CONTEXT_CHARS",
    "FORMAT",
    "KINDS",
    "VERSION",
    "Annotation",
    "Position",
    "Target",
    "empty_document",
    "make_target",
    "new_id",
    "normalize_time",
    "utc_now",
]

FORMAT = "tongwen-annotations"
VERSION = 1
COLORS = ("yellow", "green", "blue", "pink", "purple")
KINDS = ("highlight", "note", "bookmark")
#: Characters of context kept on each side of a quote.
CONTEXT_CHARS = 32

Clock = Callable[[], str]
_OUR_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\Z", re.ASCII)


def utc_now() -> str:
    """The current time as ISO 8601 UTC with milliseconds, e.g. ``2024-08-04T06:10:00.123Z``."""
    return _format_time(datetime.now(UTC))


def _format_time(moment: datetime) -> str:
    return (
        moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"
    )


def normalize_time(value: Any) -> str:
    """Parse any ISO 8601 time and return it in our form; ``ValueError`` when it is not one."""
    if not isinstance(value, str) or not value:
        raise ValueError(f"not a time: {value!r}")
    if _OUR_TIME.match(value):
        return value
    moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return _format_time(moment)


def new_id() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Target:
    """Where an annotation points: a canonical range plus the quoted text around it."""

    start: int
    end: int
    exact: str
    prefix: str = ""
    suffix: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "selector": [
                {"type": "TextPositionSelector", "start": self.start, "end": self.end},
                {
                    "type": "TextQuoteSelector",
                    "exact": self.exact,
                    "prefix": self.prefix,
                    "suffix": self.suffix,
                },
            ]
        }

    @classmethod
    def from_json(cls, value: Any) -> Target:
        if not isinstance(value, dict) or not isinstance(value.get("selector"), list):
            raise ValueError("target has no selector list")
        found: dict[str, dict[str, Any]] = {}
        for sel in value["selector"]:
            if isinstance(sel, dict) and isinstance(sel.get("type"), str):
                found[sel["type"]] = sel
        pos = found.get("TextPositionSelector")
        quote = found.get("TextQuoteSelector")
        if pos is None or quote is None:
            raise ValueError("target needs a TextPositionSelector and a TextQuoteSelector")
        start, end = pos.get("start"), pos.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start <= end:
            raise ValueError(f"bad position selector {start!r}..{end!r}")
        texts = [quote.get(k, "") for k in ("exact", "prefix", "suffix")]
        if not all(isinstance(t, str) for t in texts):
            raise ValueError("quote selector texts must be strings")
        return cls(start, end, texts[0], texts[1], texts[2])


def make_target(text: str, start: int, end: int) -> Target:
    """A target for ``text[start:end]`` with its context; ``ValueError`` for a bad range."""
    if not 0 <= start <= end <= len(text):
        raise ValueError(f"range {start}..{end} is outside the text (0..{len(text)})")
    return Target(
        start=start,
        end=end,
        exact=text[start:end],
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
    )


@dataclass(frozen=True)
class Annotation:
    """One highlight, note or bookmark.  Immutable: edits make a new record."""

    id: str
    kind: str
    target: Target
    created: str
    modified: str
    color: str | None = None
    note: str | None = None
    deleted: str | None = None
    orphaned: bool = False
    #: keys written by other tools or newer versions, kept as they are
    extra: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def alive(self) -> bool:
        return self.deleted is None

    def edited(self, when: str, **changes: Any) -> Annotation:
        """A copy with ``changes`` applied and ``modified`` set to ``when``."""
        return replace(self, modified=when, **changes)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = dict(self.extra)
        out.update(id=self.id, type=self.kind, created=self.created, modified=self.modified)
        if self.color is not None:
            out["color"] = self.color
        if self.note is not None:
            out["note"] = self.note
        if self.deleted is not None:
            out["deleted"] = self.deleted
        if self.orphaned:
            out["orphaned"] = True
        out["target"] = self.target.to_json()
        return out

    @classmethod
    def from_json(cls, value: Any) -> Annotation:
        """Parse one stored item; ``ValueError`` names what is wrong with it."""
        if not isinstance(value, dict):
            raise ValueError("item is not an object")
        ident, kind = value.get("id"), value.get("type")
        if not isinstance(ident, str) or not ident:
            raise ValueError("item has no id")
        if kind not in KINDS:
            raise ValueError(f"item {ident}: unknown type {kind!r}")
        color, note = value.get("color"), value.get("note")
        if color is not None and color not in COLORS:
            raise ValueError(f"item {ident}: unknown colour {color!r}")
        if note is not None and not isinstance(note, str):
            raise ValueError(f"item {ident}: note is not text")
        deleted = value.get("deleted")
        known = {"id", "type", "created", "modified", "color", "note", "deleted", "orphaned"}
        return cls(
            id=ident,
            kind=kind,
            target=Target.from_json(value.get("target")),
            created=normalize_time(value.get("created")),
            modified=normalize_time(value.get("modified")),
            color=color,
            note=note,
            deleted=None if deleted is None else normalize_time(deleted),
            orphaned=bool(value.get("orphaned", False)),
            extra={k: v for k, v in value.items() if k not in known | {"target"}},
        )


@dataclass(frozen=True)
class Position:
    """The reading position: a canonical offset and when it was set."""

    offset: int = 0
    modified: str = ""

    def to_json(self) -> dict[str, Any]:
        return {"offset": self.offset, "modified": self.modified}

    @classmethod
    def from_json(cls, value: Any) -> Position:
        if not isinstance(value, dict):
            return cls()
        offset = value.get("offset", 0)
        when = value.get("modified") or ""
        if not isinstance(offset, int) or offset < 0:
            raise ValueError(f"bad reading position {offset!r}")
        return cls(offset, normalize_time(when) if when else "")


def empty_document() -> dict[str, Any]:
    """The JSON of a file with no annotations yet."""
    return {"format": FORMAT, "version": VERSION, "items": [], "position": Position().to_json()}
