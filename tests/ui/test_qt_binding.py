"""Guards against known defects of the Qt binding that would crash the app."""

from __future__ import annotations

import sys


def test_process_events_keeps_none_alive(qapp):
    """PySide6 6.12.0 drops a reference to None per processEvents() call on Python 3.11,
    which aborts the interpreter after a few thousand calls."""
    before = sys.getrefcount(None)
    for _ in range(200):
        qapp.processEvents()
    assert sys.getrefcount(None) >= before - 20
