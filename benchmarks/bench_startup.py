"""Start-up to the first painted main window, against a bare PySide6 window (a QLabel).

Both are measured the same way, from launching the process to the moment it reports its
first paint (read from its output), on a demo database of 10,000 applications (scale
250: also 6,250 contacts and 15,000 study sessions). Targets (brief): at most 3x the
bare window, and under 0.5 s. "Ready" is when the window has also opened the database
and shown the dashboard.

    .venv/bin/python benchmarks/bench_startup.py [--scale 250] [--repeat 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import CACHE, ROOT, demo_db  # noqa: E402

BARE = """
import time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication([])
label = QLabel("Hello")
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            print("First paint", flush=True)
            QTimer.singleShot(0, app.quit)
        return False
watch = First()
label.installEventFilter(watch)
label.show()
app.exec()
"""


def launch(command: list[str]) -> tuple[float, float | None]:
    """Seconds from launch to the 'First paint' line, and to 'Ready' if printed."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAREER_PLANNER_HOME": str(CACHE)}
    start = time.perf_counter()
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, cwd=ROOT, env=env)
    first = ready = None
    assert proc.stdout is not None
    for line in proc.stdout:
        now = time.perf_counter() - start
        if line.startswith("First paint") and first is None:
            first = now
        elif line.startswith("Ready"):
            ready = now
    proc.wait(timeout=60)
    if first is None:
        raise SystemExit(f"{command} printed no first paint")
    return first, ready


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    db = demo_db(args.scale)
    app_cmd = [sys.executable, "-m", "planner", "--db", str(db), "--smoke"]
    bare_cmd = [sys.executable, "-c", BARE]
    launch(app_cmd), launch(bare_cmd)  # warm the file cache
    bare, app, ready = [], [], []
    for _ in range(args.repeat):  # interleaved, so machine noise hits both alike
        bare.append(launch(bare_cmd)[0])
        first, done = launch(app_cmd)
        app.append(first)
        ready.append(done or first)
    b, a, r = statistics.median(bare), statistics.median(app), statistics.median(ready)
    print(f"database: demo scale {args.scale} ({40 * args.scale:,} applications)")
    print(f"bare QLabel window   first paint median {b * 1000:6.0f} ms")
    print(
        f"Career Planner       first paint median {a * 1000:6.0f} ms   ratio {a / b:4.2f}   targets <= 3x, < 500 ms"
    )
    print(f"Career Planner       ready (dashboard)  median {r * 1000:6.0f} ms   ratio {r / b:4.2f}")


if __name__ == "__main__":
    main()
