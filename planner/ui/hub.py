"""The window's link to the store: one signal tells every view what changed."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from ..db import Store

TRACKERS = frozenset({"applications", "contacts", "study", "portfolio", "settings"})


class DataHub(QObject):
    """Holds the open Store; views subscribe to `changed` instead of polling."""

    changed = Signal(object)  # frozenset of tracker names from TRACKERS
    rows_changed = Signal(str, object)  # tracker, list of ids: a targeted refresh

    def __init__(self, store: Store | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    def notify(self, *trackers: str) -> None:
        self.changed.emit(frozenset(trackers) if trackers else TRACKERS)

    def notify_rows(self, tracker: str, ids: list[int]) -> None:
        """Some rows of one tracker changed (added, edited or deleted)."""
        self.rows_changed.emit(tracker, list(ids))

    def replace_store(self, store: Store) -> None:
        """After a restore or import: swap the store and refresh everything."""
        old, self.store = self.store, store
        if old is not None and old is not store:
            old.close()
        self.notify()

    def load_demo(self) -> None:
        """Fill an empty database with sample data (the empty states offer this)."""
        from ..services.demo import load_demo

        with self.store.transaction() as session:
            load_demo(session)
        self.notify()
