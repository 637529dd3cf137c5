"""Networking: contacts, their interactions, and the events where the user met them."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    String,
    Table,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Timestamped, one_of, utcnow
from .tags import Tag, contact_tags

MET_VIA = ("event", "association", "referral", "online", "work", "other")
CHANNELS = ("email", "call", "video", "message", "linkedin", "meeting", "event", "other")
EVENT_KINDS = ("conference", "meetup", "chapter", "webinar", "workshop", "other")

contact_events = Table(
    "contact_events",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("event_id", ForeignKey("events.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("created_at", DateTime, default=utcnow, nullable=False),
)


class Contact(Timestamped, Base):
    __tablename__ = "contacts"
    __table_args__ = (
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
        CheckConstraint(one_of("met_via", MET_VIA, nullable=True), name="met_via"),
        CheckConstraint("strength BETWEEN 0 AND 5", name="strength"),
        CheckConstraint(
            "keep_in_touch_days IS NULL OR keep_in_touch_days > 0", name="keep_in_touch"
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), index=True)
    company: Mapped[str | None] = mapped_column(String(200))
    position: Mapped[str | None] = mapped_column(String(200))
    email: Mapped[str | None] = mapped_column(String(320), index=True)
    phone: Mapped[str | None] = mapped_column(String(50))
    linkedin_url: Mapped[str | None] = mapped_column(String(500), index=True)
    met_via: Mapped[str | None] = mapped_column(String(12))
    where_met: Mapped[str | None] = mapped_column(String(300))  # "PMI Berlin chapter, May 2026"
    strength: Mapped[int] = mapped_column(Integer, default=0)  # 0 unknown, 1 weak … 5 strong
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)
    connected_on: Mapped[date | None] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")

    interactions: Mapped[list[Interaction]] = relationship(
        back_populates="contact",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="Interaction.occurred_on",
    )
    tags: Mapped[list[Tag]] = relationship(secondary=contact_tags)
    events: Mapped[list[Event]] = relationship(secondary=contact_events, back_populates="contacts")


class Interaction(Timestamped, Base):
    __tablename__ = "interactions"
    __table_args__ = (CheckConstraint(one_of("channel", CHANNELS), name="channel"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    occurred_on: Mapped[date] = mapped_column(Date, index=True)
    channel: Mapped[str] = mapped_column(String(10), default="email")
    summary: Mapped[str] = mapped_column(Text, default="")
    follow_up_on: Mapped[date | None] = mapped_column(Date)
    follow_up_done: Mapped[bool] = mapped_column(Boolean, default=False)

    contact: Mapped[Contact] = relationship(back_populates="interactions")


class Event(Timestamped, Base):
    """A conference, PMI chapter meeting, meetup or webinar."""

    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(one_of("kind", EVENT_KINDS), name="kind"),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(12), default="meetup")
    held_on: Mapped[date | None] = mapped_column(Date)
    location: Mapped[str | None] = mapped_column(String(300))
    url: Mapped[str | None] = mapped_column(String(2048))
    notes: Mapped[str] = mapped_column(Text, default="")

    contacts: Mapped[list[Contact]] = relationship(
        secondary=contact_events, back_populates="events"
    )
