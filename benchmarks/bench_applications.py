"""Applications page with 50,000 rows: open, sort, text filter; and memory.

Baseline, in the same process: a plain QTableView over a minimal QAbstractTableModel
of the same row count (Qt's own cost for a table that size). Targets (brief): each
operation under 100 ms, memory under 300 MB.

    .venv/bin/python benchmarks/bench_applications.py [--scale 1250]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from _common import demo_db, report, rss_mb, timed  # noqa: E402
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QThreadPool  # noqa: E402
from PySide6.QtWidgets import QApplication, QTableView  # noqa: E402


class Plain(QAbstractTableModel):
    def __init__(self, rows: int) -> None:
        super().__init__()
        self.rows = [(f"Company {i}", f"Title {i}") for i in range(rows)]

    def rowCount(self, parent=QModelIndex()):  # noqa: ANN001, B008, N802
        return len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: ANN001, B008, N802
        return 10

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):  # noqa: ANN001
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column() % 2]
        return None


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument(
        "--scale", type=int, default=1250, help="demo scale (1250 = 50,000 applications)"
    )
    args = parser.parse_args()
    path = demo_db(args.scale)
    app = QApplication.instance() or QApplication([])
    rss_before = rss_mb()

    from planner.db import open_store
    from planner.ui.applications import COL, ApplicationsPage
    from planner.ui.main_window import MainWindow

    store = open_store(path)
    window = MainWindow(store)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    rows = None

    def open_baseline() -> None:
        nonlocal rows
        view = QTableView()
        model = Plain(50_000)
        view.setModel(model)
        view.resize(1000, 700)
        view.show()
        app.processEvents()
        rows = model.rowCount()
        view.close()

    pages = []

    def open_page() -> None:
        """Until the first screenful is painted; the rest keeps loading in a worker."""
        page = ApplicationsPage(window.hub, window)
        page.resize(1000, 700)
        page.show()
        app.processEvents()
        pages.append(page)

    def wait_loaded(page) -> None:  # noqa: ANN001
        while page.model.loading:  # block like an idle event loop would, not a busy spin
            QThreadPool.globalInstance().waitForDone(20)
            app.processEvents()

    def full_load() -> None:
        page = ApplicationsPage(window.hub, window)
        wait_loaded(page)
        pages.append(page)

    page = window.show_page("applications")
    wait_loaded(page)
    app.processEvents()
    rss_page = rss_mb()
    total = page.model.total
    baseline = timed(open_baseline)
    lines = [f"rows: {total:,} applications (baseline table: {rows:,} rows)"]
    print(lines[0])
    open_times = []
    for _ in range(5):  # each run waits (untimed) for the previous one's background load
        open_times.append(timed(open_page, repeat=1))
        for extra in pages:
            wait_loaded(extra)
            extra.close()
            extra.deleteLater()
        pages.clear()
    lines.append(
        report(
            "open Applications page (first paint)",
            statistics.median(open_times),
            baseline,
            "< 100 ms",
        )
    )
    lines.append(
        report(
            "  all rows loaded (background)", timed(full_load, repeat=3), baseline, "(no target)"
        )
    )
    for extra in pages:
        extra.close()
        extra.deleteLater()
    pages.clear()

    order = [Qt.SortOrder.AscendingOrder]

    def sort_company() -> None:
        order[0] = (
            Qt.SortOrder.DescendingOrder
            if order[0] == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        page.table.sortByColumn(COL["company"], order[0])
        app.processEvents()

    def sort_applied() -> None:
        order[0] = (
            Qt.SortOrder.DescendingOrder
            if order[0] == Qt.SortOrder.AscendingOrder
            else Qt.SortOrder.AscendingOrder
        )
        page.table.sortByColumn(COL["applied_on"], order[0])
        app.processEvents()

    lines.append(report("sort by company", timed(sort_company), baseline, "< 100 ms"))
    lines.append(report("sort by date applied", timed(sort_applied), baseline, "< 100 ms"))

    words = iter(["northwind", "", "remote project", "", "zephyr 7", ""] * 10)

    def filter_text() -> None:
        page.search.setText(next(words))
        app.processEvents()

    lines.append(
        report("text filter (type a word)", timed(filter_text, repeat=6), baseline, "< 100 ms")
    )
    line = (
        f"memory: {rss_page:.0f} MB resident with the 50,000-row page open "
        f"({rss_before:.0f} MB before the database)  target < 300 MB"
    )
    print(line)
    lines.append(line)
    window.close()
    store.close()


if __name__ == "__main__":
    main()
