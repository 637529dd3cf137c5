"""The local store: engine and sessions, pragmas, schema checks, migrations, backups.

Opening a file goes through `inspect_file` first, read-only: a damaged or foreign file
is reported and never written to. A new file gets the whole schema at once; an older
Career Planner file is backed up and then upgraded by the Alembic migrations shipped in
`planner/migrations`.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from . import paths
from .errors import UserError

if TYPE_CHECKING:  # SQLAlchemy is imported when a store is opened, not with this module,
    # so the window can paint before paying for it.
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session

# Written into the SQLite header (PRAGMA application_id) so we know our own files: "CPl1".
APPLICATION_ID = 0x43506C31
# The newest migration this build knows; tests check it equals Alembic's head.
SCHEMA_HEAD = "0001_initial"
KNOWN_REVISIONS = ("0001_initial",)
AUTO_BACKUPS_KEPT = 10
SQLITE_MAGIC = b"SQLite format 3\x00"


class DatabaseError(UserError):
    """A database problem the user must act on; str() is one clear sentence."""


class ForeignDatabaseError(DatabaseError):
    pass


class DamagedDatabaseError(DatabaseError):
    pass


class NewerSchemaError(DatabaseError):
    pass


@dataclass(frozen=True)
class FileState:
    kind: str  # "new" (absent or empty), "current", "old"
    revision: str | None = None


def _read_only_connection(path: Path) -> sqlite3.Connection:
    uri = path.resolve().as_uri() + "?mode=ro"
    return sqlite3.connect(uri, uri=True)


def inspect_file(path: Path, *, full_check: bool = False) -> FileState:
    """Tell what `path` holds without writing to it; raise DatabaseError if unusable."""
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return FileState("new")
    if not path.is_file():
        raise ForeignDatabaseError(f"{path} is not a file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise DatabaseError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header != SQLITE_MAGIC:
        raise ForeignDatabaseError(f"{path} is not a Career Planner database (not SQLite).")
    try:
        conn = _read_only_connection(path)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
            if app_id != APPLICATION_ID:
                if not tables:
                    return FileState("new")
                raise ForeignDatabaseError(
                    f"{path} is a SQLite database of another program, not Career Planner."
                )
            if full_check:
                result = conn.execute("PRAGMA integrity_check").fetchone()[0]
                if result != "ok":
                    raise DamagedDatabaseError(f"{path} is damaged ({result}).")
            revision = None
            if "alembic_version" in tables:
                row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
                revision = row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedDatabaseError(f"{path} is damaged or unreadable ({exc}).") from exc
    if revision not in KNOWN_REVISIONS:
        raise NewerSchemaError(
            f"{path} was written by a newer Career Planner (schema {revision}); "
            "update the app to open it."
        )
    return FileState("current" if revision == SCHEMA_HEAD else "old", revision)


def _on_connect(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def make_engine(path: Path) -> Engine:
    from sqlalchemy import create_engine, event

    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    return engine


class Store:
    """An open database: the engine, a session factory and where its side files go."""

    def __init__(self, path: Path, engine: Engine) -> None:
        self.path = path
        self.engine = engine
        from sqlalchemy.orm import sessionmaker

        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def session(self) -> Session:
        """A session for reading; use `transaction()` to write."""
        return self._sessions()

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One user action, one transaction: committed whole or rolled back whole."""
        with self._sessions() as session, session.begin():
            yield session

    @property
    def backups_dir(self) -> Path:
        return paths.backups_dir(self.path)

    @property
    def attachments_dir(self) -> Path:
        return paths.attachments_dir(self.path)

    def backup(self, dest: Path | None = None, *, label: str = "manual") -> Path:
        return backup_database(self.path, dest, label=label)

    def close(self) -> None:
        self.engine.dispose()


def open_store(path: Path) -> Store:
    """Open (creating or upgrading as needed) the database at `path`."""
    state = inspect_file(path)
    if state.kind == "new":
        _create(path)
    elif state.kind == "old":
        backup_database(path, label=f"before-upgrade-from-{state.revision}")
        upgrade(path)
    return Store(path, make_engine(path))


def _create(path: Path) -> None:
    from sqlalchemy.exc import DBAPIError
    from sqlalchemy.orm import Session

    from .models import Base
    from .services.stages import seed_default_stages

    existed = path.exists()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise DatabaseError(f"Cannot create folder {path.parent}: {exc.strerror or exc}.") from exc
    engine = make_engine(path)
    try:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            conn.exec_driver_sql(
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
                "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
            )
            conn.exec_driver_sql("INSERT INTO alembic_version VALUES (?)", (SCHEMA_HEAD,))
        with Session(engine) as session, session.begin():
            seed_default_stages(session)
    except (sqlite3.Error, OSError, DBAPIError) as exc:
        engine.dispose()
        if not existed:
            for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                with suppress(OSError):
                    leftover.unlink()
        raise DatabaseError(f"Cannot create a database at {path}: {exc}.") from exc
    finally:
        engine.dispose()


def alembic_config(path: Path):  # -> alembic.config.Config (alembic imported lazily)
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(Path(__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    return cfg


def upgrade(path: Path) -> None:
    """Run the shipped migrations up to SCHEMA_HEAD (after the caller took a backup)."""
    from alembic import command

    command.upgrade(alembic_config(path), "head")


# --- backups ---------------------------------------------------------------------------


def backup_database(db_path: Path, dest: Path | None = None, *, label: str = "manual") -> Path:
    """Copy the live database with SQLite's online backup API; atomic, never half-written.

    Without `dest` the copy goes into the backups folder and older automatic copies
    are rotated out (the newest AUTO_BACKUPS_KEPT are kept).
    """
    if dest is None:
        folder = paths.backups_dir(db_path)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
        dest = folder / f"{db_path.stem}-{stamp}-{label}.sqlite3"
    dest = dest.expanduser()
    try:
        dest.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".backup-", suffix=".tmp", dir=dest.parent)
        os.close(fd)
    except OSError as exc:
        raise DatabaseError(
            f"Cannot write a backup to {dest.parent}: {exc.strerror or exc}."
        ) from exc
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(db_path)
        dst = sqlite3.connect(tmp)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
            src.close()
        os.replace(tmp, dest)
    except (sqlite3.Error, OSError) as exc:
        with suppress(OSError):
            tmp.unlink()
        raise DatabaseError(f"Backup failed: {exc}.") from exc
    if dest.parent == paths.backups_dir(db_path):
        rotate_backups(db_path)
    return dest


def list_backups(db_path: Path) -> list[Path]:
    """Backups of `db_path`, newest first."""
    folder = paths.backups_dir(db_path)
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{db_path.stem}-*.sqlite3"), key=lambda p: p.name, reverse=True)


def rotate_backups(db_path: Path, keep: int = AUTO_BACKUPS_KEPT) -> None:
    automatic = [p for p in list_backups(db_path) if p.stem.endswith("-auto")]
    for old in automatic[keep:]:
        with suppress(OSError):
            old.unlink()


def restore_database(db_path: Path, source: Path) -> Path:
    """Replace the database at `db_path` with the backup `source`; returns the safety copy.

    The backup is checked fully first; the current database is itself backed up before
    it is overwritten, so a restore can be undone by restoring that copy.
    """
    source = source.expanduser()
    if not source.is_file():
        raise DatabaseError(f"{source} does not exist.")
    state = inspect_file(source, full_check=True)
    if state.kind == "new":
        raise ForeignDatabaseError(f"{source} is empty, not a Career Planner backup.")
    safety = None
    if db_path.exists() and db_path.stat().st_size > 0:
        inspect_file(db_path)  # never overwrite a foreign file
        safety = backup_database(db_path, label="before-restore")
    else:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    src = _read_only_connection(source)
    try:
        dst = sqlite3.connect(db_path)
        try:
            src.backup(dst)
        finally:
            dst.close()
    except sqlite3.Error as exc:
        raise DatabaseError(f"Restore failed, the database is unchanged: {exc}.") from exc
    finally:
        src.close()
    if state.kind == "old":
        upgrade(db_path)
    return safety or db_path
