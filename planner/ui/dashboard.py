"""Dashboard: what needs doing today, from services.today."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import (
    QGridLayout,
    QLabel,
    QListView,
    QProgressBar,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..services.today import Today, TodayItem, today_summary, weekly_goals
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
        if role == Qt.ItemDataRole.EditRole:
            return item.text
        if role == DETAIL_ROLE:
            return item.detail
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{item.text}: {item.detail}"
        return None


DETAIL_ROLE = Qt.ItemDataRole.UserRole + 1


class TodayDelegate(QStyledItemDelegate):
    """Two lines per item: what, in the text colour; the detail under it, muted."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), option.fontMetrics.height() * 2 + 12)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        rect = option.rect.adjusted(6, 4, -6, -4)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, option.palette.highlight())
            main = sub = option.palette.highlightedText().color()
        else:
            main, sub = option.palette.text().color(), option.palette.placeholderText().color()
        metrics = option.fontMetrics
        painter.setPen(main)
        text = metrics.elidedText(
            str(index.data(Qt.ItemDataRole.EditRole) or ""),
            Qt.TextElideMode.ElideRight,
            rect.width(),
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, text)
        painter.setPen(sub)
        detail = metrics.elidedText(
            str(index.data(DETAIL_ROLE) or ""), Qt.TextElideMode.ElideRight, rect.width()
        )
        painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, detail)
        painter.restore()


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
            view.setItemDelegate(TodayDelegate(view))
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setUniformItemSizes(True)
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
            grid.addWidget(card, n // 3, n % 3)
        goals = Card("This week")
        self.goal_bars: list[tuple[QLabel, QProgressBar]] = []
        for _ in range(3):
            label, bar = QLabel(), QProgressBar()
            bar.setTextVisible(False)
            bar.setMaximumHeight(8)
            goals.body.addWidget(label)
            goals.body.addWidget(bar)
            self.goal_bars.append((label, bar))
        goals.body.addStretch()
        grid.addWidget(goals, 1, 2)
        layout.addLayout(grid, 1)
        scroll.setWidget(content)
        self.content = scroll
        outer.addWidget(scroll)
        self._stale = False
        hub.changed.connect(self._data_changed)
        hub.rows_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self, *_what: object) -> None:
        """Refresh now if on screen, else when next shown (edits elsewhere are frequent)."""
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: ANN001, N802
        if self._stale:
            self.refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._stale = False
        from ..services.datafile import holds_user_data

        with self.hub.store.session() as session:
            has_data = holds_user_data(session)
            today: Today | None = today_summary(session) if has_data else None
            goals = weekly_goals(session, date.today()) if has_data else []
        for (label, bar), goal in zip(self.goal_bars, goals, strict=False):
            done = f"{goal.done:g}{goal.unit}"
            label.setText(f"{goal.label}: <b>{done}</b> of {goal.goal:g}{goal.unit}")
            bar.setMaximum(max(int(goal.goal * 10), 1))
            bar.setValue(min(int(goal.done * 10), bar.maximum()))
            bar.setAccessibleName(f"{goal.label}: {done} of {goal.goal:g}")
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
