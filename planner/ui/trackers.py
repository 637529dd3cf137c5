"""Overview pages for the trackers whose full editors are still to come."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from ..services.contacts import contact_rows
from ..services.portfolio import project_rows
from ..services.study import plan_rows
from .hub import DataHub
from .records import RecordsPage
from .widgets import EmptyState


def _month(value: object) -> str:
    return value.strftime("%b %Y") if isinstance(value, date) else str(value)


def contacts_page(hub: DataHub, load_demo: Callable[[], None]) -> QWidget:
    return RecordsPage(
        hub,
        title="Contacts",
        note="Your network at a glance. Editing contacts, logging interactions and "
        "importing LinkedIn or vCard files come with the contacts update.",
        headers=["Name", "Company", "Position", "Where met", "Last contact", "Tags"],
        load=contact_rows,
        tracker="contacts",
        empty=EmptyState(
            "contacts",
            "No contacts yet",
            "Recruiters, peers from your PMI chapter, people who can refer you: keep them "
            "here with a keep-in-touch interval. Importing LinkedIn Connections.csv and "
            "vCard files comes with the contacts update; try the demo data meanwhile.",
            [("Load demo data", load_demo)],
        ),
    )


def portfolio_page(hub: DataHub, load_demo: Callable[[], None]) -> QWidget:
    return RecordsPage(
        hub,
        title="Portfolio",
        note="Projects that prove your skills. Editing projects and exporting a portfolio "
        "summary (PDF, HTML, Markdown, JSON Resume) come with the portfolio update.",
        headers=[
            "Project",
            "Organization",
            "Role",
            "Kind",
            "From",
            "To",
            "Method",
            "Team",
            "Skills",
        ],
        load=project_rows,
        formats={4: _month, 5: _month},
        tracker="portfolio",
        empty=EmptyState(
            "portfolio",
            "No portfolio projects yet",
            "Freelance, volunteer and course projects count. Each project you add here "
            "also counts towards your PMP experience months.",
            [("Load demo data", load_demo)],
        ),
    )


def study_page(hub: DataHub, load_demo: Callable[[], None]) -> QWidget:
    return RecordsPage(
        hub,
        title="Study plan",
        note="Your certification plans. Logging sessions, the hours-per-week maths and "
        "PMP eligibility come with the study-plan update.",
        headers=[
            "Certification",
            "Status",
            "Exam date",
            "Hours done",
            "Hours needed",
            "Last score %",
        ],
        load=plan_rows,
        tracker="study",
        empty=EmptyState(
            "study",
            "No study plan yet",
            "Pick a certification (PMP, CAPM, PMI-ACP, CSM, PSM I, PRINCE2, Project+), set an "
            "exam date and a weekly hours budget, and log your study sessions.",
            [("Load demo data", load_demo)],
        ),
    )


def charts_page(hub: DataHub, load_demo: Callable[[], None]) -> QWidget:
    return EmptyState(
        "charts",
        "Charts are on the way",
        "Applications per week, the pipeline funnel, study hours against plan and your "
        "practice scores will be drawn here from the data you enter.",
    )


def build_study(hub: DataHub, _window: QWidget) -> QWidget:
    return study_page(hub, hub.load_demo)


def build_contacts(hub: DataHub, _window: QWidget) -> QWidget:
    return contacts_page(hub, hub.load_demo)


def build_portfolio(hub: DataHub, _window: QWidget) -> QWidget:
    return portfolio_page(hub, hub.load_demo)


def build_charts(hub: DataHub, _window: QWidget) -> QWidget:
    return charts_page(hub, hub.load_demo)
