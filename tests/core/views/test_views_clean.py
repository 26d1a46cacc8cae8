"""Clean steps one by one: reflow, mojibake, pinyin hints."""

from __future__ import annotations

import textwrap

from desktop.core.views.mojibake import repair_mojibake
from desktop.core.views.pinyin import hide_hints
from desktop.core.views.reflow import reflow

PARA = (
    "　　天下大势，分久必合，合久必分。周末七国分争，并入于秦。及秦灭之后，楚、汉分争，又并入于汉。"
)


def wrap(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def test_hard_wrapped_chinese_is_reflowed(tmp_path) -> None:
    src = wrap(PARA * 4, 30) + "\n" + wrap(PARA * 3, 30)
    path = tmp_path / "book.txt"
    path.write_text(src, "utf-8")
    out, mapping, hidden = reflow(path.read_text("utf-8"))
    assert out == PARA * 4 + "\n" + PARA * 3
    assert hidden and all(src[s:e] == "\n" for s, e, _ in hidden)
    assert mapping.to_dst(len(src)) == len(out)


def test_poems_lists_and_uneven_lines_stay() -> None:
    poem = "床前明月光，\n疑是地上霜。\n举头望明月，\n低头思故乡。"
    assert reflow(poem)[0] == poem
    listing = "一、第一项内容\n二、第二项内容比较长一些的文字\n三、第三\n四、第四项"
    assert reflow(listing)[0] == listing


def test_hard_wrapped_english_keeps_length() -> None:
    """Paragraphs parted by blank lines (a full line ending a sentence inside one is
    joined too: the blank lines, not the line ends, mark the paragraphs)."""
    words = "It was the best of times, it was the worst of times, it was the age of wisdom. " * 4
    para = "\n".join(textwrap.wrap(words, 60))
    src = para + "\n\n" + para
    out, mapping, _ = reflow(src)
    assert out.split("\n\n") == [" ".join(textwrap.wrap(words, 60))] * 2
    assert len(out) == len(src) and mapping.edit_count == 0


def test_mojibake_repaired_only_when_clearly_better() -> None:
    text = "走中國特色社會主義社會治理之路?!苯瓕巺^(qū)委社會工作部"
    out, _, hidden = repair_mojibake(text)
    assert out == "走中國特色社會主義社會治理之路。”江寧區(qū)委社會工作部"
    assert hidden == [(15, 21, "mojibake")]
    plain = "真的嗎?!我不信。你呢?!好的"
    assert repair_mojibake(plain)[0] == plain


def test_hints_only_after_han_with_tone_marks() -> None:
    text = "習(xí)近平總書（shū）記,社區(村),X(xí),產(chǎn)業(abc)"
    out, mapping, hidden, ruby = hide_hints(text, ruby=True)
    assert out == "習近平總書記,社區(村),X(xí),產業(abc)"
    assert [r for _, _, r in ruby] == ["xí", "shū", "chǎn"]
    assert [out[s:e] for s, e, _ in ruby] == ["習", "書", "產"]
    assert len(hidden) == 3 and mapping.src_len == len(text)
