"""Helpers shared by the benchmarks: demo databases, medians, memory."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CACHE = Path(os.environ.get("BENCH_CACHE", "/tmp/career-planner-bench"))


def demo_db(scale: int) -> Path:
    """A demo database of the given scale, built once and reused across runs."""
    path = CACHE / f"demo-x{scale}.sqlite3"
    if not path.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        subprocess.run(
            [sys.executable, "-m", "planner", "--db", str(path), "demo", "--scale", str(scale)],
            check=True,
            cwd=ROOT,
            env={**os.environ, "CAREER_PLANNER_HOME": str(CACHE)},
        )
    return path


def timed(fn: Callable[[], object], repeat: int = 5) -> float:
    """Median wall time of `fn` in seconds over `repeat` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rss_mb() -> float:
    """Current resident memory of this process in MB (Linux), else the peak."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def report(name: str, value_s: float, baseline_s: float, target: str) -> str:
    line = (
        f"{name:<34} median {value_s * 1000:8.1f} ms   baseline {baseline_s * 1000:7.1f} ms"
        f"   ratio {value_s / baseline_s:5.2f}   target {target}"
    )
    print(line, flush=True)
    return line
