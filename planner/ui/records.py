"""A read-only, sortable, searchable table of records for trackers whose editors are
still to come (contacts, portfolio, study plan). Rows come from a plain query function.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QStackedLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from .hub import DataHub
from .widgets import EmptyState, heading, muted

Index = QModelIndex | QPersistentModelIndex
Row = Sequence[object]


class RecordTableModel(QAbstractTableModel):
    """Rows of plain values; sorting uses the raw value, display a friendly text."""

    def __init__(
        self,
        headers: Sequence[str],
        parent: QWidget | None = None,
        formats: dict[int, Callable[[object], str]] | None = None,
    ) -> None:
        super().__init__(parent)
        self.headers = list(headers)
        self.formats = formats or {}
        self.rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        value = self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if value is None:
                return ""
            if index.column() in self.formats:
                return self.formats[index.column()](value)
            if isinstance(value, date):
                return value.strftime("%d %b %Y")
            if isinstance(value, float):
                return f"{value:g}"
            return str(value)
        if role == Qt.ItemDataRole.UserRole:  # sort role: raw values, empty last
            return value if value is not None else ""
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class RecordsPage(QWidget):
    def __init__(
        self,
        hub: DataHub,
        *,
        title: str,
        note: str,
        headers: Sequence[str],
        load: Callable[[Session], list[Row]],
        tracker: str,
        empty: EmptyState,
        formats: dict[int, Callable[[object], str]] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self._load, self.tracker = hub, load, tracker
        self.setAccessibleName(title)
        self.model = RecordTableModel(headers, self, formats)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.search = QLineEdit(placeholderText="Search…", clearButtonEnabled=True)
        self.search.setAccessibleName(f"Search {title.lower()}")
        self.search.setMaximumWidth(320)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(title)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 20)
        top = QHBoxLayout()
        top.addWidget(heading(title))
        top.addStretch()
        top.addWidget(self.search)
        layout.addLayout(top)
        layout.addWidget(muted(note))
        layout.addWidget(self.table, 1)
        self.stack = QStackedLayout(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(page)
        hub.changed.connect(self._changed)
        self.refresh()

    def _changed(self, what: frozenset[str]) -> None:
        if self.tracker in what:
            self.refresh()

    def refresh(self) -> None:
        with self.hub.store.session() as session:
            rows = self._load(session)
        self.model.set_rows(rows)
        self.stack.setCurrentIndex(1 if rows else 0)
        self.table.resizeColumnsToContents()
        for column in range(self.model.columnCount()):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column) + 12, 320))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
