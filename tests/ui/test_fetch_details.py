"""Applications ▸ right-click ▸ Fetch details from the web…, with the network replaced."""

from __future__ import annotations

import time
from datetime import date

import pytest
from PySide6.QtWidgets import QMessageBox

from planner.models import Application
from planner.services import applications as apps
from planner.services import fetch
from planner.services.link_sources import Candidate, ParseResult
from planner.services.links import parse_link
from planner.ui.applications import FETCH_DETAILS
from planner.ui.main_window import MainWindow
from planner.ui.tasks import wait_for_tasks

URL = "https://boards.greenhouse.io/acmeremote/jobs/4821937"


@pytest.fixture
def app_id(demo_store):
    with demo_store.transaction() as session:
        app = apps.create_application(
            session, company="Acme Remote", posting_url=URL, location="Lisbon, PT"
        )
        return app.id


@pytest.fixture
def window(qtbot, demo_store, app_id, messages):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    yield win
    assert wait_for_tasks(5000)
    qtbot.wait(20)  # deliver the last results while message boxes are still replaced


@pytest.fixture
def page(window, app_id):
    page = window.show_page("applications")
    page.select_record(app_id)
    return page


@pytest.fixture
def messages(monkeypatch):
    """Every message box shown, as (kind, text); a question is answered Yes."""
    shown: list[tuple[str, str]] = []

    def box(kind, answer=QMessageBox.StandardButton.Ok):  # noqa: ANN001, ANN202
        return lambda _parent, _title, text, *a, **k: shown.append((kind, text)) or answer

    monkeypatch.setattr(QMessageBox, "question", box("question", QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "information", box("information"))
    monkeypatch.setattr(QMessageBox, "warning", box("warning"))
    return shown


def _page_says(monkeypatch, **fields) -> list[str]:  # noqa: ANN003
    """Make fetch_posting return one posting with `fields`; returns the URLs it was asked."""
    asked: list[str] = []

    def fake_fetch(url: str, **_kwargs) -> ParseResult:  # noqa: ANN003
        asked.append(url)
        return ParseResult([Candidate(parse_link(URL), **fields)], [])

    monkeypatch.setattr(fetch, "fetch_posting", fake_fetch)
    return asked


def _fetch_action(page):  # noqa: ANN001, ANN202
    menu = page.context_menu()
    return next(a for a in menu.actions() if a.text() == FETCH_DETAILS)


def _stored(store, app_id: int) -> Application:
    with store.session() as session:
        return session.get(Application, app_id)


def test_fetch_details_fills_only_empty_fields_and_undo_reverts(
    qtbot, page, window, demo_store, app_id, messages, monkeypatch
):
    asked = _page_says(
        monkeypatch,
        title="Remote Technical Project Manager",
        company_name="Acme Remote Inc.",
        location="Berlin, DE",
        work_mode="remote",
        salary_min=115000.0,
        salary_max=140000.0,
        salary_currency="USD",
        salary_period="year",
        date_posted=date(2026, 10, 28),
        description="Run delivery for three distributed squads.",
    )
    action = _fetch_action(page)
    assert action.isEnabled()
    action.trigger()
    qtbot.waitUntil(lambda: window.undo_stack.count() == 1, timeout=5000)

    assert asked == [URL]
    [(kind, text)] = messages
    assert kind == "question" and "Title: Remote Technical Project Manager" in text
    assert "Location" not in text and "Company" not in text
    app = _stored(demo_store, app_id)
    assert app.title == "Remote Technical Project Manager"
    assert (app.company, app.location) == ("Acme Remote", "Lisbon, PT")  # typed: kept
    assert (app.work_mode, app.salary_min, app.salary_currency) == ("remote", 115000.0, "USD")
    assert app.posting_snapshot == "Run delivery for three distributed squads."
    row = page.model.row_of(app_id)
    assert page.model.record(row).title == "Remote Technical Project Manager"

    window.undo_stack.undo()
    app = _stored(demo_store, app_id)
    assert (app.title, app.work_mode, app.salary_min, app.posting_snapshot) == (
        "",
        None,
        None,
        None,
    )
    assert app.location == "Lisbon, PT"


def test_nothing_new_on_the_page_changes_nothing(qtbot, page, window, messages, monkeypatch):
    _page_says(monkeypatch, location="Berlin, DE")
    _fetch_action(page).trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages[0][0] == "information" and "nothing new" in messages[0][1]
    assert window.undo_stack.count() == 0


def test_a_fetch_error_is_shown_in_a_message_box(qtbot, page, window, messages, monkeypatch):
    def failing(url: str, **_kwargs) -> ParseResult:  # noqa: ANN003
        raise fetch.FetchError("The page did not answer within 10 seconds.")

    monkeypatch.setattr(fetch, "fetch_posting", failing)
    _fetch_action(page).trigger()
    qtbot.waitUntil(lambda: bool(messages), timeout=5000)
    assert messages == [("warning", "The page did not answer within 10 seconds.")]
    assert window.undo_stack.count() == 0


def test_cancel_stops_the_fetch_and_changes_nothing(qtbot, page, window, messages, monkeypatch):
    def waits_for_cancel(url: str, *, cancelled, **_kwargs) -> ParseResult:  # noqa: ANN001, ANN003
        for _ in range(500):
            if cancelled():
                raise fetch.FetchCancelled()
            time.sleep(0.01)
        raise AssertionError("Cancel never reached the fetch")

    monkeypatch.setattr(fetch, "fetch_posting", waits_for_cancel)
    task = page.fetch_details()
    task.dialog.canceled.emit()  # what the Cancel button sends
    assert wait_for_tasks(5000)
    qtbot.wait(20)  # let the result signal arrive
    assert messages == [] and window.undo_stack.count() == 0


def test_the_action_needs_one_application_with_a_posting_url(page, demo_store):
    with demo_store.transaction() as session:
        without_url = apps.create_application(session, company="No Link Ltd").id
    page.hub.notify_rows("applications", [without_url])
    page.select_record(without_url)
    assert page.selected_ids() == [without_url]
    assert not _fetch_action(page).isEnabled()
    page.table.selectAll()
    assert not _fetch_action(page).isEnabled()
