"""Applications page: a fast table of every application, search, quick filters, editor.

The model keeps every row as plain values plus precomputed search text and sort keys,
and does its own filtering and sorting in one pass: at 50,000 rows a Python-side
QSortFilterProxyModel would call back into Python for every row and comparison.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

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

from ..errors import UserError
from ..models import Application, utcnow
from ..services import applications as apps
from ..services import fetch
from ..services.applications import ApplicationRow
from ..services.link_sources import ParseResult
from .commands import DeleteApplications, EditApplication, MoveApplications
from .hub import DataHub
from .widgets import EmptyState, heading

if TYPE_CHECKING:
    from .tasks import Task

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


FETCH_DETAILS = "Fetch details from the web…"
FETCH_TITLE = "Fetch details"

FIRST_PAGE = 120  # rows shown at once while the rest load in the background


def _parse_date(text: str | None) -> date | None:
    return date.fromisoformat(text[:10]) if text else None


class ApplicationsModel(QAbstractTableModel):
    """Every application as a row; `set_search`/`set_quick` filter, `sort` orders.

    `load()` shows the first screenful at once (one small query in the current order)
    and reads the rest in a worker thread; `reload()` reads everything synchronously.
    """

    counts_changed = Signal(int, int)  # shown, total
    loaded = Signal()

    def __init__(self, hub: DataHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self._rows: list[ApplicationRow] = []
        self._haystack: list[str] = []
        self._keys: dict[int, list] = {}
        self._salary: dict[int, str] = {}
        self._visible: list[int] = []
        self._by_id: dict[int, int] = {}
        self._stages: dict[str, tuple[str, str, int]] = {}
        self._search: list[str] = []
        self._quick: dict[str, object] = {"outcome": "all", "remote": False, "due": False}
        self._sort_column, self._sort_order = COL["applied_on"], Qt.SortOrder.DescendingOrder
        self._now = utcnow()
        self._generation = 0
        self.loading = False
        self.load_error: BaseException | None = None
        hub.changed.connect(self._changed)
        hub.rows_changed.connect(self._rows_changed)

    # --- loading ---------------------------------------------------------------------

    def reload(self) -> None:
        """Read every row now (small databases, tests, after a restore)."""
        self._generation += 1
        with self.hub.store.session() as session:
            self._stages = apps.stage_outcomes(session)
            rows = apps.application_rows(session)
        self.loading = False
        self._install(rows, self._index(rows))
        self.loaded.emit()

    def load(self) -> None:
        """First screenful now, everything else from a worker thread."""
        from .tasks import run_in_background

        self._generation += 1
        generation = self._generation
        store = self.hub.store
        with store.session() as session:
            self._stages = apps.stage_outcomes(session)
            first = apps.application_rows(session, order_by=self._sql_order(), limit=FIRST_PAGE)
            total = apps.count_applications(session)
        self.loading = len(first) < total
        self._install(first, self._index(first), total=total)
        if not self.loading:
            self.loaded.emit()
            return

        def work(_progress) -> tuple:  # noqa: ANN001
            with store.session() as session:
                rows = apps.application_rows(session)
            return rows, self._index(rows)

        def done(result: tuple) -> None:
            if generation == self._generation:  # a newer load has started meanwhile
                self.loading = False
                self._install(*result)
                self.loaded.emit()

        def failed(exc: BaseException) -> None:
            if generation == self._generation:
                self.loading = False
                self.load_error = exc
                self.counts_changed.emit(len(self._visible), self._total)
                self.loaded.emit()

        run_in_background(work, done, failed)

    def _sql_order(self) -> tuple:
        """The current sort as SQL, so the first screenful matches the final order."""
        descending = self._sort_order == Qt.SortOrder.DescendingOrder
        return apps.row_order(COLUMNS[self._sort_column][0], descending)

    @staticmethod
    def _index(rows: list[ApplicationRow]) -> list[str]:
        """Search text per row (runs in the worker)."""
        return [f"{r.company}\n{r.title}\n{r.notes}\n{r.tags}".casefold() for r in rows]

    def _install(
        self, rows: list[ApplicationRow], haystack: list[str], total: int | None = None
    ) -> None:
        self._now = utcnow()
        self._rows, self._haystack = rows, haystack
        self._keys.clear()
        self._salary.clear()
        self._by_id = {r.id: i for i, r in enumerate(rows)}
        self._total = total if total is not None else len(rows)
        if self.loading:  # the first screenful arrives already sorted by SQL
            self.beginResetModel()
            self._visible = list(range(len(rows)))
            self.endResetModel()
            self.counts_changed.emit(len(rows), self._total)
        else:
            self._refilter(reset=True)

    def _changed(self, what: frozenset[str]) -> None:
        if "applications" in what or "settings" in what:
            self.load()

    def _rows_changed(self, tracker: str, ids: list[int]) -> None:
        """Refresh just the rows that changed: re-read them, keep everything else."""
        if tracker != "applications":
            return
        if self.loading:
            self.load()
            return
        with self.hub.store.session() as session:
            fresh = apps.application_rows(session, ids)
        gone = set(ids)
        keep = [i for i, r in enumerate(self._rows) if r.id not in gone]
        rows = [self._rows[i] for i in keep] + fresh
        haystack = [self._haystack[i] for i in keep] + self._index(fresh)
        self._rows, self._haystack = rows, haystack
        self._by_id = {r.id: i for i, r in enumerate(rows)}
        self._total = len(rows)
        self._keys.clear()
        self._salary.clear()
        self._now = utcnow()
        self._refilter(reset=False)

    # --- filtering and sorting --------------------------------------------------------

    def set_search(self, text: str) -> None:
        self._search = text.casefold().split()
        self._refilter()

    def set_quick(self, name: str, value: object) -> None:
        self._quick[name] = value
        self._refilter()

    def _accepted(self) -> list[int]:
        indices = range(len(self._rows))
        rows, hay, stages = self._rows, self._haystack, self._stages
        for word in self._search:
            indices = [i for i in indices if word in hay[i]]
        outcome = self._quick["outcome"]
        if outcome != "all":
            open_keys = {k for k, v in stages.items() if v[1] == "open"}
            want_open = outcome == "open"
            indices = [i for i in indices if (rows[i].status in open_keys) == want_open]
        if self._quick["remote"]:
            indices = [i for i in indices if rows[i].work_mode == "remote"]
        if self._quick["due"]:
            indices = [i for i in indices if rows[i].due]
        return list(indices)

    def _sort_keys(self, column: int) -> list:
        """One key per row for `column`, computed once per data change."""
        if column not in self._keys:
            rows = self._rows
            key = COLUMNS[column][0]
            if key == "status":
                pos = {k: v[2] for k, v in self._stages.items()}
                keys = [pos.get(r.status, 0) for r in rows]
            elif key == "salary":
                keys = [r.salary_max or r.salary_min or 0.0 for r in rows]
            elif key in ("applied_on", "next_action_due", "last_activity_at"):
                keys = [getattr(r, key) or "" for r in rows]
            elif key == "quiet":
                keys = [r.last_activity_at for r in rows]
            else:
                keys = [(getattr(r, key) or "").casefold() for r in rows]
            self._keys[column] = keys
        return self._keys[column]

    def _ordered(self, indices: list[int]) -> list[int]:
        key = COLUMNS[self._sort_column][0]
        reverse = self._sort_order == Qt.SortOrder.DescendingOrder
        if key == "quiet":  # most days quiet = oldest activity
            reverse = not reverse
        keys = self._sort_keys(self._sort_column)
        if key in ("applied_on", "next_action_due"):  # empty dates last, either way
            filled = [i for i in indices if keys[i]]
            empty = [i for i in indices if not keys[i]]
            return sorted(filled, key=keys.__getitem__, reverse=reverse) + empty
        return sorted(indices, key=keys.__getitem__, reverse=reverse)

    def _refilter(self, reset: bool = False) -> None:
        if self.loading:
            return  # applied when the full load arrives
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
        rows = self._rows
        old_ids = [
            rows[self._visible[i.row()]].id
            if 0 <= i.row() < len(self._visible) and self._visible[i.row()] < len(rows)
            else None
            for i in old
        ]
        self._visible = visible
        new = []
        if old:
            position = {rows[src].id: row for row, src in enumerate(visible)}
            for idx, app_id in zip(old, old_ids, strict=True):
                row = position.get(app_id) if app_id is not None else None
                new.append(self.index(row, idx.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if not self.loading:
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
        return self._rows[self._visible[row]].due

    def stage_name(self, key: str) -> str:
        return self._stages.get(key, (key, "open", 0))[0]

    @property
    def total(self) -> int:
        return self._total if self.loading else len(self._rows)

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
            return self._sort_keys(index.column())[source]
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole:
            if key == "quiet" and row.due:
                return QBrush(DUE_COLOR)
            if self._stages.get(row.status, ("", "open", 0))[1] != "open":
                return QBrush(CLOSED_COLOR)
            if (
                key == "next_action_due"
                and row.next_action_due
                and row.next_action_due[:10] <= date.today().isoformat()
            ):
                return QBrush(DUE_COLOR)
        if role == Qt.ItemDataRole.FontRole and key == "quiet" and row.due:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            if key == "quiet" and row.due:
                return "Due for a follow-up: log an activity or move it on to reset the clock."
            if key in ("title", "company", "next_action"):
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
            if source not in self._salary:
                self._salary[source] = apps.format_salary(
                    row.salary_min, row.salary_max, row.salary_currency, row.salary_period
                )
            return self._salary[source]
        if key in ("applied_on", "next_action_due"):
            value = _parse_date(getattr(row, key))
            return value.strftime("%d %b %Y") if value else ""
        if key == "quiet":
            days = (self._now - datetime.fromisoformat(row.last_activity_at)).days
            return f"⚑ {days}" if row.due else str(days)
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
        self.model.load()

    def _counts(self, shown: int, total: int) -> None:
        self.stack.setCurrentIndex(1 if total else 0)
        if self.model.load_error is not None:
            self.count.setText(f"could not load all rows: {self.model.load_error}")
        elif self.model.loading:
            self.count.setText(f"loading {total:,}…")
        else:
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
                apps.log_activity(session, session.get(Application, ids[0]), text)
            self.hub.notify_rows("applications", ids)

    def _context_menu(self, pos) -> None:  # noqa: ANN001
        menu = self.context_menu()
        if menu is not None:
            menu.exec(self.table.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def context_menu(self) -> QMenu | None:
        """The right-click menu for the selected applications, or None without a selection."""
        if not self.selected_ids():
            return None
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
        fetch_action = menu.addAction(FETCH_DETAILS, self.fetch_details)
        fetch_action.setEnabled(self._posting_to_fetch() is not None)
        menu.addSeparator()
        menu.addAction("Delete", self.delete_selected)
        return menu

    # --- fetch details from the web (optional, explicit: PRODUCT.md) ---------------------

    def _posting_to_fetch(self) -> tuple[int, str] | None:
        """(id, posting URL) when exactly one application with a posting URL is selected."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return None
        with self.hub.store.session() as session:
            app = session.get(Application, ids[0])
            url = app.posting_url if app is not None else None
        return (ids[0], url) if url else None

    def fetch_details(self) -> Task | None:
        """Read the selected application's posting from the web, then offer its empty fields."""
        from .tasks import run_task

        picked = self._posting_to_fetch()
        if picked is None:
            return None
        app_id, url = picked

        def work(progress):  # noqa: ANN001, ANN202
            return fetch.fetch_posting(url, cancelled=lambda: progress.cancelled)

        def done(result: ParseResult) -> None:
            if not task.progress.cancelled:
                self._offer_details(app_id, url, result)

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, fetch.FetchCancelled) and not task.progress.cancelled:
                text = str(exc) if isinstance(exc, UserError) else repr(exc)
                QMessageBox.warning(self, FETCH_TITLE, text)

        task = run_task(self, "Fetching the posting…", work, done, failed)
        return task

    def _offer_details(self, app_id: int, url: str, result: ParseResult) -> None:
        """Show what the page would fill in; fill it, undoably, when the user agrees."""
        with self.hub.store.session() as session:
            app = session.get(Application, app_id)
            if app is None:  # deleted while the page was loading
                return
            company, current = app.company, apps.field_values(app)
        candidate = fetch.pick_candidate(result, url)
        details = fetch.details_to_fill(current, candidate) if candidate else {}
        if not details:
            QMessageBox.information(
                self,
                FETCH_TITLE,
                "The page has nothing new for this application: every field it knows is "
                "already filled in."
                if candidate
                else "Career Planner found no job posting it could read on the page.",
            )
            return
        lines = "\n".join(fetch.describe_details(details))
        answer = QMessageBox.question(
            self, FETCH_TITLE, f"Fill these empty fields of {company} from the posting?\n\n{lines}"
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = EditApplication(self.hub, app_id, details)
        command.setText(f"Fetch details for {company}")
        self.window_.undo_stack.push(command)
        self.window_.statusBar().showMessage(f"{command.text()} — Ctrl+Z to undo", 6000)

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
