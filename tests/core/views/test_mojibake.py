"""Mojibake repair: phantom-hint runs, hidden captions, seeds 002 and 004."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.views.mojibake import repair_mojibake
from desktop.core.views.pipeline import SCRIPTS, ViewOptions, build_view

SEEDS = Path(__file__).resolve().parents[3] / "seeds"
#: hints that teach the document 聯, 擔, 當, 請 and 報
HINTS = "互聯(lián)網,擔(dān)任,當(dāng)前,請(qǐng)來,報(bào)告。"


def seed(n: int) -> str:
    return next(SEEDS.glob(f"{n:03d}_*.txt")).read_text("utf-8")


def test_phantom_hint_with_dropped_pair_is_repaired(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(HINTS + "\n必須展現新?lián)?dāng)新作為。\n", "utf-8")
    text = path.read_text("utf-8")
    out, mapping, hidden = repair_mojibake(text)
    assert "必須展現新擔當(dāng)新作為。" in out
    start = text.index("?lián)")
    assert hidden == [(start, start + len("?lián)?dāng)"), "mojibake")]
    assert mapping.src_len == len(text) and mapping.to_dst(len(text)) == len(out)


def test_phantom_hint_for_the_lost_character_itself() -> None:
    out = repair_mojibake(HINTS + "\n南京日?qǐng)?bào)報道,城市建設進展。")[0]
    assert out.endswith("南京日報(bào)報道,城市建設進展。")


def test_phantom_needs_the_documents_own_hints() -> None:
    text = "必須展現新?lián)?dāng)新作為。"  # no hints: nothing to check the bytes with
    assert repair_mojibake(text)[0] == text
    wrong_prev = HINTS + "\n必須展現好?lián)?dāng)新作為。"  # 好's trail is not 聯's lead
    assert repair_mojibake(wrong_prev)[0] == wrong_prev


def test_short_junk_caption_is_hidden_but_body_stays() -> None:
    body = "城市建設進展順利,這是一段正文,說明了很多事情並且很長很長。"
    caption = "南京日?qǐng)?bào)/紫金山新聞?dòng)浾?馬道軍"
    text = f"{body}\n{caption}\n{body}"
    out, _, hidden = repair_mojibake(text)
    assert out == f"{body}\n{body}"
    assert hidden == [(len(body) + 1, len(body) + 2 + len(caption), "mojibake")]
    long_line = body + "新?lián)?dāng)新作為" + body  # body text is never hidden
    assert repair_mojibake(long_line)[0] == long_line
    sentence = "必須展現新?lián)?dāng)新作為。"  # short, but a sentence
    assert repair_mojibake(sentence)[0] == sentence


def test_seed_002_reads_cleanly() -> None:
    raw = seed(2)
    view = build_view(raw)
    assert "必須展現新擔當新作為。" in view.text
    assert "“總書記強調扎實做好凝聚服務群眾工作" in view.text
    assert "日?qǐng)" not in view.text and "浾" not in view.text
    assert "?" not in view.text
    captions = [raw[s:e] for s, e, why in view.hidden if "紫金山" in raw[s:e]]
    assert [c.strip()[-3:] for c in captions] == ["虎 攝", "馬道軍"]


#: The repaired phrase of seed 002 (a Traditional text) in each script.
_NEW_DEEDS = {
    "original": "新擔當新作為",
    "simplified": "新担当新作为",
    "traditional": "新擔當新作為",
    "taiwan": "新擔當新作為",
    "hongkong": "新擔當新作為",
}


@pytest.mark.parametrize("script", SCRIPTS)
def test_seed_002_in_all_scripts(script: str) -> None:
    text = build_view(seed(2), ViewOptions(script=script)).text
    assert "?" not in text and "(" not in text.replace("(村)", "")
    assert _NEW_DEEDS[script] in text
    other_script = {"新担当新作为", "新擔當新作為"} - {_NEW_DEEDS[script]}
    assert not any(phrase in text for phrase in other_script)


def test_seed_004_body_around_the_unrepaired_run_remains() -> None:
    text = build_view(seed(4)).text
    assert "風好正是揚帆時,奮楫逐浪天地寬。新時代新征程,社會工作必須展現新" in text
    assert "習近平總書記在福建工作期間關於社會工作的重要理念" in text or (
        "習近平總書記在福建工作期間關于社會工作的重要理念" in text
    )
