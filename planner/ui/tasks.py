"""Long work off the UI thread: a worker in the global thread pool, a progress dialog,
Cancel. The work function gets a `Progress` to report to and to ask about Cancel; it
must not touch widgets. Its result (or error) comes back to the UI thread by signal.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


class Cancelled(Exception):
    """Raised inside work when the user pressed Cancel; the work rolls back."""


class Progress:
    """Handed to the work function: report progress, check for Cancel."""

    def __init__(self, signals: _Signals) -> None:
        self._signals = signals
        self._cancel = threading.Event()

    def report(self, done: int, total: int, text: str = "") -> None:
        self._signals.progress.emit(done, total, text)

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise Cancelled()


class _Signals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object)


class Task(QRunnable):
    def __init__(self, work: Callable[[Progress], Any]) -> None:
        super().__init__()
        self.signals = _Signals()
        self.progress = Progress(self.signals)
        self._work = work
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self._work(self.progress)
        except BaseException as exc:  # noqa: BLE001 - handed to the UI thread as is
            self.signals.failed.emit(exc)
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()


def run_task(
    parent: QWidget | None,
    title: str,
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    *,
    show_after_ms: int = 300,
) -> Task:
    """Run `work` in the thread pool with a modal progress dialog that can cancel it."""
    task = Task(work)
    dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
    dialog.setWindowTitle(title)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(show_after_ms)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.canceled.connect(task.progress.cancel)

    def progressed(done: int, total: int, text: str) -> None:
        dialog.setMaximum(max(total, 0))
        dialog.setValue(min(done, total) if total else 0)
        if text:
            dialog.setLabelText(text)

    def finish() -> None:
        _running.discard(task)
        dialog.canceled.disconnect(task.progress.cancel)
        dialog.close()
        dialog.deleteLater()

    def done(result: object) -> None:
        finish()
        on_done(result)

    def failed(exc: BaseException) -> None:
        finish()
        on_error(exc)

    task.signals.progress.connect(progressed)
    task.signals.finished.connect(done)
    task.signals.failed.connect(failed)
    task.dialog = dialog  # type: ignore[attr-defined]
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task


def wait_for_tasks(timeout_ms: int = 10000) -> bool:
    """For shutdown and tests: wait until background work has finished."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def run_in_background(
    work: Callable[[Progress], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
) -> Task:
    """Run quick-but-not-instant work (loading a big table) off the UI thread, no dialog."""
    task = Task(work)

    def finish(callback: Callable[[Any], None], value: object) -> None:
        _running.discard(task)
        callback(value)

    task.signals.finished.connect(lambda result: finish(on_done, result))
    task.signals.failed.connect(lambda exc: finish(on_error, exc))
    _running.add(task)
    QThreadPool.globalInstance().start(task)
    return task
