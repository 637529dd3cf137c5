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


def _stage(session: Session, key: str) -> Stage:
    stage = session.get(Stage, key)
    if stage is None:
        raise ValidationError({"status": f"Unknown stage {key!r}."})
    return stage


def create_application(session: Session, *, status: str = "saved", **fields: Any) -> Application:
    problems = validate_fields({"company": fields.get("company", ""), **fields})
    if problems:
        raise ValidationError(problems)
    _stage(session, status)
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
    _stage(session, status)
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


def due_for_follow_up(session: Session, now: datetime | None = None) -> list[Application]:
    now = now or utcnow()
    rule = follow_up_rule(session)
    query = (
        select(Application)
        .join(Stage, Stage.key == Application.status)
        .where(due_for_follow_up_clause(rule, now))
        .order_by(Application.last_activity_at)
    )
    return list(session.scalars(query))


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
        "due_for_follow_up": len(due_for_follow_up(session, now)),
    }
