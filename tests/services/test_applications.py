"""Applications: pipeline history, validation, the follow-up clock, re-apply warnings, undo."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import select

from planner.models import Application, StatusChange
from planner.services import applications as apps
from planner.services.stages import StageError, add_stage, list_stages, rename_stage

NOW = datetime(2026, 11, 23, 12, 0)


def _app(session, **fields):
    fields.setdefault("company", "Acme")
    return apps.create_application(session, **fields)


def test_a_new_application_starts_its_history(store):
    with store.transaction() as session:
        app = _app(session, status="applied")
    with store.session() as session:
        history = session.scalars(
            select(StatusChange).where(StatusChange.application_id == app.id)
        ).all()
        assert [(h.from_status, h.to_status) for h in history] == [(None, "applied")]
        assert session.get(Application, app.id).applied_on == date.today()


def test_status_changes_append_and_never_rewrite(store):
    with store.transaction() as session:
        app = _app(session)
    first_at = None
    for status in ("applied", "screening", "rejected"):
        with store.transaction() as session:
            row = session.get(Application, app.id)
            apps.change_status(session, row, status)
            if first_at is None:
                first_at = row.last_activity_at
    with store.session() as session:
        moves = session.scalars(
            select(StatusChange)
            .where(StatusChange.application_id == app.id)
            .order_by(StatusChange.id)
        ).all()
    assert [(m.from_status, m.to_status) for m in moves] == [
        (None, "saved"),
        ("saved", "applied"),
        ("applied", "screening"),
        ("screening", "rejected"),
    ]
    assert moves[1].at == first_at


def test_moving_to_the_same_status_writes_nothing(store):
    with store.transaction() as session:
        app = _app(session)
        assert apps.change_status(session, app, "saved") is None


def test_unknown_status_is_refused(store):
    with pytest.raises(apps.ValidationError), store.transaction() as session:
        apps.change_status(session, _app(session), "nowhere")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"salary_min": 100, "salary_max": 90}, "salary_max"),
        ({"applied_on": date.today() + timedelta(days=1)}, "applied_on"),
        ({"posting_url": "boards.greenhouse.io/acme"}, "posting_url"),
        ({"posting_url": "javascript:alert(1)"}, "posting_url"),
        ({"salary_currency": "dollars"}, "salary_currency"),
        ({"company": "  "}, "company"),
        ({"overlap_hours": 30}, "overlap_hours"),
    ],
)
def test_validation_names_the_faulty_field(fields, field):
    problems = apps.validate_fields({"company": "Acme", **fields})
    assert field in problems and problems[field].endswith(".")


def test_valid_fields_have_no_problems():
    assert (
        apps.validate_fields(
            {
                "company": "Acme",
                "salary_min": 90,
                "salary_max": 100,
                "salary_currency": "EUR",
                "applied_on": date.today(),
                "posting_url": "https://jobs.lever.co/acme/123",
            }
        )
        == {}
    )


RULE = apps.FollowUpRule(after_applied_days=7, overall_days=21)


@pytest.mark.parametrize(
    ("status", "outcome", "quiet_days", "due"),
    [
        ("applied", "open", 8, True),
        ("applied", "open", 6, False),
        ("screening", "open", 20, False),
        ("screening", "open", 22, True),
        ("interviewing", "open", 21, True),
        ("rejected", "lost", 400, False),
        ("accepted", "won", 400, False),
        ("saved", "open", 400, False),
    ],
)
def test_follow_up_clock(status, outcome, quiet_days, due):
    assert apps.follow_up_due(status, outcome, NOW - timedelta(days=quiet_days), NOW, RULE) is due


def test_logging_activity_resets_the_clock(store):
    with store.transaction() as session:
        app = _app(session, status="applied")
        app.last_activity_at = NOW - timedelta(days=10)
    with store.session() as session:
        assert [a.id for a in apps.due_for_follow_up(session, NOW)] == [app.id]
    with store.transaction() as session:
        apps.log_activity(session, session.get(Application, app.id), "Sent a follow-up", at=NOW)
    with store.session() as session:
        assert apps.due_for_follow_up(session, NOW) == []


def test_follow_up_interval_is_a_setting(store):
    with store.transaction() as session:
        app = _app(session, status="applied")
        app.last_activity_at = NOW - timedelta(days=4)
        apps.set_follow_up_rule(session, apps.FollowUpRule(3, 10))
    with store.session() as session:
        assert apps.follow_up_rule(session) == apps.FollowUpRule(3, 10)
        assert len(apps.due_for_follow_up(session, NOW)) == 1


def test_reapply_warning_for_the_same_posting_id(store):
    with store.transaction() as session:
        _app(session, company="Acme", title="PM", board="lever", external_id="abc")
        warnings = apps.reapply_warnings(
            session, company="Other name", board="lever", external_id="abc"
        )
    assert len(warnings) == 1 and "already tracked" in warnings[0]


def test_reapply_warning_for_a_near_identical_title_at_the_same_company(store):
    with store.transaction() as session:
        _app(session, company="Acme", title="Senior Project Manager (Remote)")
        near = apps.reapply_warnings(
            session, company="acme ", title="Senior Project Manager - Remote"
        )
        other = apps.reapply_warnings(session, company="Acme", title="Data Engineer")
    assert any("near-identical" in w for w in near)
    assert other == []


def test_reapply_warning_after_rejection_or_ghosting(store):
    with store.transaction() as session:
        app = _app(session, company="Acme", title="PM")
        apps.change_status(session, app, "ghosted")
        warnings = apps.reapply_warnings(session, company="ACME", title="Delivery lead")
    assert warnings == ["You applied to ACME before: ghosted."]


def test_delete_then_restore_brings_everything_back(demo_store):
    with demo_store.session() as session:
        app = session.scalars(
            select(Application).where(Application.status == "interviewing")
        ).first()
        before = apps.application_detail(session, app.id)
        counts = (len(before.history), len(before.interviews), len(before.tags))
    with demo_store.transaction() as session:
        snapshot = apps.delete_applications(session, [app.id])
    with demo_store.session() as session:
        assert session.get(Application, app.id) is None
    with demo_store.transaction() as session:
        apps.restore_applications(session, snapshot)
    with demo_store.session() as session:
        after = apps.application_detail(session, app.id)
        assert (len(after.history), len(after.interviews), len(after.tags)) == counts
        assert after.company == before.company


def test_pipeline_metrics(store):
    t0 = datetime(2026, 10, 1, 9)
    with store.transaction() as session:
        for n, path in enumerate(
            [["applied", "screening"], ["applied", "rejected"], ["applied", "ghosted"], ["applied"]]
        ):
            app = _app(session, company=f"C{n}")
            for step, status in enumerate(path):
                apps.change_status(session, app, status, at=t0 + timedelta(days=2 * step + n))
        metrics = apps.pipeline_metrics(session, NOW)
    assert metrics["applied"] == 4
    assert metrics["response_rate"] == 0.25  # only one reached screening or later
    assert metrics["median_days_to_first_response"] == 2.0  # screening and rejected, 2 days each


@pytest.mark.parametrize(
    ("args", "text"),
    [
        ((90000, 110000, "USD", "year"), "USD 90k–110k / year"),
        ((45, None, "EUR", "hour"), "EUR 45 / hour"),
        ((None, 120000, "GBP", None), "GBP up to 120k"),
        ((None, None, "USD", "year"), ""),
    ],
)
def test_salary_is_shown_compactly(args, text):
    assert apps.format_salary(*args) == text


def test_interview_times_are_stored_in_utc_and_shown_in_their_zone():
    local = datetime(2026, 7, 1, 15, 0)
    stored = apps.to_utc(local, "Europe/Berlin")
    assert stored == datetime(2026, 7, 1, 13, 0)
    assert apps.from_utc(stored, "America/New_York") == datetime(2026, 7, 1, 9, 0)
    with pytest.raises(apps.ValidationError):
        apps.to_utc(local, "Mars/Olympus")


def test_attachments_are_copied_and_removal_keeps_a_copy_in_trash(store, tmp_path):
    original = tmp_path / "resume v3.pdf"
    original.write_bytes(b"%PDF-1.4 resume")
    with store.transaction() as session:
        app = _app(session)
        first = apps.add_attachment(session, store.attachments_dir, app, original, "resume")
        second = apps.add_attachment(session, store.attachments_dir, app, original, "resume")
    copy = store.attachments_dir / first.stored_path
    assert copy.read_bytes() == original.read_bytes() and copy != original
    assert first.stored_path != second.stored_path
    with store.transaction() as session:
        apps.remove_attachment(session, store.attachments_dir, first.id)
    assert not copy.exists()
    assert list((store.attachments_dir / "trash").iterdir())
    assert original.exists()


def test_users_can_add_and_rename_stages(store):
    with store.transaction() as session:
        stage = add_stage(session, "Take-home task", after="screening")
        rename_stage(session, "applied", "Sent")
        keys = [s.key for s in list_stages(session)]
        assert keys.index(stage.key) == keys.index("screening") + 1
        with pytest.raises(StageError):
            add_stage(session, "sent")
    with store.transaction() as session:
        app = _app(session)
        apps.change_status(session, app, stage.key)


@pytest.mark.parametrize("descending", [False, True])
@pytest.mark.parametrize("key", ["company", "status", "applied_on", "salary", "quiet"])
def test_sql_order_gives_the_first_rows_of_the_in_memory_sort(demo_store, key, descending):
    """The table shows its first screenful from SQL, then sorts in memory: same order."""
    from planner.models import Stage

    with demo_store.session() as session:
        first = apps.application_rows(session, order_by=apps.row_order(key, descending), limit=10)
        every = apps.application_rows(session)
        position = {s.key: s.position for s in session.scalars(select(Stage))}
    value = {
        "company": lambda r: r.company.casefold(),
        "status": lambda r: position[r.status],
        "applied_on": lambda r: r.applied_on or "",
        "salary": lambda r: r.salary_max or r.salary_min or 0.0,
        "quiet": lambda r: r.last_activity_at,
    }[key]
    reverse = descending if key != "quiet" else not descending
    expected = sorted(every, key=value, reverse=reverse)
    if key == "applied_on":
        expected = [r for r in expected if r.applied_on] + [r for r in expected if not r.applied_on]
    assert [value(r) for r in first] == [value(r) for r in expected[:10]]
