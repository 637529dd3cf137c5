"""Tags shared by applications (e.g. bookmark folders) and contacts."""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, DateTime, ForeignKey, Integer, String, Table
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Timestamped, utcnow


class Tag(Timestamped, Base):
    __tablename__ = "tags"
    __table_args__ = (
        CheckConstraint(
            "keep_in_touch_days IS NULL OR keep_in_touch_days > 0", name="keep_in_touch"
        ),
        CheckConstraint("length(trim(name)) > 0", name="name_not_blank"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    # Contacts carrying this tag are due for a touch after this many days (overrides default).
    keep_in_touch_days: Mapped[int | None] = mapped_column(Integer)


application_tags = Table(
    "application_tags",
    Base.metadata,
    Column("application_id", ForeignKey("applications.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("created_at", DateTime, default=utcnow, nullable=False),
)

contact_tags = Table(
    "contact_tags",
    Base.metadata,
    Column("contact_id", ForeignKey("contacts.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True),
    Column("created_at", DateTime, default=utcnow, nullable=False),
)
