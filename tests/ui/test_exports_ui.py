"""File menu exports: proof of applications (PDF, CSV), calendar (.ics), applications CSV."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QFileDialog, QMessageBox

from planner.services.reports import REPORT_CSV_HEADER, applications_in_range
from planner.ui.main_window import MainWindow
from planner.ui.reports import ReportDialog, ReportRequest
from planner.ui.tasks import wait_for_tasks

# A slow machine may show run_task's progress dialog (after 300 ms); the offscreen
# platform then warns that it cannot propagate size hints, which is no fault of ours.
slow_ok = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def window(qtbot, demo_store):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    yield win
    wait_for_tasks()


@pytest.fixture
def save_as(monkeypatch):
    """Answer every save dialog with `path`; records the suggested names."""
    asked: list[str] = []

    def set_path(path: Path | str) -> list[str]:
        def fake(_parent, _title, suggested, _filter, *args, **kwargs):  # noqa: ANN001, ANN202
            asked.append(suggested)
            return str(path), _filter

        monkeypatch.setattr(QFileDialog, "getSaveFileName", fake)
        return asked

    return set_path


@pytest.fixture
def errors(monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text, *a: shown.append(text))
    return shown


def _menu_action(window: MainWindow, text: str):  # noqa: ANN202
    for menu_action in window.menuBar().actions():
        for action in menu_action.menu().actions():
            if action.text().replace("&", "") == text:
                return action
    raise AssertionError(f"no menu item {text!r}")


def _status(window: MainWindow) -> str:
    return window.statusBar().currentMessage()


def _answer_report(monkeypatch, start: date, end: date, fmt: str, **fields) -> list:
    """Make ReportDialog.exec fill in the period and format and press Save."""
    opened: list[ReportDialog] = []

    def fake_exec(dialog: ReportDialog) -> int:
        opened.append(dialog)
        dialog.start.setDate(QDate(start))
        dialog.end.setDate(QDate(end))
        dialog.formats.button(0 if fmt == "pdf" else 1).setChecked(True)
        if "name" in fields:
            dialog.person_name.setText(fields["name"])
        if "page_size" in fields:
            dialog.page_size.setCurrentText(fields["page_size"])
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(ReportDialog, "exec", fake_exec)
    return opened


def _expected(store, start: date, end: date) -> list:
    with store.session() as session:
        return applications_in_range(session, start, end)


# --- the report dialog -----------------------------------------------------------------


def test_report_dialog_defaults_to_the_last_30_days_as_pdf(qtbot, demo_store):
    dialog = ReportDialog(demo_store, today=date(2025, 3, 31))
    qtbot.addWidget(dialog)
    request = dialog.request()
    assert (request.start, request.end) == (date(2025, 3, 2), date(2025, 3, 31))
    assert (request.end - request.start).days + 1 == 30
    assert request.fmt == "pdf"
    assert request.page_size in ("A4", "Letter")


def test_report_dialog_counts_the_applications_in_the_period(qtbot, demo_store):
    dialog = ReportDialog(demo_store)
    qtbot.addWidget(dialog)
    request = dialog.request()
    count = len(_expected(demo_store, request.start, request.end))
    assert count > 0
    assert dialog.summary.text().startswith(f"{count} applications")
    dialog.start.setDate(QDate(2001, 1, 1))
    dialog.end.setDate(QDate(2001, 1, 31))
    assert dialog.summary.text().startswith("No applications")


def test_report_dialog_refuses_a_period_that_ends_before_it_starts(qtbot, demo_store):
    dialog = ReportDialog(demo_store)
    qtbot.addWidget(dialog)
    dialog.start.setDate(dialog.end.date().addDays(1))
    assert not dialog.save_button.isEnabled()
    assert "starts after it ends" in dialog.summary.text()
    dialog.start.setDate(dialog.end.date())
    assert dialog.save_button.isEnabled()


def test_csv_needs_no_page_size_or_name(qtbot, demo_store):
    dialog = ReportDialog(demo_store)
    qtbot.addWidget(dialog)
    assert dialog.page_size.isEnabled() and dialog.person_name.isEnabled()
    dialog.formats.button(1).setChecked(True)
    assert dialog.request().fmt == "csv"
    assert not dialog.page_size.isEnabled() and not dialog.person_name.isEnabled()


def test_report_file_names_say_the_period():
    request = ReportRequest(date(2025, 3, 1), date(2025, 3, 31), "csv")
    assert request.file_name == "proof-of-applications-2025-03-01-to-2025-03-31.csv"
    assert request.file_filter == "CSV (*.csv)"


# --- File ▸ Proof of applications report… ----------------------------------------------


@slow_ok
def test_report_writes_a_pdf_for_the_chosen_range(
    qtbot, window, demo_store, monkeypatch, save_as, tmp_path
):
    end = date.today()
    start = end - timedelta(days=20)
    expected = _expected(demo_store, start, end)
    assert expected
    _answer_report(monkeypatch, start, end, "pdf", name="Maria García", page_size="Letter")
    out = tmp_path / "proof.pdf"
    asked = save_as(out)
    _menu_action(window, "Proof of applications report…").trigger()
    qtbot.waitUntil(lambda: "Proof of applications saved" in _status(window))
    assert asked[0].endswith(f"proof-of-applications-{start}-to-{end}.pdf")
    data = out.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/MediaBox [ 0 0 612 792 ]" in data  # Letter
    assert "Maria Garc" in data.decode("latin-1")  # in the document's metadata
    assert f"({len(expected)} applications, 1 page)" in _status(window)


@slow_ok
def test_report_writes_a_csv_for_the_chosen_range(
    qtbot, window, demo_store, monkeypatch, save_as, tmp_path
):
    end = date.today() - timedelta(days=3)
    start = end - timedelta(days=45)
    expected = _expected(demo_store, start, end)
    _answer_report(monkeypatch, start, end, "csv")
    out = tmp_path / "proof"  # no suffix typed: the format's is added
    save_as(out)
    _menu_action(window, "Proof of applications report…").trigger()
    qtbot.waitUntil(lambda: "Proof of applications saved" in _status(window))
    with (tmp_path / "proof.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == REPORT_CSV_HEADER
    dates = [date.fromisoformat(r[0]) for r in rows[1:]]
    assert dates and all(start <= d <= end for d in dates)
    assert [(r[0], r[1]) for r in rows[1:]] == [
        (e.applied_on.isoformat(), e.company) for e in expected
    ]
    assert f"({len(expected)} applications)" in _status(window)


def test_report_remembers_the_name_and_page_size(qtbot, window, monkeypatch, save_as):
    _answer_report(
        monkeypatch, date(2025, 1, 1), date(2025, 1, 31), "pdf", name="Ann Lee", page_size="Letter"
    )
    save_as("")  # the save dialog is cancelled: nothing is written
    _menu_action(window, "Proof of applications report…").trigger()
    dialog = ReportDialog(window.hub.store, window.settings)
    qtbot.addWidget(dialog)
    assert dialog.person_name.text() == "Ann Lee"
    assert dialog.page_size.currentText() == "Letter"


def test_cancelling_the_report_dialog_asks_for_no_file(window, monkeypatch, save_as):
    monkeypatch.setattr(ReportDialog, "exec", lambda _d: 0)
    asked = save_as("/nowhere/at/all.pdf")
    _menu_action(window, "Proof of applications report…").trigger()
    assert asked == []


@slow_ok
def test_a_report_that_cannot_be_written_says_why(
    qtbot, window, monkeypatch, save_as, tmp_path, errors
):
    _answer_report(monkeypatch, date(2025, 1, 1), date(2025, 1, 31), "csv")
    folder = tmp_path / "taken.csv"
    folder.mkdir()
    save_as(folder)
    _menu_action(window, "Proof of applications report…").trigger()
    qtbot.waitUntil(lambda: bool(errors))
    assert "it is a folder" in errors[0]


# --- File ▸ Export calendar (.ics)… ----------------------------------------------------


@slow_ok
def test_calendar_export_writes_an_ics_that_icalendar_parses(qtbot, window, save_as, tmp_path):
    save_as(tmp_path / "my calendar")
    _menu_action(window, "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: "Calendar saved" in _status(window))
    out = tmp_path / "my calendar.ics"
    calendar = Calendar.from_ical(out.read_bytes())
    summaries = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert any(s.startswith("Interview: ") for s in summaries)
    assert any(s.startswith("Follow up: ") for s in summaries)
    follow_ups = sum(s.startswith("Follow up: ") for s in summaries)
    assert f"{follow_ups} follow-up" in _status(window)
    assert str(out) in _status(window)


@slow_ok
def test_calendar_export_errors_are_shown(qtbot, window, save_as, tmp_path, errors):
    folder = tmp_path / "calendar.ics"
    folder.mkdir()
    save_as(folder)
    _menu_action(window, "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: bool(errors))
    assert "it is a folder" in errors[0]


@slow_ok
def test_export_dialogs_start_in_the_last_folder_used(qtbot, window, save_as, tmp_path):
    folder = tmp_path / "exports"
    asked = save_as(folder / "cal.ics")
    _menu_action(window, "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: "Calendar saved" in _status(window))
    window.statusBar().clearMessage()
    _menu_action(window, "Export calendar (.ics)…").trigger()
    qtbot.waitUntil(lambda: "Calendar saved" in _status(window))
    assert Path(asked[1]).parent == folder


# --- File ▸ Export applications (CSV)… -------------------------------------------------


@slow_ok
def test_export_applications_from_the_file_menu(qtbot, window, save_as, tmp_path):
    out = tmp_path / "applications.csv"
    save_as(out)
    _menu_action(window, "Export applications (CSV)…").trigger()
    qtbot.waitUntil(out.exists)
    with out.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    assert len(rows) == 41  # the header and the 40 demo applications


# --- start-up --------------------------------------------------------------------------


def test_the_main_window_module_imports_no_services():
    code = (
        "import sys, planner.ui.main_window; "
        "print(sorted(m for m in sys.modules "
        "if m.startswith(('sqlalchemy', 'planner.services', 'icalendar', 'reportlab'))))"
    )
    root = Path(__file__).resolve().parents[2]
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=root, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"
