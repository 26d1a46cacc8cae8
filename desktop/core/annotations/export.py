"""Export annotations as Markdown or W3C Web Annotation JSON-LD; import the latter.

Markdown groups highlights, notes and bookmarks by chapter (``[(offset, title)]``)
and shows quotes in the reader's script through a ``convert`` function.  It is for
people: its words come in the reader's language (:class:`MarkdownLabels`, which the
UI translates; the core has no Qt) and a place is told by its chapter and a short
quote, never by a canonical offset.  JSON-LD, for programs, keeps the offsets; it
follows https://www.w3.org/TR/annotation-model/: an ``AnnotationCollection`` whose
``first`` page holds the annotations, each targeting ``urn:tongwen:doc:<id>`` with a
``TextQuoteSelector`` and a ``TextPositionSelector`` on the canonical text.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core.annotations.anchor import find_target
from desktop.core.annotations.model import (
    COLORS,
    Annotation,
    Target,
    new_id,
    normalize_time,
    utc_now,
)

__all__ = [
    "CONTEXT",
    "ImportedAnnotations",
    "MarkdownLabels",
    "doc_urn",
    "from_w3c",
    "source_doc_id",
    "to_markdown",
    "to_w3c",
]

CONTEXT = "http://www.w3.org/ns/anno.jsonld"
_MOTIVATION = {"highlight": "highlighting", "note": "commenting", "bookmark": "bookmarking"}
_KIND = {v: k for k, v in _MOTIVATION.items()}
_URN = "urn:tongwen:doc:"
_COLOR_CSS = {
    "yellow": "#fff3a0",
    "green": "#c8f0c0",
    "blue": "#c0dcf8",
    "pink": "#f8c8dc",
    "purple": "#e0d0f8",
}


def doc_urn(doc_id: str) -> str:
    return _URN + doc_id


# ---------------------------------------------------------------------- Markdown
#: Characters of text quoted to say where a bookmark is.
BOOKMARK_QUOTE_CHARS = 20


def _english_colors() -> dict[str, str]:
    return {color: color.capitalize() for color in COLORS}


@dataclass(frozen=True)
class MarkdownLabels:
    """The words of a Markdown export; English unless the UI passes translated ones."""

    bookmark: str = "Bookmark"
    note: str = "Note"
    colors: Mapping[str, str] = field(default_factory=_english_colors)
    orphaned: str = "Orphaned"
    orphaned_item: str = "not found in the current text"
    before_first_chapter: str = "Before the first chapter"
    no_annotations: str = "No annotations."

    def color(self, color: str | None) -> str:
        return self.colors.get(color or "", color or self.note)


def _md_quote(text: str) -> str:
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def _short_quote(target: Target, convert: Callable[[str], str]) -> str:
    """The words at a bookmark: the text after it (or before it, at the very end)."""
    after = " ".join(target.suffix.split())
    if after:
        cut = after[:BOOKMARK_QUOTE_CHARS]
        return convert(cut) + ("…" if len(after) > len(cut) else "")
    before = " ".join(target.prefix.split())
    return ("…" if len(before) > BOOKMARK_QUOTE_CHARS else "") + convert(
        before[-BOOKMARK_QUOTE_CHARS:]
    )


def _md_item(item: Annotation, convert: Callable[[str], str], labels: MarkdownLabels) -> str:
    tail = f" ({labels.orphaned_item})" if item.orphaned else ""
    if item.kind == "bookmark":
        quote = _short_quote(item.target, convert)
        head = f"- 🔖 **{labels.bookmark}**" + (f" “{quote}”" if quote else "") + tail
        return head + (f": {item.note}" if item.note else "")
    parts = [_md_quote(convert(item.target.exact))]
    label = labels.color(item.color) if item.kind == "highlight" else labels.note
    parts.append(f"\n\n*{label}*{tail}")
    if item.note:
        parts.append("\n\n" + item.note.strip())
    return "".join(parts)


def _chapter_of(starts: list[int], offset: int) -> int:
    return bisect.bisect_right(starts, offset) - 1


def to_markdown(
    items: Iterable[Annotation],
    *,
    title: str,
    meta: Mapping[str, str | None] | None = None,
    chapters: Sequence[tuple[int, str]] = (),
    convert: Callable[[str], str] | None = None,
    labels: MarkdownLabels | None = None,
) -> str:
    """Live items as Markdown, grouped by chapter, quotes passed through ``convert``.

    ``meta`` keys are shown as given (the caller translates them), the other words
    come from ``labels``.
    """
    conv = convert or (lambda s: s)
    words = labels or MarkdownLabels()
    lines = [f"# {conv(title)}", ""]
    for key, value in (meta or {}).items():
        if value:
            lines.append(f"- **{key}**: {value}")
    lines.append("")
    ordered = sorted(chapters)
    starts = [c[0] for c in ordered]
    current = -2
    live = sorted((i for i in items if i.alive), key=lambda i: (i.orphaned, i.target.start))
    if not live:
        lines.append(f"*{words.no_annotations}*")
    for item in live:
        group = -3 if item.orphaned else _chapter_of(starts, item.target.start)
        if group != current and (ordered or group == -3):
            heading = words.orphaned if group == -3 else _chapter_title(ordered, group, conv, words)
            lines += [f"## {heading}", ""]
        current = group
        lines += [_md_item(item, conv, words), ""]
    return "\n".join(lines).rstrip() + "\n"


def _chapter_title(
    ordered: list[tuple[int, str]],
    group: int,
    conv: Callable[[str], str],
    words: MarkdownLabels,
) -> str:
    return words.before_first_chapter if group < 0 else conv(ordered[group][1])


# ----------------------------------------------------------------------- JSON-LD
def _w3c_annotation(item: Annotation, source: str) -> dict[str, Any]:
    t = item.target
    target: dict[str, Any] = {
        "type": "SpecificResource",
        "source": source,
        "selector": [
            {"type": "TextQuoteSelector", "exact": t.exact, "prefix": t.prefix, "suffix": t.suffix},
            {"type": "TextPositionSelector", "start": t.start, "end": t.end},
        ],
    }
    anno: dict[str, Any] = {
        "id": f"urn:uuid:{item.id}",
        "type": "Annotation",
        "motivation": _MOTIVATION[item.kind],
        "created": item.created,
        "modified": item.modified,
    }
    if item.note:
        anno["body"] = {
            "type": "TextualBody",
            "value": item.note,
            "format": "text/plain",
            "purpose": "commenting",
        }
    if item.color:
        target["styleClass"] = item.color
        anno["stylesheet"] = {
            "type": "CssStylesheet",
            "value": f".{item.color} {{ background-color: {_COLOR_CSS[item.color]}; }}",
        }
    anno["target"] = target
    return anno


def to_w3c(items: Iterable[Annotation], *, doc_id: str, title: str = "") -> dict[str, Any]:
    """Live items as an ``AnnotationCollection`` with one embedded page."""
    source = doc_urn(doc_id)
    annos = [_w3c_annotation(i, source) for i in items if i.alive]
    collection = f"{source}:annotations"
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": collection,
        "type": "AnnotationCollection",
        "total": len(annos),
        "first": {"id": f"{collection}:page1", "type": "AnnotationPage", "startIndex": 0},
    }
    if title:
        out["label"] = title
    out["first"]["items"] = annos
    return out


class ImportedAnnotations(list[Annotation]):
    """Items read from JSON-LD, plus the document they say they belong to."""

    doc_id: str | None = None
    orphaned: int = 0


def _annotation_list(value: Any) -> list[Any]:
    if isinstance(value, list):
        return value
    if not isinstance(value, dict):
        raise ValueError("expected a JSON object or list")
    kind = value.get("type")
    if kind == "Annotation":
        return [value]
    if kind == "AnnotationPage":
        return list(value.get("items") or [])
    if kind == "AnnotationCollection":
        found: list[Any] = []
        page = value.get("first")
        while isinstance(page, dict):
            found += list(page.get("items") or [])
            page = page.get("next")
        if isinstance(page, str):
            raise ValueError("the collection's pages are not embedded (only a link to them)")
        return found
    raise ValueError(f"not a Web Annotation document (type {kind!r})")


def _selectors(target: Any) -> tuple[str | None, dict[str, Any], dict[str, Any]]:
    if isinstance(target, list):
        target = target[0] if target else None
    if not isinstance(target, dict):
        raise ValueError("annotation has no target object")
    sels = target.get("selector")
    sels = sels if isinstance(sels, list) else [sels]
    by_type = {s.get("type"): s for s in sels if isinstance(s, dict)}
    quote = by_type.get("TextQuoteSelector")
    if quote is None or not isinstance(quote.get("exact"), str):
        raise ValueError("annotation has no TextQuoteSelector")
    pos = by_type.get("TextPositionSelector") or {}
    source = target.get("source")
    return (source if isinstance(source, str) else None), quote, pos


def _note_of(body: Any) -> str | None:
    bodies = body if isinstance(body, list) else [body]
    texts = [
        b.get("value") for b in bodies if isinstance(b, dict) and b.get("type") == "TextualBody"
    ]
    notes = [t for t in texts if isinstance(t, str) and t]
    return "\n\n".join(notes) or None


def _parse_w3c(value: dict[str, Any], text: str, now: str) -> tuple[Annotation, str | None]:
    source, quote, pos = _selectors(value.get("target"))
    motivation = value.get("motivation", "highlighting")
    kind = _KIND.get(motivation if isinstance(motivation, str) else "", "highlight")
    raw_start = pos.get("start")
    start = raw_start if isinstance(raw_start, int) and raw_start >= 0 else 0
    exact = quote["exact"]
    hint = Target(
        start,
        start + len(exact),
        exact,
        str(quote.get("prefix") or ""),
        str(quote.get("suffix") or ""),
    )
    found = find_target(text, hint)
    target = found.target if found else hint
    raw_id = value.get("id")
    ident = raw_id.removeprefix("urn:uuid:") if isinstance(raw_id, str) and raw_id else new_id()
    color = _style_of(value)
    created = normalize_time(value.get("created") or now)
    return (
        Annotation(
            id=ident,
            kind=kind,
            target=target,
            created=created,
            modified=normalize_time(value.get("modified") or created),
            color=color if kind == "highlight" else None,
            note=_note_of(value.get("body")),
            orphaned=found is None,
        ),
        source,
    )


def _style_of(value: dict[str, Any]) -> str | None:
    target = value.get("target")
    style = target.get("styleClass") if isinstance(target, dict) else None
    if style in COLORS:
        return str(style)
    return "yellow" if value.get("motivation", "highlighting") == "highlighting" else None


def source_doc_id(value: Any) -> str | None:
    """The Tongwen document id named by the first annotation's target, if any."""
    for entry in _annotation_list(value):
        target = entry.get("target") if isinstance(entry, dict) else None
        source = target.get("source") if isinstance(target, dict) else None
        if isinstance(source, str) and source.startswith(_URN):
            return source.removeprefix(_URN)
    return None


def from_w3c(value: Any, text: str) -> ImportedAnnotations:
    """Read JSON-LD (a collection, a page, a list or one annotation) and re-anchor each
    annotation by its quote in ``text``.  ``ValueError`` names the first bad annotation."""
    out = ImportedAnnotations()
    now = utc_now()
    for n, entry in enumerate(_annotation_list(value)):
        if not isinstance(entry, dict) or entry.get("type") != "Annotation":
            raise ValueError(f"entry {n + 1} is not an Annotation")
        try:
            item, source = _parse_w3c(entry, text, now)
        except ValueError as exc:
            raise ValueError(f"annotation {n + 1}: {exc}") from exc
        if source and source.startswith(_URN) and out.doc_id is None:
            out.doc_id = source.removeprefix(_URN)
        out.orphaned += item.orphaned
        out.append(item)
    return out
