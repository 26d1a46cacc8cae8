"""How much a decoding reads like Chinese text: the score that judges candidate encodings.

A wrong encoding rarely fails to decode (GB18030 turns every Big5 file into
characters), so candidates are judged by *what they decode to*: each non-ASCII
character weighs 1.0 when it is one of about 800 common characters (either script),
0.15 for another Han character, 0.5 for CJK punctuation and full-width forms, 0 for
Latin-1 and Extension A, negative for private-use, surrogates, U+FFFD and control
characters.  :func:`quality` is the average weight, about 0.8 for real Chinese text;
:func:`lead_confidence` turns the winner's quality and its lead over the best other
reading into a confidence.  :mod:`desktop.core.formats.euc_tw` scores EUC-TW bytes on
the same scale.
"""

from __future__ import annotations

from collections import Counter

__all__ = [
    "COMMON_SIMPLIFIED",
    "COMMON_TRADITIONAL",
    "lead_confidence",
    "mostly_ascii",
    "quality",
    "weights",
]

#: About 800 of the most frequent Simplified characters: a hand-written list of
#: common modern characters plus the most frequent characters of the seed articles
#: and of 左传 (counted with a script, converted to Simplified with OpenCC t2s).
COMMON_SIMPLIFIED = (
    "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自着去之过家学对可她里后小么心多天而能好都然"
    "没日于起还发成事只作当想看文无开手十用主行方又如前所本见经头面公同三已老从动两长知民样现分将外但身些与高意进把法此实回二"
    "理美点月明其种声全工己话儿者向情部正名定女问力机给等几很业最间新什打便位因重被走电四第门相次东政海口使教西再平真听世气信"
    "北少关并内加化由却代军产入先山五太水万市眼体别处总才场师书比住员九笑性通目华报立马命张活难神数件安表原车白应路期叫死常提"
    "感金何更反合放做系计或司利受光王果亲界及今京务制解各任至清物台象记边共风战干接它许八特觉望直服毛林题建南度统色字请交爱让"
    "认算论百吃义科怎元社术结六功指思非流每青管夫连远资队跟带花快条院变联言权往展该领传近留红治决周保达办运武半候七必城父强步"
    "完革深区即求品士转量空甚众技轻程告江语英基派满式李息写呢识极令黄德收脸钱党倒未持取设始版双历越史商千片容研像找友孩站广改"
    "议形委早房音火际则首单据导影失拿网香似斯专石若兵弟谁校读志飞观争究包组造落视济喜离虽坐集编宝谈府拉黑且随格尽剑讲布杀微怕"
    "母调局根曾准团段终乐切级克精哪官示冷域假拍球层推群愿织引聚协构昆升源效创州质习优项坚健善街赋标续乡村凝职势居参围整确融筹"
    "苏策积践享福责贯矛盾兴伍征充需范激企培泉探牌镇索促挥突访环具注态县负增抓规邻热线支稳模供焦减约破列响绕彻著类央省营速察断"
    "智诉考验育境泛覆盖施湖暖谐举选库渠查价致益互备紧刻复桥助措链幸宁径届尤率念章细播掘宣值端汇枫牵案励阵亮履扬召闻齐角图扩执"
    "余逻辑篇核富针足挖潮景号良密杂险临攻署仅综君晋曰楚侯郑季诸卫氏叔宋伯孙礼盟臣陈伐夏春秋故鲁亡吴焉朝矣乎归敢冬秦罪您吾赵逃"
    "败献姓乱仲答谓蔡庄桓寡昭孟乃邑祸襄卒奔邾遂尹曹辞灵葬害祭灭弃初奉穆阳宫救右待送惠讨弗申欲诗守侵亦莒卿恶免仪土帅御吗止甲室"
    "食吧敬皆左聘戎族退载姬丧惧"
)

#: The same characters in Traditional form (OpenCC s2t, character by character).
COMMON_TRADITIONAL = (
    "的一是不了人我在有他這中大來上國個到說們爲子和你地出道也時年得就那要下以生會自着去之過家學對可她裏後小麼心多天而能好都然"
    "沒日於起還發成事只作當想看文無開手十用主行方又如前所本見經頭面公同三已老從動兩長知民樣現分將外但身些與高意進把法此實回二"
    "理美點月明其種聲全工己話兒者向情部正名定女問力機給等幾很業最間新什打便位因重被走電四第門相次東政海口使教西再平真聽世氣信"
    "北少關並內加化由卻代軍產入先山五太水萬市眼體別處總才場師書比住員九笑性通目華報立馬命張活難神數件安表原車白應路期叫死常提"
    "感金何更反合放做系計或司利受光王果親界及今京務制解各任至清物臺象記邊共風戰幹接它許八特覺望直服毛林題建南度統色字請交愛讓"
    "認算論百喫義科怎元社術結六功指思非流每青管夫連遠資隊跟帶花快條院變聯言權往展該領傳近留紅治決周保達辦運武半候七必城父強步"
    "完革深區即求品士轉量空甚衆技輕程告江語英基派滿式李息寫呢識極令黃德收臉錢黨倒未持取設始版雙歷越史商千片容研像找友孩站廣改"
    "議形委早房音火際則首單據導影失拿網香似斯專石若兵弟誰校讀志飛觀爭究包組造落視濟喜離雖坐集編寶談府拉黑且隨格盡劍講布殺微怕"
    "母調局根曾準團段終樂切級克精哪官示冷域假拍球層推羣願織引聚協構昆升源效創州質習優項堅健善街賦標續鄉村凝職勢居參圍整確融籌"
    "蘇策積踐享福責貫矛盾興伍徵充需範激企培泉探牌鎮索促揮突訪環具注態縣負增抓規鄰熱線支穩模供焦減約破列響繞徹著類央省營速察斷"
    "智訴考驗育境泛覆蓋施湖暖諧舉選庫渠查價致益互備緊刻復橋助措鏈幸寧徑屆尤率念章細播掘宣值端匯楓牽案勵陣亮履揚召聞齊角圖擴執"
    "餘邏輯篇核富針足挖潮景號良密雜險臨攻署僅綜君晉曰楚侯鄭季諸衛氏叔宋伯孫禮盟臣陳伐夏春秋故魯亡吳焉朝矣乎歸敢冬秦罪您吾趙逃"
    "敗獻姓亂仲答謂蔡莊桓寡昭孟乃邑禍襄卒奔邾遂尹曹辭靈葬害祭滅棄初奉穆陽宮救右待送惠討弗申欲詩守侵亦莒卿惡免儀土帥御嗎止甲室"
    "食吧敬皆左聘戎族退載姬喪懼"
)

_COMMON = frozenset(COMMON_SIMPLIFIED) | frozenset(COMMON_TRADITIONAL)
#: Control characters that real text carries (old files especially): never a sign
#: of binary data.
_TEXT_CONTROLS = "\t\n\v\f\r\x1b"


def lead_confidence(best: float, runner: float) -> float:
    """0.3..0.99 from the winner's quality and its lead over the best other reading."""
    return max(0.3, min(0.99, 0.5 + (best - runner) + 0.2 * max(0.0, best)))


def _char_weight(ch: str) -> float:
    o = ord(ch)
    if ch in _COMMON:
        return 1.0
    if 0x4E00 <= o <= 0x9FFF:
        return 0.15
    if 0x3000 <= o <= 0x303F or 0xFF00 <= o <= 0xFFEF or 0x2010 <= o <= 0x2027:
        return 0.5 if o != 0xFFFD else -3.0
    if 0x3400 <= o <= 0x4DBF or 0x80 <= o <= 0xFF:
        return 0.0
    if 0xE000 <= o <= 0xF8FF or 0xD800 <= o <= 0xDFFF:
        return -2.0
    return -0.5


def weights(text: str) -> tuple[float, int]:
    """Sum and number of weights of the non-ASCII characters and control characters.

    Weighs each distinct character once (``Counter`` counts in C): samples hold a
    few thousand distinct characters among tens of thousands.
    """
    total = 0.0
    count = 0
    for ch, times in Counter(text).items():
        if ch < "\x80":
            if ch < " " and ch not in _TEXT_CONTROLS:
                total -= 2.0 * times
                count += times
            continue
        total += _char_weight(ch) * times
        count += times
    return total, count


def quality(text: str) -> float:
    """Average weight of the non-ASCII characters: about 0.8 for real Chinese text."""
    total, count = weights(text)
    return total / count if count else 0.0


def mostly_ascii(text: str) -> bool:
    """Printable ASCII with at most a few other characters (for UTF-16 without a BOM)."""
    if not text:
        return False
    plain = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\t\n\r")
    return plain >= 0.95 * len(text)
