"""The JSON data file: a round trip loses nothing; a bad file changes nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, select

from planner.db import open_store
from planner.models import Application
from planner.services.datafile import DataFileError, export_data, import_data


def _content(path: Path) -> dict:
    document = json.loads(path.read_text("utf-8"))
    document.pop("exported_at")
    return document


def test_export_import_export_gives_the_same_content(demo_store, tmp_path):
    first, second = tmp_path / "a.json", tmp_path / "b.json"
    counts = export_data(demo_store, first)
    assert counts["applications"] == 40 and counts["status_changes"] > 40
    fresh = open_store(tmp_path / "fresh.sqlite3")
    import_data(fresh, first)
    export_data(fresh, second)
    fresh.close()
    assert _content(first) == _content(second)


def test_import_refuses_a_database_that_holds_data(demo_store, tmp_path):
    out = tmp_path / "a.json"
    export_data(demo_store, out)
    with pytest.raises(DataFileError, match="already holds data"):
        import_data(demo_store, out)


def test_import_with_replace_takes_a_backup_first(demo_store, tmp_path):
    out = tmp_path / "a.json"
    export_data(demo_store, out)
    import_data(demo_store, out, replace=True)
    assert demo_store.backups_dir.exists()
    with demo_store.session() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 40


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json", "not valid JSON"),
        ('{"format": "something-else"}', "not a Career Planner data file"),
        ('{"format": "career-planner-data", "version": 99, "tables": {}}', "Update Career Planner"),
        (
            '{"format": "career-planner-data", "version": 1, "tables": {"aliens": []}}',
            "unknown tables",
        ),
        (
            '{"format": "career-planner-data", "version": 1, "tables": {"applications": '
            '[{"id": 1, "company": "A", "applied_on": "yesterday"}]}}',
            "invalid value",
        ),
        (
            '{"format": "career-planner-data", "version": 1, "tables": {"applications": '
            '[{"id": 1, "company": "A", "status": "nowhere"}]}}',
            "inconsistent",
        ),
    ],
)
def test_a_bad_data_file_is_refused_and_the_database_is_unchanged(
    store, tmp_path, content, message
):
    bad = tmp_path / "bad.json"
    bad.write_text(content)
    with pytest.raises(DataFileError, match=message):
        import_data(store, bad)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 0


def test_export_never_leaves_a_half_written_file(demo_store, tmp_path, monkeypatch):
    out = tmp_path / "out.json"
    out.write_text("previous export")

    def explode(*_a, **_k):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(json, "dump", explode)
    with pytest.raises(DataFileError, match="No space left"):
        export_data(demo_store, out)
    assert out.read_text() == "previous export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.json")] == []
