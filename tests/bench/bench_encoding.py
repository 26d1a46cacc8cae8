"""Speed and accuracy of encoding detection: MB/s on a 5 MB file, truncated samples."""

from __future__ import annotations

import chardet
import opencc

from desktop.core.formats.encoding import decode_bytes
from tests.bench.harness import SEEDS, Result, big_text, median_time

_NAME = "encoding"


def _samples() -> list[tuple[bytes, set[str]]]:
    s2t = opencc.OpenCC("s2t")
    cases = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text("utf-8")
        for codec in ("gb18030", "big5", "utf-8", "utf-16-le"):
            data = (s2t.convert(text) if codec == "big5" else text).encode(codec, "replace")
            ok = {codec, "big5hkscs", "cp950"} if codec == "big5" else {codec}
            for start in range(1, 4000, 333):
                cases.append((data[start : start + 301], ok))
    return cases


def _accuracy() -> list[Result]:
    cases = _samples()
    ours = sum(decode_bytes(data).encoding in ok for data, ok in cases)
    theirs = 0
    for data, ok in cases:
        name = (chardet.detect(data).get("encoding") or "").lower().replace("_", "-")
        theirs += name in ok or (name == "utf-16" and "utf-16-le" in ok)
    n = len(cases)
    return [
        Result(
            _NAME,
            f"right on {n} truncated 301-byte samples",
            100 * ours / n,
            "%",
            ">= 96",
            ours / n >= 0.96,
        ),
        Result(_NAME, "chardet 7.7 alone, same samples", 100 * theirs / n, "%"),
    ]


def _speed(megabytes: float) -> list[Result]:
    text = big_text(megabytes)
    out = []
    for codec in ("gb18030", "big5", "utf-8"):
        data = text.encode(codec, "replace")
        seconds = median_time(lambda data=data: decode_bytes(data), runs=3)
        rate = len(data) / 2**20 / seconds
        out.append(
            Result(
                _NAME,
                f"decode {len(data) / 2**20:.0f} MB {codec}",
                rate,
                "MB/s",
                ">= 20",
                rate >= 20,
            )
        )
    return out


def run(quick: bool) -> list[Result]:
    return _accuracy() + _speed(1 if quick else 5)
