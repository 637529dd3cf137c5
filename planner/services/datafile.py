"""The whole database as one versioned JSON document (see docs/data-format.md).

Export walks every table of the schema in dependency order; import checks the whole
document first, then replaces the database content in one transaction, so a bad file
changes nothing.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    Float,
    Integer,
    String,
    Table,
    Text,
    delete,
    func,
    select,
)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import __version__
from ..db import SCHEMA_HEAD, Store
from ..errors import UserError
from ..models import Base
from ..models.applications import DEFAULT_STAGES
from .stages import seed_default_stages

FORMAT_NAME = "career-planner-data"
FORMAT_VERSION = 1


class DataFileError(UserError):
    """The file cannot be imported; str() says why, in one line."""


def _tables() -> list[Table]:
    return list(Base.metadata.sorted_tables)


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def export_document(session: Session) -> dict[str, Any]:
    tables: dict[str, list[dict[str, Any]]] = {}
    for table in _tables():
        names = [c.name for c in table.columns]
        order = list(table.primary_key.columns)
        rows = session.execute(select(*table.columns).order_by(*order))
        tables[table.name] = [
            {name: _to_json(value) for name, value in zip(names, row, strict=True)} for row in rows
        ]
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "schema": SCHEMA_HEAD,
        "app_version": __version__,
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "tables": tables,
    }


def write_json_atomically(document: Any, out: Path) -> None:
    """Write JSON to a temporary file beside `out`, then move it in place."""
    out = out.expanduser()
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{out.name}-", suffix=".tmp", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(document, fh, ensure_ascii=False, indent=1)
            fh.write("\n")
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def export_data(store: Store, out: Path) -> dict[str, int]:
    """Write the whole database to `out`; returns row counts per table."""
    with store.session() as session:
        document = export_document(session)
    try:
        write_json_atomically(document, out)
    except OSError as exc:
        raise DataFileError(f"Cannot write {out}: {exc.strerror or exc}.") from exc
    return {name: len(rows) for name, rows in document["tables"].items()}


# --- import ---------------------------------------------------------------------------


def _convert(table: str, column, value: Any, where: str) -> Any:  # noqa: ANN001
    if value is None:
        if not column.nullable and not column.primary_key:
            raise DataFileError(f"{where}: {column.name} must not be empty.")
        return None
    kind = column.type
    try:
        if isinstance(kind, DateTime):
            if not isinstance(value, str):
                raise TypeError
            parsed = datetime.fromisoformat(value)
            return parsed.replace(tzinfo=None) if parsed.tzinfo else parsed
        if isinstance(kind, Date):
            if not isinstance(value, str):
                raise TypeError
            return date.fromisoformat(value)
        if isinstance(kind, Boolean):
            if not isinstance(value, bool):
                raise TypeError
            return value
        if isinstance(kind, Integer):
            if isinstance(value, bool) or not isinstance(value, int):
                raise TypeError
            return value
        if isinstance(kind, Float):
            if (
                isinstance(value, bool)
                or not isinstance(value, int | float)
                or not math.isfinite(value)
            ):
                raise TypeError
            return float(value)
        if isinstance(kind, String | Text):
            if not isinstance(value, str):
                raise TypeError
            return value
    except (TypeError, ValueError):
        raise DataFileError(f"{where}: {column.name} has an invalid value {value!r}.") from None
    return value


def parse_document(document: Any) -> dict[str, list[dict[str, Any]]]:
    """Check a loaded document and convert its values; raise DataFileError on any fault."""
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise DataFileError("This is not a Career Planner data file.")
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise DataFileError("The data file has no valid format version.")
    if version > FORMAT_VERSION:
        raise DataFileError(
            f"The data file is format version {version}; this app reads up to {FORMAT_VERSION}. "
            "Update Career Planner."
        )
    raw_tables = document.get("tables")
    if not isinstance(raw_tables, dict):
        raise DataFileError("The data file has no tables.")
    known = {t.name: t for t in _tables()}
    unknown = sorted(set(raw_tables) - set(known))
    if unknown:
        raise DataFileError(f"The data file has unknown tables: {', '.join(unknown)}.")
    parsed: dict[str, list[dict[str, Any]]] = {}
    for name, table in known.items():
        rows = raw_tables.get(name, [])
        if not isinstance(rows, list):
            raise DataFileError(f"Table {name} is not a list of rows.")
        columns = {c.name: c for c in table.columns}
        out = []
        for index, row in enumerate(rows, start=1):
            where = f"{name} row {index}"
            if not isinstance(row, dict):
                raise DataFileError(f"{where} is not an object.")
            extra = sorted(set(row) - set(columns))
            if extra:
                raise DataFileError(f"{where} has unknown fields: {', '.join(extra)}.")
            converted = {}
            for col_name, column in columns.items():
                if col_name not in row:
                    if column.default is None and not column.nullable and not column.primary_key:
                        raise DataFileError(f"{where} lacks {col_name}.")
                    continue
                converted[col_name] = _convert(name, column, row[col_name], where)
            out.append(converted)
        parsed[name] = out
    return parsed


def load_document(path: Path) -> Any:
    try:
        raw = path.expanduser().read_bytes()
    except OSError as exc:
        raise DataFileError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise DataFileError(f"{path} is not a text file.") from None
    except json.JSONDecodeError as exc:
        raise DataFileError(f"{path} is not valid JSON (line {exc.lineno}: {exc.msg}).") from None


def holds_user_data(session: Session) -> bool:
    """True when any table other than the default stages has rows."""
    for table in _tables():
        if table.name == "stages":
            custom = session.scalar(
                select(func.count())
                .select_from(table)
                .where(table.c.key.not_in([key for key, _n, _o in DEFAULT_STAGES]))
            )
            if custom:
                return True
            continue
        if session.scalar(select(func.count()).select_from(table)):
            return True
    return False


def import_data(store: Store, path: Path, *, replace: bool = False) -> dict[str, int]:
    """Load a data file into the database; all or nothing. Returns rows per table."""
    parsed = parse_document(load_document(path))
    with store.session() as session:
        if holds_user_data(session) and not replace:
            raise DataFileError(
                "The database already holds data; import into an empty database "
                "or pass --replace (a backup is taken first)."
            )
    if replace:
        store.backup(label="before-import")
    try:
        with store.transaction() as session:
            for table in reversed(_tables()):
                session.execute(delete(table))
            for table in _tables():
                rows = parsed[table.name]
                if rows:
                    session.execute(table.insert(), rows)
            if not parsed["stages"]:
                seed_default_stages(session)
    except IntegrityError as exc:
        detail = str(exc.orig) if exc.orig else str(exc)
        raise DataFileError(
            f"The data file is inconsistent ({detail}); nothing was imported."
        ) from None
    return {name: len(rows) for name, rows in parsed.items()}
