"""Parse untrusted XML and HTML without entities, DTDs or the network.

Every parser here is built with ``resolve_entities=False, no_network=True,
load_dtd=False, huge_tree=False``.  Before parsing, a DOCTYPE internal subset is
removed: entity declarations that refer to other entities (the "billion laughs"
pattern) refuse the file; external entities (``SYSTEM``/``PUBLIC``) are dropped with
a warning and never read; simple internal entities are replaced by their text only
after counting what the replacement would add (references × size), so one large
entity referenced thousands of times is refused before a byte is copied.  What the
byte pattern cannot see (a UTF-16 document) meets libxml2's own amplification limit,
which is refused the same way.
"""

from __future__ import annotations

import re

from lxml import etree
from lxml import html as lxml_html

from desktop.core.errors import ImportRefused

__all__ = ["MalformedXML", "defuse", "is_hostile", "parse_html", "parse_xml"]

_SUBSET = re.compile(rb"<!DOCTYPE[^\[>]*\[(.*?)\]\s*>", re.IGNORECASE | re.DOTALL)
_ENTITY = re.compile(rb"<!ENTITY\s+(%\s*)?([^\s>]+)\s+(.*?)>", re.DOTALL)
_MAX_ENTITIES = 64
_PROLOG_BYTES = 1 << 20
#: Bytes that internal entities may add to a document in all.
_MAX_EXPANSION = 1 << 20
#: A reference to a named entity (``&name;``); character references (``&#160;``)
#: in an entity's text expand nothing and are left to the parser.
_ENTITY_REFERENCE = re.compile(rb"&(?!#[0-9]+;|#x[0-9A-Fa-f]+;)")
#: libxml2's words when its own guard stops an expansion (2.11+: amplification
#: factor; older: reference loop).  Hostile, not merely malformed.
_AMPLIFICATION = re.compile(r"amplification factor|entity reference loop", re.IGNORECASE)


class MalformedXML(ImportRefused):
    """The XML is not well-formed (as opposed to hostile, which is plain ImportRefused)."""


def is_hostile(exc: ImportRefused) -> bool:
    """True for a refusal of a file built to harm (an entity bomb), as opposed to a
    damaged one: callers that forgive a damaged part must still refuse the file."""
    return exc.code == "entity-bomb"


def defuse(data: bytes, name: str) -> tuple[bytes, list[str]]:
    """Return ``data`` without a DOCTYPE internal subset, plus warnings.

    References to entities the subset declared are replaced: external ones by
    nothing (never loaded), simple internal ones by their literal text.  Raises
    :class:`ImportRefused` for entity-expansion bombs.
    """
    match = _SUBSET.search(data[:_PROLOG_BYTES])
    if match is None:
        return data, []
    entities = _ENTITY.findall(match.group(1))
    if len(entities) > _MAX_ENTITIES:
        raise ImportRefused(
            f"{name}: declares {len(entities)} XML entities (an entity bomb)", code="entity-bomb"
        )
    warnings: list[str] = []
    rest = data[match.end() :]
    budget = _MAX_EXPANSION
    for percent, entity, body in entities:
        label = entity.decode("ascii", "replace")
        if b"%" in body or _ENTITY_REFERENCE.search(body):
            raise ImportRefused(
                f"{name}: XML entity {label!r} expands other entities "
                "(an entity-expansion bomb); refused",
                code="entity-bomb",
            )
        if percent:
            continue
        if body.lstrip().startswith((b"SYSTEM", b"PUBLIC")):
            warnings.append(f"{name}: external entity {label!r} was not loaded")
            value = b""
        else:
            value = _literal(body)
        reference = b"&" + entity + b";"
        uses = rest.count(reference)
        budget -= _growth(name, label, uses, len(value) - len(reference), budget)
        if uses:
            rest = rest.replace(reference, value)
    return data[: match.start()] + b"<!DOCTYPE html>" + rest, warnings


def _growth(name: str, label: str, uses: int, each: int, budget: int) -> int:
    """Bytes that replacing ``uses`` references adds; refuses it beyond ``budget``.

    Counted before replacing: ``bytes.replace`` would build the whole expansion (2 GB
    for a 100 KB entity used 20,000 times) before any check after it could refuse.
    """
    growth = uses * each
    if growth > budget:
        raise ImportRefused(
            f"{name}: XML entity {label!r} is used {uses:,} times and would expand the "
            f"file by {growth / 2**20:,.0f} MB (an entity bomb); refused",
            code="entity-bomb",
        )
    return max(growth, 0)


def _literal(body: bytes) -> bytes:
    body = body.strip()
    if len(body) >= 2 and body[:1] in (b'"', b"'") and body[-1:] == body[:1]:
        return body[1:-1]
    return b""


def _xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


def _html_parser() -> lxml_html.HTMLParser:
    return lxml_html.HTMLParser(
        encoding="utf-8", no_network=True, huge_tree=False, remove_comments=True, remove_pis=True
    )


def parse_xml(data: bytes, name: str) -> tuple[etree._Element, list[str]]:
    """Parse XML safely; :class:`ImportRefused` names ``name`` on any problem."""
    clean, warnings = defuse(data, name)
    try:
        root = etree.fromstring(clean, parser=_xml_parser())
    except (etree.XMLSyntaxError, ValueError) as exc:
        if _AMPLIFICATION.search(str(exc)):
            raise ImportRefused(
                f"{name}: XML entities expand too far (an entity bomb); refused",
                code="entity-bomb",
            ) from exc
        raise MalformedXML(f"{name}: not well-formed XML ({_first_line(exc)})") from exc
    if root is None:
        raise MalformedXML(f"{name}: empty XML document")
    return root, warnings


def parse_html(text: str, name: str) -> etree._Element:
    """Parse decoded HTML leniently (libxml2's HTML parser), with the same defences."""
    clean, _ = defuse(text.encode("utf-8", errors="surrogatepass"), name)
    try:
        root = lxml_html.document_fromstring(clean, parser=_html_parser())
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise ImportRefused(
            f"{name}: the HTML cannot be read ({_first_line(exc)})", code="damaged-html"
        ) from exc
    return root


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0][:200]
