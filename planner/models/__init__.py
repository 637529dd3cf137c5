"""SQLAlchemy models, one module per tracker. Importing this package registers them all."""

from .applications import (
    Application,
    ApplicationActivity,
    ApplicationContact,
    Attachment,
    Interview,
    Stage,
    StatusChange,
)
from .base import Base, utcnow
from .contacts import Contact, Event, Interaction
from .portfolio import Project, Skill, SkillRating
from .settings import Setting
from .study import (
    Certification,
    CertificationDomain,
    PduRecord,
    PracticeExam,
    StudyPlan,
    StudySession,
    StudyTopic,
    TrainingRecord,
)
from .tags import Tag

__all__ = [
    "Application",
    "ApplicationActivity",
    "ApplicationContact",
    "Attachment",
    "Base",
    "Certification",
    "CertificationDomain",
    "Contact",
    "Event",
    "Interaction",
    "Interview",
    "PduRecord",
    "PracticeExam",
    "Project",
    "Setting",
    "Skill",
    "SkillRating",
    "Stage",
    "StatusChange",
    "StudyPlan",
    "StudySession",
    "StudyTopic",
    "Tag",
    "TrainingRecord",
    "utcnow",
]
