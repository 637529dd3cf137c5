"""Job applications: the pipeline stages, applications, their history and interviews."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, one_of, utcnow
from .tags import Tag, application_tags

STAGE_OUTCOMES = ("open", "won", "lost")
# The default pipeline from the brief: (key, name, outcome).
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
WORK_MODES = ("remote", "hybrid", "onsite")
ASYNC_CULTURES = ("async", "mixed", "sync")
SALARY_PERIODS = ("hour", "day", "week", "month", "year")
EMPLOYMENT_TYPES = (
    "full_time",
    "part_time",
    "contract",
    "temporary",
    "internship",
    "volunteer",
    "other",
)
INTERVIEW_KINDS = ("phone", "video", "onsite", "take_home", "other")
INTERVIEW_OUTCOMES = ("pending", "passed", "failed", "cancelled")
CONTACT_ROLES = ("referrer", "recruiter", "interviewer", "hiring_manager", "other")
ATTACHMENT_KINDS = ("resume", "cover_letter", "other")


class Stage(Timestamped, Base):
    """A pipeline stage. `key` is stable; users rename `name` and add their own stages."""

    __tablename__ = "stages"
    __table_args__ = (
        CheckConstraint(one_of("outcome", STAGE_OUTCOMES), name="outcome"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    name: Mapped[str] = mapped_column(String(80), unique=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    outcome: Mapped[str] = mapped_column(String(10), default="open")
    builtin: Mapped[bool] = mapped_column(Boolean, default=False)


class Application(Timestamped, Base):
    __tablename__ = "applications"
    __table_args__ = (
        CheckConstraint("length(trim(company)) > 0", name="company_not_blank"),
        CheckConstraint(one_of("work_mode", WORK_MODES, nullable=True), name="work_mode"),
        CheckConstraint(
            one_of("async_culture", ASYNC_CULTURES, nullable=True), name="async_culture"
        ),
        CheckConstraint(
            one_of("salary_period", SALARY_PERIODS, nullable=True), name="salary_period"
        ),
        CheckConstraint(
            one_of("employment_type", EMPLOYMENT_TYPES, nullable=True), name="employment_type"
        ),
        CheckConstraint("salary_min IS NULL OR salary_min >= 0", name="salary_min"),
        CheckConstraint(
            "salary_max IS NULL OR salary_min IS NULL OR salary_max >= salary_min",
            name="salary_range",
        ),
        CheckConstraint("overlap_hours IS NULL OR overlap_hours BETWEEN 0 AND 24", name="overlap"),
        CheckConstraint("priority BETWEEN 0 AND 5", name="priority"),
        CheckConstraint("excitement BETWEEN 0 AND 5", name="excitement"),
        Index("ix_applications_board_external", "board", "external_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    company: Mapped[str] = mapped_column(String(200), index=True)
    title: Mapped[str] = mapped_column(String(300), default="")
    status: Mapped[str] = mapped_column(
        ForeignKey("stages.key", onupdate="CASCADE", ondelete="RESTRICT"),
        default="saved",
        index=True,
    )
    posting_url: Mapped[str | None] = mapped_column(String(2048), index=True)
    board: Mapped[str | None] = mapped_column(String(40))
    external_id: Mapped[str | None] = mapped_column(String(200))
    location: Mapped[str | None] = mapped_column(String(200))
    work_mode: Mapped[str | None] = mapped_column(String(10))
    remote_region: Mapped[str | None] = mapped_column(String(300))  # who may apply
    team_timezones: Mapped[str | None] = mapped_column(String(200))
    overlap_hours: Mapped[float | None] = mapped_column(Float)
    async_culture: Mapped[str | None] = mapped_column(String(10))
    salary_min: Mapped[float | None] = mapped_column(Float)
    salary_max: Mapped[float | None] = mapped_column(Float)
    salary_currency: Mapped[str | None] = mapped_column(String(3))
    salary_period: Mapped[str | None] = mapped_column(String(10))
    employment_type: Mapped[str | None] = mapped_column(String(20))
    source: Mapped[str | None] = mapped_column(String(100))
    date_posted: Mapped[date | None] = mapped_column(Date)
    valid_through: Mapped[date | None] = mapped_column(Date)
    applied_on: Mapped[date | None] = mapped_column(Date, index=True)
    priority: Mapped[int] = mapped_column(Integer, default=0)
    excitement: Mapped[int] = mapped_column(Integer, default=0)
    next_action: Mapped[str | None] = mapped_column(String(300))
    next_action_due: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    posting_snapshot: Mapped[str | None] = mapped_column(Text)
    # When the user last logged anything on this application (status move, note,
    # interview, activity); drives the follow-up clock without a join per row.
    last_activity_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    history: Mapped[list[StatusChange]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="StatusChange.at",
    )
    interviews: Mapped[list[Interview]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Interview.scheduled_at",
    )
    activities: Mapped[list[ApplicationActivity]] = relationship(
        back_populates="application",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="ApplicationActivity.at",
    )
    attachments: Mapped[list[Attachment]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True
    )
    contact_links: Mapped[list[ApplicationContact]] = relationship(
        back_populates="application", cascade="all, delete-orphan", passive_deletes=True
    )
    tags: Mapped[list[Tag]] = relationship(secondary=application_tags)


class StatusChange(Timestamped, Base):
    """One move in the pipeline. Appended, never rewritten."""

    __tablename__ = "status_changes"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    from_status: Mapped[str | None] = mapped_column(
        ForeignKey("stages.key", onupdate="CASCADE", ondelete="RESTRICT")
    )
    to_status: Mapped[str] = mapped_column(
        ForeignKey("stages.key", onupdate="CASCADE", ondelete="RESTRICT")
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="history")


class ApplicationActivity(Timestamped, Base):
    """Anything the user logs on an application (a follow-up sent, a call); resets the clock."""

    __tablename__ = "application_activities"
    __table_args__ = (CheckConstraint("length(trim(summary)) > 0", name="summary_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    summary: Mapped[str] = mapped_column(Text)

    application: Mapped[Application] = relationship(back_populates="activities")


class Interview(Timestamped, Base):
    __tablename__ = "interviews"
    __table_args__ = (
        CheckConstraint(one_of("kind", INTERVIEW_KINDS), name="kind"),
        CheckConstraint(one_of("outcome", INTERVIEW_OUTCOMES), name="outcome"),
        CheckConstraint("round >= 1", name="round"),
        CheckConstraint("duration_minutes IS NULL OR duration_minutes > 0", name="duration"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    round: Mapped[int] = mapped_column(Integer, default=1)
    scheduled_at: Mapped[datetime] = mapped_column(DateTime)  # UTC
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")  # IANA name shown to the user
    duration_minutes: Mapped[int | None] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12), default="video")
    people: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(10), default="pending")

    application: Mapped[Application] = relationship(back_populates="interviews")


class Attachment(Timestamped, Base):
    """A résumé version, cover letter or other file, copied into the data dir."""

    __tablename__ = "attachments"
    __table_args__ = (CheckConstraint(one_of("kind", ATTACHMENT_KINDS), name="kind"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(12), default="resume")
    label: Mapped[str] = mapped_column(String(200), default="")  # e.g. "Résumé v3 (remote PM)"
    original_name: Mapped[str] = mapped_column(String(260))
    stored_path: Mapped[str] = mapped_column(String(500))  # relative to the attachments dir

    application: Mapped[Application] = relationship(back_populates="attachments")


class ApplicationContact(Timestamped, Base):
    """A contact's part in an application: referrer, recruiter, interviewer…"""

    __tablename__ = "application_contacts"
    __table_args__ = (
        CheckConstraint(one_of("role", CONTACT_ROLES), name="role"),
        UniqueConstraint(
            "application_id", "contact_id", "role", name="uq_application_contact_role"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("applications.id", ondelete="CASCADE"), index=True
    )
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    role: Mapped[str] = mapped_column(String(20), default="other")

    application: Mapped[Application] = relationship(back_populates="contact_links")
