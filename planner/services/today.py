"""What needs doing today: the dashboard's lists, Qt-free."""

from __future__ import annotations

from contextlib import suppress
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from ..models import (
    Application,
    Certification,
    Contact,
    Interaction,
    Interview,
    StudyPlan,
    StudySession,
    utcnow,
)
from ..models.tags import Tag, contact_tags
from .applications import due_for_follow_up

DEFAULT_KEEP_IN_TOUCH_DAYS = 90


@dataclass(frozen=True)
class TodayItem:
    text: str
    detail: str
    when: date | None = None
    kind: str = ""  # "application", "interview", "exam", "study", "contact"
    ref_id: int | None = None


@dataclass(frozen=True)
class Today:
    follow_ups: list[TodayItem]
    interviews: list[TodayItem]
    exams: list[TodayItem]
    study: list[TodayItem]
    contacts: list[TodayItem]

    @property
    def empty(self) -> bool:
        return not any((self.follow_ups, self.interviews, self.exams, self.study, self.contacts))


def _days(n: int) -> str:
    if n == 0:
        return "today"
    if n == 1:
        return "tomorrow"
    if n == -1:
        return "yesterday"
    return f"in {n} days" if n > 0 else f"{-n} days ago"


def today_summary(session: Session, *, now: datetime | None = None, limit: int = 8) -> Today:
    now = now or utcnow()
    today = now.date()
    follow_ups = [
        TodayItem(
            f"{a.company} — {a.title}" if a.title else a.company,
            f"quiet since {a.last_activity_at:%d %b}; {a.next_action or 'send a follow-up'}",
            a.last_activity_at.date(),
            "application",
            a.id,
        )
        for a in due_for_follow_up(session, now, limit=limit)
    ]
    # Next actions whose due date has come, on open applications not already listed.
    listed = {i.ref_id for i in follow_ups}
    due_actions = session.scalars(
        select(Application)
        .where(Application.next_action_due <= today, Application.next_action.is_not(None))
        .where(Application.status.not_in(("accepted", "rejected", "withdrawn", "ghosted")))
        .order_by(Application.next_action_due)
        .limit(limit)
    )
    for a in due_actions:
        if a.id not in listed and len(follow_ups) < limit:
            follow_ups.append(
                TodayItem(
                    f"{a.company} — {a.title}",
                    f"{a.next_action} (due {_days((a.next_action_due - today).days)})",
                    a.next_action_due,
                    "application",
                    a.id,
                )
            )
    interviews = [
        TodayItem(
            f"{app.company}: round {iv.round} ({iv.kind.replace('_', '-')})",
            f"{iv.scheduled_at:%a %d %b %H:%M} UTC · {_days((iv.scheduled_at.date() - today).days)}",
            iv.scheduled_at.date(),
            "interview",
            app.id,
        )
        for iv, app in session.execute(
            select(Interview, Application)
            .join(Application)
            .where(
                Interview.scheduled_at >= now - timedelta(hours=2),
                Interview.scheduled_at <= now + timedelta(days=14),
                Interview.outcome == "pending",
            )
            .order_by(Interview.scheduled_at)
            .limit(limit)
        )
    ]
    exams = [
        TodayItem(
            f"{cert.code} exam",
            f"{plan.target_exam_date:%d %b %Y} · {_days((plan.target_exam_date - today).days)}",
            plan.target_exam_date,
            "exam",
            plan.id,
        )
        for plan, cert in session.execute(
            select(StudyPlan, Certification)
            .join(Certification)
            .where(
                StudyPlan.target_exam_date >= today,
                StudyPlan.target_exam_date <= today + timedelta(days=90),
                StudyPlan.status.in_(("planning", "studying", "scheduled")),
            )
            .order_by(StudyPlan.target_exam_date)
        )
    ]
    week_end = today + timedelta(days=7)
    study = [
        TodayItem(
            f"{s.minutes} min {s.kind}" + (f": {s.topic.name}" if s.topic else ""),
            f"{s.studied_on:%a %d %b} · {s.plan.certification.code}",
            s.studied_on,
            "study",
            s.plan_id,
        )
        for s in session.scalars(
            select(StudySession)
            .where(
                StudySession.planned.is_(True),
                StudySession.studied_on >= today,
                StudySession.studied_on <= week_end,
            )
            .order_by(StudySession.studied_on)
            .limit(limit)
        )
    ]
    return Today(
        follow_ups, interviews, exams, study, contacts_to_get_back_to(session, today, limit)
    )


def contacts_to_get_back_to(session: Session, today: date, limit: int = 8) -> list[TodayItem]:
    """Follow-ups due on interactions, then contacts past their keep-in-touch interval."""
    items: list[TodayItem] = []
    seen: set[int] = set()
    for inter, contact in session.execute(
        select(Interaction, Contact)
        .join(Contact)
        .where(Interaction.follow_up_on <= today, Interaction.follow_up_done.is_(False))
        .order_by(Interaction.follow_up_on)
        .limit(limit)
    ):
        seen.add(contact.id)
        items.append(
            TodayItem(
                contact.name,
                f"follow up: {inter.summary} (due {_days((inter.follow_up_on - today).days)})",
                inter.follow_up_on,
                "contact",
                contact.id,
            )
        )
    last = (
        select(Interaction.contact_id, func.max(Interaction.occurred_on).label("last_on"))
        .group_by(Interaction.contact_id)
        .subquery()
    )
    tag_days = (
        select(contact_tags.c.contact_id, func.min(Tag.keep_in_touch_days).label("days"))
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .where(Tag.keep_in_touch_days.is_not(None))
        .group_by(contact_tags.c.contact_id)
        .subquery()
    )
    interval = func.coalesce(Contact.keep_in_touch_days, tag_days.c.days)
    rows = session.execute(
        select(Contact, last.c.last_on, interval)
        .outerjoin(last, last.c.contact_id == Contact.id)
        .outerjoin(tag_days, tag_days.c.contact_id == Contact.id)
        .where(interval.is_not(None))
        .where(
            or_(
                last.c.last_on.is_(None),
                and_(
                    last.c.last_on.is_not(None),
                    func.julianday(today) - func.julianday(last.c.last_on) >= interval,
                ),
            )
        )
        .order_by(last.c.last_on.is_(None).desc(), last.c.last_on)
        .limit(limit * 2)
    )
    for contact, last_on, days in rows:
        if contact.id in seen or len(items) >= limit:
            continue
        detail = f"no contact since {last_on:%d %b %Y}" if last_on else "never contacted"
        items.append(
            TodayItem(contact.name, f"{detail} · every {days} days", last_on, "contact", contact.id)
        )
    return items


DEFAULT_WEEKLY_GOALS = {"applications": 5, "study_hours": 8, "touchpoints": 3}


@dataclass(frozen=True)
class Goal:
    label: str
    done: float
    goal: float
    unit: str = ""


def weekly_goals(session: Session, today: date) -> list[Goal]:
    """This week's (Monday to today) applications sent, study hours and networking touchpoints."""
    import json

    from sqlalchemy import func

    from ..models import Setting, StatusChange

    row = session.get(Setting, "weekly_goals")
    goals = dict(DEFAULT_WEEKLY_GOALS)
    if row is not None:
        with suppress(ValueError, TypeError, AttributeError):  # a damaged setting: defaults
            goals.update({k: float(v) for k, v in json.loads(row.value).items() if k in goals})
    monday = today - timedelta(days=today.weekday())
    start = datetime.combine(monday, datetime.min.time())
    sent = (
        session.scalar(
            select(func.count(func.distinct(StatusChange.application_id))).where(
                StatusChange.to_status == "applied", StatusChange.at >= start
            )
        )
        or 0
    )
    minutes = (
        session.scalar(
            select(func.coalesce(func.sum(StudySession.minutes), 0)).where(
                StudySession.planned.is_(False),
                StudySession.studied_on >= monday,
                StudySession.studied_on <= today,
            )
        )
        or 0
    )
    touches = (
        session.scalar(
            select(func.count())
            .select_from(Interaction)
            .where(Interaction.occurred_on >= monday, Interaction.occurred_on <= today)
        )
        or 0
    )
    return [
        Goal("Applications sent", sent, goals["applications"]),
        Goal("Study hours", round(minutes / 60, 1), goals["study_hours"], "h"),
        Goal("Networking touchpoints", touches, goals["touchpoints"]),
    ]
