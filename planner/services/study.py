"""Study plans: overview rows (the full study-plan maths arrives with its own issue)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Certification, PracticeExam, StudyPlan, StudySession


def plan_rows(session: Session) -> list[tuple]:
    """(certification, status, target exam, hours done, hours needed, last practice score)."""
    done = (
        select(StudySession.plan_id, (func.sum(StudySession.minutes) / 60.0).label("hours"))
        .where(StudySession.planned.is_(False))
        .group_by(StudySession.plan_id)
        .subquery()
    )
    last_score = (
        select(PracticeExam.plan_id, func.max(PracticeExam.taken_on).label("taken_on"))
        .group_by(PracticeExam.plan_id)
        .subquery()
    )
    query = (
        select(
            Certification.code + " — " + Certification.name,
            StudyPlan.status,
            StudyPlan.target_exam_date,
            func.round(func.coalesce(done.c.hours, 0), 1),
            StudyPlan.hours_needed,
            PracticeExam.score_percent,
        )
        .join(Certification, Certification.id == StudyPlan.certification_id)
        .outerjoin(done, done.c.plan_id == StudyPlan.id)
        .outerjoin(last_score, last_score.c.plan_id == StudyPlan.id)
        .outerjoin(
            PracticeExam,
            (PracticeExam.plan_id == StudyPlan.id)
            & (PracticeExam.taken_on == last_score.c.taken_on),
        )
        .order_by(StudyPlan.target_exam_date.desc())
    )
    seen: dict[str, tuple] = {}
    for row in session.execute(query):
        seen.setdefault(row[0], tuple(row))
    return list(seen.values())
