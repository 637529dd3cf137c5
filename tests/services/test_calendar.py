"""The .ics export: interviews in their own zones, all-day follow-ups and exams, stable UIDs."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar, Event
from sqlalchemy import select

from planner.models import Application, Interview, StudyPlan, utcnow
from planner.services.applications import due_for_follow_up
from planner.services.calendar import build_calendar, export_calendar
from planner.services.reports import ExportError


def read_calendar(path: Path) -> Calendar:
    return Calendar.from_ical(path.read_bytes())


def events_by_uid(calendar: Calendar) -> dict[str, Event]:
    return {str(e.uid): e for e in calendar.events}


def local_day(now: datetime) -> date:
    return now.replace(tzinfo=UTC).astimezone().date()


def add_interview_app(store, *, company="Acme", title="Remote PM", status="interviewing", **iv):
    """An application with one interview; returns (application id, interview id)."""
    with store.transaction() as session:
        app = Application(company=company, title=title, status=status, last_activity_at=utcnow())
        session.add(app)
        session.flush()
        fields = {"scheduled_at": datetime(2030, 5, 6, 14, 0), "timezone": "Europe/Berlin"}
        fields.update(iv)
        interview = Interview(application_id=app.id, **fields)
        session.add(interview)
        session.flush()
        return app.id, interview.id


def test_demo_calendar_parses_back_with_every_kind_of_event(demo_store, tmp_path):
    out = tmp_path / "planner.ics"
    counts = export_calendar(demo_store, out)
    calendar = read_calendar(out)
    assert str(calendar["PRODID"]) == "-//Career Planner//EN"
    assert str(calendar["VERSION"]) == "2.0"
    assert str(calendar["X-WR-CALNAME"]) == "Career Planner"
    assert len(calendar.events) == sum(counts.values())
    with demo_store.session() as session:
        assert counts["interviews"] == len(session.scalars(select(Interview)).all()) > 0
    assert counts["follow_ups"] > 0 and counts["next_actions"] > 0
    assert counts["exams"] == 1


def test_interviews_start_at_their_local_time_with_tzid_and_vtimezone(demo_store, tmp_path):
    out = tmp_path / "planner.ics"
    export_calendar(demo_store, out)
    calendar = read_calendar(out)
    events = events_by_uid(calendar)
    with demo_store.session() as session:
        interviews = session.scalars(select(Interview)).all()
    zones = {iv.timezone for iv in interviews}
    assert {tz.tz_name for tz in calendar.timezones} == zones
    assert calendar.get_missing_tzids() == set()
    for iv in interviews:
        event = events[f"interview-{iv.id}@career-planner.local"]
        start = event.start
        assert event["DTSTART"].params["TZID"] == iv.timezone
        assert start.tzinfo is not None
        assert start.astimezone(UTC).replace(tzinfo=None) == iv.scheduled_at
        # Demo interviews are at 14:00 UTC: 10:00 in New York in summer, 15:00/16:00 in Berlin.
        expected_local = iv.scheduled_at.replace(tzinfo=UTC).astimezone(start.tzinfo)
        assert (start.hour, start.minute) == (expected_local.hour, expected_local.minute)
        assert event.end - event.start == timedelta(minutes=iv.duration_minutes)
        assert str(event["SUMMARY"]).startswith("Interview: ")
        assert f"(round {iv.round}, " in str(event["SUMMARY"])
        alarm_triggers = {a["TRIGGER"].dt for a in event.walk("VALARM")}
        assert alarm_triggers == {timedelta(days=-1), timedelta(hours=-1)}


def test_an_interview_in_new_york_keeps_its_wall_clock_time(store, tmp_path):
    # 18:30 UTC on 2 June 2030 is 14:30 in New York (EDT, UTC-4).
    _, iv_id = add_interview_app(
        store, scheduled_at=datetime(2030, 6, 2, 18, 30), timezone="America/New_York"
    )
    with store.session() as session:
        event = events_by_uid(build_calendar(session))[f"interview-{iv_id}@career-planner.local"]
    text = event.to_ical().decode()
    assert "DTSTART;TZID=America/New_York:20300602T143000" in text
    assert "DTEND;TZID=America/New_York:20300602T153000" in text  # default 60 minutes


def test_interview_end_counts_real_minutes_across_a_dst_change(store):
    # Berlin moves its clocks forward at 01:00 UTC on 31 March 2030: 02:30 -> 04:30 local.
    _, iv_id = add_interview_app(
        store, scheduled_at=datetime(2030, 3, 31, 0, 30), duration_minutes=60
    )
    with store.session() as session:
        event = events_by_uid(build_calendar(session))[f"interview-{iv_id}@career-planner.local"]
    assert (event.start.hour, event.start.minute) == (1, 30)
    assert (event.end.hour, event.end.minute) == (3, 30)
    assert event.end.astimezone(UTC) - event.start.astimezone(UTC) == timedelta(minutes=60)


def test_an_unknown_time_zone_falls_back_to_utc(store):
    _, iv_id = add_interview_app(store, timezone="Mars/Olympus_Mons")
    with store.session() as session:
        event = events_by_uid(build_calendar(session))[f"interview-{iv_id}@career-planner.local"]
    assert event.start == datetime(2030, 5, 6, 14, 0, tzinfo=UTC)
    assert "Z" in event["DTSTART"].to_ical().decode()


def test_a_cancelled_interview_is_status_cancelled_without_reminders(store, tmp_path):
    _, iv_id = add_interview_app(store, outcome="cancelled")
    _, kept_id = add_interview_app(store, company="Other", outcome="pending")
    out = tmp_path / "c.ics"
    export_calendar(store, out)
    events = events_by_uid(read_calendar(out))
    cancelled = events[f"interview-{iv_id}@career-planner.local"]
    assert str(cancelled["STATUS"]) == "CANCELLED"
    assert cancelled.walk("VALARM") == []
    assert str(events[f"interview-{kept_id}@career-planner.local"]["STATUS"]) == "CONFIRMED"


def test_follow_ups_due_now_are_all_day_events_today(demo_store):
    now = utcnow()
    with demo_store.session() as session:
        due = due_for_follow_up(session, now)
        events = events_by_uid(build_calendar(session, now=now))
    assert due
    for app in due:
        event = events[f"followup-app-{app.id}@career-planner.local"]
        assert type(event.start) is date and event.start == local_day(now)
        assert event.end == event.start + timedelta(days=1)
        assert str(event["SUMMARY"]) == f"Follow up: {app.company} — {app.title}"
        assert event.walk("VALARM")


def test_follow_ups_not_due_yet_fall_on_the_day_the_clock_runs_out(store):
    now = datetime(2030, 5, 1, 12, 0)
    with store.transaction() as session:
        app = Application(
            company="Quiet Co", status="applied", last_activity_at=now - timedelta(days=2)
        )
        session.add(app)
        session.flush()
        app_id = app.id
    with store.session() as session:
        event = events_by_uid(build_calendar(session, now=now))[
            f"followup-app-{app_id}@career-planner.local"
        ]
    assert event.start == local_day(now + timedelta(days=5))  # 7 days after applying
    assert str(event["SUMMARY"]) == "Follow up: Quiet Co"


def test_next_actions_of_open_applications_are_all_day_events(demo_store):
    with demo_store.session() as session:
        apps = session.scalars(select(Application).where(Application.next_action_due.is_not(None)))
        apps = list(apps)
        events = events_by_uid(build_calendar(session))
    assert apps
    for app in apps:
        event = events[f"nextaction-app-{app.id}@career-planner.local"]
        assert event.start == app.next_action_due and type(event.start) is date
        assert str(event["SUMMARY"]) == f"{app.next_action}: {app.company}"


def test_closed_applications_get_no_follow_up_or_next_action(store):
    with store.transaction() as session:
        app = Application(
            company="Gone Inc",
            status="rejected",
            last_activity_at=datetime(2020, 1, 1),
            next_action="Ask for feedback",
            next_action_due=date(2030, 1, 1),
        )
        session.add(app)
    with store.session() as session:
        calendar = build_calendar(session)
    assert calendar.events == []


def test_the_pmp_exam_is_an_all_day_event_and_passed_plans_are_left_out(demo_store):
    with demo_store.session() as session:
        plans = {p.certification.code: p for p in session.scalars(select(StudyPlan))}
        events = events_by_uid(build_calendar(session))
    pmp = events[f"exam-plan-{plans['PMP'].id}@career-planner.local"]
    assert str(pmp["SUMMARY"]) == "Exam: PMP — Project Management Professional"
    assert pmp.start == plans["PMP"].target_exam_date and type(pmp.start) is date
    assert f"exam-plan-{plans['CSM'].id}@career-planner.local" not in events  # passed
    triggers = {a["TRIGGER"].dt for a in pmp.walk("VALARM")}
    assert timedelta(days=-7, hours=9) in triggers


def test_uids_are_the_same_across_two_exports(demo_store, tmp_path):
    first, second = tmp_path / "1.ics", tmp_path / "2.ics"
    export_calendar(demo_store, first)
    export_calendar(demo_store, second, now=utcnow() + timedelta(minutes=5))
    uids_1 = [str(e.uid) for e in read_calendar(first).events]
    uids_2 = [str(e.uid) for e in read_calendar(second).events]
    assert uids_1 == uids_2
    assert len(set(uids_1)) == len(uids_1)
    assert all(u.endswith("@career-planner.local") for u in uids_1)


def test_dtstamp_is_the_export_time_in_utc(store):
    add_interview_app(store)
    now = datetime(2030, 1, 2, 3, 4, 5)
    with store.session() as session:
        event = build_calendar(session, now=now).events[0]
    assert event["DTSTAMP"].dt == datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)


@pytest.mark.parametrize("company", ["Smith, Jones & Co", "Alpha; Beta", "Line one\nLine two"])
def test_company_names_with_separators_round_trip(store, tmp_path, company):
    _, iv_id = add_interview_app(store, company=company, title="PM, remote; EMEA")
    out = tmp_path / "x.ics"
    export_calendar(store, out)
    event = events_by_uid(read_calendar(out))[f"interview-{iv_id}@career-planner.local"]
    assert str(event["SUMMARY"]) == f"Interview: {company} — PM, remote; EMEA (round 1, video)"
    assert company in str(event["DESCRIPTION"])


def test_an_empty_database_gives_a_valid_calendar_without_events(store, tmp_path):
    out = tmp_path / "empty.ics"
    counts = export_calendar(store, out)
    assert counts == {"interviews": 0, "follow_ups": 0, "next_actions": 0, "exams": 0}
    calendar = read_calendar(out)
    assert calendar.events == [] and calendar.timezones == []


def test_a_path_that_cannot_be_written_is_a_clear_error(store, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(ExportError, match="Cannot write"):
        export_calendar(store, blocker / "out.ics")
    with pytest.raises(ExportError, match="folder"):
        export_calendar(store, tmp_path)


def test_a_failed_export_leaves_the_previous_file_untouched(demo_store, tmp_path, monkeypatch):
    (tmp_path / "out").mkdir()
    out = tmp_path / "out" / "planner.ics"
    out.write_bytes(b"previous")

    def broken(self, *args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Calendar, "to_ical", broken)
    with pytest.raises(RuntimeError):
        export_calendar(demo_store, out)
    assert out.read_bytes() == b"previous"
    assert [p.name for p in out.parent.iterdir()] == ["planner.ics"]
