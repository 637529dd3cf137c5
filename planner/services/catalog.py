"""The bundled certification catalog (resources/catalog/certifications.json)."""

from __future__ import annotations

import json
from datetime import date
from functools import cache
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import paths
from ..models import Certification, CertificationDomain

_COLUMNS = (
    "name",
    "body",
    "prerequisites",
    "training_hours",
    "exam_questions",
    "exam_minutes",
    "pass_mark",
    "renewal_rule",
    "renewal_pdus",
    "renewal_years",
    "study_hours_suggested",
    "source",
)


@cache
def load_catalog() -> tuple[dict[str, Any], ...]:
    data = json.loads(paths.resource("catalog", "certifications.json").read_text("utf-8"))
    return tuple(data["certifications"])


def catalog_entry(code: str) -> dict[str, Any] | None:
    return next((c for c in load_catalog() if c["code"] == code), None)


def ensure_certification(session: Session, code: str) -> Certification:
    """The certification `code`, copied from the catalog into the database if needed."""
    cert = session.scalar(select(Certification).where(Certification.code == code))
    if cert is not None:
        return cert
    entry = catalog_entry(code)
    if entry is None:
        raise KeyError(f"{code!r} is not in the bundled catalog.")
    cert = Certification(code=code, custom=False, **{k: entry.get(k) for k in _COLUMNS})
    for key in ("body", "prerequisites", "renewal_rule", "source"):
        if getattr(cert, key) is None:
            setattr(cert, key, "")
    cert.as_of = date.fromisoformat(entry["as_of"]) if entry.get("as_of") else None
    cert.domains = [
        CertificationDomain(name=d["name"], weight_percent=d.get("weight_percent"), position=i)
        for i, d in enumerate(entry.get("domains", []))
    ]
    session.add(cert)
    session.flush()
    return cert
