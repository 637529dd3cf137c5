"""Numbers for `stats --json`, the dashboard and the charts."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import (
    Application,
    Contact,
    Interaction,
    Interview,
    PracticeExam,
    Project,
    Skill,
    Stage,
    StudyPlan,
    StudySession,
)


def _count(session: Session, model: type) -> int:
    return session.scalar(select(func.count()).select_from(model)) or 0


def tracker_counts(session: Session) -> dict[str, int]:
    return {
        "applications": _count(session, Application),
        "interviews": _count(session, Interview),
        "contacts": _count(session, Contact),
        "interactions": _count(session, Interaction),
        "study_plans": _count(session, StudyPlan),
        "study_sessions": _count(session, StudySession),
        "practice_exams": _count(session, PracticeExam),
        "projects": _count(session, Project),
        "skills": _count(session, Skill),
    }


def applications_per_status(session: Session) -> dict[str, int]:
    """Every stage, in pipeline order, with its number of applications (zeros included)."""
    rows = session.execute(
        select(Stage.key, func.count(Application.id))
        .outerjoin(Application, Application.status == Stage.key)
        .group_by(Stage.key)
        .order_by(Stage.position, Stage.key)
    )
    return {key: count for key, count in rows}  # noqa: C416 - Row objects, not pairs


def stats_report(session: Session) -> dict[str, Any]:
    from .applications import pipeline_metrics

    return {
        "counts": tracker_counts(session),
        "applications_per_status": applications_per_status(session),
        **pipeline_metrics(session),
    }
