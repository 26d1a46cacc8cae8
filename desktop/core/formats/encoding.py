"""Turn the bytes of a text file into text, deciding the encoding on evidence.

Order of evidence: an explicit encoding (the reader's re-decode choice), a byte order
mark, known binary signatures and NUL bytes, UTF-32/UTF-16 without a BOM (NUL bytes
at regular positions), strict UTF-8, and finally the legacy Chinese encodings.
GB18030 happily decodes every Big5 file into garbage, so legacy candidates are
judged by *what they decode to*: the share of common Chinese characters (tables
below) in samples from the head, middle and tail, with chardet as a tie-breaker.
EUC-TW (CNS 11643), which no Python codec decodes, is read the same way by
:mod:`desktop.core.formats.euc_tw`; when it reads best the file is refused by name.

The confidence says how far the winner's reading is ahead of the best *different*
reading (big5, big5hkscs and cp950 read a file alike but for a few characters: they
are not rivals).
Below :data:`LOW_CONFIDENCE` a decoding may be wrong, and :func:`decoding_warning`
says so for the reader and the command line.

Whatever the encoding, text that is mostly NUL or control characters is refused: a
file of NUL bytes passes every UTF-32 test (a 511 MB one became 134 M characters of
U+0000).  UTF-16/32 text has NUL *bytes* by design, so the judgement is made on
decoded characters, from a sample, before the whole file is decoded.
"""

from __future__ import annotations

import codecs
import logging
import re
from collections import Counter
from dataclasses import dataclass

from desktop.core.errors import ImportRefused
from desktop.core.formats.euc_tw import euc_tw_quality, is_euc_tw_name

__all__ = [
    "LOW_CONFIDENCE",
    "Decoded",
    "canonical_encoding",
    "decode_bytes",
    "decoding_warning",
    "normalise_newlines",
    "refuse_non_text",
]

log = logging.getLogger(__name__)

#: About 800 of the most frequent Simplified characters: a hand-written list of
#: common modern characters plus the most frequent characters of the seed articles
#: and of 左传 (counted with a script, converted to Simplified with OpenCC t2s).
_COMMON_SIMPLIFIED = (
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
_COMMON_TRADITIONAL = (
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

_COMMON = frozenset(_COMMON_SIMPLIFIED) | frozenset(_COMMON_TRADITIONAL)

#: Legacy candidates, in order of preference when two decode equally well.
_LEGACY = ("gb18030", "big5", "big5hkscs", "cp950", "utf-8")
#: Candidates that read the same bytes alike but for a few characters (HKSCS and
#: Microsoft's additions to Big5): one reading, not rivals of each other.
_FAMILY = {"big5hkscs": "big5", "cp950": "big5"}
#: Names the reader may type or pick, decoded with a superset codec.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "cp936": "gb18030", "euc_cn": "gb18030"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: Binary formats a text file may really be: magic bytes, the format's key in
#: ``desktop.core.errors.FORMATS`` (the UI names it) and the English words of the message.
_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "png", "a PNG image"),
    (b"\xff\xd8\xff", "jpeg", "a JPEG image"),
    (b"GIF87a", "gif", "a GIF image"),
    (b"GIF89a", "gif", "a GIF image"),
    (b"PK\x03\x04", "zip", "a ZIP archive (or a DOCX/EPUB/ODT packed as ZIP)"),
    (b"PK\x05\x06", "zip", "an empty ZIP archive"),
    (b"%PDF-", "pdf", "a PDF document"),
    (b"\x7fELF", "elf", "an executable program (ELF)"),
    (b"MZ", "exe", "a Windows program (EXE/DLL)"),
    (b"Rar!\x1a\x07", "rar", "a RAR archive"),
    (b"7z\xbc\xaf\x27\x1c", "7z", "a 7-Zip archive"),
    (b"\x1f\x8b", "gzip", "a gzip archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "office97", "an old Microsoft Office document"),
    (b"SQLite format 3\x00", "sqlite", "an SQLite database"),
    (b"ID3", "mp3", "an MP3 audio file"),
)
_SAMPLE = 32 * 1024
#: Decodings below this confidence may be wrong: the reader is told (a bar over the
#: text, ``warning`` in ``import --json`` and ``meta``).  Measured on 1,258 files: the
#: seeds, the shared GB2312/Big5 samples, 西遊記 and 左传, whole and in excerpts of 10 to
#: 5,000 characters, as GB18030, Big5-HKSCS, UTF-8 and EUC-TW (through glibc's iconv),
#: and files that no single encoding decodes right.  Right GB18030/Big5 decodings:
#: one of 535 below 0.8 (0.69, a 10-character excerpt), the rest 0.93-0.99.  Wrong:
#: every GB-plus-Big5 file whose smaller part has 200+ Chinese characters at 0.30,
#: 126 of 151 wrong files with 50+ characters below 0.7 (Korean EUC-KR read as
#: GB18030: 0.60-0.71).  Before pieces were judged (:func:`_weakest_piece`) and Big5's
#: own variants stopped counting as rivals, right Big5 scored a median 0.76 and
#: EUC-TW read as GB18030 0.30-0.99 (median 0.66): no threshold told them apart.
LOW_CONFIDENCE = 0.7
#: How far EUC-TW must read better than every Python codec before a file is refused
#: as EUC-TW.  On the files above, GB and Big5 text read at least 0.59 *worse* as
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
_CONTROL = frozenset(b"\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17")
_CONTROL |= frozenset(b"\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f")
#: Control characters that real text carries (old files especially): never a sign
#: of binary data.
_TEXT_CONTROLS = "\t\n\v\f\r\x1b"
#: The other control characters, decoded: C0 with NUL, DEL and the C1 range.
_CONTROL_CHARS = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Decoded:
    """Decoded text and how it was decoded."""

    text: str  #: newlines normalised to "\n", BOM removed
    encoding: str  #: Python codec name actually used
    confidence: float  #: 0..1


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF."""
    if "\r" not in text:
        return text
    return text.replace("\r\n", "\n").replace("\r", "\n")


def canonical_encoding(name: str) -> str:
    """The Python codec name for ``name``; GB2312/GBK become GB18030 (a superset).

    Raises LookupError for a name Python does not know.
    """
    codec = codecs.lookup(name.strip()).name
    return _SUPERSETS.get(codec.replace("-", "_"), codec)


def decode_bytes(data: bytes, *, encoding: str | None = None, name: str = "") -> Decoded:
    """Decode ``data``, the bytes of the file ``name``.

    An explicit ``encoding`` is honoured strictly; otherwise the encoding is detected.
    Raises ImportRefused for binary content or an encoding that does not fit.
    """
    label = name or "the file"
    if encoding:
        return _decode_explicit(data, encoding, label)
    if not data:
        return Decoded("", "utf-8", 1.0)
    found = _decode_bom(data, label) or _decode_wide(data, label)
    if found is None:
        _refuse_binary(data, label)
        found = _decode_utf8(data) or _decode_legacy(data, label)
    return Decoded(_finish(found.text), found.encoding, round(found.confidence, 3))


def _finish(text: str) -> str:
    return normalise_newlines(text[1:] if text.startswith("\ufeff") else text)


# -- explicit encodings ---------------------------------------------------------------


def _decode_explicit(data: bytes, encoding: str, label: str) -> Decoded:
    if is_euc_tw_name(encoding):
        _refuse_euc_tw(label)
    try:
        codec = canonical_encoding(encoding)
    except LookupError:
        raise ImportRefused(
            f"{label}: unknown encoding {encoding!r}",
            code="unknown-encoding",
            params={"encoding": encoding},
        ) from None
    try:
        text = _decode_strict_tail(data, codec)
    except UnicodeDecodeError as exc:
        raise ImportRefused(
            f"{label} cannot be decoded as {encoding} ({codec}): invalid bytes at offset "
            f"{exc.start} ({data[exc.start : exc.start + 4].hex(' ')})",
            code="cannot-decode",
            params={"encoding": encoding, "offset": exc.start},
        ) from None
    except (UnicodeError, LookupError) as exc:
        raise ImportRefused(
            f"{label} cannot be decoded as {encoding}: {exc}",
            code="cannot-decode",
            params={"encoding": encoding},
        ) from None
    _judge_characters(_text_sample(text), codec, label)
    return Decoded(_finish(text), codec, 1.0)


def _decode_strict_tail(data: bytes, codec: str) -> str:
    """Strict decoding that forgives only a character cut off at the very end."""
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        if exc.end < len(data) or len(data) - exc.start > 4:
            raise
        return data[: exc.start].decode(codec) + "\ufffd"


# -- mostly NUL or control characters ---------------------------------------------------


def refuse_non_text(data: bytes, codec: str, *, start: int = 0, name: str = "") -> None:
    """Refuse ``data`` (read as ``codec`` from byte ``start``) when a sample of its
    head, middle and tail is mostly NUL or control characters.

    Only the sample is decoded, so a 511 MB file of NUL bytes is refused at the cost of
    reading it, not of turning it into 134 M characters.  Raises ImportRefused with the
    code "binary-file".
    """
    codec = _byte_order(codec, data)
    _judge_characters(_decoded_sample(data, codec, start), codec, name or "the file")


def _byte_order(codec: str, data: bytes) -> str:
    """``utf-16``/``utf-32`` with the order their BOM gives (little-endian without one).

    A sample from the middle has no BOM: the generic codec would read it in the
    machine's order, and a Big-endian 退 (U+9000) as the control character U+0090.
    """
    if codec not in ("utf-16", "utf-32"):
        return codec
    big = codecs.BOM_UTF16_BE if codec == "utf-16" else codecs.BOM_UTF32_BE
    return f"{codec}-be" if data.startswith(big) else f"{codec}-le"


def _unit(codec: str) -> int:
    """Bytes per code unit: samples are cut at multiples of it."""
    return 4 if codec.startswith("utf-32") else 2 if codec.startswith("utf-16") else 1


def _decoded_sample(data: bytes, codec: str, start: int) -> str:
    unit = _unit(codec)
    body = len(data) - start
    if body <= 3 * _SAMPLE:
        offsets = [start]
        size = body
    else:
        offsets = [start, start + body // 2, len(data) - _SAMPLE]
        size = _SAMPLE
    pieces = []
    for offset in offsets:
        offset -= (offset - start) % unit  # a whole code unit from ``start`` on
        chunk = data[offset : offset + size]
        pieces.append(chunk[: len(chunk) - len(chunk) % unit].decode(codec, "replace"))
    return "".join(pieces)


def _text_sample(text: str) -> str:
    if len(text) <= 3 * _SAMPLE:
        return text
    middle = len(text) // 2
    return text[:_SAMPLE] + text[middle : middle + _SAMPLE] + text[-_SAMPLE:]


def _judge_characters(sample: str, codec: str, label: str) -> None:
    """The rule of :func:`_refuse_binary` (at most 2 % control), on characters."""
    controls = len(_CONTROL_CHARS.findall(sample))
    if controls <= max(8, len(sample) // 50):
        return
    share = f"{controls / len(sample):.0%}"
    what = "NUL" if sample.count("\x00") * 2 > controls else "many control"
    raise ImportRefused(
        f"{label} contains {what} bytes: read as {codec}, {share} of its characters are NUL "
        "or control characters, so it is not a text file",
        code="binary-file",
    )


# -- byte order marks, UTF-32 and UTF-16 without a BOM ---------------------------------


def _decode_bom(data: bytes, label: str) -> Decoded | None:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            refuse_non_text(data, codec, start=len(bom), name=label)
            body = data[len(bom) :]
            if codec.startswith("utf-16") and len(body) % 2:
                return Decoded(body[:-1].decode(codec, "replace") + "\ufffd", codec, 0.95)
            return Decoded(body.decode(codec, "replace"), codec, 1.0)
    return None


def _decode_wide(data: bytes, label: str) -> Decoded | None:
    """UTF-32 or UTF-16 recognised by NUL bytes at regular positions."""
    head = data[: 4 * 1024]
    if head.count(0) < 2:
        return None
    for codec, zeros in (("utf-32-le", (2, 3)), ("utf-32-be", (0, 1))):
        if len(head) >= 8 and all(not any(head[z::4]) for z in zeros):
            refuse_non_text(data, codec, name=label)
            usable = len(data) - len(data) % 4
            return Decoded(data[:usable].decode(codec, "replace"), codec, 0.9)
    even, odd = head[0::2].count(0), head[1::2].count(0)
    # "一" (U+4E00) and friends put NULs on the other parity too: score, don't count
    return _best_utf16(data, label, first="utf-16-le" if odd > even else "utf-16-be")


def _best_utf16(data: bytes, label: str, *, first: str) -> Decoded | None:
    """The UTF-16 byte order and start that read best, or None if none reads as text."""
    other = "utf-16-be" if first == "utf-16-le" else "utf-16-le"
    head = data[:_SAMPLE]
    options = [(first, 0), (other, 1), (other, 0), (first, 1)]
    scored = [(_utf16_quality(_utf16(head, c, s)), c, s) for c, s in options]
    best = max(scored, key=lambda item: item[0])  # max keeps the first of equals
    _, codec, skip = best
    if best[0] < 0.5 and not _mostly_ascii(_utf16(head, codec, skip)):
        return None  # not text: refused as binary later
    refuse_non_text(data, codec, start=skip, name=label)
    text = ("\ufffd" if skip else "") + _utf16(data, codec, skip)
    return Decoded(text, codec, _margin(scored, best[0]))


def _utf16_quality(text: str) -> float:
    """:func:`_quality`, except that a reading of plain ASCII is the best there is.

    The wrong byte order turns ASCII into U+xx00 characters, some of them CJK (``h``
    becomes 栀): scoring only non-ASCII characters preferred that garbage and refused
    an English page in UTF-16 as binary.
    """
    return 1.0 if _mostly_ascii(text) else _quality(text)


def _utf16(data: bytes, codec: str, skip: int) -> str:
    body = data[skip:]
    text = body[: len(body) - len(body) % 2].decode(codec, "replace")
    return text + "\ufffd" if len(body) % 2 else text


def _refuse_binary(data: bytes, label: str) -> None:
    for magic, key, kind in _MAGIC:
        if data.startswith(magic) and (magic != b"MZ" or 0 in data[:256]):
            raise ImportRefused(
                f"{label} is {kind}, not a text file",
                code="wrong-format",
                params={"format": key, "expected": "text"},
            )
    sample = _sample(data)
    if 0 in sample:
        raise ImportRefused(
            f"{label} contains NUL bytes: it is a binary file, not text", code="binary-file"
        )
    controls = sum(sample.count(c) for c in _CONTROL)
    if controls > max(8, len(sample) // 50):
        raise ImportRefused(
            f"{label} contains many control bytes: it is binary, not text", code="binary-file"
        )


# -- UTF-8 ---------------------------------------------------------------------------


def _decode_utf8(data: bytes) -> Decoded | None:
    """Strict UTF-8; a character cut off at either end is forgiven."""
    skip = 0
    while skip < 3 and skip < len(data) and 0x80 <= data[skip] <= 0xBF:
        skip += 1
    try:
        text = _decode_strict_tail(data[skip:], "utf-8")
    except UnicodeDecodeError:
        return None
    if skip or text.endswith("\ufffd"):
        return Decoded("\ufffd" * bool(skip) + text, "utf-8", 0.95)
    return Decoded(text, "utf-8", 1.0 if data.isascii() else 0.99)


# -- legacy Chinese encodings -----------------------------------------------------------


def _decode_legacy(data: bytes, label: str) -> Decoded:
    sample = _legacy_sample(data)
    guess, sure = _chardet_guess(sample)
    bonus = {c: 0.05 if c == guess and sure >= 0.2 else 0.0 for c in _LEGACY}
    scored = [(_quality(sample.decode(c, "replace")) + bonus[c], c) for c in _LEGACY]
    best_q, codec = max(scored, key=lambda item: item[0])
    euc_tw = euc_tw_quality(sample)
    log.debug("%s: legacy scores %s, EUC-TW %.3f, chardet %s", label, scored, euc_tw, guess)
    if euc_tw > best_q + _EUC_TW_LEAD and euc_tw > 0.2:
        _refuse_euc_tw(label)
    rivals = [q for q, c in scored if _FAMILY.get(c, c) != _FAMILY.get(codec, codec)]
    rivals.append(euc_tw)
    confidence = min(_lead_confidence(best_q, max(rivals)), _weakest_piece(sample, codec))
    if best_q < 0.2 and guess and guess not in _LEGACY and _decodes(sample, guess):
        codec, confidence = guess, max(0.3, min(sure, 0.8))
    elif best_q < 0:
        confidence = min(confidence, 0.3)
    return Decoded(_decode_aligned(data, codec), codec, confidence)


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
        own = _quality(piece.decode(codec, "replace"))
        others = [
            _quality(piece.decode(c, "replace")) for c in _LEGACY if _FAMILY.get(c, c) != family
        ]
        weakest = min(weakest, _lead_confidence(own, max(others)))
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


def _refuse_euc_tw(label: str) -> None:
    raise ImportRefused(
        f"{label} is EUC-TW (CNS 11643) text: EUC-TW is not supported; convert the file to "
        "UTF-8 first (for example: iconv -f EUC-TW -t UTF-8)",
        code="unsupported-encoding",
        params={"encoding": "EUC-TW"},
    )


def decoding_warning(encoding: str | None, confidence: float | None) -> str | None:
    """An English sentence when a decoding may be wrong (confidence below
    :data:`LOW_CONFIDENCE`), for ``import --json``, ``meta`` and the log; else None."""
    if encoding is None or confidence is None or confidence >= LOW_CONFIDENCE:
        return None
    return (
        f"decoded as {encoding.upper()} with confidence {confidence:.2f}: the text may be "
        "garbled; re-decode it with another encoding if it is"
    )


def _decode_aligned(data: bytes, codec: str) -> str:
    """Decode with replacement, skipping a half character cut off at the start."""
    if data[0] < 0x80 or codec not in _LEGACY[:4]:
        return data.decode(codec, "replace")
    head = data[:2048]
    shifted = _weights(head[1:].decode(codec, "replace"))[0]
    if shifted > _weights(head.decode(codec, "replace"))[0] + 1.0:
        return "\ufffd" + data[1:].decode(codec, "replace")
    return data.decode(codec, "replace")


def _chardet_guess(sample: bytes) -> tuple[str | None, float]:
    """chardet's codec for ``sample`` (None if it has none) and its confidence.

    chardet is imported here, on the first legacy file: it takes ~100 ms to import,
    and the formats package (imported at start-up) imports this module.
    """
    import chardet

    found = chardet.detect(sample[:_SAMPLE])
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


def _sample(data: bytes) -> bytes:
    """Head, middle and tail of ``data``, each cut to start after an ASCII byte."""
    if len(data) <= 3 * _SAMPLE:
        return data
    middle = len(data) // 2
    parts = [data[:_SAMPLE]]
    for start in (middle, len(data) - _SAMPLE // 2):
        chunk = data[start : start + _SAMPLE // 2]
        cut = next((i + 1 for i, b in enumerate(chunk[:512]) if b < 0x80), 0)
        parts.append(chunk[cut:])
    return b"\n".join(parts)


def _legacy_sample(data: bytes) -> bytes:
    """Windows that start at non-ASCII bytes, one in each stripe of the file.

    Only non-ASCII bytes tell GB18030 from Big5, and a head-middle-tail sample of a
    file with 90 KB of ASCII, a Chinese paragraph and 160 KB of ASCII holds none: the
    file was read as ASCII with 2,920 replacement characters.  A window starts at
    the first non-ASCII byte after an ASCII one (so a character is not cut in two).
    """
    if len(data) <= 3 * _SAMPLE:
        return data
    step = -(-len(data) // _STRIPES)
    window = 3 * _SAMPLE // _STRIPES
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


def _margin(scored: list[tuple[float, str, int]], best: float) -> float:
    """Confidence from how far the best candidate is ahead of the runner-up."""
    others = [q for q, *_ in scored]
    others.remove(best)
    return _lead_confidence(best, max(others, default=-1.0))


def _lead_confidence(best: float, runner: float) -> float:
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


def _weights(text: str) -> tuple[float, int]:
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


def _quality(text: str) -> float:
    """Average weight of the non-ASCII characters: about 0.8 for real Chinese text."""
    total, count = _weights(text)
    return total / count if count else 0.0


def _mostly_ascii(text: str) -> bool:
    """Printable ASCII with at most a few other characters (for UTF-16 without a BOM)."""
    if not text:
        return False
    plain = sum(1 for ch in text if " " <= ch < "\x7f" or ch in "\t\n\r")
    return plain >= 0.95 * len(text)
