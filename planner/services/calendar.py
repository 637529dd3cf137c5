"""Interviews, follow-ups, next actions and exam dates as an iCalendar (.ics) file.

Every event's UID comes from its kind and row id, so importing a newer export into a
calendar app updates the events it already holds instead of adding copies.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Alarm, Calendar, Event
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import Store
from ..models import Application, Certification, Interview, Stage, StudyPlan, utcnow
from .applications import follow_up_due, follow_up_rule, valid_http_url
from .reports import atomic_output

PRODID = "-//Career Planner//EN"
CALENDAR_NAME = "Career Planner"
UID_DOMAIN = "career-planner.local"
DEFAULT_INTERVIEW_MINUTES = 60
UPCOMING_EXAM_STATUSES = ("planning", "studying", "scheduled")
# All-day reminders ring at this time of day (an offset from the day's midnight).
MORNING = timedelta(hours=9)
KIND_NAMES = {"take_home": "take-home", "onsite": "on-site"}


def uid(kind: str, row_id: int) -> str:
    """A UID that stays the same across exports, e.g. interview-12@career-planner.local."""
    return f"{kind}-{row_id}@{UID_DOMAIN}"


def _zone(name: str | None) -> ZoneInfo:
    """The interview's IANA zone; UTC when it is missing or unknown to this machine."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _as_utc(moment: datetime) -> datetime:
    """A stored naive-UTC (or aware) datetime as an aware UTC one."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _job(company: str, title: str | None) -> str:
    return f"{company} — {title}" if title and title.strip() else company


def _display_alarm(text: str, trigger: timedelta) -> Alarm:
    """A pop-up reminder `trigger` from the event's start (negative: before it)."""
    alarm = Alarm()
    alarm.add("ACTION", "DISPLAY")
    alarm.add("DESCRIPTION", text)
    alarm.add("TRIGGER", trigger)
    return alarm


def _all_day(
    event_uid: str,
    day: date,
    summary: str,
    description: str,
    stamp: datetime,
    *,
    category: str,
    url: str | None = None,
) -> Event:
    """An all-day event that does not block time, with a reminder that morning."""
    event = Event.new(
        uid=event_uid,
        stamp=stamp,
        start=day,
        end=day + timedelta(days=1),
        summary=summary,
        description=description,
        categories=[category],
        transparency="TRANSPARENT",
        url=url if url and valid_http_url(url) else None,
    )
    event.add_component(_display_alarm(summary, MORNING))
    return event


def build_calendar(session: Session, *, now: datetime | None = None) -> Calendar:
    """The calendar of everything with a date: interviews, follow-ups, next actions, exams.

    `now` is naive UTC like the stored times (default: the current time); it stamps the
    events and decides which follow-ups are due already.
    """
    now_utc = _as_utc(now or utcnow())
    now_naive = now_utc.replace(tzinfo=None)
    today = now_utc.astimezone().date()  # the user's calendar day, in the machine's zone
    calendar = Calendar.new(
        prodid=PRODID,
        name=CALENDAR_NAME,
        description="Interviews, follow-ups and exam dates from Career Planner.",
        uid=f"calendar@{UID_DOMAIN}",
    )
    if "X-WR-CALNAME" not in calendar:  # early icalendar 7 releases write only NAME
        calendar.add("X-WR-CALNAME", CALENDAR_NAME)
    events: list[Event] = []

    for interview, app in session.execute(
        select(Interview, Application)
        .join(Application, Application.id == Interview.application_id)
        .order_by(Interview.scheduled_at, Interview.id)
    ):
        zone = _zone(interview.timezone)
        start_utc = _as_utc(interview.scheduled_at)
        minutes = interview.duration_minutes or DEFAULT_INTERVIEW_MINUTES
        # End from UTC, not from wall-clock time, so a DST change in between is honoured.
        end_utc = start_utc + timedelta(minutes=minutes)
        kind = KIND_NAMES.get(interview.kind, interview.kind)
        summary = f"Interview: {_job(app.company, app.title)} (round {interview.round}, {kind})"
        lines = [f"Round {interview.round} ({kind}) for {_job(app.company, app.title)}."]
        if interview.people.strip():
            lines.append(f"With: {interview.people.strip()}")
        if interview.notes.strip():
            lines.append(f"Notes: {interview.notes.strip()}")
        if app.posting_url:
            lines.append(f"Posting: {app.posting_url}")
        lines.append(f"Time zone: {zone.key}")
        cancelled = interview.outcome == "cancelled"
        event = Event.new(
            uid=uid("interview", interview.id),
            stamp=now_utc,
            start=start_utc.astimezone(zone),
            end=end_utc.astimezone(zone),
            summary=summary,
            description="\n".join(lines),
            categories=["Interview"],
            status="CANCELLED" if cancelled else "CONFIRMED",
            last_modified=_as_utc(interview.updated_at) if interview.updated_at else None,
            url=app.posting_url if app.posting_url and valid_http_url(app.posting_url) else None,
        )
        if not cancelled:
            who = _job(app.company, app.title)
            event.add_component(_display_alarm(f"Interview tomorrow: {who}", timedelta(days=-1)))
            event.add_component(_display_alarm(f"Interview in 1 hour: {who}", timedelta(hours=-1)))
        events.append(event)

    # Follow-ups: every open application past "saved" gets one on the day its follow-up
    # clock runs out (today if it has run out already), so the calendar shows the ones
    # coming up as well as the ones due now.
    rule = follow_up_rule(session)
    open_apps = list(
        session.execute(
            select(Application, Stage)
            .join(Stage, Stage.key == Application.status)
            .where(Stage.outcome == "open")
            .order_by(Application.id)
        )
    )
    for app, stage in open_apps:
        if app.status == "saved":
            continue
        days = rule.after_applied_days if app.status == "applied" else rule.overall_days
        quiet_since = _as_utc(app.last_activity_at)
        if follow_up_due(app.status, stage.outcome, app.last_activity_at, now_naive, rule):
            day = today
        else:
            day = max(today, (quiet_since + timedelta(days=days)).astimezone().date())
        description = (
            f"No activity logged since {quiet_since.astimezone():%d %b %Y} ({stage.name}). "
            f"Send a follow-up, then log it in Career Planner to reset the clock."
        )
        events.append(
            _all_day(
                uid("followup-app", app.id),
                day,
                f"Follow up: {_job(app.company, app.title)}",
                description,
                now_utc,
                category="Follow-up",
                url=app.posting_url,
            )
        )

    for app, stage in open_apps:
        if app.next_action_due is None:
            continue
        action = (app.next_action or "").strip() or "Next step"
        events.append(
            _all_day(
                uid("nextaction-app", app.id),
                app.next_action_due,
                f"{action}: {app.company}",
                f"{action} for {_job(app.company, app.title)} ({stage.name}).",
                now_utc,
                category="Next action",
                url=app.posting_url,
            )
        )

    for plan, cert in session.execute(
        select(StudyPlan, Certification)
        .join(Certification, Certification.id == StudyPlan.certification_id)
        .where(
            StudyPlan.status.in_(UPCOMING_EXAM_STATUSES),
            StudyPlan.target_exam_date.is_not(None),
        )
        .order_by(StudyPlan.target_exam_date, StudyPlan.id)
    ):
        summary = f"Exam: {cert.code} — {cert.name}"
        body = f" ({cert.body})" if cert.body else ""
        event = _all_day(
            uid("exam-plan", plan.id),
            plan.target_exam_date,
            summary,
            f"Target exam date for {cert.name}{body}. Plan status: {plan.status}.",
            now_utc,
            category="Exam",
        )
        # A week ahead as well as the morning of the day before.
        event.add_component(_display_alarm(summary, -timedelta(days=7) + MORNING))
        event.add_component(_display_alarm(summary, -timedelta(days=1) + MORNING))
        events.append(event)

    for event in events:
        calendar.add_component(event)
    starts = [_first_day(e) for e in events]
    if starts:
        # VTIMEZONE rules covering the events' years (not the library's 1970-2038 default,
        # which makes every zone hundreds of lines long).
        calendar.add_missing_timezones(
            first_date=date(min(starts).year - 1, 1, 1),
            last_date=date(max(starts).year + 2, 1, 1),
        )
    return calendar


def _first_day(event: Event) -> date:
    start = event.start
    return start.date() if isinstance(start, datetime) else start


def event_kind(event: Event) -> str:
    """The kind of an exported event, read back from its UID."""
    name = str(event.uid).split("@", 1)[0].rsplit("-", 1)[0]
    return {
        "interview": "interviews",
        "followup-app": "follow_ups",
        "nextaction-app": "next_actions",
        "exam-plan": "exams",
    }.get(name, name)


def export_calendar(store: Store, out: Path, *, now: datetime | None = None) -> dict[str, int]:
    """Write the calendar to `out` (atomically); returns the number of events per kind."""
    with store.session() as session:
        calendar = build_calendar(session, now=now)
    data = calendar.to_ical()
    with atomic_output(out) as fh:
        fh.write(data)
    counts = Counter(event_kind(e) for e in calendar.events)
    return {
        kind: counts.get(kind, 0) for kind in ("interviews", "follow_ups", "next_actions", "exams")
    }
