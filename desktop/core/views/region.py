"""Which regional standard a Traditional Chinese text follows: Taiwan, Hong Kong or
general (OpenCC's standard forms), from the variant characters it uses.

It matters for the 简体 view.  Taiwan writes the aspect particle 着 as ``著``
(说著 ×881, 看著 ×176 in one novel): OpenCC's ``t2s`` keeps it, ``tw2s`` turns it
into 着 while keeping 著作, 著名, 显著.  Hong Kong writes 着, 裏, 綫, 衞, 説 …; the
general standard 爲, 衆, 羣, 峯 ….  Each character with a regional form votes for the
standards that write it that way (the pairs are OpenCC's own variant tables:
TWVariants, HKVariants); a standard wins with the most votes for forms only it uses
(at least :data:`MIN_EVIDENCE`), else the text is "general".  ``著`` counts as a
Taiwan form only outside the phrases where every standard writes it (著作, 顯著 …).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from desktop.core.script import spread_sample

__all__ = ["MIN_EVIDENCE", "REGIONS", "RegionGuess", "detect_region", "document_region"]

REGIONS = ("general", "taiwan", "hongkong")
MIN_EVIDENCE = 3  #: fewer votes for forms only one standard uses: "general"
_SAMPLE_CHARS = 400_000

#: Simplified character → its form in (general, Taiwan, Hong Kong) Traditional, where
#: they differ (OpenCC s2t / s2tw / s2hk), for the characters common in books.
_FORMS = {
    "为": "爲為為", "众": "衆眾眾", "伪": "僞偽偽", "兑": "兌兌兑", "卧": "臥臥卧",
    "卫": "衛衛衞", "叙": "敘敘敍", "台": "臺臺台", "吃": "喫吃吃", "启": "啓啟啓",
    "唇": "脣唇唇", "峰": "峯峰峯", "床": "牀床牀", "悦": "悅悅悦", "户": "戶戶户",
    "温": "溫溫温", "灶": "竈灶灶", "痴": "癡痴痴", "皂": "皁皂皂", "着": "着著着",
    "秘": "祕秘秘", "税": "稅稅税", "群": "羣群羣", "脱": "脫脫脱", "葱": "蔥蔥葱",
    "蕴": "蘊蘊藴", "说": "說說説", "里": "裏裡裏", "钩": "鉤鉤鈎", "锐": "銳銳鋭",
    "阅": "閱閱閲", "线": "線線綫", "踊": "踊踴踴", "泄": "泄洩泄", "污": "污汙污",
}  # fmt: skip

#: Phrases where 著 is zhù in every standard (not the particle 着).
_ZHU = (
    "著作", "著名", "著者", "著稱", "著书", "著書", "著述", "著錄", "顯著", "名著", "巨著",
    "原著", "編著", "論著", "專著", "遺著", "土著", "昭著", "卓著", "合著", "鉅著", "拙著",
    "譯著", "新著", "著錄",
)  # fmt: skip


def _votes() -> dict[str, frozenset[int]]:
    """Each regional form → the standards (0 general, 1 Taiwan, 2 Hong Kong) using it.

    A form that is also the Simplified character (吃, 群, 台, 温 …) tells nothing:
    Simplified text is full of it."""
    out: dict[str, set[int]] = {}
    for simplified, forms in _FORMS.items():
        for standard, char in enumerate(forms):
            if char != simplified:
                out.setdefault(char, set()).add(standard)
    return {char: frozenset(s) for char, s in out.items()}


_VOTES = _votes()
#: Frequent characters that only Simplified, or only Traditional, writes: a text
#: with more of the first is Simplified (its 著 is zhù, not Taiwan's particle).
_SIMPLIFIED_ONLY = frozenset("们这说个来时会国对过还没东书长见门问")
_TRADITIONAL_ONLY = frozenset("們這說個來時會國對過還沒東書長見門問")
_TELLING = re.compile("[" + "".join(sorted({*_VOTES, *_SIMPLIFIED_ONLY, *_TRADITIONAL_ONLY})) + "]")


@dataclass(frozen=True)
class RegionGuess:
    """The detected standard and the votes for forms only it uses."""

    region: str  #: one of REGIONS
    general: int
    taiwan: int
    hongkong: int

    def describe(self) -> str:
        return f"{self.region} (general {self.general}, Taiwan {self.taiwan}, HK {self.hongkong})"


def _only_votes(text: str) -> list[int]:
    """Votes per standard for forms that only that standard uses."""
    counts = Counter(_TELLING.findall(text))
    votes = [0, 0, 0]
    simplified = sum(n for char, n in counts.items() if char in _SIMPLIFIED_ONLY)
    if simplified >= sum(n for char, n in counts.items() if char in _TRADITIONAL_ONLY):
        return votes  # Simplified text (or none at all): no regional standard
    counts["著"] -= sum(text.count(phrase) for phrase in _ZHU)
    for char, n in counts.items():
        standards = _VOTES.get(char, frozenset())
        if len(standards) == 1 and n > 0:
            votes[next(iter(standards))] += n
    return votes


def detect_region(text: str) -> RegionGuess:
    """The regional standard of a Traditional text ("general" for a Simplified one,
    or when too few characters tell)."""
    votes = _only_votes(spread_sample(text, _SAMPLE_CHARS))
    best = max(range(3), key=lambda s: (votes[s], -s))
    region = REGIONS[best] if votes[best] >= MIN_EVIDENCE else "general"
    return RegionGuess(region, *votes)


@lru_cache(maxsize=2)
def document_region(text: str) -> str:
    """``detect_region(text).region``, remembered for the last two texts (a reader
    building a book piece by piece asks once per piece; a str's hash is cached)."""
    return detect_region(text).region
