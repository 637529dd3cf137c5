"""Job-application use cases: create, edit, move in the pipeline, follow-ups, undoable delete.

Every function takes an open Session inside the caller's transaction; the caller (CLI,
window, importer) decides where one user action begins and ends.
"""

from __future__ import annotations

import json
import re
import statistics
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from sqlalchemy import Table, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import (
    Application,
    ApplicationActivity,
    ApplicationContact,
    Attachment,
    Interview,
    Setting,
    Stage,
    StatusChange,
    utcnow,
)
from ..models.applications import EMPLOYMENT_TYPES, SALARY_PERIODS, WORK_MODES
from ..models.tags import application_tags

FOLLOW_UP_AFTER_APPLIED_DAYS = 7
FOLLOW_UP_OVERALL_DAYS = 21
# Outcome groups whose applications no longer need follow-ups.
CLOSED_OUTCOMES = ("won", "lost")


class ValidationError(UserError):
    """Field problems found before saving; `problems` maps field -> message."""

    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


# --- validation ----------------------------------------------------------------------

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def valid_http_url(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and " " not in url.strip()


def validate_fields(fields: dict[str, Any], *, today: date | None = None) -> dict[str, str]:
    """Problems with an application's fields, as {field: message}; empty when all is well."""
    today = today or date.today()
    problems: dict[str, str] = {}
    if "company" in fields and not (fields["company"] or "").strip():
        problems["company"] = "Company is required."
    lo, hi = fields.get("salary_min"), fields.get("salary_max")
    for name, value in (("salary_min", lo), ("salary_max", hi)):
        if value is not None and value < 0:
            problems[name] = "Salary cannot be negative."
    if lo is not None and hi is not None and lo > hi:
        problems["salary_max"] = "Salary maximum is below the minimum."
    currency = fields.get("salary_currency")
    if currency and not _CURRENCY.match(currency):
        problems["salary_currency"] = "Currency must be a 3-letter code such as USD or EUR."
    applied = fields.get("applied_on")
    if applied is not None and applied > today:
        problems["applied_on"] = "The date applied cannot be in the future."
    url = fields.get("posting_url")
    if url and not valid_http_url(url):
        problems["posting_url"] = "The posting URL must be a full http(s) link."
    overlap = fields.get("overlap_hours")
    if overlap is not None and not 0 <= overlap <= 24:
        problems["overlap_hours"] = "Hours of overlap must be between 0 and 24."
    for name, allowed in (
        ("work_mode", WORK_MODES),
        ("salary_period", SALARY_PERIODS),
        ("employment_type", EMPLOYMENT_TYPES),
    ):
        if fields.get(name) and fields[name] not in allowed:
            problems[name] = f"Unknown {name.replace('_', ' ')} {fields[name]!r}."
    for name in ("priority", "excitement"):
        value = fields.get(name)
        if value is not None and not 0 <= value <= 5:
            problems[name] = f"{name.title()} must be between 0 and 5."
    return problems


# --- create, edit, move ----------------------------------------------------------------


def get_stage(session: Session, key: str) -> Stage:
    stage = session.get(Stage, key)
    if stage is None:
        raise ValidationError({"status": f"Unknown stage {key!r}."})
    return stage


def create_application(session: Session, *, status: str = "saved", **fields: Any) -> Application:
    problems = validate_fields({"company": fields.get("company", ""), **fields})
    if problems:
        raise ValidationError(problems)
    get_stage(session, status)
    now = utcnow()
    if status == "applied" and fields.get("applied_on") is None:
        fields["applied_on"] = date.today()
    app = Application(status=status, last_activity_at=now, **fields)
    app.history.append(StatusChange(from_status=None, to_status=status, at=now))
    session.add(app)
    session.flush()
    return app


def update_application(session: Session, app: Application, **changes: Any) -> Application:
    """Apply field changes (not status: use `change_status`)."""
    changes.pop("status", None)
    merged = {name: getattr(app, name) for name in ("company", "salary_min", "salary_max")}
    merged.update(changes)
    problems = validate_fields(merged)
    if problems:
        raise ValidationError(problems)
    for name, value in changes.items():
        setattr(app, name, value)
    app.last_activity_at = utcnow()
    return app


def change_status(
    session: Session,
    app: Application,
    status: str,
    *,
    at: datetime | None = None,
    note: str | None = None,
) -> StatusChange | None:
    """Move `app` to `status`, appending to its history; None if it is there already."""
    if app.status == status:
        return None
    get_stage(session, status)
    at = at or utcnow()
    change = StatusChange(
        application_id=app.id, from_status=app.status, to_status=status, at=at, note=note
    )
    session.add(change)
    app.status = status
    app.last_activity_at = at
    if status == "applied" and app.applied_on is None:
        app.applied_on = at.date()
    return change


def log_activity(
    session: Session, app: Application, summary: str, *, at: datetime | None = None
) -> ApplicationActivity:
    summary = summary.strip()
    if not summary:
        raise ValidationError({"summary": "Say what you did (e.g. 'Sent a follow-up email')."})
    at = at or utcnow()
    activity = ApplicationActivity(application_id=app.id, summary=summary, at=at)
    session.add(activity)
    app.last_activity_at = max(app.last_activity_at, at)
    return activity


# --- follow-up clock -------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpRule:
    after_applied_days: int = FOLLOW_UP_AFTER_APPLIED_DAYS
    overall_days: int = FOLLOW_UP_OVERALL_DAYS


def follow_up_rule(session: Session) -> FollowUpRule:
    row = session.get(Setting, "follow_up")
    if row is None:
        return FollowUpRule()
    try:
        data = json.loads(row.value)
        return FollowUpRule(int(data["after_applied_days"]), int(data["overall_days"]))
    except (ValueError, KeyError, TypeError):
        return FollowUpRule()


def set_follow_up_rule(session: Session, rule: FollowUpRule) -> None:
    if rule.after_applied_days < 1 or rule.overall_days < 1:
        raise ValidationError({"follow_up": "Follow-up intervals must be at least one day."})
    session.merge(Setting(key="follow_up", value=json.dumps(rule.__dict__)))


def follow_up_due(
    status: str, outcome: str, last_activity_at: datetime, now: datetime, rule: FollowUpRule
) -> bool:
    """True when an open, applied-or-later application has been quiet too long."""
    if outcome in CLOSED_OUTCOMES or status == "saved":
        return False
    days = rule.after_applied_days if status == "applied" else rule.overall_days
    return now - last_activity_at >= timedelta(days=days)


def due_for_follow_up_clause(rule: FollowUpRule, now: datetime):  # noqa: ANN201 - SQL expression
    """A WHERE clause selecting applications due for a follow-up (needs a join to Stage)."""
    return and_(
        Stage.outcome == "open",
        Application.status != "saved",
        or_(
            and_(
                Application.status == "applied",
                Application.last_activity_at <= now - timedelta(days=rule.after_applied_days),
            ),
            and_(
                Application.status != "applied",
                Application.last_activity_at <= now - timedelta(days=rule.overall_days),
            ),
        ),
    )


def due_for_follow_up(
    session: Session, now: datetime | None = None, *, limit: int | None = None
) -> list[Application]:
    """Applications due for a follow-up, quietest first (at most `limit`)."""
    rule = follow_up_rule(session)
    query = (
        select(Application)
        .join(Stage, Stage.key == Application.status)
        .where(due_for_follow_up_clause(rule, now or utcnow()))
        .order_by(Application.last_activity_at)
        .limit(limit)
    )
    return list(session.scalars(query))


def count_applications(session: Session) -> int:
    return session.scalar(select(func.count()).select_from(Application)) or 0


def count_due_for_follow_up(session: Session, now: datetime | None = None) -> int:
    rule = follow_up_rule(session)
    query = (
        select(func.count())
        .select_from(Application)
        .join(Stage, Stage.key == Application.status)
        .where(due_for_follow_up_clause(rule, now or utcnow()))
    )
    return session.scalar(query) or 0


# --- re-applying warning ---------------------------------------------------------------


def _norm_title(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", title.lower()).strip()


def reapply_warnings(
    session: Session,
    *,
    company: str,
    title: str = "",
    board: str | None = None,
    external_id: str | None = None,
    exclude_id: int | None = None,
) -> list[str]:
    """Reasons to pause before saving: the same posting exists, or this company said no."""
    warnings: list[str] = []
    others = select(Application, Stage).join(Stage, Stage.key == Application.status)
    if exclude_id is not None:
        others = others.where(Application.id != exclude_id)
    if board and external_id:
        for app, _stage in session.execute(
            others.where(Application.board == board, Application.external_id == external_id)
        ):
            warnings.append(
                f"This posting is already tracked: {app.company} — {app.title} ({_stage.name})."
            )
    company_key = company.strip().lower()
    if company_key:
        same_company = list(
            session.execute(others.where(func.lower(Application.company) == company_key))
        )
        wanted = _norm_title(title)
        for app, stage in same_company:
            if wanted and SequenceMatcher(None, wanted, _norm_title(app.title)).ratio() >= 0.9:
                text = (
                    f"A near-identical posting exists: {app.company} — {app.title} ({stage.name})."
                )
                if text not in warnings and not any(app.title in w for w in warnings):
                    warnings.append(text)
        closed = sorted(
            {stage.name for app, stage in same_company if app.status in ("rejected", "ghosted")}
        )
        if closed:
            warnings.append(
                f"You applied to {company.strip()} before: {' / '.join(closed).lower()}."
            )
    return warnings


# --- undoable delete -------------------------------------------------------------------

_CHILD_TABLES: tuple[Table, ...] = (
    StatusChange.__table__,
    Interview.__table__,
    ApplicationActivity.__table__,
    Attachment.__table__,
    ApplicationContact.__table__,
    application_tags,
)


def delete_applications(session: Session, ids: list[int]) -> dict[str, list[dict[str, Any]]]:
    """Delete applications with everything hanging off them; return what undo needs."""
    snapshot: dict[str, list[dict[str, Any]]] = {}
    apps = Application.__table__
    snapshot[apps.name] = [
        dict(r._mapping) for r in session.execute(select(apps).where(apps.c.id.in_(ids)))
    ]
    for table in _CHILD_TABLES:
        rows = session.execute(select(table).where(table.c.application_id.in_(ids)))
        snapshot[table.name] = [dict(r._mapping) for r in rows]
    session.execute(delete(apps).where(apps.c.id.in_(ids)))
    session.expire_all()
    return snapshot


def restore_applications(session: Session, snapshot: dict[str, list[dict[str, Any]]]) -> None:
    """Put back what `delete_applications` removed, with the same ids."""
    apps = Application.__table__
    if snapshot.get(apps.name):
        session.execute(apps.insert(), snapshot[apps.name])
    for table in _CHILD_TABLES:
        if snapshot.get(table.name):
            session.execute(table.insert(), snapshot[table.name])
    session.expire_all()


# --- metrics ---------------------------------------------------------------------------


def pipeline_metrics(session: Session, now: datetime | None = None) -> dict[str, Any]:
    """Response rate, median days to first response, and the follow-up count."""
    stages = {s.key: s for s in session.scalars(select(Stage))}
    applied_stage = stages.get("applied")
    after_applied = {
        key
        for key, s in stages.items()
        if applied_stage and s.position > applied_stage.position and s.outcome != "lost"
    }
    # A response is any move out of "applied" other than to ghosted/withdrawn.
    non_responses = {"applied", "ghosted", "withdrawn", "saved"}
    applied_at: dict[int, datetime] = {}
    first_response: dict[int, datetime] = {}
    reached: set[int] = set()
    rows = session.execute(
        select(StatusChange.application_id, StatusChange.to_status, StatusChange.at).order_by(
            StatusChange.application_id, StatusChange.at, StatusChange.id
        )
    )
    for app_id, to_status, at in rows:
        if to_status == "applied":
            applied_at.setdefault(app_id, at)
            continue
        if app_id not in applied_at:
            continue
        if to_status in after_applied:
            reached.add(app_id)
        if to_status not in non_responses and app_id not in first_response:
            first_response[app_id] = at
    delays = [(first_response[a] - applied_at[a]).total_seconds() / 86400 for a in first_response]
    return {
        "applied": len(applied_at),
        "response_rate": round(len(reached) / len(applied_at), 4) if applied_at else None,
        "median_days_to_first_response": round(statistics.median(delays), 1) if delays else None,
        "due_for_follow_up": count_due_for_follow_up(session, now),
    }


# --- rows for the table and the board --------------------------------------------------


@dataclass(slots=True)
class ApplicationRow:
    """What the table and board show of one application: plain values, no ORM object.

    Dates stay ISO text as SQLite holds them ("2026-11-23", "2026-11-23 10:00:00.000000"):
    they sort correctly as text, and only the rows on screen are ever parsed.
    """

    id: int
    company: str
    title: str
    status: str
    work_mode: str | None
    location: str | None
    remote_region: str | None
    salary_min: float | None
    salary_max: float | None
    salary_currency: str | None
    salary_period: str | None
    applied_on: str | None
    next_action: str | None
    next_action_due: str | None
    last_activity_at: str
    priority: int
    notes: str
    tags: str
    due: bool  # due for a follow-up now (the follow-up clock, computed in SQL)


def _row_query(session: Session, now: datetime | None):  # noqa: ANN202 - a Select
    from sqlalchemy import String, case, type_coerce

    from ..models import Tag

    a = Application
    # Correlated, so only the rows returned pay for their tags (a LIMIT stays cheap).
    tags = (
        select(func.group_concat(Tag.name, ", "))
        .join(application_tags, Tag.id == application_tags.c.tag_id)
        .where(application_tags.c.application_id == a.id)
        .scalar_subquery()
    )
    due = case(
        (due_for_follow_up_clause(follow_up_rule(session), now or utcnow()), True), else_=False
    )
    return select(
        a.id,
        a.company,
        a.title,
        a.status,
        a.work_mode,
        a.location,
        a.remote_region,
        a.salary_min,
        a.salary_max,
        a.salary_currency,
        a.salary_period,
        type_coerce(a.applied_on, String),
        a.next_action,
        type_coerce(a.next_action_due, String),
        type_coerce(a.last_activity_at, String),
        a.priority,
        a.notes,
        func.coalesce(tags, ""),
        due,
    ).join(Stage, Stage.key == a.status)


def application_rows(
    session: Session,
    ids: list[int] | None = None,
    *,
    now: datetime | None = None,
    order_by: tuple = (),
    limit: int | None = None,
) -> list[ApplicationRow]:
    """Applications (all, or those in `ids`) as rows, with tags and the follow-up flag."""
    if limit is not None:  # pick the ids on the bare table first: much cheaper to sort
        pick = select(Application.id).order_by(*order_by, Application.id).limit(limit)
        if ids is not None:
            pick = pick.where(Application.id.in_(ids))
        ids = list(session.scalars(pick))
    query = _row_query(session, now)
    if ids is not None:
        query = query.where(Application.id.in_(ids))
    query = query.order_by(*order_by, Application.id)
    return [ApplicationRow(*row) for row in session.execute(query)]


def row_order(key: str, descending: bool) -> tuple:
    """ORDER BY terms matching the table's in-memory sort of column `key` (empty dates last)."""
    a = Application
    if key in ("applied_on", "next_action_due"):
        column = getattr(a, key)
        return (column.is_(None), column.desc() if descending else column)
    if key == "quiet":  # most days quiet = oldest activity first
        return (a.last_activity_at if descending else a.last_activity_at.desc(),)
    if key == "status":
        position = (
            select(Stage.position)
            .where(Stage.key == a.status)
            .correlate_except(Stage)
            .scalar_subquery()
        )
        return (position.desc() if descending else position,)
    column = {
        "salary": func.coalesce(a.salary_max, a.salary_min, 0),
    }.get(key, func.lower(func.coalesce(getattr(a, key, a.company), "")))
    return (column.desc() if descending else column,)


def board_rows(
    session: Session, per_stage: int, *, now: datetime | None = None
) -> tuple[list[ApplicationRow], dict[str, int]]:
    """The most recently active `per_stage` applications of each stage, and every stage's count."""
    ranked = (
        _row_query(session, now)
        .add_columns(
            func.row_number()
            .over(
                partition_by=Application.status,
                order_by=(Application.last_activity_at.desc(), Application.id),
            )
            .label("rank")
        )
        .subquery()
    )
    rows = session.execute(
        select(*list(ranked.c)[:-1]).where(ranked.c.rank <= per_stage).order_by(ranked.c.rank)
    )
    counts = dict(
        session.execute(select(Application.status, func.count()).group_by(Application.status)).all()
    )
    return [ApplicationRow(*row) for row in rows], counts


def stage_outcomes(session: Session) -> dict[str, tuple[str, str, int]]:
    """{key: (display name, outcome, position)} for every stage."""
    return {s.key: (s.name, s.outcome, s.position) for s in session.scalars(select(Stage))}


def format_salary(
    lo: float | None, hi: float | None, currency: str | None, period: str | None
) -> str:
    """'USD 90k–110k / year', '€45 / hour', or '' when unknown."""
    if lo is None and hi is None:
        return ""

    def short(v: float) -> str:
        if v >= 10000:
            return f"{v / 1000:.0f}k"
        return f"{v:,.0f}" if v == int(v) else f"{v:,.2f}"

    amount = (
        short(lo)
        if hi is None or lo == hi
        else (short(hi) if lo is None else f"{short(lo)}–{short(hi)}")
    )
    if lo is None and hi is not None:
        amount = f"up to {short(hi)}"
    text = f"{currency} {amount}" if currency else amount
    return f"{text} / {period}" if period else text


# --- field snapshots for undo ----------------------------------------------------------

EDITABLE_FIELDS = (
    "company",
    "title",
    "posting_url",
    "board",
    "external_id",
    "location",
    "work_mode",
    "remote_region",
    "team_timezones",
    "overlap_hours",
    "async_culture",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "employment_type",
    "source",
    "date_posted",
    "valid_through",
    "applied_on",
    "priority",
    "excitement",
    "next_action",
    "next_action_due",
    "notes",
    "posting_snapshot",
)


def field_values(app: Application) -> dict[str, Any]:
    return {name: getattr(app, name) for name in EDITABLE_FIELDS}


# --- detail, interviews, linked contacts, attachments ----------------------------------


def application_detail(session: Session, app_id: int) -> Application | None:
    """An application with everything the editor shows, loaded for use after the session."""
    from sqlalchemy.orm import selectinload

    return session.scalar(
        select(Application)
        .where(Application.id == app_id)
        .options(
            selectinload(Application.history),
            selectinload(Application.interviews),
            selectinload(Application.attachments),
            selectinload(Application.contact_links),
            selectinload(Application.activities),
            selectinload(Application.tags),
        )
    )


def to_utc(local: datetime, zone: str) -> datetime:
    """A wall-clock time in IANA zone `zone` as naive UTC (how interviews are stored)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    try:
        tz = ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError({"timezone": f"Unknown time zone {zone!r}."}) from None
    from datetime import UTC

    return local.replace(tzinfo=tz).astimezone(UTC).replace(tzinfo=None)


def from_utc(moment: datetime, zone: str) -> datetime:
    """Naive UTC as wall-clock time in `zone` (naive)."""
    from datetime import UTC
    from zoneinfo import ZoneInfo

    return moment.replace(tzinfo=UTC).astimezone(ZoneInfo(zone)).replace(tzinfo=None)


def save_interview(
    session: Session, app: Application, interview_id: int | None, **fields: Any
) -> Interview:
    """Add or update an interview; logging one counts as activity on the application."""
    from ..models.applications import INTERVIEW_KINDS, INTERVIEW_OUTCOMES

    problems = {}
    if fields.get("kind") not in INTERVIEW_KINDS:
        problems["kind"] = "Choose the kind of interview."
    if fields.get("outcome", "pending") not in INTERVIEW_OUTCOMES:
        problems["outcome"] = "Unknown outcome."
    if (fields.get("round") or 0) < 1:
        problems["round"] = "Rounds start at 1."
    if problems:
        raise ValidationError(problems)
    interview = session.get(Interview, interview_id) if interview_id else None
    if interview is None:
        interview = Interview(application_id=app.id)
        session.add(interview)
    for name, value in fields.items():
        setattr(interview, name, value)
    app.last_activity_at = utcnow()
    return interview


def delete_interview(session: Session, interview_id: int) -> None:
    session.execute(delete(Interview).where(Interview.id == interview_id))


def link_contact(session: Session, app: Application, contact_id: int, role: str) -> None:
    from ..models.applications import CONTACT_ROLES

    if role not in CONTACT_ROLES:
        raise ValidationError({"role": f"Unknown role {role!r}."})
    exists = session.scalar(
        select(ApplicationContact).where(
            ApplicationContact.application_id == app.id,
            ApplicationContact.contact_id == contact_id,
            ApplicationContact.role == role,
        )
    )
    if exists is None:
        session.add(ApplicationContact(application_id=app.id, contact_id=contact_id, role=role))


def unlink_contact(session: Session, link_id: int) -> None:
    session.execute(delete(ApplicationContact).where(ApplicationContact.id == link_id))


def contact_choices(session: Session) -> list[tuple[int, str]]:
    """(id, "Name — Company") for the contact picker."""
    from ..models import Contact

    rows = session.execute(select(Contact.id, Contact.name, Contact.company).order_by(Contact.name))
    return [(cid, f"{name} — {company}" if company else name) for cid, name, company in rows]


def add_attachment(
    session: Session, files_dir: Path, app: Application, source: Path, kind: str, label: str = ""
) -> Attachment:
    """Copy `source` into the data folder and attach it; the original is left alone."""
    import shutil

    from ..models.applications import ATTACHMENT_KINDS

    if kind not in ATTACHMENT_KINDS:
        raise ValidationError({"kind": f"Unknown attachment kind {kind!r}."})
    if not source.is_file():
        raise ValidationError({"file": f"{source} is not a file."})
    folder = files_dir / f"application-{app.id}"
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    n = 2
    while target.exists():
        target = folder / f"{source.stem} ({n}){source.suffix}"
        n += 1
    try:
        shutil.copy2(source, target)
    except OSError as exc:
        raise ValidationError(
            {"file": f"Cannot copy {source.name}: {exc.strerror or exc}."}
        ) from exc
    attachment = Attachment(
        application_id=app.id,
        kind=kind,
        label=label or source.stem,
        original_name=source.name,
        stored_path=str(target.relative_to(files_dir)),
    )
    session.add(attachment)
    app.last_activity_at = utcnow()
    return attachment


def remove_attachment(session: Session, files_dir: Path, attachment_id: int) -> None:
    """Forget an attachment; its copy is moved to a trash folder, not deleted."""
    attachment = session.get(Attachment, attachment_id)
    if attachment is None:
        return
    path = files_dir / attachment.stored_path
    if path.exists():
        trash = files_dir / "trash"
        trash.mkdir(parents=True, exist_ok=True)
        path.replace(trash / f"{attachment.id}-{path.name}")
    session.delete(attachment)
