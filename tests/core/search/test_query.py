"""The query language and how bad syntax degrades."""

from __future__ import annotations

from desktop.core.search.query import DateRange, Filter, Term, parse_query


def test_terms_phrases_exclusions_and_or() -> None:
    q = parse_query('社会 "工作 会议" -苏州 福建 OR 江苏')
    assert q.hint is None
    assert q.clauses == [[Term("社会")], [Term("工作 会议")], [Term("福建"), Term("江苏")]]
    assert q.excluded == [Term("苏州")]


def test_fields_filters_and_dates() -> None:
    q = parse_query("title:社会 author:李 script:Traditional format:txt published:2024-08..2024-12")
    assert q.clauses == [
        [Term("社会", "title")],
        [Term("李", "author")],
        [Filter("script", "traditional")],
        [Filter("format", "txt")],
        [DateRange("2024-08", "2024-12")],
    ]
    assert parse_query("published:2024").clauses == [[DateRange("2024", "2024")]]


def test_bad_syntax_degrades_with_a_hint() -> None:
    for text in ('"社会 工作', "OR 社会", "社会 OR", "published:soon", "colour:red 社会", "-社会"):
        q = parse_query(text)
        assert q.hint, text
    q = parse_query('"社会 工作')
    assert q.clauses == [[Term("社会")], [Term("工作")]]


def test_empty_query() -> None:
    assert parse_query("   ").empty


def test_tag_is_a_filter() -> None:
    parsed = parse_query("社会 tag:待读 -tag:Work")
    assert [Filter("tag", "待读")] in parsed.clauses
    assert parsed.excluded == [Filter("tag", "work")]
