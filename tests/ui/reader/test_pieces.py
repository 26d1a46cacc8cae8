"""The reader's piece table: pieces built around a position, joined, mapped exactly."""

from __future__ import annotations

from desktop.core.views import ViewOptions, build_view
from desktop.ui.reader import pieces as reader_pieces
from desktop.ui.reader.pieces import PieceTable

LINE = "第一回 話說天下大勢，分久必合，合久必分。𠀀𪚥\n"  # two astral characters per line


def _load_all(table: PieceTable, position: int) -> None:
    table.append(table.build(*table.first_range(position)))
    while table.more_to_load():
        start, end, at_end = table.next_range(1_000)
        piece = table.build(start, end)
        if at_end:
            table.append(piece)
        else:
            table.prepend(piece)


def test_pieces_join_to_the_whole_view(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reader_pieces, "WHOLE_LIMIT", 1_000)
    text = LINE * 400
    options = ViewOptions(clean=False, script="simplified")
    table = PieceTable(text, options)
    _load_all(table, position=len(text) // 2)
    assert len(table.pieces) > 2
    assert table.loaded_to_end() and not table.more_to_load()
    assert table.view_text() == build_view(text, options).text
    assert all(p.canon_start == q.canon_end for q, p in zip(table.pieces, table.pieces[1:]))


def test_offsets_round_trip_through_view_and_qt(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(reader_pieces, "WHOLE_LIMIT", 1_000)
    text = LINE * 200
    table = PieceTable(text, ViewOptions(clean=False, script="traditional"))
    _load_all(table, position=3_000)
    for canonical in range(0, len(text), 97):
        view = table.to_view(canonical)
        assert view is not None
        assert table.to_canonical(view) == canonical
        qt = table.view_to_qt(view)
        assert table.qt_to_view(qt) == view
    assert table.qt_length == len(table.view_text().encode("utf-16-le")) // 2


def test_a_small_text_is_one_piece() -> None:
    table = PieceTable(LINE * 3)
    assert table.first_range(10) == (0, len(LINE * 3))
    table.append(table.build(0, len(LINE * 3)))
    assert table.to_view(len(LINE * 3) + 5) is None
    assert not table.more_to_load()


def test_clean_pieces_of_a_wrapped_novel_join_to_the_whole_view(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Each piece was built as a document of its own: the break at every piece's edge
    stayed, and a passage reflowed in one render and not in another."""
    monkeypatch.setattr(reader_pieces, "WHOLE_LIMIT", 1_000)
    sentence = "話說天下大勢，分久必合，合久必分，周末七國分爭，并入於秦；及秦滅之後，楚漢分爭。"
    paragraph = "　　" + sentence * 3
    lines = [paragraph[i : i + 24] for i in range(0, len(paragraph), 24)]
    text = "\n".join(lines * 120) + "\n"
    options = ViewOptions(clean=True, script="simplified")
    whole = build_view(text, options)
    assert whole.text.count("\n") < text.count("\n") // 2  # the wrapping is undone
    for position in (0, len(text) // 3, len(text) - 5):
        table = PieceTable(text, options)
        _load_all(table, position)
        assert len(table.pieces) > 2
        assert table.view_text() == whole.text
