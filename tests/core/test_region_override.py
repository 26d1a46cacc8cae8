"""The per-document regional standard the user chooses for the 简体 view (issue 14, defect 7).

The choice lives in the document's ``meta.json`` as ``user.region`` with its edit time
in ``user_modified``, so it follows the library to another machine and merges from a
sync tool's conflict copy like the other user edits.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library import Library
from desktop.core.records import REGION_CHOICES, record_from_meta, validate_meta
from desktop.core.views import ViewOptions, build_view
from desktop.core.views.region import REGIONS, detect_region

#: Taiwan-standard text: 著 as the particle (說著, 看著) and 裡 tell it.
TAIWAN_TEXT = "他說著就走了。這裡的人們都看著他。\n" * 3
SYNCTHING_COPY = "meta.sync-conflict-20250101-120000-ABCDEFG.json"


@pytest.fixture
def library(library_dir: Path, tmp_path: Path) -> Library:
    source = tmp_path / "臺灣小說.txt"
    source.write_text(TAIWAN_TEXT, "utf-8")
    lib = Library.open(library_dir)
    assert lib.add_file(source).status == "imported"
    return lib


def _doc_id(lib: Library) -> str:
    return lib.documents()[0].id


def _meta(lib: Library, doc_id: str) -> dict:  # type: ignore[type-arg]
    return json.loads((lib.doc_dir(doc_id) / "meta.json").read_text("utf-8"))


def test_choices_are_the_views_regions() -> None:
    """records.py names the choices without importing the views pipeline (CLI start-up)."""
    assert REGION_CHOICES == REGIONS


def test_override_is_stored_in_meta_json_and_survives_reopening(library: Library) -> None:
    doc_id = _doc_id(library)
    assert library.get(doc_id).region is None  # nothing chosen: detected
    record = library.set_region(doc_id, "general")
    assert record.region == "general" == library.get(doc_id).region
    meta = _meta(library, doc_id)
    assert meta["user"]["region"] == "general"
    assert meta["user_modified"]["region"].endswith("Z")
    assert Library.open(library.root).get(doc_id).region == "general"


def test_clearing_the_override_goes_back_to_detection(library: Library) -> None:
    doc_id = _doc_id(library)
    library.set_region(doc_id, "hongkong")
    record = library.set_region(doc_id, None)
    assert record.region is None
    meta = _meta(library, doc_id)
    assert "region" not in meta["user"]
    assert "region" in meta["user_modified"]  # the clearing is an edit too: it merges
    assert Library.open(library.root).get(doc_id).region is None


def test_unknown_region_is_refused_and_nothing_changes(library: Library) -> None:
    doc_id = _doc_id(library)
    before = (library.doc_dir(doc_id) / "meta.json").read_bytes()
    with pytest.raises(ValueError, match="mars"):
        library.set_region(doc_id, "mars")
    assert (library.doc_dir(doc_id) / "meta.json").read_bytes() == before


def test_setting_the_override_tells_listeners(library: Library) -> None:
    doc_id = _doc_id(library)
    events: list[tuple[str, str]] = []
    library.subscribe(lambda event, changed: events.append((event, changed)))
    library.set_region(doc_id, "taiwan")
    assert events == [("meta-changed", doc_id)]


def _conflict_copy(lib: Library, doc_id: str, region: str | None, when: str) -> Path:
    meta = _meta(lib, doc_id)
    if region is None:
        meta["user"].pop("region", None)
    else:
        meta["user"]["region"] = region
    meta.setdefault("user_modified", {})["region"] = when
    copy = lib.doc_dir(doc_id) / SYNCTHING_COPY
    copy.write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    return copy


def test_newer_override_in_a_conflict_copy_wins(library: Library) -> None:
    doc_id = _doc_id(library)
    library.set_region(doc_id, "general")
    copy = _conflict_copy(library, doc_id, "hongkong", "2999-01-01T00:00:00.000Z")
    reopened = Library.open(library.root)
    assert reopened.get(doc_id).region == "hongkong"
    assert not copy.exists()
    assert any(SYNCTHING_COPY in w and "region" in w for w in reopened.warnings)


def test_older_override_in_a_conflict_copy_loses(library: Library) -> None:
    doc_id = _doc_id(library)
    library.set_region(doc_id, "general")
    _conflict_copy(library, doc_id, "hongkong", "2000-01-01T00:00:00.000Z")
    assert Library.open(library.root).get(doc_id).region == "general"


def test_newer_clearing_in_a_conflict_copy_wins(library: Library) -> None:
    doc_id = _doc_id(library)
    library.set_region(doc_id, "general")
    _conflict_copy(library, doc_id, None, "2999-01-01T00:00:00.000Z")
    assert Library.open(library.root).get(doc_id).region is None


def test_override_is_kept_when_a_damaged_meta_json_is_rebuilt(library: Library) -> None:
    doc_id = _doc_id(library)
    library.set_region(doc_id, "hongkong")
    folder = library.doc_dir(doc_id)
    (folder / "meta.json.bak").unlink()
    meta = _meta(library, doc_id)
    meta["chapters"] = "not a list"  # damaged: rebuilt from the original, edits salvaged
    (folder / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
    reopened = Library.open(library.root)
    assert any(doc_id[:12] in w and "rebuilt" in w for w in reopened.warnings)
    assert reopened.get(doc_id).region == "hongkong"


def test_a_region_that_is_not_text_is_a_damaged_meta_json(library: Library) -> None:
    meta = _meta(library, _doc_id(library))
    meta["user"]["region"] = 3
    with pytest.raises(ValueError, match=r"user\.region"):
        validate_meta(meta)


def test_a_region_from_a_newer_tongwen_is_ignored_not_lost(library: Library) -> None:
    """An unknown name (a later version's standard) means "detect"; the file keeps it."""
    doc_id = _doc_id(library)
    meta = _meta(library, doc_id)
    meta["user"]["region"] = "macau"
    validate_meta(meta)
    assert record_from_meta(meta).region is None
    (library.doc_dir(doc_id) / "meta.json").write_text(json.dumps(meta), "utf-8")
    Library.open(library.root).update_meta(doc_id, author="某人")
    assert _meta(library, doc_id)["user"]["region"] == "macau"


def test_override_changes_the_simplified_view(library: Library) -> None:
    """The chosen standard is what the 简体 view converts from (t2s keeps 說著)."""
    doc_id = _doc_id(library)
    text = library.text(doc_id)
    assert detect_region(text).region == "taiwan"
    detected = build_view(text, ViewOptions(script="simplified"))
    assert "说着" in detected.text and detected.region == "taiwan"
    region = library.set_region(doc_id, "general").region
    chosen = build_view(text, ViewOptions(script="simplified", region=region))
    assert "说著" in chosen.text and chosen.region == "general"
