"""The main window: a sidebar of pages, menus with standard shortcuts, a status bar.

Pages are built the first time they are shown, so start-up pays only for the one
visible page (and never for matplotlib).
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QWidget,
)

from .. import APP_NAME, __version__, paths
from ..db import Store
from .hub import DataHub
from .tasks import run_task
from .widgets import icon, muted

# key, sidebar label, icon, "module:factory" — factories take (hub, window).
PAGES: tuple[tuple[str, str, str], ...] = (
    ("dashboard", "Dashboard", "planner.ui.dashboard:build"),
    ("applications", "Applications", "planner.ui.applications:build"),
    ("board", "Board", "planner.ui.board:build"),
    ("study", "Study plan", "planner.ui.trackers:build_study"),
    ("contacts", "Contacts", "planner.ui.trackers:build_contacts"),
    ("portfolio", "Portfolio", "planner.ui.trackers:build_portfolio"),
    ("charts", "Charts", "planner.ui.trackers:build_charts"),
)
PAGE_KEYS = tuple(key for key, _label, _factory in PAGES)


class MainWindow(QMainWindow):
    def __init__(self, store: Store | None, parent: QWidget | None = None) -> None:
        """With `store` None the window paints its shell at once; `attach_store` fills it."""
        super().__init__(parent)
        self.hub = DataHub(store, self)
        self.undo_stack = QUndoStack(self)
        self.settings = QSettings(str(paths.settings_file()), QSettings.Format.IniFormat)
        self.setWindowTitle(APP_NAME)
        self.setWindowIcon(icon("app"))
        self.setMinimumSize(QSize(900, 600))
        self._pages: dict[str, QWidget] = {}

        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Navigation")
        self.sidebar.setIconSize(QSize(22, 22))
        self.sidebar.setFixedWidth(190)
        self.sidebar.setFrameShape(QListWidget.Shape.NoFrame)
        self.sidebar.setStyleSheet(
            "QListWidget { background: palette(window); padding-top: 10px; outline: 0; }"
            "QListWidget::item { padding: 9px 10px; border-radius: 6px; margin: 1px 8px; }"
            "QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }"
        )
        self.stack = QStackedWidget()
        for n, (key, label, _factory) in enumerate(PAGES):
            item = QListWidgetItem(icon(key), label)
            item.setToolTip(f"{label} (Ctrl+{n + 1})")
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.sidebar.addItem(item)
            self.stack.addWidget(muted("Loading…"))  # replaced by the real page on first show
        self.sidebar.currentRowChanged.connect(self._row_changed)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_menus()
        self.setAcceptDrops(True)
        self.import_preview = None
        self._restore_geometry()
        if store is not None:
            self.attach_store(store)

    def attach_store(self, store: Store) -> None:
        """Open the pages on `store` (called once the database is open)."""
        self.hub.store = store
        self.statusBar().showMessage(f"Database: {store.path}", 8000)
        self._row_changed(self.sidebar.currentRow())

    # --- pages -------------------------------------------------------------------------

    def page(self, key: str) -> QWidget:
        """The page `key`, built on first use."""
        if key not in self._pages:
            index = PAGE_KEYS.index(key)
            module_name, _, factory_name = PAGES[index][2].partition(":")
            factory = getattr(importlib.import_module(module_name), factory_name)
            widget = factory(self.hub, self)
            old = self.stack.widget(index)
            self.stack.insertWidget(index, widget)
            self.stack.removeWidget(old)
            old.deleteLater()
            self._pages[key] = widget
        return self._pages[key]

    def show_page(self, key: str) -> QWidget:
        self.sidebar.setCurrentRow(PAGE_KEYS.index(key))
        return self.page(key)

    def open_item(self, kind: str, ref_id: int) -> None:
        """Show the record a dashboard line refers to."""
        key = {
            "application": "applications",
            "interview": "applications",
            "exam": "study",
            "study": "study",
            "contact": "contacts",
        }.get(kind, "dashboard")
        page = self.show_page(key)
        select = getattr(page, "select_record", None)
        if select is not None:
            select(ref_id)

    def current_page_key(self) -> str:
        return PAGE_KEYS[max(self.sidebar.currentRow(), 0)]

    def _row_changed(self, row: int) -> None:
        if row < 0:
            return
        if self.hub.store is not None:
            self.page(PAGE_KEYS[row])
        self.stack.setCurrentIndex(row)

    # --- menus -------------------------------------------------------------------------

    def _action(
        self,
        menu,  # noqa: ANN001
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.new_action = self._action(
            file_menu,
            "&New application…",
            self._new_application,
            QKeySequence.StandardKey.New,
            "Add a job application",
        )
        self.import_action = self._action(
            file_menu,
            "&Import job links…",
            self.import_links,
            QKeySequence.StandardKey.Open,
            "Import links from a text file, bookmarks export, CSV or saved job page",
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            "Export applications (&CSV)…",
            self._export_applications,
            tip="Save every application as a spreadsheet",
        )
        self._action(
            file_menu,
            "Export ca&lendar (.ics)…",
            self._export_calendar,
            tip="Save interviews, follow-ups, next actions and exam dates for a calendar app",
        )
        self._action(
            file_menu,
            "&Proof of applications report…",
            self._proof_report,
            tip="A dated list of the applications sent in a period, as PDF or CSV",
        )
        file_menu.addSeparator()
        self._action(
            file_menu, "&Export all data…", self._export_data, tip="Save the whole database as JSON"
        )
        self._action(
            file_menu, "Import &data file…", self._import_data, tip="Load a JSON data file"
        )
        file_menu.addSeparator()
        self._action(
            file_menu,
            "&Back up now",
            self._backup_now,
            tip="Copy the database to the backups folder",
        )
        self._action(
            file_menu, "&Restore from backup…", self._restore, tip="Replace the data with a backup"
        )
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu("&Edit")
        undo = self.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(
            edit, "&Find", self._find, QKeySequence.StandardKey.Find, "Search the current page"
        )
        self.delete_action = self._action(
            edit, "&Delete", self._delete, QKeySequence.StandardKey.Delete, "Delete the selection"
        )
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        edit.addSeparator()
        self.settings_action = self._action(
            edit,
            "&Settings…",
            self.open_settings,
            QKeySequence.StandardKey.Preferences,
            "Pipeline stages and follow-up intervals",
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        if not QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences):
            self.settings_action.setShortcut(
                QKeySequence("Ctrl+,")
            )  # Windows, GNOME: no standard key

        view = bar.addMenu("&View")
        for n, (key, label, _factory) in enumerate(PAGES):
            self._action(
                view, label, lambda _checked=False, k=key: self.show_page(k), f"Ctrl+{n + 1}"
            )

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, f"&About {APP_NAME}", self._about)

    def _call_page(self, method: str, *args: object) -> bool:
        page = self.page(self.current_page_key())
        handler = getattr(page, method, None)
        if handler is None:
            return False
        handler(*args)
        return True

    def _find(self) -> None:
        if not self._call_page("focus_search"):
            self.statusBar().showMessage("This page has nothing to search.", 3000)

    def _delete(self) -> None:
        if not self._call_page("delete_selected"):
            self.statusBar().showMessage("Nothing to delete here.", 3000)

    def _new_application(self) -> None:
        self.show_page("applications")
        self._call_page("new_application")

    def import_links(self) -> None:
        """File ▸ Import job links…: pick files, preview, import."""
        names, _ = QFileDialog.getOpenFileNames(
            self,
            "Import job links",
            str(Path.home()),
            "Links, bookmarks, CSV and job pages (*.txt *.html *.htm *.csv *.tsv);;All files (*)",
        )
        if names:
            from .link_import import Source

            self.import_sources([Source(Path(n).name, path=Path(n)) for n in names])

    def import_sources(self, sources: list) -> None:
        """Preview and import link sources (files, pasted or dropped text)."""
        from .link_import import open_import

        if self.hub.store is None or not sources:
            return
        open_import(
            self.hub, sources, self, on_preview=lambda p: setattr(self, "import_preview", p)
        )

    def paste_links(self) -> None:
        """Ctrl+V outside a text field: import the links on the clipboard."""
        from .link_import import sources_from_mime

        sources = sources_from_mime(QApplication.clipboard().mimeData())
        if sources:
            self.import_sources(sources)
        else:
            self.statusBar().showMessage("The clipboard holds no links to import.", 4000)

    def dragEnterEvent(self, event) -> None:  # noqa: ANN001, N802
        mime = event.mimeData()
        if mime.hasUrls() or mime.hasText():
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:  # noqa: ANN001, N802
        from .link_import import sources_from_mime

        sources = sources_from_mime(event.mimeData())
        if sources:
            event.acceptProposedAction()
            self.import_sources(sources)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            f"About {APP_NAME}",
            f"<h3>{APP_NAME} {__version__}</h3>"
            "<p>Your private, offline planner for a career as a remote IT project manager: "
            "job applications, certification study plan, networking and portfolio.</p>"
            f"<p>Database: <code>{self.hub.store.path}</code></p>",
        )

    def open_settings(self) -> None:
        """Edit ▸ Settings…: pipeline stages and the follow-up clock."""
        from .settings import SettingsDialog

        if self.hub.store is not None:
            dialog = SettingsDialog(self.hub, self)
            dialog.exec()
            dialog.deleteLater()

    # --- exports -------------------------------------------------------------------------

    def _save_path(self, title: str, file_name: str, file_filter: str) -> Path | None:
        """Ask where to save, starting in the last export folder; adds a missing suffix."""
        folder = self.settings.value("export/folder", str(Path.home()))
        name, _ = QFileDialog.getSaveFileName(
            self, title, str(Path(str(folder)) / file_name), file_filter
        )
        if not name:
            return None
        path = Path(name)
        if not path.suffix:
            path = path.with_name(path.name + Path(file_name).suffix)
        self.settings.setValue("export/folder", str(path.parent))
        return path

    def _export_applications(self) -> None:
        """File ▸ Export applications (CSV)…: the Applications page's own export."""
        if self.hub.store is not None:
            self.page("applications").export_csv()

    def _export_calendar(self) -> None:
        from ..services.calendar import export_calendar

        if self.hub.store is None:
            return
        out = self._save_path(
            "Export calendar", "career-planner.ics", "iCalendar files (*.ics);;All files (*)"
        )
        if out is None:
            return
        store = self.hub.store

        def done(counts: dict[str, int]) -> None:
            names = (
                ("interviews", "interview"),
                ("follow_ups", "follow-up"),
                ("next_actions", "next action"),
                ("exams", "exam"),
            )
            parts = [
                f"{counts[key]} {noun}{'' if counts[key] == 1 else 's'}" for key, noun in names
            ]
            self.statusBar().showMessage(f"Calendar saved to {out}: {', '.join(parts)}", 8000)

        run_task(
            self, "Exporting calendar…", lambda _p: export_calendar(store, out), done, self._error
        )

    def _proof_report(self) -> None:
        """File ▸ Proof of applications report…: choose the period and format, then save."""
        from .reports import ReportDialog, describe, write_proof

        if self.hub.store is None:
            return
        dialog = ReportDialog(self.hub.store, self.settings, self)
        accepted = dialog.exec()
        request = dialog.request()
        dialog.deleteLater()
        if not accepted:
            return
        out = self._save_path("Save proof of applications", request.file_name, request.file_filter)
        if out is None:
            return
        store = self.hub.store
        run_task(
            self,
            "Writing the report…",
            lambda _p: write_proof(store, request, out),
            lambda result: self.statusBar().showMessage(describe(result), 8000),
            self._error,
        )

    # --- data files and backups ----------------------------------------------------------

    def _error(self, exc: BaseException) -> None:
        from ..errors import UserError

        text = str(exc) if isinstance(exc, UserError | OSError) else f"Unexpected error: {exc!r}"
        QMessageBox.critical(self, APP_NAME, text)

    def _export_data(self) -> None:
        from ..services.datafile import export_data

        name, _ = QFileDialog.getSaveFileName(
            self, "Export all data", str(Path.home() / "career-planner-data.json"), "JSON (*.json)"
        )
        if not name:
            return
        store = self.hub.store
        run_task(
            self,
            "Exporting data…",
            lambda _p: export_data(store, Path(name)),
            lambda counts: self.statusBar().showMessage(
                f"Exported {sum(counts.values())} rows to {name}", 6000
            ),
            self._error,
        )

    def _import_data(self) -> None:
        from ..services.datafile import holds_user_data, import_data

        name, _ = QFileDialog.getOpenFileName(
            self, "Import a data file", str(Path.home()), "JSON (*.json)"
        )
        if not name:
            return
        with self.hub.store.session() as session:
            replace = holds_user_data(session)
        if (
            replace
            and QMessageBox.question(
                self,
                APP_NAME,
                "Replace all your current data with the file's? A backup is taken first.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        store = self.hub.store
        self.undo_stack.clear()
        run_task(
            self,
            "Importing data…",
            lambda _p: import_data(store, Path(name), replace=replace),
            lambda counts: (
                self.hub.notify(),
                self.statusBar().showMessage(
                    f"Imported {sum(counts.values())} rows from {name}", 6000
                ),
            ),
            self._error,
        )

    def _backup_now(self) -> None:
        store = self.hub.store
        run_task(
            self,
            "Backing up…",
            lambda _p: store.backup(),
            lambda dest: self.statusBar().showMessage(f"Backup written to {dest}", 6000),
            self._error,
        )

    def _restore(self) -> None:
        from ..db import open_store, restore_database

        store = self.hub.store
        name, _ = QFileDialog.getOpenFileName(
            self,
            "Restore from backup",
            str(store.backups_dir),
            "Career Planner databases (*.sqlite3 *.db);;All files (*)",
        )
        if not name:
            return
        if (
            QMessageBox.question(
                self,
                APP_NAME,
                "Replace all your current data with this backup? Your current data is backed up first.",
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        path = store.path
        store.close()
        try:
            restore_database(path, Path(name))
        except Exception as exc:  # noqa: BLE001
            self._error(exc)
            return
        finally:
            self.undo_stack.clear()
        self.hub.replace_store(open_store(path))
        self.statusBar().showMessage(f"Restored from {name}", 6000)

    def start_background_jobs(self) -> None:
        """After start-up: today's automatic backup, off the UI thread."""
        from ..db import list_backups

        store = self.hub.store
        newest = next((p for p in list_backups(store.path) if p.stem.endswith("-auto")), None)
        if newest is not None and time.time() - newest.stat().st_mtime < 20 * 3600:
            return
        run_task(
            None,
            "Backing up…",
            lambda _p: store.backup(label="auto"),
            lambda _d: None,
            lambda exc: self.statusBar().showMessage(f"Automatic backup failed: {exc}", 10000),
            show_after_ms=60000,
        )

    # --- geometry ----------------------------------------------------------------------

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        last = self.settings.value("window/page", "dashboard")
        self.sidebar.setCurrentRow(PAGE_KEYS.index(last) if last in PAGE_KEYS else 0)

    def closeEvent(self, event) -> None:  # noqa: ANN001, N802
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/page", self.current_page_key())
        self.settings.sync()
        super().closeEvent(event)
