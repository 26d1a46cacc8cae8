"""Reading aids: the pop-up dictionary and the ruby readings.

- Dictionary ready: a fresh interpreter with OpenCC already loaded (as in the window,
  which converts views with it) times ``load_dictionary()`` plus the first look-up,
  and measures the resident memory they add.  Targets: ready <= 500 ms, memory <= 80 MB.
- Look-up: ``longest_match`` at random Han characters of the seeds and novels, in the
  original text and in its 繁體 form.  Target: median <= 10 ms.
- Readings: ``Reader.spans`` over the corpus (chars/s), one screen of 2,000 chars,
  and the memory pypinyin adds in a fresh interpreter.
- Accuracy on the CPP polyphone test set (tests/bench/data/SOURCES.md): the share of
  marked characters read as labelled, by pypinyin alone (``lazy_pinyin`` with its
  phrase data), by Tongwen's reader without and with CC-CEDICT's words, and the same
  sentences converted to 繁體 (OpenCC ``s2t``): pypinyin alone on them, and Tongwen's
  reader, which reads them through the folded form.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from tests.bench.harness import REPO, Result, corpus_text, percentile

BENCH = "aids"
DATA = Path(__file__).parent / "data" / "cpp"
MARK = "\u2581"

#: In a child: OpenCC loaded first (the window has it), then the dictionary.
_READY = """
import json, time

def rss():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

from desktop.core.fold import fold
fold("預熱")
before = rss()
t0 = time.perf_counter()
from desktop.core.dictionary import load_dictionary
dictionary = load_dictionary()
t1 = time.perf_counter()
word = dictionary.longest_match("他在銀行工作", 2)
t2 = time.perf_counter()
assert word is not None and word.text == "銀行"
print(json.dumps({"load": t1 - t0, "first": t2 - t1, "rss": rss() - before}))
"""

_PYPINYIN = """
import json, time
from desktop.core.fold import fold
fold("預熱")
status = lambda: next(int(l.split()[1]) / 1024 for l in open("/proc/self/status") if l.startswith("VmRSS:"))
before = status()
t0 = time.perf_counter()
from desktop.core.readings import Reader
reader = Reader()
reader.spans("银行")
print(json.dumps({"s": time.perf_counter() - t0, "rss": status() - before}))
"""


def _child(code: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    return json.loads(done.stdout)


def _ready(runs: int) -> list[Result]:
    found = [_child(_READY) for _ in range(runs)]
    ready = statistics.median(f["load"] + f["first"] for f in found) * 1000
    load = statistics.median(f["load"] for f in found) * 1000
    memory = max(f["rss"] for f in found)
    return [
        Result(BENCH, "dictionary ready (load + first look-up)", ready, "ms", "<= 500 ms",
               ready <= 500, f"load alone {load:.0f} ms; median of {runs} fresh processes"),
        Result(BENCH, "dictionary memory added", memory, "MB", "<= 80 MB", memory <= 80,
               "resident memory after load minus before (OpenCC already loaded)"),
    ]  # fmt: skip


def _lookups(text: str, count: int) -> list[Result]:
    from desktop.core.dictionary import load_dictionary
    from desktop.core.views import convert_text

    dictionary = load_dictionary()
    results = []
    for label, sample in (("original", text), ("繁體", convert_text(text, "s2t"))):
        rng = random.Random(5)
        han = [i for i in range(len(sample)) if "\u4e00" <= sample[i] <= "\u9fff"]
        offsets = [rng.choice(han) for _ in range(count)]
        times = []
        hits = 0
        for offset in offsets:
            t0 = time.perf_counter()
            word = dictionary.longest_match(sample, offset)
            times.append(time.perf_counter() - t0)
            hits += word is not None
        median = statistics.median(times) * 1000
        results.append(
            Result(BENCH, f"look-up median ({label})", median, "ms", "<= 10 ms", median <= 10,
                   f"p95 {percentile(times, 95) * 1000:.2f} ms; {hits}/{count} places found a word")
        )  # fmt: skip
    return results


def _readings(text: str, screens: str) -> list[Result]:
    """Throughput over ``text``; one screen read for the first time (five different
    screens of ``screens``, which the reader has not seen) and read again."""
    from desktop.core.readings import load_reader

    reader = load_reader(None)
    t0 = time.perf_counter()
    spans = reader.spans(text)
    took = time.perf_counter() - t0
    pages = [screens[i * 2000 : (i + 1) * 2000] for i in range(5)]
    first, again = [], []
    for page in pages:
        t1 = time.perf_counter()
        reader.spans(page, style="zhuyin")
        t2 = time.perf_counter()
        reader.spans(page, style="zhuyin")
        first.append(t2 - t1)
        again.append(time.perf_counter() - t2)
    memory = _child(_PYPINYIN)
    return [
        Result(BENCH, "readings throughput", len(text) / took / 1000, "k chars/s",
               note=f"{len(text):,} chars, {len(spans):,} readings, with CC-CEDICT words"),
        Result(BENCH, "readings of one screen (2,000 chars)", statistics.median(first) * 1000,
               "ms", note="zhuyin, median of 5 screens read for the first time"),
        Result(BENCH, "readings of a screen read before", statistics.median(again) * 1000,
               "ms", note="runs of Han characters remembered (scrolling back)"),
        Result(BENCH, "pypinyin load", memory["s"] * 1000, "ms",
               note=f"adds {memory['rss']:.0f} MB resident (its phrase data)"),
    ]  # fmt: skip


def _cpp(limit: int | None) -> list[tuple[str, int, str]]:
    """(sentence, index of the marked character, label) from the CPP test set."""
    sentences = (DATA / "test.sent").read_text("utf-8").splitlines()
    labels = (DATA / "test.lb").read_text("utf-8").splitlines()
    items = []
    for sentence, label in list(zip(sentences, labels))[:limit]:
        at = sentence.index(MARK)
        items.append((sentence.replace(MARK, ""), at, label.strip().replace("u:", "ü")))
    return items


def _accuracy(items: list[tuple[str, int, str]], read) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    right = sum(read(sentence)[at] == label for sentence, at, label in items)
    return 100 * right / len(items), time.perf_counter() - t0


def _pypinyin_alone(sentence: str) -> list[str]:
    from pypinyin import Style, lazy_pinyin

    def unread(chars: str) -> list[str]:  # one placeholder a character keeps the indexes
        return ["-"] * len(chars)

    return lazy_pinyin(
        sentence, style=Style.TONE3, neutral_tone_with_five=True, v_to_u=True,
        errors=unread,  # type: ignore[arg-type]  # pypinyin accepts a list (its docs)
    )  # fmt: skip


def _by_reader(reader):  # type: ignore[no-untyped-def]
    def read(sentence: str) -> dict[int, str]:
        return dict(reader.numbered(sentence))

    return read


def _reading_accuracy(limit: int | None) -> list[Result]:
    from desktop.core.dictionary import load_dictionary
    from desktop.core.readings import Reader
    from desktop.core.views import convert_text

    items = _cpp(limit)
    traditional = [(convert_text(s, "s2t"), at, label) for s, at, label in items]
    plain, with_words = Reader(), Reader(load_dictionary())
    runs = [
        ("pypinyin alone", items, _pypinyin_alone),
        ("Tongwen, pypinyin phrases only", items, _by_reader(plain)),
        ("Tongwen, + CC-CEDICT words", items, _by_reader(with_words)),
        ("繁體: pypinyin alone", traditional, _pypinyin_alone),
        ("繁體: Tongwen (folded, + CC-CEDICT words)", traditional, _by_reader(with_words)),
    ]
    results = []
    for name, data, read in runs:
        share, took = _accuracy(data, lambda s, read=read: _safe(read(s)))
        results.append(
            Result(BENCH, f"CPP test accuracy: {name}", share, "%",
                   note=f"{len(data):,} sentences in {took:.1f} s")
        )  # fmt: skip
    return results


class _safe(dict):  # type: ignore[type-arg]
    """A reading list or dict indexed by character; a missing reading counts as wrong."""

    def __init__(self, found) -> None:  # type: ignore[no-untyped-def]
        super().__init__(found.items() if isinstance(found, dict) else enumerate(found))

    def __missing__(self, key: int) -> str:
        return ""


def run(quick: bool = False) -> list[Result]:
    text = corpus_text()
    if quick:
        text = text[:300_000]
    results = _ready(1 if quick else 5)
    results += _lookups(text, 300 if quick else 3000)
    size = 100_000 if quick else 1_000_000
    results += _readings(text[:size], text[size : size + 10_000])
    results += _reading_accuracy(1000 if quick else None)
    return results
