"""The application editor: every field of the brief, interviews, contacts, files, history."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QUrl
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..models import Application
from ..models.applications import (
    ASYNC_CULTURES,
    ATTACHMENT_KINDS,
    CONTACT_ROLES,
    EMPLOYMENT_TYPES,
    INTERVIEW_KINDS,
    INTERVIEW_OUTCOMES,
    SALARY_PERIODS,
    WORK_MODES,
)
from ..services import applications as apps
from ..services.stages import list_stages
from .commands import AddApplication, EditApplication, MoveApplications
from .hub import DataHub

NO_DATE = QDate(1900, 1, 1)
COMMON_ZONES = (
    "UTC",
    "Europe/London",
    "Europe/Berlin",
    "Europe/Paris",
    "Europe/Madrid",
    "Europe/Warsaw",
    "Europe/Kyiv",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
)


def _label(value: str) -> str:
    return value.replace("_", " ").capitalize()


def _choice(values: tuple[str, ...], empty: str | None = "—") -> QComboBox:
    box = QComboBox()
    if empty is not None:
        box.addItem(empty, None)
    for value in values:
        box.addItem(_label(value), value)
    return box


def _set_choice(box: QComboBox, value: object) -> None:
    index = box.findData(value)
    box.setCurrentIndex(max(index, 0))


def _date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd MMM yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("—")  # shown at the minimum: "no date"
    edit.setDate(NO_DATE)
    return edit


def _get_date(edit: QDateEdit) -> date | None:
    value = edit.date()
    return None if value == NO_DATE else value.toPython()


def _set_date(edit: QDateEdit, value: date | None) -> None:
    edit.setDate(QDate(value.year, value.month, value.day) if value else NO_DATE)


def _money() -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(0, 100_000_000)
    box.setDecimals(0)
    box.setGroupSeparatorShown(True)
    box.setSpecialValueText("—")
    return box


class ApplicationEditor(QDialog):
    """Add (app_id None) or edit an application; saving goes through undoable commands."""

    def __init__(
        self, hub: DataHub, undo: QUndoStack, app_id: int | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.hub, self.undo, self.app_id = hub, undo, app_id
        self.setWindowTitle("New application" if app_id is None else "Edit application")
        self.setMinimumSize(720, 560)
        with hub.store.session() as session:
            self.stages = [(s.key, s.name) for s in list_stages(session)]
            self.app = apps.application_detail(session, app_id) if app_id else None
            self.contacts = apps.contact_choices(session)

        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #c0392b; font-weight: bold;")
        self.problem.hide()
        self.tabs = QTabWidget()
        self.tabs.addTab(self._posting_tab(), "Posting")
        self.tabs.addTab(self._remote_tab(), "Remote && pay")
        self.tabs.addTab(self._progress_tab(), "Progress")
        self.tabs.addTab(self._snapshot_tab(), "Posting text")
        if self.app is not None:
            self.tabs.addTab(self._interviews_tab(), "Interviews")
            self.tabs.addTab(self._contacts_tab(), "Contacts")
            self.tabs.addTab(self._files_tab(), "Files")
            self.tabs.addTab(self._history_tab(), "History")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(buttons)
        if self.app is not None:
            self._load(self.app)

    # --- tabs ----------------------------------------------------------------------------

    def _posting_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.company = QLineEdit()
        self.title = QLineEdit()
        self.url = QLineEdit(placeholderText="https://…")
        self.board = QLineEdit()
        self.external_id = QLineEdit()
        self.location = QLineEdit()
        self.source = QLineEdit(placeholderText="LinkedIn, referral, newsletter…")
        self.employment = _choice(EMPLOYMENT_TYPES)
        self.date_posted = _date_edit()
        self.valid_through = _date_edit()
        self.priority = QSpinBox()
        self.priority.setRange(0, 5)
        self.excitement = QSpinBox()
        self.excitement.setRange(0, 5)
        self.url.editingFinished.connect(self._url_entered)
        board_row = QHBoxLayout()
        board_row.addWidget(self.board)
        board_row.addWidget(QLabel("Job id"))
        board_row.addWidget(self.external_id)
        for label, widget in (
            ("Company *", self.company),
            ("Job title", self.title),
            ("Posting URL", self.url),
            ("Job board", board_row),
            ("Location", self.location),
            ("Source", self.source),
            ("Employment", self.employment),
            ("Posted on", self.date_posted),
            ("Open until", self.valid_through),
            ("Priority (0–5)", self.priority),
            ("Excitement (0–5)", self.excitement),
        ):
            form.addRow(label, widget)
        self.company.setAccessibleName("Company")
        return tab

    def _url_entered(self) -> None:
        """Fill the board, job id (and company) from a pasted link, if still empty."""
        from ..services.link_import import company_for
        from ..services.link_sources import Candidate
        from ..services.links import LinkError, parse_link

        try:
            link = parse_link(self.url.text())
        except LinkError:
            return
        self.url.setText(link.url)
        if not self.board.text().strip():
            self.board.setText(link.board)
        if not self.external_id.text().strip() and link.external_id:
            self.external_id.setText(link.external_id)
        if not self.company.text().strip() and link.company:
            self.company.setText(company_for(Candidate(link=link)))

    def _remote_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.work_mode = _choice(WORK_MODES)
        self.remote_region = QLineEdit(placeholderText="Who may apply: Worldwide, EMEA, USA…")
        self.team_timezones = QLineEdit(placeholderText="Team time zones: CET, ET…")
        self.overlap = QDoubleSpinBox()
        self.overlap.setRange(-1, 24)
        self.overlap.setSingleStep(0.5)
        self.overlap.setSpecialValueText("—")
        self.overlap.setValue(-1)
        self.async_culture = _choice(ASYNC_CULTURES)
        self.salary_min = _money()
        self.salary_max = _money()
        self.currency = QLineEdit(placeholderText="USD")
        self.currency.setMaxLength(3)
        self.period = _choice(SALARY_PERIODS)
        salary = QHBoxLayout()
        salary.addWidget(self.salary_min)
        salary.addWidget(QLabel("to"))
        salary.addWidget(self.salary_max)
        salary.addWidget(self.currency)
        salary.addWidget(QLabel("per"))
        salary.addWidget(self.period)
        for label, widget in (
            ("Work mode", self.work_mode),
            ("Remote region", self.remote_region),
            ("Team time zones", self.team_timezones),
            ("Hours of overlap", self.overlap),
            ("Async / sync culture", self.async_culture),
            ("Salary", salary),
        ):
            form.addRow(label, widget)
        return tab

    def _progress_tab(self) -> QWidget:
        tab = QWidget()
        form = QFormLayout(tab)
        self.status = QComboBox()
        for key, name in self.stages:
            self.status.addItem(name, key)
        self.applied_on = _date_edit()
        self.next_action = QLineEdit(placeholderText="e.g. Send a follow-up email")
        self.next_due = _date_edit()
        self.notes = QPlainTextEdit()
        for label, widget in (
            ("Status", self.status),
            ("Applied on", self.applied_on),
            ("Next action", self.next_action),
            ("Due", self.next_due),
            ("Notes", self.notes),
        ):
            form.addRow(label, widget)
        return tab

    def _snapshot_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(QLabel("Keep the posting's text: postings disappear."))
        self.snapshot = QPlainTextEdit()
        layout.addWidget(self.snapshot)
        return tab

    def _interviews_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.interview_list = QListWidget()
        layout.addWidget(self.interview_list, 1)
        layout.addWidget(
            QLabel("Interviews, contacts and files are saved as soon as you add them.")
        )
        form = QFormLayout()
        self.iv_round = QSpinBox()
        self.iv_round.setRange(1, 20)
        self.iv_when = QDateTimeEdit(QDateTime(QDate.currentDate().addDays(3), QTime(15, 0)))
        self.iv_when.setCalendarPopup(True)
        self.iv_when.setDisplayFormat("dd MMM yyyy HH:mm")
        self.iv_zone = QComboBox()
        self.iv_zone.setEditable(True)
        self.iv_zone.addItems(list(COMMON_ZONES))
        self.iv_minutes = QSpinBox()
        self.iv_minutes.setRange(5, 600)
        self.iv_minutes.setValue(60)
        self.iv_kind = _choice(INTERVIEW_KINDS, empty=None)
        _set_choice(self.iv_kind, "video")
        self.iv_outcome = _choice(INTERVIEW_OUTCOMES, empty=None)
        self.iv_people = QLineEdit(placeholderText="Who you meet")
        self.iv_notes = QLineEdit()
        when = QHBoxLayout()
        when.addWidget(self.iv_when)
        when.addWidget(self.iv_zone, 1)
        when.addWidget(self.iv_minutes)
        when.addWidget(QLabel("min"))
        for label, widget in (
            ("Round", self.iv_round),
            ("When", when),
            ("Kind", self.iv_kind),
            ("Outcome", self.iv_outcome),
            ("People", self.iv_people),
            ("Notes", self.iv_notes),
        ):
            form.addRow(label, widget)
        layout.addLayout(form)
        row = QHBoxLayout()
        add = QPushButton("Add interview")
        add.clicked.connect(lambda: self._save_interview(None))
        update = QPushButton("Update selected")
        update.clicked.connect(self._update_interview)
        remove = QPushButton("Remove selected")
        remove.clicked.connect(self._remove_interview)
        for button in (add, update, remove):
            row.addWidget(button)
        row.addStretch()
        layout.addLayout(row)
        self.interview_list.currentItemChanged.connect(self._interview_picked)
        self._fill_interviews()
        return tab

    def _contacts_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.contact_list = QListWidget()
        layout.addWidget(self.contact_list, 1)
        row = QHBoxLayout()
        self.contact_pick = QComboBox()
        for cid, text in self.contacts:
            self.contact_pick.addItem(text, cid)
        self.contact_role = _choice(CONTACT_ROLES, empty=None)
        link = QPushButton("Link")
        link.clicked.connect(self._link_contact)
        unlink = QPushButton("Unlink selected")
        unlink.clicked.connect(self._unlink_contact)
        row.addWidget(self.contact_pick, 2)
        row.addWidget(self.contact_role)
        row.addWidget(link)
        row.addWidget(unlink)
        layout.addLayout(row)
        if not self.contacts:
            layout.addWidget(QLabel("Add contacts on the Contacts page to link them here."))
        self._fill_contacts()
        return tab

    def _files_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(
            QLabel(
                "The résumé version and cover letter you sent; files are copied into your data folder."
            )
        )
        self.file_list = QListWidget()
        self.file_list.itemDoubleClicked.connect(self._open_file)
        layout.addWidget(self.file_list, 1)
        row = QHBoxLayout()
        self.file_kind = _choice(ATTACHMENT_KINDS, empty=None)
        add = QPushButton("Attach file…")
        add.clicked.connect(self._attach)
        open_ = QPushButton("Open")
        open_.clicked.connect(lambda: self._open_file(self.file_list.currentItem()))
        remove = QPushButton("Remove")
        remove.clicked.connect(self._remove_file)
        for widget in (self.file_kind, add, open_, remove):
            row.addWidget(widget)
        row.addStretch()
        layout.addLayout(row)
        self._fill_files()
        return tab

    def _history_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        self.history = QListWidget()
        layout.addWidget(self.history)
        names = dict(self.stages)
        events = [
            (
                c.at,
                f"{names.get(c.from_status, c.from_status) + ' → ' if c.from_status else ''}"
                f"{names.get(c.to_status, c.to_status)}" + (f" ({c.note})" if c.note else ""),
            )
            for c in self.app.history
        ]
        events += [(a.at, f"Activity: {a.summary}") for a in self.app.activities]
        for at, text in sorted(events, reverse=True):
            self.history.addItem(f"{at:%d %b %Y %H:%M}   {text}")
        return tab

    # --- load and save -----------------------------------------------------------------

    def _load(self, app: Application) -> None:
        for edit, value in (
            (self.company, app.company),
            (self.title, app.title),
            (self.url, app.posting_url),
            (self.board, app.board),
            (self.external_id, app.external_id),
            (self.location, app.location),
            (self.source, app.source),
            (self.remote_region, app.remote_region),
            (self.team_timezones, app.team_timezones),
            (self.currency, app.salary_currency),
            (self.next_action, app.next_action),
        ):
            edit.setText(value or "")
        _set_choice(self.employment, app.employment_type)
        _set_choice(self.work_mode, app.work_mode)
        _set_choice(self.async_culture, app.async_culture)
        _set_choice(self.period, app.salary_period)
        _set_choice(self.status, app.status)
        for edit, value in (
            (self.date_posted, app.date_posted),
            (self.valid_through, app.valid_through),
            (self.applied_on, app.applied_on),
            (self.next_due, app.next_action_due),
        ):
            _set_date(edit, value)
        self.priority.setValue(app.priority)
        self.excitement.setValue(app.excitement)
        self.overlap.setValue(app.overlap_hours if app.overlap_hours is not None else -1)
        self.salary_min.setValue(app.salary_min or 0)
        self.salary_max.setValue(app.salary_max or 0)
        self.notes.setPlainText(app.notes)
        self.snapshot.setPlainText(app.posting_snapshot or "")

    def fields(self) -> dict[str, Any]:
        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        overlap = self.overlap.value()
        return {
            "company": self.company.text().strip(),
            "title": self.title.text().strip(),
            "posting_url": text(self.url),
            "board": text(self.board),
            "external_id": text(self.external_id),
            "location": text(self.location),
            "source": text(self.source),
            "employment_type": self.employment.currentData(),
            "date_posted": _get_date(self.date_posted),
            "valid_through": _get_date(self.valid_through),
            "priority": self.priority.value(),
            "excitement": self.excitement.value(),
            "work_mode": self.work_mode.currentData(),
            "remote_region": text(self.remote_region),
            "team_timezones": text(self.team_timezones),
            "overlap_hours": None if overlap < 0 else overlap,
            "async_culture": self.async_culture.currentData(),
            "salary_min": self.salary_min.value() or None,
            "salary_max": self.salary_max.value() or None,
            "salary_currency": (self.currency.text().strip().upper() or None),
            "salary_period": self.period.currentData(),
            "applied_on": _get_date(self.applied_on),
            "next_action": text(self.next_action),
            "next_action_due": _get_date(self.next_due),
            "notes": self.notes.toPlainText(),
            "posting_snapshot": self.snapshot.toPlainText() or None,
        }

    def _show_problems(self, problems: dict[str, str]) -> None:
        self.problem.setText("\n".join(problems.values()))
        self.problem.show()

    def save(self) -> None:
        fields = self.fields()
        status = self.status.currentData()
        problems = apps.validate_fields(fields)
        if problems:
            self._show_problems(problems)
            return
        if self.app is None:
            with self.hub.store.session() as session:
                warnings = apps.reapply_warnings(
                    session,
                    company=fields["company"],
                    title=fields["title"] or "",
                    board=fields["board"],
                    external_id=fields["external_id"],
                )
            if (
                warnings
                and QMessageBox.warning(
                    self,
                    "Before you save",
                    "\n".join(warnings) + "\n\nSave it anyway?",
                    QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel,
                )
                != QMessageBox.StandardButton.Save
            ):
                return
        try:
            if self.app is None:
                command = AddApplication(self.hub, status, fields)
                self.app_id = command.app_id
                self.undo.push(command)
            else:
                before = apps.field_values(self.app)
                changes = {k: v for k, v in fields.items() if before.get(k) != v}
                if changes:
                    self.undo.push(EditApplication(self.hub, self.app.id, changes))
                if status != self.app.status:
                    self.undo.push(MoveApplications(self.hub, [self.app.id], status))
        except apps.ValidationError as exc:
            self._show_problems(exc.problems)
            return
        self.accept()

    # --- interviews, contacts, files (saved at once) ---------------------------------------

    def _changed(self) -> None:
        with self.hub.store.session() as session:
            self.app = apps.application_detail(session, self.app.id)
        self.hub.notify_rows("applications", [self.app.id])

    def _fill_interviews(self) -> None:
        self.interview_list.clear()
        for iv in self.app.interviews:
            local = apps.from_utc(iv.scheduled_at, iv.timezone)
            item = QListWidgetItem(
                f"Round {iv.round} · {_label(iv.kind)} · {local:%a %d %b %Y %H:%M} {iv.timezone} · "
                f"{_label(iv.outcome)}" + (f" · {iv.people}" if iv.people else "")
            )
            item.setData(Qt.ItemDataRole.UserRole, iv.id)
            self.interview_list.addItem(item)
        self.iv_round.setValue(len(self.app.interviews) + 1)

    def _interview_picked(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        iv = next(i for i in self.app.interviews if i.id == item.data(Qt.ItemDataRole.UserRole))
        local = apps.from_utc(iv.scheduled_at, iv.timezone)
        self.iv_round.setValue(iv.round)
        self.iv_when.setDateTime(
            QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute))
        )
        self.iv_zone.setCurrentText(iv.timezone)
        self.iv_minutes.setValue(iv.duration_minutes or 60)
        _set_choice(self.iv_kind, iv.kind)
        _set_choice(self.iv_outcome, iv.outcome)
        self.iv_people.setText(iv.people)
        self.iv_notes.setText(iv.notes)

    def _save_interview(self, interview_id: int | None) -> None:
        local: datetime = self.iv_when.dateTime().toPython()
        zone = self.iv_zone.currentText().strip() or "UTC"
        try:
            with self.hub.store.transaction() as session:
                app = session.get(Application, self.app.id)
                apps.save_interview(
                    session,
                    app,
                    interview_id,
                    round=self.iv_round.value(),
                    scheduled_at=apps.to_utc(local.replace(second=0, microsecond=0), zone),
                    timezone=zone,
                    duration_minutes=self.iv_minutes.value(),
                    kind=self.iv_kind.currentData(),
                    outcome=self.iv_outcome.currentData(),
                    people=self.iv_people.text().strip(),
                    notes=self.iv_notes.text().strip(),
                )
        except apps.ValidationError as exc:
            self._show_problems(exc.problems)
            return
        self._changed()
        self._fill_interviews()

    def _update_interview(self) -> None:
        item = self.interview_list.currentItem()
        if item is not None:
            self._save_interview(item.data(Qt.ItemDataRole.UserRole))

    def _remove_interview(self) -> None:
        item = self.interview_list.currentItem()
        if item is None:
            return
        with self.hub.store.transaction() as session:
            apps.delete_interview(session, item.data(Qt.ItemDataRole.UserRole))
        self._changed()
        self._fill_interviews()

    def _fill_contacts(self) -> None:
        names = dict(self.contacts)
        self.contact_list.clear()
        for link in self.app.contact_links:
            item = QListWidgetItem(f"{names.get(link.contact_id, '?')} — {_label(link.role)}")
            item.setData(Qt.ItemDataRole.UserRole, link.id)
            self.contact_list.addItem(item)

    def _link_contact(self) -> None:
        contact_id = self.contact_pick.currentData()
        if contact_id is None:
            return
        with self.hub.store.transaction() as session:
            apps.link_contact(
                session,
                session.get(Application, self.app.id),
                contact_id,
                self.contact_role.currentData(),
            )
        self._changed()
        self._fill_contacts()

    def _unlink_contact(self) -> None:
        item = self.contact_list.currentItem()
        if item is None:
            return
        with self.hub.store.transaction() as session:
            apps.unlink_contact(session, item.data(Qt.ItemDataRole.UserRole))
        self._changed()
        self._fill_contacts()

    def _fill_files(self) -> None:
        self.file_list.clear()
        for attachment in self.app.attachments:
            item = QListWidgetItem(
                f"{_label(attachment.kind)}: {attachment.label} ({attachment.original_name})"
            )
            item.setData(Qt.ItemDataRole.UserRole, attachment.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, attachment.stored_path)
            self.file_list.addItem(item)

    def attach_file(self, path: Path, kind: str) -> None:
        with self.hub.store.transaction() as session:
            apps.add_attachment(
                session,
                self.hub.store.attachments_dir,
                session.get(Application, self.app.id),
                path,
                kind,
            )
        self._changed()
        self._fill_files()

    def _attach(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, "Attach a file", str(Path.home()))
        if name:
            try:
                self.attach_file(Path(name), self.file_kind.currentData())
            except apps.ValidationError as exc:
                self._show_problems(exc.problems)

    def _open_file(self, item: QListWidgetItem | None) -> None:
        if item is not None:
            path = self.hub.store.attachments_dir / item.data(Qt.ItemDataRole.UserRole + 1)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def _remove_file(self) -> None:
        item = self.file_list.currentItem()
        if item is None:
            return
        with self.hub.store.transaction() as session:
            apps.remove_attachment(
                session, self.hub.store.attachments_dir, item.data(Qt.ItemDataRole.UserRole)
            )
        self._changed()
        self._fill_files()
