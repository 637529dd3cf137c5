"""Initial schema: all four trackers, tags, settings; the default pipeline stages.

Revision ID: 0001_initial
Revises:
Create Date: 2026-11-23 09:21:34.566708
"""

from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

# Frozen copy: later edits to the app's defaults must not change what this revision did.
DEFAULT_STAGES = (
    ("saved", "Saved", "open"),
    ("applied", "Applied", "open"),
    ("screening", "Screening", "open"),
    ("interviewing", "Interviewing", "open"),
    ("offer", "Offer", "open"),
    ("accepted", "Accepted", "won"),
    ("rejected", "Rejected", "lost"),
    ("withdrawn", "Withdrawn", "lost"),
    ("ghosted", "Ghosted", "lost"),
)


revision = "0001_initial"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "certifications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("body", sa.String(length=100), nullable=False),
        sa.Column("prerequisites", sa.Text(), nullable=False),
        sa.Column("training_hours", sa.Float(), nullable=True),
        sa.Column("exam_questions", sa.Integer(), nullable=True),
        sa.Column("exam_minutes", sa.Integer(), nullable=True),
        sa.Column("pass_mark", sa.String(length=100), nullable=True),
        sa.Column("renewal_rule", sa.Text(), nullable=False),
        sa.Column("renewal_pdus", sa.Float(), nullable=True),
        sa.Column("renewal_years", sa.Integer(), nullable=True),
        sa.Column("study_hours_suggested", sa.Float(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("as_of", sa.Date(), nullable=True),
        sa.Column("custom", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "exam_minutes IS NULL OR exam_minutes > 0", name=op.f("ck_certifications_exam_minutes")
        ),
        sa.CheckConstraint(
            "exam_questions IS NULL OR exam_questions > 0",
            name=op.f("ck_certifications_exam_questions"),
        ),
        sa.CheckConstraint("length(trim(code)) > 0", name=op.f("ck_certifications_code_not_blank")),
        sa.CheckConstraint(
            "renewal_pdus IS NULL OR renewal_pdus >= 0", name=op.f("ck_certifications_renewal_pdus")
        ),
        sa.CheckConstraint(
            "renewal_years IS NULL OR renewal_years > 0",
            name=op.f("ck_certifications_renewal_years"),
        ),
        sa.CheckConstraint(
            "training_hours IS NULL OR training_hours >= 0",
            name=op.f("ck_certifications_training_hours"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certifications")),
        sa.UniqueConstraint("code", name=op.f("uq_certifications_code")),
    )
    op.create_table(
        "contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=True),
        sa.Column("position", sa.String(length=200), nullable=True),
        sa.Column("email", sa.String(length=320), nullable=True),
        sa.Column("phone", sa.String(length=50), nullable=True),
        sa.Column("linkedin_url", sa.String(length=500), nullable=True),
        sa.Column("met_via", sa.String(length=12), nullable=True),
        sa.Column("where_met", sa.String(length=300), nullable=True),
        sa.Column("strength", sa.Integer(), nullable=False),
        sa.Column("keep_in_touch_days", sa.Integer(), nullable=True),
        sa.Column("connected_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "met_via IS NULL OR met_via IN ('event', 'association', 'referral', 'online', 'work', 'other')",
            name=op.f("ck_contacts_met_via"),
        ),
        sa.CheckConstraint(
            "keep_in_touch_days IS NULL OR keep_in_touch_days > 0",
            name=op.f("ck_contacts_keep_in_touch"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_contacts_name_not_blank")),
        sa.CheckConstraint("strength BETWEEN 0 AND 5", name=op.f("ck_contacts_strength")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contacts")),
    )
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contacts_email"), ["email"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_contacts_linkedin_url"), ["linkedin_url"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_contacts_name"), ["name"], unique=False)

    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("location", sa.String(length=300), nullable=True),
        sa.Column("url", sa.String(length=2048), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('conference', 'meetup', 'chapter', 'webinar', 'workshop', 'other')",
            name=op.f("ck_events_kind"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_events_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
    )
    op.create_table(
        "projects",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("organization", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("start_month", sa.Date(), nullable=False),
        sa.Column("end_month", sa.Date(), nullable=True),
        sa.Column("led_project", sa.Boolean(), nullable=False),
        sa.Column("team_size", sa.Integer(), nullable=True),
        sa.Column("distributed", sa.Boolean(), nullable=False),
        sa.Column("methodology", sa.String(length=12), nullable=True),
        sa.Column("budget", sa.Float(), nullable=True),
        sa.Column("budget_currency", sa.String(length=3), nullable=True),
        sa.Column("tools", sa.Text(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("outcomes", sa.Text(), nullable=False),
        sa.Column("links", sa.Text(), nullable=False),
        sa.Column("include_in_portfolio", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('employment', 'freelance', 'volunteer', 'course', 'personal')",
            name=op.f("ck_projects_kind"),
        ),
        sa.CheckConstraint(
            "methodology IS NULL OR methodology IN ('scrum', 'kanban', 'waterfall', 'hybrid', 'safe', 'prince2', 'other')",
            name=op.f("ck_projects_methodology"),
        ),
        sa.CheckConstraint("budget IS NULL OR budget >= 0", name=op.f("ck_projects_budget")),
        sa.CheckConstraint(
            "end_month IS NULL OR end_month >= start_month", name=op.f("ck_projects_months")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_projects_name_not_blank")),
        sa.CheckConstraint(
            "team_size IS NULL OR team_size > 0", name=op.f("ck_projects_team_size")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_projects")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "skills",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("category", sa.String(length=100), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_skills_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skills")),
        sa.UniqueConstraint("name", name=op.f("uq_skills_name")),
    )
    op.create_table(
        "stages",
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("builtin", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("outcome IN ('open', 'won', 'lost')", name=op.f("ck_stages_outcome")),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_stages_name_not_blank")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_stages")),
        sa.UniqueConstraint("name", name=op.f("uq_stages_name")),
    )
    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=100), nullable=False),
        sa.Column("keep_in_touch_days", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "keep_in_touch_days IS NULL OR keep_in_touch_days > 0",
            name=op.f("ck_tags_keep_in_touch"),
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_tags_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("name", name=op.f("uq_tags_name")),
    )
    op.create_table(
        "training_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("course", sa.String(length=300), nullable=False),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("completed_on", sa.Date(), nullable=False),
        sa.Column("hours", sa.Float(), nullable=False),
        sa.Column("agile_hours", sa.Float(), nullable=False),
        sa.Column("certificate_path", sa.String(length=500), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "agile_hours >= 0 AND agile_hours <= hours",
            name=op.f("ck_training_records_agile_hours"),
        ),
        sa.CheckConstraint("hours > 0", name=op.f("ck_training_records_hours")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_training_records")),
    )
    op.create_table(
        "applications",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("company", sa.String(length=200), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("status", sa.String(length=40), nullable=False),
        sa.Column("posting_url", sa.String(length=2048), nullable=True),
        sa.Column("board", sa.String(length=40), nullable=True),
        sa.Column("external_id", sa.String(length=200), nullable=True),
        sa.Column("location", sa.String(length=200), nullable=True),
        sa.Column("work_mode", sa.String(length=10), nullable=True),
        sa.Column("remote_region", sa.String(length=300), nullable=True),
        sa.Column("team_timezones", sa.String(length=200), nullable=True),
        sa.Column("overlap_hours", sa.Float(), nullable=True),
        sa.Column("async_culture", sa.String(length=10), nullable=True),
        sa.Column("salary_min", sa.Float(), nullable=True),
        sa.Column("salary_max", sa.Float(), nullable=True),
        sa.Column("salary_currency", sa.String(length=3), nullable=True),
        sa.Column("salary_period", sa.String(length=10), nullable=True),
        sa.Column("employment_type", sa.String(length=20), nullable=True),
        sa.Column("source", sa.String(length=100), nullable=True),
        sa.Column("date_posted", sa.Date(), nullable=True),
        sa.Column("valid_through", sa.Date(), nullable=True),
        sa.Column("applied_on", sa.Date(), nullable=True),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("excitement", sa.Integer(), nullable=False),
        sa.Column("next_action", sa.String(length=300), nullable=True),
        sa.Column("next_action_due", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("posting_snapshot", sa.Text(), nullable=True),
        sa.Column("last_activity_at", sa.DateTime(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "async_culture IS NULL OR async_culture IN ('async', 'mixed', 'sync')",
            name=op.f("ck_applications_async_culture"),
        ),
        sa.CheckConstraint(
            "employment_type IS NULL OR employment_type IN ('full_time', 'part_time', 'contract', 'temporary', 'internship', 'volunteer', 'other')",
            name=op.f("ck_applications_employment_type"),
        ),
        sa.CheckConstraint(
            "salary_period IS NULL OR salary_period IN ('hour', 'day', 'week', 'month', 'year')",
            name=op.f("ck_applications_salary_period"),
        ),
        sa.CheckConstraint(
            "work_mode IS NULL OR work_mode IN ('remote', 'hybrid', 'onsite')",
            name=op.f("ck_applications_work_mode"),
        ),
        sa.CheckConstraint("excitement BETWEEN 0 AND 5", name=op.f("ck_applications_excitement")),
        sa.CheckConstraint(
            "length(trim(company)) > 0", name=op.f("ck_applications_company_not_blank")
        ),
        sa.CheckConstraint(
            "overlap_hours IS NULL OR overlap_hours BETWEEN 0 AND 24",
            name=op.f("ck_applications_overlap"),
        ),
        sa.CheckConstraint("priority BETWEEN 0 AND 5", name=op.f("ck_applications_priority")),
        sa.CheckConstraint(
            "salary_max IS NULL OR salary_min IS NULL OR salary_max >= salary_min",
            name=op.f("ck_applications_salary_range"),
        ),
        sa.CheckConstraint(
            "salary_min IS NULL OR salary_min >= 0", name=op.f("ck_applications_salary_min")
        ),
        sa.ForeignKeyConstraint(
            ["status"],
            ["stages.key"],
            name=op.f("fk_applications_status_stages"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_applications")),
    )
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_applications_applied_on"), ["applied_on"], unique=False
        )
        batch_op.create_index(
            "ix_applications_board_external", ["board", "external_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_applications_company"), ["company"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_applications_posting_url"), ["posting_url"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_applications_status"), ["status"], unique=False)

    op.create_table(
        "certification_domains",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certification_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("weight_percent", sa.Float(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "weight_percent IS NULL OR weight_percent BETWEEN 0 AND 100",
            name=op.f("ck_certification_domains_weight"),
        ),
        sa.ForeignKeyConstraint(
            ["certification_id"],
            ["certifications.id"],
            name=op.f("fk_certification_domains_certification_id_certifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_certification_domains")),
        sa.UniqueConstraint("certification_id", "name", name="uq_certification_domain"),
    )
    with op.batch_alter_table("certification_domains", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_certification_domains_certification_id"),
            ["certification_id"],
            unique=False,
        )

    op.create_table(
        "contact_events",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_events_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_contact_events_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", "event_id", name=op.f("pk_contact_events")),
    )
    with op.batch_alter_table("contact_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_events_event_id"), ["event_id"], unique=False)

    op.create_table(
        "contact_tags",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_tags_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"], ["tags.id"], name=op.f("fk_contact_tags_tag_id_tags"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("contact_id", "tag_id", name=op.f("pk_contact_tags")),
    )
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "interactions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("channel", sa.String(length=10), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("follow_up_on", sa.Date(), nullable=True),
        sa.Column("follow_up_done", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "channel IN ('email', 'call', 'video', 'message', 'linkedin', 'meeting', 'event', 'other')",
            name=op.f("ck_interactions_channel"),
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_interactions_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interactions")),
    )
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interactions_contact_id"), ["contact_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_interactions_occurred_on"), ["occurred_on"], unique=False
        )

    op.create_table(
        "pdu_records",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certification_id", sa.Integer(), nullable=False),
        sa.Column("earned_on", sa.Date(), nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("pdus", sa.Float(), nullable=False),
        sa.Column("activity", sa.String(length=300), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "category IN ('ways_of_working', 'power_skills', 'business_acumen', 'giving_back')",
            name=op.f("ck_pdu_records_category"),
        ),
        sa.CheckConstraint("pdus > 0", name=op.f("ck_pdu_records_pdus")),
        sa.ForeignKeyConstraint(
            ["certification_id"],
            ["certifications.id"],
            name=op.f("fk_pdu_records_certification_id_certifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_pdu_records")),
    )
    with op.batch_alter_table("pdu_records", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_pdu_records_certification_id"), ["certification_id"], unique=False
        )

    op.create_table(
        "project_skills",
        sa.Column("project_id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["project_id"],
            ["projects.id"],
            name=op.f("fk_project_skills_project_id_projects"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_project_skills_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("project_id", "skill_id", name=op.f("pk_project_skills")),
    )
    with op.batch_alter_table("project_skills", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_project_skills_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "skill_ratings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("skill_id", sa.Integer(), nullable=False),
        sa.Column("rated_on", sa.Date(), nullable=False),
        sa.Column("rating", sa.Integer(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("rating BETWEEN 1 AND 5", name=op.f("ck_skill_ratings_rating")),
        sa.ForeignKeyConstraint(
            ["skill_id"],
            ["skills.id"],
            name=op.f("fk_skill_ratings_skill_id_skills"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_skill_ratings")),
    )
    with op.batch_alter_table("skill_ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_skill_ratings_skill_id"), ["skill_id"], unique=False)

    op.create_table(
        "study_plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("certification_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("target_exam_date", sa.Date(), nullable=True),
        sa.Column("weekly_hours", sa.Float(), nullable=False),
        sa.Column("hours_needed", sa.Float(), nullable=True),
        sa.Column("started_on", sa.Date(), nullable=True),
        sa.Column("passed_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "status IN ('planning', 'studying', 'scheduled', 'passed', 'expired')",
            name=op.f("ck_study_plans_status"),
        ),
        sa.CheckConstraint(
            "hours_needed IS NULL OR hours_needed >= 0", name=op.f("ck_study_plans_hours_needed")
        ),
        sa.CheckConstraint(
            "weekly_hours >= 0 AND weekly_hours <= 168", name=op.f("ck_study_plans_weekly_hours")
        ),
        sa.ForeignKeyConstraint(
            ["certification_id"],
            ["certifications.id"],
            name=op.f("fk_study_plans_certification_id_certifications"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_plans")),
        sa.UniqueConstraint("certification_id", name=op.f("uq_study_plans_certification_id")),
    )
    op.create_table(
        "application_activities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "length(trim(summary)) > 0", name=op.f("ck_application_activities_summary_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_activities_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_activities")),
    )
    with op.batch_alter_table("application_activities", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_activities_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "application_contacts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "role IN ('referrer', 'recruiter', 'interviewer', 'hiring_manager', 'other')",
            name=op.f("ck_application_contacts_role"),
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_contacts_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_application_contacts_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_application_contacts")),
        sa.UniqueConstraint(
            "application_id", "contact_id", "role", name="uq_application_contact_role"
        ),
    )
    with op.batch_alter_table("application_contacts", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_application_contacts_application_id"), ["application_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_application_contacts_contact_id"), ["contact_id"], unique=False
        )

    op.create_table(
        "application_tags",
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_application_tags_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["tag_id"],
            ["tags.id"],
            name=op.f("fk_application_tags_tag_id_tags"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("application_id", "tag_id", name=op.f("pk_application_tags")),
    )
    with op.batch_alter_table("application_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_application_tags_tag_id"), ["tag_id"], unique=False)

    op.create_table(
        "attachments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("label", sa.String(length=200), nullable=False),
        sa.Column("original_name", sa.String(length=260), nullable=False),
        sa.Column("stored_path", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('resume', 'cover_letter', 'other')", name=op.f("ck_attachments_kind")
        ),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_attachments_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_attachments")),
    )
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_attachments_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "interviews",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("round", sa.Integer(), nullable=False),
        sa.Column("scheduled_at", sa.DateTime(), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("people", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('phone', 'video', 'onsite', 'take_home', 'other')",
            name=op.f("ck_interviews_kind"),
        ),
        sa.CheckConstraint(
            "outcome IN ('pending', 'passed', 'failed', 'cancelled')",
            name=op.f("ck_interviews_outcome"),
        ),
        sa.CheckConstraint(
            "duration_minutes IS NULL OR duration_minutes > 0", name=op.f("ck_interviews_duration")
        ),
        sa.CheckConstraint("round >= 1", name=op.f("ck_interviews_round")),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_interviews_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_interviews")),
    )
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_interviews_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "status_changes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("application_id", sa.Integer(), nullable=False),
        sa.Column("from_status", sa.String(length=40), nullable=True),
        sa.Column("to_status", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["application_id"],
            ["applications.id"],
            name=op.f("fk_status_changes_application_id_applications"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["from_status"],
            ["stages.key"],
            name=op.f("fk_status_changes_from_status_stages"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["to_status"],
            ["stages.key"],
            name=op.f("fk_status_changes_to_status_stages"),
            onupdate="CASCADE",
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_status_changes")),
    )
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_status_changes_application_id"), ["application_id"], unique=False
        )

    op.create_table(
        "study_topics",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("weight_percent", sa.Float(), nullable=True),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "weight_percent IS NULL OR weight_percent BETWEEN 0 AND 100",
            name=op.f("ck_study_topics_weight"),
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["study_plans.id"],
            name=op.f("fk_study_topics_plan_id_study_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_topics")),
        sa.UniqueConstraint("plan_id", "name", name="uq_study_topic"),
    )
    with op.batch_alter_table("study_topics", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_study_topics_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "practice_exams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("taken_on", sa.Date(), nullable=False),
        sa.Column("score_percent", sa.Float(), nullable=False),
        sa.Column("questions", sa.Integer(), nullable=True),
        sa.Column("provider", sa.String(length=200), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "questions IS NULL OR questions > 0", name=op.f("ck_practice_exams_questions")
        ),
        sa.CheckConstraint("score_percent BETWEEN 0 AND 100", name=op.f("ck_practice_exams_score")),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["study_plans.id"],
            name=op.f("fk_practice_exams_plan_id_study_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["study_topics.id"],
            name=op.f("fk_practice_exams_topic_id_study_topics"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_exams")),
    )
    with op.batch_alter_table("practice_exams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_practice_exams_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_practice_exams_topic_id"), ["topic_id"], unique=False)

    op.create_table(
        "study_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("topic_id", sa.Integer(), nullable=True),
        sa.Column("studied_on", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("planned", sa.Boolean(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "kind IN ('reading', 'course', 'practice', 'workshop', 'video', 'other')",
            name=op.f("ck_study_sessions_kind"),
        ),
        sa.CheckConstraint(
            "minutes > 0 AND minutes <= 1440", name=op.f("ck_study_sessions_minutes")
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["study_plans.id"],
            name=op.f("fk_study_sessions_plan_id_study_plans"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["topic_id"],
            ["study_topics.id"],
            name=op.f("fk_study_sessions_topic_id_study_topics"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_study_sessions")),
    )
    with op.batch_alter_table("study_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_study_sessions_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_study_sessions_studied_on"), ["studied_on"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_study_sessions_topic_id"), ["topic_id"], unique=False)

    stages = sa.table(
        "stages",
        sa.column("key", sa.String),
        sa.column("name", sa.String),
        sa.column("position", sa.Integer),
        sa.column("outcome", sa.String),
        sa.column("builtin", sa.Boolean),
        sa.column("created_at", sa.DateTime),
        sa.column("updated_at", sa.DateTime),
    )
    now = datetime.now(UTC).replace(tzinfo=None)
    op.bulk_insert(
        stages,
        [
            {
                "key": key,
                "name": name,
                "position": i * 10,
                "outcome": outcome,
                "builtin": True,
                "created_at": now,
                "updated_at": now,
            }
            for i, (key, name, outcome) in enumerate(DEFAULT_STAGES)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("study_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_study_sessions_topic_id"))
        batch_op.drop_index(batch_op.f("ix_study_sessions_studied_on"))
        batch_op.drop_index(batch_op.f("ix_study_sessions_plan_id"))

    op.drop_table("study_sessions")
    with op.batch_alter_table("practice_exams", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_practice_exams_topic_id"))
        batch_op.drop_index(batch_op.f("ix_practice_exams_plan_id"))

    op.drop_table("practice_exams")
    with op.batch_alter_table("study_topics", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_study_topics_plan_id"))

    op.drop_table("study_topics")
    with op.batch_alter_table("status_changes", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_status_changes_application_id"))

    op.drop_table("status_changes")
    with op.batch_alter_table("interviews", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interviews_application_id"))

    op.drop_table("interviews")
    with op.batch_alter_table("attachments", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_attachments_application_id"))

    op.drop_table("attachments")
    with op.batch_alter_table("application_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_tags_tag_id"))

    op.drop_table("application_tags")
    with op.batch_alter_table("application_contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_contacts_contact_id"))
        batch_op.drop_index(batch_op.f("ix_application_contacts_application_id"))

    op.drop_table("application_contacts")
    with op.batch_alter_table("application_activities", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_application_activities_application_id"))

    op.drop_table("application_activities")
    op.drop_table("study_plans")
    with op.batch_alter_table("skill_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_skill_ratings_skill_id"))

    op.drop_table("skill_ratings")
    with op.batch_alter_table("project_skills", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_project_skills_skill_id"))

    op.drop_table("project_skills")
    with op.batch_alter_table("pdu_records", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_pdu_records_certification_id"))

    op.drop_table("pdu_records")
    with op.batch_alter_table("interactions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_interactions_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_interactions_contact_id"))

    op.drop_table("interactions")
    with op.batch_alter_table("contact_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_tags_tag_id"))

    op.drop_table("contact_tags")
    with op.batch_alter_table("contact_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_events_event_id"))

    op.drop_table("contact_events")
    with op.batch_alter_table("certification_domains", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_certification_domains_certification_id"))

    op.drop_table("certification_domains")
    with op.batch_alter_table("applications", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_applications_status"))
        batch_op.drop_index(batch_op.f("ix_applications_posting_url"))
        batch_op.drop_index(batch_op.f("ix_applications_company"))
        batch_op.drop_index("ix_applications_board_external")
        batch_op.drop_index(batch_op.f("ix_applications_applied_on"))

    op.drop_table("applications")
    op.drop_table("training_records")
    op.drop_table("tags")
    op.drop_table("stages")
    op.drop_table("skills")
    op.drop_table("settings")
    op.drop_table("projects")
    op.drop_table("events")
    with op.batch_alter_table("contacts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contacts_name"))
        batch_op.drop_index(batch_op.f("ix_contacts_linkedin_url"))
        batch_op.drop_index(batch_op.f("ix_contacts_email"))

    op.drop_table("contacts")
    op.drop_table("certifications")
