"""Pinyin syllables: numbered pinyin to tone marks and to zhuyin, and back.

CC-CEDICT and pypinyin's ``TONE3`` style write a reading as numbered syllables
(``yin2 hang2``, ``lu:4``, ``pian2 yi5``); a reader wants tone marks (``yín háng``,
``lǜ``, ``pián yi``) or zhuyin (``ㄧㄣˊ ㄏㄤˊ``, ``ㄌㄩˋ``, ``ㄆㄧㄢˊ ˙ㄧ``).  One place
converts them, so the pop-up dictionary and the ruby above the text agree.

- A syllable is letters followed by a tone digit 1-5 (5: the neutral tone);
  ``u:`` and ``v`` stand for ``ü``.  A token without a digit (a Latin letter in
  ``AA制`` [A A zhi4], punctuation such as ``·``) is kept as it is.
- Tone marks go where Hanyu Pinyin puts them: on ``a`` or ``e`` when there is one,
  on the ``o`` of ``ou``, else on the last vowel; syllabic ``m``, ``n`` and ``ng``
  carry it on the ``m`` or ``n``.  Capitals (proper nouns) are kept.
- Zhuyin follows the Taiwan convention: the neutral-tone dot comes first (``˙ㄧ``),
  the first tone has no mark.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "is_syllable",
    "split_numbered",
    "syllable_to_marks",
    "syllable_to_zhuyin",
    "to_marks",
    "to_numbered",
    "to_zhuyin",
]

_TONE_MARKS = {1: "\u0304", 2: "\u0301", 3: "\u030c", 4: "\u0300"}
_MARK_TONES = {mark: tone for tone, mark in _TONE_MARKS.items()}
_ZHUYIN_TONES = {1: "", 2: "ˊ", 3: "ˇ", 4: "ˋ"}
_NUMBERED = re.compile(r"([a-zA-ZüÜêÊ:]+)([1-5])")
_INITIALS = {
    "zh": "ㄓ", "ch": "ㄔ", "sh": "ㄕ", "b": "ㄅ", "p": "ㄆ", "m": "ㄇ", "f": "ㄈ",
    "d": "ㄉ", "t": "ㄊ", "n": "ㄋ", "l": "ㄌ", "g": "ㄍ", "k": "ㄎ", "h": "ㄏ",
    "j": "ㄐ", "q": "ㄑ", "x": "ㄒ", "r": "ㄖ", "z": "ㄗ", "c": "ㄘ", "s": "ㄙ",
}  # fmt: skip
_FINALS = {
    "a": "ㄚ", "o": "ㄛ", "e": "ㄜ", "ê": "ㄝ", "ai": "ㄞ", "ei": "ㄟ", "ao": "ㄠ",
    "ou": "ㄡ", "an": "ㄢ", "en": "ㄣ", "ang": "ㄤ", "eng": "ㄥ", "er": "ㄦ", "ong": "ㄨㄥ",
    "i": "ㄧ", "ia": "ㄧㄚ", "io": "ㄧㄛ", "ie": "ㄧㄝ", "iai": "ㄧㄞ", "iao": "ㄧㄠ",
    "iou": "ㄧㄡ", "ian": "ㄧㄢ", "in": "ㄧㄣ", "iang": "ㄧㄤ", "ing": "ㄧㄥ", "iong": "ㄩㄥ",
    "u": "ㄨ", "ua": "ㄨㄚ", "uo": "ㄨㄛ", "uai": "ㄨㄞ", "uei": "ㄨㄟ", "uan": "ㄨㄢ",
    "uen": "ㄨㄣ", "uang": "ㄨㄤ", "ueng": "ㄨㄥ",
    "ü": "ㄩ", "üe": "ㄩㄝ", "üan": "ㄩㄢ", "ün": "ㄩㄣ",
}  # fmt: skip
#: Syllables spelt without a final: zhi, chi, ..., and the interjections.
_WHOLE = {
    "zhi": "ㄓ", "chi": "ㄔ", "shi": "ㄕ", "ri": "ㄖ", "zi": "ㄗ", "ci": "ㄘ", "si": "ㄙ",
    "r": "ㄦ", "m": "ㄇ", "n": "ㄋ", "ng": "ㄫ", "hm": "ㄏㄇ", "hng": "ㄏㄫ",
}  # fmt: skip
_FULL_FINAL = {"iu": "iou", "ui": "uei", "un": "uen"}


def split_numbered(token: str) -> tuple[str, int] | None:
    """``("lü", 4)`` for ``"lu:4"``: the letters (``ü`` spelt out) and the tone, or
    ``None`` for a token that is not a numbered syllable."""
    m = _NUMBERED.fullmatch(token)
    if m is None:
        return None
    letters = m.group(1).replace("u:", "ü").replace("U:", "Ü")
    if ":" in letters:
        return None
    letters = letters.replace("v", "ü").replace("V", "Ü")
    return letters, int(m.group(2))


def _parts(letters: str) -> tuple[str, str] | None:
    """The initial and the full final of a syllable (``("j", "üan")`` for ``juan``)."""
    s = letters.lower()
    if s in _WHOLE:
        return s, ""
    if s.startswith("y"):
        rest = s[1:]
        final = (
            "ü" + rest[1:] if rest.startswith("u") else rest if rest.startswith("i") else "i" + rest
        )
        return ("", final) if final in _FINALS else None
    if s.startswith("w"):
        rest = s[1:]
        final = rest if rest.startswith("u") else "u" + rest
        return ("", final) if final in _FINALS else None
    initial = s[:2] if s[:2] in _INITIALS else s[:1] if s[:1] in _INITIALS else ""
    final = s[len(initial) :]
    if initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    final = _FULL_FINAL.get(final, final)
    if final not in _FINALS or (not initial and final[0] in "iuü"):
        return None
    return initial, final


def is_syllable(token: str) -> bool:
    """Whether ``token`` is a numbered pinyin syllable Tongwen can convert."""
    split = split_numbered(token)
    return split is not None and _parts(split[0]) is not None


@lru_cache(maxsize=4096)
def syllable_to_marks(token: str) -> str:
    """``"hang2"`` → ``"háng"``; a token that is no syllable comes back as it is."""
    split = split_numbered(token)
    if split is None or _parts(split[0]) is None:
        return token
    letters, tone = split
    if tone == 5:
        return letters
    lower = letters.lower()
    if "a" in lower:
        at = lower.index("a")
    elif "e" in lower or "ê" in lower:
        at = lower.index("e") if "e" in lower else lower.index("ê")
    elif "ou" in lower:
        at = lower.index("o")
    else:
        vowels = [i for i, ch in enumerate(lower) if ch in "iouü"]
        at = vowels[-1] if vowels else (lower.index("m") if "m" in lower else lower.index("n"))
    marked = letters[: at + 1] + _TONE_MARKS[tone] + letters[at + 1 :]
    return unicodedata.normalize("NFC", marked)


@lru_cache(maxsize=4096)
def syllable_to_zhuyin(token: str) -> str:
    """``"hang2"`` → ``"ㄏㄤˊ"``, ``"yi5"`` → ``"˙ㄧ"``; no syllable: as it is."""
    split = split_numbered(token)
    parts = None if split is None else _parts(split[0])
    if split is None or parts is None:
        return token
    initial, final = parts
    body = _INITIALS.get(initial, "") + _FINALS[final] if final else _WHOLE[initial]
    tone = split[1]
    return "˙" + body if tone == 5 else body + _ZHUYIN_TONES[tone]


def to_marks(numbered: str) -> str:
    """Every syllable of a space-separated reading in tone marks: ``"Bei3 jing1"`` →
    ``"Běi jīng"``."""
    return " ".join(syllable_to_marks(t) for t in numbered.split())


def to_zhuyin(numbered: str) -> str:
    """Every syllable of a space-separated reading in zhuyin: ``"yin2 hang2"`` →
    ``"ㄧㄣˊ ㄏㄤˊ"``."""
    return " ".join(syllable_to_zhuyin(t) for t in numbered.split())


def to_numbered(reading: str) -> str:
    """One syllable typed by a person, as a numbered syllable: ``"háng"``, ``"hang2"``,
    ``"lü4"``, ``"lv4"`` → ``"hang2"``, ``"lü4"``; a syllable without a mark or a
    digit has the neutral tone (``"yi"`` → ``"yi5"``).  ``ValueError`` when it is no
    pinyin syllable."""
    text = unicodedata.normalize("NFD", reading.strip())
    tones = [_MARK_TONES[ch] for ch in text if ch in _MARK_TONES]
    bare = "".join(ch for ch in text if ch not in _MARK_TONES)
    bare = unicodedata.normalize("NFC", bare).lower()
    if len(tones) > 1 or (tones and bare[-1:].isdigit()):
        raise ValueError(f"{reading!r} is not one pinyin syllable")
    token = bare if bare[-1:].isdigit() else f"{bare}{tones[0] if tones else 5}"
    split = split_numbered(token)
    if split is None or _parts(split[0]) is None:
        raise ValueError(f"{reading!r} is not a pinyin syllable")
    return f"{split[0]}{split[1]}"
