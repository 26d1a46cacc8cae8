"""Tell GB18030 from Big5 (and EUC-TW) in a file that is neither Unicode nor binary.

GB18030 happily decodes every Big5 file into garbage, so each legacy candidate is
judged by what it decodes to (:func:`~desktop.core.formats.chinese_score.quality`) in
windows of non-ASCII bytes from every stripe of the file, with chardet as a
tie-breaker.  The confidence is the lower of the winner's lead over the best
*different* reading (big5, big5hkscs and cp950 read a file alike but for a few
characters: they are not rivals) and its lead in the weakest piece of the sample, so
a file of GB18030 chapters and Big5 chapters is not read with confidence.  EUC-TW
(CNS 11643), which no Python codec decodes, is scored by
:mod:`desktop.core.formats.euc_tw`; when it reads best the file is refused by name.
"""

from __future__ import annotations

import codecs
import logging
import re

from desktop.core.errors import ImportRefused
from desktop.core.formats.chinese_score import lead_confidence, quality, weights
from desktop.core.formats.euc_tw import euc_tw_quality
from desktop.core.formats.not_text import SAMPLE

__all__ = ["canonical_encoding", "decode_legacy", "refuse_euc_tw"]

log = logging.getLogger(__name__)

#: Legacy candidates, in order of preference when two decode equally well.
_LEGACY = ("gb18030", "big5", "big5hkscs", "cp950", "utf-8")
#: Candidates that read the same bytes alike but for a few characters (HKSCS and
#: Microsoft's additions to Big5): one reading, not rivals of each other.
_FAMILY = {"big5hkscs": "big5", "cp950": "big5"}
#: Names the reader may type or pick, decoded with a superset codec.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030"}
#: How far EUC-TW must read better than every Python codec before a file is refused
#: as EUC-TW.  On the files measured for ``encoding.LOW_CONFIDENCE``, GB and Big5 text read at least 0.59 *worse* as
#: EUC-TW; 262 of 271 EUC-TW files were refused, the other 9 being snippets of 10-40
#: characters or Simplified text most of whose characters CNS 11643 lacks.
_EUC_TW_LEAD = 0.1
#: Non-ASCII bytes a piece of the sample needs before its reading counts (about 32
#: Chinese characters).
_PIECE_EVIDENCE = 64
#: Size of those pieces: a paragraph of another encoding shows up in a piece of its own.
_PIECE = 512
_PIECE_END = re.compile(rb"\n|[\x00-\x2f](?=[^\n]{256})", re.DOTALL)
#: Stripes of a file, each giving one window of non-ASCII bytes to legacy detection.
_STRIPES = 8
_BLOCK = 64 * 1024
_NON_ASCII = re.compile(rb"[\x80-\xff]")
_ASCII = re.compile(rb"[\x00-\x7f]")


def canonical_encoding(name: str) -> str:
    """The Python codec name for ``name``; GB2312/GBK become GB18030 (a superset).

    Raises LookupError for a name Python does not know.
    """
    codec = codecs.lookup(name.strip()).name
    return _SUPERSETS.get(codec.replace("-", "_"), codec)


def decode_legacy(data: bytes, label: str) -> tuple[str, str, float]:
    """The text of ``data``, the codec that reads it best and how sure that is (0.3..0.99).

    Raises ImportRefused when the file reads best as EUC-TW.
    """
    sample = _legacy_sample(data)
    guess, sure = _chardet_guess(sample)
    bonus = {c: 0.05 if c == guess and sure >= 0.2 else 0.0 for c in _LEGACY}
    scored = [(quality(sample.decode(c, "replace")) + bonus[c], c) for c in _LEGACY]
    best_q, codec = max(scored, key=lambda item: item[0])
    euc_tw = euc_tw_quality(sample)
    log.debug("%s: legacy scores %s, EUC-TW %.3f, chardet %s", label, scored, euc_tw, guess)
    if euc_tw > best_q + _EUC_TW_LEAD and euc_tw > 0.2:
        refuse_euc_tw(label)
    rivals = [q for q, c in scored if _FAMILY.get(c, c) != _FAMILY.get(codec, codec)]
    rivals.append(euc_tw)
    confidence = min(lead_confidence(best_q, max(rivals)), _weakest_piece(sample, codec))
    if best_q < 0.2 and guess and guess not in _LEGACY and _decodes(sample, guess):
        codec, confidence = guess, max(0.3, min(sure, 0.8))
    elif best_q < 0:
        confidence = min(confidence, 0.3)
    return _decode_aligned(data, codec), codec, confidence


def _weakest_piece(sample: bytes, codec: str) -> float:
    """The lowest confidence of ``codec`` in pieces of the sample (1.0 if none counts).

    A file of GB18030 chapters and Big5 chapters reads best as whichever has more
    text, and the other half is mojibake: judged whole it scored 0.99.  Judged piece
    by piece, the pieces another codec reads better give it away.  Pieces with fewer
    than :data:`_PIECE_EVIDENCE` non-ASCII bytes say too little to count.
    """
    weakest = 1.0
    family = _FAMILY.get(codec, codec)
    for piece in _pieces(sample):
        if len(_NON_ASCII.findall(piece)) < _PIECE_EVIDENCE:
            continue
        own = quality(piece.decode(codec, "replace"))
        others = [
            quality(piece.decode(c, "replace")) for c in _LEGACY if _FAMILY.get(c, c) != family
        ]
        weakest = min(weakest, lead_confidence(own, max(others)))
    return weakest


def _pieces(sample: bytes) -> list[bytes]:
    """The sample cut into pieces of about :data:`_PIECE` bytes, at line ends where
    there are any, else after a byte below 0x30 (never part of a GB18030 or Big5
    character), so that no piece starts inside a character."""
    pieces = []
    start = 0
    while start < len(sample):
        end = _PIECE_END.search(sample, start + _PIECE)
        stop = len(sample) if end is None else end.end()
        pieces.append(sample[start:stop])
        start = stop
    return pieces


def refuse_euc_tw(label: str) -> None:
    raise ImportRefused(
        f"{label} is EUC-TW (CNS 11643) text: EUC-TW is not supported; convert the file to "
        "UTF-8 first (for example: iconv -f EUC-TW -t UTF-8)",
        code="unsupported-encoding",
        params={"encoding": "EUC-TW"},
    )


def _decode_aligned(data: bytes, codec: str) -> str:
    """Decode with replacement, skipping a half character cut off at the start."""
    if data[0] < 0x80 or codec not in _LEGACY[:4]:
        return data.decode(codec, "replace")
    head = data[:2048]
    shifted = weights(head[1:].decode(codec, "replace"))[0]
    if shifted > weights(head.decode(codec, "replace"))[0] + 1.0:
        return "\ufffd" + data[1:].decode(codec, "replace")
    return data.decode(codec, "replace")


def _chardet_guess(sample: bytes) -> tuple[str | None, float]:
    """chardet's codec for ``sample`` (None if it has none) and its confidence.

    chardet is imported here, on the first legacy file: it takes ~100 ms to import,
    and the formats package (imported at start-up) imports this module.
    """
    import chardet

    found = chardet.detect(sample[:SAMPLE])
    name = found.get("encoding")
    try:
        codec = canonical_encoding(name) if name else None
    except LookupError:
        codec = None
    return codec, float(found.get("confidence") or 0.0)


def _decodes(sample: bytes, codec: str) -> bool:
    try:
        sample.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return False
    return True


def _legacy_sample(data: bytes) -> bytes:
    """Windows that start at non-ASCII bytes, one in each stripe of the file.

    Only non-ASCII bytes tell GB18030 from Big5, and a head-middle-tail sample of a
    file with 90 KB of ASCII, a Chinese paragraph and 160 KB of ASCII holds none: the
    file was read as ASCII with 2,920 replacement characters.  A window starts at
    the first non-ASCII byte after an ASCII one (so a character is not cut in two).
    """
    if len(data) <= 3 * SAMPLE:
        return data
    step = -(-len(data) // _STRIPES)
    window = 3 * SAMPLE // _STRIPES
    windows = []
    end = 0
    for stripe in range(_STRIPES):
        start = _window_start(data, max(stripe * step, end), (stripe + 1) * step)
        if start is not None:
            end = start + window
            windows.append(data[start:end])
    return b"\n".join(windows)


def _window_start(data: bytes, start: int, end: int) -> int | None:
    """The first non-ASCII byte in ``data[start:end]`` that follows an ASCII byte
    (or the first one at all, in a run without ASCII), or None when there is none."""
    found = _first_non_ascii(data, start, end)
    if found is None or found == 0 or data[found - 1] < 0x80:
        return found
    ascii_byte = _ASCII.search(data, found, min(found + 512, end))
    if ascii_byte is None:
        return found  # a long run of non-ASCII: a cut character costs one U+FFFD
    return _first_non_ascii(data, ascii_byte.start(), end) or found


def _first_non_ascii(data: bytes, start: int, end: int) -> int | None:
    """Position of the first byte >= 0x80 in ``data[start:end]``, or None.

    ``bytes.isascii`` over blocks runs at memory speed; a regex over 500 MB of ASCII
    takes seconds, so it only looks inside the block known to hold one.
    """
    for pos in range(start, end, _BLOCK):
        block = data[pos : min(pos + _BLOCK, end)]
        if not block.isascii():
            found = _NON_ASCII.search(block)
            return None if found is None else pos + found.start()
    return None
