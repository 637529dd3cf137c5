"""The Applications table, the board and the editor, driven as a user would."""

from __future__ import annotations

import json
from datetime import date

import pytest
from PySide6.QtCore import QByteArray, QMimeData, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from planner.models import Application, StatusChange
from planner.ui.applications import COL, ApplicationsModel
from planner.ui.board import MIME
from planner.ui.main_window import MainWindow


@pytest.fixture
def window(qtbot, demo_store):
    win = MainWindow(demo_store)
    qtbot.addWidget(win)
    win.show()
    return win


@pytest.fixture
def page(window):
    return window.show_page("applications")


def _history(store, app_id):
    with store.session() as session:
        rows = session.scalars(
            select(StatusChange)
            .where(StatusChange.application_id == app_id)
            .order_by(StatusChange.id)
        )
        return [(r.from_status, r.to_status) for r in rows]


def test_model_passes_qt_model_tester(qtmodeltester, window):
    model = ApplicationsModel(window.hub)
    model.reload()
    qtmodeltester.check(model)


def test_sorting_by_company(page):
    page.table.sortByColumn(COL["company"], Qt.SortOrder.AscendingOrder)
    names = [page.model.record(r).company.casefold() for r in range(page.model.rowCount())]
    assert names == sorted(names)
    page.table.sortByColumn(COL["company"], Qt.SortOrder.DescendingOrder)
    assert page.model.record(0).company.casefold() == max(names)


def test_sorting_by_date_puts_empty_dates_last(page):
    page.table.sortByColumn(COL["applied_on"], Qt.SortOrder.AscendingOrder)
    dates = [page.model.record(r).applied_on for r in range(page.model.rowCount())]
    filled = [d for d in dates if d]
    assert dates[: len(filled)] == sorted(filled)
    assert all(d is None for d in dates[len(filled) :])


def test_typing_in_search_filters_company_title_notes_and_tags(page, qtbot):
    qtbot.keyClicks(page.search, "northwind")
    assert page.model.rowCount() == 1
    page.search.clear()
    qtbot.keyClicks(page.search, "job hunt")  # a tag
    assert 0 < page.model.rowCount() < 40
    page.search.clear()
    qtbot.keyClicks(page.search, "zzzz-no-such-thing")
    assert page.model.rowCount() == 0
    assert page.count.text() == "0 of 40"


def test_quick_filters(page):
    page.outcome.setCurrentIndex(page.outcome.findData("closed"))
    closed = {page.model.record(r).status for r in range(page.model.rowCount())}
    assert closed <= {"rejected", "withdrawn", "ghosted", "accepted"} and closed
    page.outcome.setCurrentIndex(page.outcome.findData("open"))
    page.remote.setChecked(True)
    assert all(page.model.record(r).work_mode == "remote" for r in range(page.model.rowCount()))
    page.remote.setChecked(False)
    page.due.setChecked(True)
    assert page.model.rowCount() > 0
    assert all(page.model.is_due(r) for r in range(page.model.rowCount()))


def test_delete_and_undo_restores_the_application(page, window, demo_store):
    page.table.selectRow(0)
    app_id = page.model.row_id(0)
    history = _history(demo_store, app_id)
    page.delete_selected()
    assert page.model.row_of(app_id) is None
    assert page.model.total == 39
    window.undo_stack.undo()
    assert page.model.row_of(app_id) is not None
    assert _history(demo_store, app_id) == history


def test_status_move_writes_history_and_undo_appends_the_way_back(page, window, demo_store):
    page.search.setText("Northwind")
    page.table.selectRow(0)
    app_id = page.model.row_id(0)
    before = page.model.record(0).status
    page.move_selected("offer")
    assert page.model.record(page.model.row_of(app_id)).status == "offer"
    assert _history(demo_store, app_id)[-1] == (before, "offer")
    window.undo_stack.undo()
    assert page.model.record(page.model.row_of(app_id)).status == before
    assert _history(demo_store, app_id)[-2:] == [(before, "offer"), ("offer", before)]


def test_selection_survives_a_sort(page):
    page.table.selectRow(3)
    app_id = page.model.row_id(3)
    page.table.sortByColumn(COL["title"], Qt.SortOrder.AscendingOrder)
    assert page.selected_ids() == [app_id]


def test_editor_refuses_salary_min_above_max(qtbot, page, window):
    from planner.ui.application_editor import ApplicationEditor

    editor = ApplicationEditor(window.hub, window.undo_stack, None, page)
    qtbot.addWidget(editor)
    editor.company.setText("Acme Remote")
    editor.salary_min.setValue(120000)
    editor.salary_max.setValue(90000)
    editor.save()
    assert not editor.problem.isHidden() and "below the minimum" in editor.problem.text()
    assert editor.result() == 0
    assert page.model.total == 40


def test_editor_adds_an_application_and_undo_removes_it(qtbot, page, window, demo_store):
    from planner.ui.application_editor import ApplicationEditor

    editor = ApplicationEditor(window.hub, window.undo_stack, None, page)
    qtbot.addWidget(editor)
    editor.company.setText("Brand New Co")
    editor.title.setText("Remote Delivery Lead")
    editor.url.setText("https://jobs.lever.co/brandnew/1234")
    editor.save()
    assert editor.result() == 1
    assert page.model.total == 41
    window.undo_stack.undo()
    assert page.model.total == 40
    window.undo_stack.redo()
    assert page.model.total == 41


def test_editor_warns_before_reapplying_to_a_company_that_ghosted(qtbot, page, window, monkeypatch):
    from planner.ui.application_editor import ApplicationEditor

    with window.hub.store.session() as session:
        ghosted = session.scalars(
            select(Application).where(Application.status == "ghosted")
        ).first()
    shown = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        lambda *a, **k: shown.append(a[2]) or QMessageBox.StandardButton.Cancel,
    )
    editor = ApplicationEditor(window.hub, window.undo_stack, None, page)
    qtbot.addWidget(editor)
    editor.company.setText(ghosted.company)
    editor.title.setText("Something else entirely")
    editor.save()
    assert shown and "before" in shown[0]
    assert page.model.total == 40


def test_editing_fields_is_undoable(qtbot, page, window, demo_store):
    from planner.ui.application_editor import ApplicationEditor

    app_id = page.model.row_id(0)
    editor = ApplicationEditor(window.hub, window.undo_stack, app_id, page)
    qtbot.addWidget(editor)
    old_title = editor.title.text()
    editor.title.setText("Head of Remote Delivery")
    editor.save()
    assert page.model.record(page.model.row_of(app_id)).title == "Head of Remote Delivery"
    window.undo_stack.undo()
    assert page.model.record(page.model.row_of(app_id)).title == old_title


def test_board_drop_moves_the_card_and_writes_history(window, demo_store):
    board = window.show_page("board")
    card = board.models["saved"].cards[0][0]
    mime = QMimeData()
    mime.setData(MIME, QByteArray(json.dumps([card.id]).encode()))
    board.models["applied"].dropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, board.models["applied"].index(0)
    )
    assert card.id in [c.id for c, _due in board.models["applied"].cards]
    assert card.id not in [c.id for c, _due in board.models["saved"].cards]
    assert _history(demo_store, card.id)[-1] == ("saved", "applied")
    with demo_store.session() as session:
        assert session.get(Application, card.id).applied_on == date.today()


def test_board_keyboard_moves_the_selected_card_one_stage_along(window, qtbot, demo_store):
    board = window.show_page("board")
    view = board.views["screening"]
    card = board.models["screening"].cards[0][0]
    view.setFocus()
    view.setCurrentIndex(board.models["screening"].index(0))
    board.step_selected("screening", +1)
    assert card.id in [c.id for c, _due in board.models["interviewing"].cards]
    window.undo_stack.undo()
    assert card.id in [c.id for c, _due in board.models["screening"].cards]


def test_board_refuses_foreign_drops(window):
    board = window.show_page("board")
    mime = QMimeData()
    mime.setText("https://example.com")
    assert not board.models["applied"].canDropMimeData(
        mime, Qt.DropAction.MoveAction, -1, -1, board.models["applied"].index(0)
    )


def test_pasting_a_posting_url_fills_board_job_id_and_company(qtbot, page, window):
    from planner.ui.application_editor import ApplicationEditor

    editor = ApplicationEditor(window.hub, window.undo_stack, None, page)
    qtbot.addWidget(editor)
    editor.url.setText(
        "https://jobs.lever.co/brand-new/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21/apply?lever-source=x"
    )
    editor.url.editingFinished.emit()
    assert editor.board.text() == "lever"
    assert editor.external_id.text() == "8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21"
    assert editor.company.text() == "Brand New"
    assert (
        editor.url.text() == "https://jobs.lever.co/brand-new/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21"
    )
