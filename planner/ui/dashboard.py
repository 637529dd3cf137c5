"""Dashboard: what needs doing today, from services.today."""

from __future__ import annotations

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QListView, QScrollArea, QVBoxLayout, QWidget

from ..services.today import Today, TodayItem, today_summary
from .hub import DataHub
from .widgets import Card, EmptyState, heading, muted

Index = QModelIndex | QPersistentModelIndex

SECTIONS = (
    ("follow_ups", "Follow-ups due", "Nothing to chase: every open application had news recently."),
    ("interviews", "Interviews coming up", "No interviews in the next two weeks."),
    ("exams", "Exams coming up", "No exam date set in the next 90 days."),
    ("study", "Study planned this week", "No study sessions planned for the next 7 days."),
    ("contacts", "Contacts to get back to", "Everyone is up to date."),
)


class TodayListModel(QAbstractListModel):
    """One dashboard list: a line of text with its detail under it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[TodayItem] = []

    def set_items(self, items: list[TodayItem]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def item(self, row: int) -> TodayItem:
        return self._items[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._items)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.text}\n{item.detail}"
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{item.text}: {item.detail}"
        return None


class DashboardPage(QWidget):
    """Today's to-do across the four trackers."""

    open_item = Signal(str, int)  # kind, id — the window shows the right page

    def __init__(self, hub: DataHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setAccessibleName("Dashboard")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.empty = EmptyState(
            "dashboard",
            "Welcome to Career Planner",
            "Start by importing the job links you collected (File ▸ Import job links…), "
            "adding your first application, or loading demo data to look around. "
            "This page then shows what needs doing today.",
            [("Load demo data", hub.load_demo)],
        )
        outer.addWidget(self.empty)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        content = QWidget()
        layout = QVBoxLayout(content)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.addWidget(heading("Today"))
        self.subtitle = muted("")
        layout.addWidget(self.subtitle)
        grid = QGridLayout()
        grid.setSpacing(14)
        self.models: dict[str, TodayListModel] = {}
        self.placeholders: dict[str, QWidget] = {}
        for n, (key, title, empty_text) in enumerate(SECTIONS):
            card = Card(title)
            model = TodayListModel(card)
            view = QListView()
            view.setModel(model)
            view.setAccessibleName(title)
            view.setFrameShape(QListView.Shape.NoFrame)
            view.setWordWrap(True)
            view.setSpacing(3)
            view.setMinimumHeight(120)
            view.setStyleSheet("QListView { background: transparent; }")
            view.activated.connect(lambda idx, m=model: self._activate(m, idx))
            placeholder = muted(empty_text)
            card.body.addWidget(view)
            card.body.addWidget(placeholder)
            self.models[key] = model
            self.placeholders[key] = placeholder
            view.setProperty("section", key)
            setattr(self, f"view_{key}", view)
            grid.addWidget(card, n // 2, n % 2)
        layout.addLayout(grid, 1)
        scroll.setWidget(content)
        self.content = scroll
        outer.addWidget(scroll)
        hub.changed.connect(lambda _what: self.refresh())
        self.refresh()

    def refresh(self) -> None:
        from ..services.datafile import holds_user_data

        with self.hub.store.session() as session:
            has_data = holds_user_data(session)
            today: Today | None = today_summary(session) if has_data else None
        self.empty.setVisible(not has_data)
        self.content.setVisible(has_data)
        if today is None:
            return
        total = 0
        for key, _title, _empty in SECTIONS:
            items = getattr(today, key)
            total += len(items)
            self.models[key].set_items(items)
            getattr(self, f"view_{key}").setVisible(bool(items))
            self.placeholders[key].setVisible(not items)
        self.subtitle.setText(
            f"{total} things need your attention." if total else "You are all caught up."
        )

    def _activate(self, model: TodayListModel, index: QModelIndex) -> None:
        item = model.item(index.row())
        if item.ref_id is not None:
            self.open_item.emit(item.kind, item.ref_id)


def build(hub: DataHub, window: QWidget) -> DashboardPage:
    page = DashboardPage(hub)
    page.open_item.connect(lambda kind, ref: window.open_item(kind, ref))
    return page
