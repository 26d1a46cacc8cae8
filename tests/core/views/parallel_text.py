"""Parallel Traditional/Simplified text, to count the errors of a 简体 conversion.

No parallel zh-TW/zh-CN corpus can be fetched offline here, so two kinds are used,
both honest about what they are:

* **hand-checked sentences** (below), written for the characters that tell the
  conversions apart: the particle 著/着 against 著 as zhù (著作, 顯著, 土著), the
  older 么 (你來么) against Taiwan's 么 for 幺 (么妹), 裡/里, 乾/干, 髮/發, 後/后,
  鐘/鍾; and Hong Kong forms (説, 綫, 衞, 啓, 着, 裏).  Each pair was checked by
  hand; the Simplified side is what a Simplified edition prints.
* **generated text**: the Simplified seeds put through OpenCC's ``s2tw``, ``s2hk``
  and ``s2t`` (Taiwan, Hong Kong, general Traditional); the Simplified original is
  the reference.  It is a round trip through OpenCC's own dictionaries, so it counts
  the conversions' systematic differences (著 left as 著) rather than dictionary gaps.

Errors are characters that differ from the reference (aligned by ``difflib`` where
the lengths differ), reported per 10,000 characters.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from difflib import SequenceMatcher
from pathlib import Path

__all__ = [
    "HONG_KONG",
    "TAIWAN",
    "char_errors",
    "errors_per_10k",
    "generated_pairs",
]

#: Taiwan-standard sentences and their Simplified form (hand-checked).
TAIWAN: list[tuple[str, str]] = [
    ("他說著說著就睡著了。", "他说着说着就睡着了。"),
    ("她笑著看著窗外，手裡拿著一本書。", "她笑着看着窗外，手里拿着一本书。"),
    ("我們接著往下走，沿著河邊一直走到天黑。", "我们接着往下走，沿着河边一直走到天黑。"),
    ("別著急，慢慢來，火已經著了。", "别着急，慢慢来，火已经着了。"),
    ("他穿著一件舊大衣，衣著樸素。", "他穿着一件旧大衣，衣着朴素。"),
    ("這本書是一部著名的著作，作者以文筆著稱。", "这本书是一部著名的著作，作者以文笔著称。"),
    ("效果十分顯著，原著比改編的電影好看。", "效果十分显著，原著比改编的电影好看。"),
    ("飛機安全著陸，大家都鬆了一口氣。", "飞机安全着陆，大家都松了一口气。"),
    ("凡事要為別人著想，不要太執著。", "凡事要为别人着想，不要太执着。"),
    ("他著手整理那些信件，著重說明了原因。", "他着手整理那些信件，着重说明了原因。"),
    ("你來么？怎么不說話？", "你来么？怎么不说话？"),
    ("他那么說，我也只好這么做。", "他那么说，我也只好这么做。"),
    ("家裡的么妹最會撒嬌。", "家里的幺妹最会撒娇。"),
    ("屋裡很乾淨，桌上擺著餅乾。", "屋里很干净，桌上摆着饼干。"),
    ("乾隆皇帝下江南的故事。", "乾隆皇帝下江南的故事。"),
    ("他把頭髮剪短了，又去臺北發展。", "他把头发剪短了，又去台北发展。"),
    ("皇后走進宮裡，後面跟著兩個宮女。", "皇后走进宫里，后面跟着两个宫女。"),
    ("牆上的鐘停了，他一向鍾愛這隻老鐘。", "墙上的钟停了，他一向钟爱这只老钟。"),
    ("我瞭解你的意思，只是還沒準備好。", "我了解你的意思，只是还没准备好。"),
    ("隨著時代的變化，土著居民的生活也在改變。", "随着时代的变化，土著居民的生活也在改变。"),
    ("他著實嚇了一跳，看著那扇門發呆。", "他着实吓了一跳，看着那扇门发呆。"),
    ("雨下著，風吹著，我們等著天亮。", "雨下着，风吹着，我们等着天亮。"),
    ("這件事有著落了，你不用再掛著。", "这件事有着落了，你不用再挂着。"),
    ("他對音樂很著迷，常常聽著聽著就忘了時間。", "他对音乐很着迷，常常听着听着就忘了时间。"),
    ("這份報告由三位學者合著。", "这份报告由三位学者合著。"),
    ("他的名字早已載入史冊，功勳卓著。", "他的名字早已载入史册，功勋卓著。"),
    ("她低著頭，一句話也不說。", "她低着头，一句话也不说。"),
    ("孩子們圍著老人，聽他講故事。", "孩子们围着老人，听他讲故事。"),
    ("麵包放在冰箱裡，記得拿出來。", "面包放在冰箱里，记得拿出来。"),
    ("這裡的範圍很大，雜誌上也寫過。", "这里的范围很大，杂志上也写过。"),
    ("那么多人裡面，只有他一個人記著這件事。", "那么多人里面，只有他一个人记着这件事。"),
    ("他一邊走，一邊想著心事。", "他一边走，一边想着心事。"),
    ("老師叫著他的名字，他才回過神來。", "老师叫着他的名字，他才回过神来。"),
    ("你幹什麼？快把燈關了睡覺。", "你干什么？快把灯关了睡觉。"),
    ("他喝了一杯酒，乾杯之後就走了。", "他喝了一杯酒，干杯之后就走了。"),
    ("天色漸漸暗了下來，街上亮著燈。", "天色渐渐暗了下来，街上亮着灯。"),
    ("他們吃著飯，聊著天，一直到深夜。", "他们吃着饭，聊着天，一直到深夜。"),
    ("媽媽在廚房裡忙著，爸爸坐著看報紙。", "妈妈在厨房里忙着，爸爸坐着看报纸。"),
]

#: Hong Kong-standard sentences and their Simplified form (hand-checked).
HONG_KONG: list[tuple[str, str]] = [
    ("他説着説着就睡着了。", "他说着说着就睡着了。"),
    ("屋裏的電綫壞了，要找人修理。", "屋里的电线坏了，要找人修理。"),
    ("衞生署今日公布新措施。", "卫生署今日公布新措施。"),
    ("他啓程前往台灣，行李裏放着幾本書。", "他启程前往台湾，行李里放着几本书。"),
    ("她的笑容令人愉悦，語氣很温和。", "她的笑容令人愉悦，语气很温和。"),
    ("他脱下外套，掛在門後的鈎上。", "他脱下外套，挂在门后的钩上。"),
    ("這份報告詳細敍述了事件經過。", "这份报告详细叙述了事件经过。"),
    ("閲讀是一種很好的習慣。", "阅读是一种很好的习惯。"),
    ("他眼光鋭利，一眼就看穿了。", "他眼光锐利，一眼就看穿了。"),
    ("市民排着隊，等着入場。", "市民排着队，等着入场。"),
]


def char_errors(out: str, reference: str) -> int:
    """Characters of ``out`` that differ from ``reference``."""
    if len(out) == len(reference):
        return sum(a != b for a, b in zip(out, reference))
    matcher = SequenceMatcher(None, out, reference, autojunk=False)
    return sum(
        max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"
    )


def errors_per_10k(convert: Callable[[str], str], pairs: Iterable[tuple[str, str]]) -> float:
    """Errors of ``convert`` per 10,000 reference characters over ``pairs``."""
    errors = chars = 0
    for source, reference in pairs:
        errors += char_errors(convert(source), reference)
        chars += len(reference)
    return 10_000 * errors / chars if chars else 0.0


def generated_pairs(simplified: Iterable[Path], config: str) -> list[tuple[str, str]]:
    """(Traditional made by OpenCC ``config``, the Simplified original) per paragraph."""
    from desktop.core.views.convert import convert_text

    pairs = []
    for path in simplified:
        for line in path.read_text("utf-8").split("\n"):
            line = line.strip()
            if len(line) >= 10:
                pairs.append((convert_text(line, config), line))
    return pairs
