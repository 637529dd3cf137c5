"""Undoable actions on applications (Edit ▸ Undo, Ctrl+Z), for the session.

Each command does its work once when created (so errors surface before it is pushed),
then undo/redo replay it. A status move that is undone appends a move back: the history
is never rewritten.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoCommand

from ..models import Application
from ..services import applications as apps
from .hub import DataHub


class _Command(QUndoCommand):
    def __init__(self, hub: DataHub, text: str) -> None:
        super().__init__(text)
        self.hub = hub
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.apply()

    def apply(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError


class AddApplication(_Command):
    def __init__(self, hub: DataHub, status: str, fields: dict[str, Any]) -> None:
        super().__init__(hub, f"Add {fields.get('company', 'application')}")
        with hub.store.transaction() as session:
            self.app_id = apps.create_application(session, status=status, **fields).id
        self._snapshot: dict[str, list[dict[str, Any]]] = {}
        hub.notify_rows("applications", [self.app_id])

    def undo(self) -> None:
        with self.hub.store.transaction() as session:
            self._snapshot = apps.delete_applications(session, [self.app_id])
        self.hub.notify_rows("applications", [self.app_id])

    def apply(self) -> None:
        with self.hub.store.transaction() as session:
            apps.restore_applications(session, self._snapshot)
        self.hub.notify_rows("applications", [self.app_id])


class EditApplication(_Command):
    def __init__(self, hub: DataHub, app_id: int, changes: dict[str, Any]) -> None:
        super().__init__(hub, "Edit application")
        self.app_id = app_id
        with hub.store.transaction() as session:
            app = session.get(Application, app_id)
            self.before = {k: getattr(app, k) for k in changes}
            apps.update_application(session, app, **changes)
            self.setText(f"Edit {app.company}")
        self.after = dict(changes)
        hub.notify_rows("applications", [app_id])

    def _set(self, values: dict[str, Any]) -> None:
        with self.hub.store.transaction() as session:
            apps.update_application(session, session.get(Application, self.app_id), **values)
        self.hub.notify_rows("applications", [self.app_id])

    def undo(self) -> None:
        self._set(self.before)

    def apply(self) -> None:
        self._set(self.after)


class MoveApplications(_Command):
    def __init__(self, hub: DataHub, ids: list[int], status: str) -> None:
        super().__init__(hub, "Move application")
        self.status = status
        self.previous: dict[int, str] = {}
        with hub.store.transaction() as session:
            stage_name = apps.get_stage(session, status).name
            for app_id in ids:
                app = session.get(Application, app_id)
                if app is not None and app.status != status:
                    self.previous[app_id] = app.status
                    apps.change_status(session, app, status)
        count = len(self.previous)
        self.setText(f"Move {count} application{'s' if count != 1 else ''} to {stage_name}")
        hub.notify_rows("applications", list(self.previous))

    @property
    def moved(self) -> int:
        return len(self.previous)

    def undo(self) -> None:
        with self.hub.store.transaction() as session:
            for app_id, status in self.previous.items():
                apps.change_status(session, session.get(Application, app_id), status, note="undo")
        self.hub.notify_rows("applications", list(self.previous))

    def apply(self) -> None:
        with self.hub.store.transaction() as session:
            for app_id in self.previous:
                apps.change_status(session, session.get(Application, app_id), self.status)
        self.hub.notify_rows("applications", list(self.previous))


class DeleteApplications(_Command):
    def __init__(self, hub: DataHub, ids: list[int]) -> None:
        count = len(ids)
        super().__init__(hub, f"Delete {count} application{'s' if count != 1 else ''}")
        self.ids = list(ids)
        with hub.store.transaction() as session:
            self._snapshot = apps.delete_applications(session, self.ids)
        hub.notify_rows("applications", self.ids)

    def undo(self) -> None:
        with self.hub.store.transaction() as session:
            apps.restore_applications(session, self._snapshot)
        self.hub.notify_rows("applications", self.ids)

    def apply(self) -> None:
        with self.hub.store.transaction() as session:
            self._snapshot = apps.delete_applications(session, self.ids)
        self.hub.notify_rows("applications", self.ids)
