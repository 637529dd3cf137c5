"""Pipeline stages: the defaults from the brief, renaming and adding the user's own."""

from __future__ import annotations

import re

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Stage
from ..models.applications import DEFAULT_STAGES, STAGE_OUTCOMES


class StageError(UserError):
    pass


def seed_default_stages(session: Session) -> None:
    """Insert any default stage the database lacks (idempotent)."""
    present = set(session.scalars(select(Stage.key)))
    for position, (key, name, outcome) in enumerate(DEFAULT_STAGES):
        if key not in present:
            session.add(
                Stage(key=key, name=name, outcome=outcome, position=position * 10, builtin=True)
            )


def list_stages(session: Session) -> list[Stage]:
    return list(session.scalars(select(Stage).order_by(Stage.position, Stage.key)))


def rename_stage(session: Session, key: str, name: str) -> Stage:
    name = name.strip()
    if not name:
        raise StageError("A stage needs a name.")
    stage = session.get(Stage, key)
    if stage is None:
        raise StageError(f"No stage {key!r}.")
    clash = session.scalar(
        select(Stage).where(func.lower(Stage.name) == name.lower(), Stage.key != key)
    )
    if clash is not None:
        raise StageError(f"A stage named {clash.name!r} exists already.")
    stage.name = name
    return stage


def add_stage(
    session: Session, name: str, *, after: str | None = None, outcome: str = "open"
) -> Stage:
    """Add a user stage, placed after stage `after` (or at the end of the open stages)."""
    name = name.strip()
    if not name:
        raise StageError("A stage needs a name.")
    if outcome not in STAGE_OUTCOMES:
        raise StageError(f"Unknown outcome {outcome!r}.")
    if session.scalar(select(Stage).where(func.lower(Stage.name) == name.lower())):
        raise StageError(f"A stage named {name!r} exists already.")
    base = re.sub(r"[^a-z0-9]+", "_", name.lower()).strip("_") or "stage"
    key, n = base, 2
    while session.get(Stage, key) is not None:
        key, n = f"{base}_{n}", n + 1
    stages = list_stages(session)
    anchor = next((s for s in stages if s.key == after), None)
    if anchor is None:
        open_stages = [s for s in stages if s.outcome == "open"]
        anchor = open_stages[-1] if open_stages else None
    position = (anchor.position + 1) if anchor else 0
    for s in stages:
        if s.position >= position:
            s.position += 1
    stage = Stage(key=key, name=name, outcome=outcome, position=position, builtin=False)
    session.add(stage)
    return stage
