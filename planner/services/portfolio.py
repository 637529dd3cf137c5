"""Portfolio projects: overview rows (the full tracker arrives with its own issue)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import Project


def project_rows(session: Session) -> list[tuple]:
    """(name, organization, role, kind, start, end, methodology, team, skills) per project."""
    projects = session.scalars(
        select(Project).options(selectinload(Project.skills)).order_by(Project.start_month.desc())
    )
    return [
        (
            p.name,
            p.organization,
            p.role,
            p.kind,
            p.start_month,
            p.end_month or "ongoing",
            (p.methodology or "").title(),
            p.team_size,
            ", ".join(sorted(s.name for s in p.skills)),
        )
        for p in projects
    ]
