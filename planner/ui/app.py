"""Starting the window: QApplication set-up, opening (or recovering) the database,
--smoke timing, and offscreen snapshots of each view.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from .. import APP_NAME, __version__
from ..db import DatabaseError, Store, open_store


def application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
        app.setApplicationName(APP_NAME)
        app.setApplicationDisplayName(APP_NAME)
        app.setApplicationVersion(__version__)
        app.setOrganizationName("CareerPlanner")
        app.setDesktopFileName("career-planner")
    assert isinstance(app, QApplication)
    return app


class _FirstPaint(QObject):
    """Calls back once, when the watched widget has painted for the first time."""

    def __init__(self, widget: QWidget, callback) -> None:  # noqa: ANN001
        super().__init__(widget)
        self._callback = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            QTimer.singleShot(0, callback)
        return False


def recover(path: Path, error: DatabaseError) -> Store | None:
    """The database could not be opened: offer a backup, another file, or quitting."""
    from ..db import list_backups, restore_database

    box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
    box.setInformativeText("The file was not changed. What would you like to do?")
    restore = box.addButton("Restore a backup…", QMessageBox.ButtonRole.AcceptRole)
    other = box.addButton("Open another file…", QMessageBox.ButtonRole.ActionRole)
    box.addButton("Quit", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    try:
        if clicked is restore:
            backups = list_backups(path)
            start = str(backups[0]) if backups else str(path.parent)
            name, _ = QFileDialog.getOpenFileName(None, "Choose a backup", start)
            if name:
                broken = path.with_name(path.name + ".damaged")
                if path.exists():
                    path.replace(broken)  # keep the damaged file aside, never delete it
                restore_database(path, Path(name))
                return open_store(path)
        elif clicked is other:
            name, _ = QFileDialog.getSaveFileName(
                None,
                "Open or create a database",
                str(path.parent),
                "Career Planner (*.sqlite3)",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if name:
                return open_store(Path(name))
    except DatabaseError as exc:
        return recover(path, exc)
    return None


def run(path: Path, *, smoke: bool = False, started: float | None = None) -> int:
    """Open the main window on the database at `path`; with `smoke`, time the first paint.

    The file is checked (read-only, no SQLAlchemy) before the window shows; the window
    paints its shell first and opens the store right after, so the user sees it at once.
    """
    from ..db import inspect_file
    from .main_window import MainWindow

    app = application()
    store: Store | None = None
    try:
        inspect_file(path)
    except DatabaseError as exc:
        if smoke:
            raise
        store = recover(path, exc)
        if store is None:
            return 1
    window = MainWindow(store)
    failure: list[BaseException] = []

    def painted() -> None:
        if smoke:
            print(f"First paint after {time.perf_counter() - (started or 0.0):.3f} s", flush=True)
        if window.hub.store is None:
            try:
                window.attach_store(open_store(path))
            except DatabaseError as exc:
                failure.append(exc)
                if not smoke:
                    QMessageBox.critical(window, APP_NAME, str(exc))
                window.close()
                app.quit()
                return
        if smoke:
            print(f"Ready after {time.perf_counter() - (started or 0.0):.3f} s", flush=True)
            window.close()
            app.quit()
        else:
            QTimer.singleShot(1500, window.start_background_jobs)

    _FirstPaint(window, painted)
    window.show()
    code = app.exec()
    if window.hub.store is not None:
        window.hub.store.close()
    if failure and smoke:
        raise failure[0]
    return 1 if failure else code


def snapshot(store: Store, view: str, out: Path, *, width: int = 1280, height: int = 800) -> None:
    """Render one main view offscreen to a PNG file."""
    from .main_window import MainWindow

    app = application()
    window = MainWindow(store)
    window.resize(width, height)
    window.show_page(view)
    window.show()
    for _ in range(5):
        app.processEvents()
    prepare = getattr(window.page(view), "prepare_snapshot", None)
    if prepare is not None:
        prepare()
        app.processEvents()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise DatabaseError(f"Cannot write the snapshot to {out}.")
    window.close()
