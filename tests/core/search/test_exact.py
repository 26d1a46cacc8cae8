"""Property: search results equal a substring scan of the folded texts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.library import Library
from desktop.core.search import SearchIndex, fold_plain
from desktop.core.search.entries import reading_text

_HAN_RUN = re.compile("[\u4e00-\u9fff]{1,}")
REPO = Path(__file__).resolve().parents[3]
NOVEL = REPO.parent / "shared" / "testdata" / "novels" / "zuozhuan_opencc_benchmark_zhs.txt"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> tuple[SearchIndex, dict[str, str]]:
    root = tmp_path_factory.mktemp("exact")
    lib = Library.open(root / "library")
    files = sorted((REPO / "seeds").glob("*.txt"))
    if NOVEL.exists():
        novel = NOVEL.read_text("utf-8").replace("\r\n", "\n")
        for n in range(12):
            chunk = root / f"chunk{n}.txt"
            chunk.write_text(novel[n * 40_000 : n * 40_000 + 3_000], "utf-8")
            files.append(chunk)
    wrapped = root / "wrapped.txt"  # a hard-wrapped Traditional text
    body = "這是一段被硬換行切開的文字用來測試跨行的詞語搜尋功能是否正常運作" * 3
    wrapped.write_text("\n".join(body[i : i + 17] for i in range(0, len(body), 17)), "utf-8")
    files.append(wrapped)
    for path in files:
        assert lib.add_file(path).status == "imported"
    index = SearchIndex.open(lib, subscribe=False)
    index.ensure_current()
    folded = {}
    for rec in lib.documents():
        text = fold_plain(reading_text(lib.text(rec.id))[0])
        meta = " ".join(fold_plain(v or "") for v in (rec.title, rec.author, rec.source))
        folded[rec.id] = text + "\x00" + meta
    return index, folded


def _scan(folded: dict[str, str], needle: str) -> set[str]:
    return {d for d, text in folded.items() if any(needle in part for part in text.split("\x00"))}


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_results_equal_a_substring_scan(
    corpus: tuple[SearchIndex, dict[str, str]], data: st.DataObject
) -> None:
    index, folded = corpus
    doc = data.draw(st.sampled_from(sorted(folded)))
    runs = _HAN_RUN.findall(folded[doc].split("\x00")[0])
    run = data.draw(st.sampled_from(runs))
    start = data.draw(st.integers(0, len(run) - 1))
    length = data.draw(st.integers(1, min(6, len(run) - start)))
    needle = run[start : start + length]
    results = index.search(f'"{needle}"', limit=None)
    assert {h.doc_id for h in results.hits} == _scan(folded, needle)
    assert results.total == len(results.hits)


def test_wrapped_phrase_is_found(corpus: tuple[SearchIndex, dict[str, str]]) -> None:
    index, _folded = corpus
    results = index.search("測試跨行的詞語")
    assert len(results.hits) == 1
    text = index.library.text(results.hits[0].doc_id)
    spans = [text[a:b] for a, b in results.hits[0].hits]
    assert any("\n" in s for s in spans)
    assert all(s.replace("\n", "") == "測試跨行的詞語" for s in spans)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_the_best_few_are_the_head_of_the_full_ranking(
    corpus: tuple[SearchIndex, dict[str, str]], data: st.DataObject
) -> None:
    """Lazy verification (stop once the best are certain) ranks like verifying all."""
    index, folded = corpus
    doc = data.draw(st.sampled_from(sorted(folded)))
    run = data.draw(st.sampled_from(_HAN_RUN.findall(folded[doc].split("\x00")[0])))
    start = data.draw(st.integers(0, len(run) - 1))
    needle = run[start : start + data.draw(st.integers(1, min(6, len(run) - start)))]
    limit = data.draw(st.integers(1, 4))
    best = index.search(needle, limit=limit)
    full = index.search(needle, limit=None)
    assert [h.score for h in best.hits] == [h.score for h in full.hits[:limit]]
    assert best.total == full.total and not best.estimated


def test_a_common_phrase_stops_early_and_estimates_the_total(tmp_path: Path) -> None:
    lib = Library.open(tmp_path / "library")
    for n in range(150):
        doc = tmp_path / f"d{n}.txt"
        phrase = "社会工作" if n % 3 else "社会工人会工作"  # a third hold the grams only
        doc.write_text(f"第{n}篇\n\n" + "，".join([phrase] * (1 + n % 5)) + "。", "utf-8")
        assert lib.add_file(doc).status == "imported"
    index = SearchIndex.open(lib, subscribe=False)
    index.ensure_current()
    full = index.search("社會工作", limit=None)
    best = index.search("社會工作", limit=5)
    assert full.total == 100 and not full.estimated
    assert [h.score for h in best.hits] == [h.score for h in full.hits[:5]]
    assert {h.doc_id for h in best.hits} <= {h.doc_id for h in full.hits}
    # The estimate samples 64 of the unread candidates with a generator seeded by their
    # number (matching._estimate): the same index gives the same estimate, 96 of 100.
    assert best.estimated and best.total == 96
    assert index.search("社會工作", limit=5).total == 96
