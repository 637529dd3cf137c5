"""The window shell: every view opens, empty states explain, menus and geometry work."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from planner.ui.main_window import PAGE_KEYS, MainWindow
from planner.ui.widgets import EmptyState


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_every_view_opens(window):
    for key in PAGE_KEYS:
        page = window.show_page(key)
        assert window.stack.currentWidget() is page
        assert page.isVisible()


def test_start_up_does_not_import_matplotlib(window):
    assert "matplotlib" not in sys.modules or "matplotlib.figure" not in sys.modules


def test_empty_database_shows_what_to_do_first(window):
    dashboard = window.show_page("dashboard")
    assert dashboard.empty.isVisible()
    for key in ("study", "contacts", "portfolio"):
        page = window.show_page(key)
        empties = [w for w in page.findChildren(EmptyState) if w.isVisible()]
        assert empties, key


def test_load_demo_from_the_empty_state_fills_every_page(window, qtbot):
    dashboard = window.show_page("dashboard")
    button = next(
        b for b in dashboard.empty.findChildren(QPushButton) if "demo" in b.text().lower()
    )
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert not dashboard.empty.isVisible()
    assert dashboard.models["follow_ups"].rowCount() > 0
    contacts = window.show_page("contacts")
    assert contacts.model.rowCount() == 25
    assert window.show_page("portfolio").model.rowCount() == 6


def test_ctrl_number_switches_pages(window, qtbot):
    window.activateWindow()
    qtbot.waitActive(window)
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page_key() == "contacts"


def test_geometry_and_page_are_remembered(qtbot, store):
    first = MainWindow(store)
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    first.resize(1000, 700)
    first.show_page("portfolio")
    first.close()
    saved = first.saveGeometry()
    second = MainWindow(store)
    qtbot.addWidget(second)
    assert second.settings.value("window/geometry") == saved
    assert second.current_page_key() == "portfolio"


def test_search_filters_an_overview_table(window, qtbot):
    window.hub.load_demo()
    contacts = window.show_page("contacts")
    qtbot.keyClicks(contacts.search, "Recruiter")
    assert 0 < contacts.proxy.rowCount() < contacts.model.rowCount()


def test_about_box_names_the_version(window, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from planner import __version__

    seen = []
    monkeypatch.setattr(QMessageBox, "about", lambda _p, _t, text: seen.append(text))
    window._about()
    assert __version__ in seen[0]
    assert QApplication.instance() is not None


def test_dashboard_catches_up_after_a_move_elsewhere(window, qtbot):
    from planner.ui.commands import MoveApplications

    window.hub.load_demo()
    dashboard = window.show_page("dashboard")
    due = dashboard.models["follow_ups"].rowCount()
    app_id = dashboard.models["follow_ups"].item(0).ref_id
    window.show_page("applications")
    window.undo_stack.push(MoveApplications(window.hub, [app_id], "rejected"))
    window.show_page("dashboard")
    ids = [
        dashboard.models["follow_ups"].item(r).ref_id
        for r in range(dashboard.models["follow_ups"].rowCount())
    ]
    assert app_id not in ids
    assert dashboard.models["follow_ups"].rowCount() <= due
