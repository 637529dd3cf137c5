"""Networking contacts: overview rows (the full tracker arrives with its own issue)."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..models import Contact, Interaction, Tag
from ..models.tags import contact_tags


def contact_rows(session: Session) -> list[tuple]:
    """(name, company, position, where met, last interaction, tags) per contact."""
    last = (
        select(Interaction.contact_id, func.max(Interaction.occurred_on).label("last_on"))
        .group_by(Interaction.contact_id)
        .subquery()
    )
    tags = (
        select(contact_tags.c.contact_id, func.group_concat(Tag.name, ", ").label("names"))
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .group_by(contact_tags.c.contact_id)
        .subquery()
    )
    query = (
        select(
            Contact.name,
            Contact.company,
            Contact.position,
            Contact.where_met,
            last.c.last_on,
            tags.c.names,
        )
        .outerjoin(last, last.c.contact_id == Contact.id)
        .outerjoin(tags, tags.c.contact_id == Contact.id)
        .order_by(Contact.name)
    )
    return [tuple(row) for row in session.execute(query)]
