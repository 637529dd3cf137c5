"""Board: a column per pipeline stage; drag a card (or press Ctrl+→ / Ctrl+←) to move it."""

from __future__ import annotations

import json

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QKeySequence, QPainter, QPen, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QScrollArea,
    QStackedLayout,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..services import applications as apps
from ..services.applications import ApplicationRow
from .commands import MoveApplications
from .hub import DataHub
from .widgets import EmptyState, heading, muted

Index = QModelIndex | QPersistentModelIndex
MIME = "application/x-career-planner-applications"
CARD_LIMIT = 300  # cards drawn per column; the header still counts them all
ID_ROLE = Qt.ItemDataRole.UserRole + 1
TITLE_ROLE = Qt.ItemDataRole.UserRole + 2
DUE_ROLE = Qt.ItemDataRole.UserRole + 3


class StageModel(QAbstractListModel):
    """The cards of one stage; a drop asks the board to move the dragged applications."""

    dropped = Signal(list, str)  # application ids, stage key

    def __init__(self, stage: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stage = stage
        self.cards: list[tuple[ApplicationRow, bool]] = []

    def set_cards(self, cards: list[tuple[ApplicationRow, bool]]) -> None:
        self.beginResetModel()
        self.cards = cards
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.cards)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        row, due = self.cards[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.company
        if role == TITLE_ROLE:
            return row.title
        if role == DUE_ROLE:
            return due
        if role == ID_ROLE:
            return row.id
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            text = f"{row.company} — {row.title}"
            return text + (" (due for a follow-up)" if due else "")
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = Qt.ItemFlag.ItemIsDropEnabled
        if not index.isValid():
            return base
        return (
            base
            | Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
        )

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:  # noqa: N802
        mime = QMimeData()
        ids = sorted({self.cards[i.row()][0].id for i in indexes if i.isValid()})
        mime.setData(MIME, QByteArray(json.dumps(ids).encode()))
        return mime

    def canDropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        return data.hasFormat(MIME)

    def dropMimeData(self, data: QMimeData, action, row, column, parent) -> bool:  # noqa: ANN001, N802
        if not data.hasFormat(MIME):
            return False
        try:
            ids = [int(i) for i in json.loads(bytes(data.data(MIME)).decode())]
        except (ValueError, TypeError):
            return False
        self.dropped.emit(ids, self.stage)
        return False  # the board reloads; Qt must not remove the dragged rows itself


class CardDelegate(QStyledItemDelegate):
    """Paints a card: company in bold, the title under it, a red 'follow up' badge."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        return QSize(option.rect.width(), 62)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = option.rect.adjusted(4, 3, -4, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.setPen(
            QPen(palette.highlight().color() if selected else palette.mid().color(), 1.2)
        )
        painter.setBrush(palette.base())
        painter.drawRoundedRect(rect, 6, 6)
        text_rect = rect.adjusted(10, 7, -10, -6)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.text().color())
        due = bool(index.data(DUE_ROLE))
        badge_width = 62 if due else 0
        company = painter.fontMetrics().elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, text_rect.width() - badge_width
        )
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop, company)
        painter.setFont(option.font)
        painter.setPen(palette.placeholderText().color())
        title = painter.fontMetrics().elidedText(
            str(index.data(TITLE_ROLE) or ""), Qt.TextElideMode.ElideRight, text_rect.width()
        )
        painter.drawText(
            text_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom, title
        )
        if due:
            badge = QRect(
                text_rect.right() - badge_width + 4, text_rect.top() - 1, badge_width - 4, 17
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor("#c0392b"))
            painter.drawRoundedRect(badge, 8, 8)
            small = QFont(option.font)
            small.setPointSizeF(option.font.pointSizeF() * 0.8)
            painter.setFont(small)
            painter.setPen(QColor("white"))
            painter.drawText(badge, Qt.AlignmentFlag.AlignCenter, "follow up")
        painter.restore()


class BoardPage(QWidget):
    def __init__(self, hub: DataHub, window: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub, self.window_ = hub, window
        self.setAccessibleName("Board")
        self.models: dict[str, StageModel] = {}
        self.views: dict[str, QListView] = {}
        self.headers: dict[str, QLabel] = {}
        self.order: list[str] = []

        self.columns_host = QWidget()
        self.columns = QHBoxLayout(self.columns_host)
        self.columns.setContentsMargins(0, 0, 0, 0)
        self.columns.setSpacing(10)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.columns_host)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 12)
        top = QHBoxLayout()
        top.addWidget(heading("Board"))
        top.addSpacing(12)
        top.addWidget(
            muted("Drag a card to another stage, or select it and press Ctrl+→ / Ctrl+←."), 1
        )
        layout.addLayout(top)
        layout.addWidget(scroll, 1)
        empty = EmptyState(
            "board",
            "Your pipeline is empty",
            "Every application becomes a card here, in a column per stage: saved, applied, "
            "screening, interviewing, offer… Add or import applications first.",
            [("Load demo data", hub.load_demo)],
        )
        self.stack = QStackedLayout(self)
        self.stack.addWidget(empty)
        self.stack.addWidget(page)
        hub.changed.connect(
            lambda what: self.reload() if {"applications", "settings"} & what else None
        )
        hub.rows_changed.connect(
            lambda tracker, _ids: self.reload() if tracker == "applications" else None
        )
        self.reload()

    def _build_columns(self, stages: dict[str, tuple[str, str, int]]) -> None:
        order = sorted(stages, key=lambda k: (stages[k][2], k))
        if order == self.order:
            return
        while self.columns.count():
            item = self.columns.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.models.clear()
        self.views.clear()
        self.headers.clear()
        delegate = CardDelegate(self)
        for key in order:
            frame = QFrame()
            frame.setObjectName("column")
            frame.setStyleSheet(
                "#column { background: palette(alternate-base); border-radius: 8px; }"
            )
            frame.setFixedWidth(200)
            box = QVBoxLayout(frame)
            box.setContentsMargins(6, 8, 6, 6)
            header = QLabel()
            header.setStyleSheet("font-weight: bold; padding-left: 6px;")
            view = QListView()
            view.setAccessibleName(f"{stages[key][0]} column")
            model = StageModel(key, view)
            model.dropped.connect(self.move)
            view.setModel(model)
            view.setItemDelegate(delegate)
            view.setFrameShape(QFrame.Shape.NoFrame)
            view.setStyleSheet("QListView { background: transparent; }")
            view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
            view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
            view.setDefaultDropAction(Qt.DropAction.MoveAction)
            view.setDragEnabled(True)
            view.setAcceptDrops(True)
            view.setDropIndicatorShown(True)
            view.doubleClicked.connect(lambda idx: self._edit(idx.data(ID_ROLE)))
            for keys, step in (("Ctrl+Right", 1), ("Ctrl+Left", -1)):
                shortcut = QShortcut(QKeySequence(keys), view)
                shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
                shortcut.activated.connect(lambda k=key, s=step: self.step_selected(k, s))
            box.addWidget(header)
            box.addWidget(view, 1)
            self.columns.addWidget(frame)
            self.models[key], self.views[key], self.headers[key] = model, view, header
        self.columns.addStretch()
        self.order = order

    def reload(self) -> None:
        with self.hub.store.session() as session:
            stages = apps.stage_outcomes(session)
            rows, counts = apps.board_rows(session, CARD_LIMIT)
        self._build_columns(stages)
        grouped: dict[str, list[ApplicationRow]] = {key: [] for key in self.order}
        for row in rows:  # already most recently active first
            grouped.setdefault(row.status, []).append(row)
        for key in self.order:
            self.models[key].set_cards([(r, r.due) for r in grouped[key]])
            count = counts.get(key, 0)
            shown = f"{count:,}" if count <= CARD_LIMIT else f"{CARD_LIMIT} of {count:,}"
            self.headers[key].setText(f"{stages[key][0]}  ·  {shown}")
        self.stack.setCurrentIndex(1 if rows else 0)

    def move(self, ids: list[int], stage: str) -> None:
        command = MoveApplications(self.hub, ids, stage)
        if command.moved:
            self.window_.undo_stack.push(command)
            self.window_.statusBar().showMessage(f"{command.text()} — Ctrl+Z to undo", 5000)

    def step_selected(self, stage: str, step: int) -> None:
        """The keyboard alternative to dragging: move the selected cards one stage along."""
        view = self.views[stage]
        ids = [i.data(ID_ROLE) for i in view.selectionModel().selectedIndexes()]
        position = self.order.index(stage) + step
        if not ids or not 0 <= position < len(self.order):
            return
        target = self.order[position]
        self.move(ids, target)
        target_view = self.views[target]
        target_view.setFocus()
        model = self.models[target]
        for row in range(model.rowCount()):
            if model.index(row).data(ID_ROLE) in ids:
                target_view.setCurrentIndex(model.index(row))
                break

    def _edit(self, app_id: int) -> None:
        from .application_editor import ApplicationEditor

        ApplicationEditor(self.hub, self.window_.undo_stack, app_id, self).exec()


def build(hub: DataHub, window: QWidget) -> BoardPage:
    return BoardPage(hub, window)
