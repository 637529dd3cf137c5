"""The dashboard's lists and weekly goals."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from planner.models import Contact, Interaction, Setting, StudyPlan, StudySession
from planner.services.applications import change_status, create_application
from planner.services.catalog import ensure_certification
from planner.services.today import contacts_to_get_back_to, today_summary, weekly_goals


def test_demo_data_fills_every_list(demo_store):
    with demo_store.session() as session:
        today = today_summary(session)
    assert today.follow_ups and today.interviews and today.exams and today.study and today.contacts
    assert not today.empty
    assert all(i.when >= date.today() for i in today.exams)


def test_contact_is_due_after_its_keep_in_touch_interval(store):
    today = date(2026, 11, 23)
    with store.transaction() as session:
        fresh = Contact(name="Fresh", keep_in_touch_days=30)
        stale = Contact(name="Stale", keep_in_touch_days=30)
        untracked = Contact(name="No interval")
        session.add_all([fresh, stale, untracked])
        session.flush()
        session.add_all(
            [
                Interaction(contact_id=fresh.id, occurred_on=today - timedelta(days=10)),
                Interaction(contact_id=stale.id, occurred_on=today - timedelta(days=45)),
            ]
        )
    with store.session() as session:
        names = [i.text for i in contacts_to_get_back_to(session, today)]
    assert names == ["Stale"]


def test_weekly_goals_count_this_week_only(store):
    today = date(2026, 11, 25)  # a Wednesday
    monday = datetime(2026, 11, 23, 9)
    with store.transaction() as session:
        session.merge(Setting(key="weekly_goals", value='{"applications": 2, "study_hours": 4}'))
        for n, when in enumerate([monday, monday + timedelta(days=1), monday - timedelta(days=3)]):
            app = create_application(session, company=f"C{n}")
            change_status(session, app, "applied", at=when)
        plan = StudyPlan(certification=ensure_certification(session, "PMP"))
        session.add(plan)
        session.flush()
        session.add_all(
            [
                StudySession(plan_id=plan.id, studied_on=today, minutes=90),
                StudySession(plan_id=plan.id, studied_on=today - timedelta(days=7), minutes=600),
                StudySession(
                    plan_id=plan.id, studied_on=today + timedelta(days=1), minutes=60, planned=True
                ),
            ]
        )
    with store.session() as session:
        goals = {g.label: (g.done, g.goal) for g in weekly_goals(session, today)}
    assert goals["Applications sent"] == (2, 2)
    assert goals["Study hours"] == (1.5, 4)
    assert goals["Networking touchpoints"] == (0, 3)
