"""The schema itself refuses bad data, whatever code writes it."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from planner.models import (
    Application,
    Contact,
    Interaction,
    Interview,
    Project,
    Skill,
    SkillRating,
    StatusChange,
    StudySession,
)
from planner.services.catalog import ensure_certification


def _commit_fails(store, *objects) -> None:
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.add_all(objects)


def test_application_needs_a_company(store):
    _commit_fails(store, Application(company="   ", title="PM"))


@pytest.mark.parametrize(
    "fields",
    [
        {"work_mode": "sometimes"},
        {"salary_min": 90000, "salary_max": 80000},
        {"salary_min": -1},
        {"salary_period": "fortnight"},
        {"employment_type": "gig"},
        {"overlap_hours": 25},
        {"priority": 9},
    ],
)
def test_application_checks_refuse_bad_values(store, fields):
    _commit_fails(store, Application(company="Acme", **fields))


def test_status_must_be_a_known_stage(store):
    _commit_fails(store, Application(company="Acme", status="daydreaming"))


def test_deleting_an_application_deletes_its_history_and_interviews(store):
    with store.transaction() as session:
        app = Application(company="Acme", title="PM")
        app.history.append(StatusChange(to_status="saved"))
        app.interviews.append(Interview(scheduled_at=date(2026, 1, 5), kind="video"))
        session.add(app)
    with store.transaction() as session:
        session.delete(session.get(Application, app.id))
    with store.session() as session:
        assert session.scalars(select(StatusChange)).all() == []
        assert session.scalars(select(Interview)).all() == []


def test_a_stage_in_use_cannot_be_deleted(store):
    from planner.models import Stage

    with store.transaction() as session:
        session.add(Application(company="Acme", status="applied"))
    with pytest.raises(IntegrityError), store.transaction() as session:
        session.delete(session.get(Stage, "applied"))


def test_interview_kind_and_round_are_checked(store):
    with store.transaction() as session:
        app = Application(company="Acme")
        session.add(app)
    _commit_fails(
        store, Interview(application_id=app.id, scheduled_at=date(2026, 1, 1), kind="sauna")
    )
    _commit_fails(store, Interview(application_id=app.id, scheduled_at=date(2026, 1, 1), round=0))


def test_study_session_minutes_must_be_positive(store):
    from planner.models import StudyPlan

    with store.transaction() as session:
        plan = StudyPlan(certification=ensure_certification(session, "PMP"))
        session.add(plan)
    _commit_fails(store, StudySession(plan_id=plan.id, studied_on=date(2026, 1, 1), minutes=0))


def test_project_cannot_end_before_it_starts(store):
    _commit_fails(
        store, Project(name="X", start_month=date(2025, 5, 1), end_month=date(2025, 1, 1))
    )


def test_skill_rating_is_one_to_five(store):
    with store.transaction() as session:
        skill = Skill(name="Risk management")
        session.add(skill)
    _commit_fails(store, SkillRating(skill_id=skill.id, rated_on=date(2026, 1, 1), rating=6))


def test_interaction_channel_is_checked_and_contact_needs_a_name(store):
    _commit_fails(store, Contact(name=""))
    with store.transaction() as session:
        contact = Contact(name="Ana")
        session.add(contact)
    _commit_fails(
        store, Interaction(contact_id=contact.id, occurred_on=date(2026, 1, 1), channel="pigeon")
    )


def test_every_row_gets_timestamps(store):
    with store.transaction() as session:
        app = Application(company="Acme")
        session.add(app)
    assert app.created_at is not None and app.updated_at is not None
    first_update = app.updated_at
    with store.transaction() as session:
        session.get(Application, app.id).title = "Remote PM"
    with store.session() as session:
        assert session.get(Application, app.id).updated_at >= first_update


def test_every_table_has_a_created_at_column():
    from planner.models import Base

    missing = [t.name for t in Base.metadata.sorted_tables if "created_at" not in t.columns]
    assert missing == []
