"""Every per-user path, in one place, overridable by --db, environment and tests."""

from __future__ import annotations

import os
from pathlib import Path

APP_DIR_NAME = "CareerPlanner"
DB_ENV = "CAREER_PLANNER_DB"
HOME_ENV = "CAREER_PLANNER_HOME"  # moves all per-user files (used by tests and portable installs)


def user_data_dir() -> Path:
    """Where the database, backups and settings live by default."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override)
    import appdirs  # noqa: PLC0415 - only needed when no override is set

    return Path(appdirs.user_data_dir(APP_DIR_NAME, appauthor=False))


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """--db wins, then $CAREER_PLANNER_DB, then the user data dir."""
    if cli_value:
        return Path(cli_value).expanduser()
    env_value = os.environ.get(DB_ENV)
    if env_value:
        return Path(env_value).expanduser()
    return user_data_dir() / "planner.sqlite3"


def backups_dir(db_path: Path) -> Path:
    """Automatic and manual backups sit beside the database they copy."""
    return db_path.parent / f"{db_path.stem}-backups"


def attachments_dir(db_path: Path) -> Path:
    """Résumés, cover letters and certificates copied in by the user."""
    return db_path.parent / f"{db_path.stem}-files"


def settings_file() -> Path:
    """Window geometry and other view preferences (QSettings, INI format)."""
    return user_data_dir() / "window.ini"


def resource_dir() -> Path:
    """Bundled icons and catalogs: the checkout's resources/, or the installed copy."""
    checkout = Path(__file__).resolve().parent.parent / "resources"
    if checkout.is_dir():
        return checkout
    installed = Path(__file__).resolve().parent / "resources"
    return installed


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)
