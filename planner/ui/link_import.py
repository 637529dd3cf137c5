"""Import job links in the window: a preview of what will be added, what is a duplicate
(and of what) and what is rejected (and why), a bookmark-folder picker, then the import
itself off the UI thread with progress and Cancel. Used by File ▸ Import, paste and drop.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..errors import UserError
from ..services.link_import import (
    ImportCancelled,
    ImportPlan,
    import_links,
    merge,
    plan_import,
    read_source,
)
from ..services.link_sources import ParseResult, SourceError, parse_source
from ..services.stages import list_stages
from .hub import DataHub
from .records import RecordTableModel
from .tasks import Progress, run_task


@dataclass(frozen=True)
class Source:
    """A file to read, or text that was pasted or dropped."""

    name: str
    path: Path | None = None
    data: bytes | None = None

    def parse(self, folder: str | None) -> ParseResult:
        if self.path is not None:
            return read_source(self.path, folder=folder)
        try:
            return parse_source(self.data or b"", None, folder=folder)
        except SourceError as exc:
            raise UserError(f"{self.name}: {exc}") from exc


def sources_from_mime(mime: QMimeData | None) -> list[Source]:
    """Files, links or text from a paste or a drop, as import sources."""
    if mime is None:
        return []
    sources: list[Source] = []
    web_links = []
    if mime.hasUrls():
        for url in mime.urls():
            if url.isLocalFile() and Path(url.toLocalFile()).is_file():
                path = Path(url.toLocalFile())
                sources.append(Source(path.name, path=path))
            elif url.scheme() in ("http", "https"):
                web_links.append(url.toString())
    if web_links:
        sources.append(Source("dropped links", data="\n".join(web_links).encode()))
    if not sources and mime.hasText() and mime.text().strip():
        sources.append(Source("pasted text", data=mime.text().encode("utf-8")))
    return sources


def _parse_all(sources: list[Source], folder: str | None) -> ParseResult:
    results = []
    for source in sources:
        try:
            results.append(source.parse(folder))
        except UserError:
            if folder is None:
                raise
            # A folder filter only applies to bookmark files; read the others whole.
            results.append(source.parse(None))
    return merge(results)


def _table(headers: list[str]) -> tuple[QTableView, RecordTableModel]:
    model = RecordTableModel(headers)
    view = QTableView()
    view.setModel(model)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    return view, model


class ImportPreview(QDialog):
    """Shows the plan for a set of sources; Import writes it, Cancel changes nothing."""

    def __init__(
        self,
        hub: DataHub,
        sources: list[Source],
        parsed: ParseResult,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.hub, self.sources, self.parsed = hub, sources, parsed
        self.plan: ImportPlan | None = None
        self.added: list[int] = []
        self.setWindowTitle("Import job links")
        self.setMinimumSize(860, 520)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.folder = QComboBox()
        self.folder.setAccessibleName("Bookmark folder")
        self.folder.addItem("All folders", None)
        for path in parsed.folders:
            self.folder.addItem(" ▸ ".join(path), path[-1])
        self.folder.currentIndexChanged.connect(self._folder_changed)
        self.status = QComboBox()
        self.status.setAccessibleName("Stage for the new applications")
        self.status.addItem("As found (saved, or applied for LinkedIn applications)", None)
        with hub.store.session() as session:
            for stage in list_stages(session):
                self.status.addItem(stage.name, stage.key)
        options = QHBoxLayout()
        if parsed.folders:
            options.addWidget(QLabel("Bookmark folder:"))
            options.addWidget(self.folder, 1)
        options.addWidget(QLabel("Add as:"))
        options.addWidget(self.status, 1)
        self.tabs = QTabWidget()
        self.add_view, self.add_model = _table(
            ["Company", "Title", "Board", "Job id", "Tags", "URL"]
        )
        self.dup_view, self.dup_model = _table(["Link", "Duplicate of"])
        self.rej_view, self.rej_model = _table(["Input", "Reason"])
        self.tabs.addTab(self.add_view, "To add")
        self.tabs.addTab(self.dup_view, "Duplicates")
        self.tabs.addTab(self.rej_view, "Rejected")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            "Import", QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.run_import)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self._show_plan()

    def _folder_changed(self) -> None:
        folder = self.folder.currentData()
        try:
            self.parsed = _parse_all(self.sources, folder)
        except UserError as exc:
            QMessageBox.warning(self, "Import job links", str(exc))
            return
        self._show_plan()

    def _show_plan(self) -> None:
        from ..services.link_import import company_for

        with self.hub.store.session() as session:
            self.plan = plan_import(session, self.parsed)
        plan = self.plan
        self.add_model.set_rows(
            [
                (
                    company_for(c),
                    c.title or "",
                    c.link.board,
                    c.link.external_id or "",
                    " ▸ ".join(c.tags),
                    c.link.url,
                )
                for c in plan.to_add
            ]
        )
        self.dup_model.set_rows(
            [
                (
                    d.candidate.link.url,
                    f"#{d.existing_id}: {d.existing_label}" if d.existing_id else d.existing_label,
                )
                for d in plan.duplicates
            ]
        )
        self.rej_model.set_rows([(r.input, r.reason) for r in plan.rejected])
        for view in (self.add_view, self.dup_view, self.rej_view):
            view.resizeColumnsToContents()
            for column in range(view.model().columnCount() - 1):
                view.setColumnWidth(column, min(view.columnWidth(column), 260))
        self.tabs.setTabText(0, f"To add ({len(plan.to_add)})")
        self.tabs.setTabText(1, f"Duplicates ({len(plan.duplicates)})")
        self.tabs.setTabText(2, f"Rejected ({len(plan.rejected)})")
        n = len(plan.to_add)
        self.import_button.setText(f"Import {n} link{'s' if n != 1 else ''}")
        self.import_button.setEnabled(n > 0)
        parts = [f"<b>{n}</b> new job link{'s' if n != 1 else ''} will be added"]
        if plan.duplicates:
            parts.append(f"{len(plan.duplicates)} already tracked or repeated (skipped)")
        if plan.rejected:
            parts.append(f"{len(plan.rejected)} rejected — see the Rejected tab for why")
        self.summary.setText("; ".join(parts) + ".")
        if not n and plan.rejected and not plan.duplicates:
            self.tabs.setCurrentIndex(2)

    def run_import(self) -> None:
        store, parsed, status = self.hub.store, self.parsed, self.status.currentData()

        def work(progress: Progress) -> ImportPlan:
            return import_links(
                store,
                parsed,
                status=status,
                progress=lambda done, total: progress.report(
                    done, total, f"Adding {done:,} of {total:,} links…"
                ),
                cancelled=lambda: progress.cancelled,
            )

        def done(plan: ImportPlan) -> None:
            self.added = plan.added_ids
            self.hub.notify("applications")
            self.accept()

        def failed(exc: BaseException) -> None:
            if isinstance(exc, ImportCancelled):
                QMessageBox.information(self, "Import job links", str(exc))
            else:
                text = str(exc) if isinstance(exc, UserError) else repr(exc)
                QMessageBox.critical(self, "Import job links", text)

        self.task = run_task(self, "Importing job links…", work, done, failed)


def open_import(
    hub: DataHub,
    sources: list[Source],
    parent: QWidget,
    on_preview: Callable[[ImportPreview], None] | None = None,
) -> None:
    """Parse `sources` off the UI thread, then show the preview dialog."""

    def parsed_ok(parsed: ParseResult) -> None:
        if not parsed.candidates and not parsed.rejected:
            QMessageBox.information(parent, "Import job links", "No links were found to import.")
            return
        preview = ImportPreview(hub, sources, parsed, parent)
        preview.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window = parent.window()
        if hasattr(window, "statusBar"):
            preview.accepted.connect(
                lambda: window.statusBar().showMessage(
                    f"Imported {len(preview.added):,} job links", 6000
                )
            )
        if on_preview is not None:
            on_preview(preview)
        preview.open()

    def failed(exc: BaseException) -> None:
        QMessageBox.warning(
            parent, "Import job links", str(exc) if isinstance(exc, UserError) else repr(exc)
        )

    run_task(parent, "Reading links…", lambda _p: _parse_all(sources, None), parsed_ok, failed)
