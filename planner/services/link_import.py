"""Importing job links: read sources, plan (de-duplicate against the batch and the
database), then write everything in one transaction — or nothing.

Parsing lives in `link_sources` (formats) and `links` (URLs); this module is the bridge
to the database, used by the CLI and by the window's import dialog alike.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Application, Stage, StatusChange, Tag, utcnow
from ..models.tags import application_tags
from .link_sources import Candidate, ParseResult, Rejection, SourceError, dedupe, parse_source
from .links import LinkError, parse_link

MAX_SOURCE_BYTES = 64 * 1024 * 1024
# Browsers' own top folders say nothing about the job; they are not kept as tags.
BROWSER_ROOT_FOLDERS = frozenset(
    {
        "bookmarks bar",
        "bookmarks toolbar",
        "bookmarks menu",
        "favorites bar",
        "favourites bar",
        "favorites",
        "favourites",
        "other bookmarks",
        "mobile bookmarks",
        "reading list",
        "unsorted bookmarks",
        "other favorites",
    }
)
PROGRESS_EVERY = 500


class LinkImportError(UserError):
    """A source that cannot be imported at all (unreadable, unsupported)."""


class ImportCancelled(UserError):
    def __init__(self) -> None:
        super().__init__("Import cancelled; nothing was added.")


@dataclass(slots=True)
class Duplicate:
    candidate: Candidate
    existing_id: int | None  # the application already in the database, if any
    existing_label: str  # "Acme — Remote PM" or "an earlier line of this import"
    first: Candidate | None = None  # for a duplicate inside the batch: the one kept


@dataclass(slots=True)
class ImportPlan:
    to_add: list[Candidate]
    duplicates: list[Duplicate]
    rejected: list[Rejection]
    folders: list[tuple[str, ...]] = field(default_factory=list)
    added_ids: list[int] = field(default_factory=list)  # filled in by `write_plan`

    def report(self) -> dict[str, list[dict[str, object]]]:
        """The `import-links --json` document."""
        ids = self.added_ids or [None] * len(self.to_add)
        kept_id = {id(c): i for c, i in zip(self.to_add, ids, strict=True)}
        return {
            "added": [
                {
                    "id": app_id,
                    "url": c.link.url,
                    "board": c.link.board,
                    "company": company_for(c),
                    "external_id": c.link.external_id,
                    "title": c.title or "",
                }
                for c, app_id in zip(self.to_add, ids, strict=True)
            ],
            "duplicates": [
                {
                    "url": d.candidate.link.url,
                    "existing_id": d.existing_id
                    if d.existing_id is not None
                    else kept_id.get(id(d.first)),
                }
                for d in self.duplicates
            ],
            "rejected": [{"input": r.input, "reason": r.reason} for r in self.rejected],
        }


# --- reading sources ------------------------------------------------------------------


def read_source(
    source: str | Path, *, folder: str | None = None, stdin: bytes | None = None
) -> ParseResult:
    """One SOURCE of `import-links`: a URL, a file path, or '-' for standard input."""
    text = str(source)
    try:
        if text == "-":
            data = stdin if stdin is not None else sys.stdin.buffer.read(MAX_SOURCE_BYTES + 1)
            return parse_source(_capped(data, "standard input"), None, folder=folder)
        path = Path(text).expanduser()
        if not path.exists() and re.match(r"^[a-z][a-z0-9+.\-]*:", text, re.I):
            return parse_source(text, None)  # a URL (or a bad scheme, rejected with a reason)
        try:
            if path.is_dir():
                raise LinkImportError(
                    f"{path} is a folder; give a file of links, bookmarks, CSV or page."
                )
            with path.open("rb") as fh:
                data = fh.read(MAX_SOURCE_BYTES + 1)
        except OSError as exc:
            raise LinkImportError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
        return parse_source(_capped(data, str(path)), path.name, folder=folder)
    except SourceError as exc:
        raise LinkImportError(f"{text if text != '-' else 'standard input'}: {exc}") from exc


def _capped(data: bytes, name: str) -> bytes:
    if len(data) > MAX_SOURCE_BYTES:
        raise LinkImportError(f"{name} is larger than {MAX_SOURCE_BYTES // (1024 * 1024)} MB.")
    return data


def merge(results: Iterable[ParseResult]) -> ParseResult:
    candidates, rejected, folders = [], [], []
    kinds = set()
    for result in results:
        candidates += result.candidates
        rejected += result.rejected
        folders += [f for f in result.folders if f not in folders]
        kinds.add(result.kind)
    return ParseResult(candidates, rejected, folders, kinds.pop() if len(kinds) == 1 else "mixed")


# --- planning ---------------------------------------------------------------------------


def _chunks(items: list, size: int = 900) -> Iterable[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _existing_keys(
    session: Session, candidates: list[Candidate]
) -> dict[tuple[str, ...], tuple[int, str]]:
    """Applications already stored that share a duplicate key with a candidate."""
    found: dict[tuple[str, ...], tuple[int, str]] = {}
    urls = sorted({c.link.url for c in candidates})
    job_ids = sorted({c.link.external_id for c in candidates if c.link.external_id})
    a = Application
    columns = (a.id, a.company, a.title, a.posting_url, a.board, a.external_id)
    rows = []
    for column, values in ((a.posting_url, urls), (a.external_id, job_ids)):
        for chunk in _chunks(values):
            rows += session.execute(select(*columns).where(column.in_(chunk))).all()
    for app_id, company, title, url, board, external_id in rows:
        label = f"{company} — {title}" if title else company
        keys = set()
        if url:
            keys.add(("url", url))
            with suppress(LinkError):
                keys.add(parse_link(url).key)
        if board and external_id and not url:
            keys.add(("board", board, "", external_id))
        for key in keys:
            found.setdefault(key, (app_id, label))
    return found


def plan_import(session: Session, parsed: ParseResult) -> ImportPlan:
    """Sort candidates into new, duplicate (in the batch or the database) and rejected."""
    kept, dropped = dedupe(parsed.candidates)
    existing = _existing_keys(session, kept)
    to_add, duplicates = [], []
    for candidate in kept:
        hit = existing.get(candidate.link.key) or existing.get(("url", candidate.link.url))
        if hit is None:
            to_add.append(candidate)
        else:
            duplicates.append(Duplicate(candidate, hit[0], hit[1]))
    for candidate, first in dropped:
        hit = existing.get(first.link.key) or existing.get(("url", first.link.url))
        if hit is not None:
            duplicates.append(Duplicate(candidate, hit[0], hit[1]))
        else:
            duplicates.append(Duplicate(candidate, None, "an earlier link of this import", first))
    return ImportPlan(to_add, duplicates, list(parsed.rejected), list(parsed.folders))


# --- writing ----------------------------------------------------------------------------

_SLUG_SPLIT = re.compile(r"[-_.\s]+")


def company_for(candidate: Candidate) -> str:
    """The company name to store: from the source, else from the URL's slug or host."""
    if candidate.company_name and candidate.company_name.strip():
        return candidate.company_name.strip()[:200]
    slug = candidate.link.company
    if not slug:
        host = re.sub(r"^(www|jobs|careers|boards|apply)\.", "", candidate.link.url.split("/")[2])
        slug = host.split(".")[0] if "." in host else host
    words = [w for w in _SLUG_SPLIT.split(slug) if w]
    return " ".join(w if w.isupper() else w.capitalize() for w in words)[:200] or "Unknown company"


def write_plan(
    session: Session,
    plan: ImportPlan,
    *,
    status: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[int]:
    """Insert every planned application (inside the caller's transaction); returns ids.

    Raises ImportCancelled when `cancelled()` turns true; the caller's transaction then
    rolls back and the database is as it was.
    """
    stages = set(session.scalars(select(Stage.key)))
    if status is not None and status not in stages:
        raise LinkImportError(f"Unknown stage {status!r}; stages are: {', '.join(sorted(stages))}.")
    now = utcnow()
    total = len(plan.to_add)
    tag_ids = {name: tag_id for tag_id, name in session.execute(select(Tag.id, Tag.name))}
    ids: list[int] = []
    for start in range(0, total, PROGRESS_EVERY):
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        batch = plan.to_add[start : start + PROGRESS_EVERY]
        rows = []
        for c in batch:
            stage = status or (c.status if c.status in stages else "saved")
            when = (
                datetime.combine(c.applied_on, time(9))
                if stage == "applied" and c.applied_on
                else now
            )
            rows.append(
                {
                    "company": company_for(c),
                    "title": (c.title or "")[:300],
                    "status": stage,
                    "posting_url": c.link.url,
                    "board": c.link.board,
                    "external_id": c.link.external_id,
                    "location": c.location,
                    "work_mode": c.work_mode,
                    "remote_region": c.remote_region,
                    "salary_min": c.salary_min,
                    "salary_max": c.salary_max,
                    "salary_currency": c.salary_currency,
                    "salary_period": c.salary_period,
                    "employment_type": c.employment_type,
                    "source": c.source,
                    "date_posted": c.date_posted,
                    "valid_through": c.valid_through,
                    "applied_on": (c.applied_on or now.date())
                    if stage == "applied"
                    else c.applied_on,
                    "notes": "",
                    "posting_snapshot": c.description,
                    "last_activity_at": when,
                    "created_at": now,
                    "updated_at": now,
                }
            )
        new_ids = list(
            session.scalars(
                insert(Application).returning(Application.id, sort_by_parameter_order=True), rows
            )
        )
        session.execute(
            insert(StatusChange),
            [
                {
                    "application_id": app_id,
                    "from_status": None,
                    "to_status": row["status"],
                    "at": row["last_activity_at"],
                    "note": "imported",
                    "created_at": now,
                    "updated_at": now,
                }
                for app_id, row in zip(new_ids, rows, strict=True)
            ],
        )
        links = []
        for app_id, c in zip(new_ids, batch, strict=True):
            names = (t.strip()[:100] for t in c.tags if t.strip())
            for name in dict.fromkeys(n for n in names if n.casefold() not in BROWSER_ROOT_FOLDERS):
                if name not in tag_ids:
                    tag = Tag(name=name)
                    session.add(tag)
                    session.flush()
                    tag_ids[name] = tag.id
                links.append({"application_id": app_id, "tag_id": tag_ids[name], "created_at": now})
        if links:
            session.execute(application_tags.insert(), links)
        ids += new_ids
        if progress is not None:
            progress(len(ids), total)
    plan.added_ids = ids
    return ids


def import_links(
    store,  # noqa: ANN001 - planner.db.Store
    parsed: ParseResult,
    *,
    status: str | None = None,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> ImportPlan:
    """Plan and (unless `dry_run`) write an import in one transaction."""
    if dry_run:
        with store.session() as session:
            return plan_import(session, parsed)
    with store.transaction() as session:
        plan = plan_import(session, parsed)
        write_plan(session, plan, status=status, progress=progress, cancelled=cancelled)
    return plan
