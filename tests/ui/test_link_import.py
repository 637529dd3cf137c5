"""Importing links in the window: the preview, paste, drop, and Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from planner.models import Application
from planner.ui.link_import import ImportPreview, Source, _parse_all, sources_from_mime
from planner.ui.main_window import MainWindow

LINKS = (
    "https://boards.greenhouse.io/acme/jobs/11\n"
    "https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21\n"
    "https://boards.greenhouse.io/acme/jobs/11?utm_source=x\n"
    "javascript:alert(1)\n"
)


@pytest.fixture
def window(qtbot, store):
    win = MainWindow(store)
    qtbot.addWidget(win)
    win.show()
    return win


def _count(store) -> int:
    with store.session() as session:
        return session.scalar(select(func.count()).select_from(Application))


def _preview(window, text: str = LINKS) -> ImportPreview:
    sources = [Source("pasted text", data=text.encode())]
    preview = ImportPreview(window.hub, sources, _parse_all(sources, None), window)
    return preview


def test_preview_lists_new_duplicate_and_rejected_links_with_reasons(window, qtbot):
    preview = _preview(window)
    qtbot.addWidget(preview)
    assert preview.add_model.rowCount() == 2
    assert preview.dup_model.rowCount() == 1
    assert "earlier link" in preview.dup_model.rows[0][1]
    assert preview.rej_model.rowCount() == 1
    assert "javascript" in preview.rej_model.rows[0][1]
    assert preview.import_button.text() == "Import 2 links"


def test_preview_names_the_existing_entry_of_a_duplicate(window, qtbot, store):
    first = _preview(window, "https://boards.greenhouse.io/acme/jobs/11\n")
    qtbot.addWidget(first)
    with qtbot.waitSignal(first.accepted, timeout=10000):
        first.run_import()
    second = _preview(window, "https://boards.greenhouse.io/acme/jobs/11#apply\n")
    qtbot.addWidget(second)
    assert second.add_model.rowCount() == 0
    assert second.dup_model.rows[0][1].startswith("#1: Acme")
    assert not second.import_button.isEnabled()


def test_import_adds_the_links_and_refreshes_the_table(window, qtbot, store):
    page = window.show_page("applications")
    preview = _preview(window)
    qtbot.addWidget(preview)
    with qtbot.waitSignal(preview.accepted, timeout=10000):
        preview.run_import()
    assert _count(store) == 2
    qtbot.waitUntil(lambda: page.model.total == 2)


def test_cancel_mid_import_leaves_the_database_unchanged(window, qtbot, store, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    text = "\n".join(f"https://boards.greenhouse.io/acme/jobs/{n}" for n in range(1, 3000))
    preview = _preview(window, text)
    qtbot.addWidget(preview)
    preview.run_import()
    preview.task.progress.cancel()  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: bool(shown), timeout=10000)
    assert "nothing was added" in shown[0]
    assert _count(store) == 0


def test_bookmark_folder_picker_narrows_the_import(window, qtbot, tmp_path):
    html = (
        "<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<TITLE>Bookmarks</TITLE><H1>Bookmarks</H1>\n<DL><p>\n"
        "<DT><H3>Job hunt</H3>\n<DL><p>\n"
        '<DT><A HREF="https://boards.greenhouse.io/acme/jobs/1">PM</A>\n'
        "</DL><p>\n<DT><H3>Recipes</H3>\n<DL><p>\n"
        '<DT><A HREF="https://example.com/soup">Soup</A>\n'
        "</DL><p>\n</DL><p>\n"
    )
    path = tmp_path / "bookmarks.html"
    path.write_text(html)
    sources = [Source(path.name, path=path)]
    preview = ImportPreview(window.hub, sources, _parse_all(sources, None), window)
    qtbot.addWidget(preview)
    assert preview.add_model.rowCount() == 2
    preview.folder.setCurrentIndex(preview.folder.findText("Job hunt"))
    assert preview.add_model.rowCount() == 1
    assert preview.add_model.rows[0][4] == "Job hunt"


def test_paste_opens_the_preview_with_the_clipboard_links(window, qtbot):
    QApplication.clipboard().setText(LINKS)
    window.paste_links()
    qtbot.waitUntil(lambda: window.import_preview is not None, timeout=10000)
    assert window.import_preview.add_model.rowCount() == 2
    window.import_preview.reject()


def test_paste_without_links_says_so(window):
    QApplication.clipboard().setText("")
    window.paste_links()
    assert "no links" in window.statusBar().currentMessage()


def test_dropping_a_file_opens_the_preview(window, qtbot, tmp_path):
    path = tmp_path / "links.txt"
    path.write_text(LINKS)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(
        QPointF(50, 50),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    window.dropEvent(event)
    qtbot.waitUntil(lambda: window.import_preview is not None, timeout=10000)
    assert window.import_preview.add_model.rowCount() == 2
    window.import_preview.reject()


def test_dropped_web_links_and_text_become_sources():
    mime = QMimeData()
    mime.setUrls([QUrl("https://boards.greenhouse.io/acme/jobs/5")])
    sources = sources_from_mime(mime)
    assert len(sources) == 1 and b"greenhouse" in sources[0].data
    text = QMimeData()
    text.setText("see https://jobs.lever.co/acme/8f2b6c1e-3a47-4d2b-9c5e-1f0a7b3d9e21")
    assert sources_from_mime(text)[0].name == "pasted text"
    assert sources_from_mime(QMimeData()) == []
