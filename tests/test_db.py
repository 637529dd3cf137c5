"""Opening, creating, refusing and upgrading database files; backups and restores."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import create_engine, func, select

from planner import db
from planner.models import Application, Base, Stage


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_database_has_schema_stamp_and_default_stages(db_path):
    store = db.open_store(db_path)
    with store.session() as session:
        keys = [s.key for s in session.scalars(select(Stage).order_by(Stage.position))]
    store.close()
    assert keys[:6] == ["saved", "applied", "screening", "interviewing", "offer", "accepted"]
    assert {"rejected", "withdrawn", "ghosted"} <= set(keys)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == db.APPLICATION_ID
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == db.SCHEMA_HEAD
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    conn.close()


def test_foreign_keys_are_enforced_on_every_connection(store):
    with store.session() as session:
        assert session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_a_text_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "notes.sqlite3"
    path.write_text("my notes, not a database\n")
    before = _digest(path)
    with pytest.raises(db.ForeignDatabaseError, match="not a Career Planner database"):
        db.open_store(path)
    assert _digest(path) == before


def test_another_programs_sqlite_file_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.commit()
    conn.close()
    before = _digest(path)
    with pytest.raises(db.ForeignDatabaseError, match="another program"):
        db.open_store(path)
    assert _digest(path) == before
    assert not Path(f"{path}-wal").exists()


def test_a_damaged_database_is_refused_and_left_untouched(demo_store, tmp_path):
    path = tmp_path / "damaged.sqlite3"
    demo_store.backup(path)
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # wreck the first page after the header
    path.write_bytes(bytes(data))
    before = _digest(path)
    with pytest.raises(db.DatabaseError):
        db.open_store(path)
    assert _digest(path) == before


def test_a_database_from_a_newer_app_is_refused(db_path):
    db.open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    conn.commit()
    conn.close()
    with pytest.raises(db.NewerSchemaError, match="newer Career Planner"):
        db.open_store(db_path)


def test_migrations_from_an_empty_database_build_the_models_schema(tmp_path):
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext
    from alembic.script import ScriptDirectory

    path = tmp_path / "migrated.sqlite3"
    db.upgrade(path)
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        stages = conn.execute(select(func.count()).select_from(Stage)).scalar()
    engine.dispose()
    assert diff == []
    assert stages == 9
    heads = ScriptDirectory.from_config(db.alembic_config(path)).get_heads()
    assert heads == [db.SCHEMA_HEAD]
    assert db.inspect_file(path).kind == "current"


def test_an_older_database_is_backed_up_then_upgraded(tmp_path, monkeypatch):
    path = tmp_path / "old.sqlite3"
    db.upgrade(path)
    # Pretend this build knows a newer head: the file at 0001 is then "old".
    monkeypatch.setattr(db, "SCHEMA_HEAD", "0002_future")
    monkeypatch.setattr(db, "KNOWN_REVISIONS", ("0001_initial", "0002_future"))
    calls = []
    monkeypatch.setattr(db, "upgrade", lambda p: calls.append(p))
    db.open_store(path).close()
    assert calls == [path]
    backups = db.list_backups(path)
    assert len(backups) == 1 and "before-upgrade" in backups[0].name


def test_backup_copies_the_data_and_rotation_keeps_the_newest(demo_store):
    for _ in range(db.AUTO_BACKUPS_KEPT + 3):
        demo_store.backup(label="auto")
    manual = demo_store.backup()
    backups = db.list_backups(demo_store.path)
    assert len([b for b in backups if b.stem.endswith("-auto")]) == db.AUTO_BACKUPS_KEPT
    assert manual in backups
    conn = sqlite3.connect(manual)
    assert conn.execute("SELECT count(*) FROM applications").fetchone()[0] == 40
    conn.close()


def test_restore_brings_back_the_backup_and_keeps_a_safety_copy(demo_store):
    backup = demo_store.backup()
    with demo_store.transaction() as session:
        session.add(Application(company="Added after the backup"))
    demo_store.close()
    safety = db.restore_database(demo_store.path, backup)
    store = db.open_store(demo_store.path)
    with store.session() as session:
        assert session.scalar(select(func.count()).select_from(Application)) == 40
    store.close()
    conn = sqlite3.connect(safety)
    assert conn.execute("SELECT count(*) FROM applications").fetchone()[0] == 41
    conn.close()


def test_restoring_from_a_foreign_file_changes_nothing(demo_store, tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    before = _digest(demo_store.path)
    with pytest.raises(db.ForeignDatabaseError):
        db.restore_database(demo_store.path, junk)
    assert _digest(demo_store.path) == before
    assert db.list_backups(demo_store.path) == []
