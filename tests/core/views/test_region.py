"""The 简体 view follows the document's regional standard (issue 14, item 7)."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.views import ViewOptions, build_view, convert_text
from desktop.core.views.convert import TW2S_KEEP_ME, script_config
from desktop.core.views.ranges import build_view_range
from desktop.core.views.region import detect_region
from tests.core.views.parallel_text import HONG_KONG, TAIWAN, errors_per_10k, generated_pairs

REPO = Path(__file__).resolve().parents[3]
SIMPLIFIED_SEEDS = [
    REPO / "seeds" / "000_8cf7dba9e6b113dd.txt",
    REPO / "seeds" / "003_4b932422d23083b2.txt",
]
TW_NOVEL = "他說著說著就睡著了。她笑著看著窗外，手裡拿著一本書。這本書是一部著名的著作，效果顯著。你來么？家裡的么妹。\n"


def simplified(text: str, region: str | None = None) -> str:
    return build_view(text, ViewOptions(script="simplified", region=region)).text


@pytest.mark.parametrize(
    ("config", "region"), [("s2tw", "taiwan"), ("s2hk", "hongkong"), ("s2t", "general")]
)
def test_regional_standard_of_generated_traditional(config: str, region: str) -> None:
    """The two Simplified seeds through OpenCC (one alone is too short to tell HK)."""
    text = convert_text("\n".join(p.read_text("utf-8") for p in SIMPLIFIED_SEEDS), config)
    assert detect_region(text).region == region


def test_simplified_text_and_shared_texts(testdata: Path) -> None:
    for path in SIMPLIFIED_SEEDS:
        assert detect_region(path.read_text("utf-8")).region == "general"
    novels = testdata / "novels"
    zuozhuan = (novels / "zuozhuan_opencc_benchmark_zhs.txt").read_text("utf-8")
    assert detect_region(zuozhuan).region == "general"  # Simplified: its 著 is zhù
    xiyouji = (novels / "xiyouji_gutenberg_hardwrapped_zht.txt").read_text("utf-8")
    guess = detect_region(xiyouji)
    assert guess.region == "taiwan" and guess.taiwan > 1000  # 倒背著手, 看著 …


def test_simplified_view_of_taiwan_text_writes_the_particle_zhe() -> None:
    """OpenCC's t2s kept 著 (说著 ×881 in one novel)."""
    view = build_view(TW_NOVEL * 3, ViewOptions(script="simplified"))
    assert view.region == "taiwan"
    assert view.text.startswith("他说着说着就睡着了。她笑着看着窗外，手里拿着一本书。")
    assert "著名的著作" in view.text and "显著" in view.text
    assert "你来么？" in view.text and "幺妹" in view.text  # tw2s alone gives 你来幺


def test_regional_standard_can_be_chosen() -> None:
    assert "说著说著" in simplified(TW_NOVEL * 3, region="general")
    assert build_view(TW_NOVEL, ViewOptions(script="traditional")).region is None
    with pytest.raises(ValueError, match="regional standard"):
        ViewOptions(script="simplified", region="mars")
    assert script_config("simplified", False, "taiwan") == TW2S_KEEP_ME
    assert script_config("simplified", True, "hongkong") == "hk2sp"
    assert script_config("simplified") == "t2s"


def test_hong_kong_text_uses_hk2s() -> None:
    text = "".join(s for s, _ in HONG_KONG) * 2
    view = build_view(text, ViewOptions(script="simplified"))
    assert view.region == "hongkong"
    assert "卫生署" in view.text  # t2s leaves 衞


def test_a_range_takes_the_documents_standard() -> None:
    """A piece with no telling characters of its own converts like the book."""
    plain = "一二三四五六七八九十。\n" * 400
    doc = TW_NOVEL * 20 + plain + "他看著我。\n"
    start = len(TW_NOVEL * 20) + len(plain) // 2
    piece = build_view_range(doc, start, len(doc), ViewOptions(script="simplified"))
    assert piece.region == "taiwan" and piece.text.endswith("他看着我。\n")


def test_errors_per_10k_by_conversion() -> None:
    """On the hand-checked Taiwan sample the chosen conversion beats t2s and tw2s; on
    Hong Kong text hk2s; on generated text no conversion chosen does worse."""

    def per_10k(config: str, pairs: list[tuple[str, str]]) -> float:
        return errors_per_10k(lambda t: convert_text(t, config), pairs)

    assert per_10k(TW2S_KEEP_ME, TAIWAN) < per_10k("tw2s", TAIWAN) < per_10k("t2s", TAIWAN)
    assert per_10k("t2s", TAIWAN) > 500 and per_10k(TW2S_KEEP_ME, TAIWAN) < 100
    assert per_10k("hk2s", HONG_KONG) == 0 < per_10k("t2s", HONG_KONG)
    tw_generated = generated_pairs(SIMPLIFIED_SEEDS, "s2tw")
    assert per_10k(TW2S_KEEP_ME, tw_generated) == 0 < per_10k("t2s", tw_generated)
