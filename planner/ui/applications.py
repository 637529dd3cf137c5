"""Applications page: a fast table of every application, search, quick filters, editor.

The model keeps every row as plain values plus precomputed search text and sort keys,
and does its own filtering and sorting in one pass: at 50,000 rows a Python-side
QSortFilterProxyModel would call back into Python for every row and comparison.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..models import utcnow
from ..services import applications as apps
from ..services.applications import ApplicationRow
from .commands import DeleteApplications, MoveApplications
from .hub import DataHub
from .widgets import EmptyState, heading

Index = QModelIndex | QPersistentModelIndex

COLUMNS = (
    ("company", "Company"),
    ("title", "Title"),
    ("status", "Status"),
    ("work_mode", "Work mode"),
    ("location", "Location"),
    ("salary", "Salary"),
    ("applied_on", "Applied"),
    ("next_action", "Next action"),
    ("next_action_due", "Due"),
    ("quiet", "Days quiet"),
)
COL = {key: n for n, (key, _label) in enumerate(COLUMNS)}
SORT_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DUE_COLOR = QColor("#c0392b")
CLOSED_COLOR = QColor("#8a8f98")
WORK_MODE_NAMES = {"remote": "Remote", "hybrid": "Hybrid", "onsite": "On-site"}


class ApplicationsModel(QAbstractTableModel):
    """Every application as a row; `set_search`/`set_quick` filter, `sort` orders."""

    counts_changed = Signal(int, int)  # shown, total

    def __init__(self, hub: DataHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._rows: list[ApplicationRow] = []
        self._haystack: list[str] = []
        self._due: list[bool] = []
        self._salary: list[str] = []
        self._visible: list[int] = []
        self._by_id: dict[int, int] = {}
        self._stages: dict[str, tuple[str, str, int]] = {}
        self._search = ""
        self._quick: dict[str, object] = {"outcome": "all", "remote": False, "due": False}
        self._sort_column, self._sort_order = COL["applied_on"], Qt.SortOrder.DescendingOrder
        self._now = utcnow()
        hub.changed.connect(self._changed)
        hub.rows_changed.connect(self._rows_changed)

    # --- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        with self.hub.store.session() as session:
            self._stages = apps.stage_outcomes(session)
            self._rule = apps.follow_up_rule(session)
            rows = apps.application_rows(session)
        self._now = utcnow()
        self._rows = rows
        self._derive_all()
        self._refilter(reset=True)

    def _derive(self, row: ApplicationRow) -> tuple[str, bool, str]:
        haystack = f"{row.company}\n{row.title}\n{row.notes}\n{row.tags}".casefold()
        outcome = self._stages.get(row.status, ("", "open", 0))[1]
        due = apps.follow_up_due(row.status, outcome, row.last_activity_at, self._now, self._rule)
        salary = apps.format_salary(
            row.salary_min, row.salary_max, row.salary_currency, row.salary_period
        )
        return haystack, due, salary

    def _derive_all(self) -> None:
        derived = [self._derive(r) for r in self._rows]
        self._haystack = [d[0] for d in derived]
        self._due = [d[1] for d in derived]
        self._salary = [d[2] for d in derived]
        self._by_id = {r.id: i for i, r in enumerate(self._rows)}

    def _changed(self, what: frozenset[str]) -> None:
        if "applications" in what or "settings" in what:
            self.reload()

    def _rows_changed(self, tracker: str, ids: list[int]) -> None:
        """Refresh just the rows that changed: re-read them, keep everything else."""
        if tracker != "applications":
            return
        with self.hub.store.session() as session:
            fresh = {r.id: r for r in apps.application_rows(session, ids)}
        self._now = utcnow()
        rows = [r for r in self._rows if r.id not in fresh and r.id not in ids]
        rows.extend(fresh.values())
        rows.sort(key=lambda r: r.id)
        self._rows = rows
        self._derive_all()
        self._refilter(reset=False)

    # --- filtering and sorting --------------------------------------------------------

    def set_search(self, text: str) -> None:
        self._search = text.strip().casefold()
        self._refilter()

    def set_quick(self, name: str, value: object) -> None:
        self._quick[name] = value
        self._refilter()

    def _accepted(self) -> list[int]:
        outcome_filter = self._quick["outcome"]
        remote_only = self._quick["remote"]
        due_only = self._quick["due"]
        words = self._search.split()
        stages = self._stages
        rows, hay, due = self._rows, self._haystack, self._due
        result = []
        for i, row in enumerate(rows):
            if words and not all(w in hay[i] for w in words):
                continue
            if outcome_filter != "all":
                is_open = stages.get(row.status, ("", "open", 0))[1] == "open"
                if (outcome_filter == "open") != is_open:
                    continue
            if remote_only and row.work_mode != "remote":
                continue
            if due_only and not due[i]:
                continue
            result.append(i)
        return result

    def _sort_key(self, column: int):  # noqa: ANN202 - key function
        rows = self._rows
        key = COLUMNS[column][0]
        far = date.max
        if key == "status":
            pos = {k: v[2] for k, v in self._stages.items()}
            return lambda i: pos.get(rows[i].status, 0)
        if key == "salary":
            return lambda i: rows[i].salary_max or rows[i].salary_min or 0.0
        if key in ("applied_on", "next_action_due"):
            return lambda i: getattr(rows[i], key) or far
        if key == "quiet":
            return lambda i: -rows[i].last_activity_at.timestamp()
        return lambda i: (getattr(rows[i], key) or "").casefold()

    def _ordered(self, indices: list[int]) -> list[int]:
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        key = self._sort_key(self._sort_column)
        if COLUMNS[self._sort_column][0] in ("applied_on", "next_action_due"):
            # Empty dates go last whichever way the column is sorted.
            filled = [i for i in indices if getattr(self._rows[i], COLUMNS[self._sort_column][0])]
            empty = [
                i for i in indices if not getattr(self._rows[i], COLUMNS[self._sort_column][0])
            ]
            return sorted(filled, key=key, reverse=reverse) + empty
        return sorted(indices, key=key, reverse=reverse)

    def _refilter(self, reset: bool = False) -> None:
        visible = self._ordered(self._accepted())
        if reset:
            self.beginResetModel()
            self._visible = visible
            self.endResetModel()
        else:
            self._relayout(visible)
        self.counts_changed.emit(len(self._visible), len(self._rows))

    def _relayout(self, visible: list[int]) -> None:
        """Swap in a new row order, keeping selections and the current row by id."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_ids = [self.row_id(i.row()) if 0 <= i.row() < len(self._visible) else None for i in old]
        self._visible = visible
        position = {self._rows[src].id: row for row, src in enumerate(visible)}
        new = []
        for idx, app_id in zip(old, old_ids, strict=True):
            row = position.get(app_id) if app_id is not None else None
            new.append(self.index(row, idx.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        self._relayout(self._ordered(self._visible))

    # --- access ------------------------------------------------------------------------

    def row_id(self, row: int) -> int:
        return self._rows[self._visible[row]].id

    def row_of(self, app_id: int) -> int | None:
        source = self._by_id.get(app_id)
        if source is None:
            return None
        try:
            return self._visible.index(source)
        except ValueError:
            return None

    def record(self, row: int) -> ApplicationRow:
        return self._rows[self._visible[row]]

    def is_due(self, row: int) -> bool:
        return self._due[self._visible[row]]

    def stage_name(self, key: str) -> str:
        return self._stages.get(key, (key, "open", 0))[0]

    @property
    def total(self) -> int:
        return len(self._rows)

    # --- Qt model API ------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section][1]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        source = self._visible[index.row()]
        row = self._rows[source]
        key = COLUMNS[index.column()][0]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, key, source)
        if role == SORT_ROLE:
            return self._sort_key(index.column())(source)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "quiet" and self._due[source]:
                return QBrush(DUE_COLOR)
            if self._stages.get(row.status, ("", "open", 0))[1] != "open":
                return QBrush(CLOSED_COLOR)
            if (
                key == "next_action_due"
                and row.next_action_due
                and row.next_action_due <= date.today()
            ):
                return QBrush(DUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and key == "quiet" and self._due[source]:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "quiet" and self._due[source]:
                return "Due for a follow-up: log an activity or move it on to reset the clock."
            if key in ("notes", "title", "company", "next_action"):
                return self._display(row, key, source) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
            "quiet",
            "applied_on",
            "next_action_due",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: ApplicationRow, key: str, source: int) -> str:
        if key == "status":
            return self.stage_name(row.status)
        if key == "work_mode":
            mode = WORK_MODE_NAMES.get(row.work_mode or "", "")
            return (
                f"{mode} ({row.remote_region})" if mode == "Remote" and row.remote_region else mode
            )
        if key == "salary":
            return self._salary[source]
        if key in ("applied_on", "next_action_due"):
            value: date | None = getattr(row, key)
            return value.strftime("%d %b %Y") if value else ""
        if key == "quiet":
            days = (self._now - row.last_activity_at).days
            return f"⚑ {days}" if self._due[source] else str(days)
        value = getattr(row, key)
        return "" if value is None else str(value)


class ApplicationsPage(QWidget):
    """The Applications page: toolbar, quick filters and the table."""

    def __init__(self, hub: DataHub, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.window_ = hub, window
        self.setAccessibleName("Applications")
        self.model = ApplicationsModel(hub, self)

        self.search = QLineEdit(
            placeholderText="Search company, title, notes, tags…", clearButtonEnabled=True
        )
        self.search.setAccessibleName("Search applications")
        self.search.setMinimumWidth(260)
        self.search.textChanged.connect(self.model.set_search)
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Show open or closed applications")
        for label, value in (("All applications", "all"), ("Open", "open"), ("Closed", "closed")):
            self.outcome.addItem(label, value)
        self.outcome.currentIndexChanged.connect(
            lambda _i: self.model.set_quick("outcome", self.outcome.currentData())
        )
        self.remote = QCheckBox("Remote only")
        self.remote.toggled.connect(lambda on: self.model.set_quick("remote", on))
        self.due = QCheckBox("Due for follow-up")
        self.due.toggled.connect(lambda on: self.model.set_quick("due", on))
        self.count = QLabel()
        self.count.setStyleSheet("color: palette(placeholder-text);")
        self.model.counts_changed.connect(self._counts)

        new = QPushButton("New…")
        new.setToolTip("Add an application (Ctrl+N)")
        new.clicked.connect(self.new_application)
        export = QPushButton("Export CSV…")
        export.clicked.connect(self.export_csv)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Applications table")
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(
            COL["applied_on"], Qt.SortOrder.DescendingOrder
        )
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(False)
        for key, width in (
            ("company", 170),
            ("title", 250),
            ("status", 100),
            ("work_mode", 150),
            ("location", 130),
            ("salary", 150),
            ("applied_on", 95),
            ("next_action", 170),
            ("next_action_due", 95),
            ("quiet", 80),
        ):
            self.table.setColumnWidth(COL[key], width)
        self.table.doubleClicked.connect(lambda idx: self.edit(self.model.row_id(idx.row())))
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 12)
        top = QHBoxLayout()
        top.addWidget(heading("Applications"))
        top.addSpacing(12)
        top.addWidget(self.count, 0, Qt.AlignmentFlag.AlignBottom)
        top.addStretch()
        top.addWidget(new)
        top.addWidget(export)
        layout.addLayout(top)
        filters = QHBoxLayout()
        filters.addWidget(self.search, 2)
        filters.addWidget(self.outcome)
        filters.addWidget(self.remote)
        filters.addWidget(self.due)
        filters.addStretch(1)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        empty = EmptyState(
            "applications",
            "No applications yet",
            "Add the jobs you are going for, or import the links you collected in your "
            "browser: bookmarks exports, lists of links, CSV files and saved job pages all work.",
            [
                ("New application…", self.new_application),
                ("Import job links…", lambda: window.import_links()),
                ("Load demo data", hub.load_demo),
            ],
        )
        self.stack = QStackedLayout(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(page)
        self.model.reload()

    def _counts(self, shown: int, total: int) -> None:
        self.stack.setCurrentIndex(1 if total else 0)
        self.count.setText(f"{shown:,} of {total:,}" if shown != total else f"{total:,}")

    # --- selection and actions ---------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_id(r) for r in rows]

    def select_record(self, app_id: int) -> None:
        if self.model.row_of(app_id) is None:  # hidden by a filter: clear them
            self.search.clear()
            self.outcome.setCurrentIndex(0)
            self.remote.setChecked(False)
            self.due.setChecked(False)
        row = self.model.row_of(app_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def new_application(self) -> None:
        from .application_editor import ApplicationEditor

        editor = ApplicationEditor(self.hub, self.window_.undo_stack, None, self)
        if editor.exec() and editor.app_id is not None:
            self.select_record(editor.app_id)

    def edit(self, app_id: int) -> None:
        from .application_editor import ApplicationEditor

        ApplicationEditor(self.hub, self.window_.undo_stack, app_id, self).exec()

    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        command = DeleteApplications(self.hub, ids)
        self.window_.undo_stack.push(command)
        self.window_.statusBar().showMessage(f"{command.text()} — Ctrl+Z to undo", 6000)

    def move_selected(self, status: str) -> None:
        ids = self.selected_ids()
        if ids:
            command = MoveApplications(self.hub, ids, status)
            if command.moved:
                self.window_.undo_stack.push(command)

    def log_activity(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        text, ok = QInputDialog.getText(
            self, "Log activity", "What did you do? (e.g. sent a follow-up email)"
        )
        if ok and text.strip():
            with self.hub.store.transaction() as session:
                from ..models import Application

                apps.log_activity(session, session.get(Application, ids[0]), text)
            self.hub.notify_rows("applications", ids)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        if not self.selected_ids():
            return
        menu = QMenu(self)
        menu.addAction("Edit…", lambda: self.edit(self.selected_ids()[0]))
        menu.addAction("Log activity…", self.log_activity)
        move = menu.addMenu("Move to")
        with self.hub.store.session() as session:
            from ..services.stages import list_stages

            stages = [(s.key, s.name) for s in list_stages(session)]
        for key, name in stages:
            action = QAction(name, move)
            action.triggered.connect(lambda _c=False, k=key: self.move_selected(k))
            move.addAction(action)
        menu.addSeparator()
        menu.addAction("Delete", self.delete_selected)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def export_csv(self) -> None:
        from ..services.reports import export_applications_csv
        from .tasks import run_task

        name, _ = QFileDialog.getSaveFileName(
            self,
            "Export applications",
            str(Path.home() / f"applications-{datetime.now():%Y-%m-%d}.csv"),
            "CSV (*.csv)",
        )
        if not name:
            return
        store = self.hub.store

        def work(_progress):  # noqa: ANN001, ANN202
            with store.session() as session:
                return export_applications_csv(session, Path(name))

        run_task(
            self,
            "Exporting applications…",
            work,
            lambda _r: self.window_.statusBar().showMessage(
                f"Applications exported to {name}", 6000
            ),
            lambda exc: QMessageBox.critical(self, "Export failed", str(exc)),
        )


def build(hub: DataHub, window: QWidget) -> ApplicationsPage:
    return ApplicationsPage(hub, window)
