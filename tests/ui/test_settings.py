"""Edit ▸ Settings…: renaming and adding stages, the follow-up intervals."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from planner.services.applications import FollowUpRule, follow_up_rule
from planner.ui.applications import COL
from planner.ui.main_window import MainWindow
from planner.ui.settings import SettingsDialog, StageDialog
from planner.ui.tasks import wait_for_tasks


@pytest.fixture
def window(qtbot, demo_store):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    yield win
    wait_for_tasks()


@pytest.fixture
def page(window):
    return window.show_page("applications")


@pytest.fixture
def board(window):
    return window.show_page("board")


@pytest.fixture
def dialog(qtbot, window, page, board):
    """The settings dialog over a window whose table and board are already built."""
    settings = SettingsDialog(window.hub, window)
    qtbot.addWidget(settings)
    return settings


@pytest.fixture
def answer(monkeypatch):
    """Make StageDialog.exec fill in the given fields and press OK; returns the dialogs."""
    opened: list[StageDialog] = []

    def set_answer(name: str, *, after: str | None = None, outcome: str | None = None) -> list:
        def fake_exec(stage_dialog: StageDialog) -> int:
            opened.append(stage_dialog)
            stage_dialog.name.setText(name)
            if after is not None:
                stage_dialog.after.setCurrentIndex(stage_dialog.after.findData(after))
            if outcome is not None:
                stage_dialog.outcome.setCurrentIndex(stage_dialog.outcome.findData(outcome))
                stage_dialog.outcome.activated.emit(stage_dialog.outcome.currentIndex())
            stage_dialog.accept()
            return stage_dialog.result()

        monkeypatch.setattr(StageDialog, "exec", fake_exec)
        return opened

    return set_answer


def _select(dialog: SettingsDialog, key: str) -> None:
    dialog.table.selectRow(dialog.model.row_of(key))


def _stage_names(dialog: SettingsDialog) -> list[str]:
    return [s.name for s in dialog.model.stages]


def _status_texts(page) -> set[str]:
    model = page.model
    return {model.index(r, COL["status"]).data() for r in range(model.rowCount())}


def test_stages_model_passes_qt_model_tester(qtmodeltester, dialog):
    qtmodeltester.check(dialog.model)


def test_the_dialog_lists_the_stages_in_order_with_their_outcomes(dialog):
    assert _stage_names(dialog)[:3] == ["Saved", "Applied", "Screening"]
    rejected = dialog.model.row_of("rejected")
    assert dialog.model.index(rejected, 1).data() == "Closed: lost"
    assert dialog.selected_stage().key == "saved"
    assert (dialog.after_applied.value(), dialog.overall.value()) == (7, 21)


def test_settings_is_in_the_edit_menu(window, monkeypatch):
    opened = []
    monkeypatch.setattr(SettingsDialog, "exec", lambda d: opened.append(d) or 0)
    assert window.settings_action.text() == "&Settings…"
    window.settings_action.trigger()
    assert len(opened) == 1


def test_renaming_a_stage_shows_the_new_name_in_the_table_and_board(
    qtbot, dialog, page, board, answer, demo_store
):
    assert "Applied" in _status_texts(page)
    _select(dialog, "applied")
    answer("Application sent")
    with qtbot.waitSignal(dialog.hub.changed) as changed:
        dialog.rename_selected()
    assert changed.args[0] == {"settings", "applications"}
    assert "Application sent" in _status_texts(page)
    assert "Applied" not in _status_texts(page)
    assert board.headers["applied"].text().startswith("Application sent  ·  ")
    assert _stage_names(dialog)[1] == "Application sent"
    assert dialog.selected_stage().key == "applied"
    with demo_store.session() as session:
        from planner.services.stages import list_stages

        assert list_stages(session)[1].name == "Application sent"


def test_renaming_to_a_taken_name_keeps_the_dialog_open_with_the_reason(
    dialog, page, answer, demo_store
):
    _select(dialog, "applied")
    opened = answer("screening")
    dialog.rename_selected()
    stage_dialog = opened[0]
    assert stage_dialog.result() == QDialog.DialogCode.Rejected
    assert not stage_dialog.problem.isHidden()
    assert "exists already" in stage_dialog.problem.text()
    assert _stage_names(dialog)[1] == "Applied"
    assert "Applied" in _status_texts(page)


def test_a_blank_name_is_refused(dialog, answer):
    _select(dialog, "offer")
    opened = answer("   ")
    dialog.add_stage()
    assert "needs a name" in opened[0].problem.text()
    assert len(dialog.model.stages) == 9


def test_adding_a_stage_adds_a_board_column_after_the_selected_stage(qtbot, dialog, board, answer):
    _select(dialog, "screening")
    opened = answer("Take-home task")
    with qtbot.waitSignal(dialog.hub.changed):
        dialog.add_stage()
    assert opened[0].result() == QDialog.DialogCode.Accepted
    assert board.order[board.order.index("screening") + 1] == "take_home_task"
    assert len(board.order) == 10
    assert board.headers["take_home_task"].text() == "Take-home task  ·  0"
    assert _stage_names(dialog)[3] == "Take-home task"
    assert dialog.selected_stage().key == "take_home_task"
    assert dialog.model.index(3, 1).data() == "Open"


def test_a_stage_added_after_a_closed_one_takes_its_outcome(dialog, answer):
    _select(dialog, "rejected")
    opened = answer("No budget")
    dialog.add_stage()
    assert opened[0].outcome_key() == "lost"
    assert dialog.selected_stage().outcome == "lost"


def test_the_chosen_outcome_and_place_win_over_the_selection(dialog, board, answer):
    _select(dialog, "saved")
    answer("Verbal offer", after="interviewing", outcome="won")
    dialog.add_stage()
    assert board.order[board.order.index("interviewing") + 1] == "verbal_offer"
    assert dialog.selected_stage().outcome == "won"


def _due_ids(page) -> set[int]:
    model = page.model
    return {model.row_id(r) for r in range(model.rowCount()) if model.is_due(r)}


def test_follow_up_days_change_which_rows_are_due(qtbot, dialog, page, board, demo_store):
    due_by_default = _due_ids(page)
    assert due_by_default
    with qtbot.waitSignal(dialog.hub.changed) as changed:
        dialog.after_applied.setValue(365)
        dialog.overall.setValue(365)
    assert changed.args[0] == {"settings"}
    assert _due_ids(page) < due_by_default
    with demo_store.session() as session:
        assert follow_up_rule(session) == FollowUpRule(365, 365)
    with qtbot.waitSignal(dialog.hub.changed):
        dialog.after_applied.setValue(1)
        dialog.overall.setValue(1)
    assert _due_ids(page) > due_by_default
    cards_due = {row.id for model in board.models.values() for row, due in model.cards if due}
    assert cards_due == _due_ids(page)


def test_a_typed_interval_is_saved_when_the_dialog_closes(qtbot, dialog, demo_store):
    dialog.overall.lineEdit().setText("30 days")  # typed, not yet confirmed with Enter
    with demo_store.session() as session:
        assert follow_up_rule(session).overall_days == 21
    dialog.reject()
    with demo_store.session() as session:
        assert follow_up_rule(session) == FollowUpRule(7, 30)


def test_stepping_through_values_saves_once(qtbot, dialog):
    seen = []
    dialog.hub.changed.connect(seen.append)
    for days in range(8, 15):
        dialog.after_applied.setValue(days)
    assert seen == []  # not yet: the views would reload at every step
    qtbot.waitUntil(lambda: seen == [{"settings"}])
    dialog.reject()
    assert seen == [{"settings"}]  # nothing left to save


def test_the_dialog_shows_the_saved_intervals(qtbot, window, demo_store):
    from planner.services.applications import set_follow_up_rule

    with demo_store.transaction() as session:
        set_follow_up_rule(session, FollowUpRule(10, 30))
    settings = SettingsDialog(window.hub, window)
    qtbot.addWidget(settings)
    assert (settings.after_applied.value(), settings.overall.value()) == (10, 30)
    assert settings.after_applied.minimum() == 1
