"""Script conversion with OpenCC, and the exact offset map of a conversion.

:func:`converter` is Tongwen's one OpenCC converter factory: the views, folding
(search, the library filter, find in the document), script detection and the CLI all
take their converters from it.  Converters are module-level and cached (a native
``OpenCC`` object cannot be pickled), and are created with
``include_tofu_risk_dictionaries=False``: the official binding enables OpenCC's "may
output tofu" dictionaries by default (``TSCharactersExt`` in ``t2s``), which turn 905
Traditional characters (``俓`` → ``𠇹``) into rare Simplified ones that most fonts lack.

Long texts are converted a piece at a time, cut at line breaks: one OpenCC call
holds the GIL throughout (~130 ms for a 10 MB novel), which would freeze the window
while a worker converts or indexes.

The 简体 view of Traditional text follows the document's regional standard
(:mod:`desktop.core.views.region`): ``t2s`` for the general standard, ``hk2s`` for
Hong Kong, and for Taiwan ``tw2s`` (Taiwan writes the particle 着 as 著, which only
``tw2s`` turns back) run as :data:`TW2S_KEEP_ME`: OpenCC's ``tw2s`` also turns every
``么`` into ``幺`` (Taiwan's form of yāo), but in books ``么`` is mostly the older
form of ``麼`` (你來么, 甚么), so it is read as ``麼`` first, except before 妹兒女弟叔.

Offset map, at OpenCC speed: the whole text is converted in one call.  OpenCC's
character and Simplified/Traditional phrase dictionaries map text char for char
(same length), so a line whose length is unchanged maps one to one.  Only where the
length changed, or, for the regional phrase configs (``s2twp``, ``s2hkp``, ...), where
the phrase config and its base config disagree, is the line cut into Han runs and
converted again in one batch, and a run that still differs is aligned exactly by
finding the offsets where OpenCC's segmentation can be cut (prefix and suffix convert
to the same output).
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any

from desktop.core.offsetmap import MapBuilder, OffsetMap

__all__ = [
    "CONFIGS",
    "TW2S_KEEP_ME",
    "convert_text",
    "convert_with_map",
    "converter",
    "opencc_input",
    "sanitize",
    "script_config",
]

log = logging.getLogger(__name__)

#: The OpenCC configurations the binding ships (without ``.json``).
CONFIGS = (
    "s2t",
    "t2s",
    "s2tw",
    "s2twp",
    "s2hk",
    "s2hkp",
    "t2tw",
    "t2hk",
    "tw2s",
    "tw2sp",
    "tw2t",
    "hk2s",
    "hk2sp",
    "hk2t",
    "t2jp",
    "jp2t",
)
_SCRIPT_CONFIGS = {
    "simplified": ("t2s", "t2s"),
    "traditional": ("s2t", "s2t"),
    "taiwan": ("s2tw", "s2twp"),
    "hongkong": ("s2hk", "s2hkp"),
}
#: Tongwen's configs: an OpenCC config run on input with 么 read as 麼 (see above).
TW2S_KEEP_ME = "tw2s-keep-me"
_KEEP_ME = {TW2S_KEEP_ME: "tw2s", "tw2sp-keep-me": "tw2sp"}
_ME = re.compile("么(?![妹兒儿女弟叔])")
#: The 简体 view's config by the document's regional standard: (plain, phrases).
_SIMPLIFIED_BY_REGION = {
    "general": ("t2s", "t2s"),
    "taiwan": (TW2S_KEEP_ME, "tw2sp-keep-me"),
    "hongkong": ("hk2s", "hk2sp"),
}
_PHRASE_BASE = {
    "s2twp": "s2tw",
    "s2hkp": "s2hk",
    "tw2sp": "tw2s",
    "hk2sp": "hk2s",
    "tw2sp-keep-me": TW2S_KEEP_ME,
}
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_PIECE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\U00020000-\U0003ffff]+|[^\n]")
_MAX_SPLIT_RUN = 400
#: Characters converted per OpenCC call (see :func:`convert_text`).
_CHUNK = 1 << 17
#: Where a long text may be cut between OpenCC calls: no converted phrase spans them.
_CUTS = ("\n", "。", "！", "？", "；", "，")


def script_config(script: str, phrases: bool = False, region: str | None = None) -> str | None:
    """The OpenCC config that shows text in ``script`` (``None`` for "original").

    ``region`` is the document's regional standard ("general", "taiwan",
    "hongkong"); it chooses the 简体 conversion (``None``: general, ``t2s``)."""
    if script == "original":
        return None
    if script == "simplified" and region is not None:
        try:
            plain, phrased = _SIMPLIFIED_BY_REGION[region]
        except KeyError:
            names = ", ".join(_SIMPLIFIED_BY_REGION)
            raise ValueError(
                f"unknown regional standard {region!r} (expected one of: {names})"
            ) from None
        return phrased if phrases else plain
    try:
        plain, phrased = _SCRIPT_CONFIGS[script]
    except KeyError:
        names = ", ".join(["original", *_SCRIPT_CONFIGS])
        raise ValueError(f"unknown script {script!r} (expected one of: {names})") from None
    return phrased if phrases else plain


@cache
def converter(config: str) -> Any:
    """The OpenCC converter for ``config``, made on first use (loading OpenCC and
    its dictionaries costs start-up time the first window paint does not need)."""
    config = _KEEP_ME.get(config, config)
    if config not in CONFIGS:
        raise ValueError(
            f"unknown OpenCC config {config!r} (expected one of: {', '.join(CONFIGS)})"
        )
    import opencc

    return opencc.OpenCC(config, include_tofu_risk_dictionaries=False)


def sanitize(text: str) -> str:
    """``text`` with lone surrogates replaced by U+FFFD (same length; OpenCC needs UTF-8)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def opencc_input(text: str, config: str) -> tuple[str, str]:
    """``text`` as OpenCC reads it for ``config`` (sanitised; the keep-me configs read
    ``么`` as ``麼``), of the same length, and the OpenCC config that then runs."""
    text = sanitize(text)
    base = _KEEP_ME.get(config)
    if base is None:
        return text, config
    return (_ME.sub("麼", text) if "么" in text else text), base


def convert_text(text: str, config: str) -> str:
    """Convert ``text`` with OpenCC ``config``; the same output as OpenCC on sanitised input."""
    if not text:
        converter(config)
        return text
    text, _ = opencc_input(text, config)
    convert = converter(config).convert
    return "".join(str(convert(piece)) for piece in _chunks(text))


def _chunks(text: str) -> list[str]:
    """``text`` in pieces of at most about :data:`_CHUNK` chars, cut after a line
    break (or, in a line that long, a sentence mark)."""
    pieces: list[str] = []
    start = 0
    while len(text) - start > _CHUNK:
        end = start + _CHUNK
        cut = text.rfind("\n", start, end)
        if cut <= start:
            cut = max(text.rfind(mark, start, end) for mark in _CUTS)
        end = cut + 1 if cut > start else end
        pieces.append(text[start:end])
        start = end
    pieces.append(text[start:])
    return pieces


def _convert_many(pieces: list[str], config: str) -> list[str]:
    """Convert newline-free pieces in one OpenCC call."""
    if not pieces:
        return []
    out = convert_text("\n".join(pieces), config).split("\n")
    if len(out) != len(pieces):
        return [convert_text(p, config) for p in pieces]
    return out


def convert_with_map(text: str, config: str) -> tuple[str, OffsetMap]:
    """Convert ``text`` and map its offsets exactly onto the converted text."""
    clean = sanitize(text)
    out = convert_text(clean, config)
    base = _PHRASE_BASE.get(config)
    if base is None and len(out) == len(clean):
        return out, OffsetMap.identity(len(clean))
    in_lines, out_lines = clean.split("\n"), out.split("\n")
    if len(in_lines) != len(out_lines):
        log.warning("OpenCC %s changed the line count; mapping the text as one block", config)
        return out, OffsetMap(len(clean), len(out), [(0, len(clean), 0, len(out))])
    base_lines = convert_text(clean, base).split("\n") if base else out_lines
    builder = MapBuilder()
    for i, (line, conv, plain) in enumerate(zip(in_lines, out_lines, base_lines)):
        builder.keep(1 if i else 0)  # the newline before this line
        if len(line) == len(conv) and conv == plain:
            builder.keep(len(line))
        else:
            _align_line(builder, line, conv, config, base)
    return out, builder.build()


def _align_line(builder: MapBuilder, line: str, conv: str, config: str, base: str | None) -> None:
    pieces = _PIECE.findall(line)
    outs = _convert_many(pieces, config)
    if "".join(outs) != conv:
        _align_run(builder, line, conv, config)
        return
    plain = _convert_many(pieces, base) if base else outs
    for piece, out, ref in zip(pieces, outs, plain):
        if len(piece) == len(out) and out == ref:
            builder.keep(len(piece))
        else:
            _align_run(builder, piece, out, config)


def _align_run(builder: MapBuilder, run: str, out: str, config: str) -> None:
    """Map ``run`` → ``out`` exactly, cutting where OpenCC's segmentation can be cut."""
    if len(run) > _MAX_SPLIT_RUN or len(run) < 2:
        _emit(builder, len(run), len(out))
        return
    ks = range(1, len(run))
    converted = _convert_many([run[:k] for k in ks] + [run[k:] for k in ks], config)
    heads, tails = converted[: len(ks)], converted[len(ks) :]
    prev_src = prev_dst = 0
    for k, head, tail in zip(ks, heads, tails):
        if head + tail == out and len(head) >= prev_dst:
            _emit(builder, k - prev_src, len(head) - prev_dst)
            prev_src, prev_dst = k, len(head)
    _emit(builder, len(run) - prev_src, len(out) - prev_dst)


def _emit(builder: MapBuilder, src_n: int, dst_n: int) -> None:
    if src_n == dst_n:
        builder.keep(src_n)
    else:
        builder.replace(src_n, dst_n)
