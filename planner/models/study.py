"""Certification study plan: certifications, plans, topics, sessions, scores, hours, PDUs."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
    Float,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, one_of

PLAN_STATUSES = ("planning", "studying", "scheduled", "passed", "expired")
SESSION_KINDS = ("reading", "course", "practice", "workshop", "video", "other")
# PMI Talent Triangle areas plus Giving Back (FACTS.md, "PMI Talent Triangle").
PDU_CATEGORIES = ("ways_of_working", "power_skills", "business_acumen", "giving_back")


class Certification(Timestamped, Base):
    """A certification's rules: from the bundled catalog, or added by the user."""

    __tablename__ = "certifications"
    __table_args__ = (
        CheckConstraint("length(trim(code)) > 0", name="code_not_blank"),
        CheckConstraint("training_hours IS NULL OR training_hours >= 0", name="training_hours"),
        CheckConstraint("exam_questions IS NULL OR exam_questions > 0", name="exam_questions"),
        CheckConstraint("exam_minutes IS NULL OR exam_minutes > 0", name="exam_minutes"),
        CheckConstraint("renewal_pdus IS NULL OR renewal_pdus >= 0", name="renewal_pdus"),
        CheckConstraint("renewal_years IS NULL OR renewal_years > 0", name="renewal_years"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)  # e.g. "PMP"
    name: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(String(100), default="")
    prerequisites: Mapped[str] = mapped_column(Text, default="")
    training_hours: Mapped[float | None] = mapped_column(Float)
    exam_questions: Mapped[int | None] = mapped_column(Integer)
    exam_minutes: Mapped[int | None] = mapped_column(Integer)
    pass_mark: Mapped[str | None] = mapped_column(String(100))
    renewal_rule: Mapped[str] = mapped_column(Text, default="")
    renewal_pdus: Mapped[float | None] = mapped_column(Float)
    renewal_years: Mapped[int | None] = mapped_column(Integer)
    study_hours_suggested: Mapped[float | None] = mapped_column(Float)
    source: Mapped[str] = mapped_column(Text, default="")
    as_of: Mapped[date | None] = mapped_column(Date)
    custom: Mapped[bool] = mapped_column(Boolean, default=False)

    domains: Mapped[list[CertificationDomain]] = relationship(
        back_populates="certification",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CertificationDomain.position",
    )


class CertificationDomain(Timestamped, Base):
    """An exam domain with its weight, e.g. PMP People 33%."""

    __tablename__ = "certification_domains"
    __table_args__ = (
        CheckConstraint(
            "weight_percent IS NULL OR weight_percent BETWEEN 0 AND 100", name="weight"
        ),
        UniqueConstraint("certification_id", "name", name="uq_certification_domain"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        ForeignKey("certifications.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    weight_percent: Mapped[float | None] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer, default=0)

    certification: Mapped[Certification] = relationship(back_populates="domains")


class StudyPlan(Timestamped, Base):
    __tablename__ = "study_plans"
    __table_args__ = (
        CheckConstraint(one_of("status", PLAN_STATUSES), name="status"),
        CheckConstraint("weekly_hours >= 0 AND weekly_hours <= 168", name="weekly_hours"),
        CheckConstraint("hours_needed IS NULL OR hours_needed >= 0", name="hours_needed"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        ForeignKey("certifications.id", ondelete="RESTRICT"), unique=True
    )
    status: Mapped[str] = mapped_column(String(12), default="planning")
    target_exam_date: Mapped[date | None] = mapped_column(Date)
    weekly_hours: Mapped[float] = mapped_column(Float, default=0)
    hours_needed: Mapped[float | None] = mapped_column(Float)  # study hours the user aims for
    started_on: Mapped[date | None] = mapped_column(Date)
    passed_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    certification: Mapped[Certification] = relationship()
    topics: Mapped[list[StudyTopic]] = relationship(
        back_populates="plan",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="StudyTopic.position",
    )
    sessions: Mapped[list[StudySession]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )
    practice_exams: Mapped[list[PracticeExam]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", passive_deletes=True
    )


class StudyTopic(Timestamped, Base):
    __tablename__ = "study_topics"
    __table_args__ = (
        CheckConstraint(
            "weight_percent IS NULL OR weight_percent BETWEEN 0 AND 100", name="weight"
        ),
        UniqueConstraint("plan_id", "name", name="uq_study_topic"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("study_plans.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(200))
    weight_percent: Mapped[float | None] = mapped_column(Float)
    position: Mapped[int] = mapped_column(Integer, default=0)

    plan: Mapped[StudyPlan] = relationship(back_populates="topics")


class StudySession(Timestamped, Base):
    __tablename__ = "study_sessions"
    __table_args__ = (
        CheckConstraint(one_of("kind", SESSION_KINDS), name="kind"),
        CheckConstraint("minutes > 0 AND minutes <= 1440", name="minutes"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("study_plans.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("study_topics.id", ondelete="SET NULL"), index=True
    )
    studied_on: Mapped[date] = mapped_column(Date, index=True)
    minutes: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(12), default="reading")
    planned: Mapped[bool] = mapped_column(Boolean, default=False)  # scheduled, not yet done
    notes: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[StudyPlan] = relationship(back_populates="sessions")
    topic: Mapped[StudyTopic | None] = relationship()


class PracticeExam(Timestamped, Base):
    """A practice test score; `topic_id` set for a topic quiz, empty for a full mock exam."""

    __tablename__ = "practice_exams"
    __table_args__ = (
        CheckConstraint("score_percent BETWEEN 0 AND 100", name="score"),
        CheckConstraint("questions IS NULL OR questions > 0", name="questions"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(
        ForeignKey("study_plans.id", ondelete="CASCADE"), index=True
    )
    topic_id: Mapped[int | None] = mapped_column(
        ForeignKey("study_topics.id", ondelete="SET NULL"), index=True
    )
    taken_on: Mapped[date] = mapped_column(Date)
    score_percent: Mapped[float] = mapped_column(Float)
    questions: Mapped[int | None] = mapped_column(Integer)
    provider: Mapped[str] = mapped_column(String(200), default="")
    notes: Mapped[str] = mapped_column(Text, default="")

    plan: Mapped[StudyPlan] = relationship(back_populates="practice_exams")
    topic: Mapped[StudyTopic | None] = relationship()


class TrainingRecord(Timestamped, Base):
    """Contact hours from a course (the PMP's 35 hours), with its certificate file."""

    __tablename__ = "training_records"
    __table_args__ = (
        CheckConstraint("hours > 0", name="hours"),
        CheckConstraint("agile_hours >= 0 AND agile_hours <= hours", name="agile_hours"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    course: Mapped[str] = mapped_column(String(300))
    provider: Mapped[str] = mapped_column(String(200), default="")
    completed_on: Mapped[date] = mapped_column(Date)
    hours: Mapped[float] = mapped_column(Float)
    agile_hours: Mapped[float] = mapped_column(Float, default=0)  # counts towards PMI-ACP
    certificate_path: Mapped[str | None] = mapped_column(String(500))
    notes: Mapped[str] = mapped_column(Text, default="")


class PduRecord(Timestamped, Base):
    """Professional development units earned towards a certification's renewal."""

    __tablename__ = "pdu_records"
    __table_args__ = (
        CheckConstraint(one_of("category", PDU_CATEGORIES), name="category"),
        CheckConstraint("pdus > 0", name="pdus"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    certification_id: Mapped[int] = mapped_column(
        ForeignKey("certifications.id", ondelete="CASCADE"), index=True
    )
    earned_on: Mapped[date] = mapped_column(Date)
    category: Mapped[str] = mapped_column(String(20))
    pdus: Mapped[float] = mapped_column(Float)
    activity: Mapped[str] = mapped_column(String(300), default="")

    certification: Mapped[Certification] = relationship()
