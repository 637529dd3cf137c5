"""File ▸ Proof of applications report…: pick the period, the format and the name to print.

The dialog only collects choices; `write_proof` (run off the UI thread) reads the rows and
writes the file with services/reports.py.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QLocale, QSettings
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..db import Store
from ..services.reports import (
    PAGE_SIZES,
    applications_in_range,
    write_report_csv,
    write_report_pdf,
)
from .widgets import heading, muted

DEFAULT_DAYS = 30
FORMATS = {"pdf": ("PDF document", "PDF (*.pdf)"), "csv": ("CSV spreadsheet", "CSV (*.csv)")}
ERROR_STYLE = "color: #c0392b; font-weight: bold;"


@dataclass(frozen=True)
class ReportRequest:
    """What the user asked for: the period (both days included) and how to write it."""

    start: date
    end: date
    fmt: str  # "pdf" or "csv"
    page_size: str = "A4"
    person_name: str = ""

    @property
    def file_name(self) -> str:
        return f"proof-of-applications-{self.start}-to-{self.end}.{self.fmt}"

    @property
    def file_filter(self) -> str:
        return FORMATS[self.fmt][1]


@dataclass(frozen=True)
class ReportResult:
    path: Path
    applications: int
    pages: int | None  # PDF only


def write_proof(store: Store, request: ReportRequest, out: Path) -> ReportResult:
    """Read the applications sent in the period and write the report (worker thread)."""
    with store.session() as session:
        rows = applications_in_range(session, request.start, request.end)
    if request.fmt == "csv":
        write_report_csv(rows, out)
        return ReportResult(out, len(rows), None)
    pages = write_report_pdf(
        rows,
        out,
        start=request.start,
        end=request.end,
        person_name=request.person_name or None,
        page_size=request.page_size,
    )
    return ReportResult(out, len(rows), pages)


def describe(result: ReportResult) -> str:
    """The status-bar line for a written report."""
    noun = "application" if result.applications == 1 else "applications"
    parts = [f"{result.applications} {noun}"]
    if result.pages is not None:
        parts.append(f"{result.pages} page" + ("" if result.pages == 1 else "s"))
    return f"Proof of applications saved to {result.path} ({', '.join(parts)})"


def default_page_size() -> str:
    """Letter where the system locale measures in US units, A4 everywhere else."""
    us = QLocale.system().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem
    return "Letter" if us else "A4"


def _date_edit(value: QDate, accessible_name: str) -> QDateEdit:
    edit = QDateEdit(value)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    edit.setAccessibleName(accessible_name)
    edit.setMinimumWidth(130)
    return edit


class ReportDialog(QDialog):
    """Choices for the proof of applications; `request()` holds them after exec()."""

    def __init__(
        self,
        store: Store,
        settings: QSettings | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings = store, settings
        self.setWindowTitle("Proof of applications")
        self.setMinimumWidth(480)
        end = QDate(today or date.today())
        self.start = _date_edit(end.addDays(-(DEFAULT_DAYS - 1)), "From")
        self.end = _date_edit(end, "To")
        period = QHBoxLayout()
        period.addWidget(self.start)
        period.addWidget(QLabel("to"))
        period.addWidget(self.end)
        period.addStretch()

        self.formats = QButtonGroup(self)
        format_row = QHBoxLayout()
        for n, (key, (label, _filter)) in enumerate(FORMATS.items()):
            radio = QRadioButton(label)
            radio.setProperty("format", key)
            radio.setChecked(n == 0)
            self.formats.addButton(radio, n)
            format_row.addWidget(radio)
        format_row.addStretch()

        self.page_size = QComboBox()
        self.page_size.setAccessibleName("Page size")
        self.page_size.addItems(PAGE_SIZES)
        self.page_size.setMinimumWidth(130)
        self.person_name = QLineEdit(placeholderText="Printed on the report, e.g. Maria García")
        self.person_name.setAccessibleName("Your name")
        self.person_name.setMaxLength(120)
        saved_size = self._setting("page_size", default_page_size())
        self.page_size.setCurrentText(saved_size if saved_size in PAGE_SIZES else "A4")
        self.person_name.setText(self._setting("person_name", ""))

        self.summary = QLabel()
        self.summary.setWordWrap(True)

        period_label = QLabel("&Period:")
        period_label.setBuddy(self.start)
        size_row = QHBoxLayout()
        size_row.addWidget(self.page_size)
        size_row.addStretch()
        size_label = QLabel("Page &size:")
        size_label.setBuddy(self.page_size)
        form = QFormLayout()
        form.addRow(period_label, period)
        form.addRow("Format:", format_row)
        form.addRow(size_label, size_row)
        form.addRow("Your &name:", self.person_name)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText("Save…")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading("Proof of applications", 2))
        layout.addWidget(
            muted(
                "A dated list of the applications you sent in a period: date, company, "
                "position, channel and outcome, as unemployment offices ask for it."
            )
        )
        layout.addSpacing(4)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addSpacing(4)
        layout.addWidget(self.buttons)

        self.start.dateChanged.connect(self._update)
        self.end.dateChanged.connect(self._update)
        self.formats.idToggled.connect(lambda _id, _on: self._update())
        self._update()

    def _setting(self, name: str, default: str) -> str:
        if self.settings is None:
            return default
        value = self.settings.value(f"report/{name}", default)
        return value if isinstance(value, str) else default

    def fmt(self) -> str:
        return self.formats.checkedButton().property("format")

    def request(self) -> ReportRequest:
        return ReportRequest(
            start=self.start.date().toPython(),
            end=self.end.date().toPython(),
            fmt=self.fmt(),
            page_size=self.page_size.currentText(),
            person_name=" ".join(self.person_name.text().split()),
        )

    def _update(self) -> None:
        pdf = self.fmt() == "pdf"
        self.page_size.setEnabled(pdf)
        self.person_name.setEnabled(pdf)
        hint = "" if pdf else "The CSV lists the applications only."
        self.page_size.setToolTip(hint)
        self.person_name.setToolTip(hint)
        start, end = self.start.date().toPython(), self.end.date().toPython()
        if start > end:
            self.summary.setStyleSheet(ERROR_STYLE)
            self.summary.setText("The period starts after it ends.")
            self.save_button.setEnabled(False)
            return
        with self.store.session() as session:
            count = len(applications_in_range(session, start, end))
        self.summary.setStyleSheet("")
        if count == 0:
            self.summary.setText("No applications were sent in this period; the report says so.")
        else:
            noun = "application was" if count == 1 else "applications were"
            self.summary.setText(f"{count} {noun} sent in this period.")
        self.save_button.setEnabled(True)

    def accept(self) -> None:
        if self.settings is not None:
            request = self.request()
            self.settings.setValue("report/page_size", request.page_size)
            self.settings.setValue("report/person_name", request.person_name)
        super().accept()
