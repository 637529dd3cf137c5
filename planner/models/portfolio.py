"""Portfolio: past projects, the user's skills, self-ratings over time, and evidence links."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    Float,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, one_of, utcnow

PROJECT_KINDS = ("employment", "freelance", "volunteer", "course", "personal")
METHODOLOGIES = ("scrum", "kanban", "waterfall", "hybrid", "safe", "prince2", "other")
AGILE_METHODOLOGIES = ("scrum", "kanban", "hybrid", "safe")

project_skills = Table(
    "project_skills",
    Base.metadata,
    Column("project_id", ForeignKey("projects.id", ondelete="CASCADE"), primary_key=True),
    Column("skill_id", ForeignKey("skills.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("created_at", DateTime, default=utcnow, nullable=False),
)


class Project(Timestamped, Base):
    __tablename__ = "projects"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint(one_of("kind", PROJECT_KINDS), name="kind"),
        CheckConstraint(one_of("methodology", METHODOLOGIES, nullable=True), name="methodology"),
        CheckConstraint("end_month IS NULL OR end_month >= start_month", name="months"),
        CheckConstraint("team_size IS NULL OR team_size > 0", name="team_size"),
        CheckConstraint("budget IS NULL OR budget >= 0", name="budget"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    organization: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(12), default="employment")
    # Months are stored as the first day of the month; an empty end means ongoing.
    start_month: Mapped[date] = mapped_column(Date)
    end_month: Mapped[date | None] = mapped_column(Date)
    led_project: Mapped[bool] = mapped_column(Boolean, default=True)  # counts for PMP experience
    team_size: Mapped[int | None] = mapped_column(Integer)
    distributed: Mapped[bool] = mapped_column(Boolean, default=False)
    methodology: Mapped[str | None] = mapped_column(String(12))
    budget: Mapped[float | None] = mapped_column(Float)
    budget_currency: Mapped[str | None] = mapped_column(String(3))
    tools: Mapped[str] = mapped_column(Text, default="")  # comma-separated: "Jira, Confluence"
    summary: Mapped[str] = mapped_column(Text, default="")
    outcomes: Mapped[str] = mapped_column(Text, default="")  # one per line, with numbers
    links: Mapped[str] = mapped_column(Text, default="")  # one URL per line
    include_in_portfolio: Mapped[bool] = mapped_column(Boolean, default=True)

    skills: Mapped[list[Skill]] = relationship(secondary=project_skills, back_populates="projects")


class Skill(Timestamped, Base):
    __tablename__ = "skills"
    __table_args__ = (CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    category: Mapped[str] = mapped_column(String(100), default="")  # communication, leadership…

    projects: Mapped[list[Project]] = relationship(
        secondary=project_skills, back_populates="skills"
    )
    ratings: Mapped[list[SkillRating]] = relationship(
        back_populates="skill",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="SkillRating.rated_on",
    )


class SkillRating(Timestamped, Base):
    __tablename__ = "skill_ratings"
    __table_args__ = (CheckConstraint("rating BETWEEN 1 AND 5", name="rating"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    skill_id: Mapped[int] = mapped_column(ForeignKey("skills.id", ondelete="CASCADE"), index=True)
    rated_on: Mapped[date] = mapped_column(Date)
    rating: Mapped[int] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")

    skill: Mapped[Skill] = relationship(back_populates="ratings")
