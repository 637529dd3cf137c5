"""Edit ▸ Settings…: the pipeline's stages (rename, add your own) and the follow-up clock.

Every change is saved as it is made, one transaction each, through services/stages.py
and services/applications.py; the table, board and dashboard hear of it through the hub.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from ..errors import UserError
from ..models import Stage
from ..services.applications import FollowUpRule, follow_up_rule, set_follow_up_rule
from ..services.stages import add_stage, list_stages, rename_stage
from .hub import DataHub
from .widgets import heading, muted

Index = QModelIndex | QPersistentModelIndex
OUTCOME_NAMES = {"open": "Open", "won": "Closed: won", "lost": "Closed: lost"}
OUTCOME_CHOICES = (
    ("open", "Open: still in progress"),
    ("won", "Closed: won (like Accepted)"),
    ("lost", "Closed: lost (like Rejected)"),
)
CLOSED_COLOR = QColor("#8a8f98")
ERROR_STYLE = "color: #c0392b; font-weight: bold;"
STAGE_NAME_CHARS = 80  # models.applications.Stage.name is a String(80)
MAX_FOLLOW_UP_DAYS = 365
ROW_HEIGHT = 26
FOLLOW_UP_SAVE_DELAY_MS = 400


@dataclass(frozen=True)
class StageRow:
    key: str
    name: str
    outcome: str
    builtin: bool


class StagesModel(QAbstractTableModel):
    """The pipeline's stages in order: name and outcome."""

    HEADERS = ("Stage", "Outcome")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stages: list[StageRow] = []

    def set_stages(self, stages: list[StageRow]) -> None:
        self.beginResetModel()
        self.stages = stages
        self.endResetModel()

    def row_of(self, key: str) -> int | None:
        return next((n for n, s in enumerate(self.stages) if s.key == key), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.stages)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:  # noqa: N802
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        stage = self.stages[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return stage.name if index.column() == 0 else OUTCOME_NAMES[stage.outcome]
        if role == Qt.ItemDataRole.UserRole:
            return stage.key
        if role == Qt.ItemDataRole.ForegroundRole and stage.outcome != "open":
            return QBrush(CLOSED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Built-in stage" if stage.builtin else "A stage you added"
        return None


class StageDialog(QDialog):
    """Name a stage (rename), or name, place and classify a new one (add).

    `save` runs when the user presses OK; a UserError it raises is shown in the dialog,
    which stays open so the name can be fixed.
    """

    def __init__(
        self,
        title: str,
        save: Callable[[StageDialog], None],
        *,
        name: str = "",
        stages: list[StageRow] | None = None,
        after: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._save = save
        self.name = QLineEdit(name)
        self.name.setMaxLength(STAGE_NAME_CHARS)
        self.name.setMinimumWidth(280)
        self.name.setAccessibleName("Stage name")
        self.name.selectAll()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        self.name.textEdited.connect(lambda _t: self.problem.hide())

        form = QFormLayout()
        form.addRow("&Name:", self.name)
        self.after: QComboBox | None = None
        self.outcome: QComboBox | None = None
        if stages is not None:
            self.after = QComboBox()
            self.after.setAccessibleName("Place the new stage after")
            for stage in stages:
                self.after.addItem(stage.name, stage.key)
            self.after.setCurrentIndex(max(self.after.findData(after), 0))
            self.outcome = QComboBox()
            self.outcome.setAccessibleName("Outcome of the new stage")
            for key, label in OUTCOME_CHOICES:
                self.outcome.addItem(label, key)
            outcomes = {s.key: s.outcome for s in stages}
            # A new stage usually shares its neighbour's outcome (after Rejected: lost).
            self._outcome_chosen = False
            self.outcome.activated.connect(lambda _i: setattr(self, "_outcome_chosen", True))

            def follow_anchor(_index: int) -> None:
                if not self._outcome_chosen:
                    wanted = outcomes.get(self.after.currentData(), "open")
                    self.outcome.setCurrentIndex(self.outcome.findData(wanted))

            self.after.currentIndexChanged.connect(follow_anchor)
            follow_anchor(0)
            form.addRow("Place &after:", self.after)
            form.addRow("&Outcome:", self.outcome)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            "Add stage" if stages is not None else "Rename"
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetFixedSize)

    def stage_name(self) -> str:
        return self.name.text().strip()

    def after_key(self) -> str | None:
        return self.after.currentData() if self.after is not None else None

    def outcome_key(self) -> str:
        return self.outcome.currentData() if self.outcome is not None else "open"

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()
        self.name.setFocus()
        self.name.selectAll()

    def accept(self) -> None:
        try:
            self._save(self)
        except UserError as exc:
            self.show_problem(str(exc))
            return
        super().accept()


def _day_spin(accessible_name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(1, MAX_FOLLOW_UP_DAYS)
    spin.setSuffix(" days")
    spin.setAccessibleName(accessible_name)
    # valueChanged on Enter, focus out and the arrows, not on every keystroke.
    spin.setKeyboardTracking(False)
    spin.setMinimumWidth(110)
    return spin


class SettingsDialog(QDialog):
    """Pipeline stages and follow-up intervals; every change is saved as it is made."""

    def __init__(self, hub: DataHub, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.hub = hub
        self.setWindowTitle("Settings")
        self.setMinimumWidth(560)

        self.model = StagesModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAccessibleName("Pipeline stages")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents
        )
        self.table.doubleClicked.connect(lambda _index: self.rename_selected())
        rename_key = QShortcut(QKeySequence(Qt.Key.Key_F2), self.table)
        rename_key.setContext(Qt.ShortcutContext.WidgetShortcut)
        rename_key.activated.connect(self.rename_selected)

        self.rename_button = QPushButton("&Rename…")
        self.rename_button.setToolTip("Rename the selected stage (F2)")
        self.rename_button.clicked.connect(self.rename_selected)
        self.add_button = QPushButton("&Add stage…")
        self.add_button.setToolTip("Add a stage of your own after the selected one")
        self.add_button.clicked.connect(self.add_stage)
        buttons = QVBoxLayout()
        buttons.addWidget(self.rename_button)
        buttons.addWidget(self.add_button)
        buttons.addStretch()
        stages_row = QHBoxLayout()
        stages_row.addWidget(self.table, 1)
        stages_row.addLayout(buttons)

        self.after_applied = _day_spin("Follow up after applying, in days")
        self.overall = _day_spin("Follow up in any later stage, in days")
        self.after_applied.setToolTip("For applications in the Applied stage")
        self.overall.setToolTip("For applications in any later open stage")
        self.follow_up_problem = QLabel()
        self.follow_up_problem.setWordWrap(True)
        self.follow_up_problem.setStyleSheet(ERROR_STYLE)
        self.follow_up_problem.hide()
        follow_form = QFormLayout()
        follow_form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        follow_form.addRow("After &applying:", self.after_applied)
        follow_form.addRow("In any &later stage:", self.overall)

        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 14)
        layout.addWidget(heading("Pipeline stages", 2))
        layout.addWidget(
            muted(
                "Applications move through these stages in this order. Rename any stage or "
                "add your own; closed stages (won or lost) stop the follow-up clock."
            )
        )
        layout.addLayout(stages_row)
        layout.addSpacing(12)
        layout.addWidget(heading("Follow-ups", 2))
        layout.addWidget(
            muted(
                "An application with no logged activity for this long is due for a "
                "follow-up. Logging any activity resets the clock."
            )
        )
        layout.addLayout(follow_form)
        layout.addWidget(self.follow_up_problem)
        layout.addStretch(1)
        layout.addSpacing(6)
        layout.addWidget(muted("Changes are saved as you make them."))
        layout.addWidget(close)

        self._load_stages()
        self.table.selectRow(0)
        with hub.store.session() as session:
            self._saved_rule = follow_up_rule(session)
        self.after_applied.setValue(self._saved_rule.after_applied_days)
        self.overall.setValue(self._saved_rule.overall_days)
        # Saved a moment after the last change: holding an arrow down reloads the views once.
        self.follow_up_timer = QTimer(self, singleShot=True, interval=FOLLOW_UP_SAVE_DELAY_MS)
        self.follow_up_timer.timeout.connect(self.save_follow_ups)
        self.after_applied.valueChanged.connect(self.follow_up_timer.start)
        self.overall.valueChanged.connect(self.follow_up_timer.start)

    # --- loading -----------------------------------------------------------------------

    def _load_stages(self, select: str | None = None) -> None:
        with self.hub.store.session() as session:
            stages = [StageRow(s.key, s.name, s.outcome, s.builtin) for s in list_stages(session)]
        self.model.set_stages(stages)
        # Every stage (up to a dozen) without scrolling, and no empty rows below them.
        shown = min(len(stages), 12)
        frame = 2 * self.table.frameWidth()
        header = self.table.horizontalHeader().sizeHint().height()
        self.table.setFixedHeight(header + shown * ROW_HEIGHT + frame)
        if self.isVisible():
            QTimer.singleShot(0, self, self._fit_height)  # once the layout has taken the new height
        if select is not None and (row := self.model.row_of(select)) is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def _fit_height(self) -> None:
        """Grow with the table: the word-wrapped notes keep Qt from doing it by itself."""
        needed = self.heightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def selected_stage(self) -> StageRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.stages[rows[0].row()] if rows else None

    # --- stages ------------------------------------------------------------------------

    def _save_stage(self, change: Callable[[Session], Stage]) -> None:
        """Run one stage change in its own transaction, then tell every view."""
        with self.hub.store.transaction() as session:
            key = change(session).key
        self.hub.notify("settings", "applications")
        self._load_stages(select=key)

    def rename_selected(self) -> None:
        stage = self.selected_stage()
        if stage is None:
            return

        def save(dialog: StageDialog) -> None:
            if dialog.stage_name() != stage.name:
                self._save_stage(lambda s: rename_stage(s, stage.key, dialog.stage_name()))

        StageDialog(f"Rename “{stage.name}”", save, name=stage.name, parent=self).exec()

    def add_stage(self) -> None:
        selected = self.selected_stage()

        def save(dialog: StageDialog) -> None:
            self._save_stage(
                lambda s: add_stage(
                    s, dialog.stage_name(), after=dialog.after_key(), outcome=dialog.outcome_key()
                )
            )

        StageDialog(
            "Add a stage",
            save,
            stages=self.model.stages,
            after=selected.key if selected else None,
            parent=self,
        ).exec()

    # --- follow-ups --------------------------------------------------------------------

    def follow_up_rule(self) -> FollowUpRule:
        return FollowUpRule(self.after_applied.value(), self.overall.value())

    def save_follow_ups(self) -> None:
        self.follow_up_timer.stop()
        if self.follow_up_rule() == self._saved_rule:
            return
        try:
            with self.hub.store.transaction() as session:
                set_follow_up_rule(session, self.follow_up_rule())
        except UserError as exc:
            self.follow_up_problem.setText(str(exc))
            self.follow_up_problem.show()
            return
        self._saved_rule = self.follow_up_rule()
        self.follow_up_problem.hide()
        self.hub.notify("settings")

    def done(self, result: int) -> None:
        # A number typed but not yet confirmed (Esc straight from the box) still counts.
        for spin in (self.after_applied, self.overall):
            spin.interpretText()
        self.save_follow_ups()
        super().done(result)
